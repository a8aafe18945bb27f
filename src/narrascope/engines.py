"""Where the analyzers run: in this process, in a pool of worker processes, or on Ray.

Every engine takes documents and yields one :class:`~narrascope.pipeline.Outcome` per
document, in any order, and never raises for one bad document. Workers load the models once
(in their initializer or actor constructor) and send back analysed documents; writing to
the store stays with the caller, so concurrent workers never share a database.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any, Protocol

from narrascope import _preload
from narrascope.config import Config
from narrascope.document import Document
from narrascope.errors import InputError, NarrascopeError
from narrascope.pipeline import Outcome, Pipeline, batches

__all__ = ["ENGINES", "Engine", "ProcessEngine", "RayEngine", "SerialEngine", "make_engine"]

ENGINES = ("auto", "serial", "process", "ray")

# One result travels between processes as plain data: (input name, document JSON or None,
# (code, message, input name, reason) or None, seconds).
_Wire = tuple[str, str | None, tuple[str, str, str | None, str | None] | None, float]


class Engine(Protocol):
    name: str

    def run(self, docs: Iterable[Document], total: int | None = None) -> Iterator[Outcome]:
        """Analyse ``docs``; ``total``, where known, is how many there are (a hint for
        sharing them out, never a limit)."""
        ...

    def close(self) -> None: ...


def _to_wire(outcome: Outcome) -> _Wire:
    error: tuple[str, str, str | None, str | None] | None = None
    if outcome.error is not None:
        exc = outcome.error
        if isinstance(exc, InputError):
            error = (exc.code, exc.message, exc.input_name, exc.reason)
        else:
            error = (exc.code, exc.message, None, None)
    doc = outcome.document.dumps(indent=None) if outcome.document is not None else None
    return outcome.name, doc, error, outcome.seconds


def _from_wire(wire: _Wire) -> Outcome:
    name, doc, error, seconds = wire
    exc: NarrascopeError | None = None
    if error is not None:
        code, message, input_name, reason = error
        exc = (
            InputError(code, input_name, reason)
            if input_name is not None and reason is not None
            else NarrascopeError(code, message)
        )
    return Outcome(name, Document.loads(doc) if doc is not None else None, exc, seconds)


class SerialEngine:
    """The pipeline in this process: no start-up cost, the right choice for a few documents."""

    name = "serial"

    def __init__(self, config: Config) -> None:
        self.pipeline = Pipeline(config)

    def run(self, docs: Iterable[Document], total: int | None = None) -> Iterator[Outcome]:
        return self.pipeline.run(docs)

    def close(self) -> None:
        pass


_worker_pipeline: Pipeline | None = None


def _init_worker(data: dict[str, Any], threads: int) -> None:
    global _worker_pipeline
    # Each worker gets its share of the cores; torch would otherwise start one thread per core
    # in every worker, and the workers would fight over them.
    os.environ["OMP_NUM_THREADS"] = str(threads)
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:  # pragma: no cover - torch is a dependency
        pass
    # numpy's BLAS (which spaCy multiplies with) started its threads when numpy was imported,
    # before the variable above was set: it is limited here.
    from threadpoolctl import threadpool_limits

    threadpool_limits(threads)
    _worker_pipeline = _preload.preloaded(_preload.key(data, threads)) or Pipeline(Config(data))


def _work(chunk: list[str]) -> list[_Wire]:
    assert _worker_pipeline is not None, "worker used before its initializer ran"
    wires = [_to_wire(o) for o in _worker_pipeline.run(Document.loads(raw) for raw in chunk)]
    _give_back_freed_memory()
    return wires


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        return trim
    except (OSError, AttributeError):  # not glibc
        return None


def _give_back_freed_memory() -> None:
    """Return the heap a chunk freed to the system.

    glibc keeps freed memory for the next allocation, and in the workers, whose memory adds up,
    it crept up from chunk to chunk.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _lost(doc: Document, why: str) -> Outcome:
    name = str(doc.metadata.get("input", doc.id))
    return Outcome(name, doc, InputError("E107", name, why))


class _Worker:
    """One worker process, as an executor of its own, and how many documents it has been given.

    One executor per worker rather than one pool for all: a worker that dies breaks only its
    own executor (a shared pool fails every chunk in flight with it), and each worker can be
    replaced on its own while the others go on.
    """

    def __init__(self) -> None:
        self.executor: ProcessPoolExecutor | None = None
        self.given = 0  # documents submitted to this executor

    def stop(self, executor: ProcessPoolExecutor | None = None, cancel: bool = False) -> None:
        """Shut the executor down (only if it is still ``executor``, when one is named)."""
        if self.executor is not None and (executor is None or executor is self.executor):
            self.executor.shutdown(cancel_futures=cancel)
            self.executor = None
            self.given = 0


class ProcessEngine:
    """A pool of worker processes; results come back to the caller.

    The workers fork from a server that has loaded the models, and share them (where the
    platform cannot fork, each loads its own). Documents go out in chunks, at most two per
    worker in flight, so memory stays flat however long the input. A worker forked from the
    server is replaced by a fresh fork after ``recycle`` full chunks' worth of documents: a worker's own memory grows
    with every chunk it analyses (it writes to more and more of the pages it shares with the
    server, and allocators keep what they freed), and on a long corpus it would grow without
    bound (``benchmarks/engine_memory.py``). A worker that dies (killed, out of memory) costs
    only the documents it held: they are reported as failed (E107) and a fresh worker carries on.
    """

    name = "process"

    def __init__(self, config: Config, workers: int, chunk: int = 16, recycle: int | None = 8) -> None:
        self.config = config
        self.workers = max(1, workers)
        self.chunk = max(1, chunk)
        self.recycle = recycle if recycle is None else max(1, recycle)
        self.threads = max(1, (os.cpu_count() or 1) // self.workers)
        self._slots = [_Worker() for _ in range(self.workers)]
        self._forked = False  # whether the workers fork from the preloaded server (cheap to replace)
        self._serving = False  # whether this engine started the fork server

    def _executor(self, slot: _Worker) -> ProcessPoolExecutor:
        if slot.executor is None:
            context = self._context()
            self._forked = context.get_start_method() == "forkserver"
            slot.executor = ProcessPoolExecutor(
                1,
                mp_context=context,
                initializer=_init_worker,
                initargs=(self.config.data, self.threads),
            )
        return slot.executor

    def _retiring(self, slot: _Worker) -> bool:
        # A spawned worker loads every model again: replacing it would cost more than it saves.
        return self._forked and self.recycle is not None and slot.given >= self.recycle * self.chunk

    def _context(self) -> BaseContext:
        """A fork server that has loaded the pipeline, where the platform has one; else spawn.

        Not a plain fork of this process: torch and tokenizers keep threads that a fork would
        copy mid-state, and the caller may have threads of its own (a progress bar, a
        database). The fork server is a fresh process that loads the models before it forks
        the workers, which then share them (:mod:`narrascope._preload`).
        """
        import multiprocessing
        from multiprocessing import forkserver

        if "forkserver" not in multiprocessing.get_all_start_methods():  # Windows
            return multiprocessing.get_context("spawn")
        wanted = _preload.key(self.config.data, self.threads)
        server: Any = forkserver._forkserver  # private: stdlib offers no other way to stop it
        if server._forkserver_pid is not None and _served["key"] != wanted:
            # The server has loaded another configuration (or is not narrascope's), and stops
            # only when every worker it forked has ended: this engine's workers load their own.
            return multiprocessing.get_context("spawn")
        if server._forkserver_pid is None:
            # The server reads the configuration from its environment when it starts.
            saved = _set_environment({_preload.ENVIRONMENT: wanted})
            try:
                forkserver.set_forkserver_preload(["narrascope._preload"])
                forkserver.ensure_running()
            finally:
                _set_environment(saved)
            _served.update(key=wanted, engines=0)
        if not self._serving:
            self._serving = True
            _served["engines"] += 1
        return multiprocessing.get_context("forkserver")

    def run(self, docs: Iterable[Document], total: int | None = None) -> Iterator[Outcome]:
        in_flight: dict[Future[list[_Wire]], tuple[_Worker, ProcessPoolExecutor, list[Document]]] = {}
        # Chunks are the pipeline's own batches, so that a worker runs each as one batch.
        # Where the number of documents is known, chunks shrink as they run out (two shares per
        # worker, one working and one waiting): chunks of a fixed size left one worker idle at
        # the end while the other finished its last two, some 3% of a run on 100-300 articles.
        source = batches(docs, self.chunk, total=total, shares=2 * self.workers)
        exhausted = False
        while True:
            while not exhausted:
                slot = self._next_slot(in_flight)
                if slot is None:
                    break
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                executor = self._executor(slot)
                future = executor.submit(_work, [d.dumps(indent=None) for d in chunk])
                slot.given += len(chunk)
                in_flight[future] = (slot, executor, chunk)
            if not in_flight:
                return
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                slot, executor, chunk = in_flight.pop(future)
                try:
                    wires = future.result()
                except BrokenProcessPool:
                    slot.stop(executor, cancel=True)
                    yield from (_lost(doc, "the worker process died while analysing it") for doc in chunk)
                    continue
                except Exception as exc:  # a bug in a worker must cost its chunk, not the batch
                    yield from (_lost(doc, f"worker failed: {type(exc).__name__}: {exc}") for doc in chunk)
                    continue
                finally:
                    # A worker that has had its share is replaced once its last chunk is back,
                    # not before: never two processes in one worker's place.
                    if self._retiring(slot) and not any(s is slot for s, _, _ in in_flight.values()):
                        slot.stop(executor)
                yield from (_from_wire(w) for w in wires)

    def _next_slot(
        self, in_flight: dict[Future[list[_Wire]], tuple[_Worker, ProcessPoolExecutor, list[Document]]]
    ) -> _Worker | None:
        """The least busy worker that can take a chunk (two in flight at most: one working, one
        waiting), or None."""
        busy = {id(slot): 0 for slot in self._slots}
        for slot, _, _ in in_flight.values():
            busy[id(slot)] += 1
        free = [s for s in self._slots if busy[id(s)] < 2 and not self._retiring(s)]
        return min(free, key=lambda s: busy[id(s)], default=None)

    def _drop_pool(self) -> None:
        for slot in self._slots:
            slot.stop(cancel=True)

    def close(self) -> None:
        self._drop_pool()
        if self._serving:
            self._serving = False
            _served["engines"] -= 1
            if _served["engines"] <= 0:
                # The fork server holds a copy of every model: it must not outlive its engines.
                from multiprocessing import forkserver

                server: Any = forkserver._forkserver
                server._stop()
                _served.update(key=None, engines=0)


#: The fork server that narrascope started: the ``_preload.key`` of what it loaded, and how
#: many open engines fork their workers from it.
_served: dict[str, Any] = {"key": None, "engines": 0}


class _RayActor:
    """Ray Data actor: builds the pipeline once, then analyses batches of documents."""

    def __init__(self, data: dict[str, Any], threads: int) -> None:
        _init_worker(data, threads)
        assert _worker_pipeline is not None
        self.pipeline = _worker_pipeline

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        wires = [_to_wire(o) for o in self.pipeline.run(Document.loads(str(raw)) for raw in batch["doc"])]
        return {
            "name": [w[0] for w in wires],
            "doc": [w[1] for w in wires],
            "error": [list(w[2]) if w[2] else None for w in wires],
            "seconds": [w[3] for w in wires],
        }


class RayEngine:
    """The pipeline on Ray Data, with one actor per worker holding the models.

    ``address`` is a Ray cluster (``ray://host:10001`` or ``auto``); without it Ray starts on
    this machine, for this run only (see :meth:`_start_local`). Documents are sent in windows
    so that the driver holds a bounded number of texts; each window starts its actors afresh,
    which the window size keeps rare.
    """

    name = "ray"

    def __init__(
        self,
        config: Config,
        workers: int,
        address: str | None = None,
        batch_size: int = 8,
        window: int = 20_000,
    ) -> None:
        try:
            import ray
        except ImportError:
            raise NarrascopeError("E202", "the Ray engine needs Ray: pip install 'narrascope[ray]'") from None
        self.ray = ray
        self.config = config
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self.window = window
        import logging

        # Ray Data reports each dataset's plan and progress on the terminal; narrascope has its
        # own bar, and keeps Ray's messages for its log files.
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
        self._started = False
        self._saved_env: dict[str, str | None] | None = None
        self._saved_cluster_flag: bool | None = None
        if not ray.is_initialized():
            options: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "logging_level": logging.ERROR,
            }
            if address:
                ray.init(address=address, **options)
            else:
                self._start_local(options)
            self._started = True

    def _start_local(self, options: dict[str, Any]) -> None:
        """A new Ray instance on this machine for this run only: loopback, token authentication.

        ``address="local"`` always starts a new instance: without it ``ray.init`` joins a cluster
        named by ``RAY_ADDRESS`` or started on this machine with ``ray start`` (and then refuses
        ``num_cpus``). Ray's servers (GCS, raylet and object manager, workers, agents) listen on
        the node's address, which Ray on Linux turns from 127.0.0.1 into the machine's network
        address unless ``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER`` is off; with it off they all listen
        on 127.0.0.1 only. Every process of the instance authenticates with a token made for this
        run, passed in the environment and never written anywhere. ``close`` puts the
        environment back.
        """
        from ray._private import ray_constants

        self._saved_env = _set_environment(
            {
                "RAY_ADDRESS": None,  # only --ray-address joins a cluster
                "RAY_AUTH_MODE": "token",
                "RAY_AUTH_TOKEN": secrets.token_urlsafe(32),
                "RAY_AUTH_TOKEN_PATH": None,
                # Ray's processes read this when they start, ray.init in this one reads the
                # constant taken from it when Ray was imported.
                "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
            }
        )
        self._saved_cluster_flag = ray_constants.ENABLE_RAY_CLUSTER
        ray_constants.ENABLE_RAY_CLUSTER = False
        try:
            _reload_ray_auth()
            self.ray.init(
                address="local",
                _node_ip_address="127.0.0.1",
                num_cpus=os.cpu_count() or 1,
                **options,
            )
        except BaseException:
            self._restore_environment()
            raise

    def run(self, docs: Iterable[Document], total: int | None = None) -> Iterator[Outcome]:
        source = iter(docs)
        while True:
            window = [doc for _, doc in zip(range(self.window), source, strict=False)]
            if not window:
                return
            yield from self._run_window(window)

    def _run_window(self, window: list[Document]) -> Iterator[Outcome]:
        threads = max(1, (os.cpu_count() or 1) // self.workers)
        dataset = self.ray.data.from_items([{"doc": d.dumps(indent=None)} for d in window]).map_batches(
            _RayActor,
            fn_constructor_kwargs={"data": self.config.data, "threads": threads},
            batch_size=self.batch_size,
            compute=self.ray.data.ActorPoolStrategy(size=self.workers),
            num_cpus=threads,
        )
        seen: set[str] = set()
        try:
            for row in dataset.iter_rows():
                error = row["error"]
                outcome = _from_wire(
                    (
                        str(row["name"]),
                        row["doc"],
                        tuple(error) if error is not None else None,
                        float(row["seconds"]),
                    )
                )
                seen.add(outcome.name)
                yield outcome
        except Exception as exc:  # the cluster failed: the window's unfinished documents fail
            for doc in window:
                if str(doc.metadata.get("input", doc.id)) not in seen:
                    yield _lost(doc, f"Ray failed: {type(exc).__name__}: {exc}")

    def close(self) -> None:
        if self._started and self.ray.is_initialized():
            self.ray.shutdown()
        self._started = False
        self._restore_environment()

    def _restore_environment(self) -> None:
        if self._saved_cluster_flag is not None:
            from ray._private import ray_constants

            ray_constants.ENABLE_RAY_CLUSTER = self._saved_cluster_flag
            self._saved_cluster_flag = None
        if self._saved_env is not None:
            _set_environment(self._saved_env)
            self._saved_env = None
            _reload_ray_auth()


def _set_environment(values: dict[str, str | None]) -> dict[str, str | None]:
    """Set (or, for None, remove) environment variables; returns what they were."""
    previous = {name: os.environ.get(name) for name in values}
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    return previous


def _reload_ray_auth() -> None:
    """Make this process read Ray's authentication settings from the environment again.

    Ray reads them once and caches them (its configuration, and the token); the configuration
    goes first so that nothing reloads a token while the old mode still applies.
    """
    from ray._raylet import AuthenticationTokenLoader, Config  # type: ignore[attr-defined]

    Config.initialize("")
    AuthenticationTokenLoader.instance().reset_cache()


def make_engine(
    name: str,
    config: Config,
    workers: int | None = None,
    pending: int | None = None,
    address: str | None = None,
) -> Engine:
    """The engine called ``name``; ``auto`` is a process pool unless there is too little work for one.

    A pool pays for loading the models once per worker (seconds); for a handful of documents
    the serial engine finishes first.
    """
    if name not in ENGINES:
        raise NarrascopeError("E202", f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 1:
        raise NarrascopeError("E202", f"--workers must be at least 1, not {count}")
    if name == "ray":
        return RayEngine(config, count, address)
    if name == "serial" or (name == "auto" and (count == 1 or (pending is not None and pending < 4 * count))):
        return SerialEngine(config)
    return ProcessEngine(config, count)
