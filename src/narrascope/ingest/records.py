"""JSON Lines and CSV/TSV files: one Document per record, one InputError per bad record.

A record is named ``path#line=N`` (JSON Lines, physical line) or ``path#row=N`` (CSV, data row,
header not counted), so that the user can find it; a bad record never stops the file.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import itertools
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from narrascope.config import Config
from narrascope.document import Document
from narrascope.errors import InputError
from narrascope.ingest.dates import parse_date
from narrascope.ingest.formats import CSV, JSONL
from narrascope.ingest.html import fragment_to_text, html_to_document, looks_like_fragment, looks_like_html
from narrascope.ingest.mapping import ColumnMapping
from narrascope.ingest.text import sniff_binary, text_to_document

__all__ = ["read_csv_file", "read_jsonl", "read_jsonl_file", "record_to_document"]

# Metadata keys narrascope itself sets; a column of the same name is kept under "field_<name>".
_RESERVED = {"input", "format", "warnings", "record_id", "crawled", "canonical_url"}
_SURROGATE = re.compile("[\udc80-\udcff]")
_DELIMITERS = (",", ";", "\t", "|")
_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}


def record_to_document(fields: Mapping[str, object], key: str, fmt: str, mapping: ColumnMapping) -> Document:
    """The Document of one record; raises E108 when it has no text, E104 for HTML without main text."""
    columns = mapping.resolve(fields)
    text_column = columns.get("text")
    if text_column is None:
        raise InputError(
            "E108",
            key,
            f"no text field: looked for {mapping.looked_for('text')} (name it with --map text=FIELD)",
        )
    raw = fields[text_column]
    if raw is not None and not isinstance(raw, str):
        raise InputError("E108", key, f"text field {text_column!r} is {_kind(raw)}, not a string")
    if raw is None or not raw.strip():
        raise InputError(
            "E108", key, f"text field {text_column!r} is empty (looked for {mapping.looked_for('text')})"
        )
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        doc = html_to_document(text, key, url=_string(fields, columns.get("url")))
    elif looks_like_fragment(text):
        plain = fragment_to_text(text)
        if not plain:
            raise InputError("E104", key, f"HTML in text field {text_column!r} has no text")
        doc = text_to_document(plain, key)
    else:
        doc = text_to_document(text, key)
    doc.metadata["format"] = fmt
    _apply(doc, fields, columns)
    return doc


def _apply(doc: Document, fields: Mapping[str, object], columns: dict[str, str]) -> None:
    """The record's own title, URL, source, date, id and language win over what HTML extraction found."""
    if title := _string(fields, columns.get("title")):
        doc.title = title
    if url := _string(fields, columns.get("url")):
        doc.url = url
    if source := _string(fields, columns.get("source")):
        doc.source = source
    if language := _string(fields, columns.get("language")):
        doc.language = language.lower()
    if record_id := _string(fields, columns.get("id")):
        doc.metadata["record_id"] = record_id
    if published := _string(fields, columns.get("published")):
        date = parse_date(published)
        if date is None:
            doc.warn(
                f"{doc.metadata['input']}: cannot read the date {published!r} in field "
                f"{columns['published']!r}; the publication date is left empty"
            )
        else:
            doc.published = date
    used = set(columns.values())
    for position, (name, value) in enumerate(fields.items(), start=1):
        if name in used or value is None:
            continue
        if not name:
            if value == "":
                continue
            name = f"column_{position}"
        doc.metadata[f"field_{name}" if name in _RESERVED else name] = _as_string(value)


def _string(fields: Mapping[str, object], column: str | None) -> str | None:
    if column is None:
        return None
    value = fields.get(column)
    if value is None:
        return None
    text = _as_string(value).strip()
    return text or None


def _as_string(value: object) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _kind(value: object) -> str:
    return "an object" if isinstance(value, dict) else _JSON_KINDS.get(type(value), type(value).__name__)


# -- JSON Lines ----------------------------------------------------------------------------------


def read_jsonl(
    lines: Iterable[bytes], name: str, config: Config, mapping: ColumnMapping
) -> Iterator[Document | InputError]:
    """A result for every non-empty line of ``lines``; E101 for ``name`` when there is none."""
    number = 0
    seen = False
    iterator = iter(lines)
    while True:
        try:
            raw = next(iterator)
        except StopIteration:
            break
        except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .jsonl.gz
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            yield InputError(
                "E106",
                f"{name}#line={number + 1}",
                f"the file cannot be read from this line on ({reason or type(exc).__name__})",
            )
            return
        number += 1
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        seen = True
        key = f"{name}#line={number}"
        try:
            yield _json_record(raw, key, config, mapping)
        except InputError as exc:
            yield exc
    if not seen:
        yield InputError("E101", name, "empty input (no JSON Lines records)")


def _json_record(raw: bytes, key: str, config: Config, mapping: ColumnMapping) -> Document:
    if len(raw) > config.max_bytes:
        raise InputError(
            "E103",
            key,
            f"record of {len(raw) / 1e6:.1f} MB, over the limit of {config.max_bytes / 1e6:.1f} MB",
        )
    try:
        line = raw.decode(config.encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            "E108", key, f"invalid {config.encoding} at byte {exc.start + 1} of the line"
        ) from None
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("E108", key, f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(value, dict):
        raise InputError("E108", key, f"the line is {_kind(value)}, not a JSON object")
    return record_to_document(value, key, JSONL, mapping)


def read_jsonl_file(
    path: Path, name: str, config: Config, mapping: ColumnMapping
) -> Iterator[Document | InputError]:
    """The records of a ``.jsonl``/``.ndjson`` file, gzip-compressed when its name ends in ``.gz``."""
    try:
        with path.open("rb") as head:
            reason = sniff_binary(head.read(8192)) if not name.lower().endswith(".gz") else None
        if reason is not None:
            raise InputError("E102", name, reason)
        # Closed by the `with` below; opened here so that failing to open is one E106.
        opened = gzip.open(path, "rb") if name.lower().endswith(".gz") else path.open("rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError("E106", name, exc.strerror or str(exc)) from None
    with opened as lines:
        yield from read_jsonl(lines, name, config, mapping)


# -- CSV and TSV ---------------------------------------------------------------------------------


def read_csv_file(
    path: Path, name: str, config: Config, mapping: ColumnMapping
) -> Iterator[Document | InputError]:
    """The rows of a CSV or TSV file with a header line.

    The file is decoded with ``surrogateescape``, so a row with bytes invalid in the encoding is
    found and refused alone (E108, naming the column) while the other rows are read.
    """
    encoding = config.encoding
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"
    try:
        with path.open("rb") as head:
            reason = sniff_binary(head.read(8192))
        if reason is not None:
            raise InputError("E102", name, reason)
        handle = path.open(encoding=encoding, errors="surrogateescape", newline="")
    except LookupError:
        raise InputError("E106", name, f"unknown encoding {config.encoding!r}") from None
    except OSError as exc:
        raise InputError("E106", name, exc.strerror or str(exc)) from None
    # Articles are longer than csv's default limit of 128 KiB a field; the record limit is max_bytes.
    csv.field_size_limit(max(csv.field_size_limit(), config.max_bytes))
    with handle:
        first = handle.readline()
        if not first.strip():
            raise InputError("E101", name, "empty input (no header line)")
        delimiter = "\t" if name.lower().endswith(".tsv") else _delimiter(first)
        rows = csv.reader(itertools.chain([first], handle), delimiter=delimiter)
        try:
            header = next(rows)
        except csv.Error as exc:
            raise InputError("E108", name, f"malformed header line: {exc}") from None
        yield from _csv_rows(rows, header, name, config, mapping)


def _delimiter(header_line: str) -> str:
    """The separator the header line uses most: CSV files from Europe often use ``;``."""
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(
    rows: Iterator[list[str]], header: list[str], name: str, config: Config, mapping: ColumnMapping
) -> Iterator[Document | InputError]:
    header = [column.strip() for column in header]
    if any(_SURROGATE.search(column) for column in header):
        raise InputError("E108", name, f"the header line has bytes that are not valid {config.encoding}")
    columns = mapping.resolve(header)
    for target, wanted in mapping.explicit().items():
        if target not in columns:
            raise InputError(
                "E108",
                name,
                f"no column {wanted!r} (from the mapping {target}={wanted}); columns: {', '.join(header)}",
            )
    if "text" not in columns:
        raise InputError(
            "E108",
            name,
            f"no text column in the header (looked for {mapping.looked_for('text')}; columns: "
            f"{', '.join(header)}); name it with --map text=COLUMN, and check that the file has a header line",
        )
    number = 0
    seen = False
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            seen = True
            yield InputError("E108", f"{name}#row={number}", f"malformed CSV: {exc}")
            continue
        number += 1
        if not row:  # a blank line holds no record
            continue
        seen = True
        try:
            yield _csv_record(row, header, f"{name}#row={number}", config, mapping)
        except InputError as exc:
            yield exc
    if not seen:
        yield InputError("E101", name, "empty input (a header line but no rows)")


def _csv_record(
    row: list[str], header: list[str], key: str, config: Config, mapping: ColumnMapping
) -> Document:
    if len(row) != len(header):
        raise InputError("E108", key, f"row has {len(row)} columns, header has {len(header)}")
    size = sum(len(value) for value in row)
    if size > config.max_bytes:
        raise InputError(
            "E103", key, f"row of {size / 1e6:.1f} MB, over the limit of {config.max_bytes / 1e6:.1f} MB"
        )
    for column, value in zip(header, row, strict=True):
        bad = _SURROGATE.search(value)
        if bad is not None:
            byte = ord(bad.group()) - 0xDC00
            raise InputError(
                "E108",
                key,
                f"column {column!r} has bytes that are not valid {config.encoding} (first: 0x{byte:02X}); "
                "give the file's encoding with --encoding",
            )
    return record_to_document(dict(zip(header, row, strict=True)), key, CSV, mapping)
