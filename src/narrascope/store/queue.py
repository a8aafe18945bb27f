"""The work queue inside the store: which input became which document, and what is left to do.

A batch run has two steps, both resumable because both are keyed:

1. **Ingest**: each record of each input (named by its key, such as ``dump.csv#row=7``) is
   written once as a document with a ``pending`` job. A record already recorded with the same
   text is left alone; the same text under another key, or a page already stored under the
   same URL, is recorded as a ``duplicate`` of the first document; a record id (``id``
   column) already used for a different text fails with E111.
2. **Analyse**: documents whose job is pending, failed (on request), or done with a different
   pipeline (its *fingerprint*: analyzers, settings, models, version and analysis code) are
   analysed, and each result replaces the earlier one together with its job's state, in one
   transaction.

Killing the process at any point loses at most the uncommitted work, which the next run of
the same command redoes; nothing is recorded twice, because every write is keyed.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import narrascope
from narrascope import registry
from narrascope._version import __version__
from narrascope.config import Config
from narrascope.document import Document
from narrascope.errors import InputError, NarrascopeError
from narrascope.store.sqlite import Store

__all__ = ["Queue", "QueueStatus", "fingerprint", "normalise_url"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# The source that turns text into spans and labels. Rules change between releases (a checkout,
# an editable install), and a --resume that kept the old rules' output would mix two pipelines in
# one store; the command line, store, server and report code cannot change a result.
_ANALYSIS_SOURCE = (
    "analyzers",
    "models",
    "document.py",
    "names.py",
    "paragraphs.py",
    "pipeline.py",
    "taxonomy.py",
)


@functools.cache
def analysis_source(root: Path | None = None) -> str:
    """A digest of narrascope's analysis code (its Python files under ``root``, the installed
    package by default), the same in every process that runs the same code; files that cannot
    be read (a zipped install) count as absent."""
    root = root or Path(narrascope.__file__).parent
    digest = hashlib.sha256()
    for part in _ANALYSIS_SOURCE:
        path = root / part
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            try:
                content = file.read_bytes()
            except OSError:
                continue
            digest.update(file.relative_to(root).as_posix().encode() + b"\0" + content + b"\0")
    return digest.hexdigest()[:16]


def fingerprint(config: Config, overrides: dict[str, str] | None = None) -> str:
    """What the analysis depends on: analyzers, settings, version and analysis code, and a run's
    overrides (--language)."""
    payload = {
        "overrides": overrides or {},
        "version": __version__,
        "code": analysis_source(),
        "analyzers": sorted(config.analyzers),
        "settings": {name: config.settings(name) for name in sorted(config.analyzers)},
        "languages": sorted(config.languages),
        # A retrained model in the same folder changes this, so --resume re-applies it.
        "models": {
            name: registry.create(name, config.settings(name)).identity() for name in sorted(config.analyzers)
        },
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]


def normalise_url(url: str | None) -> str | None:
    """The URL without fragment, default port, trailing slash or letter case in the host."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)
    ):
        host += f":{parts.port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, parts.query, ""))


@dataclass
class QueueStatus:
    """Counts of a store's inputs and documents by state, and the commonest failures."""

    inputs: Counter[str] = field(default_factory=Counter)
    jobs: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, int]] = field(default_factory=list)  # code, title-ish reason, count
    stale: int = 0  # done, but by another pipeline than the one given


class Queue:
    """The queue's operations on one store, for one run: it owns the jobs, inputs and record ids.

    The run's scope (the inputs it names, and their documents) lives in temporary tables of
    the store's connection.
    """

    def __init__(self, store: Store, config: Config, overrides: dict[str, str] | None = None) -> None:
        self.store = store
        self.db = store.db
        self.fingerprint = fingerprint(config, overrides)
        if self.db.execute("PRAGMA query_only").fetchone()[0]:
            return  # a reader (``narrascope status``): it reads counts, and has no run to scope
        # Made afresh, so that a second run on the same connection does not count the inputs
        # of the first; dropped rather than emptied, because a DELETE would begin a transaction
        # that holds the store's write lock until the next commit.
        self.db.execute("DROP TABLE IF EXISTS temp.run")
        self.db.execute("DROP TABLE IF EXISTS temp.run_inputs")
        self.db.execute("CREATE TEMP TABLE run (document_id TEXT PRIMARY KEY)")
        self.db.execute("CREATE TEMP TABLE run_inputs (name TEXT PRIMARY KEY)")

    # -- ingest -----------------------------------------------------------------------------

    def add(self, doc: Document) -> str:
        """Record ``doc`` as the content of its input; returns new, unchanged, changed or duplicate.

        Does not commit: call :meth:`commit` every few hundred documents.
        """
        name = str(doc.metadata.get("input", doc.id))
        self.db.execute("INSERT OR IGNORE INTO temp.run_inputs (name) VALUES (?)", (name,))
        known = self.db.execute("SELECT status, document_id FROM inputs WHERE name = ?", (name,)).fetchone()
        if known is not None and known[1] == doc.id:
            self._scope(doc.id)
            return "unchanged"
        record_id = doc.metadata.get("record_id")
        if record_id is not None:
            owner = self.db.execute(
                "SELECT document_id FROM record_ids WHERE record_id = ?", (str(record_id),)
            ).fetchone()
            if owner is not None and owner[0] != doc.id:
                raise InputError(
                    "E111",
                    name,
                    f"id {record_id!r} was already given to a different text (document {owner[0]})",
                )
        same_text = self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
        url = normalise_url(doc.url)
        same_url = (
            self.db.execute(
                "SELECT id FROM documents WHERE url_key = ? AND id != ? LIMIT 1", (url, doc.id)
            ).fetchone()
            if url
            else None
        )
        if same_text is not None or same_url is not None:
            original = doc.id if same_text is not None else str(same_url[0])  # type: ignore[index]
            why = (
                f"same text as document {original}"
                if same_text is not None
                else f"same URL as document {original} ({doc.url})"
            )
            self.store.record_input(name, "duplicate", original, None, why, doc.warnings())
            self._scope(original)
            return "duplicate"
        self.store.write_document(doc, url_key=url)
        if record_id is not None:
            self.db.execute(
                "INSERT OR REPLACE INTO record_ids (record_id, document_id) VALUES (?, ?)",
                (str(record_id), doc.id),
            )
        self.db.execute(
            """INSERT INTO jobs (document_id, status, fingerprint, attempts, updated_at)
               VALUES (?, 'pending', NULL, 0, ?)
               ON CONFLICT(document_id) DO NOTHING""",
            (doc.id, _now()),
        )
        self.store.record_input(name, "ok", doc.id, None, None, doc.warnings())
        self._scope(doc.id)
        return "changed" if known is not None else "new"

    def duplicate(self, name: str, original: str) -> None:
        """Record input ``name`` as a duplicate of the stored document ``original``."""
        self.db.execute("INSERT OR IGNORE INTO temp.run_inputs (name) VALUES (?)", (name,))
        self.store.record_input(name, "duplicate", original, None, f"same text as document {original}", [])

    def fail_input(self, error: NarrascopeError, name: str) -> None:
        """An input that yielded no document (unreadable, malformed, duplicate id)."""
        reason = error.reason_text
        self.db.execute("INSERT OR IGNORE INTO temp.run_inputs (name) VALUES (?)", (name,))
        self.store.record_input(name, "failed", None, error.code, reason, [])

    def _scope(self, doc_id: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO temp.run (document_id) VALUES (?)", (doc_id,))

    def scope_all(self) -> None:
        """Make the whole store this run's scope (``analyze --db X --resume`` with no inputs)."""
        self.db.execute("INSERT OR IGNORE INTO temp.run (document_id) SELECT id FROM documents")
        self.db.execute("INSERT OR IGNORE INTO temp.run_inputs (name) SELECT name FROM inputs")

    def commit(self) -> None:
        self.db.commit()

    # -- analyse ----------------------------------------------------------------------------

    def todo(self, retry_failed: bool = False) -> list[str]:
        """Documents of this run still to analyse, in a stable order."""
        # A document with no job was saved outside the queue (Store.save): like the documents
        # of stores older than the queue, it counts as done by an unknown pipeline.
        rows = self.db.execute(
            """SELECT r.document_id FROM temp.run r LEFT JOIN jobs j ON j.document_id = r.document_id
               WHERE j.document_id IS NULL
                  OR j.status = 'pending'
                  OR (j.status = 'done' AND (j.fingerprint IS NULL OR j.fingerprint != ?))
                  OR (j.status = 'failed' AND (? OR j.fingerprint IS NULL OR j.fingerprint != ?))
               ORDER BY r.document_id""",
            (self.fingerprint, retry_failed, self.fingerprint),
        )
        return [row[0] for row in rows]

    def count_done_in_run(self) -> int:
        """How many of this run's documents are already done by this pipeline."""
        row = self.db.execute(
            """SELECT COUNT(*) FROM jobs j JOIN temp.run r ON r.document_id = j.document_id
               WHERE j.status = 'done' AND j.fingerprint = ?""",
            (self.fingerprint,),
        ).fetchone()
        return int(row[0])

    def done_in_run(self) -> list[str]:
        rows = self.db.execute(
            """SELECT j.document_id FROM jobs j JOIN temp.run r ON r.document_id = j.document_id
               WHERE j.status = 'done' AND j.fingerprint = ? ORDER BY j.document_id""",
            (self.fingerprint,),
        )
        return [row[0] for row in rows]

    def finish(self, doc: Document, stamp: str | None = None) -> None:
        """Store the analysed ``doc`` and mark its job done, in one transaction.

        The transaction also commits whatever this queue wrote before (``add`` of the same
        document, say). ``stamp`` is the fingerprint of the pipeline that analysed ``doc``
        when that was not this queue's: a shard file's line carries its own ("" for none).
        """
        done_by = self.fingerprint if stamp is None else stamp or None
        with self.db:
            self.store.write_analysis(doc)
            self.db.execute(
                """INSERT INTO jobs (document_id, status, fingerprint, attempts, updated_at)
                   VALUES (?, 'done', ?, 1, ?)
                   ON CONFLICT(document_id) DO UPDATE SET status='done', fingerprint=excluded.fingerprint,
                     attempts=jobs.attempts + 1, error_code=NULL, reason=NULL, updated_at=excluded.updated_at""",
                (doc.id, done_by, _now()),
            )
            # A document that failed before and now succeeds clears the failure on its inputs.
            self.db.execute(
                """UPDATE inputs SET status = 'ok', error_code = NULL, reason = NULL
                   WHERE document_id = ? AND status = 'failed'""",
                (doc.id,),
            )

    def fail(self, doc_id: str, error: NarrascopeError) -> None:
        """Record why ``doc_id`` could not be analysed, on its job and on the inputs that gave it."""
        reason = error.reason_text
        with self.db:
            # An upsert, for a document saved outside the queue (no job yet); only a stored one.
            self.db.execute(
                """INSERT INTO jobs (document_id, status, fingerprint, attempts, error_code, reason, updated_at)
                   SELECT id, 'failed', ?, 1, ?, ?, ? FROM documents WHERE id = ?
                   ON CONFLICT(document_id) DO UPDATE SET status='failed', fingerprint=excluded.fingerprint,
                     attempts=jobs.attempts + 1, error_code=excluded.error_code, reason=excluded.reason,
                     updated_at=excluded.updated_at""",
                (self.fingerprint, error.code, reason, _now(), doc_id),
            )
            self.db.execute(
                """UPDATE inputs SET status = 'failed', error_code = ?, reason = ?, updated_at = ?
                   WHERE document_id = ?""",
                (error.code, reason, _now(), doc_id),
            )

    def summary(self) -> dict[str, int]:
        """This run's inputs: total, ok (analysed), failed, pending, and duplicates among the ok."""
        out = {"total": 0, "ok": 0, "failed": 0, "pending": 0, "duplicates": 0}
        for status, job, count in self.db.execute(
            """SELECT i.status, j.status, COUNT(*) FROM temp.run_inputs r
               JOIN inputs i ON i.name = r.name LEFT JOIN jobs j ON j.document_id = i.document_id
               GROUP BY 1, 2"""
        ):
            out["total"] += count
            if status == "failed":
                out["failed"] += count
            elif job == "done":
                out["ok"] += count
                out["duplicates"] += count if status == "duplicate" else 0
            else:
                out["pending"] += count
        return out

    # -- status -----------------------------------------------------------------------------

    def status(self) -> QueueStatus:
        result = QueueStatus()
        for status, count in self.db.execute("SELECT status, COUNT(*) FROM inputs GROUP BY status"):
            result.inputs[status] = count
        for status, count in self.db.execute("SELECT status, COUNT(*) FROM jobs GROUP BY status"):
            result.jobs[status] = count
        result.stale = int(
            self.db.execute(
                "SELECT COUNT(*) FROM jobs WHERE status = 'done' AND (fingerprint IS NULL OR fingerprint != ?)",
                (self.fingerprint,),
            ).fetchone()[0]
        )
        # Failed documents are mirrored on their inputs, so the inputs alone tell every failure.
        result.failures = [
            (str(code), str(reason), int(count))
            for code, reason, count in self.db.execute(
                """SELECT error_code, MIN(reason), COUNT(*) FROM inputs WHERE status = 'failed'
                   GROUP BY error_code ORDER BY COUNT(*) DESC"""
            )
        ]
        return result

    def failed(self, limit: int = 20) -> list[tuple[str, str, str]]:
        """(input, code, reason) of the failed inputs, most recent first."""
        rows = self.db.execute(
            "SELECT name, error_code, reason FROM inputs WHERE status = 'failed' ORDER BY updated_at DESC, name LIMIT ?",
            (limit,),
        )
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]
