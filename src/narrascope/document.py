"""The one data model that every stage speaks: documents, spans and labels with provenance.

Offsets are Python string indices into ``Document.text`` (code points, end exclusive), so
``doc.text[span.start:span.end]`` is always the evidence. Every span and label names the
analyzer that made it by its registered, versioned name; the details of that run (model,
settings) are kept once per analyzer in ``Document.analyses``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from narrascope.errors import NarrascopeError

__all__ = ["SCHEMA", "Analysis", "Document", "Label", "Span", "document_id", "normalise_text"]

#: Written into every serialised document; bumped when the JSON shape changes incompatibly.
SCHEMA = "narrascope.document/1"

JSONDict = dict[str, Any]


def normalise_text(text: str) -> str:
    """The form of a text that identifies it: NFC, whitespace runs collapsed, trimmed.

    Two copies of an article that differ only in line endings, spacing or Unicode
    composition get the same id, so the store never holds them twice.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def document_id(text: str) -> str:
    """Stable id of a text: the first 16 hex digits (64 bits) of SHA-256 of its normalised form."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch of a document's text.

    ``layer`` groups spans by kind (``entity``, ``date``, ``quote``, ``sentence`` ...), ``label``
    is the value within the layer (``PER``, ``direct`` ...). ``attrs`` holds what a layer needs
    beyond that, such as a date's ISO value or a quote's speaker; it must be JSON-serialisable.
    """

    start: int
    end: int
    layer: str
    label: str
    analyzer: str
    score: float | None = None
    attrs: JSONDict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise NarrascopeError(
                "E010", f"span [{self.start}, {self.end}) of {self.analyzer} is not ordered"
            )

    def text_in(self, document: Document) -> str:
        return document.text[self.start : self.end]

    def name_in(self, document: Document) -> str:
        """What an entity (or role) span is counted as: the ``person`` it names ("Viktor
        Dralenko" for "Dralenko"), else its ``normal`` form, else its text."""
        return str(self.attrs.get("person") or self.attrs.get("normal") or self.text_in(document))

    def to_json(self) -> JSONDict:
        out: JSONDict = {
            "start": self.start,
            "end": self.end,
            "layer": self.layer,
            "label": self.label,
            "analyzer": self.analyzer,
        }
        if self.score is not None:
            out["score"] = self.score
        if self.attrs:
            out["attrs"] = self.attrs
        return out

    @classmethod
    def from_json(cls, data: JSONDict) -> Span:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            layer=str(data["layer"]),
            label=str(data["label"]),
            analyzer=str(data["analyzer"]),
            score=None if data.get("score") is None else float(data["score"]),
            attrs=dict(data.get("attrs") or {}),
        )


@dataclass(frozen=True, slots=True)
class Label:
    """A label of the whole document, such as its language, genre or a narrative."""

    layer: str
    label: str
    analyzer: str
    score: float | None = None
    attrs: JSONDict = field(default_factory=dict)

    def to_json(self) -> JSONDict:
        out: JSONDict = {"layer": self.layer, "label": self.label, "analyzer": self.analyzer}
        if self.score is not None:
            out["score"] = self.score
        if self.attrs:
            out["attrs"] = self.attrs
        return out

    @classmethod
    def from_json(cls, data: JSONDict) -> Label:
        return cls(
            layer=str(data["layer"]),
            label=str(data["label"]),
            analyzer=str(data["analyzer"]),
            score=None if data.get("score") is None else float(data["score"]),
            attrs=dict(data.get("attrs") or {}),
        )


@dataclass(frozen=True, slots=True)
class Analysis:
    """How one analyzer ran over a document: the provenance shared by all it added."""

    analyzer: str
    narrascope_version: str
    model: str | None = None
    settings: JSONDict = field(default_factory=dict)

    def to_json(self) -> JSONDict:
        return {
            "analyzer": self.analyzer,
            "narrascope_version": self.narrascope_version,
            "model": self.model,
            "settings": self.settings,
        }

    @classmethod
    def from_json(cls, data: JSONDict) -> Analysis:
        return cls(
            analyzer=str(data["analyzer"]),
            narrascope_version=str(data["narrascope_version"]),
            model=data.get("model"),
            settings=dict(data.get("settings") or {}),
        )


@dataclass(slots=True)
class Document:
    """An article and everything the analyzers found in it.

    ``id`` defaults to :func:`document_id` of the text. ``metadata`` is free-form (input path,
    extraction warnings, custom fields); it must be JSON-serialisable. ``transient`` holds what
    analyzers hand to each other during one pipeline run (the encoder's states): it is never
    serialised, stored or compared, and the pipeline empties it when the run ends.
    """

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    metadata: JSONDict = field(default_factory=dict)
    id: str = ""
    spans: list[Span] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    analyses: dict[str, Analysis] = field(default_factory=dict)
    transient: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)
        self.published = _as_date(self.published, self.id)

    def add_span(self, span: Span) -> Span:
        """Add a span after checking that it lies inside the text."""
        if span.end > len(self.text):
            raise NarrascopeError(
                "E010",
                f"span [{span.start}, {span.end}) of {span.analyzer} ends past the text "
                f"of document {self.id} ({len(self.text)} characters)",
            )
        self.spans.append(span)
        return span

    def add_label(self, label: Label) -> Label:
        self.labels.append(label)
        return label

    def layer(self, name: str) -> list[Span]:
        """The spans of one layer, in text order."""
        return sorted((s for s in self.spans if s.layer == name), key=lambda s: (s.start, -s.end))

    def labels_of(self, name: str) -> list[Label]:
        return [label for label in self.labels if label.layer == name]

    def warnings(self) -> list[str]:
        return list(self.metadata.get("warnings", []))

    def warn(self, message: str) -> None:
        """Record ``message`` once: a document analysed again repeats its analyzers' warnings."""
        warnings = self.metadata.setdefault("warnings", [])
        if message not in warnings:
            warnings.append(message)

    def iter_spans(self, *layers: str) -> Iterator[Span]:
        wanted = set(layers)
        return (s for s in self.spans if not wanted or s.layer in wanted)

    # -- JSON -------------------------------------------------------------------------------

    def to_json(self) -> JSONDict:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "metadata": self.metadata,
            "text": self.text,
            "analyses": [a.to_json() for a in self.analyses.values()],
            "spans": [s.to_json() for s in self.spans],
            "labels": [label.to_json() for label in self.labels],
        }

    def dumps(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: JSONDict) -> Document:
        schema = data.get("schema")
        if schema != SCHEMA:
            raise NarrascopeError(
                "E011", f"document JSON has schema {schema!r}; this version reads {SCHEMA!r}"
            )
        published = data.get("published")
        analyses = [Analysis.from_json(a) for a in data.get("analyses", [])]
        return cls(
            text=str(data["text"]),
            title=data.get("title"),
            source=data.get("source"),
            url=data.get("url"),
            published=dt.date.fromisoformat(published) if published else None,
            language=data.get("language"),
            metadata=dict(data.get("metadata") or {}),
            id=str(data["id"]),
            spans=[Span.from_json(s) for s in data.get("spans", [])],
            labels=[Label.from_json(label) for label in data.get("labels", [])],
            analyses={a.analyzer: a for a in analyses},
        )

    @classmethod
    def loads(cls, raw: str) -> Document:
        return cls.from_json(json.loads(raw))


def _as_date(value: object, doc_id: str) -> dt.date | None:
    """``published`` as a date: a datetime keeps its (local) date, and an ISO 8601 string, as
    a caller of :func:`narrascope.analyze` may well pass, is read; anything else is an error
    here, not an analyzer's failure later."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        if not value.strip():
            return None  # a blank field gives no date, as a missing one does
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise NarrascopeError(
        "E012", f"document {doc_id}: published {value!r} is not a date (a datetime.date or 'YYYY-MM-DD')"
    )
