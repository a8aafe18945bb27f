"""Corpus throughput: ingestion alone, the pipeline on 1 worker against 2, and the corpus queries.

    python benchmarks/corpus.py [--articles 10000] [--analyse 10000]
                                [--pipeline light|facts|default]
                                [--no-queries] [--json]

1. A corpus of ``--articles`` generated articles (``throughput.py``'s generator: English and
   Russian, quotes, names, dates) is written as one JSON Lines file with outlet, URL and
   date columns, the way corpora arrive. Ingestion alone (read, parse, deduplicate, write
   documents and pending jobs to a fresh SQLite store) is timed, then the same command again,
   which must add nothing.
2. The first ``--analyse`` articles are analysed into fresh stores by the serial engine (one
   worker) and by a pool of two worker processes; the ratio is the pool's speed-up. With
   ``--pipeline light`` the analyzers are language and paragraphs only, which measures what
   the batch machinery itself costs; ``facts`` adds entities (spaCy and natasha, the entity
   head off: no encoder), dates and quotes; ``default`` runs every analyzer, techniques included.
   Model loading is part of each run, as a user pays it.
3. ``corpus_queries.py`` times each corpus query on a store of a million spans.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from narrascope.batch import run_into_store
from narrascope.config import Config, load_config
from narrascope.engines import make_engine
from narrascope.ingest import read_inputs
from narrascope.store import Store
from narrascope.store.queue import Queue
from throughput import generate

OUTLETS = ["Daily Example", "Example Herald", "Вестник Примера", "Example Wire"]
LIGHT = '[pipeline]\nanalyzers = ["narrascope.language.v1", "narrascope.segment.v1"]\n'
# Who and what, where and when: the analyzers that need no encoder pass.
FACTS = (
    "[pipeline]\nanalyzers = ["
    '"narrascope.language.v1", "narrascope.segment.v1", "narrascope.entities.v1", '
    '"narrascope.dates.v1", "narrascope.quotes.v1"]\n'
    '[analyzers."narrascope.entities.v1"]\nmodel = "none"\n'
)


def write_corpus(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i, doc in enumerate(generate(count, 300, seed=5)):
            day = dt.date(2023, 1, 2) + dt.timedelta(days=i % 365)
            record = {
                "id": f"a{i}",
                "url": f"https://news.example/{i}",
                "outlet": OUTLETS[i % len(OUTLETS)],
                "date": day.isoformat(),
                "title": doc.title,
                "text": doc.text,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def ingest(path: Path, store: Store, config: Config) -> tuple[float, int]:
    queue = Queue(store, config)
    started = time.perf_counter()
    count = 0
    for count, item in enumerate(read_inputs([str(path)], config), start=1):
        if isinstance(item, Exception):
            raise item
        queue.add(item)
        if count % 200 == 0:
            queue.commit()
    queue.commit()
    return time.perf_counter() - started, count


def analyse(path: Path, db: Path, config: Config, engine: str, workers: int) -> tuple[float, int]:
    started = time.perf_counter()
    with Store(db) as store:
        report = run_into_store(
            read_inputs([str(path)], config),
            store,
            config,
            lambda pending: make_engine(engine, config, workers, pending),
        )
    if report.failed_documents or report.failed_inputs:
        raise SystemExit(f"unexpected failures: {report}")
    return time.perf_counter() - started, report.analysed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--analyse", type=int, default=10_000)
    parser.add_argument("--pipeline", choices=("light", "facts", "default"), default="light")
    parser.add_argument("--no-queries", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="narrascope-corpus-"))
    chosen = folder / "pipeline.toml"
    chosen.write_text(FACTS if args.pipeline == "facts" else LIGHT, encoding="utf-8")
    config = load_config(None if args.pipeline == "default" else chosen)
    corpus = folder / "corpus.jsonl"
    write_corpus(corpus, args.articles)
    figures: dict[str, object] = {"articles": args.articles, "pipeline": args.pipeline}

    with Store(folder / "ingest.db") as store:
        seconds, count = ingest(corpus, store, config)
        figures["ingest_articles_per_second"] = round(count / seconds, 1)
        again, _ = ingest(corpus, store, config)
        figures["ingest_rerun_articles_per_second"] = round(count / again, 1)
        figures["documents_after_rerun"] = store.count("documents")

    subset = folder / "subset.jsonl"
    with corpus.open(encoding="utf-8") as source, subset.open("w", encoding="utf-8") as target:
        for _, line in zip(range(args.analyse), source, strict=False):
            target.write(line)
    rates = {}
    for engine, workers in (("serial", 1), ("process", 2)):
        seconds, count = analyse(subset, folder / f"{engine}.db", config, engine, workers)
        rates[workers] = count / seconds
        figures[f"pipeline_{workers}_worker_articles_per_second"] = round(rates[workers], 2)
    figures["pipeline_articles"] = args.analyse
    figures["ratio_2_workers_to_1"] = round(rates[2] / rates[1], 2)

    if not args.no_queries:
        run = subprocess.run(
            [sys.executable, str(Path(__file__).parent / "corpus_queries.py"), "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
        figures["queries"] = json.loads(run.stdout)["queries"] if run.stdout.strip() else run.stderr[-500:]

    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    for key, value in figures.items():
        if key != "queries":
            print(f"{key}: {value}")
    queries = figures.get("queries")
    if isinstance(queries, dict):
        print("\n| query on a million spans | seconds |\n|---|---:|")
        for name, result in queries.items():
            print(f"| {name} | {result['seconds']:.3f} |")


if __name__ == "__main__":
    main()
