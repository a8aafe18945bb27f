"""The words of dates in each covered language, for :mod:`narrascope.analyzers.dates`.

Month names, weekday names and relative phrases ("yesterday", "vorige week") come from
dateparser's language data (CLDR names plus dateparser's own additions), so that a new
language costs little. That data lacks some grammatical cases that news prose uses ("в июне",
"у червні", "4. junija 2023"), which are added here by hand, and it mixes full names with
abbreviations ("сент", "Tues"), which are told apart by rule: a short form that starts another
form of the same name is an abbreviation.

The grammar of relative expressions (which words mean "last" and "next", which preposition
comes before a weekday) is hand-written, for the ten languages with every rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateparser.languages.loader import default_loader

__all__ = [
    "ABBREVIATIONS",
    "ANY_ABBREVIATION",
    "ANY_MONTH",
    "ANY_WEEKDAY",
    "BASIC",
    "ENGLISH_ONLY",
    "FULL",
    "GRAMMAR",
    "LANGUAGES",
    "MONTHS",
    "NEEDS_YEAR",
    "OFFSETS",
    "WEEKDAYS",
    "Grammar",
]

#: Languages with every rule: absolute dates, relative days and weekdays, last/next week, month
#: and year, months without a year.
FULL = ("en", "ru", "uk", "de", "fr", "it", "es", "pl", "pt", "bg")
#: Languages with absolute dates, years and the fixed relative phrases of dateparser's data
#: ("gisteren", "vorige week") only.
BASIC = ("nl", "ro", "cs", "sk", "sl", "hr", "sr", "hi")
#: Every covered language. The order also settles a word that names different months in two
#: languages when the document's own language does not ("listopad": November in Polish and
#: Czech, October in Croatian).
LANGUAGES = FULL + BASIC

_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Case forms that dateparser lacks, month by month: the locative after "in" and the genitive
# of dates where the language uses them.
_EXTRA_MONTHS: dict[str, tuple[str, ...]] = {
    "ru": (
        "январе", "феврале", "марте марту", "апреле", "мае", "июне",
        "июле", "августе августу", "сентябре", "октябре", "ноябре", "декабре",
    ),
    "uk": (
        "січні", "лютому", "березні", "квітні", "травні", "червні",
        "липні", "серпні", "вересні", "жовтні", "листопаді", "грудні",
    ),
    "sk": (
        "januári", "februári", "marci", "apríli", "máji", "júni",
        "júli", "auguste", "septembri", "októbri", "novembri", "decembri",
    ),
    "sl": (
        "januarja", "februarja", "marca", "aprila", "maja", "junija",
        "julija", "avgusta", "septembra", "oktobra", "novembra", "decembra",
    ),
    "sr": (
        "јануара januara", "фебруара februara", "марта marta", "априла aprila", "маја maja",
        "јуна juna", "јула jula", "августа avgusta", "септембра septembra",
        "октобра oktobra", "новембра novembra", "децембра decembra",
    ),
}  # fmt: skip

# Weekday forms dateparser lacks: Ukrainian genitives ("минулого вівторка"), accusatives after
# "v"/"u", Italian written without accents, German "Sonnabend", Portuguese "terça" (the
# other short forms, "segunda" and "quinta", are also ordinals and stay out).
_EXTRA_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "uk": ("понеділка", "вівторка", "середи", "четверга", "п'ятниці", "суботи", "неділі"),
    "it": ("lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "", ""),
    "de": ("", "", "", "", "", "sonnabend", ""),
    "pt": ("", "terça", "", "", "", "", ""),
    "sl": ("", "", "sredo", "", "", "soboto", "nedeljo"),
    "hr": ("", "", "srijedu", "", "", "subotu", "nedjelju"),
}

# dateparser's relative phrases, less an abbreviation and looser phrases, plus common words.
_DROPPED_OFFSETS = {
    "en": {"till date"},
    "pl": {"wcz"},
    "bg": {"преди ден", "след ден"},
    # Hindi "कल" is yesterday and tomorrow, "परसों" two days either way: only the verb tells
    "hi": {"कल", "परसों", "बीता कल", "आने वाला कल"},
}
_EXTRA_OFFSETS: dict[str, dict[str, int]] = {
    "en": {"the day before yesterday": -2, "the day after tomorrow": 2, "tonight": 0, "last night": -1},
    "it": {"l'altro ieri": -2, "dopodomani": 2},
    "es": {"pasado mañana": 2},
    "pt": {"depois de amanhã": 2},
    "pl": {"przedwczoraj": -2, "pojutrze": 2},
    "ro": {"astăzi": 0},
}

#: Month words that are also common words in the document's language: a date with them needs a
#: year. Romanian "mai" is "more" ("cu 5 mai mult").
NEEDS_YEAR = {"ro": frozenset({"mai"})}


def _info(language: str) -> dict[str, Any]:
    info: dict[str, Any] = dict(default_loader.get_locale(language).info)
    if language == "sr":  # Serbian is written in both scripts
        latin = default_loader.get_locale("sr-Latn").info
        for key in (*_MONTH_KEYS, *_WEEKDAY_KEYS):
            info[key] = [*info[key], *latin[key]]
        info["relative-type"] = {
            key: [*info["relative-type"].get(key, []), *words]
            for key, words in latin["relative-type"].items()
        }
    return info


def _names(
    forms: list[str], extra: list[str], shortest: int, longest_abbreviation: int
) -> tuple[set[str], set[str]]:
    """(full names, abbreviations) among the forms of one month or weekday, in lower case.

    A form is an abbreviation when it starts another form ("сент", "sept", "Tues") and is no
    longer than ``longest_abbreviation``: a long form that starts another is a nominative
    before its case endings ("август", "августа"). Forms shorter than ``shortest`` letters are
    left out ("ян", "втр"), and ``extra`` forms (added here by hand) are full names.
    """
    lower = {form.lower().rstrip(".") for form in forms if len(form.rstrip(".")) >= shortest}
    short = {
        f for f in lower if len(f) <= longest_abbreviation and any(o != f and o.startswith(f) for o in lower)
    }
    return (lower - short) | {e.lower() for e in extra if e}, short


def _tables() -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    months: dict[str, dict[str, int]] = {}
    abbreviations: dict[str, dict[str, int]] = {}
    weekdays: dict[str, dict[str, int]] = {}
    for language in LANGUAGES:
        info = _info(language)
        months[language], abbreviations[language], weekdays[language] = {}, {}, {}
        for number, key in enumerate(_MONTH_KEYS, 1):
            extra = _EXTRA_MONTHS.get(language, ("",) * 12)[number - 1].split()
            full, short = _names(info[key], extra, shortest=3, longest_abbreviation=4)
            months[language].update(dict.fromkeys(full, number))
            abbreviations[language].update(dict.fromkeys(short, number))
        for number, key in enumerate(_WEEKDAY_KEYS):
            extra = [_EXTRA_WEEKDAYS.get(language, ("",) * 7)[number]]
            full, _ = _names(info[key], extra, shortest=4, longest_abbreviation=99)
            weekdays[language].update(dict.fromkeys(full, number))
    return months, abbreviations, weekdays


def _offsets(language: str) -> dict[str, tuple[int, str]]:
    """Phrases for a time counted from the publication date: "yesterday" (-1, "day"), "торік"
    (-1, "year"), "vorige week" (-1, "week").

    The ten languages with a grammar of their own (GRAMMAR) take days and one-word phrases
    here; the others take their weeks, months and years here too.
    """
    phrases: dict[str, tuple[int, str]] = {}
    for key, forms in _info(language)["relative-type"].items():
        count, _, unit = key.removeprefix("in ").removesuffix(" ago").partition(" ")
        if unit not in ("day", "week", "month", "year") or not count.isdigit():
            continue
        amount = int(count) if key.startswith("in ") else -int(count)
        for phrase in forms:
            tokens = phrase.split()
            if phrase in _DROPPED_OFFSETS.get(language, ()) or min(map(len, tokens)) < 2:
                continue  # "ove g", "ове н": abbreviations that ordinary text could hold
            if unit == "day" or len(tokens) == 1 or language not in FULL:
                phrases[phrase.lower()] = (amount, unit)
    return {**phrases, **{phrase: (days, "day") for phrase, days in _EXTRA_OFFSETS.get(language, {}).items()}}


#: Month names (every case form, lower case) -> month number, by language.
#: Abbreviations ("sept", "нояб") -> month number, by language.
#: Weekday names -> weekday number (Monday 0), by language.
MONTHS, ABBREVIATIONS, WEEKDAYS = _tables()
#: A month name or abbreviation in any language; the first language in LANGUAGES wins.
ANY_MONTH = {word: n for language in reversed(LANGUAGES) for word, n in MONTHS[language].items()}
ANY_ABBREVIATION = {
    word: n for language in reversed(LANGUAGES) for word, n in ABBREVIATIONS[language].items()
}
ANY_WEEKDAY = {word: n for language in reversed(LANGUAGES) for word, n in WEEKDAYS[language].items()}
#: English month names that are no month in another language ("may", "march"): these need a
#: capital ("May 4"), since "may" and "march" are also ordinary English words.
ENGLISH_ONLY = frozenset(MONTHS["en"]) - {w for lang in LANGUAGES[1:] for w in MONTHS[lang]}
#: Phrases for a time counted from the publication date ("вчера": (-1, "day")), by language.
OFFSETS = {language: _offsets(language) for language in LANGUAGES}


@dataclass(frozen=True)
class Grammar:
    """One language's words around dates, as regular expressions matched ignoring case.

    ``last``, ``next`` and ``this`` list the modifier in every gender and case it takes before a
    weekday, week, month or year, in the singular only ("прошлые недели" is "past weeks").
    """

    year_before: str = ""  # words that make the number after them a year: "in 2014"
    year_after: str = ""  # words that make the number before them a year: "2014 года"
    last: str = ""
    next: str = ""
    this: str = ""
    this_weekday: str = ""  # "this" before a weekday only
    after: str = ""  # those modifiers that may also follow the noun: "mardi dernier"
    on: str = ""  # words before a weekday that are not part of the date: "on", "в", "am"
    bare: bool = False  # a weekday alone is a date ("Tuesday"); otherwise it needs `on` or a modifier
    # the nouns week, month and year in the cases they take after a modifier: plain words
    # separated by "|"
    week: str = ""
    month: str = ""
    year: str = ""
    month_on: str = ""  # words before a month without a year: "in June", "im Juni"
    # words that put a sentence's events ahead (auxiliaries and endings of the future tense,
    # "from" right before a date): a month or day without a year there is the next one
    future: str = ""
    from_on: str = ""  # "ab Januar", "à partir de mars": only right before the date
    # postpositions after a year or a month without one that make it a date, and are no part
    # of it: Hindi "2022 में" ("in 2022"), "अप्रैल से" ("since April")
    postpositions: str = ""
    verb_last: bool = False  # the verb, and so a word of the future, comes after the date
    conjunctions: str = ""  # words that end a clause, where verb_last stops looking: "और", "लेकिन"
    # words for a day either side of the publication date, and how many days: Hindi "कल" is
    # yesterday and tomorrow, told apart by the tense of the verb after it (``future``, ``past``)
    either_days: tuple[tuple[str, int], ...] = ()
    past: str = ""  # what shows the past in such a word's clause: "था", "हुआ", "किया", "ने"


_RU_ADJ = r"(?:ый|ий|ая|ое|ее|ую|ой|ей|ом|ем|ого|его|ому|ему)"
_UK_ADJ = r"(?:ий|а|е|у|ого|ої|ому|ій|ім)"
_PL_ADJ = r"(?:y|a|e|ą|ym|ej|ego)"
_BG_ADJ = r"(?:ия|ият|ата|ото)"
_DE_ADJ = r"(?:e|en|er|es)"

GRAMMAR: dict[str, Grammar] = {
    "en": Grammar(
        year_before=r"in|since|by|until|till|before|after|from|of|during",
        # "the last week" is the past seven days, not the week before this one
        last=r"(?<!the\s)last",
        next=r"(?<!the\s)next",
        this=r"this",
        on=r"on",
        bare=True,
        week=r"week",
        month=r"month",
        year=r"year",
        month_on=r"in|since|by|until|till|before|after|from|during|early|late|mid|of",  # "end of July"
        future=r"will|shall|won['’]t|\w+['’]ll|going\s+to|scheduled|upcoming|expected\s+to",  # not "due to": mostly "because of"
    ),
    "ru": Grammar(
        year_after=r"года|году|год|г\.",
        last=rf"прошл{_RU_ADJ}",
        next=rf"следующ{_RU_ADJ}|будущ{_RU_ADJ}",
        this=r"эт(?:от|а|у|ой|ом|ого|ому)",
        this_weekday=r"это",  # before the neuter "воскресенье"; "это неделя" is "it is a week"
        on=r"в|во",
        week=r"неделя|недели|неделю|неделе",
        month=r"месяц|месяца|месяце",
        year=r"год|года|году",
        month_on=r"в|во|с|со|до|к|по|начале|конце|середине|начала|конца|середины",
        future=r"будет|будут|будем|буду|станет|станут|начн[её]тся|планирует\w*|планируется|предстоящ\w*",
    ),
    "uk": Grammar(
        year_after=r"року|році|рік|р\.",
        last=rf"минул{_UK_ADJ}",
        next=rf"наступн{_UK_ADJ}",
        this=r"ц(?:ей|я|ю|ього|ієї|ьому|ій|ім)",  # not "це", also "it is"
        on=r"у|в",
        week=r"тиждень|тижня|тижні",
        month=r"місяць|місяця|місяці",
        year=r"рік|року|році",
        month_on=r"у|в|з|із|до|початку|кінці|наприкінці|середині",
        future=r"буде|будуть|будемо|буду|стане|почнеться|розпочнеться|планує\w*|планується",
    ),
    "de": Grammar(
        year_before=r"im\s+Jahre?|seit|Anfang|Mitte|Ende",
        last=rf"letzt{_DE_ADJ}|vergangen{_DE_ADJ}|vorig{_DE_ADJ}",
        next=rf"nächst{_DE_ADJ}|kommend{_DE_ADJ}",
        this=rf"dies{_DE_ADJ}",
        on=r"am",
        bare=True,
        week=r"Woche",
        month=r"Monat|Monats",
        year=r"Jahr|Jahres",
        month_on=r"im|seit|ab|bis|Anfang|Mitte|Ende",
        future=r"wird|werden|wirst|soll|sollen|künftig|geplant|bevorstehend\w*",
        from_on=r"ab",
    ),
    "fr": Grammar(
        # "la crise de 2008", not the number of "plus de 2000 manifestants"
        year_before=r"en|depuis|dès|jusqu['’]en|avant|après|début|fin|(?<!plus\s)(?<!moins\s)(?<!près\s)(?<!environ\s)de",
        last=r"dernier|dernière",
        next=r"prochain|prochaine",
        this=r"ce|cet|cette",
        after=r"dernier|dernière|prochain|prochaine",
        on=r"le",
        bare=True,
        week=r"semaine",
        month=r"mois",
        year=r"année|an",
        month_on=r"en|depuis|dès|début|fin|courant|jusqu['’]en|d['’]ici|mi",
        # "-dra", "-dront": "prendra", "reprendront", "viendra" (not "-ront" alone: "front")
        future=r"sera|seront|aura|auront|va|vont|devra|devront|pourra|pourront|fera|feront|\w+(?:era|eront|ira|iront|dra|dront)",
        from_on=r"à\s+partir\s+d(?:e|u|['’])|dès",
    ),
    "it": Grammar(
        year_before=r"nel|dal|entro\s+il|fino\s+al|nell['’]anno|dall['’]anno",
        last=r"scorso|scorsa",
        next=r"prossimo|prossima",
        this=r"questo|questa",
        after=r"scorso|scorsa|prossimo|prossima",
        bare=True,
        week=r"settimana",
        month=r"mese",
        year=r"anno",
        month_on=r"a|ad|in|nel|da|dal|di|fino\s+a|entro|inizio|metà|fine",  # "inizio di gennaio"
        future=r"\w+(?:erà|eranno|irà|iranno|arà|aranno|rà|ranno)",
        from_on=r"a\s+partire\s+da|dal|da",
    ),
    "es": Grammar(
        year_before=r"en|desde|antes\s+de|después\s+de|a\s+partir\s+de|(?<!más\s)(?<!menos\s)(?<!cerca\s)de",
        last=r"pasado|pasada",
        next=r"próximo|próxima|que\s+viene",
        this=r"este|esta",
        after=r"pasado|pasada|próximo|próxima|que\s+viene",
        on=r"el",
        week=r"semana",
        month=r"mes",
        year=r"año",
        month_on=r"en|desde|hasta|para|(?:principios|mediados|finales|fines)\s+de",
        future=r"\w+(?:rá|rán)",
        from_on=r"a\s+partir\s+de",
    ),
    "pt": Grammar(
        year_before=r"em|desde|antes\s+de|depois\s+de|a\s+partir\s+de|(?<!mais\s)(?<!menos\s)(?<!cerca\s)de",
        last=r"passado|passada|último|última",
        next=r"próximo|próxima|que\s+vem",
        this=r"este|esta|neste|nesta",
        after=r"passado|passada|que\s+vem",
        on=r"no|na",
        week=r"semana",
        month=r"mês",
        year=r"ano",
        month_on=r"em|desde|até|para|(?:início|fim|final|meados)\s+de",
        future=r"\w+(?:rá|rão)",
        from_on=r"a\s+partir\s+de",
    ),
    "pl": Grammar(
        year_after=r"r\.|roku|rok",
        last=rf"zeszł{_PL_ADJ}|ubiegł{_PL_ADJ}|poprzedni(?:a|e|ą|m|ej|ego)?",
        next=rf"przyszł{_PL_ADJ}|następn{_PL_ADJ}|najbliższ{_PL_ADJ}",
        this=r"ten|tę|tym|tej|tego",  # not "to", also "it is"
        on=r"w|we",
        week=r"tydzień|tygodniu|tygodnia",
        month=r"miesiąc|miesiącu|miesiąca",
        year=r"rok|roku",
        month_on=r"w|we|od|do|początku|końcu|końca|połowy|pod\s+koniec|w\s+połowie",
        future=r"będzie|będą|będziemy|zostanie|zostaną|planuje\w*|planowan\w*",
    ),
    "bg": Grammar(
        year_after=r"г\.|година|годината",
        last=rf"минал{_BG_ADJ}|предходн{_BG_ADJ}",
        next=rf"следващ{_BG_ADJ}|идущ{_BG_ADJ}",
        this=r"този|тази",  # not "това", also "it is"
        on=r"в|във",
        week=r"седмица",
        month=r"месец",
        year=r"година",
        month_on=r"през|в|във|от|до|след|преди|началото\s+на|края\s+на|средата\s+на",
        future=r"ще",
    ),
    "hi": Grammar(
        last=r"पिछले|पिछला|पिछली|बीते|गत",
        next=r"अगले|अगला|अगली|आगामी|आने\s+वाले|आने\s+वाला|आने\s+वाली",
        this=r"इस|इसी",
        bare=True,  # a weekday, with or without its postposition: "गुरुवार को"
        week=r"सप्ताह|हफ्ते|हफ़्ते|हफ्ता|हफ़्ता",
        month=r"महीने|महीना|माह",
        year=r"साल|वर्ष",
        postpositions=r"में|से|तक|के|की|का|को",
        # the future tense's endings (-एगा, -एंगे: "होगी", "करेंगे", "जाएगा")
        future=r"\S*(?:ेगा|ेगी|ेंगे|ेंगी|ोगा|ोगी|ोंगे|ोंगी|ूंगा|ूँगा|ूंगी|एगा|एगी|एंगे|एँगे)",
        verb_last=True,
        # and "कि" ("that"): the verb of what was said is no verb of the date's clause
        conjunctions=r"और|लेकिन|तथा|एवं|जबकि|किंतु|परंतु|मगर|पर|कि",
        either_days=(("कल", 1), ("परसों", 2)),
        # the past auxiliaries, the perfective of common verbs (not "की", "दी", "ली": also the
        # postposition and nouns) and "ने", which marks the subject of a perfective verb
        past=r"था|थी|थे|थीं|हुआ|हुई|हुए|हुईं|गया|गई|गए|गईं|किया|किए|दिया|दिए|लिया|लिए|कहा|बताया|ने",
    ),
    "nl": Grammar(year_before=r"in|sinds|vanaf"),
    "ro": Grammar(year_before=r"în|din|până\s+în"),
    "cs": Grammar(year_before=r"v\s+roce|roku|od\s+roku|do\s+roku"),
    "sk": Grammar(year_before=r"v\s+roku|roku|od\s+roku|do\s+roku"),
    "sl": Grammar(year_before=r"leta|od\s+leta|do\s+leta|v\s+letu"),
    "hr": Grammar(year_after=r"godine|god\.|g\."),
    "sr": Grammar(year_after=r"године|год\.|г\.|godine|god\.|g\."),
}
