"""``narrascope convert``: any format read to any format written, with repairs reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrascope.cli import app
from narrascope.convert import READERS, WRITERS
from narrascope.evaluate import evaluate

runner = CliRunner()

ARTICLE = "Drills near the border\n\nThe ministry called the drills a reckless provocation.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "en"
    (root / "train-articles-subtask-3").mkdir(parents=True)
    (root / "train-articles-subtask-3" / "article5.txt").write_text(ARTICLE, encoding="utf-8")
    start = ARTICLE.index("reckless")
    (root / "train-labels-subtask-3.txt").write_text("5\t1\t\n5\t3\tLoaded_Language\n", encoding="utf-8")
    spans = root / "train-labels-subtask-3-spans"
    spans.mkdir()
    (spans / "article5-labels-subtask-3.txt").write_text(
        f"5\tLoaded_Language\t{start}\t{start + 19}\n", encoding="utf-8"
    )
    return root


def test_semeval_to_labelstudio_and_back_keeps_the_spans(folder: Path, tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.json"
    result = runner.invoke(
        app, ["convert", "--from", "semeval2023", "--to", "labelstudio", str(folder), "--out", str(tasks)]
    )
    assert result.exit_code == 0, result.output
    assert "end one character inside a word: extended: 1" in result.output  # "provocatio" -> "provocation"
    (task,) = json.loads(tasks.read_text(encoding="utf-8"))
    (region,) = [r for r in task["predictions"][0]["result"] if r["type"] == "labels"]
    assert region["value"]["text"] == "reckless provocation"
    assert tasks.with_suffix(".config.xml").read_text(encoding="utf-8").startswith("<View>")
    spans = tmp_path / "spans.txt"
    back = runner.invoke(
        app,
        [
            "convert",
            "--from",
            "labelstudio",
            "--to",
            "semeval2023-spans",
            str(tasks),
            "--out",
            str(spans),
            "--predictions",
        ],
    )
    assert back.exit_code == 0, back.output
    start = ARTICLE.index("reckless")
    assert spans.read_text(encoding="utf-8") == f"5\tLoaded_Language\t{start}\t{start + 20}\n"
    paragraphs = tmp_path / "st3.txt"
    runner.invoke(
        app,
        [
            "convert",
            "--from",
            "semeval2023",
            "--to",
            "semeval2023-st3",
            str(folder),
            "--out",
            str(paragraphs),
        ],
    )
    assert evaluate("semeval2023-st3", folder / "train-labels-subtask-3.txt", paragraphs).value == 1.0


def test_every_reader_and_writer_is_listed() -> None:
    result = runner.invoke(app, ["convert", "--list"])
    assert result.exit_code == 0
    assert all(name in result.output for name in [*READERS, *WRITERS])


def test_bad_requests_exit_2(folder: Path, tmp_path: Path) -> None:
    missing = runner.invoke(
        app, ["convert", "--from", "semeval2023", "--to", "jsonl", str(tmp_path / "nope"), "--out", "x"]
    )
    assert missing.exit_code == 2 and "E303" in missing.output
    unknown = runner.invoke(app, ["convert", "--from", "docx", "--to", "jsonl", str(folder), "--out", "x"])
    assert unknown.exit_code == 2 and "cannot read 'docx'" in unknown.output
    incomplete = runner.invoke(app, ["convert", "--from", "semeval2023"])
    assert incomplete.exit_code == 2 and "are all needed" in incomplete.output
