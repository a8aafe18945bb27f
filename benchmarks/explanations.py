"""ROUGE-L of the shipped narrative model's explanations against the annotators', per language.

    python benchmarks/explanations.py [--data ../shared/data/semeval2025-task10] [--languages EN,BG]

Every document of SemEval-2025 Task 10 subtask 3 (dominant narrative and explanation) goes
through ``narrascope.analyze``; its ``dominant_narrative`` explanation is scored against the
annotators' by ROUGE-L F1, and so is the explanation that quotes sentences repeated word for
word (a title repeated as the first line), as the analyzer did before
:func:`narrascope.models.narratives.distinct`. The shipped heads were trained on these
documents, so the figures compare the two rules, not the model: the model card has the
model's own cross-validated figures. Data come from ``../shared/data`` and are never written
anywhere.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from unittest import mock

from _data import add_data_argument
from narrascope import analyze
from narrascope.formats.semeval2025 import read_dominant_narratives
from narrascope.metrics import rouge_l
from narrascope.models import narratives
from narrascope.models.narratives import Evidence


def _first(text: str, ranked: Iterable[Evidence], count: int) -> list[Evidence]:
    return list(itertools.islice(ranked, count))


def _explanation(text: str, language: str, choose: Callable[..., list[Evidence]]) -> str:
    with mock.patch.object(narratives, "distinct", choose):
        labels = analyze(text, language=language).labels_of("dominant_narrative")
    return str(labels[0].attrs["explanation"]) if labels else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser, "semeval2025-task10")
    parser.add_argument("--languages", default="EN,BG,PT,RU,HI", help="folders of --data (default: all five)")
    args = parser.parse_args()
    print("| language | documents | explanations changed | ROUGE-L | ROUGE-L, repeats quoted |")
    print("|---|---|---|---|---|")
    for folder in args.languages.split(","):
        root = Path(args.data) / folder
        gold = read_dominant_narratives(root / "subtask-3-annotations.txt")
        shipped, repeats, changed = [], [], 0
        for name, (_, _, reference) in sorted(gold.items()):
            text = (root / "raw-documents" / name).read_text(encoding="utf-8")
            ours = _explanation(text, folder.lower(), narratives.distinct)
            before = _explanation(text, folder.lower(), _first)
            shipped.append(rouge_l(reference, ours))
            repeats.append(rouge_l(reference, before))
            changed += ours != before
        n = max(len(shipped), 1)
        print(
            f"| {folder.lower()} | {len(gold)} | {changed} | {sum(shipped) / n:.4f} | {sum(repeats) / n:.4f} |"
        )


if __name__ == "__main__":
    main()
