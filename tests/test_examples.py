"""The bundled examples, analysed as the README's quick start does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from narrascope.cli import app
from narrascope.document import Document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    result = runner.invoke(
        app,
        ["analyze", str(EXAMPLES), "--out", str(out), "--db", str(out / "n.db"), "--published", "2023-06-08"],
    )
    assert result.exit_code == 0, result.output
    return out


def _doc(reports: Path, name: str) -> Document:
    return Document.loads((reports / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_every_example_is_analysed(reports: Path) -> None:
    stems = {p.stem for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html")}
    assert {p.stem for p in reports.glob("*.html")} == stems
    assert {p.stem for p in reports.glob("*.json")} == stems


@pytest.mark.slow
def test_security_council_quotes_and_speakers(reports: Path) -> None:
    doc = _doc(reports, "security-council-en")
    speakers = {q.attrs.get("speaker_entity") for q in doc.layer("quote") if q.label == "direct"}
    assert {"Viktor Dralenko", "Olga Varenik"} <= speakers
    two_paragraphs = next(q for q in doc.layer("quote") if "Now they will have to listen" in q.text_in(doc))
    assert "They did not listen." in two_paragraphs.text_in(doc)  # one quote over two paragraphs
    assert two_paragraphs.attrs["speaker_entity"] == "Viktor Dralenko"
    phrases = {q.text_in(doc) for q in doc.layer("quote") if q.label == "phrase"}
    assert "independent media" in phrases
    assert "published_from" not in doc.metadata  # --published was given; the dateline does not override it
    values = {d.text_in(doc): d.attrs["value"] for d in doc.layer("date")}
    assert values["June 8, 2023"] == "2023-06-08"
    assert values["Tuesday"] == "2023-06-06"
    # The date line's place is an entity but no actor; English's four unannotated techniques
    # are named on the document.
    assert any(e.start == doc.text.index("MINSK") for e in doc.layer("entity"))
    assert not any(r.start == doc.text.index("MINSK") for r in doc.layer("role"))
    assert "Appeal_to_Values" in doc.metadata["not_reported"]["technique"]["labels"]


@pytest.mark.slow
def test_the_hindi_example_has_its_speakers_dates_and_people(reports: Path) -> None:
    doc = _doc(reports, "suraksha-parishad-hi")
    said = [(q.label, q.attrs.get("speaker_entity")) for q in doc.layer("quote") if q.label != "phrase"]
    assert said.count(("direct", "विक्टर द्रालेंको")) == 1 and ("direct", "ओल्गा वरेनिक") in said
    # "द्रालेंको के अनुसार" and "उन्होंने आगे कहा कि": reported, his
    assert said.count(("reported", "विक्टर द्रालेंको")) == 2
    phrases = {q.text_in(doc) for q in doc.layer("quote") if q.label == "phrase"}
    assert "स्वतंत्र मीडिया" in phrases  # after "तथाकथित", so-called
    values = {d.text_in(doc): d.attrs["value"] for d in doc.layer("date")}
    assert values["8 जून 2023"] == "2023-06-08" and values["मंगलवार"] == "2023-06-06"
    people = [e.attrs["person"] for e in doc.layer("entity") if e.label == "PER"]
    assert people.count("विक्टर द्रालेंको") == 3 and "ओल्गा वरेनिक" in people


@pytest.mark.slow
def test_the_terminal_summary_names_the_techniques_not_reported(tmp_path: Path) -> None:
    english = EXAMPLES / "security-council-en.txt"
    result = runner.invoke(app, ["analyze", str(english), "--no-db"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "not reported in language 'en', whose annotators never used them: Appeal_to_Time" in result.output
    russian = runner.invoke(app, ["analyze", str(EXAMPLES / "sovbez-ru.txt"), "--no-db"])
    assert russian.exit_code == 0 and "not reported" not in russian.output


@pytest.mark.slow
def test_html_example_keeps_its_own_date_and_outlet(reports: Path) -> None:
    doc = _doc(reports, "embassy-statement-en")
    assert doc.source == "Northern Herald"
    assert doc.published is not None and doc.published.isoformat() == "2023-05-19"  # not --published
    assert any(q.attrs.get("speaker_entity") == "Pavel Strelkov" for q in doc.layer("quote"))


@pytest.mark.slow
def test_show_prints_a_stored_document(reports: Path) -> None:
    doc = _doc(reports, "sovbez-ru")
    result = runner.invoke(app, ["show", doc.id, "--db", str(reports / "n.db")])
    assert result.exit_code == 0, result.output
    assert Document.from_json(json.loads(result.stdout)) == doc
    missing = runner.invoke(app, ["show", "0000000000000000", "--db", str(reports / "n.db")])
    assert missing.exit_code == 2 and "no document with id" in missing.output
