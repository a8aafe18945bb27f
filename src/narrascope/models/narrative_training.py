"""``narrascope train narratives``: the narrative model of SemEval-2025 Task 10 (subtasks 2 and 3).

1. Every language folder under ``--data`` (BG, EN, HI, PT, RU) is read; each article is
   encoded once (:mod:`narrascope.models.pooled`): its vector and one per sentence.
2. **Cross-validation** by article (the shared task gives no development set here): the
   model (MLP heads over the article vector), a linear head, the organisers' kind of baseline
   (TF-IDF n-grams, logistic regression) and the trivial ``Other`` everywhere are scored with
   the official samples-F1 per language. The two thresholds of each fold (labels, and
   ``Other``) are chosen on the other folds (nested), for the official figure, so no figure
   has seen its own articles.
3. **Explanations** (subtask 3): the out-of-fold heads pick each article's dominant narrative
   and quote its best sentences; the quotation is compared with the annotators' explanation
   (ROUGE-L, and cosine in the encoder) next to the article's first sentences.
4. The shipped heads are fitted on every article, with the threshold chosen on all the
   out-of-fold predictions, and saved with a model card.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from narrascope import metrics, taxonomy
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.models.article_training import HeadSettings, fit_heads, run_facts
from narrascope.models.articles import ArticleConfig, ArticleModel
from narrascope.models.baseline import baseline_probabilities
from narrascope.models.card import narrative_model_card
from narrascope.models.encoder import Encoder, load_encoder
from narrascope.models.features import encode_texts, paragraph_features
from narrascope.models.heads import GRID, fit_linear
from narrascope.models.narratives import (
    NARRATIVE_LABELS,
    Evidence,
    decide_narratives,
    explain,
    read_narratives,
)
from narrascope.models.pooled import Pooled, pooled_features
from narrascope.models.training import read_task10_data
from narrascope.models.validation import fold_of, language_of
from narrascope.paragraphs import sentence_spans

__all__ = [
    "NarrativeSettings",
    "first_sentences",
    "language_scores",
    "narrative_targets",
    "nested_cuts",
    "scores_at",
    "train_narratives",
    "tune_narrative_thresholds",
]


@dataclass
class NarrativeSettings(HeadSettings):
    explanation_sentences: int = 2
    baseline: bool = True


def narrative_targets(docs: Sequence[Document]) -> np.ndarray:
    """``[N, 116]`` gold narratives and subnarratives (``Other`` is no label at all)."""
    column = {label: n for n, label in enumerate(NARRATIVE_LABELS)}
    out = np.zeros((len(docs), len(NARRATIVE_LABELS)), dtype=bool)
    for row, doc in enumerate(docs):
        narrs, subs = taxonomy.document_narratives(
            [x.label for x in doc.labels_of("narrative")], [x.label for x in doc.labels_of("subnarrative")]
        )
        for label in [*narrs, *subs]:
            if label != taxonomy.OTHER:
                out[row, column[label]] = True
    return out


def _sets(row_labels: Sequence[str]) -> tuple[set[str], set[str]]:
    narrs = {x for x in row_labels if x in taxonomy.NARRATIVES}
    subs = {x for x in row_labels if x not in taxonomy.NARRATIVES}
    return narrs or {taxonomy.OTHER}, subs or {taxonomy.OTHER}


def _decided(probabilities: np.ndarray, cuts: np.ndarray) -> list[tuple[set[str], set[str]]]:
    """Decisions of each row at its (threshold, other threshold) in ``cuts`` ``[N, 2]``."""
    out = []
    for row, (cut, other) in zip(probabilities, cuts, strict=True):
        narrs, subs = decide_narratives(row, float(cut), float(other))
        out.append(({x for x, _ in narrs}, {x for x, _ in subs}))
    return out


def _gold(targets: np.ndarray) -> list[tuple[set[str], set[str]]]:
    return [_sets([NARRATIVE_LABELS[j] for j in np.flatnonzero(row)]) for row in targets]


def _row_f1(
    gold: Sequence[tuple[set[str], set[str]]], pred: Sequence[tuple[set[str], set[str]]]
) -> np.ndarray:
    """Each article's F1 on subnarratives, as the official scorer computes it."""
    return np.array([2 * len(g[1] & p[1]) / (len(g[1]) + len(p[1])) for g, p in zip(gold, pred, strict=True)])


def tune_narrative_thresholds(
    probabilities: np.ndarray, targets: np.ndarray, other_rule: bool = True
) -> tuple[float, float]:
    """The threshold and the ``Other`` threshold that maximise the official samples-F1
    (subnarratives, with the ``Other`` rules) over these articles; ties go to the lower ones.

    An article's decision at (t, o) is ``Other`` when its best narrative is below o, and
    otherwise its decision at t with its best narrative forced in; so each t needs two passes
    over the articles, whatever the number of o's tried. Without ``other_rule`` only t is
    tuned (o = 0: one threshold for everything, ``benchmarks/narratives.py`` compares the two).
    """
    gold = _gold(targets)
    top = probabilities[:, : len(taxonomy.NARRATIVES)].max(axis=1)
    other = _row_f1(gold, [({taxonomy.OTHER}, {taxonomy.OTHER})] * len(gold))
    best, chosen = -1.0, (0.5, 0.0)
    for cut in GRID:
        plain = _row_f1(gold, _decided(probabilities, np.tile([cut, 0.0], (len(gold), 1))))
        # Forced: an "other threshold" below every article's best narrative.
        forced = _row_f1(gold, _decided(probabilities, np.tile([cut, 1e-9], (len(gold), 1))))
        for other_cut in (0.0, *GRID) if other_rule else (0.0,):
            value = (
                float(plain.mean())
                if other_cut == 0
                else float(np.where(top < other_cut, other, forced).mean())
            )
            if value > best + 1e-12:
                best, chosen = value, (float(cut), float(other_cut))
    return chosen


def nested_cuts(
    probabilities: np.ndarray, targets: np.ndarray, fold: np.ndarray, other_rule: bool = True
) -> np.ndarray:
    """For each article, the (threshold, other threshold) chosen on the other folds."""
    out = np.zeros((len(probabilities), 2), dtype=np.float32)
    for k in np.unique(fold):
        mine = fold == k
        out[mine] = tune_narrative_thresholds(probabilities[~mine], targets[~mine], other_rule)
    return out


def language_scores(
    docs: Sequence[Document], gold: Sequence[Any], pred: Sequence[Any]
) -> dict[str, dict[str, float]]:
    """Per language: fine samples-F1 (the official figure) and coarse."""
    out: dict[str, dict[str, float]] = {}
    for language in sorted({language_of(d) for d in docs}):
        rows = [n for n, d in enumerate(docs) if language_of(d) == language]
        result = metrics.narratives_f1({str(n): gold[n] for n in rows}, {str(n): pred[n] for n in rows})
        out[language] = {"fine": round(result.value, 4), "coarse": round(result.extra["F1@coarse"], 4)}
    return out


def _fit(features: np.ndarray, targets: np.ndarray, rows: np.ndarray, s: NarrativeSettings) -> ArticleModel:
    heads = fit_heads(features, targets, rows, s)
    return ArticleModel(ArticleConfig(task="narratives", labels=NARRATIVE_LABELS), heads)


def scores_at(
    docs: Sequence[Document], probabilities: np.ndarray, targets: np.ndarray, cuts: np.ndarray
) -> dict[str, dict[str, float]]:
    """Per language, the official fine / coarse samples-F1 of ``probabilities`` decided at ``cuts``."""
    return language_scores(docs, _gold(targets), _decided(probabilities, cuts))


def first_sentences(text: str, sentences: Sequence[tuple[int, int]], count: int) -> str:
    """The baseline explanation: the article's first ``count`` sentences, quoted the same way."""
    return explain(text, [Evidence(s, e, -n) for n, (s, e) in enumerate(sentences)], sentences=count)[0]


def _cosines(encoder: Encoder, layers: Sequence[int], pairs: Sequence[tuple[str, str]]) -> list[float]:
    """Cosine of each pair of texts in the encoder (mean states of the last layer read)."""
    texts = [t.replace("\n", " ") for pair in pairs for t in pair]
    encoded = encode_texts(encoder, texts, layers[-1:], tokens=False)
    vectors = np.stack(
        [paragraph_features(e).mean(axis=0) if len(e.means) else np.zeros(e.means.shape[1]) for e in encoded]
    )
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-9)
    return [float(vectors[2 * n] @ vectors[2 * n + 1]) for n in range(len(pairs))]


def _explanations(
    encoder: Encoder,
    docs: Sequence[Document],
    pooled: Sequence[Pooled],
    models: dict[int, ArticleModel],
    oof: np.ndarray,
    cuts: np.ndarray,
    fold: np.ndarray,
    s: NarrativeSettings,
) -> dict[str, Any]:
    """Out-of-fold explanations against the annotators', with the first-sentences baseline."""
    rows: list[tuple[str, str, str, str]] = []  # language, gold, ours, baseline
    dominant_hits = 0
    for n, doc in enumerate(docs):
        gold = doc.labels_of("dominant_narrative")
        if not gold or not gold[0].attrs.get("explanation"):
            continue
        p = pooled[n]
        sentence_probabilities = models[int(fold[n])].probabilities(p.features.astype(np.float32))
        reading = read_narratives(
            doc.text,
            oof[n],
            p.spans,
            sentence_probabilities,
            float(cuts[n][0]),
            float(cuts[n][1]),
            explanation_sentences=s.explanation_sentences,
        )
        ours = reading.explanation or first_sentences(doc.text, p.spans, s.explanation_sentences)
        if reading.dominant is not None and reading.dominant[0] == gold[0].label:
            dominant_hits += 1
        baseline = first_sentences(doc.text, p.spans, s.explanation_sentences)
        rows.append((language_of(doc), str(gold[0].attrs["explanation"]), ours, baseline))
    if not rows:
        return {}
    ours_cos = _cosines(encoder, s.layers, [(g, o) for _, g, o, _ in rows])
    base_cos = _cosines(encoder, s.layers, [(g, b) for _, g, _, b in rows])
    out: dict[str, Any] = {
        "articles": len(rows),
        "dominant_narrative_accuracy": round(dominant_hits / len(rows), 4),
    }
    for language in sorted({r[0] for r in rows}):
        mine = [i for i, r in enumerate(rows) if r[0] == language]
        out[language] = {
            "articles": len(mine),
            "rouge_l": round(float(np.mean([metrics.rouge_l(rows[i][1], rows[i][2]) for i in mine])), 4),
            "rouge_l_first_sentences": round(
                float(np.mean([metrics.rouge_l(rows[i][1], rows[i][3]) for i in mine])), 4
            ),
            "cosine": round(float(np.mean([ours_cos[i] for i in mine])), 4),
            "cosine_first_sentences": round(float(np.mean([base_cos[i] for i in mine])), 4),
        }
    return out


def train_narratives(
    data_path: str | Path,
    out_dir: str | Path,
    settings: NarrativeSettings | None = None,
    say: Callable[[str], object] = print,
    progress: Callable[[str, int, int], object] | None = None,
    cache: str | Path | None = None,
) -> dict[str, Any]:
    """Train, cross-validate and save the narrative model; returns its card's figures."""
    s = settings or NarrativeSettings()
    started = time.perf_counter()
    docs = read_task10_data(data_path, annotated="narrative", say=say)
    if len(docs) < s.folds:
        raise NarrascopeError(
            "E020", f"{data_path}: {len(docs)} articles with narratives; need at least {s.folds}"
        )
    say(f"read {len(docs)} articles in {len({language_of(d) for d in docs})} language(s)")
    encoder = load_encoder(s.encoder, quantise=s.quantise)
    spans = [sentence_spans(d.text) for d in docs]
    setting = f"{s.encoder}|{s.quantise}|{encoder.autocast}"
    pooled, cached = pooled_features(
        encoder, [d.text for d in docs], spans, s.layers, setting, cache, progress
    )
    features = np.stack([p.article for p in pooled])
    encoding_seconds = time.perf_counter() - started
    say(f"encoded {len(docs) - cached} articles ({cached} from the cache) in {encoding_seconds:.0f} s")
    targets = narrative_targets(docs)
    fold = np.array([fold_of(d, s.folds) for d in docs])

    say(f"cross-validating ({s.folds} folds by article)")
    oof = {
        name: np.zeros(targets.shape, dtype=np.float32)
        for name in ("model", "linear head", "TF-IDF baseline")
    }
    models: dict[int, ArticleModel] = {}
    texts = [d.text for d in docs]
    for k in range(s.folds):
        fit, scored = np.flatnonzero(fold != k), fold == k
        models[k] = _fit(features, targets, fit, s)
        oof["model"][scored] = models[k].probabilities(features[scored])
        linear = fit_linear(
            features,
            targets,
            rows=fit,
            epochs=s.epochs,
            learning_rate=s.learning_rate,
            weight_decay=s.weight_decay,
            seed=s.seed,
        )
        oof["linear head"][scored] = linear.probabilities(features[scored])
        if s.baseline:
            oof["TF-IDF baseline"][scored] = baseline_probabilities(texts, targets, fold != k, scored)
        if progress is not None:
            progress("cross-validating", k + 1, s.folds)
    if not s.baseline:
        del oof["TF-IDF baseline"]
    gold = _gold(targets)
    cuts = {name: nested_cuts(p, targets, fold) for name, p in oof.items()}
    cross_validation = {name: language_scores(docs, gold, _decided(p, cuts[name])) for name, p in oof.items()}
    other = [({taxonomy.OTHER}, {taxonomy.OTHER})] * len(docs)
    cross_validation["Other everywhere"] = language_scores(docs, gold, other)

    say("scoring the explanations of the dominant narratives")
    explanations = _explanations(encoder, docs, pooled, models, oof["model"], cuts["model"], fold, s)

    say("fitting the shipped heads on every article")
    shipped = _fit(features, targets, np.arange(len(docs)), s)
    threshold, other_threshold = tune_narrative_thresholds(oof["model"], targets)
    seconds = time.perf_counter() - started
    config = ArticleConfig(
        task="narratives",
        labels=list(NARRATIVE_LABELS),
        threshold=threshold,
        other_threshold=other_threshold,
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
        "label_counts": {
            label: int(count)
            for label, count in zip(NARRATIVE_LABELS, targets.sum(axis=0), strict=True)
            if count
        },
        "other_articles": int((~targets.any(axis=1)).sum()),
        "settings": {**vars(s), "layers": list(s.layers)},
        "metric": "samples-F1 (subnarratives)",
        "cross_validation": cross_validation,
        "explanations": explanations,
    }
    model = ArticleModel(config, shipped.heads)
    model.save(out_dir)
    (Path(out_dir) / "MODEL_CARD.md").write_text(narrative_model_card(config), encoding="utf-8")
    say(f"saved the narrative model to {out_dir} ({seconds / 60:.1f} min in all)")
    return config.training
