"""The command line on files, folders, standard input and every kind of bad input."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrascope.cli import app
from narrascope.document import Document
from narrascope.store import Store
from texts import ENGLISH, RUSSIAN

runner = CliRunner()


def _inputs(db: Path) -> dict[str, tuple[str, str | None, str | None]]:
    con = sqlite3.connect(db)
    rows = con.execute("SELECT name, status, error_code, reason FROM inputs").fetchall()
    con.close()
    return {Path(name).name: (status, code, reason) for name, status, code, reason in rows}


@pytest.mark.slow
def test_folder_is_analysed_recursively_into_reports_and_database(articles: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "n.db", tmp_path / "reports"
    result = runner.invoke(app, ["analyze", str(articles), "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "belov-en.html",
        "belov-en.json",
        "belov-ru.html",
        "belov-ru.json",
    ]
    doc = Document.loads((out / "belov-ru.json").read_text(encoding="utf-8"))
    assert doc.language == "ru"
    assert any(q.attrs.get("speaker_entity") == "Аркадий Белов" for q in doc.layer("quote"))
    assert _inputs(db) == {"belov-en.txt": ("ok", None, None), "belov-ru.txt": ("ok", None, None)}
    assert "Arkady Belov" in result.output  # the summary names the speaker
    assert "analysed 2 of 2 input(s)" in result.output


@pytest.mark.slow
def test_rerun_does_not_duplicate(articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    for _ in range(2):
        assert runner.invoke(app, ["analyze", str(articles), "--db", str(db), "-q"]).exit_code == 0
    con = sqlite3.connect(db)
    counts = [con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "inputs")]
    spans = con.execute("SELECT COUNT(*) FROM spans").fetchone()[0]
    con.close()
    assert counts == [2, 2]
    # the same article given again under another name is still one document
    copy = tmp_path / "copy.txt"
    copy.write_text(ENGLISH, encoding="utf-8")
    assert runner.invoke(app, ["analyze", str(copy), "--db", str(db), "-q"]).exit_code == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert con.execute("SELECT COUNT(*) FROM spans").fetchone()[0] == spans
    con.close()


@pytest.mark.slow
def test_stdin_with_json_output(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["analyze", "-", "--no-db", "--json", "--published", "2023-06-08"], input=RUSSIAN.encode("utf-8")
    )
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith("{"))
    doc = Document.loads(line)
    assert doc.metadata["input"] == "<stdin>"
    assert doc.title == "Министр предупредил о провокациях"
    assert [(d.text_in(doc), d.attrs["value"]) for d in doc.layer("date")] == [("вторник", "2023-06-06")]


def test_bad_inputs_each_fail_alone_with_one_line_and_a_database_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n  ")
    (folder / "nul.txt").write_bytes(b"abc\x00def" * 10)
    (folder / "paper.txt").write_bytes(b"%PDF-1.7 ...")
    (folder / "big.txt").write_text("word " * 400)
    (folder / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "german.txt").write_text(
        "Der Sicherheitsrat warnte am Dienstag vor ausländischen Provokationen an der Grenze des Landes."
    )
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not text or HTML: skipped in a folder, and said so
    db = tmp_path / "n.db"
    result = runner.invoke(
        app, ["analyze", str(folder), str(tmp_path / "missing.txt"), "--db", str(db), "--max-bytes", "1000"]
    )
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    expected = {
        "empty.txt": "E101",
        "blank.txt": "E101",
        "nul.txt": "E102",
        "paper.txt": "E102",
        "big.txt": "E103",
        "menu.html": "E104",
        "missing.txt": "E100",
    }
    assert len(errors) == len(expected)
    for name, code in expected.items():
        line = next(line for line in errors if f"{name}:" in line)
        assert f"{code}:" in line
    assert "PDF document" in next(line for line in errors if "paper.txt" in line)
    assert "skipped 1 file(s) in folders in no format narrascope reads: 1 .pdf" in result.output
    # German is analysed: techniques run, and the analyzers that do not cover it say so.
    assert "analysed 1 of 8 input(s), 7 failed" in result.output
    rows = _inputs(db)
    assert rows.pop("german.txt")[:2] == ("ok", None)
    assert {name: code for name, (_, code, _) in rows.items()} == expected
    assert all(status == "failed" and reason for status, _, reason in rows.values())


@pytest.mark.slow
def test_invalid_utf8_is_replaced_and_reported_but_analysed(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(ENGLISH.encode("utf-8").replace(b"border", b"bord\xff\xfer"))
    good = tmp_path / "good.txt"
    good.write_text(RUSSIAN, encoding="utf-8")
    db = tmp_path / "n.db"
    result = runner.invoke(app, ["analyze", str(path), str(good), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert (
        "W150" in result.output
        and "broken.txt" in result.output
        and "2 character(s) replaced" in result.output
    )
    con = sqlite3.connect(db)
    (warnings,) = con.execute("SELECT warnings FROM inputs WHERE name LIKE '%broken.txt'").fetchone()
    (text,) = con.execute("SELECT text FROM documents WHERE text LIKE '%bord%'").fetchone()
    con.close()
    assert "W150" in json.loads(warnings)[0]
    assert "bord\ufffd\ufffdr" in text


@pytest.mark.slow
def test_language_override_and_cp1251_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    result = runner.invoke(
        app, ["analyze", str(path), "--no-db", "--json", "--encoding", "cp1251", "--language", "ru"]
    )
    assert result.exit_code == 0, result.output
    doc = Document.loads(next(x for x in result.stdout.splitlines() if x.startswith("{")))
    assert doc.text == RUSSIAN
    assert doc.labels_of("language")[0].attrs == {"given": True}


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["analyze", "x.txt", "--published", "June"]).exit_code == 2
    bad = tmp_path / "c.toml"
    bad.write_text("[nope]\n")
    result = runner.invoke(app, ["analyze", "x.txt", "--config", str(bad)])
    assert result.exit_code == 2
    assert "E020" in result.output


def test_a_hidden_layer_without_units_is_refused_before_any_data_is_read(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["train", "roles", "--data", str(tmp_path / "absent"), "--out", str(tmp_path / "m"), "--hidden", "0"],
    )
    assert result.exit_code == 2 and "E020" in result.output and "--hidden 0" in result.output
    assert not (tmp_path / "m").exists()


def test_every_store_command_finds_the_store_named_by_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "elsewhere" / "corpus.db"
    db.parent.mkdir()
    doc = Document("The ministry said the border was calm.", title="Calm", metadata={"input": "calm.txt"})
    with Store(db) as store:
        store.save(doc)
    config = tmp_path / "c.toml"
    config.write_text(f'[store]\npath = "{db.as_posix()}"\n', encoding="utf-8")
    shown = runner.invoke(app, ["show", doc.id, "--config", str(config)])
    assert shown.exit_code == 0, shown.output
    assert Document.from_json(json.loads(shown.stdout)) == doc
    for command in (
        ["status", "--json"],
        ["search", "border"],
        ["export", "documents", "--out", "-", "--format", "jsonl"],
        ["query", "timeline", "--layer", "language"],
    ):
        result = runner.invoke(app, [*command, "--config", str(config)])
        assert result.exit_code == 0, (command, result.output)
    # Without --config the default store.path applies: here, in an empty folder, there is none,
    # and reading commands say so rather than leave an empty database behind.
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["show", doc.id])
    assert result.exit_code == 2 and "narrascope.db: no such database" in result.output
    assert not (tmp_path / "narrascope.db").exists()


def test_components_and_config_commands() -> None:
    result = runner.invoke(app, ["components"])
    assert result.exit_code == 0
    assert "narrascope.quotes.v1" in result.output
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0 and "max_bytes = 20_000_000" in result.output


@pytest.mark.slow
def test_console_script_reads_real_stdin_and_sets_exit_status(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "narrascope"
    command = [str(exe), "analyze", "-", "--no-db", "-q"]
    ok = subprocess.run(command, input=ENGLISH.encode(), capture_output=True, timeout=120, check=False)
    assert ok.returncode == 0, ok.stderr.decode()
    empty = subprocess.run(command, input=b"", capture_output=True, timeout=120, check=False)
    assert empty.returncode == 1
    assert b"E101: <stdin>: empty input" in empty.stderr


def test_nothing_to_analyse_is_an_error_not_a_silent_success(tmp_path: Path) -> None:
    (tmp_path / "only.pdf").write_bytes(b"%PDF")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--no-db"])
    assert result.exit_code == 1
    assert "no input to analyse was found" in result.output


def test_unwritable_out_folder_is_a_clear_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["analyze", str(blocker), "--no-db", "--out", str(blocker / "reports")])
    assert result.exit_code == 2
    assert "cannot create the folder" in result.output


@pytest.mark.slow
def test_the_summary_says_what_an_unresolved_date_needs(tmp_path: Path) -> None:
    text = "MINSK, March 3 - The council met on Friday to discuss the border and the harbour.\n"
    path = tmp_path / "dateline.txt"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "n.db"
    result = runner.invoke(app, ["analyze", str(path), "--db", str(db), "--out", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    assert "March 3 → ?" in result.output and "needs the publication date" in result.output
    assert "— (needs the publication date)" in (tmp_path / "r" / "dateline.html").read_text(encoding="utf-8")
    # with the publication date given, both resolve and nothing is said
    result = runner.invoke(
        app, ["analyze", str(path), "--db", str(tmp_path / "m.db"), "--published", "2023-03-05"]
    )
    assert result.exit_code == 0, result.output
    assert "March 3 → 2023-03-03" in result.output and "needs the publication date" not in result.output


def test_help_reflows_the_docstrings_and_keeps_placeholders() -> None:
    # Typer's rich mode keeps the docstrings' hard line breaks, which printed "finishes the
    # work," and "with no document ..." on lines of their own; and markdown, which reflows
    # them, drops a bare "<name>" as an HTML tag.
    result = runner.invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"}, terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "finishes the work, with no document analysed" in result.output
    assert "Write <name>.json and <name>.html for each article here." in result.output
