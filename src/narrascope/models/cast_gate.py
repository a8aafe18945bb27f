"""The cast gate of the role model: which of the actors an article names it casts at all.

SemEval-2025's annotators cast only some of an article's actors: of the entities that the
entity analyzer finds in their articles, about one in six. ``narrascope train roles`` runs the
entity analyzer on the training articles as ``analyze`` runs it (:func:`found_mentions`); an
entity found is a cast one when one of its mentions overlaps an annotated mention, or its name
is one (:func:`gate_examples`). Gate heads learn that from the mentions' features
(:func:`~narrascope.models.roles.gate_features`), and are cross-validated by article at the
entity level, as ``analyze`` decides (:func:`~narrascope.models.roles.decide_cast`), next to
casting every entity and casting those named at least k times (:func:`cross_validate_gate`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from narrascope.document import Document, Span
from narrascope.models.article_training import HeadSettings, fit_heads
from narrascope.models.heads import GRID
from narrascope.models.roles import (
    RoleConfig,
    RoleModel,
    entity_cast,
    gate_entity,
    gate_features,
    mention_features,
)
from narrascope.models.validation import language_of

__all__ = [
    "GateExamples",
    "cross_validate_gate",
    "entity_chances",
    "found_mentions",
    "gate_examples",
    "gate_threshold",
]


#: What finds the mentions that ``analyze`` casts, as its default pipeline runs it.
_FINDERS = (
    "narrascope.language.v1",
    "narrascope.segment.v1",
    "narrascope.encoder.v1",
    "narrascope.entities.v1",
)


def found_mentions(
    docs: Sequence[Document], say: Callable[[str], object], progress: Callable[[str, int, int], object] | None
) -> list[list[Span]]:
    """The entity mentions that ``analyze`` would cast in each article (the entity analyzer's,
    less a date line's place); none where the analyzer does not cover the language."""
    from narrascope.analyzers.roles import castable
    from narrascope.config import load_config
    from narrascope.pipeline import Pipeline

    config = load_config()
    config.data["pipeline"]["analyzers"] = list(_FINDERS)
    pipeline = Pipeline(config)
    fresh = [Document(d.text, language=d.language, id=d.id) for d in docs]
    found: list[list[Span]] = []
    for outcome in pipeline.run(fresh):
        if outcome.document is None:
            say(f"{outcome.name}: no entities found ({outcome.error}); no cast-gate examples from it")
            found.append([])
        else:
            found.append(castable(outcome.document, outcome.document.layer("entity")))
        if progress is not None:
            progress("finding entities", len(found), len(docs))
    return found


@dataclass
class GateExamples:
    """The cast gate's examples: one row per found mention."""

    features: np.ndarray  # [N, G]
    targets: np.ndarray  # [N] bool: the mention's entity is cast in the article
    document: np.ndarray  # [N] the row of its article in docs
    entity: np.ndarray  # [N] its entity's number, counted over all articles
    named: np.ndarray  # [N] how often its entity is named in the article


def gate_examples(
    docs: Sequence[Document],
    pooled: Sequence[Any],
    sentences: Sequence[Sequence[tuple[int, int]]],
    found: Sequence[Sequence[Span]],
    config: RoleConfig,
) -> GateExamples:
    rows: list[np.ndarray] = []
    targets: list[bool] = []
    owners: list[int] = []
    entities: list[int] = []
    named: list[int] = []
    total = 0
    for n, doc in enumerate(docs):
        mentions = found[n]
        if not mentions:
            continue
        gold = doc.layer("role")
        start = len(sentences[n]) + len(gold)
        vectors = pooled[n].features.astype(np.float32)
        own = vectors[start : start + len(mentions)]
        context = np.zeros_like(own)
        for m, span in enumerate(mentions):
            inside = [i for i, (a, b) in enumerate(sentences[n]) if a < span.end and span.start < b]
            context[m] = vectors[inside[0]] if inside else own[m]
        keys = [gate_entity(doc, e, config).casefold() for e in mentions]
        rows.append(
            gate_features(
                mention_features(own, context, pooled[n].article),
                keys,
                [e.start for e in mentions],
                [e.label for e in mentions],
                len(doc.text),
            )
        )
        names = {g.text_in(doc).casefold() for g in gold}
        cast: dict[str, bool] = {}
        for key, span in zip(keys, mentions, strict=True):
            hit = any(g.start < span.end and span.start < g.end for g in gold)
            cast[key] = cast.get(key, False) or hit or key in names or span.text_in(doc).casefold() in names
        # Entities are numbered over all articles: the same name in two articles is two entities.
        number = {key: total + i for i, key in enumerate(dict.fromkeys(keys))}
        total += len(number)
        counts = Counter(keys)
        targets += [cast[key] for key in keys]
        owners += [n] * len(keys)
        entities += [number[key] for key in keys]
        named += [counts[key] for key in keys]
    width = 0 if not rows else rows[0].shape[1]
    return GateExamples(
        np.concatenate(rows) if rows else np.zeros((0, width), np.float32),
        np.array(targets, dtype=bool),
        np.array(owners, dtype=np.int64),
        np.array(entities, dtype=np.int64),
        np.array(named, dtype=np.int64),
    )


def _f1(guess: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    hits = float((guess & truth).sum())
    return (
        2 * hits / max(float(guess.sum() + truth.sum()), 1.0),
        hits / max(float(guess.sum()), 1.0),
        hits / max(float(truth.sum()), 1.0),
    )


def gate_threshold(probabilities: np.ndarray, truth: np.ndarray, likeliest: np.ndarray) -> float:
    """The entity probability that maximises F1 of "cast" under :func:`decide_cast` (each
    article's ``likeliest`` entity cast whatever its probability); ties to the higher one."""
    return float(max(GRID[::-1], key=lambda cut: _f1((probabilities >= cut) | likeliest, truth)[0]))


def _likeliest(chance: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Per entity: whether it is the likeliest of its article's, as :func:`decide_cast` has it."""
    top = np.full(int(article.max()) + 1 if len(article) else 0, -np.inf)
    np.maximum.at(top, article, chance)
    return np.asarray(chance == top[article], dtype=bool)


def _named_cut(named: np.ndarray, truth: np.ndarray) -> int:
    return max(range(1, 8), key=lambda k: (_f1(named >= k, truth)[0], -k))


def entity_chances(g: GateExamples, probabilities: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per entity: its chance (the mean of its mentions' ``probabilities``), whether it is cast,
    and whether it is its article's likeliest."""
    count = int(g.entity.max()) + 1
    chance = np.zeros(count, dtype=np.float32)
    chance[g.entity] = entity_cast(probabilities, [str(e) for e in g.entity])
    truth = np.zeros(count, dtype=bool)
    truth[g.entity] = g.targets
    article = np.zeros(count, dtype=np.int64)
    article[g.entity] = g.document
    return chance, truth, _likeliest(chance, article)


def cross_validate_gate(
    g: GateExamples, docs: Sequence[Document], article_fold: np.ndarray, s: HeadSettings
) -> tuple[dict[str, dict[str, dict[str, float]]], np.ndarray]:
    """Entity-level F1 / precision / recall of "cast" per language, out of fold (``s.folds``,
    heads as ``s`` says), for the gate,
    for casting every entity, and for casting those named at least k times (k chosen on the
    other folds); and the gate's out-of-fold mention probabilities."""
    oof = np.zeros(len(g.targets), dtype=np.float32)
    fold = article_fold[g.document]
    for k in range(s.folds):
        fit, scored = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        heads = fit_heads(g.features, g.targets[:, None], fit, s)
        oof[scored] = RoleModel(RoleConfig(), [], gate=heads).cast_probabilities(g.features[scored])
    chance, truth, likeliest = entity_chances(g, oof)
    count = len(chance)
    entity_fold = np.zeros(count, dtype=np.int64)
    entity_fold[g.entity] = fold
    named = np.zeros(count, dtype=np.int64)
    named[g.entity] = g.named
    language = np.empty(count, dtype=object)
    language[g.entity] = [language_of(docs[int(d)]) for d in g.document]
    gate = np.zeros(count, dtype=bool)
    often = np.zeros(count, dtype=bool)
    for k in range(s.folds):
        here, others = entity_fold == k, entity_fold != k
        cut = gate_threshold(chance[others], truth[others], likeliest[others])
        gate[here] = (chance[here] >= cut) | likeliest[here]
        often[here] = named[here] >= _named_cut(named[others], truth[others])
    out: dict[str, dict[str, dict[str, float]]] = {
        "gate": {},
        "every entity": {},
        "named at least k times": {},
    }
    for lang in sorted(set(language.tolist())):
        rows = language == lang
        for name, guess in (
            ("gate", gate),
            ("every entity", np.ones(count, bool)),
            ("named at least k times", often),
        ):
            f1, precision, recall = _f1(guess[rows], truth[rows])
            out[name][lang] = {
                "f1": round(f1, 4),
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "entities": int(rows.sum()),
                "cast": int(truth[rows].sum()),
            }
    return out, oof
