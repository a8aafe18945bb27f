"""Batch analysis of a corpus: ingest every record, analyse what is pending, account for all.

Two ways to run, both resumable (kill the process, run the same command again):

* **Into a store** (:func:`run_into_store`): records become documents with pending jobs in
  the SQLite store (see :mod:`narrascope.store.queue`), then the engine analyses the pending
  ones and this process, the only writer, records each result.
* **Into a shard file** (:func:`run_shard`, ``--shard i/n``): for job arrays with no shared
  database. Each job takes the records whose key hashes to its shard and appends one JSON
  line per record (analysed document, failure or duplicate) to its own file; a rerun skips
  the keys already there. ``narrascope load`` then reads every shard file into one store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from narrascope.config import Config
from narrascope.document import Document
from narrascope.engines import Engine
from narrascope.errors import InputError, NarrascopeError
from narrascope.pipeline import Outcome
from narrascope.store.queue import Queue, fingerprint
from narrascope.store.sqlite import Store

__all__ = ["BatchReport", "Shard", "load_shards", "prepare", "run_into_store", "run_shard"]

# Ingest commits in groups: one transaction per record would be slow, one per run unsafe.
_COMMIT_EVERY = 200
_FAILURE_SCHEMA = "narrascope.failure/1"
_DUPLICATE_SCHEMA = "narrascope.duplicate/1"


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count`` (0-based, as SLURM's array task ids are by default)."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        try:
            index, count = (int(part) for part in text.split("/"))
        except ValueError:
            raise NarrascopeError("E202", f"--shard {text!r}: expected I/N, such as 0/8") from None
        if count < 1 or not 0 <= index < count:
            raise NarrascopeError("E202", f"--shard {text!r}: need 0 <= I < N")
        return cls(index, count)

    def owns(self, key: str) -> bool:
        digest = hashlib.sha256(key.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index

    def file_name(self) -> str:
        width = len(str(self.count - 1))
        return f"shard-{self.index:0{width}d}-of-{self.count}.jsonl"


@dataclass
class BatchReport:
    """What a batch run did, and where its results are.

    ``total`` counts the run's inputs, each once, by where it ended: ``ok`` (analysed, by this
    run or an earlier one; ``duplicates`` among them), ``failed``, or ``pending`` (a store's
    documents left unanalysed). The other counts tell what this run did on the way.
    """

    total: int = 0
    ok: int = 0
    failed: int = 0
    pending: int = 0
    duplicates: int = 0
    new: int = 0  # records stored (or, in a shard, taken) for the first time
    changed: int = 0  # inputs whose text is not the one they gave before
    unchanged: int = 0  # records already recorded with the same text
    duplicated: int = 0  # records found to repeat another document (same text or URL)
    failed_inputs: int = 0  # records that gave no document
    analysed: int = 0
    failed_documents: int = 0
    already_done: int = 0  # documents of the run that this pipeline had analysed before
    store: Path | None = None  # the store the run recorded in ...
    shard_file: Path | None = None  # ... or the shard file it appended to

    @property
    def succeeded(self) -> bool:
        """Every input of the run analysed, and there was at least one."""
        return self.total > 0 and not self.failed and not self.pending


def _report(
    counts: Counter[str], summary: dict[str, int], store: Path | None = None, shard_file: Path | None = None
) -> BatchReport:
    return BatchReport(
        total=summary["total"],
        ok=summary["ok"],
        failed=summary["failed"],
        pending=summary["pending"],
        duplicates=summary["duplicates"],
        new=counts["new"],
        changed=counts["changed"],
        unchanged=counts["unchanged"],
        duplicated=counts["duplicate"],
        failed_inputs=counts["failed_inputs"],
        analysed=counts["analysed"],
        failed_documents=counts["failed_documents"],
        already_done=counts["already_done"],
        store=store,
        shard_file=shard_file,
    )


def prepare(doc: Document, language: str | None, published: dt.date | None) -> Document:
    """Apply the run's overrides: a forced language, a fallback publication date."""
    if language:
        doc.language = language
    if doc.published is None and published is not None:
        doc.published = published
    return doc


def _overrides(language: str | None, published: dt.date | None) -> dict[str, str]:
    """Overrides change the results, so they are part of the pipeline's fingerprint."""
    given = {"language": language, "published": published.isoformat() if published else None}
    return {k: v for k, v in given.items() if v}


def _key(item: Document | InputError) -> str:
    return item.input_name if isinstance(item, InputError) else str(item.metadata.get("input", item.id))


def run_into_store(
    items: Iterable[Document | InputError],
    store: Store,
    config: Config,
    make: Callable[[int], Engine],
    *,
    language: str | None = None,
    published: dt.date | None = None,
    retry_failed: bool = False,
    resume_all: bool = False,
    on_input: Callable[[str, str, NarrascopeError | None], object] = lambda *_: None,
    on_outcome: Callable[[Outcome], object] = lambda _: None,
    on_start: Callable[[int], object] = lambda _: None,
    on_earlier: Callable[[Document], object] | None = None,
) -> BatchReport:
    """Ingest ``items`` into ``store``, then analyse this run's pending documents.

    ``make(pending)`` builds the engine once the number of documents to analyse is known.
    ``on_input(key, status, error)`` hears of each record (new, unchanged, changed,
    duplicate, failed); ``on_outcome`` of each analysed or failed document; ``on_earlier``,
    when given, of each document of the run that this pipeline had analysed before (after
    the others, loaded from the store: for writing every report of a run).
    """
    queue = Queue(store, config, _overrides(language, published))
    counts: Counter[str] = Counter()
    if resume_all:
        queue.scope_all()
    for number, item in enumerate(items, start=1):
        key = _key(item)
        try:
            if isinstance(item, InputError):
                raise item
            status = queue.add(prepare(item, language, published))
        except NarrascopeError as exc:
            queue.fail_input(exc, key)
            counts["failed_inputs"] += 1
            on_input(key, "failed", exc)
        else:
            counts[status] += 1
            on_input(key, status, None)
        if number % _COMMIT_EVERY == 0:
            queue.commit()
    queue.commit()
    todo = queue.todo(retry_failed)
    earlier = queue.done_in_run() if on_earlier is not None else []
    counts["already_done"] = len(earlier) if on_earlier is not None else queue.count_done_in_run()
    on_start(len(todo))
    if todo:
        engine = make(len(todo))
        try:
            for outcome in engine.run(
                (prepare(store.load(doc_id), language, published) for doc_id in todo), total=len(todo)
            ):
                if outcome.error is None and outcome.document is not None:
                    queue.finish(outcome.document)
                    counts["analysed"] += 1
                else:
                    assert outcome.error is not None
                    if outcome.document is not None:
                        queue.fail(outcome.document.id, outcome.error)
                    counts["failed_documents"] += 1
                on_outcome(outcome)
        finally:
            engine.close()
    if on_earlier is not None:
        for doc_id in earlier:
            on_earlier(store.load(doc_id))
    return _report(counts, queue.summary(), store=store.path)


def _read_done(path: Path) -> tuple[set[str], set[str], dict[str, tuple[str, str]]]:
    """Keys and document ids already in a shard file, and the (code, reason) of each key whose
    latest line is a failure; a torn last line (killed mid-write) is cut."""
    keys: set[str] = set()
    ids: set[str] = set()
    failures: dict[str, tuple[str, str]] = {}
    if not path.exists():
        return keys, ids, failures
    good = 0
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                line = json.loads(raw)
            except ValueError:
                break
            good += len(raw)
            schema = line.get("schema")
            if schema in (_FAILURE_SCHEMA, _DUPLICATE_SCHEMA):
                key = str(line["input"])
            else:
                key = str(line.get("metadata", {}).get("input", line.get("id")))
                ids.add(str(line.get("id")))
            keys.add(key)
            if schema == _FAILURE_SCHEMA:
                failures[key] = (str(line.get("code", "")), str(line.get("reason", "")))
            else:  # a retry that succeeded: the later line is the one that counts
                failures.pop(key, None)
    if good != path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(good)
    return keys, ids, failures


def run_shard(
    items: Iterable[Document | InputError],
    shard: Shard,
    out_dir: Path,
    config: Config,
    make: Callable[[int | None], Engine],
    *,
    language: str | None = None,
    published: dt.date | None = None,
    retry_failed: bool = False,
    on_input: Callable[[str, str, NarrascopeError | None], object] = lambda *_: None,
    on_outcome: Callable[[Outcome], object] = lambda _: None,
) -> BatchReport:
    """Analyse this shard's records, appending one JSON line per record to its shard file.

    A record that failed in an earlier run of the shard counts as failed again (its earlier
    reason is reported), or is tried again with ``retry_failed``: its new line comes after the
    failure's, and ``narrascope load`` keeps the later one."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / shard.file_name()
    done_keys, done_ids, failures = _read_done(path)
    counts: Counter[str] = Counter()
    stamp = fingerprint(config, _overrides(language, published))
    handle = path.open("a", encoding="utf-8")

    def write(line: str) -> None:
        handle.write(line + "\n")
        handle.flush()

    # A duplicate's line is written only after its original's line: the pipeline analyses in
    # batches, and a run killed in between must not leave a duplicate of an unwritten original.
    in_flight: set[str] = set()
    waiting: dict[str, list[str]] = {}

    def duplicate_line(key: str, doc_id: str) -> None:
        write(json.dumps({"schema": _DUPLICATE_SCHEMA, "input": key, "document_id": doc_id}))

    def fresh() -> Iterator[Document]:
        for item in items:
            key = _key(item)
            if not shard.owns(key):
                continue
            if key in done_keys and key in failures and not retry_failed:
                code, reason = failures[key]
                counts["failed_earlier"] += 1
                on_input(key, "failed", InputError(code, key, f"{reason} (in an earlier run)"))
                continue
            if key in done_keys and key not in failures:
                counts["unchanged"] += 1
                on_input(key, "unchanged", None)
                continue
            failures.pop(key, None)
            done_keys.add(key)
            if isinstance(item, InputError):
                write(
                    json.dumps(
                        {"schema": _FAILURE_SCHEMA, "input": key, "code": item.code, "reason": item.reason}
                    )
                )
                counts["failed_inputs"] += 1
                on_input(key, "failed", item)
                continue
            if item.id in done_ids:
                if item.id in in_flight:
                    waiting.setdefault(item.id, []).append(key)
                else:
                    duplicate_line(key, item.id)
                counts["duplicate"] += 1
                on_input(key, "duplicate", None)
                continue
            done_ids.add(item.id)
            in_flight.add(item.id)
            counts["new"] += 1
            on_input(key, "new", None)
            yield prepare(item, language, published)

    engine = make(None)
    try:
        for outcome in engine.run(fresh()):
            if outcome.error is None and outcome.document is not None:
                outcome.document.metadata["fingerprint"] = stamp
                write(outcome.document.dumps(indent=None))
                counts["analysed"] += 1
            else:
                assert outcome.error is not None
                error = outcome.error
                reason = error.reason_text
                write(
                    json.dumps(
                        {
                            "schema": _FAILURE_SCHEMA,
                            "input": outcome.name,
                            "code": error.code,
                            "reason": reason,
                        }
                    )
                )
                counts["failed_documents"] += 1
            if outcome.document is not None:
                in_flight.discard(outcome.document.id)
                for key in waiting.pop(outcome.document.id, []):
                    duplicate_line(key, outcome.document.id)
            on_outcome(outcome)
        for doc_id, keys in waiting.items():  # an engine that lost a document without naming it
            for key in keys:
                duplicate_line(key, doc_id)
    finally:
        engine.close()
        os.fsync(handle.fileno())
        handle.close()
    failed = counts["failed_inputs"] + counts["failed_documents"] + counts["failed_earlier"]
    ok = counts["analysed"] + counts["duplicate"] + counts["unchanged"]
    summary = {
        "total": ok + failed,
        "ok": ok,
        "failed": failed,
        "pending": 0,
        "duplicates": counts["duplicate"],
    }
    return _report(counts, summary, shard_file=path)


def load_shards(
    paths: Iterable[Path],
    store: Store,
    config: Config,
    on_line: Callable[[str, str], object] = lambda *_: None,
) -> Counter[str]:
    """Load shard files into ``store`` (the single writer); rerunning it adds nothing new."""
    queue = Queue(store, config)
    counts: Counter[str] = Counter()
    for path in paths:
        duplicates: list[tuple[str, str]] = []
        with path.open(encoding="utf-8") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.endswith("\n"):
                    counts["torn"] += 1  # the shard's job was killed mid-line; its rerun redoes it
                    continue
                try:
                    line = json.loads(raw)
                    schema = line.get("schema")
                    if schema == _FAILURE_SCHEMA:
                        queue.fail_input(
                            InputError(str(line["code"]), str(line["input"]), str(line["reason"])),
                            str(line["input"]),
                        )
                        counts["failed"] += 1
                        on_line(str(line["input"]), "failed")
                        continue
                    if schema == _DUPLICATE_SCHEMA:
                        # The original is in the same shard file, but the pipeline analyses in
                        # batches, so its line may come later: duplicates are recorded last.
                        duplicates.append((str(line["input"]), str(line["document_id"])))
                        continue
                    doc = Document.from_json(line)
                except (ValueError, KeyError, TypeError, NarrascopeError) as exc:
                    raise NarrascopeError("E300", f"{path}:{number}: not a shard line ({exc})") from None
                stamp = str(doc.metadata.pop("fingerprint", ""))
                try:
                    status = queue.add(doc)
                except InputError as exc:
                    queue.fail_input(exc, exc.input_name)
                    counts["failed"] += 1
                    continue
                if status in ("new", "changed"):
                    queue.finish(doc, stamp)
                counts[status] += 1
                on_line(str(doc.metadata.get("input", doc.id)), status)
        for name, original in duplicates:
            if store.db.execute("SELECT 1 FROM documents WHERE id = ?", (original,)).fetchone():
                queue.duplicate(name, original)
                counts["duplicate"] += 1
                on_line(name, "duplicate")
            else:  # the original's analysis failed, and so does its copy
                queue.fail_input(
                    InputError("E107", name, f"same text as document {original}, which failed"), name
                )
                counts["failed"] += 1
                on_line(name, "failed")
        queue.commit()
    return counts
