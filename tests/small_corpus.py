"""A small hand-made corpus with exact counts, shared by the store, query, export and server tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from narrascope.document import Document, Label, Span
from narrascope.store import Store

A1 = "Minister Arkady Belov called the sanctions a shameful disgrace. Belov warned of chaos."
A2 = "Protesters filled the square.\n\nThe   police  said the crowd was peaceful."
B1 = "Café owners in Kyiv blamed Arkady Belov for the crisis."
U1 = "An undated note about sanctions and a disgrace."
BLAME = "URW: Blaming the war on others"


def _span(doc: Document, phrase: str, layer: str, label: str, nth: int = 0, **attrs: Any) -> None:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    doc.add_span(Span(start, start + len(phrase), layer, label, f"test.{layer}.v1", 0.9, attrs))


def _doc(text: str, title: str, source: str, published: dt.date | None, language: str, name: str) -> Document:
    return Document(
        text=text,
        title=title,
        source=source,
        published=published,
        language=language,
        metadata={"input": name},
    )


def build_corpus() -> list[Document]:
    """Four documents: two from Alpha in the week of 4 March 2024, one from Beta the week after,
    and one undated from Beta."""
    a1 = _doc(A1, "Belov on sanctions", "Alpha", dt.date(2024, 3, 6), "en", "a1.txt")
    _span(a1, "shameful disgrace", "technique", "Loaded_Language")
    _span(a1, "chaos", "technique", "Loaded_Language")
    _span(a1, "warned of chaos", "technique", "Appeal_to_Fear-Prejudice")
    _span(a1, "Arkady Belov", "entity", "PER", normal="Arkady Belov")
    _span(a1, "Belov", "entity", "PER", nth=1, normal="Arkady Belov")
    _span(a1, "Arkady Belov", "role", "Antagonist", fine_roles=["Instigator"])
    a1.add_label(Label("narrative", BLAME, "test.narratives.v1", 0.8))
    a1.add_label(Label("frame", "Political", "test.frames.v1"))

    a2 = _doc(A2, "A square", "Alpha", dt.date(2024, 3, 10), "en", "a2.txt")  # a Sunday
    _span(a2, "crowd", "technique", "Loaded_Language")
    _span(a2, "Protesters", "role", "Innocent", fine_roles=["Victim"])
    _span(a2, "The   police", "entity", "ORG")
    a2.add_label(Label("frame", "Security", "test.frames.v1"))

    b1 = _doc(B1, "Owners blame Belov", "Beta", dt.date(2024, 3, 11), "ru", "b1.txt")  # a Monday
    _span(b1, "blamed Arkady Belov for the crisis", "technique", "Doubt")
    _span(b1, "Arkady Belov", "role", "Antagonist", fine_roles=["Tyrant"])
    _span(b1, "Arkady Belov", "entity", "PER", normal="Arkady Belov")
    _span(b1, "Kyiv", "entity", "LOC")
    b1.add_label(Label("narrative", BLAME, "test.narratives.v1"))
    b1.add_label(Label("narrative", "URW: Praise of Russia", "test.narratives.v1"))
    b1.add_label(Label("frame", "Political", "test.frames.v1"))

    u1 = _doc(U1, "A note", "Beta", None, "en", "u1.txt")
    _span(u1, "disgrace", "technique", "Loaded_Language")
    u1.add_label(Label("genre", "opinion", "test.genre.v1"))
    return [a1, a2, b1, u1]


def write_corpus(path: Path) -> Path:
    """A store at ``path`` holding :func:`build_corpus`."""
    with Store(path) as store:
        for doc in build_corpus():
            store.save(doc)
    return path
