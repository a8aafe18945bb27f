"""The shared tasks' official metrics: hand-computed cases, edge cases, properties, scikit-learn.

Every expected value below is worked out by hand in the comment next to it; the last tests check
the multi-label metrics against scikit-learn (which the official scorers call) on random data.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from collections.abc import Set as AbstractSet

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrascope.errors import NarrascopeError
from narrascope.metrics import (
    SEMEVAL2023_GENRES,
    LabelScore,
    MetricResult,
    frames_micro_f1,
    genre_macro_f1,
    narratives_f1,
    paragraph_techniques_f1,
    roles_scores,
    span_f1,
)

approx = pytest.approx

SpanMap = dict[str, list[tuple[str, int, int]]]
RoleMap = dict[tuple[str, int, int], tuple[str, frozenset[str]]]
NarrMap = dict[str, tuple[set[str], set[str]]]


def label(result: MetricResult, name: str) -> LabelScore:
    return next(s for s in result.per_label if s.label == name)


def scores(result: MetricResult, name: str) -> tuple[float, float, float, int]:
    """(precision, recall, F1, support) of one label, to compare with ``approx``."""
    s = label(result, name)
    return s.precision, s.recall, s.f1, s.support


def in_unit_interval(result: MetricResult) -> bool:
    figures = [result.value, *result.extra.values()]
    figures += [x for s in result.per_label for x in (s.precision, s.recall, s.f1)]
    return all(0.0 <= x <= 1.0 and not math.isnan(x) for x in figures)


# -- SemEval-2023 subtask 1: genre, macro-F1 ----------------------------------------------------


def test_genre_macro_f1_by_hand() -> None:
    gold = {"a": "opinion", "b": "opinion", "c": "reporting", "d": "satire"}
    pred = {"a": "opinion", "b": "reporting", "c": "reporting", "d": "opinion"}
    result = genre_macro_f1(gold, pred)
    # opinion:   tp=1 (a), fp=1 (d), fn=1 (b) -> P=1/2, R=1/2, F=2/(2+1+1)=1/2
    # reporting: tp=1 (c), fp=1 (b), fn=0     -> P=1/2, R=1,   F=2/(2+1+0)=2/3
    # satire:    tp=0, fp=0, fn=1 (d)          -> P=0 (0/0 -> 0), R=0, F=0
    # macro = (1/2 + 2/3 + 0) / 3 = 7/18; micro = accuracy = 2/4
    assert result.task == "semeval2023-st1"
    assert result.name == "macro-F1"
    assert result.value == approx(7 / 18)
    assert result.extra["micro-F1"] == approx(0.5)
    assert scores(result, "reporting") == approx((0.5, 1.0, 2 / 3, 1))
    assert label(result, "satire") == LabelScore("satire", 0.0, 0.0, 0.0, 1)
    assert [s.label for s in result.per_label] == ["opinion", "reporting", "satire"]


def test_genre_macro_averages_over_labels_used_not_over_all_three() -> None:
    # gold never says satire, the prediction does once; reporting occurs nowhere.
    # opinion: tp=1 (a), fn=1 (b) -> F = 2/(2+0+1) = 2/3; satire: fp=1 -> F = 0
    # macro over {opinion, satire} = (2/3 + 0)/2 = 1/3 (reporting, unused, is not averaged)
    result = genre_macro_f1({"a": "opinion", "b": "opinion"}, {"a": "opinion", "b": "satire"})
    assert result.value == approx(1 / 3)
    assert {s.label for s in result.per_label} == {"opinion", "satire"}
    assert label(result, "satire").support == 0


def test_genre_refuses_unknown_labels_and_mismatched_ids() -> None:
    with pytest.raises(NarrascopeError) as unknown:
        genre_macro_f1({"a": "opinion"}, {"a": "news"})
    assert unknown.value.code == "E301"
    assert "'news'" in str(unknown.value)
    # without the inventory check any label is scored
    assert genre_macro_f1({"a": "news"}, {"a": "news"}, classes=None).value == 1.0
    with pytest.raises(NarrascopeError) as ids:
        genre_macro_f1({"a": "opinion", "b": "satire"}, {"a": "opinion", "c": "satire"})
    assert ids.value.code == "E304"
    assert "'b'" in str(ids.value) and "'c'" in str(ids.value)
    with pytest.raises(NarrascopeError, match=r"E304.*gold is empty"):
        genre_macro_f1({}, {})
    assert set(SEMEVAL2023_GENRES) == {"reporting", "opinion", "satire"}


def test_e304_names_only_the_first_few_ids() -> None:
    gold = {f"doc{i:02d}": "opinion" for i in range(12)}
    with pytest.raises(NarrascopeError) as error:
        genre_macro_f1(gold, {})
    message = str(error.value)
    assert "12 id(s) of gold missing" in message
    assert "'doc00'" in message and "'doc04'" in message and "'doc05'" not in message
    assert "and 7 more" in message


# -- SemEval-2023 subtasks 2 and 3: multi-label micro-F1 ----------------------------------------


def test_frames_micro_f1_by_hand() -> None:
    gold = {"d1": {"Economic", "Morality"}, "d2": {"Legality"}, "d3": set()}
    pred = {"d1": {"Economic"}, "d2": {"Legality", "Morality"}, "d3": set()}
    result = frames_micro_f1(gold, pred)
    # Economic: tp=1; Legality: tp=1; Morality: fn=1 (d1), fp=1 (d2); d3 has no frame and none predicted
    # micro: tp=2, fp=1, fn=1 -> P = 2/3, R = 2/3, F = 4/(4+1+1) = 2/3
    # macro over the labels used: Economic 1, Legality 1, Morality 2*0/(0+1+1) = 0 -> 2/3
    assert result.task == "semeval2023-st2"
    assert result.name == "micro-F1"
    assert result.value == approx(2 / 3)
    assert result.extra == approx({"macro-F1": 2 / 3, "micro-precision": 2 / 3, "micro-recall": 2 / 3})
    assert label(result, "Morality") == LabelScore("Morality", 0.0, 0.0, 0.0, 1)


def test_frames_macro_depends_on_the_inventory() -> None:
    gold = {"d1": {"Economic", "Morality"}, "d2": {"Legality"}, "d3": set()}
    pred = {"d1": {"Economic"}, "d2": {"Legality", "Morality"}, "d3": set()}
    classes = ["Economic", "Legality", "Morality", "Security"]
    result = frames_micro_f1(gold, pred, classes=classes)
    # Security occurs nowhere: P = R = F = 0/0 -> 1 (zero_division=1), so macro = (1 + 1 + 0 + 1)/4
    assert result.extra["macro-F1"] == approx(3 / 4)
    assert label(result, "Security") == LabelScore("Security", 1.0, 1.0, 1.0, 0)
    assert result.value == approx(2 / 3)  # micro-F1 does not change
    assert [s.label for s in result.per_label] == classes


def test_frames_gold_labels_outside_inventory_are_dropped_predicted_ones_refused() -> None:
    # gold "Crime" is not in the inventory: ignored, so the article counts as having only Economic
    result = frames_micro_f1({"d": {"Economic", "Crime"}}, {"d": {"Economic"}}, classes=["Economic"])
    assert result.value == 1.0
    with pytest.raises(NarrascopeError) as error:
        frames_micro_f1({"d": {"Economic"}}, {"d": {"Crime"}}, classes=["Economic"])
    assert error.value.code == "E301"


def test_frames_empty_predictions() -> None:
    result = frames_micro_f1({"d1": {"Economic"}, "d2": {"Morality"}}, {"d1": set(), "d2": set()})
    # tp=0, fp=0, fn=2: P = 0/0 -> 1 (zero_division=1), R = 0/2 = 0, F = 0/(0+0+2) = 0
    assert result.value == 0.0
    assert result.extra["micro-precision"] == 1.0
    assert result.extra["micro-recall"] == 0.0
    # nothing in gold and nothing predicted: every ratio is 0/0 -> 1
    nothing = frames_micro_f1({"d1": set()}, {"d1": set()})
    assert nothing.value == 1.0 and nothing.per_label == []


def test_frames_prediction_absent_from_gold_is_a_false_positive() -> None:
    result = frames_micro_f1({"d1": {"Economic"}, "d2": set()}, {"d1": {"Economic"}, "d2": {"Morality"}})
    # tp=1, fp=1 (Morality on an article without frames), fn=0: P = 1/2, R = 1, F = 2/(2+1) = 2/3
    assert result.value == approx(2 / 3)
    assert label(result, "Morality") == LabelScore("Morality", 0.0, 1.0, 0.0, 0)  # R = 0/0 -> 1


def test_paragraph_techniques_f1_by_hand() -> None:
    gold = {
        ("a1", 1): {"Doubt"},
        ("a1", 3): set(),
        ("a1", 5): {"Slogans", "Loaded_Language"},
        ("a2", 1): set(),
    }
    pred = {("a1", 1): {"Doubt"}, ("a1", 3): {"Doubt"}, ("a1", 5): {"Loaded_Language"}, ("a2", 1): set()}
    result = paragraph_techniques_f1(gold, pred)
    # tp = 2 (Doubt@1, Loaded_Language@5), fp = 1 (Doubt on paragraph 3, which has none), fn = 1 (Slogans@5)
    # P = 2/3, R = 2/3, F = 4/6; macro: Doubt 2/(2+1) = 2/3, Loaded_Language 1, Slogans 0 -> (2/3+1+0)/3 = 5/9
    assert result.task == "semeval2023-st3"
    assert result.value == approx(2 / 3)
    assert result.extra["macro-F1"] == approx(5 / 9)
    assert label(result, "Doubt").support == 1
    with pytest.raises(NarrascopeError) as error:  # a paragraph missing from the predictions is refused
        paragraph_techniques_f1(gold, {k: v for k, v in pred.items() if k != ("a2", 1)})
    assert error.value.code == "E304"
    assert "('a2', 1)" in str(error.value)


# -- span F1 with partial-overlap credit ----------------------------------------------------------


def test_span_f1_partial_overlap_normalises_by_each_side() -> None:
    # gold [0,10), prediction [0,4): |s∩t| = 4; P = 4/|s| = 4/4 = 1, R = 4/|t| = 4/10 = 0.4
    # F = 2*1*0.4/(1+0.4) = 0.8/1.4 = 4/7
    result = span_f1({"a": [("X", 0, 10)]}, {"a": [("X", 0, 4)]})
    assert result.task == "semeval2020-t11-si"
    assert result.extra == approx({"precision": 1.0, "recall": 0.4})
    assert result.value == approx(4 / 7)
    assert result.per_label == []


def test_span_f1_semeval2020_ignores_labels() -> None:
    # SI has one class: a "Y" span over a "X" span still earns credit. |[5,15) ∩ [0,10)| = 5
    # P = 5/10, R = 5/10, F = 1/2
    result = span_f1({"a": [("X", 0, 10)]}, {"a": [("Y", 5, 15)]})
    assert result.value == approx(0.5)
    assert result.extra == approx({"precision": 0.5, "recall": 0.5})


def test_span_f1_one_prediction_over_two_gold_spans() -> None:
    # gold [0,10) and [20,30); prediction [5,25) (20 chars) overlaps each by 5
    # P = (5/20 + 5/20) / 1 = 1/2; R = (5/10 + 5/10) / 2 = 1/2; F = 1/2
    result = span_f1({"a": [("X", 0, 10), ("X", 20, 30)]}, {"a": [("X", 5, 25)]})
    assert result.extra == approx({"precision": 0.5, "recall": 0.5})
    assert result.value == approx(0.5)


def test_span_f1_merges_overlapping_spans_but_not_touching_ones() -> None:
    gold = {"a": [("X", 0, 10)]}
    # [0,4) and [2,8) overlap -> merged [0,8): P = 8/8 = 1, R = 8/10; F = 2*0.8/1.8 = 8/9
    overlapping = span_f1(gold, {"a": [("X", 0, 4), ("X", 2, 8)]})
    assert overlapping.extra == approx({"precision": 1.0, "recall": 0.8})
    assert overlapping.value == approx(8 / 9)
    # [0,5) and [5,10) share no character: two predictions, each wholly inside gold
    # P = (5/5 + 5/5) / 2 = 1, R = (5/10 + 5/10) / 1 = 1, F = 1
    touching = span_f1(gold, {"a": [("X", 0, 5), ("X", 5, 10)]})
    assert touching.extra == approx({"precision": 1.0, "recall": 1.0})
    # gold overlaps are merged too: [0,6) and [4,10) -> one gold span [0,10), so R = 10/10 over 1 span
    assert span_f1({"a": [("X", 0, 6), ("X", 4, 10)]}, {"a": [("X", 0, 10)]}).value == 1.0


def test_span_f1_empty_sides_and_missing_documents() -> None:
    gold = {"a": [("X", 0, 10)], "b": []}
    # no prediction at all: P = 0 (no predicted span), R = 0/1 = 0, F = 0
    empty = span_f1(gold, {})
    assert (empty.value, empty.extra["precision"], empty.extra["recall"]) == (0.0, 0.0, 0.0)
    # neither gold nor predicted spans: F = 1 by the scorers' convention, P = R = 0
    nothing = span_f1({"a": [], "b": []}, {"a": []})
    assert (nothing.value, nothing.extra["precision"], nothing.extra["recall"]) == (1.0, 0.0, 0.0)
    # document b (no gold span) gets a prediction; document a is missing from pred (its span is missed)
    # P = 0/1 = 0, R = 0/1 = 0, F = 0
    assert span_f1(gold, {"b": [("X", 0, 3)]}).value == 0.0
    # a document gold does not list is refused
    with pytest.raises(NarrascopeError) as error:
        span_f1(gold, {"zzz": [("X", 0, 3)]})
    assert error.value.code == "E304"
    assert "'zzz'" in str(error.value)


def test_span_f1_refuses_empty_spans_and_unknown_variants() -> None:
    with pytest.raises(NarrascopeError) as error:
        span_f1({"a": [("X", 5, 5)]}, {})
    assert error.value.code == "E300"
    with pytest.raises(NarrascopeError):
        span_f1({"a": [("X", 0, 5)]}, {"a": [("X", -1, 3)]}, "checkthat2024")
    with pytest.raises(ValueError, match="unknown span_f1 variant"):
        span_f1({}, {}, "semeval2019")


def test_span_f1_checkthat2024_credits_only_same_technique() -> None:
    gold = {"a": [("Loaded_Language", 0, 10), ("Doubt", 0, 10)]}
    pred = {"a": [("Loaded_Language", 0, 5), ("Slogans", 0, 10)]}
    result = span_f1(gold, pred, "checkthat2024")
    # Loaded_Language: pred [0,5) vs gold [0,10): precision credit 5/5 = 1, recall credit 5/10 = 0.5
    # Slogans overlaps Doubt but the technique differs: no credit
    # P = 1/2 (two predictions), R = 0.5/2 (two gold spans) = 1/4, F = 2*(1/2)(1/4)/(3/4) = 1/3
    assert result.task == "checkthat2024-t3"
    assert result.name == "micro-F1"
    assert result.value == approx(1 / 3)
    assert result.extra["precision"] == approx(0.5)
    assert result.extra["recall"] == approx(0.25)
    # per technique: Loaded_Language P = 1/1, R = 0.5/1, F = 2/3; Doubt: no prediction -> P = 0, R = 0, F = 0;
    # Slogans: absent from gold -> P = 0/1 = 0, R = 0 (no gold span), F = 0; macro = (2/3 + 0 + 0)/3 = 2/9
    assert scores(result, "Loaded_Language") == approx((1.0, 0.5, 2 / 3, 1))
    assert label(result, "Doubt") == LabelScore("Doubt", 0.0, 0.0, 0.0, 1)
    assert label(result, "Slogans") == LabelScore("Slogans", 0.0, 0.0, 0.0, 0)
    assert result.extra["macro-F1"] == approx(2 / 9)


def test_span_f1_checkthat2024_merges_same_technique_overlaps_only() -> None:
    gold = {"a": [("Loaded_Language", 0, 10)]}
    # same technique [0,6) and [4,10) merge into [0,10): P = R = 1. Unmerged, each pair would
    # earn recall credit 6/10 and R would be (0.6 + 0.6)/1 = 1.2 > 1.
    same = span_f1(gold, {"a": [("Loaded_Language", 0, 6), ("Loaded_Language", 4, 10)]}, "checkthat2024")
    assert same.value == 1.0 and same.extra["recall"] == 1.0
    # different techniques over the same text stay two spans: the Doubt one earns nothing
    # P = (1 + 0)/2 = 1/2, R = 1/1 = 1, F = 2*(1/2)/(3/2) = 2/3
    mixed = span_f1(gold, {"a": [("Loaded_Language", 0, 10), ("Doubt", 0, 10)]}, "checkthat2024")
    assert mixed.value == approx(2 / 3)


def test_span_f1_checkthat2024_inventory() -> None:
    gold = {"a": [("Doubt", 0, 10)]}
    pred = {"a": [("Doubt", 0, 10)]}
    result = span_f1(gold, pred, "checkthat2024", classes=["Doubt", "Slogans"])
    # Slogans occurs nowhere: no prediction and no gold span -> F = 1 by convention; macro = (1 + 1)/2
    assert result.extra["macro-F1"] == 1.0
    assert label(result, "Slogans") == LabelScore("Slogans", 0.0, 0.0, 1.0, 0)
    with pytest.raises(NarrascopeError) as error:
        span_f1(gold, {"a": [("Whatever", 0, 3)]}, "checkthat2024", classes=["Doubt"])
    assert error.value.code == "E301"


# -- SemEval-2025 subtask 1: entity roles ---------------------------------------------------------

ROLES_GOLD: RoleMap = {
    ("d", 0, 5): ("Protagonist", frozenset({"Guardian"})),
    ("d", 10, 15): ("Antagonist", frozenset({"Tyrant", "Corrupt"})),
    ("d", 20, 25): ("Innocent", frozenset({"Victim"})),
}


def test_roles_scores_by_hand() -> None:
    pred: RoleMap = {
        ("d", 0, 5): ("Protagonist", frozenset({"Guardian"})),
        ("d", 10, 15): ("Antagonist", frozenset({"Tyrant"})),
        ("d", 20, 25): ("Antagonist", frozenset({"Spy"})),
    }
    result = roles_scores(ROLES_GOLD, pred)
    # EMR: fine-role sets equal for the first mention only -> 1/3
    # fine roles: tp = 2 (Guardian, Tyrant), fp = 1 (Spy), fn = 2 (Corrupt, Victim)
    #   P = 2/3, R = 2/4, F = 4/(4+1+2) = 4/7
    # main role right for mentions 1 and 2 -> 2/3
    # macro-F1 over Corrupt 0, Guardian 1, Spy 0, Tyrant 1, Victim 0 -> 2/5
    assert result.task == "semeval2025-t10-st1"
    assert result.name == "EMR"
    assert result.value == approx(1 / 3)
    assert result.extra["micro-precision"] == approx(2 / 3)
    assert result.extra["micro-recall"] == approx(0.5)
    assert result.extra["micro-F1"] == approx(4 / 7)
    assert result.extra["main-role-accuracy"] == approx(2 / 3)
    assert result.extra["macro-F1"] == approx(2 / 5)
    # Spy is predicted but absent from gold: P = 0/1, R = 0/0 -> 1 (zero_division=1), F = 0
    assert label(result, "Spy") == LabelScore("Spy", 0.0, 1.0, 0.0, 0)
    # Victim is never predicted: P = 0/0 -> 1, R = 0/1, F = 0
    assert label(result, "Victim") == LabelScore("Victim", 1.0, 0.0, 0.0, 1)


def test_roles_emr_ignores_the_main_role() -> None:
    pred = dict(ROLES_GOLD)
    pred[("d", 0, 5)] = ("Antagonist", frozenset({"Guardian"}))  # wrong main role, right fine roles
    result = roles_scores(ROLES_GOLD, pred)
    # EMR on fine roles: 3/3; main-and-fine match: 2/3; main-role accuracy 2/3
    assert result.value == 1.0
    assert result.extra["exact-match-main-and-fine"] == approx(2 / 3)
    assert result.extra["main-role-accuracy"] == approx(2 / 3)


def test_roles_empty_fine_predictions_and_mismatched_mentions() -> None:
    pred = {key: (main, frozenset[str]()) for key, (main, _) in ROLES_GOLD.items()}
    result = roles_scores(ROLES_GOLD, pred)
    # no fine role predicted: tp = fp = 0, fn = 4 -> P = 0/0 -> 1, R = 0, F = 0; EMR 0; main roles all right
    assert result.value == 0.0
    assert result.extra["micro-precision"] == 1.0
    assert result.extra["micro-F1"] == 0.0
    assert result.extra["main-role-accuracy"] == 1.0
    shifted = {(doc, start + 1, end): value for (doc, start, end), value in ROLES_GOLD.items()}
    with pytest.raises(NarrascopeError) as error:
        roles_scores(ROLES_GOLD, shifted)
    assert error.value.code == "E304"
    assert "('d', 0, 5)" in str(error.value) and "('d', 1, 5)" in str(error.value)


def test_roles_one_fine_role_in_all_is_scored_as_scikit_learn_does() -> None:
    gold: RoleMap = {
        ("d", 0, 3): ("Innocent", frozenset({"Victim"})),
        ("d", 5, 9): ("Innocent", frozenset({"Victim"})),
    }
    pred: RoleMap = {("d", 0, 3): ("Innocent", frozenset()), ("d", 5, 9): ("Innocent", frozenset({"Victim"}))}
    result = roles_scores(gold, pred)
    # Only "Victim" occurs: the scorer's binarised matrix has one column, which scikit-learn reads
    # as a binary target (values "absent" 0 / "present" 1). Pairs (gold, pred): (1, 0), (1, 1).
    # micro over the values = share of agreeing mentions = 1/2 for P, R and F1.
    # value 0: tp=0, fp=1, fn=0 -> P 0, R 0/0 -> 1, F 0; value 1: tp=1, fp=0, fn=1 -> P 1, R 1/2, F 2/3
    # macro: P (0+1)/2 = 1/2, R (1+1/2)/2 = 3/4, F (0+2/3)/2 = 1/3
    assert result.extra["micro-precision"] == approx(0.5)
    assert result.extra["micro-F1"] == approx(0.5)
    assert result.extra["macro-recall"] == approx(0.75)
    assert result.extra["macro-F1"] == approx(1 / 3)
    # the label's own figures stay the usual ones: tp=1, fp=0, fn=1 -> P 1, R 1/2, F 2/3
    assert scores(result, "Victim") == approx((1.0, 0.5, 2 / 3, 2))
    # with an inventory of one frame given, subtask 2 meets the same quirk: (1, 0), (0, 0) agree once
    frames = frames_micro_f1({"a": {"Economic"}, "b": set()}, {"a": set(), "b": set()}, classes=["Economic"])
    assert frames.value == approx(0.5)


# -- SemEval-2025 subtask 2: narratives -------------------------------------------------------------


def test_narratives_f1_by_hand() -> None:
    gold: NarrMap = {"d1": ({"A"}, {"A: a1", "A: a2"}), "d2": ({"B"}, {"B: b1"})}
    pred: NarrMap = {"d1": ({"A"}, {"A: a1"}), "d2": ({"C"}, {"C: c1"})}
    result = narratives_f1(gold, pred)
    # fine: d1 2*1/(2+1) = 2/3, d2 0 -> mean 1/3, std = sqrt(((1/3)^2 + (1/3)^2)/2) = 1/3
    # coarse: d1 1, d2 0 -> mean 1/2, std 1/2
    assert result.task == "semeval2025-t10-st2"
    assert result.value == approx(1 / 3)
    assert result.extra == approx(
        {"F1@fine": 1 / 3, "F1@fine-std": 1 / 3, "F1@coarse": 0.5, "F1@coarse-std": 0.5}
    )


def test_narratives_edge_cases() -> None:
    # an article with no label on either side scores 0 (zero_division=0), even though pred == gold:
    # fine: d1 = 1, d2 = 0 -> mean 1/2
    gold: NarrMap = {"d1": ({"A"}, {"A: a1"}), "d2": (set(), set())}
    assert narratives_f1(gold, gold).value == approx(0.5)
    # labels outside the class lists are ignored on both sides: "A: junk" does not count
    # d1 fine: gold {a1}, pred {a1} -> 1; d2: nothing left -> 0
    pred: NarrMap = {"d1": ({"A"}, {"A: a1", "A: junk"}), "d2": (set(), set())}
    assert narratives_f1(gold, pred, fine_classes=["A: a1"]).value == approx(0.5)
    assert narratives_f1(gold, pred).value == approx((2 / 3 + 0) / 2)  # without lists: d1 = 2*1/(1+2)
    with pytest.raises(NarrascopeError) as error:
        narratives_f1(gold, {"d1": gold["d1"]})
    assert error.value.code == "E304"


# -- properties ---------------------------------------------------------------------------------------

IDS = st.sampled_from([f"doc{i}" for i in range(8)])
LABELS = st.sampled_from(["L1", "L2", "L3", "L4", "L5"])
LABEL_SETS = st.frozensets(LABELS, max_size=3)


@st.composite
def paired(draw: st.DrawFn, values: st.SearchStrategy[object]) -> tuple[dict[str, object], dict[str, object]]:
    gold = draw(st.dictionaries(IDS, values, min_size=1))
    pred = {key: draw(values) for key in gold}
    return gold, pred


@st.composite
def spans(draw: st.DrawFn, min_size: int = 0) -> SpanMap:
    out: SpanMap = {}
    for doc in draw(st.lists(IDS, min_size=1, max_size=4, unique=True)):
        items = draw(
            st.lists(st.tuples(LABELS, st.integers(0, 60), st.integers(1, 25)), min_size=min_size, max_size=6)
        )
        out[doc] = [(lab, start, start + length) for lab, start, length in items]
    return out


@st.composite
def roles(draw: st.DrawFn) -> RoleMap:
    keys = draw(st.lists(st.tuples(IDS, st.integers(0, 50)), min_size=1, max_size=8, unique=True))
    mains = st.sampled_from(["Protagonist", "Antagonist", "Innocent"])
    return {(doc, start, start + 3): (draw(mains), draw(LABEL_SETS)) for doc, start in keys}


@given(paired(LABELS))
def test_genre_properties(data: tuple[dict[str, str], dict[str, str]]) -> None:
    gold, pred = data
    assert in_unit_interval(genre_macro_f1(gold, pred, classes=None))
    assert genre_macro_f1(gold, gold, classes=None).value == 1.0


@given(paired(LABEL_SETS))
def test_multilabel_properties(data: tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]) -> None:
    gold, pred = data
    for metric in (frames_micro_f1, _paragraph_metric):
        assert in_unit_interval(metric(gold, pred))
        same = metric(gold, gold)
        assert same.value == 1.0
        assert same.extra["macro-F1"] == 1.0


def _paragraph_metric(gold: dict[str, frozenset[str]], pred: dict[str, frozenset[str]]) -> MetricResult:
    return paragraph_techniques_f1({(k, 1): v for k, v in gold.items()}, {(k, 1): v for k, v in pred.items()})


@given(spans(), spans(), st.sampled_from(["semeval2020", "checkthat2024"]))
def test_span_f1_stays_in_unit_interval(gold: SpanMap, pred: SpanMap, variant: str) -> None:
    gold = {**{doc: [] for doc in pred}, **gold}
    assert in_unit_interval(span_f1(gold, pred, variant))


@given(spans(min_size=1), st.sampled_from(["semeval2020", "checkthat2024"]))
def test_span_f1_is_one_on_gold(gold: SpanMap, variant: str) -> None:
    result = span_f1(gold, gold, variant)
    assert result.value == approx(1.0, abs=1e-12)
    assert result.value <= 1.0
    assert all(s.f1 == approx(1.0) for s in result.per_label)


@given(roles(), st.data())
def test_roles_properties(gold: RoleMap, data: st.DataObject) -> None:
    pred = {key: (main, data.draw(LABEL_SETS)) for key, (main, _) in gold.items()}
    assert in_unit_interval(roles_scores(gold, pred))
    same = roles_scores(gold, gold)
    assert same.value == 1.0
    assert same.extra["micro-F1"] == 1.0
    assert same.extra["main-role-accuracy"] == 1.0


NON_EMPTY = st.frozensets(LABELS, min_size=1, max_size=3)


@given(paired(st.tuples(NON_EMPTY, NON_EMPTY)))
def test_narratives_properties(data: tuple[NarrMap, NarrMap]) -> None:
    gold, pred = data
    assert in_unit_interval(narratives_f1(gold, pred))
    same = narratives_f1(gold, gold)
    assert same.value == 1.0
    assert same.extra["F1@coarse"] == 1.0
    assert same.extra["F1@fine-std"] == 0.0


# -- cross-checks with scikit-learn, which the official scorers call -------------------------------------

CLASSES = ["L1", "L2", "L3", "L4", "L5"]


@settings(deadline=None, max_examples=60)
@given(paired(LABELS))
def test_genre_matches_sklearn(data: tuple[dict[str, str], dict[str, str]]) -> None:
    skm = pytest.importorskip("sklearn.metrics")
    gold, pred = data
    keys = list(gold)
    y_true, y_pred = [gold[k] for k in keys], [pred[k] for k in keys]
    result = genre_macro_f1(gold, pred, classes=None)
    assert result.value == approx(skm.f1_score(y_true, y_pred, average="macro", zero_division=0), abs=1e-12)
    assert result.extra["micro-F1"] == approx(
        skm.f1_score(y_true, y_pred, average="micro", zero_division=0), abs=1e-12
    )


@settings(deadline=None, max_examples=60)
@given(paired(st.frozensets(st.sampled_from([*CLASSES, "Gold-only"]), max_size=3)), st.data())
def test_multilabel_matches_sklearn(
    data: tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]], draw: st.DataObject
) -> None:
    skm = pytest.importorskip("sklearn.metrics")
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    gold, _ = data
    pred = {key: draw.draw(st.frozensets(st.sampled_from(CLASSES), max_size=3)) for key in gold}
    keys = list(gold)
    mlb = preprocessing.MultiLabelBinarizer()
    mlb.fit([CLASSES])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "unknown class(es) ['Gold-only'] will be ignored"
        y_true = mlb.transform([gold[k] for k in keys])
    y_pred = mlb.transform([pred[k] for k in keys])
    result = frames_micro_f1(gold, pred, classes=CLASSES)
    assert result.value == approx(skm.f1_score(y_true, y_pred, average="micro", zero_division=1), abs=1e-12)
    assert result.extra["macro-F1"] == approx(
        skm.f1_score(y_true, y_pred, average="macro", zero_division=1), abs=1e-12
    )
    assert result.extra["micro-precision"] == approx(
        skm.precision_score(y_true, y_pred, average="micro", zero_division=1), abs=1e-12
    )
    assert result.extra["micro-recall"] == approx(
        skm.recall_score(y_true, y_pred, average="micro", zero_division=1), abs=1e-12
    )
    per_label = skm.f1_score(y_true, y_pred, average=None, zero_division=1)
    assert [s.f1 for s in result.per_label] == approx(list(per_label), abs=1e-12)


@settings(deadline=None, max_examples=60)
@given(roles(), st.data())
def test_roles_match_sklearn(gold: RoleMap, data: st.DataObject) -> None:
    skm = pytest.importorskip("sklearn.metrics")
    preprocessing = pytest.importorskip("sklearn.preprocessing")
    mains = st.sampled_from(["Protagonist", "Antagonist", "Innocent"])
    pred = {key: (data.draw(mains), data.draw(LABEL_SETS)) for key in gold}
    used = sorted({role for _, fine in (*gold.values(), *pred.values()) for role in fine})
    result = roles_scores(gold, pred)
    keys = list(gold)
    assert result.extra["main-role-accuracy"] == approx(
        skm.accuracy_score([gold[k][0] for k in keys], [pred[k][0] for k in keys]), abs=1e-12
    )
    if not used:  # the scorer's binariser has no column then; every ratio is 0/0 -> 1
        assert result.extra["micro-F1"] == 1.0
        return
    mlb = preprocessing.MultiLabelBinarizer()
    mlb.fit([used])
    y_true = mlb.transform([gold[k][1] for k in keys])
    y_pred = mlb.transform([pred[k][1] for k in keys])
    checks: dict[str, Callable[..., float]] = {
        "micro-precision": skm.precision_score,
        "micro-recall": skm.recall_score,
        "micro-F1": skm.f1_score,
    }
    for name, function in checks.items():
        assert result.extra[name] == approx(
            function(y_true, y_pred, average="micro", zero_division=1), abs=1e-12
        )
    assert result.extra["macro-F1"] == approx(
        skm.f1_score(y_true, y_pred, average="macro", zero_division=1), abs=1e-12
    )


@settings(deadline=None, max_examples=60)
@given(paired(st.tuples(LABEL_SETS, LABEL_SETS)))
def test_narratives_match_sklearn(data: tuple[NarrMap, NarrMap]) -> None:
    skm = pytest.importorskip("sklearn.metrics")
    np = pytest.importorskip("numpy")
    gold, pred = data
    fine_classes = ["L1", "L2", "L3"]  # L4 and L5 are outside the list and must be ignored

    def one_hot(labels: AbstractSet[str]) -> list[int]:
        return [int(c in labels) for c in fine_classes]

    scores = [skm.f1_score(one_hot(gold[k][1]), one_hot(pred[k][1]), zero_division=0) for k in gold]
    result = narratives_f1(gold, pred, fine_classes=fine_classes)
    assert result.value == approx(float(np.mean(scores)), abs=1e-12)
    assert result.extra["F1@fine-std"] == approx(float(np.std(scores)), abs=1e-12)
