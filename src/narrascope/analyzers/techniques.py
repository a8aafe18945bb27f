"""Persuasion techniques (the 23 of SemEval-2023 Task 3): spans and paragraph labels.

Runs the heads of the technique model (:mod:`narrascope.models.techniques`) on the shared
encoder pass (``narrascope.encoder.v1``): by default the model that ships inside the package,
or any model folder that ``narrascope train techniques`` wrote.
Spans go to the ``technique`` layer, paragraph labels to ``paragraph_technique`` (the span
covers the paragraph, ``attrs["paragraph"]`` is its line number, as the shared task has it);
both carry calibrated scores and ``attrs["category"]``. In a language of the model's training
data, only the techniques that language's annotators used are reported (English: 19 of the
23) unless ``language_inventory`` is off; the others are listed on the document, in
``metadata["not_reported"][layer]["labels"]``, so that its JSON and report say so.
"""

from __future__ import annotations

from narrascope.analyzers.base import Analyzer, check_threshold
from narrascope.analyzers.encoder import ENCODING, EncoderNeeds, encoding_of
from narrascope.config import analyzer_defaults
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.models.techniques import load_model, weights_sha256
from narrascope.registry import register
from narrascope.taxonomy import TECHNIQUES

__all__ = ["TechniqueAnalyzer"]


@register
class TechniqueAnalyzer(Analyzer):
    name = "narrascope.techniques.v1"
    requires = ("language", "paragraph", ENCODING)
    provides = ("technique", "paragraph_technique")
    defaults = analyzer_defaults(name)

    def __init__(self, settings: dict[str, object]) -> None:
        super().__init__(settings)
        check_threshold(self.name, self.settings.get("threshold", "model"))
        if not isinstance(self.settings.get("language_inventory", True), bool):
            raise NarrascopeError(
                "E020",
                f"{self.name}: language_inventory must be true or false, "
                f"not {self.settings['language_inventory']!r}",
            )

    @property
    def model(self) -> str:
        model = load_model(str(self.settings["model"]))
        return f"{self.settings['model']} (sha256 {model.sha256}; encoder {model.config.encoder})"

    def identity(self) -> str:
        return weights_sha256(str(self.settings["model"]))

    def encoder_needs(self) -> EncoderNeeds:
        config = load_model(str(self.settings["model"])).config
        return EncoderNeeds(
            config.encoder, tuple(config.layers), config.window, config.overlap, config.quantise
        )

    def __call__(self, doc: Document) -> None:
        model = load_model(str(self.settings["model"]))
        trained = model.config.languages
        if trained and doc.language not in trained:
            doc.warn(
                f"W153: {self.name}: the technique model was not trained on language '{doc.language}' "
                f"(trained on {', '.join(trained)}); its techniques are the encoder's zero-shot transfer"
            )
        threshold = None if self.settings["threshold"] == "model" else self.settings["threshold"]
        states = encoding_of(doc, self.name).layers(model.layers)
        inventory = bool(self.settings["language_inventory"])
        (prediction,) = model.predict_encoded(
            [doc.text],
            [states],
            threshold=None if threshold is None else float(threshold),
            languages=[doc.language],
            inventory=inventory,
        )
        left_out = sorted(model.config.not_annotated.get(doc.language or "", [])) if inventory else []
        # Said on the document, not as a warning: it holds for every article in the language,
        # and the reader of one article's JSON or report must see that "none found" is not
        # "none there" for these techniques. A stored document analysed again with other
        # settings keeps no stale list.
        marks = doc.metadata.setdefault("not_reported", {})
        for layer in self.provides:
            if left_out:
                marks[layer] = {"analyzer": self.name, "labels": left_out}
            else:
                marks.pop(layer, None)
        if not marks:
            del doc.metadata["not_reported"]
        for start, end, label, score in prediction.spans:
            category = TECHNIQUES[label].category if label in TECHNIQUES else None
            self.span(
                doc, start, end, "technique", label, score=round(score, 4), attrs={"category": category}
            )
        for line, start, end, label, score in prediction.paragraphs:
            category = TECHNIQUES[label].category if label in TECHNIQUES else None
            attrs = {"paragraph": line, "category": category}
            self.span(doc, start, end, "paragraph_technique", label, score=round(score, 4), attrs=attrs)
