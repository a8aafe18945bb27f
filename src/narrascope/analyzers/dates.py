"""Dates mentioned in the text, normalised to ISO 8601 against the publication date.

Finding and normalising are separate steps. Patterns written for news prose find each date
expression with exact offsets (dateparser's own search merges neighbours such as "last Tuesday
and on June 4" into one hit). Absolute expressions ("4 июня 2023 года", "June 4") are then
normalised by dateparser; relative ones ("yesterday", "в прошлый вторник") are resolved here
by fixed rules, since news usage is narrower than dateparser's general guesses:

- a bare weekday ("on Tuesday") is the latest such day on or before the publication date;
- "last Tuesday" is the latest one strictly before it, "next Tuesday" the first one after it,
  "this Tuesday" the one in the publication date's week (weeks start on Monday);
- a day without a year takes the publication date's year.

When a document has no publication date, the date of a news dateline in its first lines
("MINSK, June 8, 2023. ...") is taken as one, and ``metadata["published_from"]`` says so.
Without any publication date, relative expressions and days without a year are still marked,
with ``value`` null. Each span has ``attrs``: ``value`` (``2023-06-04``, ``2023-06`` or
``2023``), ``granularity`` (``day``, ``month``, ``year``) and ``relative``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import dateparser

from narrascope.analyzers.base import Analyzer
from narrascope.document import Document
from narrascope.registry import register

__all__ = ["DateAnalyzer", "dateline_date", "find_dates"]

_YEAR = r"(?:1[89]|20)\d{2}"

_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_EN_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_EN_ORDINAL = r"(?:st|nd|rd|th)?"

# Every case of each Russian month name: "июнь", "июня", "июне"; "май", "мая", "мае".
_RU_MONTH = (
    r"(?:январ[ьяе]|феврал[ьяе]|март[аеу]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[аеу]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
_RU_YEAR_WORD = r"(?:\s*(?:года|году|год|г\.))"
_RU_WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "четверг": 3,
    "пятницу": 4,
    "субботу": 5,
    "воскресенье": 6,
}
_EN_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_FLAGS = re.IGNORECASE | re.UNICODE

# Month numbers by the first three letters of the name, in either language. dateparser reads
# the genitive ("4 июня") but not the prepositional ("в июне 2022 года"), so months with only a
# year are normalised here.
_MONTH_PREFIXES = {
    **{
        name: n
        for n, name in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
        )
    },
    **{
        name: n
        for n, name in enumerate(
            ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"), 1
        )
    },
}

# (kind, pattern). Kinds: "day", "month" (month and year), "year", "dmy"/"mdy"/"iso" (numeric),
# "weekday" (group "mod" and "wd"), "offset" (yesterday, today ...).
_MONTH_YEAR = re.compile(rf"(?P<m>\w+)\.?\s+(?:of\s+)?(?P<y>{_YEAR})", _FLAGS)

_PATTERNS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "en": [
        ("iso", re.compile(rf"\b{_YEAR}-\d{{2}}-\d{{2}}\b")),
        ("dmy", re.compile(rf"\b\d{{1,2}}\.\d{{1,2}}\.{_YEAR}\b")),
        ("mdy", re.compile(rf"\b\d{{1,2}}/\d{{1,2}}/{_YEAR}\b")),
        (
            "day",
            re.compile(
                rf"\b(?:{_EN_WEEKDAY},?\s+)?{_EN_MONTH}\s+\d{{1,2}}{_EN_ORDINAL}\b(?:,?\s+(?P<year>{_YEAR})\b)?"
            ),
        ),
        (
            "day",
            re.compile(
                rf"\b(?:{_EN_WEEKDAY},?\s+)?(?:the\s+)?\d{{1,2}}{_EN_ORDINAL}\s+(?:of\s+)?{_EN_MONTH}(?!\w)"
                rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
            ),
        ),
        ("month", re.compile(rf"\b{_EN_MONTH}\s+(?:of\s+)?{_YEAR}\b")),
        (
            "year",
            re.compile(
                rf"\b(?:in|since|by|until|till|before|after|from|of|during)\s+(?P<span>{_YEAR})\b(?![-/.]\d)"
            ),
        ),
        ("weekday", re.compile(rf"\b(?:(?P<mod>(?i:last|next|this))\s+)?(?P<wd>{_EN_WEEKDAY})\b")),
        ("offset", re.compile(r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow)\b", _FLAGS)),
    ],
    "ru": [
        ("iso", re.compile(rf"\b{_YEAR}-\d{{2}}-\d{{2}}\b")),
        ("dmy", re.compile(rf"\b\d{{1,2}}\.\d{{1,2}}\.{_YEAR}\b")),
        ("dmy", re.compile(rf"\b\d{{1,2}}/\d{{1,2}}/{_YEAR}\b")),
        (
            "day",
            re.compile(rf"\b\d{{1,2}}\s+{_RU_MONTH}\b(?:\s+(?P<year>{_YEAR}){_RU_YEAR_WORD}?)?", _FLAGS),
        ),
        ("month", re.compile(rf"\b{_RU_MONTH}\s+{_YEAR}{_RU_YEAR_WORD}?", _FLAGS)),
        ("year", re.compile(rf"\b{_YEAR}{_RU_YEAR_WORD}", _FLAGS)),
        (
            "weekday",
            re.compile(
                r"\bв[оo]?\s+(?P<span>(?:(?P<mod>прошл\w*|следующ\w*|эт\w+)\s+)?"
                r"(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))\b",
                _FLAGS,
            ),
        ),
        ("offset", re.compile(r"\b(?:позавчера|вчера|сегодня|завтра|послезавтра)\b", _FLAGS)),
    ],
}

_OFFSETS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "позавчера": -2,
    "вчера": -1,
    "сегодня": 0,
    "завтра": 1,
    "послезавтра": 2,
}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None
    granularity: str
    relative: bool


def _span(match: re.Match[str]) -> tuple[int, int]:
    """Where the date itself is: the ``span`` group when a pattern needs context around it."""
    return match.span("span") if "span" in match.re.groupindex else match.span()


def _weekday(name: str, modifier: str | None, reference: dt.date) -> dt.date:
    weekday = {**_EN_WEEKDAYS, **_RU_WEEKDAYS}[name.lower()]
    back = (reference.weekday() - weekday) % 7
    mod = (modifier or "").lower()
    if mod.startswith(("last", "прошл")):
        return reference - dt.timedelta(days=back or 7)
    if mod.startswith(("next", "следующ")):
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    if mod.startswith(("this", "эт")):
        return reference + dt.timedelta(days=weekday - reference.weekday())
    return reference - dt.timedelta(days=back)


def _absolute(text: str, language: str, reference: dt.date | None, numeric: str | None) -> dt.date | None:
    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month"]}
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    if numeric is not None:
        settings["DATE_ORDER"] = numeric
    parsed = dateparser.parse(text, languages=[language], settings=settings)
    return parsed.date() if parsed else None


def _candidates(text: str, language: str) -> list[tuple[str, re.Match[str]]]:
    found = [(kind, m) for kind, pattern in _PATTERNS[language] for m in pattern.finditer(text)]
    # Longest match wins where expressions overlap ("Tuesday, June 4, 2023" over "Tuesday").
    found.sort(key=lambda item: (_span(item[1])[0], -(_span(item[1])[1] - _span(item[1])[0])))
    kept: list[tuple[str, re.Match[str]]] = []
    last_end = -1
    for kind, match in found:
        start, end = _span(match)
        if start >= last_end:
            kept.append((kind, match))
            last_end = end
    return kept


def find_dates(text: str, language: str, reference: dt.date | None) -> Iterator[DateMention]:
    """Date mentions in ``text`` with their ISO values relative to ``reference``."""
    if language not in _PATTERNS:
        return
    for kind, match in _candidates(text, language):
        start, end = _span(match)
        if kind == "offset":
            days = _OFFSETS[" ".join(match.group().lower().split())]
            value = (reference + dt.timedelta(days=days)).isoformat() if reference else None
            yield DateMention(start, end, value, "day", True)
        elif kind == "weekday":
            value = (
                _weekday(match.group("wd"), match.group("mod"), reference).isoformat() if reference else None
            )
            yield DateMention(start, end, value, "day", True)
        elif kind == "year":
            yield DateMention(start, end, match.string[start : start + 4], "year", False)
        elif kind == "month":
            month_year = _MONTH_YEAR.match(match.group())
            if month_year is not None:
                word = month_year.group("m").lower()
                month = _MONTH_PREFIXES.get(word[:3]) or _MONTH_PREFIXES.get(word[:2])
                if month:
                    yield DateMention(start, end, f"{month_year.group('y')}-{month:02d}", "month", False)
        else:
            has_year = kind != "day" or match.group("year") is not None
            if not has_year and reference is None:
                yield DateMention(start, end, None, "day", True)
                continue
            numeric = {"dmy": "DMY", "mdy": "MDY", "iso": "YMD"}.get(kind)
            parsed = _absolute(match.group(), language, reference, numeric)
            if parsed is not None:
                yield DateMention(start, end, parsed.isoformat(), "day", not has_year)


# "MINSK, June 8, 2023." / "МОСКВА, 8 июня 2023 года." / "LONDON (Reuters) - June 8, 2023 -"
_DATELINE = re.compile(r"^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{1,40}(?:\s*\([^)]{1,30}\))?\s*[,–—-]\s*", re.MULTILINE)


def dateline_date(text: str, language: str) -> dt.date | None:
    """The date of a news dateline at the start of one of the first lines, when it has a year.

    Wire-style copy states its own date there; taking it as the publication date lets relative
    dates ("on Tuesday") resolve when no metadata or ``--published`` gives one.
    """
    head = "\n".join(text.split("\n")[:5])
    for line in _DATELINE.finditer(head):
        for mention in find_dates(head[line.end() : line.end() + 60], language, None):
            if mention.start == 0 and mention.granularity == "day" and not mention.relative and mention.value:
                return dt.date.fromisoformat(mention.value)
    return None


@register
class DateAnalyzer(Analyzer):
    name = "narrascope.dates.v1"
    requires = ("language",)
    provides = ("date",)
    languages = ("en", "ru")

    @property
    def model(self) -> str:
        return "dateparser==1.5.0"

    def __call__(self, doc: Document) -> None:
        if doc.published is None:
            doc.published = dateline_date(doc.text, doc.language or "")
            if doc.published is not None:
                doc.metadata["published_from"] = "dateline"
        for mention in find_dates(doc.text, doc.language or "", doc.published):
            self.span(
                doc,
                mention.start,
                mention.end,
                "date",
                mention.granularity,
                attrs={
                    "value": mention.value,
                    "granularity": mention.granularity,
                    "relative": mention.relative,
                },
            )
