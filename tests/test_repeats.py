"""Names found once and missed where the article writes them again (``_repeats``)."""

from __future__ import annotations

from typing import Any

import pytest

from narrascope.analyzers._repeats import mentioned_again

Found = list[tuple[int, int, str, dict[str, Any]]]


def _at(text: str, name: str, label: str, nth: int = 0, **attrs: Any) -> tuple[int, int, str, dict[str, Any]]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return (start, start + len(name), label, {"normal": attrs.pop("normal", name), **attrs})


def _added(text: str, found: Found, language: str = "en") -> list[tuple[str, str, str]]:
    before = {f[:2] for f in found}
    return [
        (text[start:end], label, str(attrs["normal"]))
        for start, end, label, attrs in mentioned_again(text, found, language)
        if (start, end) not in before
    ]


def test_a_place_found_once_is_found_where_the_article_names_it_again() -> None:
    text = "Talks in Varnel end\n\nThe ministers met in Varnel on Monday. Varnel has hosted them before."
    found = mentioned_again(text, [_at(text, "Varnel", "LOC", 1, recogniser="spacy")], "en")
    assert [(s, label, attrs["recogniser"]) for s, _, label, attrs in found] == [
        (9, "LOC", "repeat"),
        (text.index("Varnel on"), "LOC", "spacy"),
        (text.index("Varnel has"), "LOC", "repeat"),
    ]


def test_a_span_opening_with_an_article_is_found_again_without_it() -> None:
    text = "Loans from the Harlow Fund grew, and the Harlow Fund said so."
    assert _added(text, [_at(text, "the Harlow Fund", "ORG", normal="Harlow Fund")]) == [
        ("Harlow Fund", "ORG", "Harlow Fund")
    ]


def test_a_dateline_in_capitals_is_found_again_as_its_normal_form() -> None:
    text = "VARNEL, May 2 - Ministers met on Monday in Varnel."
    assert _added(text, [_at(text, "VARNEL", "LOC", normal="Varnel", recogniser="dateline")]) == [
        ("Varnel", "LOC", "Varnel")
    ]


@pytest.mark.parametrize("language", ["en", "de", "it"])
def test_a_persons_surname_alone_is_that_person(language: str) -> None:
    text = "Minister Katrin Orlowe arrived. 'We agree,' said Orlowe, and left."
    assert _added(text, [_at(text, "Katrin Orlowe", "PER")], language) == [("Orlowe", "PER", "Orlowe")]


def test_a_places_name_at_the_end_of_a_person_is_no_surname() -> None:
    # "Capital Kyiv" taken for a person does not make "Kyiv" a surname that ties with the place
    text = "Cities like Lviv and Kyiv hold. Kyiv remains calm. Capital Kyiv sleeps. Kyiv waits."
    found = [
        _at(text, "Kyiv", "LOC", 1),
        _at(text, "Capital Kyiv", "PER"),
        _at(text, "Kyiv", "LOC", 3),
    ]
    assert _added(text, found) == [("Kyiv", "LOC", "Kyiv")]


@pytest.mark.parametrize("language", ["ru", "uk", "pl"])
def test_no_surname_alone_where_surnames_decline(language: str) -> None:
    # the genitive of a surname is another form of it: the form found is no guide
    text = "Minister Katrin Orlowe arrived. 'We agree,' said Orlowe, and left."
    assert _added(text, [_at(text, "Katrin Orlowe", "PER")], language) == []


def test_a_word_the_text_also_writes_in_lower_case_is_a_common_word() -> None:
    # a recogniser's person "Dorian Energy" is no reason to take "Energy" for him
    text = "Dorian Energy met the minister. The Minister of Energy talked energy prices."
    assert _added(text, [_at(text, "Dorian Energy", "PER")]) == []
    # nor its inflected forms: "уряду" makes "Уряд" a common word
    text = "Уряд Варнелі заявив. Уряд ухвалив, а до уряду надійшов лист."
    assert _added(text, [_at(text, "Уряд", "ORG")], "uk") == []


def test_a_capitalised_word_beside_it_makes_another_name() -> None:
    text = "Ministers met in Varnel. The Varnel Herald and Varnel Times wrote of Old Varnel."
    assert _added(text, [_at(text, "Varnel", "LOC")]) == []
    # unless that word opens a sentence
    text = "Ministers met in Varnel. Later Varnel agreed."
    assert _added(text, [_at(text, "Varnel", "LOC")]) == [("Varnel", "LOC", "Varnel")]


def test_a_title_before_a_surname_lets_it_in() -> None:
    text = "Katrin Orlowe arrived in Varnel. Foreign Minister Orlowe spoke in Old Varnel."
    found = [_at(text, "Katrin Orlowe", "PER"), _at(text, "Varnel", "LOC")]
    assert _added(text, found) == [("Orlowe", "PER", "Orlowe")]


def test_in_german_a_noun_before_any_name_lets_it_in() -> None:
    # German nouns all have capitals: "Hauptstadt Varnel" is the place in apposition
    text = "Katrin Orlowe kam nach Varnel. Das sagte sie in der Hauptstadt Varnel."
    assert _added(text, [_at(text, "Varnel", "LOC")], "de") == [("Varnel", "LOC", "Varnel")]
    assert _added(text, [_at(text, "Varnel", "LOC")], "en") == []


def test_a_name_found_with_two_kinds_is_not_copied() -> None:
    text = "Varnel signed. The talks in Varnel ended, and Varnel paid."
    found = [_at(text, "Varnel", "ORG"), _at(text, "Varnel", "LOC", 1)]
    assert _added(text, found) == []


def test_a_name_found_with_one_kind_three_times_as_often_as_others_takes_that_kind() -> None:
    text = "Os EUA e Varnel. Nos EUA, os EUA, dos EUA; depois os EUA disseram que sim."
    found = [_at(text, "EUA", "LOC", n) for n in range(3)] + [_at(text, "EUA", "ORG", 3)]
    assert _added(text, found, "pt") == [("EUA", "LOC", "EUA")]
    # two to one is no majority to follow
    assert _added(text, found[1:], "pt") == []


def test_the_heads_doubtful_findings_are_not_copied() -> None:
    text = "Der Rat tagte. Danach sprach der Rat mit Varnel."
    assert _added(text, [_at(text, "Rat", "ORG", score=0.6)], "de") == []
    assert _added(text, [_at(text, "Rat", "ORG", score=0.97)], "de") == [("Rat", "ORG", "Rat")]
    # a name of two words is a name, however doubtful its kind: its surname is found again
    text = "Dara Voss kam. Später sagte Voss, es sei vorbei."
    assert _added(text, [_at(text, "Dara Voss", "PER", score=0.6)], "de") == [("Voss", "PER", "Voss")]


def test_no_mention_inside_a_longer_word_an_address_or_an_entity() -> None:
    text = "Varnel grew. See varnel.example/Varnel and Varnelian or Varnel-based firms in East Varnel."
    found = [_at(text, "Varnel", "LOC"), _at(text, "East Varnel", "LOC")]
    assert _added(text, found) == []


def test_only_a_full_names_surname_passes_a_capitalised_word_before_it() -> None:
    # a person found by one word is no surname: "The Morning Harlow" is a paper's name
    text = "Harlow wrote. It was printed in The Morning Harlow."
    assert _added(text, [_at(text, "Harlow", "PER")]) == []
    # nor is the last word of a long run of capitalised words, or a pope's number
    text = "Dara Voss Check Listings sells. A Check Listings page. Pius XII died. Pope Leo XII too."
    found = [_at(text, "Dara Voss Check Listings", "PER"), _at(text, "Pius XII", "PER")]
    assert _added(text, found) == []
