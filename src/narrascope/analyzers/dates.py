"""Dates mentioned in the text, normalised to ISO 8601 against the publication date.

Regular expressions written for news prose find each date expression with exact offsets
(dateparser's own search merges neighbours such as "last Tuesday and on June 4" into one hit);
the words they look for (month and weekday names in every case, "yesterday") come from
dateparser's language data, completed in ``_date_words``. Values are computed here from the
parts the expression names, since news usage is narrower than dateparser's general guesses.

Absolute dates are found in every covered language whatever the language of the document,
since a date line often differs from the body (an English page of a Russian channel dated
"4 июня 2023"): a day and a month name ("4 June", "June 4", "4. Juni", "4 de junio de 2023",
"4 июня 2023 года", "the 4th of June"), a month name and a year ("May 2022", "в мае 2022 года"),
and numeric dates ("2023-06-04", "04.06.2023", "6/4/2023": month first in English documents
only). A word that names different months in two languages is read in the document's
language first ("listopad": November in Polish, October in Croatian). Against false dates:

- a month name must be a whole word, and the English ones that are also ordinary words ("may",
  "march") need a capital; a Romanian document's "mai" ("more") needs a year;
- an abbreviation needs a year and a day or its dot ("4 Jun 2023", "Sept. 2020"), or a day and
  its dot in the document's language or English ("4 Jun."): "3 set", "2 sie" are no dates. In
  English month-first dates, capitalised, it needs neither ("Nov 9");
- a number alone is a year only with a word around it ("in 2014", "2014 года", "nel 2014").

Relative expressions are found in the document's language. The ten languages in
``_date_words.FULL`` (en ru uk de fr it es pl pt bg) have every rule below; the other covered
languages have, besides absolute dates and years, the fixed phrases of dateparser's data
("gisteren", "vorige week", "anul trecut"); Hindi has its weekdays, "last/next/this" periods
and months without a year too, with the postpositions after them ("2022 में", "अप्रैल से") and
its verb after the date (a future there: "जनवरी में चुनाव होंगे"); "कल", both yesterday and
tomorrow, is read by the tense of its clause (a future verb, or a past one or the "ने" that
marks a perfective's subject), and left out where neither shows. They are resolved against the
publication date:

- "yesterday", "today", "tomorrow" (and the days either side) count days from it;
- a bare weekday ("on Tuesday") is the latest such day on or before it, the next one after a
  word of the future before it in its sentence ("will resume on Tuesday"); "last Tuesday" the
  latest one strictly before it, "next Tuesday" the first one after it, "this Tuesday" the one in
  its week (weeks start on Monday). A weekday just before an absolute date ("Tuesday, June 4",
  "во вторник, 4 июня") is one mention with the date's value;
- "last/this/next week" is an ISO week (``2023-W22``, granularity ``week``), "last/this/next
  month" a month, "last/this/next year" a year ("the last week", the past seven days, is no
  week);
- a day or a month without a year ("June 4", "im Juni", "в июне", and the second of "у жовтні
  та листопаді") takes its year, unless that puts it more than six months after it: "in
  December" in an article of January is the December before (news tells more of what has
  happened than of what is to come), and the year after where it would fall before the
  publication date and a word of the future comes before it in its sentence ("the works will
  start in March", "ab Januar": :func:`_ahead`). A month followed by a relative year takes
  that year ("in March next year", "в марте следующего года": one mention, ``2024-03``).

A range of days ("4–6 June 2023", "June 4-6", "vom 4. bis 6. Juni 2023", "30 May – 2 June") is
one mention whose ``value`` is the first day and ``attrs["end"]`` the last; its days run
forwards ("30 December – 2 January 2024" starts in 2023; in "6–4 June" only "4 June" is a date).

When a document has no publication date, a date line in its first five lines gives one, and
``metadata["published_from"]`` says so: a wire dateline ("MINSK, June 8, 2023. ...",
"LONDON (Reuters) - ...") or a line that is only a date, maybe with a label and a time
("4 июня 2023", "Published: 4. Juni 2023, 14:35", "04.06.2023"). The date must name a day and
a year. Without any publication date, relative expressions and dates without a year are still
marked, with ``value`` null. Each span has ``attrs``: ``value`` (``2023-06-04``, ``2023-W22``,
``2023-06`` or ``2023``), ``granularity`` (``day``, ``week``, ``month``, ``year``), ``relative``
and, for ranges, ``end``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from narrascope._chars import LETTERS, MARK, WORD_END, WORD_START, capital, in_word
from narrascope.analyzers import _date_words as words
from narrascope.analyzers.base import Analyzer
from narrascope.document import Document
from narrascope.registry import register

__all__ = ["DateAnalyzer", "dateline_date", "find_dates"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None
    granularity: str
    relative: bool
    #: The last day of a range ("4–6 June": "2023-06-06"), else None.
    range_end: str | None = None


# Pieces of the patterns. A month is any word here (_WORD), looked up afterwards: that keeps
# the patterns short, and a match whose word is no month is dropped ("12 Mayors").
_YEAR = r"(?:1[89]|20)\d{2}"
_DAY = r"(?:3[01]|[12]\d|0[1-9]|[1-9])"
_WORD = LETTERS
_END = WORD_END
_ORDINAL = r"(?:st|nd|rd|th|er|º|°|\.|-?го|-?ти|-?ви|-?ри|-?ми)?"
_OF = r"(?:(?:of|de)\s+)?"  # "the 4th of June", "4 de junio"
# Between the two days of a range: "4–6", "4. bis 6.", "du 4 au 6", "с 4 по 6", "od 4 do 6"
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|till|until|through|bis|au|al|a|ao|à|do|až|до|по)\s+)"
# Words after the year of a date, in any language: "4 июня 2023 года", "4 czerwca 2023 r."
_YEAR_WORD = r"(?:\.?\s*(?:года|году|год|г\.|року|рік|р\.|roku|r\.|godine|god\.|g\.|године|година)(?!\w))"


def _alternation(forms: Iterable[str], cases: tuple[str, ...] = ("lower", "capitalize", "upper")) -> str:
    """Words as a regular expression, longest first, in each of ``cases`` (str methods); an
    apostrophe matches its typographic kin.

    The patterns that start with a list of words spell out its cases instead of ignoring case:
    Python then tries them only where one of their first letters is, ten times faster.
    """
    variants = {getattr(form, case)() for form in forms for case in cases}
    return "|".join(sorted(map(re.escape, variants), key=len, reverse=True)).replace("'", "['’ʼ]")


# Absolute dates, in any language: (kind, pattern). Each starts with a digit or a word list, for
# speed as above; what must come before it is checked afterwards (_starts_word, _before).
_ABSOLUTE = [
    ("iso", re.compile(rf"(?P<year>{_YEAR})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])")),
    ("dotted", re.compile(rf"(?P<day>\d\d?)\.\s?(?P<month>\d\d?)\.\s?(?P<year>{_YEAR})(?!\d|\.\d)")),
    ("slashed", re.compile(rf"(?P<first>\d\d?)/(?P<second>\d\d?)/(?P<year>{_YEAR})(?![\d/])")),
    # day first, maybe a range: "4 June 2023", "4. Juni", "4 de junio de 2023", "4–6 June",
    # "30 May – 2 June"
    (
        "day",
        re.compile(
            rf"(?P<day>{_DAY}){_ORDINAL}"
            rf"(?:(?:\s+{_OF}(?P<month1>{_WORD})(?P<dot1>\.)?)?{_TO}(?P<day2>{_DAY}){_ORDINAL})?"
            rf"\s+{_OF}(?P<month>{_WORD})(?P<dot>\.)?"
            rf"(?:\s+(?:de\s+|del\s+)?(?P<year>{_YEAR})(?!\d){_YEAR_WORD}?)?",
            re.IGNORECASE,
        ),
    ),
    # English month first, with a capital ("may 4" is no date): "June 4, 2023", "Sept. 4", "June 4-6"
    (
        "month_day",
        re.compile(
            rf"(?P<month>{_alternation([*words.MONTHS['en'], *words.ABBREVIATIONS['en']], ('capitalize', 'upper'))})"
            rf"(?P<dot>\.)?\s+(?P<day>{_DAY})(?:st|nd|rd|th)?(?:{_TO}(?P<day2>{_DAY})(?:st|nd|rd|th)?)?"
            rf"(?![\d:])(?:,?\s+(?P<year>{_YEAR})(?!\d))?"
        ),
    ),
    # a month name and a year: "May 2022", "в мае 2022 года"; the month is found by _MONTH_BEFORE
    ("month_year", re.compile(rf"(?P<year>{_YEAR})(?!\d){_YEAR_WORD}?")),
]
_MONTH_BEFORE = re.compile(rf"\b(?P<month>{_WORD})(?P<dot>\.)?\s+(?:(?:of|de|del)\s+)?$", re.IGNORECASE)


@cache
def _relative_patterns(language: str) -> list[tuple[str, re.Pattern[str]]]:
    """(kind, pattern) for years, relative days, weekdays, weeks and months in one language."""
    grammar = words.GRAMMAR.get(language)
    if grammar is None:
        return []
    patterns = [("offset", re.compile(rf"(?P<word>{_alternation(words.OFFSETS[language])}){_END}"))]
    if grammar.either_days:
        either = "|".join(word for word, _ in grammar.either_days)
        patterns.append(("either_day", re.compile(rf"{WORD_START}(?P<word>{either}){_END}(?!-)")))
    if grammar.year_before:  # the words before are checked by _before
        patterns.append(("year_before", re.compile(rf"(?P<span>{_YEAR})(?!\d)(?![-/.]\d)")))
    if grammar.year_after:
        patterns.append(("year", re.compile(rf"(?P<span>{_YEAR}\.?\s*(?:{grammar.year_after})){_END}", re.I)))
    if grammar.postpositions:
        patterns.append(("year", re.compile(rf"(?P<span>{_YEAR})(?=\s*(?:{grammar.postpositions}){_END})")))
    if not grammar.last:
        return patterns
    after = rf"(?:\s+(?P<post>{grammar.after})(?!\w))?" if grammar.after else ""
    weekday = _alternation(words.WEEKDAYS[language])
    patterns.append(("weekday", re.compile(rf"(?P<wd>{weekday}){_END}{after}")))
    # a week, month or year with "last", "next" or "this" before it (found by _before) or after it
    units = _alternation(f"{grammar.week}|{grammar.month}|{grammar.year}".split("|"))
    patterns.append(("period", re.compile(rf"(?P<unit>{units}){_END}{after}")))
    # a month name of this language, after one of its prepositions (found by _before)
    patterns.append(("month_only", re.compile(rf"(?P<month>{_alternation(words.MONTHS[language])}){_END}")))
    return patterns


@cache
def _before_patterns(language: str) -> dict[str, re.Pattern[str]]:
    """What must or may come just before a match of each kind, as patterns ending in $."""
    grammar = words.GRAMMAR.get(language, words.Grammar())
    modifier = "|".join(filter(None, (grammar.last, grammar.next, grammar.this, grammar.this_weekday)))
    on = rf"(?:\b(?P<on>{grammar.on})\s+)?" if grammar.on else ""
    return {
        "year_before": re.compile(rf"\b(?:{grammar.year_before})\s+$", re.IGNORECASE),
        "weekday": re.compile(rf"{on}(?:\b(?P<mod>{modifier})\s+)?$", re.IGNORECASE),
        "period": re.compile(rf"\b(?P<mod>{grammar.last}|{grammar.next}|{grammar.this})\s+$", re.IGNORECASE),
        "month_only": re.compile(rf"\b(?:{grammar.month_on or '(?!)'})(?:\s+|-)$", re.IGNORECASE),
    }


def _before(pattern: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    return pattern.search(text, max(0, start - 40), start)


def _starts_word(text: str, start: int) -> bool:
    """Whether a match at ``start`` begins a word: a date is no part of a longer word or number
    ("begin 2014", "12023-06-04", "1.5 June", the "6 June" of "4-6 June")."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (in_word(before) or before == "_" or (text[start].isdigit() and before in ".,:/-"))


# Words before an offset word that make it something else: "am Morgen" is "in the morning",
# "esta mañana" "this morning", "Russia Today" a channel.
_NOT_AN_OFFSET = {
    "en": {"today": re.compile(r"\b(?:Russia|USA)\s+$")},
    "de": {"morgen": re.compile(r"\b(?:am|heute|gestern|jeden|diesen|den|guten|einem|eines)\s+$", re.I)},
    "nl": {"morgen": re.compile(r"(?:\b(?:de|deze|elke|van|goede)|'s)\s+$", re.I)},
    "es": {"mañana": re.compile(r"\b(?:la|esta|una|cada|media|de)\s+$", re.I)},
}
# In German "Morgen" with a capital is the noun, "morning"; "morgen" is "tomorrow".
_LOWER_CASE_ONLY = {"de": frozenset({"morgen"})}


def _month_number(word: str, language: str, *, day: bool, dotted: bool, year: bool) -> int | None:
    """The month ``word`` names in a date with (or without) a day, a dot after the word and a
    year, in the document's language first, then in any covered one.

    Abbreviations count with a year and a day or their dot ("4 Jun 2023", "Sept. 2020"), and
    with a day and their dot in the document's language or English ("4 Jun."): alone they are
    ordinary words too often ("3 set", "2 sie", "10 out of").
    """
    key = word.lower()
    number = words.MONTHS.get(language, {}).get(key) or words.ANY_MONTH.get(key)
    if number is not None:
        if key in words.ENGLISH_ONLY and not word[0].isupper():
            return None  # "the army may 4 times"
        if not year and key in words.NEEDS_YEAR.get(language, ()):
            return None  # Romanian "cu 5 mai mult"
        return number
    if year and (day or dotted):
        return words.ABBREVIATIONS.get(language, {}).get(key) or words.ANY_ABBREVIATION.get(key)
    if day and dotted:
        return words.ABBREVIATIONS.get(language, {}).get(key) or words.ABBREVIATIONS["en"].get(key)
    return None


#: A day or a month without a year is at most this many months after the publication date;
#: further ahead, it is the year before's ("in December" in a January article): news tells
#: more often of what has happened than of what is to come.
_MONTHS_AHEAD = 6


def _year_of(month: int, reference: dt.date) -> int:
    """The year of a day or a month that names none, read in a text of the day ``reference``."""
    return reference.year - 1 if month - reference.month > _MONTHS_AHEAD else reference.year


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _days(kind: str, match: re.Match[str], language: str, reference: dt.date | None) -> DateMention | None:
    """A day or a range of days with a month name: "4 June 2023", "June 4-6", "30 May – 2 June"."""
    has_year = match["year"] is not None
    dotted = match["dot"] is not None
    key = match["month"].lower()
    month1 = match.groupdict().get("month1")  # "30 May – 2 June"; not in the "June 4-6" pattern
    month: int | None
    first_month: int | None
    if kind == "month_day":  # the pattern lists the English names, with a capital: "Nov 9", "Sept. 4"
        month = first_month = words.MONTHS["en"].get(key) or words.ABBREVIATIONS["en"][key]
    else:
        month = first_month = _month_number(match["month"], language, day=True, dotted=dotted, year=has_year)
        if month1 is not None:
            dotted1 = match["dot1"] is not None
            first_month = _month_number(month1, language, day=True, dotted=dotted1, year=has_year)
    if month is None or first_month is None:
        return None
    start = match.start()
    year = int(match["year"]) if has_year else (_year_of(month, reference) if reference else None)
    # Without a year yet, check the days in a leap year, so that 29 February passes.
    first = _date(year or 2000, first_month, int(match["day"]))
    last = _date(year or 2000, month, int(match["day2"])) if match["day2"] else None
    if first and last and last <= first and month1 is not None:  # "30 December – 2 January 2024"
        first = _date((year or 2000) - 1, first_month, int(match["day"]))
    if match["day2"] and (first is None or last is None or last <= first):
        if kind == "month_day" or month1 is not None:
            return None
        start, first, last = match.start("day2"), last, None  # "6–4 June": only "4 June" is a date
    if first is None:
        return None
    end = match.end()
    if (
        kind == "day"
        and dotted
        and not has_year
        and (key in words.ANY_MONTH or key in words.MONTHS.get(language, {}))
    ):
        end = match.end("month")  # the dot after a full name ends the sentence: "on 4 June."
    value = first.isoformat() if year else None
    range_end = last.isoformat() if year and last else None
    return DateMention(start, end, value, "day", not has_year, range_end)


def _numeric(kind: str, match: re.Match[str], language: str) -> DateMention | None:
    if kind == "slashed":  # month first in English ("6/4/2023" is June 4), day first elsewhere
        first, second = int(match["first"]), int(match["second"])
        month, day = (first, second) if language == "en" else (second, first)
    else:
        month, day = int(match["month"]), int(match["day"])
    date = _date(int(match["year"]), month, day)
    return DateMention(match.start(), match.end(), date.isoformat(), "day", False) if date else None


def _month_year(match: re.Match[str], language: str) -> DateMention | None:
    before = _before(_MONTH_BEFORE, match.string, match.start())
    if before is None:
        return None
    month = _month_number(before["month"], language, day=False, dotted=before["dot"] is not None, year=True)
    if month is None:
        return None
    return DateMention(before.start(), match.end(), f"{match['year']}-{month:02d}", "month", False)


def _direction(text: str, start: int | None, grammar: words.Grammar) -> int | None:
    """-1 for "last", 1 for "next", 0 for "this": the modifier at ``start``, if any."""
    if start is not None:
        this = "|".join(filter(None, (grammar.this, grammar.this_weekday)))
        for direction, pattern in ((-1, grammar.last), (1, grammar.next), (0, this)):
            if re.compile(rf"(?:{pattern})(?!\w)", re.IGNORECASE).match(text, start):
                return direction
    return None


def _weekday(weekday: int, direction: int | None, reference: dt.date) -> dt.date:
    back = (reference.weekday() - weekday) % 7
    if direction == -1:  # strictly before
        return reference - dt.timedelta(days=back or 7)
    if direction == 1:  # strictly after
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    if direction == 0:  # in the same week
        return reference + dt.timedelta(days=weekday - reference.weekday())
    return reference - dt.timedelta(days=back)  # on or before


def _shift(reference: dt.date | None, amount: int, unit: str) -> str | None:
    """The day, ISO week, month or year ``amount`` units from ``reference``, in ISO."""
    if reference is None:
        return None
    if unit == "day":
        return (reference + dt.timedelta(days=amount)).isoformat()
    if unit == "week":
        week = (reference + dt.timedelta(weeks=amount)).isocalendar()
        return f"{week.year}-W{week.week:02d}"
    if unit == "month":
        year, month = divmod(reference.year * 12 + reference.month - 1 + amount, 12)
        return f"{year}-{month + 1:02d}"
    return str(reference.year + amount)


def _word(text: str) -> str:
    """A word as the word lists spell it: lower case, plain apostrophes, single spaces."""
    return " ".join(text.lower().replace("’", "'").replace("ʼ", "'").split())


def _relative(
    kind: str, match: re.Match[str], language: str, reference: dt.date | None
) -> DateMention | None:
    grammar = words.GRAMMAR[language]
    text, start, end = match.string, match.start(), match.end()
    if kind == "offset":  # "yesterday", "торік", "vorige week"
        word = _word(match["word"])
        not_after = _NOT_AN_OFFSET.get(language, {}).get(word)
        if (not_after and _before(not_after, text, start)) or (
            word in _LOWER_CASE_ONLY.get(language, ()) and match["word"] != word
        ):
            return None
        amount, unit = words.OFFSETS[language][word]
        return DateMention(start, end, _shift(reference, amount, unit), unit, True)
    if kind == "either_day":  # Hindi "कल": yesterday before a past verb, tomorrow before a future
        days = dict(grammar.either_days)[match["word"]]
        end_of_clause = _clause_end(text, end, grammar)
        future, _ = _future_patterns(language)
        if future is not None and future.search(text, end, end_of_clause):
            amount = days
        elif grammar.past and re.compile(rf"{WORD_START}(?:{grammar.past}){_END}").search(
            # the whole clause: "ने" stands before the word ("मंत्रालय ने कल ... की")
            text,
            _clause_start(text, start, grammar),
            end_of_clause,
        ):
            amount = -days
        else:
            return None  # "कल तक" (until tomorrow or until yesterday?), a present tense
        return DateMention(start, end, _shift(reference, amount, "day"), "day", True)
    if kind == "year_before":  # "in 2014": the number is a year for the word before it
        if not _before(_before_patterns(language)["year_before"], text, start):
            return None
        return DateMention(start, end, match["span"], "year", False)
    if kind == "weekday":  # "on Tuesday", "в прошлый вторник", "mardi dernier", "el martes"
        before = _before(_before_patterns(language)["weekday"], text, start)
        on = before.groupdict().get("on") if before else None
        modifier = before.start("mod") if before and before["mod"] else None
        post = match.start("post") if match.groupdict().get("post") else None
        if not (grammar.bare or on or modifier is not None or post is not None):
            return None  # "вторник выдался жарким": the subject, not a date
        start = start if modifier is None else modifier
        where = modifier if modifier is not None else post
        weekday = words.WEEKDAYS[language][_word(match["wd"])]
        value = (
            _weekday(weekday, _direction(text, where, grammar), reference).isoformat() if reference else None
        )
        return DateMention(start, end, value, "day", True)
    if kind == "period":  # "last week", "в прошлом месяце", "la semaine dernière"
        before = _before(_before_patterns(language)["period"], text, start)
        if before:
            start = before.start("mod")
        elif not match.groupdict().get("post"):
            return None
        direction = _direction(text, start if before else match.start("post"), grammar)
        if direction is None:
            return None
        unit = next(
            u for u in ("week", "month", "year") if re.fullmatch(getattr(grammar, u), match["unit"], re.I)
        )
        value, granularity = _shift(reference, direction, unit), unit
        return DateMention(start, end, value, granularity, True)
    # kind == "month_only": "in June", "im Juni", "в июне" take the publication year (or the one before)
    word = match["month"]
    if not (
        _before(_before_patterns(language)["month_only"], text, start)
        or _coordinated_month(text, start, language)
        or (
            grammar.postpositions and re.match(rf"\s+(?:{grammar.postpositions}){_END}", text[end : end + 20])
        )
    ):
        return None
    if word.lower() in words.ENGLISH_ONLY and not word[0].isupper():
        return None  # "in may be"
    month = words.MONTHS[language][word.lower()]
    value = f"{_year_of(month, reference)}-{month:02d}" if reference else None
    return DateMention(start, end, value, "month", True)


# A month and a conjunction just before another month ("in October and November", "у жовтні та
# листопаді", "im Oktober oder November").
_MONTH_AND = re.compile(
    r"\b(?P<month>[^\W\d_]+)\s+(?:and|or|und|oder|et|ou|e|o|y|i|и|или|і|та|й|або|oraz|lub|albo)\s+$",
    re.IGNORECASE,
)


def _coordinated_month(text: str, start: int, language: str) -> bool:
    """Whether the month word at ``start`` follows another month found the usual way and a
    conjunction: the preposition before the first covers both."""
    before = _before(_MONTH_AND, text, start)
    if before is None or before["month"].lower() not in words.MONTHS[language]:
        return False
    return _before(_before_patterns(language)["month_only"], text, before.start("month")) is not None


def _read(kind: str, match: re.Match[str], language: str, reference: dt.date | None) -> DateMention | None:
    """The mention a match stands for, or None when it is no date after all ("12 Mayors")."""
    if kind in ("day", "month_day"):
        return _days(kind, match, language, reference)
    if kind in ("iso", "dotted", "slashed"):
        return _numeric(kind, match, language)
    if kind == "month_year":
        return _month_year(match, language)
    if kind == "year":
        start, end = match.span("span")
        return DateMention(start, end, match["span"][:4], "year", False)
    return _relative(kind, match, language, reference)


# Words before a day date that belong to it: a weekday in any language and its article
# ("Tuesday, June 4", "Dienstag, den 4. Juni", "mardi 4 juin"), or "the" ("the 4th of June").
_WEEKDAY_BEFORE = re.compile(
    r"\b(?P<wd>[^\W\d_][\w'’ʼ-]*)\s*,?\s+(?:(?:den|the|le|el|il|o)\s+)?$", re.IGNORECASE
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_DAY_KINDS = frozenset({"day", "month_day", "iso", "dotted", "slashed"})


def _with_weekdays(text: str, found: list[tuple[str, DateMention]]) -> Iterator[DateMention]:
    """The mentions, each day date taking in a weekday just before it (and that weekday's own
    mention, if it was one on its own)."""
    out: list[tuple[str, DateMention]] = []
    for kind, mention in found:
        if kind in _DAY_KINDS:
            start = mention.start
            before = _before(_WEEKDAY_BEFORE, text, start)
            if before and _word(before["wd"]) in words.ANY_WEEKDAY:
                start = before.start("wd")
            elif kind == "day" and (the := _before(_THE_BEFORE, text, start)):
                start = the.start()
            if out and out[-1][1].end > start:
                if out[-1][0] == "weekday" and out[-1][1].start == start:
                    out.pop()  # "во вторник, 4 июня": the weekday is part of the date
                else:  # "в прошлый вторник, 4 июня": two mentions
                    start = mention.start
            mention = DateMention(
                start, mention.end, mention.value, "day", mention.relative, mention.range_end
            )
        out.append((kind, mention))
    return (mention for _, mention in out)


def find_dates(text: str, language: str, reference: dt.date | None) -> Iterator[DateMention]:
    """Date mentions in ``text`` with their ISO values relative to ``reference``.

    Absolute dates are found in every covered language, relative ones in ``language`` (any
    code; one that is not covered gets absolute dates only).
    """
    found: list[tuple[str, DateMention]] = []
    for kind, pattern in [*_ABSOLUTE, *_relative_patterns(language)]:
        for match in pattern.finditer(text):
            if _starts_word(text, match.start()):
                mention = _read(kind, match, language, reference)
                if mention is not None:
                    found.append((kind, mention))
    # Longest match wins where expressions overlap ("June 4, 2023" over "June 2023").
    found.sort(key=lambda item: (item[1].start, item[1].start - item[1].end))
    kept: list[tuple[str, DateMention]] = []
    for kind, mention in found:
        if not kept or mention.start >= kept[-1][1].end:
            kept.append((kind, mention))
    kept = _month_of_year(text, kept)
    if reference is not None and language in words.GRAMMAR:
        kept = [(kind, _ahead(text, kind, mention, language, reference)) for kind, mention in kept]
    yield from _with_weekdays(text, kept)


@cache
def _future_patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    grammar = words.GRAMMAR[language]
    future = (
        re.compile(rf"(?<![\w'’-])(?:{grammar.future})(?![\w'’-])", re.IGNORECASE) if grammar.future else None
    )
    from_on = (
        re.compile(rf"(?<![\w'’-])(?:{grammar.from_on})\s+$", re.IGNORECASE) if grammar.from_on else None
    )
    return future, from_on


def _ahead(text: str, kind: str, mention: DateMention, language: str, reference: dt.date) -> DateMention:
    """A day or a month without a year that falls before the publication date, after a word of
    the future in its sentence ("the works will start in March", "i lavori inizieranno a
    marzo", "ab Januar"), moved to the next year: the next such day or month; a bare weekday
    after such a word ("ще обсъдят темата в сряда", "the talks will resume on Monday") is the
    next such day, not the last."""
    bare_weekday = kind == "weekday" and _word(text[mention.start : mention.end]) in words.WEEKDAYS[language]
    if not (kind in ("day", "month_day", "month_only") or bare_weekday):
        return mention
    if not mention.relative or mention.value is None:
        return mention
    if mention.value >= reference.isoformat()[: len(mention.value)]:
        return mention
    future, from_on = _future_patterns(language)
    # the sentence up to the date: a future after it is often another clause's ("les aides
    # promises en janvier seront versées ...": promised in January, paid later)
    # (searched backwards: a scan from the text's start for every date would be quadratic)
    lo = max(text.rfind(mark, 0, mention.start) for mark in _SENTENCE_ENDS) + 1
    if bare_weekday:
        # a weekday is near in time: only a future in its own clause, a few words before it
        # ("ще обсъдят темата в сряда"; not "crescerà dello 0,8%, secondo le stime diffuse giovedì")
        lo = max(lo, text.rfind(",", lo, mention.start) + 1, _words_back(text, mention.start, _WEEKDAY_REACH))
    ahead = any(p is not None and p.search(text, lo, mention.start) is not None for p in (future, from_on))
    grammar = words.GRAMMAR[language]
    if grammar.verb_last and future is not None:
        # the clause after the date, whose verb is last: "अगली बैठक अप्रैल में होगी"
        ahead = ahead or future.search(text, mention.end, _clause_end(text, mention.end, grammar)) is not None
    if not ahead:
        return mention
    if bare_weekday:
        return replace(
            mention, value=(dt.date.fromisoformat(mention.value) + dt.timedelta(days=7)).isoformat()
        )
    return replace(mention, value=_next_year(mention.value), range_end=_next_year(mention.range_end))


_CLAUSE_REACH = 300  # characters a clause is read over, either way: no scan of the whole text


def _clause_end(text: str, start: int, grammar: words.Grammar) -> int:
    """Where the clause that goes on at ``start`` ends, in a language whose verb ends it: at
    the sentence's end, a comma, or a conjunction of ``grammar`` ("और", "कि")."""
    limit = min(len(text), start + _CLAUSE_REACH)
    ends = [i for i in (text.find(mark, start, limit) for mark in _SENTENCE_ENDS + ",;") if i >= 0]
    end = min(ends, default=limit)
    if grammar.conjunctions and (
        conjunction := re.compile(rf"\s(?:{grammar.conjunctions}){_END}").search(text, start, end)
    ):
        end = conjunction.start()
    return end


def _clause_start(text: str, end: int, grammar: words.Grammar) -> int:
    """Where the clause that holds ``end`` begins: at the sentence's start, after a comma, or
    after a conjunction of ``grammar`` ("उन्होंने कहा कि [कल वार्ता है]")."""
    floor = max(0, end - _CLAUSE_REACH)
    start = max(floor - 1, *(text.rfind(mark, floor, end) for mark in _SENTENCE_ENDS + ",;")) + 1
    if grammar.conjunctions:
        for conjunction in re.compile(rf"\s(?:{grammar.conjunctions}){_END}").finditer(text, start, end):
            start = conjunction.end()
    return start


_WEEKDAY_REACH = 6  # words before a weekday that a word of the future may stand in
_SENTENCE_ENDS = ".!?\n।"  # the last: the Devanagari full stop
_WORD_START = re.compile(r"(?<!\S)\S")


def _words_back(text: str, position: int, count: int) -> int:
    """Where the ``count``-th word before ``position`` starts (0 where there are fewer)."""
    starts = [m.start() for m in _WORD_START.finditer(text, max(0, position - 40 * count), position)]
    return starts[-count] if len(starts) >= count else max(0, position - 40 * count)


def _next_year(value: str | None) -> str | None:
    """An ISO day or month one year later (29 February as 28 February)."""
    if value is None:
        return None
    year, rest = int(value[:4]) + 1, value[4:]
    return f"{year}{'-02-28' if rest == '-02-29' else rest}"


# What may stand between a month and the year after it: "March next year", "marzo del prossimo
# anno", "mars de l'année prochaine", "março do próximo ano".
_MONTH_YEAR_GAP = re.compile(
    r"\s+(?:(?:of|de|del|do|da|di|des|du)\s+)?(?:(?:l|dell)['’])?(?:the\s+)?", re.IGNORECASE
)


def _month_of_year(text: str, found: list[tuple[str, DateMention]]) -> list[tuple[str, DateMention]]:
    """A month without a year followed by a year relative to the publication date ("in March
    next year", "в марте следующего года", "w marcu przyszłego roku") as one mention: that
    month of that year, not a month of this year and a year apart."""
    out: list[tuple[str, DateMention]] = []
    for kind, mention in found:
        if out and out[-1][0] == "month_only" and kind == "period" and mention.granularity == "year":
            month = out[-1][1]
            gap = _MONTH_YEAR_GAP.fullmatch(text, month.end, mention.start)
            if gap is not None:
                value = (
                    None
                    if mention.value is None or month.value is None
                    else f"{mention.value}-{month.value[5:7]}"
                )
                out[-1] = (kind, DateMention(month.start, mention.end, value, "month", True))
                continue
        out.append((kind, mention))
    return out


# A wire dateline: a place in capitals or capitalised words, maybe an agency, then a comma or a
# dash: "MINSK, ", "LONDON (Reuters) - ", "Berlin (dpa) – ".
_PLACE_WORD = rf"[^\W\d_](?:[\w.'’-]|{MARK})*"  # "MINSK", "Nizhny", "मिन्स्क"
_PLACE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:[ /]{_PLACE_WORD}){{0,3}})(?:\s*\([^()\n]{{1,40}}\))?\s*[,–—-]\s*"
)
# A label before a date on a line of its own: "Published:", "Опубликовано:", "Stand:".
_LABEL = re.compile(r"(?:[^\W\d_]+[ \t]?){1,3}:[ \t]*")
# What may follow that date: a time and a time zone ("14:35", ", 2:35 p.m. EDT", "в 14:35 МСК").
_TIME = re.compile(
    r"[\s,|·•–—-]*(?:(?:at|um|à|a\s+las|alle|às|в|о|o|ob|u|kl\.)\s+)?"
    r"(?:\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[^\W\d_]{1,5}\)?)?)?[\s.]*",
    re.IGNORECASE,
)


def _leading_date(text: str, language: str) -> DateMention | None:
    """The day with a year that ``text`` starts with, if any."""
    for mention in find_dates(text, language, None):
        if mention.start == 0 and mention.granularity == "day" and not mention.relative and mention.value:
            return mention
        break
    return None


def dateline_date(text: str, language: str) -> dt.date | None:
    """The date of a date line in the first five lines: a wire dateline ("MINSK, June 8, 2023.")
    or a line that is only a date, maybe with a label and a time ("4. Juni 2023, 14:35").

    Wire-style copy states its own date there; taking it as the publication date lets relative
    dates ("on Tuesday") resolve when no metadata or ``--published`` gives one.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()][:5]
    for line in lines:
        place = _PLACE.match(line)
        if place and all(capital(word[0]) for word in place["place"].split()):
            mention = _leading_date(line[place.end() : place.end() + 80], language)
            if mention and mention.value:
                return dt.date.fromisoformat(mention.value)
        label = _LABEL.match(line)
        rest = line[label.end() :] if label else line
        mention = _leading_date(rest[:120], language)
        if mention and mention.value and _TIME.fullmatch(rest, mention.end):
            return dt.date.fromisoformat(mention.value)
    return None


@register
class DateAnalyzer(Analyzer):
    name = "narrascope.dates.v1"
    requires = ("language",)
    provides = ("date",)
    languages = words.LANGUAGES

    @property
    def model(self) -> str:
        # dateparser gives the words (months, weekdays, yesterday ...); the rules are ours.
        return "dateparser==1.5.0 language data"

    def __call__(self, doc: Document) -> None:
        if doc.published is None:
            doc.published = dateline_date(doc.text, doc.language or "")
            if doc.published is not None:
                doc.metadata["published_from"] = "dateline"
        for mention in find_dates(doc.text, doc.language or "", doc.published):
            attrs: dict[str, object] = {
                "value": mention.value,
                "granularity": mention.granularity,
                "relative": mention.relative,
            }
            if mention.range_end is not None:
                attrs["end"] = mention.range_end
            self.span(doc, mention.start, mention.end, "date", mention.granularity, attrs=attrs)
