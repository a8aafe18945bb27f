"""Engines and batches: one bad document, or one dead worker, costs only its own documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from narrascope.config import Config, load_config
from narrascope.document import Document
from narrascope.engines import ProcessEngine, SerialEngine
from narrascope.pipeline import Pipeline
from texts import ENGLISH, RUSSIAN

# A plugin module, written for each test: analyzers that fail on purpose. Worker processes
# import it through `pipeline.plugins`, as they would a user's own analyzers.
PLUGIN = """
import os

from narrascope.analyzers.base import Analyzer
from narrascope.registry import register


@register
class Fragile(Analyzer):
    name = "tests.fragile.v1"
    requires = ("paragraph",)
    provides = ("mark",)

    def pipe(self, docs):
        for doc in docs:  # marks the good ones first, then fails the whole batch
            self(doc)

    def __call__(self, doc):
        if "BOOM" in doc.text:
            raise RuntimeError("cannot read this one")
        self.span(doc, 0, 1, "mark", "seen")


@register
class Mortal(Analyzer):
    name = "tests.mortal.v1"
    requires = ("paragraph",)
    provides = ("pulse",)

    def __call__(self, doc):
        if "DIE" in doc.text:
            os._exit(3)  # the worker process dies, as under the OOM killer
        self.span(doc, 0, 1, "pulse", "alive")
"""


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plugin")
    (folder / "narrascope_test_plugin.py").write_text(PLUGIN, encoding="utf-8")
    return folder


@pytest.fixture
def plugin(plugin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.syspath_prepend(str(plugin_dir))
    # Spawned workers start from the environment, not from this process's sys.path.
    monkeypatch.setenv("PYTHONPATH", ":".join([str(plugin_dir), *(p for p in sys.path if p)]))
    return "narrascope_test_plugin"


def _config(plugin: str, analyzer: str) -> Config:
    base = load_config()
    pipeline = {"analyzers": ["narrascope.segment.v1", analyzer], "languages": [], "plugins": [plugin]}
    return Config({**base.data, "pipeline": pipeline})


def _docs(*texts: str) -> list[Document]:
    return [Document(text, metadata={"input": f"in-{i}"}) for i, text in enumerate(texts)]


def test_an_analyzer_that_raises_on_one_document_costs_only_that_document(plugin: str) -> None:
    pipeline = Pipeline(_config(plugin, "tests.fragile.v1"))
    outcomes = list(pipeline.run(_docs("fine one", "BOOM here", "fine two", "fine three"), batch_size=4))
    assert [(o.name, o.error.code if o.error else None) for o in outcomes] == [
        ("in-0", None),
        ("in-1", "E107"),
        ("in-2", None),
        ("in-3", None),
    ]
    assert "cannot read this one" in str(outcomes[1].error)
    for outcome in (outcomes[0], outcomes[2], outcomes[3]):
        assert outcome.document is not None
        # the batch was retried one by one: each mark exactly once, not once per attempt
        assert [s.label for s in outcome.document.layer("mark")] == ["seen"]
        assert "tests.fragile.v1" in outcome.document.analyses


def test_a_worker_that_dies_costs_only_the_documents_it_held(plugin: str) -> None:
    config = _config(plugin, "tests.mortal.v1")
    texts = [f"document number {i}" for i in range(8)]
    texts[5] = "DIE now"
    engine = ProcessEngine(config, workers=2, chunk=1)
    try:
        outcomes = {o.name: o for o in engine.run(_docs(*texts))}
    finally:
        engine.close()
    assert sorted(outcomes) == [f"in-{i}" for i in range(8)]  # every input accounted for
    failed = {name for name, o in outcomes.items() if o.error is not None}
    assert "in-5" in failed
    assert all(outcomes[name].error.code == "E107" for name in failed)  # type: ignore[union-attr]
    # A dying worker breaks the pool: what was in flight with it is lost, the rest goes on.
    assert len(failed) <= 4, failed
    serial = {o.name: o for o in SerialEngine(config).run(_docs(*texts[:5]))}
    for name, outcome in serial.items():
        if name not in failed:
            assert outcomes[name].document is not None and outcome.document is not None
            assert outcomes[name].document.to_json() == outcome.document.to_json()  # type: ignore[union-attr]


def _comparable(doc: Document) -> list[tuple[object, ...]]:
    # Scores may differ in the last digits between processes with different thread counts.
    return sorted((s.layer, s.label, s.start, s.end, round(s.score or 0.0, 2)) for s in doc.spans)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["process", "ray"])
def test_default_pipeline_with_real_models_matches_one_process(engine: str) -> None:
    from narrascope.engines import make_engine

    if engine == "ray":
        pytest.importorskip("ray")
    config = load_config()
    german = "Die Regierung warnte am Dienstag vor gefährlichen Provokationen der Nachbarn.\n\nDas sei ein Skandal."

    def docs() -> list[Document]:
        return _docs(ENGLISH, RUSSIAN, german, "")

    expected = {o.name: o for o in SerialEngine(config).run(docs())}
    runner = make_engine(engine, config, workers=2 if engine == "process" else 1)
    try:
        got = {o.name: o for o in runner.run(docs())}
    finally:
        runner.close()
    assert sorted(got) == sorted(expected)
    for name, outcome in got.items():
        if expected[name].error is not None:
            assert outcome.error is not None and outcome.error.code == expected[name].error.code  # type: ignore[union-attr]
            continue
        mine, theirs = outcome.document, expected[name].document
        assert mine is not None and theirs is not None
        assert _comparable(mine) == _comparable(theirs)
        assert mine.spans or not mine.text.strip()
        assert mine.metadata.get("not_covered") == theirs.metadata.get("not_covered")
