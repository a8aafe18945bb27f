"""``narrascope train roles``: the entity-role model of SemEval-2025 Task 10 (subtask 1).

1. Every language folder under ``--data`` is read with its annotated mentions (re-anchored
   where the file's offsets do not fit the text, as the reader reports); each article is
   encoded once (:mod:`narrascope.models.pooled`, the cache shared with the narrative model):
   its vector, its sentences' and its mentions'.
2. **Cross-validation** by article (the task has no development set here): the model (MLP
   heads), a linear head and the majority baseline (each language's most frequent main and
   fine roles in the other folds) are scored with the official exact match ratio of the fine
   roles per language, and main-role accuracy. The threshold for a second fine role is chosen
   on the other folds.
3. **The cast gate** (:mod:`narrascope.models.cast_gate`): the entity analyzer is run on every
   article as ``analyze`` runs it, and gate heads learn which of the entities it finds the
   annotators cast; cross-validated by article at the entity level.
4. The shipped heads are fitted on every mention and saved with a model card.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from narrascope import metrics
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.models.article_training import HeadSettings, fit_heads, run_facts
from narrascope.models.card import role_model_card
from narrascope.models.cast_gate import (
    cross_validate_gate,
    entity_chances,
    found_mentions,
    gate_examples,
    gate_threshold,
)
from narrascope.models.encoder import load_encoder
from narrascope.models.heads import GRID, fit_linear
from narrascope.models.pooled import pooled_features
from narrascope.models.roles import (
    FINE,
    MAIN,
    ROLE_LABELS,
    RoleConfig,
    RoleModel,
    decide_role,
    mention_features,
)
from narrascope.models.training import read_task10_data
from narrascope.models.validation import fold_of, language_of
from narrascope.paragraphs import sentence_spans

#: What a newly trained cast gate counts as one entity: a person under all their names.
GATE_ENTITIES = "person"

__all__ = ["RoleSettings", "train_roles"]


@dataclass
class RoleSettings(HeadSettings):
    """The role model's settings: those of every head model (no baseline to switch off: the
    majority costs nothing), with a smaller hidden layer."""

    # Its input is three states wide (mention, sentence, article), so its heads were the
    # wheel's largest file at 256 units; 128 halve it for the same cross-validated figures
    # (README, "Narratives and roles": `--hidden 256` on the same cache).
    hidden: int = 128
    # The cast gate's heads see five times as many rows as the role heads: 8 epochs gave its
    # cross-validated F1 within 0.01 of 30, with less extreme probabilities, in a third of the time.
    gate_epochs: int = 8


@dataclass
class _Mentions:
    features: np.ndarray  # [M, 3D]
    targets: np.ndarray  # [M, 25] bool
    document: np.ndarray  # [M] the row of its article in docs
    keys: list[tuple[str, int, int]]  # (article id, start, end), as the scorer keys mentions


def _mentions(
    docs: Sequence[Document], pooled: Sequence[Any], sentences: Sequence[Sequence[tuple[int, int]]]
) -> _Mentions:
    rows, targets, owners, keys = [], [], [], []
    for n, doc in enumerate(docs):
        spans = doc.layer("role")
        if not spans:
            continue
        count = len(sentences[n])
        vectors = pooled[n].features.astype(np.float32)
        sentence_vectors, mention_vectors = vectors[:count], vectors[count : count + len(spans)]
        context = np.zeros_like(mention_vectors)
        for m, span in enumerate(spans):
            inside = [i for i, (s, e) in enumerate(sentences[n]) if s < span.end and span.start < e]
            context[m] = sentence_vectors[inside[0]] if inside else mention_vectors[m]
        rows.append(mention_features(mention_vectors, context, pooled[n].article))
        for span in spans:
            target = np.zeros(len(ROLE_LABELS), dtype=bool)
            target[MAIN.index(span.label)] = True
            for fine in span.attrs.get("fine_roles", []):
                target[len(MAIN) + FINE.index(fine)] = True
            targets.append(target)
            owners.append(n)
            keys.append((str(doc.metadata.get("article_id")), span.start, span.end))
    return _Mentions(np.concatenate(rows), np.stack(targets), np.array(owners), keys)


def _as_roles(targets: np.ndarray) -> list[tuple[str, frozenset[str]]]:
    return [
        (
            MAIN[int(np.argmax(row[: len(MAIN)]))],
            frozenset(FINE[j] for j in np.flatnonzero(row[len(MAIN) :])),
        )
        for row in targets
    ]


def _decided(probabilities: np.ndarray, cuts: np.ndarray) -> list[tuple[str, frozenset[str]]]:
    out = []
    for row, cut in zip(probabilities, cuts, strict=True):
        main, _, fine = decide_role(row, float(cut))
        out.append((main, frozenset(f for f, _ in fine)))
    return out


def _emr(gold: Sequence[tuple[str, frozenset[str]]], pred: Sequence[tuple[str, frozenset[str]]]) -> float:
    return sum(g[1] == p[1] for g, p in zip(gold, pred, strict=True)) / max(len(gold), 1)


def _tune(probabilities: np.ndarray, gold: Sequence[tuple[str, frozenset[str]]]) -> float:
    """The threshold for a second fine role that maximises the exact match ratio; ties to the higher
    one (fewer second roles)."""
    best, chosen = -1.0, 0.95
    for cut in GRID[::-1]:
        value = _emr(gold, _decided(probabilities, np.full(len(probabilities), cut)))
        if value > best + 1e-12:
            best, chosen = value, float(cut)
    return chosen


def _scores(
    m: _Mentions, docs: Sequence[Document], pred: Sequence[tuple[str, frozenset[str]]]
) -> dict[str, dict[str, float]]:
    gold = _as_roles(m.targets)
    out: dict[str, dict[str, float]] = {}
    languages = np.array([language_of(docs[int(d)]) for d in m.document])
    for language in sorted(set(languages.tolist())):
        rows = np.flatnonzero(languages == language).tolist()
        result = metrics.roles_scores({m.keys[i]: gold[i] for i in rows}, {m.keys[i]: pred[i] for i in rows})
        out[language] = {
            "emr": round(result.value, 4),
            "main_accuracy": round(float(result.extra["main-role-accuracy"]), 4),
        }
    return out


def _majority(
    m: _Mentions, docs: Sequence[Document], fit: np.ndarray, scored: np.ndarray
) -> list[tuple[str, frozenset[str]]]:
    """Each language's most frequent main role and fine-role set among the ``fit`` mentions."""
    gold = _as_roles(m.targets)
    language = [language_of(docs[int(d)]) for d in m.document]
    best: dict[str, tuple[str, frozenset[str]]] = {}
    for lang in set(language):
        mains = Counter(gold[i][0] for i in fit if language[i] == lang) or Counter(gold[i][0] for i in fit)
        fines = Counter(gold[i][1] for i in fit if language[i] == lang) or Counter(gold[i][1] for i in fit)
        best[lang] = (mains.most_common(1)[0][0], fines.most_common(1)[0][0])
    return [best[language[i]] for i in scored]


def train_roles(
    data_path: str | Path,
    out_dir: str | Path,
    settings: RoleSettings | None = None,
    say: Callable[[str], object] = print,
    progress: Callable[[str, int, int], object] | None = None,
    cache: str | Path | None = None,
) -> dict[str, Any]:
    """Train, cross-validate and save the role model; returns its card's figures."""
    s = settings or RoleSettings()
    started = time.perf_counter()
    docs = read_task10_data(data_path, annotated="role", say=say)
    docs = [d for d in docs if d.layer("role")]
    if len(docs) < s.folds:
        raise NarrascopeError(
            "E020", f"{data_path}: {len(docs)} articles with role mentions; need at least {s.folds}"
        )
    encoder = load_encoder(s.encoder, quantise=s.quantise)
    say(f"finding the entities of {len(docs)} articles, as analyze does (for the cast gate)")
    found = found_mentions(docs, say, progress)
    sentences = [sentence_spans(d.text) for d in docs]
    spans = [
        [*sentences[n], *((x.start, x.end) for x in d.layer("role")), *((x.start, x.end) for x in found[n])]
        for n, d in enumerate(docs)
    ]
    setting = f"{s.encoder}|{s.quantise}|{encoder.autocast}"
    pooled, cached = pooled_features(
        encoder, [d.text for d in docs], spans, s.layers, setting, cache, progress
    )
    encoding_seconds = time.perf_counter() - started
    m = _mentions(docs, pooled, sentences)
    say(
        f"read {len(m.keys)} mentions in {len(docs)} articles; encoded {len(docs) - cached} "
        f"({cached} from the cache) in {encoding_seconds:.0f} s"
    )
    article_fold = np.array([fold_of(d, s.folds) for d in docs])
    fold = article_fold[m.document]
    gold = _as_roles(m.targets)

    say(f"cross-validating ({s.folds} folds by article)")
    oof = {name: np.zeros(m.targets.shape, dtype=np.float32) for name in ("model", "linear head")}
    majority: list[tuple[str, frozenset[str]]] = [("", frozenset())] * len(gold)
    models: dict[int, RoleModel] = {}
    for k in range(s.folds):
        fit, scored = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        models[k] = _fit(m.features, m.targets, fit, s)
        oof["model"][scored] = models[k].probabilities(m.features[scored])
        linear = fit_linear(
            m.features,
            m.targets,
            rows=fit,
            epochs=s.epochs,
            learning_rate=s.learning_rate,
            weight_decay=s.weight_decay,
            seed=s.seed,
        )
        probabilities = linear.probabilities(m.features[scored])
        main = probabilities[:, : len(MAIN)]
        probabilities[:, : len(MAIN)] = main / main.sum(axis=1, keepdims=True).clip(min=1e-9)
        oof["linear head"][scored] = probabilities
        for i, value in zip(scored, _majority(m, docs, fit, scored), strict=True):
            majority[i] = value
        if progress is not None:
            progress("cross-validating", k + 1, s.folds)
    cross_validation: dict[str, dict[str, dict[str, float]]] = {}
    for name, probabilities in oof.items():
        cuts = np.zeros(len(gold), dtype=np.float32)
        for k in range(s.folds):
            others = np.flatnonzero(fold != k)
            cuts[fold == k] = _tune(probabilities[others], [gold[i] for i in others])
        cross_validation[name] = _scores(m, docs, _decided(probabilities, cuts))
    cross_validation["majority"] = _scores(m, docs, majority)

    gate = gate_examples(docs, pooled, sentences, found, RoleConfig(gate_entities=GATE_ENTITIES))
    gate_heads: list[Any] = []
    cast_threshold: float | None = None
    cast_gate: dict[str, dict[str, dict[str, float]]] = {}
    if gate.targets.any() and not gate.targets.all():
        say(
            f"cross-validating the cast gate on {len(gate.targets)} found mentions ({s.folds} folds by article)"
        )
        gated = replace(s, epochs=s.gate_epochs)
        cast_gate, gate_oof = cross_validate_gate(gate, docs, article_fold, gated)
        cast_threshold = gate_threshold(*entity_chances(gate, gate_oof))
        every = np.arange(len(gate.targets))
        gate_heads = fit_heads(gate.features, gate.targets[:, None], every, gated)
    else:
        say("no found mention to learn the cast gate from (or every one is cast): every mention will be cast")

    say("fitting the shipped heads on every mention")
    shipped = _fit(m.features, m.targets, np.arange(len(gold)), s)
    threshold = _tune(oof["model"], gold)
    seconds = time.perf_counter() - started
    config = RoleConfig(
        threshold=threshold,
        encoder=s.encoder,
        layers=list(s.layers),
        quantise=s.quantise,
        languages=sorted({d.language for d in docs if d.language}),
        cast_threshold=cast_threshold,
        gate_entities=GATE_ENTITIES,
    )
    languages = [language_of(docs[int(d)]) for d in m.document]
    config.training = {
        **run_facts(encoder, started, encoding_seconds, cached),
        "data": str(data_path),
        "articles": len(docs),
        "mentions": len(gold),
        "mentions_per_language": dict(sorted(Counter(languages).items())),
        "label_counts": {label: int(c) for label, c in zip(ROLE_LABELS, m.targets.sum(axis=0), strict=True)},
        "settings": {**vars(s), "layers": list(s.layers)},
        "metric": "exact match ratio (fine roles)",
        "cross_validation": cross_validation,
        "cast_gate": cast_gate,
    }
    model = RoleModel(config, shipped.heads, gate=gate_heads)
    model.save(out_dir)
    (Path(out_dir) / "MODEL_CARD.md").write_text(role_model_card(config), encoding="utf-8")
    say(f"saved the role model to {out_dir} ({seconds / 60:.1f} min in all)")
    return config.training


def _fit(features: np.ndarray, targets: np.ndarray, rows: np.ndarray, s: RoleSettings) -> RoleModel:
    heads = fit_heads(features, targets, rows, s)
    return RoleModel(RoleConfig(), heads)
