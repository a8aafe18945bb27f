"""RSS and Atom feeds: one Document per entry, named ``name#entry=N``."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from narrascope.document import Document
from narrascope.errors import InputError
from narrascope.ingest.dates import parse_date
from narrascope.ingest.formats import FEED, feed_root, is_feed
from narrascope.ingest.html import fragment_to_text

__all__ = ["read_feed"]

_PLAIN = {"text/plain", "text"}
_REASON_MAX = 200


def read_feed(
    data: bytes, name: str, content_type: str | None = None, base_url: str | None = None
) -> Iterator[Document | InputError]:
    """A Document or an InputError for every entry of the feed in ``data``.

    feedparser is given the bytes, never a URL or a path, so that it cannot fetch anything.
    ``content_type`` and ``base_url`` come from a download, for the encoding and relative links.
    """
    import feedparser  # type: ignore[import-untyped]

    if not is_feed(data):
        root = feed_root(data)
        found = f"its root element is <{root}>" if root else "it does not start like XML"
        raise InputError("E109", name, f"not an RSS or Atom feed ({found})")
    headers = {"content-type": content_type or "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries: list[Any] = list(parsed.get("entries") or [])
    bozo = _bozo_reason(parsed)
    if not entries:
        if bozo is not None:
            raise InputError("E109", name, f"unreadable feed: {bozo}")
        raise InputError("E101", name, "the feed has no entries")
    outlet = _clean(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        key = f"{name}#entry={number}"
        try:
            doc = _entry_document(entry, key, outlet)
        except InputError as exc:
            yield exc
            continue
        if bozo is not None:
            doc.warn(f"{name}: the feed is not well-formed ({bozo}); its entries were read leniently")
        yield doc


def _bozo_reason(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exception = parsed.get("bozo_exception")
    reason = " ".join(str(exception).split()) if exception is not None else "malformed feed"
    return reason[:_REASON_MAX] or type(exception).__name__


def _entry_document(entry: Any, key: str, outlet: str | None) -> Document:
    title = _clean(entry.get("title"))
    text = _entry_text(entry)
    if not text:
        what = f"entry {title!r}" if title else "the entry"
        raise InputError("E101", key, f"{what} has no text (no content or summary)")
    doc = Document(
        text=text,
        title=title,
        source=outlet,
        url=_clean(entry.get("link")),
        published=_entry_date(entry),
        metadata={"input": key, "format": FEED},
    )
    if entry_id := _clean(entry.get("id")):
        doc.metadata["record_id"] = entry_id
    if author := _clean(entry.get("author")):
        doc.metadata["author"] = author
    return doc


def _entry_text(entry: Any) -> str:
    """The full content when the feed carries it, else the summary; HTML becomes plain text."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((str(content.get("value") or ""), str(content.get("type") or "")))
    detail = entry.get("summary_detail") or {}
    candidates.append((str(entry.get("summary") or ""), str(detail.get("type") or "text/html")))
    for value, kind in candidates:
        if not value.strip():
            continue
        if kind.lower() in _PLAIN:
            text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        else:
            text = fragment_to_text(value)
        if text:
            return text
    return ""


def _entry_date(entry: Any) -> dt.date | None:
    """The date as the feed writes it (local to the outlet); feedparser's parsed form is in UTC."""
    for field in ("published", "updated", "created"):
        raw = entry.get(field)
        if isinstance(raw, str) and (date := parse_date(raw)) is not None:
            return date
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(field)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None
