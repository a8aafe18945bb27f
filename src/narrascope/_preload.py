"""The pipeline that worker processes share: built once in the fork server, before they fork.

A worker process spawned from scratch loads every model itself, so that two workers and their
parent took 3.2 GB together (``benchmarks/throughput.py``, "Speed" in the README). Forked from
a server that has loaded the models, workers share those pages (the weights are only read),
and each adds little more than its working memory.

The process engine puts the configuration in ``NARRASCOPE_PRELOAD`` before it starts the fork
server; the server imports this module, which builds and warms the pipeline. Nothing here may
raise: an exception would take the fork server down and every worker with it. A pipeline that
cannot be built here is built again in each worker, whose error is then reported the usual way.
"""

from __future__ import annotations

import gc
import json
import os
from typing import Any

__all__ = ["ENVIRONMENT", "key", "preloaded"]

ENVIRONMENT = "NARRASCOPE_PRELOAD"

# Documents that make the analyzers load their models for the two languages met most (a
# language met later loads its models in each worker that meets it).
_WARM_UP = (
    "The minister said on Monday that the talks in Geneva would go on.",
    "Министр заявил в понедельник, что переговоры в Женеве продолжатся.",
)


def key(data: dict[str, Any], threads: int) -> str:
    """What identifies a preloaded pipeline: the configuration and each worker's threads."""
    return json.dumps({"config": data, "threads": threads}, sort_keys=True, default=str)


_pipeline: tuple[str, Any] | None = None


def preloaded(wanted: str) -> Any | None:
    """The pipeline built for ``wanted`` (a :func:`key`) before this process forked, if any."""
    if _pipeline is not None and _pipeline[0] == wanted:
        return _pipeline[1]
    return None


def _build(raw: str) -> tuple[str, Any] | None:
    try:
        request = json.loads(raw)
        threads = int(request["threads"])
        # Set before anything runs a torch operation: the workers inherit this process's thread
        # pools, and a pool wider than a worker's share of the cores would oversubscribe them.
        os.environ["OMP_NUM_THREADS"] = str(threads)
        import torch
        from threadpoolctl import threadpool_limits

        torch.set_num_threads(threads)
        threadpool_limits(threads)

        from narrascope.config import Config
        from narrascope.document import Document
        from narrascope.pipeline import Pipeline

        pipeline = Pipeline(Config(request["config"]))
        for text in _WARM_UP:
            for _ in pipeline.run([Document(text)]):
                pass
        # The collector writes into every object it visits, which would copy the shared pages
        # into each worker, one full collection at a time: what exists now it leaves alone.
        gc.collect()
        gc.freeze()
        return key(request["config"], threads), pipeline
    except Exception:  # the workers build their own and report what goes wrong
        return None


# Taken out of the environment, so that no process the workers start builds a pipeline when
# it imports narrascope.
_request = os.environ.pop(ENVIRONMENT, None)
if _request is not None:
    _pipeline = _build(_request)
