"""Language identification with py3langid, whose model ships inside its wheel."""

from __future__ import annotations

import functools
from typing import Any

from narrascope.analyzers.base import Analyzer
from narrascope.config import analyzer_defaults
from narrascope.document import Document
from narrascope.registry import register

__all__ = ["LanguageAnalyzer"]

# Language is stable over an article; the first few thousand characters decide it as well as
# the whole text would, at a fraction of the cost on very long inputs.
_SAMPLE_CHARS = 5000


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability of the text's language."""
    code, probability = _identifier().classify(text[:_SAMPLE_CHARS])
    return str(code), float(probability)


@register
class LanguageAnalyzer(Analyzer):
    """Sets ``Document.language`` (unless the user set it) and adds a ``language`` label."""

    name = "narrascope.language.v1"
    provides = ("language",)
    defaults = analyzer_defaults(name)

    @property
    def model(self) -> str:
        return "py3langid==0.4.0"

    def __call__(self, doc: Document) -> None:
        if doc.language:
            self.label(doc, "language", doc.language, attrs={"given": True})
            return
        code, probability = identify(doc.text)
        doc.language = code
        self.label(doc, "language", code, score=round(probability, 4))
        if probability < float(self.settings["min_confidence"]):
            doc.warn(
                f"W151: language detected as '{code}' with probability {probability:.2f}; "
                "use --language to set it if that is wrong"
            )
