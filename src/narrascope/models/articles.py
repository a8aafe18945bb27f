"""Article-level heads on the shared encoder pass: frames (14, several per article) and genre
(opinion, reporting or satire), as SemEval-2023 Task 3 subtasks 2 and 1 define them, and the
narratives and subnarratives of SemEval-2025 Task 10 (116 labels, read by
:mod:`narrascope.models.narratives`).

An article's feature is the mean of its paragraphs' mean encoder states (the layers the
technique model reads), so these heads cost nothing beyond the pass that ``analyze``
already makes. Each model is a few MLP heads (seeds differing) whose probabilities are
averaged (in cross-validation they beat a linear head on both tasks: the model cards show
both). Frames are the labels at or above one threshold; the genre is the most probable class.

A model folder holds ``config.json`` (with ``task`` and a format version) and
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
from narrascope.errors import NarrascopeError
from narrascope.models.encoder import DEFAULT_ENCODER
from narrascope.models.features import Encoded, paragraph_features
from narrascope.models.heads import (
    MLP_CONFIG,
    MLP_WEIGHTS,
    MLPHead,
    load_mlp_heads,
    mean_probability,
    save_mlp_heads,
)
from narrascope.models.narratives import NARRATIVE_LABELS
from narrascope.models.shipped import folder_weights_sha256, model_folder

__all__ = [
    "ARTICLE_TASKS",
    "FORMAT",
    "ArticleConfig",
    "ArticleModel",
    "article_features",
    "article_weights_sha256",
    "load_article_model",
]

#: Task -> (its labels, whether an article may have several, the model that ships).
ARTICLE_TASKS: dict[str, tuple[list[str], bool, str]] = {
    "frames": (list(taxonomy.FRAMES), True, "frames-v1"),
    "genre": (list(taxonomy.GENRES), False, "genre-v1"),
    # SemEval-2025 Task 10: read through narrascope.models.narratives (the Other rules, evidence)
    "narratives": (NARRATIVE_LABELS, True, "narratives-v1"),
}
FORMAT = 1
_CONFIG = MLP_CONFIG
_WEIGHTS = MLP_WEIGHTS


@dataclass
class ArticleConfig:
    task: str
    labels: list[str]
    threshold: float = 0.5  # frames and narratives: the cut-off on every label's probability
    other_threshold: float = 0.0  # narratives: "Other" when no narrative reaches it (0: no such rule)
    encoder: str = DEFAULT_ENCODER
    layers: list[int] = field(default_factory=lambda: [4, 8, 12])
    window: int = 256
    overlap: int = 64
    quantise: bool = False
    languages: list[str] = field(default_factory=list)
    training: dict[str, Any] = field(default_factory=dict)
    format: int = FORMAT


def article_features(encoded: Encoded) -> np.ndarray:
    """The article's feature ``[D]``: the mean of its paragraphs' features (zeros if it has none)."""
    paragraphs = paragraph_features(encoded)
    if not len(paragraphs):
        return np.zeros(paragraphs.shape[1], dtype=np.float32)
    return np.asarray(paragraphs.mean(axis=0), dtype=np.float32)


class ArticleModel:
    def __init__(self, config: ArticleConfig, heads: list[MLPHead], sha256: str | None = None) -> None:
        if config.task not in ARTICLE_TASKS:
            raise NarrascopeError(
                "E031", f"unknown article task {config.task!r}; known: {', '.join(ARTICLE_TASKS)}"
            )
        self.config = config
        self.heads = heads
        self.sha256 = sha256

    @property
    def multi_label(self) -> bool:
        return ARTICLE_TASKS[self.config.task][1]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """``[N, K]`` probabilities of each label for ``features`` ``[N, D]``; a genre's sum to 1."""
        probabilities = mean_probability(self.heads, features)
        if self.multi_label:
            return probabilities
        # One-vs-rest heads: normalised, their scores read as the share of belief in each class.
        return np.asarray(probabilities / probabilities.sum(axis=1, keepdims=True).clip(min=1e-9), np.float32)

    def predict_encoded(
        self, encoded: Sequence[Encoded], threshold: float | None = None
    ) -> list[list[tuple[str, float]]]:
        """For each encoded article, its labels with their scores, most probable first.

        Frames: every frame at or above ``threshold`` (the model's own by default). Genre: the
        most probable one, whatever its score.
        """
        if not encoded:
            return []
        probabilities = self.probabilities(np.stack([article_features(e) for e in encoded]))
        cut = self.config.threshold if threshold is None else threshold
        out = []
        for row in probabilities:
            order = np.argsort(-row, kind="stable")
            chosen = [i for i in order if row[i] >= cut] if self.multi_label else [int(order[0])]
            out.append([(self.config.labels[int(i)], float(row[i])) for i in chosen])
        return out

    def save(self, folder: str | Path) -> None:
        self.sha256 = save_mlp_heads(folder, self.heads, asdict(self.config))

    @classmethod
    def load(cls, folder: str | Path, task: str | None = None) -> ArticleModel:
        """The model in ``folder``; E031 if it is not an article model (of ``task``, if given)."""
        source = Path(folder)

        def check(raw: dict[str, Any]) -> None:
            if raw.get("format") != FORMAT:
                raise NarrascopeError(
                    "E031",
                    f"{source}: article model format {raw.get('format')!r}, but this narrascope reads "
                    f"format {FORMAT}; retrain it with `narrascope train frames|genre|narratives`",
                )
            try:
                ArticleConfig(**raw)
            except TypeError as exc:
                raise NarrascopeError(
                    "E031", f"{source}/{_CONFIG}: not an article model config ({exc})"
                ) from None
            if task is not None and raw.get("task") != task:
                raise NarrascopeError("E031", f"{source}: a {raw.get('task')} model, not a {task} model")

        raw, heads, sha256 = load_mlp_heads(source, "an article model", check)
        config = ArticleConfig(**raw)
        return cls(config, heads, sha256)


def _folder(task: str, path: str | None) -> Path:
    return model_folder(path, ARTICLE_TASKS[task][2])


def article_weights_sha256(task: str, path: str | None = None) -> str:
    """The SHA-256 of a model folder's weights, without loading it."""
    return folder_weights_sha256(_folder(task, path), _WEIGHTS, "an article model")


@functools.cache
def load_article_model(task: str, path: str | None = None) -> ArticleModel:
    """The ``task`` model at ``path``, or the one that ships; loaded once per process."""
    return ArticleModel.load(_folder(task, path), task)
