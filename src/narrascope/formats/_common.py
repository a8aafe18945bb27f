"""What every reader shares: a log of repairs, and errors that name the file and the line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from narrascope._chars import in_word
from narrascope.errors import NarrascopeError

__all__ = [
    "RepairLog",
    "integer",
    "line_error",
    "nearest_occurrence",
    "read_text",
    "repair_span",
    "tab_rows",
    "write_lines",
]


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


def tab_rows(path: str | Path, min_cols: int, max_cols: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """(line number, columns) of a tab-separated file; blank lines skipped; E300 on a bad count.

    A trailing empty column is kept ("ID<TAB>3<TAB>" means paragraph 3 has no label).
    """
    file = Path(path)
    if not file.is_file():
        raise NarrascopeError("E303", f"{file}: no such file")
    with file.open(encoding="utf-8", newline="") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < min_cols or (max_cols is not None and len(cols) > max_cols):
                want = f"{min_cols}" if max_cols == min_cols else f"{min_cols} to {max_cols or 'more'}"
                raise line_error(file, number, f"expected {want} tab-separated columns, found {len(cols)}")
            yield number, cols


def integer(path: str | Path, line: int, value: str, what: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise line_error(path, line, f"{what} {value!r} is not a whole number") from None


def repair_span(
    text: str, start: int, end: int, log: RepairLog, where: str, word_end: bool = False
) -> tuple[int, int] | None:
    """The span clipped to the text and trimmed of white space at its edges, or None to drop it.

    The shared tasks' files hold spans that end past their article or start or end on white
    space; both are repaired here and counted, and spans with nothing left are dropped. With
    ``word_end``, a span that ends one character before the end of a word is extended to it
    (a systematic slip of the SemEval-2023 non-English span files).
    """
    if start < 0 or start >= len(text) or end <= start:
        log.note("dropped: empty or outside the text", where)
        return None
    if end > len(text):
        log.note("end past the text: clipped", where)
        end = len(text)
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        log.note("dropped: only white space", where)
        return None
    if stripped != piece:
        log.note("white space at the edges: trimmed", where)
        start += len(piece) - len(piece.lstrip())
        end = start + len(stripped)
    if word_end and _inside_word(text, end) and not _inside_word(text, end + 1):
        log.note("end one character inside a word: extended", where)
        end += 1
    return start, end


def _inside_word(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and in_word(text[offset - 1]) and in_word(text[offset])


def read_text(path: Path) -> str:
    """An article's text exactly as stored (no newline translation), so the files' offsets fit."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def nearest_occurrence(text: str, needle: str, near: int) -> int | None:
    """Start of the occurrence of ``needle`` in ``text`` closest to ``near``, or None.

    Readers re-anchor an annotation whose offsets do not fit its recorded text to the place
    nearest to where the file put it.
    """
    if not needle:
        return None
    best: int | None = None
    at = text.find(needle)
    while at != -1:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        if at > near:
            break
        at = text.find(needle, at + 1)
    return best


def write_lines(path: str | Path, lines: list[str]) -> int:
    """Write label lines (each ending in a newline) as UTF-8; the number of lines written."""
    Path(path).write_text("".join(lines), encoding="utf-8")
    return len(lines)
