"""Frames and genre of the whole article (SemEval-2023 Task 3 subtasks 2 and 1), and its
narratives (SemEval-2025 Task 10 subtasks 2 and 3).

Heads of :mod:`narrascope.models.articles` on the shared encoder pass
(``narrascope.encoder.v1``): by default the models that ship inside the package, or any
folder that ``narrascope train frames`` or ``narrascope train genre`` wrote. They add
document labels: ``frame`` (every frame at or above the model's threshold, with its score)
and ``genre`` (the most probable genre, with its share of the probability).
"""

from __future__ import annotations

from typing import ClassVar

from narrascope import taxonomy
from narrascope.analyzers.base import Analyzer, check_min_words, check_threshold, too_short
from narrascope.analyzers.encoder import ENCODING, EncoderNeeds, encoding_of
from narrascope.config import analyzer_defaults
from narrascope.document import Document
from narrascope.models.articles import article_features, article_weights_sha256, load_article_model
from narrascope.models.features import span_means
from narrascope.models.narratives import NARRATIVE_LABELS, read_narratives
from narrascope.registry import register

__all__ = ["FrameAnalyzer", "GenreAnalyzer", "NarrativeAnalyzer"]


class _ArticleAnalyzer(Analyzer):
    """What the frame and genre analyzers share: one article model, read from the shared pass."""

    task: ClassVar[str]
    layer: ClassVar[str]

    def __init__(self, settings: dict[str, object]) -> None:
        super().__init__(settings)
        check_threshold(self.name, self.settings.get("threshold", "model"))
        check_min_words(self.name, self.settings.get("min_words", 0))

    def _too_short(self, doc: Document) -> bool:
        return too_short(doc, int(str(self.settings.get("min_words", 0))))

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

    def _warn_language(self, doc: Document, trained: list[str]) -> None:
        if trained and doc.language not in trained:
            doc.warn(
                f"W153: {self.name}: the {self.task} model was not trained on language '{doc.language}' "
                f"(trained on {', '.join(trained)}); its labels are the encoder's zero-shot transfer"
            )

    def __call__(self, doc: Document) -> None:
        if self._too_short(doc):
            return
        model = load_article_model(self.task, str(self.settings["model"]))
        self._warn_language(doc, model.config.languages)
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


@register
class NarrativeAnalyzer(_ArticleAnalyzer):
    """The narratives and subnarratives of SemEval-2025 Task 10, with evidence and explanation.

    Document labels ``narrative`` and ``subnarrative`` (with scores, under the task's
    ``Other`` rules) and ``dominant_narrative`` (attrs: ``subnarrative``, ``explanation``,
    ``sentences`` it quotes, and ``found``: false on an ``Other`` article, whose dominant
    narrative is only the closest one, as subtask 3 asks for one on every article); spans ``narrative_evidence``: for each label found, the sentences
    that score it highest (``attrs["rank"]`` 1, 2, 3).
    """

    name = "narrascope.narratives.v1"
    requires = ("language", "paragraph", "sentence", ENCODING)
    provides = ("narrative", "subnarrative", "dominant_narrative", "narrative_evidence")
    defaults = analyzer_defaults(name)
    task = "narratives"
    layer = "narrative"

    @staticmethod
    def _column(label: str) -> int:
        return NARRATIVE_LABELS.index(label)

    def __call__(self, doc: Document) -> None:
        if self._too_short(doc):
            return
        model = load_article_model(self.task, str(self.settings["model"]))
        self._warn_language(doc, model.config.languages)
        threshold = self.settings.get("threshold", "model")
        cut = model.config.threshold if threshold == "model" else float(str(threshold))
        states = encoding_of(doc, self.name).layers(model.config.layers)
        sentences = [(s.start, s.end) for s in doc.layer("sentence")]
        article = model.probabilities(article_features(states)[None, :])[0]
        per_sentence = model.probabilities(span_means(states, sentences))
        reading = read_narratives(
            doc.text, article, sentences, per_sentence, cut, model.config.other_threshold
        )
        for label, score in reading.narratives:
            self.label(doc, "narrative", label, score=score)
        for label, score in reading.subnarratives:
            attrs = {"narrative": taxonomy.narrative_of(label)}
            self.label(doc, "subnarrative", label, score=score, attrs=attrs)
        shown = {label for label, _ in [*reading.narratives, *reading.subnarratives]}
        for label, found in reading.evidence.items():
            if label not in shown:  # the closest narrative of an Other article: explained, not shown
                continue
            for rank, item in enumerate(found, start=1):
                self.span(
                    doc,
                    item.start,
                    item.end,
                    "narrative_evidence",
                    label,
                    score=item.score,
                    attrs={"rank": rank},
                )
        if reading.dominant is not None:
            narrative, sub = reading.dominant
            dominant: dict[str, object] = {
                "subnarrative": sub,
                "explanation": reading.explanation,
                "sentences": [list(pair) for pair in reading.explanation_sentences],
                "found": reading.dominant_found,
            }
            score = round(float(article[self._column(narrative)]), 4)
            self.label(doc, "dominant_narrative", narrative, score=score, attrs=dominant)
