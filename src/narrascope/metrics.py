"""The shared tasks' official metrics, re-implemented to give the organisers' numbers.

Each function takes plain Python data (ids to labels, ids to spans) and returns a
:class:`MetricResult` whose ``value`` is the figure the task ranked systems by; ``extra`` holds
the other figures its scorer prints or computes, ``per_label`` one :class:`LabelScore` per label.
None of them depends on narrascope's ``Document``: the readers in :mod:`narrascope.formats`
turn the tasks' files into these mappings.

* :func:`genre_macro_f1`: SemEval-2023 Task 3 subtask 1 (genre), macro-F1;
* :func:`frames_micro_f1`: SemEval-2023 Task 3 subtask 2 (framing), micro-F1;
* :func:`paragraph_techniques_f1`: SemEval-2023 Task 3 subtask 3 (techniques per paragraph),
  micro-F1;
* :func:`span_f1`: span F1 with partial-overlap credit, SemEval-2020 Task 11 span
  identification (``variant="semeval2020"``) or CheckThat! 2024 Task 3 (``"checkthat2024"``);
* :func:`roles_scores`: SemEval-2025 Task 10 subtask 1 (entity roles), exact match ratio of the
  fine roles;
* :func:`narratives_f1`: SemEval-2025 Task 10 subtask 2 (narratives), samples-F1 on the
  subnarratives;
* :func:`rouge_l`: ROUGE-L F1 of a text against a reference, for subtask 3's explanations
  (the task itself ranked them with BERTScore, which needs a model that is not offline here).

The code is written from the definitions and the behaviour of the scorers the organisers
distributed, not copied from them. Where a scorer's behaviour settles a question the paper
leaves open (what an empty label set counts, what a division by zero gives, which ids must be
present) the function's docstring says how, and follows the scorer. Where a scorer would
refuse the input, the function raises :class:`~narrascope.errors.NarrascopeError`:

* E304 when gold and predictions do not cover the same ids (or gold is empty), naming the
  first few ids that differ;
* E301 when a label is outside the task's inventory (``classes``), where the scorer checks
  that (predictions only, except for CheckThat! spans where gold is checked too);
* E300 for a span that is empty or has a negative offset.

Every figure lies in [0, 1].
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TypeVar

from narrascope.errors import NarrascopeError

__all__ = [
    "SEMEVAL2023_GENRES",
    "SPAN_VARIANTS",
    "LabelScore",
    "MetricResult",
    "frames_micro_f1",
    "genre_macro_f1",
    "narratives_f1",
    "paragraph_techniques_f1",
    "roles_scores",
    "rouge_l",
    "span_f1",
]

#: The three classes the SemEval-2023 subtask 1 scorer accepts (its ``CLASSES``).
SEMEVAL2023_GENRES: tuple[str, ...] = ("reporting", "opinion", "satire")

#: Variants of :func:`span_f1` and the task name each reports.
SPAN_VARIANTS: dict[str, str] = {"semeval2020": "semeval2020-t11-si", "checkthat2024": "checkthat2024-t3"}

#: How many ids an error message shows.
_SHOWN = 5

_K = TypeVar("_K", bound=Hashable)
SpanTuple = tuple[str, int, int]
RoleKey = tuple[str, int, int]
RoleValue = tuple[str, AbstractSet[str]]


@dataclass(frozen=True)
class LabelScore:
    """Precision, recall and F1 of one label; ``support`` is how often it occurs in gold."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class MetricResult:
    """The official figure of one task (``value``) and the other figures its scorer gives."""

    task: str
    name: str
    value: float
    extra: dict[str, float] = field(default_factory=dict)
    per_label: list[LabelScore] = field(default_factory=list)


# -- shared pieces ----------------------------------------------------------------------------


def _show(ids: Iterable[Hashable]) -> str:
    shown = sorted(ids, key=repr)
    text = ", ".join(repr(i) for i in shown[:_SHOWN])
    return text + (f" and {len(shown) - _SHOWN} more" if len(shown) > _SHOWN else "")


def _same_ids(task: str, gold: Mapping[_K, object], pred: Mapping[_K, object]) -> None:
    """E304 unless gold and predictions have exactly the same ids, and at least one.

    This is what the SemEval-2023 Task 3 scorers (``_correct_id_list``), the SemEval-2025 Task 10
    subtask 1 scorer (``check_file_format``: missing and extra entries) and the subtask 2 scorer
    (``Mismatch in IDs``) do: they refuse to score rather than count a missing id as empty.
    An empty gold set has nothing to score (the scorers fail on it too).
    """
    missing = gold.keys() - pred.keys()
    added = pred.keys() - gold.keys()
    if missing or added:
        parts = []
        if missing:
            parts.append(f"{len(missing)} id(s) of gold missing from predictions: {_show(missing)}")
        if added:
            parts.append(f"{len(added)} id(s) in predictions but not in gold: {_show(added)}")
        raise NarrascopeError("E304", f"{task}: " + "; ".join(parts))
    if not gold:
        raise NarrascopeError("E304", f"{task}: gold is empty, there is nothing to score")


def _known(
    task: str, used: Iterable[str], classes: Collection[str] | None, side: str = "predictions"
) -> None:
    """E301 if ``used`` has a label outside ``classes`` (no check when ``classes`` is None)."""
    if classes is None:
        return
    unknown = set(used) - set(classes)
    if unknown:
        raise NarrascopeError(
            "E301", f"{task}: label(s) in {side} outside the task's inventory: {_show(unknown)}"
        )


def _divide(numerator: float, denominator: float, zero_division: float) -> float:
    return numerator / denominator if denominator else zero_division


def _prf(tp: int, fp: int, fn: int, zero_division: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts, as scikit-learn's ``precision_recall_fscore_support``.

    F1 is ``2tp / (2tp + fp + fn)`` (scikit-learn's formula since 1.3, and equal to the
    harmonic mean of P and R whenever that is defined); each ratio with a zero denominator is
    ``zero_division``, the value the scorer passes to scikit-learn.
    """
    return (
        _divide(tp, tp + fp, zero_division),
        _divide(tp, tp + fn, zero_division),
        _divide(2 * tp, 2 * tp + fp + fn, zero_division),
    )


def _mean(values: Sequence[float], empty: float) -> float:
    return math.fsum(values) / len(values) if values else empty


@dataclass(frozen=True)
class _Multilabel:
    """What ``f1_score``/``precision_score``/``recall_score`` give on a binarised label matrix."""

    per_label: list[LabelScore]
    micro: tuple[float, float, float]
    macro: tuple[float, float, float]


def _binarised_scores(
    pairs: Sequence[tuple[set[str], set[str]]], inventory: Sequence[str], *, single_column_quirk: bool
) -> _Multilabel:
    """Micro and macro P/R/F1 (``zero_division=1``) of (gold, predicted) label sets over ``inventory``.

    This is what the scorers get from ``MultiLabelBinarizer().fit([inventory])`` followed by
    scikit-learn's metrics, including, with ``single_column_quirk``, one quirk: when the
    inventory has exactly one label the binarised matrix has a single column, which
    scikit-learn takes for a *binary* target, so "micro" and "macro" then average over the
    values 0 and 1 (label absent, label present) that occur: micro P = R = F1 = the share of
    examples where presence agrees. ``per_label`` is always the label's own P/R/F1.
    """
    counts = {label: [0, 0, 0] for label in inventory}  # tp, fp, fn
    for truth, guess in pairs:
        for label in truth & guess:
            counts[label][0] += 1
        for label in guess - truth:
            counts[label][1] += 1
        for label in truth - guess:
            counts[label][2] += 1
    per_label = []
    for label in inventory:
        tp, fp, fn = counts[label]
        per_label.append(LabelScore(label, *_prf(tp, fp, fn, zero_division=1.0), support=tp + fn))
    if single_column_quirk and len(inventory) == 1 and pairs:
        (only,) = inventory
        bits = [(only in truth, only in guess) for truth, guess in pairs]
        agree = sum(1 for t, g in bits if t == g) / len(bits)
        values = sorted({b for pair in bits for b in pair})
        by_value = []
        for value in values:
            tp = sum(1 for t, g in bits if t == value and g == value)
            fp = sum(1 for t, g in bits if g == value and t != value)
            fn = sum(1 for t, g in bits if t == value and g != value)
            by_value.append(_prf(tp, fp, fn, zero_division=1.0))
        macro_p, macro_r, macro_f = (_mean([row[i] for row in by_value], empty=1.0) for i in range(3))
        return _Multilabel(per_label, (agree, agree, agree), (macro_p, macro_r, macro_f))
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    return _Multilabel(
        per_label,
        _prf(tp, fp, fn, zero_division=1.0),
        (
            _mean([s.precision for s in per_label], empty=1.0),
            _mean([s.recall for s in per_label], empty=1.0),
            _mean([s.f1 for s in per_label], empty=1.0),
        ),
    )


def _multilabel(
    task: str,
    gold: Mapping[_K, AbstractSet[str]],
    pred: Mapping[_K, AbstractSet[str]],
    classes: Collection[str] | None,
) -> MetricResult:
    """Micro- and macro-F1 as the SemEval-2023 Task 3 subtask 2 and 3 scorers compute them.

    The scorers binarise labels with ``MultiLabelBinarizer().fit([CLASSES])``, ``CLASSES`` being
    the task's inventory file, and call ``f1_score(..., average="micro"|"macro",
    zero_division=1)``. Hence:

    * a predicted label outside ``classes`` makes the scorer refuse the file (E301 here);
    * a gold label outside ``classes`` is dropped (the binariser ignores unknown labels);
    * with ``zero_division=1`` a label that neither gold nor predictions use scores F1 = 1 in
      the macro average, so macro-F1 depends on the inventory: pass the task's list as
      ``classes`` to reproduce the official macro-F1. Without ``classes`` the labels used in
      gold or predictions form the inventory (micro-F1 is the same either way);
    * predicting no label at all gives micro-precision 1 (zero division), recall 0, F1 0; no
      label in gold nor predictions gives 1 for all three.
    """
    _same_ids(task, gold, pred)
    _known(task, (label for labels in pred.values() for label in labels), classes)
    if classes is None:
        inventory = sorted({label for labels in (*gold.values(), *pred.values()) for label in labels})
    else:
        inventory = list(dict.fromkeys(classes))
    allowed = set(inventory)
    pairs = [(set(labels) & allowed, set(pred[key])) for key, labels in gold.items()]
    # The official inventories are long; only a one-label inventory given by the caller can
    # meet the scorer's single-column quirk.
    scores = _binarised_scores(pairs, inventory, single_column_quirk=classes is not None)
    return MetricResult(
        task=task,
        name="micro-F1",
        value=scores.micro[2],
        extra={
            "macro-F1": scores.macro[2],
            "micro-precision": scores.micro[0],
            "micro-recall": scores.micro[1],
        },
        per_label=scores.per_label,
    )


# -- SemEval-2023 Task 3 ----------------------------------------------------------------------


def genre_macro_f1(
    gold: Mapping[str, str],
    pred: Mapping[str, str],
    *,
    classes: Collection[str] | None = SEMEVAL2023_GENRES,
) -> MetricResult:
    """SemEval-2023 Task 3 subtask 1 (news genre): macro-F1, the official figure; micro-F1 in extra.

    Source: Piskorski et al., "SemEval-2023 Task 3: Detecting the Category, the Framing, and the
    Persuasion Techniques in Online News in a Multi-lingual Setup" (SemEval 2023), and its scorer
    ``scorers/scorer-subtask-1.py``, which calls scikit-learn's ``f1_score(gold, pred,
    average="macro"|"micro", zero_division=0)`` on the label strings. What that settles:

    * the macro average runs over the labels that occur in gold *or* predictions (no
      ``labels=`` argument), not over the three classes: a genre absent from both does not
      count, a predicted genre absent from gold counts with F1 = 0;
    * zero divisions give 0;
    * micro-F1 of a single-label task is the accuracy;
    * the ids of gold and predictions must be the same (E304 otherwise), and every predicted
      label must be one of ``classes`` (E301 otherwise; ``None`` skips the check).
    """
    task = "semeval2023-st1"
    _same_ids(task, gold, pred)
    _known(task, pred.values(), classes)
    labels = sorted(set(gold.values()) | set(pred.values()))
    per_label = []
    for label in labels:
        tp = sum(1 for key, value in gold.items() if value == label and pred[key] == label)
        fp = sum(1 for key, value in pred.items() if value == label and gold[key] != label)
        fn = sum(1 for key, value in gold.items() if value == label and pred[key] != label)
        p, r, f = _prf(tp, fp, fn, zero_division=0.0)
        per_label.append(LabelScore(label, p, r, f, tp + fn))
    correct = sum(1 for key, value in gold.items() if pred[key] == value)
    return MetricResult(
        task=task,
        name="macro-F1",
        value=_mean([s.f1 for s in per_label], empty=0.0),
        extra={"micro-F1": correct / len(gold)},
        per_label=per_label,
    )


def frames_micro_f1(
    gold: Mapping[str, AbstractSet[str]],
    pred: Mapping[str, AbstractSet[str]],
    *,
    classes: Collection[str] | None = None,
) -> MetricResult:
    """SemEval-2023 Task 3 subtask 2 (framing): micro-F1 over the frames, the official figure.

    Source: Piskorski et al., SemEval-2023 Task 3 (SemEval 2023), scorer
    ``scorers/scorer-subtask-2.py`` (with the frame list ``scorers/frames_subtask2.txt``).
    ``extra`` has macro-F1 (which the scorer prints too) and micro precision and recall.
    The scorer binarises the labels over the frame list (``MultiLabelBinarizer``) and calls
    ``f1_score(..., average="micro"|"macro", zero_division=1)``. What that settles:

    * an article may have no frame (an empty set); predicting nothing anywhere gives
      micro-precision 1 (0/0), recall 0 and F1 0, and nothing in gold nor predictions gives 1;
    * ids must match (E304): a missing article is refused, not counted as empty;
    * a predicted frame outside ``classes`` raises E301 (the scorer refuses the file), a gold
      frame outside it is ignored (the binariser drops unknown labels);
    * macro-F1 averages over ``classes``, where a frame in neither gold nor predictions scores
      1, so pass the task's list to reproduce the official macro-F1; with ``classes=None`` it
      averages over the frames used (micro-F1 is the same either way);
    * a one-frame ``classes`` makes scikit-learn read the single column as a binary target, and
      the figures become those of "frame present" versus "absent"; this is reproduced.
    """
    return _multilabel("semeval2023-st2", gold, pred, classes)


def paragraph_techniques_f1(
    gold: Mapping[tuple[str, int], AbstractSet[str]],
    pred: Mapping[tuple[str, int], AbstractSet[str]],
    *,
    classes: Collection[str] | None = None,
) -> MetricResult:
    """SemEval-2023 Task 3 subtask 3 (persuasion techniques per paragraph): micro-F1, official.

    Keys are ``(article id, paragraph number)``, the first two columns of the task's files.
    Source: Piskorski et al., SemEval-2023 Task 3 (SemEval 2023), scorer
    ``scorers/scorer-subtask-3.py`` (with ``scorers/techniques_subtask3.txt``), which treats
    each paragraph as one multi-label example exactly as subtask 2 treats an article; macro-F1
    is in ``extra``, and every convention of :func:`frames_micro_f1` holds. A paragraph
    without technique is an empty set and counts: it adds false positives if something is
    predicted for it. Ids must match (E304): a paragraph missing from the predictions is
    refused, not counted as empty, as the scorer does.
    """
    return _multilabel("semeval2023-st3", gold, pred, classes)


# -- span F1 with partial-overlap credit --------------------------------------------------------


def _merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of overlapping intervals; intervals that only touch (``[0,5)``, ``[5,9)``) stay apart.

    The PTC scorers store a span as the set of its character offsets and merge two spans when
    these sets intersect, so a shared character is needed; merging repeats until no two overlap.
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _span_sets(
    task: str, side: str, spans: Mapping[str, Sequence[SpanTuple]], with_labels: bool
) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """doc -> label -> merged intervals; E300 for an empty or negative span."""
    out: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for doc, items in spans.items():
        grouped: dict[str, list[tuple[int, int]]] = {}
        for label, start, end in items:
            if start < 0 or end <= start:
                raise NarrascopeError(
                    "E300",
                    f"{task}: {side} span {label!r} [{start}, {end}) in document {doc!r} is empty or negative",
                )
            grouped.setdefault(label if with_labels else "propaganda", []).append((start, end))
        out[doc] = {label: _merge(intervals) for label, intervals in grouped.items()}
    return out


@dataclass
class _Tally:
    """Partial-overlap credit and span counts of one label."""

    precision_credit: float = 0.0
    n_pred: int = 0
    recall_credit: float = 0.0
    n_gold: int = 0


def _overlap_credit(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    """Sum over all (prediction s, gold t) pairs of |s∩t|/|s| and of |s∩t|/|t|."""
    precision_credit = recall_credit = 0.0
    for p_start, p_end in pred:
        for g_start, g_end in gold:
            common = min(p_end, g_end) - max(p_start, g_start)
            if common > 0:
                precision_credit += common / (p_end - p_start)
                recall_credit += common / (g_end - g_start)
    return precision_credit, recall_credit


def _ptc_prf(
    precision_credit: float, n_pred: int, recall_credit: float, n_gold: int
) -> tuple[float, float, float]:
    """``compute_prec_rec_f1`` of the PTC scorers.

    P = credit/|S| (0 without predictions), R = credit/|T| (0 without gold); F1 is the harmonic
    mean when both are positive, 1.0 when there is neither a prediction nor a gold span
    (P and R then stay 0), and 0 otherwise.
    """
    p = precision_credit / n_pred if n_pred else 0.0
    r = recall_credit / n_gold if n_gold else 0.0
    if n_pred == 0 and n_gold == 0:
        f = 1.0
    elif p > 0 and r > 0:
        f = 2 * p * r / (p + r)
    else:
        f = 0.0
    return p, r, f


def span_f1(
    gold: Mapping[str, Sequence[SpanTuple]],
    pred: Mapping[str, Sequence[SpanTuple]],
    variant: str = "semeval2020",
    *,
    classes: Collection[str] | None = None,
) -> MetricResult:
    """Span-level F1 with partial-overlap credit; spans are ``(label, start, end)``, end exclusive.

    The measure is that of Da San Martino et al., "Fine-Grained Analysis of Propaganda in News
    Articles" (EMNLP 2019), used again in "SemEval-2020 Task 11: Detection of Propaganda
    Techniques in News Articles" (Da San Martino et al., SemEval 2020). With ``S`` the predicted
    spans, ``T`` the gold spans and ``C(s, t, h) = |s ∩ t| / h · δ(l(s), l(t))``::

        P = Σ_{s∈S, t∈T} C(s, t, |s|) / |S|      R = Σ_{s∈S, t∈T} C(s, t, |t|) / |T|

    so precision credits each prediction by the share *of the prediction* that is gold, and
    recall each gold span by the share *of the gold span* that is predicted, summed over every
    overlapping pair of the same document; F1 is their harmonic mean. Conventions of the
    scorers (``compute_prec_rec_f1``): P = 0 without predictions, R = 0 without gold spans,
    F1 = 1 when there are neither, F1 = 0 when P or R is 0.

    ``variant="semeval2020"`` (task ``semeval2020-t11-si``) is the span identification subtask
    scored by ``tools/task-SI_scorer.py`` of SemEval-2020 Task 11: labels are ignored (the
    scorer reads only offsets and calls every span "propaganda"), and overlapping spans are
    merged into one, in gold always and in predictions as the scorer's ``-m`` option does
    (without it the scorer refuses overlapping predictions; merging also keeps P ≤ 1).
    ``per_label`` is empty: the subtask has one class.

    ``variant="checkthat2024"`` (task ``checkthat2024-t3``) is the labelled form, micro-F1
    over all techniques, which CheckThat! 2024 Task 3 (the span-level follow-up of SemEval-2023
    Task 3, same 23 techniques) took over from the organisers' span scorer: the SemEval-2023
    Task 3 data README describes it as "the standard micro-averaged F1" modified "to account for
    partial matching between the spans", computed by ``task-2-semeval21_scorer.py`` (SemEval-2021
    Task 6 subtask 2, ``compute_span_score`` of the propaganda-techniques scorer); ArAIEval 2024's
    span scorer computes the same. Only pairs with the same technique earn credit, and spans of
    different techniques may overlap freely. Overlapping spans of the *same* technique are
    merged first (the FLC scorer's ``merge_overlapping_spans``): those scorers assume there are
    none, and on such input the merge changes nothing, but where there are some they credit
    every overlapping pair and can exceed 1. ``extra`` adds macro-F1 (ArAIEval's scorer prints
    it): the mean of the per-technique F1 over ``classes`` (a technique in neither gold nor
    predictions scores 1, by the convention above) or over the techniques used. Per technique,
    recall is credit normalised by gold length as in the definition; the distributed scorers
    reuse the precision credit there, so their per-technique recall and F1 (and so macro-F1)
    can differ from ours, while P, R and micro-F1 agree.
    With ``classes``, a label outside it in gold or predictions raises E301, as the scorer's
    technique check does.

    Documents: a document of gold missing from ``pred`` has no predicted span (its gold spans
    are all missed), as the scorers iterate over the submission and count every gold span in
    the recall denominator; a document in ``pred`` that gold does not list (list it with an
    empty list if it has no gold span) raises E304, since the scorers cannot score it.
    A span with ``end <= start`` or a negative offset raises E300, as the format checkers do.
    """
    if variant not in SPAN_VARIANTS:
        raise ValueError(f"unknown span_f1 variant {variant!r}; choose from {', '.join(SPAN_VARIANTS)}")
    task = SPAN_VARIANTS[variant]
    labelled = variant == "checkthat2024"
    added = pred.keys() - gold.keys()
    if added:
        raise NarrascopeError(
            "E304", f"{task}: {len(added)} document(s) in predictions but not in gold: {_show(added)}"
        )
    if labelled:
        _known(task, (s[0] for spans in gold.values() for s in spans), classes, side="gold")
        _known(task, (s[0] for spans in pred.values() for s in spans), classes)
    gold_sets = _span_sets(task, "gold", gold, labelled)
    pred_sets = _span_sets(task, "predicted", pred, labelled)

    tallies: dict[str, _Tally] = {}
    for by_label in gold_sets.values():
        for label, intervals in by_label.items():
            tallies.setdefault(label, _Tally()).n_gold += len(intervals)
    for doc, by_label in pred_sets.items():
        for label, intervals in by_label.items():
            tally = tallies.setdefault(label, _Tally())
            tally.n_pred += len(intervals)
            p_credit, r_credit = _overlap_credit(intervals, gold_sets[doc].get(label, []))
            tally.precision_credit += p_credit
            tally.recall_credit += r_credit

    p, r, f = _ptc_prf(
        math.fsum(t.precision_credit for t in tallies.values()),
        sum(t.n_pred for t in tallies.values()),
        math.fsum(t.recall_credit for t in tallies.values()),
        sum(t.n_gold for t in tallies.values()),
    )
    extra = {"precision": p, "recall": r}
    per_label: list[LabelScore] = []
    if labelled:
        labels = sorted(tallies) if classes is None else list(dict.fromkeys(classes))
        for label in labels:
            t = tallies.get(label, _Tally())
            lp, lr, lf = _ptc_prf(t.precision_credit, t.n_pred, t.recall_credit, t.n_gold)
            per_label.append(LabelScore(label, lp, lr, lf, t.n_gold))
        extra["macro-F1"] = _mean([s.f1 for s in per_label], empty=1.0)
    return MetricResult(
        task=task, name="micro-F1" if labelled else "F1", value=f, extra=extra, per_label=per_label
    )


# -- SemEval-2025 Task 10 ---------------------------------------------------------------------


def roles_scores(gold: Mapping[RoleKey, RoleValue], pred: Mapping[RoleKey, RoleValue]) -> MetricResult:
    """SemEval-2025 Task 10 subtask 1 (entity framing): exact match ratio of the fine roles.

    Keys are entity mentions ``(article id, start, end)``; values ``(main role, fine roles)``.
    Source: "SemEval-2025 Task 10: Multilingual Characterization and Extraction of Narratives
    from Online News" and its scorer ``subtask1_scorer.py``, whose README states that the
    official figure is "the Exact Match Ratio on the fine-grained roles"; the scorer prints,
    in order, EMR, micro precision, micro recall and micro-F1 over the fine roles, and the
    main-role accuracy, all in ``extra`` here with the macro figures it also computes.

    * EMR: share of mentions whose *set* of fine roles equals gold's (order and the main role
      do not matter, per the README). The first distributed scorer compared the whole
      ``(main role, fine-role list)`` pair instead; that figure is in ``extra`` as
      ``exact-match-main-and-fine`` (list order cannot differ here: roles are sets).
    * Fine-role P/R/F1: ``MultiLabelBinarizer`` fitted on the roles used in gold or predictions
      (a predicted role absent from gold is a false positive) and ``f1_score(...,
      zero_division=1)``: predicting no fine role at all gives precision 1, recall 0, F1 0;
      no fine role anywhere gives 1 (where the scorer's binariser would have no column and
      fail). When exactly one fine role occurs in gold and predictions together, scikit-learn
      sees a one-column matrix as a binary target and the scorer's micro figures become the
      share of mentions where that role's presence agrees; that is reproduced too.
    * Main-role accuracy: share of mentions whose main role equals gold's.
    * Mentions of gold and predictions must be the same (E304), as the scorer requires. The
      scorer also refuses roles outside the task's taxonomy; that check belongs to the reader
      (:mod:`narrascope.formats.semeval2025`), which knows the taxonomy.
    """
    task = "semeval2025-t10-st1"
    _same_ids(task, gold, pred)
    n = len(gold)
    emr = sum(1 for key, (_, fine) in gold.items() if set(fine) == set(pred[key][1])) / n
    emr_both = (
        sum(
            1 for key, (main, fine) in gold.items() if main == pred[key][0] and set(fine) == set(pred[key][1])
        )
        / n
    )
    main_accuracy = sum(1 for key, (main, _) in gold.items() if main == pred[key][0]) / n
    labels = sorted({role for _, fine in (*gold.values(), *pred.values()) for role in fine})
    pairs = [(set(fine), set(pred[key][1])) for key, (_, fine) in gold.items()]
    scores = _binarised_scores(pairs, labels, single_column_quirk=True)
    (micro_p, micro_r, micro_f), (macro_p, macro_r, macro_f) = scores.micro, scores.macro
    return MetricResult(
        task=task,
        name="EMR",
        value=emr,
        extra={
            "micro-precision": micro_p,
            "micro-recall": micro_r,
            "micro-F1": micro_f,
            "main-role-accuracy": main_accuracy,
            "macro-precision": macro_p,
            "macro-recall": macro_r,
            "macro-F1": macro_f,
            "exact-match-main-and-fine": emr_both,
        },
        per_label=scores.per_label,
    )


def _samples_f1(
    pairs: Iterable[tuple[AbstractSet[str], AbstractSet[str]]], classes: Collection[str] | None
) -> tuple[float, float]:
    """Mean and population standard deviation of the per-document binary F1."""
    allowed = None if classes is None else set(classes)
    scores = []
    for truth, guess in pairs:
        t, g = set(truth), set(guess)
        if allowed is not None:
            t &= allowed
            g &= allowed
        tp = len(t & g)
        scores.append(_divide(2 * tp, len(t) + len(g), 0.0))
    mean = math.fsum(scores) / len(scores)
    std = math.sqrt(math.fsum((x - mean) ** 2 for x in scores) / len(scores))
    return mean, std


def narratives_f1(
    gold: Mapping[str, tuple[AbstractSet[str], AbstractSet[str]]],
    pred: Mapping[str, tuple[AbstractSet[str], AbstractSet[str]]],
    *,
    coarse_classes: Collection[str] | None = None,
    fine_classes: Collection[str] | None = None,
) -> MetricResult:
    """SemEval-2025 Task 10 subtask 2 (narrative classification): samples-F1 on subnarratives.

    Values are ``(narratives, subnarratives)`` per article. Source: "SemEval-2025 Task 10:
    Multilingual Characterization and Extraction of Narratives from Online News" and its scorer
    ``subtask2_scorer.py``, which prints ``F1@coarse: mean (std)`` and ``F1@fine: mean (std)``.
    The subtask asks for "all the appropriate subnarrative labels", and F1@fine (samples-F1 on
    subnarratives) is the ranking figure, ``value`` here; ``extra`` has ``F1@fine``,
    ``F1@fine-std``, ``F1@coarse`` and ``F1@coarse-std``.

    How the scorer computes it: for each article the labels are one-hot encoded over the class
    list and scored with scikit-learn's *binary* ``f1_score(..., zero_division=0)``, i.e.
    ``2|G∩P| / (|G| + |P|)``; the figure is the mean over articles and the standard deviation
    is numpy's ``std`` (population, ddof = 0). What that settles:

    * an article with no label in gold nor prediction scores 0, not 1 (zero_division=0): the
      task's data gives such articles the label ``Other`` instead, so keep it;
    * labels outside the class lists are silently ignored, in gold and predictions alike; pass
      ``coarse_classes``/``fine_classes`` (the task's ``subtask2_narratives.txt`` and
      ``subtask2_subnarratives.txt``) to reproduce that, or None to count every label;
    * ids must match (E304), as the scorer's "Mismatch in IDs" check requires. The scorer pairs
      gold and predicted rows by file order, which equals pairing by id when the prediction
      file follows the gold order; here they are paired by id.
    """
    task = "semeval2025-t10-st2"
    _same_ids(task, gold, pred)
    coarse, coarse_std = _samples_f1(((g[0], pred[k][0]) for k, g in gold.items()), coarse_classes)
    fine, fine_std = _samples_f1(((g[1], pred[k][1]) for k, g in gold.items()), fine_classes)
    return MetricResult(
        task=task,
        name="samples-F1 (subnarratives)",
        value=fine,
        extra={"F1@fine": fine, "F1@fine-std": fine_std, "F1@coarse": coarse, "F1@coarse-std": coarse_std},
    )


_WORD = re.compile(r"\w+")


def rouge_l(reference: str, candidate: str) -> float:
    """ROUGE-L F1 (Lin, 2004, with beta = 1): the longest common subsequence of the two texts'
    words, lower-cased, over their lengths.

    Words are runs of Unicode letters and digits, so Cyrillic, Devanagari and Latin text
    are all counted (the ``rouge-score`` package keeps only a-z and 0-9). Two empty texts
    score 0.
    """
    ref, cand = _WORD.findall(reference.lower()), _WORD.findall(candidate.lower())
    if not ref or not cand:
        return 0.0
    previous = [0] * (len(cand) + 1)
    for word in ref:
        current = [0]
        for j, other in enumerate(cand):
            current.append(previous[j] + 1 if word == other else max(previous[j + 1], current[j]))
        previous = current
    lcs = previous[-1]
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(cand), lcs / len(ref)
    return 2 * precision * recall / (precision + recall)
