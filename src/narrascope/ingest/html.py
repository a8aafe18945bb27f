"""HTML pages to Documents: the main text, title, date, outlet and URL, with trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from narrascope.document import Document
from narrascope.errors import InputError

__all__ = ["html_to_document", "looks_like_html"]

# Navigation-only pages still yield a few words ("Home About us"); below this, there is no article.
_MIN_WORDS = 5
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def html_to_document(html: str, name: str, warnings: list[str] | None = None) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        data: dict[str, Any] = {}
    else:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (data.get("text") or "").strip()
    if len(text.split()) < _MIN_WORDS:
        raise InputError("E104", name, "HTML page without main text (navigation or boilerplate only)")
    published = None
    if data.get("date"):
        try:
            published = dt.date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            published = None
    doc = Document(
        text=text,
        title=data.get("title"),
        source=data.get("sitename") or data.get("hostname"),
        url=data.get("url"),
        published=published,
        metadata={"input": name, "format": "html"},
    )
    for warning in warnings or []:
        doc.warn(warning)
    return doc
