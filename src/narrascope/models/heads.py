"""Light heads over frozen encoder features: fitting, calibration, thresholds, span decoding.

A linear head is one logistic regression per technique, trained together; an MLP head adds
one hidden layer; an ensemble averages a linear head with a few MLP heads. The frozen
multilingual encoder does the heavy lifting once per text window, and every head reads the
same features, so adding a head costs almost nothing at prediction time.
The linear head up-weights positive examples in the loss (by the square root of the
negative-to-positive ratio, capped). Linear scores are calibrated with Platt scaling on
held-out predictions, so that a score of 0.7 means what it says. Decision thresholds are
tuned on held-out articles: one for every label (``tune_global_threshold``) carried to new
outlets better than one per label (``tune_thresholds``). One per label pulled towards the
global one (``shrunk_thresholds``), as far as held-out micro-F1 asks (``choose_thresholds``),
lets a rare label whose scores run low find its own level without giving up what the global
one carries over; on SemEval-2023's development set the two came out even (the model card).
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from narrascope._chars import in_word

__all__ = [
    "MIX_WEIGHTS",
    "MLP_CONFIG",
    "MLP_WEIGHTS",
    "SHRINKS",
    "TOKEN_WEIGHTS",
    "Ensemble",
    "LinearHead",
    "MLPHead",
    "TokenEvidence",
    "best_global_threshold",
    "blend",
    "calibrate",
    "choose_mix_weight",
    "choose_thresholds",
    "choose_token_weights",
    "decode_spans",
    "fit_linear",
    "fit_mlp",
    "fit_mlps",
    "function_words_of",
    "gelu",
    "load_mlp_heads",
    "mean_probability",
    "reproducible",
    "save_mlp_heads",
    "shrunk_thresholds",
    "sigmoid",
    "tidy_edges",
    "tune_global_threshold",
    "tune_thresholds",
]

#: Candidate thresholds, on calibrated probabilities.
GRID = np.arange(0.05, 0.96, 0.025)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function, clipped so that extreme logits neither overflow nor warn."""
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


def blend(first: np.ndarray, second: np.ndarray, weight: float | np.ndarray) -> np.ndarray:
    """``(1 - weight) * first + weight * second`` in float32: how every pair of paragraph scorers
    is mixed (``weight`` a number, or one per technique)."""
    return np.asarray((1.0 - weight) * first + weight * second, dtype=np.float32)


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form, as the MLP and attention heads are trained: numpy has no erf, and
    the two forms differ by less than 1e-3."""
    # x * x * x, not x**3: numpy's general power is several times slower on float32 arrays, and the
    # token-level attention head calls this on [tokens, hidden] for every document.
    inner = x * (0.7978845608 + 0.7978845608 * 0.044715 * (x * x))
    return np.asarray(0.5 * x * (1.0 + np.tanh(inner)))


@dataclass
class LinearHead:
    """``sigmoid(a * (x @ weight.T + bias) + b)`` per label: a linear head with Platt scaling."""

    weight: np.ndarray  # [K, D]
    bias: np.ndarray  # [K]
    scale: np.ndarray  # [K] Platt a
    shift: np.ndarray  # [K] Platt b

    def logits(self, features: np.ndarray, rows: np.ndarray | None = None, chunk: int = 65536) -> np.ndarray:
        """Raw scores of ``features`` (of its ``rows`` only, if given), a chunk at a time: token
        features in float16 run to gigabytes, and a float32 copy of them all would double that."""
        count = len(features) if rows is None else len(rows)
        out = np.empty((count, len(self.bias)), dtype=np.float32)
        for first in range(0, count, chunk):
            part = features[first : first + chunk] if rows is None else features[rows[first : first + chunk]]
            out[first : first + chunk] = np.asarray(part, dtype=np.float32) @ self.weight.T + self.bias
        return out

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return self.calibrated(self.logits(features))

    def calibrated(self, logits: np.ndarray) -> np.ndarray:
        """Probabilities from this head's raw ``logits`` (Platt scaling)."""
        return sigmoid(logits * self.scale + self.shift)


@dataclass
class MLPHead:
    """One hidden layer (GELU, tanh form) between the features and one logit per label.

    The input standardisation is folded into the hidden layer, as in ``fit_linear``.
    """

    hidden_weight: np.ndarray  # [H, D]
    hidden_bias: np.ndarray  # [H]
    weight: np.ndarray  # [K, H]
    bias: np.ndarray  # [K]

    def logits(self, features: np.ndarray) -> np.ndarray:
        hidden = gelu(np.asarray(features, dtype=np.float32) @ self.hidden_weight.T + self.hidden_bias)
        return np.asarray(hidden @ self.weight.T + self.bias, dtype=np.float32)


@dataclass
class Ensemble:
    """The mean of a calibrated linear head and a few MLP heads, weighted ``linear_weight``.

    On the SemEval-2023 development set the linear head alone ranks the frequent techniques
    best and the MLP heads the rare ones (higher macro-F1); their average gained in every
    language (``benchmarks/accuracy.py``).
    """

    linear: LinearHead
    mlps: list[MLPHead]
    linear_weight: float = 0.5

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        linear = self.linear.probabilities(features)
        if not self.mlps:
            return linear
        mlp = mean_probability(self.mlps, features)
        return blend(mlp, linear, self.linear_weight)


@dataclass
class TokenEvidence:
    """The span head's strongest token in a paragraph, as evidence for the paragraph's labels.

    A paragraph's probability of a technique becomes ``(1 - w) * p + w * q``, where ``p`` is
    the paragraph ensemble's and ``q`` the Platt-calibrated maximum of the span head's token
    logits for that technique in the paragraph. A single word can carry loaded language or
    name calling, and the mean of a long paragraph's states dilutes it; the span head, trained
    on the annotated spans, finds it. ``w`` is one weight per technique, chosen on the training
    folds' out-of-fold predictions (:func:`choose_token_weights`), never on the development set.
    """

    scale: np.ndarray  # [K] Platt a, on the maximum token logit
    shift: np.ndarray  # [K] Platt b
    weights: np.ndarray  # [K] w

    def probabilities(self, maxima: np.ndarray) -> np.ndarray:
        """``q``: calibrated probabilities ``[P, K]`` from the paragraphs' maximum token logits."""
        return sigmoid(maxima * self.scale + self.shift).astype(np.float32)

    def mix(self, paragraph: np.ndarray, maxima: np.ndarray) -> np.ndarray:
        """The paragraph probabilities ``[P, K]`` with the token evidence mixed in."""
        return blend(paragraph, self.probabilities(maxima), self.weights)


#: Candidate token-evidence weights.
TOKEN_WEIGHTS = np.round(np.arange(0.0, 0.81, 0.1), 2)


def choose_token_weights(
    paragraph: np.ndarray,
    evidence: np.ndarray,
    targets: np.ndarray,
    grid: np.ndarray = TOKEN_WEIGHTS,
    min_positives: int = 5,
) -> np.ndarray:
    """Per technique, the weight of the token evidence (``q``) against the paragraph ensemble
    (``p``) that ranks held-out paragraphs best: the highest average precision, which needs no
    threshold. Techniques with fewer than ``min_positives`` examples keep 0. Choosing them on
    the training folds leaves the development set to judge them: the model card gives its
    figures with and without the token evidence.
    """
    from sklearn.metrics import average_precision_score

    out = np.zeros(targets.shape[1], dtype=np.float32)
    for label in range(targets.shape[1]):
        truth = targets[:, label].astype(bool)
        if truth.sum() < min_positives:
            continue
        scores = [
            average_precision_score(truth, (1 - w) * paragraph[:, label] + w * evidence[:, label])
            for w in grid
        ]
        out[label] = grid[int(np.argmax(scores))]  # ties go to the smaller weight
    return out


def mean_probability(heads: list[MLPHead], features: np.ndarray) -> np.ndarray:
    """The mean of the heads' probabilities."""
    return np.asarray(np.mean([sigmoid(head.logits(features)) for head in heads], axis=0), dtype=np.float32)


@contextlib.contextmanager
def reproducible() -> Iterator[None]:
    """Torch's deterministic kernels while a head trains, so that the same seed, data and
    number of threads give the same weights. Without them, a head trained while the machine
    was busy came out different in the last bits (scatters and index additions split their
    work by load), which tuned thresholds turned into development F1 moving by up to 0.005
    between runs of the same command; ``benchmarks/reproducible.py`` shows both."""
    import torch

    before = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.use_deterministic_algorithms(before)


def _standardisation(x: Any, chosen: np.ndarray) -> tuple[Any, Any]:
    """Mean and standard deviation of ``x[chosen]``, summed in float64 a chunk at a time."""
    import torch

    total = torch.zeros(x.shape[1], dtype=torch.float64)
    squares = torch.zeros(x.shape[1], dtype=torch.float64)
    for first in range(0, len(chosen), 65536):
        part = x[torch.from_numpy(chosen[first : first + 65536])].double()
        total += part.sum(0)
        squares += (part * part).sum(0)
    mean64 = total / len(chosen)
    std = torch.sqrt((squares / len(chosen) - mean64 * mean64).clamp(min=1e-8)).float().clamp(min=1e-4)
    return mean64.float(), std


def _as_tensor(features: np.ndarray) -> Any:
    import torch

    # A read-only array (memory-mapped features) cannot be shared with torch without a copy.
    if features.flags.writeable:
        return torch.from_numpy(np.ascontiguousarray(features))
    return torch.tensor(features)


def _train(
    network: Any,
    x: Any,
    y: Any,
    chosen: np.ndarray,
    standardisation: tuple[Any, Any],
    loss_fn: Any,
    optimiser: Any,
    schedule: Any,
    epochs: int,
    batch_size: int,
    generator: Any,
) -> None:
    """Mini-batch training over rows ``chosen`` of ``x`` (``y`` holds their targets, in that
    order), standardising each batch on the fly so that ``x`` is never copied whole."""
    import torch

    mean, std = standardisation
    index = torch.from_numpy(chosen)
    network.train()
    for _ in range(epochs):
        order = torch.randperm(len(chosen), generator=generator)
        for first in range(0, len(chosen), batch_size):
            batch = order[first : first + batch_size]
            inputs = (x[index[batch]].float() - mean) / std
            loss = loss_fn(network(inputs), y[batch])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            if schedule is not None:
                schedule.step()
    network.eval()


@reproducible()
def fit_linear(
    features: np.ndarray,
    targets: np.ndarray,
    epochs: int = 30,
    batch_size: int = 256,
    learning_rate: float = 1e-3,
    weight_decay: float = 1e-4,
    seed: int = 0,
    max_pos_weight: float = 10.0,
    rows: np.ndarray | None = None,
) -> LinearHead:
    """One logistic regression per column of ``targets``, trained jointly with AdamW.

    ``rows`` restricts training to those rows without copying ``features``, which for token
    features runs to gigabytes. Inputs are standardised (statistics computed in chunks, in
    float32) and the standardisation is folded into the returned weights.
    """
    import torch

    generator = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    chosen = np.arange(len(features)) if rows is None else np.asarray(rows)
    x = _as_tensor(features)
    y = torch.from_numpy(targets[chosen].astype(np.float32))
    positives = y.sum(0)
    negatives = y.shape[0] - positives
    pos_weight = torch.clamp(torch.sqrt(negatives / positives.clamp(min=1)), 1.0, max_pos_weight)
    mean, std = _standardisation(x, chosen)
    layer = torch.nn.Linear(x.shape[1], y.shape[1])
    torch.nn.init.zeros_(layer.weight)
    torch.nn.init.zeros_(layer.bias)
    optimiser = torch.optim.AdamW(layer.parameters(), lr=learning_rate, weight_decay=weight_decay)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    _train(layer, x, y, chosen, (mean, std), loss_fn, optimiser, None, epochs, batch_size, generator)
    # Fold the standardisation into the weights: prediction needs only x @ W.T + b.
    with torch.no_grad():
        weight = (layer.weight / std).numpy().astype(np.float32)
        bias = (layer.bias - (layer.weight * mean / std).sum(1)).numpy().astype(np.float32)
    ones, zeros = np.ones(y.shape[1], np.float32), np.zeros(y.shape[1], np.float32)
    return LinearHead(weight, bias, ones, zeros)


@reproducible()
def fit_mlp(
    features: np.ndarray,
    targets: np.ndarray,
    hidden: int = 512,
    epochs: int = 8,
    batch_size: int = 128,
    learning_rate: float = 1e-3,
    weight_decay: float = 1e-2,
    dropout: float = 0.3,
    input_dropout: float = 0.1,
    seed: int = 0,
    rows: np.ndarray | None = None,
    exclusive: bool = False,
) -> MLPHead:
    """An MLP head fitted with AdamW and a one-cycle learning rate, with dropout on the
    standardised inputs and on the hidden layer. ``exclusive`` heads have one right label per
    row (``targets`` one-hot, as tags are) and learn a softmax over them instead of one
    sigmoid per label.

    The loss weighs positive and negative examples alike: up-weighting the positives, as
    ``fit_linear`` does, lost English micro-F1 on the development set in the ensemble.
    """
    import torch

    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    chosen = np.arange(len(features)) if rows is None else np.asarray(rows)
    x = _as_tensor(features)
    y = torch.from_numpy(targets[chosen].astype(np.float32))
    mean, std = _standardisation(x, chosen)
    first_layer = torch.nn.Linear(x.shape[1], hidden)
    last_layer = torch.nn.Linear(hidden, y.shape[1])
    network = torch.nn.Sequential(
        torch.nn.Dropout(input_dropout),
        first_layer,
        torch.nn.GELU(approximate="tanh"),
        torch.nn.Dropout(dropout),
        last_layer,
    )
    optimiser = torch.optim.AdamW(network.parameters(), lr=learning_rate, weight_decay=weight_decay)
    steps = epochs * -(-len(chosen) // batch_size)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=learning_rate, total_steps=steps)
    loss_fn = torch.nn.CrossEntropyLoss() if exclusive else torch.nn.BCEWithLogitsLoss()
    _train(network, x, y, chosen, (mean, std), loss_fn, optimiser, schedule, epochs, batch_size, generator)
    with torch.no_grad():
        hidden_weight = (first_layer.weight / std).numpy().astype(np.float32)
        hidden_bias = (first_layer.bias - (first_layer.weight * mean / std).sum(1)).numpy().astype(np.float32)
        return MLPHead(
            hidden_weight,
            hidden_bias,
            last_layer.weight.numpy().astype(np.float32),
            last_layer.bias.numpy().astype(np.float32),
        )


def fit_mlps(
    features: np.ndarray, targets: np.ndarray, heads: int, seed: int = 0, **settings: Any
) -> list[MLPHead]:
    """``heads`` MLP heads that differ only in their seeds (``seed``, ``seed + 1``, ...), for an
    ensemble; ``settings`` go to :func:`fit_mlp`."""
    return [fit_mlp(features, targets, seed=seed + number, **settings) for number in range(heads)]


def calibrate(head: LinearHead, logits: np.ndarray, targets: np.ndarray) -> LinearHead:
    """Platt scaling per label, fitted on held-out ``logits`` (from ``head.logits``)."""
    import torch

    z = torch.from_numpy(logits.astype(np.float32))
    y = torch.from_numpy(targets.astype(np.float32))
    scale = torch.ones(z.shape[1], requires_grad=True)
    shift = torch.zeros(z.shape[1], requires_grad=True)
    optimiser = torch.optim.LBFGS([scale, shift], max_iter=200, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        optimiser.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(z * scale + shift, y)
        loss.backward()  # type: ignore[no-untyped-call]
        return loss

    optimiser.step(closure)  # type: ignore[no-untyped-call]
    return LinearHead(head.weight, head.bias, scale.detach().numpy(), shift.detach().numpy())


def tune_thresholds(
    probabilities: np.ndarray, targets: np.ndarray, grid: np.ndarray | None = None
) -> np.ndarray:
    """Per label, the threshold on held-out probabilities that maximises that label's F1.

    A label with no positive example keeps 0.5: nothing to learn it from.
    """
    grid = GRID if grid is None else grid
    out = np.full(targets.shape[1], 0.5, dtype=np.float32)
    for label in range(targets.shape[1]):
        truth = targets[:, label].astype(bool)
        if not truth.any():
            continue
        best = -1.0
        for threshold in grid:
            guess = probabilities[:, label] >= threshold
            tp = float((guess & truth).sum())
            f1 = 2 * tp / (guess.sum() + truth.sum()) if tp else 0.0
            if f1 > best:
                best, out[label] = f1, threshold
    return out


def tune_global_threshold(
    probabilities: np.ndarray, targets: np.ndarray, grid: np.ndarray | None = None
) -> float:
    """One threshold for every label: the one that maximises micro-F1 over all labels.

    Per-label thresholds tuned on one set of articles overfit it: on the SemEval-2023
    development set (other outlets and months than the training set), per-technique
    thresholds from the training folds scored up to 0.06 micro-F1 below one threshold (the
    model card). Ties go to the lower one.
    """
    return best_global_threshold(probabilities, targets, grid)[0]


def _micro_f1(guess: np.ndarray, truth: np.ndarray) -> float:
    tp = float((guess & truth).sum())
    return 2 * tp / float(guess.sum() + truth.sum()) if tp else 0.0


def best_global_threshold(
    probabilities: np.ndarray, targets: np.ndarray, grid: np.ndarray | None = None
) -> tuple[float, float]:
    """:func:`tune_global_threshold`'s threshold and the micro-F1 it reaches."""
    grid = GRID if grid is None else grid
    truth = targets.astype(bool)
    best, chosen = -1.0, 0.5
    for threshold in grid:
        f1 = _micro_f1(probabilities >= threshold, truth)
        if f1 > best:
            best, chosen = f1, float(threshold)
    return round(chosen, 4), best  # rounded: the grid's float steps would show as 0.20000000000000007


#: Candidate weights of the global threshold against each label's own (1 is the global one alone).
SHRINKS = np.round(np.arange(0.5, 1.01, 0.05), 2)


def shrunk_thresholds(probabilities: np.ndarray, targets: np.ndarray, shrink: float) -> np.ndarray:
    """``[K]``: each label's own threshold (:func:`tune_thresholds`) pulled towards the global
    one (:func:`tune_global_threshold`) by ``shrink`` (0 is the label's own, 1 the global one).
    A label without a positive example here takes the global threshold."""
    overall, own = _global_and_own(probabilities, targets)
    return _shrunk(overall, own, shrink)


def choose_thresholds(
    probabilities: np.ndarray, targets: np.ndarray, grid: np.ndarray = SHRINKS
) -> tuple[np.ndarray, float]:
    """:func:`shrunk_thresholds` with the ``shrink`` that reaches the highest micro-F1 on these
    held-out rows, and that shrink; ties go to the larger (nearer the global threshold, which
    carried over to new outlets best)."""
    truth = targets.astype(bool)
    overall, own = _global_and_own(probabilities, targets)
    best, chosen = -1.0, 1.0
    for shrink in sorted(grid, reverse=True):
        f1 = _micro_f1(probabilities >= _shrunk(overall, own, float(shrink)), truth)
        if f1 > best:
            best, chosen = f1, float(shrink)
    return _shrunk(overall, own, chosen), chosen


def _global_and_own(probabilities: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
    overall = tune_global_threshold(probabilities, targets)
    return overall, np.where(targets.any(axis=0), tune_thresholds(probabilities, targets), overall)


def _shrunk(overall: float, own: np.ndarray, shrink: float) -> np.ndarray:
    # Rounded like the global threshold, so that config.json and the card show 0.2125, not 0.21249999.
    return np.round(shrink * overall + (1.0 - shrink) * own, 4).astype(np.float32)


#: Candidate weights of a second paragraph scorer (the attention head) against the first.
MIX_WEIGHTS = np.round(np.arange(0.0, 1.01, 0.1), 2)


def choose_mix_weight(
    first: np.ndarray, second: np.ndarray, targets: np.ndarray, grid: np.ndarray = MIX_WEIGHTS
) -> float:
    """The weight ``w`` of ``second`` in ``(1 - w) * first + w * second`` whose best global
    threshold reaches the highest micro-F1 on these held-out rows (ties go to the smaller)."""
    scores = [best_global_threshold(blend(first, second, w), targets)[1] for w in grid]
    return float(grid[int(np.argmax(scores))])


def decode_spans(
    offsets: np.ndarray,
    probabilities: np.ndarray,
    thresholds: np.ndarray,
    text: str,
    max_gap: int = 1,
    function_words: frozenset[str] = frozenset(),
) -> list[tuple[int, int, int, float]]:
    """Spans (start, end, label index, score) from per-token probabilities.

    A span is a run of tokens at or above the label's threshold, where gaps of up to
    ``max_gap`` tokens are bridged; its score is the mean probability over the run. Spans are
    widened to whole words, trimmed of white space and stray punctuation at the edges
    (:func:`tidy_edges`), and never cross a line break; a span with no letter or digit
    (quotation marks alone) is dropped, and so is one whose words are all ``function_words``
    (see :func:`function_words_of`) or single letters: "the", "to a", "’s" underline nothing
    a reader can weigh.
    """
    spans: list[tuple[int, int, int, float]] = []
    for label in range(probabilities.shape[1]):
        above = np.flatnonzero(probabilities[:, label] >= thresholds[label])
        if above.size == 0:
            continue
        runs: list[list[int]] = [[int(above[0])]]
        for index in above[1:]:
            if (
                index - runs[-1][-1] <= max_gap + 1
                and "\n" not in text[offsets[runs[-1][-1], 1] : offsets[index, 0]]
            ):
                runs[-1].append(int(index))
            else:
                runs.append([int(index)])
        for run in runs:
            start, end = int(offsets[run[0], 0]), int(offsets[run[-1], 1])
            start, end = tidy_edges(text, *whole_words(text, start, end))
            # A run of quotation marks or dashes alone is no evidence of a technique.
            if end > start and not _only_function_words(text[start:end], function_words):
                score = float(probabilities[run[0] : run[-1] + 1, label].mean())
                spans.append((start, end, label, score))
    return sorted(spans)


_WORD = re.compile(r"[^\W_]+")


def _only_function_words(span: str, function_words: frozenset[str]) -> bool:
    return all(len(word) == 1 or word in function_words for word in _WORD.findall(span.lower()))


@functools.cache
def function_words_of(language: str | None) -> frozenset[str]:
    """The stop words of spaCy's ``language`` (articles, prepositions, pronouns, auxiliaries),
    in lower case; none for a language spaCy has no list for. They come with spaCy's language
    classes, no pipeline needed."""
    import spacy

    try:
        words = spacy.util.get_lang_class(language or "").Defaults.stop_words
    except ImportError:  # spaCy's E048: no such language
        return frozenset()
    return frozenset(word.lower() for word in words)


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` widened to whole words: tokens are pieces of words ("recruit|ing" ->
    "recruiting"), and an apostrophe between letters is inside a word ("we|'|ve" -> "we've",
    "l'|Europe" -> "l'Europe"), except an English possessive ("Kiev’s" stays "Kiev" and "’s",
    which :func:`tidy_edges` trims)."""

    def inside(i: int) -> bool:  # whether a word goes on across position i
        if in_word(text[i - 1]) and in_word(text[i]):
            return True
        return (
            text[i] in "'’"
            and in_word(text[i - 1])
            and in_word(text[i + 1 : i + 2])
            and not (text[i + 1] in "sS" and not in_word(text[i + 2 : i + 3]))
        )

    while start > 0 and (inside(start) or (start > 1 and text[start - 1] in "'’" and inside(start - 1))):
        start -= 1
    while end < len(text) and (inside(end) or (text[end - 1] in "'’" and inside(end - 1))):
        end += 1
    return start, end


_NEVER_FIRST = frozenset(",.;:!?)]}-–—”»")
_NEVER_LAST = frozenset(",;:([{-–—«‘„‚")
_PAIRS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“"}


def tidy_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without what a run of tokens drags in at its edges and a reader
    would not underline: white space, a comma or a dash before the words (", honorary"), an
    opening bracket or quotation mark after them ("Institute ("), a possessive ending cut from
    its word ("’s ambassador"), and a quotation mark whose partner lies outside the span
    ("“Jesse Watters"). A quotation with both its marks inside stays whole («экспертов»)."""
    while start < end:
        piece = text[start:end]
        first, last = piece[0], piece[-1]
        if first.isspace() or first in _NEVER_FIRST:
            start += 1
        elif last.isspace() or last in _NEVER_LAST:
            end -= 1
        elif first in "’'" and piece[1:2].lower() == "s" and not piece[2:3].isalnum():
            start += 2  # "’s ambassador"
        elif first in _PAIRS and _PAIRS[first] not in piece[1:]:
            start += 1
        elif last in _PAIRS.values() and not any(o in piece[:-1] for o, c in _PAIRS.items() if c == last):
            # A closing mark with no opening one inside; but "soldiers’" keeps its apostrophe.
            if last in "’'" and piece[-2:-1].isalpha():
                break
            end -= 1
        else:
            break
    return start, end


_MLP_PARTS = ("hidden_weight", "hidden_bias", "weight", "bias")
MLP_CONFIG = "config.json"
MLP_WEIGHTS = "heads.safetensors"


def save_mlp_heads(folder: str | Path, heads: list[MLPHead], config: dict[str, Any]) -> str:
    """Write ``config.json`` and the heads' ``heads.safetensors`` (float16: half the size, and
    the heads' outputs move by less than 1e-3); returns the weights' SHA-256."""
    import hashlib
    import json

    from safetensors.numpy import save_file

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    tensors = {
        f"mlp{number}.{part}": np.ascontiguousarray(getattr(head, part), dtype=np.float16)
        for number, head in enumerate(heads)
        for part in _MLP_PARTS
    }
    save_file(tensors, str(target / MLP_WEIGHTS))
    (target / MLP_CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return hashlib.sha256((target / MLP_WEIGHTS).read_bytes()).hexdigest()


def load_mlp_heads(
    folder: str | Path, what: str, check: Callable[[dict[str, Any]], object] = lambda raw: None
) -> tuple[dict[str, Any], list[MLPHead], str]:
    """The raw ``config.json``, the MLP heads and the weights' SHA-256 of a folder that
    :func:`save_mlp_heads` wrote; E031, naming ``what`` it should be, if it is not one.
    ``check`` sees the config before the weights are read, to refuse a wrong kind or format."""
    import hashlib
    import json

    from safetensors.numpy import load_file

    from narrascope.errors import NarrascopeError

    source = Path(folder)
    if not (source / MLP_CONFIG).is_file() or not (source / MLP_WEIGHTS).is_file():
        raise NarrascopeError("E031", f"{source}: not {what} (needs {MLP_CONFIG} and {MLP_WEIGHTS})")
    raw = json.loads((source / MLP_CONFIG).read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise NarrascopeError("E031", f"{source}/{MLP_CONFIG}: not {what} config")
    check(raw)
    weights = (source / MLP_WEIGHTS).read_bytes()
    try:
        tensors = load_file(str(source / MLP_WEIGHTS))
    except Exception as exc:  # safetensors raises its own error type for a damaged file
        raise NarrascopeError("E031", f"{source}/{MLP_WEIGHTS}: not readable weights ({exc})") from None
    heads: list[MLPHead] = []
    while f"mlp{len(heads)}.weight" in tensors:
        number = len(heads)
        heads.append(MLPHead(*(tensors[f"mlp{number}.{part}"].astype(np.float32) for part in _MLP_PARTS)))
    return raw, heads, hashlib.sha256(weights).hexdigest()
