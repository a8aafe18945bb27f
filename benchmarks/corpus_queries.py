"""How fast the corpus queries answer on a large store.

    python benchmarks/corpus_queries.py [--spans 1000000] [--db PATH] [--json] [--exports]

Builds a synthetic store (50 spans a document over 30 outlets and two years of dates:
techniques, paragraph techniques, entities with normal forms, roles with fine roles, dates and
quotes, and narrative, subnarrative, frame, genre and language labels) by bulk inserts in one
transaction, without running any analyzer. Then times each corpus query: the median of three
runs after one warm-up. Prints a markdown table of query and seconds, and the store's size.
With ``--db`` an existing file is reused as it is, so that a second run skips the build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from narrascope.export import export_table
from narrascope.store import Store
from narrascope.store.queries import (
    QueryResult,
    counts_by_outlet_week,
    outlet_profile,
    search,
    timeline,
    top_mentions,
)

SPANS_PER_DOCUMENT = 50
OUTLETS = [f"outlet-{n:02d}" for n in range(30)]
TECHNIQUES = [
    "Loaded_Language",
    "Name_Calling-Labeling",
    "Repetition",
    "Exaggeration-Minimisation",
    "Doubt",
    "Appeal_to_Fear-Prejudice",
    "Flag_Waving",
    "Causal_Oversimplification",
    "Slogans",
    "Appeal_to_Authority",
    "Whataboutism",
    "False_Dilemma-No_Choice",
    "Red_Herring",
    "Straw_Man",
]
NARRATIVES = [f"URW: Narrative {n}" for n in range(12)] + [f"CC: Narrative {n}" for n in range(8)]
FRAMES = ["Economic", "Security_and_defense", "Political", "Morality", "Legality", "Public_opinion"]
ROLES = {"Protagonist": ["Guardian", "Hero"], "Antagonist": ["Instigator", "Tyrant"], "Innocent": ["Victim"]}
PEOPLE = [f"Person{n} Surname{n % 97}" for n in range(600)]
PLACES = [f"Place{n}" for n in range(300)]
ORGS = [f"Organisation {n}" for n in range(200)]
WORDS = [f"word{n}" for n in range(3000)] + ["provocation", "sanctions", "border", "minister", "élection"]
# Layer, how many a document, and how many words each span covers.
PLAN = [("technique", 20, 6), ("paragraph_technique", 6, 30), ("entity", 14, 2), ("role", 5, 2)]
PLAN += [("date", 3, 2), ("quote", 2, 10)]


def _text(rng: random.Random, words: int) -> tuple[str, list[int]]:
    """A text of ``words`` words with names sprinkled in, and the offset of each word."""
    chosen = []
    for _ in range(words):
        roll = rng.random()
        if roll < 0.04:
            chosen.extend(rng.choice(PEOPLE).split())
        elif roll < 0.06:
            chosen.append(rng.choice(PLACES))
        else:
            chosen.append(rng.choice(WORDS))
    offsets, position = [], 0
    for word in chosen:
        offsets.append(position)
        position += len(word) + 1
    return " ".join(chosen), offsets


def build(path: Path, spans: int, seed: int = 0, normal_share: float = 0.5) -> int:
    """Fill a new store at ``path`` with about ``spans`` spans; returns the documents written.
    ``normal_share`` of the entity spans have a normal form (narrascope's own analyzer gives
    every one a normal form; imported annotations may give none)."""
    rng = random.Random(seed)
    documents = max(1, spans // SPANS_PER_DOCUMENT)
    first = dt.date(2023, 1, 1)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with Store(path) as store:
        db = store.db
        db.execute("BEGIN")
        for number in range(documents):
            text, offsets = _text(rng, rng.randint(350, 650))
            doc_id = f"{number:016x}"
            published = None if rng.random() < 0.03 else (first + dt.timedelta(days=rng.randrange(730)))
            db.execute(
                "INSERT INTO documents (id, title, source, url, published, language, metadata, text, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)",
                (
                    doc_id,
                    f"Title {number} {rng.choice(WORDS)} {rng.choice(PEOPLE)}",
                    OUTLETS[number % len(OUTLETS)],
                    f"https://example.org/{number}",
                    published.isoformat() if published else None,
                    "ru" if number % 4 == 0 else "en",
                    text,
                    now,
                ),
            )
            rows, seq = [], 0
            named: list[str] = []  # the document's people, whom its roles are cast on
            for layer, count, width in PLAN:
                for _ in range(count):
                    start_word = rng.randrange(len(offsets) - width)
                    start = offsets[start_word]
                    end = offsets[start_word + width] - 1
                    attrs: dict[str, Any] = {}
                    if layer in ("technique", "paragraph_technique"):
                        label = rng.choice(TECHNIQUES)
                    elif layer == "entity":
                        label = rng.choice(["PER", "PER", "LOC", "ORG"])
                        if rng.random() < normal_share:
                            attrs["normal"] = rng.choice(PEOPLE if label == "PER" else PLACES + ORGS)
                            if label == "PER":
                                named.append(attrs["normal"])
                    elif layer == "role":
                        label = rng.choice(list(ROLES))
                        attrs["fine_roles"] = [rng.choice(ROLES[label])]
                        if named:
                            attrs["normal"] = attrs["person"] = rng.choice(named)
                    elif layer == "date":
                        label, attrs["value"] = (
                            "day",
                            (first + dt.timedelta(days=rng.randrange(730))).isoformat(),
                        )
                    else:
                        label = "direct"
                    rows.append(
                        (
                            doc_id,
                            seq,
                            start,
                            end,
                            layer,
                            label,
                            f"narrascope.{layer}.v1",
                            round(rng.random(), 3),
                            json.dumps(attrs, sort_keys=True) if attrs else None,
                        )
                    )
                    seq += 1
            db.executemany(
                "INSERT INTO spans (document_id, seq, char_start, char_end, layer, label, analyzer, score, attrs)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            labels = [("narrative", n) for n in rng.sample(NARRATIVES, rng.randint(1, 3))]
            labels += [("subnarrative", f"{n}: sub {rng.randrange(4)}") for _, n in list(labels)]
            labels += [("frame", f) for f in rng.sample(FRAMES, rng.randint(1, 2))]
            labels += [("genre", rng.choice(["reporting", "opinion", "satire"])), ("language", "en")]
            db.executemany(
                "INSERT INTO labels (document_id, seq, layer, label, analyzer) VALUES (?, ?, ?, ?, ?)",
                [(doc_id, i, layer, label, "bench.v1") for i, (layer, label) in enumerate(labels)],
            )
            db.executemany(
                "INSERT INTO analyses (document_id, analyzer, narrascope_version) VALUES (?, ?, '0.1.0')",
                [(doc_id, f"narrascope.{layer}.v1") for layer, _, _ in PLAN],
            )
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return documents


def _median_seconds(run: Callable[[], QueryResult], runs: int) -> tuple[float, int]:
    """Median seconds of ``runs`` runs after a warm-up, and the rows the query returned."""
    rows = len(run().rows)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--spans", type=int, default=1_000_000, help="spans to generate (default 1000000)")
    parser.add_argument("--db", type=Path, help="store to build, or to reuse when it exists")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--exports", action="store_true", help="also time one export of all spans")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"
    build_seconds = None
    if not path.exists():
        started = time.perf_counter()
        try:
            build(path, args.spans)
        except BaseException:
            for leftover in path.parent.glob(path.name + "*"):
                leftover.unlink()
            raise
        build_seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))

    with Store(path) as store:
        counts = {t: store.count(t) for t in ("documents", "spans", "labels")}
        outlets = OUTLETS[:3]
        queries: dict[str, Callable[[], QueryResult]] = {
            "counts_by_outlet_week technique (all labels)": lambda: counts_by_outlet_week(store, "technique"),
            "counts_by_outlet_week technique, 1 label, 3 outlets, 1 year": lambda: counts_by_outlet_week(
                store, "technique", "Loaded_Language", sources=outlets, since="2024-01-01", until="2024-12-31"
            ),
            "counts_by_outlet_week role (all labels)": lambda: counts_by_outlet_week(store, "role"),
            "counts_by_outlet_week narrative (labels)": lambda: counts_by_outlet_week(store, "narrative"),
            "outlet_profile technique": lambda: outlet_profile(store, "technique"),
            "outlet_profile frame": lambda: outlet_profile(store, "frame", language="en"),
            "top_mentions role (20 per label)": lambda: top_mentions(store, "role"),
            "top_mentions entity PER": lambda: top_mentions(store, "entity", "PER"),
            "top_mentions entity PER, 1 outlet": lambda: top_mentions(
                store, "entity", "PER", sources=outlets[0]
            ),
            "timeline technique Loaded_Language": lambda: timeline(store, "technique", "Loaded_Language"),
            # one person's spans: the roles cast on them, per outlet; their mentions, per week
            "outlet_profile role, mention 1 person": lambda: outlet_profile(
                store, "role", mention=PEOPLE[10]
            ),
            "timeline entity, mention 1 person": lambda: timeline(store, "entity", mention=PEOPLE[10]),
            # 60 people: a name that a quarter of the corpus names, for the cost at that scale
            "outlet_profile role, mention 60 people": lambda: outlet_profile(
                store, "role", mention=PEOPLE[:60]
            ),
            "top_mentions role, having a narrative": lambda: top_mentions(
                store, "role", having=f"narrative={NARRATIVES[0]}"
            ),
            "search 'provocation'": lambda: search(store, "provocation"),
            "search 'sanctions border' + narrative filter": lambda: search(
                store, "sanctions border", layer="narrative", label=NARRATIVES[0]
            ),
            "search phrase + technique filter, 1 outlet": lambda: search(
                store,
                '"Person10 Surname10"',
                layer="technique",
                label="Doubt",
                sources=outlets[0],
            ),
        }
        figures = {name: _median_seconds(run, args.runs) for name, run in queries.items()}
        if args.exports:
            for fmt in ("csv", "parquet"):
                out = Path(folder.name) / f"spans.{fmt}"
                started = time.perf_counter()
                rows = export_table(store, "spans", fmt, out)
                figures[f"export spans {fmt} (once)"] = (time.perf_counter() - started, rows)

    if args.json:
        print(
            json.dumps(
                {
                    "counts": counts,
                    "bytes": size,
                    "build_seconds": build_seconds,
                    "queries": {n: {"seconds": t, "rows": r} for n, (t, r) in figures.items()},
                },
                indent=2,
            )
        )
    else:
        print(
            f"store: {counts['documents']:,} documents, {counts['spans']:,} spans, "
            f"{counts['labels']:,} labels, {size / 2**20:.0f} MiB"
            + (f", built in {build_seconds:.0f} s" if build_seconds else "")
        )
        print("\n| query | seconds | rows |\n|---|---:|---:|")
        for name, (seconds, rows) in figures.items():
            print(f"| {name} | {seconds:.3f} | {rows:,} |")
    folder.cleanup()
    return 0 if all(s < 1 for n, (s, _) in figures.items() if not n.startswith("export")) else 1


if __name__ == "__main__":
    sys.exit(main())
