"""The data model: ids, span validation, and lossless JSON round trips."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Analyze
from narrascope.document import SCHEMA, Analysis, Document, Label, Span, document_id
from narrascope.errors import NarrascopeError

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
_attrs = st.dictionaries(st.text(min_size=1, max_size=10), _json_values, max_size=3)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(min_size=1, max_size=200))
    doc = Document(
        text=text,
        title=draw(st.none() | st.text(max_size=30)),
        source=draw(st.none() | st.text(max_size=20)),
        url=draw(st.none() | st.just("https://example.org/a?b=1&c=д")),
        published=draw(st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))),
        language=draw(st.none() | st.sampled_from(["en", "ru"])),
        metadata=draw(_attrs),
    )
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        score = draw(st.none() | st.floats(0, 1, allow_nan=False))
        doc.add_span(
            Span(start, end, "layer", draw(st.text(max_size=10)), "test.thing.v1", score, draw(_attrs))
        )
    for _ in range(draw(st.integers(0, 3))):
        doc.add_label(Label("genre", draw(st.text(max_size=10)), "test.thing.v1", None, draw(_attrs)))
    doc.analyses["test.thing.v1"] = Analysis(
        "test.thing.v1", "0.1.0", draw(st.none() | st.text()), draw(_attrs)
    )
    return doc


@given(documents())
def test_json_round_trip_loses_nothing(doc: Document) -> None:
    again = Document.loads(doc.dumps())
    assert again == doc
    assert again.to_json() == doc.to_json()
    # and through a compact dump too, as the JSON Lines output writes it
    assert Document.loads(doc.dumps(indent=None)) == doc


def test_json_names_its_schema_and_refuses_others() -> None:
    doc = Document("Text.")
    data = json.loads(doc.dumps())
    assert data["schema"] == SCHEMA
    data["schema"] = "narrascope.document/999"
    with pytest.raises(NarrascopeError) as caught:
        Document.from_json(data)
    assert caught.value.code == "E011"


def test_id_is_a_hash_of_normalised_text() -> None:
    a = Document("Security  chiefs met\r\non Tuesday.")
    b = Document("Security chiefs met\non Tuesday. ")
    c = Document("Security chiefs met on Wednesday.")
    assert a.id == b.id == document_id("Security chiefs met on Tuesday.")
    assert a.id != c.id
    assert len(a.id) == 16
    # Unicode composition does not change the id: "й" composed and decomposed
    assert document_id("Мой") == document_id("Мои\u0306")


def test_spans_must_lie_inside_the_text() -> None:
    doc = Document("short")
    doc.add_span(Span(0, 5, "entity", "PER", "test.thing.v1"))
    with pytest.raises(NarrascopeError, match=r"E010.*ends past the text"):
        doc.add_span(Span(2, 6, "entity", "PER", "test.thing.v1"))
    with pytest.raises(NarrascopeError, match="E010"):
        Span(4, 2, "entity", "PER", "test.thing.v1")


def test_layer_returns_spans_in_text_order() -> None:
    doc = Document("abcdefgh")
    doc.add_span(Span(4, 6, "x", "b", "test.thing.v1"))
    doc.add_span(Span(0, 2, "x", "a", "test.thing.v1"))
    doc.add_span(Span(0, 8, "y", "c", "test.thing.v1"))
    assert [s.label for s in doc.layer("x")] == ["a", "b"]
    assert [s.text_in(doc) for s in doc.layer("y")] == ["abcdefgh"]


def test_published_is_read_from_an_iso_string_or_a_datetime_and_refused_otherwise() -> None:
    assert Document("Text.", published="2024-06-10").published == dt.date(2024, 6, 10)  # type: ignore[arg-type]
    moment = dt.datetime(2024, 6, 10, 23, 30)
    assert Document("Text.", published=moment).published == dt.date(2024, 6, 10)
    assert Document("Text.", published=" ").published is None  # type: ignore[arg-type]
    with pytest.raises(NarrascopeError) as caught:
        Document("Text.", published="last Tuesday")  # type: ignore[arg-type]
    assert caught.value.code == "E012" and "last Tuesday" in str(caught.value)


def test_a_published_string_dates_the_text_s_relative_dates(analyze: Analyze) -> None:
    doc = analyze("The minister arrived on June 5.", published="2024-06-10")
    assert [s.attrs["value"] for s in doc.layer("date")] == ["2024-06-05"]
