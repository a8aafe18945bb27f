"""Ingestion: turn what the user gives into Documents.

Files, folders, glob patterns, URLs and standard input; plain text, HTML, JSON Lines, CSV/TSV,
RSS/Atom feeds and WARC web archives. Every record comes out as either a Document or an
InputError that names it, never silently dropped; see :func:`read_inputs`.
"""

from narrascope.ingest.fetch import USER_AGENT, Fetch, fetch_url
from narrascope.ingest.files import Skipped, Source, iter_sources, load_source, read_inputs
from narrascope.ingest.formats import format_of
from narrascope.ingest.html import html_to_document
from narrascope.ingest.mapping import ColumnMapping
from narrascope.ingest.text import decode, text_to_document

__all__ = [
    "USER_AGENT",
    "ColumnMapping",
    "Fetch",
    "Skipped",
    "Source",
    "decode",
    "fetch_url",
    "format_of",
    "html_to_document",
    "iter_sources",
    "load_source",
    "read_inputs",
    "text_to_document",
]
