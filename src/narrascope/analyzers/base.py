"""What every analyzer is: a named, versioned step that reads some layers and adds others."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar

from narrascope.document import Document, Label, Span
from narrascope.errors import NarrascopeError
from narrascope.paragraphs import word_count

__all__ = ["Analyzer", "check_min_words", "check_threshold", "too_short"]


def check_threshold(analyzer: str, value: object) -> None:
    """E020 unless ``value`` is "model" or a number strictly between 0 and 1."""
    if value != "model" and not (isinstance(value, int | float) and 0 < float(value) < 1):
        raise NarrascopeError(
            "E020", f'{analyzer}: threshold must be "model" or a number between 0 and 1, not {value!r}'
        )


def check_min_words(analyzer: str, value: object) -> None:
    """E020 unless ``value`` (the ``min_words`` setting) is a whole number, 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise NarrascopeError(
            "E020", f"{analyzer}: min_words must be a whole number, 0 or more, not {value!r}"
        )


def too_short(doc: Document, least: int) -> bool:
    """Whether ``doc`` has fewer than ``least`` words, warned as W154: the article models and
    the role model learned from whole articles, and label a sentence as confidently as one.
    The message names no analyzer, so that the analyzers warn once between them."""
    count = word_count(doc.text)
    if count >= least:
        return False
    doc.warn(
        f"W154: the text has {count} words, fewer than the {least} (min_words) that frames, genre, "
        "narratives and roles need: too short to be judged as an article, so none are given"
    )
    return True


class Analyzer(ABC):
    """Base class of analyzers.

    Subclasses set ``name`` (registered, versioned), ``requires`` (layers that must exist
    before it runs) and ``provides`` (layers it adds), validate their settings in
    ``__init__``, and implement ``__call__``. Heavy models load lazily on first call, so that
    building a pipeline is cheap and each process loads each model once.
    """

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    #: Settings this analyzer accepts, with their defaults; anything else is refused (E020).
    defaults: ClassVar[dict[str, Any]] = {}
    #: ISO 639-1 codes of the languages it covers; None for every language. On a document in
    #: another language the pipeline does not run it, warns (W152) and marks its layers as
    #: not covered in ``doc.metadata["not_covered"]``.
    languages: ClassVar[tuple[str, ...] | None] = None

    def __init__(self, settings: dict[str, Any]) -> None:
        unknown = sorted(set(settings) - set(self.defaults))
        if unknown:
            raise NarrascopeError("E020", f"{self.name} has no setting {', '.join(map(repr, unknown))}")
        self.settings: dict[str, Any] = {**self.defaults, **settings}

    def required_layers(self) -> tuple[str, ...]:
        """The layers this analyzer reads with its settings: ``requires``, unless a setting
        turns off the part that reads some of them."""
        return self.requires

    def covered_languages(self) -> tuple[str, ...] | None:
        """The languages this analyzer covers with its settings: ``languages``, unless a
        setting turns off the part that covers some of them."""
        return self.languages

    @property
    def model(self) -> str | None:
        """Identifies the model behind the analyzer's output, for provenance."""
        return None

    def identity(self) -> str | None:
        """A cheap fingerprint of the model files this analyzer would use (None: nothing beyond
        its settings and narrascope's version), so that a batch re-analyses documents when the
        files change under the same name."""
        return None

    @abstractmethod
    def __call__(self, doc: Document) -> None:
        """Add this analyzer's spans and labels to ``doc``."""

    def pipe(self, docs: Sequence[Document]) -> None:
        """Analyse several documents; analyzers whose models gain from batches override this
        (the encoder, spaCy). If it raises, the pipeline retries the documents one by one, so
        that one bad document costs only itself."""
        for doc in docs:
            self(doc)

    def encoder_needs(self) -> Any:
        """For a head that reads the shared encoder pass (``requires`` has ``"encoding"``): an
        :class:`~narrascope.analyzers.encoder.EncoderNeeds`; None for other analyzers."""
        return None

    # Helpers so that every span and label carries this analyzer's name.

    def span(self, doc: Document, start: int, end: int, layer: str, label: str, **kw: Any) -> Span:
        return doc.add_span(Span(start, end, layer, label, self.name, **kw))

    def label(self, doc: Document, layer: str, label: str, **kw: Any) -> Label:
        return doc.add_label(Label(layer, label, self.name, **kw))
