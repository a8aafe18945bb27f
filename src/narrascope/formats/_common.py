"""What every reader shares: a log of repairs, and errors that name the file and the line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from narrascope.errors import NarrascopeError

__all__ = ["RepairLog", "line_error"]


@dataclass
class RepairLog:
    """Counts of what a reader changed or dropped, by reason, with a few examples of each.

    Readers never repair silently: the counts are printed by the commands that read, and
    tests check them against the real data.
    """

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    max_examples: int = 3

    def note(self, reason: str, example: str = "") -> None:
        self.counts[reason] += 1
        if example:
            shown = self.examples.setdefault(reason, [])
            if len(shown) < self.max_examples:
                shown.append(example)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def merge(self, other: RepairLog) -> None:
        for reason, n in other.counts.items():
            self.counts[reason] += n
            for example in other.examples.get(reason, []):
                self.note_example(reason, example)

    def note_example(self, reason: str, example: str) -> None:
        shown = self.examples.setdefault(reason, [])
        if len(shown) < self.max_examples:
            shown.append(example)

    def summary(self) -> str:
        if not self.counts:
            return "no repairs"
        return "; ".join(f"{reason}: {n}" for reason, n in sorted(self.counts.items()))


def line_error(path: str | Path, line: int, reason: str, code: str = "E300") -> NarrascopeError:
    """``E300: labels.txt:17: expected 3 tab-separated columns, found 2``."""
    return NarrascopeError(code, f"{path}:{line}: {reason}")
