"""Pooled features of a training corpus: one encoder pass per article, kept as an article
vector and one vector per span (sentence or entity mention), cached between runs.

The narrative and role models of SemEval-2025 Task 10 read the same articles: the narrative
heads their article vectors, the explanation their sentences, the role heads their mentions.
Token states of a whole corpus run to gigabytes, so articles are encoded a few at a time and
only the pooled vectors are kept. With a cache folder, what was encoded once (same encoder,
layers and text, and every span asked for) is read back instead of encoded again: encoding is
most of the time that training takes, and the narrative and role models share one cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from narrascope.models.encoder import Encoder
from narrascope.models.features import encode_texts, paragraph_features, span_means

__all__ = ["Pooled", "pooled_features"]

_FILE = "pooled-features.npz"


@dataclass
class Pooled:
    """One article: its vector ``[D]``, and the vectors ``[N, D]`` of its ``spans`` (float16)."""

    article: np.ndarray
    spans: list[tuple[int, int]]
    features: np.ndarray


def _key(setting: str, text: str) -> str:
    return hashlib.sha256(f"{setting}|{text}".encode()).hexdigest()


def _subset(pooled: Pooled, spans: Sequence[tuple[int, int]]) -> Pooled | None:
    """``pooled`` restricted to ``spans``, in their order; None if one of them is missing."""
    row = {span: n for n, span in enumerate(pooled.spans)}
    wanted = [(int(a), int(b)) for a, b in spans]
    if any(span not in row for span in wanted):
        return None
    return Pooled(pooled.article, wanted, pooled.features[[row[span] for span in wanted]])


def _read(path: Path) -> dict[str, Pooled]:
    if not path.is_file():
        return {}
    with np.load(path) as stored:
        keys, articles = stored["keys"].tolist(), stored["articles"]
        counts, offsets, features = stored["counts"], stored["offsets"], stored["features"]
    bounds = np.concatenate([[0], np.cumsum(counts)])
    return {
        key: Pooled(
            articles[n],
            [(int(a), int(b)) for a, b in offsets[bounds[n] : bounds[n + 1]]],
            features[bounds[n] : bounds[n + 1]],
        )
        for n, key in enumerate(keys)
    }


def _write(path: Path, known: dict[str, Pooled]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    items = list(known.values())
    width = items[0].article.shape[0]
    np.savez(
        path,
        keys=np.array(list(known)),
        articles=np.stack([p.article for p in items]),
        counts=np.array([len(p.spans) for p in items], dtype=np.int64),
        offsets=np.array([s for p in items for s in p.spans], dtype=np.int64).reshape(-1, 2),
        features=np.concatenate([p.features.reshape(-1, width) for p in items]).astype(np.float16),
    )


def pooled_features(
    encoder: Encoder,
    texts: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int]]],
    layers: Sequence[int],
    setting: str,
    cache: str | Path | None = None,
    progress: Callable[[str, int, int], object] | None = None,
    chunk: int = 24,
) -> tuple[list[Pooled], int]:
    """The pooled features of each text and its spans, and how many came from ``cache``.

    ``setting`` names everything besides the text that changes the features (encoder,
    precision, quantisation), so that a cache never answers for another encoder.
    """
    key_setting = f"{setting}|{list(layers)}"
    keys = [_key(key_setting, t) for t in texts]
    path = Path(cache) / _FILE if cache is not None else None
    known = _read(path) if path is not None else {}
    answers: dict[int, Pooled] = {}
    for n, key in enumerate(keys):
        found = _subset(known[key], spans[n]) if key in known else None
        if found is not None:
            answers[n] = found
    missing = [n for n in range(len(texts)) if n not in answers]
    total = sum(len([line for line in texts[n].split("\n") if line.strip()]) for n in missing)
    done = [0]

    def tick(count: int) -> None:
        done[0] += count
        if progress is not None:
            progress("encoding paragraphs", done[0], total)

    for first in range(0, len(missing), chunk):
        part = missing[first : first + chunk]
        encoded = encode_texts(encoder, [texts[n] for n in part], layers, progress=tick)
        for n, e in zip(part, encoded, strict=True):
            means = paragraph_features(e)
            article = means.mean(axis=0) if len(means) else np.zeros(means.shape[1], np.float32)
            # What the cache held for this text is kept: its spans and these, pooled anew.
            held = known[keys[n]].spans if keys[n] in known else []
            union = list(dict.fromkeys([*held, *((int(a), int(b)) for a, b in spans[n])]))
            known[keys[n]] = Pooled(
                np.asarray(article, np.float32), union, span_means(e, union).astype(np.float16)
            )
            found = _subset(known[keys[n]], spans[n])
            assert found is not None  # the union holds every span asked for
            answers[n] = found
    if path is not None and missing:
        _write(path, known)
    return [answers[n] for n in range(len(texts))], len(texts) - len(missing)
