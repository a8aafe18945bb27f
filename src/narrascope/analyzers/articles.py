"""Frames and genre of the whole article (SemEval-2023 Task 3 subtasks 2 and 1).

Heads of :mod:`narrascope.models.articles` on the shared encoder pass
(``narrascope.encoder.v1``): by default the models that ship inside the package, or any
folder that ``narrascope train frames`` or ``narrascope train genre`` wrote. They add
document labels: ``frame`` (every frame at or above the model's threshold, with its score)
and ``genre`` (the most probable genre, with its share of the probability).
"""

from __future__ import annotations

from typing import ClassVar

from narrascope.analyzers.base import Analyzer, check_threshold
from narrascope.analyzers.encoder import ENCODING, EncoderNeeds, encoding_of
from narrascope.config import analyzer_defaults
from narrascope.document import Document
from narrascope.models.articles import article_weights_sha256, load_article_model
from narrascope.registry import register

__all__ = ["FrameAnalyzer", "GenreAnalyzer"]


class _ArticleAnalyzer(Analyzer):
    """What the frame and genre analyzers share: one article model, read from the shared pass."""

    task: ClassVar[str]
    layer: ClassVar[str]

    def __init__(self, settings: dict[str, object]) -> None:
        super().__init__(settings)
        check_threshold(self.name, self.settings.get("threshold", "model"))

    @property
    def model(self) -> str:
        model = load_article_model(self.task, str(self.settings["model"]))
        return f"{self.settings['model']} (sha256 {model.sha256}; encoder {model.config.encoder})"

    def identity(self) -> str:
        return article_weights_sha256(self.task, str(self.settings["model"]))

    def encoder_needs(self) -> EncoderNeeds:
        config = load_article_model(self.task, str(self.settings["model"])).config
        return EncoderNeeds(
            config.encoder, tuple(config.layers), config.window, config.overlap, config.quantise
        )

    def __call__(self, doc: Document) -> None:
        model = load_article_model(self.task, str(self.settings["model"]))
        trained = model.config.languages
        if trained and doc.language not in trained:
            doc.warn(
                f"W153: {self.name}: the {self.task} model was not trained on language '{doc.language}' "
                f"(trained on {', '.join(trained)}); its labels are the encoder's zero-shot transfer"
            )
        threshold = self.settings.get("threshold", "model")
        states = encoding_of(doc, self.name).layers(model.config.layers)
        (found,) = model.predict_encoded([states], None if threshold == "model" else float(threshold))
        for label, score in found:
            self.label(doc, self.layer, label, score=round(score, 4))


@register
class FrameAnalyzer(_ArticleAnalyzer):
    name = "narrascope.frames.v1"
    requires = ("language", "paragraph", ENCODING)
    provides = ("frame",)
    defaults = analyzer_defaults(name)
    task = "frames"
    layer = "frame"


@register
class GenreAnalyzer(_ArticleAnalyzer):
    name = "narrascope.genre.v1"
    requires = ("language", "paragraph", ENCODING)
    provides = ("genre",)
    defaults = analyzer_defaults(name)
    task = "genre"
    layer = "genre"
