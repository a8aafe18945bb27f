"""``narrascope train frames|genre``: fit an article-level model on SemEval-2023 Task 3 data.

1. Every language folder under ``--data`` is read: the training articles annotated for the
   task (subtask 2 for frames, subtask 1 for genre). The shared task's development set has
   no frame or genre labels, so the figures come from cross-validation alone.
2. Each article is encoded once by the frozen encoder (paragraph means only).
3. **Cross-validation** (k folds by article): the model, a linear head, the organisers' kind
   of baseline (TF-IDF n-grams, logistic regression) and a trivial prior (the most frequent
   frames, or the most frequent genre) are each fitted on the other folds and score each
   fold. The frame threshold of each fold is chosen on the other folds (nested), so no
   figure has seen its own articles.
4. The shipped heads are fitted on every article, with the threshold chosen on all the
   out-of-fold predictions, and saved with a model card.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from narrascope import metrics
from narrascope._version import __version__
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.models.articles import ARTICLE_TASKS, ArticleConfig, ArticleModel, article_features
from narrascope.models.baseline import baseline_probabilities
from narrascope.models.card import article_model_card
from narrascope.models.encoder import DEFAULT_ENCODER, Encoder, load_encoder
from narrascope.models.features import encode_texts
from narrascope.models.heads import MLPHead, fit_linear, fit_mlps, tune_global_threshold
from narrascope.models.training import read_training_data
from narrascope.models.validation import fold_of, language_of, nested_global_thresholds

__all__ = ["ArticleSettings", "HeadSettings", "fit_heads", "run_facts", "train_article_model"]

#: The document label layer each task is annotated as.
_LAYER = {"frames": "frame", "genre": "genre"}


@dataclass
class HeadSettings:
    """What every model of MLP heads on the shared pass is trained with (frames, genre,
    narratives, roles); each task's settings add their own."""

    encoder: str = DEFAULT_ENCODER
    layers: tuple[int, ...] = (4, 8, 12)  # those of the technique model: one shared pass
    quantise: bool = False
    folds: int = 5
    seed: int = 0
    heads: int = 3  # MLP heads, seeds seed, seed + 1, ...
    hidden: int = 256
    epochs: int = 30
    learning_rate: float = 1e-3
    weight_decay: float = 1e-2


@dataclass
class ArticleSettings(HeadSettings):
    baseline: bool = True


def _targets(docs: Sequence[Document], task: str) -> np.ndarray:
    labels = ARTICLE_TASKS[task][0]
    layer = _LAYER[task]
    out = np.zeros((len(docs), len(labels)), dtype=bool)
    for row, doc in enumerate(docs):
        for label in doc.labels_of(layer):
            out[row, labels.index(label.label)] = True
    return out


def fit_heads(features: np.ndarray, targets: np.ndarray, rows: np.ndarray, s: HeadSettings) -> list[MLPHead]:
    """The MLP heads of an article, narrative or role model, as its settings ``s`` say (heads,
    hidden, epochs, learning_rate, weight_decay, seed), fitted on ``rows``."""
    return fit_mlps(
        features,
        targets,
        s.heads,
        seed=s.seed,
        hidden=s.hidden,
        epochs=s.epochs,
        learning_rate=s.learning_rate,
        weight_decay=s.weight_decay,
        rows=rows,
    )


def run_facts(encoder: Encoder, started: float, encoding_seconds: float, cached: int) -> dict[str, Any]:
    """What a model card says about the training run itself: when, where, how long."""
    return {
        "seconds": round(time.perf_counter() - started),
        "encoding_seconds": round(encoding_seconds),
        "cached_articles": cached,
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}",
        "encoder_precision": encoder.precision,
        "date": dt.date.today().isoformat(),
        "narrascope_version": __version__,
    }


def _fit_heads(
    task: str, features: np.ndarray, targets: np.ndarray, rows: np.ndarray, s: ArticleSettings
) -> ArticleModel:
    heads = fit_heads(features, targets, rows, s)
    return ArticleModel(ArticleConfig(task=task, labels=ARTICLE_TASKS[task][0]), heads)


def _decide(task: str, probabilities: np.ndarray, cuts: np.ndarray | None) -> np.ndarray:
    """Boolean decisions: frames at or above each row's cut, or the most probable genre."""
    if ARTICLE_TASKS[task][1]:
        assert cuts is not None
        return probabilities >= cuts[:, None]
    out = np.zeros(probabilities.shape, dtype=bool)
    out[np.arange(len(probabilities)), probabilities.argmax(axis=1)] = True
    return out


def _scores(task: str, docs: Sequence[Document], decisions: np.ndarray) -> dict[str, float]:
    """The official figure per language: frames micro-F1, or genre macro-F1."""
    labels = ARTICLE_TASKS[task][0]
    by_language: dict[str, list[int]] = {}
    for row, doc in enumerate(docs):
        by_language.setdefault(language_of(doc), []).append(row)
    gold_all = _targets(docs, task)
    out = {}
    for language, rows in sorted(by_language.items()):
        if task == "frames":
            gold = {str(r): {labels[j] for j in np.flatnonzero(gold_all[r])} for r in rows}
            pred = {str(r): {labels[j] for j in np.flatnonzero(decisions[r])} for r in rows}
            value = metrics.frames_micro_f1(gold, pred, classes=labels).value
        else:
            gold_genre = {str(r): labels[int(np.argmax(gold_all[r]))] for r in rows}
            pred_genre = {str(r): labels[int(np.argmax(decisions[r]))] for r in rows}
            value = metrics.genre_macro_f1(gold_genre, pred_genre, classes=labels).value
        out[language] = round(value, 4)
    return out


def _prior(task: str, targets: np.ndarray, fit: np.ndarray, scored: int) -> np.ndarray:
    """The trivial prior fitted on ``fit`` rows: the most frequent genre, or the n most frequent
    frames with n the one that scores best on those rows."""
    counts = targets[fit].sum(axis=0)
    order = np.argsort(-counts, kind="stable")
    if not ARTICLE_TASKS[task][1]:
        return np.repeat(np.eye(targets.shape[1], dtype=bool)[order[:1]], scored, axis=0)

    def f1(n: int) -> float:
        guess = np.isin(np.arange(targets.shape[1]), order[:n])
        tp = float(targets[fit][:, guess].sum())
        return 2 * tp / (n * len(fit) + float(targets[fit].sum()))

    best = max(range(1, targets.shape[1] + 1), key=f1)
    return np.repeat(np.isin(np.arange(targets.shape[1]), order[:best])[None, :], scored, axis=0)


def _encoded_features(
    encoder: Encoder,
    docs: Sequence[Document],
    s: ArticleSettings,
    cache: str | Path | None,
    progress: Callable[[str, int, int], object] | None,
) -> tuple[np.ndarray, int]:
    """Article features of ``docs``, encoding only those that ``cache`` does not hold yet; and
    how many came from the cache."""
    setting = f"{s.encoder}|{list(s.layers)}|{s.quantise}|{encoder.autocast}"
    keys = [hashlib.sha256(f"{setting}|{d.text}".encode()).hexdigest() for d in docs]
    known: dict[str, np.ndarray] = {}
    path = Path(cache) / "article-features.npz" if cache is not None else None
    if path is not None and path.is_file():
        with np.load(path) as stored:
            known = dict(zip(stored["keys"].tolist(), stored["features"], strict=True))
    missing = [n for n, key in enumerate(keys) if key not in known]
    total = sum(len([line for line in docs[n].text.split("\n") if line.strip()]) for n in missing)
    done = [0]

    def tick(count: int) -> None:
        done[0] += count
        if progress is not None:
            progress("encoding paragraphs", done[0], total)

    encoded = encode_texts(encoder, [docs[n].text for n in missing], s.layers, tokens=False, progress=tick)
    for n, e in zip(missing, encoded, strict=True):
        known[keys[n]] = article_features(e)
    if path is not None and missing:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, keys=np.array(list(known)), features=np.stack(list(known.values())))
    return np.stack([known[key] for key in keys]), len(docs) - len(missing)


def train_article_model(
    task: str,
    data_path: str | Path,
    out_dir: str | Path,
    settings: ArticleSettings | None = None,
    say: Callable[[str], object] = print,
    progress: Callable[[str, int, int], object] | None = None,
    cache: str | Path | None = None,
) -> dict[str, Any]:
    """Train, cross-validate and save the ``task`` model (frames or genre); returns its card's figures.

    ``cache``, a folder, keeps the articles' features between runs (frames and genre read
    mostly the same articles, and encoding is most of the time).
    """
    if task not in ARTICLE_TASKS:
        raise NarrascopeError("E020", f"unknown article task {task!r}; use one of {', '.join(ARTICLE_TASKS)}")
    s = settings or ArticleSettings()
    started = time.perf_counter()
    docs = read_training_data(data_path, annotated=_LAYER[task])
    if len(docs) < s.folds:
        raise NarrascopeError(
            "E020", f"{data_path}: {len(docs)} articles annotated for {task}; need at least {s.folds}"
        )
    labels, multi_label, _ = ARTICLE_TASKS[task]
    say(
        f"read {len(docs)} articles annotated for {task} in {len({language_of(d) for d in docs})} language(s)"
    )
    encoder = load_encoder(s.encoder, quantise=s.quantise)
    features, cached = _encoded_features(encoder, docs, s, cache, progress)
    encoding_seconds = time.perf_counter() - started
    say(f"encoded {len(docs) - cached} articles ({cached} from the cache) in {encoding_seconds:.0f} s")
    targets = _targets(docs, task)
    fold = np.array([fold_of(d, s.folds) for d in docs])

    say(f"cross-validating ({s.folds} folds by article)")
    model_oof = np.zeros(targets.shape, dtype=np.float32)
    linear_oof = np.zeros(targets.shape, dtype=np.float32)
    baseline_oof = np.zeros(targets.shape, dtype=np.float32)
    prior = np.zeros(targets.shape, dtype=bool)
    texts = [d.text for d in docs]
    for k in range(s.folds):
        fit, scored = np.flatnonzero(fold != k), fold == k
        model_oof[scored] = _fit_heads(task, features, targets, fit, s).probabilities(features[scored])
        linear = fit_linear(
            features,
            targets,
            rows=fit,
            epochs=s.epochs,
            learning_rate=s.learning_rate,
            weight_decay=s.weight_decay,
            seed=s.seed,
        )
        linear_oof[scored] = linear.probabilities(features[scored])
        prior[scored] = _prior(task, targets, fit, int(scored.sum()))
        if s.baseline:
            baseline_oof[scored] = baseline_probabilities(texts, targets, fold != k, scored)
        if progress is not None:
            progress("cross-validating", k + 1, s.folds)

    def cuts(probabilities: np.ndarray) -> np.ndarray | None:
        return nested_global_thresholds(probabilities, targets, fold) if multi_label else None

    candidates = {"model": model_oof, "linear head": linear_oof}
    if s.baseline:
        candidates["TF-IDF baseline"] = baseline_oof
    cross_validation = {
        name: _scores(task, docs, _decide(task, probabilities, cuts(probabilities)))
        for name, probabilities in candidates.items()
    }
    cross_validation["trivial prior"] = _scores(task, docs, prior)

    say("fitting the shipped heads on every article")
    shipped = _fit_heads(task, features, targets, np.arange(len(docs)), s)
    threshold = tune_global_threshold(model_oof, targets) if multi_label else 0.5
    seconds = time.perf_counter() - started
    config = ArticleConfig(
        task=task,
        labels=list(labels),
        threshold=threshold,
        encoder=s.encoder,
        layers=list(s.layers),
        quantise=s.quantise,
        languages=sorted({d.language for d in docs if d.language}),
    )
    config.training = {
        **run_facts(encoder, started, encoding_seconds, cached),
        "data": str(data_path),
        "articles": len(docs),
        "articles_per_language": {
            language: sum(language_of(d) == language for d in docs)
            for language in sorted({language_of(d) for d in docs})
        },
        "label_counts": {label: int(count) for label, count in zip(labels, targets.sum(axis=0), strict=True)},
        "settings": {**vars(s), "layers": list(s.layers)},
        "metric": "micro-F1" if multi_label else "macro-F1",
        "cross_validation": cross_validation,
    }
    model = ArticleModel(config, shipped.heads)
    model.save(out_dir)
    (Path(out_dir) / "MODEL_CARD.md").write_text(article_model_card(config), encoding="utf-8")
    say(f"saved the {task} model to {out_dir} ({seconds / 60:.1f} min in all)")
    return config.training
