"""Batch runs: every input accounted for, deduplication, resumption, engines, shards, status."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrascope.batch import Shard, load_shards, run_into_store, run_shard
from narrascope.cli import app
from narrascope.config import Config, load_config
from narrascope.document import Document
from narrascope.engines import ProcessEngine, SerialEngine, make_engine
from narrascope.errors import InputError, NarrascopeError
from narrascope.store import Store, queue
from narrascope.store.queue import Queue, fingerprint, normalise_url

runner = CliRunner()

# Language and paragraphs only: the queue and the engines are under test, not the models.
# English and Russian only, so that the German text exercises the refusal (E105) of a batch.
LIGHT = (
    '[pipeline]\nanalyzers = ["narrascope.language.v1", "narrascope.segment.v1"]\nlanguages = ["en", "ru"]\n'
)
GERMAN = "Der Sicherheitsrat warnte am Dienstag vor ausländischen Provokationen an der Grenze des Landes."


def article(i: int) -> str:
    return (
        f"Report number {i}\n\nThe ministry said on Tuesday that the border near checkpoint {i} was calm.\n"
        f"Officials added that {i} inspectors would arrive next week.\n"
    )


def light_config(tmp_path: Path) -> Config:
    path = tmp_path / "light.toml"
    path.write_text(LIGHT, encoding="utf-8")
    return load_config(path)


def docs(n: int, prefix: str = "doc") -> list[Document]:
    return [Document(article(i), metadata={"input": f"{prefix}-{i}"}) for i in range(n)]


def serial(config: Config):  # type: ignore[no-untyped-def]
    return lambda _pending: SerialEngine(config)


def test_every_input_is_accounted_for_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    config = light_config(tmp_path)
    items: list[Document | InputError] = [*docs(5), InputError("E101", "empty.txt", "empty input")]
    items.append(Document(GERMAN, metadata={"input": "german.txt"}))
    with Store(tmp_path / "s.db") as store:
        report = run_into_store(items, store, config, serial(config))
        assert report.new == 6 and report.failed_inputs == 1 and report.analysed == 5
        assert report.failed_documents == 1 and report.store == tmp_path / "s.db"
        assert (report.total, report.ok, report.failed, report.pending, report.duplicates) == (7, 5, 2, 0, 0)
        assert not report.succeeded
        spans = store.count("spans")
        report = run_into_store(items, store, config, serial(config))
        assert report.unchanged == 6 and report.analysed == 0 and report.already_done == 5
        assert (report.total, report.ok, report.failed) == (7, 5, 2)  # the same run, counted once
        assert store.count("documents") == 6 and store.count("spans") == spans
        assert store.count("inputs") == 7
        failed = dict((name, code) for name, code, _ in Queue(store, config).failed())
        assert failed == {"empty.txt": "E101", "german.txt": "E105"}


def test_duplicates_by_text_by_url_and_conflicting_record_ids(tmp_path: Path) -> None:
    config = light_config(tmp_path)
    first = Document(
        article(1), url="https://Example.org/news/1/#top", metadata={"input": "a", "record_id": "7"}
    )
    same_text = Document(article(1), metadata={"input": "b"})
    same_url = Document(article(2), url="https://example.org/news/1", metadata={"input": "c"})
    same_id = Document(article(3), metadata={"input": "d", "record_id": "7"})
    with Store(tmp_path / "s.db") as store:
        report = run_into_store([first, same_text, same_url, same_id], store, config, serial(config))
        assert report.new == 1 and report.duplicated == 2 and report.failed_inputs == 1
        assert store.count("documents") == 1
        rows = {
            r[0]: r
            for r in store.db.execute("SELECT name, status, document_id, error_code, reason FROM inputs")
        }
        assert rows["b"][1:3] == ("duplicate", first.id) and rows["c"][1:3] == ("duplicate", first.id)
        assert "same URL" in rows["c"][4]
        assert rows["d"][1] == "failed" and rows["d"][3] == "E111" and "'7'" in rows["d"][4]
        assert report.duplicates == 2


def test_a_change_to_the_rules_makes_resume_analyse_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rules change between releases in a checkout; a store must not keep the old rules' output.
    package = tmp_path / "package"
    (package / "analyzers").mkdir(parents=True)
    (package / "analyzers" / "quotes.py").write_text("MARKS = '\"'\n")
    (package / "cli.py").write_text("print('hello')\n")
    before = queue.analysis_source(package)
    (package / "cli.py").write_text("print('hello, world')\n")
    queue.analysis_source.cache_clear()
    assert queue.analysis_source(package) == before  # the command line changes no result
    (package / "analyzers" / "quotes.py").write_text("MARKS = '\"«'\n")
    queue.analysis_source.cache_clear()
    assert queue.analysis_source(package) != before

    config = light_config(tmp_path)
    with Store(tmp_path / "s.db") as store:
        run_into_store(docs(2), store, config, serial(config))
        assert run_into_store(docs(2), store, config, serial(config)).analysed == 0
        monkeypatch.setattr(queue, "analysis_source", lambda: "revised rules")
        assert run_into_store(docs(2), store, config, serial(config)).analysed == 2


def test_changed_pipeline_reanalyses_and_failures_retry_on_request(tmp_path: Path) -> None:
    config = light_config(tmp_path)
    german = Document(GERMAN, metadata={"input": "german.txt"})
    with Store(tmp_path / "s.db") as store:
        run_into_store([german, *docs(2)], store, config, serial(config))
        report = run_into_store([german, *docs(2)], store, config, serial(config))
        assert report.analysed == 0 and report.failed_documents == 0  # failures wait for a retry
        report = run_into_store([german, *docs(2)], store, config, serial(config), retry_failed=True)
        assert report.failed_documents == 1 and report.analysed == 0
        wider = Config(
            {**config.data, "pipeline": {**config.data["pipeline"], "languages": ["en", "ru", "de"]}}
        )
        assert fingerprint(wider) != fingerprint(config)
        report = run_into_store([german, *docs(2)], store, wider, serial(wider))
        assert report.analysed == 3  # a new pipeline: everything again, the German text now works
        assert report.failed == 0 and report.succeeded
        attempts = store.db.execute(
            "SELECT attempts FROM jobs WHERE document_id = ?", (german.id,)
        ).fetchone()[0]
        assert attempts == 3


def test_resume_analyses_what_an_interrupted_run_left_pending(tmp_path: Path) -> None:
    config = light_config(tmp_path)

    class Dies(SerialEngine):
        def run(self, documents, total=None):  # type: ignore[no-untyped-def]
            for number, outcome in enumerate(super().run(documents, total)):
                if number == 3:
                    raise KeyboardInterrupt
                yield outcome

    with Store(tmp_path / "s.db") as store:
        with pytest.raises(KeyboardInterrupt):
            run_into_store(docs(10), store, config, lambda _: Dies(config))
        assert Queue(store, config).status().jobs == Counter({"pending": 7, "done": 3})
        report = run_into_store([], store, config, serial(config), resume_all=True)
        assert report.analysed == 7 and report.already_done == 3 and report.pending == 0
        assert Queue(store, config).status().jobs == Counter({"done": 10})


def test_the_engine_is_told_how_many_documents_are_coming(tmp_path: Path) -> None:
    # The process engine shrinks its chunks as the documents run out (so that its workers
    # finish together), which it can do only when the batch says how many there are.
    config = light_config(tmp_path)
    told: list[int | None] = []

    class Counting(SerialEngine):
        def run(self, documents, total=None):  # type: ignore[no-untyped-def]
            told.append(total)
            return super().run(documents, total)

    with Store(tmp_path / "s.db") as store:
        report = run_into_store(docs(6), store, config, lambda _: Counting(config))
        assert report.analysed == 6
        report = run_into_store(docs(9), store, config, lambda _: Counting(config))
        assert report.analysed == 3 and report.already_done == 6
    assert told == [6, 3]


def test_a_document_saved_outside_the_queue_is_analysed_once_by_a_batch(tmp_path: Path) -> None:
    config = light_config(tmp_path)
    with Store(tmp_path / "s.db") as store:
        store.save(docs(1)[0])  # no analysis, and no job: the queue's are Queue's
        assert store.count("jobs") == 0 and store.inputs() == [("doc-0", "ok", None, None)]
        report = run_into_store(docs(1), store, config, serial(config))
        assert report.unchanged == 1 and report.analysed == 1 and report.succeeded
        assert Queue(store, config).status().jobs == Counter({"done": 1})
        assert store.count("spans") > 0


def test_process_pool_gives_the_same_results_as_one_process(tmp_path: Path) -> None:
    config = light_config(tmp_path)
    alone = {o.name: o.document for o in SerialEngine(config).run(docs(9))}
    pool = ProcessEngine(config, workers=2, chunk=2)
    try:
        outcomes = list(pool.run([*docs(9), Document(GERMAN, metadata={"input": "german"})]))
    finally:
        pool.close()
    assert sorted(o.name for o in outcomes) == sorted([*alone, "german"])
    failed = [o for o in outcomes if o.error is not None]
    assert [(o.name, o.error.code) for o in failed] == [("german", "E105")]  # type: ignore[union-attr]
    for outcome in outcomes:
        if outcome.error is None:
            assert outcome.document is not None
            expected = alone[outcome.name]
            assert expected is not None
            assert outcome.document.to_json() == expected.to_json()


def test_engine_choice_and_errors(tmp_path: Path) -> None:
    config = light_config(tmp_path)
    assert make_engine("auto", config, workers=2, pending=3).name == "serial"  # too little work for a pool
    engine = make_engine("auto", config, workers=2, pending=100)
    assert engine.name == "process"
    engine.close()
    with pytest.raises(NarrascopeError, match="E202"):
        make_engine("spark", config)
    with pytest.raises(NarrascopeError, match="E202"):
        make_engine("process", config, workers=0)


def test_shards_split_the_records_and_load_into_one_store(tmp_path: Path) -> None:
    config = light_config(tmp_path)
    items: list[Document | InputError] = [*docs(12), InputError("E101", "empty.txt", "empty input")]
    items.append(Document(article(0), metadata={"input": "copy-of-0"}))
    out = tmp_path / "shards"
    owners: Counter[str] = Counter()
    for index in range(3):
        shard = Shard(index, 3)
        report = run_shard(items, shard, out, config, serial(config))
        assert report.shard_file is not None and report.store is None
        path = report.shard_file
        owners.update(
            json.loads(line).get("metadata", {}).get("input") or json.loads(line)["input"]
            for line in path.read_text(encoding="utf-8").splitlines()
        )
        again = run_shard(items, shard, out, config, serial(config))
        taken = report.new + report.duplicated + report.failed_inputs
        assert again.new == 0 and again.total == taken == report.total
        # An earlier failure stays a failure: it is not counted among the unchanged.
        assert again.failed == report.failed and again.unchanged == report.total - report.failed
    assert sorted(owners) == sorted(
        str(i.input_name if isinstance(i, InputError) else i.metadata["input"]) for i in items
    )
    assert set(owners.values()) == {1}  # every record in exactly one shard
    with Store(tmp_path / "s.db") as store:
        load_shards(sorted(out.glob("*.jsonl")), store, config)
        first = (store.count("documents"), store.count("spans"), store.count("inputs"))
        load_shards(sorted(out.glob("*.jsonl")), store, config)
        assert (store.count("documents"), store.count("spans"), store.count("inputs")) == first
        assert first[0] == 12
        statuses = Counter(row[0] for row in store.db.execute("SELECT status FROM inputs"))
        assert statuses["failed"] == 1 and statuses["ok"] + statuses["duplicate"] == 13
        assert Queue(store, config).status().jobs == Counter({"done": 12})


def test_a_torn_last_line_is_cut_and_redone(tmp_path: Path) -> None:
    config = light_config(tmp_path)
    shard = Shard(0, 1)
    path = run_shard(docs(4), shard, tmp_path, config, serial(config)).shard_file
    assert path is not None
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:3]) + lines[3][:40], encoding="utf-8")  # killed mid-line
    report = run_shard(docs(4), shard, tmp_path, config, serial(config))
    assert report.new == 1 and report.unchanged == 3
    assert [json.loads(x)["metadata"]["input"] for x in path.read_text(encoding="utf-8").splitlines()] == [
        json.loads(x)["metadata"]["input"] for x in lines
    ]


def test_a_shard_rerun_reports_earlier_failures_or_retries_them(tmp_path: Path) -> None:
    config = light_config(tmp_path)
    shard = Shard(0, 1)
    broken: list[Document | InputError] = [*docs(2), InputError("E103", "big.txt", "file too large")]
    first = run_shard(broken, shard, tmp_path, config, serial(config))
    assert first.failed == 1 and not first.succeeded

    heard: list[tuple[str, str, str]] = []
    again = run_shard(
        broken, shard, tmp_path, config, serial(config), on_input=lambda k, s, e: heard.append((k, s, str(e)))
    )
    assert (again.total, again.ok, again.failed, again.unchanged) == (3, 2, 1, 2)
    assert not again.succeeded
    assert [(k, s) for k, s, _ in heard if s == "failed"] == [("big.txt", "failed")]
    assert "file too large (in an earlier run)" in next(e for k, _, e in heard if k == "big.txt")

    # The file was fixed: --retry-failed analyses it, and loading keeps the later line.
    fixed: list[Document | InputError] = [*docs(2), Document(article(9), metadata={"input": "big.txt"})]
    retried = run_shard(fixed, shard, tmp_path, config, serial(config), retry_failed=True)
    assert (retried.total, retried.ok, retried.failed, retried.analysed) == (3, 3, 0, 1) and retried.succeeded
    assert run_shard(fixed, shard, tmp_path, config, serial(config)).succeeded
    assert retried.shard_file is not None
    with Store(tmp_path / "s.db") as store:
        load_shards([retried.shard_file], store, config)
        statuses = dict(store.db.execute("SELECT name, status FROM inputs").fetchall())
    assert statuses == {"doc-0": "ok", "doc-1": "ok", "big.txt": "ok"}


def test_shard_spec_is_checked() -> None:
    assert Shard.parse("2/8") == Shard(2, 8)
    for bad in ("8/8", "-1/4", "x", "1/0"):
        with pytest.raises(NarrascopeError, match="E202"):
            Shard.parse(bad)


def test_urls_are_normalised_for_deduplication() -> None:
    assert normalise_url("HTTPS://Example.org:443/a/b/#frag") == "https://example.org/a/b"
    assert normalise_url("http://example.org:8080/a?x=1") == "http://example.org:8080/a?x=1"
    assert normalise_url(None) is None


def test_cli_batch_status_and_retry(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"a{i}.txt").write_text(article(i), encoding="utf-8")
    (folder / "copy.txt").write_text(article(0), encoding="utf-8")
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    config = tmp_path / "light.toml"
    config.write_text(LIGHT, encoding="utf-8")
    db = tmp_path / "n.db"
    args = ["analyze", str(folder), "--db", str(db), "--config", str(config), "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "analysed 5 of 6 input(s), 1 duplicate(s), 1 failed" in result.output
    result = runner.invoke(app, args)
    assert "4 document(s) were already analysed" in result.output
    result = runner.invoke(app, ["status", "--db", str(db), "--config", str(config), "--json"])
    assert result.exit_code == 0, result.output
    state = json.loads(result.output)
    assert state["inputs"] == {"ok": 4, "duplicate": 1, "failed": 1}
    assert state["documents"] == {"done": 4, "failed": 1} and state["failures_by_code"] == {"E105": 1}
    result = runner.invoke(app, [*args, "--retry-failed", "--language", "en"])
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM inputs WHERE status = 'failed'").fetchone()[0] == 0
    con.close()
    result = runner.invoke(app, ["status", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such database" in result.output


def test_cli_out_and_json_cover_the_documents_an_earlier_run_analysed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(article(i), encoding="utf-8")
    (folder / "copy.txt").write_text(article(0), encoding="utf-8")
    config = tmp_path / "light.toml"
    config.write_text(LIGHT, encoding="utf-8")
    args = ["analyze", str(folder), "--db", str(tmp_path / "n.db"), "--config", str(config), "-q"]
    assert runner.invoke(app, args).exit_code == 0
    reports = tmp_path / "reports"
    result = runner.invoke(app, [*args, "--out", str(reports), "--json"])
    assert result.exit_code == 0, result.output
    assert "3 document(s) were already analysed" in result.output
    assert "analysed 4 of 4 input(s), 1 duplicate(s)" in result.output
    lines = [Document.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert sorted(str(d.metadata["input"]) for d in lines) == [str(folder / f"a{i}.txt") for i in range(3)]
    # One report per document, named after its input, flat in the folder.
    assert sorted(p.name for p in reports.iterdir()) == [
        f"a{i}.{x}" for i in range(3) for x in ("html", "json")
    ]
    assert Document.loads((reports / "a1.json").read_text(encoding="utf-8")) == next(
        d for d in lines if str(d.metadata["input"]).endswith("a1.txt")
    )
