"""A bounded load on `narrascope serve`: concurrent clients on the search and analyse endpoints.

    python benchmarks/server.py [--db PATH] [--documents 20000] [--clients 50] [--json]

Fills a store with generated documents (benchmarks/corpus_queries.py's synthetic corpus: 50
spans a document, 30 outlets, two years of dates; reused when ``--db`` already exists), starts
the server on a free loopback port as a user would, and runs three phases, each a fixed number
of requests from ``--clients`` concurrent clients and stopped at ``--time-limit`` seconds
(searches sent by wrk: for ``--search-seconds``, see below):

1. search: full-text searches, filtered listings and entity lookups (GET /api/documents);
2. analyse: short generated articles (POST /api/analyze, half of them stored);
3. both at once: searches while the analyses queue, the case the server is built for.

Each phase reports requests per second, p50 and p99 latency and errors. Searches are sent by
wrk where it is installed (``apt-get install wrk``): on a small machine a Python client of 50
connections competes with the server for the CPU and adds its own delays to the slowest
answers; ``--python-client`` sends them from Python anyway. Analyses are always sent from Python. References measured in
the same run: the same searches called in-process on a read-only connection (what HTTP and the
server add), and the same articles analysed in-process by the pipeline in batches (what the
server's queue costs).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

from corpus_queries import OUTLETS, PEOPLE, TECHNIQUES, WORDS, build
from narrascope.document import Document
from narrascope.pipeline import Pipeline
from narrascope.store import Store
from narrascope.store.queries import list_documents

# Sentences written for this benchmark; an article is a shuffled handful with a number.
SENTENCES = [
    "The minister said on Tuesday that foreign agents were preparing provocations at the border.",
    "Critics called the new law a shameful betrayal of every citizen who had trusted the government.",
    "Officials warned that the so-called experts were spreading lies to frighten the population.",
    "The spokesman insisted that the country would never bow to pressure from its enemies abroad.",
    "Protesters gathered outside the parliament, and police said the crowd remained peaceful.",
    "According to the report, prices rose by four percent in March while wages stayed flat.",
    "Our brave soldiers defend the motherland, the general told reporters in the capital.",
    "The opposition leader accused the ruling party of stealing the election in broad daylight.",
]


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    client: str = "python"
    measured: dict[str, Any] | None = None  # wrk's own summary

    def row(self) -> dict[str, Any]:
        if self.measured is not None:
            return {"phase": self.name, "client": self.client, **self.measured}
        done = sorted(self.latencies)
        return {
            "phase": self.name,
            "client": self.client,
            "requests": len(done) + len(self.errors),
            "errors": len(self.errors),
            "requests_per_second": round(len(done) / self.seconds, 2) if self.seconds else 0.0,
            "p50_ms": round(1000 * statistics.median(done), 1) if done else None,
            "p99_ms": round(1000 * done[min(len(done) - 1, int(len(done) * 0.99))], 1) if done else None,
        }


def search_requests(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """A mix: words, phrases and prefixes, filtered listings, entity lookups."""
    out: list[dict[str, Any]] = []
    for number in range(count):
        kind = number % 4
        if kind == 0:
            out.append({"q": rng.choice(WORDS)})
        elif kind == 1:
            out.append({"q": f"{rng.choice(WORDS)} {rng.choice(WORDS)}", "source": rng.choice(OUTLETS)})
        elif kind == 2:
            out.append(
                {"layer": "technique", "label": rng.choice(TECHNIQUES), "since": "2024-01-01", "offset": 40}
            )
        else:
            out.append({"entity": rng.choice(PEOPLE), "q": rng.choice(WORDS)})
    return out


def article(rng: random.Random, number: int) -> str:
    lines = rng.sample(SENTENCES, 5)
    return f"Report number {number}\n\n" + "\n\n".join(lines) + f"\n\nThis was report {number}.\n"


async def run_phase(
    phase: Phase,
    client: httpx.AsyncClient,
    jobs: list[Callable[[], Any]],
    clients: int,
    time_limit: float,
) -> None:
    """``clients`` workers take jobs from the list until it is empty or the time is up."""
    queue = list(reversed(jobs))
    deadline = time.perf_counter() + time_limit

    async def worker() -> None:
        while queue and time.perf_counter() < deadline:
            job = queue.pop()
            started = time.perf_counter()
            try:
                response = await job()
                if response.status_code >= 400:
                    phase.errors.append(f"{response.status_code} {response.text[:120]}")
                    continue
            except httpx.HTTPError as exc:
                phase.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            phase.latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    phase.seconds = time.perf_counter() - started
    phase.errors.extend(["not sent: time limit"] * len(queue))


# wrk, where installed, sends the searches: a client in C, because on a 2-core machine a
# Python client of 50 connections takes the CPU the server needs and adds seconds of its own
# to the slowest answers. It sends for a fixed time (wrk cannot stop after a count and exit),
# cycling through the requests.
_WRK_SCRIPT = """
local paths = {%s}
local sent = 0
request = function()
  sent = sent + 1
  return wrk.format("GET", paths[((sent - 1) %% #paths) + 1])
end
"""


def _seconds(value: str) -> float:
    number = value.rstrip("usm")
    return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[value[len(number) :]]


def wrk_phase(name: str, base: str, searches: list[dict[str, Any]], clients: int, seconds: int) -> Phase:
    """The searches sent by wrk from ``clients`` connections for ``seconds``; its own counts and
    percentiles."""
    paths = ", ".join(json.dumps("/api/documents?" + urlencode(p, doseq=True)) for p in searches)
    script = Path(tempfile.mkdtemp()) / "searches.lua"
    script.write_text(_WRK_SCRIPT % paths)
    command = ["wrk", "-t1", f"-c{clients}", f"-d{seconds}s", "--latency", "-s", str(script), base]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    counted = re.search(r"(\d+) requests in", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    if counted is None or rate is None or set(latency) != {"50", "99"}:
        raise SystemExit(f"cannot read wrk's output:\n{output}")
    failed = re.findall(
        r"Non-2xx or 3xx responses: (\d+)|Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
        output,
    )
    errors = sum(int(n) for group in failed for n in group if n)
    return Phase(
        name,
        client="wrk",
        measured={
            "requests": int(counted.group(1)),
            "errors": errors,
            "requests_per_second": round(float(rate.group(1)), 2),
            "p50_ms": round(1000 * _seconds(latency["50"]), 1),
            "p99_ms": round(1000 * _seconds(latency["99"]), 1),
        },
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "NARRASCOPE_TOKEN"}
    process = subprocess.Popen(
        [sys.executable, "-m", "narrascope", "serve", "--db", str(db), "--port", str(port)],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while True:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped:\n{log.read_text()}")
        try:
            httpx.get(f"{base}/api/info", timeout=5).raise_for_status()
            return process, base
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def in_process_search(db: Path, requests: list[dict[str, Any]]) -> float:
    """Median seconds of the same searches without HTTP: one read-only connection each."""
    seconds = []
    for params in requests:
        started = time.perf_counter()
        store = Store.reader(db)
        try:
            list_documents(
                store,
                params.get("q"),
                sources=params.get("source"),
                layer=params.get("layer"),
                label=params.get("label"),
                since=params.get("since"),
                entity=params.get("entity"),
                limit=20,
                offset=int(params.get("offset", 0)),
            )
        finally:
            store.close()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def in_process_analyses(texts: list[str]) -> float:
    """Articles per second of the pipeline alone, in batches of 8 as the server runs them."""
    pipeline = Pipeline()
    list(pipeline.run([Document(t) for t in texts[:2]], batch_size=2))  # load the models first
    started = time.perf_counter()
    for outcome in pipeline.run([Document(t) for t in texts], batch_size=8):
        if outcome.error is not None:
            raise SystemExit(str(outcome.error))
    return len(texts) / (time.perf_counter() - started)


async def load(
    base: str, args: argparse.Namespace, searches: list[dict[str, Any]], texts: list[str]
) -> list[Phase]:
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(base_url=base, timeout=args.time_limit, limits=limits) as client:

        def search_job(params: dict[str, Any]) -> Callable[[], Any]:
            return lambda: client.get("/api/documents", params=params)

        def analyse_job(number: int, text: str) -> Callable[[], Any]:
            body = {"text": text, "source": "benchmark", "store": number % 2 == 0}
            return lambda: client.post("/api/analyze", json=body)

        use_wrk = shutil.which("wrk") is not None and not args.python_client
        half = max(1, args.clients // 2)

        async def searching(name: str, clients: int) -> Phase:
            if use_wrk:
                return await asyncio.to_thread(wrk_phase, name, base, searches, clients, args.search_seconds)
            phase = Phase(name)
            await run_phase(phase, client, [search_job(p) for p in searches], clients, args.time_limit)
            return phase

        first = await searching("search", args.clients)
        analysing = Phase("analyse")
        await run_phase(
            analysing, client, [analyse_job(n, t) for n, t in enumerate(texts)], args.clients, args.time_limit
        )
        beside = Phase("analyse beside searches")
        both, _ = await asyncio.gather(
            searching("search while analysing", half),
            run_phase(
                beside,
                client,
                [analyse_job(n, t + " Again.") for n, t in enumerate(texts)],
                args.clients - half,
                args.time_limit,
            ),
        )
        return [first, analysing, both, beside]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="store to fill (reused when it exists)")
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--searches", type=int, default=2_000, help="search requests in phases 1 and 3")
    parser.add_argument("--analyses", type=int, default=100, help="articles in phases 2 and 3")
    parser.add_argument("--time-limit", type=float, default=600.0, help="seconds a phase may run")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--search-seconds", type=int, default=30, help="how long wrk sends searches")
    parser.add_argument(
        "--python-client", action="store_true", help="send searches from Python even where wrk is installed"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="narrascope-server-bench-"))
    db = args.db or folder / "bench.db"
    if not db.exists():
        started = time.perf_counter()
        # Every entity with a normal form, as narrascope's entity analyzer writes them.
        written = build(db, args.documents * 50, normal_share=1.0)
        print(f"built {db}: {written} documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    rng = random.Random(7)
    searches = search_requests(rng, args.searches)
    texts = [article(rng, n) for n in range(args.analyses)]
    reference_search = in_process_search(db, searches[:400])
    reference_analyses = in_process_analyses(texts[:40])
    process, base = start_server(db, folder / "serve.log")
    try:
        phases = asyncio.run(load(base, args, searches, texts))
    finally:
        process.terminate()
        process.wait(timeout=60)
    with Store.reader(db) as store:
        documents = store.count("documents")
    rows = [phase.row() for phase in phases]
    result = {
        "documents_in_store": documents,
        "clients": args.clients,
        "cpus": os.cpu_count(),
        "phases": rows,
        "reference_search_ms_in_process": round(1000 * reference_search, 2),
        "reference_articles_per_second_in_process": round(reference_analyses, 2),
        # Server searches per second over one in-process caller's: what HTTP and the threads
        # cost or gain (latency under 50 clients is mostly waiting in line, not comparable).
        "search_throughput_over_in_process": round(rows[0]["requests_per_second"] * reference_search, 2),
        "server_analyses_over_in_process": round(rows[1]["requests_per_second"] / reference_analyses, 2),
        "errors_seen": sorted({e for phase in phases for e in phase.errors})[:5],
        "search_client": phases[0].client,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{documents} documents in the store, {args.clients} concurrent clients, {os.cpu_count()} CPUs\n")
    print("| phase | client | requests | errors | requests/s | p50 ms | p99 ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['phase']} | {row['client']} | {row['requests']} | {row['errors']} "
            f"| {row['requests_per_second']} | {row['p50_ms']} | {row['p99_ms']} |"
        )
    print(
        f"\nin-process references: search {result['reference_search_ms_in_process']} ms (median), "
        f"pipeline {result['reference_articles_per_second_in_process']} articles/s"
    )
    print(
        f"server searches/s over one in-process caller's: {result['search_throughput_over_in_process']}x; "
        f"server analyses over in-process: {result['server_analyses_over_in_process']}x"
    )
    for error in result["errors_seen"]:
        print(f"error: {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
