"""Runs the configured analyzers over documents in an order that satisfies what each needs."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from narrascope import registry
from narrascope._version import __version__
from narrascope.analyzers.base import Analyzer
from narrascope.config import Config, load_config
from narrascope.document import Analysis, Document
from narrascope.errors import InputError, NarrascopeError

__all__ = ["Outcome", "Pipeline"]


@dataclass
class Outcome:
    """What became of one input: its analysed document, or the error that stopped it."""

    name: str
    document: Document | None = None
    error: NarrascopeError | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def _order(analyzers: list[Analyzer]) -> list[Analyzer]:
    """Analyzers sorted so that every layer is provided before it is required."""
    providers: dict[str, str] = {}
    for analyzer in analyzers:
        for layer in analyzer.provides:
            if layer in providers:
                raise NarrascopeError(
                    "E022", f"both {providers[layer]} and {analyzer.name} provide '{layer}'"
                )
            providers[layer] = analyzer.name
    ordered: list[Analyzer] = []
    done: set[str] = set()
    pending = list(analyzers)
    while pending:
        ready = [a for a in pending if all(layer in done for layer in a.required_layers())]
        if not ready:
            missing = {layer for a in pending for layer in a.required_layers() if layer not in providers}
            what = (
                f"nothing provides {', '.join(sorted(missing))}" if missing else "they depend on each other"
            )
            names = ", ".join(a.name for a in pending)
            raise NarrascopeError(
                "E022", f"cannot order {names}: {what}; add the analyzers that provide them"
            )
        for analyzer in ready:
            ordered.append(analyzer)
            done.update(analyzer.provides)
            pending.remove(analyzer)
    return ordered


def _not_covered(doc: Document, analyzer: Analyzer) -> None:
    """Mark the layers of an analyzer that does not cover the document's language, and say so."""
    layers = ", ".join(analyzer.provides)
    covered = ", ".join(analyzer.covered_languages() or ())
    doc.warn(
        f"W152: {analyzer.name} does not cover language '{doc.language}' (it covers {covered}); "
        f"{layers} left empty"
    )
    marks = doc.metadata.setdefault("not_covered", {})
    for layer in analyzer.provides:
        marks[layer] = analyzer.name


def _check_encoder(analyzers: list[Analyzer]) -> None:
    """Every head that reads the shared encoder pass must be served by it: same encoder and
    windowing, and layers that the pass keeps."""
    from narrascope.analyzers.encoder import ENCODING, EncoderAnalyzer

    passes = [a for a in analyzers if isinstance(a, EncoderAnalyzer)]
    if not passes:
        return  # _order has named the missing provider, if a head needs one
    heads = [(a.name, a.encoder_needs()) for a in analyzers if ENCODING in a.required_layers()]
    heads = [(name, needs) for name, needs in heads if needs is not None]
    passes[0].resolve(heads)
    for name, needs in heads:
        why = passes[0].covers(needs)
        if why:
            raise NarrascopeError(
                "E022",
                f"{name} cannot read the shared pass of {passes[0].name}: {why}; "
                f'set them under [analyzers."{passes[0].name}"] in the configuration',
            )


def _forget(doc: Document, analyzer: Analyzer) -> None:
    """Remove what ``analyzer`` added, before it is run again on this document alone."""
    doc.spans[:] = [s for s in doc.spans if s.analyzer != analyzer.name]
    doc.labels[:] = [label for label in doc.labels if label.analyzer != analyzer.name]


def _start_over(doc: Document, analyzers: Sequence[Analyzer]) -> None:
    """Remove what these analyzers left on ``doc`` from an earlier run, so that analysing a
    document again replaces their layers instead of adding a second copy of each span (what
    the document brought with it, such as gold spans or given mentions, stays)."""
    names = {a.name for a in analyzers}
    for label in doc.labels:
        detected = label.layer == "language" and not label.attrs.get("given")
        if label.analyzer in names and detected and doc.language == label.label:
            # Detected last time, so detected again; one given, or set since, is kept.
            doc.language = None
    doc.spans[:] = [s for s in doc.spans if s.analyzer not in names]
    doc.labels[:] = [label for label in doc.labels if label.analyzer not in names]
    marks = doc.metadata.get("not_covered")
    if isinstance(marks, dict):
        kept = {layer: by for layer, by in marks.items() if by not in names}
        if kept:
            doc.metadata["not_covered"] = kept
        else:
            del doc.metadata["not_covered"]


#: The text a batch holds at most (sixteen articles of some 650 words): the memory a batch
#: takes grows with its text (the encoder's states above all), and sixteen articles of
#: thousands of words each would take it many times over.
BATCH_CHARACTERS = 64_000


def batches(
    docs: Iterable[Document],
    size: int,
    characters: int = BATCH_CHARACTERS,
    total: int | None = None,
    shares: int = 1,
) -> Iterator[list[Document]]:
    """``docs`` in order, in lists of at most ``size`` documents whose texts together stay within
    ``characters`` (a longer document goes alone): the encoder and spaCy read batches, but the
    memory a batch takes must not depend on how long its articles happen to be.

    Where ``total`` says how many documents there are, a batch holds at most one of ``shares``
    equal shares of those still to come, so that batches shrink as the work runs out (workers
    that take them then finish together); documents beyond ``total`` go in full batches."""

    def limit(left: int | None) -> int:
        return size if left is None or left <= 0 else min(size, -(-left // max(1, shares)))

    batch: list[Document] = []
    held = 0
    left = total  # documents still to come from this batch on, where known
    for doc in docs:
        if batch and (len(batch) >= limit(left) or held + len(doc.text) > characters):
            yield batch
            left = None if left is None else left - len(batch)
            batch, held = [], 0
        batch.append(doc)
        held += len(doc.text)
    if batch:
        yield batch


class Pipeline:
    """The analyzers named in a configuration, ready to run.

    >>> pipeline = Pipeline()                       # doctest: +SKIP
    >>> doc = pipeline(Document("NATO warned on Tuesday ..."))  # doctest: +SKIP
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or load_config()
        registry.load_plugins(self.config.plugins)
        built = [registry.create(name, self.config.settings(name)) for name in self.config.analyzers]
        self.analyzers = _order(built)
        _check_encoder(self.analyzers)
        self.languages = set(self.config.languages)

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.analyzers]

    def __call__(self, doc: Document) -> Document:
        """Analyse ``doc`` in place and return it; raises InputError when it cannot be analysed."""
        (outcome,) = self._batch([doc])
        if outcome.error is not None:
            raise outcome.error
        return doc

    def run(
        self, docs: Iterable[Document], batch_size: int = 16, characters: int = BATCH_CHARACTERS
    ) -> Iterator[Outcome]:
        """Analyse each document, in batches of ``batch_size`` documents and ``characters`` of
        text at most (see :func:`batches`); a failure is reported in its outcome and the rest go on."""
        for batch in batches(docs, batch_size, characters):
            yield from self._batch(batch)

    def _batch(self, docs: Sequence[Document]) -> list[Outcome]:
        started = time.perf_counter()
        errors: dict[int, NarrascopeError] = {}
        for doc in docs:
            _start_over(doc, self.analyzers)
        for analyzer in self.analyzers:
            covered = analyzer.covered_languages()
            live = []
            for number, doc in enumerate(docs):
                if number in errors:
                    continue
                if covered is not None and doc.language not in covered:
                    _not_covered(doc, analyzer)
                else:
                    live.append(number)
            try:
                analyzer.pipe([docs[n] for n in live])
            except Exception:
                # Which document broke the batch? Each is run alone, so only it fails.
                for number in live:
                    _forget(docs[number], analyzer)
                    try:
                        analyzer(docs[number])
                    except Exception as exc:
                        errors[number] = self._failure(docs[number], analyzer, exc)
            for number in live:
                if number in errors:
                    continue
                doc = docs[number]
                doc.analyses[analyzer.name] = Analysis(
                    analyzer=analyzer.name,
                    narrascope_version=__version__,
                    model=analyzer.model,
                    settings=dict(analyzer.settings),
                )
                if "language" in analyzer.provides and self.languages and doc.language not in self.languages:
                    name = str(doc.metadata.get("input", doc.id))
                    supported = ", ".join(sorted(self.languages))
                    errors[number] = InputError(
                        "E105",
                        name,
                        f"language '{doc.language}' is not supported (supported: {supported}); "
                        "use --language to override the detected language",
                    )
        share = (time.perf_counter() - started) / max(len(docs), 1)
        outcomes = []
        for number, doc in enumerate(docs):
            doc.transient.clear()  # the encoder's states never leave the run
            name = str(doc.metadata.get("input", doc.id))
            outcomes.append(Outcome(name, doc, errors.get(number), share))
        return outcomes

    @staticmethod
    def _failure(doc: Document, analyzer: Analyzer, exc: Exception) -> NarrascopeError:
        if isinstance(exc, NarrascopeError):
            return exc
        # One analyzer's bug must cost one input, not the batch.
        name = str(doc.metadata.get("input", doc.id))
        return InputError("E107", name, f"{analyzer.name} failed: {type(exc).__name__}: {exc}")
