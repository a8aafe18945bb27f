"""Runs the configured analyzers over documents in an order that satisfies what each needs."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
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
        ready = [a for a in pending if all(layer in done for layer in a.requires)]
        if not ready:
            missing = {layer for a in pending for layer in a.requires if layer not in providers}
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


class Pipeline:
    """The analyzers named in a configuration, ready to run.

    >>> pipeline = Pipeline()                       # doctest: +SKIP
    >>> doc = pipeline(Document("NATO warned on Tuesday ..."))  # doctest: +SKIP
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or load_config()
        built = [registry.create(name, self.config.settings(name)) for name in self.config.analyzers]
        self.analyzers = _order(built)
        self.languages = set(self.config.languages)

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.analyzers]

    def __call__(self, doc: Document) -> Document:
        """Analyse ``doc`` in place and return it; raises InputError when it cannot be analysed."""
        for analyzer in self.analyzers:
            try:
                analyzer(doc)
            except NarrascopeError:
                raise
            except Exception as exc:  # one analyzer's bug must cost one input, not the batch
                name = doc.metadata.get("input", doc.id)
                raise InputError(
                    "E107", str(name), f"{analyzer.name} failed: {type(exc).__name__}: {exc}"
                ) from exc
            doc.analyses[analyzer.name] = Analysis(
                analyzer=analyzer.name,
                narrascope_version=__version__,
                model=analyzer.model,
                settings=dict(analyzer.settings),
            )
            if "language" in analyzer.provides and doc.language not in self.languages:
                name = str(doc.metadata.get("input", doc.id))
                supported = ", ".join(sorted(self.languages))
                raise InputError(
                    "E105",
                    name,
                    f"language '{doc.language}' is not supported (supported: {supported}); "
                    "use --language to override the detected language",
                )
        return doc

    def run(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        """Analyse each document; a failure is reported in its outcome and the rest go on."""
        for doc in docs:
            name = str(doc.metadata.get("input", doc.id))
            started = time.perf_counter()
            try:
                self(doc)
            except NarrascopeError as exc:
                yield Outcome(name, doc, exc, time.perf_counter() - started)
            else:
                yield Outcome(name, doc, None, time.perf_counter() - started)
