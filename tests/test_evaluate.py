"""``narrascope evaluate``: official figures on small files, and clear errors on bad ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrascope.cli import app
from narrascope.evaluate import TASKS, evaluate

runner = CliRunner()


def _files(tmp_path: Path, gold: str, pred: str, suffix: str = ".txt") -> tuple[Path, Path]:
    g, p = tmp_path / f"gold{suffix}", tmp_path / f"pred{suffix}"
    g.write_text(gold, encoding="utf-8")
    p.write_text(pred, encoding="utf-8")
    return g, p


def test_paragraph_techniques_micro_f1(tmp_path: Path) -> None:
    gold, pred = _files(
        tmp_path,
        "1\t1\tDoubt\n1\t3\tLoaded_Language,Name_Calling-Labeling\n2\t1\t\n",
        "1\t1\tDoubt\n1\t3\tLoaded_Language\n2\t1\tFlag_Waving\n",
    )
    # gold 3 labels, predicted 3, correct 2: P = 2/3, R = 2/3, micro-F1 = 2/3
    result = evaluate("semeval2023-st3", gold, pred)
    assert result.name == "micro-F1"
    assert result.value == pytest.approx(2 / 3)
    cli = runner.invoke(
        app, ["evaluate", "--task", "semeval2023-st3", "--gold", str(gold), "--pred", str(pred)]
    )
    assert cli.exit_code == 0, cli.output
    assert "micro-F1 = 0.6667" in cli.output
    assert "Loaded_Language" in cli.output  # the per-label table
    as_json = runner.invoke(
        app, ["evaluate", "--task", "semeval2023-st3", "--gold", str(gold), "--pred", str(pred), "--json"]
    )
    assert json.loads(as_json.stdout)["value"] == pytest.approx(2 / 3)


def test_genre_macro_f1(tmp_path: Path) -> None:
    gold, pred = _files(
        tmp_path, "1\treporting\n2\topinion\n3\topinion\n", "1\treporting\n2\topinion\n3\treporting\n"
    )
    # reporting: P 1/2 R 1 F1 2/3; opinion: P 1 R 1/2 F1 2/3 -> macro-F1 = 2/3
    assert evaluate("semeval2023-st1", gold, pred).value == pytest.approx(2 / 3)


def test_labelled_spans_with_partial_overlap(tmp_path: Path) -> None:
    gold, pred = _files(tmp_path, "1\tDoubt\t0\t10\n", "1\tDoubt\t5\t10\n1\tLoaded_Language\t0\t10\n")
    # precision: (5/5 + 0) / 2 = 0.5; recall: 5/10 = 0.5; F1 = 0.5
    assert evaluate("semeval2023-spans", gold, pred).value == pytest.approx(0.5)


def test_checkthat_json(tmp_path: Path) -> None:
    gold, pred = _files(
        tmp_path,
        json.dumps({"7": [{"tag": "Doubt", "start": 0, "end": 10}], "8": []}),
        json.dumps({"7": [{"tag": "Doubt", "start": 0, "end": 10}], "8": []}),
        ".json",
    )
    assert evaluate("checkthat2024", gold, pred).value == pytest.approx(1.0)


def test_narratives_samples_f1(tmp_path: Path) -> None:
    a, b = "URW: Praise of Russia", "URW: Praise of Russia: Praise of Russian military might"
    gold, pred = _files(
        tmp_path, f"D1.txt\t{a}\t{b}\nD2.txt\tOther\tOther\n", f"D1.txt\t{a}\t{b}\nD2.txt\t{a}\t{b}\n"
    )
    # fine samples-F1: D1 = 1, D2 = 0 -> 0.5
    assert evaluate("semeval2025-st2", gold, pred).value == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("task", "gold", "pred", "code", "where"),
    [
        ("semeval2023-st3", "1\t1\tDoubt\n", "1\t1\tDoubt\n9\t1\t\n", "E304", "ids not in the gold file"),
        ("semeval2023-st3", "1\t1\tDoubt\n", "1\t1\tDoubt\n1\t2\n1\n", "E300", "pred.txt:3: expected 2 to 3"),
        (
            "semeval2023-st3",
            "1\t1\tDoubt\n",
            "1\t1\tDoubtt\n",
            "E301",
            "pred.txt:1: unknown technique 'Doubtt'",
        ),
        ("semeval2023-st1", "1\treporting\n", "1\tnews\n", "E301", "pred.txt:1: unknown genre 'news'"),
    ],
)
def test_mismatches_are_refused_naming_file_and_line(
    tmp_path: Path, task: str, gold: str, pred: str, code: str, where: str
) -> None:
    g, p = _files(tmp_path, gold, pred)
    result = runner.invoke(app, ["evaluate", "--task", task, "--gold", str(g), "--pred", str(p)])
    assert result.exit_code == 2
    assert f"{code}:" in result.output and where in result.output


def test_task_list_and_unknown_task(tmp_path: Path) -> None:
    listed = runner.invoke(app, ["evaluate", "--list"])
    assert listed.exit_code == 0
    assert all(name in listed.output for name in TASKS)
    g, p = _files(tmp_path, "", "")
    unknown = runner.invoke(app, ["evaluate", "--task", "nope", "--gold", str(g), "--pred", str(p)])
    assert unknown.exit_code == 2 and "unknown task 'nope'" in unknown.output
