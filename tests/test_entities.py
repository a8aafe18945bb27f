"""Named entities: spaCy for English, natasha for Russian, with normal forms for counting."""

from __future__ import annotations

import pytest

from conftest import Analyze
from narrascope.analyzers.entities import _russian_normal, english_normal
from narrascope.config import Config, load_config
from narrascope.document import Document
from narrascope.pipeline import Pipeline


def entities(doc: Document) -> list[tuple[str, str, str]]:
    return [(e.label, e.text_in(doc), e.attrs["normal"]) for e in doc.layer("entity")]


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("the Kremlin's", "Kremlin"),
        ("The Pentagon’s", "Pentagon"),
        ("an  Atlantic   Council", "Atlantic Council"),
        ("NATO", "NATO"),
        ("Theodore Brennan", "Theodore Brennan"),  # "The" only as a whole word
    ],
)
def test_english_normal_form(text: str, normal: str) -> None:
    assert english_normal(text) == normal


@pytest.mark.parametrize(
    ("text", "normal", "label", "pos", "expected"),
    [
        ("Совета безопасности", "Совет безопасность", "ORG", ["PROPN", "NOUN"], "Совет безопасности"),
        ("Государственной думы", "Государственная дума", "ORG", ["ADJ", "NOUN"], "Государственная дума"),
        (
            "Российской академии наук",
            "Российская академия науки",
            "ORG",
            ["ADJ", "NOUN", "NOUN"],
            "Российская академия наук",
        ),
        ("Совета безопасности", "Совет безопасность", "ORG", [], "Совет безопасности"),  # no tags: first word
        ("Сергея Бреннова", "Сергей Бреннов", "PER", ["PROPN", "PROPN"], "Сергей Бреннов"),
        ("Нижнем Новгороде", "Нижний Новгород", "LOC", ["ADJ", "PROPN"], "Нижний Новгород"),
    ],
)
def test_russian_normal_form(text: str, normal: str, label: str, pos: list[str], expected: str) -> None:
    assert _russian_normal(text, normal, label, pos) == expected


@pytest.mark.slow
def test_english_entities_with_labels_and_offsets(analyze: Analyze) -> None:
    text = (
        "The Kremlin's spokesman Dmitry Orlovsky said on Monday that NATO troops had arrived in Estonia.\n"
        "The British embassy in Moscow declined to comment."
    )
    doc = analyze(text, language="en")
    assert entities(doc) == [
        ("ORG", "Kremlin", "Kremlin"),
        ("PER", "Dmitry Orlovsky", "Dmitry Orlovsky"),
        ("ORG", "NATO", "NATO"),
        ("LOC", "Estonia", "Estonia"),
        ("NORP", "British", "British"),
        ("LOC", "Moscow", "Moscow"),
    ]
    kremlin = doc.layer("entity")[0]
    assert (kremlin.start, kremlin.end) == (4, 11)
    assert kremlin.attrs["source_label"] == "ORG"
    moscow = doc.layer("entity")[-1]
    assert moscow.start == text.index("Moscow") and moscow.attrs["source_label"] == "GPE"


@pytest.mark.slow
def test_english_entities_never_cross_a_line_break(analyze: Analyze) -> None:
    text = "Talks were held in Vienna\nGeneva will host the next round, said Maria Zorina of the Foreign Ministry."
    doc = analyze(text, language="en")
    assert all("\n" not in e.text_in(doc) for e in doc.layer("entity"))
    found = entities(doc)
    assert ("LOC", "Vienna", "Vienna") in found
    assert ("LOC", "Geneva", "Geneva") in found
    assert ("PER", "Maria Zorina", "Maria Zorina") in found


@pytest.mark.slow
def test_russian_entities_in_the_nominative(analyze: Analyze) -> None:
    text = (
        "Секретарь Совета безопасности Олег Варников провёл совещание в Москве.\n"
        "Глава МИД Мария Зорина встретилась с Аркадием Бренновым в Санкт-Петербурге."
    )
    doc = analyze(text, language="ru")
    assert entities(doc) == [
        ("ORG", "Совета безопасности", "Совет безопасности"),
        ("PER", "Олег Варников", "Олег Варников"),
        ("LOC", "Москве", "Москва"),
        ("ORG", "МИД", "МИД"),
        ("PER", "Мария Зорина", "Мария Зорина"),
        ("PER", "Аркадием Бренновым", "Аркадий Бреннов"),
        ("LOC", "Санкт-Петербурге", "Санкт-Петербург"),
    ]
    moscow = next(e for e in doc.layer("entity") if e.attrs["normal"] == "Москва")
    assert (moscow.start, moscow.end) == (text.index("Москве"), text.index("Москве") + len("Москве"))
    assert moscow.attrs["source_label"] == "LOC"


@pytest.mark.slow
def test_russian_organisations_keep_their_genitive_modifiers(analyze: Analyze) -> None:
    text = (
        "Депутаты Государственной думы обсудили заявление.\n"
        "Эксперты Российской академии наук и Генерального штаба провели встречу в Совете Федерации.\n"
        "Представители Службы внешней разведки и Следственного комитета прибыли на заседание."
    )
    doc = analyze(text, language="ru")
    assert entities(doc) == [
        ("ORG", "Государственной думы", "Государственная дума"),
        ("ORG", "Российской академии наук", "Российская академия наук"),
        ("ORG", "Генерального штаба", "Генеральный штаб"),
        ("ORG", "Совете Федерации", "Совет Федерации"),
        ("ORG", "Службы внешней разведки", "Служба внешней разведки"),
        ("ORG", "Следственного комитета", "Следственный комитет"),
    ]


def test_language_without_an_entity_model_is_marked_not_covered_with_a_warning() -> None:
    config = Config(
        {
            **load_config().data,
            "pipeline": {
                "analyzers": ["narrascope.language.v1", "narrascope.segment.v1", "narrascope.entities.v1"],
                "languages": [],
            },
        }
    )
    doc = Pipeline(config)(Document("Der Sicherheitsrat tagte am Dienstag in Berlin.", language="de"))
    assert doc.layer("entity") == [] and doc.layer("paragraph") != []
    assert doc.metadata["not_covered"] == {"entity": "narrascope.entities.v1"}
    assert doc.warnings() == [
        "W152: narrascope.entities.v1 does not cover language 'de' (it covers en, ru); entity left empty"
    ]
    assert "narrascope.entities.v1" not in doc.analyses


@pytest.mark.slow
@pytest.mark.parametrize(
    ("line", "language", "name"),
    [
        ("Minister Viktor Dralenko met officials in Warsaw on Tuesday.", "en", "Viktor Dralenko"),
        ("Министр Виктор Драленко встретился с чиновниками в Варшаве.", "ru", "Виктор Драленко"),
    ],
)
def test_long_texts_are_read_in_blocks_without_losing_or_shifting_entities(
    analyze: Analyze, line: str, language: str, name: str
) -> None:
    text = "\n\n".join([line] * 400)  # ~25,000 characters: several blocks of paragraphs
    doc = analyze(text, language=language)
    people = [s for s in doc.layer("entity") if s.attrs["normal"] == name]
    assert len(people) == 400
    assert {doc.text[s.start : s.end] for s in people} == {name}
