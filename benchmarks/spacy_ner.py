"""spaCy's entity recogniser as narrascope loads it, against the same with spaCy's shared tok2vec.

    python benchmarks/spacy_ner.py [--articles 150] [--data ../shared/data/semeval2023-task3]

narrascope loads the small English and French pipelines on numpy's BLAS and without the
components that no analyzer reads (tagger, parser, lemmatizer, ...), the shared ``tok2vec``
included: the recogniser of these pipelines embeds the words itself. This script reads the
first ``--articles`` training articles of SemEval-2023 Task 3 in each language with
narrascope's loading and with the same loading that keeps ``tok2vec``, one after the other,
and prints the entities each finds (they must be the same) and the seconds each took.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from narrascope.config import load_config
from narrascope.models import spacy_pipeline

# What narrascope excludes when it loads a pipeline, but for tok2vec, which it removes after.
_EXCLUDED = ["tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"]


def compare(name: str, texts: list[str]) -> dict[str, object]:
    from thinc.api import use_ops

    ours = spacy_pipeline(name)
    with use_ops("numpy", use_blis=False):
        theirs = spacy.load(name, exclude=_EXCLUDED)
    seconds = {"narrascope": 0.0, "with_tok2vec": 0.0}
    found: dict[str, list[list[tuple[int, int, str]]]] = {}
    for label, nlp in (("with_tok2vec", theirs), ("narrascope", ours)):
        nlp("Warm-up.")
        started = time.perf_counter()
        found[label] = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts)]
        seconds[label] = time.perf_counter() - started
    return {
        "pipeline": name,
        "articles": len(texts),
        "components": {"narrascope": ours.pipe_names, "with_tok2vec": theirs.pipe_names},
        "entities": sum(map(len, found["with_tok2vec"])),
        "same_entities": found["with_tok2vec"] == found["narrascope"],
        "seconds": {key: round(value, 2) for key, value in seconds.items()},
        "time_ratio_narrascope_to_with_tok2vec": round(seconds["narrascope"] / seconds["with_tok2vec"], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/semeval2023-task3"))
    args = parser.parse_args()
    settings = load_config().settings("narrascope.entities.v1")
    results = []
    for folder, key in (("en", "english_model"), ("fr", "french_model")):
        files = sorted((args.data / folder / "train-articles-subtask-3").glob("*.txt"))[: args.articles]
        if not files:
            raise SystemExit(f"no articles in {args.data / folder / 'train-articles-subtask-3'}")
        texts = [f.read_text(encoding="utf-8") for f in files]
        results.append(compare(str(settings[key]), texts))
    print(json.dumps(results, indent=2))
    return 0 if all(r["same_entities"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
