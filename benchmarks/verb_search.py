"""How long the English speech-verb search takes with its noun markers ("the claims", "into
claims that") against the same search without them, and the quote rules' sentence stop that
skips titles ("Sen.", "Mr.") against a plain one, on the same real articles in one run.

    python benchmarks/verb_search.py [--data ../shared/data/semeval2023-task3] [--articles 60]

Both guards are lookbehinds, one per word; tried at every position they made the verb search
half as slow again and the sentence stop about a hundred times slower, so each pattern tries
them only where a verb or a full stop starts. Printed: matches and the ratio of each pair of
timings (best of five each).
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import time
from pathlib import Path

from narrascope.analyzers import _speech_patterns
from narrascope.analyzers._speakers import SENTENCE_END
from narrascope.analyzers._speech_words import SPEECH_WORDS


def _best(pattern: re.Pattern[str], text: str) -> tuple[int, float]:
    times, found = [], 0
    for _ in range(5):
        start = time.perf_counter()
        found = len(pattern.findall(text))
        times.append(time.perf_counter() - start)
    return found, min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/semeval2023-task3"))
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    files = sorted((args.data / "en" / "dev-articles-subtask-3").glob("*.txt"))[: args.articles]
    if not files:
        raise SystemExit(f"no English development articles under {args.data}")
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    SPEECH_WORDS["en-no-markers"] = dataclasses.replace(SPEECH_WORDS["en"], noun_markers=())
    with_markers = _best(_speech_patterns.grammar("en").verbs, text)
    without = _best(_speech_patterns.grammar("en-no-markers").verbs, text)
    print(f"{len(files)} articles, {len(text):,} characters")
    print(f"verbs found: {with_markers[0]} with the noun markers, {without[0]} without")
    print(f"time with / without the markers: {with_markers[1] / without[1]:.2f}")
    guarded, plain = _best(SENTENCE_END, text), _best(re.compile(r"[.!?…]\s+"), text)
    print(
        f"sentence stops: {guarded[0]} skipping titles, {plain[0]} plain; time ratio {guarded[1] / plain[1]:.2f}"
    )


if __name__ == "__main__":
    main()
