"""Dates in every covered language: absolute dates whatever the body's language, relative ones
in the document's language, date lines as publication dates, ranges, months without a year."""

from __future__ import annotations

import datetime as dt

import pytest

from narrascope.analyzers.dates import DateAnalyzer, dateline_date, find_dates
from narrascope.document import Document

# Thursday 8 June 2023: the publication date of the texts below. Its ISO week is 2023-W23.
THURSDAY = dt.date(2023, 6, 8)

# (text of the mention, value, granularity, relative), and for ranges the last day too
Expected = tuple[str, str | None, str, bool] | tuple[str, str | None, str, bool, str | None]
Found = tuple[int, int, str | None, str, bool, str | None]


def found(text: str, language: str, reference: dt.date | None = THURSDAY) -> list[Found]:
    return [
        (m.start, m.end, m.value, m.granularity, m.relative, m.range_end)
        for m in find_dates(text, language, reference)
    ]


def at(text: str, expected: list[Expected]) -> list[Found]:
    """The expected mentions with their offsets: each piece where it next occurs in ``text``."""
    out: list[Found] = []
    position = 0
    for piece, value, granularity, relative, *end in expected:
        start = text.index(piece, position)
        position = start + len(piece)
        out.append((start, position, value, granularity, relative, end[0] if end else None))
    return out


def test_offsets_are_python_string_offsets() -> None:
    text = "Встреча «на высшем уровне» — 4 июня 2023 года, вчера."
    assert found(text, "ru") == [
        (29, 45, "2023-06-04", "day", False, None),
        (47, 52, "2023-06-07", "day", True, None),
    ]
    assert text[29:45] == "4 июня 2023 года"


CASES: list[tuple[str, str, list[Expected]]] = [
    # English
    (
        "en",
        "The ceasefire signed on 4 June 2023 collapsed in May, and the envoy returns next Friday.",
        [
            ("4 June 2023", "2023-06-04", "day", False),
            ("May", "2023-05", "month", True),
            ("next Friday", "2023-06-09", "day", True),
        ],
    ),
    (
        "en",
        "Last week the ministry denied it; this month it admitted it; next year it will pay.",
        [
            ("Last week", "2023-W22", "week", True),
            ("this month", "2023-06", "month", True),
            ("next year", "2024", "year", True),
        ],
    ),
    # Russian: genitive, prepositional with and without a year
    (
        "ru",
        "Совещание прошло 4 июня 2023 года, а в июне 2022 года и в марте его отменяли.",
        [
            ("4 июня 2023 года", "2023-06-04", "day", False),
            ("июне 2022 года", "2022-06", "month", False),
            ("марте", "2023-03", "month", True),
        ],
    ),
    (
        "ru",
        "Вчера министр заявил, что переговоры пройдут в следующий вторник, а на прошлой неделе их отложили.",
        [
            ("Вчера", "2023-06-07", "day", True),
            ("следующий вторник", "2023-06-13", "day", True),
            ("прошлой неделе", "2023-W22", "week", True),
        ],
    ),
    # Ukrainian: genitive, locative, a genitive weekday after "минулої"
    (
        "uk",
        "Зустріч відбулася 4 червня 2023 року, у травні 2022 року її скасували, а наступна буде у липні.",
        [
            ("4 червня 2023 року", "2023-06-04", "day", False),
            ("травні 2022 року", "2022-05", "month", False),
            ("липні", "2023-07", "month", True),
        ],
    ),
    (
        "uk",
        "У вівторок посол повернувся, минулого тижня він був у Варшаві, а минулої середи й позавчора тривали переговори.",
        [
            ("вівторок", "2023-06-06", "day", True),
            ("минулого тижня", "2023-W22", "week", True),
            ("минулої середи", "2023-06-07", "day", True),
            ("позавчора", "2023-06-06", "day", True),
        ],
    ),
    # German
    (
        "de",
        "Am Dienstag, den 6. Juni 2023, tagte der Rat; im Mai hatte er vertagt, im März 2022 auch.",
        [
            ("Dienstag, den 6. Juni 2023", "2023-06-06", "day", False),
            ("Mai", "2023-05", "month", True),
            ("März 2022", "2022-03", "month", False),
        ],
    ),
    (
        "de",
        "Am Morgen sprach der Minister von letzter Woche; heute Morgen schwieg er, morgen reist er ab.",
        [
            ("letzter Woche", "2023-W22", "week", True),
            ("heute", "2023-06-08", "day", True),
            ("morgen", "2023-06-09", "day", True),
        ],
    ),
    # French
    (
        "fr",
        "Le sommet du 1er juin 2023 a été reporté à mardi prochain ; en mai, rien n'avait bougé.",
        [
            ("1er juin 2023", "2023-06-01", "day", False),
            ("mardi prochain", "2023-06-13", "day", True),
            ("mai", "2023-05", "month", True),
        ],
    ),
    (
        "fr",
        "La semaine dernière, hier et avant-hier, des tirs ont été signalés ; ce lundi, le calme.",
        [
            ("semaine dernière", "2023-W22", "week", True),
            ("hier", "2023-06-07", "day", True),
            ("avant-hier", "2023-06-06", "day", True),
            ("ce lundi", "2023-06-05", "day", True),
        ],
    ),
    # Italian
    (
        "it",
        "Il vertice del 4 giugno 2023 è stato rinviato a martedì prossimo; a maggio nulla era cambiato.",
        [
            ("4 giugno 2023", "2023-06-04", "day", False),
            ("martedì prossimo", "2023-06-13", "day", True),
            ("maggio", "2023-05", "month", True),
        ],
    ),
    (
        "it",
        "Ieri il ministro ha detto che la settimana scorsa, nel 2014 e l'anno scorso ci furono attacchi.",
        [
            ("Ieri", "2023-06-07", "day", True),
            ("settimana scorsa", "2023-W22", "week", True),
            ("2014", "2014", "year", False),
            ("anno scorso", "2022", "year", True),
        ],
    ),
    # Spanish
    (
        "es",
        "La cumbre del 4 de junio de 2023 se aplazó al próximo martes; en marzo de 2022 y en mayo no hubo avances.",
        [
            ("4 de junio de 2023", "2023-06-04", "day", False),
            ("próximo martes", "2023-06-13", "day", True),
            ("marzo de 2022", "2022-03", "month", False),
            ("mayo", "2023-05", "month", True),
        ],
    ),
    (
        "es",
        "El ministro dijo que mañana habrá reunión, lo confirmó esta mañana: el martes pasado hubo ataques.",
        [
            ("mañana", "2023-06-09", "day", True),
            ("martes pasado", "2023-06-06", "day", True),
        ],
    ),
    # Polish: genitive, locative with and without a year
    (
        "pl",
        "Spotkanie odbyło się 4 czerwca 2023 r., a w maju i w marcu 2022 roku trwały rozmowy.",
        [
            ("4 czerwca 2023 r.", "2023-06-04", "day", False),
            ("maju", "2023-05", "month", True),
            ("marcu 2022 roku", "2022-03", "month", False),
        ],
    ),
    (
        "pl",
        "Wczoraj minister zapowiedział, że w przyszły wtorek wróci, a w zeszłym tygodniu i w środę był w Kijowie.",
        [
            ("Wczoraj", "2023-06-07", "day", True),
            ("przyszły wtorek", "2023-06-13", "day", True),
            ("zeszłym tygodniu", "2023-W22", "week", True),
            ("środę", "2023-06-07", "day", True),
        ],
    ),
    # Portuguese
    (
        "pt",
        "A cimeira de 4 de junho de 2023 foi adiada para a próxima terça-feira; em maio nada mudou.",
        [
            ("4 de junho de 2023", "2023-06-04", "day", False),
            ("próxima terça-feira", "2023-06-13", "day", True),
            ("maio", "2023-05", "month", True),
        ],
    ),
    (
        "pt",
        "Ontem o ministro disse que na semana passada, na segunda-feira, houve ataques.",
        [
            ("Ontem", "2023-06-07", "day", True),
            ("semana passada", "2023-W22", "week", True),
            ("segunda-feira", "2023-06-05", "day", True),
        ],
    ),
    # Bulgarian
    (
        "bg",
        "Срещата се състоя на 4 юни 2023 г., а през май 2022 г. и през март преговорите бяха прекъснати.",
        [
            ("4 юни 2023 г.", "2023-06-04", "day", False),
            ("май 2022 г.", "2022-05", "month", False),
            ("март", "2023-03", "month", True),
        ],
    ),
    (
        "bg",
        "Вчера министърът каза, че миналата седмица и миналия петък е имало атаки, а следващия вторник ще има среща.",
        [
            ("Вчера", "2023-06-07", "day", True),
            ("миналата седмица", "2023-W22", "week", True),
            ("миналия петък", "2023-06-02", "day", True),
            ("следващия вторник", "2023-06-13", "day", True),
        ],
    ),
    # Hindi: postpositions after the date ("2014 से", "अप्रैल में"), the verb last
    (
        "hi",
        "नई दिल्ली में 4 जून 2023 को बैठक हुई, पिछले सप्ताह भी वार्ता हुई थी और अगले मंगलवार को मंत्री फिर मिलेंगे।",
        [
            ("4 जून 2023", "2023-06-04", "day", False),
            ("पिछले सप्ताह", "2023-W22", "week", True),
            ("अगले मंगलवार", "2023-06-13", "day", True),
        ],
    ),
    (
        "hi",
        "आज संसद में बहस हुई। 2014 से सीमा पर तनाव है। अप्रैल में हमले बढ़े और जनवरी में चुनाव होंगे।",
        [
            ("आज", "2023-06-08", "day", True),
            ("2014", "2014", "year", False),
            ("अप्रैल", "2023-04", "month", True),
            ("जनवरी", "2024-01", "month", True),  # the future after it: the next January
        ],
    ),
    # "कल" by the tense of its clause: "ने" shows a past, "जाएंगे" a future
    (
        "hi",
        "विदेश मंत्रालय ने कल बयान जारी किया और उन्होंने कहा कि मंत्री परसों जिनेवा जाएंगे।",
        [("कल", "2023-06-07", "day", True), ("परसों", "2023-06-10", "day", True)],
    ),
    # the other covered languages: absolute dates and yesterday
    ("nl", "Op 4 juni 2023 vergaderde de raad; gisteren kwam hij terug.", [("4 juni 2023", "2023-06-04", "day", False), ("gisteren", "2023-06-07", "day", True)]),
    ("ro", "Pe 4 iunie 2023 consiliul s-a reunit; ieri a revenit.", [("4 iunie 2023", "2023-06-04", "day", False), ("ieri", "2023-06-07", "day", True)]),
    ("cs", "Dne 4. června 2023 se rada sešla; včera se vrátil.", [("4. června 2023", "2023-06-04", "day", False), ("včera", "2023-06-07", "day", True)]),
    ("sk", "Dňa 4. júna 2023 zasadala rada; včera sa vrátil.", [("4. júna 2023", "2023-06-04", "day", False), ("včera", "2023-06-07", "day", True)]),
    ("sl", "Svet se je sestal 4. junija 2023; včeraj se je vrnil.", [("4. junija 2023", "2023-06-04", "day", False), ("včeraj", "2023-06-07", "day", True)]),
    ("hr", "Vijeće se sastalo 4. lipnja 2023.; jučer se vratio.", [("4. lipnja 2023", "2023-06-04", "day", False), ("jučer", "2023-06-07", "day", True)]),
    ("sr", "Савет је заседао 4. јуна 2023. године; јуче се вратио.", [("4. јуна 2023. године", "2023-06-04", "day", False), ("јуче", "2023-06-07", "day", True)]),
    ("sr", "Savet je zasedao 4. juna 2023. godine; juče se vratio.", [("4. juna 2023. godine", "2023-06-04", "day", False), ("juče", "2023-06-07", "day", True)]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_dates_in_each_language(language: str, text: str, expected: list[Expected]) -> None:
    assert found(text, language) == at(text, expected)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a Russian date line in an English body, and the other way round
        ("en", "Moscow warns the West. 4 июня 2023 г. Officials spoke on Tuesday.", "4 июня 2023 г."),
        ("ru", "Москва предупреждает Запад. June 4, 2023. Об этом заявили во вторник.", "June 4, 2023"),
        ("en", "Kyiv, 4 червня 2023 року.", "4 червня 2023 року"),
        ("de", "Paris, le 4 juin 2023.", "4 juin 2023"),
        ("ru", "Warszawa, 4 czerwca 2023 r.", "4 czerwca 2023 r."),
        ("fr", "Madrid, 4 de junio de 2023.", "4 de junio de 2023"),
        ("bg", "Roma, 4 giugno 2023.", "4 giugno 2023"),
        ("it", "Lisboa, 4 de junho de 2023.", "4 de junho de 2023"),
        ("pl", "София, 4 юни 2023 г.", "4 юни 2023 г."),
        ("uk", "Berlin, 4. Juni 2023.", "4. Juni 2023"),
    ],
)
def test_absolute_dates_in_any_language_whatever_the_body(language: str, text: str, expected: str) -> None:
    assert found(text, language)[0] == at(text, [(expected, "2023-06-04", "day", False)])[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Учения прошли 4 июня, 4-го июня и 4 июня 2023 года.", ["4 июня", "4-го июня", "4 июня 2023 года"]),
        ("W dniach 4 czerwca i w czerwcu, od czerwca", ["4 czerwca", "czerwcu", "czerwca"]),
    ],
)
def test_slavic_cases_and_ordinals(text: str, expected: list[str]) -> None:
    language = "ru" if "Учения" in text else "pl"
    assert [text[m[0] : m[1]] for m in found(text, language)] == expected


def test_a_month_word_of_two_languages_is_read_in_the_document_language_first() -> None:
    # "listopad": November in Polish (and Czech), October in Croatian
    assert found("Sastanak 4. listopada 2023.", "hr")[0][2] == "2023-10-04"
    assert found("Spotkanie 4 listopada 2023 r.", "pl")[0][2] == "2023-11-04"
    assert found("Meeting on 4 listopada 2023.", "en")[0][2] == "2023-11-04"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Exercises ran June 4-6, 2023 and again from 12 to 14 June.", [("June 4-6, 2023", "2023-06-04", "day", False, "2023-06-06"), ("12 to 14 June", "2023-06-12", "day", True, "2023-06-14")]),
        ("en", "The talks lasted from 30 May to 2 June 2023.", [("30 May to 2 June 2023", "2023-05-30", "day", False, "2023-06-02")]),
        ("en", "Holidays: 30 December – 2 January 2024.", [("30 December – 2 January 2024", "2023-12-30", "day", False, "2024-01-02")]),
        ("de", "Manöver vom 12. bis 14. Juni 2023 und am 4.–6. Juni.", [("12. bis 14. Juni 2023", "2023-06-12", "day", False, "2023-06-14"), ("4.–6. Juni", "2023-06-04", "day", True, "2023-06-06")]),
        ("ru", "Учения пройдут с 12 по 16 июня.", [("12 по 16 июня", "2023-06-12", "day", True, "2023-06-16")]),
        ("fr", "Des manœuvres du 12 au 14 juin 2023.", [("12 au 14 juin 2023", "2023-06-12", "day", False, "2023-06-14")]),
        ("es", "Maniobras del 12 al 14 de junio de 2023.", [("12 al 14 de junio de 2023", "2023-06-12", "day", False, "2023-06-14")]),
        ("pl", "Manewry od 12 do 14 czerwca 2023 r.", [("12 do 14 czerwca 2023 r.", "2023-06-12", "day", False, "2023-06-14")]),
        # the days must run forwards; "6–4 June" is no range, only "4 June" is a date
        ("en", "Maps dated 6–4 June.", [("4 June", "2023-06-04", "day", True)]),
    ],
)  # fmt: skip
def test_ranges_are_one_mention_from_the_first_day(
    language: str, text: str, expected: list[Expected]
) -> None:
    assert found(text, language) == at(text, expected)


def test_a_range_has_its_last_day_in_attrs() -> None:
    doc = Document("Manöver vom 12. bis 14. Juni 2023.", language="de")
    DateAnalyzer({})(doc)
    (span,) = doc.layer("date")
    assert (span.start, span.end) == (12, 33)
    assert span.attrs == {"value": "2023-06-12", "granularity": "day", "relative": False, "end": "2023-06-14"}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Talks resume in June.", "June"),
        ("de", "Die Gespräche gehen im Juni weiter.", "Juni"),
        ("fr", "Les pourparlers reprendront mi-juin.", "juin"),
        ("ru", "Переговоры возобновятся в июне.", "июне"),
        ("pl", "Rozmowy wznowią w czerwcu.", "czerwcu"),
    ],
)
def test_months_without_a_year(language: str, text: str, expected: str) -> None:
    assert found(text, language) == at(text, [(expected, "2023-06", "month", True)])
    assert found(text, language, dt.date(2020, 1, 15)) == at(text, [(expected, "2020-06", "month", True)])
    assert found(text, language, None) == at(text, [(expected, None, "month", True)])


@pytest.mark.parametrize(
    ("language", "text", "expected", "value"),
    [
        ("en", "Deliveries start in June next year.", "June next year", "2024-06"),
        ("en", "The deal was signed in June last year.", "June last year", "2022-06"),
        ("ru", "Поставки начнутся в июне следующего года.", "июне следующего года", "2024-06"),
        ("pl", "Dostawy ruszą w czerwcu przyszłego roku.", "czerwcu przyszłego roku", "2024-06"),
        ("de", "Die Lieferungen beginnen im Juni nächsten Jahres.", "Juni nächsten Jahres", "2024-06"),
        (
            "fr",
            "Les livraisons commenceront en juin de l'année prochaine.",
            "juin de l'année prochaine",
            "2024-06",
        ),
        ("it", "Le consegne inizieranno a giugno del prossimo anno.", "giugno del prossimo anno", "2024-06"),
    ],
)
def test_a_month_of_a_relative_year_is_that_month_of_that_year(
    language: str, text: str, expected: str, value: str
) -> None:
    assert found(text, language) == at(text, [(expected, value, "month", True)])
    assert found(text, language, None) == at(text, [(expected, None, "month", True)])


def test_a_month_and_a_year_set_apart_are_two_mentions() -> None:
    text = "In June, next year looked better."
    assert found(text, "en") == at(
        text, [("June", "2023-06", "month", True), ("next year", "2024", "year", True)]
    )


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("uk", "Торік і цьогоріч ціни зросли.", [("Торік", "2022", "year", True), ("цьогоріч", "2023", "year", True)]),
        ("nl", "Vorige week en volgende maand.", [("Vorige week", "2023-W22", "week", True), ("volgende maand", "2023-07", "month", True)]),
        ("hr", "Prošle godine i sljedećeg tjedna.", [("Prošle godine", "2022", "year", True), ("sljedećeg tjedna", "2023-W24", "week", True)]),
        ("ro", "Anul trecut și luna viitoare.", [("Anul trecut", "2022", "year", True), ("luna viitoare", "2023-07", "month", True)]),
    ],
)  # fmt: skip
def test_one_word_years_and_the_periods_of_the_other_languages(
    language: str, text: str, expected: list[Expected]
) -> None:
    assert found(text, language) == at(text, expected)


def test_weeks_and_months_without_a_publication_date_are_null() -> None:
    text = "На прошлой неделе и в следующем месяце"
    assert found(text, "ru", None) == at(
        text, [("прошлой неделе", None, "week", True), ("следующем месяце", None, "month", True)]
    )


def test_weeks_across_a_year_end() -> None:
    # Tuesday 2 January 2024 is in ISO week 2024-W01; the week before is 2023-W52
    assert found("last week", "en", dt.date(2024, 1, 2)) == [(0, 9, "2023-W52", "week", True, None)]
    assert found("last month", "en", dt.date(2024, 1, 2)) == [(0, 10, "2023-12", "month", True, None)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The army may 4 times more troops deploy; the last week was calm."),
        ("en", "Regional briefing: 12 Mayors and 3 Marches; Sun 4 and 10 out of 12 voters."),
        ("de", "Haben Sie 2022 gewählt? Am Morgen kamen bis 2000 Soldaten."),
        ("pl", "Na polu widziano 3 lis, a w lesie 2 sie schowały."),
        ("it", "Ha vinto 3 set a 1 e ha servito 12 ace; il mar 2 era calmo."),
        ("ro", "Sunt cu 5 mai mulți soldați decât înainte."),
        ("ru", "Вторник выдался жарким, это неделя испытаний, а март 2 раза перенесли."),
        ("es", "Esta mañana, y por la mañana, llegaron 3 may de 2 mar distintos."),
        ("en", "RT, formerly Russia Today, broadcast 24/7 from 1 to 5."),
        # Hindi "कल" is yesterday and tomorrow: with no past or future after it, neither; a
        # compound ("कल-कारखाने", factories); "सालों" (years) holds "साल" (year)
        ("hi", "कल-कारखाने बंद हैं, वह कल तक यहीं है और इस सालों पुराने विवाद का हल नहीं है।"),
    ],
)
def test_words_that_look_like_dates_but_are_not(language: str, text: str) -> None:
    assert found(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "Заголовок\n\n4 июня 2023\n\nТекст новости.", dt.date(2023, 6, 4)),
        (
            "en",
            "Russia warns the West\n4 июня 2023\nMoscow said on Tuesday that talks failed.",
            dt.date(2023, 6, 4),
        ),
        ("de", "Titel\n4. Juni 2023, 14:35\nText der Meldung.", dt.date(2023, 6, 4)),
        ("de", "Titel\nSonntag, 4. Juni 2023 um 14:35 Uhr\nText der Meldung.", dt.date(2023, 6, 4)),
        ("en", "Title\n04.06.2023\nText.", dt.date(2023, 6, 4)),
        ("en", "Title\nUpdated: June 4, 2023 at 2:35 p.m. EDT\nText.", dt.date(2023, 6, 4)),
        ("en", "MOSCOW, June 4, 2023 - The ministry said on Tuesday that talks failed.", dt.date(2023, 6, 4)),
        ("en", "LONDON (Reuters) - 4 June 2023 - The ministry said on Tuesday.", dt.date(2023, 6, 4)),
        ("uk", "КИЇВ, 4 червня 2023 року. Міністерство заявило у вівторок.", dt.date(2023, 6, 4)),
        ("fr", "PARIS, 4 juin 2023 (AFP) - Le ministère a déclaré mardi.", dt.date(2023, 6, 4)),
        ("pl", "Tytuł\nOpublikowano: 4 czerwca 2023 r., 14:35\nTekst.", dt.date(2023, 6, 4)),
        ("es", "Título\nPublicado: 04/06/2023 14:35\nTexto.", dt.date(2023, 6, 4)),
        ("it", "ROMA, 4 giugno 2023 - Il ministero ha detto.", dt.date(2023, 6, 4)),
        ("pt", "LISBOA, 4 de junho de 2023 - O ministério disse.", dt.date(2023, 6, 4)),
        ("bg", "СОФИЯ, 4 юни 2023 г. Министерството заяви.", dt.date(2023, 6, 4)),
        # no date line: a date inside a sentence, a date without a year, one past the fifth line
        ("en", "The council met on June 4, 2023 in Minsk.", None),
        ("en", "Title\nJune 4, 2023 will be remembered as a day of shame.", None),
        ("en", "MINSK, June 4. The council met.", None),
        ("en", "One\nTwo\nThree\nFour\nFive\n4 июня 2023", None),
        ("ru", "Заголовок\n4 июня\nТекст.", None),
    ],
)
def test_date_lines(language: str, text: str, expected: dt.date | None) -> None:
    assert dateline_date(text, language) == expected


def test_a_russian_date_line_dates_an_english_article() -> None:
    text = "Russia warns the West\n4 июня 2023\nMoscow said on Tuesday that the talks had failed."
    doc = Document(text, language="en")
    DateAnalyzer({})(doc)
    assert doc.published == dt.date(2023, 6, 4)  # a Sunday
    assert doc.metadata["published_from"] == "dateline"
    dates = doc.layer("date")
    assert [(d.start, d.end, d.text_in(doc)) for d in dates] == [(22, 33, "4 июня 2023"), (49, 56, "Tuesday")]
    assert [d.attrs for d in dates] == [
        {"value": "2023-06-04", "granularity": "day", "relative": False},
        {"value": "2023-05-30", "granularity": "day", "relative": True},
    ]


def test_languages_and_model() -> None:
    assert DateAnalyzer.languages == (
        "en", "ru", "uk", "de", "fr", "it", "es", "pl", "pt", "bg", "nl", "ro", "cs", "sk", "sl", "hr", "sr", "hi",
    )  # fmt: skip
    assert DateAnalyzer({}).model == "dateparser==1.5.0 language data"


@pytest.mark.parametrize(
    ("language", "text", "months"),
    [
        ("uk", "Головний ризик — удари у жовтні та листопаді.", [("жовтні", 10), ("листопаді", 11)]),
        ("en", "Talks are planned in June and July.", [("June", 6), ("July", 7)]),
        ("de", "Gespräche sind im Juni oder Juli geplant.", [("Juni", 6), ("Juli", 7)]),
    ],
)
def test_a_month_after_a_month_and_a_conjunction_shares_its_preposition(
    language: str, text: str, months: list[tuple[str, int]]
) -> None:
    assert found(text, language) == at(text, [(m, f"2023-{n:02d}", "month", True) for m, n in months])
