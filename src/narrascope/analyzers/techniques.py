"""Persuasion techniques (the 23 of SemEval-2023 Task 3): spans and paragraph labels.

Runs the technique model (:mod:`narrascope.models.techniques`): by default the one that
ships inside the package, or any model folder that ``narrascope train techniques`` wrote.
Spans go to the ``technique`` layer, paragraph labels to ``paragraph_technique`` (the span
covers the paragraph, ``attrs["paragraph"]`` is its line number, as the shared task has it);
both carry calibrated scores and ``attrs["category"]``.
"""

from __future__ import annotations

from narrascope.analyzers.base import Analyzer
from narrascope.document import Document
from narrascope.models.techniques import DEFAULT_MODEL, load_model
from narrascope.registry import register
from narrascope.taxonomy import TECHNIQUES

__all__ = ["TechniqueAnalyzer"]


@register
class TechniqueAnalyzer(Analyzer):
    name = "narrascope.techniques.v1"
    requires = ("language", "paragraph")
    provides = ("technique", "paragraph_technique")
    # threshold: one score cut-off for every technique instead of the tuned ones (0 < t < 1).
    defaults = {"model": DEFAULT_MODEL, "threshold": None}

    def __init__(self, settings: dict[str, object]) -> None:
        super().__init__(settings)
        threshold = self.settings["threshold"]
        if threshold is not None and not (isinstance(threshold, int | float) and 0 < float(threshold) < 1):
            from narrascope.errors import NarrascopeError

            raise NarrascopeError(
                "E020", f"{self.name}: threshold must be a number between 0 and 1, not {threshold!r}"
            )

    @property
    def model(self) -> str:
        return f"{self.settings['model']} (encoder {load_model(str(self.settings['model'])).config.encoder})"

    def __call__(self, doc: Document) -> None:
        model = load_model(str(self.settings["model"]))
        threshold = self.settings["threshold"]
        (prediction,) = model.predict(
            [doc.text], threshold=None if threshold is None else float(threshold), languages=[doc.language]
        )
        for start, end, label, score in prediction.spans:
            category = TECHNIQUES[label].category if label in TECHNIQUES else None
            self.span(
                doc, start, end, "technique", label, score=round(score, 4), attrs={"category": category}
            )
        for line, start, end, label, score in prediction.paragraphs:
            category = TECHNIQUES[label].category if label in TECHNIQUES else None
            attrs = {"paragraph": line, "category": category}
            self.span(doc, start, end, "paragraph_technique", label, score=round(score, 4), attrs=attrs)
