"""Does the encoder read better tuned, or with more context, than frozen paragraph by paragraph?

    python benchmarks/finetune.py [--data ../shared/data/semeval2023-task3] [--tuned-layers 4]
        [--epochs 2] [--learning-rate 5e-5] [--variants frozen,tuned] [--limit 0] [--json]

The technique model reads layers 4, 8 and 12 of a frozen multilingual-e5-small, each
paragraph encoded on its own. Issue 9 asks whether fine-tuning the upper layers in bf16 does
better on the SemEval-2023 development set (other outlets and months), and context from
neighbouring paragraphs is the other cheap change to what the encoder sees. This script
measures each one change, everything else equal (``--variants``, any of):

1. **frozen**: every training and development paragraph encoded as ``narrascope train
   techniques`` encodes it (layers 4, 8, 12);
2. **tuned**: a copy of the encoder whose top ``--tuned-layers`` layers are trained on the
   training articles alone (AdamW, one-cycle schedule, bf16 autocast), the layers below run
   frozen, through a multiple-instance network of the attention head's shape on the top
   layer's token states, with the paragraph labels and (half weight) the annotated spans as
   targets, as the attention head is trained; then every paragraph is encoded again with it;
3. **packed**: the frozen encoder, but consecutive paragraphs of an article share one window
   of up to 256 tokens (as many whole paragraphs as fit), so that each token also sees its
   neighbours' text, at the same cost (fewer begin and end tokens; the window's text is
   tokenized as one, so a token or two per article differ at paragraph edges);
4. for each, the attention head (``fit_attention_head``, the training command's
   settings) is fitted on the training articles' states and scores the
   development articles with the official subtask 3 scorer, the global threshold chosen on
   one half of the development articles and applied to the other, each half in turn, and
   only each language's annotated techniques counted, as the training command scores.

The attention head alone is compared (not the whole shipped ensemble), so that the one thing
that differs is the encoder. The default two variants take about 30 minutes on 2 cores (the
fine-tuning pass about half of it), packed about 10 more; ``--limit N`` reads only N articles of each split per language, for a quick
check. Data come from ``../shared/data`` and are never written anywhere.
"""

from __future__ import annotations

import argparse
import copy
import json
import time
from typing import Any

import numpy as np

from _data import add_data_argument
from narrascope import taxonomy
from narrascope.models.attention import attention_network
from narrascope.models.encoder import DEFAULT_ENCODER, Encoder, load_encoder
from narrascope.models.features import Encoded, encode_texts
from narrascope.models.training import (
    TrainingSettings,
    attention_probabilities,
    fit_attention_head,
    read_training_data,
)
from narrascope.models.validation import (
    Dataset,
    build_dataset,
    fold_of,
    language_of,
    nested_global_thresholds,
    nested_inventory,
    paragraph_scores,
)
from narrascope.paragraphs import paragraph_lines

VARIANTS = ("frozen", "tuned", "packed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(parser, "semeval2023-task3")
    parser.add_argument("--tuned-layers", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--learning-rate", type=float, default=5e-5)
    parser.add_argument(
        "--variants", default="frozen,tuned", help="comma-separated, of: " + ", ".join(VARIANTS)
    )
    parser.add_argument("--limit", type=int, default=0, help="articles per split and language (0: all)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = sorted(set(variants) - set(VARIANTS))
    if unknown or not variants:
        parser.error(
            f"--variants: unknown {', '.join(unknown) or '(none given)'}; choose from {', '.join(VARIANTS)}"
        )
    import torch

    torch.manual_seed(0)
    started = time.perf_counter()
    docs = _limited(read_training_data(args.data), args.limit) + _limited(
        read_training_data(args.data, "dev"), args.limit
    )
    labels = list(taxonomy.TECHNIQUES)
    settings = TrainingSettings()
    is_dev = np.array([d.metadata.get("split") == "dev" for d in docs])
    texts = [d.text for d in docs]
    frozen = load_encoder(DEFAULT_ENCODER)
    _say(started, f"{int((~is_dev).sum())} training and {int(is_dev.sum())} development articles")

    results: dict[str, dict[str, tuple[float, float]]] = {}
    # One set of token states at a time: for all articles they take some 8 GB.
    if "frozen" in variants or "tuned" in variants:
        encoded = encode_texts(frozen, texts, settings.layers)
        data = build_dataset(docs, encoded, labels)
        _say(started, "encoded with the frozen encoder")
        if "frozen" in variants:
            results["frozen"] = _score(docs, encoded, data, is_dev, settings)
            _say(started, f"frozen: {_line(results['frozen'])}")
        if "tuned" in variants:
            tuned = _fine_tune(frozen, docs, encoded, data, is_dev, args, started)
            del encoded, data
            encoded = encode_texts(tuned, texts, settings.layers)
            data = build_dataset(docs, encoded, labels)
            _say(started, "encoded with the tuned encoder")
            results["tuned"] = _score(docs, encoded, data, is_dev, settings)
            _say(started, f"tuned: {_line(results['tuned'])}")
        del encoded, data
    if "packed" in variants:
        encoded = _encode_packed(frozen, texts, settings.layers)
        packed_data = build_dataset(docs, encoded, labels)
        _say(started, "encoded with paragraphs packed into shared windows")
        results["packed"] = _score(docs, encoded, packed_data, is_dev, settings)
        _say(started, f"packed: {_line(results['packed'])}")

    report = {
        "variants": variants,
        "tuned_layers": args.tuned_layers,
        "epochs": args.epochs,
        "learning_rate": args.learning_rate,
        "articles": {"training": int((~is_dev).sum()), "development": int(is_dev.sum())},
        "minutes": round((time.perf_counter() - started) / 60, 1),
        "development": results,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print("\nDevelopment set, attention head alone, paragraph micro / macro F1 (official scorer):\n")
    languages = sorted(next(iter(results.values())))
    print("| encoder | " + " | ".join(languages) + " |")
    print("|---|" + "---|" * len(languages))
    for name, scores in results.items():
        cells = " | ".join(f"{scores[x][0]:.3f} / {scores[x][1]:.3f}" for x in languages)
        print(f"| {name} | {cells} |")
    tuning = f"; top {args.tuned_layers} layers tuned for {args.epochs} epochs" if "tuned" in variants else ""
    print(f"\n{report['minutes']} minutes{tuning}")


def _limited(docs: list[Any], limit: int) -> list[Any]:
    if not limit:
        return docs
    seen: dict[str, int] = {}
    kept = []
    for doc in docs:
        folder = doc.metadata.get("folder", "")
        seen[folder] = seen.get(folder, 0) + 1
        if seen[folder] <= limit:
            kept.append(doc)
    return kept


def _score(
    docs: list[Any], encoded: list[Encoded], data: Dataset, is_dev: np.ndarray, settings: TrainingSettings
) -> dict[str, tuple[float, float]]:
    """The attention head fitted on the training articles, scored on the development articles."""
    p_train = ~is_dev[data.p_doc]
    head = fit_attention_head(data, np.flatnonzero(p_train), settings)
    dev_rows = np.flatnonzero(~p_train)
    probabilities, _ = attention_probabilities(head, data, dev_rows)
    halves = np.array([fold_of(d, 2, salt="development half:") for d in docs])[data.p_doc[dev_rows]]
    cut = nested_global_thresholds(probabilities, data.p_targets[dev_rows], halves)
    doc_fold = np.array([fold_of(d, settings.folds) for d in docs])[data.p_doc]
    languages = np.array([language_of(d) for d in docs])[data.p_doc]
    allowed = nested_inventory(languages, data.p_targets, doc_fold, p_train)
    scores = paragraph_scores(docs, data, dev_rows, probabilities >= cut[:, None], allowed)
    return {x: (round(r.value, 4), round(r.extra.get("macro-F1", 0.0), 4)) for x, r in scores.items()}


def _fine_tune(
    frozen: Encoder,
    docs: list[Any],
    encoded: list[Encoded],
    data: Dataset,
    is_dev: np.ndarray,
    args: argparse.Namespace,
    started: float,
) -> Encoder:
    """A copy of the encoder with its top layers trained on the training paragraphs."""
    import torch

    model = copy.deepcopy(frozen.model).float()
    stack = model.encoder.layer
    first_tuned = len(stack) - args.tuned_layers
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    tuned_params = [p for layer in stack[first_tuned:] for p in layer.parameters()]
    for parameter in tuned_params:
        parameter.requires_grad_(True)
    model.config._attn_implementation = "eager"  # an additive mask, in training and in autocast
    width = int(model.config.hidden_size)
    network = attention_network(width, 256, data.p_targets.shape[1], 0.3, 0.1)
    units = _training_units(frozen, docs, encoded, data, is_dev)
    batch_size = 32
    optimiser = torch.optim.AdamW(
        [
            {"params": list(network.parameters()), "lr": 1e-3},
            {"params": tuned_params, "lr": args.learning_rate},
        ],
        weight_decay=1e-2,
    )
    steps = args.epochs * -(-len(units) // batch_size)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=[1e-3, args.learning_rate], total_steps=steps, pct_start=0.1
    )
    loss_fn = torch.nn.functional.binary_cross_entropy_with_logits
    rng = np.random.default_rng(0)
    lengths = np.array([len(ids) for ids, _, _ in units])
    pad = frozen.tokenizer.token_to_id("<pad>") or 0
    # The frozen layers run as at analysis time (no dropout); the tuned ones train.
    model.eval()
    for layer in stack[first_tuned:]:
        layer.train()
    network.train()
    for epoch in range(args.epochs):
        # Similar lengths in a batch (less padding), batches in random order.
        order = np.argsort(lengths + rng.uniform(0, 16, len(units)))
        batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        rng.shuffle(batches)
        total = 0.0
        for step, batch in enumerate(batches):
            longest = int(lengths[batch].max())
            ids = torch.full((len(batch), longest), pad, dtype=torch.long)
            mask = torch.zeros((len(batch), longest), dtype=torch.bool)
            for row, unit in enumerate(batch):
                ids[row, : lengths[unit]] = torch.tensor(units[unit][0])
                mask[row, : lengths[unit]] = True
            with torch.autocast("cpu", dtype=torch.bfloat16):
                with torch.no_grad():
                    hidden = model.embeddings(input_ids=ids)
                    additive = torch.zeros(mask.shape).masked_fill(~mask, -1e4)[:, None, None, :]
                    for layer in stack[:first_tuned]:
                        hidden = layer(hidden, additive)
                for layer in stack[first_tuned:]:
                    hidden = layer(hidden, additive)
                content = [units[u][1] for u in batch]
                tokens = torch.cat(
                    [hidden[row, start : start + count] for row, (start, count) in enumerate(content)]
                ).float()
            owner = torch.from_numpy(np.repeat(np.arange(len(batch)), [c for _, c in content]))
            means = torch.zeros(len(batch), width).index_add(0, owner, tokens) / torch.tensor(
                [[max(c, 1)] for _, c in content], dtype=torch.float32
            )
            pooled, values = network(tokens, means, owner)
            paragraph_gold = torch.from_numpy(np.stack([units[u][2][0] for u in batch]).astype(np.float32))
            token_gold = torch.from_numpy(np.concatenate([units[u][2][1] for u in batch]).astype(np.float32))
            loss = loss_fn(pooled, paragraph_gold) + 0.5 * loss_fn(values, token_gold)
            optimiser.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            optimiser.step()
            schedule.step()
            total += float(loss.detach())
            if step % 100 == 0:
                _say(
                    started,
                    f"fine-tuning epoch {epoch + 1}, batch {step}/{len(batches)}, loss {total / (step + 1):.4f}",
                )
    model.eval()
    tuned = copy.deepcopy(model).to(torch.bfloat16 if frozen.autocast else torch.float32)
    tuned.config._attn_implementation = frozen.model.config._attn_implementation
    return Encoder(frozen.name, frozen.tokenizer, tuned, frozen.prefix, frozen.autocast, frozen.precision)


def _training_units(
    encoder: Encoder, docs: list[Any], encoded: list[Encoded], data: Dataset, is_dev: np.ndarray
) -> list[tuple[list[int], tuple[int, int], tuple[np.ndarray, np.ndarray]]]:
    """Each training paragraph as the encoder reads it: its ids (with the begin, prefix and end
    tokens, its first window only if it is longer), where its own tokens start and how many
    there are, and its paragraph and token targets."""
    tokenizer = encoder.tokenizer
    prefix = tokenizer.encode(encoder.prefix, add_special_tokens=False).ids if encoder.prefix else []
    bos, eos = tokenizer.token_to_id("<s>"), tokenizer.token_to_id("</s>")
    chunk = 256 - 2 - len(prefix)
    order = np.argsort(data.t_paragraph, kind="stable")
    starts = np.concatenate([[0], np.cumsum(np.bincount(data.t_paragraph, minlength=len(data.p_doc)))])
    units = []
    row = 0
    for number, (doc, enc) in enumerate(zip(docs, encoded, strict=True)):
        for _, start, end in enc.paragraphs:
            if not is_dev[number]:
                ids = tokenizer.encode(doc.text[start:end], add_special_tokens=False).ids[:chunk]
                token_rows = order[starts[row] : starts[row + 1]][: len(ids)]
                if len(ids):
                    units.append(
                        (
                            [bos, *prefix, *ids, eos],
                            (1 + len(prefix), len(ids)),
                            (data.p_targets[row], data.t_targets[token_rows]),
                        )
                    )
            row += 1
    return units


def _encode_packed(
    encoder: Encoder, texts: list[str], layers: tuple[int, ...], window: int = 256
) -> list[Encoded]:
    """Like ``encode_texts``, but consecutive paragraphs of a text share a window.

    A paragraph keeps its own tokens' states, and its mean is taken over them alone (the
    window's begin, prefix and end tokens belong to no one paragraph, where ``encode_texts``
    counts them in); one longer than a window is encoded on its own, in overlapping windows,
    as ``encode_texts`` does it. A window holds one text's paragraphs only, so nothing crosses
    articles.
    """
    chunk = window - 2 - len(_prefix_ids(encoder))
    groups: list[tuple[int, list[tuple[int, int, int]]]] = []  # (text, [paragraph line, start, end])
    for number, text in enumerate(texts):
        group: list[tuple[int, int, int]] = []
        size = 0
        for paragraph in paragraph_lines(text):
            _, start, end = paragraph
            count = len(encoder.tokenizer.encode(text[start:end], add_special_tokens=False).ids)
            if group and size + count > chunk:
                groups.append((number, group))
                group, size = [], 0
            group.append(paragraph)
            size += count
        if group:
            groups.append((number, group))
    # One window per group: the group's text from its first paragraph's start to its last one's
    # end, with its paragraphs as given (the lines between them are empty).
    windows = [texts[number] for number, _ in groups]
    pieces: list[Encoded | None] = list(
        encode_texts(
            encoder, windows, layers, window=window, paragraphs=[[(0, g[0][1], g[-1][2])] for _, g in groups]
        )
    )
    out: list[Encoded] = []
    at = 0  # groups are in text order; each piece is let go once copied (gigabytes in all)
    for number, text in enumerate(texts):
        found = paragraph_lines(text)
        mine: list[tuple[list[tuple[int, int, int]], Encoded]] = []
        while at < len(groups) and groups[at][0] == number:
            piece = pieces[at]
            assert piece is not None
            mine.append((groups[at][1], piece))
            pieces[at] = None
            at += 1
        width = encoder.hidden_size * len(layers)
        offsets, features, owner_of, means = [], [], [], np.zeros((len(found), width), np.float32)
        index = {line: i for i, (line, _, _) in enumerate(found)}
        for group, piece in mine:
            centres = (piece.offsets[:, 0] + piece.offsets[:, 1]) / 2
            for line, start, end in group:
                inside = (centres >= start) & (centres < end)
                offsets.append(piece.offsets[inside])
                features.append(piece.features[inside])
                owner_of.append(np.full(int(inside.sum()), index[line]))
                means[index[line]] = (
                    piece.features[inside].astype(np.float32).mean(axis=0) if inside.any() else 0
                )
        out.append(
            Encoded(
                found,
                np.concatenate(offsets) if offsets else np.zeros((0, 2), np.int32),
                np.concatenate(features) if features else np.zeros((0, width), np.float16),
                np.concatenate(owner_of) if owner_of else np.zeros(0, np.int64),
                means,
            )
        )
    return out


def _prefix_ids(encoder: Encoder) -> list[int]:
    return encoder.tokenizer.encode(encoder.prefix, add_special_tokens=False).ids if encoder.prefix else []


def _say(started: float, message: str) -> None:
    print(f"[{(time.perf_counter() - started) / 60:5.1f} min] {message}", flush=True)


def _line(scores: dict[str, tuple[float, float]]) -> str:
    return " ".join(f"{x} {micro:.3f}/{macro:.3f}" for x, (micro, macro) in sorted(scores.items()))


if __name__ == "__main__":
    main()
