"""How the technique model is validated: splits by article, the dataset of rows, and the official scores.

Two kinds of figures, both on articles that the heads never saw:

* **cross-validation** on the training set: k folds by article, each scored by heads fitted
  on the other folds, with thresholds chosen on the other folds' predictions (nested);
* **the development set** (SemEval-2023's, other outlets and months): scored by heads fitted
  on the training set alone, with the settings that training chooses (thresholds) picked on
  one half of the development articles and applied to the other, each half in turn. This is
  the figure to trust for new articles: cross-validation on the training set alone overstated
  the first model by a tenth of F1.

Splits hash the language and article id, so they are the same on every machine.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from narrascope import metrics
from narrascope.document import Document
from narrascope.models.features import Encoded, paragraph_features, token_width
from narrascope.models.heads import (
    blend,
    choose_mix_weight,
    choose_thresholds,
    decode_spans,
    function_words_of,
    tune_global_threshold,
)

__all__ = [
    "Dataset",
    "annotated_techniques",
    "build_dataset",
    "fold_of",
    "inventory_mask",
    "language_of",
    "nested_global_thresholds",
    "nested_inventory",
    "nested_mix",
    "nested_thresholds",
    "paragraph_scores",
    "span_scores",
]


def language_of(doc: Document) -> str:
    """The key figures are reported under: the ISO code, or the folder name if it has none."""
    return str(doc.language or doc.metadata.get("folder", "?"))


def fold_of(doc: Document, folds: int, salt: str = "") -> int:
    """The fold of an article, from a hash of its folder and id (``salt`` gives another split)."""
    key = f"{salt}{doc.metadata.get('folder')}/{doc.metadata.get('article_id')}"
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % folds


@dataclass
class Dataset:
    """Rows for the heads: one per paragraph (``p_*``) and one per token (``t_*``)."""

    labels: list[str]
    p_features: np.ndarray  # [P, D]
    p_targets: np.ndarray  # [P, K] bool
    p_doc: np.ndarray  # [P] index of the document
    p_line: list[int]  # line number of each paragraph, as SemEval-2023 names them
    t_features: np.ndarray  # [T, 2D] float16
    t_targets: np.ndarray  # [T, K] bool
    t_doc: np.ndarray  # [T]
    t_paragraph: np.ndarray  # [T] the paragraph row of each token


def build_dataset(docs: Sequence[Document], encoded: Sequence[Encoded], labels: list[str]) -> Dataset:
    """Features and gold targets of every paragraph and token.

    Token features are written into one preallocated array and each document's own copy is
    released as it goes: for train and development data together they run to gigabytes, and
    concatenating lists of them would hold them twice.
    """
    index = {label: i for i, label in enumerate(labels)}
    total = sum(len(enc.offsets) for enc in encoded)
    width = token_width(encoded[0]) if encoded else 0
    t_features = np.zeros((total, width), dtype=np.float16)
    t_targets = np.zeros((total, len(labels)), dtype=bool)
    t_doc = np.zeros(total, dtype=np.int64)
    t_paragraph = np.zeros(total, dtype=np.int64)
    pf: list[np.ndarray] = []
    pt: list[np.ndarray] = []
    pd: list[np.ndarray] = []
    pl: list[int] = []
    at = 0
    for number, (doc, enc) in enumerate(zip(docs, encoded, strict=True)):
        gold: defaultdict[int, set[str]] = defaultdict(set)
        for span in doc.layer("paragraph_technique"):
            gold[int(span.attrs["paragraph"])].add(span.label)
        targets = np.zeros((len(enc.paragraphs), len(labels)), dtype=bool)
        for row, (line, _, _) in enumerate(enc.paragraphs):
            for label in gold[line]:
                targets[row, index[label]] = True
        pf.append(paragraph_features(enc))
        pt.append(targets)
        pd.append(np.full(len(enc.paragraphs), number))
        pl.extend(line for line, _, _ in enc.paragraphs)
        count = len(enc.offsets)
        if count:
            t_features[at : at + count, : enc.features.shape[1]] = enc.features
            t_features[at : at + count, enc.features.shape[1] :] = enc.means[enc.owner]
            centres = (enc.offsets[:, 0] + enc.offsets[:, 1]) / 2.0
            for span in doc.layer("technique"):
                inside = (centres >= span.start) & (centres < span.end)
                t_targets[at : at + count][inside, index[span.label]] = True
            t_doc[at : at + count] = number
            t_paragraph[at : at + count] = len(pl) - len(enc.paragraphs) + enc.owner
        # The copy above is the only one kept (a slice would be a view, keeping the whole array).
        enc.features = np.zeros((0, enc.features.shape[1]), dtype=enc.features.dtype)
        at += count
    return Dataset(
        labels,
        np.concatenate(pf),
        np.concatenate(pt),
        np.concatenate(pd),
        pl,
        t_features,
        t_targets,
        t_doc,
        t_paragraph,
    )


def nested_global_thresholds(
    probabilities: np.ndarray, targets: np.ndarray, groups: np.ndarray
) -> np.ndarray:
    """For each row, the global threshold chosen on the rows of every other group (fold or half)."""
    out = np.zeros(len(probabilities), dtype=np.float32)
    for group in np.unique(groups):
        mine = groups == group
        out[mine] = tune_global_threshold(probabilities[~mine], targets[~mine])
    return out


def nested_thresholds(
    probabilities: np.ndarray, targets: np.ndarray, groups: np.ndarray, per_technique: bool = True
) -> np.ndarray:
    """``[N, K]``: each row's thresholds chosen on the rows of every other group, one per
    technique shrunk towards the global one (:func:`~narrascope.models.heads.choose_thresholds`),
    or with ``per_technique=False`` the global one for all."""
    if not per_technique:
        return np.repeat(
            nested_global_thresholds(probabilities, targets, groups)[:, None], targets.shape[1], 1
        )
    out = np.zeros(probabilities.shape, dtype=np.float32)
    for group in np.unique(groups):
        mine = groups == group
        out[mine] = choose_thresholds(probabilities[~mine], targets[~mine])[0]
    return out


def nested_mix(
    first: np.ndarray, second: np.ndarray, targets: np.ndarray, groups: np.ndarray, per_technique: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's mix of two paragraph scorers and its thresholds ``[N, K]``, both chosen on the
    rows of every other group: the weight by :func:`~narrascope.models.heads.choose_mix_weight`,
    then the thresholds as :func:`nested_thresholds` chooses them."""
    mixed = np.zeros(first.shape, dtype=np.float32)
    cuts = np.zeros(first.shape, dtype=np.float32)
    for group in np.unique(groups):
        mine = groups == group
        both = blend(first, second, choose_mix_weight(first[~mine], second[~mine], targets[~mine]))
        mixed[mine] = both[mine]
        if per_technique:
            cuts[mine] = choose_thresholds(both[~mine], targets[~mine])[0]
        else:
            cuts[mine] = tune_global_threshold(both[~mine], targets[~mine])
    return mixed, cuts


def annotated_techniques(languages: np.ndarray, targets: np.ndarray) -> dict[str, np.ndarray]:
    """For each language among the rows, ``[K]``: whether its annotators used each technique
    (at least one paragraph with it). English's training data uses 19 of the 23."""
    return {str(language): targets[languages == language].any(axis=0) for language in np.unique(languages)}


def inventory_mask(languages: np.ndarray, inventory: dict[str, np.ndarray], k: int) -> np.ndarray:
    """``[N, K]``: True where a row's language's annotators used the technique; a row in a
    language the inventory does not hold allows all ``k`` (there is nothing to follow)."""
    allowed = np.ones((len(languages), k), dtype=bool)
    for language, used in inventory.items():
        allowed[languages == language] = used
    return allowed


def nested_inventory(
    languages: np.ndarray, targets: np.ndarray, groups: np.ndarray, fit: np.ndarray
) -> np.ndarray:
    """``[N, K]`` of :func:`inventory_mask`, each row's inventory taken from rows it was not
    scored with: a ``fit`` row's from the fit rows of the other groups (folds), any other
    row's (the development set's) from all fit rows."""
    k = targets.shape[1]
    allowed = inventory_mask(languages, annotated_techniques(languages[fit], targets[fit]), k)
    for group in np.unique(groups[fit]):
        mine = fit & (groups == group)
        others = fit & (groups != group)
        allowed[mine] = inventory_mask(
            languages[mine], annotated_techniques(languages[others], targets[others]), k
        )
    return allowed


def paragraph_scores(
    docs: Sequence[Document],
    data: Dataset,
    rows: np.ndarray,
    predicted: np.ndarray,
    allowed: np.ndarray | None = None,
) -> dict[str, metrics.MetricResult]:
    """The official subtask 3 scores per language, for paragraph ``rows`` and their ``predicted``
    labels; with ``allowed`` (``[P, K]`` over all rows, :func:`nested_inventory`), only the
    techniques of each row's language's annotators count as predicted."""
    if allowed is not None:
        predicted = predicted & allowed[rows]
    by_language: dict[str, tuple[dict[tuple[str, int], set[str]], dict[tuple[str, int], set[str]]]] = {}
    for row, guess in zip(rows, predicted, strict=True):
        doc = docs[int(data.p_doc[row])]
        gold, pred = by_language.setdefault(language_of(doc), ({}, {}))
        key = (str(doc.metadata["article_id"]), data.p_line[row])
        gold[key] = {data.labels[i] for i in np.flatnonzero(data.p_targets[row])}
        pred[key] = {data.labels[i] for i in np.flatnonzero(guess)}
    return {
        language: metrics.paragraph_techniques_f1(gold, pred, classes=data.labels)
        for language, (gold, pred) in sorted(by_language.items())
    }


def span_scores(
    docs: Sequence[Document],
    encoded: Sequence[Encoded],
    data: Dataset,
    numbers: Sequence[int],
    probabilities: np.ndarray,
    thresholds: np.ndarray,
) -> dict[str, metrics.MetricResult]:
    """Span micro-F1 with partial-overlap credit per language, for documents ``numbers``.

    ``probabilities`` holds the token rows of those documents, in order; ``thresholds`` one
    cut-off per document. Languages without gold spans (German's development set) are left out.
    """
    by_language: dict[
        str, tuple[dict[str, list[tuple[str, int, int]]], dict[str, list[tuple[str, int, int]]]]
    ] = {}
    at = 0
    k = len(data.labels)
    for number, threshold in zip(numbers, thresholds, strict=True):
        doc, enc = docs[number], encoded[number]
        rows = probabilities[at : at + len(enc.offsets)]
        at += len(enc.offsets)
        if "technique" not in doc.metadata.get("annotated", []):
            continue
        gold, pred = by_language.setdefault(language_of(doc), ({}, {}))
        article = str(doc.metadata["article_id"])
        gold[article] = [(s.label, s.start, s.end) for s in doc.layer("technique")]
        cut = np.full(k, float(threshold))
        words = function_words_of(language_of(doc))
        found = decode_spans(enc.offsets, rows, cut, doc.text, function_words=words) if len(rows) else []
        pred[article] = [(data.labels[label], start, end) for start, end, label, _ in found]
    return {
        language: metrics.span_f1(gold, pred, variant="checkthat2024", classes=data.labels)
        for language, (gold, pred) in sorted(by_language.items())
        if any(gold.values())
    }
