"""Walking the inputs a user names, and reading each with the reader its format needs.

Inputs are files, folders (walked recursively), glob patterns, URLs and ``-`` for standard
input. :func:`read_inputs` is the one entry point for every format; :func:`iter_sources` and
:func:`load_source` remain for callers that read one document per file.
"""

from __future__ import annotations

import codecs
import functools
import glob
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from narrascope.config import Config
from narrascope.document import Document
from narrascope.errors import InputError
from narrascope.ingest.feeds import read_feed
from narrascope.ingest.fetch import Fetch, fetch_timeout, fetch_url, is_url, try_fetch
from narrascope.ingest.formats import (
    ALL_FORMATS,
    CSV,
    FEED,
    HTML,
    JSONL,
    SINGLE_DOCUMENT,
    TEXT,
    WARC,
    format_of,
    is_feed,
    looks_like_jsonl,
)
from narrascope.ingest.html import html_to_document, looks_like_html
from narrascope.ingest.mapping import ColumnMapping
from narrascope.ingest.records import read_csv_file, read_jsonl, read_jsonl_file
from narrascope.ingest.text import decode, text_to_document
from narrascope.ingest.warc import read_warc

__all__ = ["Skipped", "Source", "iter_sources", "load_source", "read_inputs"]

STDIN = "-"
STDIN_NAME = "<stdin>"
_GLOB_CHARS = frozenset("*?[")
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)


@dataclass
class Source:
    """One input, named as the user will recognise it."""

    name: str
    path: Path | None  # None for standard input and URLs
    format: str | None = None  # from the suffix; None when the contents decide
    url: str | None = None


@dataclass
class Skipped:
    """What was not read, so that the user is told: files in folders by suffix, and records in
    web archives that are not HTML pages (requests, images, redirects ...) by archive and reason."""

    by_suffix: Counter[str] = field(default_factory=Counter)
    records: dict[str, Counter[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.by_suffix) or self.record_count() > 0

    def record_count(self) -> int:
        return sum(sum(reasons.values()) for reasons in self.records.values())

    def describe(self) -> str:
        parts = []
        if self.by_suffix:
            suffixes = ", ".join(
                f"{n} {suffix or '(no suffix)'}" for suffix, n in sorted(self.by_suffix.items())
            )
            parts.append(
                f"skipped {sum(self.by_suffix.values())} file(s) in folders in no format narrascope reads: {suffixes}"
            )
        if self.record_count():
            reasons: Counter[str] = Counter()
            archives = 0
            for counts in self.records.values():
                reasons.update(counts)
                archives += bool(counts)
            listed = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
            parts.append(
                f"skipped {self.record_count()} record(s) in {archives} web archive(s) "
                f"that are not HTML pages: {listed}"
            )
        return "; ".join(parts)


def iter_sources(
    inputs: Iterable[str], skipped: Skipped, formats: Collection[str] = SINGLE_DOCUMENT
) -> Iterator[Source | InputError]:
    """Each named input. Folders are walked in sorted order, skipping hidden files, and yield the
    files of ``formats`` (counting the rest in ``skipped``); a pattern with ``* ? [`` that is not
    an existing path is expanded, in sorted order, like a shell glob."""
    for raw in inputs:
        if raw == STDIN:
            yield Source(STDIN_NAME, None)
        elif is_url(raw):
            yield Source(raw, None, url=raw)
        elif Path(raw).exists() or not _GLOB_CHARS.intersection(raw):
            yield from _expand(Path(raw), raw, skipped, formats)
        else:
            # Path.glob takes no absolute patterns; users write both.
            matches = sorted(glob.glob(raw, recursive=True))  # noqa: PTH207
            if not matches:
                yield InputError("E100", raw, "no file matches the pattern")
            for match in matches:
                yield from _expand(Path(match), match, skipped, formats)


def _expand(
    path: Path, raw: str, skipped: Skipped, formats: Collection[str]
) -> Iterator[Source | InputError]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if child.is_dir() or any(part.startswith(".") for part in relative.parts):
                continue
            fmt = format_of(child.name)
            if fmt in formats:
                yield Source(str(child), child, fmt)
            else:
                skipped.by_suffix[child.suffix.lower()] += 1
    elif path.exists():
        yield Source(str(path), path, format_of(path.name))
    else:
        yield InputError("E100", raw, "no such file or folder")


def _read_bytes(source: Source, limit: int, stdin: BinaryIO) -> bytes:
    if source.path is None:
        data = stdin.read(limit + 1)
    else:
        try:
            size = source.path.stat().st_size
            if size > limit:
                raise InputError("E103", source.name, _too_big(size, limit))
            data = source.path.read_bytes()
        except PermissionError:
            raise InputError("E106", source.name, "permission denied") from None
        except IsADirectoryError:
            raise InputError("E106", source.name, "is a directory") from None
        except OSError as exc:
            raise InputError("E106", source.name, exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise InputError("E103", source.name, _too_big(len(data), limit, at_least=source.path is None))
    return data


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"{more}{size / 1e6:.1f} MB, over the limit of {limit / 1e6:.1f} MB "
        "(raise input.max_bytes in a config file, or --max-bytes)"
    )


def load_source(source: Source, config: Config, stdin: BinaryIO | None = None) -> Document:
    """Read, decode and extract one single-document input; raises InputError with its reason.

    Files that hold many records (JSON Lines, CSV, feeds, web archives) and URLs are refused
    with E106: :func:`read_inputs` reads those.
    """
    if source.url is not None or (source.format is not None and source.format not in SINGLE_DOCUMENT):
        what = "a URL" if source.url is not None else f"a {source.format} file of many records"
        raise InputError("E106", source.name, f"{what}; read it with narrascope.ingest.read_inputs")
    data = _read_bytes(source, config.max_bytes, stdin or sys.stdin.buffer)
    return _single_document(data, source.name, config.encoding, source.format)


def _single_document(
    data: bytes, name: str, encoding: str, fmt: str | None, url: str | None = None
) -> Document:
    if not data.strip():
        raise InputError("E101", name, "empty input (no text to analyse)")
    text, warnings = decode(data, name, encoding)
    if fmt == HTML or (fmt != TEXT and looks_like_html(text)):
        return html_to_document(text, name, warnings, url=url)
    return text_to_document(text, name, warnings)


def read_inputs(
    inputs: Iterable[str],
    config: Config,
    skipped: Skipped | None = None,
    stdin: BinaryIO | None = None,
    mapping: ColumnMapping | None = None,
    fetch: Fetch | None = None,
) -> Iterator[Document | InputError]:
    """A Document or an InputError for every record of every input, lazily and in order.

    Never raises for one bad input or record. Each result is named by a stable key in
    ``metadata["input"]`` (Documents) or ``input_name`` (errors): the path for a text or HTML
    file, ``path#line=N`` for JSON Lines, ``path#row=N`` for CSV/TSV, ``path#entry=N`` for
    feeds and ``path@OFFSET`` for web archives. ``mapping`` says which columns of JSON Lines
    and CSV records to read (guessed from common names when None); ``fetch`` downloads URLs
    (urllib when None).
    """
    skipped = skipped if skipped is not None else Skipped()
    reader = _Reader(
        config,
        skipped,
        stdin,
        mapping or ColumnMapping(),
        fetch or functools.partial(fetch_url, max_bytes=config.max_bytes),
    )
    for item in iter_sources(inputs, skipped, ALL_FORMATS):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield from reader.read(item)
        except InputError as exc:
            yield exc


@dataclass
class _Reader:
    config: Config
    skipped: Skipped
    stdin: BinaryIO | None  # None: the process's standard input, looked up only when read
    mapping: ColumnMapping
    fetch: Fetch

    def read(self, source: Source) -> Iterator[Document | InputError]:
        """The results of one input; an InputError it raises ends that input only."""
        if source.url is not None:
            yield from self._url(source.url)
        elif source.path is None or source.format is None:
            yield from self._sniffed(self._bytes(source), source.name)
        elif source.format in SINGLE_DOCUMENT:
            yield _single_document(self._bytes(source), source.name, self.config.encoding, source.format)
        elif source.format == JSONL:
            yield from read_jsonl_file(source.path, source.name, self.config, self.mapping)
        elif source.format == CSV:
            yield from read_csv_file(source.path, source.name, self.config, self.mapping)
        elif source.format == FEED:
            yield from read_feed(self._bytes(source), source.name)
        elif source.format == WARC:
            counts = self.skipped.records.setdefault(source.name, Counter())
            yield from read_warc(source.path, source.name, self.config, counts)

    def _bytes(self, source: Source) -> bytes:
        return _read_bytes(source, self.config.max_bytes, self.stdin or sys.stdin.buffer)

    def _sniffed(self, data: bytes, name: str) -> Iterator[Document | InputError]:
        """Standard input and files without a known suffix: the contents say what they are."""
        if is_feed(data):
            yield from read_feed(data, name)
        elif looks_like_jsonl(data):
            yield from read_jsonl(data.splitlines(keepends=True), name, self.config, self.mapping)
        else:
            yield _single_document(data, name, self.config.encoding, None)

    def _url(self, url: str) -> Iterator[Document | InputError]:
        body, content_type = try_fetch(self.fetch, url, fetch_timeout(self.config))
        if len(body) > self.config.max_bytes:
            raise InputError("E103", url, _too_big(len(body), self.config.max_bytes, at_least=True))
        mime, _, params = content_type.partition(";")
        mime = mime.strip().lower()
        if is_feed(body) or mime in _FEED_TYPES:
            yield from read_feed(body, url, content_type or None, base_url=url)
            return
        charset = _charset(params) or self.config.encoding
        fmt = (
            HTML if mime in ("text/html", "application/xhtml+xml") else TEXT if mime == "text/plain" else None
        )
        doc = _single_document(body, url, charset, fmt, url=url)
        if doc.url and doc.url != url:
            doc.metadata["canonical_url"] = doc.url
        doc.url = url
        yield doc


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            try:
                return codecs.lookup(value.strip().strip("\"'")).name
            except LookupError:
                return None
    return None
