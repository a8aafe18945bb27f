"""Whole-pipeline speed of two git revisions, measured alternately on the same articles.

    python benchmarks/compare_revisions.py OLD NEW [--articles 40] [--rounds 2] [--json]

Each revision is checked out into a temporary worktree and run in a fresh process with that
worktree's ``src`` first on the path (the installed dependencies are this environment's), on
the generated articles of ``throughput.py`` (half English, half Russian, about 520 words),
models loaded before timing. The revisions take turns, ``--rounds`` times each, because this
machine's speed drifts within minutes: a drift then falls on both sides. Reported: each
revision's median articles per second in English and Russian, and NEW's speed over OLD's.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Runs inside the revision's worktree; the articles come from this checkout's throughput.py.
MEASURE = """
import json, sys, time
sys.path.insert(0, {benchmarks!r})
from throughput import generate
from narrascope import Pipeline
pipeline = Pipeline()
for doc in generate(2, 50, seed=1):
    pipeline(doc)
docs = generate({articles}, 500)
rates = {{}}
for language in ("en", "ru"):
    group = [d for d in docs if d.metadata["generated"] == language]
    started = time.perf_counter()
    failed = sum(not outcome.ok for outcome in pipeline.run(group))
    rates[language] = len(group) / (time.perf_counter() - started)
    assert not failed, f"{{failed}} articles failed"
print(json.dumps(rates))
"""


@contextlib.contextmanager
def worktrees(revisions: Sequence[str]) -> Iterator[dict[str, Path]]:
    """Each revision checked out in a temporary git worktree, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="narrascope-revisions-") as folder:
        trees: dict[str, Path] = {}
        try:
            for label in revisions:
                tree = Path(folder) / f"rev{len(trees)}"
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), label],
                    check=True,
                )
                trees[label] = tree
            yield trees
        finally:
            for tree in trees.values():
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False
                )


def run_in(worktree: Path, code: str) -> Any:
    """What ``code`` prints last, as JSON, run in a fresh process from the revision's own ``src``
    (the installed dependencies are this environment's)."""
    env = {**os.environ, "PYTHONPATH": str(worktree / "src")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=worktree, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"{worktree.name}: the run failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def revisions_parser(description: str | None) -> argparse.ArgumentParser:
    """A command line that takes two revisions, OLD and NEW."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("old", help="the earlier revision (a commit, tag or branch)")
    parser.add_argument("new", help="the later revision")
    return parser


def measure(worktree: Path, articles: int) -> dict[str, float]:
    code = MEASURE.format(benchmarks=str(ROOT / "benchmarks"), articles=articles)
    return dict(run_in(worktree, code))


def main() -> int:
    parser = revisions_parser(__doc__)
    parser.add_argument("--articles", type=int, default=40, help="articles per run, half of them Russian")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    runs: dict[str, list[dict[str, float]]] = {args.old: [], args.new: []}
    with worktrees([args.old, args.new]) as trees:
        for round_ in range(args.rounds):
            for label, tree in trees.items():
                runs[label].append(measure(tree, args.articles))
                print(f"round {round_ + 1}: {label}: {runs[label][-1]}", file=sys.stderr)

    figures: dict[str, object] = {"articles": args.articles, "rounds": args.rounds}
    for language in ("en", "ru"):
        old = statistics.median(run[language] for run in runs[args.old])
        new = statistics.median(run[language] for run in runs[args.new])
        figures[f"{language}_articles_per_second_old"] = round(old, 2)
        figures[f"{language}_articles_per_second_new"] = round(new, 2)
        figures[f"{language}_speedup"] = round(new / old, 2)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
