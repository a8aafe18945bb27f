"""The SQLite store: round trips, idempotent re-runs, failures, and schema versions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from narrascope.document import Analysis, Document, Label, Span
from narrascope.errors import InputError, NarrascopeError
from narrascope.store import SCHEMA_VERSION, Store


def _doc(text: str = "Minister Belov warned of «провокации» on 4 June.") -> Document:
    doc = Document(
        text=text,
        title="A title",
        source="Outlet",
        url="https://example.org/x",
        published=dt.date(2023, 6, 8),
        language="en",
        metadata={"input": "a.txt", "warnings": ["W150: a.txt: something"]},
    )
    doc.add_span(Span(9, 14, "entity", "PER", "narrascope.entities.v1", attrs={"normal": "Belov"}))
    doc.add_span(Span(28, 38, "quote", "phrase", "narrascope.quotes.v1"))
    doc.add_span(Span(42, 48, "date", "day", "narrascope.dates.v1", 0.5, {"value": "2023-06-04"}))
    doc.add_label(Label("language", "en", "narrascope.language.v1", 0.99))
    doc.analyses["narrascope.entities.v1"] = Analysis("narrascope.entities.v1", "0.1.0", "spacy:x", {"k": 1})
    return doc


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    doc = _doc()
    with Store(tmp_path / "n.db") as store:
        store.save(doc)
        assert store.load(doc.id) == doc
        assert store.inputs() == [("a.txt", "ok", None, None)]


def test_saving_twice_does_not_duplicate(tmp_path: Path) -> None:
    doc = _doc()
    with Store(tmp_path / "n.db") as store:
        store.save(doc)
        store.save(doc)
        assert (store.count("documents"), store.count("spans"), store.count("labels")) == (1, 3, 1)
        # a re-analysis with fewer spans replaces the old spans, it does not add to them
        doc.spans.pop()
        store.save(doc)
        assert store.count("spans") == 2
        assert store.load(doc.id) == doc


def test_failures_are_recorded_with_code_and_reason_and_later_success_replaces_them(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.record_failure(InputError("E101", "a.txt", "empty input (no text to analyse)"))
        assert store.inputs("failed") == [("a.txt", "failed", "E101", "empty input (no text to analyse)")]
        store.save(_doc())
        assert store.inputs("failed") == []
        assert store.inputs("ok") == [("a.txt", "ok", None, None)]


def test_database_is_in_wal_mode_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(NarrascopeError, match=r"E200.*newer than this narrascope"):
        Store(path)


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(NarrascopeError, match="E200"):
        Store(path)


def test_unknown_document(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store, pytest.raises(NarrascopeError, match="no document with id"):
        store.load("0123456789abcdef")
