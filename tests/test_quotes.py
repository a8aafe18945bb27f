"""Quotations: matching the marks, and finding who speaks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Analyze
from narrascope.analyzers._quote_marks import CLOSE_STRAIGHT
from narrascope.analyzers.quotes import _PAIRS, QuoteAnalyzer, find_direct_quotes
from narrascope.document import Document, Span
from narrascope.paragraphs import sentence_spans

PUBLISHED = dt.date(2023, 6, 8)


def quoted(text: str) -> list[str]:
    """The content of each quote found, checking that the marks sit at its two ends."""
    out = []
    for q in find_direct_quotes(text):
        assert 0 <= q.open < q.close <= len(text)
        # a closing mark, or the end of the paragraph where a quote was left open
        closers = _PAIRS[text[q.open]] + (CLOSE_STRAIGHT if text[q.open] == '"' else "")
        assert text[q.close : q.close + 1] in ("\n", "", *closers), (q, text)
        assert (q.start, q.end) == (q.open + 1 + q.doubled, q.close - q.doubled)
        out.append(text[q.start : q.end])
    return out


# -- matching the marks ---------------------------------------------------------------------


def test_russian_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "Он сказал: «Это „так называемые“ гарантии безопасности», — и покинул зал."
    assert quoted(text) == ["Это „так называемые“ гарантии безопасности"]
    (q,) = find_direct_quotes(text)
    assert (q.open, q.close) == (11, 54)


def test_english_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "He said: “They call it ‘defence’, but it is an occupation.” Then he left."
    assert quoted(text) == ["They call it ‘defence’, but it is an occupation."]


def test_doubled_marks_are_one_pair() -> None:
    # Hindi news doubles single marks: ‘‘...’’; a quote that only opens with a nested one is not
    text = "उन्होंने कहा, ‘‘हम तैयार हैं।’’ फिर “‘Defence’ is the word,” she said."
    assert quoted(text) == ["हम तैयार हैं।", "‘Defence’ is the word,"]
    assert [q.doubled for q in find_direct_quotes(text)] == [True, False]


def test_apostrophes_do_not_close_a_quote() -> None:
    text = "“Russia’s position hasn’t changed,” the envoy said."
    assert quoted(text) == ["Russia’s position hasn’t changed,"]
    text = "“The West’s ‘rules’ don’t apply to us,” she said."
    assert quoted(text) == ["The West’s ‘rules’ don’t apply to us,"]


def test_stray_closing_marks_outside_quotes_are_ignored() -> None:
    text = "The soldiers’ families and the ministry’s “so-called” experts."
    assert quoted(text) == ["so-called"]


def test_quote_across_paragraphs_is_one_quote() -> None:
    text = (
        "Colonel Brennan said: “The first stage of the exercise is over.\n"
        "“The second stage will begin in July.”\n"
        "The exercise ends in August."
    )
    (q,) = find_direct_quotes(text)
    assert text[q.open] == "“" and q.open == text.index("“")
    assert (
        text[q.start : q.end]
        == "The first stage of the exercise is over.\n“The second stage will begin in July."
    )


def test_russian_quote_across_paragraphs_is_one_quote() -> None:
    text = "Министр заявил:\n«Учения завершены.\n\n«Войска возвращаются в пункты дислокации».\nКонец."
    assert quoted(text) == ["Учения завершены.\n\n«Войска возвращаются в пункты дислокации"]


def test_unclosed_quote_after_a_colon_ends_with_its_paragraph() -> None:
    text = (
        "Colonel Brennan said: “The first stage of the exercise is over.\n"
        "The second paragraph does not re-open the quote. Analysts called it “a show of force”.\n"
        "The exercise ends in August."
    )
    assert quoted(text) == ["The first stage of the exercise is over.", "a show of force"]
    (first, _) = find_direct_quotes(text)
    assert first.close == text.index("\n")


def test_unclosed_quotes_of_several_paragraphs_end_where_no_paragraph_reopens_them() -> None:
    # The British press re-opens a quote at each paragraph and closes it after the last one;
    # scraped pages lose that last mark.
    text = (
        "Mr Corbyn said: 'The issue was one of the options.\n"
        "'We haven't yet had a vote.\n"
        "It's finally going to take place in January.\n"
        "'Both options are unacceptable.'"
    )
    assert quoted(text) == [
        "The issue was one of the options.\n'We haven't yet had a vote.",
        "Both options are unacceptable.",
    ]


def test_unclosed_quote_at_the_end_of_the_text() -> None:
    assert quoted("Министр заявил: «Учения завершены") == ["Учения завершены"]
    assert quoted("«Учения завершены") == ["Учения завершены"]


def test_one_mark_that_closes_two_quotes_ends_both() -> None:
    # «...«...»» is often printed with one »: the outer quote ends where the inner one does
    # before a sentence's end, and the rest of the paragraph is the author's
    text = (
        "Я заявлял: «Выход один — формула «Грузия+Россия». А ещё я заявил, что «это провал».\n"
        "Посол «искренне рассмеялась»."
    )
    assert quoted(text) == ["Выход один — формула «Грузия+Россия", "это провал", "искренне рассмеялась"]
    assert quoted("Он назвал это «игрой «в поддавки»!") == ["игрой «в поддавки"]
    # not where the quote left open has gone on over a sentence: one of its marks is amiss
    text = "Er sagt, dass “die Geschichte″ endet. Denn laut ihm ist “Angst” vorbei.\nEnde."
    assert quoted(text) == []
    # a quote left open with no such mark inside ends with its paragraph
    assert quoted("Он сказал: «Формула «Грузия+Россия» верна\nКонец.") == ["Формула «Грузия+Россия» верна"]


def test_stray_unclosed_marks_are_no_quotes() -> None:
    # left open in the middle of a paragraph, or before no letter: a stray mark, not speech
    assert quoted("«Учения» завершены, а «переговоры") == ["Учения"]
    assert quoted("The fashion of the '90s is back.\nIt sells.") == []
    assert quoted("The minister called the talks “a farce.\nThey resume in May.") == []
    assert quoted("He said: “ \nNothing.") == []


def test_straight_and_curly_marks_mixed_in_one_quote() -> None:
    # scraped pages mix them: a straight mark opens, a curly one closes, or the other way round
    text = '"Nie tylko Ukraina jest celem” - podsumowuje "Sueddeutsche Zeitung".'
    assert quoted(text) == ["Nie tylko Ukraina jest celem", "Sueddeutsche Zeitung"]
    assert quoted('„Das ist falsch", sagte er.') == ["Das ist falsch"]
    assert quoted('“It is over," he said.') == ["It is over,"]
    # an inner quote still closes first
    assert quoted('"He called it “nonsense” and left," she said.') == ["He called it “nonsense” and left,"]


def test_straight_quotes() -> None:
    text = 'The so-called "peacekeepers" met the "security guarantees" envoy.'
    assert quoted(text) == ["peacekeepers", "security guarantees"]


def test_empty_text_and_text_without_quotes() -> None:
    assert quoted("") == []
    assert quoted("No quotes here, only the soldiers’ boots.") == []


_MARKS = st.sampled_from([*'“”«»„‘’"', "a", "b", " ", "\n", "s’t", "’s ", ".", ":"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKS, max_size=30).map("".join))
def test_quotes_are_ordered_disjoint_and_reopened_at_each_paragraph(text: str) -> None:
    last = -1
    for q in find_direct_quotes(text):
        assert last < q.open < q.close <= len(text)
        closers = _PAIRS[text[q.open]] + (CLOSE_STRAIGHT if text[q.open] == '"' else "")
        assert text[q.close : q.close + 1] in ("\n", "", *closers)
        last = q.close
        # A quote that runs over a line break re-opens with its own mark after it, or goes on
        # without one to a mark that closes it
        content = text[q.start : q.end]
        for i, char in enumerate(content):
            if char == "\n":
                rest = content[i:].lstrip()
                assert rest.startswith(text[q.open]) or text[q.close : q.close + 1] in closers, (text, q)


# -- attribution (full pipeline) --------------------------------------------------------------


def quotes(doc: Document) -> list[tuple[str, str, Any]]:
    return [(q.label, q.text_in(doc), q.attrs.get("speaker_entity")) for q in doc.layer("quote")]


def speaker_of(doc: Document, span: Span) -> str:
    start, end = span.attrs["speaker_start"], span.attrs["speaker_end"]
    return doc.text[start:end]


def assert_one_quote(
    doc: Document, label: str, content: str, speaker: tuple[str, str | None, str, str]
) -> None:
    """The document has exactly one quote: its label, words, place, and (speaker, entity, how, cue)."""
    (q,) = doc.layer("quote")
    assert (q.label, q.text_in(doc)) == (label, content)
    assert q.start == doc.text.index(content)
    assert (speaker_of(doc, q), q.attrs["speaker_entity"], q.attrs["speaker_how"], q.attrs["cue"]) == speaker


@pytest.mark.slow
def test_speaker_named_before_the_quote(analyze: Analyze) -> None:
    text = "Defence Minister Viktor Lorand said: “The exercises near the border are purely defensive.”"
    doc = analyze(text, language="en", published=PUBLISHED)
    (q,) = doc.layer("quote")
    assert q.label == "direct"
    assert q.text_in(doc) == "The exercises near the border are purely defensive."
    assert (q.start, q.end) == (38, 89)
    assert q.attrs == {
        "speaker": "Viktor Lorand",
        "speaker_start": 17,
        "speaker_end": 30,
        "speaker_entity": "Viktor Lorand",
        "speaker_how": "entity",
        "cue": "said",
    }


@pytest.mark.slow
def test_speaker_after_the_quote_carries_to_the_next_quote(analyze: Analyze) -> None:
    text = (
        "“Our patience is not unlimited,” said Colonel Arkady Brennan. “We will respond to any provocation.”"
    )
    doc = analyze(text, language="en", published=PUBLISHED)
    assert quotes(doc) == [
        ("direct", "Our patience is not unlimited,", "Arkady Brennan"),
        ("direct", "We will respond to any provocation.", "Arkady Brennan"),
    ]
    assert all(speaker_of(doc, q) == "Arkady Brennan" for q in doc.layer("quote"))


@pytest.mark.slow
def test_apostrophe_in_an_attributed_quote(analyze: Analyze) -> None:
    text = "General Oleg Varnik told reporters: “Russia’s position has not changed and it will not change.”"
    doc = analyze(text, language="en", published=PUBLISHED)
    assert quotes(doc) == [
        ("direct", "Russia’s position has not changed and it will not change.", "Oleg Varnik"),
    ]
    assert doc.layer("quote")[0].attrs["cue"] == "told"


@pytest.mark.slow
def test_pronoun_after_the_quote_is_the_last_person_named_before_it(analyze: Analyze) -> None:
    # The name inside the quote must not be taken for the speaker.
    text = (
        "Arkady Brennan met the press in Geneva on Monday. "
        "“We discussed the matter with Viktor Lorand yesterday,” he said."
    )
    doc = analyze(text, language="en", published=PUBLISHED)
    (q,) = doc.layer("quote")
    assert q.text_in(doc) == "We discussed the matter with Viktor Lorand yesterday,"
    assert q.attrs["speaker_how"] == "pronoun"
    assert q.attrs["speaker_entity"] == "Arkady Brennan"
    assert speaker_of(doc, q) == "he" and q.attrs["speaker_start"] == text.rindex("he said")


@pytest.mark.slow
def test_a_pronoun_skips_a_person_the_article_shows_to_be_of_the_other_gender(analyze: Analyze) -> None:
    # "She said" right after Vera Lorand is named alone shows her to be a woman, "He said" after
    # Arkady Brennan alone a man: "in his words" is then his, though she was named last.
    text = (
        "According to Arkady Brennan, the talks had failed. He said that nobody had listened.\n"
        "Deputy Minister Vera Lorand stressed that the border was calm. "
        "She said: “Nobody will frighten us.”\n"
        "The envoy also recalled the spring, when, in his words, “the same people tried it before.”"
    )
    doc = analyze(text, language="en", published=PUBLISHED)
    by_words = {q.text_in(doc): q.attrs for q in doc.layer("quote")}
    assert by_words["Nobody will frighten us."]["speaker_entity"] == "Vera Lorand"
    his = by_words["the same people tried it before."]
    assert (his["speaker"], his["speaker_how"], his["speaker_entity"]) == ("his", "pronoun", "Arkady Brennan")


@pytest.mark.slow
def test_titles_show_gender_and_a_pronoun_fitting_no_one_links_to_no_one(analyze: Analyze) -> None:
    text = "Minister Vera Lorand met Mr. Arkady Brennan in Geneva. “We agreed on nothing,” she said."
    doc = analyze(text, language="en", published=PUBLISHED)
    assert quotes(doc) == [("direct", "We agreed on nothing,", "Vera Lorand")]
    # Only a man is named: "she" is someone else, so the speaker stays the pronoun, unlinked.
    text = "Mr Arkady Brennan spoke in Geneva. “We agreed on nothing,” she said."
    doc = analyze(text, language="en", published=PUBLISHED)
    (q,) = doc.layer("quote")
    assert (q.attrs["speaker"], q.attrs["speaker_entity"]) == ("she", None)


def test_a_title_that_the_recogniser_took_into_the_name_shows_gender() -> None:
    # Entities and sentences as the analyzers would give them, with "Mr" inside the name.
    text = "Vera Lorand met Mr Arkady Brennan. “We agreed on nothing,” she said."
    doc = Document(text, language="en")
    for name, normal in (("Vera Lorand", "Vera Lorand"), ("Mr Arkady Brennan", "Arkady Brennan")):
        start = text.index(name)
        doc.add_span(Span(start, start + len(name), "entity", "PER", "e", attrs={"normal": normal}))
    doc.add_span(Span(0, text.index(" “"), "sentence", "sentence", "s"))
    doc.add_span(Span(text.index("“"), len(text), "sentence", "sentence", "s"))
    QuoteAnalyzer(dict(QuoteAnalyzer.defaults))(doc)
    assert quotes(doc) == [("direct", "We agreed on nothing,", "Vera Lorand")]


def _hand_built(
    text: str,
    entities: list[tuple[str, str]],
    language: str = "en",
    attrs: dict[str, dict[str, str]] | None = None,
) -> Document:
    """A document with the entities (text, label) and one sentence per line, as the analyzers
    would give them, and its quotes: spaCy's kinds vary too much to test these rules on.
    ``attrs``: more attributes of an entity, by its text; entities not in the text are skipped."""
    doc = Document(text, language=language)
    for name, label in entities:
        if name not in text:
            continue
        start = text.index(name)
        extra = (attrs or {}).get(name, {})
        doc.add_span(Span(start, start + len(name), "entity", label, "e", attrs={"normal": name, **extra}))
    at = 0
    for line in text.split("\n"):
        doc.add_span(Span(at, at + len(line), "sentence", "sentence", "s"))
        at += len(line) + 1
    QuoteAnalyzer(dict(QuoteAnalyzer.defaults))(doc)
    return doc


@pytest.mark.parametrize(
    ("text", "cast", "speaker"),
    [
        # The subject that opens the sentence before, not a name later in it.
        (
            "Pedro Lemos, a farmer who voted for Viktor Lorand, saw it that way.\n"
            "“The harvest will be late this year,” he said.",
            ["Pedro Lemos", "Viktor Lorand"],
            "Pedro Lemos",
        ),
        (
            "But former Governor Ana Reis, who met Clara Nunes twice, was calm.\n“Nothing changed,” she said.",
            ["Ana Reis", "Clara Nunes"],
            "Ana Reis",
        ),
        # "the Lorand report" names a report: no pronoun stands for Lorand there.
        (
            "Tom Reis agreed with him.\n"
            "While the papers write about the Lorand report, he said, most people care about prices.",
            ["Tom Reis", "Lorand"],
            "Tom Reis",
        ),
        # A single word that opens a sentence is too often a word taken for a name.
        (
            "Harbour fees rose again, according to Pedro Lemos.\nHe said that the fees were fair.",
            ["Harbour", "Pedro Lemos"],
            "Pedro Lemos",
        ),
        # A possessor, or a name after a phrase set off by a comma, is no subject.
        (
            "Pedro Lemos's lawyer, Ana Reis, told the court very little.\n"
            "“We will appeal the ruling,” she said.",
            ["Pedro Lemos", "Ana Reis"],
            "Ana Reis",
        ),
        (
            "In May, Pedro Lemos drove to the home of Tom Reis.\nHe said that the rounds were new.",
            ["Pedro Lemos", "Tom Reis"],
            "Tom Reis",
        ),
        # A quote's speaker in that sentence outranks the one who opens it.
        (
            "Pedro Lemos arrived “early and in a hurry,” Tom Reis said.\n"
            "“Nobody saw him leave the harbour,” he said.",
            ["Pedro Lemos", "Tom Reis"],
            "Tom Reis",
        ),
        # No one opens the sentence: the last person named, as before.
        (
            "In a call with Viktor Lorand, Pedro Lemos said little.\nHe said that the call went well.",
            ["Viktor Lorand", "Pedro Lemos"],
            "Pedro Lemos",
        ),
    ],
)
def test_a_pronoun_continues_the_person_who_opens_the_sentence_before(
    text: str, cast: list[str], speaker: str
) -> None:
    doc = _hand_built(text, [(name, "PER") for name in cast])
    last = doc.layer("quote")[-1]
    assert (last.attrs.get("speaker_how"), last.attrs.get("speaker_entity")) == ("pronoun", speaker)


def test_the_speaker_is_the_subject_not_a_name_near_it() -> None:
    # A pronoun before the verb outranks a name after it.
    doc = _hand_built(
        "Vera Lorand spoke on Monday. She says Brennan “pushed me against the wall”.",
        [("Vera Lorand", "PER"), ("Brennan", "PER")],
    )
    assert quotes(doc) == [("direct", "pushed me against the wall", "Vera Lorand")]
    # The owner in a possessive is not the one who speaks.
    doc = _hand_built(
        "Arkady Brennan, president of Lorand’s union, said he got a text from the hospital.",
        [("Arkady Brennan", "PER"), ("Lorand", "PER")],
    )
    assert [(q.label, q.attrs["speaker_entity"]) for q in doc.layer("quote")] == [
        ("reported", "Arkady Brennan")
    ]
    # A person in the speaker's own clause outranks one elsewhere in the sentence, even when the
    # recogniser took the speaker for an organisation.
    doc = _hand_built(
        "Within a minute of Vera Lorand reporting the attack, and Brennan said, “I agree with it.”",
        [("Vera Lorand", "PER"), ("Brennan", "ORG")],
    )
    assert quotes(doc) == [("direct", "I agree with it.", "Brennan")]


def test_a_quote_posted_on_x_is_its_poster_s() -> None:
    # razdel reads "X." as an initial: the attribution ran on into the next sentence's quote
    doc = _hand_built(
        '"It is over," Reed wrote on X. In a post on Telegram, Vera Lorand wrote: "They lie."',
        [("Reed", "PER"), ("Vera Lorand", "PER")],
    )
    assert _speakers(doc) == [
        ("direct", "It is over,", "Reed", "entity"),
        ("direct", "They lie.", "Vera Lorand", "entity"),
    ]


@pytest.mark.parametrize("title", ["Mr.", "Sen.", "Rep.", "Gov.", "Lt. Gen."])
def test_a_speaker_after_an_abbreviated_title_is_the_name(title: str) -> None:
    # American news abbreviates titles; the full stop after one ends no attribution.
    doc = _hand_built(f"“We stand firm,” said {title} Tom Reyes on Monday.", [("Tom Reyes", "PER")])
    assert _speakers(doc) == [("direct", "We stand firm,", "Tom Reyes", "entity")]
    # ... nor does an initial's, and a party in brackets after a name is no clause
    doc = _hand_built(f"“We stand firm,” said {title} Tom W. Reyes.", [("Tom W. Reyes", "PER")])
    assert _speakers(doc) == [("direct", "We stand firm,", "Tom W. Reyes", "entity")]
    doc = _hand_built(
        f"“We stand firm,” {title} Tom Reyes (R-Fla.) told The Hill.",
        [("Tom Reyes", "PER"), ("The Hill", "ORG")],
    )
    assert _speakers(doc) == [("direct", "We stand firm,", "Tom Reyes", "entity")]
    # ... unless the brackets hold a name: the subject's own
    doc = _hand_built(
        "The Office for the Coordination (OCHA) said: “Millions go hungry.”",
        [("Office for the Coordination", "ORG"), ("OCHA", "ORG")],
    )
    assert _speakers(doc) == [("direct", "Millions go hungry.", "OCHA", "entity")]


def _speaker_words(doc: Document) -> list[tuple[str, Any, Any]]:
    return [(q.text_in(doc), q.attrs.get("speaker"), q.attrs.get("speaker_how")) for q in doc.layer("quote")]


@pytest.mark.parametrize(
    ("text", "speaker", "how"),
    [
        # a clause inside the words before the verb has its own subject
        (
            "It would cause a delay which the government warned could do “real damage”.",
            "the government",
            "phrase",
        ),
        ("The vote was put off after Tory whips warned of a “crushing defeat”.", "Tory whips", "phrase"),
        ("It recalled that the bloc had vowed to stay “where it was”.", "the bloc", "phrase"),
        ("She flew back with what she proudly claimed were “binding” changes.", "she", "pronoun"),
        # an adverb before the verb is no speaker, nor is an "as" clause's
        ("The board had earlier ominously warned: “Winter is coming.”", "The board", "phrase"),
        ("It was not, as officially claimed, a “civilising” mission.", None, None),
        # a share of people that a poll found is no one
        (
            "A majority of voters said Mrs May had failed to get a “good deal”.",
            "A majority of voters",
            "group",
        ),
        ("Some 53 per cent of members said they wanted “no deal”.", "Some 53 per cent of members", "group"),
        (
            "Some 27 per cent of Labour members said they would “boycott” it.",
            "Some 27 per cent of Labour members",
            "group",
        ),
        # words ending in "ly" that are nouns stay the speaker
        ("The family said: “We are grateful.”", "The family", "phrase"),
        # an aside in brackets stands between the subject and its verb
        (
            "Voters across all parties (53 per cent) said they wanted “no deal”.",
            "Voters across all parties",
            "phrase",
        ),
        # a passive's subject is not who speaks
        ("“It is the bar,” dispatch goes on before being asked about the “shooter”.", None, None),
    ],
)
def test_the_words_before_a_verb_that_name_its_speaker(
    text: str, speaker: str | None, how: str | None
) -> None:
    found = [(s, h) for _, s, h in _speaker_words(_hand_built(text, [("Labour", "ORG")]))]
    assert found and all(pair == (speaker, how) for pair in found), found


def test_a_subject_set_off_after_words_that_name_no_one() -> None:
    # 'On Wednesday' is no name missed by the recogniser; the person after a title is the subject.
    doc = _hand_built(
        "On Wednesday, Brexit minister Tom Reyes, insisted that the “backstop” must go.",
        [("Tom Reyes", "PER")],
    )
    assert {q.attrs.get("speaker_entity") for q in doc.layer("quote")} == {"Tom Reyes"}
    # ... but not a person inside a phrase of the apposition
    doc = _hand_built(
        "On Wednesday, a friend of Tom Reyes, insisted that the “backstop” must go.", [("Tom Reyes", "PER")]
    )
    assert {q.attrs.get("speaker") for q in doc.layer("quote")} != {"On Wednesday"}


def test_a_description_of_several_words_names_the_person_it_described() -> None:
    people = [("Vera Lorand", "PER"), ("Tom Reyes", "PER"), ("Ada Kerr", "PER"), ("Sedgefield", "LOC")]
    doc = _hand_built(
        "Attorney General Vera Lorand wrote to Congress. Deputy Attorney General Tom Reyes stayed.\n"
        "The attorney general said: “We will release it.”\n"
        "Ada Kerr, the Sedgefield MP, spoke on Monday. The Sedgefield MP added: “We will not give up.”\n"
        "The country's agriculture minister warned: “It will cost.”",
        people,
    )
    assert [(q.attrs["speaker_entity"], q.attrs["speaker_how"]) for q in doc.layer("quote")] == [
        ("Vera Lorand", "name"),  # not the deputy
        ("Ada Kerr", "name"),  # the person, not the place in the description
        (None, "phrase"),  # no agriculture minister was named
    ]


def test_an_organisations_noun_names_the_organisation_not_its_spokeswoman() -> None:
    doc = _hand_built(
        "The Foreign Ministry condemned the drills.\n“It is a provocation,” ministry spokeswoman Vera Lorand said.\n"
        "The ministry said: “We will act.”",
        [("Foreign Ministry", "ORG"), ("Vera Lorand", "PER")],
    )
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["Vera Lorand", "Foreign Ministry"]


def test_a_name_after_the_verb_or_inside_a_quote_is_not_its_subject() -> None:
    cast = [("Vera Lorand", "PER"), ("MailOnline", "ORG"), ("Ada Kerr", "PER"), ("Tom Reyes", "PER")]
    doc = _hand_built("Another senior Tory MP told MailOnline: “Nothing has changed.”", cast)
    assert _speaker_words(doc) == [("Nothing has changed.", "Another senior Tory MP", "phrase")]
    doc = _hand_built(
        "Vera Lorand spoke first.\n“Ada Kerr must have another word for it,” Lorand told host Tom Reyes on Sunday.",
        cast,
    )
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Vera Lorand"]


@pytest.mark.parametrize(
    "text",
    [
        "The rumours sparking claims the government was “buying votes” spread.",
        "It looked into claims that the campaign had “colluded”.",
        "The claims that he “lied” were false.",
        "Four states saw “unprecedented” floods last spring.",  # a number of them
        "The army failed in any declared aims of its “spring push” in the east.",
        "The aid drew fire in response to claims that it was “wasted” abroad.",
    ],
)
def test_a_speech_verbs_form_used_as_a_noun_reports_nothing(text: str) -> None:
    assert [q.label for q in _hand_built(text, []).layer("quote")] == ["phrase"]


def test_a_word_quoted_before_according_to_reports_is_no_one_s_phrase() -> None:
    # "reports" after "according to" is the source, not a verb whose subject is "according to"
    text = "The deal was meant to keep the port “free and open” for ships, according to reports."
    quotes = _hand_built(text, []).layer("quote")
    assert "according to" not in [q.attrs.get("speaker") for q in quotes]


def test_a_verb_that_goes_on_before_the_speech_verb_is_no_word_of_the_speaker() -> None:
    text = "Vera Lorand spoke first. Later she went on to warn that prices would rise."
    (quote,) = _hand_built(text, [("Vera Lorand", "PER")]).layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_how"], quote.attrs["speaker_entity"]) == (
        "she",
        "pronoun",
        "Vera Lorand",
    )


def test_a_name_beside_the_subject_is_not_the_speaker() -> None:
    cast = [("Vera Lorand", "PER"), ("Justice Department", "ORG")]
    # the owner of the subject
    doc = _hand_built("One veteran of Vera Lorand’s cabinet said voters feel “contempt”.", cast)
    assert {q.attrs.get("speaker_entity") for q in doc.layer("quote")} == {None}
    # a name before the antecedent of a relative clause
    doc = _hand_built(
        "A Justice Department inquiry into payments to two women who say they had “affairs” goes on.", cast
    )
    assert {q.attrs.get("speaker_entity") for q in doc.layer("quote")} == {None}


def test_a_phrase_before_a_name_after_a_preposition_is_no_title() -> None:
    cast = [("Vera Lorand", "PER"), ("Tom Reyes", "PER")]
    text = "A person close to Vera Lorand spoke. “We expect him,” the person said.\nSecretary of State Tom Reyes flew in. “We are ready,” the secretary said."
    assert [q.attrs.get("speaker_entity") for q in _hand_built(text, cast).layer("quote")] == [
        None,
        "Tom Reyes",
    ]


def test_a_quote_before_quoted_as_saying_is_the_ones_quoted() -> None:
    text = "“The harbour fees must fall by half this year,” Vera Lorand is quoted as saying in the weekly “Dock Talk”."
    (quote, _) = _hand_built(text, [("Vera Lorand", "PER")]).layer("quote")
    assert (quote.attrs["speaker_entity"], quote.attrs["cue"]) == ("Vera Lorand", "saying")


def test_a_clause_after_the_verb_is_no_subject() -> None:
    # the quote is a column's title; what follows "notes" is what the column notes
    text = (
        "The Gazette column, “Why the Old Harbour Is Fading Away,” notes shipping is the oldest trade here."
    )
    (quote,) = _hand_built(text, [("Gazette", "ORG")]).layer("quote")
    assert quote.attrs["speaker"] is None


def test_speakers_of_passives_titles_and_possessives() -> None:
    cast = [("Vera Lorand", "PER"), ("Tom Reyes", "PER"), ("Ada Kerr", "PER")]
    text = (
        "Vera Lorand is quoted as saying that the visit was to “plan together.”"
        " Some experts believe that the visit is a message.\n"
        "“A briefing will be held soon,” Ada Kerr said. When asked about the “date”, Kerr said it was open.\n"
        "It was true, as Senate Majority Leader Tom Reyes warned, that the “record” would take months.\n"
        "Attorney General Tom Reyes spoke. Later, Brennan’s attorney says “they thanked him”."
    )
    speakers = {
        q.text_in(doc): q.attrs.get("speaker_entity")
        for doc in [_hand_built(text, cast)]
        for q in doc.layer("quote")
    }
    assert speakers["plan together."] == "Vera Lorand"  # not the experts of the next sentence
    assert speakers["date"] == "Ada Kerr"  # the subject after "When asked"
    assert speakers["record"] == "Tom Reyes"  # a "Majority Leader" is no poll's majority
    assert speakers["they thanked him"] is None  # Brennan's attorney is no attorney general


def test_a_quoted_name_and_a_relative_after_an_aside_in_polish() -> None:
    cast = [
        ("The Guardian", "ORG"),
        ("New Yorker", "ORG"),  # as spaCy finds it, without "The"
        ("Jacek Sasin", "PER"),
    ]
    doc = _hand_built(
        "„The Guardian” nazwał ją „promykiem nadziei”, a „The New Yorker” zauważył, że dzięki niej „zmiany stały się tematem rozmów”.",
        cast,
        language="pl",
    )
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote") if q.label == "direct"] == [
        "The Guardian",
        "New Yorker",
    ]
    doc = _hand_built(
        "Jacek Sasin – znany też jako Midas – w rozmowie z Polskim Radiem który zapewnił „węgla nie zabraknie”.",
        cast,
        language="pl",
    )
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Jacek Sasin"]


def test_words_before_a_verb_that_name_no_one_leave_a_name_before_them_alone() -> None:
    # "but was asked": no subject of its own; the clause's name is not taken, and nothing fails
    doc = _hand_built("Vera Lorand came in late, but was asked: “Why now?”", [("Vera Lorand", "PER")])
    assert [(q.label, q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [("direct", None)]


def test_a_title_taken_for_an_organisation_before_a_name_is_the_persons() -> None:
    doc = _hand_built(
        "Le ministre des Armées Jean Marot a annoncé l'envoi de frégates.\n« La France tiendra », a déclaré le ministre.",
        [("ministre des Armées", "ORG"), ("Jean Marot", "PER")],
        language="fr",
    )
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Jean Marot"]


def test_a_speech_verb_in_a_name_reports_nothing() -> None:
    doc = _hand_built("Iran was to help the United States secure the “release” of hostages.", [])
    assert [(q.label, q.attrs.get("speaker")) for q in doc.layer("quote")] == [("phrase", None)]


def _speakers(doc: Document) -> list[tuple[str, str, Any, Any]]:
    return [
        (q.label, q.text_in(doc), q.attrs.get("speaker_entity"), q.attrs.get("speaker_how"))
        for q in doc.layer("quote")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # Words between the verb and its "that" are no part of what was said.
        ("Vera Lorand said in a statement that the aid was running out.", "the aid was running out"),
        (
            "Vera Lorand said in an interview with Radio Norda on Monday that the border would stay shut.",
            "the border would stay shut",
        ),
        ("Vera Lorand told the Gazette that the border would stay shut.", "the border would stay shut"),
        ("Vera Lorand warned the council that the border would stay shut.", "the border would stay shut"),
        # ... but a clause that starts right after "said" is all of it, and "and that" adds to it.
        (
            "Vera Lorand said the council needed to understand that the border would stay shut.",
            "the council needed to understand that the border would stay shut",
        ),
        (
            "Vera Lorand said it was a provocation and that the border would stay shut.",
            "it was a provocation and that the border would stay shut",
        ),
    ],
)
def test_reported_speech_starts_at_its_own_clause(text: str, content: str) -> None:
    doc = _hand_built(text, [("Vera Lorand", "PER"), ("Radio Norda", "ORG"), ("Gazette", "ORG")])
    assert _speakers(doc) == [("reported", content, "Vera Lorand", "entity")]


def test_a_german_speech_verb_with_sich_reports_nothing(analyze: Analyze) -> None:
    # "erklärt sich" is "is self-evident", "erklärte sich bereit" "agreed to": no one speaks
    text = (
        "Die Preise steigen. Warum das so ist, erklärt sich leicht. Hans Albers "
        "erklärte sich bereit, das Amt zu übernehmen. Hans Albers erklärte, die Lage sei ernst."
    )
    assert _speakers(analyze(text, language="de")) == [
        ("reported", "die Lage sei ernst", "Hans Albers", "entity")
    ]


def test_german_reported_speech_in_the_subjunctive_needs_no_dass() -> None:
    text = "Ein Sprecher der Regierung sagte, man sei zu gemeinsamen Streifen bereit."
    (q,) = _hand_built(text, [], language="de").layer("quote")
    assert (q.label, text[q.start : q.end]) == ("reported", "man sei zu gemeinsamen Streifen bereit")
    # a long word that begins like a conjunction ("sondern") opens no clause of its own
    text = "Die Grenze bleibt bis zum Sommer geschlossen, sagte Sonderbeauftragter Hans Albers."
    (q,) = _hand_built(text, [("Hans Albers", "PER")], language="de").layer("quote")
    assert (q.label, q.attrs["speaker_entity"]) == ("reported", "Hans Albers")
    # the indicative after a comma reports nothing: "sagte, und ging" is narration
    assert (
        _hand_built("Der Sprecher sagte nichts, und die Sitzung ging weiter.", [], language="de").layer(
            "quote"
        )
        == []
    )


def test_german_perfect_tense_speaker_and_subjunctive() -> None:
    # the auxiliary is no word of the speaker's, and a time before it none either
    for text in (
        "Der Minister hat gesagt, die Lage sei ernst.",
        "Im März hatte der Minister gesagt, die Lage sei ernst.",
    ):
        doc = _hand_built(text, [], language="de")
        (q,) = doc.layer("quote")
        assert (q.text_in(doc), q.attrs["speaker"]) == ("die Lage sei ernst", "Minister")
    # a Konjunktiv II with an umlaut reports; a participle after "sich" does not
    text = "Hans Albers sagte, viele Kritiker sähen sich bestätigt."
    assert [
        (label, words, who) for label, words, who, _ in _speakers(_hand_built(text, _CAST, language="de"))
    ] == [("reported", "viele Kritiker sähen sich bestätigt", "Hans Albers")]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("ru", "Олег Варников выступил в Думе.\nОднако заверил, что граница останется открытой.", "Олег Варников"),
        ("uk", "Ліна Бергер виступила в Києві.\nПроте запевнила, що банк працюватиме.", "Ліна Бергер"),
    ],
)  # fmt: skip
def test_a_verb_after_but_has_the_subject_before_it(language: str, text: str, speaker: str) -> None:
    # "однако", "проте" (however) are no speaker: the subject is left out
    names = [("Олег Варников", "PER"), ("Ліна Бергер", "PER"), ("Мария Колева", "PER")]
    doc = _hand_built(text, names, language=language)
    assert [(q[0], q[2], q[3]) for q in _speakers(doc)] == [("reported", speaker, "pronoun")]


def test_what_was_said_ends_where_the_sentence_names_its_source() -> None:
    # the source told a newspaper what the board had told the farmers: not part of what it told
    text = (
        "The board told the farmers that they had no claim to the fund after the long flood, "
        "Arkady Brennan, a spokesman for the mayor, told the Gazette on Thursday."
    )
    doc = _hand_built(text, _CAST)
    (q,) = doc.layer("quote")
    assert (q.text_in(doc), q.attrs["speaker"]) == (
        "they had no claim to the fund after the long flood",
        "The board",
    )


def test_a_left_out_subject_continues_the_last_subject_not_a_name_in_another_case() -> None:
    # the genitive "Дмитрия Лоранда" is what Varnikov was asked about, not who assured
    text = (
        "Олег Варников выступил в Думе.\nОн не ответил на вопрос о словах Дмитрия Лоранда.\n"
        "Однако заверил, что граница останется открытой."
    )
    names = [("Олег Варников", "PER"), ("Дмитрия Лоранда", "PER")]
    doc = _hand_built(text, names, language="ru", attrs={"Дмитрия Лоранда": {"normal": "Дмитрий Лоранд"}})
    assert [(q[0], q[2], q[3]) for q in _speakers(doc)] == [("reported", "Олег Варников", "pronoun")]


def test_a_quoted_relayer_after_the_attribution_is_no_speaker() -> None:
    text = '"Имаме два пътя напред", каза полският министър, предава "Вестител".'
    doc = _hand_built(text, [("Вестител", "ORG")], language="bg")
    assert [q.attrs["speaker"] for q in doc.layer("quote") if q.label == "direct"] == ["полският министър"]


def test_a_long_phrase_of_place_before_a_pronoun_is_no_subject() -> None:
    text = "Олег Варников говори.\nНа пресконференция с журналисти от местни вестници във Варна той заяви, че „границата е затворена“."
    doc = _hand_built(text, [("Олег Варников", "PER")], language="bg")
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Олег Варников"]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("bg", '"Границата остава затворена", написа в "Телеграм" главният прокурор Олег Варников.',
         "Олег Варников"),
        ("pt", "“A fronteira continua fechada”, escreveu no “Diário Norte” o procurador Oleg Varnikov.",
         "Oleg Varnikov"),
    ],
)  # fmt: skip
def test_a_quoted_medium_between_the_verb_and_its_subject_is_passed_over(
    language: str, text: str, speaker: str
) -> None:
    # the medium's quotation marks had ended the words after the verb at "в" ("on")
    doc = _hand_built(text, [(speaker, "PER")], language=language)
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote") if q.label == "direct"] == [speaker]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the plural of the present and of the past
        ("Rita Sousa falou.\n“As pontes não devem ser alvo”, acrescentam os signatários.",
         [("direct", "os signatários", None)]),
        ("Rita Sousa falou.\nOs autores garantem que a espécie não é venenosa.",
         [("reported", "Os autores", None)]),
        # a participle after its auxiliary, its subject left out
        ("Rita Sousa falou.\n“Vamos ganhar”, já havia indicado num comício.",
         [("direct", "havia indicado", "Rita Sousa")]),
        # ... but not alone ("as said before")
        ("Rita Sousa falou.\nComo dito antes, é somente um alerta para a cidade.", []),
    ],
)  # fmt: skip
def test_portuguese_plurals_and_perfects_attribute(
    text: str, found: list[tuple[str, str, str | None]]
) -> None:
    doc = _hand_built(text, [("Rita Sousa", "PER")], language="pt")
    assert [(q.label, q.attrs["speaker"], q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == found


@pytest.mark.parametrize(
    ("language", "text", "content"),
    [
        ("en", "Although Vera Lorand admitted that the town was stronger, she said that the talks were useless.",
         "the talks were useless"),
        ("pt", "Embora Rita Sousa tenha admitido que a cidade está mais forte, disse que as negociações são inúteis.",
         "as negociações são inúteis"),
    ],
)  # fmt: skip
def test_the_main_clause_reports_after_a_subordinate_one_that_reports_too(
    language: str, text: str, content: str
) -> None:
    doc = _hand_built(text, [("Vera Lorand", "PER"), ("Rita Sousa", "PER")], language=language)
    assert [q.text_in(doc) for q in doc.layer("quote")] == [content]


def test_a_plural_description_is_no_person_named_before() -> None:
    text = (
        "Rita Sousa, uma das investigadoras, falou.\nAs investigadoras garantem que a espécie não é venenosa."
    )
    (q,) = _hand_built(text, [("Rita Sousa", "PER")], language="pt").layer("quote")
    assert (q.attrs["speaker"], q.attrs.get("speaker_entity")) == ("As investigadoras", None)


def test_bulgarian_however_after_its_subject_leaves_the_subject_there() -> None:
    # "обаче" follows its subject: the report says it, not the person of the sentence before
    text = "Мария Колева говори в парламента.\nДокладът обаче посочва, че границата ще остане отворена."
    (q,) = _hand_built(text, [("Мария Колева", "PER")], language="bg").layer("quote")
    assert q.attrs["speaker_entity"] is None


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        # a sentence opened by an adverb or a phrase puts the subject after the verb (German)
        ("Im März sagte Hans Albers, die Lage sei ernst.", "de", "Hans Albers"),
        ("Daraufhin erklärte Hans Albers, dass die Lage ernst sei.", "de", "Hans Albers"),
        ("So schrieb beispielsweise Hans Albers, dass die Lage ernst sei.", "de", "Hans Albers"),
        # ... but not where an auxiliary stands second: the subject is between it and the verb
        ("Daraufhin hat Hans Albers erklärt, dass die Lage ernst sei.", "de", "Hans Albers"),
        ("So habe etwa Radio Norda sofort erklärt, dass die Lage ernst sei.", "de", "Radio Norda"),
        # ... as does a verb that opens its clause, in any language
        ("Die Lage ist ernst, erklärte Hans Albers, man werde reagieren.", "de", "Hans Albers"),
        (
            "Встреча прошла в Москве, заявил журналистам Hans Albers, что договорённостей нет.",
            "ru",
            "Hans Albers",
        ),
        # a verb after a comma is no sentence's second word
        ("In dem Video ist Hans Albers zu hören, wie er sagt, dass die Lage ernst ist.", "de", "Hans Albers"),
        # ... but not an adverb, nor one told
        ("Hans Albers przemawiał w Sejmie.\nStwierdził też, że granica jest zamknięta.", "pl", "Hans Albers"),
        ("Posłanka zapowiedziała ministrowi Hans Albers wprost, że przegra.", "pl", None),
        ("An aide told Hans Albers that the border was shut.", "en", None),
        # ... nor a name after a verb that has its subject before it
        ("Телеведущий написал в Telegram, что уходит.", "ru", None),
    ],
)
def test_a_subject_after_the_verb_speaks(text: str, language: str, speaker: str | None) -> None:
    doc = _hand_built(
        text,
        [("Hans Albers", "PER"), ("Москве", "LOC"), ("Telegram", "ORG"), ("Radio Norda", "ORG")],
        language=language,
    )
    assert [(label, who) for label, _, who, _ in _speakers(doc)] == [("reported", speaker)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German articles show the one told, never the speaker ...
        ("„Wir bleiben“, sagte die Sprecherin dem Kurier.", ("direct", "Wir bleiben", "die Sprecherin")),
        (
            "Die Sprecherin sagte dem Kurier, die Lage sei ernst.",
            ("reported", "die Lage sei ernst", "Sprecherin"),
        ),
        # ... and a subject after a verb that ends the sentence may run longer
        (
            "Die Lage sei ernst, sagte eine Sprecherin des Ministeriums dem Kurier.",
            ("reported", "Die Lage sei ernst", "eine Sprecherin des Ministeriums"),
        ),
    ],
)
def test_the_one_told_is_not_the_speaker_in_german(text: str, expected: tuple[str, str, str]) -> None:
    doc = _hand_built(text, [("Kurier", "ORG")], language="de")
    assert [(q.label, q.text_in(doc), q.attrs["speaker"]) for q in doc.layer("quote")] == [expected]


def test_a_pronoun_right_after_the_verb_speaks_not_the_one_told() -> None:
    text = "Hans Albers kam.\n„Wir bleiben hier“, sagte er der Zeitung Kurier."
    doc = _hand_built(text, [("Hans Albers", "PER"), ("Kurier", "ORG")], language="de")
    assert _speakers(doc) == [("direct", "Wir bleiben hier", "Hans Albers", "pronoun")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words between the verb and its comma, and a subject of several words
        (
            "Hans Albers sagte am Montag in Berlin, die Lage an der Grenze sei sehr ernst.",
            [("reported", "die Lage an der Grenze sei sehr ernst", "Hans Albers", "entity")],
        ),
        (
            "Hans Albers sagte der Zeitung, man werde reagieren.",
            [("reported", "man werde reagieren", "Hans Albers", "entity")],
        ),
        (
            "Die Polizei teilte mit, es habe drei Verletzte gegeben.",
            [("reported", "es habe drei Verletzte gegeben", None, "phrase")],
        ),
        # the sentences after it in the Konjunktiv go on with what was said, until one is not
        (
            "Hans Albers erklärte, er habe keine Kenntnis davon.\n"
            "Man werde die Entwicklung aber genau beobachten.\n"
            "Das Treffen fand in Berlin statt.\n"
            "Es gebe keinen Grund zur Sorge.",
            [
                ("reported", "er habe keine Kenntnis davon", "Hans Albers", "entity"),
                ("reported", "Man werde die Entwicklung aber genau beobachten", "Hans Albers", "entity"),
            ],
        ),
        # ... and after a direct quote, its speaker's; not after a phrase of no one's
        (
            "„Das ist inakzeptabel“, sagte Hans Albers.\nMan werde nun die Schritte prüfen.",
            [
                ("direct", "Das ist inakzeptabel", "Hans Albers", "entity"),
                ("reported", "Man werde nun die Schritte prüfen", "Hans Albers", "entity"),
            ],
        ),
        (
            "Der sogenannte „Plan“ liegt vor.\nMan werde die Schritte prüfen.",
            [("phrase", "Plan", None, None)],
        ),
        # the Konjunktiv of a clause that the sentence's own verb reports goes on with nothing
        (
            "Hans Albers sagte, die Lage sei ernst.\nSeine Vorschläge laufen darauf hinaus, dass man warten solle.",
            [("reported", "die Lage sei ernst", "Hans Albers", "entity")],
        ),
        # "absagen" cancels; a clause of "weil" is no reported speech; "ich habe" is no Konjunktiv
        ("Hans Albers sagte das Treffen ab, weil die Lage ernst sei.", []),
        ("Hans Albers sagte, weil die Lage ernst sei, bleibe er.", []),
        (
            "Hans Albers sagte, die Lage sei ernst.\nIch habe das selbst gesehen.",
            [
                ("reported", "die Lage sei ernst", "Hans Albers", "entity"),
            ],
        ),
    ],
)
def test_german_reported_speech_in_the_konjunktiv(text: str, expected: list[tuple[str, ...]]) -> None:
    assert _speakers(_hand_built(text, [("Hans Albers", "PER")], language="de")) == expected


@pytest.mark.parametrize(
    ("text", "content", "speaker", "how"),
    [
        (
            "Dem Minister Hans Albers zufolge wird die Grenze geöffnet.",
            "wird die Grenze geöffnet",
            "Hans Albers",
            "entity",
        ),
        ("Dem Bericht zufolge ist die Zahl gestiegen.", "ist die Zahl gestiegen", "Dem Bericht", "document"),
        (
            "Hans Albers sprach am Montag.\nIhm zufolge bleibt die Grenze zu.",
            "bleibt die Grenze zu",
            "Ihm",
            "pronoun",
        ),
    ],
)
def test_a_german_source_before_zufolge(text: str, content: str, speaker: str, how: str) -> None:
    doc = _hand_built(text, [("Hans Albers", "PER")], language="de")
    (q,) = doc.layer("quote")
    assert (q.label, q.text_in(doc), speaker_of(doc, q), q.attrs["speaker_how"]) == (
        "reported",
        content,
        speaker,
        how,
    )


@pytest.mark.parametrize(
    ("language", "text", "content", "speaker"),
    [
        ("ru", "Граница будет открыта в мае.\nОб этом заявил министр Олег Варников.", "Граница будет открыта в мае", "Олег Варников"),
        ("ru", "Граница будет открыта в мае.\nОб этом, как передает Радио Норда, заявил министр Олег Варников.",
         "Граница будет открыта в мае", "Олег Варников"),
        ("uk", "Кордон відкриють у травні.\nПро це повідомив міністр Олег Варников.", "Кордон відкриють у травні", "Олег Варников"),
        ("bg", "Границата ще бъде отворена през май.\nТова заяви министър Олег Варников.",
         "Границата ще бъде отворена през май", "Олег Варников"),
        # a few words before the verb: where and when it was said, or who said it
        ("ru", "Граница будет открыта в мае.\nОб этом в интервью Радио Норда рассказал министр Олег Варников.",
         "Граница будет открыта в мае", "Олег Варников"),
        ("ru", "Граница будет открыта в мае.\nОб этом во вторник заявил министр Олег Варников.",
         "Граница будет открыта в мае", "Олег Варников"),
        ("ru", "Граница будет открыта в мае.\nОб этом Олег Варников заявил журналистам.",
         "Граница будет открыта в мае", "Олег Варников"),
        # an opinion voiced
        ("ru", "Граница будет открыта в мае.\nТакое мнение высказал министр Олег Варников.",
         "Граница будет открыта в мае", "Олег Варников"),
        ("bg", "Границата ще бъде отворена през май.\nТова мнение изрази министър Олег Варников.",
         "Границата ще бъде отворена през май", "Олег Варников"),
        ("uk", "Кордон відкриють у травні.\nТаку думку висловив міністр Олег Варников.", "Кордон відкриють у травні", "Олег Варников"),
    ],
)  # fmt: skip
def test_a_sentence_that_opens_with_its_source_reports_the_sentence_before(
    language: str, text: str, content: str, speaker: str
) -> None:
    # (one sentence per line in these hand-built documents)
    doc = _hand_built(text, [("Олег Варников", "PER"), ("Радио Норда", "ORG")], language=language)
    assert [(q[0], q[1], q[2]) for q in _speakers(doc)] == [("reported", content, speaker)]


@pytest.mark.parametrize(
    "last",
    [
        "Об этом мало кто говорит.",  # words before the verb, and no subject after it
        "Об этом не говорил министр Олег Варников.",  # a negation: he did not say it
    ],
)
def test_a_sentence_about_the_one_before_that_names_no_source_reports_nothing(last: str) -> None:
    doc = _hand_built(
        f"Министр Олег Варников приехал в мае.\nГраница будет открыта.\n{last}",
        [("Олег Варников", "PER")],
        language="ru",
    )
    assert [q for q in _speakers(doc) if q[0] == "reported"] == []


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("ru", "«Граница будет открыта в мае». Об этом заявил министр Олег Варников.", "Олег Варников"),
        ("ru", "«Граница будет открыта в мае. Мы готовы». Об этом заявил министр Олег Варников.", "Олег Варников"),
        ("uk", "«Кордон відкриють у травні». Про це повідомив міністр Олег Варников.", "Олег Варников"),
        ("bg", "„Границата ще бъде отворена през май“. Това заяви министър Олег Варников.", "Олег Варников"),
        ("it", "“Il confine sarà aperto a maggio”. Lo ha dichiarato il ministro Paolo Ferri.", "Paolo Ferri"),
        ("es", "“La frontera se abrirá en mayo”. Así lo afirmó el ministro Pablo Ferrer.", "Pablo Ferrer"),
    ],
)  # fmt: skip
def test_a_quoted_sentence_is_the_source_s_that_the_sentence_after_it_names(
    analyze: Analyze, language: str, text: str, speaker: str
) -> None:
    assert [(q[0], q[2]) for q in _speakers(analyze(text, language=language))] == [("direct", speaker)]


@pytest.mark.parametrize(
    ("language", "text", "content", "speaker"),
    [
        ("it", "Il confine sarà aperto a maggio. Lo ha dichiarato il ministro Paolo Ferri.",
         "Il confine sarà aperto a maggio", "Paolo Ferri"),
        ("es", "La frontera se abrirá en mayo. Así lo afirmó el ministro Pablo Ferrer.",
         "La frontera se abrirá en mayo", "Pablo Ferrer"),
    ],
)  # fmt: skip
def test_a_romance_sentence_that_opens_with_it_and_a_verb_reports_the_sentence_before(
    analyze: Analyze, language: str, text: str, content: str, speaker: str
) -> None:
    assert [q[:3] for q in _speakers(analyze(text, language=language))] == [("reported", content, speaker)]


@pytest.mark.parametrize(
    ("language", "text", "speaker", "contents"),
    [
        ("it", "Il comune chiuderà le scuole. Lo ha annunciato la sindaca, Carla Ventura, precisando che sono 30.",
         "Carla Ventura", ["Il comune chiuderà le scuole", "sono 30"]),
        ("ru", "Граница будет закрыта до мая. Об этом заявил министр Олег Варников, добавив, что армия готова.",
         "Олег Варников", ["Граница будет закрыта до мая", "армия готова"]),
    ],
)  # fmt: skip
def test_a_sentence_that_attributes_the_one_before_keeps_what_it_reports_itself(
    analyze: Analyze, language: str, text: str, speaker: str, contents: list[str]
) -> None:
    found = _speakers(analyze(text, language=language))
    assert [(q[0], q[1], q[2]) for q in found] == [("reported", c, speaker) for c in contents]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("en", "“The border stays closed,” said the deputy head of the Security Council of Norland, "
         "Pavel Dorin, who expects talks in May.", "Pavel Dorin"),
        ("it", "“Il confine resta chiuso”, ha dichiarato il vicesegretario della Commissione per la difesa di "
         "Norlandia, Paolo Dorini, che prevede colloqui a maggio.", "Paolo Dorini"),
    ],
)  # fmt: skip
def test_a_name_in_apposition_to_a_title_after_the_verb_speaks_before_a_clause_of_its_own(
    analyze: Analyze, language: str, text: str, speaker: str
) -> None:
    # not the council in the title: the person the title describes
    assert [q[2] for q in _speakers(analyze(text, language=language))] == [speaker]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the relayer's name is no part of what was said, and a sentence of its own is its report
        ("ru", "Министр Олег Варников заявил, что армия готова, передает Радио Норда.",
         [("reported", "армия готова", "Олег Варников")]),
        ("ru", "Армия готова, передает Радио Норда.", [("reported", "Армия готова", "Радио Норда")]),
        ("bg", "Армията е готова, съобщава БТА.", [("reported", "Армията е готова", "БТА")]),
        # a direct quote with its own speaker, passed on: no reported speech around it
        ("ru", "Итоги дня\n\n«Армия готова ко всему», — заявил министр Олег Варников, передает Радио Норда.",
         [("direct", "Армия готова ко всему", "Олег Варников")]),
        ("en", "Day in brief\n\n“The army is ready,” said minister Oleg Varnikov, according to Radio Norda.",
         [("direct", "The army is ready,", "Oleg Varnikov")]),
    ],
)  # fmt: skip
def test_a_relayer_after_a_comma_at_the_end_of_a_sentence(
    analyze: Analyze, language: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [q[:3] for q in _speakers(analyze(text, language=language))] == expected


def test_a_relayer_named_in_quotation_marks_is_the_name_without_them(analyze: Analyze) -> None:
    doc = analyze("Днес\n\nАрмията е готова, съобщава „Вестник Норда“.", language="bg")
    reported = [q for q in doc.layer("quote") if q.label == "reported"]
    assert [(q.text_in(doc), q.attrs["speaker"]) for q in reported] == [("Армията е готова", "Вестник Норда")]


def test_a_polish_medium_after_its_noun_and_an_opinion_after_z_speak_for_no_one(analyze: Analyze) -> None:
    text = (
        "Jan Reis mówi o referendum. – Zapytamy obywateli o zdanie – powiedział w czwartek na "
        "antenie Polsat News. Ze zdaniem Reisa nie zgadza się jednak Pedro Lemos."
    )
    # "on the air of Polsat News": where he said it; "with Reis's opinion" is no source
    assert _speakers(analyze(text, language="pl")) == [
        ("direct", "Zapytamy obywateli o zdanie", "Jan Reis", "pronoun")
    ]


def test_a_russian_name_in_an_oblique_case_is_no_subject(analyze: Analyze) -> None:
    # the one met ("с ... Лорандом", instrumental) stands nearer the verb than its subject
    text = (
        "Вечером Олег Варников побывал на переговорах с послом Виктором Лорандом, где заверил, "
        "что «поставки возобновятся»."
    )
    ((_, content, speaker, _),) = _speakers(analyze(text, language="ru"))
    assert (content, speaker) == ("поставки возобновятся", "Олег Варников")


def test_a_sentence_that_reports_speech_of_its_own_keeps_its_speaker_before_a_source() -> None:
    # the agency passes the minister's words on: they stay the minister's
    text = "Министр Олег Варников заявил, что граница будет открыта в мае.\nОб этом сообщило Радио Норда."
    doc = _hand_built(text, [("Олег Варников", "PER"), ("Радио Норда", "ORG")], language="ru")
    assert [(q[1], q[2]) for q in _speakers(doc)] == [("граница будет открыта в мае", "Олег Варников")]
    # "О том, что ..., заявил X" says what was said itself: the sentence before is not X's
    text = "Граница будет открыта в мае.\nО том, что её откроют, заявил министр Олег Варников."
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    assert [q for q in _speakers(doc) if q[1].startswith("Граница")] == []
    # a question before it is no statement
    text = "Откроют ли границу в мае?\nОб этом спросил министр Олег Варников."
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    assert [q for q in _speakers(doc) if q[1].startswith("Откроют")] == []


@pytest.mark.parametrize(
    ("language", "text", "content"),
    [
        ("de", "Hans Albers sprach am Montag.\nSeinen Worten zufolge bleibt die Grenze zu.", "bleibt die Grenze zu"),
        ("pl", "Hans Albers przemawiał w poniedziałek.\nJego zdaniem granica pozostanie zamknięta.",
         "granica pozostanie zamknięta"),
        ("bg", "Hans Albers говори в понеделник.\nСпоред него границата ще остане затворена.",
         "границата ще остане затворена"),
    ],
)  # fmt: skip
def test_a_pronouns_lead_needs_no_comma_where_sources_take_none(
    language: str, text: str, content: str
) -> None:
    doc = _hand_built(text, [("Hans Albers", "PER")], language=language)
    assert [(q[1], q[2], q[3]) for q in _speakers(doc)] == [(content, "Hans Albers", "pronoun")]


def test_russian_reported_speech_after_a_long_adverbial() -> None:
    text = "Олег Варников заявил в интервью местной газете в понедельник, что граница останется закрытой."
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    reported = [q for q in _speakers(doc) if q[0] == "reported"]
    assert reported == [("reported", "граница останется закрытой", "Олег Варников", "entity")]


@pytest.mark.parametrize(
    ("text", "speaker", "how"),
    [
        # a person's name that qualifies the noun of the subject: the official speaks
        ("The carmakers will get more time to meet the standard, a senior Lorand administration "
         "official said on Tuesday.", "a senior Lorand administration official", "phrase"),
        ("A Lorand campaign aide said that the rally would go ahead.", "A Lorand campaign aide", "phrase"),
        # the name that ends the subject, or opens it, speaks
        ("The carmakers will get more time to meet the standard, campaign aide Lorand said.", "Lorand",
         "entity"),
        ("Lorand himself said that the rally would go ahead.", "Lorand", "entity"),
        # an owner with a bare apostrophe after its final "s"
        ("Vandris’ defense attorney said on Friday that the verdict was unjust.", "Vandris’ defense attorney",
         "phrase"),
    ],
)  # fmt: skip
def test_a_name_that_qualifies_the_subjects_noun_is_not_the_speaker(
    text: str, speaker: str, how: str
) -> None:
    doc = _hand_built(text, [("Lorand", "PER"), ("Vandris", "PER")])
    (q,) = doc.layer("quote")
    assert (speaker_of(doc, q), q.attrs["speaker_how"]) == (speaker, how)


def test_the_speaker_is_named_before_an_apposition_not_inside_it() -> None:
    people = [("Arkady Brennan", "PER"), ("Vera Lorand", "PER"), ("Institute of Border Studies", "ORG")]
    text = "Arkady Brennan, the spokesman for President Vera Lorand, said that the talks were over."
    assert _speakers(_hand_built(text, people))[0][2] == "Arkady Brennan"
    text = "“We will respond,” Arkady Brennan, the spokesman for President Vera Lorand, told reporters."
    assert _speakers(_hand_built(text, people)) == [
        ("direct", "We will respond,", "Arkady Brennan", "entity")
    ]
    # Two appositions, an organisation in them: the person named first speaks.
    text = (
        "Arkady Brennan, an expert at the Institute of Border Studies, a think tank, told the Gazette "
        "that the talks were over."
    )
    assert _speakers(_hand_built(text, people))[0][2] == "Arkady Brennan"
    # A title and its institution make a long apposition.
    text = (
        "Arkady Brennan, Professor of International Public Health and Migration at the Institute of "
        "Border Studies, told the Gazette: “The talks are over.”"
    )
    assert _speakers(_hand_built(text, people))[0][2] == "Arkady Brennan"
    # An apposition that does not follow the quote directly gives the quote no speaker.
    text = (
        "Citing the “arms announcement” of a volunteer, the local outlet Arkady Brennan, which covers "
        "the army, noted that it was late."
    )
    assert [q[:3] for q in _speakers(_hand_built(text, people))] == [
        ("phrase", "arms announcement", None),
        ("reported", "it was late", "Arkady Brennan"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "content"),
    [
        # A title, then the name as an apposition: the name speaks, and is no part of what was said.
        ("es", "El presidente del Banco Central, Ricardo Paz, anunció el jueves que la tasa se mantendrá.",
         "la tasa se mantendrá"),
        ("pt", "Segundo a presidente da associação, Helena Cardoso, as comunidades não foram ouvidas.",
         "as comunidades não foram ouvidas"),
        ("es", "Como señaló el director del organismo, Ricardo Paz, los embalses están al 19%.",
         "los embalses están al 19%"),
    ],
)  # fmt: skip
def test_a_name_after_a_title_speaks(language: str, text: str, content: str) -> None:
    name = "Helena Cardoso" if "Helena" in text else "Ricardo Paz"
    doc = _hand_built(text, [(name, "PER"), ("Banco Central", "ORG")], language=language)
    assert [q[1:3] for q in _speakers(doc)] == [(content, name)]


@pytest.mark.parametrize(
    ("language", "text", "content", "speaker"),
    [
        ("en", "Ukraine and Moldova signed an agreement on their grids, the Ministry of Energy said.",
         "Ukraine and Moldova signed an agreement on their grids", "Ministry of Energy"),
        ("en", "The talks in Istanbul have reached a dead end, said Arkady Brennan.",
         "The talks in Istanbul have reached a dead end", "Arkady Brennan"),
        ("ru", "Переговоры в Стамбуле зашли в тупик, заявил журналистам Олег Варников.",
         "Переговоры в Стамбуле зашли в тупик", "Олег Варников"),
        ("fr", "Le gouvernement présentera un plan de soutien, a annoncé jeudi le ministère de l'Agriculture.",
         "Le gouvernement présentera un plan de soutien", "ministère de l'Agriculture"),
    ],
)  # fmt: skip
def test_reported_speech_attributed_at_the_end_of_its_sentence(
    language: str, text: str, content: str, speaker: str
) -> None:
    names = [("Ministry of Energy", "ORG"), ("Arkady Brennan", "PER"), ("Олег Варников", "PER")]
    doc = _hand_built(text, names, language=language)
    (q,) = doc.layer("quote")
    assert (q.label, q.text_in(doc)) == ("reported", content)
    # the name, or (with no entity for it here) the words that end with it: "jeudi le ministère ..."
    assert speaker_of(doc, q).endswith(speaker)


@pytest.mark.parametrize(
    ("text", "quoted", "reported"),
    [
        # a short quote inside: the sentence is what was said, and the quoted words are his too
        ("These figures show that the ministry is “losing its grip” on the regions, Arkady Brennan, "
         "the head of the Institute of Border Studies, said.", "losing its grip",
         "These figures show that the ministry is “losing its grip” on the regions"),
        # a longer one, then a clause of the sentence's own
        ("The old treaty has “kind of run its course, like every treaty,” but the alliance will "
         "write the next one, Arkady Brennan told supporters on Saturday.",
         "kind of run its course, like every treaty,",
         "The old treaty has “kind of run its course, like every treaty,” but the alliance will "
         "write the next one"),
    ],
)  # fmt: skip
def test_a_quote_inside_a_sentence_attributed_at_its_end(text: str, quoted: str, reported: str) -> None:
    people = [("Arkady Brennan", "PER"), ("Institute of Border Studies", "ORG")]
    doc = _hand_built(text, people)
    assert sorted(_speakers(doc)) == [
        ("direct", quoted, "Arkady Brennan", "entity"),
        ("reported", reported, "Arkady Brennan", "entity"),
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "After the meeting, the minister said nothing."),  # too short to be what was said
        ("en", "Gas will come from North Africa, Asia and the United States."),  # "States" is no verb here
        ("en", "Authorities have searched a small part of the area, not all as they falsely never said."),
        ("ru", "То, что он занимал высокую должность, сейчас ни о чём не говорит."),  # negated
        ("en", "Towards the end of March last year, the inclusion in the registry was announced."),  # passive
        ("ru", "Участие в восстановлении страны важно для Анкары, которых турки считают партнёрами."),
        ("en", "“The border stays shut. We will not discuss it again,” he said, and left."),  # a quote's end
        ("en", "The border stays shut and the talks are over for good,’ he added."),  # a single mark
        ("en", "Arkady Brennan denied that he had taken money from the fund."),  # not what he says
        ("en", "Leaders in Lisbon and Oslo, however, have argued otherwise."),  # no subject: "have"
        ("en", "Arkady Brennan and his daughter, Vera, contested the teacher’s claims."),  # a noun
        ("en", "Why believe a man like him, of all the people in the town."),  # a question's word
        # a quote with its own attribution, not a quote inside what the sentence's end attributes
        ("en", "“We will respond,” Arkady Brennan, the spokesman of the Gazette, told reporters."),
        ("ru", "Вера Лоранд встретилась с банкирами. «Мы не согласны», — заявили они."),
    ],
)
def test_no_reported_speech_from_a_sentence_end_that_reports_nothing(language: str, text: str) -> None:
    doc = _hand_built(text, [], language=language)
    assert [q for q in doc.layer("quote") if q.label == "reported"] == []


_CAST = [
    ("Vera Lorand", "PER"), ("Arkady Brennan", "PER"), ("Олег Варников", "PER"), ("Jean Marot", "PER"),
    ("Hans Albers", "PER"), ("Northern Alliance", "ORG"), ("Radio Norda", "ORG"), ("Gazette", "ORG"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text", "content", "entity"),
    [
        # The attribution set off after the first words: what follows it is what was said.
        ("en", "Vera Lorand spoke on Monday.\nThe exercise, she said, was purely defensive.",
         "was purely defensive", "Vera Lorand"),
        ("en", "The drills, spokeswoman Vera Lorand told reporters, are a reckless provocation.",
         "are a reckless provocation", "Vera Lorand"),
        ("en", "Western sanctions, the economist Arkady Brennan argues, have hurt Europe more than anyone.",
         "have hurt Europe more than anyone", "Arkady Brennan"),
        ("en", "Mr Brennan, whose name, the Gazette wrote after the election, is on every list, stayed.",
         "is on every list, stayed", "Gazette"),
        ("ru", "Эти учения, заявила Олег Варников, являются провокацией против соседей.",
         "являются провокацией против соседей", "Олег Варников"),
        ("fr", "Les frontières, a déclaré Jean Marot, resteront fermées tout l'hiver.",
         "resteront fermées tout l'hiver", "Jean Marot"),
        ("de", "Wie der Direktor des Instituts, Hans Albers, gestern mitteilte, sinkt die Produktion weiter.",
         "sinkt die Produktion weiter", "Hans Albers"),
        # a pronoun after the verb is its subject, not its object
        ("de", "Hans Albers sprach lange.\nDie Mieten, behauptet er, werden weiter steigen.",
         "werden weiter steigen", "Hans Albers"),
    ],
)  # fmt: skip
def test_an_attribution_set_off_inside_its_sentence(
    language: str, text: str, content: str, entity: str
) -> None:
    doc = _hand_built(text, _CAST, language=language)
    assert [(q[0], q[1], q[2]) for q in _speakers(doc)] == [("reported", content, entity)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "On Monday, the minister announced new sanctions, including a ban on oil."),  # an object
        ("en", "Mr Brennan, saying the talks had failed, left the room in silence."),  # a participle
        ("en", "But it is all a misunderstanding, say Arkady Brennan, professor of law, and his colleagues."),
        ("en", "The vote put the party in a bind, as they speak out on claims against Arkady Brennan."),
        ("it", "Il programma, come abbiamo detto in precedenza, è solo uno dei tanti casi."),  # "as we said"
        # an apposition after a name that follows its verb is no part of what was said
        ("it", "Entro due settimane, assicura Jean Marot, a capo della protezione civile, sarà deciso."),
        ("pl", "Większość tego, co mówi, nie jest w zasadzie nowe."),  # "co" is "what"
        # a relative clause after the attribution is no part of what was said
        ("en", "The harbour was never meant for such ships, she said, whose owners knew it well."),
    ],
)  # fmt: skip
def test_no_set_off_attribution_where_none_is(language: str, text: str) -> None:
    assert [q for q in _speakers(_hand_built(text, _CAST, language=language)) if q[0] == "reported"] == []


def test_an_as_clause_set_off_inside_its_sentence_names_a_title() -> None:
    text = "При этом, как подчеркнул эксперт, факт остается фактом."
    assert _speakers(_hand_built(text, _CAST, language="ru")) == [
        ("reported", "факт остается фактом", None, "phrase")
    ]


@pytest.mark.parametrize(
    ("text", "content", "entity"),
    [
        # The subject of the clause a participle follows speaks, not the name nearest to it.
        ("Vera Lorand rejected the claims of the Gazette, saying the alliance posed no threat.",
         "the alliance posed no threat", "Vera Lorand"),
        ("Northern Alliance Secretary General Arkady Brennan rejected it, saying the drills were planned.",
         "the drills were planned", "Arkady Brennan"),
        ("The vote was close, with Radio Norda saying the count would take days.",
         "the count would take days", "Radio Norda"),
        ("Turnout was high, Vera Lorand admitted to the Gazette, saying she was glad.",
         "she was glad", "Vera Lorand"),
    ],
)  # fmt: skip
def test_a_participle_reports_for_its_clauses_subject(text: str, content: str, entity: str) -> None:
    assert [q[1:3] for q in _speakers(_hand_built(text, _CAST))] == [(content, entity)]


@pytest.mark.parametrize(
    ("language", "text", "content", "entity"),
    [
        ("ru", "Олег Варников опроверг сообщения Radio Norda, заявив, что войска остаются на месте.",
         "войска остаются на месте", "Олег Варников"),
        ("fr", "Jean Marot a salué la décision du Gazette, ajoutant que la frontière restera ouverte.",
         "la frontière restera ouverte", "Jean Marot"),
    ],
)  # fmt: skip
def test_participles_in_other_languages(language: str, text: str, content: str, entity: str) -> None:
    doc = _hand_built(text, _CAST, language=language)
    assert [q[1:3] for q in _speakers(doc) if q[0] == "reported"] == [(content, entity)]


def test_a_participle_with_no_subject_in_sight_reports_for_no_one() -> None:
    text = "Support for the Northern Alliance was low, with most voters unsure and the rest saying they would stay home."
    assert [q for q in _speakers(_hand_built(text, _CAST)) if q[2] == "Northern Alliance"] == []


@pytest.mark.parametrize(
    ("text", "content", "entity"),
    [
        # A phrase of where it was said ends the sentence, or follows the verb: no clause of its own.
        ("Every family now pays twice as much for heating, Arkady Brennan wrote in a column for the Gazette on Monday.",
         "Every family now pays twice as much for heating", "Arkady Brennan"),
        # A subject set off before the verb that ends the sentence: a title, then the name.
        ("Only a united country can stand up to its enemies, the deputy chairman of the council, Arkady Brennan, wrote.",
         "Only a united country can stand up to its enemies", "Arkady Brennan"),
    ],
)  # fmt: skip
def test_an_attribution_at_the_end_with_a_long_phrase_or_a_set_off_subject(
    text: str, content: str, entity: str
) -> None:
    assert [q[:3] for q in _speakers(_hand_built(text, _CAST))] == [("reported", content, entity)]


def test_a_subject_pronoun_opens_a_clause_after_any_speech_verb() -> None:
    text = "Vera Lorand spoke on Monday.\nLater she announced she would end the regular exercises."
    assert [q[:3] for q in _speakers(_hand_built(text, _CAST))] == [
        ("reported", "she would end the regular exercises", "Vera Lorand")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Vera Lorand announced the talks would resume in May.", "the talks would resume in May"),
        (
            "Arkady Brennan confirmed the second meeting had taken place in secret.",
            "the second meeting had taken place in secret",
        ),
        ("The Northern Alliance promised its troops will stay home.", "its troops will stay home"),
    ],
)
def test_an_auxiliary_after_the_first_words_shows_a_clause_after_any_speech_verb(
    text: str, content: str
) -> None:
    assert [q[1] for q in _speakers(_hand_built(text, _CAST)) if q[0] == "reported"] == [content]


def test_an_object_of_a_speech_verb_is_no_clause_without_an_auxiliary() -> None:
    for text in (
        "Vera Lorand announced a new plan for the harbour.",
        "Arkady Brennan revealed the plan that was drawn up in March.",
        "Vera Lorand promised the aid to the refugees was coming.",
        "Arkady Brennan announced the names of all the winners were secret.",
    ):
        assert [q for q in _speakers(_hand_built(text, _CAST)) if q[0] == "reported"] == [], text


@pytest.mark.parametrize(
    ("text", "content", "entity"),
    [
        ("Vera Lorand said Norda was ready to talk.", "Norda was ready to talk", "Vera Lorand"),
        (
            "Arkady Brennan spoke on Friday.\nHe said Western capitals had ignored the warnings for years.",
            "Western capitals had ignored the warnings for years",
            "Arkady Brennan",
        ),
        ("Vera Lorand said Tuesday the deal would hold.", "the deal would hold", "Vera Lorand"),
        # a name after a verb that takes someone told is whom: the clause starts after it
        ("Vera Lorand told Gazette the talks would resume.", "the talks would resume", "Vera Lorand"),
    ],
)
def test_a_name_and_an_auxiliary_open_a_clause_after_a_speech_verb(
    text: str, content: str, entity: str
) -> None:
    found = [(q[1], q[2]) for q in _speakers(_hand_built(text, _CAST)) if q[0] == "reported"]
    assert found == [(content, entity)]


def test_no_name_clause_after_an_infinitive_an_adjective_or_inside_a_name() -> None:
    for text in (
        "Arkady Brennan had no reason to believe Vera Lorand would leave the city.",
        "Investigators found that the alleged Norda spies were copying the files.",
        "No talks are planned and the United States Congress is about to vote on the aid.",
    ):
        assert [q for q in _speakers(_hand_built(text, _CAST)) if q[0] == "reported"] == [], text


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the auxiliaries and adverbs between a subject and its verb are no part of the speaker
        ("Local authorities have repeatedly said the harbour was safe.", "Local authorities"),
        ("The ministry also said that the harbour was safe.", "The ministry"),
        ("“The harbour is safe,” they have said.", "they"),
        # a long subject cut to its last words starts at a whole word
        (
            "It comes as the deputy head of Norda's regional water authority said the dam would hold.",
            "Norda's regional water authority",
        ),
        # a relative "that" and a leading "and" are no part of it either
        ("The board's old doctrine that suggests the harbour was safe is gone.", "The board's old doctrine"),
        (
            "The mayor left, and the clerks and two witnesses have said the harbour was safe.",
            "the clerks and two witnesses",
        ),
    ],
)
def test_the_speakers_words_are_the_subject_alone(text: str, speaker: str) -> None:
    doc = _hand_built(text, [])
    (q,) = doc.layer("quote")
    assert speaker_of(doc, q) == speaker


def test_a_group_is_never_linked_to_one_person_named_before() -> None:
    text = "Police officer Vera Lorand was shot in the leg.\nPolice said the gunman had fled.\nOfficers said the street was closed."
    doc = _hand_built(text, _CAST)
    assert [(speaker_of(doc, q), q.attrs["speaker_entity"]) for q in doc.layer("quote")] == [
        ("Police", None),
        ("Officers", None),
    ]


def test_a_full_name_is_not_linked_to_another_person_with_the_same_surname() -> None:
    text = "Anna Lorand died in May.\n“We are shocked,” Jan Lorand, her father, told the Gazette."
    doc = _hand_built(text, [("Anna Lorand", "PER"), ("Jan Lorand", "PER"), ("Gazette", "ORG")])
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["Jan Lorand"]
    # a title is no other given name: the person named in full before
    for name in ("Mr Lorand", "Lady Lorand"):
        text = f"Anna Lorand met the board in May.\n“We are shocked,” {name} told the Gazette."
        doc = _hand_built(text, [("Anna Lorand", "PER"), (name, "PER"), ("Gazette", "ORG")])
        assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["Anna Lorand"], name


def test_a_first_name_alone_is_linked_to_the_person_the_entity_layer_says_it_is() -> None:
    text = "“We act now,” Sir Patrick said.\nGeneral Patrick Hale spoke to the troops."
    entities = [("Patrick", "PER"), ("Patrick Hale", "PER")]
    doc = _hand_built(text, entities, attrs={"Patrick": {"person": "Patrick Hale"}})
    assert [(q.attrs["speaker"], q.attrs["speaker_entity"]) for q in doc.layer("quote")] == [
        ("Patrick", "Patrick Hale")
    ]
    # without the entity layer's person, the name stays itself
    doc = _hand_built(text, entities)
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["Patrick"]


def test_the_name_before_four_appositions_speaks() -> None:
    text = (
        "Arkady Brennan, who heads the Northern Alliance, in Salem, Oregon, who has studied it for years, "
        "told the Gazette that the harbour was safe."
    )
    entities = [*_CAST, ("Salem", "LOC"), ("Oregon", "LOC")]
    assert [q[2] for q in _speakers(_hand_built(text, entities))] == ["Arkady Brennan"]


def test_an_apposition_with_a_possessive_is_still_an_apposition() -> None:
    text = (
        "Arkady Brennan, a close Vera Lorand ally and the head of Norda's water board, "
        "said that the dam would hold."
    )
    assert [q[:3] for q in _speakers(_hand_built(text, _CAST))] == [
        ("reported", "the dam would hold", "Arkady Brennan")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Norda's state-owned rail company, Varnelexport, has declared its wish to bid for the line.",
         "Norda's state-owned rail company"),
        ("Critics of the plan, who met on Monday, have said that it will fail.", "Critics of the plan"),
        ("Yesterday, the mill, sadly, has said that its doors will close.", "the mill"),
        ("Arkady Brennan, 54, has said that he would stay.", "Arkady Brennan"),
    ],
)  # fmt: skip
def test_an_auxiliary_after_appositions_is_no_subject(text: str, speaker: str) -> None:
    # the subject opens the clause; the auxiliary after the last comma had been the speaker
    (q,) = _hand_built(text, [*_CAST, ("Norda", "LOC"), ("Varnelexport", "LOC")]).layer("quote")
    assert q.attrs["speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the head of a long subject, not the last words of its prepositional phrase
        ("Western officials in close touch with the Gazette over the talks told it that the deal was near.",
         "Western officials"),
        # "of" belongs to the head: the last words, as before
        ("Most of the tenants of the old mill district beside the canal said that the water was bad.",
         "district beside the canal"),
    ],
)  # fmt: skip
def test_a_long_subject_is_named_by_its_head(text: str, speaker: str) -> None:
    (q,) = _hand_built(text, []).layer("quote")
    assert q.attrs["speaker"] == speaker


def test_an_agency_that_reported_a_quote_inside_reported_speech_passes_it_on() -> None:
    text = (
        "Arkady Brennan said Norda knows that the alliance wants to “seize everything,” the Gazette reported."
    )
    doc = _hand_built(text, _CAST)
    assert [(q.label, q.attrs.get("speaker_entity")) for q in doc.layer("quote") if q.label == "direct"] == [
        ("direct", "Arkady Brennan")
    ]
    # a long subject whose head is a document: its author, as before
    text = "A fresh study by the Northern Alliance and its many partners has suggested the diet is poor."
    (q,) = _hand_built(text, _CAST).layer("quote")
    assert q.attrs.get("speaker_entity") == "Northern Alliance"


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        # a subject of its own that names no one: not the person of the sentence before
        (
            "The police claimed to hold every road out of town and said they were searching for the driver.",
            None,
        ),
        ("Then the minister met the mayor and said that it was over.", None),
        # a pronoun, or the person, of its own sentence
        ("She met the mayor and said that the town was safe.", "Vera Lorand"),
        ("After the talks, Arkady Brennan left and said that it was over.", "Arkady Brennan"),
    ],
)
def test_a_verb_that_shares_its_subject_shares_its_own_sentence_s(second: str, speaker: str | None) -> None:
    doc = _hand_built(f"Vera Lorand visited the town on Monday.\n{second}", _CAST)
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ([speaker] if speaker else [])


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        # a contracted auxiliary is no part of the subject
        ("en", "Although the doctors have said that the danger is small, they’ve lately said that every visitor should wait.",
         "they"),
        # a long subject that holds a clause is no noun phrase with a head
        ("en", "The number of patients has risen for the first week since the officials claimed that the fever was over.",
         "the officials"),
        ("en", "Crowds had begun to gather near the station and later the bulletins said the line was closed.",
         "the bulletins"),
        # "which" speaks for what the clause is about, not for a time before it
        ("en", "A close study of the ledger was made by Vera Lorand in early spring which revealed that no money was lost.",
         "Vera Lorand"),
        # a title before a name in apposition beats the organisation of the phrase before it
        ("en", "The commander of Norda’s Army, Major General Arkady Brennan, had told reporters that the army was ready.",
         "Arkady Brennan"),
        # an organisation's quoted name after a noun is whose the noun is, not where it was said
        ("ru", '"В резолюции мы читаем другое", – сказал председатель "Грузинской мечты".', "председатель"),
        # a name before the comma that opens the verb's clause is not its subject
        ("en", "After meeting Vera Lorand, the minister said that the talks were over.", "the minister"),
    ],
)  # fmt: skip
def test_each_verb_s_subject_is_read_in_its_own_clause(language: str, text: str, speaker: str) -> None:
    cast = [*_CAST, ("Norda’s Army", "ORG"), ("Грузинской мечты", "ORG"), ("Aliança Norte", "ORG")]
    doc = _hand_built(text, cast, language=language)
    assert [q.attrs.get("speaker") for q in doc.layer("quote") if q.label != "phrase"] == [speaker]


def test_a_relative_clause_speaks_for_the_noun_after_the_last_preposition() -> None:
    text = "The claims were later refuted by the harbour office who said that the port was open."
    (q,) = _hand_built(text, []).layer("quote")
    assert q.attrs["speaker"] == "the harbour office"


def test_a_newspaper_that_reported_a_quote_at_the_sentence_end_is_its_source() -> None:
    text = (
        "“Allies fear the support will fade,” the Gazette reported.\nThe town was shelled, it was reported."
    )
    doc = _hand_built(text, _CAST)
    assert [(q.label, q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [("direct", "Gazette")]


def test_a_name_the_recogniser_missed_before_appositions_speaks_not_an_organisation_in_them() -> None:
    text = "Moses Orlov, speaker of the Northern Alliance, said the bill would pass."
    assert [q[:3] for q in _speakers(_hand_built(text, _CAST))] == [("reported", "the bill would pass", None)]
    assert [q.attrs["speaker"] for q in _hand_built(text, _CAST).layer("quote")] == ["Moses Orlov"]
    # a name it found, or words that are no name, are read as before
    text = "Vera Lorand, speaker of the Northern Alliance, said the bill would pass."
    assert [q[2] for q in _speakers(_hand_built(text, _CAST))] == ["Vera Lorand"]
    text = "The new rules, drafted by the Northern Alliance, said that taxes would rise."
    assert [q[2] for q in _speakers(_hand_built(text, _CAST))] == ["Northern Alliance"]
    # ... but a person inside them is not, nor anyone where the phrase names a document
    text = "The ambassador, a friend of Vera Lorand, said the bill would pass."
    assert [
        (q.attrs["speaker"], q.attrs.get("speaker_entity")) for q in _hand_built(text, _CAST).layer("quote")
    ] == [("The ambassador", None)]
    text = "The letter, addressed to the board of the Northern Alliance, said, “Thank you for all.”"
    assert [q.attrs.get("speaker_how") for q in _hand_built(text, _CAST).layer("quote")] == ["document"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "According to Vera Lorand, the sanctions are “illegal”."),
        ("ru", "По словам Олега Варникова, санкции «незаконны»."),
        ("it", "Secondo Jean Marot, le sanzioni sono «illegali»."),
    ],
)
def test_a_short_quote_inside_reported_speech_is_its_speakers(language: str, text: str) -> None:
    cast = [*_CAST, ("Олега Варникова", "PER")]
    doc = _hand_built(text, cast, language=language, attrs={"Олега Варникова": {"normal": "Олег Варников"}})
    found = _speakers(doc)
    assert [q[0] for q in found] == ["reported", "direct"]
    assert found[0][2] == found[1][2] is not None
    # a scare quote outside reported speech stays a phrase of no one's
    doc = _hand_built("The so-called “peacekeepers” arrived.", _CAST)
    assert [q[:3] for q in _speakers(doc)] == [("phrase", "peacekeepers", None)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "According to Vera Lorand, the so-called “experts” are wrong."),
        ("en", "Vera Lorand said the so-called “experts” were wrong."),
        ("ru", "Олег Варников заявил, что так называемые «эксперты» ошибаются."),
        ("de", "Hans Albers sagte, die sogenannten „Experten“ irrten sich."),
        # a quoted name is no one's words either
        ("en", "According to Vera Lorand, the “Azov” battalion surrendered."),
        ("ru", "Олег Варников заявил, что бойцы батальона «Азов» сдались."),
    ],
)
def test_a_scare_quote_is_a_phrase_inside_reported_speech_too(language: str, text: str) -> None:
    found = _speakers(_hand_built(text, _CAST, language=language))
    assert [q[0] for q in found if q[0] != "reported"] == ["phrase"]
    assert [q[2] for q in found if q[0] == "phrase"] == [None]


def test_a_document_after_a_preposition_is_where_it_was_said_not_who() -> None:
    text = "“Demand is rising,” Arkady Brennan, co-lead at the fund’s board, said in the statement."
    assert [(q[0], q[2]) for q in _speakers(_hand_built(text, _CAST))] == [("direct", "Arkady Brennan")]


@pytest.mark.parametrize(
    ("language", "text", "entity"),
    [
        ("en", "Vera Lorand condemned the shipments, calling them “a reckless escalation”.", "Vera Lorand"),
        ("en", "Arkady Brennan rejected the plan on Monday, describing it as “a trap”.", "Arkady Brennan"),
        ("ru", "Олег Варников осудил поставки, назвав их «безрассудной эскалацией».", "Олег Варников"),
    ],
)
def test_a_naming_participle_quotes_the_subject_of_its_clause(language: str, text: str, entity: str) -> None:
    doc = _hand_built(text, _CAST, language=language)
    assert [(q[0], q[2]) for q in _speakers(doc)] == [("direct", entity)]


def test_a_russian_name_in_an_oblique_case_is_no_participles_subject() -> None:
    text = "Резко к словам Олега Варникова отнёсся публицист Ян Гросс, назвав их «провокацией»."
    entities = [("Олега Варникова", "PER"), ("Ян Гросс", "PER")]
    attrs = {"Олега Варникова": {"normal": "Олег Варников"}}
    doc = _hand_built(text, entities, language="ru", attrs=attrs)
    # not Варников; the subject after its verb is not read (the participle's subject opens its clause)
    assert [q[2] for q in _speakers(doc)] == [None]
    # a name in the nominative after a phrase of a preposition is the subject
    text = "В том же интервью Олег Варников осудил поставки, назвав их «провокацией»."
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    assert [q[2] for q in _speakers(doc)] == ["Олег Варников"]


@pytest.mark.parametrize(
    ("language", "text", "entity"),
    [
        # an object, then "as" (or its like) right before the quote
        ("en", "Vera Lorand described the proposal as “reckless”.", "Vera Lorand"),
        ("en", "Arkady Brennan dismissed the claims as “fake news”.", "Arkady Brennan"),
        ("en", "Vera Lorand slammed the bill as a “disgrace” and left.", "Vera Lorand"),
        ("de", "Hans Albers bezeichnete die Äußerungen als „absurd“.", "Hans Albers"),
        ("fr", "Jean Marot a qualifié l'attaque de « crime de guerre ».", "Jean Marot"),
        ("pl", "Lena Kowal określiła te słowa jako „kłamstwo”.", "Lena Kowal"),
        ("bg", "Иван Дамянов определи решението като „срамно“.", "Иван Дамянов"),
        ("es", "Pablo Ferrer calificó la decisión de “vergonzosa”.", "Pablo Ferrer"),
        ("pt", "Rita Sousa classificou a decisão como “vergonhosa”.", "Rita Sousa"),
        # naming verbs of the languages that had none
        ("uk", "Олена Гай назвала заяву Кремля «брехнею».", "Олена Гай"),
        ("pl", "Lena Kowal nazwała decyzję Moskwy „skandaliczną”.", "Lena Kowal"),
        ("de", "Hans Albers nannte den Angriff „barbarisch“.", "Hans Albers"),
        ("it", "Il ministro Carlo Neri ha definito l'attacco «un crimine».", "Carlo Neri"),
        ("bg", "Иван Дамянов нарече решението „срамно“.", "Иван Дамянов"),
        # "spoke of" and its like
        ("en", "Vera Lorand spoke of a “special operation”.", "Vera Lorand"),
        ("de", "Hans Albers sprach von einem „barbarischen Angriff“.", "Hans Albers"),
        ("ru", "Олег Варников говорил о «специальной операции».", "Олег Варников"),
        ("fr", "Jean Marot a parlé d'une « agression barbare ».", "Jean Marot"),
        ("pl", "Lena Kowal mówiła o „barbarzyńskim ataku”.", "Lena Kowal"),
        # adverbs and an aside between the subject and its verb
        ("en", "Arkady Brennan has also repeatedly called the statements “lies”.", "Arkady Brennan"),
        ("en", "Vera Lorand, for her part, called the statements “lies”.", "Vera Lorand"),
        (
            "en",
            "Vera Lorand, head of the campaign at Radio Norda, slammed the rules as “weak”.",
            "Vera Lorand",
        ),
        ("ru", "Олег Варников в свою очередь назвал действия Киева «террористическими».", "Олег Варников"),
        ("ru", "Олег Варников ранее уже назвал эти заявления «ложью».", "Олег Варников"),
        ("uk", "Олена Гай у свою чергу назвала заяву «брехнею».", "Олена Гай"),
    ],
)
def test_a_naming_verb_quotes_its_subject(language: str, text: str, entity: str) -> None:
    cast = [
        *_CAST, ("Lena Kowal", "PER"), ("Иван Дамянов", "PER"), ("Pablo Ferrer", "PER"),
        ("Rita Sousa", "PER"), ("Олена Гай", "PER"), ("Carlo Neri", "PER"),
    ]  # fmt: skip
    doc = _hand_built(text, cast, language=language)
    assert [(q[0], q[2]) for q in _speakers(doc)] == [("direct", entity)]


def test_adverbs_around_a_subject_are_no_part_of_it() -> None:
    # a pronoun after its naming verb is its subject, not the object before the verb
    text = "Hans Albers sprach lange.\nDie Gäste wie Jean Marot nannte er „die besten Köpfe des Landes“."
    assert [(q[0], q[3]) for q in _speakers(_hand_built(text, _CAST, language="de"))] == [
        ("direct", "pronoun")
    ]
    doc = _hand_built(text, _CAST, language="de")
    assert [q.attrs["speaker"] for q in doc.layer("quote")] == ["er"]
    # an adverb before the subject ("Then he"), or all there is between a connective and the verb
    text = "Arkady Brennan spoke.\nThen he called them “traitors”."
    assert [(q[0], q[2]) for q in _speakers(_hand_built(text, _CAST))] == [("direct", "Arkady Brennan")]
    # an adverb after the subject, in Portuguese too
    doc = _hand_built(
        "Rita Sousa também afirmou que o acordo está pronto.", [("Rita Sousa", "PER")], language="pt"
    )
    assert [q.attrs["speaker"] for q in doc.layer("quote")] == ["Rita Sousa"]
    # a relative pronoun after words of its clause: those words, not the clause before
    text = "Vera Lorand spoke.\nThe same woman who reportedly told them they were “going to die” left."
    assert [q.attrs["speaker"] for q in _hand_built(text, _CAST).layer("quote")] == ["The same woman"]
    text = "Олег Варников выступил.\nОн призвал к миру, а также пообещал, что переговоры продолжатся."
    assert [q[1:3] for q in _speakers(_hand_built(text, _CAST, language="ru"))] == [
        ("переговоры продолжатся", "Олег Варников")
    ]


def test_a_quoted_name_passes_its_speaker_on_to_the_quote_after_it() -> None:
    text = "Lena Kowal, znana ekonomistka, ostrzega w gazecie „Gazette” przed „ogromnymi stratami gospodarczymi”."
    doc = _hand_built(text, [("Lena Kowal", "PER")], language="pl")
    assert [(q[0], q[1], q[2]) for q in _speakers(doc)] == [
        ("phrase", "Gazette", None),
        ("direct", "ogromnymi stratami gospodarczymi", "Lena Kowal"),
    ]


def test_a_sentence_that_leads_to_a_quote_reports_nothing_itself() -> None:
    text = "Arkady Brennan spoke.\nHe warned the host of Radio Norda in 2021:\n“We will have to act.”"
    assert [(q[0], q[2]) for q in _speakers(_hand_built(text, _CAST))] == [("direct", "Arkady Brennan")]
    # with "that", it reports what comes before the colon
    text = "Arkady Brennan said that the plan had failed:\n“We will have to act.”"
    assert [(q[0], q[1]) for q in _speakers(_hand_built(text, _CAST))] == [
        ("reported", "the plan had failed"),
        ("direct", "We will have to act."),
    ]


def test_a_name_in_quotation_marks_names_with_the_verb_after_it() -> None:
    doc = _hand_built("„Gazette” nazwał ją „promykiem nadziei”.", _CAST, language="pl")
    assert [(q[0], q[2]) for q in _speakers(doc)] == [("phrase", None), ("direct", "Gazette")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # passives: the subject is the one named
        ("en", "Vera Lorand was described as “brilliant” by her teachers."),
        ("en", "Vera Lorand left. She was described as “brilliant” by her teachers."),
        ("en", "Arkady Brennan has been called “a traitor”."),
        ("fr", "Jean Marot a été qualifié de « traître »."),
        ("it", "Carlo Neri è stato definito «un traditore»."),
        # the verb's object is no speaker, and an "as" far from the quote is another clause
        ("en", "The festival, described as “a circus” by Vera Lorand, opens today."),
    ],
)
def test_a_passive_naming_verb_quotes_no_one(language: str, text: str) -> None:
    doc = _hand_built(text, [*_CAST, ("Carlo Neri", "PER")], language=language)
    assert [(q[0], q[2]) for q in _speakers(doc)] == [("phrase", None)]


def _turns(doc: Document) -> list[tuple[str, Any, Any]]:
    return [(q.text_in(doc), q.attrs.get("speaker_entity"), q.attrs.get("turn")) for q in doc.layer("quote")]


def test_an_interviews_answers_are_the_interviewees_and_its_questions_no_ones() -> None:
    text = (
        "Эксперт: санкции бьют по Европе\n"
        "Политолог Олег Варников в интервью «Газете» рассказал, почему Европа страдает.\n"
        "— Олег Петрович, почему Европа вводит санкции?\n"
        "— Брюссель давно утратил самостоятельность.\n"
        "— Чего ждать дальше?\n"
        "— Кризис усилится. Промышленность уходит.\n"
        "— И что тогда?\n"
        "— Тогда придётся договариваться."
    )
    doc = _hand_built(text, [*_CAST, ("Газете", "ORG")], language="ru")
    assert _turns(doc) == [
        ("Газете", None, None),
        ("Олег Петрович, почему Европа вводит санкции?", None, "question"),
        ("Брюссель давно утратил самостоятельность.", "Олег Варников", "answer"),
        ("Чего ждать дальше?", None, "question"),
        ("Кризис усилится. Промышленность уходит.", "Олег Варников", "answer"),
        ("И что тогда?", None, "question"),
        ("Тогда придётся договариваться.", "Олег Варников", "answer"),
    ]


def test_an_answer_with_the_author_s_words_is_the_interviewee_s_unless_they_name_another() -> None:
    text = (
        "Политолог Олег Варников в интервью «Газете» рассказал, почему Европа страдает.\n"
        "— Почему Европа вводит санкции?\n"
        "— Брюссель утратил самостоятельность, — добавил эксперт. — Это очевидно.\n"
        "— А что думают в Вашингтоне?\n"
        "— Мы не отступим, — ответила на это Вера Лоранд."
    )
    cast = [("Олег Варников", "PER"), ("Вера Лоранд", "PER"), ("Газете", "ORG")]
    doc = _hand_built(text, cast, language="ru")
    assert [q[1:3] for q in _speakers(doc) if q[0] == "direct"] == [
        ("Почему Европа вводит санкции?", None),
        ("Брюссель утратил самостоятельность", "Олег Варников"),
        ("Это очевидно.", "Олег Варников"),
        ("А что думают в Вашингтоне?", None),
        ("Мы не отступим", "Вера Лоранд"),
    ]


def test_labelled_questions_and_answers_are_an_interview() -> None:
    text = (
        "Economist Vera Lorand spoke to the Gazette in an interview.\n"
        "Q: Why does Europe keep imposing sanctions?\n"
        "A: Brussels lost its independence long ago.\n"
        "Q: What next?\n"
        "A: The crisis will deepen, and “nobody” will say so."
    )
    assert _turns(_hand_built(text, _CAST)) == [
        ("Why does Europe keep imposing sanctions?", None, "question"),
        ("Brussels lost its independence long ago.", "Vera Lorand", "answer"),
        ("What next?", None, "question"),
        ("The crisis will deepen, and “nobody” will say so.", "Vera Lorand", "answer"),
    ]


def test_the_interviewee_is_the_one_the_first_question_addresses() -> None:
    text = (
        "Олег Варников поговорил с Яном Гроссом в интервью для нашей газеты.\n"
        "— Ян, что будет с ценами?\n"
        "— Они вырастут."
    )
    doc = _hand_built(text, [("Олег Варников", "PER"), ("Яном Гроссом", "PER")], language="ru",
                      attrs={"Яном Гроссом": {"normal": "Ян Гросс"}})  # fmt: skip
    assert [t[1:] for t in _turns(doc)] == [(None, "question"), ("Ян Гросс", "answer")]


def test_dialogue_with_no_interview_word_before_it_is_no_interview() -> None:
    text = "Олег Варников встретил соседа у подъезда.\n— Что случилось?\n— Трубу прорвало."
    doc = _hand_built(text, _CAST, language="ru")
    assert [t[1:] for t in _turns(doc)] == [(None, None), (None, None)]


def test_a_naming_participle_without_a_comma_quotes_no_one() -> None:
    doc = _hand_built("Arkady Brennan left a group calling itself “Open Border” in May.", _CAST)
    assert [(q[0], q[2]) for q in _speakers(doc)] == [("phrase", None)]


def test_a_passive_speech_verb_reports_no_one() -> None:
    # The subject of a passive did not say it ("it was announced", "she was told"); a
    # participle after "is" is no passive.
    for text in (
        "Vera Lorand left the room after it was announced that the talks had failed.",
        "Arkady Brennan made his clarification after it was pointed out the vote was over.",
        "Vera Lorand was told that the talks had failed.",
    ):
        assert _speakers(_hand_built(text, _CAST)) == [], text
    doc = _hand_built("Vera Lorand is saying that the talks have failed.", _CAST)
    assert [q[:3] for q in _speakers(doc)] == [("reported", "the talks have failed", "Vera Lorand")]


def test_a_preposition_after_the_verb_opens_no_reported_clause() -> None:
    # "wrote in a column" is where, not what: neither "a column ..." nor "his piece" was said;
    # and after a verb that takes an object, "a photo" opens no clause
    for text in (
        "Arkady Brennan wrote in a column for the Gazette about the elections.",
        "Vera Lorand commented in his piece on the vote.",
        "On Friday, Arkady Brennan tweeted a photo from inside the hospital.",
    ):
        assert [q for q in _speakers(_hand_built(text, _CAST)) if q[0] == "reported"] == []


def test_a_paragraph_all_quote_continues_the_speaker_of_the_paragraph_before() -> None:
    text = (
        "“We have a clear chance to leave on 29 March,” Vera Lorand said.\n"
        "“The pressure from members is to kill off this deal, not support it.”\n"
        "Arkady Brennan disagreed and left the meeting early on Friday, as many expected he would.\n"
        "“Nobody will vote for it.”"
    )
    assert [(q[1], q[2]) for q in _speakers(_hand_built(text, _CAST))] == [
        ("We have a clear chance to leave on 29 March,", "Vera Lorand"),
        ("The pressure from members is to kill off this deal, not support it.", "Vera Lorand"),
        ("Nobody will vote for it.", None),  # the paragraph before has no quote of its own
    ]
    # a paragraph that does more than quote, or a quote before a longer paragraph tail, does not
    text = (
        "“We have a clear chance to leave on 29 March,” Vera Lorand said. The vote is on Tuesday.\n"
        "“The pressure from members is to kill off this deal, not support it.”"
    )
    assert [q[2] for q in _speakers(_hand_built(text, _CAST))] == ["Vera Lorand", None]
    # a long attribution that opens with the speaker, and whose description holds a naming verb
    text = (
        "“The port will open in spring,” said Vera Lorand, a retired engineer and keen sailor who called "
        "the plan a turning point, much like the strike of her youth in the north.\n"
        "“I hope it is a turning point.”"
    )
    assert [q[2] for q in _speakers(_hand_built(text, _CAST))] == ["Vera Lorand", "Vera Lorand"]
    # ... up to a point: a paragraph that tells so much more is the author's story
    text = (
        "“The port will open in spring,” Vera Lorand said on Monday at the long meeting of the city council "
        "in the old hall by the river, where the mayor and his deputies had spent the whole week in "
        "talks with the unions.\n"
        "“I hope it is a turning point.”"
    )
    assert [q[2] for q in _speakers(_hand_built(text, _CAST))] == ["Vera Lorand", None]


@pytest.mark.parametrize(
    ("language", "text", "entity"),
    [
        ("en", "Arkady Brennan conceded that “the talks had never been on the table”.", "Arkady Brennan"),
        ("fr", "« Cela pourrait abaisser l'inflation de quelques dixièmes », calcule Jean Marot.", "Jean Marot"),
        ("fr", "« Personne n'a négocié avec eux », a lancé Jean Marot.", "Jean Marot"),
        ("it", "Vera Lorand annuncia il dramma: “Prepararsi al taglio totale delle forniture”.", "Vera Lorand"),
        ("ru", "Олег Варников пообещал: «Мы ответим на каждый удар».", "Олег Варников"),
        # the imperfective past: said more than once, or at length
        ("ru", "Олег Варников призывал помочь беженцам:\n«Особое внимание следует уделять людям, которые прибывают».",
         "Олег Варников"),
    ],
)  # fmt: skip
def test_more_speech_verbs(language: str, text: str, entity: str) -> None:
    assert [q[2] for q in _speakers(_hand_built(text, _CAST, language=language))] == [entity]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("it", "“Non lasceremo nessuno indietro – dichiara Jean Marot – e apriremo le scuole.”", "Jean Marot"),
        ("it", "“Nessuno può dirlo – concludono gli autori dello studio –, ma la tendenza è chiara.”", None),
        ("fr", "Le ministre Jean Marot était à Lyon.\n« Nous irons – a ajouté le ministre – jusqu'au bout de ce chemin. »", "Jean Marot"),
        ("es", "«Vamos a ganar – dijo Vera Lorand – y lo sabemos todos muy bien.»", "Vera Lorand"),
        ("ru", "«Мы ответим на каждый удар, — заявил Олег Варников, — и очень скоро».", "Олег Варников"),
    ],
)  # fmt: skip
def test_an_attribution_set_off_by_dashes_inside_the_quote(
    language: str, text: str, speaker: str | None
) -> None:
    ((label, _, entity, how),) = _speakers(_hand_built(text, _CAST, language=language))
    assert (label, entity) == ("direct", speaker)
    assert how in (("phrase",) if speaker is None else ("entity", "name"))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "«Il piano è un buon inizio», ha detto la segretaria della Cgil lombarda, Vera Lorand."),
        ("fr", "« C'est un bon début », a déclaré la secrétaire de la CGT, Vera Lorand."),
        (
            "it",
            "“Il piano è un buon inizio – spiega la segretaria della Cgil, Vera Lorand – ma servono fondi.”",
        ),
    ],
)
def test_the_name_after_the_title_of_the_subject_after_the_verb_speaks(language: str, text: str) -> None:
    # not the organisation in the title
    cast = [*_CAST, ("Cgil", "ORG"), ("CGT", "ORG")]
    assert [q[2] for q in _speakers(_hand_built(text, cast, language=language))] == ["Vera Lorand"]


@pytest.mark.parametrize(
    "text",
    [
        "“Non lasceremo nessuno indietro – come dice il proverbio – e apriremo le scuole.”",  # no verb after it
        "“Non lasceremo nessuno indietro – dichiara Jean Marot, e apriremo le scuole entro giugno.”",  # no dash closes it
    ],
)
def test_no_attribution_inside_a_quote_where_no_dashes_set_it_off(text: str) -> None:
    assert [q[2] for q in _speakers(_hand_built(text, _CAST, language="it"))] == [None]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Jean Marot è stato eletto.\nE ci spiegano che il porto resterà chiuso."),
        ("ru", "Олег Варников прибыл в Москву.\n«Мы готовы ко всему», — заявили там."),
        ("pt", "Clara Nunes chegou a Lisboa.\n«Estamos prontos para tudo», dizem."),
    ],
)
def test_a_verb_in_the_plural_that_left_out_its_subject_is_no_ones_named_before(
    language: str, text: str
) -> None:
    assert all(
        q[2] is None
        for q in _speakers(_hand_built(text, [*_CAST, ("Clara Nunes", "PER")], language=language))
    )


def test_a_russian_verb_in_the_imperfective_reports_speech() -> None:
    reported = _speakers(_hand_built("Олег Варников не раз заявлял, что порт откроется весной.", _CAST, "ru"))
    assert reported == [("reported", "порт откроется весной", "Олег Варников", "entity")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Правительство не раз подчеркивало, что порт откроется весной.",
            "Правительство",
        ),  # an adverb of two words
        (
            "Когда рыбаки говорили, что порт закрыт, никто не спорил.",
            "рыбаки",
        ),  # a conjunction opens the clause
    ],
)
def test_the_words_of_a_russian_speaker_leave_out_adverbs_and_conjunctions(text: str, speaker: str) -> None:
    doc = _hand_built(text, _CAST, language="ru")
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == [speaker]


def test_a_relative_before_an_adverb_of_two_words_stands_for_the_person_before_it() -> None:
    text = "Wspomniał rozmowę z Janem Nowakiem, który z kolei mówił o „nowych planach dla portu”."
    doc = _hand_built(
        text, [("Janem Nowakiem", "PER")], language="pl", attrs={"Janem Nowakiem": {"normal": "Jan Nowak"}}
    )
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Jan Nowak"]


def test_a_quoted_name_that_labels_the_line_after_it_is_no_ones_quote() -> None:
    # an interviewer's label, the outlet's name in quotation marks, before a dash of dialogue
    text = "Это было ясно всем.\n\n«Радио»: — Олег Варников не раз говорил, что порт закрыт. Что вы думаете?"
    labels = [(q[0], q[1], q[2]) for q in _speakers(_hand_built(text, _CAST, language="ru"))]
    assert labels[:1] == [("phrase", "Радио", None)]
    # a headline's quote before its speaker is no label
    text = "«Ни шагу назад, ни слова лжи»: Олег Варников прокомментировал решение суда"
    assert [q[2] for q in _speakers(_hand_built(text, _CAST, language="ru"))] == ["Олег Варников"]


def test_a_verb_joined_by_and_keeps_the_subject_of_the_reported_clause() -> None:
    text = (
        "Vera Lorand said the alliance had started the process, and confirmed Warsaw is ready to start "
        "“immediately after the signature of the treaty”."
    )
    assert [q[:3] for q in _speakers(_hand_built(text, _CAST)) if q[0] == "direct"] == [
        ("direct", "immediately after the signature of the treaty", "Vera Lorand")
    ]


def test_a_quote_in_a_that_clause_set_apart_from_its_verb() -> None:
    text = (
        "The Gazette noted in its report, for example, that Brennan was “caught buying votes in three towns”."
    )
    assert _speakers(_hand_built(text, _CAST)) == [
        ("direct", "caught buying votes in three towns", "Gazette", "entity")
    ]
    # ... and a later verb that reports the clause holding the quote is its own
    text = (
        "Vera Lorand added her voice to the pleas, saying that the deal can “give us everything we wanted”."
    )
    assert [q[:3] for q in _speakers(_hand_built(text, _CAST))] == [
        ("direct", "give us everything we wanted", "Vera Lorand")
    ]


@pytest.mark.parametrize(
    ("language", "text", "content", "how", "entity"),
    [
        ("ru", "Олег Варников выступил в Думе.\nПо его словам, первые поставки начнутся в сентябре.",
         "первые поставки начнутся в сентябре", "pronoun", "Олег Варников"),
        ("uk", "Ліна Бергер виступила в Києві.\nЗа її словами, банк розглядає нові проєкти.",
         "банк розглядає нові проєкти", "pronoun", "Ліна Бергер"),
        ("pl", "Jan Nowak przemawiał w Sejmie.\nPorty obniżają opłaty, jego zdaniem.",
         "Porty obniżają opłaty", "pronoun", "Jan Nowak"),
        ("fr", "Jean Marot a parlé lundi.\nLes négociations ont échoué, selon lui.",
         "Les négociations ont échoué", "pronoun", "Jean Marot"),
        ("ru", "Банкиры собрались в Москве.\nПо их словам, кредиты подорожают.",
         "кредиты подорожают", "group", None),
    ],
)  # fmt: skip
def test_a_lead_with_a_pronoun_inside_names_the_person_it_stands_for(
    language: str, text: str, content: str, how: str, entity: str | None
) -> None:
    names = [("Олег Варников", "PER"), ("Ліна Бергер", "PER"), ("Jan Nowak", "PER"), ("Jean Marot", "PER")]
    doc = _hand_built(text, names, language=language)
    (q,) = doc.layer("quote")
    assert (q.label, q.text_in(doc), q.attrs["speaker_how"], q.attrs["speaker_entity"]) == (
        "reported",
        content,
        how,
        entity,
    )
    # the speaker's words are the pronoun, not the whole lead
    assert speaker_of(doc, q) in ("его", "її", "jego", "lui", "их")


@pytest.mark.parametrize(
    ("language", "text", "added"),
    [
        ("en", "“We see the same threat,” Vera Lorand said, adding that Warsaw would host the talks.",
         "Warsaw would host the talks"),
        ("ru", "«Мы видим ту же угрозу», — сказал Олег Варников, добавив, что переговоры пройдут в Минске.",
         "переговоры пройдут в Минске"),
        # a verb joined by "and" right after the quote shares the speaker before it
        ("en", "Vera Lorand accused the bank of “stealing our future” and said the fund would be closed.",
         "the fund would be closed"),
        ("en", "Vera Lorand accused the bank of “stealing our future” and also warned that it would pay.",
         "it would pay"),
        ("ru", "Олег Варников обвинил банк в «краже будущего» и заявил, что фонд закроют.", "фонд закроют"),
    ],
)  # fmt: skip
def test_what_a_quotes_speaker_adds_after_it_is_theirs_too(language: str, text: str, added: str) -> None:
    doc = _hand_built(text, [("Vera Lorand", "PER"), ("Олег Варников", "PER")], language=language)
    speaker = "Vera Lorand" if language == "en" else "Олег Варников"
    assert [(q.label, q.attrs["speaker_entity"]) for q in doc.layer("quote")] == [
        ("direct", speaker),
        ("reported", speaker),
    ]
    assert doc.layer("quote")[1].text_in(doc) == added
    # before the quote, the attribution adds nothing of the quote's: 'X said, adding that: “...”'
    text = "Vera Lorand spoke on Monday, adding that “the talks are over for good.”"
    assert [q.label for q in _hand_built(text, [("Vera Lorand", "PER")]).layer("quote")] == ["direct"]
    # another subject after "and" says its own words
    text = "Vera Lorand accused the bank of “stealing our future” and the bank said nothing."
    assert [q.label for q in _hand_built(text, [("Vera Lorand", "PER")]).layer("quote")] == ["direct"]


def test_a_platform_after_a_preposition_is_where_it_was_said_not_who_said_it() -> None:
    text = "“The talks are over,” Arkady Brennan, an adviser to Vera Lorand, wrote on Twitter."
    entities = [("Arkady Brennan", "PER"), ("Vera Lorand", "PER"), ("Twitter", "ORG")]
    doc = _hand_built(text, entities, attrs={"Twitter": {"organisation": "Twitter"}})
    assert _speakers(doc) == [("direct", "The talks are over,", "Arkady Brennan", "entity")]
    text = "Vera Lorand spoke on Monday. “The talks are over,” she wrote on Telegram."
    doc = _hand_built(
        text, [("Vera Lorand", "PER"), ("Telegram", "ORG")], attrs={"Telegram": {"organisation": "Telegram"}}
    )
    assert _speakers(doc) == [("direct", "The talks are over,", "Vera Lorand", "pronoun")]


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Vera Lorand met the bankers. “We disagree,” they wrote in a note.", "en", "they"),
        ("The agency met on Monday. “Aid is running out,” it added.", "en", "it"),
        ("“Some scientists think”, we wrote, as if that settled it.", "en", "we"),
        ("The bankers met on Monday. The talks were over, according to them.", "en", "them"),
        ("Вера Лоранд встретилась с банкирами. «Мы не согласны», — заявили они.", "ru", "они"),
    ],
)
def test_a_pronoun_that_stands_for_no_one_person_names_no_speaker(
    text: str, language: str, speaker: str
) -> None:
    doc = _hand_built(text, [("Vera Lorand", "PER")] if "Vera" in text else [], language=language)
    (q,) = doc.layer("quote")
    assert (speaker_of(doc, q), q.attrs["speaker_entity"], q.attrs["speaker_how"]) == (speaker, None, "group")
    # A person's pronoun still stands for the person.
    text = "Vera Lorand met the bankers. “We disagree,” she wrote in a note."
    (q,) = _hand_built(text, [("Vera Lorand", "PER")]).layer("quote")
    assert (q.attrs["speaker_entity"], q.attrs["speaker_how"]) == ("Vera Lorand", "pronoun")
    text = "Arkady Brennan met the bankers. The talks were over, according to him."
    (q,) = _hand_built(text, [("Arkady Brennan", "PER")]).layer("quote")
    assert (q.attrs["speaker_entity"], q.attrs["speaker_how"]) == ("Arkady Brennan", "pronoun")


@pytest.mark.slow
def test_russian_verb_endings_show_gender(analyze: Analyze) -> None:
    # заявила / сказал agree with the names next to them; "добавила" (with "она" or with its
    # subject left out) is then Маркова's, though Лорандов was named last.
    for tail in ("— добавила она.", "— добавила."):
        text = (
            "Елена Маркова заявила, что переговоры зашли в тупик. "
            "Министр Виктор Лорандов сказал, что ждёт новых предложений. "
            f"«Мы не отступим», {tail}"
        )
        doc = analyze(text, language="ru", published=PUBLISHED)
        direct = [q for q in doc.layer("quote") if q.label == "direct"]
        assert [(q.text_in(doc), q.attrs["speaker_entity"]) for q in direct] == [
            ("Мы не отступим", "Елена Маркова")
        ], tail


@pytest.mark.slow
def test_what_a_speaker_calls_something_is_their_quote(analyze: Analyze) -> None:
    text = "The ministers met to discuss what Secretary Viktor Lorand called “an unprecedented hybrid war”."
    doc = analyze(text, language="en", published=PUBLISHED)
    assert_one_quote(
        doc, "direct", "an unprecedented hybrid war", ("Viktor Lorand", "Viktor Lorand", "entity", "called")
    )
    # The thing named is no speaker: a short quote after it stays a phrase.
    text = "Arkady Brennan founded a group called “Open Border” in Geneva."
    doc = analyze(text, language="en", published=PUBLISHED)
    assert [(q.label, q.text_in(doc)) for q in doc.layer("quote")] == [("phrase", "Open Border")]


@pytest.mark.slow
def test_a_naming_verb_that_lists_quotes_no_one(analyze: Analyze) -> None:
    # "назвал имена" is "named the names of": the scare-quoted «экспертов» is part of the list.
    listed = "Секретарь Совбеза Ирина Коваль назвала имена западных «экспертов», которые работают на Лондон."
    called = "Секретарь Совбеза Ирина Коваль назвала это «информационной войной»."
    kinds = [
        [(q.label, q.attrs.get("speaker_entity")) for q in analyze(text, language="ru").layer("quote")]
        for text in (listed, called)
    ]
    assert kinds == [[("phrase", None)], [("direct", "Ирина Коваль")]]


@pytest.mark.slow
def test_russian_pronoun_speaker(analyze: Analyze) -> None:
    text = (
        "Глава МИД Елена Маркова выступила на брифинге в Москве. "
        "«Это „так называемые“ гарантии безопасности, которые никому не нужны», — отметила она."
    )
    doc = analyze(text, language="ru", published=PUBLISHED)
    (q,) = doc.layer("quote")
    assert q.text_in(doc) == "Это „так называемые“ гарантии безопасности, которые никому не нужны"
    assert (q.attrs["speaker"], q.attrs["speaker_how"], q.attrs["speaker_entity"]) == (
        "она",
        "pronoun",
        "Елена Маркова",
    )
    assert q.attrs["cue"] == "отметила"


@pytest.mark.slow
def test_russian_pronoun_ignores_a_name_inside_the_quote(analyze: Analyze) -> None:
    text = (
        "Елена Маркова выступила на брифинге. "
        "«Мы обсудили это с Виктором Лорандовым ещё вчера», — отметила она."
    )
    doc = analyze(text, language="ru", published=PUBLISHED)
    assert quotes(doc) == [("direct", "Мы обсудили это с Виктором Лорандовым ещё вчера", "Елена Маркова")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "content", "speaker", "entity", "cue"),
    [
        (
            "Как заявил министр обороны Виктор Лорандов, «учения носят исключительно оборонительный характер».",
            "учения носят исключительно оборонительный характер",
            "Виктор Лорандов",
            "Виктор Лорандов",
            "заявил",
        ),
        (
            "По словам Елены Марковой, «учения носят исключительно оборонительный характер».",
            "учения носят исключительно оборонительный характер",
            "Елены Марковой",
            "Елена Маркова",
            "По словам",
        ),
        (
            "«Наше терпение не безгранично», — заявил полковник Аркадий Бреннов.",
            "Наше терпение не безгранично",
            "Аркадий Бреннов",
            "Аркадий Бреннов",
            "заявил",
        ),
    ],
)
def test_russian_direct_quotes(
    analyze: Analyze, text: str, content: str, speaker: str, entity: str, cue: str
) -> None:
    doc = analyze(text, language="ru", published=PUBLISHED)
    assert_one_quote(doc, "direct", content, (speaker, entity, "entity", cue))


@pytest.mark.slow
def test_quote_alone_after_a_paragraph_ending_with_a_colon(analyze: Analyze) -> None:
    text = "Министр обороны Виктор Лорандов сообщил журналистам:\n«Учения были запланированы задолго до кризиса»."
    doc = analyze(text, language="ru", published=PUBLISHED)
    assert quotes(doc) == [("direct", "Учения были запланированы задолго до кризиса", "Виктор Лорандов")]
    assert doc.layer("quote")[0].attrs["cue"] == "сообщил"


@pytest.mark.slow
def test_unnamed_speaker_is_the_phrase_before_the_verb(analyze: Analyze) -> None:
    text = "“The exercises near the border were planned long ago,” the ministry said in a statement."
    doc = analyze(text, language="en", published=PUBLISHED)
    (q,) = doc.layer("quote")
    assert q.label == "direct"
    assert (q.attrs["speaker"], q.attrs["speaker_how"], q.attrs["speaker_entity"]) == (
        "the ministry",
        "phrase",
        None,
    )
    assert speaker_of(doc, q) == "the ministry"


@pytest.mark.slow
def test_multi_paragraph_quote_is_one_attributed_span(analyze: Analyze) -> None:
    text = (
        "Arkady Brennan spoke to journalists in Vienna.\n"
        "He said: “The first stage of the talks is over.\n"
        "“The second stage will begin in July.”\n"
        "The talks resumed later."
    )
    doc = analyze(text, language="en", published=PUBLISHED)
    (q,) = doc.layer("quote")
    assert q.text_in(doc) == "The first stage of the talks is over.\n“The second stage will begin in July."
    assert (q.attrs["speaker"], q.attrs["speaker_how"], q.attrs["speaker_entity"]) == (
        "He",
        "pronoun",
        "Arkady Brennan",
    )


@pytest.mark.slow
def test_unclosed_quote_ends_with_its_paragraph(analyze: Analyze) -> None:
    text = (
        "Arkady Brennan spoke to journalists.\n"
        "He said: “The first stage of the talks is over.\n"
        "The second paragraph never re-opens the quote, and later “show of force” was mentioned.\n"
        "Viktor Lorand warned that the talks could collapse."
    )
    doc = analyze(text, language="en", published=PUBLISHED)
    spans = doc.layer("quote")
    assert all("\n" not in q.text_in(doc) for q in spans)
    assert [(q.label, q.text_in(doc), q.attrs.get("speaker_entity")) for q in spans] == [
        ("direct", "The first stage of the talks is over.", "Arkady Brennan"),
        ("phrase", "show of force", None),
        ("reported", "the talks could collapse", "Viktor Lorand"),
    ]


@pytest.mark.slow
def test_quote_left_open_goes_on_after_a_caption(analyze: Analyze) -> None:
    # A scraped tabloid page: the quote re-opens at each paragraph, closes only after the
    # last, and a picture's caption (no full stop) stands in the middle of it.
    text = (
        "Professor Helena Varga said: 'Our survey shows the members want a second vote.\n"
        "Party leader Tom Reyes (pictured at the conference) has been resisting calls for a referendum\n"
        "'It also suggests the voters are in the same camp.\n"
        "'The pressure on the leader will only grow.'\n"
        "Viktor Lorand, a party donor, disagreed.\n"
        "'The members are wrong.'\n"
        "The vote was held in a hall in Leeds.\n"
        "'Nobody came.'"
    )
    doc = analyze(text, language="en", published=PUBLISHED)
    assert [(q.text_in(doc)[:20], q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        ("Our survey shows the", "Helena Varga"),
        ("It also suggests the", "Helena Varga"),
        ("The members are wron", None),  # after a sentence with a full stop: not hers
        ("Nobody came.", None),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language", "content", "speaker", "entity", "cue"),
    [
        (
            "Foreign Ministry spokeswoman Maria Zorina warned that the deployment would undermine regional security.",
            "en",
            "the deployment would undermine regional security",
            "Maria Zorina",
            "Maria Zorina",
            "warned",
        ),
        (
            "According to Viktor Lorand, the exercises were planned long ago.",
            "en",
            "the exercises were planned long ago",
            "Viktor Lorand",
            "Viktor Lorand",
            "according to",
        ),
        (
            "The exercises were planned long ago, according to Viktor Lorand.",
            "en",
            "The exercises were planned long ago",
            "Viktor Lorand",
            "Viktor Lorand",
            "according to",
        ),
        # a source that reports what someone named said ("according to the agency") is not the speaker
        (
            "Viktor Lorand said the exercises were planned long ago, according to the state agency.",
            "en",
            "the exercises were planned long ago",
            "Viktor Lorand",
            "Viktor Lorand",
            "said",
        ),
        # ... but not words in lower case that a verb of the clause gives
        (
            "Rich nations punish their activists, while criticizing poorer states for it, according to Viktor Lorand.",
            "en",
            "Rich nations punish their activists, while criticizing poorer states for it",
            "Viktor Lorand",
            "Viktor Lorand",
            "according to",
        ),
        (
            "Viktor Lorand told the court, according to the agency, that the drills were planned long ago.",
            "en",
            "the drills were planned long ago",
            "Viktor Lorand",
            "Viktor Lorand",
            "told",
        ),
        (
            "Viktor Lorand said that the drills, according to the agency, were planned long ago.",
            "en",
            "the drills, according to the agency, were planned long ago",
            "Viktor Lorand",
            "Viktor Lorand",
            "said",
        ),
        (
            "Как сообщало агентство ТАСС, вице-премьер Ирина Коваль заявила, что порт откроется весной.",
            "ru",
            "порт откроется весной",
            "Ирина Коваль",
            "Ирина Коваль",
            "заявила",
        ),
        (
            "Секретарь Совета безопасности Олег Варников заявил, что Запад готовит новую провокацию.",
            "ru",
            "Запад готовит новую провокацию",
            "Олег Варников",
            "Олег Варников",
            "заявил",
        ),
        (
            "По словам Елены Марковой, развертывание подрывает региональную безопасность.",
            "ru",
            "развертывание подрывает региональную безопасность",
            "Елены Марковой",
            "Елена Маркова",
            "по словам",
        ),
        (
            "Учения были запланированы заранее, по словам Виктора Лорандова.",
            "ru",
            "Учения были запланированы заранее",
            "Виктора Лорандова",
            "Виктор Лорандов",
            "по словам",
        ),
    ],
)
def test_reported_speech(
    analyze: Analyze, text: str, language: str, content: str, speaker: str, entity: str, cue: str
) -> None:
    doc = analyze(text, language=language, published=PUBLISHED)
    assert_one_quote(doc, "reported", content, (speaker, entity, "entity", cue))


@pytest.mark.slow
def test_a_source_lead_ending_in_a_colon_names_the_speaker(analyze: Analyze) -> None:
    doc = analyze('According to Viktor Lorand: "The drills were planned long ago."', language="en")
    content = "The drills were planned long ago."
    assert_one_quote(doc, "direct", content, ("Viktor Lorand", "Viktor Lorand", "entity", "according to"))


@pytest.mark.slow
def test_direct_quote_of_a_named_speaker_reported_by_a_source_is_the_speakers(analyze: Analyze) -> None:
    text = 'Viktor Lorand said "the exercises were planned long ago", according to the state agency.'
    doc = analyze(text, language="en", published=PUBLISHED)
    content = "the exercises were planned long ago"
    assert_one_quote(doc, "direct", content, ("Viktor Lorand", "Viktor Lorand", "entity", "said"))
    # with no one named before the quote, the source is all the article gives
    doc = analyze(f'"{content}," according to the state agency.', language="en", published=PUBLISHED)
    ((q,),) = [doc.layer("quote")]
    assert q.attrs["speaker"] == "the state agency"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language", "phrase"),
    [
        ("The so-called “peacekeepers” arrived in the region on Tuesday.", "en", "peacekeepers"),
        ("Так называемые «миротворцы» вошли в регион во вторник.", "ru", "миротворцы"),
        ("Брюссель снова заговорил о «европейских ценностях».", "ru", "европейских ценностях"),
    ],
)
def test_scare_quotes_are_phrases_without_speaker(
    analyze: Analyze, text: str, language: str, phrase: str
) -> None:
    doc = analyze(text, language=language, published=PUBLISHED)
    (q,) = doc.layer("quote")
    assert (q.label, q.text_in(doc), q.start) == ("phrase", phrase, text.index(phrase))
    assert q.attrs == {}


@pytest.mark.parametrize(
    ("language", "text", "title"),
    [
        ("pl", "W filmie „Ostatni port – opowieść z północy” Jan Nowak pokazał swoje stanowisko.", "Ostatni port – opowieść z północy"),
        ("en", "The documentary “Under the Northern Sun Again” was shown on Monday.", "Under the Northern Sun Again"),
        ("ru", "В книге «Как мы потеряли север и юг» Олег Варников описал всё.", "Как мы потеряли север и юг"),
        ("it", "Lo scrive Jean Marot nell’articolo “Il porto del nord e i suoi segreti”.",
         "Il porto del nord e i suoi segreti"),
    ],
)  # fmt: skip
def test_a_works_title_is_a_phrase_whatever_its_length(language: str, text: str, title: str) -> None:
    assert _speakers(_hand_built(text, _CAST, language=language)) == [("phrase", title, None, None)]
    # what someone says of the work is their quote
    said = _hand_built("Vera Lorand said: “The film changed my mind completely.”", _CAST)
    assert [q[0] for q in _speakers(said)] == ["direct"]


@pytest.mark.slow
def test_sentence_with_a_direct_quote_is_not_also_reported(analyze: Analyze) -> None:
    text = "Viktor Lorand said that “the exercises near the border were planned long ago”."
    doc = analyze(text, language="en", published=PUBLISHED)
    assert [q.label for q in doc.layer("quote")] == ["direct"]


# -- title phrases, documents and speaker lines, with the pipeline's own entities -------------


@pytest.mark.slow
def test_title_phrase_speaker_is_not_replaced_by_the_organisation_in_it(analyze: Analyze) -> None:
    text = "As the director of the Russian FSB said, the agents were detained near the border."
    doc = analyze(text, language="en", published=PUBLISHED)
    assert_one_quote(
        doc,
        "reported",
        "the agents were detained near the border",
        ("the director of the Russian FSB", None, "phrase", "said"),
    )


@pytest.mark.slow
def test_document_source_is_not_a_speaker(analyze: Analyze) -> None:
    text = "According to the reports made at the meeting, the grain deal will not be extended."
    doc = analyze(text, language="en", published=PUBLISHED)
    assert_one_quote(
        doc,
        "reported",
        "the grain deal will not be extended",
        ("the reports made at the meeting", None, "document", "according to"),
    )


@pytest.mark.parametrize(
    ("text", "language", "issuer"),
    [
        # a document's issuer, named after it or before by what it is, is the speaker's entity
        ("According to a report by Norda Bank, the economy grew.", "en", "Norda Bank"),
        (
            "Der Bundesverband tagte.\nLaut einer Mitteilung des Verbandes leiden kleine Betriebe.",
            "de",
            "Bundesverband",
        ),
        ("Согласно докладу Norda Bank, экономика выросла.", "ru", "Norda Bank"),
        ("According to the report, the economy grew.", "en", None),
        # ... not a name in a clause about the document
        ("Selon un rapport dont Norda Bank publie des extraits, l'agence a menti.", "fr", None),
    ],
)
def test_a_document_s_issuer_is_the_speaker_s_entity(text: str, language: str, issuer: str | None) -> None:
    doc = _hand_built(text, [("Norda Bank", "ORG"), ("Bundesverband", "ORG")], language=language)
    ((label, _, entity, how),) = _speakers(doc)
    assert (label, entity, how) == ("reported", issuer, "document")


@pytest.mark.slow
def test_speaker_line_makes_the_next_paragraph_a_quote(analyze: Analyze) -> None:
    text = (
        "The talks in Geneva ended late on Tuesday.\n"
        "Arkady Brennan, head of the delegation:\n"
        "Nobody in Geneva expected a breakthrough this week.\n"
        "The delegations left on Wednesday."
    )
    doc = analyze(text, language="en", published=PUBLISHED)
    assert_one_quote(
        doc,
        "direct",
        "Nobody in Geneva expected a breakthrough this week.",
        ("Arkady Brennan", "Arkady Brennan", "entity", ":"),
    )


@pytest.mark.parametrize(
    ("language", "text", "entities", "speakers"),
    [
        # An organisation named in full, then by what it is: its later words are its own.
        (
            "en",
            "The Foreign Ministry of Veldia said on Tuesday that the sanctions were unlawful.\n"
            "The ministry added that Veldia would respond in kind.",
            [("Foreign Ministry of Veldia", "ORG")],
            [
                ("reported", "the sanctions were unlawful", "Foreign Ministry of Veldia", "entity"),
                ("reported", "Veldia would respond in kind", "Foreign Ministry of Veldia", "name"),
            ],
        ),
        # The nearest organisation of that kind, not the first one named.
        (
            "en",
            "The Interior Ministry and the Norda Agency met on Monday.\n"
            "Later the Health Ministry said that the clinics were full.\n"
            "The ministry warned that more patients were coming.",
            [("Interior Ministry", "ORG"), ("Norda Agency", "ORG"), ("Health Ministry", "ORG")],
            [
                ("reported", "the clinics were full", "Health Ministry", "entity"),
                ("reported", "more patients were coming", "Health Ministry", "name"),
            ],
        ),
        # An inflected form (Russian) and a compound (German) name the same kind.
        (
            "ru",
            "Министерство обороны Вельдии провело учения.\nВ министерстве заявили, что учения завершены.",
            [("Министерство обороны Вельдии", "ORG")],
            [("reported", "учения завершены", "Министерство обороны Вельдии", "name")],
        ),
        (
            "de",
            "Das Verteidigungsministerium kündigte neue Übungen an.\n"
            "Das Ministerium erklärte, dass die Übungen rein defensiv seien.",
            [("Verteidigungsministerium", "ORG")],
            [("reported", "die Übungen rein defensiv seien", "Verteidigungsministerium", "name")],
        ),
    ],
)
def test_an_organisation_called_by_its_kind_speaks(
    language: str, text: str, entities: list[tuple[str, str]], speakers: list[tuple[str, str, str, str]]
) -> None:
    doc = _hand_built(text, entities, language=language)
    assert _speakers(doc) == speakers


@pytest.mark.parametrize(
    "text",
    [
        # A person's title is not the organisation ("minister" is not "ministry").
        "The Foreign Ministry of Veldia met on Tuesday.\nThe minister said that the sanctions were unlawful.",
        # No organisation of that kind named before: the phrase stays the speaker.
        "The agency said that the sanctions were unlawful.\nThe Foreign Ministry of Veldia agreed.",
        # A longer phrase is a title or a description, not an organisation by its kind.
        "The Foreign Ministry of Veldia met.\nA source close to the ministry said that talks failed.",
    ],
)
def test_a_phrase_that_is_no_organisation_by_its_kind_stays_unlinked(text: str) -> None:
    doc = _hand_built(text, [("Foreign Ministry of Veldia", "ORG")])
    assert [(q.label, q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [("reported", None)]


@pytest.mark.parametrize(
    ("language", "text", "organisation"),
    [
        # The last word of a Romance phrase is often an adjective, not its noun.
        (
            "fr",
            "Le Croissant-Rouge palestinien a publié un bilan.\n"
            "La présidence palestinienne a déclaré que la situation était grave.",
            "Croissant-Rouge palestinien",
        ),
        # A person's kind that shares a stem with a word of the name, not an inflection of it.
        (
            "ru",
            "Сотрудник Вельдского института истории выступил вчера.\nИсторик напомнил, что город основан давно.",
            "Вельдского института истории",
        ),
    ],
)
def test_an_adjective_or_a_look_alike_word_names_no_organisation(
    language: str, text: str, organisation: str
) -> None:
    doc = _hand_built(text, [(organisation, "ORG")], language=language)
    assert [(q.label, q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [("reported", None)]


def test_dialogue_after_a_dash_is_direct_speech() -> None:
    # Russian news prints direct speech as a paragraph opened by a dash; the author's words
    # follow a comma and a dash, and speech may resume after them.
    text = (
        "Олег Варников провёл совещание.\n"
        "— Мы не позволим никому угрожать нашей стране, — заявил Олег Варников. — Россия — великая страна!\n"
        "— Это «провокация» Запада, — добавил он."
    )
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    assert [q[:3] for q in _speakers(doc)] == [
        ("direct", "Мы не позволим никому угрожать нашей стране", "Олег Варников"),
        ("direct", "Россия — великая страна!", "Олег Варников"),
        ("direct", "Это «провокация» Запада", "Олег Варников"),
    ]


def test_dialogue_inside_a_paragraph_needs_the_author_s_words() -> None:
    # Speech after a dash may follow the author's introduction in the same paragraph; there a
    # dash after a sentence opens speech only where the author's words follow it.
    text = (
        "Олег Варников провёл совещание. — Мы не позволим угрожать стране, — заявил Олег Варников."
        " — Россия готова, — добавил он. — Точка."
    )
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    assert [q[:3] for q in _speakers(doc)] == [
        ("direct", "Мы не позволим угрожать стране", "Олег Варников"),
        ("direct", "Россия готова", "Олег Варников"),
        ("direct", "Точка.", "Олег Варников"),
    ]
    text = "Россия готова к диалогу. — Но не на таких условиях. Это всё."
    assert _speakers(_hand_built(text, [], language="ru")) == []
    # a dash in brackets or in a quote is a note, not speech
    text = "Он написал: «Выбора нет, треба (нужно. — О. П.)», — сказал Олег Варников."
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    assert [q[:3] for q in _speakers(doc)] == [
        ("direct", "Выбора нет, треба (нужно. — О. П.)", "Олег Варников")
    ]


def test_dialogue_without_a_comma_before_the_speech_verb_and_a_line_without_author() -> None:
    # Polish sets the author's words off by a dash alone; a line of dialogue after an
    # attributed one continues its speaker.
    text = "– Nie zgadzam się – powiedział Jan Kowal. – To koniec.\n– Nie będzie rozmów."
    doc = _hand_built(text, [("Jan Kowal", "PER")], language="pl")
    assert [q[:3] for q in _speakers(doc)] == [
        ("direct", "Nie zgadzam się", "Jan Kowal"),
        ("direct", "To koniec.", "Jan Kowal"),
        ("direct", "Nie będzie rozmów.", "Jan Kowal"),
    ]


def test_dashes_that_open_list_items_or_english_paragraphs_are_no_dialogue() -> None:
    text = "Правительство поручило:\n— обеспечить выполнение плана;\n— Подготовить доклад к маю;"
    assert _speakers(_hand_built(text, [], language="ru")) == []
    # English news does not print speech so: a dash there opens no quote.
    text = "— We will not allow it, — said Vera Lorand."
    assert [q[0] for q in _speakers(_hand_built(text, _CAST))] != ["direct"]


def test_the_paragraph_after_a_question_is_not_the_asker_s() -> None:
    text = "— Вы готовы к переговорам? — спросил Олег Варников.\n— Да, мы готовы к ним хоть завтра."
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    assert [q[:3] for q in _speakers(doc)] == [
        ("direct", "Вы готовы к переговорам?", "Олег Варников"),
        ("direct", "Да, мы готовы к ним хоть завтра.", None),
    ]
    text = "“Are you ready for the talks?” asked Vera Lorand.\n“We are ready for them any day now.”"
    assert [q[2] for q in _speakers(_hand_built(text, _CAST))] == ["Vera Lorand", None]


def test_a_short_quote_in_the_attribution_is_a_name_not_speech() -> None:
    text = "«Почему вы молчите об этом?» — спросил Олег Варников, ведущий программы «Мнение»."
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    assert [q[:3] for q in _speakers(doc)] == [
        ("direct", "Почему вы молчите об этом?", "Олег Варников"),
        ("phrase", "Мнение", None),
    ]
    # Polish dialogue in the present tense, the author's words set off by a dash alone.
    text = "– Dostałem cynk – tłumaczy mi Jan Kowal, ekspert ds. komunikacji."
    doc = _hand_built(text, [("Jan Kowal", "PER")], language="pl")
    assert [q[:3] for q in _speakers(doc)] == [("direct", "Dostałem cynk", "Jan Kowal")]


@pytest.mark.parametrize(
    ("language", "text", "entities", "speaker"),
    [
        # A person named again by the title that introduced them.
        (
            "en",
            "Defence Minister Vera Lorand visited the base on Monday.\nThe minister said that more troops would come.",
            [("Vera Lorand", "PER")],
            "Vera Lorand",
        ),
        (
            "pl",
            "Jan Kowal, minister infrastruktury:\n„Nie możemy czekać na kolejną powódź”.\n"
            "Minister zapowiedział, że w lipcu odwiedzi zagrożone gminy.",
            [("Jan Kowal", "PER")],
            "Jan Kowal",
        ),
        # An organisation named again by what an apposition called it.
        (
            "fr",
            "La FNSEA, principal syndicat agricole, appelle à manifester.\n"
            "Selon le syndicat, plus de 10 000 exploitations ont disparu.",
            [("FNSEA", "ORG")],
            "FNSEA",
        ),
    ],
)
def test_a_person_or_organisation_named_again_by_what_introduced_them(
    language: str, text: str, entities: list[tuple[str, str]], speaker: str
) -> None:
    doc = _hand_built(text, entities, language=language)
    assert [(q.label, q.attrs.get("speaker_entity")) for q in doc.layer("quote")][-1] == ("reported", speaker)


def test_a_speaker_after_the_verb_ends_at_a_preposition() -> None:
    text = "« La France tiendra ses engagements », a déclaré le ministre lors d'une conférence à Toulon."
    doc = _hand_built(text, [], language="fr")
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == ["le ministre"]


def test_only_a_title_or_an_apposition_says_what_someone_is() -> None:
    # Words before an organisation, or a verb before a person, are no title of theirs.
    for text in (
        "Vera Lorand met a pediatrician of the Northern Alliance.\nThe pediatrician said that the children were safe.",
        "Arkady Brennan wrote that Vera Lorand was wrong.\nThe writers said that the vote was over.",
    ):
        doc = _hand_built(text, _CAST)
        last = doc.layer("quote")[-1]
        assert (last.text_in(doc), last.attrs.get("speaker_entity")) == (
            "the vote was over" if "vote" in text else "the children were safe",
            None,
        ), text


def test_an_attribution_after_a_comma_is_no_apposition() -> None:
    text = (
        "The talks failed because of the Northern Alliance, an analyst said on Monday.\n"
        "The analyst said that new talks would follow."
    )
    last = _hand_built(text, _CAST).layer("quote")[-1]
    assert last.attrs.get("speaker_entity") is None


def test_a_title_of_an_organisation_names_the_person_it_introduced() -> None:
    text = (
        "Секретарь Совета безопасности Олег Варников выступил в Минске.\n"
        "Как заявил секретарь Совбеза, «те же кукловоды пытались устроить революцию»."
    )
    doc = _hand_built(text, [("Олег Варников", "PER"), ("Совбеза", "ORG")], language="ru")
    last = doc.layer("quote")[-1]
    assert (last.text_in(doc), last.attrs.get("speaker_entity")) == (
        "те же кукловоды пытались устроить революцию",
        "Олег Варников",
    )


def test_a_title_is_not_read_past_another_name() -> None:
    # "Director-General Tedros Ghebreyesus said Disease X ...": "Tedros" is no title of Disease X
    text = (
        "Defence Minister Arkady Brennan said Northern Alliance is a threat.\n"
        "Arkady stressed that the next crisis is near."
    )
    doc = _hand_built(text, [("Arkady Brennan", "PER"), ("Northern Alliance", "PER")])
    assert doc.layer("quote")[-1].attrs.get("speaker_entity") is None


def test_a_plural_is_no_person_named_by_a_compound_title() -> None:
    text = "Архиепископ Олег Варников выступил.\nЕпископы заявили, что продолжат работу."
    doc = _hand_built(text, [("Олег Варников", "PER")], language="ru")
    assert [(q[0], q[2]) for q in _speakers(doc)] == [("reported", None)]


def test_reported_speech_holding_a_quote_stays_unless_the_quote_is_most_of_it() -> None:
    text = (
        "Vera Lorand warned that foreign services were waging “information and psychological attacks” on us."
    )
    assert _speakers(_hand_built(text, _CAST)) == [
        (
            "reported",
            "foreign services were waging “information and psychological attacks” on us",
            "Vera Lorand",
            "entity",
        ),
        ("direct", "information and psychological attacks", "Vera Lorand", "entity"),
    ]
    text = "As Vera Lorand told the bishops of the region in writing, “there is no other way.”"
    assert [q[0] for q in _speakers(_hand_built(text, _CAST))] == ["direct"]
    text = "Vera Lorand said that “the sanctions have failed completely”."
    assert _speakers(_hand_built(text, _CAST)) == [
        ("direct", "the sanctions have failed completely", "Vera Lorand", "entity")
    ]


def test_an_english_lead_with_a_pronoun_names_the_person_before() -> None:
    text = "Vera Lorand spoke next.\nIn her view, the sanctions are illegal."
    assert _speakers(_hand_built(text, _CAST)) == [
        ("reported", "the sanctions are illegal", "Vera Lorand", "pronoun")
    ]


def test_a_sentence_quoted_at_a_sentence_s_start_needs_no_comma_before_its_speaker() -> None:
    text = "The talks failed. “We will never give up the harbour” Vera Lorand said on Monday."
    assert _speakers(_hand_built(text, _CAST)) == [
        ("direct", "We will never give up the harbour", "Vera Lorand", "entity")
    ]
    # a name in marks is the verb's subject, not speech
    text = "The talks failed. “Radio Norda Weekly” reported the vote."
    assert _speakers(_hand_built(text, _CAST)) == [("phrase", "Radio Norda Weekly", None, None)]
    # ... but a headline's quote in title case is longer
    text = "“Credible Evidence Of A Plot In Norda”: Congressman Says Intel Proves It"
    assert [q.attrs.get("speaker") for q in _hand_built(text, _CAST).layer("quote")] == ["Congressman"]


def test_a_surname_two_people_share_names_neither_of_them() -> None:
    text = "Vera Lorand arrived with her husband.\n“We are staying,” Lorand said."
    assert _speakers(_hand_built(text, _CAST))[-1][2:] == ("Vera Lorand", "name")
    text = "Vera Lorand arrived with her husband Pavel Lorand.\n“We are staying,” Lorand said."
    cast = [*_CAST, ("Pavel Lorand", "PER")]
    assert _speakers(_hand_built(text, cast))[-1][2:] == (None, "phrase")
    # a title or an initial is no other given name: the same person
    text = "Vera K. Lorand arrived.\n“We are staying,” Mrs Lorand said."
    cast = [("Vera K. Lorand", "PER"), ("Mrs Lorand", "PER")]
    assert _speakers(_hand_built(text, cast))[-1][2:] == ("Vera K. Lorand", "entity")


def test_a_title_s_full_stop_is_read_across_between_a_verb_and_that() -> None:
    text = "Vera Lorand told Gen. K. Brennan on Monday that the talks were over."
    assert _speakers(_hand_built(text, _CAST)) == [
        ("reported", "the talks were over", "Vera Lorand", "entity")
    ]


def test_a_pronoun_after_a_speaker_introduced_but_not_named_names_no_one(analyze: Analyze) -> None:
    text = (
        "President Viktor Lorand opened the session on Monday. "
        'A government spokesman said: "The border stays open." He added that talks would resume in May.\n\n'
        "Viktor Lorand said the border would stay open. He added that talks would resume in May.\n\n"
        'Arkady Brennan met reporters. The veteran diplomat said: "We will appeal." He added that he was calm.'
    )
    doc = analyze(text, language="en", published=PUBLISHED)
    assert [(q.attrs["speaker"], q.attrs["speaker_entity"]) for q in doc.layer("quote")] == [
        ("A government spokesman", None),
        ("He", None),  # the spokesman, not the president named before him
        ("Viktor Lorand", "Viktor Lorand"),
        ("He", "Viktor Lorand"),
        ("The veteran diplomat", None),
        ("He", "Arkady Brennan"),  # a description, which may be of the person named before
    ]


@pytest.mark.parametrize(
    ("language", "text", "content"),
    [
        ("it", "ROMA, 5 ottobre – Il confine resterà chiuso fino a maggio. Lo ha dichiarato il ministro Paolo Ferri.",
         "Il confine resterà chiuso fino a maggio"),
        ("ru", "МОСКВА, 5 октября – Граница будет закрыта до мая. Об этом заявил министр Олег Варников.",
         "Граница будет закрыта до мая"),
        ("en", "KYIV, Nov. 9 (Wire) - The border will stay closed until May, according to the minister.",
         "The border will stay closed until May"),
        # two hyphens for a dash, a space before the place
        ("en", " VARNA, Sept. 17 (Wire) -- The border will stay closed until May, according to the minister.",
         "The border will stay closed until May"),
        ("en", "ROME - The border will stay closed, according to the minister.", "The border will stay closed"),
        # no date line: a name in capitals that is no place, and words before a dash
        ("en", "NATO - the alliance - will come, according to the minister.", "NATO - the alliance - will come"),
        ("en", "Heads of state - all of them - will come, according to the minister.",
         "Heads of state - all of them - will come"),
    ],
)  # fmt: skip
def test_reported_words_begin_after_the_story_s_date_line(
    analyze: Analyze, language: str, text: str, content: str
) -> None:
    assert [q[1] for q in _speakers(analyze(text, language=language)) if q[0] == "reported"] == [content]


def test_a_clause_of_place_after_a_comma_attributes_nothing_before_it(analyze: Analyze) -> None:
    doc = analyze(
        "Ощущение перемен пришло во Францию, где избиратели заявили о недоверии правительству.", language="ru"
    )
    assert _speakers(doc) == []


def test_a_bulgarian_verb_after_da_reports_nothing(analyze: Analyze) -> None:
    # "да изрази" (to express) is no report of what was said: the minister's clause stays whole
    doc = analyze(
        "Министърът Павел Доринов заяви, че срещата му дава шанс да изрази позиция по теми, "
        "които „са в интерес на всички“.",
        language="bg",
    )
    assert [q[:3] for q in _speakers(doc)] == [
        (
            "reported",
            "срещата му дава шанс да изрази позиция по теми, които „са в интерес на всички“",
            "Павел Доринов",
        ),
        ("direct", "са в интерес на всички", "Павел Доринов"),
    ]
    # ... but an imperfective verb after it reports: "continues to believe that"
    doc = analyze("Павел Доринов продължава да смята, че „войната ще свърши“.", language="bg")
    assert [q[:3] for q in _speakers(doc)] == [("direct", "войната ще свърши", "Павел Доринов")]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("ru", "«Готовы ли мы к этому? Нет», — выразил общее мнение наш постоянный читатель.", "наш постоянный читатель"),
        ("bg", "„Не Норландия иска война, а министърът!“, сподели мнението си също друг слушател.",
         "друг слушател"),
    ],
)  # fmt: skip
def test_the_opinion_that_a_verb_voices_is_not_its_speaker(
    analyze: Analyze, language: str, text: str, speaker: str
) -> None:
    doc = analyze(text, language=language)
    assert [(q.label, q.attrs.get("speaker")) for q in doc.layer("quote")] == [("direct", speaker)]


def test_a_relayer_s_name_is_not_read_as_a_noun_for_someone_named_before() -> None:
    # the recogniser missed the outlet; the person before its verb is not who writes
    doc = _hand_built(
        "Властите приеха на визита руския президент Павел Доринов, пише Ledger.",
        [("Павел Доринов", "PER")],
        language="bg",
    )
    assert [(q.label, q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        ("reported", "Ledger", None)
    ]
    # ... while a word of a name found before is still that name's (here one that the recogniser
    # took for an organisation's, and missed the second time)
    doc = _hand_built(
        "Vera Lorand, who leads the group, spoke on Tuesday. “That was not enough,” Lorand wrote.",
        [("Vera Lorand", "ORG")],
        language="en",
    )
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        ("Lorand", "Vera Lorand")
    ]


def test_a_bulgarian_impersonal_verb_that_opens_a_sentence_has_no_speaker() -> None:
    # "Посочва се" (it is pointed out) is no one's: not the person of the sentence before
    doc = _hand_built(
        "Министърът Павел Доринов пристигна в Москва.\nПосочва се също, че Норландия не осъди войната.",
        [("Павел Доринов", "PER")],
        language="bg",
    )
    assert [q for q in _speakers(doc) if q[2] == "Павел Доринов"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A phrase with its article attributes the sentence too: what the "that" clause reports
        # ends before it.
        (
            "Mara Lindqvist argued that the council was tired of the mayor, the city's radio station said.",
            [("reported", "the council was tired of the mayor", "Mara Lindqvist", "entity")],
        ),
        # A connective before "according to X," leaves it opening the sentence.
        (
            "However, according to the Norda Ledger, Lindqvist sees more risks than gains in the deal.",
            [("reported", "Lindqvist sees more risks than gains in the deal", "Norda Ledger", "entity")],
        ),
        # ... not a subject before it, which is part of what was reported
        (
            "And this, according to the Norda Ledger, needed to stop.",
            [
                (
                    "reported",
                    "And this, according to the Norda Ledger, needed to stop",
                    "Norda Ledger",
                    "entity",
                )
            ],
        ),
        # "X said, according to Y, that ...": X said it, after the "that".
        (
            "Mara Lindqvist said, according to the Norda Ledger, that the army was ready.",
            [("reported", "the army was ready", "Mara Lindqvist", "entity")],
        ),
        # An adverb after appositions is no subject.
        (
            "The top commander of the Norda army, Sir Peter Varnel, just declared that Norda must prepare.",
            [("reported", "Norda must prepare", "Peter Varnel", "entity")],
        ),
    ],
)
def test_an_attribution_s_own_words_are_not_what_it_reports(
    text: str, expected: list[tuple[str, str, Any, Any]]
) -> None:
    doc = _hand_built(
        text, [("Mara Lindqvist", "PER"), ("Norda Ledger", "ORG"), ("Peter Varnel", "PER"), ("Norda", "LOC")]
    )
    assert _speakers(doc) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb right after the "that": a relative clause of the noun before it, no report
        ("Mara Lindqvist revealed new files that made the case public.", []),
        ("Mara Lindqvist said in a statement that was issued on Monday.", []),
        ("Mara Lindqvist wrote in a note that was read to the court.", []),
        # ... which may end a report that began before the noun
        (
            "Mara Lindqvist said the navy held drills that simulated an attack.",
            [("reported", "the navy held drills that simulated an attack", "Mara Lindqvist", "entity")],
        ),
        # a subject after it: what was said
        (
            "Mara Lindqvist said in a statement that the navy was ready.",
            [("reported", "the navy was ready", "Mara Lindqvist", "entity")],
        ),
    ],
)
def test_an_english_that_before_a_verb_opens_a_relative_clause(
    text: str, expected: list[tuple[str, str, Any, Any]]
) -> None:
    assert _speakers(_hand_built(text, [("Mara Lindqvist", "PER")])) == expected


def test_an_attribution_between_two_whole_quoted_sentences_leads_to_the_second() -> None:
    text = (
        "Asked if Norda could pay for it, Vera Albers told the Ledger, “Absolutely, we can do that and more.” "
        "Piet Lorand told reporters, “We will stay here until the end of the year.” "
        "“We will win this,” Lorand said, “and they will lose it all.”"
    )
    doc = _hand_built(text, [("Vera Albers", "PER"), ("Ledger", "ORG"), ("Piet Lorand", "PER")])
    assert [(q.text_in(doc), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        ("Absolutely, we can do that and more.", "Vera Albers"),
        ("We will stay here until the end of the year.", "Piet Lorand"),
        # a quote in two parts shares the attribution between them
        ("We will win this,", "Piet Lorand"),
        ("and they will lose it all.", "Piet Lorand"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "entity"),
    [
        ("“We are ready for this,” the Ledger quoted a senior Norda official as saying.", "a senior Norda official", None),
        ("“We are ready for this,” the Ledger quoted Vera Albers as saying.", "Vera Albers", "Vera Albers"),
        ("The Ledger quoted Vera Albers earlier as saying that the port had closed.", "Vera Albers", "Vera Albers"),
        # the passive's subject is quoted, not the agency after "by"
        ("“We are ready,” Vera Albers was quoted by the Ledger as saying.", "Vera Albers", "Vera Albers"),
        ("A guest was quoted in the Ledger report as saying, “We are ready for this.”",
         "A guest", None),
    ],
)  # fmt: skip
def test_the_one_an_outlet_quotes_as_saying_speaks(text: str, speaker: str, entity: str | None) -> None:
    doc = _hand_built(text, [("Vera Albers", "PER"), ("Ledger", "ORG"), ("Norda", "LOC")])
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        (speaker, entity)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "entity"),
    [
        # a person of the body, not the body
        ("The Norda Ministry official said the money had arrived.", "The Norda Ministry official", None),
        ("A Norda Ministry aide said the money had arrived.", "A Norda Ministry aide", None),
        ("“The money has arrived,” said the Norda Ministry official.", "the Norda Ministry official", None),
        # ... whose spokespeople speak for it
        ("The Norda Ministry spokesman said the money had arrived.", "Norda Ministry", "Norda Ministry"),
    ],
)
def test_an_english_organisation_before_a_person_noun_only_qualifies_it(
    text: str, speaker: str, entity: str | None
) -> None:
    doc = _hand_built(text, [("Norda Ministry", "ORG")])
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        (speaker, entity)
    ]


def test_an_abbreviated_month_before_a_number_ends_no_sentence(analyze: Analyze) -> None:
    text = (
        "Vera Albers said the war began on Feb. 24, 2022, without warning. The talks opened in Sept. It rained. "
        "They met on Jan. 16. However, nothing came of it."
    )
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Vera Albers said the war began on Feb. 24, 2022, without warning.",
        "The talks opened in Sept.",
        "It rained.",
        "They met on Jan. 16.",  # a number that ends a sentence after a month, too
        "However, nothing came of it.",
    ]
    assert [q.text_in(d) for d in [analyze(text, language="en")] for q in d.layer("quote")] == [
        "the war began on Feb. 24, 2022, without warning"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Norda Ledger reported last Friday that talks had failed.",
            [("reported", "talks had failed", "Norda Ledger", "entity")],
        ),
        (
            "The Norda Ledger reported: “The talks have failed after two days.”",
            [("direct", "The talks have failed after two days.", "Norda Ledger", "entity")],
        ),
        (
            "The Norda Ledger informed its readers that the talks had failed.",
            [("reported", "the talks had failed", "Norda Ledger", "entity")],
        ),
        # a listener after "told" is no part of what was told
        (
            "Vera Albers told the Norda Ledger the talks had failed.",
            [("reported", "the talks had failed", "Vera Albers", "entity")],
        ),
        (
            "Vera Albers told the farmers the talks had failed.",
            [("reported", "the talks had failed", "Vera Albers", "entity")],
        ),
        # a passive, a participle, one after a count: no one named reported it
        ("It was reported that the talks had failed.", []),
        ("It has been widely reported that the talks had failed.", []),
        ("Two of the boats reported that night were never found.", []),
        ("The Norda Ledger hired an editor, who wrote that column.", []),
        # ... but a title's full stop ends no clause
        (
            "The Norda Ledger reported that Dr. Albers had left.",
            [("reported", "Dr. Albers had left", "Norda Ledger", "entity")],
        ),
        # a clause no one named reports leaves the sentence's own attribution to it
        (
            "Vera Albers had no reason to believe Piet Lorand would print it, her lawyer said.",
            [
                (
                    "reported",
                    "Vera Albers had no reason to believe Piet Lorand would print it",
                    "Vera Albers",
                    "pronoun",
                )
            ],
        ),
        # ... though a report may follow
        (
            "It is being reported that Vera Albers has told the committee that the talks had failed.",
            [("reported", "the talks had failed", "Vera Albers", "entity")],
        ),
        ("Storms hit 40 towns in May, a rise of 12 confirmed cases over April.", []),
        ("The number of cases reported last week was high.", []),
    ],
)
def test_an_outlet_that_reported_what_follows_speaks(
    text: str, expected: list[tuple[str, str, Any, Any]]
) -> None:
    assert _speakers(_hand_built(text, [("Norda Ledger", "ORG"), ("Vera Albers", "PER")])) == expected


def test_a_determiner_makes_a_tail_verb_a_noun_and_a_long_subject_keeps_its_head() -> None:
    text = "Other papers, like the Norda Post, repeated this claim."
    assert _speakers(_hand_built(text, [("Norda Post", "ORG")])) == []
    text = "A note showed that someone at the farm reportedly told a neighbour that food was short."
    assert [
        (q.text_in(d), q.attrs.get("speaker")) for d in [_hand_built(text, [])] for q in d.layer("quote")
    ] == [("food was short", "someone at the farm")]


def test_a_passive_after_a_quote_names_no_speaker() -> None:
    text = 'Glows, known as "ghosts" or "blue ghost lights", have been reported by sailors since the war.'
    assert [q.attrs.get("speaker") for q in _hand_built(text, []).layer("quote")] == [None, None]
    # ... nor one informed ('the pope was informed that the “...”'), nor "we are told": not by us
    text = "The envoy was informed that the “betrayal” was a rumour."
    assert [q.attrs.get("speaker") for q in _hand_built(text, []).layer("quote")] == [None]
    assert [
        q.attrs.get("speaker") for q in _hand_built("“The harbour is safe,” we are told.", []).layer("quote")
    ] == [None]


@pytest.mark.parametrize(
    ("second", "speaker", "entity"),
    [
        # one who speaks for the owner of the possessive stands for her ...
        ("Her lawyer said the case was weak.", "Her", "Vera Albers"),
        # ... but not one who speaks for himself
        ("Her boyfriend has said the case was weak.", "Her boyfriend", None),
        ("Her husband told reporters the case was weak.", "Her husband", None),
    ],
)
def test_an_english_possessive_stands_for_its_owner_only_before_a_proxy(
    second: str, speaker: str, entity: str | None
) -> None:
    doc = _hand_built("Vera Albers faces a long sentence.\n" + second, [("Vera Albers", "PER")])
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        (speaker, entity)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a contrast that opens another subject's report ends the first one
        (
            "Piet Lorand said the talks had failed, but Vera Albers said a deal was still possible.",
            [
                ("reported", "the talks had failed", "Piet Lorand", "entity"),
                ("reported", "a deal was still possible", "Vera Albers", "entity"),
            ],
        ),
        (
            "The ministry said the port was closed, while the mayor insisted that ships were arriving.",
            [
                ("reported", "the port was closed", None, "phrase"),
                ("reported", "ships were arriving", None, "phrase"),
            ],
        ),
        # ... not a contrast inside what was said, nor a source named after it
        (
            "Piet Lorand said the talks had failed, but a deal was still possible.",
            [("reported", "the talks had failed, but a deal was still possible", "Piet Lorand", "entity")],
        ),
        (
            "Piet Lorand said the talks had failed, but a deal was possible, according to Vera Albers.",
            [("reported", "the talks had failed, but a deal was possible", "Piet Lorand", "entity")],
        ),
        # a plural noun opens a clause without "that" as an article does
        (
            "Piet Lorand said prices would rise and that wages would fall.",
            [("reported", "prices would rise and that wages would fall", "Piet Lorand", "entity")],
        ),
        # a listener named after "told" is no part of what was told
        (
            "Piet Lorand told Vera Albers the port would close in May.",
            [("reported", "the port would close in May", "Piet Lorand", "entity")],
        ),
        (
            "Piet Lorand, speaker of the Norda Assembly, said Norda has struggled with floods.",
            [("reported", "Norda has struggled with floods", "Piet Lorand", "entity")],
        ),
        # ... but not the noun after a listener's name, nor "said" as an adjective
        (
            "Piet Lorand told Norda news the verdict was wrong.",
            [],
        ),
        (
            "Said cousins are two sailors who insist they were at sea.",
            [("reported", "they were at sea", None, "phrase")],
        ),
        ("The boats will stay because said boats are too old to sail.", []),
        # an existential "there" before a noun that looks like a verb names no one
        ("There were unconfirmed claims that a radar had been destroyed.", []),
        ("There have been reports that the port was shut.", []),
    ],
)
def test_each_subject_reports_its_own_clause(text: str, expected: list[tuple[str, str, Any, Any]]) -> None:
    assert _speakers(_hand_built(text, [("Piet Lorand", "PER"), ("Vera Albers", "PER")])) == expected


def test_what_a_speaker_admits_or_notes_after_a_quote_is_reported() -> None:
    text = "“The fire was no mistake,” Piet Lorand said, admitting that his men paid the arsonists."
    assert _speakers(_hand_built(text, [("Piet Lorand", "PER")])) == [
        ("direct", "The fire was no mistake,", "Piet Lorand", "entity"),
        ("reported", "his men paid the arsonists", "Piet Lorand", "entity"),
    ]


def test_a_new_sentence_after_a_whole_quoted_sentence_is_no_attribution(analyze: Analyze) -> None:
    text = (
        "The meeting closed at noon. Then Piet Lorand said the tariff was a “plain mistake by the "
        "whole cabinet.” While insisting that he trusts Norda to pay its debts, the envoys left."
    )
    doc = analyze(text, language="en")
    direct = [(q.text_in(doc), q.attrs.get("cue")) for q in doc.layer("quote") if q.label == "direct"]
    assert direct == [("plain mistake by the whole cabinet.", "said")]


def test_paragraphs_of_one_quote_go_on_whatever_marks_the_page_left() -> None:
    text = (
        "Piet Lorand said: “We trained on the lake all winter.\n"
        "\n"
        '"The harbour opens again in the spring.\n'
        "\n"
        "“After that our boats sail north with the fleet.”"
    )
    doc = _hand_built(text, [("Piet Lorand", "PER")])
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Piet Lorand"] * 3


def test_a_quote_after_a_quoted_sentence_opens_a_sentence_too(analyze: Analyze) -> None:
    text = (
        "The Gazette heard from Carla Albers, a spokeswoman for the port, that the director “has no "
        "comment today.” “As the board decided in May, the harbour stays shut” she wrote to the Gazette. "
        "“The next update comes on Friday.”"
    )
    doc = analyze(text, language="en")
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == [
        None,
        "Carla Albers",
        "Carla Albers",
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“The crop will be the best in decades,” observes the Norda Ledger.", "Norda Ledger", "observes"),
        ("“We lost the vote,” admits Piet Lorand.", "Piet Lorand", "admits"),
        ("“Where is the money?” asks Piet Lorand.", "Piet Lorand", "asks"),
    ],
)
def test_english_verbs_in_the_present_attribute_a_quote(text: str, speaker: str, cue: str) -> None:
    doc = _hand_built(text, [("Piet Lorand", "PER"), ("Norda Ledger", "ORG")])
    assert [(q.attrs.get("speaker_entity"), q.attrs.get("cue")) for q in doc.layer("quote")] == [
        (speaker, cue)
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an organisation in a gerund's phrase is no source: the phrase before it speaks
        ("The newspaper, citing the Norda Ministry, reported that the base was hit.", "The newspaper"),
        # ... but one by which a document was drafted is
        ("The new rules, drafted by the Norda Ministry, said that farms must close.", "Norda Ministry"),
    ],
)
def test_an_organisation_in_a_gerund_s_phrase_is_no_source(text: str, speaker: str) -> None:
    doc = _hand_built(text, [("Norda Ministry", "ORG")])
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == [speaker]


def test_a_verb_before_an_infinitive_and_a_clause_after_a_quoted_sentence(analyze: Analyze) -> None:
    text = (
        "The valve broke at night. Leaks in the Norda pipeline were noticed on 26 May, a failure "
        "that, so far, continues to baffle the engineers."
    )
    assert _speakers(analyze(text, language="en")) == []
    text = (
        "The brochure quotes one teacher: “Every river here once ran to the sea.” Another page asks "
        "pupils to picture that the lake was a desert."
    )
    assert [(q.label, q.attrs.get("speaker")) for q in analyze(text, language="en").layer("quote")] == [
        ("direct", None),
        ("reported", "Another page"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "claim" after a plural subject is a verb ...
        ("Critics claim that the dam will fail.", [("the dam will fail", "Critics")]),
        ("They claim that the harbour was never closed.", [("the harbour was never closed", "They")]),
        # ... and before the quote that it opens ...
        (
            "Farmers claim, “The river has never been this low.”",
            [("The river has never been this low.", "Farmers")],
        ),
        # ... but not after a possessive, an article or an adjective: there it is a noun
        ("The minister’s claim that the dam will fail was denied.", []),
        ("Lorand rejected the false claim that the dam will fail.", []),
        ("Lorand repeated the outrageous claim that the dam will fail.", []),
    ],
)
def test_claim_after_a_plural_subject_is_a_speech_verb(text: str, expected: list[tuple[str, str]]) -> None:
    doc = _hand_built(text, [])
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == expected


def test_a_plural_noun_of_a_speech_verb_s_form_before_of_reports_nothing() -> None:
    doc = _hand_built("The mayor repeated media claims of Norda having “stolen” the harvest.", [])
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == [None]


def test_a_negated_passive_after_a_quote_names_no_speaker() -> None:
    text = "They compete as “independent” riders, so their flags are not shown on any poster."
    assert [q.attrs.get("speaker") for q in _hand_built(text, []).layer("quote")] == [None]


def test_an_editor_s_note_after_a_quote_is_no_attribution(analyze: Analyze) -> None:
    text = (
        "The plan was set out at the forum. In the words of Marco Lerici, who is the institute’s "
        "director:\n\n“A second shock will come, and sooner than the first.” (emphasis added)"
    )
    doc = analyze(text, language="en")
    # the relative clause describes the source and reports nothing; the quote is his
    assert [(q.label, q.attrs.get("speaker")) for q in doc.layer("quote")] == [("direct", "Marco Lerici")]


def test_a_source_s_relative_clause_is_no_part_of_what_it_says() -> None:
    text = "According to the Norda Ledger, which came out on Monday, the harvest failed in three provinces."
    doc = _hand_built(text, [("Norda Ledger", "ORG")])
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == [
        ("the harvest failed in three provinces", "Norda Ledger")
    ]


def test_a_possessive_title_before_a_name_at_a_sentence_s_end_is_no_part_of_what_was_said() -> None:
    text = (
        "The port might close after the storm, Norda’s envoy to the council, Elena Varga, claimed on Tuesday."
    )
    doc = _hand_built(text, [("Elena Varga", "PER"), ("Norda", "ORG")])
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == [
        ("The port might close after the storm", "Elena Varga")
    ]


def test_the_one_quoted_as_saying_keeps_an_apposition() -> None:
    text = (
        "“The fall came with the strike,” the Norda Ledger quoted Elena Varga, a member of the polling "
        "staff at Norda University, as saying."
    )
    doc = _hand_built(text, [("Elena Varga", "PER"), ("Norda Ledger", "ORG"), ("Norda University", "ORG")])
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Elena Varga"]


def test_a_participle_s_colon_after_a_quote_s_attribution_leads_to_the_next_quote() -> None:
    text = "“Winter will be long,” Lorand said, before adding: “We are not beaten.”"
    doc = _hand_built(text, [("Lorand", "PER")])
    assert [(q.attrs.get("speaker"), q.attrs.get("cue")) for q in doc.layer("quote")] == [
        ("Lorand", "said"),
        ("Lorand", "said"),
    ]


def test_a_body_before_a_title_case_person_noun_only_qualifies_it() -> None:
    doc = _hand_built("A Treasury Minister yesterday said the port would reopen.", [("Treasury", "ORG")])
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        ("A Treasury Minister", None)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "“He did real damage to the docks,” Piet Lorand, who wrote a whole book on the port, said of Varnel.",
            "Piet Lorand",
            "said",
        ),
        ("“Nobody listened,” the minister, who resigned in May, said.", "the minister", "said"),
    ],
)
def test_a_verb_in_a_relative_clause_after_a_quote_is_not_its_cue(text: str, speaker: str, cue: str) -> None:
    doc = _hand_built(text, [("Piet Lorand", "PER"), ("Varnel", "PER")])
    assert [(q.attrs.get("speaker"), q.attrs.get("cue")) for q in doc.layer("quote")] == [(speaker, cue)]


def test_a_plural_noun_after_a_verb_opens_the_clause_that_it_reports() -> None:
    doc = _hand_built("Norda says accusations it would flood its own towns are absurd.", [("Norda", "ORG")])
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == [
        ("accusations it would flood its own towns are absurd", "Norda")
    ]
    # ... but a listener after "told" is no part of it
    doc = _hand_built("Lorand told reporters the port would close.", [("Lorand", "PER")])
    assert [q.text_in(doc) for q in doc.layer("quote")] == ["the port would close"]


def test_he_never_stands_for_a_name_after_the(analyze: Analyze) -> None:
    text = (
        "Piet Lorand stocked up on firewood this winter. “Nobody knows how long the cold will last,” "
        "he told the Norda Herald. “I have a cellar to sleep in,” he said, adding: “We will manage.”"
    )
    doc = analyze(text, language="en")
    assert {q.attrs.get("speaker_entity") for q in doc.layer("quote")} == {"Piet Lorand"}


def test_a_verb_after_a_quote_that_reports_its_own_clause_is_not_the_quote_s() -> None:
    text = "Soot gets the blame for “dirty air,” critics claim that ozone does more harm."
    doc = _hand_built(text, [])
    assert [(q.label, q.attrs.get("speaker")) for q in doc.layer("quote")] == [
        ("phrase", None),
        ("reported", "critics"),
    ]


def test_as_opens_no_speaker_s_phrase() -> None:
    text = "Far from bringing “a rebirth for the valley” and its farms, as mill owners claim, the plan fails."
    doc = _hand_built(text, [])
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == ["mill owners"]


def test_what_an_attribution_between_commas_adds_is_a_report_of_its_own() -> None:
    doc = _hand_built(
        "The new arrivals are seasonal workers, Piet Lorand has said, adding that their visas expire in June.",
        [("Piet Lorand", "PER")],
    )
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == [
        ("The new arrivals are seasonal workers", "Piet Lorand"),
        ("their visas expire in June", "Piet Lorand"),
    ]
    # ... once, with a quote inside the first
    text = "The new arrivals are “seasonal workers”, Piet Lorand has said, adding that their visas expire in June."
    doc = _hand_built(text, [("Piet Lorand", "PER")])
    assert [(q.label, q.text_in(doc)) for q in doc.layer("quote")] == [
        ("reported", "The new arrivals are “seasonal workers”"),
        ("direct", "seasonal workers"),
        ("reported", "their visas expire in June"),
    ]


def test_a_colon_after_another_verb_of_the_sentence_after_a_quote_leads_to_the_next_quote(
    analyze: Analyze,
) -> None:
    text = (
        "The arrivals are seasonal workers, Piet Lorand has said, adding that their camps had become ‘towns "
        "of their own.’ Asked on the radio by the Norda Ledger whether the border should close, Lorand "
        "said: “Yes.”"
    )
    doc = analyze(text, language="en")
    assert [
        (q.text_in(doc), q.attrs.get("speaker_entity")) for q in doc.layer("quote") if q.label == "direct"
    ] == [
        ("towns of their own.", "Piet Lorand"),
        ("Yes.", "Piet Lorand"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective before a verb's form that is also a noun makes it one
        ("The talk came after dubious claims surfaced that the mayor was ill.", []),
        ("Lorand dismissed the unfounded claims that the mayor was ill.", []),
        # a listener alone after "told" is no clause: the sentence's own attribution reports
        (
            "Norda wants a seat on the council, the retired envoy told the Varnel daily.",
            [("Norda wants a seat on the council", "the retired envoy")],
        ),
        # ... nor is what one tells about something
        ("Lorand did what few would dare, he told the tale of the flood.", []),
        # an abbreviated month before a number is no sentence's end between "told" and "that"
        (
            "Piet Lorand told the Norda Ledger on Oct. 4 that the two camps are exhausted.",
            [("the two camps are exhausted", "Piet Lorand")],
        ),
    ],
)
def test_nouns_listeners_and_abbreviations_around_a_speech_verb(
    text: str, expected: list[tuple[str, str]]
) -> None:
    doc = _hand_built(text, [("Piet Lorand", "PER")])
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == expected


def test_a_subject_before_an_adverb_set_off_by_commas_keeps_its_name() -> None:
    doc = _hand_built(
        "Prosecutors, however, alleged that the fire was set.\nNorda, though, said the fire was an accident.",
        [("Norda", "ORG")],
    )
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        ("Prosecutors", None),
        ("Norda", "Norda"),
    ]


@pytest.mark.parametrize("herald", ["Norda Herald", "the Norda Herald"])
def test_he_never_stands_for_a_person_named_with_the(herald: str) -> None:
    text = "Piet Lorand stayed home.\n“It is bad,” he told the Norda Herald.\n“I will stay,” he said."
    doc = _hand_built(text, [("Piet Lorand", "PER"), (herald, "PER")])
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Piet Lorand", "Piet Lorand"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an apposition left open before the verb describes the person before it
        (
            "Piet Lorand, head of research at the Norda Network told the Gazette that the forum is a swamp of abuse.",
            "Piet Lorand",
        ),
        # a body that only qualifies a source
        (
            "The vote was close, with one Treasury source saying “nobody thinks she will win.”",
            "one Treasury source",
        ),
    ],
)
def test_the_person_an_open_apposition_describes_speaks(text: str, speaker: str) -> None:
    doc = _hand_built(text, [("Piet Lorand", "PER"), ("Norda Network", "ORG"), ("Treasury", "ORG")])
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == [speaker]


def test_a_sentence_after_a_quoted_one_that_reports_its_own_clause_is_no_attribution(
    analyze: Analyze,
) -> None:
    text = "The vote was close, with Piet Lorand saying “nobody thinks she will win.” A Kremlin source said the talks had failed."
    doc = analyze(text, language="en")
    assert [(q.label, q.attrs.get("speaker")) for q in doc.layer("quote")] == [
        ("direct", "Piet Lorand"),
        ("reported", "A Kremlin source"),
    ]


def test_he_goes_on_with_the_speaker_set_off_by_a_long_apposition_not_with_whom_he_met() -> None:
    text = (
        "Norda will build three bridges with Varna this year, Piet Lorand, head of the Office of the "
        "Transport Commission of the Council of the Norda Party’s Board of Rivers and Canals, said on "
        "Monday as he met with Transport Minister Jan Varnel.\n"
        "“We are ready to build the bridges over the river,” he said."
    )
    doc = _hand_built(text, [("Piet Lorand", "PER"), ("Jan Varnel", "PER")])
    assert _speakers(doc) == [
        ("reported", "Norda will build three bridges with Varna this year", "Piet Lorand", "entity"),
        ("direct", "We are ready to build the bridges over the river,", "Piet Lorand", "pronoun"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an object after a verb that takes one as often as a clause: nothing reported
        ("The flood that Anna Lerici foresaw adds a new danger to the valley.", []),
        ("The siege has stalled and Norda maintains its hold on the eastern bank.", []),
        # ... but a clause that shows its verb still is
        (
            "Piet Lorand added the bridges were safe.",
            [("reported", "the bridges were safe", "Piet Lorand", "entity")],
        ),
        (
            "Piet Lorand noted the river rose again.",
            [("reported", "the river rose again", "Piet Lorand", "entity")],
        ),
        (
            "Piet Lorand noted a bridge collapsed.",
            [("reported", "a bridge collapsed", "Piet Lorand", "entity")],
        ),
        (
            "Anna Lerici acknowledged she couldn't close the bridge.",
            [("reported", "she couldn't close the bridge", "Anna Lerici", "entity")],
        ),
    ],
)
def test_an_object_after_a_verb_that_also_takes_a_clause_is_no_report(
    text: str, expected: list[tuple[str, str, Any, Any]]
) -> None:
    assert _speakers(_hand_built(text, [("Piet Lorand", "PER"), ("Anna Lerici", "PER")])) == expected


@pytest.mark.parametrize("verb", ["conclude", "explain", "admit", "observe"])
def test_a_plural_subject_s_verb_in_the_present_attributes_a_quote(verb: str) -> None:
    text = f"“It is time for Norda to rebuild the bridges over the river,” experts {verb}."
    doc = _hand_built(text, [])
    assert [(q.attrs.get("speaker"), q.attrs.get("cue")) for q in doc.layer("quote")] == [("experts", verb)]
