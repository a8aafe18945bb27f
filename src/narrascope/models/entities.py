"""The entity head: people, organisations and places in any language, from the shared encoder pass.

No pretrained entity recogniser for German, Italian, Spanish, Polish, Portuguese, Ukrainian
or Bulgarian installs offline from a pinned package, and no entity-annotated corpus for them
does either. So this head is trained on the states of the multilingual encoder that every
other head reads, with labels given by the recognisers that do install (spaCy for English and
French, natasha for Russian) on news articles; it carries over to the other languages because
the encoder maps them into one space. ``narrascope train entities`` measures that transfer
by leaving each teacher language out in turn; the model card lists the figures.

Each subword token gets one of seven tags (``O``, then ``B-`` and ``I-`` for PER, ORG, LOC)
from an MLP over its encoder states and four spelling features (starts a word, starts with a
capital, all capitals, a digit). A word takes the tag of its first token; a run of ``B``/``I``
words of one kind is an entity. Spans that start in lower case are dropped: in all the
languages covered a name starts with a capital, and the head's few lower-case hits are
common nouns.

A model folder holds ``config.json`` (``task: entities`` and a format version) and
``heads.safetensors``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from narrascope._chars import capital, in_word
from narrascope.errors import NarrascopeError
from narrascope.models.encoder import DEFAULT_ENCODER
from narrascope.models.features import Encoded
from narrascope.models.heads import MLP_WEIGHTS, MLPHead, load_mlp_heads, save_mlp_heads
from narrascope.models.shipped import folder_weights_sha256, model_folder

__all__ = [
    "ENTITY_KINDS",
    "TAGS",
    "EntityConfig",
    "EntityModel",
    "decode",
    "entity_weights_sha256",
    "load_entity_model",
    "token_inputs",
    "words",
]

ENTITY_KINDS = ("PER", "ORG", "LOC")
#: The head's outputs, in order.
TAGS: list[str] = ["O", *(f"{edge}-{kind}" for kind in ENTITY_KINDS for edge in ("B", "I"))]
SHIPPED = "entities-v1"
FORMAT = 1
#: The spelling features after the encoder states, in this order.
SPELLING = ("word_start", "capital", "all_caps", "digit")


@dataclass
class EntityConfig:
    task: str = "entities"
    format: int = FORMAT
    labels: list[str] = field(default_factory=lambda: list(TAGS))
    encoder: str = DEFAULT_ENCODER
    layers: list[int] = field(default_factory=lambda: [4, 8, 12])
    window: int = 256
    overlap: int = 64
    quantise: bool = False
    #: A name needs at least this mean tag probability over its words.
    min_score: float = 0.5
    #: The languages the head is measured on and used for (the teachers' own languages keep
    #: their teachers).
    languages: list[str] = field(default_factory=list)
    training: dict[str, Any] = field(default_factory=dict)


def words(text: str, encoded: Encoded) -> list[tuple[int, int, int, int]]:
    """Words as ``(first token, last token + 1, start, end)``: a token that begins with a space,
    a paragraph or after punctuation starts a new word; punctuation is a word of its own."""
    out: list[tuple[int, int, int, int]] = []
    offsets = encoded.offsets
    for t in range(len(offsets)):
        raw_start, end = int(offsets[t, 0]), int(offsets[t, 1])
        piece = text[raw_start:end]
        start = raw_start + (len(piece) - len(piece.lstrip()))
        if start >= end:
            continue
        if (
            out
            and raw_start == start
            and in_word(text[start])
            and encoded.owner[t] == encoded.owner[out[-1][0]]
            and start == out[-1][3]
            and in_word(text[out[-1][3] - 1])
        ):
            first, _, w_start, _ = out[-1]
            out[-1] = (first, t + 1, w_start, end)
        else:
            out.append((t, t + 1, start, end))
    return out


def token_inputs(text: str, encoded: Encoded) -> np.ndarray:
    """``[T, D + 4]`` float16: each token's encoder states, then its spelling features."""
    spelling = np.zeros((len(encoded.offsets), len(SPELLING)), dtype=np.float16)
    for first, last, start, end in words(text, encoded):
        word = text[start:end]
        spelling[first, 0] = 1.0
        spelling[first:last, 1] = float(word[:1].isupper())
        spelling[first:last, 2] = float(len(word) > 1 and word.isupper())
        spelling[first:last, 3] = float(any(c.isdigit() for c in word))
    return np.concatenate([encoded.features.astype(np.float16), spelling], axis=1)


class EntityModel:
    def __init__(self, config: EntityConfig, heads: list[MLPHead], sha256: str | None = None) -> None:
        self.config = config
        self.heads = heads
        self.sha256 = sha256

    def probabilities(self, inputs: np.ndarray) -> np.ndarray:
        """``[T, 7]`` tag probabilities (softmax of the mean of the heads' logits)."""
        logits = np.mean([head.logits(inputs) for head in self.heads], axis=0)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float32)

    def predict(self, text: str, encoded: Encoded) -> list[tuple[int, int, str, float]]:
        """Entities ``(start, end, kind, score)`` in ``text``, whose encoding is ``encoded``."""
        if not len(encoded.offsets):
            return []
        probabilities = self.probabilities(token_inputs(text, encoded))
        return decode(text, encoded, probabilities, self.config.min_score)

    def save(self, folder: str | Path) -> None:
        self.sha256 = save_mlp_heads(folder, self.heads, asdict(self.config))

    @classmethod
    def load(cls, folder: str | Path) -> EntityModel:
        """The entity model in ``folder``; E031 if it is not one, or of another format."""
        source = Path(folder)

        def check(raw: dict[str, Any]) -> None:
            if raw.get("task") != "entities":
                raise NarrascopeError(
                    "E031", f"{source}: not an entity model (config.json has no task 'entities')"
                )
            if raw.get("format") != FORMAT or raw.get("labels") != TAGS:
                raise NarrascopeError(
                    "E031",
                    f"{source}: entity model format {raw.get('format')!r}, but this narrascope reads "
                    f"format {FORMAT}; retrain it with `narrascope train entities`",
                )

        raw, heads, sha256 = load_mlp_heads(source, "an entity model", check)
        try:
            config = EntityConfig(**raw)
        except TypeError as exc:
            raise NarrascopeError("E031", f"{source}: not an entity model config ({exc})") from None
        return cls(config, heads, sha256)


def decode(
    text: str, encoded: Encoded, probabilities: np.ndarray, min_score: float
) -> list[tuple[int, int, str, float]]:
    """Runs of words of one kind, each word judged by its first token."""
    found: list[tuple[int, int, str, float]] = []
    current: list[Any] | None = None  # [start, end, kind, scores]
    tags = probabilities.argmax(axis=1)
    for first, _last, start, end in words(text, encoded):
        tag = TAGS[int(tags[first])]
        kind = tag[2:]
        joins = (
            current is not None
            and tag != "O"
            and (tag.startswith("I-") or not text[start].isalnum())
            and kind == current[2]
            and "\n" not in text[current[1] : start]
        )
        if joins:
            assert current is not None
            current[1] = end
            current[3].append(float(probabilities[first].max()))
            continue
        if current is not None:
            found.append(_finished(text, current))
            current = None
        if tag != "O" and text[start].isalnum():
            current = [start, end, kind, [float(probabilities[first].max())]]
    if current is not None:
        found.append(_finished(text, current))
    found = _whole_words(text, found)
    return [span for span in found if span[3] >= min_score and span[1] > span[0] and capital(text[span[0]])]


_APOSTROPHES = "'’ʼ"
_NAME_TAIL = re.compile(r"[\w'’ʼ-]*\w")


def _whole_words(text: str, found: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """Names that the tokeniser cut at an apostrophe or a hyphen, made whole again.

    The encoder's tokens split "Дем’яненко" and "Hans-Jürgen" at the mark, and the head then
    tends to end a name before it ("Оксана Дем") or begin one after it ("Jürgen Albers").
    A name is carried over an apostrophe after a capitalised word ("O’Brien", not the elided
    "d'Italia", whose article is no part of the name), and back over a hyphen after a
    capitalised word that is in no other name ("Hans-Jürgen", not "Trump-Putin").
    """
    out: list[tuple[int, int, str, float]] = []
    for start, end, kind, score in found:
        last_word = text.rfind(" ", start, end) + 1 or start
        if end + 1 < len(text) and text[end] in _APOSTROPHES and text[last_word].isupper():
            tail = _NAME_TAIL.match(text, end + 1)
            if tail is not None:
                end = tail.end()
        if start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
            word_start = start - 1
            while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "-"):
                word_start -= 1
            if text[word_start].isupper() and not (out and out[-1][1] >= word_start):
                start = word_start
        if out and (start < out[-1][1] or _split_name(text, out[-1], (start, end, kind, score))):
            if end > out[-1][1]:  # a name that the one before covers, or the rest of it
                out[-1] = (out[-1][0], end, out[-1][2], out[-1][3])
            continue
        out.append((start, end, kind, score))
    return out


def _split_name(text: str, before: tuple[int, int, str, float], after: tuple[int, int, str, float]) -> bool:
    """Whether two names of one kind are one that the head cut at a mark: a hyphenated first
    name ("Hans" + "Jürgen Albers"; not "Trump" + "Putin" of "Trump-Putin summit") or an elided
    article inside a name ("Banca d" + "Italia")."""
    if before[2] != after[2]:
        return False
    gap = text[before[1] : after[0]]
    first, second = text[before[0] : before[1]], text[after[0] : after[1]]
    if gap == "-":
        return len(first.split()) == 1 and len(second.split()) >= 2
    last = first.split()[-1]
    return len(gap) == 1 and gap in _APOSTROPHES and len(last) == 1 and last.islower()


def _finished(text: str, current: Sequence[Any]) -> tuple[int, int, str, float]:
    start, end, kind, scores = current
    # A name does not end in punctuation ("Kyiv," "Tusk.") unless it is part of it ("U.S.").
    while end > start and not in_word(text[end - 1]) and not (text[end - 1] == "." and end - start <= 5):
        end -= 1
    return int(start), int(end), str(kind), round(float(np.mean(scores)), 4)


def _folder(path: str | None) -> Path:
    return model_folder(path, SHIPPED)


def entity_weights_sha256(path: str | None = None) -> str:
    """The SHA-256 of an entity model folder's weights, without loading it."""
    return folder_weights_sha256(_folder(path), MLP_WEIGHTS, "an entity model")


@functools.cache
def load_entity_model(path: str | None = None) -> EntityModel:
    """The entity model at ``path``, or the one that ships; loaded once per process."""
    return EntityModel.load(_folder(path))
