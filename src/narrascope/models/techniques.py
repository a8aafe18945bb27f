"""The persuasion-technique model: a frozen encoder, light heads, saved as safetensors.

What ships is only what differs from the base encoder: the heads' weights (a few
megabytes), their calibration and thresholds, and a config naming the encoder, the layers
read and the windowing. The encoder itself comes from its pinned package at load time.

``predict`` gives, for each text, the paragraph-level techniques (SemEval-2023 subtask 3:
each non-empty line, named by its line number, scored by an ensemble of a linear and a few
MLP heads, with the span head's strongest token in the paragraph mixed in, averaged with the
attention head of :mod:`~narrascope.models.attention`) and the technique spans (a linear head
over tokens, averaged with the attention head's token values), with their scores. Given each
text's language, a language of the training data gets only the techniques its annotators
used (``ModelConfig.not_annotated``: English's data has 19 of the 23).

A model folder holds ``config.json`` and ``heads.safetensors``. The config carries a format
version (``FORMAT``); a folder of another version is refused with E031, so that an old or
foreign folder fails once, clearly, instead of on every document. The SHA-256 of the weights
file identifies the model in the analysis provenance.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from narrascope.errors import NarrascopeError
from narrascope.models.attention import AttentionHead
from narrascope.models.encoder import DEFAULT_ENCODER, load_encoder
from narrascope.models.features import Encoded, encode_texts, group_maxima, paragraph_features, token_logits
from narrascope.models.heads import (
    Ensemble,
    LinearHead,
    MLPHead,
    TokenEvidence,
    blend,
    decode_spans,
    function_words_of,
    sigmoid,
)
from narrascope.models.shipped import folder_weights_sha256, model_folder

__all__ = [
    "DEFAULT_MODEL",
    "FORMAT",
    "ModelConfig",
    "Prediction",
    "TechniqueModel",
    "load_model",
    "weights_sha256",
]

DEFAULT_MODEL = "techniques-v7"
#: The version of the model folder's layout and config; bumped when either changes.
FORMAT = 7
#: Formats this narrascope reads: format 6 is format 7 without the languages' inventories,
#: format 5 format 6 without the attention head's span evidence, format 4 format 5 without
#: the attention head, format 3 format 4 without the token evidence.
_READABLE = (3, 4, 5, 6, 7)
_CONFIG = "config.json"
_WEIGHTS = "heads.safetensors"
_MLP_PARTS = ("hidden_weight", "hidden_bias", "weight", "bias")
_ATTENTION_PARTS = tuple(AttentionHead.__dataclass_fields__)


@dataclass
class ModelConfig:
    labels: list[str]
    paragraph_thresholds: list[float]
    span_thresholds: list[float]
    encoder: str = DEFAULT_ENCODER
    layers: list[int] = field(default_factory=lambda: [4, 8, 12])
    window: int = 256
    overlap: int = 64
    quantise: bool = False  # whether the encoder runs with int8 linear layers
    # ISO 639-1 codes of the languages in the training data; others are zero-shot.
    languages: list[str] = field(default_factory=list)
    # How the paragraph ensemble mixes its linear head with the mean of its MLP heads.
    linear_weight: float = 1.0
    # The attention head's weight against the ensemble (with its token evidence); 0 without one.
    attention_weight: float = 0.0
    # The attention head's token values' weight against the span head's in span decoding.
    span_attention_weight: float = 0.0
    # Training languages whose annotators never used some techniques, and those techniques:
    # in those languages they are not predicted (a per-language head would learn as much).
    not_annotated: dict[str, list[str]] = field(default_factory=dict)
    training: dict[str, Any] = field(default_factory=dict)
    format: int = FORMAT


@dataclass
class Prediction:
    """Paragraph labels ``(line, start, end, label, score)`` and spans ``(start, end, label, score)``."""

    paragraphs: list[tuple[int, int, int, str, float]]
    spans: list[tuple[int, int, str, float]]


class TechniqueModel:
    def __init__(
        self,
        config: ModelConfig,
        paragraph_head: Ensemble,
        span_head: LinearHead,
        sha256: str | None = None,
        evidence: TokenEvidence | None = None,
        attention: AttentionHead | None = None,
    ) -> None:
        self.config = config
        self.paragraph_head = paragraph_head
        self.span_head = span_head
        self.evidence = evidence  # the span head's strongest token as paragraph evidence
        self.attention = attention  # weighs config.attention_weight in the paragraph scores
        self.sha256 = sha256  # of the weights file it was loaded from

    @property
    def layers(self) -> tuple[int, ...]:
        return tuple(self.config.layers)

    def save(self, folder: str | Path) -> None:
        from safetensors.numpy import save_file

        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        tensors: dict[str, np.ndarray] = {}
        for name, head in (("paragraph", self.paragraph_head.linear), ("span", self.span_head)):
            for part in ("weight", "bias", "scale", "shift"):
                tensors[f"{name}.{part}"] = np.ascontiguousarray(getattr(head, part), dtype=np.float32)
        if self.evidence is not None:
            for part in ("scale", "shift", "weights"):
                tensors[f"evidence.{part}"] = np.ascontiguousarray(
                    getattr(self.evidence, part), dtype=np.float32
                )
        # MLP weights in float16 halve the wheel; their outputs move by less than 1e-3.
        for number, mlp in enumerate(self.paragraph_head.mlps):
            for part in _MLP_PARTS:
                tensors[f"paragraph.mlp{number}.{part}"] = np.ascontiguousarray(
                    getattr(mlp, part), dtype=np.float16
                )
        if self.attention is not None:
            for part in _ATTENTION_PARTS:
                tensors[f"attention.{part}"] = np.ascontiguousarray(
                    getattr(self.attention, part), dtype=np.float16
                )
        save_file(tensors, str(target / _WEIGHTS))
        self.sha256 = hashlib.sha256((target / _WEIGHTS).read_bytes()).hexdigest()
        (target / _CONFIG).write_text(json.dumps(asdict(self.config), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> TechniqueModel:
        from safetensors.numpy import load_file

        source = Path(folder)
        if not (source / _CONFIG).is_file() or not (source / _WEIGHTS).is_file():
            raise NarrascopeError("E031", f"{source}: not a technique model (needs {_CONFIG} and {_WEIGHTS})")
        raw = json.loads((source / _CONFIG).read_text(encoding="utf-8"))
        found = raw.get("format", 1) if isinstance(raw, dict) else None
        if found not in _READABLE:
            raise NarrascopeError(
                "E031",
                f"{source}: model format {found!r}, but this narrascope reads formats "
                f"{', '.join(map(str, _READABLE[:-1]))} and {_READABLE[-1]}; "
                "retrain it with `narrascope train techniques`",
            )
        try:
            config = ModelConfig(**raw)
        except TypeError as exc:
            raise NarrascopeError(
                "E031", f"{source}/{_CONFIG}: not a technique model config ({exc})"
            ) from None
        unknown = sorted(
            {str(label) for listed in config.not_annotated.values() for label in listed} - set(config.labels)
        )
        if unknown:
            raise NarrascopeError(
                "E031",
                f"{source}/{_CONFIG}: not_annotated names techniques the model does not have "
                f"({', '.join(unknown)}); retrain it with `narrascope train techniques`",
            )
        weights = (source / _WEIGHTS).read_bytes()
        tensors = load_file(str(source / _WEIGHTS))
        linear, span = (
            LinearHead(*(tensors[f"{name}.{part}"] for part in ("weight", "bias", "scale", "shift")))
            for name in ("paragraph", "span")
        )
        mlps: list[MLPHead] = []
        while f"paragraph.mlp{len(mlps)}.weight" in tensors:
            number = len(mlps)
            mlps.append(
                MLPHead(*(tensors[f"paragraph.mlp{number}.{part}"].astype(np.float32) for part in _MLP_PARTS))
            )
        paragraph = Ensemble(linear, mlps, config.linear_weight)
        evidence = (
            TokenEvidence(*(tensors[f"evidence.{part}"] for part in ("scale", "shift", "weights")))
            if "evidence.weights" in tensors
            else None
        )
        if evidence is not None and any(len(part) != len(config.labels) for part in vars(evidence).values()):
            # Caught here, once, rather than as a broadcasting error on every document.
            raise NarrascopeError(
                "E031",
                f"{source}/{_WEIGHTS}: token evidence for {len(evidence.weights)} techniques, "
                f"but the config names {len(config.labels)}; retrain it with `narrascope train techniques`",
            )
        attention = (
            AttentionHead(*(tensors[f"attention.{part}"].astype(np.float32) for part in _ATTENTION_PARTS))
            if "attention.value_bias" in tensors
            else None
        )
        if attention is not None and len(attention.value_bias) != len(config.labels):
            raise NarrascopeError(
                "E031",
                f"{source}/{_WEIGHTS}: an attention head for {len(attention.value_bias)} techniques, "
                f"but the config names {len(config.labels)}; retrain it with `narrascope train techniques`",
            )
        return cls(config, paragraph, span, hashlib.sha256(weights).hexdigest(), evidence, attention)

    def predict(
        self,
        texts: Sequence[str],
        threshold: float | None = None,
        batch_size: int = 16,
        precision: str = "auto",
        languages: Sequence[str | None] | None = None,
    ) -> list[Prediction]:
        """Techniques in each text, encoding it first (in ``precision``, see
        :func:`~narrascope.models.encoder.resolve_precision`); ``threshold`` replaces the tuned
        thresholds; ``languages`` (one ISO code per text) limits each text to its language's
        inventory (:meth:`predict_encoded`)."""
        encoder = load_encoder(self.config.encoder, quantise=self.config.quantise, precision=precision)
        out = []
        # Texts go through in groups, so that memory stays flat however many are given.
        for first in range(0, len(texts), self.group):
            group = texts[first : first + self.group]
            encoded = encode_texts(
                encoder, group, self.layers, self.config.window, self.config.overlap, batch_size=batch_size
            )
            codes = None if languages is None else languages[first : first + self.group]
            out.extend(self.predict_encoded(group, encoded, threshold, codes))
        return out

    group = 16

    def predict_encoded(
        self,
        texts: Sequence[str],
        encoded: Sequence[Encoded],
        threshold: float | None = None,
        languages: Sequence[str | None] | None = None,
        inventory: bool = True,
    ) -> list[Prediction]:
        """Techniques in texts already encoded with this model's encoder and layers (the shared
        pass). With ``languages`` (the texts' languages), spans of function words alone are
        dropped, and with ``inventory`` a text in a language of ``config.not_annotated`` gets
        none of the techniques listed there, neither on paragraphs nor as spans."""
        labels = self.config.labels
        k = len(labels)
        p_thresholds = (
            np.full(k, threshold) if threshold is not None else np.array(self.config.paragraph_thresholds)
        )
        s_thresholds = (
            np.full(k, threshold) if threshold is not None else np.array(self.config.span_thresholds)
        )
        out = []
        head = self.span_head
        codes = list(languages) if languages is not None else [None] * len(texts)
        for text, enc, language in zip(texts, encoded, codes, strict=True):
            # A technique this text's language's annotators never used gets an unreachable
            # threshold (a threshold of 0 given by the caller included).
            p_cut, s_cut = p_thresholds.astype(np.float64), s_thresholds.astype(np.float64)
            for name in self.config.not_annotated.get(language or "", []) if inventory else []:
                p_cut[labels.index(name)] = s_cut[labels.index(name)] = np.inf
            found: list[tuple[int, int, int, str, float]] = []
            logits = token_logits(enc, head.weight, head.bias)
            attended, values = (
                self.attention.scores(enc.features, enc.means, enc.owner)
                if self.attention is not None and enc.paragraphs
                else (None, None)
            )
            if enc.paragraphs:
                probabilities = self.paragraph_head.probabilities(paragraph_features(enc))
                if self.evidence is not None:
                    maxima = group_maxima(logits, enc.owner, len(enc.paragraphs))
                    probabilities = self.evidence.mix(probabilities, maxima)
                if attended is not None:
                    probabilities = blend(probabilities, sigmoid(attended), self.config.attention_weight)
                for row, (line, start, end) in enumerate(enc.paragraphs):
                    for index in np.flatnonzero(probabilities[row] >= p_cut):
                        found.append((line, start, end, labels[int(index)], float(probabilities[row, index])))
            spans: list[tuple[int, int, str, float]] = []
            if len(enc.offsets):
                token_probabilities = head.calibrated(logits)
                if values is not None and self.config.span_attention_weight:
                    token_probabilities = blend(
                        token_probabilities, sigmoid(values), self.config.span_attention_weight
                    )
                for start, end, label, score in decode_spans(
                    enc.offsets, token_probabilities, s_cut, text, function_words=function_words_of(language)
                ):
                    spans.append((start, end, labels[label], score))
            out.append(Prediction(found, spans))
        return out


def _folder(path: str | None) -> Path:
    return model_folder(path, DEFAULT_MODEL)


def weights_sha256(path: str | None = None) -> str:
    """The SHA-256 of a model folder's weights (without loading it): what identifies the model."""
    return folder_weights_sha256(_folder(path), _WEIGHTS, "a technique model")


@functools.cache
def load_model(path: str | None = None) -> TechniqueModel:
    """The model at ``path``, or the one that ships with narrascope; loaded once per process."""
    return TechniqueModel.load(_folder(path))
