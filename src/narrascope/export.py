"""Exports of a store's tables, and of query results, as CSV, JSON Lines or Parquet.

Rows stream from SQLite in chunks and go out chunk by chunk (Parquet as one record batch, one
row group, per chunk), so an export of millions of spans needs no more memory than one chunk.
A file is written under a temporary name and renamed when complete, so that an interrupted
export never leaves a file that looks whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa  # type: ignore[import-untyped]  # no stubs or py.typed
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from narrascope.errors import NarrascopeError
from narrascope.store.queries import ARTICLE_ROLE, FINE_ROLE, Filters, QueryResult, layer_table
from narrascope.store.sqlite import Store

__all__ = ["FORMATS", "TABLES", "export_table", "write_result"]

FORMATS = ("csv", "jsonl", "parquet")

_TEXT, _INT, _FLOAT, _DATE = pa.string(), pa.int64(), pa.float64(), pa.date32()

#: The columns of each export and their Parquet types; published is an ISO date in CSV and JSON.
TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [
        ("id", _TEXT),
        ("title", _TEXT),
        ("outlet", _TEXT),
        ("url", _TEXT),
        ("published", _DATE),
        ("language", _TEXT),
        ("metadata", _TEXT),
        ("text", _TEXT),
        ("updated_at", _TEXT),
    ],
    "spans": [
        ("document_id", _TEXT),
        ("outlet", _TEXT),
        ("published", _DATE),
        ("language", _TEXT),
        ("layer", _TEXT),
        ("label", _TEXT),
        ("start", _INT),
        ("end", _INT),
        ("text", _TEXT),
        ("score", _FLOAT),
        ("analyzer", _TEXT),
        ("attrs", _TEXT),
    ],
    "labels": [
        ("document_id", _TEXT),
        ("outlet", _TEXT),
        ("published", _DATE),
        ("language", _TEXT),
        ("layer", _TEXT),
        ("label", _TEXT),
        ("score", _FLOAT),
        ("analyzer", _TEXT),
        ("attrs", _TEXT),
    ],
    "inputs": [
        ("name", _TEXT),
        ("status", _TEXT),
        ("document_id", _TEXT),
        ("error_code", _TEXT),
        ("reason", _TEXT),
        ("warnings", _TEXT),
        ("updated_at", _TEXT),
    ],
}

# Rows per chunk: documents carry their whole text, the other tables a few short fields.
_CHUNK = {"documents": 1_000, "spans": 50_000, "labels": 50_000, "inputs": 50_000}


def _select(store: Store, what: str, filters: Filters) -> tuple[str, list[Any]]:
    """The SQL of one export: its rows in a stable order, filtered."""
    if what in ("spans", "labels") and filters.layer in (FINE_ROLE, ARTICLE_ROLE):
        raise NarrascopeError(
            "E201",
            f"{filters.layer} is read from the role layer's spans: export spans --layer role "
            f"(attrs {'fine_roles' if filters.layer == FINE_ROLE else 'article_role'})",
        )
    if what in ("spans", "labels") and filters.layer and layer_table(store, filters.layer) != what:
        other = "labels" if what == "spans" else "spans"
        raise NarrascopeError(
            "E201", f"layer {filters.layer!r} is held in {other}, not {what}; export {other} instead"
        )
    if what == "documents":
        where, params = filters.having_sql(store)
        return (
            f"""SELECT d.id, d.title, d.source, d.url, d.published, d.language, d.metadata, d.text,
                       d.updated_at
                FROM documents d WHERE {where} ORDER BY d.id""",
            params,
        )
    if what == "inputs":
        where, params = filters.having_sql(store)
        # Only a filter on documents leaves out the failed inputs, which have none.
        join = "JOIN" if where != "1" else "LEFT JOIN"
        return (
            f"""SELECT i.name, i.status, i.document_id, i.error_code, i.reason, i.warnings, i.updated_at
                FROM inputs i {join} documents d ON d.id = i.document_id WHERE {where} ORDER BY i.name""",
            params,
        )
    where, params = filters.documents_sql()
    if filters.layer:
        where += " AND x.layer = ?"
        params.append(filters.layer)
        if filters.labels:
            where += f" AND x.label IN ({', '.join('?' * len(filters.labels))})"
            params.extend(filters.labels)
    if what == "spans":
        return (
            f"""SELECT x.document_id, d.source, d.published, d.language, x.layer, x.label,
                       x.char_start, x.char_end, substr(d.text, x.char_start + 1, x.char_end - x.char_start),
                       x.score, x.analyzer, COALESCE(x.attrs, '{{}}')
                FROM spans x JOIN documents d ON d.id = x.document_id
                WHERE {where} ORDER BY x.document_id, x.seq""",
            params,
        )
    return (
        f"""SELECT x.document_id, d.source, d.published, d.language, x.layer, x.label, x.score,
                   x.analyzer, COALESCE(x.attrs, '{{}}')
            FROM labels x JOIN documents d ON d.id = x.document_id
            WHERE {where} ORDER BY x.document_id, x.seq""",
        params,
    )


def _chunks(cursor: sqlite3.Cursor, size: int) -> Iterator[list[tuple[Any, ...]]]:
    while rows := cursor.fetchmany(size):
        yield rows


def _write_csv(stream: TextIO, columns: list[str], chunks: Iterator[Sequence[tuple[Any, ...]]]) -> int:
    writer = csv.writer(stream)
    writer.writerow(columns)
    count = 0
    for rows in chunks:
        writer.writerows(rows)
        count += len(rows)
    return count


def _write_jsonl(stream: TextIO, columns: list[str], chunks: Iterator[Sequence[tuple[Any, ...]]]) -> int:
    count = 0
    for rows in chunks:
        stream.writelines(
            json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n" for row in rows
        )
        count += len(rows)
    return count


def _column(values: list[Any], kind: pa.DataType) -> pa.Array:
    if kind == _DATE:
        values = [dt.date.fromisoformat(v[:10]) if v else None for v in values]
    return pa.array(values, type=kind)


def _write_parquet(path: Path, schema: pa.Schema, chunks: Iterator[Sequence[tuple[Any, ...]]]) -> int:
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for rows in chunks:
            columns = list(zip(*rows, strict=True))
            arrays = [_column(list(values), f.type) for values, f in zip(columns, schema, strict=True)]
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
            count += len(rows)
    return count


def _check_format(fmt: str, out: str | Path | TextIO) -> None:
    if fmt not in FORMATS:
        raise NarrascopeError("E201", f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet" and not isinstance(out, str | Path):
        raise NarrascopeError("E201", "Parquet is written to a file, not to a stream")


def _write(
    fmt: str,
    out: str | Path | TextIO,
    columns: list[str],
    schema: pa.Schema,
    chunks: Iterator[Sequence[tuple[Any, ...]]],
) -> int:
    """Write ``chunks`` to ``out``: a stream as is, a path by way of a temporary file."""
    if not isinstance(out, str | Path):
        return (_write_csv if fmt == "csv" else _write_jsonl)(out, columns, chunks)
    path = Path(out)
    partial = path.with_name(path.name + ".partial")
    try:
        if fmt == "parquet":
            count = _write_parquet(partial, schema, chunks)
        else:
            with partial.open("w", encoding="utf-8", newline="") as stream:
                count = (_write_csv if fmt == "csv" else _write_jsonl)(stream, columns, chunks)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise NarrascopeError("E200", f"{path}: cannot write the export: {exc.strerror or exc}") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


def export_table(
    store: Store,
    what: str,
    fmt: str,
    out: str | Path | TextIO,
    *,
    sources: str | Sequence[str] | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    language: str | None = None,
    layer: str | None = None,
    label: str | Sequence[str] | None = None,
    chunk_size: int | None = None,
) -> int:
    """Write one of the store's tables (documents, spans, labels, inputs) and return its rows.

    Spans and labels carry their document's outlet, publication date and language, and spans
    their text; attrs, metadata and warnings are JSON text. The filters are those of the corpus
    queries: ``layer``/``label`` select the spans or labels exported, and for documents and
    inputs keep those whose document has one.
    """
    if what not in TABLES:
        raise NarrascopeError("E201", f"unknown table {what!r}; export one of {', '.join(TABLES)}")
    _check_format(fmt, out)
    filters = Filters.make(
        sources=sources, since=since, until=until, language=language, layer=layer, label=label
    )
    sql, params = _select(store, what, filters)
    columns = [name for name, _ in TABLES[what]]
    schema = pa.schema([pa.field(name, kind) for name, kind in TABLES[what]])
    cursor = store.db.execute(sql, params)
    try:
        return _write(fmt, out, columns, schema, _chunks(cursor, chunk_size or _CHUNK[what]))
    finally:
        cursor.close()


def write_result(result: QueryResult, fmt: str, out: str | Path | TextIO) -> int:
    """Write a query's table as CSV, JSON Lines or Parquet (types inferred); returns its rows."""
    _check_format(fmt, out)
    schema = pa.schema([(column, pa.null()) for column in result.columns])
    if fmt == "parquet" and result.rows:
        schema = pa.Table.from_pylist(result.to_dicts()).schema
    return _write(fmt, out, result.columns, schema, iter([result.rows]) if result.rows else iter([]))
