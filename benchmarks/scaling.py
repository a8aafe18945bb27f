"""How each analyzer's cost grows with the length of a document.

    python benchmarks/scaling.py [--paragraphs 250] [--factor 8]

Times every analyzer of the default pipeline on one generated English document of N
paragraphs and on one of N x factor paragraphs (each paragraph a quote, a speaker, a reported
clause and a date), and prints the cost per paragraph of the long document relative to the
short one. A ratio near 1 means linear cost; a ratio near ``factor`` means the analyzer is
quadratic in the document's length, which a 20 MB input would turn into minutes.
"""

from __future__ import annotations

import argparse
import sys
import time

from narrascope import Document, Pipeline

PARAGRAPH = (
    '"We will respond to every provocation," Defence Minister Arkady Belov told reporters in Minsk '
    "on June 4, 2023. Belov said that the drills near the border were a threat."
)


def time_analyzers(pipeline: Pipeline, paragraphs: int) -> dict[str, float]:
    doc = Document("\n\n".join([PARAGRAPH] * paragraphs), language="en")
    seconds: dict[str, float] = {}
    for analyzer in pipeline.analyzers:
        started = time.perf_counter()
        analyzer(doc)
        seconds[analyzer.name] = time.perf_counter() - started
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--paragraphs", type=int, default=250)
    parser.add_argument("--factor", type=int, default=8)
    args = parser.parse_args()

    pipeline = Pipeline()
    time_analyzers(pipeline, 2)  # loads the models
    short = time_analyzers(pipeline, args.paragraphs)
    long = time_analyzers(pipeline, args.paragraphs * args.factor)
    print(f"{'analyzer':28} {'ms/paragraph short':>20} {'ms/paragraph long':>20} {'ratio':>7}")
    worst = 0.0
    for name in short:
        per_short = short[name] / args.paragraphs * 1000
        per_long = long[name] / (args.paragraphs * args.factor) * 1000
        ratio = per_long / per_short if per_short else float("nan")
        worst = max(worst, ratio)
        print(f"{name:28} {per_short:20.3f} {per_long:20.3f} {ratio:7.2f}")
    print(f"worst ratio {worst:.2f} (1 = linear, {args.factor} = quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
