"""Exports of the store's tables and of query results, read back as CSV, JSON Lines and Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq  # type: ignore[import-untyped]
import pytest
from typer.testing import CliRunner

from narrascope.cli import app
from narrascope.errors import InputError, NarrascopeError
from narrascope.export import TABLES, export_table, write_result
from narrascope.store import Store
from narrascope.store.queries import counts_by_outlet_week
from small_corpus import build_corpus

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    with Store(path) as store:
        for doc in build_corpus():
            store.save(doc)
        store.record_failure(InputError("E101", "empty.txt", "empty input (no text to analyse)"))
    return path


def _expected_spans(layer: str | None = None) -> list[dict[str, Any]]:
    """The span rows an export must hold, made from the documents rather than the store."""
    rows = []
    for doc in sorted(build_corpus(), key=lambda d: d.id):
        for span in doc.spans:
            if layer and span.layer != layer:
                continue
            rows.append(
                {
                    "document_id": doc.id,
                    "outlet": doc.source,
                    "published": doc.published.isoformat() if doc.published else None,
                    "language": doc.language,
                    "layer": span.layer,
                    "label": span.label,
                    "start": span.start,
                    "end": span.end,
                    "text": span.text_in(doc),
                    "score": span.score,
                    "analyzer": span.analyzer,
                    "attrs": json.dumps(span.attrs, sort_keys=True) if span.attrs else "{}",
                }
            )
    return rows


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _as_csv(row: dict[str, Any]) -> dict[str, str]:
    return {k: "" if v is None else str(v) for k, v in row.items()}


def test_spans_read_back_equal_in_every_format(db: Path, tmp_path: Path) -> None:
    expected = _expected_spans()
    with Store(db) as store:
        assert export_table(store, "spans", "jsonl", tmp_path / "s.jsonl") == len(expected) == 14
        assert export_table(store, "spans", "csv", tmp_path / "s.csv") == 14
        # chunks of 3 rows: five record batches, the last one short
        assert export_table(store, "spans", "parquet", tmp_path / "s.parquet", chunk_size=3) == 14
    assert _read_jsonl(tmp_path / "s.jsonl") == expected
    assert _read_csv(tmp_path / "s.csv") == [_as_csv(row) for row in expected]
    parquet = pq.ParquetFile(tmp_path / "s.parquet")
    assert parquet.metadata.num_row_groups == 5
    assert parquet.schema_arrow.names == [name for name, _ in TABLES["spans"]]
    as_dates = [
        {**row, "published": dt.date.fromisoformat(row["published"]) if row["published"] else None}
        for row in expected
    ]
    assert parquet.read().to_pylist() == as_dates
    # whitespace inside a span's text is kept as it is in the document
    assert any(row["text"] == "The   police" for row in expected)
    assert not list(tmp_path.glob("*.partial"))


def test_span_filters(db: Path, tmp_path: Path) -> None:
    with Store(db) as store:
        assert export_table(store, "spans", "jsonl", tmp_path / "t.jsonl", layer="technique") == 6
        export_table(
            store,
            "spans",
            "jsonl",
            tmp_path / "ll.jsonl",
            layer="technique",
            label="Loaded_Language",
            sources="Alpha",
        )
        export_table(store, "spans", "jsonl", tmp_path / "ru.jsonl", language="ru", since="2024-03-11")
    assert _read_jsonl(tmp_path / "t.jsonl") == _expected_spans("technique")
    assert _read_jsonl(tmp_path / "ll.jsonl") == [
        r for r in _expected_spans("technique") if r["label"] == "Loaded_Language" and r["outlet"] == "Alpha"
    ]
    assert sorted(r["text"] for r in _read_jsonl(tmp_path / "ll.jsonl")) == [
        "chaos",
        "crowd",
        "shameful disgrace",
    ]
    assert {r["language"] for r in _read_jsonl(tmp_path / "ru.jsonl")} == {"ru"}
    assert len(_read_jsonl(tmp_path / "ru.jsonl")) == 4


def test_documents_labels_and_inputs(db: Path, tmp_path: Path) -> None:
    docs = {d.id: d for d in build_corpus()}
    with Store(db) as store:
        assert export_table(store, "documents", "parquet", tmp_path / "d.parquet") == 4
        assert export_table(store, "documents", "jsonl", tmp_path / "n.jsonl", layer="narrative") == 2
        assert export_table(store, "labels", "csv", tmp_path / "l.csv", layer="frame") == 3
        assert export_table(store, "inputs", "jsonl", tmp_path / "i.jsonl") == 5
        assert export_table(store, "inputs", "jsonl", tmp_path / "ia.jsonl", sources=["Alpha"]) == 2
    for row in pq.read_table(tmp_path / "d.parquet").to_pylist():
        doc = docs[row["id"]]
        assert (row["title"], row["outlet"], row["published"], row["language"], row["text"]) == (
            doc.title,
            doc.source,
            doc.published,
            doc.language,
            doc.text,
        )
        assert json.loads(row["metadata"]) == doc.metadata
    assert {docs[r["id"]].title for r in _read_jsonl(tmp_path / "n.jsonl")} == {
        "Belov on sanctions",
        "Owners blame Belov",
    }
    frames = _read_csv(tmp_path / "l.csv")
    assert list(frames[0]) == [name for name, _ in TABLES["labels"]]
    assert sorted((r["outlet"], r["label"]) for r in frames) == [
        ("Alpha", "Political"),
        ("Alpha", "Security"),
        ("Beta", "Political"),
    ]
    inputs = _read_jsonl(tmp_path / "i.jsonl")
    assert [(r["name"], r["status"], r["error_code"]) for r in inputs] == [
        ("a1.txt", "ok", None),
        ("a2.txt", "ok", None),
        ("b1.txt", "ok", None),
        ("empty.txt", "failed", "E101"),
        ("u1.txt", "ok", None),
    ]
    assert [r["name"] for r in _read_jsonl(tmp_path / "ia.jsonl")] == ["a1.txt", "a2.txt"]


def test_csv_and_jsonl_stream_to_an_open_file(db: Path) -> None:
    stream = io.StringIO()
    with Store(db) as store:
        assert export_table(store, "labels", "jsonl", stream, layer="narrative") == 3
    assert [json.loads(line)["label"] for line in stream.getvalue().splitlines()].count(
        "URW: Praise of Russia"
    ) == 1


@pytest.mark.parametrize(
    ("what", "fmt", "kwargs", "message"),
    [
        ("spans", "xlsx", {}, "E201: unknown export format 'xlsx'"),
        ("everything", "csv", {}, "E201: unknown table 'everything'"),
        ("spans", "csv", {"layer": "narrative"}, "E201: layer 'narrative' is held in labels, not spans"),
        ("labels", "csv", {"layer": "technique"}, "E201: layer 'technique' is held in spans, not labels"),
        ("spans", "csv", {"until": "2024-02-30"}, "E201: until '2024-02-30' is not a date"),
        ("spans", "csv", {"label": "Doubt"}, "E201: a label filter needs a layer"),
    ],
)
def test_bad_exports_are_refused_before_writing(
    db: Path, tmp_path: Path, what: str, fmt: str, kwargs: dict[str, Any], message: str
) -> None:
    with Store(db) as store, pytest.raises(NarrascopeError, match=message):
        export_table(store, what, fmt, tmp_path / "x.out", **kwargs)
    assert list(tmp_path.glob("x.out*")) == []


def test_parquet_needs_a_file(db: Path) -> None:
    with Store(db) as store, pytest.raises(NarrascopeError, match="E201: Parquet is written to a file"):
        export_table(store, "spans", "parquet", io.StringIO())


def test_query_results_are_written_in_every_format(db: Path, tmp_path: Path) -> None:
    with Store(db) as store:
        result = counts_by_outlet_week(store, "technique")
        empty = counts_by_outlet_week(store, "quote")
    for fmt in ("csv", "jsonl", "parquet"):
        assert write_result(result, fmt, tmp_path / f"r.{fmt}") == 4
    assert _read_jsonl(tmp_path / "r.jsonl") == result.to_dicts()
    assert pq.read_table(tmp_path / "r.parquet").to_pylist() == result.to_dicts()
    assert _read_csv(tmp_path / "r.csv") == [_as_csv(row) for row in result.to_dicts()]
    assert write_result(empty, "parquet", tmp_path / "e.parquet") == 0
    assert pq.read_table(tmp_path / "e.parquet").column_names == empty.columns


def test_cli_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.parquet"
    result = runner.invoke(
        app, ["export", "spans", "--db", str(db), "--out", str(out), "--layer", "role", "--source", "Beta"]
    )
    assert result.exit_code == 0, result.output
    assert "exported 1 spans row(s) as parquet" in result.stderr
    assert pq.read_table(out).to_pylist()[0]["text"] == "Arkady Belov"
    result = runner.invoke(app, ["export", "documents", "--db", str(db), "--format", "jsonl", "--out", "-"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 4
    result = runner.invoke(app, ["export", "spans", "--db", str(db), "--out", str(tmp_path / "x.txt")])
    assert result.exit_code == 2
    assert "give --format" in result.stderr
    result = runner.invoke(app, ["export", "nothing", "--db", str(db), "--out", str(tmp_path / "x.csv")])
    assert result.exit_code == 2
    assert "cannot export 'nothing'" in result.stderr
