"""Paragraphs, sentences and the document's language."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Analyze
from narrascope.analyzers.language import LanguageAnalyzer
from narrascope.analyzers.segment import SegmentAnalyzer, paragraphs
from narrascope.config import Config, load_config
from narrascope.document import Document, Span
from narrascope.errors import InputError
from narrascope.pipeline import Pipeline
from texts import ENGLISH

ARTICLE = (
    "  Moscow, June 8.  \n"
    "\n"
    "\tThe Defence Ministry said the drills were over. Mr. Lorand left at 5 p.m. on Monday.\n"
    "   \n"
    "Troops returned to their bases\n"
    "the ministry added that no incidents were recorded.\n"
)


def segment(text: str) -> Document:
    doc = Document(text)
    SegmentAnalyzer({})(doc)
    return doc


def test_paragraphs_are_non_empty_lines_numbered_from_one() -> None:
    doc = segment(ARTICLE)
    found = [(p.attrs["number"], p.start, p.end, p.text_in(doc)) for p in doc.layer("paragraph")]
    assert found == [
        (1, 2, 17, "Moscow, June 8."),
        (2, 22, 106, "The Defence Ministry said the drills were over. Mr. Lorand left at 5 p.m. on Monday."),
        (3, 111, 141, "Troops returned to their bases"),
        (4, 142, 193, "the ministry added that no incidents were recorded."),
    ]
    assert all(p.label == "paragraph" for p in doc.layer("paragraph"))


def test_sentences_never_cross_paragraphs() -> None:
    doc = segment(ARTICLE)
    sentences = [s.text_in(doc) for s in doc.layer("sentence")]
    assert sentences == [
        "Moscow, June 8.",
        "The Defence Ministry said the drills were over.",
        "Mr. Lorand left at 5 p.m. on Monday.",  # abbreviations do not end a sentence
        "Troops returned to their bases",  # no full stop, yet the line ends it
        "the ministry added that no incidents were recorded.",
    ]


def test_a_title_before_a_name_ends_no_sentence() -> None:
    doc = segment(
        "Sen. Mary Holt and Gov. Tom Reyes met Lt. Gen. Ada Kerr. Then Rep. Ian Doyle left.\nThe talks went on."
    )
    assert [s.text_in(doc) for s in doc.layer("sentence")] == [
        "Sen. Mary Holt and Gov. Tom Reyes met Lt. Gen. Ada Kerr.",
        "Then Rep. Ian Doyle left.",
        "The talks went on.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Jak mówi prof. Jan Nowak, most jest gotowy.",
        "Wypowiedział się dr hab. Anna Nowak, a potem gen. Adam Kowal.",
        "Był tam m.in. ks. Adam Kowal z parafii św. Jana.",
        "To tzw. plan Nowaka, który kosztuje ok. 300 mln zł.",
        "Lo ha detto il dott. Marco Lerici al sig. Rossi.",
        "Lo dijo la Sra. Elena Duarte en el Nr. 5.",
        "Так каза проф. Иван Петров, а ген. Олег Варников мълча за т.нар. план.",
        "Il a écrit au gén. Dupont.",
    ],
)
def test_other_languages_abbreviations_before_a_name_or_a_number_end_no_sentence(text: str) -> None:
    assert [s.text_in(segment(text)) for s in segment(text).layer("sentence")] == [text]


def test_abbreviations_that_also_close_a_sentence_still_do() -> None:
    # "r." (year) ends sentences as often as not; "red." is a colour
    text = "Most otwarto w 2015 r. Potem go zamknięto. It turned red. Then blue."
    assert [s.text_in(segment(text)) for s in segment(text).layer("sentence")] == [
        "Most otwarto w 2015 r.",
        "Potem go zamknięto.",
        "It turned red.",
        "Then blue.",
    ]


def test_a_sentence_that_ends_without_a_space_before_the_next_still_ends() -> None:
    text = 'Это сказал Олег Варников.Как отметил аналитик, порт закрыт. Он пришёл."Все ушли", сказал он.'
    assert [s.text_in(segment(text)) for s in segment(text).layer("sentence")] == [
        "Это сказал Олег Варников.",
        "Как отметил аналитик, порт закрыт.",
        "Он пришёл.",
        '"Все ушли", сказал он.',
    ]
    # ... but not inside a web address, after a title or an initial, or after a number
    for text in (
        "Read Norda.Ru or www.Norda.net today.",
        "Mr.Lorand left.",
        "It is U.S.Army land.",
        "Up 5.Then down.",
    ):
        assert [s.text_in(segment(text)) for s in segment(text).layer("sentence")] == [text]


def test_x_after_a_word_in_lower_case_is_the_platform_not_an_initial() -> None:
    doc = segment("Reed wrote on X. In a post, Vera Lorand replied. Then George W. Bush met them.")
    assert [s.text_in(doc) for s in doc.layer("sentence")] == [
        "Reed wrote on X.",
        "In a post, Vera Lorand replied.",
        "Then George W. Bush met them.",  # an initial after a name still ends nothing
    ]


def test_russian_sentences_and_abbreviations() -> None:
    text = "Министр сообщил, что учения завершены. Т. е. войска вернутся в пункты дислокации.\nВ г. Минске прошло совещание"
    doc = segment(text)
    assert [p.attrs["number"] for p in doc.layer("paragraph")] == [1, 2]
    assert [s.text_in(doc) for s in doc.layer("sentence")] == [
        "Министр сообщил, что учения завершены.",
        "Т. е. войска вернутся в пункты дислокации.",
        "В г. Минске прошло совещание",
    ]


def test_windows_line_endings_and_blank_text() -> None:
    doc = segment("First line.\r\n\r\nSecond line.\r\n")
    assert [p.text_in(doc) for p in doc.layer("paragraph")] == ["First line.", "Second line."]
    assert segment(" \n\t\n").spans == []


_LINES = st.lists(
    st.sampled_from(
        ["", " ", "\t", "The drills ended.", "Mr. Lorand left", "Учения завершены.", "т. е. войска", "?"]
    ),
    max_size=8,
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_LINES.map(" ".join), max_size=8).map("\n".join))
def test_paragraphs_and_sentences_partition_the_lines(text: str) -> None:
    expected = [line.strip() for line in text.split("\n") if line.strip()]
    assert [text[a:b] for a, b in paragraphs(text)] == expected
    doc = segment(text)
    paras = doc.layer("paragraph")
    assert [p.attrs["number"] for p in paras] == list(range(1, len(expected) + 1))
    for sentence in doc.layer("sentence"):
        inside = [p for p in paras if p.start <= sentence.start and sentence.end <= p.end]
        assert len(inside) == 1, (text, sentence)
        assert "\n" not in sentence.text_in(doc)


# -- language ---------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Defence Ministry said on Tuesday that foreign agents were preparing provocations.", "en"),
        ("Министр обороны заявил во вторник, что иностранные агенты готовят провокации у границы.", "ru"),
    ],
)
def test_language_is_detected(analyze: Analyze, text: str, language: str) -> None:
    doc = analyze(text)
    assert doc.language == language
    (label,) = doc.labels_of("language")
    assert label.label == language
    assert label.analyzer == "narrascope.language.v1"
    assert label.score is not None and label.score >= 0.8
    assert label.attrs == {}
    assert _besides_length(doc.warnings()) == []


def test_short_ambiguous_text_warns_w151() -> None:
    doc = Document("Nord Stream 2")
    LanguageAnalyzer({})(doc)
    assert doc.language == "en"
    (label,) = doc.labels_of("language")
    assert label.score is not None and label.score < 0.8
    (warning,) = doc.warnings()
    assert warning.startswith("W151: language detected as 'en' with probability 0.06;")
    assert "--language" in warning


def test_warning_threshold_is_a_setting() -> None:
    doc = Document("Nord Stream 2")
    LanguageAnalyzer({"min_confidence": 0.01})(doc)
    assert doc.warnings() == []


def _besides_length(warnings: list[str]) -> list[str]:
    """The warnings other than W154 (a short text gets no frames, genre, narratives or roles)."""
    return [w for w in warnings if not w.startswith("W154")]


@pytest.mark.slow
def test_w151_through_the_pipeline(analyze: Analyze) -> None:
    doc = analyze("Nord Stream 2")
    assert doc.language == "en"
    assert [w[:5] for w in _besides_length(doc.warnings())] == ["W151:"]


@pytest.mark.slow
def test_user_given_language_is_kept(analyze: Analyze) -> None:
    # Both short and misleading: the user's word is taken, with no detection and no warning.
    doc = analyze("Nord Stream 2", language="ru")
    assert doc.language == "ru"
    (label,) = doc.labels_of("language")
    assert (label.label, label.score, label.attrs) == ("ru", None, {"given": True})
    assert _besides_length(doc.warnings()) == []
    doc = analyze("The Defence Ministry said the drills were over.", language="ru")
    assert doc.language == "ru"


@pytest.mark.slow
def test_every_language_is_analysed_and_uncovered_layers_are_marked(analyze: Analyze) -> None:
    doc = analyze(
        "Der Sicherheitsrat warnte am Dienstag in Berlin vor Provokationen an der Grenze des Landes.\n\n"
        # long enough to be judged as an article (the narrative analyzer's min_words)
        "Die Regierung prüft nun alle Möglichkeiten einer Antwort auf die wachsenden Spannungen, die "
        "seit Wochen die Beziehungen zwischen den beiden Ländern belasten und die Menschen in der "
        "ganzen Region zunehmend beunruhigen.",
        published=dt.date(2023, 6, 8),
    )
    assert doc.language == "de"
    # German has entities (the entity head), dates and quotes now: nothing is left uncovered.
    assert "not_covered" not in doc.metadata
    # The narrative and role models are not trained on German: zero-shot, with a warning each.
    assert [w[:38] for w in doc.warnings()] == [
        "W153: narrascope.narratives.v1: the na",
        "W153: narrascope.roles.v1: the role mo",
    ]
    assert ("LOC", "Berlin") in [(e.label, e.text_in(doc)) for e in doc.layer("entity")]
    assert [d.attrs["value"] for d in doc.layer("date")] == ["2023-06-06"]
    doc = analyze("De Veiligheidsraad waarschuwde op 4 juni 2023 in Den Haag voor provocaties aan de grens.")
    assert doc.language == "nl"
    # Dutch: dates, but no entity recogniser and no speech verbs: marked, with a warning each.
    assert doc.metadata["not_covered"] == {
        "entity": "narrascope.entities.v1",
        "quote": "narrascope.quotes.v1",
        "role": "narrascope.roles.v1",  # no entity mentions to cast
    }
    assert [d.attrs["value"] for d in doc.layer("date")] == ["2023-06-04"]
    assert sorted(w[:4] for w in doc.warnings()).count("W152") == 3
    assert "narrascope.techniques.v1" in doc.analyses
    doc = analyze("Съветът за сигурност предупреди във вторник за провокации по границата на страната.")
    assert doc.language == "bg"
    assert any(w.startswith("W153: narrascope.techniques.v1") for w in doc.warnings())


def test_configured_languages_refuse_the_others() -> None:
    config = load_config()
    config = Config(
        {
            **config.data,
            "pipeline": {
                "analyzers": ["narrascope.language.v1", "narrascope.segment.v1"],
                "languages": ["en"],
            },
        }
    )
    with pytest.raises(InputError) as info:
        Pipeline(config)(Document("Der Sicherheitsrat warnte am Dienstag vor Provokationen an der Grenze."))
    assert info.value.code == "E105"
    assert "language 'de' is not supported" in str(info.value)


def test_paragraph_line_is_the_line_number_semeval_uses() -> None:
    # SemEval-2023 subtask 3 numbers a paragraph by its line in the file, empty lines counted.
    doc = segment("Title\n\nFirst paragraph.\n\n\nSecond paragraph.\n")
    found = [(p.attrs["number"], p.attrs["line"], p.text_in(doc)) for p in doc.layer("paragraph")]
    assert found == [(1, 1, "Title"), (2, 3, "First paragraph."), (3, 6, "Second paragraph.")]


@pytest.mark.slow
def test_analysing_a_document_again_replaces_what_the_analyzers_left(analyze: Analyze) -> None:
    def state(doc: Document) -> tuple[object, ...]:
        return (
            sorted((s.layer, s.start, s.end, s.label, s.analyzer, s.score) for s in doc.spans),
            sorted((x.layer, x.label, x.analyzer, x.score) for x in doc.labels),
            doc.warnings(),
            doc.metadata.get("not_covered"),
            doc.metadata.get("not_reported"),
        )

    pipeline = Pipeline()
    english = analyze(ENGLISH, published=dt.date(2023, 6, 8))
    dutch = analyze(
        "De Veiligheidsraad waarschuwde op 4 juni 2023 in Den Haag voor provocaties aan de grens."
    )
    # What the document brought with it is not the analyzers' to remove.
    gold = Span(0, 8, "technique", "Loaded_Language", "annotator")
    english.spans.append(gold)
    for doc in (english, dutch):
        before = state(doc)
        assert before[0], "the first run found spans"
        pipeline(doc)
        assert state(doc) == before  # not a second copy of every span, label or warning
    assert english.spans.count(gold) == 1
    assert dutch.metadata["not_covered"]["entity"] == "narrascope.entities.v1"
    dutch.language = "de"  # set by the user since: kept, and the layers follow it
    pipeline(dutch)
    assert dutch.language == "de"
    assert "not_covered" not in dutch.metadata
    assert [label.attrs for label in dutch.labels_of("language")] == [{"given": True}]
