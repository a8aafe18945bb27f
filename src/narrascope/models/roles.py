"""Entity roles of SemEval-2025 Task 10 (subtask 1): how an article casts each named actor.

For each entity mention, a main role (protagonist, antagonist or innocent: hero, villain,
victim) and one or more of the 22 fine roles under it (guardian, instigator, conspirator,
foreign adversary, victim, ...). The heads read the shared encoder pass: a mention's feature
is the mean state of its own tokens, next to the mean state of its sentence (how the sentence
speaks of it) and the article's vector (what the article is about). Each head has one output
per main role and per fine role; decoding keeps the task's hierarchy: the most probable main
role, its most probable fine role, and any other fine role under it at or above the threshold.

The annotators cast only some of an article's actors: of the people, organisations and places
that the entity analyzer finds in their articles, about one in six. A second set of heads, the
cast gate, says whether an entity plays a role in the article at all (from its mentions'
features, how often it is named, and where); ``narrascope.roles.v1`` casts only the entities
it passes, so that "who is the villain" does not list every name in the article.

A model folder holds ``config.json`` (``task: roles`` and a format version) and
``heads.safetensors``; the SHA-256 of the weights identifies the model in the provenance.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from narrascope import taxonomy
from narrascope.document import Document, Span
from narrascope.errors import NarrascopeError
from narrascope.models.encoder import DEFAULT_ENCODER
from narrascope.models.features import Encoded, paragraph_features, span_means
from narrascope.models.heads import (
    MLP_CONFIG,
    MLP_WEIGHTS,
    MLPHead,
    load_mlp_heads,
    mean_probability,
    save_mlp_heads,
)
from narrascope.models.shipped import folder_weights_sha256, model_folder

__all__ = [
    "FINE",
    "FORMAT",
    "GATE_TYPES",
    "MAIN",
    "ROLE_LABELS",
    "RoleConfig",
    "RoleModel",
    "decide_cast",
    "decide_role",
    "entity_cast",
    "gate_entity",
    "gate_features",
    "load_role_model",
    "mention_features",
    "role_weights_sha256",
]

MAIN: list[str] = list(taxonomy.MAIN_ROLES)
FINE: list[str] = list(taxonomy.FINE_ROLES)
#: The heads' columns: the 3 main roles, then the 22 fine roles.
ROLE_LABELS: list[str] = [*MAIN, *FINE]
SHIPPED = "roles-v5"
FORMAT = 2
#: Formats this narrascope reads: format 1 has no cast gate (every mention is cast).
_READABLE = (1, 2)
#: The entity types the cast gate tells apart (the entity analyzer's labels).
GATE_TYPES = ("PER", "ORG", "LOC", "NORP")
_CONFIG = MLP_CONFIG
_WEIGHTS = MLP_WEIGHTS


@dataclass
class RoleConfig:
    threshold: float = 0.5  # a second fine role under the main one needs this probability
    task: str = "roles"
    labels: list[str] = field(default_factory=lambda: list(ROLE_LABELS))
    encoder: str = DEFAULT_ENCODER
    layers: list[int] = field(default_factory=lambda: [4, 8, 12])
    window: int = 256
    overlap: int = 64
    quantise: bool = False
    languages: list[str] = field(default_factory=list)
    training: dict[str, Any] = field(default_factory=dict)
    format: int = FORMAT
    # The cast gate: how many of the saved heads (the last ones) it has, and the entity
    # probability it needs; None: no gate, every mention is cast.
    gate_heads: int = 0
    cast_threshold: float | None = None
    # What makes mentions one entity for the gate: "person", the entity analyzer's fullest
    # name of a person ("Dralenko" with "Viktor Dralenko"), or "normal", each normal form on
    # its own (roles-v3, trained before people had a ``person``).
    gate_entities: str = "normal"


def gate_entity(doc: Document, mention: Span, config: RoleConfig) -> str:
    """The entity that ``mention`` is one of, for the cast gate of a model with ``config``."""
    if config.gate_entities == "person":
        return mention.name_in(doc)
    return str(mention.attrs.get("normal") or mention.text_in(doc))


def _containing(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The first of ``spans`` (sentences) that overlaps [start, end); the mention itself if none."""
    for s_start, s_end in spans:
        if s_start < end and start < s_end:
            return s_start, s_end
    return start, end


def mention_features(mention: np.ndarray, sentence: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Rows ``[M, 3D]``: each mention's own vector, its sentence's and its article's."""
    return np.concatenate([mention, sentence, np.broadcast_to(article, mention.shape)], axis=1).astype(
        np.float32
    )


def encoded_mention_features(
    encoded: Encoded, mentions: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]
) -> np.ndarray:
    """:func:`mention_features` of ``mentions`` from one article's shared pass."""
    means = paragraph_features(encoded)
    article = means.mean(axis=0) if len(means) else np.zeros(means.shape[1], np.float32)
    context = [_containing(sentences, start, end) for start, end in mentions]
    return mention_features(span_means(encoded, mentions), span_means(encoded, context), article)


def gate_features(
    mentions: np.ndarray, entities: Sequence[str], starts: Sequence[int], types: Sequence[str], length: int
) -> np.ndarray:
    """The cast gate's rows ``[M, 3D + 3 + 4]`` for one article's found mentions: their
    :func:`mention_features`, then how often the mention's entity (``entities``: its
    :func:`gate_entity`) is named in the article (log), where it is first named and where this mention is (as a
    fraction of the text), and its type (one-hot over :data:`GATE_TYPES`)."""
    keys = [entity.casefold() for entity in entities]
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for key, start in zip(keys, starts, strict=True):
        counts[key] = counts.get(key, 0) + 1
        first[key] = min(first.get(key, start), start)
    extra = np.zeros((len(keys), 3 + len(GATE_TYPES)), dtype=np.float32)
    size = max(length, 1)
    for row, (key, start, kind) in enumerate(zip(keys, starts, types, strict=True)):
        extra[row, :3] = (np.log1p(counts[key]), first[key] / size, start / size)
        if kind in GATE_TYPES:
            extra[row, 3 + GATE_TYPES.index(kind)] = 1.0
    return np.concatenate([np.asarray(mentions, dtype=np.float32), extra], axis=1)


def entity_cast(probabilities: np.ndarray, entities: Sequence[str]) -> np.ndarray:
    """Each mention's entity's probability of being cast: the mean over the entity's mentions
    in the article, so that an actor is cast, or not, as a whole."""
    keys = [entity.casefold() for entity in entities]
    index = {key: n for n, key in enumerate(dict.fromkeys(keys))}
    rows = np.array([index[key] for key in keys], dtype=np.int64)
    sums = np.bincount(rows, weights=np.asarray(probabilities, dtype=np.float64), minlength=len(index))
    return (sums / np.bincount(rows, minlength=len(index)))[rows].astype(np.float32) if len(rows) else sums


def decide_cast(chances: np.ndarray, threshold: float) -> np.ndarray:
    """Which of one article's mentions are cast: those whose entity's chance (:func:`entity_cast`,
    shared by all its mentions) reaches ``threshold``, and always those of the article's likeliest entity, so that an
    article that names actors casts at least one (every annotated article casts one; on the
    training folds the rule also gained F1)."""
    chances = np.asarray(chances, dtype=np.float32)
    if not len(chances):
        return np.zeros(0, dtype=bool)
    return np.asarray((chances >= threshold) | (chances == chances.max()), dtype=bool)


def decide_role(row: np.ndarray, threshold: float) -> tuple[str, float, list[tuple[str, float]]]:
    """The main role with its probability, and its fine roles with theirs (most probable first).

    The hierarchy holds by construction: only fine roles under the chosen main role are
    considered, and there is always at least one.
    """
    main = MAIN[int(np.argmax(row[: len(MAIN)]))]
    under = [(n, f) for n, f in enumerate(FINE) if taxonomy.FINE_ROLES[f].main == main]
    ranked = sorted(under, key=lambda item: -row[len(MAIN) + item[0]])
    fine = [ranked[0]] + [item for item in ranked[1:] if row[len(MAIN) + item[0]] >= threshold]
    return (
        main,
        round(float(row[MAIN.index(main)]), 4),
        [(f, round(float(row[len(MAIN) + n]), 4)) for n, f in fine],
    )


class RoleModel:
    def __init__(
        self,
        config: RoleConfig,
        heads: list[MLPHead],
        sha256: str | None = None,
        gate: list[MLPHead] | None = None,
    ) -> None:
        self.config = config
        self.heads = heads
        self.sha256 = sha256
        self.gate = gate or []

    @property
    def has_gate(self) -> bool:
        return bool(self.gate) and self.config.cast_threshold is not None

    def cast_probabilities(self, gate_rows: np.ndarray) -> np.ndarray:
        """``[M]``: each found mention's probability that the article casts it (its
        :func:`gate_features` rows); mentions of one entity are decided with :func:`entity_cast`."""
        if not len(gate_rows) or not self.gate:
            return np.ones(len(gate_rows), dtype=np.float32)
        return mean_probability(self.gate, gate_rows)[:, 0]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """``[M, 25]``: main roles normalised to sum to 1, fine roles as the heads give them."""
        raw = mean_probability(self.heads, features)
        main = raw[:, : len(MAIN)]
        raw[:, : len(MAIN)] = main / main.sum(axis=1, keepdims=True).clip(min=1e-9)
        return raw

    def predict(self, features: np.ndarray) -> list[tuple[str, float, list[tuple[str, float]]]]:
        if not len(features):
            return []
        return [decide_role(row, self.config.threshold) for row in self.probabilities(features)]

    def save(self, folder: str | Path) -> None:
        self.config.gate_heads = len(self.gate)
        self.sha256 = save_mlp_heads(folder, [*self.heads, *self.gate], asdict(self.config))

    @classmethod
    def load(cls, folder: str | Path) -> RoleModel:
        """The role model in ``folder``; E031 if it is not one, or of another format."""
        source = Path(folder)

        def check(raw: dict[str, Any]) -> None:
            if raw.get("task") != "roles":
                raise NarrascopeError("E031", f"{source}: not a role model (config.json has no task 'roles')")
            if raw.get("format") not in _READABLE:
                raise NarrascopeError(
                    "E031",
                    f"{source}: role model format {raw.get('format')!r}, but this narrascope reads formats "
                    f"{', '.join(map(str, _READABLE))}; retrain it with `narrascope train roles`",
                )
            try:
                config = RoleConfig(**raw)
            except TypeError as exc:
                raise NarrascopeError(
                    "E031", f"{source}/{_CONFIG}: not a role model config ({exc})"
                ) from None
            if config.labels != ROLE_LABELS:
                raise NarrascopeError("E031", f"{source}: its roles are not the SemEval-2025 taxonomy's")

        raw, heads, sha256 = load_mlp_heads(source, "a role model", check)
        config = RoleConfig(**raw)
        split = len(heads) - config.gate_heads
        return cls(config, heads[:split], sha256, heads[split:])


def _folder(path: str | None) -> Path:
    return model_folder(path, SHIPPED)


def role_weights_sha256(path: str | None = None) -> str:
    """The SHA-256 of a role model folder's weights, without loading it."""
    return folder_weights_sha256(_folder(path), _WEIGHTS, "a role model")


@functools.cache
def load_role_model(path: str | None = None) -> RoleModel:
    """The role model at ``path``, or the one that ships; loaded once per process."""
    return RoleModel.load(_folder(path))
