"""Paragraphs and sentences.

Paragraphs are the non-empty lines of the text, as in SemEval-2023 Task 3. Each carries
``number`` (1, 2, 3 ... over paragraphs) and ``line`` (its 1-based line number in the text,
empty lines counted), which is how the shared task's subtask 3 files number paragraphs, so
that paragraph-level labels line up with theirs. Sentences come from razdel's rules,
which handle the abbreviations of Russian and English news ("Mr.", "U.S.", "т. е."), and never
cross a paragraph.
"""

from __future__ import annotations

from narrascope.analyzers.base import Analyzer
from narrascope.document import Document
from narrascope.paragraphs import paragraph_lines, paragraphs, sentence_spans
from narrascope.registry import register

__all__ = ["SegmentAnalyzer", "paragraphs"]


@register
class SegmentAnalyzer(Analyzer):
    name = "narrascope.segment.v1"
    provides = ("paragraph", "sentence")

    @property
    def model(self) -> str:
        return "razdel==0.5.0"

    def __call__(self, doc: Document) -> None:
        for number, (line, start, end) in enumerate(paragraph_lines(doc.text), start=1):
            self.span(doc, start, end, "paragraph", "paragraph", attrs={"number": number, "line": line})
            for s_start, s_end in sentence_spans(doc.text, [(line, start, end)]):
                self.span(doc, s_start, s_end, "sentence", "sentence")
