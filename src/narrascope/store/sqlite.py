"""The SQLite store: every input, every document and everything found in it, with provenance.

The schema is versioned with ``PRAGMA user_version`` and upgraded by the ordered migrations
below; a database newer than this code is refused rather than misread. Saving a document
replaces whatever the store held for the same id in one transaction, so re-running an analysis
never duplicates anything, and a crash leaves either the old or the new analysis, never half.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from narrascope.document import Analysis, Document, Label, Span
from narrascope.errors import InputError, NarrascopeError

__all__ = ["SCHEMA_VERSION", "Store"]

_MIGRATIONS: list[str] = [
    # 1: documents, spans, labels, analyses, and one row per input with its status.
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        metadata TEXT NOT NULL DEFAULT '{}',
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE analyses (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        analyzer TEXT NOT NULL,
        narrascope_version TEXT NOT NULL,
        model TEXT,
        settings TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (document_id, analyzer)
    );
    CREATE TABLE spans (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        layer TEXT NOT NULL,
        label TEXT NOT NULL,
        analyzer TEXT NOT NULL,
        score REAL,
        attrs TEXT,
        PRIMARY KEY (document_id, seq)
    );
    CREATE INDEX spans_layer_label ON spans(layer, label);
    CREATE TABLE labels (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        layer TEXT NOT NULL,
        label TEXT NOT NULL,
        analyzer TEXT NOT NULL,
        score REAL,
        attrs TEXT,
        PRIMARY KEY (document_id, seq)
    );
    CREATE INDEX labels_layer_label ON labels(layer, label);
    CREATE TABLE inputs (
        name TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
        error_code TEXT,
        reason TEXT,
        warnings TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL
    );
    CREATE INDEX inputs_status ON inputs(status);
    """,
]

SCHEMA_VERSION = len(_MIGRATIONS)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _json_or_none(value: dict[str, object]) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None


class Store:
    """An SQLite database of analysed documents. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise NarrascopeError("E200", f"{self.path}: {exc}") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise NarrascopeError(
                "E200",
                f"{self.path} has schema version {current}, newer than this narrascope ({SCHEMA_VERSION}); upgrade",
            )
        for number in range(current, SCHEMA_VERSION):
            with self.db:
                self.db.executescript(
                    f"BEGIN; {_MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; COMMIT;"
                )

    # -- writing ----------------------------------------------------------------------------

    def save(self, doc: Document) -> None:
        """Record ``doc`` and its analysis, replacing any earlier analysis of the same text."""
        name = str(doc.metadata.get("input", doc.id))
        with self.db:
            self.db.execute("DELETE FROM spans WHERE document_id = ?", (doc.id,))
            self.db.execute("DELETE FROM labels WHERE document_id = ?", (doc.id,))
            self.db.execute("DELETE FROM analyses WHERE document_id = ?", (doc.id,))
            self.db.execute(
                """INSERT INTO documents (id, title, source, url, published, language, metadata, text, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET title=excluded.title, source=excluded.source, url=excluded.url,
                     published=excluded.published, language=excluded.language, metadata=excluded.metadata,
                     text=excluded.text, updated_at=excluded.updated_at""",
                (
                    doc.id,
                    doc.title,
                    doc.source,
                    doc.url,
                    doc.published.isoformat() if doc.published else None,
                    doc.language,
                    json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True),
                    doc.text,
                    _now(),
                ),
            )
            self.db.executemany(
                "INSERT INTO analyses VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        doc.id,
                        a.analyzer,
                        a.narrascope_version,
                        a.model,
                        json.dumps(a.settings, sort_keys=True),
                    )
                    for a in doc.analyses.values()
                ],
            )
            self.db.executemany(
                "INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (doc.id, i, s.start, s.end, s.layer, s.label, s.analyzer, s.score, _json_or_none(s.attrs))
                    for i, s in enumerate(doc.spans)
                ],
            )
            self.db.executemany(
                "INSERT INTO labels VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (doc.id, i, lb.layer, lb.label, lb.analyzer, lb.score, _json_or_none(lb.attrs))
                    for i, lb in enumerate(doc.labels)
                ],
            )
            self._record_input(name, "ok", doc.id, None, None, doc.warnings())

    def record_failure(
        self, error: NarrascopeError, name: str | None = None, warnings: list[str] | None = None
    ) -> None:
        """Record that an input failed, and why; a later success for the same input replaces it."""
        if name is None:
            name = error.input_name if isinstance(error, InputError) else "<unknown>"
        reason = error.reason if isinstance(error, InputError) else error.message
        with self.db:
            self._record_input(name, "failed", None, error.code, reason, warnings or [])

    def _record_input(
        self,
        name: str,
        status: str,
        doc_id: str | None,
        code: str | None,
        reason: str | None,
        warnings: list[str],
    ) -> None:
        self.db.execute(
            """INSERT INTO inputs (name, status, document_id, error_code, reason, warnings, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(name) DO UPDATE SET status=excluded.status, document_id=excluded.document_id,
                 error_code=excluded.error_code, reason=excluded.reason, warnings=excluded.warnings,
                 updated_at=excluded.updated_at""",
            (name, status, doc_id, code, reason, json.dumps(warnings, ensure_ascii=False), _now()),
        )

    # -- reading ----------------------------------------------------------------------------

    def load(self, doc_id: str) -> Document:
        row = self.db.execute(
            "SELECT id, title, source, url, published, language, metadata, text FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise NarrascopeError("E200", f"{self.path}: no document with id {doc_id}")
        doc = Document(
            id=row[0],
            title=row[1],
            source=row[2],
            url=row[3],
            published=dt.date.fromisoformat(row[4]) if row[4] else None,
            language=row[5],
            metadata=json.loads(row[6]),
            text=row[7],
        )
        for analyzer, version, model, settings in self.db.execute(
            "SELECT analyzer, narrascope_version, model, settings FROM analyses WHERE document_id = ? ORDER BY rowid",
            (doc_id,),
        ):
            doc.analyses[analyzer] = Analysis(analyzer, version, model, json.loads(settings))
        for start, end, layer, label, analyzer, score, attrs in self.db.execute(
            "SELECT char_start, char_end, layer, label, analyzer, score, attrs FROM spans WHERE document_id = ? ORDER BY seq",
            (doc_id,),
        ):
            doc.spans.append(
                Span(start, end, layer, label, analyzer, score, json.loads(attrs) if attrs else {})
            )
        for layer, label, analyzer, score, attrs in self.db.execute(
            "SELECT layer, label, analyzer, score, attrs FROM labels WHERE document_id = ? ORDER BY seq",
            (doc_id,),
        ):
            doc.labels.append(Label(layer, label, analyzer, score, json.loads(attrs) if attrs else {}))
        return doc

    def document_ids(self) -> Iterator[str]:
        for (doc_id,) in self.db.execute("SELECT id FROM documents ORDER BY id"):
            yield doc_id

    def inputs(self, status: str | None = None) -> list[tuple[str, str, str | None, str | None]]:
        """(name, status, error code, reason) of each recorded input."""
        query = "SELECT name, status, error_code, reason FROM inputs"
        args: tuple[str, ...] = ()
        if status:
            query += " WHERE status = ?"
            args = (status,)
        return [(row[0], row[1], row[2], row[3]) for row in self.db.execute(query + " ORDER BY name", args)]

    def count(self, table: str) -> int:
        if table not in ("documents", "spans", "labels", "analyses", "inputs"):
            raise ValueError(table)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
