"""From texts to the features the technique heads read: one encoder pass per paragraph.

Each paragraph (non-empty line) is encoded on its own, frozen, in bf16 on the CPU, the way
e5 was trained to read passages. A token's feature is the concatenation of the hidden states
of a few layers (multi-layer pooling: a middle layer keeps more of the wording, the last one
more of the meaning); a paragraph's feature is the mean of those states over the paragraph.
``benchmarks/accuracy.py`` compares choices of layers. Token features for span detection add
the token's paragraph mean, so that a word is judged in its paragraph.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from narrascope.models.encoder import Encoder
from narrascope.paragraphs import paragraph_lines

__all__ = [
    "Encoded",
    "encode_texts",
    "group_maxima",
    "paragraph_features",
    "select_layers",
    "span_means",
    "token_features",
    "token_logits",
    "token_width",
]


@dataclass
class Encoded:
    """One text: its paragraphs, and its tokens with offsets and features.

    ``paragraphs`` holds (line number, start, end) of each non-empty line; ``offsets``
    ``[T, 2]`` and ``features`` ``[T, D]`` (float16) the tokens of all paragraphs in order;
    ``owner`` ``[T]`` each token's paragraph; ``means`` ``[P, D]`` each paragraph's mean state.
    """

    paragraphs: list[tuple[int, int, int]]
    offsets: np.ndarray
    features: np.ndarray
    owner: np.ndarray
    means: np.ndarray


def encode_texts(
    encoder: Encoder,
    texts: Sequence[str],
    layers: Sequence[int] = (8, 12),
    window: int = 256,
    overlap: int = 64,
    batch_size: int = 32,
    progress: Callable[[int], object] | None = None,
    tokens: bool = True,
    paragraphs: Sequence[Sequence[tuple[int, int, int]]] | None = None,
) -> list[Encoded]:
    """Encode each paragraph of each text on its own (the encoder was trained on passages of
    that size), in batches of similar length; ``progress`` is told of each encoded paragraph.
    A paragraph longer than ``window`` tokens is cut into windows overlapping by ``overlap``,
    each token keeping the window in which it sits farthest from an edge.

    Only the layers up to the deepest one in ``layers`` are run. With ``tokens=False`` only
    the paragraph means are kept (for comparing many layers at once without gigabytes of
    token states). ``paragraphs`` gives each text's (line, start, end) paragraphs, such as a
    document's ``paragraph`` layer; by default they are found with the same rule."""
    import torch

    tokenizer = encoder.tokenizer
    prefix = tokenizer.encode(encoder.prefix, add_special_tokens=False).ids if encoder.prefix else []
    bos, eos = tokenizer.token_to_id("<s>"), tokenizer.token_to_id("</s>")
    if bos is None:  # BERT-style vocabularies
        bos, eos = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    pad = tokenizer.token_to_id("<pad>") or 0
    chunk = window - 2 - len(prefix)
    stride = chunk - overlap
    dim = encoder.hidden_size * len(layers)

    units: list[tuple[int, int, list[int], np.ndarray]] = []  # text, paragraph, ids, offsets
    shells: list[Encoded] = []
    for number, text in enumerate(texts):
        found = list(paragraphs[number]) if paragraphs is not None else paragraph_lines(text)
        for index, (_, start, end) in enumerate(found):
            encoding = tokenizer.encode(text[start:end], add_special_tokens=False)
            offsets = np.array(encoding.offsets, dtype=np.int32).reshape(-1, 2) + start
            units.append((number, index, list(encoding.ids), offsets))
        shells.append(
            Encoded(
                found,
                np.zeros((0, 2), np.int32),
                np.zeros((0, dim), np.float16),
                np.zeros(0, np.int64),
                np.zeros((len(found), dim), np.float32),
            )
        )

    jobs: list[tuple[int, int, int]] = []  # (unit, start, end) of each window
    for unit, (_, _, ids, _) in enumerate(units):
        start = 0
        while True:
            end = min(start + chunk, len(ids))
            jobs.append((unit, start, end))
            if end >= len(ids):
                break
            start += stride
    # Each token's states go straight into its text's array (``base`` is where each unit's
    # tokens begin there): gathering them per unit and joining them afterwards held two copies.
    by_text: list[list[int]] = [[] for _ in texts]
    for unit, (number, _, _, _) in enumerate(units):
        by_text[number].append(unit)
    base = np.zeros(len(units), dtype=np.int64)
    totals = np.zeros(len(texts), dtype=np.int64)
    for unit, (number, _, ids, _) in enumerate(units):
        base[unit] = totals[number]
        totals[number] += len(ids)
    features = [np.zeros((total if tokens else 0, dim), dtype=np.float16) for total in totals]
    sums = np.zeros((len(units), dim), dtype=np.float64)
    counts = np.zeros(len(units), dtype=np.int64)
    # Similar lengths together: less padding, fewer wasted multiplications.
    jobs.sort(key=lambda job: job[2] - job[1])
    for first in range(0, len(jobs), batch_size):
        batch = jobs[first : first + batch_size]
        longest = max(end - start for _, start, end in batch) + 2 + len(prefix)
        input_ids = torch.full((len(batch), longest), pad, dtype=torch.long)
        mask = torch.zeros((len(batch), longest), dtype=torch.long)
        for row, (unit, start, end) in enumerate(batch):
            ids = [bos, *prefix, *units[unit][2][start:end], eos]
            input_ids[row, : len(ids)] = torch.tensor(ids)
            mask[row, : len(ids)] = 1
        autocast = (
            torch.autocast("cpu", dtype=torch.bfloat16) if encoder.autocast else contextlib.nullcontext()
        )
        with torch.no_grad(), autocast:
            hidden = encoder.hidden_states(input_ids, mask, layers)
        stacked = torch.cat(hidden, dim=-1).float().numpy()
        for row, (unit, start, end) in enumerate(batch):
            total = len(units[unit][2])
            length = end - start + 2 + len(prefix)
            sums[unit] += stacked[row, :length].sum(axis=0)
            counts[unit] += length
            own_from = start + (overlap // 2 if start > 0 else 0)
            own_to = end - (overlap // 2 if end < total else 0)
            skip = 1 + len(prefix)
            if tokens:
                at = base[unit]
                features[units[unit][0]][at + own_from : at + own_to] = stacked[
                    row, skip + own_from - start : skip + own_to - start
                ]
        if progress is not None:
            progress(len(batch))

    for number, members in enumerate(by_text):
        shell = shells[number]
        if not members:
            continue
        if tokens:
            shell.offsets = np.concatenate([units[u][3] for u in members])
            shell.features = features[number]
            shell.owner = np.concatenate([np.full(len(units[u][2]), units[u][1]) for u in members])
        for u in members:
            shell.means[units[u][1]] = sums[u] / max(counts[u], 1)
    return shells


def paragraph_features(encoded: Encoded) -> np.ndarray:
    """Features ``[P, D]`` of each paragraph: the mean of its encoder states (the layers' concatenation)."""
    return encoded.means.astype(np.float32)


def span_means(encoded: Encoded, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Features ``[N, D]`` of character spans (sentences, entity mentions): the mean state of the
    tokens that overlap each span.

    A span that no token overlaps (white space, or outside every paragraph) gets the mean of
    the paragraph around it, or zeros, so that every span has a row.
    """
    dim = encoded.means.shape[1]
    out = np.zeros((len(spans), dim), dtype=np.float32)
    if not len(spans):
        return out
    bounds = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    firsts = lasts = np.zeros(len(spans), dtype=np.int64)
    if len(encoded.offsets):
        # A prefix sum over all tokens would cost more than the spans' own tokens: a document
        # has a few dozen mentions but hundreds of tokens of a thousand columns each.
        ends = np.maximum.accumulate(encoded.offsets[:, 1])
        firsts = np.searchsorted(ends, bounds[:, 0], side="right")
        lasts = np.searchsorted(encoded.offsets[:, 0], bounds[:, 1], side="left")
    for row, (start, first, last) in enumerate(zip(bounds[:, 0], firsts, lasts, strict=True)):
        if last > first:
            out[row] = encoded.features[first:last].mean(axis=0, dtype=np.float64)
            continue
        for number, (_, p_start, p_end) in enumerate(encoded.paragraphs):
            if p_start <= start < p_end:
                out[row] = encoded.means[number]
                break
    return out


def token_features(encoded: Encoded) -> np.ndarray:
    """Features ``[T, 2D]`` of each token: its own states, and its paragraph's mean (float16)."""
    context = encoded.means[encoded.owner].astype(np.float16) if len(encoded.owner) else encoded.features
    return np.concatenate([encoded.features, context], axis=1)


def token_logits(encoded: Encoded, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """``token_features(encoded) @ weight.T + bias`` ``[T, K]``, without building those features:
    the paragraph-mean half of each row is the same for all of a paragraph's tokens, so its
    product is taken once per paragraph (half the multiplications, and no ``[T, 2D]`` copy)."""
    width = encoded.features.shape[1]
    own = np.asarray(encoded.features, dtype=np.float32) @ weight[:, :width].T
    if not len(encoded.owner):  # no tokens
        return np.zeros((0, len(bias)), dtype=np.float32)
    # Rounded to float16 first, as token_features stores them.
    context = encoded.means.astype(np.float16).astype(np.float32) @ weight[:, width:].T
    return np.asarray(own + context[encoded.owner] + bias, dtype=np.float32)


def group_maxima(values: np.ndarray, groups: np.ndarray, count: int, floor: float = -30.0) -> np.ndarray:
    """``[count, K]``: the column-wise maximum of the rows of ``values`` ``[N, K]`` in each group
    (``groups[i]`` is row i's group), ``floor`` for a group without rows. With token logits and
    the tokens' paragraphs: each paragraph's strongest token per technique."""
    out = np.full((count, values.shape[1]), floor, dtype=np.float32)
    if len(values):
        np.maximum.at(out, np.asarray(groups, dtype=np.int64), np.asarray(values, dtype=np.float32))
    return out


def token_width(encoded: Encoded) -> int:
    """The width of :func:`token_features`' rows."""
    return 2 * int(encoded.features.shape[1])


def select_layers(encoded: Encoded, have: Sequence[int], want: Sequence[int]) -> Encoded:
    """The states of layers ``want`` out of an encoding of layers ``have`` (each layer a block of columns).

    The encoder analyzer runs the union of what its heads read; each head takes its own
    layers, in its own order. Nothing is copied when the two lists are the same.
    """
    if list(have) == list(want):
        return encoded
    width = encoded.means.shape[1] // len(have)
    columns = np.concatenate(
        [np.arange(have.index(layer) * width, (have.index(layer) + 1) * width) for layer in want]
    )
    features = encoded.features[:, columns]
    return Encoded(encoded.paragraphs, encoded.offsets, features, encoded.owner, encoded.means[:, columns])
