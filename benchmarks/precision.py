"""Does the encoder in int8 keep the technique model's development-set accuracy, and how fast is it?

    python benchmarks/precision.py [--data ../shared/data/semeval2023-task3] [--precision int8]
        [--speed-articles 16] [--rounds 3] [--json]

The shipped heads are trained on the encoder's full-precision states (bf16 on CPUs with bf16
arithmetic, fp32 elsewhere). ``precision = "int8"`` (and "auto" on CPUs without bf16) runs
the same encoder with int8 linear layers at analysis time. This script checks what that
costs, as ``narrascope train techniques`` measures the model:

1. every training and development paragraph is encoded in full precision, and every
   development article again in ``--precision``, in batches across articles as ``analyze``
   runs them;
2. the heads that the training command scores on the development set (calibrated linear
   head and MLP heads for paragraphs, the span head for tokens, the span head's token
   evidence and the attention head for paragraphs) are fitted on the training articles' full-precision states;
3. the development articles are scored from each precision's states: paragraph micro- and
   macro-F1 (the official subtask 3 scorer) and span micro-F1, the thresholds chosen on one
   half of the articles and applied to the other, each half in turn, as training chooses
   them, and each language reporting only the techniques its training annotators used, as
   the shipped model does (so the full-precision figures are the model card's); and, for
   the lower precision, with the thresholds chosen on all development articles'
   full-precision states (what happens when the shipped model, whose thresholds were chosen
   that way, runs in int8; they saw the articles they are applied to, so this figure is not
   held out).

Speed: the encoder alone on generated ~520-word articles (``throughput.py``'s generator),
the two precisions taking turns for ``--rounds`` rounds so that a drift in the machine's
speed falls on both, each in the same batches across articles. Data come from ``../shared/data`` and are never written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from _data import add_data_argument

sys.path.insert(0, str(Path(__file__).parent))

from narrascope import taxonomy
from narrascope.models import training
from narrascope.models.encoder import load_encoder, resolve_precision
from narrascope.models.features import encode_texts
from narrascope.models.heads import blend, choose_mix_weight
from narrascope.models.validation import (
    annotated_techniques,
    build_dataset,
    fold_of,
    inventory_mask,
    language_of,
    paragraph_scores,
)
from throughput import generate


def say(text: str) -> None:
    print(text, file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser, "semeval2023-task3")
    parser.add_argument("--precision", default="int8", choices=["int8", "fp32", "bf16"])
    parser.add_argument("--speed-articles", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    settings = training.TrainingSettings()
    full = load_encoder(settings.encoder)
    low = load_encoder(settings.encoder, precision=args.precision)
    names = (full.precision, low.precision)

    train_docs = training.read_training_data(args.data)
    dev_docs = training.read_training_data(args.data, "dev")
    docs = train_docs + dev_docs
    labels = list(taxonomy.TECHNIQUES)
    started = time.perf_counter()
    encoded = encode_texts(full, [d.text for d in docs], settings.layers)
    say(f"encoded {len(docs)} articles in {names[0]} in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    low_dev = encode_texts(low, [d.text for d in dev_docs], settings.layers)
    say(
        f"encoded {len(dev_docs)} development articles in {names[1]} in {time.perf_counter() - started:.0f} s"
    )

    # build_dataset releases each article's token states as it copies them: the development
    # articles' full-precision dataset is built first, from shallow copies.
    dev_data = {names[0]: build_dataset(dev_docs, [replace(e) for e in encoded[len(train_docs) :]], labels)}
    data = build_dataset(docs, encoded, labels)
    is_dev = np.array([d.metadata.get("split") == "dev" for d in docs])
    doc_fold = np.array([fold_of(d, settings.folds) for d in docs])
    p_train, t_train = ~is_dev[data.p_doc], ~is_dev[data.t_doc]
    p_oof, t_oof, p_calibration, t_calibration = training.cross_validated_calibration(
        data, doc_fold[data.p_doc], doc_fold[data.t_doc], p_train, t_train, settings
    )
    _, evidence = training.cross_validated_paragraphs(
        data, doc_fold[data.p_doc], p_train, t_train, p_oof, t_oof, p_calibration, settings
    )
    p_head, t_head = training.fit_heads(
        data, np.flatnonzero(p_train), np.flatnonzero(t_train), p_calibration, t_calibration, settings
    )
    attention = (
        training.fit_attention_head(data, np.flatnonzero(p_train), settings) if settings.attention else None
    )
    say("fitted the heads on the training articles")
    # Each language reports only the techniques its training annotators used, as the shipped
    # model does and as the training command scores it (English leaves four out).
    languages = np.array([language_of(d) for d in docs])
    inventory = annotated_techniques(languages[data.p_doc][p_train], data.p_targets[p_train])
    del data
    dev_languages = np.array([language_of(d) for d in dev_docs])

    dev_half = np.array([fold_of(d, 2, salt="development half:") for d in dev_docs])
    every = np.ones(len(dev_docs), dtype=bool)
    scores: dict[str, Any] = {}
    probabilities: dict[str, np.ndarray] = {}
    attended: dict[str, tuple[np.ndarray, np.ndarray] | None] = {}
    dev_data[names[1]] = build_dataset(dev_docs, low_dev, labels)
    for name, states in ((names[0], encoded[len(train_docs) :]), (names[1], low_dev)):
        rows = np.arange(len(dev_data[name].p_line))
        attended[name] = (
            training.attention_probabilities(attention, dev_data[name], rows)
            if attention is not None
            else None
        )
        allowed = inventory_mask(dev_languages[dev_data[name].p_doc], inventory, len(labels))
        dev = training.score_development(
            dev_docs,
            states,
            dev_data[name],
            every,
            dev_half,
            p_head,
            t_head,
            0.5,
            evidence,
            attended[name],
            allowed=allowed,
        )
        probabilities[name] = dev.paragraph_probabilities
        scores[name] = {
            language: {
                "micro": round(dev.paragraphs[language].value, 3),
                "macro": round(dev.paragraphs[language].extra.get("macro-F1", 0.0), 3),
                "spans": round(dev.spans[language].value, 3) if language in dev.spans else None,
            }
            for language in sorted(dev.paragraphs)
        }
    # The shipped model's situation: the attention weight and thresholds chosen on full-precision states.
    rows = np.arange(len(dev_data[names[1]].p_line))
    full_attention, low_attention = attended[names[0]], attended[names[1]]
    if full_attention is not None and low_attention is not None:
        weight = choose_mix_weight(probabilities[names[0]], full_attention[0], dev_data[names[0]].p_targets)
        for name, extra in ((names[0], full_attention), (names[1], low_attention)):
            probabilities[name] = blend(probabilities[name], extra[0], weight)
    cut = training.choose_paragraph_thresholds(
        probabilities[names[0]], dev_data[names[0]].p_targets, settings
    )[0]
    kept = paragraph_scores(dev_docs, dev_data[names[1]], rows, probabilities[names[1]] >= cut, allowed)
    for language, kept_result in kept.items():
        scores[names[1]][language]["micro_full_threshold"] = round(kept_result.value, 3)

    texts = [d.text for d in generate(args.speed_articles, 520, seed=21)]
    encode_texts(low, texts[:2], settings.layers)
    seconds = {name: 0.0 for name in names}
    for _ in range(args.rounds):
        for name, encoder in zip(names, (full, low), strict=True):
            tick = time.perf_counter()
            encode_texts(encoder, texts, settings.layers)
            seconds[name] += time.perf_counter() - tick
    speed = {name: round(args.rounds * len(texts) / seconds[name], 2) for name in names}
    result = {
        "precisions": list(names),
        "resolved_auto": resolve_precision("auto"),
        "scores": scores,
        "encoder_articles_per_second": speed,
        "speed_ratio": round(speed[names[1]] / speed[names[0]], 2),
        "thresholds_from_full_precision": [round(float(x), 3) for x in cut],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"Development set, heads fitted on the training articles' {names[0]} states; paragraph "
        f"micro / macro-F1 and span micro-F1 (thresholds chosen on the other half):"
    )
    print(
        f"| language | {names[0]} | {names[1]} | {names[1]}, {names[0]}'s whole-set thresholds (not held out) |"
    )
    print("|---|---|---|---|")
    for language in sorted(scores[names[0]]):
        a, b = scores[names[0]][language], scores[names[1]].get(language, {})
        cells = [
            f"{s['micro']:.3f} / {s['macro']:.3f} / "
            + ("—" if s.get("spans") is None else f"{s['spans']:.3f}")
            for s in (a, b)
        ]
        print(f"| {language} | {cells[0]} | {cells[1]} | {b.get('micro_full_threshold', 0):.3f} |")
    print()
    print(
        f"Encoder alone, {len(texts)} generated ~520-word articles, {args.rounds} rounds "
        f"taking turns: {names[0]} {speed[names[0]]} articles/s, {names[1]} {speed[names[1]]} "
        f"({result['speed_ratio']}x)."
    )


if __name__ == "__main__":
    main()
