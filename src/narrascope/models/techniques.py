"""The persuasion-technique model: a frozen encoder, light heads, saved as safetensors.

What ships is only what differs from the base encoder: the heads' weights (the encoder
heads a few hundred kilobytes, the lexical paragraph head about 6 MB), their calibration
and thresholds, and a config naming the encoder, the layers read and the windowing. The
encoder itself comes from its pinned package at load time. Paragraph scores are the mean
of the encoder head's and the lexical head's calibrated scores when the model has both.

``predict`` gives, for each text, the paragraph-level techniques (SemEval-2023 subtask 3:
each non-empty line, named by its line number) and the technique spans, with calibrated
scores.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from narrascope.errors import NarrascopeError
from narrascope.models.encoder import DEFAULT_ENCODER, load_encoder
from narrascope.models.features import encode_texts, paragraph_features, token_features
from narrascope.models.heads import LinearHead, decode_spans
from narrascope.models.lexical import LexicalHead

__all__ = ["DEFAULT_MIX", "DEFAULT_MODEL", "ModelConfig", "Prediction", "TechniqueModel", "load_model"]

DEFAULT_MODEL = "techniques-v1"
_CONFIG = "config.json"
_WEIGHTS = "heads.safetensors"
DEFAULT_MIX = 0.5
_LEXICAL_PARTS = ("columns", "idf", "weight", "bias", "scale", "shift")


@dataclass
class ModelConfig:
    labels: list[str]
    paragraph_thresholds: list[float]
    span_thresholds: list[float]
    encoder: str = DEFAULT_ENCODER
    layers: list[int] = field(default_factory=lambda: [8, 12])
    window: int = 256
    overlap: int = 64
    lexical: bool = False  # whether a lexical paragraph head is averaged in
    quantise: bool = False  # whether the encoder runs with int8 linear layers
    # Weight of the encoder head against the lexical one, per language (ISO 639-1), chosen in
    # training; other languages get DEFAULT_MIX.
    ensemble_weights: dict[str, float] = field(default_factory=dict)
    training: dict[str, Any] = field(default_factory=dict)


@dataclass
class Prediction:
    """Paragraph labels ``(line, start, end, label, score)`` and spans ``(start, end, label, score)``."""

    paragraphs: list[tuple[int, int, int, str, float]]
    spans: list[tuple[int, int, str, float]]


class TechniqueModel:
    def __init__(
        self,
        config: ModelConfig,
        paragraph_head: LinearHead,
        span_head: LinearHead,
        lexical_head: LexicalHead | None = None,
    ) -> None:
        self.config = config
        self.paragraph_head = paragraph_head
        self.span_head = span_head
        self.lexical_head = lexical_head
        config.lexical = lexical_head is not None

    def save(self, folder: str | Path) -> None:
        from safetensors.numpy import save_file

        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        tensors = {}
        for name, head in (("paragraph", self.paragraph_head), ("span", self.span_head)):
            for part in ("weight", "bias", "scale", "shift"):
                tensors[f"{name}.{part}"] = np.ascontiguousarray(getattr(head, part), dtype=np.float32)
        if self.lexical_head is not None:
            for part in _LEXICAL_PARTS:
                value = getattr(self.lexical_head, part)
                dtype = {"weight": np.float16, "columns": np.int32}.get(part, np.float32)
                tensors[f"lexical.{part}"] = np.ascontiguousarray(value, dtype=dtype)
        save_file(tensors, str(target / _WEIGHTS))
        (target / _CONFIG).write_text(json.dumps(asdict(self.config), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> TechniqueModel:
        from safetensors.numpy import load_file

        source = Path(folder)
        if not (source / _CONFIG).is_file() or not (source / _WEIGHTS).is_file():
            raise NarrascopeError("E031", f"{source}: not a technique model (needs {_CONFIG} and {_WEIGHTS})")
        config = ModelConfig(**json.loads((source / _CONFIG).read_text(encoding="utf-8")))
        tensors = load_file(str(source / _WEIGHTS))
        heads = [
            LinearHead(*(tensors[f"{name}.{part}"] for part in ("weight", "bias", "scale", "shift")))
            for name in ("paragraph", "span")
        ]
        lexical = None
        if config.lexical:
            lexical = LexicalHead(*(tensors[f"lexical.{part}"] for part in _LEXICAL_PARTS))
        return cls(config, heads[0], heads[1], lexical)

    def predict(
        self,
        texts: Sequence[str],
        threshold: float | None = None,
        batch_size: int = 16,
        languages: Sequence[str | None] | None = None,
    ) -> list[Prediction]:
        """Techniques in each text; ``threshold`` replaces the tuned per-technique thresholds.

        ``languages`` (ISO 639-1, one per text) picks each language's weighting of the heads.
        """
        encoder = load_encoder(self.config.encoder, quantise=self.config.quantise)
        given = list(languages) if languages is not None else [None] * len(texts)
        out = []
        # Texts go through in groups, so that memory stays flat however many are given.
        for first in range(0, len(texts), self.group):
            group = slice(first, first + self.group)
            out.extend(self._predict(encoder, texts[group], threshold, batch_size, given[group]))
        return out

    group = 16

    def _predict(
        self,
        encoder: Any,
        texts: Sequence[str],
        threshold: float | None,
        batch_size: int,
        languages: Sequence[str | None],
    ) -> list[Prediction]:
        encoded = encode_texts(
            encoder, texts, self.config.layers, self.config.window, self.config.overlap, batch_size=batch_size
        )
        labels = self.config.labels
        k = len(labels)
        p_thresholds = (
            np.full(k, threshold) if threshold is not None else np.array(self.config.paragraph_thresholds)
        )
        s_thresholds = (
            np.full(k, threshold) if threshold is not None else np.array(self.config.span_thresholds)
        )
        lexical: list[np.ndarray] = []
        if self.lexical_head is not None:
            # One call for the whole group: the n-gram hashing has a fixed cost per call.
            lines = [
                text[start:end]
                for text, enc in zip(texts, encoded, strict=True)
                for _, start, end in enc.paragraphs
            ]
            scores = self.lexical_head.probabilities(lines)
            bounds = np.cumsum([0] + [len(enc.paragraphs) for enc in encoded])
            lexical = [scores[bounds[i] : bounds[i + 1]] for i in range(len(encoded))]
        out = []
        for number, (text, enc) in enumerate(zip(texts, encoded, strict=True)):
            found: list[tuple[int, int, int, str, float]] = []
            if enc.paragraphs:
                probabilities = self.paragraph_head.probabilities(paragraph_features(enc))
                if lexical:
                    weight = self.config.ensemble_weights.get(languages[number] or "", DEFAULT_MIX)
                    probabilities = weight * probabilities + (1 - weight) * lexical[number]
                for row, (line, start, end) in enumerate(enc.paragraphs):
                    for index in np.flatnonzero(probabilities[row] >= p_thresholds):
                        found.append((line, start, end, labels[int(index)], float(probabilities[row, index])))
            spans: list[tuple[int, int, str, float]] = []
            if len(enc.offsets):
                token_probabilities = self.span_head.probabilities(token_features(enc))
                for start, end, label, score in decode_spans(
                    enc.offsets, token_probabilities, s_thresholds, text
                ):
                    spans.append((start, end, labels[label], score))
            out.append(Prediction(found, spans))
        return out


@functools.cache
def load_model(path: str | None = None) -> TechniqueModel:
    """The model at ``path``, or the one that ships with narrascope; loaded once per process."""
    if path is None or path == DEFAULT_MODEL:
        folder = resources.files("narrascope.models").joinpath("data", DEFAULT_MODEL)
        return TechniqueModel.load(Path(str(folder)))
    return TechniqueModel.load(path)
