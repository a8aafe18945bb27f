"""The registry of analyzers: a snapshot of what is registered, and how names are checked."""

from __future__ import annotations

from typing import ClassVar

import pytest

from narrascope import registry
from narrascope.analyzers.base import Analyzer
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.pipeline import Pipeline, _order

# A registered name is a promise: changing what one of these needs or adds, or dropping one,
# must be a deliberate change of this snapshot (and usually a new version of the name).
SNAPSHOT = {
    "narrascope.dates.v1": (("language",), ("date",)),
    "narrascope.encoder.v1": (("paragraph",), ("encoding",)),
    "narrascope.entities.v1": (("language", "paragraph", "encoding"), ("entity",)),
    "narrascope.frames.v1": (("language", "paragraph", "encoding"), ("frame",)),
    "narrascope.genre.v1": (("language", "paragraph", "encoding"), ("genre",)),
    "narrascope.language.v1": ((), ("language",)),
    "narrascope.mentions.v1": ((), ("entity",)),
    "narrascope.narratives.v1": (
        ("language", "paragraph", "sentence", "encoding"),
        ("narrative", "subnarrative", "dominant_narrative", "narrative_evidence"),
    ),
    "narrascope.quotes.v1": (("language", "sentence", "entity"), ("quote",)),
    "narrascope.roles.v1": (("language", "sentence", "entity", "encoding"), ("role",)),
    "narrascope.segment.v1": ((), ("paragraph", "sentence")),
    "narrascope.techniques.v1": (
        ("language", "paragraph", "encoding"),
        ("technique", "paragraph_technique"),
    ),
}


def test_registry_snapshot() -> None:
    # Only narrascope's own: tests register analyzers of their own (tests.*) in the same process.
    found = {
        name: (registry.get(name).requires, registry.get(name).provides)
        for name in registry.names()
        if name.startswith("narrascope.")
    }
    assert found == SNAPSHOT


def test_default_pipeline_order_satisfies_every_need() -> None:
    pipeline = Pipeline()
    seen: set[str] = set()
    for analyzer in pipeline.analyzers:
        assert set(analyzer.requires) <= seen, analyzer.name
        seen.update(analyzer.provides)
    # Every registered analyzer runs by default, except the one that replaces the entity
    # analyzer when mentions come with the input (predict --task semeval2025-st1).
    assert set(pipeline.names) == set(SNAPSHOT) - {"narrascope.mentions.v1"}


def test_unknown_analyzer_names_the_registered_ones() -> None:
    with pytest.raises(NarrascopeError) as caught:
        registry.get("narrascope.nothing.v1")
    assert caught.value.code == "E021"
    assert "narrascope.quotes.v1" in str(caught.value)


class _Needy(Analyzer):
    name = "tests.needy.v1"
    requires: ClassVar[tuple[str, ...]] = ("missing-layer",)
    provides: ClassVar[tuple[str, ...]] = ("x",)

    def __call__(self, doc: Document) -> None:
        return None


def test_unmet_needs_are_reported() -> None:
    with pytest.raises(NarrascopeError, match=r"E022.*missing-layer"):
        _order([_Needy({})])


def test_names_must_be_versioned() -> None:
    class Bad(_Needy):
        name = "unversioned"

    with pytest.raises(ValueError, match="must look like"):
        registry.register(Bad)


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(NarrascopeError, match=r"E020.*no setting 'typo'"):
        registry.create("narrascope.quotes.v1", {"typo": 1})
