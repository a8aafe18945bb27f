"""Ingestion: turn what the user gives (files, folders, standard input) into Documents.

Every input comes out as either a Document or an InputError that names it, never silently
dropped; see :func:`read_inputs`.
"""

from narrascope.ingest.files import Skipped, iter_sources, read_inputs
from narrascope.ingest.html import html_to_document
from narrascope.ingest.text import decode, text_to_document

__all__ = ["Skipped", "decode", "html_to_document", "iter_sources", "read_inputs", "text_to_document"]
