"""Which reader an input needs: by its name's suffix, or by sniffing its first bytes."""

from __future__ import annotations

import re

__all__ = [
    "ALL_FORMATS",
    "CSV",
    "FEED",
    "HTML",
    "JSONL",
    "SINGLE_DOCUMENT",
    "TEXT",
    "WARC",
    "feed_root",
    "format_of",
    "is_feed",
    "looks_like_jsonl",
]

TEXT = "text"
HTML = "html"
JSONL = "jsonl"
CSV = "csv"
FEED = "feed"
WARC = "warc"

#: Formats that hold one article per file; ``iter_sources`` walks folders for these by default.
SINGLE_DOCUMENT = frozenset({TEXT, HTML})
ALL_FORMATS = frozenset({TEXT, HTML, JSONL, CSV, FEED, WARC})

# Double suffixes come first, so that "x.warc.gz" is not taken for some other ".gz".
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", JSONL),
    (".ndjson.gz", JSONL),
    (".warc.gz", WARC),
    (".arc.gz", WARC),
    (".txt", TEXT),
    (".text", TEXT),
    (".html", HTML),
    (".htm", HTML),
    (".xhtml", HTML),
    (".jsonl", JSONL),
    (".ndjson", JSONL),
    (".csv", CSV),
    (".tsv", CSV),
    (".rss", FEED),
    (".atom", FEED),
    (".xml", FEED),
    (".warc", WARC),
    (".arc", WARC),
)

_FEED_ROOTS = {"rss", "feed", "rdf:rdf"}
# The XML prolog (declaration, comments, doctype, processing instructions) before the root element.
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(rb"\s*<([A-Za-z_][\w:.-]*)")
_SNIFF_BYTES = 4096


def format_of(name: str) -> str | None:
    """The format a file name's suffix says, case-insensitively; None when it says nothing."""
    lowered = name.lower()
    for suffix, fmt in _SUFFIXES:
        if lowered.endswith(suffix):
            return fmt
    return None


def feed_root(data: bytes) -> str | None:
    """The name of the root element of an XML document, or None when ``data`` does not start like XML."""
    head = data[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    position = 0
    while match := _PROLOG.match(head, position):
        if match.end() == position:
            break
        position = match.end()
    root = _ROOT.match(head, position)
    return root.group(1).decode("ascii", "replace") if root else None


def is_feed(data: bytes) -> bool:
    root = feed_root(data)
    return root is not None and root.lower() in _FEED_ROOTS


def looks_like_jsonl(data: bytes) -> bool:
    """Every non-empty line starts with ``{``: JSON Lines rather than a text that quotes JSON."""
    lines = [line.strip() for line in data.removeprefix(b"\xef\xbb\xbf").splitlines()]
    lines = [line for line in lines if line]
    return bool(lines) and all(line.startswith(b"{") for line in lines)
