"""What the web server serves from: the models, loaded once, and the store.

One worker thread owns the pipeline and the store's only writer connection. Requests hand it
work and wait for the answer: analyses that arrive together are run as one batch (one encoder
pass), and every write (a stored analysis, a deletion) goes through the same queue as a batch
run's, one transaction each, so the server and a batch running beside it never corrupt each
other. Readers open their own read-only connection per request.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from narrascope.config import Config
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.pipeline import Pipeline
from narrascope.store.queue import Queue
from narrascope.store.sqlite import Store

__all__ = ["Workbench"]

# Analysed once at start-up, so that every model is loaded before the first request rather
# than during it: one text per language with its own entity model.
_WARM_UP = (
    Document("The minister said on Monday that the talks in Geneva would go on.", language="en"),
    Document("Министр заявил в понедельник, что переговоры в Женеве продолжатся.", language="ru"),
)

# How long a request waits for its analysis before the server answers 503; generous, because
# under load requests queue behind each other's batches.
_WAIT_SECONDS = 600.0


@dataclass
class _Analysis:
    doc: Document
    store: bool
    done: Future[Document] = field(default_factory=Future)


@dataclass
class _Write:
    action: Callable[[Store], object]
    done: Future[object] = field(default_factory=Future)


class Workbench:
    """The pipeline and the store of one server process; ``start`` loads the models."""

    def __init__(
        self,
        db: str | Path,
        config: Config,
        *,
        batch_size: int = 8,
        pipeline: Callable[[Config], Pipeline] = Pipeline,
    ) -> None:
        self.db = Path(db)
        self.config = config
        self.batch_size = max(1, batch_size)
        self._make_pipeline = pipeline
        self._jobs: queue.Queue[_Analysis | _Write | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._ready: Future[None] = Future()
        self.analyzers: list[str] = []
        self.started = False

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        """Create (or upgrade) the store and load the models; raises what would stop the server."""
        self._thread = threading.Thread(target=self._work, name="narrascope-writer", daemon=True)
        self._thread.start()
        self._ready.result()
        self.started = True

    def close(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join(timeout=30)

    # -- what requests call -----------------------------------------------------------------

    def reader(self) -> Store:
        """A read-only connection for one request; the caller closes it."""
        return Store.reader(self.db)

    def submit(self, doc: Document, store: bool) -> Future[Document]:
        """Queue ``doc`` for analysis; its future fails with the document's InputError, if any.
        With ``store``, the analysis is committed before the future is done."""
        job = _Analysis(doc, store)
        self._jobs.put(job)
        return job.done

    def analyze(self, doc: Document, store: bool = False) -> Document:
        return self.submit(doc, store).result(timeout=_WAIT_SECONDS)

    def delete(self, doc_id: str) -> bool:
        """Remove a document, its analysis and its inputs; False when there was none."""
        job = _Write(lambda store: store.delete(doc_id))
        self._jobs.put(job)
        return bool(job.done.result(timeout=_WAIT_SECONDS))

    # -- the worker thread ------------------------------------------------------------------

    def _work(self) -> None:
        try:
            # Both are made here: an SQLite connection belongs to the thread that opened it.
            writer = Store(self.db)
            pipeline = self._make_pipeline(self.config)
            recorder = Queue(writer, self.config)
            for outcome in pipeline.run([Document(d.text, language=d.language) for d in _WARM_UP]):
                if outcome.error is not None and outcome.error.code != "E105":
                    raise outcome.error
        except BaseException as exc:
            self._ready.set_exception(exc)
            return
        self.analyzers = pipeline.names
        self._ready.set_result(None)
        try:
            while (job := self._jobs.get()) is not None:
                if isinstance(job, _Write):
                    self._write(job, writer)
                else:
                    self._analyse(self._gather(job), pipeline, recorder)
        finally:
            writer.close()

    def _gather(self, first: _Analysis) -> list[_Analysis]:
        """The first job and whatever analyses are already waiting, up to a batch."""
        batch = [first]
        while len(batch) < self.batch_size:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if not isinstance(job, _Analysis):
                self._jobs.put(job)  # a write or the stop signal waits for this batch
                break
            batch.append(job)
        return batch

    @staticmethod
    def _write(job: _Write, writer: Store) -> None:
        try:
            job.done.set_result(job.action(writer))
        except Exception as exc:
            job.done.set_exception(exc)

    @staticmethod
    def _analyse(batch: list[_Analysis], pipeline: Pipeline, recorder: Queue) -> None:
        try:
            outcomes = list(pipeline.run([job.doc for job in batch], batch_size=len(batch)))
        except Exception as exc:  # the pipeline catches analyzer failures; this is a bug
            for job in batch:
                job.done.set_exception(exc)
            return
        for job, outcome in zip(batch, outcomes, strict=True):
            if outcome.error is not None:
                job.done.set_exception(outcome.error)
                continue
            try:
                if job.store:
                    recorder.add(job.doc)
                    recorder.finish(job.doc)
                    recorder.commit()
            except Exception as exc:
                recorder.store.db.rollback()  # nothing half-written waits for the next commit
                if not isinstance(exc, NarrascopeError):
                    exc = NarrascopeError("E200", f"{recorder.store.path}: {exc}")
                job.done.set_exception(exc)
            else:
                job.done.set_result(job.doc)
