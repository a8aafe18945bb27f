"""``narrascope train techniques``: fit the technique model on SemEval-2023 Task 3 data.

1. Every language folder under ``--data`` is read: the training articles, and the
   development articles where a folder has them (``dev-articles-subtask-3``).
2. Each paragraph is encoded once by the frozen encoder (the only expensive step).
3. **Cross-validation** on the training articles (k folds by article): heads fitted on the
   other folds predict each fold. The linear heads' scores are calibrated (Platt) on these
   out-of-fold predictions; the paragraph ensemble (the linear head and a few MLP heads) is
   scored with thresholds chosen on the other folds. The span head's strongest token
   in each paragraph is calibrated as paragraph evidence on the same predictions, and its
   weight against the ensemble chosen per technique (``TokenEvidence``). The attention head
   (:mod:`~narrascope.models.attention`) is cross-validated on the same folds; its weight
   against the ensemble and the thresholds are chosen on the other folds.
4. **Development set**: heads fitted on the training articles alone predict the development
   articles. The attention head's weight and the thresholds are chosen on one half of them
   and the other half is scored, each half in turn (what the model card reports as the
   development figures). The weight and thresholds that ship are the ones chosen on the
   whole development set.
5. The organisers' kind of baseline is scored the same way on the same splits.
6. The shipped heads are fitted on training and development articles together, with the
   calibration of step 3 and the weight and thresholds of step 4, and saved with a model card.

Thresholds: one per technique, pulled towards the global one by a factor chosen with them
(:func:`~narrascope.models.heads.choose_thresholds`). Without development articles, step 4
is skipped and the weight and thresholds come from step 3.
"""

from __future__ import annotations

import datetime as dt
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from narrascope import metrics, taxonomy
from narrascope._version import __version__
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.formats.semeval2023 import read_semeval2023
from narrascope.formats.semeval2025 import LANGUAGES as TASK10_FOLDERS
from narrascope.formats.semeval2025 import read_semeval2025
from narrascope.models.attention import AttentionHead, fit_attention
from narrascope.models.baseline import baseline_probabilities
from narrascope.models.card import model_card
from narrascope.models.encoder import DEFAULT_ENCODER, load_encoder
from narrascope.models.features import Encoded, encode_texts, group_maxima
from narrascope.models.heads import (
    Ensemble,
    LinearHead,
    MLPHead,
    TokenEvidence,
    blend,
    calibrate,
    choose_mix_weight,
    choose_thresholds,
    choose_token_weights,
    fit_linear,
    fit_mlps,
    mean_probability,
    sigmoid,
    tune_global_threshold,
    tune_thresholds,
)
from narrascope.models.techniques import ModelConfig, TechniqueModel
from narrascope.models.validation import (
    Dataset,
    annotated_techniques,
    build_dataset,
    fold_of,
    language_of,
    nested_global_thresholds,
    nested_inventory,
    nested_mix,
    nested_thresholds,
    paragraph_scores,
    span_scores,
)

__all__ = [
    "DevelopmentScores",
    "TrainingSettings",
    "attention_probabilities",
    "choose_paragraph_thresholds",
    "cross_validated_attention",
    "cross_validated_calibration",
    "cross_validated_paragraphs",
    "fit_attention_head",
    "fit_heads",
    "fit_paragraph_mlps",
    "fit_token_evidence",
    "paragraph_maxima",
    "read_task10_data",
    "read_training_data",
    "score_development",
    "train_techniques",
]


@dataclass
class TrainingSettings:
    encoder: str = DEFAULT_ENCODER
    # Layers 4, 8 and 12 concatenated, chosen on the development set; benchmarks/accuracy.py
    # compares the choices of layers, in accuracy and in encoder speed.
    layers: tuple[int, ...] = (4, 8, 12)
    quantise: bool = False
    folds: int = 5
    seed: int = 0
    paragraph_epochs: int = 10
    paragraph_learning_rate: float = 3e-4
    span_epochs: int = 2
    span_learning_rate: float = 1e-4
    span_batch_size: int = 1024
    weight_decay: float = 1e-2
    # The paragraph ensemble: this many MLP heads (seeds seed, seed + 1, ...) averaged with
    # the linear head, which weighs ``linear_weight``; chosen on the development set.
    paragraph_mlps: int = 3
    mlp_hidden: int = 512
    mlp_epochs: int = 8
    mlp_learning_rate: float = 1e-3
    linear_weight: float = 0.5
    # Mix the span head's strongest token in each paragraph into the paragraph scores.
    token_evidence: bool = True
    # The attention head, averaged with the ensemble at a weight chosen like the threshold.
    attention: bool = True
    attention_hidden: int = 256
    attention_epochs: int = 4
    attention_learning_rate: float = 1e-3
    attention_token_loss: float = 0.5
    # One paragraph threshold per technique, pulled towards the global one by a factor chosen
    # on held-out rows (heads.choose_thresholds); False: the global threshold for all.
    technique_thresholds: bool = True
    baseline: bool = True
    development: bool = True  # validate on (and finally train with) the development articles


def read_training_data(
    path: str | Path, split: str = "train", annotated: str = "paragraph_technique"
) -> list[Document]:
    """Articles annotated for ``annotated`` (a layer: ``paragraph_technique``, ``frame`` or
    ``genre``) of one language folder, or of every language folder under ``path``.

    ``split="dev"`` reads the development articles of the folders that have them (and none
    is an error only for ``"train"``).
    """
    root = Path(path)
    subtask = {"genre": 1, "frame": 2}.get(annotated, 3)
    marker = f"{split}-labels-subtask-{subtask}.txt"
    folders = (
        [root]
        if (root / marker).exists()
        else sorted(f for f in root.iterdir() if f.is_dir() and (f / marker).exists())
        if root.is_dir()
        else []
    )
    if not folders and split == "train":
        raise NarrascopeError("E303", f"{root}: no SemEval-2023 Task 3 language folder ({marker})")
    docs: list[Document] = []
    for folder in folders:
        found, _ = read_semeval2023(
            folder, taxonomy.TECHNIQUES, taxonomy.FRAMES, taxonomy.GENRES, split=split
        )
        for doc in found:
            if annotated in doc.metadata["annotated"]:
                doc.metadata["folder"] = folder.name
                docs.append(doc)
    return docs


def read_task10_data(
    path: str | Path, annotated: str = "narrative", say: Callable[[str], object] | None = None
) -> list[Document]:
    """SemEval-2025 Task 10 articles annotated for ``annotated`` (``narrative`` or ``role``), of
    one language folder (``EN``, ``RU``, ...) or of every one under ``path``.

    Role mentions whose offsets do not fit the text are re-anchored by the reader; what it
    re-anchored or dropped is told through ``say``.
    """
    root = Path(path)
    folders = (
        [root]
        if (root / "raw-documents").is_dir()
        else sorted(f for f in root.iterdir() if f.name in TASK10_FOLDERS and (f / "raw-documents").is_dir())
        if root.is_dir()
        else []
    )
    if not folders:
        raise NarrascopeError(
            "E303",
            f"{root}: no SemEval-2025 Task 10 language folder (BG, EN, HI, PT, RU with raw-documents/)",
        )
    docs: list[Document] = []
    for folder in folders:
        found, log = read_semeval2025(
            folder,
            taxonomy.MAIN_ROLES,
            taxonomy.FINE_ROLES,
            [*taxonomy.NARRATIVES, taxonomy.OTHER],
            taxonomy.subnarratives(include_other=True),
        )
        if say is not None and log.counts:
            say(f"{folder.name}: " + ", ".join(f"{n} {what}" for what, n in sorted(log.counts.items())))
        for doc in found:
            if annotated in doc.metadata["annotated"]:
                doc.metadata["folder"] = folder.name
                docs.append(doc)
    return docs


def _rounded(results: dict[str, metrics.MetricResult], macro: bool = False) -> dict[str, float]:
    if macro:
        return {k: round(v.extra.get("macro-F1", 0.0), 4) for k, v in results.items()}
    return {k: round(v.value, 4) for k, v in results.items()}


def _oof_logits(
    features: np.ndarray, targets: np.ndarray, fold: np.ndarray, train: np.ndarray, args: dict[str, Any]
) -> np.ndarray:
    """Out-of-fold logits for the ``train`` rows (zeros elsewhere)."""
    out = np.zeros(targets.shape, dtype=np.float32)
    for k in np.unique(fold[train]):
        fit = train & (fold != k)
        scored = train & (fold == k)
        head = fit_linear(features, targets, rows=np.flatnonzero(fit), **args)
        out[scored] = head.logits(features, rows=np.flatnonzero(scored))
    return out


def fit_paragraph_mlps(
    features: np.ndarray, targets: np.ndarray, rows: np.ndarray | None, settings: TrainingSettings
) -> list[MLPHead]:
    """The ensemble's MLP heads, fitted on ``rows`` (all rows if None) with ``settings``."""
    return fit_mlps(
        features,
        targets,
        settings.paragraph_mlps,
        seed=settings.seed,
        hidden=settings.mlp_hidden,
        epochs=settings.mlp_epochs,
        learning_rate=settings.mlp_learning_rate,
        weight_decay=settings.weight_decay,
        rows=rows,
    )


def _oof_ensemble(
    features: np.ndarray,
    targets: np.ndarray,
    fold: np.ndarray,
    train: np.ndarray,
    calibration: LinearHead,
    linear_logits: np.ndarray,
    settings: TrainingSettings,
) -> np.ndarray:
    """Out-of-fold ensemble probabilities of the ``train`` rows, from their linear logits."""
    linear = calibration.calibrated(linear_logits)
    if not settings.paragraph_mlps:
        return linear
    rows = np.flatnonzero(train)
    mlp = np.zeros(linear.shape, dtype=np.float32)
    for k in np.unique(fold[rows]):
        fitted = fit_paragraph_mlps(features, targets, rows[fold[rows] != k], settings)
        scored = fold[rows] == k
        mlp[scored] = mean_probability(fitted, features[rows[scored]])
    return blend(mlp, linear, settings.linear_weight)


def _with_calibration(head: LinearHead, calibration: LinearHead) -> LinearHead:
    return LinearHead(head.weight, head.bias, calibration.scale, calibration.shift)


def _fit_args(settings: TrainingSettings, head: str) -> dict[str, Any]:
    """``fit_linear``'s settings for the ``"paragraph"`` or the ``"span"`` head."""
    args: dict[str, Any] = {
        "epochs": getattr(settings, f"{head}_epochs"),
        "learning_rate": getattr(settings, f"{head}_learning_rate"),
        "weight_decay": settings.weight_decay,
        "seed": settings.seed,
    }
    if head == "span":
        args["batch_size"] = settings.span_batch_size
    return args


def cross_validated_calibration(
    data: Dataset,
    p_fold: np.ndarray,
    t_fold: np.ndarray,
    p_train: np.ndarray,
    t_train: np.ndarray,
    settings: TrainingSettings,
) -> tuple[np.ndarray, np.ndarray, LinearHead, LinearHead]:
    """Out-of-fold logits of the linear paragraph and span heads on the training rows, and the
    Platt calibrations fitted on them (paragraph, then span)."""
    p_oof = _oof_logits(data.p_features, data.p_targets, p_fold, p_train, _fit_args(settings, "paragraph"))[
        p_train
    ]
    t_oof = _oof_logits(data.t_features, data.t_targets, t_fold, t_train, _fit_args(settings, "span"))[
        t_train
    ]
    k = data.p_targets.shape[1]
    blank = LinearHead(np.zeros((k, 1)), np.zeros(k), np.ones(k), np.zeros(k))
    p_calibration = calibrate(blank, p_oof, data.p_targets[p_train])
    t_calibration = calibrate(blank, t_oof, data.t_targets[t_train])
    return p_oof, t_oof, p_calibration, t_calibration


def fit_heads(
    data: Dataset,
    p_rows: np.ndarray | None,
    t_rows: np.ndarray | None,
    p_calibration: LinearHead,
    t_calibration: LinearHead,
    settings: TrainingSettings,
) -> tuple[Ensemble, LinearHead]:
    """The paragraph ensemble and the span head, fitted on ``p_rows`` and ``t_rows`` (all rows
    if None), with the given calibrations."""
    linear_weight = settings.linear_weight if settings.paragraph_mlps else 1.0
    p_head = Ensemble(
        _with_calibration(
            fit_linear(data.p_features, data.p_targets, rows=p_rows, **_fit_args(settings, "paragraph")),
            p_calibration,
        ),
        fit_paragraph_mlps(data.p_features, data.p_targets, p_rows, settings),
        linear_weight,
    )
    t_head = _with_calibration(
        fit_linear(data.t_features, data.t_targets, rows=t_rows, **_fit_args(settings, "span")), t_calibration
    )
    return p_head, t_head


def cross_validated_paragraphs(
    data: Dataset,
    p_fold: np.ndarray,
    p_train: np.ndarray,
    t_train: np.ndarray,
    p_oof: np.ndarray,
    t_oof: np.ndarray,
    p_calibration: LinearHead,
    settings: TrainingSettings,
) -> tuple[np.ndarray, TokenEvidence | None]:
    """Out-of-fold paragraph probabilities of the training rows (the ensemble, with the token
    evidence mixed in) and the token evidence fitted on them (None if ``settings`` turn it off),
    from :func:`cross_validated_calibration`'s out-of-fold logits."""
    p_prob = _oof_ensemble(data.p_features, data.p_targets, p_fold, p_train, p_calibration, p_oof, settings)
    if not settings.token_evidence:
        return p_prob, None
    oof_maxima = paragraph_maxima(data, t_oof, np.flatnonzero(t_train))[p_train]
    evidence = fit_token_evidence(oof_maxima, p_prob, data.p_targets[p_train])
    return evidence.mix(p_prob, oof_maxima), evidence


def fit_attention_head(data: Dataset, rows: np.ndarray | None, settings: TrainingSettings) -> AttentionHead:
    """The attention head, fitted on paragraph ``rows`` (all if None) with ``settings``."""
    return fit_attention(
        data.t_features,
        data.t_paragraph,
        data.p_features,
        data.p_targets,
        data.t_targets,
        rows=rows,
        hidden=settings.attention_hidden,
        epochs=settings.attention_epochs,
        learning_rate=settings.attention_learning_rate,
        weight_decay=settings.weight_decay,
        token_loss=settings.attention_token_loss,
        seed=settings.seed,
    )


def attention_probabilities(
    head: AttentionHead, data: Dataset, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The attention head's probabilities for paragraph ``rows`` ``[len(rows), K]``, and its
    token values' for the tokens of those paragraphs, in token row order ``[T, K]``."""
    tokens = np.flatnonzero(np.isin(data.t_paragraph, rows))
    local = np.full(len(data.p_line), -1, dtype=np.int64)
    local[rows] = np.arange(len(rows))
    paragraphs, values = head.scores(
        data.t_features[tokens], data.p_features[rows], local[data.t_paragraph[tokens]]
    )
    return sigmoid(paragraphs).astype(np.float32), sigmoid(values).astype(np.float32)


def cross_validated_attention(
    data: Dataset, p_fold: np.ndarray, p_train: np.ndarray, settings: TrainingSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold attention-head probabilities of the training paragraphs, in their order,
    and of the training paragraphs' tokens' values, in token row order."""
    rows = np.flatnonzero(p_train)
    tokens = np.flatnonzero(p_train[data.t_paragraph])
    out = np.zeros((len(rows), data.p_targets.shape[1]), dtype=np.float32)
    values = np.zeros((len(tokens), data.p_targets.shape[1]), dtype=np.float32)
    for k in np.unique(p_fold[rows]):
        scored = p_fold[rows] == k
        head = fit_attention_head(data, rows[~scored], settings)
        out[scored], fold_values = attention_probabilities(head, data, rows[scored])
        values[np.isin(data.t_paragraph[tokens], rows[scored])] = fold_values
    return out, values


def paragraph_maxima(data: Dataset, logits: np.ndarray, token_rows: np.ndarray) -> np.ndarray:
    """``[P, K]``: each paragraph's maximum token logit, from the logits of ``token_rows``
    (paragraphs without such tokens get a floor)."""
    return group_maxima(logits, data.t_paragraph[token_rows], len(data.p_line))


def fit_token_evidence(maxima: np.ndarray, paragraph: np.ndarray, targets: np.ndarray) -> TokenEvidence:
    """The token evidence, calibrated and weighed on held-out paragraphs: their maximum token
    logits (from span heads that did not see them), the ensemble's probabilities, and the gold."""
    k = targets.shape[1]
    platt = calibrate(LinearHead(np.zeros((k, 1)), np.zeros(k), np.ones(k), np.zeros(k)), maxima, targets)
    evidence = TokenEvidence(platt.scale, platt.shift, np.zeros(k, dtype=np.float32))
    evidence.weights = choose_token_weights(paragraph, evidence.probabilities(maxima), targets)
    return evidence


@dataclass
class DevelopmentScores:
    """The development articles scored, each half with the threshold chosen on the other."""

    paragraphs: dict[str, metrics.MetricResult]
    spans: dict[str, metrics.MetricResult]
    paragraph_probabilities: np.ndarray
    token_probabilities: np.ndarray
    token_targets: np.ndarray
    # The paragraph ensemble alone, without the token evidence (what it adds).
    paragraphs_without_evidence: dict[str, metrics.MetricResult]
    # The ensemble with the token evidence, without the attention head (what that adds).
    paragraphs_without_attention: dict[str, metrics.MetricResult]
    # The whole model with one global threshold instead of one per technique.
    paragraphs_global_threshold: dict[str, metrics.MetricResult]
    # The span head alone, without the attention head's token values.
    spans_without_attention: dict[str, metrics.MetricResult]
    # The whole model predicting all techniques in every language (no language inventory).
    paragraphs_without_inventory: dict[str, metrics.MetricResult]


def score_development(
    docs: Sequence[Document],
    encoded: Sequence[Encoded],
    data: Dataset,
    is_dev: np.ndarray,
    doc_half: np.ndarray,
    p_head: Ensemble,
    t_head: LinearHead,
    t_fallback: float,
    evidence: TokenEvidence | None = None,
    attention: tuple[np.ndarray, np.ndarray] | None = None,
    per_technique: bool = True,
    allowed: np.ndarray | None = None,
) -> DevelopmentScores:
    """Paragraph and span scores of the development documents (``is_dev``, per document), the
    thresholds chosen on one half (``doc_half``) and applied to the other, each in turn: one
    per technique shrunk towards the global one, or the global one alone (``per_technique``).

    ``attention`` holds the attention head's probabilities of the development paragraphs and
    of their tokens' values (:func:`attention_probabilities`); their weights against the
    ensemble and the span head are chosen on the other half too. ``paragraph_probabilities``
    are the ensemble's, with the token evidence, and ``token_probabilities`` the span head's,
    before the attention head is mixed in. With ``allowed`` (``[P, K]``, see
    :func:`~narrascope.models.validation.nested_inventory`) each language predicts only the
    techniques its training annotators used, in every figure but the one without it."""
    dev_rows = np.flatnonzero(is_dev[data.p_doc])
    dev_numbers = [n for n in range(len(docs)) if is_dev[n]]
    token_rows = _token_rows(data, dev_numbers)
    dev_t_logits = t_head.logits(data.t_features, rows=token_rows)
    dev_targets = data.p_targets[dev_rows]
    halves = doc_half[data.p_doc[dev_rows]]
    plain = p_head.probabilities(data.p_features[dev_rows])
    cut = nested_thresholds(plain, dev_targets, halves, per_technique)
    paragraphs_plain = paragraph_scores(docs, data, dev_rows, plain >= cut, allowed)
    dev_prob = plain
    if evidence is not None:
        maxima = paragraph_maxima(data, dev_t_logits, token_rows)[dev_rows]
        dev_prob = evidence.mix(plain, maxima)
    cut = nested_thresholds(dev_prob, dev_targets, halves, per_technique)
    paragraphs = without_attention = paragraph_scores(docs, data, dev_rows, dev_prob >= cut, allowed)
    mixed = dev_prob
    if attention is not None:
        mixed, cut = nested_mix(dev_prob, attention[0], dev_targets, halves, per_technique)
        paragraphs = paragraph_scores(docs, data, dev_rows, mixed >= cut, allowed)
    without_inventory = paragraph_scores(docs, data, dev_rows, mixed >= cut)
    global_cut = nested_global_thresholds(mixed, dev_targets, halves)
    paragraphs_global = paragraph_scores(docs, data, dev_rows, mixed >= global_cut[:, None], allowed)
    dev_t_prob = t_head.calibrated(dev_t_logits)
    dev_t_targets = data.t_targets[token_rows]
    t_halves = doc_half[data.t_doc[token_rows]]
    t_cut = nested_global_thresholds(dev_t_prob, dev_t_targets, t_halves)
    spans = without = _span_scores(
        docs, encoded, data, dev_numbers, token_rows, dev_t_prob, t_cut, t_fallback, allowed
    )
    if attention is not None:
        # The weight is chosen by token micro-F1, a stand-in for span F1 that is cheap to search.
        t_mixed, t_cuts = nested_mix(dev_t_prob, attention[1], dev_t_targets, t_halves, per_technique=False)
        spans = _span_scores(
            docs, encoded, data, dev_numbers, token_rows, t_mixed, t_cuts[:, 0], t_fallback, allowed
        )
    return DevelopmentScores(
        paragraphs,
        spans,
        dev_prob,
        dev_t_prob,
        dev_t_targets,
        paragraphs_plain,
        without_attention,
        paragraphs_global,
        without,
        without_inventory,
    )


def _span_scores(
    docs: Sequence[Document],
    encoded: Sequence[Encoded],
    data: Dataset,
    numbers: Sequence[int],
    token_rows: np.ndarray,
    probabilities: np.ndarray,
    cuts: np.ndarray,
    fallback: float,
    allowed: np.ndarray | None = None,
) -> dict[str, metrics.MetricResult]:
    """:func:`span_scores` of documents ``numbers`` from their tokens' (``token_rows``)
    probabilities and thresholds; a document without tokens gets ``fallback``. ``allowed``
    (``[P, K]``) drops the techniques outside each paragraph's language's inventory."""
    if allowed is not None:
        probabilities = probabilities * allowed[data.t_paragraph[token_rows]]
    first_token = {int(data.t_doc[row]): cuts[i] for i, row in enumerate(token_rows)}
    thresholds = np.array([first_token.get(n, fallback) for n in numbers])
    return span_scores(docs, encoded, data, numbers, probabilities, thresholds)


def choose_paragraph_thresholds(
    probabilities: np.ndarray, targets: np.ndarray, settings: TrainingSettings
) -> tuple[np.ndarray, float]:
    """The paragraph thresholds that ship, chosen on these held-out rows, and their shrink
    towards the global threshold (1.0: the global threshold for every technique)."""
    if settings.technique_thresholds:
        return choose_thresholds(probabilities, targets)
    return np.full(targets.shape[1], tune_global_threshold(probabilities, targets), dtype=np.float32), 1.0


def _token_rows(data: Dataset, numbers: Sequence[int]) -> np.ndarray:
    """Token rows of documents ``numbers``, in that order."""
    starts = np.searchsorted(data.t_doc, np.arange(int(data.t_doc.max(initial=0)) + 2))
    return np.concatenate([np.arange(starts[n], starts[n + 1]) for n in numbers] or [np.zeros(0, np.int64)])


def train_techniques(
    data_path: str | Path,
    out_dir: str | Path,
    settings: TrainingSettings | None = None,
    say: Callable[[str], object] = print,
    progress: Callable[[str, int, int], object] | None = None,
) -> dict[str, Any]:
    """Train, validate and save a technique model; returns the figures written to its card."""
    settings = settings or TrainingSettings()
    started = time.perf_counter()
    train_docs = read_training_data(data_path)
    dev_docs = read_training_data(data_path, "dev") if settings.development else []
    if len(train_docs) < settings.folds:
        raise NarrascopeError(
            "E020", f"{data_path}: {len(train_docs)} annotated articles; need at least {settings.folds}"
        )
    docs = train_docs + dev_docs
    labels = list(taxonomy.TECHNIQUES)
    say(
        f"read {len(train_docs)} training and {len(dev_docs)} development articles in "
        f"{len({d.metadata['folder'] for d in docs})} language folder(s)"
    )
    encoder = load_encoder(settings.encoder, quantise=settings.quantise)
    total_paragraphs = sum(len(d.text.split("\n")) for d in docs)
    done = [0]

    def tick(count: int) -> None:
        done[0] += count
        if progress is not None:
            progress("encoding paragraphs", done[0], total_paragraphs)

    encoded = encode_texts(encoder, [d.text for d in docs], settings.layers, progress=tick)
    encoding_seconds = time.perf_counter() - started
    say(f"encoded {done[0]} paragraph windows in {encoding_seconds:.0f} s")
    data = build_dataset(docs, encoded, labels)
    is_dev = np.array([d.metadata.get("split") == "dev" for d in docs])
    doc_fold = np.array([fold_of(d, settings.folds) for d in docs])
    doc_half = np.array([fold_of(d, 2, salt="development half:") for d in docs])
    p_train, t_train = ~is_dev[data.p_doc], ~is_dev[data.t_doc]
    # Each language predicts the techniques its annotators used (English's training data has
    # 19 of the 23), each row's inventory taken from the articles its heads were fitted on.
    p_language = np.array([language_of(doc) for doc in docs])[data.p_doc]
    allowed = nested_inventory(p_language, data.p_targets, doc_fold[data.p_doc], p_train)
    # 1. Cross-validation on the training articles; calibration from its predictions.
    say(f"cross-validating the paragraph and span heads ({settings.folds} folds)")
    p_fold, t_fold = doc_fold[data.p_doc], doc_fold[data.t_doc]
    p_oof, t_oof, p_calibration, t_calibration = cross_validated_calibration(
        data, p_fold, t_fold, p_train, t_train, settings
    )
    k = len(labels)
    say(
        f"cross-validating the paragraph ensemble's {settings.paragraph_mlps} MLP heads"
        + (" and weighing the span head's tokens as paragraph evidence" if settings.token_evidence else "")
    )
    p_prob, evidence = cross_validated_paragraphs(
        data, p_fold, p_train, t_train, p_oof, t_oof, p_calibration, settings
    )
    t_prob = t_calibration.calibrated(t_oof)
    train_rows = np.flatnonzero(p_train)
    train_targets = data.p_targets[p_train]
    t_targets = data.t_targets[t_train]
    attention_weight = span_attention_weight = 0.0
    if settings.attention:
        say(f"cross-validating the attention head ({settings.folds} folds)")
        attention_oof, values_oof = cross_validated_attention(data, p_fold, p_train, settings)
        cv_prob, cut = nested_mix(
            p_prob, attention_oof, train_targets, p_fold[p_train], settings.technique_thresholds
        )
        attention_weight = choose_mix_weight(p_prob, attention_oof, train_targets)
        p_prob = blend(p_prob, attention_oof, attention_weight)
        cv_t_prob, t_cuts = nested_mix(t_prob, values_oof, t_targets, t_fold[t_train], per_technique=False)
        t_cut = t_cuts[:, 0]
        span_attention_weight = choose_mix_weight(t_prob, values_oof, t_targets)
        t_prob = blend(t_prob, values_oof, span_attention_weight)
        del values_oof, t_cuts
    else:
        cv_prob = p_prob
        cut = nested_thresholds(p_prob, train_targets, p_fold[p_train], settings.technique_thresholds)
        cv_t_prob, t_cut = t_prob, nested_global_thresholds(t_prob, t_targets, t_fold[t_train])
    paragraph_cv = paragraph_scores(docs, data, train_rows, cv_prob >= cut, allowed)
    train_numbers = [n for n in range(len(docs)) if not is_dev[n]]
    span_cv = _span_scores(
        docs, encoded, data, train_numbers, np.flatnonzero(t_train), cv_t_prob, t_cut, 0.5, allowed
    )
    del cv_t_prob
    p_threshold = tune_global_threshold(p_prob, train_targets)
    t_threshold = tune_global_threshold(t_prob, t_targets)
    per_technique_cv = tune_thresholds(p_prob, train_targets)
    p_thresholds, shrink = choose_paragraph_thresholds(p_prob, train_targets, settings)

    # 2. The development set, scored by heads that saw only the training articles.
    say("fitting the heads on the training articles")
    linear_weight = settings.linear_weight if settings.paragraph_mlps else 1.0
    p_head, t_head = fit_heads(
        data, train_rows, np.flatnonzero(t_train), p_calibration, t_calibration, settings
    )
    development: dict[str, Any] = {}
    dev_paragraphs: dict[str, metrics.MetricResult] = {}
    dev_rows = np.flatnonzero(~p_train)
    if len(dev_rows):
        dev_attention = None
        if settings.attention:
            say("fitting the attention head on the training articles")
            head = fit_attention_head(data, train_rows, settings)
            dev_attention = attention_probabilities(head, data, dev_rows)
        say("scoring the development articles")
        dev = score_development(
            docs,
            encoded,
            data,
            is_dev,
            doc_half,
            p_head,
            t_head,
            t_threshold,
            evidence,
            dev_attention,
            settings.technique_thresholds,
            allowed,
        )
        dev_prob, dev_paragraphs, dev_spans = dev.paragraph_probabilities, dev.paragraphs, dev.spans
        dev_targets = data.p_targets[dev_rows]
        dev_t_prob = dev.token_probabilities
        cv_weight = attention_weight
        if dev_attention is not None:
            # What cross-validation alone would have chosen, for comparison: its weight...
            cv_mix = blend(dev_prob, dev_attention[0], cv_weight)
            attention_weight = choose_mix_weight(dev_prob, dev_attention[0], dev_targets)
            dev_prob = blend(dev_prob, dev_attention[0], attention_weight)
            span_attention_weight = choose_mix_weight(dev_t_prob, dev_attention[1], dev.token_targets)
            dev_t_prob = blend(dev_t_prob, dev_attention[1], span_attention_weight)
        else:
            cv_mix = dev_prob
        # ... and its thresholds.
        dev_cv_global = paragraph_scores(docs, data, dev_rows, cv_mix >= p_threshold, allowed)
        dev_cv_per_technique = paragraph_scores(docs, data, dev_rows, cv_mix >= per_technique_cv, allowed)
        dev_numbers = [n for n in range(len(docs)) if is_dev[n]]
        p_thresholds, shrink = choose_paragraph_thresholds(dev_prob, dev_targets, settings)
        t_threshold = tune_global_threshold(dev_t_prob, dev.token_targets)
        development = {
            "articles": len(dev_numbers),
            "paragraph_micro_f1": _rounded(dev_paragraphs),
            "paragraph_macro_f1": _rounded(dev_paragraphs, macro=True),
            "without_token_evidence_paragraph_micro_f1": _rounded(dev.paragraphs_without_evidence),
            "without_token_evidence_paragraph_macro_f1": _rounded(
                dev.paragraphs_without_evidence, macro=True
            ),
            "without_attention_paragraph_micro_f1": _rounded(dev.paragraphs_without_attention),
            "without_attention_paragraph_macro_f1": _rounded(dev.paragraphs_without_attention, macro=True),
            "global_threshold_paragraph_micro_f1": _rounded(dev.paragraphs_global_threshold),
            "global_threshold_paragraph_macro_f1": _rounded(dev.paragraphs_global_threshold, macro=True),
            "without_inventory_paragraph_micro_f1": _rounded(dev.paragraphs_without_inventory),
            "without_inventory_paragraph_macro_f1": _rounded(dev.paragraphs_without_inventory, macro=True),
            "attention_weight": attention_weight,
            "cv_attention_weight": cv_weight,
            "span_micro_f1": _rounded(dev_spans),
            "span_without_attention_micro_f1": _rounded(dev.spans_without_attention),
            "span_attention_weight": span_attention_weight,
            "cv_global_threshold_paragraph_micro_f1": _rounded(dev_cv_global),
            "cv_per_technique_thresholds_paragraph_micro_f1": _rounded(dev_cv_per_technique),
        }

    # 3. The baseline, on the same folds and halves.
    baseline: dict[str, Any] = {}
    if settings.baseline:
        say("scoring the TF-IDF baseline on the same folds and development halves")
        baseline = _baseline_figures(
            docs,
            data,
            p_fold,
            doc_half[data.p_doc],
            p_train,
            settings.folds,
            settings.technique_thresholds,
            allowed,
        )

    # 4. The shipped heads: training and development articles together.
    if len(dev_rows):
        say("fitting the shipped heads on training and development articles")
        p_head, t_head = fit_heads(data, None, None, p_calibration, t_calibration, settings)
    attention = None
    if settings.attention:
        say("fitting the shipped attention head")
        attention = fit_attention_head(data, None, settings)
    config = ModelConfig(
        labels=labels,
        paragraph_thresholds=[round(float(x), 4) for x in p_thresholds],
        span_thresholds=[t_threshold] * k,
        encoder=settings.encoder,
        layers=list(settings.layers),
        quantise=settings.quantise,
        linear_weight=linear_weight,
        attention_weight=attention_weight if attention is not None else 0.0,
        span_attention_weight=span_attention_weight if attention is not None else 0.0,
        languages=sorted({d.language for d in docs if d.language}),
        not_annotated={
            language: [labels[i] for i in np.flatnonzero(~used)]
            for language, used in annotated_techniques(p_language, data.p_targets).items()
            if not used.all()
        },
    )
    seconds = time.perf_counter() - started
    figures = {
        "paragraph_micro_f1": _rounded(paragraph_cv),
        "paragraph_macro_f1": _rounded(paragraph_cv, macro=True),
        "span_micro_f1": _rounded(span_cv),
        # Techniques with no gold example in a language are left out: their F1 says nothing.
        "per_technique_f1": {
            language: {row.label: round(row.f1, 3) for row in result.per_label if row.support}
            for language, result in (dev_paragraphs or paragraph_cv).items()
        },
        "development": development,
        "baseline": baseline,
        "threshold_shrink": shrink,
    }
    config.training = {
        "narrascope_version": __version__,
        "data": str(data_path),
        "articles": len(train_docs),
        "development_articles": len(dev_docs),
        "paragraphs": len(data.p_line),
        "tokens": len(data.t_doc),
        "folds": settings.folds,
        "seed": settings.seed,
        "settings": vars(settings),
        "seconds": round(seconds),
        "encoding_seconds": round(encoding_seconds),
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}",
        "encoder_precision": encoder.precision,
        "date": dt.date.today().isoformat(),
        "figures": figures,
    }
    model = TechniqueModel(config, p_head, t_head, evidence=evidence, attention=attention)
    model.save(out_dir)
    (Path(out_dir) / "MODEL_CARD.md").write_text(model_card(config), encoding="utf-8")
    say(f"saved the model to {out_dir} ({seconds / 60:.1f} min in all)")
    return config.training


def _baseline_figures(
    docs: Sequence[Document],
    data: Dataset,
    p_fold: np.ndarray,
    p_half: np.ndarray,
    p_train: np.ndarray,
    folds: int,
    per_technique: bool,
    allowed: np.ndarray | None = None,
) -> dict[str, Any]:
    """The baseline's cross-validated and development figures, thresholds chosen and each
    language's inventory (``allowed``) followed as the model's are."""
    texts = [docs[int(d)].text.split("\n")[line - 1] for d, line in zip(data.p_doc, data.p_line, strict=True)]
    oof = np.zeros(data.p_targets.shape, dtype=np.float32)
    for k in range(folds):
        oof[p_train & (p_fold == k)] = baseline_probabilities(
            texts, data.p_targets, p_train & (p_fold != k), p_train & (p_fold == k)
        )
    rows = np.flatnonzero(p_train)
    cut = nested_thresholds(oof[rows], data.p_targets[rows], p_fold[rows], per_technique)
    cv = paragraph_scores(docs, data, rows, oof[rows] >= cut, allowed)
    out: dict[str, Any] = {"paragraph_micro_f1": _rounded(cv), "paragraph_macro_f1": _rounded(cv, macro=True)}
    dev_rows = np.flatnonzero(~p_train)
    if len(dev_rows):
        prob = baseline_probabilities(texts, data.p_targets, p_train, ~p_train)
        cut = nested_thresholds(prob, data.p_targets[dev_rows], p_half[dev_rows], per_technique)
        dev = paragraph_scores(docs, data, dev_rows, prob >= cut, allowed)
        out["development_paragraph_micro_f1"] = _rounded(dev)
        out["development_paragraph_macro_f1"] = _rounded(dev, macro=True)
    return out
