"""Killing a batch (SIGKILL, at random moments) and running it again ends with exactly the right store.

These run the real command line in a subprocess, with the light pipeline (language and
paragraphs) so that a batch lasts a few seconds and the kills land in the middle of it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from narrascope.config import load_config
from narrascope.document import Document
from narrascope.engines import SerialEngine, make_engine

LIGHT = '[pipeline]\nanalyzers = ["narrascope.language.v1", "narrascope.segment.v1"]\n'


def _corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        body = "\n".join(
            f"Paragraph {j} of report {i}: the ministry said the border near post {i * 7 + j} was calm."
            for j in range(12)
        )
        (folder / f"report-{i:03d}.txt").write_text(f"Report {i}\n\n{body}\n", encoding="utf-8")
    (folder / "copy.txt").write_text(
        (folder / "report-000.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")


def _run(args: list[str], kill_after: float | None) -> int | None:
    """Run the CLI; with ``kill_after``, SIGKILL its whole process group after that many seconds."""
    command = [sys.executable, "-m", "narrascope", *args]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    if kill_after is None:
        return process.wait(timeout=600)
    try:
        return process.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the workers die with it, as under a real kill -9
        process.wait()
        return None


def _snapshot(db: Path) -> tuple[dict[str, tuple[str, str | None]], dict[str, int], dict[str, str]]:
    con = sqlite3.connect(db)
    inputs = {Path(n).name: (s, c) for n, s, c in con.execute("SELECT name, status, error_code FROM inputs")}
    spans = dict(con.execute("SELECT document_id, COUNT(*) FROM spans GROUP BY document_id").fetchall())
    jobs = dict(con.execute("SELECT document_id, status FROM jobs").fetchall())
    con.close()
    return inputs, spans, jobs


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["process", "serial"])
def test_killed_store_runs_finish_with_every_document_once(tmp_path: Path, engine: str) -> None:
    _corpus(tmp_path / "in", 120)
    (tmp_path / "light.toml").write_text(LIGHT, encoding="utf-8")
    common = [
        str(tmp_path / "in"),
        "--config",
        str(tmp_path / "light.toml"),
        "-q",
        "--engine",
        engine,
        "--workers",
        "2",
    ]
    started = time.perf_counter()
    assert _run(["analyze", *common, "--db", str(tmp_path / "clean.db")], None) == 1  # empty.txt fails
    seconds = time.perf_counter() - started
    rng = random.Random(engine)
    killed = 0
    for _ in range(4):  # kill at random moments of what a whole run takes, until one finishes
        if (
            _run(["analyze", *common, "--db", str(tmp_path / "killed.db")], rng.uniform(0.4, 0.9) * seconds)
            is not None
        ):
            break
        killed += 1
    assert _run(["analyze", *common, "--db", str(tmp_path / "killed.db")], None) == 1
    clean, killed_store = _snapshot(tmp_path / "clean.db"), _snapshot(tmp_path / "killed.db")
    assert killed_store == clean
    inputs, spans, jobs = killed_store
    assert sum(spans.values()) > 120  # every document has its language label and paragraphs
    assert len(inputs) == 122 and inputs["empty.txt"] == ("failed", "E101")
    # copy.txt comes first in sorted order, so report-000.txt is the duplicate
    assert inputs["report-000.txt"][0] == "duplicate" and inputs["copy.txt"][0] == "ok"
    assert len(jobs) == 120 and set(jobs.values()) == {"done"}
    assert killed >= 1, "no kill landed mid-run; the test proved nothing"


@pytest.mark.slow
def test_killed_shard_runs_finish_and_load_into_the_same_store(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 240)
    (tmp_path / "light.toml").write_text(LIGHT, encoding="utf-8")
    config = ["--config", str(tmp_path / "light.toml")]
    common = [
        str(tmp_path / "in"),
        *config,
        "-q",
        "--engine",
        "serial",
        "--shard-dir",
        str(tmp_path / "shards"),
    ]
    assert (
        _run(["analyze", str(tmp_path / "in"), *config, "-q", "--db", str(tmp_path / "clean.db")], None) == 1
    )
    started = time.perf_counter()  # how long one whole shard takes, in a scratch folder
    _run(["analyze", *common[:-1], str(tmp_path / "scratch"), "--shard", "0/2"], None)
    seconds = time.perf_counter() - started
    rng = random.Random(3)
    killed = 0
    for index in (0, 1):
        for _ in range(3):
            if (
                _run(["analyze", *common, "--shard", f"{index}/2"], rng.uniform(0.4, 0.9) * seconds)
                is not None
            ):
                break
            killed += 1
        _run(["analyze", *common, "--shard", f"{index}/2"], None)
    keys = []
    for path in sorted((tmp_path / "shards").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            keys.append(record.get("input") or record["metadata"]["input"])
    assert sorted(Path(k).name for k in keys) == sorted(p.name for p in (tmp_path / "in").iterdir())
    assert _run(["load", str(tmp_path / "shards"), "--db", str(tmp_path / "loaded.db"), *config], None) == 0
    loaded, clean = _snapshot(tmp_path / "loaded.db"), _snapshot(tmp_path / "clean.db")
    assert loaded[0] == clean[0] and loaded[1] == clean[1] and loaded[2] == clean[2]
    assert killed >= 1


@pytest.mark.slow
def test_ray_engine_in_local_mode_matches_one_process(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    path = tmp_path / "light.toml"
    path.write_text(LIGHT, encoding="utf-8")
    config = load_config(path)

    def docs() -> list[Document]:  # fresh documents for each engine: analysis adds to them
        found = [
            Document(
                f"Report {i}\n\nThe ministry said the border near post {i} was calm.\n",
                metadata={"input": f"r{i}"},
            )
            for i in range(6)
        ]
        german = "Der Sicherheitsrat warnte am Dienstag vor Provokationen an der Grenze des Landes."
        return [*found, Document(german, metadata={"input": "de"})]

    expected = {o.name: o for o in SerialEngine(config).run(docs())}
    started = time.perf_counter()
    engine = make_engine("ray", config, workers=1)
    try:
        got = {o.name: o for o in engine.run(docs())}
    finally:
        engine.close()
    assert time.perf_counter() - started < 300
    assert sorted(got) == sorted(expected)
    for name, outcome in got.items():
        if expected[name].error is not None:
            assert outcome.error is not None and outcome.error.code == expected[name].error.code  # type: ignore[union-attr]
        else:
            assert outcome.document is not None and expected[name].document is not None
            assert outcome.document.to_json() == expected[name].document.to_json()  # type: ignore[union-attr]
