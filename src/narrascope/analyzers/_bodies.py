"""Regions and international bodies that the news names as actors, in every language narrascope
reads: "the West", "Запад" and "Захід" are one actor ("West"), as are "the EU", "ЕС", "Евросоюз" and
"l'UE".

GeoNames (:mod:`narrascope.analyzers._places`) knows countries and cities, not these, and
they are the actors of the narratives that matter most here ("the West is behind the
conflict", "NATO provokes Russia"): a corpus that counts "Запад" and "West" apart cannot
compare Russian and English outlets on them. A few platforms are in it too, whose names
recognisers take for people's ("Follow us on Facebook, Twitter and Instagram"). The table below is written by hand, kept short
and unambiguous: names that are also common words ("Union", "Council") or that several bodies
share are left out. A name is matched by its spelling key (:func:`narrascope.names.spelling_key`:
any case, "Евросоюз" and "Yevrosoyuz" alike) after a leading article ("the", "l'", "der" ...).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from narrascope._chars import WORD_END, capital
from narrascope.models.heads import function_words_of
from narrascope.names import spelling_key

__all__ = ["BODIES", "NOT_ACTORS", "PLATFORMS", "Body", "body_of", "no_actor", "unrecognised_bodies"]


class Body(NamedTuple):
    name: str  # English, as corpus counts show it
    kind: str  # PER, ORG or LOC, as the entity layer labels it


#: English name -> (kind, the names it goes by in the languages narrascope reads: en, ru, uk,
#: bg, de, fr, it, es, pt, pl, hi). Inflected Russian and Ukrainian forms are not needed: their
#: recognisers give the nominative.
BODIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "West": ("LOC", ("West", "Запад", "Захід", "Westen", "Occident", "Occidente", "Zachód")),
    "Europe": ("LOC", ("Europe", "Европа", "Європа", "Europa", "यूरोप")),
    # Regions that GeoNames' cities and countries leave out, which the recognisers take for
    # organisations ("the annexation of Crimea", ORG) and the news of the war names
    "Crimea": ("LOC", ("Crimea", "Крым", "Крим", "Krim", "Crimée", "Crimeia", "Krym", "क्रीमिया")),
    "Donbas": ("LOC", ("Donbas", "Donbass", "Донбасс", "Донбас", "Donbás", "डोनबास")),
    "European Union": (
        "ORG",
        (
            "European Union", "EU", "E.U.", "ЕС", "Евросоюз", "Европейский союз", "Европейский Союз",
            "ЄС", "Євросоюз", "Європейський союз", "Европейски съюз", "Европейския съюз",
            "Europäische Union", "Union européenne", "UE", "U.E.", "Unione europea", "Unión Europea",
            "União Europeia", "Unia Europejska", "यूरोपीय संघ",
        ),
    ),
    "European Commission": (
        "ORG",
        (
            "European Commission", "Еврокомиссия", "Европейская комиссия", "Єврокомісія",
            "Європейська комісія", "Европейската комисия", "Europäische Kommission",
            "EU-Kommission", "Commission européenne", "Commissione europea", "Comisión Europea",
            "Comissão Europeia", "Komisja Europejska",
        ),
    ),
    "NATO": (
        "ORG",
        (
            "NATO", "НАТО", "OTAN", "North Atlantic Treaty Organization", "North Atlantic Alliance",
            "Североатлантический альянс", "Північноатлантичний альянс", "Nordatlantikpakt", "नाटो",
        ),
    ),
    "United Nations": (
        "ORG",
        (
            "United Nations", "UN", "U.N.", "ООН", "Организация Объединенных Наций",
            "Організація Об'єднаних Націй", "Vereinte Nationen", "Vereinten Nationen", "Nations unies", "ONU",
            "Nazioni Unite", "Naciones Unidas", "Nações Unidas", "ONZ", "Organizacja Narodów Zjednoczonych",
            "संयुक्त राष्ट्र", "संयुक्त राष्ट्र संघ",
        ),
    ),
    "UN Security Council": (
        "ORG",
        (
            # not "Security Council" alone: Russia's has one too
            "UN Security Council", "U.N. Security Council", "Совбез ООН", "Совет Безопасности ООН",
            "Совет безопасности ООН", "Рада Безпеки ООН", "Радбез ООН", "UN-Sicherheitsrat",
            "Conseil de sécurité de l'ONU", "Consiglio di sicurezza dell'ONU", "Rada Bezpieczeństwa ONZ",
            "संयुक्त राष्ट्र सुरक्षा परिषद",
        ),
    ),
    "OSCE": ("ORG", ("OSCE", "ОБСЕ", "ОБСЄ", "ОССЕ", "OSZE", "OBWE")),
    "International Monetary Fund": (
        "ORG", ("International Monetary Fund", "IMF", "МВФ", "IWF", "FMI", "MFW", "अंतरराष्ट्रीय मुद्रा कोष"),
    ),
    "World Health Organization": (
        "ORG", ("World Health Organization", "WHO", "ВОЗ", "ВООЗ", "СЗО", "OMS", "विश्व स्वास्थ्य संगठन"),
    ),
    # International rights groups, whose reports the news quotes ("Human Rights Watch warned")
    "Human Rights Watch": ("ORG", ("Human Rights Watch", "HRW", "Хьюман Райтс Вотч", "Х'юман Райтс Вотч")),
    "Amnesty International": (
        "ORG", ("Amnesty International", "Международная амнистия", "Міжнародна амністія", "Амнести Интернешънъл"),
    ),
    "G7": ("ORG", ("G7", "G-7", "Group of Seven", "Большая семерка", "Большая семёрка", "Велика сімка", "जी7", "जी-7")),
    "G20": ("ORG", ("G20", "G-20", "Group of Twenty", "Большая двадцатка", "जी20", "जी-20")),
    "BRICS": ("ORG", ("BRICS", "БРИКС", "БРІКС", "ब्रिक्स")),
    "Shanghai Cooperation Organisation": (
        "ORG", ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO", "ШОС", "शंघाई सहयोग संगठन"),
    ),
    "Kremlin": ("ORG", ("Kremlin", "Кремль", "Кремъл", "Kreml", "Cremlino", "Kremla", "क्रेमलिन")),
    "White House": (
        "ORG",
        (
            "White House", "Белый дом", "Білий дім", "Белия дом", "Weißes Haus", "Weiße Haus", "Weißen Haus",
            "Maison Blanche",
            "Casa Bianca", "Casa Blanca", "Casa Branca", "Biały Dom", "व्हाइट हाउस",
        ),
    ),
    # seats of government named for the government ("smentita da Palazzo Chigi", "la Farnesina
    # ha convocato l'ambasciatore": the foreign ministry)
    "Palazzo Chigi": ("ORG", ("Palazzo Chigi",)),
    "Farnesina": ("ORG", ("Farnesina",)),
    "Viminale": ("ORG", ("Viminale",)),
    "Quirinale": ("ORG", ("Quirinale", "Quirinal")),
    "Montecitorio": ("ORG", ("Montecitorio",)),
    "Palazzo Madama": ("ORG", ("Palazzo Madama",)),
    "Palazzo Marino": ("ORG", ("Palazzo Marino",)),
    "Matignon": ("ORG", ("Matignon", "Hôtel de Matignon")),
    "Quai d'Orsay": ("ORG", ("Quai d'Orsay", "Quai d’Orsay")),
    "Downing Street": ("ORG", ("Downing Street", "Даунинг-стрит", "Даунінг-стріт")),
    "Pentagon": ("ORG", ("Pentagon", "Пентагон", "Pentagone", "Pentagono", "Pentágono", "पेंटागन")),
    "Bankova": ("ORG", ("Bankova", "Банковая", "Банкова")),
    "Élysée": ("ORG", ("Élysée", "Elysée", "Élysée Palace", "palais de l'Élysée", "Palais de l'Élysée")),
    "Armed Forces of Ukraine": (
        "ORG",
        (
            "Armed Forces of Ukraine", "Ukrainian Armed Forces", "AFU", "ВСУ", "ЗСУ",
            "Вооруженные силы Украины", "Вооружённые силы Украины", "Збройні сили України",
        ),
    ),
    "European Central Bank": (
        "ORG",
        (
            "European Central Bank", "ECB", "ЕЦБ", "Европейский центральный банк", "Європейський центральний банк",
            "EZB", "Europäische Zentralbank", "BCE", "Banque centrale européenne", "Banca centrale europea",
            "Banco Central Europeo", "Banco Central Europeu", "EBC", "Europejski Bank Centralny",
        ),
    ),
    # EU agencies, which recognisers take for people ("Frontex a publié")
    "Frontex": ("ORG", ("Frontex", "Фронтекс")),
    "Europol": ("ORG", ("Europol", "Европол")),
    # News agencies, which recognisers take for people ("frisou, citada pela Lusa")
    "Reuters": ("ORG", ("Reuters", "Рейтер", "Рейтерс", "Ройтерс", "रॉयटर्स")),
    "AFP": ("ORG", ("AFP", "Agence France-Presse", "АФП", "Франс Прес", "Франс прес", "एएफपी")),
    "Associated Press": ("ORG", ("Associated Press",)),
    "Lusa": ("ORG", ("Lusa", "Agência Lusa")),
    "EFE": ("ORG", ("EFE", "Agencia EFE")),
    "ANSA": ("ORG", ("ANSA",)),
    "TASS": ("ORG", ("TASS", "ТАСС", "Tass")),
    "RIA Novosti": ("ORG", ("RIA Novosti", "РИА Новости", "РИА \"Новости\"")),
    "Interfax": ("ORG", ("Interfax", "Интерфакс", "Інтерфакс")),
    "Ukrinform": ("ORG", ("Ukrinform", "Укринформ", "Укрінформ")),
    "Xinhua": ("ORG", ("Xinhua", "Синьхуа")),
    "RT": ("ORG", ("RT", "Russia Today", "Раша Тудэй")),
    # State companies that the war's news quotes, which recognisers take for places
    # ("Norda's rail company, Varnelexport, has said")
    "Rosoboronexport": ("ORG", ("Rosoboronexport", "Рособоронэкспорт", "Рособоронекспорт")),
    "Rostec": ("ORG", ("Rostec", "Ростех")),
    "Rosatom": ("ORG", ("Rosatom", "Росатом")),
    "Gazprom": ("ORG", ("Gazprom", "Газпром")),
    "Naftogaz": ("ORG", ("Naftogaz", "Нафтогаз")),
    # Platforms, which recognisers take for people ("Follow us on Facebook, Twitter and ...")
    "Twitter": ("ORG", ("Twitter", "Твиттер", "Твіттер")),
    "Facebook": ("ORG", ("Facebook", "Фейсбук")),
    "Instagram": ("ORG", ("Instagram", "Инстаграм", "Інстаграм")),
    "Telegram": ("ORG", ("Telegram", "Телеграм", "Телеграмм")),
    "YouTube": ("ORG", ("YouTube", "Ютуб", "Ютьюб")),
    "TikTok": ("ORG", ("TikTok", "ТикТок", "Тикток")),
    "VKontakte": ("ORG", ("VKontakte", "ВКонтакте")),
    "WhatsApp": ("ORG", ("WhatsApp", "Ватсап")),
    "Verkhovna Rada": ("ORG", ("Verkhovna Rada", "Верховная рада", "Верховна Рада", "Werchowna Rada")),
    "State Duma": ("ORG", ("State Duma", "Госдума", "Государственная дума", "Держдума", "Staatsduma")),
}  # fmt: skip

#: The bodies of the table that are platforms: where something is said, seldom who says it
#: ("wrote on Twitter", "написал в Telegram").
PLATFORMS = frozenset(
    {"Twitter", "Facebook", "Instagram", "Telegram", "YouTube", "TikTok", "VKontakte", "WhatsApp"}
)

#: Events, processes and acronyms of things whose names the recognisers take for a person, a place or an
#: organisation (spaCy's English model made "Brexit" a person 274 times, a place 39 and an
#: organisation 25 in SemEval-2023's English articles: ``benchmarks/entity_kinds.py``), and the
#: camps named after them: none is an actor of the entity layer. Kept to names that are never
#: anything else.
NOT_ACTORS: tuple[str, ...] = (
    "Brexit", "Брексит", "Брекзит", "Брексіт",
    "Brexiteer", "Brexiteers", "Brexiter", "Brexiters", "Remainer", "Remainers",
    "Covid", "Covid-19", "COVID-19", "SARS-CoV-2", "Coronavirus", "Ковид", "Ковид-19", "Коронавирус", "Коронавірус",
    # the weather of the Pacific ("caused by El Niño"), no place and no person; in Cyrillic only,
    # where the article stays in the key ("El Niño" would be "Niño", and "La Niña" Nina)
    "Ел Ниньо", "Ла Нина", "Ла Ниня", "Эль-Ниньо", "Эль Ниньо", "Ель-Ніньо",
    # other diseases and variants ("an Ebola outbreak" names no place; "Omicron" no person)
    "Omicron", "Omikron", "Омикрон", "Омікрон", "Ebola", "Эбола", "Ебола", "Zika", "HIV", "AIDS",
    "Holocaust", "Холокост", "Holocauste", "Olocausto", "Holocausto", "Holokaust",
    # the UN's climate conferences ("COP", "COP29"), events like the above
    "COP", *(f"COP{n}" for n in range(1, 41)), *(f"COP {n}" for n in range(1, 41)),
    # technologies, commodities and common nouns written as acronyms, which spaCy's English
    # model takes for organisations ("EV" 45 times, "LNG" 16, "ESG" 13) or places ("AI" 23) in
    # 400 SemEval-2025 documents, and natasha the media ("СМИ" 41 times in 150 Russian
    # articles), shopping centres ("ТЦ") and non-profits ("НПО") for organisations
    "AI", "A.I.", "EV", "EVs", "LNG", "ESG", "GMO", "GMOs", "DEI",
    "СМИ", "ТЦ", "НПО",
)  # fmt: skip
# ... nor are they with a prefix ("pro-Brexit", "post-Brexit", "anti-Brexit")
_PREFIX = re.compile(r"^(?:pro|anti|post|pre|hard|soft|no-deal)[-\s]+", re.IGNORECASE)

# A leading article, in the languages whose recognisers keep it in a name ("l'UE", "der Westen").
_ARTICLE = re.compile(
    r"^(?:(?:the|der|die|das|den|le|la|les|il|lo|el|los|las|o|os)\s+|l['’])(?=\S)", re.IGNORECASE
)


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Body], frozenset[str]]:
    """Spelling key -> body, and the keys of acronyms ("UN", "ЕС", "WHO")."""
    table: dict[str, Body] = {}
    acronyms: set[str] = set()
    for name, (kind, names) in BODIES.items():
        for form in (name, *names):
            key = _key(form)
            if key in table and table[key].name != name:
                raise ValueError(f"{form!r} names both {table[key].name!r} and {name!r}")
            table[key] = Body(name, kind)
            if form.replace(".", "").isupper() and " " not in form:
                acronyms.add(key)
    return table, frozenset(acronyms)


def _key(name: str) -> str:
    return spelling_key(_ARTICLE.sub("", " ".join(name.split())))


@functools.lru_cache(maxsize=1 << 14)  # asked once per entity: the same names recur
def body_of(name: str) -> Body | None:
    """The region or international body that ``name`` names, or None. An acronym must begin
    with a capital (or a letter of a script without case): "Nato" and "नाटो" are NATO, but "un"
    (a recogniser's "un-human") is not the UN."""
    key = _key(name)
    table, acronyms = _table()
    if not key or (key in acronyms and not capital(_ARTICLE.sub("", name.strip())[:1])):
        return None
    return table.get(key)


@functools.lru_cache(maxsize=1)
def _not_actors() -> frozenset[str]:
    return frozenset(_key(name) for name in NOT_ACTORS)


@functools.lru_cache(maxsize=1 << 14)  # asked once per entity, as body_of is
def no_actor(name: str) -> bool:
    """Whether ``name`` names an event or a process of :data:`NOT_ACTORS` (in any case and
    script, after a leading article or a prefix such as "pro-"), which is no entity."""
    return _key(_PREFIX.sub("", name.strip())) in _not_actors()


# Names that the scan for missed bodies leaves out: the West's, which are also the compass point
# ("im Westen des Landes", "на Захід") and, at a sentence's start, other words ("Захід" is also
# an event), and names of two letters, which are words too ("UN" of an Italian heading in capitals).
_NOT_SCANNED = frozenset({"West"})


@functools.lru_cache(maxsize=1)
def _scan() -> re.Pattern[str]:
    names = {
        form
        for name, (_, forms) in BODIES.items()
        if name not in _NOT_SCANNED
        for form in (name, *forms)
        if len(form) > 2
    }
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?!-){WORD_END}")


# The words right before and after a match: a capitalised one makes the match part of a longer
# name ("Europa League", "Radio Europa").
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*) $")
_WORD_AFTER = re.compile(r" ([^\W\d_])")


def unrecognised_bodies(
    text: str, covered: list[tuple[int, int]], language: str = ""
) -> list[tuple[int, int, Body]]:
    """The names of the table that ``text`` writes as the table does (case and all) where no
    span of ``covered`` overlaps them: bodies that the recognisers missed ("BRICS", "Cremlino",
    "Frontex" are missed a few times in a hundred articles). Not inside a longer name, where a
    capitalised word is next to it (an article of ``language`` that opens a sentence aside: "Il
    Viminale ha risposto"); nor the West's names and names of two letters (:data:`_NOT_SCANNED`)."""
    articles = function_words_of(language) if language else frozenset()
    spans = sorted(covered)
    out: list[tuple[int, int, Body]] = []
    for match in _scan().finditer(text):
        start, end = match.span()
        if any(a < end and start < b for a, b in spans):
            continue
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        after = _WORD_AFTER.match(text, end)
        named_before = before and before.group(1)[:1].isupper() and before.group(1).lower() not in articles
        if named_before or (after and after.group(1).isupper()):
            continue
        body = body_of(match.group())
        if body is not None:
            out.append((start, end, body))
    return out
