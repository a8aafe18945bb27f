"""The choices behind the narrative model, on SemEval-2025 Task 10's training articles.

    python benchmarks/narratives.py [--data ../shared/data/semeval2025-task10] [--cache DIR]

Cross-validated exactly as ``narrascope train narratives`` does (5 folds by article, the
shipped settings, thresholds chosen on the other folds), it prints:

1. the official samples-F1 per language of two decision rules: one threshold for every label,
   and the shipped two (an article is ``Other`` when its best narrative is below the second);
2. ROUGE-L per language of three explanations of the out-of-fold dominant narrative against
   the annotators': the shipped one (evidence weighed towards the top of the article), the
   evidence sentences alone, and the article's first two sentences.

Both choices were made on these same folds, so the winners' figures carry selection optimism.
Encoding the 1,781 articles takes about 20 minutes on 2 cores; ``--cache`` (the folder that
``narrascope train narratives --cache`` uses) spares it on later runs.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

import numpy as np

from _data import add_data_argument
from narrascope import taxonomy
from narrascope.metrics import rouge_l
from narrascope.models.article_training import fit_heads
from narrascope.models.encoder import load_encoder
from narrascope.models.heads import mean_probability
from narrascope.models.narrative_training import (
    NarrativeSettings,
    first_sentences,
    narrative_targets,
    nested_cuts,
    scores_at,
)
from narrascope.models.narratives import NARRATIVE_LABELS, Evidence, explain, read_narratives
from narrascope.models.pooled import pooled_features
from narrascope.models.training import read_task10_data
from narrascope.models.validation import fold_of, language_of
from narrascope.paragraphs import sentence_spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_data_argument(parser, "semeval2025-task10")
    parser.add_argument("--cache", default=None, help="folder of encoded articles, shared with training")
    args = parser.parse_args()
    s = NarrativeSettings()
    docs = read_task10_data(args.data)
    spans = [sentence_spans(d.text) for d in docs]
    encoder = load_encoder(s.encoder)
    setting = f"{s.encoder}|{s.quantise}|{encoder.autocast}"
    pooled, _ = pooled_features(encoder, [d.text for d in docs], spans, s.layers, setting, args.cache)
    features = np.stack([p.article for p in pooled])
    targets = narrative_targets(docs)
    fold = np.array([fold_of(d, s.folds) for d in docs])
    oof = np.zeros(targets.shape, dtype=np.float32)
    heads = {}
    for k in range(s.folds):
        heads[k] = fit_heads(features, targets, np.flatnonzero(fold != k), s)
        oof[fold == k] = mean_probability(heads[k], features[fold == k])

    print("samples-F1 on subnarratives / on narratives, cross-validated")
    rules = {"one threshold": False, "two thresholds (shipped)": True}
    cuts = {}
    for name, other_rule in rules.items():
        cuts[name] = nested_cuts(oof, targets, fold, other_rule)
        found = scores_at(docs, oof, targets, cuts[name])
        cells = "  ".join(f"{lang} {v['fine']:.3f} / {v['coarse']:.3f}" for lang, v in found.items())
        mean = np.mean([v["fine"] for v in found.values()])
        print(f"  {name:26s} {cells}  mean {mean:.3f}")

    print("ROUGE-L of the explanation against the annotators'")
    shipped = cuts["two thresholds (shipped)"]
    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for n, doc in enumerate(docs):
        gold = doc.labels_of("dominant_narrative")
        if not gold or not gold[0].attrs.get("explanation") or not pooled[n].spans:
            continue
        reference = str(gold[0].attrs["explanation"])
        sentences = pooled[n].spans
        per_sentence = mean_probability(heads[int(fold[n])], pooled[n].features.astype(np.float32))
        cut, other_cut = float(shipped[n][0]), float(shipped[n][1])
        reading = read_narratives(doc.text, oof[n], sentences, per_sentence, cut, other_cut)
        assert reading.dominant is not None
        narrative, sub = reading.dominant
        label = sub if sub != taxonomy.other_subnarrative(narrative) else narrative
        column = per_sentence[:, NARRATIVE_LABELS.index(label)]
        plain = explain(
            doc.text, [Evidence(a, b, float(v)) for (a, b), v in zip(sentences, column, strict=True)]
        )[0]
        language = language_of(doc)
        scores["weighted evidence (shipped)"][language].append(rouge_l(reference, reading.explanation))
        scores["evidence alone"][language].append(rouge_l(reference, plain))
        scores["first two sentences"][language].append(
            rouge_l(reference, first_sentences(doc.text, sentences, 2))
        )
    for name, by_language in scores.items():
        cells = "  ".join(f"{lang} {np.mean(v):.3f}" for lang, v in sorted(by_language.items()))
        mean = np.mean([np.mean(v) for v in by_language.values()])
        print(f"  {name:28s} {cells}  mean {mean:.3f}")


if __name__ == "__main__":
    main()
