"""Bring a store's stored spans up to what this version records, without running a model.

Some of what the corpus queries count by is derived from a span's own attributes, not from a
model: an entity's spelling key (the entity search in any script), a person's surname key (a
surname finds people named in full), the English name of a region or international body
(:mod:`narrascope.analyzers._bodies`, with the table's kind), an actor's role in the article
as a whole (the role spans' ``article_role``), and the quotes whose speaker is a pronoun that
names no one (``speaker_how`` ``group``, "they said", or ``pronoun`` with no one linked), which
corpus counts leave out. A store analysed by an older version lacks them,
and ``analyze --resume`` does not redo analyses whose models did not change: :func:`refresh`
fills them in from the stored spans, as the analyzers would have. It is idempotent, and
touches only spans that lack something.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from narrascope.analyzers._bodies import body_of
from narrascope.analyzers.base import Analyzer
from narrascope.analyzers.quotes import pronoun_kind
from narrascope.analyzers.roles import article_roles
from narrascope.document import Document, Span
from narrascope.names import spelling_key
from narrascope.paragraphs import sentence_spans
from narrascope.store import Store

__all__ = ["refresh", "requote"]

_BATCH = 500  # documents a transaction


def refresh(store: Store, progress: Callable[[int], object] | None = None) -> Counter[str]:
    """Fill in the derived attributes of every entity, role and quote span that lacks them;
    returns how many spans gained each (``spelling``, ``surname``, ``body``, ``article_role``,
    ``pronoun_speaker``), and ``spans`` and ``documents`` changed. ``progress`` is told of each batch's documents."""
    changed: Counter[str] = Counter()
    for batch in _batches(store):
        rows = store.db.execute(
            f"""SELECT s.document_id, s.seq, s.layer, s.label, s.score, s.attrs,
                       substr(d.text, s.char_start + 1, s.char_end - s.char_start), d.language
                FROM spans s JOIN documents d ON d.id = s.document_id
                WHERE s.document_id IN ({", ".join("?" * len(batch))})
                      AND s.layer IN ('entity', 'role', 'quote')
                ORDER BY s.document_id, s.seq""",
            batch,
        ).fetchall()
        updates: list[tuple[str, str, str, int]] = []
        documents: set[str] = set()
        for doc_id, spans in _by_document(rows):
            for seq, label, attrs in _refreshed(spans, changed):
                updates.append((label, json.dumps(attrs, ensure_ascii=False, sort_keys=True), doc_id, seq))
                documents.add(doc_id)
        if updates:
            with store.db:
                store.db.executemany(
                    "UPDATE spans SET label = ?, attrs = ? WHERE document_id = ? AND seq = ?", updates
                )
        changed["spans"] += len(updates)
        changed["documents"] += len(documents)
        if progress is not None:
            progress(len(batch))
    return changed


def _batches(store: Store) -> Iterator[list[str]]:
    # Page by id rather than reading every id first: a store may hold millions of documents.
    last = ""
    while ids := [
        row[0]
        for row in store.db.execute(
            "SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT ?", (last, _BATCH)
        )
    ]:
        yield ids
        last = ids[-1]


def _by_document(rows: list[tuple[Any, ...]]) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    current: str | None = None
    spans: list[tuple[Any, ...]] = []
    for row in rows:
        if row[0] != current and spans:
            yield str(current), spans
            spans = []
        current = row[0]
        spans.append(row[1:])
    if spans:
        yield str(current), spans


def _refreshed(spans: list[tuple[Any, ...]], changed: Counter[str]) -> list[tuple[int, str, dict[str, Any]]]:
    """One document's spans ``(seq, layer, label, score, attrs, text, language)`` that gain
    something, as ``(seq, label, attrs)``."""
    out: dict[int, tuple[str, dict[str, Any]]] = {}
    roles: list[tuple[int, str, float, dict[str, Any], str]] = []
    # A one-word "person" that a table's body names ("Twitter") is that body, unless a person
    # named in full in the article has it for a surname ("Kanye West"), as the entity analyzer says.
    surnames = {
        words[-1]
        for _, layer, label, _, raw, _, _ in spans
        if layer == "entity" and label == "PER" and len(words := _name_words(raw)) > 1
    }
    for seq, layer, label, score, raw, text, language in spans:
        attrs: dict[str, Any] = json.loads(raw) if raw else {}
        before = (label, dict(attrs))
        if layer == "quote":
            kind = pronoun_kind(str(attrs.get("speaker")), language)
            if attrs.get("speaker_how") == "phrase" and kind is not None:
                attrs["speaker_how"] = kind
                changed["pronoun_speaker"] += 1
                out[seq] = (label, attrs)
            continue
        normal = attrs.get("normal")
        if isinstance(normal, str) and normal:
            if layer == "entity" and "spelling" not in attrs and (key := spelling_key(normal)):
                attrs["spelling"] = key
                changed["spelling"] += 1
            kind = label if layer == "entity" else attrs.get("entity_label", label)
            words = normal.casefold().split()
            body = (
                body_of(normal) if kind != "PER" or (len(words) == 1 and words[0] not in surnames) else None
            )
            where = "place" if body is not None and body.kind == "LOC" else "organisation"
            if body is not None and attrs.get(where) != body.name:
                # the table's name wins over an older version's ("White House" was once placed
                # in Casablanca, the Spanish "Casa Blanca")
                attrs.pop("organisation" if where == "place" else "place", None)
                attrs[where] = body.name
                if kind == "PER":  # no person after all: nothing to count or search as one
                    for key in ("person", "surname"):
                        attrs.pop(key, None)
                if layer == "entity" and label != body.kind:
                    label, attrs["kind_rule"] = body.kind, "body"
                elif layer == "role":
                    attrs["entity_label"] = body.kind
                changed["body"] += 1
        person = attrs.get("person")
        words = person.split() if isinstance(person, str) else []
        surname = spelling_key(words[-1]) if words and layer == "entity" and label == "PER" else ""
        if surname and "surname" not in attrs:
            attrs["surname"] = surname
            changed["surname"] += 1
        if layer == "role":
            roles.append((seq, label, float(score or 0.0), attrs, str(person or normal or text)))
        if (label, attrs) != before:
            out[seq] = (label, attrs)
    if roles and any("article_role" not in attrs for *_, attrs, _ in roles):
        overall = article_roles((name, label, score) for _, label, score, _, name in roles)
        for seq, label, _, attrs, name in roles:
            if attrs.get("article_role") != overall[name]:
                attrs["article_role"] = overall[name]
                out[seq] = (label, attrs)
                changed["article_role"] += 1
    return [(seq, label, attrs) for seq, (label, attrs) in sorted(out.items())]


def requote(
    store: Store, quotes: Analyzer, progress: Callable[[int], object] | None = None
) -> tuple[Counter[str], list[str]]:
    """Attribute every analysed document's quotes again with ``quotes`` (the quote analyzer of
    this version), from the stored entities and the stored paragraphs split into sentences
    again: no model runs. Returns the
    ``documents`` whose quotes changed, the ``quotes`` before and ``now``, and a line per
    document the analyzer failed on (its quotes are kept as they were; the others go on)."""
    changed: Counter[str] = Counter()
    failures: list[str] = []
    for batch in _batches(store):
        with store.db:  # one transaction a page: a store may hold millions of documents
            for doc_id in batch:
                doc = store.load(doc_id)
                if quotes.name not in doc.analyses:
                    continue
                before = [s for s in doc.spans if s.layer in ("quote", "sentence")]
                doc.spans = [s for s in doc.spans if s.layer != "quote"]
                _split_sentences_again(doc)
                try:
                    quotes(doc)
                except Exception as exc:  # one bad document costs only itself
                    failures.append(f"{doc_id}: {type(exc).__name__}: {exc}")
                    continue
                now = [s for s in doc.spans if s.layer in ("quote", "sentence")]
                changed["quotes"] += sum(s.layer == "quote" for s in before)
                changed["now"] += sum(s.layer == "quote" for s in now)
                if sorted(_key(before)) != sorted(_key(now)):
                    store.write_analysis(doc)
                    changed["documents"] += 1
        if progress is not None:
            progress(len(batch))
    return changed, failures


def _split_sentences_again(doc: Document) -> None:
    """Split the stored paragraphs into sentences with this version's rules, which the quote
    rules read (a title before a name, "said Sen. Graham", no longer ends a sentence). Only
    where the segment analyzer made them: hand-made or imported sentences stay."""
    segment = "narrascope.segment.v1"
    if segment not in doc.analyses:
        return
    paragraphs = [s for s in doc.spans if s.layer == "paragraph"]
    doc.spans = [s for s in doc.spans if s.layer != "sentence"]
    for p in paragraphs:
        for start, end in sentence_spans(doc.text, [(p.attrs.get("line", 0), p.start, p.end)]):
            doc.add_span(Span(start, end, "sentence", "sentence", segment))


def _name_words(raw: str | None) -> list[str]:
    normal = json.loads(raw).get("normal") if raw else None
    return normal.casefold().split() if isinstance(normal, str) else []


def _key(spans: list[Any]) -> list[tuple[Any, ...]]:
    return [(s.start, s.end, s.label, json.dumps(s.attrs, sort_keys=True)) for s in spans]
