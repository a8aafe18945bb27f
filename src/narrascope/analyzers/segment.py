"""Paragraphs and sentences.

Paragraphs are the non-empty lines of the text, as in SemEval-2023 Task 3. Each carries
``number`` (1, 2, 3 ... over paragraphs) and ``line`` (its 1-based line number in the text,
empty lines counted), which is how the shared task's subtask 3 files number paragraphs, so
that paragraph-level labels line up with theirs. Sentences come from razdel's rules,
which handle the abbreviations of Russian and English news ("Mr.", "U.S.", "т. е."), and never
cross a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from razdel import sentenize

from narrascope.analyzers.base import Analyzer
from narrascope.document import Document
from narrascope.registry import register

__all__ = ["SegmentAnalyzer", "paragraphs"]

_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the non-empty lines of ``text``, trimmed of surrounding white space."""
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped)


@register
class SegmentAnalyzer(Analyzer):
    name = "narrascope.segment.v1"
    provides = ("paragraph", "sentence")

    @property
    def model(self) -> str:
        return "razdel==0.5.0"

    def __call__(self, doc: Document) -> None:
        line, counted_to = 1, 0
        for number, (start, end) in enumerate(paragraphs(doc.text), start=1):
            line += doc.text.count("\n", counted_to, start)
            counted_to = start
            attrs = {"number": number, "line": line}
            self.span(doc, start, end, "paragraph", "paragraph", attrs=attrs)
            for sentence in sentenize(doc.text[start:end]):
                self.span(doc, start + sentence.start, start + sentence.stop, "sentence", "sentence")
