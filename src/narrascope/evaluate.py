"""``narrascope evaluate``: score a prediction file against a gold file, as the organisers do.

Each task names the file format of both sides and the official metric. Both files are read
with the same reader, which refuses malformed lines and unknown labels (naming file and
line); ids of the prediction that the gold file does not know are refused too (E304), since
the official scorers would silently ignore them and the user would never learn of a typo.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from narrascope import metrics, taxonomy
from narrascope.errors import NarrascopeError
from narrascope.formats import checkthat, ptc, semeval2023, semeval2025
from narrascope.metrics import MetricResult

__all__ = ["TASKS", "Task", "evaluate"]


@dataclass(frozen=True)
class Task:
    name: str
    description: str
    read: Callable[[Path], Any]
    score: Callable[[Any, Any], MetricResult]
    #: Span files list only the articles that have spans, so an unknown id there may just be
    #: an article without any: the check is made only where gold files list every article.
    check_ids: bool = True


def _paragraphs(path: Path) -> dict[tuple[str, int], set[str]]:
    return semeval2023.read_paragraph_techniques(path, taxonomy.TECHNIQUES)


def _spans2023(path: Path) -> dict[str, list[tuple[str, int, int]]]:
    return semeval2023.read_span_techniques(path, taxonomy.TECHNIQUES)


def _ptc(path: Path) -> dict[str, list[tuple[str, int, int]]]:
    return ptc.read_ptc_labels(path, taxonomy.PTC_TECHNIQUES)


def _checkthat(path: Path) -> dict[str, list[tuple[str, int, int]]]:
    spans = checkthat.read_checkthat_spans(path)
    for article, items in spans.items():
        for label, _, _ in items:
            if label not in taxonomy.TECHNIQUES:
                raise NarrascopeError("E301", f"{path}: article {article}: unknown technique {label!r}")
    return spans


def _roles(path: Path) -> dict[tuple[str, int, int], tuple[str, frozenset[str]]]:
    out: dict[tuple[str, int, int], tuple[str, frozenset[str]]] = {}
    for doc, _, start, end, main, fine in semeval2025.read_roles(
        path, taxonomy.MAIN_ROLES, taxonomy.FINE_ROLES
    ):
        out[(doc, start, end)] = (main, frozenset(fine))
    return out


def _narratives(path: Path) -> dict[str, tuple[set[str], set[str]]]:
    known_n = [*taxonomy.narratives(), "Other"]
    known_s = [*taxonomy.subnarratives(), "Other"]
    return {
        doc: (set(n), set(s)) for doc, (n, s) in semeval2025.read_narratives(path, known_n, known_s).items()
    }


def _span_scorer(variant: str, classes: Any = None) -> Callable[[Any, Any], MetricResult]:
    def score(gold: Any, pred: Any) -> MetricResult:
        return metrics.span_f1(gold, pred, variant=variant, classes=classes)

    return score


def _with_classes(metric: Callable[..., MetricResult], classes: Any) -> Callable[[Any, Any], MetricResult]:
    """The metric with the task's label list, which the official macro-F1 depends on."""

    def score(gold: Any, pred: Any) -> MetricResult:
        return metric(gold, pred, classes=list(classes))

    return score


TASKS: dict[str, Task] = {
    task.name: task
    for task in (
        Task(
            "semeval2023-st1",
            "SemEval-2023 Task 3 subtask 1, genre: ID<TAB>genre; macro-F1",
            lambda p: semeval2023.read_genres(p, taxonomy.GENRES),
            _with_classes(metrics.genre_macro_f1, taxonomy.GENRES),
        ),
        Task(
            "semeval2023-st2",
            "SemEval-2023 Task 3 subtask 2, frames: ID<TAB>frame,...; micro-F1",
            lambda p: semeval2023.read_frames(p, taxonomy.FRAMES),
            _with_classes(metrics.frames_micro_f1, taxonomy.FRAMES),
        ),
        Task(
            "semeval2023-st3",
            "SemEval-2023 Task 3 subtask 3, techniques per paragraph: ID<TAB>line<TAB>technique,...; micro-F1",
            _paragraphs,
            _with_classes(metrics.paragraph_techniques_f1, taxonomy.TECHNIQUES),
        ),
        Task(
            "semeval2023-spans",
            "SemEval-2023 Task 3 technique spans: ID<TAB>technique<TAB>start<TAB>end (file or folder); "
            "micro-F1 with partial-overlap credit, technique must match",
            _spans2023,
            _span_scorer("checkthat2024", taxonomy.TECHNIQUES),
            check_ids=False,
        ),
        Task(
            "ptc2020-si",
            "SemEval-2020 Task 11 span identification: ID<TAB>start<TAB>end (or TC lines, labels ignored); "
            "F1 with partial-overlap credit",
            _ptc,
            _span_scorer("semeval2020"),
            check_ids=False,
        ),
        Task(
            "ptc2020-tc",
            "PTC technique spans: ID<TAB>technique<TAB>start<TAB>end; micro-F1 with partial overlap, "
            "technique must match",
            _ptc,
            _span_scorer("checkthat2024", taxonomy.PTC_TECHNIQUES),
            check_ids=False,
        ),
        Task(
            "checkthat2024",
            'CheckThat! 2024 Task 3 span JSON {id: [{"tag", "start", "end"}]}; span F1, CheckThat variant',
            _checkthat,
            _span_scorer("checkthat2024", taxonomy.TECHNIQUES),
        ),
        Task(
            "semeval2025-st1",
            "SemEval-2025 Task 10 subtask 1, entity roles; exact match ratio of fine roles",
            _roles,
            metrics.roles_scores,
        ),
        Task(
            "semeval2025-st2",
            "SemEval-2025 Task 10 subtask 2, narratives: DOC<TAB>narr;...<TAB>sub;...; samples-F1",
            _narratives,
            metrics.narratives_f1,
        ),
    )
}


def _ids(data: Any) -> set[str]:
    keys = data.keys() if isinstance(data, Mapping) else data
    return {k[0] if isinstance(k, tuple) else k for k in keys}


def evaluate(task: str, gold: str | Path, pred: str | Path) -> MetricResult:
    """Score ``pred`` against ``gold`` with the official metric of ``task``."""
    if task not in TASKS:
        raise NarrascopeError("E304", f"unknown task {task!r}; tasks: {', '.join(TASKS)}")
    spec = TASKS[task]
    for path in (gold, pred):
        if not Path(path).exists():
            raise NarrascopeError("E303", f"{path}: no such file or folder")
    gold_data = spec.read(Path(gold))
    pred_data = spec.read(Path(pred))
    unknown = sorted(_ids(pred_data) - _ids(gold_data)) if spec.check_ids else []
    if unknown:
        shown = ", ".join(unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        raise NarrascopeError("E304", f"{pred}: ids not in the gold file {gold}: {shown}")
    # The metric names its scorer's task; the result is reported under the task the user asked for.
    return replace(spec.score(gold_data, pred_data), task=task)
