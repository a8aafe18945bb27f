"""CheckThat! 2024 Task 3 (persuasion techniques in news): span files and article files.

The task's span files are one JSON object keyed by article id, each article holding a list
of its technique spans, offsets end-exclusive character offsets into the article text::

    {"421": [{"tag": "Loaded_Language", "start": 36, "end": 48}, ...], "42101": [...]}

Gold labels and a system's predictions have this same shape, so one reader serves both.
The techniques are SemEval-2023's 23 (``Document.metadata["taxonomy"] == "semeval2023"``).
Articles come as a JSON list of ``{"article_id": ..., "text": ...}`` objects
(:func:`read_checkthat_texts`); offsets only mean something against those texts, so
:func:`read_checkthat` validates and repairs the spans when it is given them, and counts
each repair in a :class:`~narrascope.formats._common.RepairLog`.

A file that is not of this shape raises E300 naming the file and the line of the item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from narrascope.document import Document, Span
from narrascope.errors import NarrascopeError
from narrascope.formats._common import RepairLog, line_error, repair_span
from narrascope.formats.jsonl import json_line

__all__ = [
    "SOURCE",
    "TAXONOMY",
    "read_checkthat",
    "read_checkthat_spans",
    "read_checkthat_texts",
    "write_checkthat",
]

SOURCE = "gold:checkthat2024"
#: CheckThat! 2024 Task 3 uses the 23 techniques of SemEval-2023 Task 3 under the same names.
TAXONOMY = "semeval2023"

SpanTuple = tuple[str, int, int]


# -- reading --------------------------------------------------------------------------------


def read_checkthat_spans(
    path: str | Path, known: Collection[str] | None = None
) -> dict[str, list[SpanTuple]]:
    """A span file as ``{article id: [(technique, start, end), ...]}``, offsets as written.

    For scoring: nothing is repaired, since a scorer must see what was submitted. A file
    that is not of the task's shape (an item without ``tag``, offsets that are not whole
    numbers, or negative, or an end before its start, an article listed twice) raises E300;
    a technique outside ``known`` raises E301. Both name the file and the line.
    """
    file, raw, data = _load(path)
    if not isinstance(data, dict):
        raise line_error(file, 1, "expected a JSON object {article id: [spans]}")
    out: dict[str, list[SpanTuple]] = {}
    for article, items in data.items():
        if not isinstance(items, list):
            raise line_error(file, json_line(raw, [article]), f"article {article}: expected a list of spans")
        spans: list[SpanTuple] = []
        for index, item in enumerate(items):
            at = (file, raw, article, index)
            if not isinstance(item, dict):
                raise _item_error(*at, f"expected a span object, found {json.dumps(item)[:40]}")
            tag, start, end = item.get("tag"), item.get("start"), item.get("end")
            if not isinstance(tag, str) or not tag.strip():
                raise _item_error(*at, "span has no technique name ('tag')")
            if not (isinstance(start, int) and isinstance(end, int)) or _boolean(start, end):
                raise _item_error(*at, f"offsets {start!r}, {end!r} are not whole numbers")
            if start < 0 or end < start:
                raise _item_error(*at, f"span [{start}, {end}) is not ordered")
            if known is not None and tag not in known:
                raise _item_error(*at, f"unknown technique {tag!r}", "E301")
            spans.append((tag, start, end))
        out[article] = spans
    return out


def read_checkthat(
    path: str | Path,
    texts: Mapping[str, str] | None = None,
    source: str = SOURCE,
    known: Collection[str] | None = None,
) -> tuple[list[Document], RepairLog]:
    """One document per article of a span file, with ``technique`` spans, and the repairs.

    With ``texts`` ({article id: text}, e.g. from :func:`read_checkthat_texts`) each span is
    checked against its article: an end past the text is clipped, white space at the edges
    is trimmed, and spans with nothing left are dropped, each counted in the log. An article
    of the span file that is not in ``texts`` raises E302: its offsets cannot be checked.
    Documents are made for the articles the span file lists, in its order; an article of
    ``texts`` that it does not list gets none (a file must list an article, even with ``[]``,
    to say that it has no techniques).

    Without ``texts`` the documents are placeholders that only carry the spans to another
    format: their text is empty, their spans are as written and unchecked,
    ``metadata["text_missing"]`` is true and their id is ``checkthat2024:<article id>``
    (the usual id is a hash of the text, which they lack).
    """
    file = Path(path)
    spans = read_checkthat_spans(file, known)
    if texts is not None:
        missing = [article for article in spans if article not in texts]
        if missing:
            shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
            raise NarrascopeError("E302", f"{file}: spans for article(s) {shown}, which have no text")
    log = RepairLog()
    docs: list[Document] = []
    for article, items in spans.items():
        metadata: dict[str, Any] = {"article_id": article, "taxonomy": TAXONOMY}
        if texts is None:
            doc = Document(text="", id=f"checkthat2024:{article}", metadata=metadata | {"text_missing": True})
            doc.warn("article text not given: spans are as in the file, unchecked")
            doc.spans.extend(Span(start, end, "technique", tag, source) for tag, start, end in items)
        else:
            doc = Document(text=texts[article], metadata=metadata)
            for tag, start, end in items:
                fixed = repair_span(doc.text, start, end, log, f"{article} {tag} [{start}, {end})")
                if fixed is not None:
                    doc.add_span(Span(fixed[0], fixed[1], "technique", tag, source))
        docs.append(doc)
    return docs, log


def read_checkthat_texts(path: str | Path) -> dict[str, str]:
    """The task's article file, a JSON list of ``{"article_id": ..., "text": ...}``, as
    ``{article id: text}``; other keys of an item are ignored, numeric ids become strings.

    Texts are kept exactly as stored (JSON escapes line ends, so nothing is translated).
    An item without an id or text, or an id listed twice, raises E300 naming file and line.
    """
    file, raw, data = _load(path)
    if not isinstance(data, list):
        raise line_error(file, 1, 'expected a JSON list of {"article_id": ..., "text": ...}')
    out: dict[str, str] = {}
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise line_error(file, json_line(raw, [index]), "expected an object with 'article_id' and 'text'")
        article, text = item.get("article_id"), item.get("text")
        if isinstance(article, bool) or not isinstance(article, str | int) or article == "":
            raise line_error(file, json_line(raw, [index]), "item has no 'article_id'")
        if not isinstance(text, str):
            raise line_error(file, json_line(raw, [index]), f"article {article}: no 'text'")
        key = str(article)
        if key in out:
            raise line_error(file, json_line(raw, [index]), f"article {key} is listed twice")
        out[key] = text
    return out


# -- writing --------------------------------------------------------------------------------


def write_checkthat(docs: Iterable[Document], path: str | Path, layer: str = "technique") -> int:
    """Write the spans of ``layer`` in the task's span format; return how many spans.

    Articles are keyed by ``metadata["article_id"]``, which every document must have (E302
    otherwise, or if two documents share one): the task's scorer knows no other ids. Spans
    are written in text order, so the same documents always give the same file.
    """
    out: dict[str, list[dict[str, Any]]] = {}
    count = 0
    for doc in docs:
        article = doc.metadata.get("article_id")
        if isinstance(article, bool) or not isinstance(article, str | int) or article == "":
            raise NarrascopeError(
                "E302",
                f"document {doc.id} has no metadata['article_id'], which CheckThat! files are keyed by",
            )
        key = str(article)
        if key in out:
            raise NarrascopeError("E302", f"two documents have article id {key}")
        spans = sorted(doc.iter_spans(layer), key=lambda s: (s.start, s.end, s.label))
        out[key] = [{"tag": s.label, "start": s.start, "end": s.end} for s in spans]
        count += len(spans)
    with Path(path).open("w", encoding="utf-8", newline="\n") as handle:
        json.dump(out, handle, ensure_ascii=False)
        handle.write("\n")
    return count


# -- shared ---------------------------------------------------------------------------------


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``json`` keeps the last of two equal keys without a word; an article listed twice is
    an error in a span file, so it is refused here."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


def _load(path: str | Path) -> tuple[Path, str, Any]:
    file = Path(path)
    if not file.is_file():
        raise NarrascopeError("E303", f"{file}: no such file")
    raw = file.read_text(encoding="utf-8-sig")
    try:
        return file, raw, json.loads(raw, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as err:
        raise line_error(file, err.lineno, f"not JSON: {err.msg} (column {err.colno})") from None
    except _DuplicateKeyError as err:
        # The second occurrence is the one to show; a key of the top object (an article id)
        # is found exactly, a key inside a span at the second place it is written.
        places = [m.start() for m in re.finditer(re.escape(json.dumps(err.key)) + r"\s*:", raw)]
        where = places[1] if len(places) > 1 else 0
        line = raw.count("\n", 0, where) + 1
        raise line_error(file, line, f"key {err.key!r} appears twice in one object") from None


def _item_error(
    file: Path, raw: str, article: str, index: int, reason: str, code: str = "E300"
) -> NarrascopeError:
    return line_error(file, json_line(raw, [article, index]), f"article {article}: {reason}", code)


def _boolean(*values: object) -> bool:
    """JSON ``true`` loads as a Python int; it is no offset."""
    return any(isinstance(value, bool) for value in values)
