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

``--trim-edges`` also scores the same spans with the language's function words (spaCy's stop
words, single letters) trimmed from both edges, a rule that looked tidier and was rejected:
annotators' spans often begin with one (the last column).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from _data import add_data_argument
from narrascope import metrics, taxonomy
from narrascope.formats.semeval2023 import read_span_techniques
from narrascope.models.heads import function_words_of
from narrascope.models.training import read_training_data
from narrascope.models.validation import language_of

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("predictions", nargs="+", type=Path)
    add_data_argument(parser, "semeval2023-task3")
    parser.add_argument(
        "--trim-edges", action="store_true", help="also score spans trimmed of edge function words"
    )
    args = parser.parse_args()
    labels = list(taxonomy.TECHNIQUES)
    predicted: dict[str, list[tuple[str, int, int]]] = {}
    for path in args.predictions:
        for article, spans in read_span_techniques(path, labels).items():
            predicted.setdefault(article, []).extend(spans)
    by_language: dict[
        str, tuple[dict[str, list[tuple[str, int, int]]], dict[str, list[tuple[str, int, int]]]]
    ] = {}
    trimmed: dict[str, list[tuple[str, int, int]]] = {}
    opens: Counter[str] = Counter()  # gold spans whose first word is a function word
    for doc in read_training_data(args.data, "dev"):
        gold, pred = by_language.setdefault(language_of(doc), ({}, {}))
        article = str(doc.metadata["article_id"])
        gold[article] = [(s.label, s.start, s.end) for s in doc.layer("technique")]
        pred[article] = list(predicted.get(article, []))
        if args.trim_edges:
            words = function_words_of(language_of(doc))
            trimmed[article] = [(label, *_trimmed(doc.text, a, b, words)) for label, a, b in pred[article]]
            opening = [_WORD.search(doc.text, a, b) for _, a, b in gold[article]]
            opens[language_of(doc)] += sum(m is not None and m.group().lower() in words for m in opening)
    extra = " trimmed | gold spans opening with a function word |" if args.trim_edges else ""
    print(f"| language | articles | predicted spans | span micro-F1 |{extra}")
    print(f"|---|---|---|---|{'---|---|' if args.trim_edges else ''}")
    for language, (gold, pred) in sorted(by_language.items()):
        if not any(gold.values()):
            continue
        result = metrics.span_f1(gold, pred, variant="checkthat2024", classes=labels)
        row = f"| {language} | {len(gold)} | {sum(map(len, pred.values()))} | {result.value:.3f} |"
        if args.trim_edges:
            cut = {article: trimmed[article] for article in pred}
            row += f" {metrics.span_f1(gold, cut, variant='checkthat2024', classes=labels).value:.3f} |"
            row += f" {opens[language] / max(sum(map(len, gold.values())), 1):.0%} |"
        print(row)


def _trimmed(text: str, start: int, end: int, function_words: frozenset[str]) -> tuple[int, int]:
    words = [m for m in _WORD.finditer(text, start, end)]
    keep = [m for m in words if m.group().lower() not in function_words and len(m.group()) > 1]
    if not keep:
        return start, end
    first, last = words.index(keep[0]), words.index(keep[-1])
    return (words[first].start() if first else start), (words[last].end() if last < len(words) - 1 else end)


if __name__ == "__main__":
    main()
