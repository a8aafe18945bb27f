"""Which layers and which thresholds: cross-validated and development-set accuracy, in one run.

    python benchmarks/accuracy.py [--data ../shared/data/semeval2023-task3]
        [--candidates "4,7;8,12;4,8,12;1,2,3,4,5,6,7,8,9,10,11,12"] [--speed-articles 20]
        [--ensemble "4,8,12"] [--no-baseline] [--json]

The technique model reads the hidden states of a few layers of a frozen encoder. This script
encodes every training and development paragraph once (all layers kept, paragraph means
only), then for each candidate set of layers fits the paragraph head with the training
command's settings and scores it two ways, as ``narrascope train techniques`` does:

* ``cv``: 5-fold cross-validation on the training articles, thresholds chosen on the other
  folds;
* ``dev``: heads fitted on the training articles alone, scored on the development articles
  (other outlets and months), the thresholds chosen on one half of them and applied to the
  other, each half in turn.

Each candidate is scored with one global threshold (what ships) and with one threshold per
technique tuned on the training folds (how the first model was tuned), and averaged with the
TF-IDF baseline (what the first model's lexical head did). For the layer sets named by
``--ensemble`` (the MLP heads take minutes each), the MLP heads alone and the ensemble that
ships (linear head and MLP heads averaged, ``TrainingSettings``) are scored the same way. Speed is the encoder alone, up
to the deepest layer of each candidate, on generated 700-word articles
(``throughput.py``'s generator).

Transfer to languages without training data (``--leave-one-out LAYERS``, by default the
shipped layers): for each language, the shipped kind of paragraph ensemble, fitted on the
other five languages' training
articles score its development articles, with the threshold chosen on the other languages'
development articles; next to it, a trivial prior chosen the same way: the most frequent
techniques of the other languages' training paragraphs on every paragraph (as many as makes
the best micro-F1 on their development articles).

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

from _data import add_data_argument

sys.path.insert(0, str(Path(__file__).parent))

from narrascope import taxonomy
from narrascope.models import training
from narrascope.models.baseline import baseline_probabilities
from narrascope.models.encoder import load_encoder
from narrascope.models.features import encode_texts
from narrascope.models.heads import (
    Ensemble,
    LinearHead,
    calibrate,
    fit_linear,
    mean_probability,
    tune_global_threshold,
    tune_thresholds,
)
from narrascope.models.validation import (
    build_dataset,
    fold_of,
    language_of,
    nested_global_thresholds,
    paragraph_scores,
)
from throughput import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser, "semeval2023-task3")
    parser.add_argument("--candidates", default="4,7;8,12;4,8,12;1,2,3,4,5,6,7,8,9,10,11,12")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--speed-articles", type=int, default=20)
    parser.add_argument(
        "--ensemble", default="4,8,12", help="layer sets (';' between them) to score the MLP ensemble on"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baseline (minutes)")
    parser.add_argument(
        "--leave-one-out", default="4,8,12", help="layers for the transfer table ('' to skip)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    candidates = [tuple(int(x) for x in part.split(",")) for part in args.candidates.split(";")]
    ensembles = {tuple(int(x) for x in part.split(",")) for part in args.ensemble.split(";") if part}
    transfer_layers = tuple(int(x) for x in args.leave_one_out.split(",")) if args.leave_one_out else ()
    settings = training.TrainingSettings()
    encoder = load_encoder(settings.encoder, quantise=settings.quantise)
    deepest = max(max(c) for c in [*candidates, transfer_layers] if c)
    all_layers = tuple(range(1, deepest + 1))
    hidden = encoder.hidden_size

    train_docs = training.read_training_data(args.data)
    dev_docs = training.read_training_data(args.data, "dev")
    docs = train_docs + dev_docs
    started = time.perf_counter()
    encoded = encode_texts(encoder, [d.text for d in docs], all_layers, tokens=False)
    print(f"encoded {len(docs)} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    labels = list(taxonomy.TECHNIQUES)
    data = build_dataset(docs, encoded, labels)
    is_dev = np.array([d.metadata.get("split") == "dev" for d in docs])[data.p_doc]
    p_fold = np.array([fold_of(d, args.folds) for d in docs])[data.p_doc]
    p_half = np.array([fold_of(d, 2, salt="development half:") for d in docs])[data.p_doc]
    train_rows, dev_rows = np.flatnonzero(~is_dev), np.flatnonzero(is_dev)
    p_args: dict[str, Any] = {
        "epochs": settings.paragraph_epochs,
        "learning_rate": settings.paragraph_learning_rate,
        "weight_decay": settings.weight_decay,
        "seed": settings.seed,
    }
    y_train, y_dev = data.p_targets[train_rows], data.p_targets[dev_rows]

    def figures(oof: np.ndarray, dev: np.ndarray) -> dict[str, dict[str, Any]]:
        """Scores of calibrated out-of-fold (training) and development probabilities."""
        out: dict[str, dict[str, Any]] = {}
        cut = nested_global_thresholds(oof, y_train, p_fold[train_rows])
        cv = paragraph_scores(docs, data, train_rows, oof >= cut[:, None])
        cut = nested_global_thresholds(dev, y_dev, p_half[dev_rows])
        on_dev = paragraph_scores(docs, data, dev_rows, dev >= cut[:, None])
        per_technique = paragraph_scores(docs, data, dev_rows, dev >= tune_thresholds(oof, y_train))
        for language in sorted(set(cv) | set(on_dev)):
            out[language] = {
                "cv": round(cv[language].value, 3) if language in cv else None,
                "dev": round(on_dev[language].value, 3) if language in on_dev else None,
                "dev_macro": round(on_dev[language].extra.get("macro-F1", 0.0), 3)
                if language in on_dev
                else None,
                "dev_cv_per_technique": round(per_technique[language].value, 3)
                if language in per_technique
                else None,
            }
        return out

    def calibrated(oof_logits: np.ndarray, dev_logits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        k = oof_logits.shape[1]
        blank = LinearHead(np.zeros((k, 1)), np.zeros(k), np.ones(k), np.zeros(k))
        head = calibrate(blank, oof_logits, y_train)
        return head.calibrated(oof_logits), head.calibrated(dev_logits)

    rows: list[dict[str, Any]] = []
    baseline: tuple[np.ndarray, np.ndarray] | None = None
    if not args.no_baseline:
        texts = [
            docs[int(d)].text.split("\n")[line - 1] for d, line in zip(data.p_doc, data.p_line, strict=True)
        ]
        oof = np.zeros((len(train_rows), len(labels)), dtype=np.float32)
        train_mask = ~is_dev
        for k in range(args.folds):
            oof[p_fold[train_rows] == k] = baseline_probabilities(
                texts, data.p_targets, train_mask & (p_fold != k), train_mask & (p_fold == k)
            )
        baseline = (oof, baseline_probabilities(texts, data.p_targets, train_mask, is_dev))
        rows.append({"candidate": "TF-IDF baseline", "scores": figures(*baseline)})
        print(json.dumps(rows[-1]), file=sys.stderr)

    speed_texts = [d.text for d in generate(args.speed_articles, 700, seed=11)]
    encode_texts(encoder, speed_texts[:2], (deepest,))
    for layers in candidates:
        columns = np.concatenate([np.arange((layer - 1) * hidden, layer * hidden) for layer in layers])
        features = np.ascontiguousarray(data.p_features[:, columns])
        oof_logits = np.zeros((len(train_rows), len(labels)), dtype=np.float32)
        for k in range(args.folds):
            fit = train_rows[p_fold[train_rows] != k]
            head = fit_linear(features, data.p_targets, rows=fit, **p_args)
            oof_logits[p_fold[train_rows] == k] = head.logits(features[train_rows[p_fold[train_rows] == k]])
        head = fit_linear(features, data.p_targets, rows=train_rows, **p_args)
        oof, dev = calibrated(oof_logits, head.logits(features[dev_rows]))
        tick = time.perf_counter()
        encode_texts(encoder, speed_texts, layers, tokens=False)
        speed = len(speed_texts) / (time.perf_counter() - tick)
        name = "layers " + "+".join(map(str, layers)) if len(layers) < 12 else "all 12 layers"
        rows.append(
            {"candidate": name, "encoder_articles_per_second": round(speed, 2), "scores": figures(oof, dev)}
        )
        print(json.dumps(rows[-1]), file=sys.stderr)
        if baseline is not None:
            mixed = figures((oof + baseline[0]) / 2, (dev + baseline[1]) / 2)
            rows.append({"candidate": name + ", averaged with TF-IDF", "scores": mixed})
        if layers in ensembles:
            mlp_oof = np.zeros_like(oof)
            for k in range(args.folds):
                fit = train_rows[p_fold[train_rows] != k]
                mlps = training.fit_paragraph_mlps(features, data.p_targets, fit, settings)
                mlp_oof[p_fold[train_rows] == k] = mean_probability(
                    mlps, features[train_rows[p_fold[train_rows] == k]]
                )
            mlps = training.fit_paragraph_mlps(features, data.p_targets, train_rows, settings)
            mlp_dev = mean_probability(mlps, features[dev_rows])
            rows.append({"candidate": name + f", {len(mlps)} MLP heads", "scores": figures(mlp_oof, mlp_dev)})
            w = settings.linear_weight
            shipped = figures(w * oof + (1 - w) * mlp_oof, w * dev + (1 - w) * mlp_dev)
            rows.append({"candidate": name + ", ensemble (what ships)", "scores": shipped})
            print(json.dumps(rows[-1]), file=sys.stderr)

    transfer: dict[str, dict[str, float]] = {}
    if transfer_layers and len({language_of(d) for d in docs}) > 1:
        columns = np.concatenate(
            [np.arange((layer - 1) * hidden, layer * hidden) for layer in transfer_layers]
        )
        features = np.ascontiguousarray(data.p_features[:, columns])
        language = np.array([language_of(d) for d in docs])[data.p_doc]
        for held in sorted(set(language.tolist())):
            fit = np.flatnonzero(~is_dev & (language != held))
            choose = np.flatnonzero(is_dev & (language != held))
            scored = np.flatnonzero(is_dev & (language == held))
            head = fit_linear(features, data.p_targets, rows=fit, **p_args)
            k = len(labels)
            blank = LinearHead(np.zeros((k, 1)), np.zeros(k), np.ones(k), np.zeros(k))
            # Calibration on the fitted rows themselves: held-out rows are what is scored.
            calibration = calibrate(blank, head.logits(features, rows=fit), data.p_targets[fit])
            ensemble = Ensemble(
                LinearHead(head.weight, head.bias, calibration.scale, calibration.shift),
                training.fit_paragraph_mlps(features, data.p_targets, fit, settings),
                settings.linear_weight,
            )
            cut = tune_global_threshold(ensemble.probabilities(features[choose]), data.p_targets[choose])
            guess = ensemble.probabilities(features[scored]) >= cut
            model = paragraph_scores(docs, data, scored, guess)[held]
            frequent = np.argsort(-data.p_targets[fit].sum(0))
            best = max(
                range(1, 6),
                key=lambda n: _micro(
                    np.isin(np.arange(k), frequent[:n])[None, :].repeat(len(choose), 0),
                    data.p_targets[choose],
                ),
            )
            prior = np.isin(np.arange(k), frequent[:best])[None, :].repeat(len(scored), 0)
            trivial = paragraph_scores(docs, data, scored, prior)[held]
            transfer[held] = {
                "model": round(model.value, 3),
                "model_macro": round(model.extra.get("macro-F1", 0.0), 3),
                "prior": round(trivial.value, 3),
                "prior_techniques": best,
            }
            print(json.dumps({"left_out": held, **transfer[held]}), file=sys.stderr)

    if args.json:
        print(json.dumps({"candidates": rows, "leave_one_language_out": transfer}, indent=2))
        return
    languages = sorted({language for row in rows for language in row["scores"]})
    print(
        "Paragraph micro-F1: cross-validated on the training articles / on the development set "
        "(global threshold, chosen on the other folds / half); dev macro-F1; dev micro-F1 with "
        "per-technique thresholds from the training folds."
    )
    print("| candidate | encoder articles/s | " + " | ".join(languages) + " |")
    print("|---|---|" + "---|" * len(languages))
    for row in rows:
        cells = []
        for language in languages:
            s = row["scores"].get(language, {})
            cells.append(
                " / ".join("—" if s.get(key) is None else f"{s[key]:.3f}" for key in ("cv", "dev"))
                + f" ({s.get('dev_macro', 0) or 0:.3f}; {s.get('dev_cv_per_technique', 0) or 0:.3f})"
            )
        speed_cell = str(row.get("encoder_articles_per_second", ""))
        print(f"| {row['candidate']} | {speed_cell} | " + " | ".join(cells) + " |")

    if transfer:
        print()
        print(
            "Leave one language out (development set; heads and threshold from the other five "
            "languages): micro-F1 (macro-F1), and the trivial prior's micro-F1."
        )
        print("| left out | model | prior (most frequent techniques) |")
        print("|---|---|---|")
        for held, row in transfer.items():
            print(
                f"| {held} | {row['model']:.3f} ({row['model_macro']:.3f}) | {row['prior']:.3f} ({row['prior_techniques']}) |"
            )


def _micro(guess: np.ndarray, truth: np.ndarray) -> float:
    tp = float((guess & truth).sum())
    return 2 * tp / float(guess.sum() + truth.sum()) if tp else 0.0


if __name__ == "__main__":
    main()
