"""Quotations and speakers in every covered language, on documents built by hand.

Each document gets its sentences from the segmenter and its person entities from the test (the
names listed), so that these tests need no model and hold whichever entity recogniser runs in
the pipeline. Every sentence here was written for these tests.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrascope.analyzers._places import place_of
from narrascope.analyzers._quote_marks import CLOSE_STRAIGHT, PAIRS, find_direct_quotes
from narrascope.analyzers.quotes import QuoteAnalyzer
from narrascope.analyzers.segment import SegmentAnalyzer
from narrascope.config import analyzer_defaults
from narrascope.document import Document, Span

LANGUAGES = ("en", "ru", "uk", "de", "fr", "it", "es", "pl", "pt", "bg", "hi")


def analyse(
    text: str,
    language: str,
    persons: Mapping[str, str] | tuple[str, ...] = (),
    others: Mapping[str, str] | None = None,
) -> Document:
    """``text`` with sentences, the given person entities (surface form -> normal form, or names
    in their normal form), other entities (``others``: name -> kind, the name its own normal
    form) and quotes, checking that every speaker span holds its speaker."""
    doc = Document(text, language=language)
    SegmentAnalyzer({})(doc)
    names = persons if isinstance(persons, Mapping) else {name: name for name in persons}
    found_as = [(surface, normal, "PER") for surface, normal in names.items()]
    found_as += [(name, name, kind) for name, kind in (others or {}).items()]
    for surface, normal, kind in found_as:
        # a place carries its GeoNames name, as the entity analyzer gives it
        place = {"place": place_of(normal)} if kind == "LOC" and place_of(normal) else {}
        for found in re.finditer(re.escape(surface), text):
            doc.add_span(
                Span(found.start(), found.end(), "entity", kind, "test", attrs={"normal": normal, **place})
            )
    QuoteAnalyzer(analyzer_defaults("narrascope.quotes.v1"))(doc)
    for quote in doc.layer("quote"):
        if quote.attrs.get("speaker") is not None:
            assert text[quote.attrs["speaker_start"] : quote.attrs["speaker_end"]] == quote.attrs["speaker"]
    return doc


def found(doc: Document) -> list[tuple[str, str, str | None, str | None]]:
    """(label, quoted words, speaker, how) of each quote, in text order."""
    return [
        (q.label, q.text_in(doc), q.attrs.get("speaker"), q.attrs.get("speaker_how"))
        for q in doc.layer("quote")
    ]


def test_every_language_is_covered() -> None:
    assert set(QuoteAnalyzer.languages or ()) >= set(LANGUAGES)


# -- a direct quote with its speaker after it, before it, and reported speech, per language --

# (language, text, persons, quoted words, speaker, cue)
AFTER = [
    ("en", "“We will not sign this agreement,” said Foreign Minister Helena Varga.", ("Helena Varga",),
     "We will not sign this agreement,", "Helena Varga", "said"),
    ("ru", "«Мы не подпишем это соглашение», — заявила министр Елена Варгова.", ("Елена Варгова",),
     "Мы не подпишем это соглашение", "Елена Варгова", "заявила"),
    ("uk", "«Ми не підпишемо цю угоду», — заявила міністерка Олена Варга.", ("Олена Варга",),
     "Ми не підпишемо цю угоду", "Олена Варга", "заявила"),
    ("de", "„Wir werden dieses Abkommen nicht unterzeichnen“, sagte Außenministerin Helga Brandt.",
     ("Helga Brandt",), "Wir werden dieses Abkommen nicht unterzeichnen", "Helga Brandt", "sagte"),
    ("fr", "«\u00a0Nous ne signerons pas cet accord\u00a0», a déclaré la ministre Hélène Vargas.",
     ("Hélène Vargas",), "Nous ne signerons pas cet accord", "Hélène Vargas", "a déclaré"),
    ("it", "«Non firmeremo questo accordo», ha detto la ministra Elena Varga.", ("Elena Varga",),
     "Non firmeremo questo accordo", "Elena Varga", "ha detto"),
    ("es", "«No firmaremos este acuerdo», dijo la ministra Elena Vargas.", ("Elena Vargas",),
     "No firmaremos este acuerdo", "Elena Vargas", "dijo"),
    ("pl", "„Nie podpiszemy tej umowy” – powiedziała minister Helena Wargowska.", ("Helena Wargowska",),
     "Nie podpiszemy tej umowy", "Helena Wargowska", "powiedziała"),
    ("pt", "«Não vamos assinar este acordo», afirmou a ministra Helena Vargas.", ("Helena Vargas",),
     "Não vamos assinar este acordo", "Helena Vargas", "afirmou"),
    ("bg", "„Няма да подпишем това споразумение“, заяви министър Елена Варгова.", ("Елена Варгова",),
     "Няма да подпишем това споразумение", "Елена Варгова", "заяви"),
    ("hi", "“हम इस समझौते पर हस्ताक्षर नहीं करेंगे,” विदेश मंत्री एलेना वर्गा ने कहा।", ("एलेना वर्गा",),
     "हम इस समझौते पर हस्ताक्षर नहीं करेंगे,", "एलेना वर्गा", "कहा"),
]  # fmt: skip

BEFORE = [
    ("en", "Helena Varga told the parliament: “The border will stay open for trade.”", ("Helena Varga",),
     "The border will stay open for trade.", "Helena Varga", "told"),
    ("ru", "Елена Варгова сказала журналистам: «Граница останется открытой для торговли».",
     ("Елена Варгова",), "Граница останется открытой для торговли", "Елена Варгова", "сказала"),
    ("uk", "Олена Варга сказала журналістам: «Кордон залишиться відкритим для торгівлі».", ("Олена Варга",),
     "Кордон залишиться відкритим для торгівлі", "Олена Варга", "сказала"),
    ("de", "Helga Brandt erklärte vor dem Parlament: „Die Grenze bleibt für den Handel offen.“",
     ("Helga Brandt",), "Die Grenze bleibt für den Handel offen.", "Helga Brandt", "erklärte"),
    ("fr", "Hélène Vargas a affirmé devant les députés : « La frontière restera ouverte au commerce. »",
     ("Hélène Vargas",), "La frontière restera ouverte au commerce.", "Hélène Vargas", "a affirmé"),
    ("it", "Elena Varga ha dichiarato ai giornalisti: «Il confine resterà aperto al commercio».",
     ("Elena Varga",), "Il confine resterà aperto al commercio", "Elena Varga", "ha dichiarato"),
    ("es", "Elena Vargas declaró ante el Congreso: «La frontera seguirá abierta al comercio».",
     ("Elena Vargas",), "La frontera seguirá abierta al comercio", "Elena Vargas", "declaró"),
    ("pl", "Helena Wargowska powiedziała dziennikarzom: „Granica pozostanie otwarta dla handlu”.",
     ("Helena Wargowska",), "Granica pozostanie otwarta dla handlu", "Helena Wargowska", "powiedziała"),
    ("pt", "Helena Vargas disse aos jornalistas: “A fronteira vai continuar aberta ao comércio.”",
     ("Helena Vargas",), "A fronteira vai continuar aberta ao comércio.", "Helena Vargas", "disse"),
    ("bg", "Елена Варгова каза пред журналисти: „Границата ще остане отворена за търговията.“",
     ("Елена Варгова",), "Границата ще остане отворена за търговията.", "Елена Варгова", "каза"),
    ("hi", "एलेना वर्गा ने संसद से कहा: “सीमा व्यापार के लिए खुली रहेगी।”", ("एलेना वर्गा",),
     "सीमा व्यापार के लिए खुली रहेगी।", "एलेना वर्गा", "कहा"),
]  # fmt: skip

REPORTED = [
    ("en", "Helena Varga said on Monday that the talks would resume in Vienna.", ("Helena Varga",),
     "the talks would resume in Vienna", "Helena Varga", "said"),
    ("ru", "Елена Варгова заявила журналистам, что переговоры возобновятся в Вене.", ("Елена Варгова",),
     "переговоры возобновятся в Вене", "Елена Варгова", "заявила"),
    ("uk", "Олена Варга заявила, що переговори відновляться у Відні.", ("Олена Варга",),
     "переговори відновляться у Відні", "Олена Варга", "заявила"),
    ("uk", "Олена Варга пообіцяла, що переговори відновляться у Відні.", ("Олена Варга",),
     "переговори відновляться у Відні", "Олена Варга", "пообіцяла"),
    ("de", "Helga Brandt erklärte am Montag, dass die Gespräche in Wien fortgesetzt werden.",
     ("Helga Brandt",), "die Gespräche in Wien fortgesetzt werden", "Helga Brandt", "erklärte"),
    ("fr", "Hélène Vargas a déclaré que les négociations reprendraient à Vienne.", ("Hélène Vargas",),
     "les négociations reprendraient à Vienne", "Hélène Vargas", "a déclaré"),
    ("it", "Elena Varga ha detto che i negoziati riprenderanno a Vienna.", ("Elena Varga",),
     "i negoziati riprenderanno a Vienna", "Elena Varga", "ha detto"),
    ("es", "Elena Vargas afirmó que las negociaciones se reanudarán en Viena.", ("Elena Vargas",),
     "las negociaciones se reanudarán en Viena", "Elena Vargas", "afirmó"),
    ("pl", "Helena Wargowska powiedziała, że rozmowy zostaną wznowione w Wiedniu.", ("Helena Wargowska",),
     "rozmowy zostaną wznowione w Wiedniu", "Helena Wargowska", "powiedziała"),
    ("pt", "Helena Vargas disse que as negociações serão retomadas em Viena.", ("Helena Vargas",),
     "as negociações serão retomadas em Viena", "Helena Vargas", "disse"),
    ("bg", "Елена Варгова заяви, че преговорите ще бъдат възобновени във Виена.", ("Елена Варгова",),
     "преговорите ще бъдат възобновени във Виена", "Елена Варгова", "заяви"),
    # an aside between commas before "that"
    ("pt", "A ministra Helena Vargas disse, esta quarta-feira, que as negociações serão retomadas em Viena.",
     ("Helena Vargas",), "as negociações serão retomadas em Viena", "Helena Vargas", "disse"),
    ("pt", "A porta-voz, Helena Vargas, afirmou, na terça-feira, que os trabalhos serão retomados.",
     ("Helena Vargas",), "os trabalhos serão retomados", "Helena Vargas", "afirmou"),
    ("en", "Helena Varga said, however, that the talks would resume in Vienna.", ("Helena Varga",),
     "the talks would resume in Vienna", "Helena Varga", "said"),
    ("pt", "Helena Vargas afirmou, numa conferência de imprensa, que as negociações serão retomadas.",
     ("Helena Vargas",), "as negociações serão retomadas", "Helena Vargas", "afirmou"),
    # Hindi: the verb last, after "ने" and what else the clause holds
    ("hi", "एलेना वर्गा ने सोमवार को पत्रकारों से कहा कि बातचीत वियना में फिर शुरू होगी।", ("एलेना वर्गा",),
     "बातचीत वियना में फिर शुरू होगी", "एलेना वर्गा", "कहा"),
    ("hi", "एलेना वर्गा का मानना है कि बातचीत वियना में फिर शुरू होगी।", ("एलेना वर्गा",),
     "बातचीत वियना में फिर शुरू होगी", "एलेना वर्गा", "मानना"),
    ("hi", "एलेना वर्गा के अनुसार, बातचीत वियना में फिर शुरू होगी।", ("एलेना वर्गा",),
     "बातचीत वियना में फिर शुरू होगी", "एलेना वर्गा", "अनुसार"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "persons", "words", "speaker", "cue"), AFTER + BEFORE)
def test_direct_quote_and_its_speaker(
    language: str, text: str, persons: tuple[str, ...], words: str, speaker: str, cue: str
) -> None:
    doc = analyse(text, language, persons)
    (quote,) = doc.layer("quote")
    assert (quote.label, quote.text_in(doc), quote.start) == ("direct", words, text.index(words))
    assert quote.attrs == {
        "speaker": speaker,
        "speaker_start": text.index(speaker),
        "speaker_end": text.index(speaker) + len(speaker),
        "speaker_entity": speaker,
        "speaker_how": "entity",
        "cue": cue,
    }


@pytest.mark.parametrize(("language", "text", "persons", "words", "speaker", "cue"), REPORTED)
def test_reported_speech(
    language: str, text: str, persons: tuple[str, ...], words: str, speaker: str, cue: str
) -> None:
    doc = analyse(text, language, persons)
    (quote,) = doc.layer("quote")
    assert (quote.label, quote.text_in(doc), quote.start) == ("reported", words, text.index(words))
    assert (quote.attrs["speaker"], quote.attrs["speaker_how"], quote.attrs["cue"]) == (
        speaker,
        "entity",
        cue,
    )


@pytest.mark.parametrize(
    ("language", "text", "words", "speaker", "cue"),
    [
        # Without an entity recogniser the speaker is the phrase that names them.
        ("de", "„Die Lage an der Grenze ist ernst“, so der Innenminister.", "Die Lage an der Grenze ist ernst",
         "der Innenminister", "so"),
        ("it", "«La decisione è presa», ha detto il ministro dell'Economia.", "La decisione è presa",
         "il ministro dell'Economia", "ha detto"),
        ("de", "»Wir bleiben bei unserer Position«, sagte der Sprecher der Regierung.",
         "Wir bleiben bei unserer Position", "der Sprecher der Regierung", "sagte"),
        ("pt", "“Vamos continuar a negociar”, disse o porta-voz do governo.", "Vamos continuar a negociar",
         "o porta-voz do governo", "disse"),
        # German puts the subject after the verb when a phrase opens the sentence
        ("de", "Zu den Ursachen erklärte der Leiter des Programms: „Das Virus kam aus dem Süden.“",
         "Das Virus kam aus dem Süden.", "der Leiter des Programms", "erklärte"),
        ("de", "Weiter berichtet das Portal: „Die Stadt warnt vor der Hitze.“", "Die Stadt warnt vor der Hitze.",
         "das Portal", "berichtet"),
        # the one written about, after "о"/"про", is not who writes
        ("ru", "Олег Варников уехал. «Он не вернётся», — пишут журналисты о Варникове.", "Он не вернётся",
         "журналисты", "пишут"),
        ("uk", "Олег Варников поїхав. «Він не повернеться», — розповіли журналісти про Варникова.",
         "Він не повернеться", "журналісти", "розповіли"),
    ],
)  # fmt: skip
def test_speaker_as_a_phrase(language: str, text: str, words: str, speaker: str, cue: str) -> None:
    doc = analyse(text, language)
    assert found(doc) == [("direct", words, speaker, "phrase")]
    assert doc.layer("quote")[0].attrs["cue"] == cue


@pytest.mark.parametrize(
    ("language", "text", "speaker", "cue"),
    [
        ("fr", "« Nous ne reculerons pas », a-t-elle répondu aux journalistes.", "elle", "a-t-elle répondu"),
        ("en", "He said: “We will not back down.”", "He", "said"),
    ],
)
def test_a_pronoun_with_no_one_named_before_names_no_one(
    language: str, text: str, speaker: str, cue: str
) -> None:
    (quote,) = analyse(text, language).layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_how"], quote.attrs.get("speaker_entity")) == (
        speaker,
        "pronoun",
        None,
    )
    assert quote.attrs["cue"] == cue


@pytest.mark.parametrize(
    ("language", "text", "persons", "words", "cue"),
    [
        # The verb's subject is left out: the last person named speaks.
        ("it", "Elena Varga ha parlato a lungo. «Andremo avanti comunque», ha aggiunto.", ("Elena Varga",),
         "Andremo avanti comunque", "ha aggiunto"),
        ("pl", "Helena Wargowska nie kryła irytacji. „Nie zmienimy zdania” – dodała.", ("Helena Wargowska",),
         "Nie zmienimy zdania", "dodała"),
        # ... an adverb after the verb is the verb's, no subject
        ("pt", "Helena Vargas falou longamente. «Vamos avançar», frisou ainda.", ("Helena Vargas",),
         "Vamos avançar", "frisou"),
        # "sagte er", "dit-il": a pronoun right after the verb.
        ("de", "Helga Brandt kam spät. Dann sagte sie: „Wir unterschreiben heute nicht.“", ("Helga Brandt",),
         "Wir unterschreiben heute nicht.", "sagte"),
    ],
)  # fmt: skip
def test_subject_left_out_or_after_the_verb(
    language: str, text: str, persons: tuple[str, ...], words: str, cue: str
) -> None:
    doc = analyse(text, language, persons)
    (quote,) = doc.layer("quote")
    assert (quote.label, quote.text_in(doc)) == ("direct", words)
    assert (quote.attrs["speaker_how"], quote.attrs["speaker_entity"], quote.attrs["cue"]) == (
        "pronoun",
        persons[0],
        cue,
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pt", "“O acordo morreu”, concluiu Clara Nunes, citando também Rui Lemos e Ana Reis.\n\n"
               "“O governo está a recuar”, disse."),
        ("en", '"The deal is dead," said Clara Nunes, who also named Rui Lemos and Ana Reis.\n\n'
               '"The government is retreating," she said.'),
    ],
)  # fmt: skip
def test_persons_a_speaker_names_in_passing_do_not_take_the_next_quote(language: str, text: str) -> None:
    doc = analyse(text, language, ("Clara Nunes", "Rui Lemos", "Ana Reis"))
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["Clara Nunes", "Clara Nunes"]
    # one who has a sentence of their own after the speaker's is the one meant
    other = {"pt": "“O acordo morreu”, concluiu Clara Nunes. Ana Reis discordou.\n\n“O governo resiste”, disse.",
             "en": '"The deal is dead," said Clara Nunes. Ana Reis disagreed.\n\n"The government holds," she said.'}  # fmt: skip
    doc = analyse(other[language], language, ("Clara Nunes", "Ana Reis"))
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["Clara Nunes", "Ana Reis"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pt", "“O modelo funciona”, disse à Lusa Paulo Ramos, médico da ULS."),
        ("fr", "« Le modèle marche », a déclaré à l'AFP Paul Girard."),
        ("it", "«Il modello funziona», ha detto all'ANSA Paolo Neri."),
        ("es", "«El modelo funciona», dijo a Efe Pablo Ruiz."),
    ],
)
def test_one_spoken_to_is_not_the_speaker(language: str, text: str) -> None:
    speaker = text.rstrip(".").split(" ")[-2:] if language != "pt" else ["Paulo", "Ramos"]
    name = " ".join(speaker).rstrip(",")
    agency = {"pt": "Lusa", "fr": "AFP", "it": "ANSA", "es": "Efe"}[language]
    # the recogniser took the agency for a person, as it did "Lusa" in a real article
    doc = analyse(text, language, (name, agency))
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == [name]


def test_the_subject_after_the_verb_is_its_own_clause_not_a_name_in_a_relative_clause() -> None:
    text = "“The deal failed,” said the official, who had met the Daily Ledger in May."
    doc = analyse(text, "en", (), {"Daily Ledger": "ORG"})
    (quote,) = doc.layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_how"]) == ("the official", "phrase")


def test_a_name_right_after_the_subjects_comma_is_its_apposition_and_speaks() -> None:
    text = "«O orçamento será aprovado», disse o ministro, Pedro Lemos, durante a visita a Faro."
    doc = analyse(text, "pt", ("Pedro Lemos",))
    (quote,) = doc.layer("quote")
    assert (quote.attrs["speaker_entity"], quote.attrs["speaker_how"]) == ("Pedro Lemos", "entity")


def test_a_subject_after_the_tail_verb_speaks_not_an_apposition_before_it() -> None:
    text = "O défice vai subir com o ministro, Pedro Lemos, no próximo ano, sublinha o relatório."
    doc = analyse(text, "pt", ("Pedro Lemos",))
    (quote,) = doc.layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_how"]) == ("o relatório", "document")


def test_a_reflexive_si_makes_the_verb_impersonal_and_the_document_its_source() -> None:
    text = "Il rapporto è uscito ieri. Nel documento si sottolinea che i prezzi del pane sono saliti."
    doc = analyse(text, "it")
    (quote,) = doc.layer("quote")
    assert (quote.text_in(doc), quote.attrs["speaker"], quote.attrs["speaker_how"]) == (
        "i prezzi del pane sono saliti",
        "documento",
        "document",
    )


def test_an_adverb_after_a_pronoun_is_no_part_of_the_speaker() -> None:
    text = "The Lorand Group wrote a report. “Prices rose sharply,” it further claims."
    doc = analyse(text, "en", (), {"Lorand Group": "ORG"})
    (quote,) = doc.layer("quote")
    assert quote.attrs["speaker"] == "it"


def test_a_clause_that_goes_on_after_a_comma_is_no_aside_before_that() -> None:
    # "he said, they are furious at X for the fact that ...": what follows "that" is no one's words
    text = "Helena Wargowska mówiła, wszyscy w naszym mieście są zmęczeni tym, że pociągi się spóźniają."
    assert analyse(text, "pl", ("Helena Wargowska",)).layer("quote") == []


def test_a_left_out_subject_is_the_last_speaker_not_a_person_named_in_what_was_said() -> None:
    text = (
        "A porta-voz, Helena Vargas, afirmou que as declarações do ministro, Pedro Lemos, eram boas. "
        "«Vamos continuar a negociar», frisou."
    )
    doc = analyse(text, "pt", ("Helena Vargas", "Pedro Lemos"))
    direct = [q for q in doc.layer("quote") if q.label == "direct"]
    assert [(q.text_in(doc), q.attrs["speaker_how"], q.attrs["speaker_entity"]) for q in direct] == [
        ("Vamos continuar a negociar", "pronoun", "Helena Vargas")
    ]


@pytest.mark.parametrize(
    ("language", "text", "verb"),
    [
        ("pt", "A porta-voz Ana Reis falou. «O plano está atrasado», afirmou, citada pela Lusa.", "afirmou"),
        ("it", "La portavoce Ana Reis ha parlato. «Il cantiere è in ritardo», ha detto, citata dall'ANSA.", "ha detto"),
        ("fr", "La porte-parole Ana Reis a parlé. « Le chantier prend du retard », a-t-elle dit, citée par l'AFP.",
         "a-t-elle dit"),
        ("es", "La portavoz Ana Reis habló. «La obra lleva retraso», dijo, citada por la agencia EFE.", "dijo"),
    ],
)  # fmt: skip
def test_a_medium_that_relayed_the_words_is_not_the_speaker(language: str, text: str, verb: str) -> None:
    medium = next(name for name in ("Lusa", "ANSA", "AFP", "EFE") if name in text)
    doc = analyse(text, language, ("Ana Reis",), {medium: "ORG"})
    (quote,) = doc.layer("quote")
    assert (quote.attrs["speaker_entity"], quote.attrs["cue"]) == ("Ana Reis", verb)


@pytest.mark.parametrize(
    ("language", "text", "body", "speaker", "verb"),
    [
        ("it", "«Il bilancio è in ordine», ha spiegato il presidente della Regione.", "Regione",
         "il presidente della Regione", "ha spiegato"),
        ("en", "\"The budget is balanced,\" said the head of the Council.", "Council", "the head of the Council",
         "said"),
        ("pt", "«O orçamento está equilibrado», disse o presidente da Comissão.", "Comissão", "o presidente da Comissão", "disse"),
        # before the verb, a member of a party
        ("it", "Un esponente della Lega ha detto: «La scuola va riformata».", "Lega", "Un esponente della Lega",
         "ha detto"),
        # a longer title whose complement is the body
        ("en", "\"The vote was rigged,\" the Latvian ambassador to the Council said.", "Council",
         "the Latvian ambassador to the Council", "said"),
        ("en", "The former Latvian envoy to the Council said the vote was rigged.", "Council",
         "The former Latvian envoy to the Council", "said"),
        # a common noun that the body's name qualifies ends the phrase
        ("en", "The head of the Varnel Workers union said the strike would go on.", "Varnel Workers",
         "The head of the Varnel Workers union", "said"),
        ("en", "\"We will not retreat,\" said the head of the Varnel group on Monday.", "Varnel",
         "the head of the Varnel group", "said"),
        ("it", "Il presidente del gruppo Varnel Lavoro ha detto: «Lo sciopero continua».", "Varnel Lavoro",
         "Il presidente del gruppo Varnel Lavoro", "ha detto"),
    ],
)  # fmt: skip
def test_the_head_or_a_member_of_a_body_speaks_not_the_body(
    language: str, text: str, body: str, speaker: str, verb: str
) -> None:
    doc = analyse(text, language, (), {body: "ORG"})
    (quote,) = doc.layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_how"], quote.attrs["cue"]) == (
        speaker,
        "phrase",
        verb,
    )


def test_a_quote_before_another_of_the_same_sentence_shares_its_speaker() -> None:
    def speakers(text: str, persons: tuple[str, ...]) -> list[str | None]:
        doc = analyse(text, "pt", persons, {"Rádio Sul": "ORG"})
        return [q.attrs.get("speaker_entity") for q in doc.layer("quote") if q.label == "direct"]

    text = ("“Discutimos o orçamento durante horas” no parlamento e “ninguém cedeu um milímetro”, "
            "disse Pedro Lemos, segundo a Rádio Sul.")  # fmt: skip
    assert speakers(text, ("Pedro Lemos",)) == ["Pedro Lemos", "Pedro Lemos"]
    # not across a verb of its own, nor across a sentence's end
    text = "“Discutimos o orçamento”, afirmou Ana Reis, e “ninguém cedeu”, disse Pedro Lemos."
    assert speakers(text, ("Ana Reis", "Pedro Lemos")) == ["Ana Reis", "Pedro Lemos"]
    text = "“Discutimos o orçamento durante horas.” Depois “ninguém cedeu”, disse Pedro Lemos."
    assert speakers(text, ("Pedro Lemos",)) == [None, "Pedro Lemos"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le texte adressé à la Commission, publié hier, le dit clairement : « Nous refusons. »"),
        (
            "it",
            "La lettera inviata alla Commissione, pubblicata ieri, lo ha detto chiaramente: «Rifiutiamo.»",
        ),
    ],
)
def test_an_object_pronoun_before_the_verb_is_no_speaker(language: str, text: str) -> None:
    doc = analyse(text, language, (), {"Commission": "ORG", "Commissione": "ORG"})
    (quote,) = doc.layer("quote")
    assert quote.attrs.get("speaker") not in ("le", "lo")
    assert quote.attrs.get("speaker_entity") is None  # not the one written to


@pytest.mark.parametrize(
    ("language", "text", "person"),
    [
        (
            "pt",
            'Clara Nunes falou à rádio. Disse ter ouvido que "os aliados vão ceder já".',
            "Clara Nunes",
        ),
        ("pt", 'Clara Nunes falou. "Os aliados vão ceder", disse ter ouvido.', "Clara Nunes"),
        ("it", "Clara Neri ha parlato. «Gli alleati cederanno», ha detto di avere saputo.", "Clara Neri"),
        ("es", "Clara Ruiz habló. «Los aliados cederán», dijo haber oído.", "Clara Ruiz"),
    ],
)
def test_an_infinitive_after_the_verb_is_its_complement_not_its_subject(
    language: str, text: str, person: str
) -> None:
    doc = analyse(text, language, (person,))
    (quote,) = [q for q in doc.layer("quote") if q.label == "direct"]
    assert (quote.attrs["speaker_how"], quote.attrs["speaker_entity"]) == ("pronoun", person)


def test_bulgarian_nouns_with_their_article_and_a_pronoun_after_an_adverb() -> None:
    text = ("Това заяви българският учен д-р Петър Илиев пред радиото. „Реките ще пресъхнат“, каза ученият. "
            "„Горите също ще страдат“, каза още той.")  # fmt: skip
    doc = analyse(text, "bg", ("Петър Илиев",))
    assert [
        (q.attrs["speaker"], q.attrs["speaker_how"], q.attrs["speaker_entity"]) for q in doc.layer("quote")
    ] == [
        ("ученият", "name", "Петър Илиев"),  # "учен" + the article "-ият"
        ("той", "pronoun", "Петър Илиев"),  # "още" is the verb's
    ]


def test_a_quoted_paragraph_after_a_long_attribution_goes_on_with_its_speaker() -> None:
    text = ('"O acordo morreu", disse na terça-feira (12) a economista de energia Clara Nunes.\n\n'
            '«Ninguém quer admitir isto. A fatura chega no inverno."')  # fmt: skip
    doc = analyse(text, "pt", ("Clara Nunes",))
    assert [(q.text_in(doc), q.attrs["speaker_entity"]) for q in doc.layer("quote")] == [
        ("O acordo morreu", "Clara Nunes"),
        # left open by «, the " of another pair is no part of it
        ("Ninguém quer admitir isto. A fatura chega no inverno.", "Clara Nunes"),
    ]


def test_a_quoted_name_before_a_verb_is_its_subject_not_a_quote_of_someone_else() -> None:
    doc = analyse("Ирина Коваль выступила утром. Компания «Северный поток» сообщила о ремонте.", "ru",
                  ("Ирина Коваль",))  # fmt: skip
    assert found(doc) == [("phrase", "Северный поток", None, None)]


@pytest.mark.parametrize(
    ("language", "text", "persons", "words", "speaker", "normal", "cue"),
    [
        ("en", "According to Viktor Lorand, the exercises were planned long ago.", (), "the exercises were planned long ago",
         "Viktor Lorand", None, "according to"),
        ("uk", "За словами Олени Варги, переговори відновляться у Відні.", {"Олени Варги": "Олена Варга"},
         "переговори відновляться у Відні", "Олени Варги", "Олена Варга", "за словами"),
        ("fr", "Les négociations reprendront en mars, selon Hélène Vargas.", ("Hélène Vargas",),
         "Les négociations reprendront en mars", "Hélène Vargas", "Hélène Vargas", "selon"),
        ("it", "Secondo il ministro, i negoziati riprenderanno a Vienna.", (), "i negoziati riprenderanno a Vienna",
         "il ministro", None, "secondo"),
        ("es", "Las negociaciones se reanudarán en marzo, según la ministra.", (),
         "Las negociaciones se reanudarán en marzo", "la ministra", None, "según"),
        ("pl", "Zdaniem ministra, rozmowy zostaną wznowione w marcu.", (), "rozmowy zostaną wznowione w marcu",
         "ministra", None, "zdaniem"),
        ("pl", "Według Heleny Wargowskiej rozmowy zostaną wznowione w marcu.",
         {"Heleny Wargowskiej": "Helena Wargowska"}, "rozmowy zostaną wznowione w marcu", "Heleny Wargowskiej",
         "Helena Wargowska", "według"),
        ("de", "Die Gespräche gehen im März weiter, so der Sprecher des Ministeriums.", (),
         "Die Gespräche gehen im März weiter", "der Sprecher des Ministeriums", None, "so"),
        ("pt", "Segundo a ministra, as negociações serão retomadas em março.", (),
         "as negociações serão retomadas em março", "a ministra", None, "segundo"),
        # a speech verb between the lead and its subject is no part of the source
        ("pt", "Segundo observou a ministra, as negociações serão retomadas em março.", (),
         "as negociações serão retomadas em março", "a ministra", None, "segundo"),
        ("es", "Según explicó Ana Varga, las negociaciones se reanudarán en marzo.", ("Ana Varga",),
         "las negociaciones se reanudarán en marzo", "Ana Varga", "Ana Varga", "según"),
        ("bg", "Според Елена Варгова преговорите ще продължат през март.", ("Елена Варгова",),
         "преговорите ще продължат през март", "Елена Варгова", "Елена Варгова", "според"),
        # a name after a title of more than two words, without a comma
        ("bg", "Според министъра на отбраната Иван Петров войските са се изтеглили от границата.",
         ("Иван Петров",), "войските са се изтеглили от границата", "Иван Петров", "Иван Петров", "според"),
        ("pl", "Według ministra obrony narodowej Jana Kowalskiego wojska wycofały się z granicy.",
         {"Jana Kowalskiego": "Jan Kowalski"}, "wojska wycofały się z granicy", "Jana Kowalskiego",
         "Jan Kowalski", "według"),
        # Polish: the source is what can be in the genitive, up to a word that cannot ("w") or the
        # subject of the verb after it ("ceny" could be a genitive; "dobra passa" an adjective's)
        ("pl", "Według resortu w przyszłym roku Polska wyda na armię 4 procent PKB.", (),
         "w przyszłym roku Polska wyda na armię 4 procent PKB", "resortu", None, "według"),
        ("pl", "Według resortu obrony Polska wyda na armię 4 procent PKB.", (),
         "Polska wyda na armię 4 procent PKB", "resortu obrony", None, "według"),
        ("pl", "Według ekonomistów ceny wzrosną w marcu.", (), "ceny wzrosną w marcu", "ekonomistów", None, "według"),
        # a number in a name ("Polska 2050") is the name's
        ("pl", "Zdaniem lidera Nowej Drogi 2030 w sprawie sądów potrzebne jest referendum.", (),
         "w sprawie sądów potrzebne jest referendum", "lidera Nowej Drogi 2030", None, "zdaniem"),
        ("pl", "Według tego zestawienia najwięcej pracują Czesi.", (), "najwięcej pracują Czesi", "tego zestawienia",
         None, "według"),
        # a name in apposition, which Polish leaves uninflected, is part of the source
        ("pl", "Według niezależnego portalu Meduza poparcie dla wojny spada.", (), "poparcie dla wojny spada",
         "niezależnego portalu Meduza", None, "według"),
        # ... but not the subject that a verb follows, nor a preposition
        ("pl", "Według badań SARS-CoV-2 wykazuje podobieństwo do innych wirusów.", (),
         "SARS-CoV-2 wykazuje podobieństwo do innych wirusów", "badań", None, "według"),
        ("pl", "Według wyjaśnień SG do tej liczby wlicza się wiele zdarzeń.", (),
         "do tej liczby wlicza się wiele zdarzeń", "wyjaśnień SG", None, "według"),
        ("pl", "Zdaniem analityka Jana Kowalskiego dobra passa może się skończyć.",
         {"Jana Kowalskiego": "Jan Kowalski"}, "dobra passa może się skończyć", "Jana Kowalskiego", "Jan Kowalski",
         "zdaniem"),
    ],
)  # fmt: skip
def test_sources_named_by_a_lead(
    language: str,
    text: str,
    persons: Mapping[str, str] | tuple[str, ...],
    words: str,
    speaker: str,
    normal: str | None,
    cue: str,
) -> None:
    doc = analyse(text, language, persons)
    (quote,) = doc.layer("quote")
    assert (quote.label, quote.text_in(doc)) == ("reported", words)
    how = "entity" if normal else "phrase"
    assert (
        quote.attrs["speaker"],
        quote.attrs["speaker_entity"],
        quote.attrs["speaker_how"],
        quote.attrs["cue"],
    ) == (
        speaker,
        normal,
        how,
        cue,
    )


def test_a_source_ends_where_the_name_or_the_run_of_capitals_reaches_further() -> None:
    # The recogniser's organisation reaches past the capitals ("комисия" is lowercase) ...
    text = "Според доклада на Европейската комисия България е изпълнила изискванията."
    doc = Document(text, language="bg")
    SegmentAnalyzer({})(doc)
    start = text.index("Европейската")
    doc.add_span(
        Span(
            start,
            start + len("Европейската комисия"),
            "entity",
            "ORG",
            "test",
            attrs={"normal": "Европейска комисия"},
        )
    )
    QuoteAnalyzer(analyzer_defaults("narrascope.quotes.v1"))(doc)
    assert found(doc)[0][1:3] == ("България е изпълнила изискванията", "доклада на Европейската комисия")
    # ... and the capitals reach past a name that it cut short.
    text = "Według raportu Najwyższej Izby Kontroli wydatki wzrosły o 40 procent."
    doc = Document(text, language="pl")
    SegmentAnalyzer({})(doc)
    start = text.index("Najwyższej")
    doc.add_span(
        Span(start, start + len("Najwyższej"), "entity", "ORG", "test", attrs={"normal": "Najwyższa"})
    )
    QuoteAnalyzer(analyzer_defaults("narrascope.quotes.v1"))(doc)
    assert found(doc)[0][1:3] == ("wydatki wzrosły o 40 procent", "raportu Najwyższej Izby Kontroli")


# -- transcript style: "Name, title:" and the paragraph after it ------------------------------


def test_transcript_speaker_lines_in_english() -> None:
    text = (
        "The talks ended late on Tuesday.\n"
        "Maria Zorina, spokeswoman of the Foreign Ministry:\n"
        "We have said many times that the West does not listen to us.\n"
        "Arkady Brennan, head of the delegation:\n"
        "“Nobody in Geneva expected a breakthrough this week.”\n"
        "“The next round will be held in March.”\n"
        "The delegations left Geneva on Wednesday."
    )
    doc = analyse(text, "en", ("Arkady Brennan",))
    assert found(doc) == [
        ("direct", "We have said many times that the West does not listen to us.", "Maria Zorina", "phrase"),
        ("direct", "Nobody in Geneva expected a breakthrough this week.", "Arkady Brennan", "entity"),
        ("direct", "The next round will be held in March.", "Arkady Brennan", "entity"),
    ]
    assert {q.attrs["cue"] for q in doc.layer("quote")} == {":"}
    zorina = doc.layer("quote")[0].attrs
    assert (zorina["speaker_start"], zorina["speaker_end"]) == (33, 45)


def test_transcript_speaker_lines_in_russian_and_french() -> None:
    text = "Мария Зорина, официальный представитель МИД:\nМы много раз говорили, что Запад нас не слышит.\nКонец брифинга."
    assert found(analyse(text, "ru")) == [
        ("direct", "Мы много раз говорили, что Запад нас не слышит.", "Мария Зорина", "phrase")
    ]
    text = "Hélène Vargas, porte-parole du gouvernement :\n« Nous ne changerons pas de cap. »"
    assert found(analyse(text, "fr")) == [
        ("direct", "Nous ne changerons pas de cap.", "Hélène Vargas", "phrase")
    ]


def test_transcript_name_and_quote_on_one_line() -> None:
    doc = analyse("Helga Brandt: „Wir bleiben bei unserer Position.“", "de")
    assert found(doc) == [("direct", "Wir bleiben bei unserer Position.", "Helga Brandt", "phrase")]


@pytest.mark.parametrize(
    "text",
    [
        "Arrest information:\nThe suspect was detained on Friday.",  # one capitalised word
        "Arrest Information:\nThe suspect was detained on Friday.",  # a label, no title, nothing quoted
        "By Maria Zorina, Daily Courier, 12 March 2023:\nThe suspect was detained on Friday.",  # a byline
        "BREAKING NEWS:\n“The suspect was detained on Friday,” police said.",
    ],
)
def test_lines_that_are_not_speaker_lines(text: str) -> None:
    doc = analyse(text, "en")
    assert all(q.attrs.get("cue") != ":" for q in doc.layer("quote"))


# -- title phrases as speakers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "words", "speaker", "cue"),
    [
        ("en", "As the director of the Russian FSB said, the agents were detained near the border.",
         "the agents were detained near the border", "the director of the Russian FSB", "said"),
        ("de", "Wie der Direktor des FSB sagte, wurden die Agenten an der Grenze festgenommen.",
         "wurden die Agenten an der Grenze festgenommen", "der Direktor des FSB", "sagte"),
        ("de", "Wie der Sprecher des Ministeriums mitteilte, wurden in der Nacht zwölf Drohnen abgeschossen.",
         "wurden in der Nacht zwölf Drohnen abgeschossen", "der Sprecher des Ministeriums", "mitteilte"),
        ("ru", "Как заявил директор ФСБ, агенты были задержаны на границе.", "агенты были задержаны на границе",
         "директор ФСБ", "заявил"),
        ("es", "Como dijo el director del servicio de inteligencia, los agentes fueron detenidos en la frontera.",
         "los agentes fueron detenidos en la frontera", "el director del servicio de inteligencia", "dijo"),
        ("fr", "Comme l'a déclaré le directeur du renseignement, les agents ont été arrêtés à la frontière.",
         "les agents ont été arrêtés à la frontière", "le directeur du renseignement", "l'a déclaré"),
        ("en", "The agents were detained near the border, as the director of the FSB said.",
         "The agents were detained near the border", "the director of the FSB", "said"),
    ],
)  # fmt: skip
def test_title_phrase_as_speaker(language: str, text: str, words: str, speaker: str, cue: str) -> None:
    doc = analyse(text, language)
    (quote,) = doc.layer("quote")
    assert (quote.label, quote.text_in(doc)) == ("reported", words)
    assert (quote.attrs["speaker"], quote.attrs["speaker_how"], quote.attrs["cue"]) == (
        speaker,
        "phrase",
        cue,
    )


def test_a_german_title_after_the_verb_ends_at_a_preposition_and_names_the_person() -> None:
    # "am Montag" says when, and "der Kanzler" alone is the chancellor named before
    text = "Bundeskanzler Olaf Varnow reiste ab. „Wir helfen“, betonte der Kanzler am Montag in Paris."
    doc = analyse(text, "de", ("Olaf Varnow",))
    (quote,) = doc.layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_entity"]) == ("der Kanzler", "Olaf Varnow")


@pytest.mark.parametrize(
    ("language", "text", "name", "words"),
    [
        ("en", "As the director of the Vienna Institute for Economic Studies, Klara Brandt, said yesterday, "
         "households will feel the change only in the second half of 2024.", "Klara Brandt",
         "households will feel the change only in the second half of 2024"),
        ("pt", "Como referiu o presidente da Liga dos Bombeiros Portugueses, António Matos, muitos quartéis "
         "continuam sem viaturas adequadas.", "António Matos", "muitos quartéis continuam sem viaturas adequadas"),
    ],
)  # fmt: skip
def test_an_as_clause_names_the_person_set_off_after_a_long_title(
    language: str, text: str, name: str, words: str
) -> None:
    # the organisation in the title is an entity too: the person after it speaks, not it
    organisation = re.search(r"Vienna Institute for Economic Studies|Liga dos Bombeiros Portugueses", text)
    assert organisation is not None
    doc = analyse(text, language, (name,), {organisation.group(): "ORG"})
    (quote,) = doc.layer("quote")
    assert (quote.label, quote.text_in(doc), quote.attrs["speaker"]) == ("reported", words, name)


def test_a_time_may_stand_between_a_verb_and_its_subject_after_it() -> None:
    text = (
        "«Pensámos que ele iria organizar operações», disse, esta quarta-feira, o ministro Gérald Darmanin."
    )
    doc = analyse(text, "pt", ("Gérald Darmanin",))
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Gérald Darmanin"]


def test_an_as_clause_verb_before_a_comma_keeps_its_subject_after_it() -> None:
    text = (
        "Como explica, a coordenadora de Projetos do WRI Brasil, Luciana Alves:\n\n"
        '"na Caatinga, investimentos na restauração produtiva são essenciais para as populações."'
    )
    doc = analyse(text, "pt", ("Luciana Alves",))
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Luciana Alves"]


@pytest.mark.parametrize(
    ("language", "text", "named"),
    [
        ("pt", "«A lista continua», afirmou António Guterres.\n\n«A doença é a inação climática», reforçou, "
         "pedindo que Lula da Silva entre em ação.", ("António Guterres", "Lula da Silva")),
        ("it", "«La lista continua», ha detto Mario Rossi.\n\n«Serve agire subito», ha aggiunto, chiedendo "
         "che Giorgia Meloni intervenga.", ("Mario Rossi", "Giorgia Meloni")),
        # where it was said, or to whom, after a preposition: not who said it
        ("pl", "„Nie zmienimy zdania” – powiedziała Helena Wargowska.\n\n„Rozmowy trwają” – dodała w "
         "wywiadzie dla Polsatu.", ("Helena Wargowska", "Polsatu")),
    ],
)  # fmt: skip
def test_a_verb_that_left_out_its_subject_is_not_given_a_name_after_it(
    language: str, text: str, named: tuple[str, ...]
) -> None:
    # the second quote is the first speaker's, not that of the name in the clause after the verb
    doc = analyse(text, language, named)
    speakers = [q.attrs.get("speaker_entity") for q in doc.layer("quote")]
    assert speakers == [named[0], named[0]]


@pytest.mark.parametrize(
    "text",
    [
        "Уровень безработицы в России снизился до 2,6%, говорится в докладе Федеральной службы "
        "государственной статистики.",
        "Уровень безработицы в России снизился до 2,6%, говорится в докладе Росстата, опубликованном в четверг.",
    ],
)
def test_an_impersonal_verb_quotes_a_document_with_a_long_name_or_a_description_after_it(text: str) -> None:
    doc = analyse(text, "ru")
    (quote,) = doc.layer("quote")
    assert quote.text_in(doc) == "Уровень безработицы в России снизился до 2,6%"
    assert quote.attrs["speaker"].startswith("в докладе") and quote.attrs["speaker_how"] == "document"


def test_a_subject_after_the_verb_that_names_someone_may_take_more_words() -> None:
    text = (
        "L'Union européenne a promis 5 millions d'euros, a indiqué un porte-parole de la Commission "
        "européenne à Bruxelles."
    )
    doc = analyse(text, "fr", others={"Commission européenne": "ORG"})
    (quote,) = doc.layer("quote")
    assert quote.text_in(doc) == "L'Union européenne a promis 5 millions d'euros"
    assert quote.attrs["speaker_entity"] == "Commission européenne"
    # without a name, so many words after the verb are no attribution
    plain = analyse(text.replace("Commission européenne", "commission"), "fr")
    assert not plain.layer("quote")
    # nor where the verb has its subject before it: the name after it is no subject
    doc = analyse(
        "Later, during his news conference, Trump said Warmbier's death contributed to the summit taking place.",
        "en",
        ("Trump", "Warmbier"),
    )
    assert "Later, during his news conference" not in [q.text_in(doc) for q in doc.layer("quote")]


def test_bulgarian_announced_reports() -> None:
    doc = analyse("Синдикатите обявиха, че ще организират протести в Пловдив и Варна.", "bg")
    (quote,) = doc.layer("quote")
    assert (quote.label, quote.text_in(doc)) == ("reported", "ще организират протести в Пловдив и Варна")


def test_title_phrase_before_a_direct_quote() -> None:
    text = "As the director of the Russian FSB said, “the agents were detained near the border.”"
    assert found(analyse(text, "en")) == [
        ("direct", "the agents were detained near the border.", "the director of the Russian FSB", "phrase")
    ]


def test_as_a_speaker_said_before_a_colon() -> None:
    text = "As the director of the Russian FSB said on Monday: “The agents were detained near the border.”"
    assert found(analyse(text, "en")) == [
        ("direct", "The agents were detained near the border.", "the director of the Russian FSB", "phrase")
    ]
    text = "As Arkady Brennan put it: “The agents were detained near the border.”"
    assert found(analyse(text, "en", ("Arkady Brennan",))) == [
        ("direct", "The agents were detained near the border.", "Arkady Brennan", "entity")
    ]


def test_as_reported_in_a_paper_gives_the_paper() -> None:
    text = "As reported in the Daily Courier, the quota has given most of the cod to France."
    assert found(analyse(text, "en")) == [
        ("reported", "the quota has given most of the cod to France", "the Daily Courier", "phrase")
    ]


def test_a_person_in_the_title_phrase_is_preferred() -> None:
    text = "As FSB director Alexander Borin said, the agents were detained near the border."
    doc = analyse(text, "en", ("Alexander Borin",))
    assert found(doc) == [
        ("reported", "the agents were detained near the border", "Alexander Borin", "entity")
    ]
    text = "Как заявил директор ФСБ Александр Борин, агенты были задержаны на границе."
    doc = analyse(text, "ru", ("Александр Борин",))
    assert found(doc) == [("reported", "агенты были задержаны на границе", "Александр Борин", "entity")]


@pytest.mark.parametrize(
    "text",
    [
        "As the war continued, the army moved closer to the capital.",
        "As has been pointed out before, sanctions hurt the people most.",
    ],
)
def test_as_clauses_without_a_speaker(text: str) -> None:
    assert found(analyse(text, "en")) == []


# -- documents as sources ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "label", "words", "speaker", "cue"),
    [
        ("en", "According to the reports made at the meeting, the grain deal will not be extended.", "reported",
         "the grain deal will not be extended", "the reports made at the meeting", "according to"),
        ("en", "“The grain deal will not be extended,” the statement said.", "direct",
         "The grain deal will not be extended,", "the statement", "said"),
        ("en", "The Defence Ministry's latest report said that the drills were over.", "reported",
         "the drills were over", "The Defence Ministry's latest report", "said"),
        ("de", "Laut dem Bericht wurden drei Beamte entlassen.", "reported", "wurden drei Beamte entlassen",
         "dem Bericht", "laut"),
        ("de", "Laut der Pressemitteilung des Ministeriums sinken die Preise.", "reported", "sinken die Preise",
         "der Pressemitteilung des Ministeriums", "laut"),
        ("fr", "Selon le rapport, les négociations ont échoué.", "reported", "les négociations ont échoué",
         "le rapport", "selon"),
        ("ru", "Согласно документу, поставки будут продолжены до конца года.", "reported",
         "поставки будут продолжены до конца года", "документу", "согласно"),
        ("ru", "По данным доклада, число беженцев выросло вдвое.", "reported", "число беженцев выросло вдвое",
         "доклада", "по данным"),
        ("ru", "В докладе говорится, что число беженцев выросло вдвое.", "reported",
         "число беженцев выросло вдвое", "докладе", "говорится"),
        # the document after an impersonal verb that opens the sentence
        ("ru", "Говорится в докладе, что число беженцев выросло вдвое.", "reported",
         "число беженцев выросло вдвое", "в докладе", "Говорится"),
        ("bg", "Посочва се в доклада, че броят на бежанците се е удвоил.", "reported",
         "броят на бежанците се е удвоил", "в доклада", "Посочва се"),
        ("es", "Según el informe, las negociaciones fracasaron.", "reported", "las negociaciones fracasaron",
         "el informe", "según"),
        ("pl", "Według raportu agenci zostali zatrzymani na granicy.", "reported",
         "agenci zostali zatrzymani na granicy", "raportu", "według"),
        ("pt", "De acordo com o relatório, as negociações fracassaram.", "reported", "as negociações fracassaram",
         "o relatório", "de acordo com"),
        ("bg", "Според доклада агентите са задържани на границата.", "reported", "агентите са задържани на границата",
         "доклада", "според"),
    ],
)  # fmt: skip
def test_documents_are_sources_not_speakers(
    language: str, text: str, label: str, words: str, speaker: str, cue: str
) -> None:
    doc = analyse(text, language, ("Viktor Lorand",))
    (quote,) = doc.layer("quote")
    assert (quote.label, quote.text_in(doc)) == (label, words)
    assert quote.attrs == {
        "speaker": speaker,
        "speaker_start": text.index(speaker),
        "speaker_end": text.index(speaker) + len(speaker),
        "speaker_entity": None,
        "speaker_how": "document",
        "cue": cue,
    }


def test_a_document_beats_an_organisation_or_person_named_in_it() -> None:
    text = "According to Viktor Lorand's report, the exercises were planned long ago."
    doc = analyse(text, "en", ("Viktor Lorand",))
    assert found(doc) == [
        ("reported", "the exercises were planned long ago", "Viktor Lorand's report", "document")
    ]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        # The words of people who signed a statement are theirs, not the statement's.
        ("ru", "По мнению подписавших заявление, эта политика провалилась.", "подписавших заявление"),
        # The head of the phrase is the source, not the report it is familiar with.
        ("en", "The source familiar with the report said that Congress had asked for it.",
         "The source familiar with the report"),
        # A genitive after the subject: "подписанты письма" are people.
        ("ru", "Подписанты письма заявили, что эта политика провалилась.", "Подписанты письма"),
    ],
)  # fmt: skip
def test_people_near_a_document_are_not_documents(language: str, text: str, speaker: str) -> None:
    (quote,) = analyse(text, language).layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_how"]) == (speaker, "phrase")


# -- what is not a quote, or not reported speech ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Russia’s envoy didn't comment on O'Brien's remarks about the soldiers' pay."),
        ("fr", "L'homme d'affaires n'a pas répondu aux questions de l'agence aujourd'hui."),
        ("it", "Il futuro dell'Italia dipende dall'Europa e un po' dalla Germania."),
        ("uk", "Ім'я міністра пов'язане з п'ятьма скандалами."),
        ("en", "Home » World » Europe » Talks in Vienna"),
        ("it", "Al secondo posto resta Oslo, seguita da Baku."),
        ("de", "Die Preise stiegen im Winter, so schnell wie nie zuvor."),
        ("pl", "Czy minister powiedział, że rozmowy zostaną wznowione?"),
        # a lead before a relative pronoun or in an idiom names no source
        ("fr", "Le train partira, selon toute probabilité, avec une heure de retard."),
        (
            "fr",
            "La rumeur selon laquelle la mairie fermera la piscine circule depuis lundi.",
        ),
        ("it", "La tesi secondo cui le banche hanno sempre ragione è stata smentita ieri."),
    ],
)
def test_no_quote_at_all(language: str, text: str) -> None:
    assert found(analyse(text, language)) == []


@pytest.mark.parametrize(
    ("language", "text", "phrase"),
    [
        ("en", 'The so-called "peacekeepers" arrived in the region on Tuesday.', "peacekeepers"),
        ("en", "The minister's 'reforms' were never passed by the parliament.", "reforms"),
        ("uk", "Так звані «миротворці» увійшли в регіон у вівторок.", "миротворці"),
        ("de", "Die sogenannten „Friedenstruppen“ rückten am Dienstag ein.", "Friedenstruppen"),
        ("fr", "Les soi-disant « casques bleus » sont arrivés mardi.", "casques bleus"),
        ("it", "I cosiddetti «pacificatori» sono arrivati martedì.", "pacificatori"),
        ("es", "Los llamados «pacificadores» llegaron el martes.", "pacificadores"),
        ("pl", "Tak zwany „rozejm” nie przetrwał nawet doby.", "rozejm"),
        ("pt", "Os chamados “pacificadores” chegaram na terça-feira.", "pacificadores"),
        ("bg", "Така наречените „миротворци“ влязоха в региона във вторник.", "миротворци"),
    ],
)
def test_scare_quotes_are_phrases_without_speaker(language: str, text: str, phrase: str) -> None:
    doc = analyse(text, language)
    (quote,) = doc.layer("quote")
    assert (quote.label, quote.text_in(doc), quote.start, quote.attrs) == (
        "phrase",
        phrase,
        text.index(phrase),
        {},
    )


def test_straight_single_quotes_in_an_english_headline() -> None:
    doc = analyse("Minister says 'no deal' without guarantees", "en")
    assert found(doc) == [("direct", "no deal", "Minister", "phrase")]


def test_a_quote_inside_reported_speech_takes_its_speaker() -> None:
    text = "Helena Varga said she was 'sure the border will stay open to trade' after the meeting."
    doc = analyse(text, "en", ("Helena Varga",))
    assert found(doc) == [("direct", "sure the border will stay open to trade", "Helena Varga", "entity")]


def test_later_scare_quotes_do_not_inherit_a_speaker() -> None:
    text = (
        "“We will not sign,” said Helena Varga. The papers called the plan a “reset” and a “new start” "
        "of the relations."
    )
    doc = analyse(text, "en", ("Helena Varga",))
    assert found(doc) == [
        ("direct", "We will not sign,", "Helena Varga", "entity"),
        ("phrase", "reset", None, None),
        ("phrase", "new start", None, None),
    ]


# -- the marks of each language -----------------------------------------------------------------


def quoted(text: str) -> list[str]:
    out = []
    for q in find_direct_quotes(text):
        assert text[q.close] in PAIRS[text[q.open]], (q, text)
        out.append(text[q.start : q.end])
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte: „Wir nennen es ‚Frieden‘, aber es ist Krieg.“", ["Wir nennen es ‚Frieden‘, aber es ist Krieg."]),
        ("„Nie podpiszemy” – powiedziała.", ["Nie podpiszemy"]),
        ("»Wir bleiben«, sagte er, »und zwar ›ohne Wenn und Aber‹.«", ["Wir bleiben", "und zwar ›ohne Wenn und Aber‹."]),
        ("Han sa: ”Vi skriver inte under avtalet.” Sedan gick han.", ["Vi skriver inte under avtalet."]),
        ("彼は「合意には『絶対に』署名しない」と述べた。", ["合意には『絶対に』署名しない"]),
        ("«\u00a0Nous ne signerons pas\u00a0», a-t-il dit.", ["\u00a0Nous ne signerons pas\u00a0"]),
        ("He said 'I don't know' and O'Brien's aide left.", ["I don't know"]),
        ('"You whip \'em up," he said, "and they vote."', ["You whip 'em up,", "and they vote."]),
        ("Так называемые «миротворцы» и «наблюдатели».", ["миротворцы", "наблюдатели"]),
        ("dell'Italia, l'homme, don't, O'Brien, soldiers' pay", []),
    ],
)  # fmt: skip
def test_quotation_marks_of_each_language(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


_MARKS = st.sampled_from([*"“”«»„‚‘’\"'‹›「」『』", "a", "b", " ", "\n", "s’t", "’s ", "n't", ".", ":"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKS, max_size=30).map("".join))
def test_any_marks_give_ordered_disjoint_matched_quotes(text: str) -> None:
    last = -1
    for q in find_direct_quotes(text):
        assert last < q.open < q.close <= len(text)
        # a closing mark, or the end of the paragraph where a quote was left open
        closers = PAIRS[text[q.open]] + (CLOSE_STRAIGHT if text[q.open] == '"' else "")
        assert text[q.close : q.close + 1] in ("\n", "", *closers)
        last = q.close


# -- long inputs --------------------------------------------------------------------------------


def test_a_megabyte_article_is_analysed_in_linear_time() -> None:
    block = (
        "“We will not sign this agreement,” said Foreign Minister Helena Varga.\n"
        "As the director of the Russian FSB said, the agents were detained near the border.\n"
        "According to the reports made at the meeting, the grain deal will not be extended.\n"
        "Maria Zorina, spokeswoman of the Foreign Ministry:\n"
        "We have said many times that the West does not listen to us.\n"
        "The so-called “peacekeepers” arrived in the region, and O'Brien didn't comment.\n"
    )
    small = analyse(block * 10, "en", ("Helena Varga",))
    started = time.perf_counter()
    large = analyse(block * 2400, "en", ("Helena Varga",))
    elapsed = time.perf_counter() - started
    assert len(large.text) > 1_000_000
    assert len(large.layer("quote")) == 240 * len(small.layer("quote"))
    assert elapsed < 30, f"{elapsed:.1f} s for 1 MB: quadratic somewhere?"


def test_a_surname_after_the_verb_ends_where_its_capitals_do() -> None:
    # The entity recogniser found the full name earlier but not the bare surname: the speaker
    # phrase stops before "dziennikarzom" (to journalists) and links to the full name.
    text = (
        "Minister Tomasz Wierzbicki przyjechał do Brukseli.\n"
        "„Nasze bezpieczeństwo zależy od jedności sojuszu” – powiedział Wierzbicki dziennikarzom."
    )
    doc = Document(text, language="pl")
    SegmentAnalyzer({})(doc)
    start = text.index("Tomasz Wierzbicki")
    doc.add_span(Span(start, start + 17, "entity", "PER", "test", attrs={"normal": "Tomasz Wierzbicki"}))
    QuoteAnalyzer(analyzer_defaults("narrascope.quotes.v1"))(doc)
    (quote,) = doc.layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_entity"], quote.attrs["speaker_how"]) == (
        "Wierzbicki",
        "Tomasz Wierzbicki",
        "name",
    )


def test_as_said_with_the_subject_left_out_is_the_last_person_named() -> None:
    # "Jak napisał w komentarzu dla ...": the phrase after the verb says where, not who
    text = (
        "Zdaniem ekonomisty Pawła Wargowskiego z Uniwersytetu Gdańskiego dobra passa może się skończyć. "
        "Jak napisał w komentarzu dla Dziennika Bałtyckiego, porty w Niemczech obniżają opłaty."
    )
    doc = analyse(text, "pl", {"Pawła Wargowskiego": "Paweł Wargowski"}, {"Dziennika Bałtyckiego": "ORG"})
    assert [(q.text_in(doc), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        # the source's place of work is part of the source, not of what he said
        ("dobra passa może się skończyć", "Paweł Wargowski"),
        ("porty w Niemczech obniżają opłaty", "Paweł Wargowski"),
    ]


def test_a_polish_source_in_the_case_its_lead_asks_for() -> None:
    # "zgodnie z" asks for the instrumental, the document's modifiers are in the genitive
    doc = analyse("Zgodnie z komunikatem ministerstwa w Gdańsku pracuje coraz więcej Czechów.", "pl")
    assert found(doc) == [
        ("reported", "w Gdańsku pracuje coraz więcej Czechów", "komunikatem ministerstwa", "document")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause after its preposition is no attribution of what comes before it
        "Wróciłbym jeszcze do sankcji gospodarczych, o których pan wspomniał i zauważył w tej kwestii ciekawą rzecz.",
        "Świat dowiaduje się o tym tego samego dnia dzięki filmowi, w którym nastolatka opowiada przed parlamentem.",
        # where it was written, after the verb, names no one who wrote it
        "Już dobę po ogłoszeniu szczepień Anna Nowak, liderka partii, napisała w partyjnym newsletterze "
        "płomienny felieton przeciwko premierowi.",
    ],
)
def test_no_reported_speech_where_no_one_is_named_as_its_source(text: str) -> None:
    assert found(analyse(text, "pl", ("Anna Nowak",))) == []


@pytest.mark.parametrize(
    ("text", "words", "speaker", "how"),
    [
        # "pointed out", a verb of two words
        ("Jan Wargowski zwrócił uwagę, że ceny mięsa rosną.", "ceny mięsa rosną", "Jan Wargowski", "entity"),
        # impersonal: the document next to it speaks
        ("W raporcie podkreślono, że ceny mięsa rosną.", "ceny mięsa rosną", "raporcie", "document"),
    ],
)
def test_polish_verbs_of_pointing_out_and_impersonal_ones(
    text: str, words: str, speaker: str, how: str
) -> None:
    doc = analyse(text, "pl", ("Jan Wargowski",))
    assert found(doc) == [("reported", words, speaker, how)]


def test_a_ukrainian_document_lead_in_its_form_before_two_consonants() -> None:
    doc = analyse("Згідно зі звітом компанії, споживання електроенергії зросло на 4%.", "uk")
    assert found(doc) == [
        ("reported", "споживання електроенергії зросло на 4%", "звітом компанії", "document")
    ]


def test_a_name_in_quotation_marks_may_stand_in_a_sources_title() -> None:
    text = "Според изпълнителния директор на „Пристанище Варна“ Мария Илиева корабите ще пристигнат през юни."
    doc = analyse(text, "bg", ("Мария Илиева",))
    reported = [q for q in found(doc) if q[0] == "reported"]
    assert reported == [("reported", "корабите ще пристигнат през юни", "Мария Илиева", "entity")]


@pytest.mark.parametrize(
    ("language", "text", "persons", "expected"),
    [
        # the French imperfect tells a speech of the past
        ("fr", "Helga Brandt ajoutait : « Nous resterons ici. »", ("Helga Brandt",),
         [("direct", "Nous resterons ici.", "Helga Brandt", "entity")]),
        # a source lead that ends in a colon names the quote's speaker
        ("fr", "Selon Helga Brandt : « Nous resterons ici. »", ("Helga Brandt",),
         [("direct", "Nous resterons ici.", "Helga Brandt", "entity")]),
        # a verb ending the paragraph before: its own sentence's words, not the sentence before
        ("de", "Man stirbt gleich, nicht erst später. Weiter berichtet das Portal:\n\n„Die Stadt warnt vor der Hitze.“",
         (), [("direct", "Die Stadt warnt vor der Hitze.", "das Portal", "phrase")]),
        # the subject after the verb only where the verb stands second in its clause
        ("de", "Zu diesem Zweck fuhr Helga Brandt nach Wien und sagte, sie werde später anrufen.", ("Helga Brandt",),
         [("reported", "sie werde später anrufen", "Helga Brandt", "entity")]),
        # after a conjunction, a subject that follows its verb opens with a name or an article
        ("it", "Helga Brandt è arrivata. E prosegue l'articolo: “I servizi avevano dato l'allarme.”", ("Helga Brandt",),
         [("direct", "I servizi avevano dato l'allarme.", "l'articolo", "document")]),
        ("fr", "Helga Brandt est arrivée. Et ajoute le ministre : « Nous resterons. »", ("Helga Brandt",),
         [("direct", "Nous resterons.", "le ministre", "phrase")]),
        ("it", "Helga Brandt è arrivata. E ha detto ai giornalisti: “Non molliamo.”", ("Helga Brandt",),
         [("direct", "Non molliamo.", "ha detto", "pronoun")]),
        # an object pronoun before the verb is not its subject
        ("fr", "Helga Brandt est venue. On lui expliquait alors que la réforme est prête.", ("Helga Brandt",),
         [("reported", "la réforme est prête", "On", "group")]),
        # the author, with an auxiliary and adverbs left out of the phrase: no one's words
        ("de", "Ich habe bereits darüber berichtet, dass die Preise steigen.", (),
         [("reported", "die Preise steigen", "Ich", "group")]),
    ],
)  # fmt: skip
def test_speakers_before_a_quote(
    language: str, text: str, persons: tuple[str, ...], expected: list[tuple[str, str, str, str]]
) -> None:
    assert found(analyse(text, language, persons)) == expected


def test_an_italian_speech_verb_after_an_article_is_a_noun() -> None:
    # "la replica" (the reply), "la dice lunga" (speaks volumes): no one said anything there
    text = (
        "“Il piano non basta”, è stata la replica della ministra Ana Reis. Questo la dice "
        "lunga. “Siamo pronti”, replica Ana Reis."
    )
    assert [(q[1], q[2]) for q in found(analyse(text, "it", ("Ana Reis",)))] == [
        ("Il piano non basta", None),
        ("Siamo pronti", "Ana Reis"),
    ]


def test_an_italian_speech_verb_after_a_is_a_noun_and_an_adverb_may_follow_the_auxiliary() -> None:
    # "a conferma che" (as a confirmation that): no one confirms; "ha poi aggiunto": one verb
    text = (
        "Ana Reis ha parlato a lungo. A conferma che il piano non basta, i prezzi salgono. "
        "«Andremo avanti», ha poi aggiunto."
    )
    doc = analyse(text, "it", ("Ana Reis",))
    assert [
        (q.label, q.text_in(doc), q.attrs["speaker_entity"], q.attrs["cue"]) for q in doc.layer("quote")
    ] == [("direct", "Andremo avanti", "Ana Reis", "ha poi aggiunto")]


@pytest.mark.parametrize(
    ("language", "text", "persons", "expected"),
    [
        ("en", "Vera Lorand: talks will resume in March\nVera Lorand, the minister, spoke on Monday.",
         ("Vera Lorand",), [("reported", "talks will resume in March", "Vera Lorand", "entity")]),
        # a surname alone, which recognisers often miss in a title, of a person named in full
        ("bg", "Д-р Варников: Зимите ще са по-топли\nТова каза ученият д-р Олег Варников.",
         ("Олег Варников",), [("reported", "Зимите ще са по-топли", "Варников", "name")]),
        ("ru", "Варников: Переговоры продолжатся в марте\nОб этом написал Олег Варников.",
         ("Олег Варников",), [("reported", "Переговоры продолжатся в марте", "Варников", "name")]),
        # a topic or a label before the colon is no source
        ("en", "Ukraine: talks will resume in March\nVera Lorand spoke on Monday.", ("Vera Lorand",), []),
        ("en", "Watch: talks will resume in March\nVera Lorand spoke on Monday.", ("Vera Lorand",), []),
        # a work's title that holds a name
        ("en", "The Silent Lorand: a call to arms for the party\nThe book sold well.", ("Lorand",), []),
        # nor is one in the body: only the title
        ("en", "Talks go on\nVera Lorand: talks will resume in March\nShe spoke on Monday.", ("Vera Lorand",), []),
    ],
)  # fmt: skip
def test_a_title_that_opens_with_its_source_and_a_colon_is_the_source_s_claim(
    language: str, text: str, persons: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert found(analyse(text, language, persons, others={"Ukraine": "LOC"})) == expected


@pytest.mark.parametrize(
    ("language", "text", "persons", "speaker"),
    [
        ("en", "For Vera Lorand, a retired engineer, it was a frustrating day.\n"
               "“We do not know the details,” the Democrat said.", ("Vera Lorand",), "Vera Lorand"),
        ("de", "Die Preise steigen. Es ist laut Hans Albers nur eine Frage der Zeit. "
               "„Wir müssen auf alles gefasst sein“, erklärt der Experte.", ("Hans Albers",), "Hans Albers"),
        # two people named before: the description may be either's
        ("en", "Vera Lorand met Tom Reis on Monday.\n“We do not know the details,” the Democrat said.",
         ("Vera Lorand", "Tom Reis"), None),
        # one who speaks for someone else is not the one that the sentence before names
        ("en", "A spokesperson for Vera Lorand confirmed it on Monday.\n“The image is fake,” the spokesperson said.",
         ("Vera Lorand",), None),
        # a source or an insider is someone the article does not name
        ("en", "Vera Lorand chaired the talks on Monday.\n“We do not know the details,” the source said.",
         ("Vera Lorand",), None),
        # an indefinite description introduces someone new
        ("en", "For Vera Lorand, it was a frustrating day.\n“We do not know the details,” a Democrat said.",
         ("Vera Lorand",), None),
        # a noun that is no person's: what the article calls an organisation, or no one
        ("en", "For Vera Lorand, it was a frustrating day.\n“We do not know the details,” the newspaper said.",
         ("Vera Lorand",), None),
    ],
)  # fmt: skip
def test_a_description_of_a_person_stands_for_the_one_person_named_just_before(
    language: str, text: str, persons: tuple[str, ...], speaker: str | None
) -> None:
    doc = analyse(text, language, persons)
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote") if q.label == "direct"] == [speaker]


def test_a_document_s_noun_inside_a_name_names_no_document() -> None:
    # "enquête" is an inquiry's report, but "Comité d'enquête" is a committee
    text = "Selon le Comité d’enquête, les ventes ont baissé de moitié en mars."
    doc = analyse(text, "fr", others={"Comité d’enquête": "ORG"})
    assert [
        (q.text_in(doc), q.attrs["speaker_how"], q.attrs["speaker_entity"]) for q in doc.layer("quote")
    ] == [("les ventes ont baissé de moitié en mars", "entity", "Comité d’enquête")]


def test_a_source_without_a_comma_takes_the_whole_name_its_capitals_stop_inside() -> None:
    # "für" is no genitive's link, but it is inside the institute's name
    text = "Laut dem Bericht des Instituts für Stadtforschung ist die Miete im März gestiegen."
    doc = analyse(text, "de", others={"Instituts für Stadtforschung": "ORG"})
    assert [(q.text_in(doc), q.attrs["speaker"]) for q in doc.layer("quote")] == [
        ("ist die Miete im März gestiegen", "dem Bericht des Instituts für Stadtforschung")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # answers and declarations before a colon, and "że:" before the quote
        ("Zapytana o to, Helena Wargowska odparła: „Nie ma takiej potrzeby”.", "Helena Wargowska"),
        ("Helena Wargowska odpowiedziała: „Zobaczymy w marcu”.", "Helena Wargowska"),
        ("Helena Wargowska oznajmiła, że: „Umowa zostanie podpisana w maju”.", "Helena Wargowska"),
        # a connective before the verb is no subject: the subject left out is the one named before
        ("Helena Wargowska była w Sejmie. Otóż stwierdziła, że: „Umowa zostanie podpisana”.", "Helena Wargowska"),
        # ... nor part of the subject, nor is a "that" before it
        ("Jednakowoż komisja stwierdziła, że nie ma dowodów.", "komisja"),
        ("Wyszło na jaw, że sąd okręgowy orzekł, iż: „Umowa jest ważna”.", "sąd okręgowy"),
        # an institution speaks in the neuter; a neuter verb left out no person
        ("Ministerstwo Rolnictwa poinformowało, że dopłaty zostaną wypłacone w maju.", "Ministerstwo Rolnictwa"),
        ("Helena Wargowska wyszła. Następnie zauważyło: „Nie ma czasu na to”.", None),
    ],
)  # fmt: skip
def test_polish_speakers(text: str, expected: str | None) -> None:
    doc = analyse(text, "pl", ("Helena Wargowska",), others={"Ministerstwo Rolnictwa": "ORG"})
    (quote,) = doc.layer("quote")
    assert (quote.attrs.get("speaker_entity") or quote.attrs.get("speaker")) == expected


@pytest.mark.parametrize(
    ("language", "text", "others", "expected"),
    [
        # an institution after a preposition, quoted by a plural verb with no subject
        ("ru", "Как заявили в Минфине, бюджет будет исполнен.", {"Минфине": "ORG"},
         ("бюджет будет исполнен", "Минфине")),
        ("uk", "Як заявили у Мінфіні, бюджет буде виконано.", {"Мінфіні": "ORG"},
         ("бюджет буде виконано", "Мінфіні")),
        ("bg", "Както заявиха от Кремъл, бюджетът ще бъде изпълнен.", {"Кремъл": "ORG"},
         ("бюджетът ще бъде изпълнен", "Кремъл")),
        # an outlet's name in marks after "според" is the whole source (without the marks); the
        # clause follows the mark
        ("bg", "Според „Вечерен куриер“ преговорите са прекъснати.", {},
         ("преговорите са прекъснати", "Вечерен куриер")),
    ],
)  # fmt: skip
def test_a_source_named_after_a_preposition_or_in_marks(
    language: str, text: str, others: dict[str, str], expected: tuple[str, str]
) -> None:
    doc = analyse(text, language, others=others)
    assert [(q.text_in(doc), q.attrs["speaker"]) for q in doc.layer("quote") if q.label == "reported"] == [
        expected
    ]


def test_a_person_after_a_statement_is_who_speaks_in_it() -> None:
    text = "„Няма да отстъпим“, каза в изявление Мария Колева, говорител на министерството."
    doc = analyse(text, "bg", ("Мария Колева",))
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["Мария Колева"]


def test_who_asked_is_no_speaker() -> None:
    text = "Minister rolnictwa pytany przez Telewizję o to, odpowiedział, że umowa zostanie podpisana."
    doc = analyse(text, "pl", others={"Telewizję": "ORG"})
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] in ([], ["Minister rolnictwa"])


def test_a_german_quote_after_a_paragraph_that_ends_in_its_attribution() -> None:
    text = "Das kommentierte die Korrespondentin Ines Wald:\n\n„Die Lage ist ernst.“\n\nKritiker kommentierten, die Preise würden steigen."
    doc = analyse(text, "de", ("Ines Wald",))
    assert [
        (q.text_in(doc), q.attrs.get("speaker_entity") or q.attrs.get("speaker")) for q in doc.layer("quote")
    ] == [
        ("Die Lage ist ernst.", "Ines Wald"),
        ("die Preise würden steigen", "Kritiker"),
    ]


def test_an_english_verb_in_the_plural_present_attributes() -> None:
    text = "Several agencies warn, “Rice paddies emit much of the methane.” Critics argue that the dam may break."
    doc = analyse(text, "en")
    assert [(q.text_in(doc), q.attrs["speaker"]) for q in doc.layer("quote")] == [
        ("Rice paddies emit much of the methane.", "Several agencies"),
        ("the dam may break", "Critics"),
    ]


def test_a_sentence_that_a_verb_and_a_colon_lead_to_is_that_verbs() -> None:
    text = (
        "Tom Lorand spoke last. He fumed: “Nobody here reads the reports we send.” "
        "However, the envoy at the UN said, the talks had failed."
    )
    doc = analyse(text, "en", ("Tom Lorand",), others={"UN": "ORG"})
    direct = [q for q in doc.layer("quote") if q.label == "direct"]
    assert [(q.attrs["speaker"], q.attrs["speaker_entity"]) for q in direct] == [("He", "Tom Lorand")]


def test_english_claim_and_reports_attribute_only_where_they_end_the_sentence() -> None:
    text = (
        "Meat will have to go because cows harm the climate, the activists claim. "
        "“Prices will rise again after the summer,” the newspaper reports. "
        "The minister’s claim that prices will fall is odd. Intelligence reports that the dam leaks are old."
    )
    doc = analyse(text, "en")
    assert [(q.text_in(doc), q.attrs["speaker"]) for q in doc.layer("quote")] == [
        ("Meat will have to go because cows harm the climate", "the activists"),
        ("Prices will rise again after the summer,", "the newspaper"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("fr", "La réforme avance. Selon la ministre Claire Dubois :\n\n« Le calendrier sera tenu jusqu’au bout. »",
         "Claire Dubois"),
        ("en", "The talks resumed. According to Vera Lorand:\n\n“Nobody expects a deal before the summer.”",
         "Vera Lorand"),
    ],
)  # fmt: skip
def test_a_quote_paragraph_after_a_source_lead_that_ends_in_a_colon(
    language: str, text: str, speaker: str
) -> None:
    doc = analyse(text, language, (speaker,))
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == [speaker]


@pytest.mark.parametrize(
    ("language", "text", "normal"),
    [
        # the case the sentence put the speaker in decides the dictionary's reading
        ("ru", "По словам экспертов, цены вырастут к осени.", "эксперты"),
        ("ru", "«Снег пойдёт в субботу», — заявили в пресс-службе мэрии.", "пресс-служба мэрии"),
        ("ru", "«Мы готовы», — сообщили в администрации губернатора.", "администрация губернатора"),
        ("ru", "Эксперты заявили, что цены вырастут к осени.", "эксперты"),
        ("uk", "За словами експертів, ціни зростуть до осені.", "експерти"),
        ("uk", "«Сніг піде в суботу», — повідомили у пресслужбі міської ради.", "пресслужба міської ради"),
        ("pl", "Według ekspertów ceny wzrosną do jesieni.", "eksperci"),
        ("pl", "– Nie zgadzamy się – powiedział rzecznik rządu.", "rzecznik rządu"),
        ("pl", "Eksperci twierdzą, że ceny wzrosną do jesieni.", "eksperci"),
        # in a language without such a dictionary the words stay as written, with no normal form
        ("it", "Secondo gli esperti, i prezzi aumenteranno in autunno.", None),
    ],
)
def test_words_naming_a_speaker_are_put_in_the_nominative(
    language: str, text: str, normal: str | None
) -> None:
    quotes = [q for q in analyse(text, language).layer("quote") if q.attrs.get("speaker")]
    assert [q.attrs.get("speaker_normal") for q in quotes] == ([normal] if normal else [None] * len(quotes))


@pytest.mark.parametrize(
    ("language", "text", "place", "speaker", "linked"),
    [
        ("en", "Russia said the talks would resume in March.", "Russia", "Russia", "Russia"),
        ("pt", "A Rússia garante que a ponte ficará pronta em março.", "Rússia", "A Rússia", "Rússia"),
        ("ru", "Россия заявила, что переговоры продолжатся в марте.", "Россия", "Россия", "Россия"),
        ("en", "The US claims that the talks will resume in March.", "US", "The US", "US"),  # not "us"
        # a place inside a longer phrase is no speaker's name
        ("en", "Officials in Russia said the talks would resume in March.", "Russia", "Officials in Russia", None),
        # ... nor after a word that is no article
        ("pt", "Toda Rússia garante que a ponte ficará pronta em março.", "Rússia", "Toda Rússia", None),
        # ... nor a place that GeoNames does not know: often a person's name taken for a place
        ("en", "Varnelia said the talks would resume in March.", "Varnelia", "Varnelia", None),
    ],
)  # fmt: skip
def test_a_place_that_is_the_whole_subject_speaks_for_its_government(
    language: str, text: str, place: str, speaker: str, linked: str | None
) -> None:
    doc = analyse(text, language, others={place: "LOC"})
    (quote,) = doc.layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_entity"]) == (speaker, linked)
    assert quote.attrs["speaker_how"] == ("entity" if linked else "phrase")


def test_a_place_that_names_something_in_quotes_is_not_its_speaker() -> None:
    # the quote is the author's irony: 'Brussels spoke of “values”'
    doc = analyse("Россия снова заговорила о «европейских ценностях».", "ru", others={"Россия": "LOC"})
    assert found(doc) == [("phrase", "европейских ценностях", None, None)]


@pytest.mark.parametrize(
    ("language", "text", "person", "cue"),
    [
        ("pt", "A porta-voz Helena Varga falou ontem. “A ponte abre em março”, escreveu no Telegram.",
         "Helena Varga", "escreveu"),
        ("it", "La portavoce Elena Varga ha parlato ieri. «Non avevo previsto di vedere la cerimonia», ha scritto "
         "su Telegram.", "Elena Varga", "ha scritto"),
        ("es", "La portavoz Elena Varga habló ayer. «No había previsto ver la ceremonia», escribió en Telegram.",
         "Elena Varga", "escribió"),
    ],
)  # fmt: skip
def test_a_preposition_after_a_verb_whose_subject_is_left_out_says_where_not_who(
    language: str, text: str, person: str, cue: str
) -> None:
    (quote,) = analyse(text, language, (person,)).layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_how"], quote.attrs["speaker_entity"]) == (
        cue,
        "pronoun",
        person,
    )


@pytest.mark.parametrize("language", ["pt", "en"])
def test_a_sentence_that_ends_in_a_colon_before_a_quote_reports_nothing_itself(language: str) -> None:
    text = {
        "pt": "Questionado sobre a ponte, o ministro das Obras de Varnel, Pedro Lemos, disse aos jornalistas:\n\n"
        "“A ponte ficará pronta antes do inverno.”",
        "en": "Asked about the talks, the government spokesman, Pedro Lemos, told reporters on Monday:\n\n"
        "“The country is open to talks.”",
    }[language]
    assert [
        (label, speaker) for label, _, speaker, _ in found(analyse(text, language, ("Pedro Lemos",)))
    ] == [("direct", "Pedro Lemos")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the subject after a place's phrase, opening with its article
        ("it", "Le esercitazioni, ha detto alla Repubblica il ministro, sono finite da tempo.",
         [("reported", "sono finite da tempo", "il ministro", "phrase")]),
        ("es", "Las maniobras terminaron hace mucho tiempo, dijo a la prensa el ministro.",
         [("reported", "Las maniobras terminaron hace mucho tiempo", "el ministro", "phrase")]),
        ("it", "Marco Lerici parlò ieri. Come ha detto al Corriere Elena Varga: «Le immagini dicono tutto».",
         [("direct", "Le immagini dicono tutto", "Elena Varga", "entity")]),
        ("it", "Marco Lerici parlò. «Lerici ha ragione», ha commentato a cena con gli amici Elena Varga.",
         [("direct", "Lerici ha ragione", "Elena Varga", "entity")]),
        # a subject after its verb, with its article; a "that" before an aside
        ("it", "In questo caso, avverte la Corte, i soldi per le scuole di Varnel finiranno presto.",
         [("reported", "i soldi per le scuole di Varnel finiranno presto", "la Corte", "phrase")]),
        ("it", "Al vertice, Elena Varga ha osservato che, da marzo in poi, i porti di Varnel sono più sicuri.",
         [("reported", "da marzo in poi, i porti di Varnel sono più sicuri", "Elena Varga", "entity")]),
        # a speech verb's form after an article is a noun ("o alerta")
        ("pt", "Com os reservatórios a baixar, em Varnel dispara o alerta sobre a falta de água nas escolas.", []),
        # ... or a French one after "se": reflexive, it reports nothing ("se résume à")
        ("fr", "Le débat sur Varnel se résume à une question simple : « Et si tout le monde partait ? »",
         [("direct", "Et si tout le monde partait ?", None, None)]),
        # ... or after "de" ("um sinal de alerta")
        ("pt", "O lago de Varnel, símbolo da região, deu um sinal de alerta aos cientistas.", []),
        # a reflexive particle makes the verb impersonal: said by no one, unless a document is named
        ("it", "A Varnel si sottolinea che il rischio di incendi è alto.", []),
        ("bg", "Във Варнел се смята, че рискът от пожари е висок.", []),
        ("it", "Nel documento si sottolinea che il rischio di incendi è alto.",
         [("reported", "il rischio di incendi è alto", "documento", "document")]),
        # no subject set off with the verb, whose own clause follows an aside: not a parenthesis
        ("pt", "O ministro, Pedro Lemos, afirmou no sábado, numa feira em Varnel, que a ponte ficará pronta.", []),
        # "following" and "amid" open a phrase of when, not what was said
        ("en", "Elena Varga, a deputy, said following Tuesday's vote on the new rules.", []),
        # German: the subject after where and when, at its first article that no preposition governs
        ("de", "„Ein Zurück kommt kaum in Frage“, sagte vor zwei Wochen ein Kommentator der Zeitung.",
         [("direct", "Ein Zurück kommt kaum in Frage", "ein Kommentator der Zeitung", "phrase")]),
        # nor the "que" after a verb that leaves its subject out, before a quote
        ("pt", "Pedro Lemos falou em Varnel. Além disso, afirma que “a ponte ficará pronta no verão”.",
         [("direct", "a ponte ficará pronta no verão", "afirma", "pronoun")]),
    ],
)  # fmt: skip
def test_a_phrase_of_where_it_was_said_is_no_subject(
    language: str, text: str, expected: list[tuple[str, ...]]
) -> None:
    assert found(analyse(text, language, ("Pedro Lemos", "Elena Varga", "Marco Lerici"))) == expected


def test_an_adverb_before_a_verb_is_no_speaker() -> None:
    text = (
        'Пет села край Варнел обявиха "оранжев код" заради снега, което ясно подчертава '
        "ефекта на температурите."
    )
    # the verb before the quote names it; the relative after it, with its adverb, says nothing
    assert [speaker for *_, speaker, _ in found(analyse(text, "bg"))] == ["Пет села край Варнел"]
    doc = analyse("Министърът категорично заяви, че рискът е висок.", "bg")
    assert found(doc) == [("reported", "рискът е висок", "Министърът", "phrase")]


def test_an_impersonal_verb_s_source_may_be_named_after_it() -> None:
    text = (
        "“I nostri dati mostrano nuovi indizi”, si sottolinea nello studio firmato da Elena Varga di Lisbona."
    )
    assert found(analyse(text, "it", ("Elena Varga",))) == [
        ("direct", "I nostri dati mostrano nuovi indizi", "Elena Varga", "entity")
    ]


def test_a_preposition_inside_a_name_does_not_cut_the_speaker_s_phrase() -> None:
    text = "“Per noi – aggiunge il rappresentante di Unione per Varnel – il porto va chiuso”."
    doc = analyse(text, "it", others={"Unione per Varnel": "ORG"})
    assert [speaker for *_, speaker, _ in found(doc)] == ["il rappresentante di Unione per Varnel"]
    # ... where a preposition outside a name does: where it was said
    doc = analyse("“La guerra va fermata”, ha detto il senatore nel suo libro.", "it")
    assert [speaker for *_, speaker, _ in found(doc)] == ["il senatore"]


@pytest.mark.parametrize(
    ("language", "text", "person", "speaker"),
    [
        ("ru", "«Турция не будет посредником», — подчеркнул Марк Варнов.\n\n«Но Анкара их отпустила», — добавил "
         "политолог.", "Марк Варнов", "политолог"),
        ("ru", "«Турция не будет посредником», — подчеркнул Марк Варнов. Виной всему, по мнению эксперта, "
         "старая сделка с Анкарой.", "Марк Варнов", "эксперта"),
        ("bg", "„Турция няма да бъде посредник“, подчерта Марк Варнов. „Но Анкара ги освободи“, добави "
         "политологът.", "Марк Варнов", "политологът"),
        ("pl", "„Turcja nie będzie mediatorem” – podkreślił Marek Warnow. „Ale Ankara ich wypuściła” – dodał "
         "politolog.", "Marek Warnow", "politolog"),
    ],
)  # fmt: skip
def test_in_a_language_without_articles_a_noun_of_people_is_the_one_person_named_before(
    language: str, text: str, person: str, speaker: str
) -> None:
    doc = analyse(text, language, (person,))
    assert [(q.attrs["speaker"], q.attrs["speaker_entity"]) for q in doc.layer("quote")] == [
        (person, person),
        (speaker, person),
    ]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("ru", "Трое рыбаков вернулись в Варнель. В порту они заявили, что шторм длился два дня.", "они"),
        (
            "en",
            "Three fishermen came back to Varnel. At the harbour they said that the storm had lasted two days.",
            "they",
        ),
    ],
)
def test_a_pronoun_right_before_its_verb_is_the_subject_not_the_phrase_before_it(
    language: str, text: str, speaker: str
) -> None:
    assert [(q.attrs["speaker"], q.attrs["speaker_how"]) for q in analyse(text, language).layer("quote")] == [
        (speaker, "group")
    ]


def test_a_russian_given_name_tells_a_pronoun_s_person() -> None:
    text = (
        "Михаил Варнов заявил, что порт Варнеля откроется весной. По его словам, задержка связана с договором, "
        "который поздно подписала Ксения Ларина. «Мы ждали подписи три месяца», — отметил он."
    )
    doc = analyse(text, "ru", {"Михаил Варнов": "Михаил Варнов", "Ксения Ларина": "Ксения Ларина"})
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["Михаил Варнов"] * 3


@pytest.mark.parametrize(
    ("language", "text", "body", "speaker"),
    [
        ("ru", "Генсек Варнельского альянса предупредил, что их ждет конфронтация.", "Варнельского альянса",
         "Генсек Варнельского альянса"),
        ("pl", "Szef Sojuszu Varnelskiego ostrzegł, że czeka ich konfrontacja.", "Sojuszu Varnelskiego",
         "Szef Sojuszu Varnelskiego"),
        ("bg", "Генералният секретар на Варнелския съюз предупреди, че ги очаква конфронтация.", "Варнелския съюз",
         "Генералният секретар на Варнелския съюз"),
        # a deputy, a source inside it
        ("ru", "«Их ждет конфронтация», — отметила зампред Варнельского альянса.", "Варнельского альянса",
         "зампред Варнельского альянса"),
        ("ru", "Источник в Варнельском альянсе заявил, что их ждет конфронтация.", "Варнельском альянсе",
         "Источник в Варнельском альянсе"),
        # the organisation alone speaks
        ("ru", "Варнельский альянс предупредил, что их ждет конфронтация.", "Варнельский альянс",
         "Варнельский альянс"),
    ],
)  # fmt: skip
def test_the_head_of_an_organisation_speaks_not_the_organisation(
    language: str, text: str, body: str, speaker: str
) -> None:
    doc = analyse(text, language, others={body: "ORG"})
    linked = body if speaker == body else None
    assert [(q.attrs["speaker"], q.attrs["speaker_entity"]) for q in doc.layer("quote")] == [
        (speaker, linked)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a speech verb's form that is a noun after an adjective of states, or after "per"
        "Varnel began rebuilding roads in its neighbouring states, including in the north.",
        "After the storm, Western states found they had no ferries left for Varnel.",
        "As per reports, Varnel plans a second harbour on its northern coast.",
        # a time after "as reported in" is when, not who
        "As reported in April, Varnel plans a second harbour on its northern coast.",
    ],
)
def test_no_one_speaks_where_no_speech_verb_or_source_is(text: str) -> None:
    assert found(analyse(text, "en")) == []


def test_a_source_after_as_reported_in_still_speaks() -> None:
    doc = analyse("As reported in the Varnel Gazette, the number of troops may double.", "en")
    assert found(doc) == [("reported", "the number of troops may double", "the Varnel Gazette", "phrase")]


def test_a_title_of_one_body_names_no_person_introduced_with_another_s() -> None:
    text = "Глава государства Олег Ларин выступил в Варнеле. «Порт откроется весной», — заявил глава ОП."
    doc = analyse(text, "ru", ("Олег Ларин",), others={"ОП": "ORG"})
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == [None]
    # ... where the same body's does
    text = "Глава ОП Олег Ларин выступил в Варнеле. «Порт откроется весной», — заявил глава ОП."
    doc = analyse(text, "ru", ("Олег Ларин",), others={"ОП": "ORG"})
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["Олег Ларин"]


def test_a_head_noun_does_not_reach_an_organisation_in_the_next_clause() -> None:
    text = (
        "«Мы представили новый план для Варнеля», — заявил глава государства, пишет агентство Варнель-Пресс."
    )
    doc = analyse(text, "ru", others={"Варнель-Пресс": "ORG"})
    assert "глава государства, пишет" not in str(doc.layer("quote")[0].attrs.get("speaker"))


def test_a_person_s_given_name_taken_for_a_city_is_no_place_that_speaks() -> None:
    text = "Trenton Tolliver spoke first. “That one was a surprise,” Trenton said."
    doc = analyse(text, "en", ("Trenton Tolliver",), others={"Trenton": "LOC"})
    assert [q.attrs["speaker_how"] for q in doc.layer("quote")] != ["entity"]


@pytest.mark.parametrize(
    ("text", "speaker", "linked"),
    [
        # "като подчерта" (stressing) shares the subject of the clause before, which the verb
        # before the quote names
        ("Марк Варнов заяви, че «пристанището ще бъде готово през май», като подчерта, че парите са осигурени.",
         "Марк Варнов", "Марк Варнов"),
        ("«Пристанището ще бъде готово през май», каза Марк Варнов, като подчерта, че парите са осигурени.",
         "Марк Варнов", "Марк Варнов"),
        # an adverb before or after the subject is no part of it
        ("Сега Варнел казва: „Добре, ще запазим пристанището“.", "Варнел", None),
        ("Съюзът непрекъснато заявява: „Помагаме на Варнел“.", "Съюзът", None),
    ],
)  # fmt: skip
def test_bulgarian_words_beside_a_subject_are_no_part_of_it(
    text: str, speaker: str, linked: str | None
) -> None:
    doc = analyse(text, "bg", ("Марк Варнов",))
    direct = [q for q in doc.layer("quote") if q.label == "direct"]
    assert [(q.attrs["speaker"], q.attrs["speaker_entity"]) for q in direct] == [(speaker, linked)]


def test_a_bulgarian_object_pronoun_before_a_verb_is_no_speaker() -> None:
    text = (
        "Учените говориха с министрите на Варнел. Те ги предупредиха, че без действия пристанището ще спре."
    )
    assert found(analyse(text, "bg")) == [("reported", "без действия пристанището ще спре", "Те", "group")]
    text = "Учените описаха рисковете, като ги предупредиха, че без действия пристанището ще спре."
    assert [speaker for _, _, speaker, _ in found(analyse(text, "bg"))] in ([], [None])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "va detto" (it must be said) is said by no one
        ("Il nuovo porto di Varnel, va detto, costerà più del previsto.", []),
        # an adverb between the auxiliary and the participle
        ("Varnel aveva subito annunciato «vendetta» contro i pescatori.", [("direct", "vendetta", "Varnel", "phrase")]),
        # a weekday before the subject is no part of it
        ("Giovedì il governo di Varnel ha dichiarato che i porti resteranno chiusi.",
         [("reported", "i porti resteranno chiusi", "il governo di Varnel", "phrase")]),
    ],
)  # fmt: skip
def test_italian_words_around_a_verb_that_name_no_speaker(text: str, expected: list[tuple[str, ...]]) -> None:
    assert found(analyse(text, "it")) == expected


def test_hindi_pronouns_continued_quotes_naming_and_negation() -> None:
    text = (
        "विदेश मंत्री एलेना वर्गा ने बुधवार को संसद में भाषण दिया। उन्होंने कहा कि सरकार बातचीत के लिए तैयार है. "
        "“हम पीछे नहीं हटेंगे,” वर्गा ने कहा। “हमारी सेना तैयार है।”\n\n"
        "विपक्ष के नेता मार्क वर्नोव ने योजना को “जल्दबाज़ी भरा” बताया। वर्नोव ने यह नहीं कहा कि वह इसका विरोध करेंगे। "
        "एस. कुमार ने कहा कि बैठक टल गई है।"
    )
    doc = analyse(
        text,
        "hi",
        {"एलेना वर्गा": "एलेना वर्गा", "वर्गा": "एलेना वर्गा", "मार्क वर्नोव": "मार्क वर्नोव", "वर्नोव": "मार्क वर्नोव"},
    )
    assert [
        (q.label, q.text_in(doc), q.attrs.get("speaker"), q.attrs.get("speaker_entity"))
        for q in doc.layer("quote")
    ] == [
        # the pronoun is the last person named
        ("reported", "सरकार बातचीत के लिए तैयार है", "उन्होंने", "एलेना वर्गा"),
        ("direct", "हम पीछे नहीं हटेंगे,", "वर्गा", "एलेना वर्गा"),
        ("direct", "हमारी सेना तैयार है।", "वर्गा", "एलेना वर्गा"),  # the quote after goes on
        ("direct", "जल्दबाज़ी भरा", "वर्नोव", "मार्क वर्नोव"),  # what he calls the plan, however short
        # not the denied "नहीं कहा कि"; "एस." is an initial, no sentence's end
        ("reported", "बैठक टल गई है", "एस. कुमार", None),
    ]


def test_a_hindi_place_that_is_the_whole_subject_speaks() -> None:
    text = "भारत ने मंगलवार को दोहराया कि वह किसी गुट में शामिल नहीं होगा।"
    doc = analyse(text, "hi", others={"भारत": "LOC"})
    ((_, words, speaker, how),) = found(doc)
    assert (words, speaker, how) == ("वह किसी गुट में शामिल नहीं होगा", "भारत", "entity")
    assert doc.layer("quote")[0].attrs["speaker_entity"] == "भारत"


def test_a_hindi_quote_inside_reported_speech_is_its_speakers() -> None:
    text = "मार्क वर्नोव ने कहा कि सरकार “संवाद की राह पर” है और बातचीत जारी रहेगी।"
    doc = analyse(text, "hi", ("मार्क वर्नोव",))
    assert [(q.label, q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == [
        ("reported", "सरकार “संवाद की राह पर” है और बातचीत जारी रहेगी", "मार्क वर्नोव"),
        ("direct", "संवाद की राह पर", "मार्क वर्नोव"),
    ]


def test_a_hindi_surname_is_the_person_named_in_full_before() -> None:
    text = (
        "मार्क वर्नोव ने कहा कि बैठक टल गई है। वर्नोव ने बताया कि नई तारीख जल्द तय होगी। "
        "मंत्री वर्नोव ने कहा कि बजट तैयार है।"
    )
    doc = analyse(text, "hi", ("मार्क वर्नोव",))  # the recogniser missed the surname alone
    assert [
        (q.attrs["speaker"], q.attrs["speaker_how"], q.attrs["speaker_entity"]) for q in doc.layer("quote")
    ] == [
        ("मार्क वर्नोव", "entity", "मार्क वर्नोव"),
        ("वर्नोव", "name", "मार्क वर्नोव"),
        ("मंत्री वर्नोव", "name", "मार्क वर्नोव"),  # after a title too
    ]


def test_a_hindi_title_alone_is_the_last_person_named_with_it() -> None:
    text = (
        "प्रधानमंत्री मार्क वर्नोव और राष्ट्रपति एलेना वर्गा आज संसद पहुंचे। "
        "प्रधानमंत्री ने कहा कि सुधार जारी रहेंगे। मंत्रियों ने बताया कि बजट तैयार है।"
    )
    doc = analyse(text, "hi", ("मार्क वर्नोव", "एलेना वर्गा"))
    assert [
        (q.attrs["speaker"], q.attrs["speaker_how"], q.attrs["speaker_entity"]) for q in doc.layer("quote")
    ] == [
        ("प्रधानमंत्री", "name", "मार्क वर्नोव"),
        ("मंत्रियों", "phrase", None),  # no one was named with it
    ]


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        # the habitual present takes no "ने"
        ("विशेषज्ञ रवि धर्माधिकारी कहते हैं, “इस साल गर्मी पहले आ गई।”", "इस साल गर्मी पहले आ गई।", "direct"),
        ("“इस साल गर्मी पहले आ गई,” रवि धर्माधिकारी कहते हैं।", "इस साल गर्मी पहले आ गई,", "direct"),
        ("रवि धर्माधिकारी मानते हैं कि गर्मी पहले आ गई है।", "गर्मी पहले आ गई है", "reported"),
        # "ने" is a word of its own, not the end of "जाने" (the passive "पूछे जाने पर": when asked)
        ("इस सवाल के पूछे जाने पर रवि धर्माधिकारी ने कहा, “सब कुछ मुमकिन है।”", "सब कुछ मुमकिन है।", "direct"),
    ],
)
def test_hindi_speakers_without_ne_and_after_a_passive(text: str, words: str, kind: str) -> None:
    doc = analyse(text, "hi", ("रवि धर्माधिकारी",))
    assert found(doc) == [(kind, words, "रवि धर्माधिकारी", "entity")]


def test_hindi_doubled_marks_and_a_long_clause_before_the_verb() -> None:
    # ‘‘...’’ is one pair of marks; fifteen words stand between "ने" and its verb
    text = (
        "विदेश मंत्री एलेना वर्गा ने आज सुबह संसद की रक्षा समिति के सदस्यों के साथ लंबी चर्चा के अंत में कहा, "
        "‘‘हम अपनी सीमाओं की रक्षा करेंगे।’’"
    )
    doc = analyse(text, "hi", ("एलेना वर्गा",))
    assert found(doc) == [("direct", "हम अपनी सीमाओं की रक्षा करेंगे।", "एलेना वर्गा", "entity")]


@pytest.mark.parametrize(
    ("text", "speaker", "how"),
    [
        # a participle clause before the subject says how it spoke
        ("आरोपों का जवाब देते हुए गृह मंत्रालय ने कहा कि जांच जारी है।", "गृह मंत्रालय", "phrase"),
        ("सड़कें बंद रहीं क्योंकि मछुआरों का कहना है कि पुल टूट गया।", "मछुआरों", "phrase"),
        # what it spoke about ("को लेकर"), after "meanwhile"
        ("वहीं संधि को लेकर नॉर्वे ने कहा है कि बातचीत का कोई आधार नहीं है।", "नॉर्वे", "entity"),
        ("सीमा पर तनाव के बीच नॉर्वे ने कहा कि बातचीत जारी रहेगी।", "नॉर्वे", "entity"),
        ("इससे पहले तटरक्षक दल ने घोषणा की कि बंदरगाह सुरक्षित है।", "तटरक्षक दल", "phrase"),
        # a place that ends the subject speaks for its state, owned by nothing before it
        ("बीते दिनों नॉर्वे ने दावा किया कि पुल सुरक्षित है।", "नॉर्वे", "entity"),
        ("वहीं इसको लेकर बंदरगाह के प्रबंधक ने कहा कि जहाज़ देर से आएंगे।", "बंदरगाह के प्रबंधक", "phrase"),
        ("नॉर्वे की नौसेना ने घोषणा की कि बंदरगाह खुला है।", "नॉर्वे की नौसेना", "phrase"),
        # a long subject's head follows its last postposition
        ("वारलैंड के राष्ट्रपति के चीफ ऑफ स्टाफ इवान मोरोज़ ने कहा कि बैठक होगी।", "चीफ ऑफ स्टाफ इवान मोरोज़", "phrase"),
    ],
)  # fmt: skip
def test_hindi_subjects_without_the_words_before_them(text: str, speaker: str, how: str) -> None:
    doc = analyse(text, "hi", others={"नॉर्वे": "LOC"})
    assert [(q.attrs["speaker"], q.attrs["speaker_how"]) for q in doc.layer("quote")] == [(speaker, how)]


def test_a_long_hindi_subject_that_ends_in_a_title_is_the_person_named_with_it() -> None:
    text = "विदेश मंत्री एलेना वर्गा कल लौटीं। संसद की तीन लंबी समितियों की रिपोर्टों के बारे में विदेश मंत्री ने बताया कि वे तैयार हैं।"
    doc = analyse(text, "hi", ("एलेना वर्गा",))
    (quote,) = doc.layer("quote")
    assert (quote.attrs["speaker"], quote.attrs["speaker_entity"]) == ("विदेश मंत्री", "एलेना वर्गा")


def test_a_hindi_pronoun_after_someone_unnamed_or_a_country_spoke() -> None:
    text = (
        "प्रधानमंत्री मार्क वर्नोव आज लौटे। रक्षा मंत्रालय के एक अधिकारी ने बैठक के बाद कहा कि सेना तैयार है। "
        "उन्होंने कहा कि अभ्यास जारी रहेगा।\n\n"
        "मार्क वर्नोव ने कल भाषण दिया। नॉर्वे ने सीमा पर नया संदेश भेजा। उसने कहा कि बातचीत जारी रहेगी।\n\n"
        "मार्क वर्नोव ने कहा कि बजट तैयार है। उन्होंने कहा कि कर नहीं बढ़ेंगे।"
    )
    doc = analyse(text, "hi", ("मार्क वर्नोव",), others={"नॉर्वे": "LOC"})
    assert [(q.attrs["speaker"], q.attrs["speaker_entity"]) for q in doc.layer("quote")] == [
        ("रक्षा मंत्रालय के एक अधिकारी", None),
        ("उन्होंने", None),  # the official, not the prime minister named before
        ("उसने", "नॉर्वे"),  # the singular pronoun that news keeps for a country
        ("मार्क वर्नोव", "मार्क वर्नोव"),
        ("उन्होंने", "मार्क वर्नोव"),  # the person who spoke before
    ]


def test_a_hindi_pronoun_skips_a_person_named_in_a_quote() -> None:
    text = "मार्क वर्नोव ने कहा, “एलेना वर्गा हमारी साथी हैं।” उन्होंने कहा कि बजट तैयार है।"
    doc = analyse(text, "hi", ("मार्क वर्नोव", "एलेना वर्गा"))
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["मार्क वर्नोव", "मार्क वर्नोव"]


@pytest.mark.parametrize("verb", ["पुष्टि की", "स्वीकार किया", "खुलासा किया", "ऐलान किया", "जानकारी दी"])
def test_hindi_verbs_that_report_the_clause_after_ki(verb: str) -> None:
    # confirmed, admitted, revealed, announced, informed: each reports the clause after "कि"
    doc = analyse(f"रवि धर्माधिकारी ने सोमवार को {verb} कि पुल खुल गया है।", "hi", ("रवि धर्माधिकारी",))
    assert found(doc) == [("reported", "पुल खुल गया है", "रवि धर्माधिकारी", "entity")]


def test_a_hindi_pronoun_after_a_title_of_the_person_named_stands_for_that_person() -> None:
    text = (
        "रक्षा मंत्री मार्क वर्नोव आज लौटे। रक्षा मंत्री ने बैठक के बाद कहा कि सेना तैयार है। "
        "उन्होंने कहा कि अभ्यास जारी रहेगा।\n\n"
        "जनरल मार्क वर्नोव जूनियर ने कहा कि सेना तैयार है। उन्होंने कहा कि अभ्यास जारी रहेगा।"
    )
    doc = analyse(text, "hi", ("मार्क वर्नोव",))
    # the last one after a word right after the name (junior), which is no one else
    assert [q.attrs["speaker_entity"] for q in doc.layer("quote")] == ["मार्क वर्नोव"] * 4


def test_a_long_hindi_subject_with_a_clause_of_its_own_names_no_one() -> None:
    # "a new finding came out, which says ...": a clause, not a speaker
    text = "पिछले साल छपे एक लंबे अध्ययन में एक नई बात सामने आई थी जो कहती है कि समुद्र गर्म हो रहा है।"
    assert found(analyse(text, "hi")) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a verb negated reports no one's words
        ("en", "Elena Varga did not say that the port would close.", []),
        ("en", "Elena Varga never claimed that the port would close.", []),
        ("en", "Elena Varga didn't say that the port would close.", []),
        ("de", "Elena Varga sagte nicht, dass der Hafen schließt.", []),
        ("it", "Elena Varga non ha detto che il porto chiuderà.", []),
        ("ru", "Елена Варга не говорила, что порт закроется.", []),
        # ... but a negation inside what was said is part of it
        ("en", "Elena Varga said that the port would not close.",
         [("reported", "the port would not close", "Elena Varga", "entity")]),
        ("de", "Elena Varga sagte, dass der Hafen nicht schließt.",
         [("reported", "der Hafen nicht schließt", "Elena Varga", "entity")]),
    ],
)  # fmt: skip
def test_a_negated_speech_verb_reports_nothing(
    language: str, text: str, expected: list[tuple[str, ...]]
) -> None:
    persons = {"Elena Varga": "Elena Varga", "Елена Варга": "Елена Варга"}
    assert found(analyse(text, language, persons)) == expected


def test_a_source_without_a_comma_ends_before_a_quote() -> None:
    text = "Die Stadt kündigt laut Portal Varnelland „Regen bis Freitag“ an."
    reported = [q.attrs.get("speaker") for q in analyse(text, "de").layer("quote") if q.label == "reported"]
    assert reported == ["Portal Varnelland"]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        # a name inside a phrase of manner, time or place that opens the sentence is no subject
        ("it", "Parlando al Forum dei Varnel, il presidente ha detto che il porto resterà chiuso.",
         "il presidente"),
        ("pt", "Durante a cimeira da Aliança de Varnel, os ministros anunciaram que vão enviar mais tropas.",
         "os ministros"),
        # ... but a relative clause after a name is that name's, whatever opens the sentence
        ("it", "Marco Lerici, il quale ha incontrato il ministro, ha affermato che il porto chiuderà.",
         "Marco Lerici"),
        ("it", "Nella dichiarazione del ministro Marco Lerici, il quale ha affermato che il porto chiuderà, "
         "non c'è altro.", "Marco Lerici"),
        ("pl", "W proteście przeciwko planowi Marco Lerici, który wcześniej ogłosił, że port zostanie zamknięty, "
         "wzięło udział wielu ludzi.", "Marco Lerici"),
    ],
)  # fmt: skip
def test_a_name_in_an_opening_phrase_is_no_subject(language: str, text: str, speaker: str) -> None:
    doc = analyse(text, language, ("Marco Lerici",), {"Forum dei Varnel": "ORG", "Aliança de Varnel": "ORG"})
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == [speaker]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        # verbs of the present and of the past after a quote, as news writes them
        ("bg", "„Цените ще се покачат до края на годината“, пише авторът.", "авторът"),
        ("bg", "„Цените ще се покачат до края на годината“, предупреждава Петър Варнел.", "Петър Варнел"),
        ("bg", "„Цените ще се покачат до края на годината“, изтъкна министърът.", "министърът"),
        ("pt", "“O porto vai fechar antes do fim do ano”, informou Marco Lerici.", "Marco Lerici"),
        ("pt", "“O porto vai fechar antes do fim do ano”, respondeu o ministro.", "o ministro"),
    ],
)  # fmt: skip
def test_more_verbs_that_attribute_a_quote(language: str, text: str, speaker: str) -> None:
    doc = analyse(text, language, ("Marco Lerici", "Петър Варнел"))
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == [speaker]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a contrast that opens another subject's report ends the first one
        ("ru", "Марко Лерич заявил, что порт закрыт, а министр сказал, что суда еще приходят.",
         [("порт закрыт", "Марко Лерич"), ("суда еще приходят", "министр")]),
        ("de", "Marco Lerici sagte, der Hafen sei geschlossen, aber der Minister erklärte, die Schiffe kämen noch.",
         [("der Hafen sei geschlossen", "Marco Lerici"), ("die Schiffe kämen noch", "Minister")]),
        ("pt", "Marco Lerici disse que o porto está fechado, mas o ministro afirmou que os navios ainda chegam.",
         [("o porto está fechado", "Marco Lerici"), ("os navios ainda chegam", "o ministro")]),
    ],
)  # fmt: skip
def test_each_subject_reports_its_own_clause(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    doc = analyse(text, language, ("Marco Lerici", "Марко Лерич"))
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # an agency that relays a report with a quote in it passes on the speaker's words
        ("pt", "Marco Lerici disse que o porto está “pronto para trabalhar” com todos, informou a agência Norda.",
         [("o porto está “pronto para trabalhar” com todos", "Marco Lerici"),
          ("pronto para trabalhar", "Marco Lerici")]),
        # a participle's phrase that opens the sentence holds no subject
        ("pt", "Questionada pela agência Norda, uma porta-voz da câmara respondeu que o cais \"fica aberto aos barcos\".",
         [("fica aberto aos barcos", "uma porta-voz da câmara")]),
        # a "que" after "de" is a noun's: the verb reports nothing there
        ("pt", "Marco Lerici comentou o rumor de que o cais ia fechar, afirmando que os barcos chegariam.",
         [("os barcos chegariam", "Marco Lerici")]),
    ],
)  # fmt: skip
def test_portuguese_relays_openings_and_nouns_before_que(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    doc = analyse(text, language, ("Marco Lerici",), {"Norda": "ORG"})
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "how"),
    [
        # an impersonal verb's source is the document where it is said
        ("„Das ist ein Fehler der Regierung“, heißt es im Bericht.", "im Bericht", "document"),
        (
            "„Aus Sicht der Regierung trägt Norda die ganze Schuld“, konterte Marco Lerici.",
            "Marco Lerici",
            "entity",
        ),
    ],
)
def test_german_sources_after_a_quote(text: str, speaker: str, how: str) -> None:
    doc = analyse(text, "de", ("Marco Lerici",))
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_how")) for q in doc.layer("quote")] == [
        (speaker, how)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "how"),
    [
        # "nous" before a verb not in its own form is the verb's object: told to us
        ("« Le port restera fermé jusqu’à nouvel ordre », nous a dit le ministre.", "le ministre", "phrase"),
        ("« Le port restera fermé jusqu’à nouvel ordre », nous dit-on au ministère.", "on", "group"),
    ],
)
def test_a_french_pronoun_told_is_no_speaker(text: str, speaker: str, how: str) -> None:
    doc = analyse(text, "fr")
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_how")) for q in doc.layer("quote")] == [
        (speaker, how)
    ]


def test_a_german_demand_reports_nothing() -> None:
    text = "Der Verband der Industrie begrüßte die Ankündigung, forderte aber weitere Entlastungen ab Januar."
    assert found(analyse(text, "de", others={"Verband der Industrie": "ORG"})) == []


def test_a_bulgarian_gerund_s_clause_after_the_speaker_holds_no_subject() -> None:
    text = (
        "„Споровете нямат край. Време е за решение“, добави премиерът, призовавайки гласоподавателите "
        "да подкрепят мира на изборите за Европарламент."
    )
    doc = analyse(text, "bg", others={"Европарламент": "ORG"})
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        ("премиерът", None)
    ]


def test_a_bulgarian_speaker_after_the_verb_ends_where_it_was_said_begins() -> None:
    doc = analyse("„Нордия се готви за война“, каза сенаторът в разговор за местния вестник.", "bg")
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == ["сенаторът"]
    # ... but a body after the verb is the source ('", съобщиха от пресслужбата')
    doc = analyse("„Нордия се готви за война“, съобщиха от пресслужбата на министерството.", "bg")
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == ["от пресслужбата на министерството"]


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        # an adverb set off by commas between the subject and its verb
        ("Министърът, напротив, смята, че пошлините трябва да паднат.", "bg", "Министърът"),
        ("Министр, однако, заявил, что ограничения нужно снять.", "ru", "Министр"),
        # a connective or a day before the subject is no part of it
        ("Напоследък обаче министърът твърди, че войските се възползват от това.", "bg", "министърът"),
        ("Вчера министр заявил, что ограничения нужно снять.", "ru", "министр"),
    ],
)
def test_adverbs_around_a_subject_are_no_part_of_it(text: str, language: str, speaker: str) -> None:
    doc = analyse(text, language)
    assert [(q.label, q.attrs.get("speaker")) for q in doc.layer("quote")] == [("reported", speaker)]


def test_what_a_russian_attribution_between_commas_adds_is_a_report_of_its_own() -> None:
    doc = analyse(
        "Ситуация остаётся сложной, заявил Пётр Варнель, добавив, что переговоры продолжатся.",
        "ru",
        ("Пётр Варнель",),
    )
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == [
        ("Ситуация остаётся сложной", "Пётр Варнель"),
        ("переговоры продолжатся", "Пётр Варнель"),
    ]


def test_an_opening_phrase_before_a_clause_with_an_adding_participle_is_not_reported() -> None:
    text = (
        "Desde o início da crise, as autoridades têm alertado os vizinhos contra o envio de armas, "
        "sublinhando que estas apenas prolongam a disputa."
    )
    assert [q.text_in(doc) for doc in [analyse(text, "pt")] for q in doc.layer("quote")] == []


def test_a_day_after_a_preposition_stays_in_the_speaker_s_phrase() -> None:
    doc = analyse("В писмото на фермерите от вчера се посочва, че цените на торовете растат.", "bg")
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == ["писмото на фермерите от вчера"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one who opens the sentence shares "and said", not the one met
        ("Vera Albers met Piet Lorand on Monday and said that the talks went well.",
         [("reported", "the talks went well", "Vera Albers", "entity")]),
        ("On Monday, Vera Albers met Piet Lorand and said that the talks went well.",
         [("reported", "the talks went well", "Vera Albers", "entity")]),
        ("The Norda Ministry rejected the claims by Piet Lorand and said that they were false.",
         [("reported", "they were false", "Norda Ministry", "entity")]),
        # a pronoun opens it: the person before the sentence
        ("Vera Albers arrived on Sunday.\nShe met Piet Lorand on Monday and said that the talks went well.",
         [("reported", "the talks went well", "She", "pronoun")]),
        # a phrase opens it: not a name in its clause
        ("The tribunal ruled that the scheme Piet Lorand designed broke the rules and said that the ministry had misled voters.",
         []),
        # the one who opens it says it, as before
        ("Piet Lorand arrived in Varnel on Monday and said that the talks went well.",
         [("reported", "the talks went well", "Piet Lorand", "entity")]),
        ("Late in the show host Piet Lorand raised his glass and said that the talks went well.",
         [("reported", "the talks went well", "Piet Lorand", "entity")]),
        ("Officials met Piet Lorand and said that the talks went well.", []),
        # ... or its subordinate clause
        ("Doubts grew after Sheriff Piet Lorand changed his account and said that the talks went well.",
         [("reported", "the talks went well", "Piet Lorand", "entity")]),
        # a relative's antecedent, as before
        ("The panel heard from Piet Lorand, a scientist at the institute, who said that the talks went well.",
         [("reported", "the talks went well", "Piet Lorand", "entity")]),
    ],
)  # fmt: skip
def test_a_verb_after_and_shares_the_subject_that_opens_its_sentence(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    doc = analyse(
        text, "en", ("Vera Albers", "Piet Lorand"), others={"Norda Ministry": "ORG", "Varnel": "LOC"}
    )
    assert found(doc) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short sentence after a listener and a comma is what was said, not a name
        ("Asked about the budget, Piet Lorand told Norda Radio, “Absolutely!”",
         [("direct", "Absolutely!", "Piet Lorand", "entity")]),
        ("Asked about the budget, Piet Lorand told Norda Radio, “Absolutely not.”",
         [("direct", "Absolutely not.", "Piet Lorand", "entity")]),
        # a name after a comma stays a name
        ("Its new ship, “Varnel Star”, sailed on Monday.", [("phrase", "Varnel Star", None, None)]),
    ],
)  # fmt: skip
def test_a_short_sentence_after_a_comma_is_no_name(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert found(analyse(text, "en", ("Piet Lorand",), others={"Norda Radio": "ORG"})) == expected


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        # a phrase of time before the subject is not part of it
        ("ru", "В середине июня мэр города сообщил, что мост откроют осенью.", "мэр города"),
        ("ru", "В конце мая 2023 года директор порта заявил, что причал достроят к зиме.", "директор порта"),
        ("en", "In late May the harbour master said the port would reopen.", "the harbour master"),
        # a relative pronoun in a case no subject takes opens the clause of the subject after it
        ("ru", "Это фильм, в котором рассказчик заявляет, что уедет к морю.", "рассказчик"),
        ("uk", "Це фільм, в якому оповідач заявляє, що поїде до моря.", "оповідач"),
        ("pl", "To film, w którym narrator twierdzi, że wyjedzie nad morze.", "narrator"),
        # a day and its month after an article; not a month's name in a name
        ("it", "Ma il 14 marzo il comune ha dichiarato che avrebbe chiuso il porto.", "il comune"),
        ("en", "The May Day rally organisers said the march would go ahead.", "The May Day rally organisers"),
    ],
)  # fmt: skip
def test_a_phrase_of_time_or_a_relative_before_the_subject_is_left_out(
    language: str, text: str, speaker: str
) -> None:
    assert [q.attrs.get("speaker") for q in analyse(text, language).layer("quote")] == [speaker]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a gerund after the verb's object is a phrase of manner, not what was said
        ("pt", "Com calma, Duarte Lopes seguiu com a reunião, não se alongando no tema."),
        ("es", "Con calma, Duarte Lopes siguió con la reunión, no extendiéndose en el tema."),
    ],
)  # fmt: skip
def test_a_gerund_after_a_speech_verb_reports_nothing(language: str, text: str) -> None:
    assert found(analyse(text, language, ("Duarte Lopes",))) == []


def test_the_author_s_own_view_is_no_report() -> None:
    # "in my opinion": the author's, after the lead that names a source elsewhere
    text = "Според мен Норда ще спечели изборите през есента."
    assert found(analyse(text, "bg")) == []


def test_a_programme_s_title_is_no_one_s_words() -> None:
    # a title of six words, which the length alone would take for a quote
    text = (
        'Това коментира в предаването "Море, пристанища и хора на брега" на Радио Варна проф. Пьотр Лоранд.'
    )
    doc = analyse(text, "bg", ("Пьотр Лоранд",), others={"Радио Варна": "ORG"})
    assert ("phrase", "Море, пристанища и хора на брега", None, None) in found(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb of a tail with a clause of its own after it reports that clause
        ("Whose harbour is busier? Looking at the spring figures, we’d have to say Varnel’s is busier.", []),
        ("Looking at the spring figures, we would have to say the harbour at Varnel is busier.",
         [("reported", "the harbour at Varnel is busier", "we", "group")]),
        # a tail with no clause after it attributes the words before it, as before
        ("The harbour at Varnel is busier than the one at Norda, the minister said on Monday.",
         [("reported", "The harbour at Varnel is busier than the one at Norda", "the minister", "phrase")]),
    ],
)  # fmt: skip
def test_a_tail_verb_with_its_own_clause_attributes_nothing_before_it(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert found(analyse(text, "en")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # separable verbs in the present, their particle after the subject
        ("Piet Lorand, ein ehemaliger Minister, teilt mit: „Der Hafen bleibt im Winter geschlossen.“",
         [("direct", "Der Hafen bleibt im Winter geschlossen.", "Piet Lorand", "entity")]),
        ("„Das war ein Fehler der Stadt“, räumt Piet Lorand ein.",
         [("direct", "Das war ein Fehler der Stadt", "Piet Lorand", "entity")]),
    ],
)  # fmt: skip
def test_german_separable_verbs_in_the_present(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert found(analyse(text, "de", ("Piet Lorand",))) == expected


def test_a_german_source_in_the_genitive_owns_the_noun_after_it() -> None:
    # "Laut Lorands Anwalt": the lawyer's words begin after "Anwalt"
    text = "Laut Lorands Anwalt gebe es kaum Zweifel, dass der Hafen im Mai öffnet."
    doc = analyse(text, "de", {"Lorands": "Piet Lorand"})
    assert [q.text_in(doc) for q in doc.layer("quote")] == [
        "gebe es kaum Zweifel, dass der Hafen im Mai öffnet"
    ]


def test_a_contrast_without_its_comma_opens_another_subject_s_report() -> None:
    text = (
        "Norda has said it will repay the loan in grain if the harvest holds "
        "but the agency Varnel Ratings has said the plan would be a default."
    )
    doc = analyse(text, "en", others={"Norda": "LOC", "Varnel Ratings": "ORG"})
    assert [(q.text_in(doc), q.attrs["speaker"]) for q in doc.layer("quote")] == [
        ("it will repay the loan in grain if the harvest holds", "Norda"),
        ("the plan would be a default", "Varnel Ratings"),
    ]


def test_german_teilt_without_its_particle_shares() -> None:
    text = "Wenn Ihr die Bilder mögt, teilt sie mit Freunden und Nachbarn, wo immer Ihr seid."
    assert found(analyse(text, "de")) == []


def test_an_italian_verb_after_essere_reports_nothing() -> None:
    # "si è concluso": the meeting ended
    text = (
        'Si è concluso in serata il vertice, "lungo ma utile per tutti noi", tra Marco Lerici e il sindaco.'
    )
    assert [q.attrs.get("speaker") for q in analyse(text, "it", ("Marco Lerici",)).layer("quote")] == [None]


def test_a_relayer_in_an_aside_is_not_the_subject() -> None:
    text = (
        "Il sindaco, riporta Radio Norda, ha successivamente aggiunto: "
        '"I porti del nord hanno altri problemi, e lo sanno tutti."'
    )
    doc = analyse(text, "it", others={"Radio Norda": "ORG"})
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == ["Il sindaco"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphen typed for the dash of dialogue, the author's words and a speech verb after it
        ("- Mamy nowy most na rzece, a szkoła jest już prawie gotowa - dodał Nowak.",
         [("direct", "Mamy nowy most na rzece, a szkoła jest już prawie gotowa",
           "Nowak", "entity")]),
        # a list whose items open with hyphens is no dialogue
        ("Program obejmuje:\n- Budowę nowych dróg w regionie.\n- Remont mostu na rzece - etap drugi.", []),
    ],
)  # fmt: skip
def test_a_hyphen_opens_dialogue_only_before_the_author_s_words(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert found(analyse(text, "pl", {"Nowak": "Nowak"})) == expected


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("„Ten most to pomyłka” – mówi prof. Jan Nowak z politechniki.", "pl", "Jan Nowak"),
        ("«Il ponte è un errore», ha detto il dott. Marco Lerici ai cronisti.", "it", "Marco Lerici"),
        ("«El puente es un error», dijo la Sra. Elena Duarte a la radio.", "es", "Elena Duarte"),
        ("„Мостът е грешка“, казва проф. Иван Петров пред радиото.", "bg", "Иван Петров"),
        # an "as" clause reads across the title's full stop
        ("Jak twierdzi gen. Jan Nowak, most nie wytrzyma zimy.", "pl", "Jan Nowak"),
        ("As Sen. Vera Albers said, the bridge will not survive the winter.", "en", "Vera Albers"),
    ],
)
def test_an_abbreviated_title_before_a_name_leaves_the_name_the_speaker(
    text: str, language: str, name: str
) -> None:
    assert [q.attrs.get("speaker") for q in analyse(text, language, (name,)).layer("quote")] == [name]


def _speakers_of(doc: Document) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.text_in(doc), q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")
    ]


def test_a_hyphen_typed_for_a_dash_sets_off_a_verb_without_its_subject() -> None:
    text = '"Most jest gotowy" - napisał Jan Nowak. "Szkoła będzie następna" - dodał.'
    assert _speakers_of(analyse(text, "pl", ("Jan Nowak",))) == [
        ("Most jest gotowy", "Jan Nowak", "Jan Nowak"),
        ("Szkoła będzie następna", "dodał", "Jan Nowak"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what stands between the last comma and the dash is still what was said
        ("Chcę powiedzieć, że most jest bezpieczny, czyli w ogóle - stwierdził wojewoda.",
         [("Chcę powiedzieć, że most jest bezpieczny, czyli w ogóle", "wojewoda", None)]),
        # a verb alone after the dash left out its subject: the last person named
        ("Jan Nowak odwiedził budowę. Most stoi, kiedy rzeka jest wysoka - mówił.",
         [("Most stoi, kiedy rzeka jest wysoka", "mówił", "Jan Nowak")]),
        # the second dash of a pair closes an aside: no attribution
        ("To był pierwszy raz, gdy zobaczyłem ten plan jasno i – co najważniejsze – otwarcie ogłoszony.", []),
    ],
)  # fmt: skip
def test_a_dash_before_a_verb_at_the_end_sets_off_the_attribution(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _speakers_of(analyse(text, "pl", ("Jan Nowak",))) == expected


def test_a_name_in_another_case_before_a_verb_qualifies_its_subject() -> None:
    persons = {"Nowaka": "Jan Nowak", "Jan Nowak": "Jan Nowak"}
    text = "Sąsiedzi Nowaka powiedzieli, że Jan Nowak chce sprzedać dom."
    assert _speakers_of(analyse(text, "pl", persons)) == [
        ("Jan Nowak chce sprzedać dom", "Sąsiedzi Nowaka", None)
    ]
    # ... and no subject of the verb after "i" that shares the subject
    text = "Sąsiedzi Nowaka zebrali podpisy i powiedzieli, że Jan Nowak chce sprzedać dom."
    assert [q.attrs.get("speaker_entity") for q in analyse(text, "pl", persons).layer("quote")] == []


def test_polish_as_clause_without_its_subject_and_the_impersonal_one_says() -> None:
    text = "Jan Nowak lubi ciszę. Jak sam kiedyś powiedział, kto szuka hałasu, niech jedzie do miasta."
    assert _speakers_of(analyse(text, "pl", ("Jan Nowak",))) == [
        ("kto szuka hałasu, niech jedzie do miasta", "powiedział", "Jan Nowak")
    ]
    # "mówi się": one says, no one named
    assert (
        found(analyse("Jan Nowak lubi ciszę. Mówi się, że most jest za drogi.", "pl", ("Jan Nowak",))) == []
    )


def test_polish_przemawiac_is_a_speech_verb() -> None:
    text = '"Most jest gotowy" - przemawiał Jan Nowak do mieszkańców.'
    assert _speakers_of(analyse(text, "pl", ("Jan Nowak",))) == [
        ("Most jest gotowy", "Jan Nowak", "Jan Nowak")
    ]


@pytest.mark.parametrize("dash", ["–", "-"])
def test_a_name_in_marks_after_the_verb_is_its_subject_not_the_last_person(dash: str) -> None:
    text = f"Jan Nowak chce mostu. „Most to polityczna decyzja” {dash} pisze „GN”, dodając, że budowa potrwa rok."
    doc = analyse(text, "pl", ("Jan Nowak",))
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote") if q.label != "phrase"] == [None, None]


def test_a_platform_before_its_channels_only_qualifies_them() -> None:
    text = "Telegram channels said that two blasts shook the harbour of Norda overnight."
    doc = analyse(text, "en", others={"Telegram": "ORG"})
    assert [(q.attrs["speaker"], q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        ("Telegram channels", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister wants to say that the port is safe.", [("the port is safe", "The minister")]),
        # an infinitive after "it is": no one says it
        ("It is only fair to say that the harbour of Norda stays open.", []),
        ("It was wise to say that the harbour of Norda stays open.", []),
    ],
)
def test_the_subject_before_a_verb_and_to_is_the_speaker_s(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [
        (q.text_in(d), q.attrs["speaker"]) for d in [analyse(text, "en")] for q in d.layer("quote")
    ] == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the agency told and the day after the subject of a German verb at the clause's end
        ("Der Hafen von Norda bleibt bis Mai geschlossen, wie eine Werkssprecherin Radio Norda am Montag mitteilte.",
         "eine Werkssprecherin"),
        # ... not an organisation after its article, which the subject names
        ("Der Hafen von Norda bleibt bis Mai geschlossen, wie eine Sprecherin der Norda AG mitteilte.",
         "eine Sprecherin der Norda AG"),
        # ... and a name in marks keeps none of them
        ("Der Hafen von Norda bleibt bis Mai geschlossen, wie „Norda Post“ schreibt.", "Norda Post"),
    ],
)  # fmt: skip
def test_a_german_as_clause_s_subject_ends_before_whom_it_told(text: str, speaker: str) -> None:
    doc = analyse(text, "de", others={"Radio Norda": "ORG", "Norda AG": "ORG"})
    assert [q.attrs["speaker"] for q in doc.layer("quote") if q.label != "phrase"] == [speaker]


def test_a_day_after_the_verb_of_an_as_clause_is_no_part_of_its_subject() -> None:
    doc = analyse("Come ha detto ieri il ministro, il porto resta chiuso fino a maggio.", "it")
    assert [q.attrs["speaker"] for q in doc.layer("quote")] == ["il ministro"]


def test_a_russian_agent_of_a_body_speaks_not_the_body() -> None:
    doc = analyse("Резидент СВР подчеркнул, что порт Норды закрыт до весны.", "ru", others={"СВР": "ORG"})
    assert [q.attrs["speaker"] for q in doc.layer("quote")] == ["Резидент СВР"]


@pytest.mark.parametrize(
    ("text", "language", "quoted"),
    [
        # the straight mark typed for the opening one, the language's own closing it
        ('Той говори пред медиите. "Мостът над реката ще бъде ремонтиран до есента“, каза Иван Петров.', "bg",
         "Мостът над реката ще бъде ремонтиран до есента"),
        ('"Мост через реку Норду откроют осенью», — заявил Иван Петров.', "ru", "Мост через реку Норду откроют осенью"),
    ],
)  # fmt: skip
def test_a_straight_opening_mark_closes_with_the_language_s_own(
    text: str, language: str, quoted: str
) -> None:
    assert _speakers_of(analyse(text, language, ("Иван Петров",))) == [(quoted, "Иван Петров", "Иван Петров")]


def test_a_straight_mark_before_a_word_still_opens_inside_a_straight_quote() -> None:
    text = '"She called the tariff “silly” and walked out," Piet Lorand said.'
    assert [text[q.start : q.end] for q in find_direct_quotes(text)] == [
        "She called the tariff “silly” and walked out,"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mark a scraper left before the lead, which reports speech in the author's words
        ('Мост в Норде\n\n"Новый мост через реку построят в Норде, заявил инженер Иван Петров. «Это наша гордость», — добавил он.',
         [("Новый мост через реку построят в Норде", "Иван Петров"), ("Это наша гордость", "Иван Петров")]),
        ('Петров о мосте\n\n"Иван Петров в беседе заявил, что мост в Норде открыт.',
         [("мост в Норде открыт", "Иван Петров")]),
        ('Жители Норды ждут мост\n"Многие жители Норды ждут открытия моста. Об этом заявил инженер Иван Петров.',
         [("Многие жители Норды ждут открытия моста", "Иван Петров")]),
        # ... also where the scraper closed its mark at the article's end
        ('Мост в Норде\n\n"Новый мост построят в Норде, заявил инженер Иван Петров.\nОн добавил, что работы начнутся весной."',
         [("Новый мост построят в Норде", "Иван Петров"), ("работы начнутся весной", "Иван Петров")]),
        # speech left open at the paragraph's end stays speech
        ('Петров о мосте\n\n"Мост простоит сто лет. Мы проверили каждую опору.\nТак сказал Иван Петров.',
         [("Мост простоит сто лет. Мы проверили каждую опору.", None)]),
    ],
)  # fmt: skip
def test_a_stray_mark_before_the_lead_opens_no_quote(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    doc = analyse(text, "ru", ("Иван Петров",))
    assert [(quote, entity) for quote, _, entity in _speakers_of(doc)] == expected


def test_portuguese_speech_verbs_in_the_present() -> None:
    text = (
        "“A ponte fecha no inverno, porque o rio sobe depressa”, vinca Miguel Lemos. Carlos Reis "
        "acha que a obra podia andar mais rápido: “O estaleiro devia ter aberto em março.”"
    )
    assert _speakers_of(analyse(text, "pt", ("Miguel Lemos", "Carlos Reis"))) == [
        ("A ponte fecha no inverno, porque o rio sobe depressa", "Miguel Lemos", "Miguel Lemos"),
        ("O estaleiro devia ter aberto em março.", "Carlos Reis", "Carlos Reis"),
    ]


def test_a_that_before_a_verb_without_its_subject_is_no_speaker() -> None:
    text = (
        "Иван Петров отново говори за моста. Седмица по-рано той беше упрекнат и заради това, "
        "че каза пред Радио Норда в петък, че реката е опасна."
    )
    # the subject left out: the verb stands for it, and the person it continues
    assert _speakers_of(analyse(text, "bg", ("Иван Петров",))) == [("реката е опасна", "каза", "Иван Петров")]


def test_a_name_in_marks_in_a_title_after_the_verb_leaves_the_subject_after_it() -> None:
    text = "„Мостът не е готов за зимата“, каза от сцената на Общинския съвет заместник-кметът на „Норда“ Иван Петров."
    doc = analyse(text, "bg", ("Иван Петров",), {"Общинския съвет": "ORG", "Норда": "ORG"})
    assert [s for s in _speakers_of(doc) if s[0] != "Норда"] == [
        ("Мостът не е готов за зимата", "Иван Петров", "Иван Петров")
    ]


def test_no_name_in_what_a_verb_reports_speaks_for_a_quote_before_it() -> None:
    text = 'Над града се задава "ефектът Варников", който твърди, че Петров мами.'
    doc = analyse(text, "bg", ("Варников", "Петров"))
    # a phrase: the relative after it stands for what it names ("Варников" claims)
    assert found(doc)[0] == ("phrase", "ефектът Варников", None, None)
    assert all(speaker != "Петров" for _, _, speaker, _ in found(doc))


def test_a_day_before_a_verb_is_not_its_subject_nor_what_it_is_about() -> None:
    text = (
        "Мэр Норды Иван Петров в интервью газете в пятницу, 12 мая предупредил о закрытии моста. "
        "«Мост уже не спасти», 12 мая заявил Олег Варников."
    )
    assert _speakers_of(analyse(text, "ru", ("Иван Петров", "Олег Варников"))) == [
        ("Мост уже не спасти", "Олег Варников", "Олег Варников")
    ]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("ru", "«Порт закроют до весны», — рассказал нам эксперт.", "эксперт"),
        ("uk", "«Порт закриють до весни», — розповів нам експерт.", "експерт"),
        ("pl", "– Port zostanie zamknięty do wiosny – mówią nam eksperci.", "eksperci"),
        ("bg", "„Пристанището ще бъде затворено до пролетта“, каза ни експертът.", "експертът"),
        ("de", "„Der Hafen bleibt bis Mai zu“, sagte uns ein Experte.", "ein Experte"),
        # ... but a possessive of the same form stays ("her husband")
        ("pl", "– Port zostanie zamknięty do wiosny – mówi jej mąż.", "jej mąż"),
    ],
)
def test_whom_a_verb_told_is_no_part_of_the_subject_after_it(language: str, text: str, speaker: str) -> None:
    assert [s for _, s, _ in _speakers_of(analyse(text, language))] == [speaker]


def test_a_pronoun_goes_on_with_the_narration_not_a_name_inside_a_quote() -> None:
    text = (
        "Most może zostać zamknięty – mówi nam prof. Daniel Nowak.\n"
        '"Lorand nie jest inżynierem"\n'
        'Jego zdaniem, remont według planu Loranda "nie ma większego sensu" w tej chwili.'
    )
    doc = analyse(text, "pl", ("Daniel Nowak", "Lorand"))
    assert [entity for quote, _, entity in _speakers_of(doc) if quote.startswith("remont")] == [
        "Daniel Nowak"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listener and the day it was told are no part of what was told
        ("The mayor’s press officer told the council on Friday she’s not sure the bridge will open.",
         [("she’s not sure the bridge will open", "The mayor’s press officer")]),
        # a participle's infinitive speaks for the subject of the clause
        ("However, the transport minister, Piet Lorand, has dismissed such rumours, taking to the radio to "
         "say: “The bridge opens in May,” in a reply to Marco Lerici.",
         [("The bridge opens in May,", "Piet Lorand")]),
    ],
)  # fmt: skip
def test_english_clauses_around_a_verb_that_are_not_its_subject(
    text: str, expected: list[tuple[str, str]]
) -> None:
    doc = analyse(text, "en", ("Piet Lorand", "Marco Lerici"), {"Norda Front": "ORG"})
    assert [(quote, speaker) for quote, speaker, _ in _speakers_of(doc)] == expected


def test_german_name_and_weiter_before_a_colon_and_verbs_in_the_present() -> None:
    text = (
        'Ob die Brücke hält, sei unklar. Petra Lerici weiter: "Die Prüfung ist noch offen, denn die Pfeiler '
        'sind alt." Lerici argumentiert nüchtern: "Man muss die Brücke jetzt schließen."'
    )
    assert _speakers_of(analyse(text, "de", {"Petra Lerici": "Petra Lerici", "Lerici": "Petra Lerici"})) == [
        ("Die Prüfung ist noch offen, denn die Pfeiler sind alt.", "Petra Lerici", "Petra Lerici"),
        ("Man muss die Brücke jetzt schließen.", "Lerici", "Petra Lerici"),
    ]


def test_a_french_plural_pronoun_inside_the_verb_is_its_subject() -> None:
    text = (
        "Les maires ont visité le pont. « Nous suivrons les travaux de près avec les ingénieurs », "
        "ont-ils déclaré lundi soir."
    )
    assert found(analyse(text, "fr")) == [
        ("direct", "Nous suivrons les travaux de près avec les ingénieurs", "ils", "group")
    ]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        # the person who opens the sentence that a colon ends before the quote
        ("it", "L’ingegnere Alessandro Lerici, esperto di ponti, non ha dubbi: “Il viadotto va chiuso subito”.",
         "Alessandro Lerici"),
        ("en", "Piet Lorand was blunt: “The bridge will never open.”", "Piet Lorand"),
        # ... not one after a preposition, nor one who opens no sentence
        ("en", "In a letter to Piet Lorand, the council wrote back at once: “The bridge will never open.”", None),
        # a hyphen typed against the name closes an attribution inside the quote
        ("it", "“Io vorrei che il comune chiudesse il ponte – ha spiegato Alessandro Lerici- prima "
               "dell’inverno e delle piene”.", "Alessandro Lerici"),
    ],
)  # fmt: skip
def test_a_subject_before_a_colon_or_inside_the_quote_speaks(
    language: str, text: str, speaker: str | None
) -> None:
    doc = analyse(text, language, ("Alessandro Lerici", "Piet Lorand"))
    assert [entity for _, _, entity in _speakers_of(doc)] == [speaker]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a quote that goes on into the next paragraph without a mark, closed there
        ("bg", "Петров говори пред съвета.\n„Мостът е стар. Опорите се рушат.\nКогато дойде зимата, "
               "реката ще го отнесе“, каза Иван Петров.",
         [("Мостът е стар. Опорите се рушат.\nКогато дойде зимата, реката ще го отнесе", "Иван Петров")]),
        ("en", "He spoke.\n“The bridge is old. Repairs take years.\nBut we will fix it,” Piet Lorand said.",
         [("The bridge is old. Repairs take years.\nBut we will fix it,", "Piet Lorand")]),
        ("en", "He spoke.\n“The bridge is old.\nRepairs take years.\nBut we will fix it,” Piet Lorand said.",
         [("The bridge is old.\nRepairs take years.\nBut we will fix it,", "Piet Lorand")]),
        # ... not a stray mark inside a paragraph, whose next paragraph's first mark opens
        ("en", "Piet Lorand spoke of “the bridge\nThe works ended, he said, and “the tolls” went up.",
         [("the tolls", "Piet Lorand")]),
    ],
)  # fmt: skip
def test_a_quote_goes_on_into_a_paragraph_that_closes_it(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    doc = analyse(text, language, ("Иван Петров", "Piet Lorand"))
    assert [(quote, entity) for quote, _, entity in _speakers_of(doc)] == expected


def test_bulgarian_perfect_participles_of_speech_verbs() -> None:
    text = "Иван Петров говори. „Мостът е стар и опасен“, е коментирал той. „Ще го ремонтираме“, е допълнил Петров."
    assert _speakers_of(analyse(text, "bg", {"Иван Петров": "Иван Петров", "Петров": "Иван Петров"})) == [
        ("Мостът е стар и опасен", "той", "Иван Петров"),
        ("Ще го ремонтираме", "Петров", "Иван Петров"),
    ]


def test_german_reported_speech_goes_on_in_the_subjunctive_but_not_past_a_colon_of_another_source() -> None:
    text = (
        "So schrieb Ministerin Petra Lerici auf Twitter: »Der Minister hat richtig entschieden.«\n\n"
        "Mit Blick auf die Preise verlieh die Redaktion der Norda Zeitung ihrer Sorge Ausdruck: Der Rücktritt "
        "sei längst überfällig. Zu oft habe er die Stadt getäuscht."
    )
    doc = analyse(text, "de", ("Petra Lerici",))
    assert [(q.label, q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        ("direct", "Petra Lerici")
    ]
    # ... where a verb of the sentence before reports, its subjunctive goes on
    doc = analyse(
        "Petra Lerici sagte, die Brücke sei alt. Man werde sie bald schließen.", "de", ("Petra Lerici",)
    )
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Petra Lerici", "Petra Lerici"]


def test_a_body_in_capitals_after_a_quote_is_no_relative() -> None:
    text = '"The next wave could be stronger," WHO Director-General Piet Lorand told reporters in Varnel.'
    assert [entity for _, _, entity in _speakers_of(analyse(text, "en", ("Piet Lorand",)))] == ["Piet Lorand"]


def test_a_lead_mark_before_an_opinion_voiced_with_a_site_s_name_in_the_gap() -> None:
    text = (
        "Мосты над рекой — мнение\n\n"
        '"Паводок заставил мэра Ивана Петрова пересмотреть планы. Такое мнение в разговоре с порталом '
        "Norda.info высказал сегодня инженер Олег Варников, имея в виду заявление Петрова о мостах.\n"
        "«Скорее всего, мост построят к осени», — полагает Варников.\n"
        'Инженер предположил, что мэр пытается восстановить мосты."'
    )
    persons = {"Ивана Петрова": "Иван Петров", "Петрова": "Иван Петров", "Олег Варников": "Олег Варников"}
    doc = analyse(text, "ru", {**persons, "Варников": "Олег Варников"})
    assert _speakers_of(doc)[:2] == [
        ("Паводок заставил мэра Ивана Петрова пересмотреть планы", "Олег Варников", "Олег Варников"),
        ("Скорее всего, мост построят к осени", "Варников", "Олег Варников"),
    ]


@pytest.mark.parametrize("verb", ["заключает", "констатирует", "объясняет", "рассказывает"])
def test_russian_verbs_of_commentary_in_the_present_attribute_a_quote(verb: str) -> None:
    text = f"«Это не новость, но мост через реку стар», — {verb} Олег Варников."
    assert _speakers_of(analyse(text, "ru", ("Олег Варников",))) == [
        ("Это не новость, но мост через реку стар", "Олег Варников", "Олег Варников")
    ]


def test_a_block_of_speech_that_the_next_paragraph_attributes_after_a_dash() -> None:
    text = (
        "Мосты над рекой\n\n"
        "Мэр Иван Петров считает, что мост стар.\n"
        'Ремонт идёт третий месяц. Полагаю, мост "закроют" к зиме, это неизбежно,\n'
        "— отметил Олег Варников на встрече с жителями.\n"
        "Список работ:\n— мост,\n— дорога."
    )
    doc = analyse(text, "ru", ("Иван Петров", "Олег Варников"))
    assert [
        (q.label, q.text_in(doc), q.attrs.get("speaker"), q.attrs.get("cue")) for q in doc.layer("quote")
    ] == [
        ("reported", "мост стар", "Иван Петров", "считает"),
        (
            "direct",
            'Ремонт идёт третий месяц. Полагаю, мост "закроют" к зиме, это неизбежно',
            "Олег Варников",
            "отметил",
        ),
    ]


def test_a_relative_que_after_a_noun_is_no_person_left_out() -> None:
    text = (
        "O engenheiro Rui Lemos falou da ponte. Numa decisão rápida que sugere que a ponte é velha, "
        "a câmara fechou-a. O ministro Jan Reis, que disse que a ponte cai, saiu."
    )
    speakers = [
        (q.attrs.get("speaker_entity"), q.attrs.get("cue"))
        for q in analyse(text, "pt", ("Rui Lemos", "Jan Reis")).layer("quote")
    ]
    assert speakers == [(None, "sugere"), ("Jan Reis", "disse")]


@pytest.mark.parametrize(
    ("text", "language", "content"),
    [
        (
            "According to Ana Reis, a geologist at the university, the bridges are safe.",
            "en",
            "the bridges are safe",
        ),
        (
            "According to Ana Reis, the head of the agency, the bridges are safe.",
            "en",
            "the bridges are safe",
        ),
        # a definite article before a noun and its verb opens what was said
        (
            "According to Ana Reis, the minister lied about the bridges.",
            "en",
            "the minister lied about the bridges",
        ),
        (
            "Segundo Ana Reis, professora na universidade, as pontes são seguras.",
            "pt",
            "as pontes são seguras",
        ),
    ],
)
def test_a_person_s_apposition_after_a_source_lead_is_no_part_of_what_was_said(
    text: str, language: str, content: str
) -> None:
    assert _speakers_of(analyse(text, language, ("Ana Reis",))) == [(content, "Ana Reis", "Ana Reis")]


def test_a_source_lead_right_before_a_quote_names_its_speaker() -> None:
    text = (
        "A engenheira Ana Reis estudou as pontes. "
        "Segundo a engenheira “as pontes do rio mostram fissuras de dois tipos”: umas finas e outras largas."
    )
    assert [
        (q.attrs.get("speaker"), q.attrs.get("speaker_entity"))
        for q in analyse(text, "pt", ("Ana Reis",)).layer("quote")
    ] == [("a engenheira", "Ana Reis")]
    # ... but not the source's clause before the mark: the source alone
    doc = analyse("Според Норда обаче има “малък шанс” за моста.", "bg", (), {"Норда": "ORG"})
    assert {(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")} == {
        ("Норда", "Норда")
    }


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            'The bridge over the river is old and unsafe, warned Piet Lorand. "Engineers now say it will fall."',
            "en",
            "Piet Lorand",
        ),
        (
            'Мостът над реката е стар и опасен, предупреди Иван Петров. "Инженерите вече казват, че мостът ще падне."',
            "bg",
            "Иван Петров",
        ),
        # not a quote inside a sentence of the author's, nor after a sentence that names no one
        (
            'The bridge is old, warned Piet Lorand. Engineers called it "a ruin that will fall within a year".',
            "en",
            None,
        ),
        ('The bridge is old and unsafe. "Engineers now say it will fall within a year."', "en", None),
    ],
)
def test_a_whole_sentence_quote_goes_on_with_the_source_named_at_the_end_of_the_sentence_before(
    text: str, language: str, speaker: str | None
) -> None:
    doc = analyse(text, language, ("Piet Lorand", "Иван Петров"))
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote") if q.label == "direct"] == [speaker]


def test_a_relative_che_after_a_noun_of_a_person_s_sentence_is_that_person_s() -> None:
    text = (
        "Il ponte di Varna è chiuso. Marco Lerici ha scritto sui social, con un post che dice: "
        "«Il ponte è vecchio e pericoloso, va chiuso subito»."
    )
    assert [q.attrs.get("speaker_entity") for q in analyse(text, "it", ("Marco Lerici",)).layer("quote")] == [
        "Marco Lerici"
    ]
    # ... and a message's author left out of its sentence
    text = (
        "Il ponte di Varna è chiuso. Marco Lerici ha risposto subito. Sul suo blog ha scritto due righe, "
        "con una nota che afferma: «Il ponte è vecchio e pericoloso, va chiuso subito»."
    )
    assert [q.attrs.get("speaker_entity") for q in analyse(text, "it", ("Marco Lerici",)).layer("quote")] == [
        "Marco Lerici"
    ]


@pytest.mark.parametrize(
    ("text", "language", "persons", "others", "speaker", "entity"),
    [
        # Whom a speaker spoke with, after the verb, is no speaker: the noun before it is.
        ("«Опора треснула ещё весной», — сказал геолог в разговоре с Нордой.",
         "ru", {"Нордой": "Норда"}, {}, "геолог", None),
        ("«Опора треснула ещё весной», — пояснил геолог на встрече с Нордой.",
         "ru", {"Нордой": "Норда"}, {}, "геолог", None),
        # ... and a person of an organisation is no organisation
        ("«Опора треснула ещё весной», — отметил эксперт Норды.ру.",
         "ru", {}, {"Норды.ру": "ORG"}, "эксперт Норды.ру", None),
        # An outlet told before the verb; the person after it spoke.
        ("Опора треснула ещё весной. Об этом Норде.ру сообщил главный инженер моста Олег Варников.",
         "ru", ("Олег Варников",), {"Норде.ру": "ORG"}, "Олег Варников", "Олег Варников"),
        # A pronoun that opens the sentence goes on as the subject of a verb joined by "и", not an
        # organisation in its phrase.
        ("Олег Варников приехал в Норду. Вечером он осмотрел мост вместе с инспекторами Транспортного "
         "союза и сказал, что опора треснула.",
         "ru", ("Олег Варников",), {"Транспортного союза": "ORG"}, "он", "Олег Варников"),
        # ... nor is a name after a preposition, in a language that leaves subjects out
        ("A engenheira Ana Reis chegou a Varna. De manhã, a engenheira visitou a ponte da Companhia Norda "
         "com os técnicos e garantiu que a estrutura está segura.",
         "pt", ("Ana Reis",), {"Companhia Norda": "ORG"}, "garantiu", "Ana Reis"),
        # A quote in the paragraph after a person's sentence that ends with a colon is theirs.
        ("The storm passed.\n\nMayor Jan Varnel thanked the crews on the Norda bridge:\n\n"
         '"Every cable held, and every worker went home safe tonight."\n\nThe river fell.',
         "en", ("Jan Varnel",), {"Norda": "LOC"}, "Jan Varnel", "Jan Varnel"),
        # A present-tense verb that left its subject out goes on with the one who opens the sentence
        # before, after an article and a title in lower case, not with a name in an apposition.
        ("Ana Reis falou em Lisboa. A geóloga Marta Sousa, amiga do engenheiro Jorge Matos, estudou a "
         "encosta durante anos. “A encosta vai ceder num inverno de muita chuva”, alega.",
         "pt", ("Ana Reis", "Marta Sousa", "Jorge Matos"), {}, "alega", "Marta Sousa"),
        ("Ana Reis falou em Lisboa. O geólogo e professor Rui Lemos, amigo do engenheiro Jorge Matos, "
         "estudou a encosta. “A encosta vai ceder num inverno de muita chuva”, alega.",
         "pt", ("Ana Reis", "Rui Lemos", "Jorge Matos"), {}, "alega", "Rui Lemos"),
    ],
)  # fmt: skip
def test_the_speaker_is_not_the_one_spoken_with_nor_a_name_in_a_phrase(
    text: str,
    language: str,
    persons: dict[str, str],
    others: dict[str, str],
    speaker: str,
    entity: str | None,
) -> None:
    doc = analyse(text, language, persons, others)
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        (speaker, entity)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # after a direct quote's pronoun ...
        'Finance Minister Vera Lorand spoke on Monday. "A toll is the fairest way to pay for the bridge," '
        "she said, noting that the toll would cost President Piet Varnel his old tax. She also warned, "
        'saying the towns "must not wait another winter".',
        # ... and after reported speech's
        "Finance Minister Vera Lorand spoke on Monday. On Tuesday she told the council that the bridge of "
        "President Piet Varnel was late. She warned that the towns must not wait another winter.",
    ],
)
def test_a_pronoun_goes_on_with_whom_the_pronoun_before_it_stood_for_not_a_name_in_what_was_said(
    text: str,
) -> None:
    doc = analyse(text, "en", ("Vera Lorand", "Piet Varnel"))
    last = doc.layer("quote")[-1]
    assert (last.text_in(doc).split()[-2:], last.attrs.get("speaker_entity")) == (
        ["another", "winter"],
        "Vera Lorand",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb that refuses the speech verb reports nothing ...
        ("The agency refused to say whether the river was too high.", []),
        ("The agency declined to say if the river was too high.", []),
        # ... while one that only tries still has a subject
        (
            "The engineer attempted to argue that the plan was sound.",
            [("the plan was sound", "The engineer")],
        ),
        ("Opponents sought to argue that the plan was sound.", [("the plan was sound", "Opponents")]),
    ],
)
def test_a_verb_before_to_and_a_speech_verb_refuses_it_or_shares_its_subject(
    text: str, expected: list[tuple[str, str]]
) -> None:
    doc = analyse(text, "en")
    assert [(q.text_in(doc), q.attrs.get("speaker")) for q in doc.layer("quote")] == expected


def test_a_whole_sentence_quote_is_not_attributed_by_a_sentence_that_opens_with_an_adverb() -> None:
    text = (
        'The plan was sound. "We will build the bridges as soon as the money comes in." '
        "Later, the paper reported, the mayor left."
    )
    direct = [q for q in analyse(text, "en").layer("quote") if q.label == "direct"]
    assert [q.attrs.get("speaker") for q in direct] == [None]


@pytest.mark.parametrize(
    ("text", "language", "persons", "others", "speaker"),
    [
        # the subject before the verb, with the outlet told after it
        ("Опора треснула ещё весной. Об этом Олег Варников сообщил газете Норда.ру.",
         "ru", ("Олег Варников",), {"Норда.ру": "ORG"}, "Олег Варников"),
        # a name that opens the sentence, before a pronoun in its phrase
        ("Олег Варников встретился с ним на форуме и заявил, что мосты будут построены к весне.",
         "ru", ("Олег Варников",), {}, "Олег Варников"),
        # a whole-sentence quote with its speaker's sentence after it, set off by an apposition
        ('The river rose. "The bridges are safe." Piet Lorand, the head of the office, said.',
         "en", ("Piet Lorand",), {}, "Piet Lorand"),
    ],
)  # fmt: skip
def test_a_subject_named_before_its_verb_still_speaks(
    text: str, language: str, persons: tuple[str, ...], others: dict[str, str], speaker: str
) -> None:
    doc = analyse(text, language, persons, others)
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == [speaker]


def test_a_speaker_after_the_verb_ends_at_the_conjunction_of_the_next_verb() -> None:
    text = (
        "Иван Петров говори пред хората. “Въжетата са стари и ръждясали”, каза инженерът и после обясни, "
        "че ремонтът ще отнеме година. “Ще започнем през март”, продължи той. “Реката е висока”, "
        "напомни Петров."
    )
    doc = analyse(text, "bg", {"Иван Петров": "Иван Петров", "Петров": "Иван Петров"})
    assert [q.attrs.get("speaker") for q in doc.layer("quote") if q.label == "direct"] == [
        "инженерът",
        "той",
        "Петров",
    ]


def test_a_pair_of_nouns_after_the_verb_stays_one_speaker() -> None:
    doc = analyse("«Мосты стары», — пишут инженеры и геологи.", "ru")
    assert [q.attrs.get("speaker") for q in doc.layer("quote")] == ["инженеры и геологи"]


def test_a_pronoun_inside_what_a_pronoun_s_person_said_stands_for_a_person_named_there() -> None:
    text = (
        "«Мосты стары», — отметил Олег Варников. По его словам, Иван Петров долго «спорил с мэром», "
        "и он уверял, что «опоры крепки»."
    )
    doc = analyse(text, "ru", ("Олег Варников", "Иван Петров"))
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote") if q.label == "direct"][
        -1
    ] == "Иван Петров"


def test_a_colon_after_a_sentence_longer_than_the_window_names_no_one_it_does_not_open_with() -> None:
    # the window before the quote cuts the sentence in the middle of a complement ("... da X")
    text = (
        "A ponte do rio ficou fechada durante todo o inverno. Mas a crítica longa e dura da Ana Reis contra "
        "Rui Lemos não é sobre a ponte, e sim sobre as frases ditas pelo presidente da câmara mais velha: "
        "“A ponte é velha e tem de fechar já”."
    )
    doc = analyse(text, "pt", ("Ana Reis", "Rui Lemos"))
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == [None]


def test_a_colon_after_whom_a_person_quotes_names_no_speaker() -> None:
    text = (
        "Мостът е затворен.\nИван Петров, свещеник от църквите в Норда, Варна, Бургас и цяла Източна "
        "България, прочете на глас писмото на епископ Олег Варников, като го цитира:\n"
        "„Нека първо поправим моста, а после ще спорим“."
    )
    doc = analyse(text, "bg", ("Иван Петров", "Олег Варников"))
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a relative clause's name is not the subject it describes
        ("Two of the builders who worked for Piet Lorand on the old harbour bridge last year said the new "
         "cables were too thin.", "Two of the builders"),
        # a head noun's long phrase names a person of the board, not the board
        ("The deputy head of the regional Norda Transport Board said the office was short of engineers.",
         "The deputy head of the regional Norda Transport Board"),
    ],
)  # fmt: skip
def test_a_long_subject_names_its_head_not_a_name_in_its_phrase(text: str, speaker: str) -> None:
    doc = analyse(text, "en", ("Piet Lorand",), {"Norda Transport Board": "ORG"})
    assert [(q.attrs.get("speaker"), q.attrs.get("speaker_entity")) for q in doc.layer("quote")] == [
        (speaker, None)
    ]


def test_a_relative_after_its_preposition_has_its_antecedent_before_the_preposition() -> None:
    text = (
        "Инженерите имат две правила: «първо проверявай, после строй» или «никога не бързай с бетона», "
        "за които Иван Петров пише в книгата си за моста."
    )
    doc = analyse(text, "bg", ("Иван Петров",))
    assert [q.attrs.get("speaker") for q in doc.layer("quote") if q.label == "direct"] == ["Иван Петров"] * 2


def test_a_colon_ends_a_long_sentence_whose_subject_speaks_in_the_next_paragraph() -> None:
    text = (
        "Мостът е затворен.\nИван Петров изненада залата с мисълта, че новите планове на кмета Олег "
        "Варников могат да станат добра основа за общ проект на двата града:\n"
        "„Не мисля, че общината ще приеме всичко. Но вярвам, че ще намерим общ език.“"
    )
    doc = analyse(text, "bg", ("Иван Петров", "Олег Варников"))
    assert [q.attrs.get("speaker_entity") for q in doc.layer("quote")] == ["Иван Петров"]


def test_a_name_that_speaks_inside_a_relative_clause_stays_its_speaker() -> None:
    text = 'Engineers tested the old cable which Piet Lorand says is "too thin for the new trucks".'
    assert [q.attrs.get("speaker_entity") for q in analyse(text, "en", ("Piet Lorand",)).layer("quote")] == [
        "Piet Lorand"
    ]


def test_a_relative_clause_s_antecedent_is_never_cut_from_a_word() -> None:
    # the window before the quote begins inside the name that the recogniser missed
    text = (
        "As the new book on the harbour reports, Senior Engineer Piet Varnel Oakenshield who was mostly in "
        "charge of the repairs behind the Lorand plan told journalist Jan Nowak in 2013, "
        '"Four more years of this would be enough to change everything."'
    )
    (quote,) = analyse(text, "en", ("Lorand", "Jan Nowak")).layer("quote")
    assert not text[quote.attrs["speaker_start"] - 1].isalnum()
