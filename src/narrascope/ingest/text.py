"""Bytes to text, and plain text to a Document, with the checks that bad files need."""

from __future__ import annotations

import re

from narrascope.document import Document
from narrascope.errors import InputError

__all__ = ["decode", "sniff_binary", "text_to_document"]

# Signatures of the binary files people most often pass by mistake, to name them in the error.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX/EPUB)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
_TITLE_MAX = 200


def sniff_binary(data: bytes) -> str | None:
    """Why ``data`` is not text, or None when it looks like text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return f"binary file ({what}); give the extracted text instead"
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary file (contains NUL bytes); only text and HTML can be analysed"
    return None


def decode(data: bytes, name: str, encoding: str = "utf-8") -> tuple[str, list[str]]:
    """Decode ``data``; undecodable bytes become U+FFFD and a W150 warning says so.

    Line endings are normalised to ``\\n`` (as Python's text mode does), so that offsets are the
    same whichever system wrote the file. A UTF-8 byte-order mark is dropped.
    """
    warnings: list[str] = []
    reason = sniff_binary(data)
    if reason is not None:
        raise InputError("E102", name, reason)
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8") and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        warnings.append(
            f"W150: {name}: invalid {encoding} (first bad byte at offset {exc.start}); "
            f"{bad} character(s) replaced with U+FFFD; use --encoding if the file is in another encoding"
        )
    except LookupError:
        raise InputError("E106", name, f"unknown encoding {encoding!r}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def _title(text: str) -> str | None:
    """The first line, when it is set apart from the body by an empty line, as titles are."""
    match = re.match(r"\s*([^\n]+)\n[ \t]*\n", text)
    if match and len(match.group(1).strip()) <= _TITLE_MAX:
        return match.group(1).strip()
    return None


def text_to_document(text: str, name: str, warnings: list[str] | None = None) -> Document:
    if not text.strip():
        raise InputError("E101", name, "empty input (no text to analyse)")
    doc = Document(text=text, title=_title(text), metadata={"input": name, "format": "text"})
    for warning in warnings or []:
        doc.warn(warning)
    return doc
