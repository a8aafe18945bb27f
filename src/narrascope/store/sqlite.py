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
from narrascope.store._mentions import names_span

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
    # 2: full-text search over title and text, and the indexes the corpus queries need.
    # The FTS table borrows its content from documents (no second copy of every text); the
    # triggers keep it in step, and 'rebuild' indexes what a version-1 database already holds.
    # Store.save upserts, so a re-analysis arrives as an UPDATE: re-indexing is skipped when
    # neither title nor text changed, the usual case when the same article is analysed again.
    # The (layer, label, document_id) indexes cover the per-document counts of the corpus
    # queries and supersede the (layer, label) ones, which are their prefixes. documents_facets
    # lets those counts find a document's outlet, date and language without reading the row,
    # which carries the whole text; store/queries.py names it (INDEXED BY).
    """
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents
    WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
    DROP INDEX spans_layer_label;
    CREATE INDEX spans_layer_label_document ON spans(layer, label, document_id);
    DROP INDEX labels_layer_label;
    CREATE INDEX labels_layer_label_document ON labels(layer, label, document_id);
    CREATE INDEX documents_facets ON documents(id, source, published, language);
    CREATE INDEX documents_source_published ON documents(source, published);
    CREATE INDEX documents_published ON documents(published);
    """,
    # 3: the work queue of batch runs (narrascope.store.queue). A job per document says whether
    # it is pending, done (by which pipeline: its fingerprint) or failed, and why. Inputs may now
    # be duplicates of a document stored under another input; SQLite cannot alter a CHECK, so
    # the table is rebuilt. url_key (the normalised URL) and record_ids make deduplication by
    # URL and by the records' own ids an index lookup. Documents analysed before version 3 count
    # as done by an unknown pipeline, so the next run analyses them again once.
    """
    CREATE TABLE jobs (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
        fingerprint TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        reason TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX jobs_status ON jobs(status);
    INSERT INTO jobs (document_id, status, fingerprint, attempts, updated_at)
        SELECT id, 'done', NULL, 1, updated_at FROM documents;
    CREATE TABLE inputs_v3 (
        name TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'duplicate')),
        document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
        error_code TEXT,
        reason TEXT,
        warnings TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL
    );
    INSERT INTO inputs_v3 SELECT name, status, document_id, error_code, reason, warnings, updated_at FROM inputs;
    DROP TABLE inputs;
    ALTER TABLE inputs_v3 RENAME TO inputs;
    CREATE INDEX inputs_status ON inputs(status);
    CREATE INDEX inputs_document ON inputs(document_id);
    ALTER TABLE documents ADD COLUMN url_key TEXT;
    CREATE INDEX documents_url_key ON documents(url_key);
    CREATE TABLE record_ids (
        record_id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
    );
    """,
    # 4: finding the documents that name an entity (the web search's "naming" filter) by its
    # normal form, without reading every entity span's attributes. Texts without a normal form
    # are found through the full-text index instead (store/queries.py).
    """
    CREATE INDEX spans_entity_normal ON spans(lower(json_extract(attrs, '$.normal')))
        WHERE layer = 'entity';
    """,
    # 5: ... and by the place it names, in any language ("Kyiv" finds "Киеве"): the entity
    # analyzer's GeoNames name of a place.
    """
    CREATE INDEX spans_entity_place ON spans(lower(json_extract(attrs, '$.place')))
        WHERE layer = 'entity';
    """,
    # 6: ... and by its spelling key, in any script or spelling ("Putin" finds "Путин",
    # "Zelensky" finds "Zelenskyy"; narrascope.names).
    """
    CREATE INDEX spans_entity_spelling ON spans(json_extract(attrs, '$.spelling'))
        WHERE layer = 'entity';
    """,
    # 7: ... and a person by the spelling key of their surname ("Zelensky" finds the articles
    # that name him only as "Volodymyr Zelensky").
    """
    CREATE INDEX spans_entity_surname ON spans(json_extract(attrs, '$.surname'))
        WHERE layer = 'entity';
    """,
    # 8: ... and an international body by its English name ("European Union" finds "ЕС").
    """
    CREATE INDEX spans_entity_organisation ON spans(lower(json_extract(attrs, '$.organisation')))
        WHERE layer = 'entity';
    """,
]

SCHEMA_VERSION = len(_MIGRATIONS)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _json_or_none(value: dict[str, object]) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None


def _functions(db: sqlite3.Connection) -> None:
    """The SQL functions queries call: ``narrascope_names(wanted, attrs, text)``, whether a span
    names any of the wanted names (:func:`narrascope.store._mentions.names_span`)."""
    db.create_function("narrascope_names", 3, names_span, deterministic=True)


class Store:
    """An SQLite database of analysed documents. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            # Another writer (a batch beside the server) is waited for, not failed on. Each
            # transaction takes the write lock when it begins (IMMEDIATE): one that read first
            # and wrote later would fail at once, without waiting, had the other committed between.
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level="IMMEDIATE")
            self.db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL survives a killed process (only a power cut can lose the last
            # commits), and makes each small transaction of a batch run far cheaper.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            _functions(self.db)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise NarrascopeError("E200", f"{self.path}: {exc}") from None

    @classmethod
    def reader(cls, path: str | Path) -> Store:
        """A read-only connection, for readers beside the writer (the web server's requests).

        It never migrates: a store older than this code must first be opened by a writer
        (``narrascope serve`` does so at start-up), and is refused here rather than misread.
        """
        store = cls.__new__(cls)
        store.path = Path(path)
        if not store.path.is_file():
            raise NarrascopeError("E200", f"{store.path}: no such database")
        try:
            # check_same_thread=False: a request's connection may be used by the worker thread
            # that runs its (synchronous) handler, though never by two threads at once.
            store.db = sqlite3.connect(
                f"{store.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            store.db.execute("PRAGMA query_only=ON")
            _functions(store.db)
            version = store.version
        except sqlite3.DatabaseError as exc:
            raise NarrascopeError("E200", f"{store.path}: {exc}") from None
        if version != SCHEMA_VERSION:
            store.close()
            raise NarrascopeError(
                "E200",
                f"{store.path} has schema version {version}, this narrascope reads {SCHEMA_VERSION}; "
                "open it once with a writer (narrascope analyze or serve) to upgrade it",
            )
        return store

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

    def write_document(self, doc: Document, url_key: str | None = None) -> None:
        """Insert or update the document row alone (no analysis); the caller commits."""
        self.db.execute(
            """INSERT INTO documents (id, title, source, url, published, language, metadata, text, updated_at, url_key)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET title=excluded.title, source=excluded.source, url=excluded.url,
                 published=excluded.published, language=excluded.language, metadata=excluded.metadata,
                 text=excluded.text, updated_at=excluded.updated_at,
                 url_key=COALESCE(excluded.url_key, documents.url_key)""",
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
                url_key,
            ),
        )

    def write_analysis(self, doc: Document) -> None:
        """Write ``doc`` and its analysis, replacing any earlier analysis of the same text.

        The document alone: its input and its queue job are the caller's (see Queue.finish),
        and so is the transaction, so that all three land together or not at all.
        """
        self.db.execute("DELETE FROM spans WHERE document_id = ?", (doc.id,))
        self.db.execute("DELETE FROM labels WHERE document_id = ?", (doc.id,))
        self.db.execute("DELETE FROM analyses WHERE document_id = ?", (doc.id,))
        self.write_document(doc)
        self.db.executemany(
            "INSERT INTO analyses VALUES (?, ?, ?, ?, ?)",
            [
                (doc.id, a.analyzer, a.narrascope_version, a.model, json.dumps(a.settings, sort_keys=True))
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

    def save(self, doc: Document, record_input: bool = True) -> None:
        """Record one analysed ``doc`` in its own transaction, outside any batch run.

        ``record_input`` marks the document's input as ok, replacing an earlier failure of the
        same input. Batch runs and the server record through their queue (Queue.finish)
        instead, which also keeps the document's job.
        """
        with self.db:
            self.write_analysis(doc)
            if record_input:
                name = str(doc.metadata.get("input", doc.id))
                self.record_input(name, "ok", doc.id, None, None, doc.warnings())

    def record_failure(
        self, error: NarrascopeError, name: str | None = None, warnings: list[str] | None = None
    ) -> None:
        """Record that an input failed, and why; a later success for the same input replaces it."""
        if name is None:
            name = error.input_name if isinstance(error, InputError) else "<unknown>"
        reason = error.reason_text
        with self.db:
            self.record_input(name, "failed", None, error.code, reason, warnings or [])

    def record_input(
        self,
        name: str,
        status: str,
        doc_id: str | None,
        code: str | None,
        reason: str | None,
        warnings: list[str],
    ) -> None:
        """Insert or replace the row of input ``name`` (its status, document, error); the caller commits."""
        self.db.execute(
            """INSERT INTO inputs (name, status, document_id, error_code, reason, warnings, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(name) DO UPDATE SET status=excluded.status, document_id=excluded.document_id,
                 error_code=excluded.error_code, reason=excluded.reason, warnings=excluded.warnings,
                 updated_at=excluded.updated_at""",
            (name, status, doc_id, code, reason, json.dumps(warnings, ensure_ascii=False), _now()),
        )

    def delete(self, doc_id: str) -> bool:
        """Remove a document with its analysis, job and inputs; False when there was none."""
        with self.db:
            self.db.execute("DELETE FROM inputs WHERE document_id = ?", (doc_id,))
            # spans, labels, analyses, jobs and record ids go with it (ON DELETE CASCADE).
            gone = self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount
        return gone > 0

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
        if table not in ("documents", "spans", "labels", "analyses", "inputs", "jobs", "record_ids"):
            raise ValueError(table)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
