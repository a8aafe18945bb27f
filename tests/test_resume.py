"""Killing a batch (SIGKILL, mid-run) and running it again ends with exactly the right store.

These run the real command line in a subprocess, with the light pipeline (language and
paragraphs). Each kill waits for a random amount of progress, read from the run's store (or
shard file) by a connection of the test's own, and each is checked to have landed mid-run:
after it, the store holds more done than before the run, and not all.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from narrascope.batch import Shard
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


def _command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "narrascope", *args]


def _run(args: list[str]) -> int:
    """Run the CLI to its end; its exit status."""
    ended = subprocess.run(
        _command(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600, check=False
    )
    return ended.returncode


def _kill_at(args: list[str], progress: Callable[[], int], target: int) -> None:
    """Run the CLI, and SIGKILL its whole process group once ``progress()`` reaches ``target``."""
    process = subprocess.Popen(
        _command(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 300
    try:
        # A run that ends first is not killed; the caller's check of the store then fails.
        while process.poll() is None and progress() < target and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        # The workers die with it, as under a real kill -9. Until it is waited for, the
        # process holds its id, so the group named here can only be the run's.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _done(db: Path) -> int:
    """Jobs done in the store, read through a read-only connection beside the run's own."""
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT COUNT(*) FROM jobs WHERE status = 'done'").fetchone()[0])
    finally:
        con.close()


def _done_so_far(db: Path) -> Callable[[], int]:
    def read() -> int:
        try:
            return _done(db)
        except sqlite3.Error:  # the run has not yet created or migrated the store
            return 0

    return read


def _lines(path: Path) -> int:
    """Complete lines in a shard file: a run killed mid-line leaves a torn one, not counted."""
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


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
    db = tmp_path / "killed.db"
    assert _run(["analyze", *common, "--db", str(tmp_path / "clean.db")]) == 1  # empty.txt fails
    documents = 120  # 122 inputs, less the empty one and the copy
    rng = random.Random(engine)
    done = 0
    # Targets leave room for what lands between a poll and the kill (a batch of 16, at most).
    for _ in range(2):
        target = done + rng.randint(10, 30)
        _kill_at(["analyze", *common, "--db", str(db)], _done_so_far(db), target)
        before, done = done, _done(db)
        assert before < done < documents, f"a kill at {target} done did not land mid-run: {done} done"
    assert _run(["analyze", *common, "--db", str(db)]) == 1
    clean, killed_store = _snapshot(tmp_path / "clean.db"), _snapshot(db)
    assert killed_store == clean
    inputs, spans, jobs = killed_store
    assert sum(spans.values()) > 120  # every document has its language label and paragraphs
    assert len(inputs) == 122 and inputs["empty.txt"] == ("failed", "E101")
    # copy.txt comes first in sorted order, so report-000.txt is the duplicate
    assert inputs["report-000.txt"][0] == "duplicate" and inputs["copy.txt"][0] == "ok"
    assert len(jobs) == documents and set(jobs.values()) == {"done"}


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
    assert _run(["analyze", str(tmp_path / "in"), *config, "-q", "--db", str(tmp_path / "clean.db")]) == 1
    rng = random.Random(3)
    for index in (0, 1):
        shard = Shard(index, 2)
        records = sum(shard.owns(str(path)) for path in (tmp_path / "in").iterdir())
        path = tmp_path / "shards" / shard.file_name()
        lines = 0
        for _ in range(2):
            target = lines + rng.randint(10, 30)
            _kill_at(["analyze", *common, "--shard", f"{index}/2"], functools.partial(_lines, path), target)
            before, lines = lines, _lines(path)
            assert before < lines < records, f"a kill at {target} lines did not land mid-run: {lines}"
        _run(["analyze", *common, "--shard", f"{index}/2"])
        assert _lines(path) == records  # one line per record of the shard, none twice
    keys = []
    for path in sorted((tmp_path / "shards").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            keys.append(record.get("input") or record["metadata"]["input"])
    assert sorted(Path(k).name for k in keys) == sorted(p.name for p in (tmp_path / "in").iterdir())
    assert _run(["load", str(tmp_path / "shards"), "--db", str(tmp_path / "loaded.db"), *config]) == 0
    loaded, clean = _snapshot(tmp_path / "loaded.db"), _snapshot(tmp_path / "clean.db")
    assert loaded[1] == clean[1] and loaded[2] == clean[2]
    # Of two inputs with the same text, the one loaded first is the original; the shards a
    # key hashes to (its path, under a temporary folder) decide that, not the sorted order.
    pair = ("copy.txt", "report-000.txt")
    assert {k: v for k, v in loaded[0].items() if k not in pair} == {
        k: v for k, v in clean[0].items() if k not in pair
    }
    assert sorted(loaded[0][k][0] for k in pair) == ["duplicate", "ok"]


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
