"""Date mentions: exact offsets, ISO values, and relative dates against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Analyze
from narrascope.analyzers.dates import DateAnalyzer, DateMention, dateline_date, find_dates
from narrascope.document import Document

# Thursday 8 June 2023: the publication date of most texts below.
THURSDAY = dt.date(2023, 6, 8)

Found = tuple[str, str | None, str, bool]


def mentions(text: str, language: str, reference: dt.date | None = THURSDAY) -> list[Found]:
    """(text, value, granularity, relative) of each mention, checking its offsets on the way."""
    out: list[Found] = []
    for m in find_dates(text, language, reference):
        assert 0 <= m.start < m.end <= len(text), m
        out.append((text[m.start : m.end], m.value, m.granularity, m.relative))
    return out


def test_weekday_before_a_full_date_is_one_mention() -> None:
    text = "The drills began on Tuesday, June 4, 2023, near the western border."
    found = list(find_dates(text, "en", THURSDAY))
    assert found == [DateMention(20, 41, "2023-06-04", "day", False)]
    assert text[20:41] == "Tuesday, June 4, 2023"


def test_neighbouring_expressions_stay_apart() -> None:
    text = "Talks held last Tuesday and on June 4 ended without result."
    assert mentions(text, "en") == [
        ("last Tuesday", "2023-06-06", "day", True),
        ("June 4", "2023-06-04", "day", True),
    ]


def test_a_reversed_day_range_after_an_english_month_is_no_date_and_no_failure() -> None:
    # "June 14-10" once raised IndexError (the pattern of "June 4-6" has no first month) and
    # cost the whole article its dates.
    text = "Talks ran June 14-10, and Nov 9-5, 2021 saw protests; the vote is on June 20."
    assert mentions(text, "en") == [("June 20", "2023-06-20", "day", True)]


def test_russian_genitive_day_with_year_word() -> None:
    text = "Учения начались 4 июня 2023 года у западной границы, сообщили в штабе."
    (found,) = find_dates(text, "ru", THURSDAY)
    assert text[found.start : found.end] == "4 июня 2023 года"
    assert (found.start, found.end) == (16, 32)
    assert (found.value, found.granularity, found.relative) == ("2023-06-04", "day", False)


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Границу закрыли 1 мая 2021 г. по решению штаба.", "1 мая 2021 г.", "2021-05-01"),
        ("Соглашение подписано 15 марта 2020 года в столице.", "15 марта 2020 года", "2020-03-15"),
        ("Колонна вышла 30 декабря 2022 года.", "30 декабря 2022 года", "2022-12-30"),
        ("Заявление опубликовано 2 сентября 2019 года.", "2 сентября 2019 года", "2019-09-02"),
    ],
)
def test_russian_days_in_the_genitive(text: str, expected: str, value: str) -> None:
    assert mentions(text, "ru") == [(expected, value, "day", False)]


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Провокации начались в мае 2022 года.", "мае 2022 года", "2022-05"),
        ("Переговоры сорвались в марте 2021 года.", "марте 2021 года", "2021-03"),
        ("Учения прошли в июне 2022 г. под Брестом.", "июне 2022 г.", "2022-06"),
        ("В сентябре 2020 года штаб сменил командующего.", "сентябре 2020 года", "2020-09"),
        ("Контракт истёк в ноябре 2018 года.", "ноябре 2018 года", "2018-11"),
    ],
)
def test_russian_prepositional_month_with_year(text: str, expected: str, value: str) -> None:
    assert mentions(text, "ru") == [(expected, value, "month", False)]


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The buildup started in May 2022, officials said.", "May 2022", "2022-05"),
        ("It had been planned since Sept. 2020.", "Sept. 2020", "2020-09"),
        ("The base was closed in March of 2019.", "March of 2019", "2019-03"),
    ],
)
def test_english_month_with_year(text: str, expected: str, value: str) -> None:
    assert mentions(text, "en") == [(expected, value, "month", False)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Sanctions were first imposed in 2014 and widened since 2019.", "en", ["2014", "2019"]),
        ("Санкции ввели в 2014 году и расширили с 2019 года.", "ru", ["2014 году", "2019 года"]),
        # a year after "de" ("la crise de 2008"), but not a number of things ("plus de 2000")
        ("La crise de 2008 a coûté plus de 2000 emplois et moins de 1900 euros.", "fr", ["2008"]),
        ("O inverno de 2022 trouxe mais de 2000 mortes.", "pt", ["2022"]),
        ("La ley de 2019 afectó a más de 2000 familias.", "es", ["2019"]),
    ],
)
def test_years(text: str, language: str, expected: list[str]) -> None:
    found = mentions(text, language)
    assert [f[0] for f in found] == expected
    assert [f[1:] for f in found] == [(e[:4], "year", False) for e in expected]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("on Thursday", "2023-06-08"),  # the publication day itself
        ("on Monday", "2023-06-05"),
        ("on Friday", "2023-06-02"),  # the latest Friday on or before Thursday
        ("last Thursday", "2023-06-01"),  # strictly before
        ("last Monday", "2023-06-05"),
        ("next Thursday", "2023-06-15"),  # strictly after
        ("next Friday", "2023-06-09"),
        ("this Sunday", "2023-06-11"),  # in the publication date's week
        ("Last Wednesday", "2023-06-07"),
    ],
)
def test_english_weekdays_relative_to_publication(phrase: str, value: str) -> None:
    text = f"Border guards reported shelling {phrase}, the ministry said."
    expected = phrase.removeprefix("on ")
    assert mentions(text, "en") == [(expected, value, "day", True)]


@pytest.mark.parametrize(
    ("phrase", "expected", "value"),
    [
        ("в четверг", "четверг", "2023-06-08"),
        ("во вторник", "вторник", "2023-06-06"),
        ("в пятницу", "пятницу", "2023-06-02"),
        ("в прошлый четверг", "прошлый четверг", "2023-06-01"),
        ("в прошлую среду", "прошлую среду", "2023-06-07"),
        ("в следующий четверг", "следующий четверг", "2023-06-15"),
        ("в следующую пятницу", "следующую пятницу", "2023-06-09"),
        ("в это воскресенье", "это воскресенье", "2023-06-11"),
    ],
)
def test_russian_weekdays_relative_to_publication(phrase: str, expected: str, value: str) -> None:
    text = f"Пограничники сообщили об обстреле {phrase}, заявили в ведомстве."
    assert mentions(text, "ru") == [(expected, value, "day", True)]


def test_weekday_on_a_sunday_publication() -> None:
    sunday = dt.date(2023, 6, 4)
    text = "On Sunday the envoy left; last Sunday he had arrived; next Sunday he returns."
    assert [f[1] for f in mentions(text, "en", sunday)] == ["2023-06-04", "2023-05-28", "2023-06-11"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Yesterday the convoy crossed; today it is in the city; tomorrow it leaves.",
            "en",
            [("Yesterday", "2023-06-07"), ("today", "2023-06-08"), ("tomorrow", "2023-06-09")],
        ),
        ("It happened the day before yesterday.", "en", [("the day before yesterday", "2023-06-06")]),
        (
            "Позавчера колонна пересекла границу, вчера вошла в город, а завтра уйдёт.",
            "ru",
            [("Позавчера", "2023-06-06"), ("вчера", "2023-06-07"), ("завтра", "2023-06-09")],
        ),
    ],
)
def test_day_offsets(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert [(f[0], f[1]) for f in mentions(text, language)] == expected


def test_day_without_year_takes_the_publication_year_unless_far_ahead() -> None:
    published = dt.date(2020, 3, 1)
    # June is three months ahead; December nine, so it is the December before
    assert mentions("The summit on June 4 and the talks on 31 December.", "en", published) == [
        ("June 4", "2020-06-04", "day", True),
        ("31 December", "2019-12-31", "day", True),
    ]
    assert mentions("Саммит 4 июня и переговоры 31 декабря.", "ru", published) == [
        ("4 июня", "2020-06-04", "day", True),
        ("31 декабря", "2019-12-31", "day", True),
    ]
    assert mentions("The talks in October failed; the vote is due in September.", "en", published) == [
        ("October", "2019-10", "month", True),
        ("September", "2020-09", "month", True),
    ]
    # a range over the new year ends in the nearer year; a relative year says which year it is
    assert mentions("From 30 December to 2 January the border was shut.", "en", dt.date(2020, 1, 9)) == [
        ("30 December to 2 January", "2019-12-30", "day", True)
    ]
    assert mentions("The vote is due in December next year.", "en", published) == [
        ("December next year", "2021-12", "month", True)
    ]


def test_without_a_publication_date_relative_values_are_null() -> None:
    text = (
        "On Tuesday, June 4 the envoy met the general; yesterday he left. The treaty of June 4, 2023 holds."
    )
    assert mentions(text, "en", None) == [
        ("Tuesday, June 4", None, "day", True),
        ("yesterday", None, "day", True),
        ("June 4, 2023", "2023-06-04", "day", False),
    ]
    # a weekday just before a date is part of it, in Russian as in English
    text = "Во вторник, 4 июня, посол встретился с генералом, а вчера уехал. В мае 2022 года он был в Минске."
    assert mentions(text, "ru", None) == [
        ("вторник, 4 июня", None, "day", True),
        ("вчера", None, "day", True),
        ("мае 2022 года", "2022-05", "month", False),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Signed on 04.06.2023 in the capital.", "en", "04.06.2023"),
        ("Signed on 2023-06-04 in the capital.", "en", "2023-06-04"),
        ("Signed on 6/4/2023 in the capital.", "en", "6/4/2023"),  # month first in English
        ("Подписано 04/06/2023 в столице.", "ru", "04/06/2023"),  # day first in Russian
        ("Подписано 04.06.2023 в столице.", "ru", "04.06.2023"),
    ],
)
def test_numeric_dates(text: str, language: str, expected: str) -> None:
    assert mentions(text, language) == [(expected, "2023-06-04", "day", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the 4th of June 2022 the border was closed.", "the 4th of June 2022"),
        ("Since June 4th, 2022 the border has been closed.", "June 4th, 2022"),
        ("By 4 Jun. 2022 the border was closed.", "4 Jun. 2022"),
    ],
)
def test_english_day_forms(text: str, expected: str) -> None:
    assert mentions(text, "en") == [(expected, "2022-06-04", "day", False)]


def test_month_name_must_be_a_whole_word() -> None:
    # "12 Mayors" is no date; "3 Marches" neither.
    text = "Regional briefing: 12 Mayors sign appeal after 3 Marches through the capital on June 4."
    assert mentions(text, "en") == [("June 4", "2023-06-04", "day", True)]


def test_lowercase_month_words_and_non_dates_are_ignored() -> None:
    text = "The army may 4 times more troops deploy; in the 1990s it was smaller. In 500 cases, no."
    assert mentions(text, "en") == []


def test_an_uncovered_language_gets_absolute_dates_only() -> None:
    # Turkish is not covered: its "dün" (yesterday) is not read, a Russian date is
    text = "Görüşme 4 июня 2023 tarihinde yapıldı, dün de bir toplantı vardı."
    assert mentions(text, "tr") == [("4 июня 2023", "2023-06-04", "day", False)]


_PIECES = st.sampled_from(
    [
        "Tuesday, June 4, 2023",
        "on Monday",
        "last Friday",
        "next Sunday",
        "yesterday",
        "in 2014",
        "May 2022",
        "4 июня 2023 года",
        "в мае 2022 года",
        "во вторник",
        "в прошлую среду",
        "вчера",
        "2023-06-04",
        "12 Mayors",
        "the",
        "troops",
        ",",
        ".",
        "\n",
        "4",
        "войска",
        "Dienstag, 4. Juni 2023",
        "vom 4. bis 6. Juni",
        "letzte Woche",
        "im Mai",
        "w zeszły wtorek",
        "4 czerwca 2023 r.",
        "la semaine dernière",
        "mardi prochain",
        "4–6 June",
        "June 4-6, 2023",
        "Sept. 4",
        "mai",
        "31 June",
        "June 14-10",
        "Nov 9-5, 2021",
    ]
)


@settings(max_examples=100, deadline=None)
@given(
    pieces=st.lists(_PIECES, max_size=12),
    language=st.sampled_from(["en", "ru", "de", "pl", "fr", "ro", "tr"]),
    reference=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_mentions_lie_in_the_text_in_order_without_overlap(
    pieces: list[str], language: str, reference: dt.date | None
) -> None:
    text = " ".join(pieces)
    found = list(find_dates(text, language, reference))
    last_end = 0
    for m in found:
        assert last_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == text[m.start : m.end].strip()
        last_end = m.end
        if m.value is not None:
            assert m.value[:4].isdigit()
        if reference is None and m.relative:
            assert m.value is None
        if m.range_end is not None:
            assert m.value is not None and m.value < m.range_end


@pytest.mark.slow
def test_pipeline_records_dates_with_attrs(analyze: Analyze) -> None:
    text = "Учения начались 4 июня 2023 года.\nВо вторник министр заявил, что провокации продолжаются."
    doc = analyze(text, language="ru", published=THURSDAY)
    dates = doc.layer("date")
    assert [d.text_in(doc) for d in dates] == ["4 июня 2023 года", "вторник"]
    assert [d.label for d in dates] == ["day", "day"]
    assert [d.attrs for d in dates] == [
        {"value": "2023-06-04", "granularity": "day", "relative": False},
        {"value": "2023-06-06", "granularity": "day", "relative": True},
    ]


def test_dateline_gives_the_publication_date_when_none_is_known() -> None:
    text = "Chiefs meet\n\nMINSK, June 8, 2023. The council met on Tuesday.\n"
    assert dateline_date(text, "en") == dt.date(2023, 6, 8)
    assert dateline_date("МОСКВА, 8 июня 2023 года. Совещание прошло во вторник.", "ru") == dt.date(
        2023, 6, 8
    )
    # a date later in the line, or one without a year, is no dateline
    assert dateline_date("The council met on June 8, 2023 in Minsk.", "en") is None
    assert dateline_date("MINSK, June 8. The council met.", "en") is None

    doc = Document(text, language="en")
    DateAnalyzer({})(doc)
    assert doc.published == dt.date(2023, 6, 8)
    assert doc.metadata["published_from"] == "dateline"
    assert [d.attrs["value"] for d in doc.layer("date")] == ["2023-06-08", "2023-06-06"]

    given = Document(text, language="en", published=dt.date(2023, 6, 15))
    DateAnalyzer({})(given)
    assert given.published == dt.date(2023, 6, 15)
    assert "published_from" not in given.metadata
    assert [d.attrs["value"] for d in given.layer("date")] == ["2023-06-08", "2023-06-13"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a word of the future before the date in its sentence: the next such month or day
        ("The works will start in March.", "en", [("March", "2024-03")]),
        ("The works started in March.", "en", [("March", "2023-03")]),
        ("Prices rose due to the war in March.", "en", [("March", "2023-03")]),  # "due to": because of
        # a future after the date is often another clause's
        ("Aid promised in January will be paid soon.", "en", [("January", "2023-01")]),
        ("Die Industrie fordert Entlastungen ab Januar.", "de", [("Januar", "2024-01")]),
        ("I lavori inizieranno a marzo.", "it", [("marzo", "2024-03")]),
        ("Выборы будут проведены 17 марта.", "ru", [("17 марта", "2024-03-17")]),
        # a date still ahead stays as it is
        ("The summit will be held on 20 December.", "en", [("20 December", "2023-12-20")]),
        # a bare weekday after a word of the future: the next one (7 December 2023 is a Thursday)
        ("The talks will resume on Monday.", "en", [("Monday", "2023-12-11")]),
        ("The talks ended on Monday.", "en", [("Monday", "2023-12-04")]),
        ("He will explain what happened last Monday.", "en", [("last Monday", "2023-12-04")]),
        ("Депутатите ще обсъдят темата в сряда.", "bg", [("сряда", "2023-12-13")]),
        ("Les négociations reprendront lundi.", "fr", [("lundi", "2023-12-11")]),
        ("Le front a tenu lundi.", "fr", [("lundi", "2023-12-04")]),  # "front" is no future
        ("The vote is on Thursday and will pass.", "en", [("Thursday", "2023-12-07")]),  # the day itself
        # ... a future of another clause, or far before it, is not the weekday's
        ("Il Pil crescerà dello 0,8%, secondo le stime diffuse martedì.", "it", [("martedì", "2023-12-05")]),
        (
            "The economy will grow, as the figures published by the office on Tuesday show.",
            "en",
            [("Tuesday", "2023-12-05")],
        ),
    ],
)
def test_a_date_without_a_year_after_a_word_of_the_future_is_the_next_one(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    published = dt.date(2023, 12, 7)
    assert [(f[0], f[1]) for f in mentions(text, language, published)] == expected
