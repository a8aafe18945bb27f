"""The table of what works in which language: coverage from the analyzers, figures measured by
benchmarks/multilingual.py and shipped in support.json."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from narrascope import support
from narrascope.cli import app


def test_every_language_has_measured_entities_dates_and_quotes() -> None:
    measured = support.figures()
    assert measured["command"].startswith("python benchmarks/multilingual.py")
    for language in support.LANGUAGES:
        row = measured["languages"][language]
        assert set(row) == {"entities", "dates", "quotes"}, language
        # The issue's own floor: a capitalisation rule is not an entity recogniser.
        assert row["entities"]["precision"] >= 0.6, language


def test_rows_say_covered_measured_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        support,
        "figures",
        lambda: {
            "languages": {"de": {"entities": {"precision": 0.8, "recall": 0.75, "mentions_recall": 0.5}}}
        },
    )
    rows = {row[0]: row for row in support.support_rows()}
    columns = [column for column, _, _ in support.ANALYSES]
    german = dict(zip(columns, rows["de"][1:], strict=True))
    assert german["entities"] == "P 0.80 R 0.75, mentions R 0.50"
    assert german["dates"] == "yes"  # covered, not measured in this stand-in
    assert german["techniques"] == "trained" and rows["uk"][columns.index("techniques") + 1] == "zero-shot"
    # English's annotators used 19 of the 23 techniques: the shipped model reports only those there.
    assert rows["en"][columns.index("techniques") + 1] == "trained (19 of 23)"
    assert german["narratives, roles"] == "zero-shot" and rows["bg"][-1] == "trained"


def test_uncovered_languages_get_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(support, "LANGUAGES", ("nl",))
    (row,) = support.support_rows()
    columns = [column for column, _, _ in support.ANALYSES]
    dutch = dict(zip(columns, row[1:], strict=True))
    assert dutch["entities"] == "—" and dutch["quotes"] == "—" and dutch["dates"] != "—"


def test_components_prints_the_language_table() -> None:
    result = CliRunner().invoke(app, ["components"])
    assert result.exit_code == 0
    assert "What works in which language" in result.output
    assert "Measured with: python benchmarks/multilingual.py" in result.output
    markdown = support.support_markdown()
    assert markdown.splitlines()[0].startswith("| language | entities | dates | quotes |")
    assert len(markdown.splitlines()) == 2 + len(support.LANGUAGES)
