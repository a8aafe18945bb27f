"""HTML pages to Documents: the main text, title, date, outlet and URL, with trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from narrascope.document import Document
from narrascope.errors import InputError

__all__ = ["fragment_to_text", "html_to_document", "looks_like_fragment", "looks_like_html"]

# Navigation-only pages still yield a few words ("Home About us"); below this, there is no article.
_MIN_WORDS = 5
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)


# Feed summaries and HTML kept in a record's text field are fragments: no <html>, but markup.
_FRAGMENT_START = re.compile(
    r"^\s*<(?:p|div|article|section|main|header|h[1-6]|span|a|b|i|em|strong|br|hr|img|figure|"
    r"blockquote|ul|ol|li|table|font|center)\b",
    re.IGNORECASE,
)
_FRAGMENT_TAGS = re.compile(r"</p\s*>|<br\s*/?>", re.IGNORECASE)
_BLOCKS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "article", "section", "header", "footer", "figcaption", "pre", "dd", "dt",
)  # fmt: skip


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def looks_like_fragment(text: str) -> bool:
    """Markup without a page around it, such as ``<p>One.</p><p>Two.</p>``."""
    return bool(_FRAGMENT_START.match(text[:2048]) or _FRAGMENT_TAGS.search(text))


def fragment_to_text(fragment: str) -> str:
    """The text of an HTML fragment, one paragraph a line.

    trafilatura is tried first, as for pages; it finds nothing in a one-paragraph summary, which
    is what feeds mostly carry, so then every block element's text becomes a line.
    """
    import trafilatura

    extracted = trafilatura.extract(fragment, include_comments=False, include_tables=True)
    if extracted and len(extracted.split()) >= _MIN_WORDS:
        return str(extracted).strip()
    return _plain_text(fragment)


def _plain_text(fragment: str) -> str:
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for junk in list(root.iter("script", "style", "noscript")):
        junk.drop_tree()
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
        if block.tag != "br":
            block.text = "\n" + (block.text or "")
    lines = (" ".join(line.split()) for line in str(root.text_content()).split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_document(
    html: str, name: str, warnings: list[str] | None = None, url: str | None = None
) -> Document:
    """The main text and metadata of a page; ``url`` (where it came from) helps find its date."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
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
