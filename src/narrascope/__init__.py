"""narrascope: shows how a news article persuades, with the evidence in the text.

The public API is small::

    import narrascope
    doc = narrascope.analyze("NATO is plotting ...", title="...", language="en")
    for span in doc.layer("quote"):
        print(span.text_in(doc), span.attrs.get("speaker"))
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from narrascope._version import __version__
from narrascope.config import Config, load_config
from narrascope.document import Analysis, Document, Label, Span
from narrascope.errors import InputError, NarrascopeError
from narrascope.pipeline import Pipeline

__all__ = [
    "Analysis",
    "Config",
    "Document",
    "InputError",
    "Label",
    "NarrascopeError",
    "Pipeline",
    "Span",
    "__version__",
    "analyze",
    "load_config",
]


@functools.cache
def _default_pipeline() -> Pipeline:
    return Pipeline()


def analyze(
    text: str,
    *,
    title: str | None = None,
    language: str | None = None,
    published: dt.date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
    **metadata: Any,
) -> Document:
    """Analyse one text with the default pipeline (or ``pipeline``) and return its Document.

    ``published`` (a date, or an ISO 8601 string such as ``"2024-06-10"``) dates the text's
    relative dates ("on Tuesday", "June 5").
    """
    doc = Document(
        text=text,
        title=title,
        language=language,
        published=published,  # type: ignore[arg-type]  # a string is read by Document
        source=source,
        url=url,
        metadata=metadata,
    )
    return (pipeline or _default_pipeline())(doc)
