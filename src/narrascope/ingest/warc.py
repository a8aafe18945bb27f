"""Web archives (WARC and ARC, plain or gzip): one Document per archived HTML page.

A record is named ``path@OFFSET``, the byte offset warcio reports for it (in the compressed
file for ``.gz``), which is what ``warcio extract`` and CDX indexes use to find it again.
"""

from __future__ import annotations

import codecs
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrascope.config import Config
from narrascope.document import Document
from narrascope.errors import InputError
from narrascope.ingest.formats import WARC
from narrascope.ingest.html import html_to_document
from narrascope.ingest.text import decode

__all__ = ["read_warc"]

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_ARTICLE_RECORDS = {"response", "resource"}
_CHUNK = 65536
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_REASON_MAX = 200


@dataclass
class _Page:
    html: bytes
    charset: str | None
    url: str | None
    crawled: str | None


@dataclass
class _TooBig:
    size: int


class _DamagedError(Exception):
    """The archive cannot be read past this record."""


def read_warc(
    path: Path, name: str, config: Config, skipped: Counter[str]
) -> Iterator[Document | InputError]:
    """A Document or an InputError for every HTML page archived with a 2xx status.

    Other records (requests, warcinfo, metadata, images, redirects, errors) are not articles:
    each is counted in ``skipped`` by reason. Damage (a cut-off record, a corrupt gzip member)
    yields one E110 at the damaged record; the pages before it are kept.
    """
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError("E106", name, exc.strerror or str(exc)) from None
    with handle:
        size = os.fstat(handle.fileno()).st_size
        records = ArchiveIterator(handle, arc2warc=True)
        iterator = iter(records)
        while True:
            # records.offset is where the record being read starts, also when reading it fails.
            try:
                record = next(iterator)
                offset = records.offset
                taken = _take(record, config.max_bytes)
            except StopIteration:
                # warcio ends quietly when a file stops inside a record's headers.
                if records.offset < size:
                    yield _damage(name, records.offset, "the archive ends in the middle of a record")
                return
            except Exception as exc:
                # warcio fails on damaged input with whatever its parser hits (ArchiveLoadFailed,
                # EOFError, zlib.error, even AttributeError on cut-off headers), so all count as damage.
                yield _damage(name, records.offset, _reason(exc))
                return
            key = f"{name}@{offset}"
            if isinstance(taken, str):
                skipped[taken] += 1
            elif isinstance(taken, _TooBig):
                yield InputError(
                    "E103",
                    key,
                    f"page of more than {config.max_bytes / 1e6:.1f} MB, over the limit "
                    "(raise input.max_bytes in a config file, or --max-bytes)",
                )
            else:
                try:
                    yield _page_document(taken, key)
                except InputError as exc:
                    yield exc


def _take(record: Any, limit: int) -> _Page | _TooBig | str:
    """The page a record holds, or why it holds none; reads the record to its end either way."""
    # A file cut inside a record's headers leaves Content-Length missing or empty, which warcio
    # reads as an empty record; every WARC record (and ARC, converted) must have one.
    length = record.rec_headers.get_header("Content-Length")
    if length is None or not str(length).strip().isdigit():
        raise _DamagedError("the record's headers are cut short (no valid Content-Length)")
    rec_type = str(record.rec_type)
    if rec_type not in _ARTICLE_RECORDS:
        _drain(record)
        return rec_type
    if rec_type == "response":
        http = record.http_headers
        if http is None or not http.get_statuscode():
            _drain(record)
            return "response without HTTP headers"
        status = str(http.get_statuscode())
        if not status.startswith("2"):
            _drain(record)
            return f"HTTP {status}"
        content_type = http.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    mime, charset = _content_type(content_type)
    if mime not in _HTML_TYPES:
        _drain(record)
        return mime or "no content type"
    body = record.content_stream().read(limit + 1)
    _drain(record)
    if len(body) > limit:
        return _TooBig(len(body))
    return _Page(
        html=body,
        charset=charset,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        crawled=record.rec_headers.get_header("WARC-Date"),
    )


def _drain(record: Any) -> None:
    """Read the rest of the record, and raise when the file ends before its Content-Length."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    remaining = getattr(stream, "limit", None)
    if remaining is None:
        raise _DamagedError("the record has no Content-Length")
    if remaining > 0:
        raise _DamagedError(f"the record is cut short ({remaining} bytes missing)")


def _content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, setting = param.partition("=")
        if key.strip().lower() == "charset":
            charset = setting.strip().strip("\"'") or None
    return mime.strip().lower(), charset


def _page_document(page: _Page, key: str) -> Document:
    html, warnings = decode(page.html, key, _encoding(page))
    doc = html_to_document(html, key, warnings, url=page.url)
    if page.url:
        if doc.url and doc.url != page.url:
            doc.metadata["canonical_url"] = doc.url
        doc.url = page.url
    doc.metadata["format"] = WARC
    if page.crawled:
        doc.metadata["crawled"] = page.crawled
    return doc


def _encoding(page: _Page) -> str:
    """The page's charset from the HTTP header or a <meta> tag, when Python knows it; else UTF-8."""
    candidates = [page.charset]
    match = _META_CHARSET.search(page.html[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return codecs.lookup(candidate).name
        except LookupError:
            continue
    return "utf-8"


def _damage(name: str, offset: int, reason: str) -> InputError:
    return InputError("E110", f"{name}@{offset}", f"{reason}; the rest of the archive could not be read")


def _reason(exc: Exception) -> str:
    if isinstance(exc, _DamagedError):
        return str(exc)
    text = str(exc)
    if "non-chunked gzip" in text:
        return "the file is one gzip stream rather than one per record (fix it with `warcio recompress`)"
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    reason = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return f"cannot read the record ({reason[:_REASON_MAX]})"
