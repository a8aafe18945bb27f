"""Span F1 of any technique-span predictions on SemEval-2023's development set, per language.

    python benchmarks/dev_spans.py PRED_FILE [PRED_FILE ...] [--data ../shared/data/semeval2023-task3]

Each PRED_FILE is in the ``semeval2023-spans`` format (``ID<TAB>technique<TAB>start<TAB>end``),
as ``narrascope predict --task semeval2023-spans`` writes for a folder of development articles,
from this model or an older one. Unlike ``narrascope evaluate`` (which, as the organisers'
scorers do, refuses a predicted article that the gold file does not list), every development
article counts, those without gold spans included, so false positives there are charged: the
way ``narrascope train techniques`` scores its development spans. Same metric: micro-F1 with
partial-overlap credit, technique must match (German's development set has no spans).
Article ids are unique across the languages' development sets, so several files can be given.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _data import add_data_argument
from narrascope import metrics, taxonomy
from narrascope.formats.semeval2023 import read_span_techniques
from narrascope.models.training import read_training_data
from narrascope.models.validation import language_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("predictions", nargs="+", type=Path)
    add_data_argument(parser, "semeval2023-task3")
    args = parser.parse_args()
    labels = list(taxonomy.TECHNIQUES)
    predicted: dict[str, list[tuple[str, int, int]]] = {}
    for path in args.predictions:
        for article, spans in read_span_techniques(path, labels).items():
            predicted.setdefault(article, []).extend(spans)
    by_language: dict[
        str, tuple[dict[str, list[tuple[str, int, int]]], dict[str, list[tuple[str, int, int]]]]
    ] = {}
    for doc in read_training_data(args.data, "dev"):
        gold, pred = by_language.setdefault(language_of(doc), ({}, {}))
        article = str(doc.metadata["article_id"])
        gold[article] = [(s.label, s.start, s.end) for s in doc.layer("technique")]
        pred[article] = list(predicted.get(article, []))
    print("| language | articles | predicted spans | span micro-F1 |\n|---|---|---|---|")
    for language, (gold, pred) in sorted(by_language.items()):
        if not any(gold.values()):
            continue
        result = metrics.span_f1(gold, pred, variant="checkthat2024", classes=labels)
        print(f"| {language} | {len(gold)} | {sum(map(len, pred.values()))} | {result.value:.3f} |")


if __name__ == "__main__":
    main()
