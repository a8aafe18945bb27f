"""Which encoder layers to read: cross-validated accuracy against encoder cost, in one run.

    python benchmarks/accuracy.py [--data ../shared/data/semeval2023-task3]
        [--candidates "8,12;6,10;4,8;6,8;8;7"] [--speed-articles 20] [--no-baseline] [--json]

The technique model reads the hidden states of a few layers of a frozen encoder, and runs
the encoder only up to the deepest layer it reads, so a shallower choice is cheaper. This
script encodes every training paragraph once (all layers kept, paragraph means only), then
for each candidate set of layers fits the paragraph head with the training command's
settings under the same 5-fold split by article, calibrates it, and scores it with nested
thresholds (``narrascope train techniques`` does the same for the shipped model). The
TF-IDF baseline is cross-validated on the same folds, alone and averaged with each
candidate, when scikit-learn is installed. Speed is the encoder alone, up to the deepest
layer of each candidate, on generated 700-word articles (``throughput.py``'s generator).

Data come from ``../shared/data`` and are never written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from narrascope import taxonomy
from narrascope.models import training
from narrascope.models.encoder import load_encoder
from narrascope.models.features import encode_texts
from narrascope.models.heads import LinearHead, calibrate, fit_linear
from throughput import generate


def _probabilities(logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    k = logits.shape[1]
    head = calibrate(LinearHead(np.zeros((k, 1)), np.zeros(k), np.ones(k), np.zeros(k)), logits, targets)
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logits * head.scale + head.shift, -30, 30))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", default=str(Path(__file__).parents[1].parent / "shared/data/semeval2023-task3")
    )
    parser.add_argument("--candidates", default="8,12;6,10;5,9;4,8;6,8;8;4,7;7")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--speed-articles", type=int, default=20)
    parser.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baseline (minutes)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    candidates = [tuple(int(x) for x in part.split(",")) for part in args.candidates.split(";")]
    settings = training.TrainingSettings()
    encoder = load_encoder(settings.encoder, quantise=settings.quantise)
    deepest = max(max(c) for c in candidates)
    all_layers = tuple(range(1, deepest + 1))
    hidden = encoder.hidden_size

    docs = training.read_training_data(args.data)
    started = time.perf_counter()
    encoded = encode_texts(encoder, [d.text for d in docs], all_layers, tokens=False)
    print(f"encoded {len(docs)} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    labels = list(taxonomy.TECHNIQUES)
    data = training._dataset(docs, encoded, labels)
    doc_fold = np.array([training._fold(d, args.folds) for d in docs])
    p_fold = doc_fold[data.p_doc]
    p_args: dict[str, Any] = {
        "epochs": settings.paragraph_epochs,
        "learning_rate": settings.paragraph_learning_rate,
        "weight_decay": settings.weight_decay,
        "seed": settings.seed,
    }

    def score(probabilities: np.ndarray) -> dict[str, float]:
        thresholds = training._nested_thresholds(probabilities, data.p_targets, p_fold, args.folds)
        results = training._paragraph_scores(docs, data, probabilities, thresholds, p_fold)
        return {language: round(result.value, 4) for language, result in results.items()}

    baseline = None if args.no_baseline else training._baseline(docs, data, p_fold, args.folds)
    texts = [d.text for d in generate(args.speed_articles, 700, seed=11)]
    encode_texts(encoder, texts[:2], (deepest,))
    rows: list[dict[str, object]] = []
    if baseline is not None:
        rows.append({"candidate": "TF-IDF baseline", "micro_f1": score(baseline)})
    for layers in candidates:
        columns = np.concatenate([np.arange((layer - 1) * hidden, layer * hidden) for layer in layers])
        features = np.ascontiguousarray(data.p_features[:, columns])
        logits = np.zeros(data.p_targets.shape, dtype=np.float32)
        for k in range(args.folds):
            train = p_fold != k
            head = fit_linear(features, data.p_targets, rows=np.flatnonzero(train), **p_args)
            logits[~train] = head.logits(features[~train])
        probabilities = _probabilities(logits, data.p_targets)
        tick = time.perf_counter()
        encode_texts(encoder, texts, layers, tokens=False)
        speed = len(texts) / (time.perf_counter() - tick)
        name = "layers " + "+".join(map(str, layers))
        rows.append(
            {
                "candidate": name,
                "encoder_articles_per_second": round(speed, 2),
                "micro_f1": score(probabilities),
            }
        )
        if baseline is not None:
            rows.append(
                {"candidate": name + " with TF-IDF", "micro_f1": score((probabilities + baseline) / 2)}
            )
        print(json.dumps(rows[-2 if baseline is not None else -1]), file=sys.stderr)

    if args.json:
        print(json.dumps(rows, indent=2))
        return
    languages = sorted({language for row in rows for language in row["micro_f1"]})  # type: ignore[attr-defined]
    print("| candidate | encoder articles/s | " + " | ".join(languages) + " |")
    print("|---|---|" + "---|" * len(languages))
    for row in rows:
        f1 = row["micro_f1"]
        cells = [f"{f1[language]:.3f}" for language in languages]  # type: ignore[index]
        speed_cell = str(row.get("encoder_articles_per_second", ""))
        print(f"| {row['candidate']} | {speed_cell} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
