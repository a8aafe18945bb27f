"""Corpus queries over a store: counts per outlet and week, outlet profiles, top mentions, search.

Every function takes the same document filters (outlets, a publication date range, a language,
the names of people, places or organisations that the documents name: ``entity``, in any script
or spelling) and returns a :class:`QueryResult`, a plain table that charts, CSV files and the command line
all read. The statistics of the ``entity``, ``role`` and ``quote`` layers can also count one
actor's spans alone (``mention``): how often each outlet casts Zelensky as a villain, who quotes
Putin. ``having`` keeps the documents with given labels of any layer, whichever layer is
counted: who is cast as the villain in the articles pushing one narrative. A layer is answered from whichever table holds it: span layers (``technique``,
``entity``, ``role`` ...) from ``spans``, document-label layers (``narrative``, ``frame``,
``genre`` ...) from ``labels``. Weeks are ISO weeks named by their Monday; documents without a
publication date fall in the week ``undated``. All SQL is parameterised.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

from narrascope.errors import NarrascopeError
from narrascope.names import spelling_key
from narrascope.store._mentions import tally, wanted_names
from narrascope.store.sqlite import Store
from narrascope.taxonomy import FINE_ROLES, MAIN_ROLES

__all__ = [
    "ARTICLE_ROLE",
    "FINE_ROLE",
    "GROUPS",
    "LABEL_LAYERS",
    "MENTION_LAYERS",
    "SPAN_LAYERS",
    "Filters",
    "QueryResult",
    "counts_by_outlet_week",
    "layer_labels",
    "layer_table",
    "list_documents",
    "outlet_profile",
    "search",
    "timeline",
    "top_mentions",
]

#: Layers that no analyzer writes, read from the role layer: each fine role of a role span
#: ("Instigator", "Victim" ...; ``attrs["fine_roles"]``) as a label of its own, and each
#: mention's entity's role in the article as a whole (``attrs["article_role"]``), which counts
#: an article once per actor however its mentions are cast.
FINE_ROLE = "fine_role"
ARTICLE_ROLE = "article_role"
#: Layers narrascope and its format readers write; a layer outside these and absent from the
#: store is taken for a typo and refused, while a known one that is absent just gives no rows.
SPAN_LAYERS = frozenset(
    {
        "technique",
        "paragraph_technique",
        "entity",
        "role",
        "date",
        "quote",
        "sentence",
        "paragraph",
        "narrative_evidence",
        FINE_ROLE,
        ARTICLE_ROLE,
    }
)
LABEL_LAYERS = frozenset({"narrative", "subnarrative", "dominant_narrative", "frame", "genre", "language"})
#: Span layers whose spans name someone, and so can be counted for one name (``mention``):
#: an entity's mentions, the roles cast on them, the quotes a speaker is linked to.
MENTION_LAYERS = ("entity", "role", FINE_ROLE, ARTICLE_ROLE, "quote")

UNDATED = "undated"

#: What outlet-level queries can compare, and the column that says it: the outlet, or the
#: language (a corpus of one outlet's several editions, or without outlets at all).
GROUPS = {"outlet": "d.source", "language": "d.language"}


def _group(by: str) -> str:
    if by not in GROUPS:
        raise NarrascopeError("E201", f"cannot compare by {by!r}; choose one of {', '.join(GROUPS)}")
    return GROUPS[by]


# The Monday of the ISO week: 'weekday 0' moves forward to the next Sunday (or stays on one).
_WEEK_SQL = "COALESCE(date(d.published, 'weekday 0', '-6 days'), 'undated')"

Table = Literal["spans", "labels"]
Labels = str | Sequence[str] | None


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A table: column names and rows, in the order a chart or a CSV file wants them."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def to_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_csv(self, file: str | Path | TextIO) -> None:
        """Write the table as CSV with a header row; ``file`` is a path or an open text stream."""
        if isinstance(file, str | Path):
            with Path(file).open("w", encoding="utf-8", newline="") as stream:
                self._write_csv(stream)
        else:
            self._write_csv(file)

    def _write_csv(self, stream: TextIO) -> None:
        writer = csv.writer(stream)
        writer.writerow(self.columns)
        writer.writerows(self.rows)

    def csv_text(self) -> str:
        buffer = io.StringIO()
        self._write_csv(buffer)
        return buffer.getvalue()


def _date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise NarrascopeError("E201", f"{name} {value!r} is not a date in the form YYYY-MM-DD") from None


def _strings(value: Labels, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    values = (value,) if isinstance(value, str) else tuple(value)
    for item in values:
        if not isinstance(item, str) or not item:
            raise NarrascopeError("E201", f"{name} {item!r} must be a non-empty string")
    return values


@dataclass(frozen=True, slots=True)
class Filters:
    """Which documents (and, with a layer, which spans or labels) a query or an export covers.

    ``since`` and ``until`` are inclusive; with either, undated documents are left out.
    ``documents`` keeps those ids only (:meth:`naming` fills it from names).
    ``layer`` and ``labels`` keep documents with at least one span or label of that kind, and in
    queries over a layer they also select the spans or labels counted. ``mentions`` (set by
    :meth:`mentioning`) keeps only the spans that name one of these names. ``having`` (set by
    :meth:`having_labels`) keeps the documents with every one of these labels, whatever layer
    is counted: the villains of the articles pushing one narrative.
    """

    sources: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    language: str | None = None
    layer: str | None = None
    labels: tuple[str, ...] = ()
    documents: tuple[str, ...] | None = None  # only these ids (those naming an entity)
    mentions: tuple[str, ...] = ()  # only the spans naming one of these
    having: tuple[tuple[Table, str, str], ...] = ()  # (table, layer, label) each document must have

    @classmethod
    def make(
        cls,
        *,
        sources: Labels = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        language: str | None = None,
        layer: str | None = None,
        label: Labels = None,
    ) -> Filters:
        """Validated filters; anything malformed is refused with E201."""
        start, end = _date(since, "since"), _date(until, "until")
        if start and end and start > end:
            raise NarrascopeError("E201", f"since {start} is after until {end}")
        labels = _strings(label, "label")
        if labels and not layer:
            raise NarrascopeError("E201", "a label filter needs a layer")
        if layer is not None and not layer:
            raise NarrascopeError("E201", "layer must be a non-empty string")
        if language is not None and not language:
            raise NarrascopeError("E201", "language must be a non-empty string")
        return cls(_strings(sources, "source"), start, end, language or None, layer or None, labels)

    def documents_sql(self) -> tuple[str, list[Any]]:
        """Conditions on the documents table (aliased ``d``), joined by AND; '1' when none."""
        parts: list[str] = []
        params: list[Any] = []
        if self.sources:
            parts.append(f"d.source IN ({_marks(self.sources)})")
            params.extend(self.sources)
        if self.since:
            parts.append("d.published >= ?")
            params.append(self.since.isoformat())
        if self.until:
            # Before the next day rather than <= until, so that a stored date-time on the last
            # day still counts.
            parts.append("d.published < ?")
            params.append((self.until + dt.timedelta(days=1)).isoformat())
        if self.language:
            parts.append("d.language = ?")
            params.append(self.language)
        if self.documents is not None:
            parts.append("d.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(self.documents))
        for table, layer, label in self.having:
            source, stored = _source(table, layer, "h")
            parts.append(
                f"EXISTS (SELECT 1 FROM {source} WHERE h.layer = ? AND {_label_of(layer, 'h')} = ? "
                "AND h.document_id = d.id)"
            )
            params.extend((stored, label))
        return (" AND ".join(parts) or "1"), params

    def naming(self, store: Store, entity: Labels) -> Filters:
        """These filters, narrowed to the documents naming any of ``entity``'s names (none: as
        they are). The names are looked up once, not once for every statement that reads them."""
        if entity is None:
            return self
        names = _strings(entity, "entity")
        if not names:
            raise NarrascopeError("E201", "entity must name someone or something")
        found = {doc for name in names for doc in _naming(store, name)}
        if self.documents is not None:
            found &= set(self.documents)
        return dataclasses.replace(self, documents=tuple(sorted(found)))

    def having_labels(self, store: Store, having: Labels) -> Filters:
        """These filters, narrowed to the documents having every one of ``having``'s labels,
        each written ``LAYER=LABEL`` ("narrative=URW: Discrediting the West", "genre=opinion")."""
        if having is None:
            return self
        found = []
        for condition in _strings(having, "having"):
            layer, _, label = (part.strip() for part in condition.partition("="))
            if not layer or not label:
                raise NarrascopeError(
                    "E201", f"having {condition!r} must be LAYER=LABEL, e.g. 'genre=opinion'"
                )
            found.append((layer_table(store, layer), layer, label))
        return dataclasses.replace(self, having=(*self.having, *found))

    def mentioning(self, store: Store, mention: Labels) -> Filters:
        """These filters, counting only the spans of the layer that name any of ``mention``'s
        names (none: as they are), in the documents naming them: how often and in what role
        one actor is cast, who quotes one speaker."""
        if mention is None:
            return self
        names = _strings(mention, "mention")
        if not names:
            raise NarrascopeError("E201", "mention must name someone or something")
        if self.layer not in MENTION_LAYERS:
            raise NarrascopeError(
                "E201",
                f"mention counts the spans that name someone, in the {', '.join(MENTION_LAYERS)} "
                f"layers, not {self.layer!r}; to keep the documents naming someone, use entity",
            )
        return dataclasses.replace(self.naming(store, names), mentions=names)

    def spans_sql(self, alias: str) -> tuple[str, list[Any]]:
        """Conditions on the counted spans (table alias ``alias``, read through
        :func:`_source`), each after an AND: their labels, and that they name one of
        ``mentions``; '' when none."""
        sql = ""
        params: list[Any] = []
        if self.labels:
            sql += f" AND {_label_of(self.layer, alias)} IN ({_marks(self.labels)})"
            params.extend(self.labels)
        if self.mentions:
            # The span's own text is read only for spans that carry no name (imported ones).
            text = f"""CASE WHEN json_extract({alias}.attrs, '$.normal') IS NULL
                AND json_extract({alias}.attrs, '$.speaker_entity') IS NULL
                THEN (SELECT substr(t.text, {alias}.char_start + 1, {alias}.char_end - {alias}.char_start)
                      FROM documents t WHERE t.id = {alias}.document_id) END"""
            sql += f" AND narrascope_names(?, {alias}.attrs, {text}) = 1"
            params.append(wanted_names(self.mentions))
        return sql, params

    def having_sql(self, store: Store) -> tuple[str, list[Any]]:
        """The document conditions plus: has a span or label of ``layer`` (and ``labels``)."""
        where, params = self.documents_sql()
        if self.layer is None:
            return where, params
        source, stored = _source(layer_table(store, self.layer), self.layer, "x")
        exists = f"EXISTS (SELECT 1 FROM {source} WHERE x.layer = ? AND x.document_id = d.id"
        params = [*params, stored]
        if self.labels:
            exists += f" AND {_label_of(self.layer, 'x')} IN ({_marks(self.labels)})"
            params.extend(self.labels)
        return f"{where} AND {exists})", params


def _source(table: Table, layer: str, alias: str) -> tuple[str, str]:
    """What a query over ``layer`` reads (its FROM clause, with ``alias`` for the spans or
    labels) and the layer stored there: the table itself, or for :data:`FINE_ROLE` each fine
    role of each role span, for :data:`ARTICLE_ROLE` the role spans that carry one."""
    if layer == FINE_ROLE:
        return f"spans {alias} CROSS JOIN json_each({alias}.attrs, '$.fine_roles') {alias}_fine", "role"
    if layer == ARTICLE_ROLE:
        # Stores analysed before article roles were recorded hold none: such spans are left out.
        return (
            f"(SELECT * FROM spans WHERE json_extract(attrs, '$.article_role') IS NOT NULL) {alias}",
            "role",
        )
    return f"{table} {alias}", layer


def _label_of(layer: str | None, alias: str) -> str:
    if layer == FINE_ROLE:
        return f"{alias}_fine.value"
    if layer == ARTICLE_ROLE:
        return f"json_extract({alias}.attrs, '$.article_role')"
    return f"{alias}.label"


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _layers_in(store: Store, table: Table) -> list[str]:
    # One index probe per distinct layer instead of a scan of every row.
    rows = store.db.execute(
        f"""WITH RECURSIVE l(layer) AS (
                SELECT MIN(layer) FROM {table}
                UNION ALL SELECT (SELECT MIN(layer) FROM {table} WHERE layer > l.layer) FROM l
                WHERE l.layer IS NOT NULL)
            SELECT layer FROM l WHERE layer IS NOT NULL"""
    ).fetchall()
    return [row[0] for row in rows]


def layer_labels(store: Store) -> dict[str, list[str]]:
    """Every layer in the store with its distinct labels, sorted; a few index probes per label
    rather than a scan of every span, so that a dashboard opens at once on a large store."""
    found: dict[str, list[str]] = {}
    for table in ("spans", "labels"):
        for layer in _layers_in(store, table):
            rows = store.db.execute(
                f"""WITH RECURSIVE l(label) AS (
                        SELECT MIN(label) FROM {table} WHERE layer = ?1
                        UNION ALL SELECT (SELECT MIN(label) FROM {table} WHERE layer = ?1 AND label > l.label)
                        FROM l WHERE l.label IS NOT NULL)
                    SELECT label FROM l WHERE label IS NOT NULL""",
                (layer,),
            ).fetchall()
            found.setdefault(layer, []).extend(row[0] for row in rows)
    if "role" in found:
        found[FINE_ROLE] = sorted(FINE_ROLES)  # every one: finding those present reads every role
        found[ARTICLE_ROLE] = sorted(MAIN_ROLES)
    return found


def layer_table(store: Store, layer: str) -> Table:
    """``spans`` or ``labels``: the table that holds ``layer`` in this store (or would hold it)."""
    for table in ("spans", "labels"):
        if store.db.execute(f"SELECT 1 FROM {table} WHERE layer = ? LIMIT 1", (layer,)).fetchone():
            return table
    if layer in SPAN_LAYERS:
        return "spans"
    if layer in LABEL_LAYERS:
        return "labels"
    present = sorted({*_layers_in(store, "spans"), *_layers_in(store, "labels")})
    raise NarrascopeError(
        "E201", f"unknown layer {layer!r}; this store has: {', '.join(present) or 'no layers yet'}"
    )


def _per_document_sql(table: Table, filters: Filters, *, by_label: bool = True) -> tuple[str, list[Any]]:
    """Per document (and label): how often the layer's labels occur, read from the covering index.
    A filter on documents is applied here already, so that only their counts are grouped."""
    layer = str(filters.layer)
    source, stored = _source(table, layer, "x")
    label = _label_of(layer, "x")
    sql = f"SELECT x.document_id, {label if by_label else 'NULL'} AS label, COUNT(*) AS n FROM {source} WHERE x.layer = ?"
    spans, span_params = filters.spans_sql("x")
    sql += spans
    params: list[Any] = [stored, *span_params]
    where, doc_params = filters.documents_sql()
    if doc_params:
        sql += f" AND x.document_id IN (SELECT d.id FROM documents d WHERE {where})"
        params.extend(doc_params)
    return sql + (f" GROUP BY {label}, x.document_id" if by_label else " GROUP BY x.document_id"), params


# Without statistics SQLite may drive these joins from documents, or look documents up through
# their rows, which hold the whole text: CROSS JOIN fixes the order, and the covering index
# gives a document's outlet, date and language in one index probe.
_JOIN_DOCUMENTS = "FROM per_doc p CROSS JOIN documents d INDEXED BY documents_facets ON d.id = p.document_id"


def _layer_filters(
    store: Store,
    layer: str,
    labels: Labels,
    since: dt.date | str | None,
    until: dt.date | str | None,
    sources: Labels,
    language: str | None,
    entity: Labels,
    mention: Labels,
    having: Labels,
) -> Filters:
    """The validated filters of a query over ``layer``, narrowed to ``entity``'s documents,
    ``mention``'s spans and the documents ``having`` labels."""
    if not layer:
        raise NarrascopeError("E201", "a layer is needed (technique, narrative, entity ...)")
    made = Filters.make(
        layer=layer, label=labels, since=since, until=until, sources=sources, language=language
    )
    return made.naming(store, entity).mentioning(store, mention).having_labels(store, having)


def counts_by_outlet_week(
    store: Store,
    layer: str,
    labels: Labels = None,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    sources: Labels = None,
    language: str | None = None,
    entity: Labels = None,
    mention: Labels = None,
    having: Labels = None,
    by: str = "outlet",
) -> QueryResult:
    """Per outlet (or ``by`` language), ISO week and label: documents having the label, and its
    occurrences."""
    group = _group(by)
    filters = _layer_filters(store, layer, labels, since, until, sources, language, entity, mention, having)
    table = layer_table(store, layer)
    per_doc, params = _per_document_sql(table, filters)
    where, doc_params = filters.documents_sql()
    rows = store.db.execute(
        f"""WITH per_doc AS ({per_doc})
            SELECT {group}, {_WEEK_SQL} AS week, p.label, COUNT(*), SUM(p.n)
            {_JOIN_DOCUMENTS} WHERE {where}
            GROUP BY {group}, week, p.label
            ORDER BY {group}, week, p.label""",
        [*params, *doc_params],
    ).fetchall()
    return QueryResult([by, "week", "label", "documents", "occurrences"], rows)


def timeline(
    store: Store,
    layer: str,
    label: Labels = None,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    sources: Labels = None,
    language: str | None = None,
    entity: Labels = None,
    mention: Labels = None,
    having: Labels = None,
) -> QueryResult:
    """Per ISO week across the selected outlets: documents with the label (any of the labels
    given, or any label of the layer) and its occurrences. Every week from the first to the last
    (or from ``since`` to ``until`` when given) is listed, zeros included, so that a chart's time
    axis has no gaps; undated documents are left out.
    """
    filters = _layer_filters(store, layer, label, since, until, sources, language, entity, mention, having)
    table = layer_table(store, layer)
    per_doc, params = _per_document_sql(table, filters, by_label=False)
    where, doc_params = filters.documents_sql()
    rows = store.db.execute(
        f"""WITH per_doc AS ({per_doc})
            SELECT date(d.published, 'weekday 0', '-6 days') AS week, COUNT(*), SUM(p.n)
            {_JOIN_DOCUMENTS} WHERE {where} AND week IS NOT NULL
            GROUP BY week ORDER BY week""",
        [*params, *doc_params],
    ).fetchall()
    found = {row[0]: row for row in rows}
    first = _monday(filters.since) if filters.since else rows[0][0] if rows else None
    last = _monday(filters.until) if filters.until else rows[-1][0] if rows else None
    filled: list[tuple[Any, ...]] = []
    if first and last:
        week, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        while week <= end:
            filled.append(found.get(week.isoformat(), (week.isoformat(), 0, 0)))
            week += dt.timedelta(days=7)
    return QueryResult(["week", "documents", "occurrences"], filled)


def _monday(day: dt.date) -> str:
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def _text_words(store: Store, where: str, params: list[Any], group: str) -> dict[str | None, tuple[int, int]]:
    """(documents, words) per outlet (``group``: its column). Words are the tokens the full-text
    index counted in each text, read from its per-document sizes, so that no text has to be read
    and split again."""
    totals: dict[str | None, list[int]] = {}
    for source, size in store.db.execute(
        f"""SELECT {group}, z.sz FROM documents d LEFT JOIN documents_fts_docsize z ON z.id = d.rowid
            WHERE {where}""",
        params,
    ):
        entry = totals.setdefault(source, [0, 0])
        entry[0] += 1
        entry[1] += _text_tokens(size) if size else 0
    return {source: (docs, words) for source, (docs, words) in totals.items()}


def _text_tokens(blob: bytes) -> int:
    """The text column's token count in an FTS5 docsize record: one SQLite varint (big-endian,
    seven bits a byte, high bit set on all but the last) per column, title first."""
    value, column = 0, 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            if column == 1:
                return value
            value, column = 0, column + 1
    return 0


def outlet_profile(
    store: Store,
    layer: str,
    labels: Labels = None,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    sources: Labels = None,
    language: str | None = None,
    entity: Labels = None,
    mention: Labels = None,
    having: Labels = None,
    by: str = "outlet",
) -> QueryResult:
    """How much each outlet uses each label of a layer, comparable across outlets.

    Per outlet (or ``by`` language) and label: the outlet's documents in the selection and
    their words, the documents having the label and their share, and its occurrences per
    document and per 1,000 words. Every outlet gets a row for every label seen in the
    selection, zeros included.
    """
    group = _group(by)
    filters = _layer_filters(store, layer, labels, since, until, sources, language, entity, mention, having)
    table = layer_table(store, layer)
    per_doc, params = _per_document_sql(table, filters)
    where, doc_params = filters.documents_sql()
    found = store.db.execute(
        f"""WITH per_doc AS ({per_doc})
            SELECT {group}, p.label, COUNT(*), SUM(p.n)
            {_JOIN_DOCUMENTS} WHERE {where}
            GROUP BY {group}, p.label""",
        [*params, *doc_params],
    ).fetchall()
    outlets = _text_words(store, where, doc_params, group)
    counts = {(source, label): (docs, n) for source, label, docs, n in found}
    seen = sorted({label for _, label, _, _ in found} | set(filters.labels))
    rows: list[tuple[Any, ...]] = []
    for source in sorted(outlets, key=lambda s: (s is None, s or "")):
        documents, words = outlets[source]
        for label in seen:
            with_label, occurrences = counts.get((source, label), (0, 0))
            rows.append(
                (
                    source,
                    documents,
                    words,
                    label,
                    with_label,
                    round(with_label / documents, 4),
                    occurrences,
                    round(occurrences / documents, 4),
                    round(occurrences * 1000 / words, 4) if words else None,
                )
            )
    return QueryResult(
        [
            by,
            "documents",
            "words",
            "label",
            "documents_with_label",
            "share",
            "occurrences",
            "per_document",
            "per_1000_words",
        ],
        rows,
    )


_PERSON_SQL = "NULLIF(json_extract(s.attrs, '$.person'), '') IS NOT NULL"
# A quote's speaker: the entity it is linked to, else the words naming the speaker (in the
# nominative where the quote layer gives it: "экспертов" and "эксперты" count as one), but not
# an unresolved pronoun ("he" with no one named before) or one that stands for no one person
# ("they", "it"), which names no one.
_SPEAKER_SQL = """COALESCE(NULLIF(json_extract(s.attrs, '$.speaker_entity'), ''),
    CASE WHEN json_extract(s.attrs, '$.speaker_how') NOT IN ('pronoun', 'group')
         THEN COALESCE(NULLIF(json_extract(s.attrs, '$.speaker_normal'), ''),
                       NULLIF(json_extract(s.attrs, '$.speaker'), '')) END)"""
# ... who is a person when the article names them as one (so that "Volodymyr Zelensky" and
# "Владимир Зеленский" quoted count as one person, as when they are named).
_QUOTED_PERSON_SQL = """(json_extract(s.attrs, '$.speaker_entity') IS NOT NULL AND (
    json_extract(s.attrs, '$.speaker_how') IN ('name', 'pronoun') OR EXISTS (
        SELECT 1 FROM spans e WHERE e.document_id = s.document_id AND e.layer = 'entity'
        AND e.label = 'PER' AND json_extract(e.attrs, '$.person') = json_extract(s.attrs, '$.speaker_entity'))))"""


def top_mentions(
    store: Store,
    layer: str = "role",
    label: Labels = None,
    limit: int = 20,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    sources: Labels = None,
    language: str | None = None,
    entity: Labels = None,
    mention: Labels = None,
    having: Labels = None,
) -> QueryResult:
    """The most frequent texts of a span layer, ``limit`` per label: e.g. the entities most often
    cast as Antagonist, or the most named people. A span's text is the ``person`` it names
    when it has one ("Dralenko" counts as "Viktor Dralenko" in an article that names him so), else
    its ``normal`` form, else the document's text at its offsets, with whitespace runs collapsed.
    A place counts as its ``place``, GeoNames' English name, in every language ("Киев" and
    "Kiev" as "Kyiv"), and a region or international body as its English name ("Запад" as
    "West", "ЕС" as "European Union"). A quote counts as its speaker (the entity it is linked to, else the
    words naming the speaker), so that the quote layer lists who is quoted most; one without a
    speaker (a scare-quoted phrase) as its own words. Texts that are one name count together (:mod:`narrascope.store._mentions`):
    spellings alike in any script ("Путин", "Putin"), a surname alone with the full name the
    corpus mostly gives it, people's names that sound alike in Latin and Cyrillic letters ("Джо
    Байден", "Joe Biden"); ``also`` lists the other forms that a row counts.
    """
    if limit < 1:
        raise NarrascopeError("E201", f"limit must be at least 1, not {limit}")
    filters = _layer_filters(store, layer, label, since, until, sources, language, entity, mention, having)
    if layer_table(store, layer) != "spans":
        raise NarrascopeError("E201", f"top mentions need a span layer; {layer!r} labels whole documents")
    where, doc_params = filters.documents_sql()
    spans, span_params = filters.spans_sql("s")
    source, stored = _source("spans", layer, "s")
    # Counted here rather than in SQL: GROUP BY with COUNT(DISTINCT) over tens of thousands of
    # distinct texts sorts twice and takes seconds; rows come in index order (label, document),
    # so distinct documents are counted with one small set per document.
    rows = store.db.execute(
        f"""SELECT {_label_of(layer, "s")}, s.document_id, COALESCE(
                       NULLIF(json_extract(s.attrs, '$.person'), ''),
                       NULLIF(json_extract(s.attrs, '$.place'), ''),
                       NULLIF(json_extract(s.attrs, '$.organisation'), ''),
                       NULLIF(json_extract(s.attrs, '$.normal'), ''),
                       {_SPEAKER_SQL if layer == "quote" else "NULL"},
                       substr(d.text, s.char_start + 1, s.char_end - s.char_start)),
                   {_QUOTED_PERSON_SQL if layer == "quote" else _PERSON_SQL}
            FROM {source} JOIN documents d ON d.id = s.document_id
            WHERE s.layer = ?{spans} AND {where}
            ORDER BY {_label_of(layer, "s")}, s.document_id""",
        [stored, *span_params, *doc_params],
    )
    return QueryResult(["label", "rank", "text", "documents", "occurrences", "also"], tally(rows, limit))


def search(
    store: Store,
    query: str,
    *,
    sources: Labels = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    language: str | None = None,
    layer: str | None = None,
    label: Labels = None,
    entity: Labels = None,
    having: Labels = None,
    limit: int = 50,
    offset: int = 0,
    marks: tuple[str, str] = ("[", "]"),
) -> QueryResult:
    """Full-text search of titles and texts, best match first (FTS5 query syntax: words,
    "phrases", prefix*, AND/OR/NOT, NEAR). The snippet shows the matched words between
    ``marks``; score is the negated BM25 rank (higher is better), titles weighing double.
    ``entity`` keeps the documents naming it, or any of several names (as :func:`list_documents`).
    """
    if not query.strip():
        raise NarrascopeError("E201", "the search text is empty")
    _check_page(limit, offset)
    filters = (
        Filters.make(sources=sources, since=since, until=until, language=language, layer=layer, label=label)
        .naming(store, entity)
        .having_labels(store, having)
    )
    where, params = filters.having_sql(store)
    rows = _ranked_page(store, query, where, params, limit, offset, marks, 16)
    return QueryResult(["id", "title", "outlet", "published", "language", "snippet", "score"], rows)


def _fts_source(where: str) -> str:
    """The full-text index, joined to the documents only when a filter reads them."""
    if where == "1":
        return "documents_fts"
    return "documents_fts CROSS JOIN documents d ON d.rowid = documents_fts.rowid"


def _ranked_page(
    store: Store,
    query: str,
    where: str,
    params: list[Any],
    limit: int,
    offset: int,
    marks: tuple[str, str],
    words: int,
) -> list[tuple[Any, ...]]:
    """One page of full-text matches, best first: ranked on the index alone, then rows read and
    snippets made for that page only (in one step SQLite makes a snippet for every match
    before it sorts them). FTS5 reports a malformed query only when it runs: E201 names it."""
    try:
        return store.db.execute(
            f"""WITH top AS (
                    SELECT documents_fts.rowid AS rid, bm25(documents_fts, 2.0, 1.0) AS r
                    FROM {_fts_source(where)}
                    WHERE documents_fts MATCH ? AND {where} ORDER BY r LIMIT ? OFFSET ?)
                SELECT d.id, d.title, d.source, d.published, d.language,
                       snippet(documents_fts, -1, ?, ?, '…', ?), -top.r
                FROM top CROSS JOIN documents_fts ON documents_fts.rowid = top.rid
                CROSS JOIN documents d ON d.rowid = top.rid
                WHERE documents_fts MATCH ? ORDER BY top.r""",
            [query, *params, limit, offset, marks[0], marks[1], words, query],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise NarrascopeError("E201", f"search {query!r}: {exc}") from None


def _check_page(limit: int, offset: int) -> None:
    if limit < 1:
        raise NarrascopeError("E201", f"limit must be at least 1, not {limit}")
    if offset < 0:
        raise NarrascopeError("E201", f"offset must be 0 or more, not {offset}")


def _naming(store: Store, entity: str) -> list[str]:
    """Ids of the documents that name ``entity``: an entity span whose normal form, place ("Kyiv"
    for "Киеве") or spelling key ("Putin" for "Путин", "Zelensky" for "Zelenskyy";
    :func:`narrascope.names.spelling_key`) or organisation ("European Union" for "ЕС") is it, or a
    person whose surname's spelling key it is
    ("Zelensky" for "Volodymyr Zelensky"), or, for a span with no normal form (imported
    annotations; narrascope's own always have one), whose own text is it. Letter case is folded in
    ASCII only, as SQLite's lower() does.

    Normal forms, places, spelling keys, surnames and organisations are found by their indexes
    (migrations 4 to 8). Texts
    are found through the full-text index for the phrase, so that only the texts containing the
    name are read, only at spans of its length, and only in a store that has spans without a
    normal form at all (an index probe: NULL is a key of that index too).
    """
    name = " ".join(entity.split())
    if not name:
        raise NarrascopeError("E201", "entity must be a non-empty string")
    db = store.db
    found = {
        row[0]
        for index, key in (
            ("spans_entity_normal", "$.normal"),
            ("spans_entity_place", "$.place"),
            ("spans_entity_organisation", "$.organisation"),
        )
        for row in db.execute(
            f"""SELECT document_id FROM spans INDEXED BY {index}
               WHERE layer = 'entity' AND lower(json_extract(attrs, '{key}')) = lower(?)""",
            (name,),
        )
    }
    spelling = spelling_key(name)
    # A name of one word is a surname too: it finds the people named in full ending in it.
    probes = [("spans_entity_spelling", "$.spelling")]
    if spelling and " " not in spelling:
        probes.append(("spans_entity_surname", "$.surname"))
    for index, key in probes if spelling else []:
        found.update(
            row[0]
            for row in db.execute(
                f"""SELECT document_id FROM spans INDEXED BY {index}
                   WHERE layer = 'entity' AND json_extract(attrs, '{key}') = ?""",
                (spelling,),
            )
        )
    unnamed = db.execute(
        # INDEXED BY: for IS NULL, SQLite would rather read every entity span by (layer, ...).
        """SELECT 1 FROM spans INDEXED BY spans_entity_normal
           WHERE layer = 'entity' AND lower(json_extract(attrs, '$.normal')) IS NULL LIMIT 1"""
    ).fetchone()
    if unnamed:
        # CROSS JOIN keeps this order, and the unary + makes a document's spans come from the
        # primary key (document_id, seq): left alone, SQLite reads every entity span there is.
        found.update(
            row[0]
            for row in db.execute(
                """SELECT e.document_id FROM documents_fts f
                     CROSS JOIN documents t ON t.rowid = f.rowid
                     CROSS JOIN spans e ON e.document_id = t.id AND +e.layer = 'entity'
                   WHERE documents_fts MATCH ? AND e.char_end - e.char_start = ?
                     AND json_extract(e.attrs, '$.normal') IS NULL
                     AND lower(substr(t.text, e.char_start + 1, e.char_end - e.char_start)) = lower(?)""",
                ('"' + name.replace('"', '""') + '"', len(name), name),
            )
        )
    return sorted(found)


def list_documents(
    store: Store,
    query: str | None = None,
    *,
    sources: Labels = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    language: str | None = None,
    layer: str | None = None,
    label: Labels = None,
    entity: Labels = None,
    having: Labels = None,
    limit: int = 20,
    offset: int = 0,
    count_limit: int = 10_000,
) -> tuple[int, QueryResult]:
    """One page of the documents that match, and how many match in all, counted up to
    ``count_limit`` (a count costs as much as reading every match: past the limit, the total
    says "at least this many").

    With ``query``, a full-text search (best match first, as :func:`search`); without, the
    newest first (undated last). ``entity`` keeps documents that name it (or, given several
    names, any of them: the forms that a top-mentions row counts); the other filters are those
    of every query. The ``snippet`` column is the matched words, or the text's opening.
    """
    _check_page(limit, offset)
    filters = (
        Filters.make(sources=sources, since=since, until=until, language=language, layer=layer, label=label)
        .naming(store, entity)
        .having_labels(store, having)
    )
    where, params = filters.having_sql(store)
    if query is not None and query.strip():
        try:
            total = store.db.execute(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM {_fts_source(where)} WHERE documents_fts MATCH ? AND {where} LIMIT ?)",
                [query, *params, count_limit],
            ).fetchone()[0]
        except sqlite3.OperationalError as exc:
            raise NarrascopeError("E201", f"search {query!r}: {exc}") from None
        rows = _ranked_page(store, query, where, params, limit, offset, ("", ""), 24)
    else:
        # The covering index has every column a filter reads: no row (and no text) is read.
        total = store.db.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM documents d INDEXED BY documents_facets WHERE {where} LIMIT ?)",
            [*params, count_limit],
        ).fetchone()[0]
        rows = store.db.execute(
            f"""SELECT d.id, d.title, d.source, d.published, d.language, substr(d.text, 1, 200), NULL
                FROM documents d WHERE {where}
                ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        ).fetchall()
    columns = ["id", "title", "outlet", "published", "language", "snippet", "score"]
    return int(total), QueryResult(columns, rows)
