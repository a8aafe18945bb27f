"""Memory of the corpus engine on a long run: as it is, without replacing its workers, and without
the cap on oneDNN's primitive cache either.

    python benchmarks/engine_memory.py [--articles 640] [--workers 2] [--recycle 8]
                                       [--data ../shared/data/semeval2023-task3]

A worker forked from the fork server shares the server's models, but its own memory grows
with every chunk it analyses: it writes to more and more of the pages it shares (Python's
reference counts live in the objects), and the allocators keep some of what they freed.
``ProcessEngine`` therefore replaces a worker by a fresh fork after ``recycle`` chunks.

This script runs the same articles through the engine three times, in a process of its own
each time: as narrascope runs it; with no worker replaced (``recycle=None``); and with no worker
replaced and oneDNN's primitive cache at its own default of 1,024 (narrascope caps it at 16,
``narrascope.models.encoder.ONEDNN_CACHE``): the engine before both. It prints the
articles per second and the memory of all the engine's processes (the sum of their
proportional set sizes) after each tenth of the articles and at its peak. The
articles are SemEval-2023 Task 3 training articles in English and Russian, shuffled (real
text brings new words all the time, as a real corpus does), or, without ``--data``'s folder,
the generated articles of ``benchmarks/throughput.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from _data import add_data_argument
from narrascope.config import load_config
from narrascope.document import Document
from narrascope.engines import ProcessEngine
from throughput import _tree_pss_mb, generate

# Each run: the size of oneDNN's cache in its environment (None: narrascope's own choice).
_RUNS: dict[str, str | None] = {"narrascope": None, "no worker replaced": None, "neither": "1024"}


def articles(data: Path, count: int) -> list[Document]:
    files = [
        path
        for language in ("en", "ru")
        for path in sorted((data / language / "train-articles-subtask-3").glob("*.txt"))
    ]
    if not files:
        return generate(count, 520)
    random.Random(0).shuffle(files)
    return [
        Document(path.read_text(encoding="utf-8")) for path in (files * (1 + count // len(files)))[:count]
    ]


def run(data: Path, count: int, workers: int, recycle: int | None) -> dict[str, Any]:
    """One run, in this process: articles per second and the memory curve."""
    peak = [0.0]

    def sample() -> None:
        while True:
            now = _tree_pss_mb(os.getpid())
            if now is not None:
                peak[0] = max(peak[0], now)
            time.sleep(0.5)  # a sample walks every process's page tables: not too often

    docs = articles(data, count)
    engine = ProcessEngine(load_config(), workers, recycle=recycle)
    threading.Thread(target=sample, daemon=True).start()
    curve: list[int] = []
    try:
        for _ in engine.run(generate(32 * workers, 30, seed=1)):  # workers start before the clock
            pass
        started = time.perf_counter()
        failed = 0
        for done, outcome in enumerate(engine.run(docs), start=1):
            failed += not outcome.ok
            if done % max(1, count // 10) == 0:
                curve.append(round(_tree_pss_mb(os.getpid()) or 0))
        seconds = time.perf_counter() - started
    finally:
        engine.close()
    return {
        "recycle": recycle,
        "articles": count,
        "failed": failed,
        "articles_per_second": round(count / seconds, 2),
        "peak_memory_mb": round(peak[0]),
        "memory_mb_after_each_tenth": curve,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=640)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--recycle", type=int, default=8, help="chunks per worker before a fresh fork")
    parser.add_argument("--part", choices=list(_RUNS), help=argparse.SUPPRESS)
    add_data_argument(parser, "semeval2023-task3")
    args = parser.parse_args()
    if args.part:
        recycle = args.recycle if args.part == "narrascope" else None
        figures = run(Path(args.data), args.articles, args.workers, recycle)
        print(json.dumps({"run": args.part, **figures}))
        return 0
    results = []
    for part, cache in _RUNS.items():
        # Each run in a fresh process: the fork server and its workers start from nothing, and
        # inherit the cache's size from its environment.
        command = [sys.executable, __file__, "--part", part, "--articles", str(args.articles)]
        command += ["--workers", str(args.workers), "--recycle", str(args.recycle), "--data", args.data]
        environment = {k: v for k, v in os.environ.items() if k != "ONEDNN_PRIMITIVE_CACHE_CAPACITY"}
        if cache is not None:
            environment["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] = cache
        result = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
        results.append(json.loads(result.stdout.strip().splitlines()[-1]))
    print(json.dumps({"workers": args.workers, "runs": results}, indent=2))
    return 0 if all(r["failed"] == 0 for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
