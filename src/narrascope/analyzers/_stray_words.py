"""Words that the recognisers take for names and that name no person, place or organisation.

- A nationality's plural taken for a place: spaCy's French model and the entity head label
  "les Russes", "les Ukrainiens", "i Russi" as places (French articles: "Français"
  42 times, "Russes" 21, "Ukrainiens" 19 in 150 SemEval-2023 articles). They are groups
  (``NORP``, as spaCy's English model labels "Russians"), or nothing where groups are not kept.
- An article alone ("La" of "- La Francia vota", which the Italian head cuts off a country's
  name after a list's dash: 19 times in 150 Italian articles), or before a country's or a
  city's name that opens a sentence ("La Cina risponde": 13 times in the same articles),
  where the article goes and the place stays.
- A Polish nationality's noun taken for a place ("Rosjanin" 117 times, "Ukrainiec" 75 in 150
  SemEval-2023 Polish articles): a group, by Morfeusz's dictionary
  (:func:`~narrascope.analyzers._polish.is_people`).
- An English nationality taken for a place ("Ukrainian officials"): a group, when the word is a
  country's or a region's name with a people's suffix.
- A German nationality's noun taken for a place ("die Ukrainer"): a group, when simplemma
  knows it as a noun that is a country's or a region's name with a people's suffix
  (:func:`_german_nationality`).
- A word of an event's name that the head cut in two ("Ел" and "Ниньо" of "Ел Ниньо":
  :func:`~narrascope.analyzers._bodies.no_actor`).
- "The state" of French, Italian, Spanish, Portuguese and German, capitalised as they write
  it of the institution ("le chef de l'État", "gli Stati membri", "Bund und Länder"), unless
  a name goes on after it ("Stati Uniti").
- The complement of an English title ("State" of "Secretary of State").
- The country as a patriotic speech calls it, in English ("the fate of the Motherland"), unless
  a name goes on after it ("Fatherland Front").
- A web address ("read more at https://...", a place 13 times in 400 English documents).
- A hashtag, or a word with digits in it, taken for a person ("#Most2024Teraz" of a quoted
  post): no one's name holds a digit, and a hashtag names a cause, not its speaker.
- A Polish adjective alone that opens a sentence ("Rosyjska armia ...", "Zachodnie sankcje
  ...", a place 7 times in 120 SemEval-2023 Polish articles), by Morfeusz's dictionary
  (:func:`~narrascope.analyzers._polish.adjective_only`).
- A Russian or Ukrainian word that no dictionary reading makes a noun or an adjective ("Торік"
  opening a sentence, which the entity head took for a place; "КАК" of a heading in capitals),
  by pymorphy3's dictionary (:func:`~narrascope.analyzers._east_slavic.never_a_name`); not an
  acronym that spells such a word ("в ОП").

A nationality is told from a place by three things: the word is known to simplemma's
dictionary of the language in lower case (so it is a common word, an adjective there: "russe",
"ukrainien"; not "Nantes" or "Davos"); it is a plural ("Russes" -> "russe") or ends as French
nationalities do whatever their number ("Français", "Chinois"), a masculine plural where the
language tells ("i Russi", "los rusos", not "las Canarias"); and its dictionary form begins
as a country's or a region's name does ("russ" of "Russie", "ukra" of "Ukraine", "euro" of
"Europe"). A word of a country's name is the country ("Emirati", "États"), and a place GeoNames
knows stays one ("Rennes", whose lower case is the plural of "renne").
"""

from __future__ import annotations

import functools
import re

from narrascope.analyzers import _east_slavic as east_slavic
from narrascope.analyzers import _polish as polish
from narrascope.analyzers._bodies import BODIES, no_actor
from narrascope.analyzers._name_forms import Found
from narrascope.analyzers._places import country_word_starts, is_place, place_of

__all__ = ["is_nationality", "without_stray_words"]

# The endings of the infinitive, which simplemma gives as the lemma of a verb's form ("Vais"
# -> "aller", which begins as "Allemagne" does)
_INFINITIVES: dict[str, tuple[str, ...]] = {
    "fr": ("er", "ir", "re"),
    "it": ("are", "ere", "ire"),
    "es": ("ar", "er", "ir"),
    "pt": ("ar", "er", "ir"),
}
# The endings of a nationality's plural (masculine, as a people is spoken of: "los rusos", not
# "las Canarias") in the languages whose nationalities are adjectives in lower case (German's
# are nouns, capitalised, so that simplemma cannot tell "Russen" from a name by its case).
_PLURALS: dict[str, tuple[str, ...]] = {
    "fr": ("s", "x"),
    "it": ("i",),
    "es": ("os", "es"),
    "pt": ("os", "es", "ães", "ões"),
}
# "Foreign" and "abroad", which begin as "Estonia" and "Estland" do: "ministro degli Esteri" is a
# ministry, not a people
_FOREIGN = frozenset({"estero", "extranjero", "estrangeiro"})
# French nationalities that end so in the singular and the plural alike
_FRENCH_INVARIABLE = ("ais", "ois")

# Articles that a recogniser may leave alone, capitalised at the start of a sentence or item.
_ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset({"the", "a", "an"}),
    "fr": frozenset({"le", "la", "les", "un", "une", "des", "du"}),
    "it": frozenset({"il", "lo", "la", "i", "gli", "le", "un", "uno", "una"}),
    "es": frozenset({"el", "la", "los", "las", "un", "una"}),
    "pt": frozenset({"o", "a", "os", "as", "um", "uma"}),
    "de": frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"}),
}

# The complement of an English title, which spaCy takes for an organisation ("State" of
# "Secretary of State Ann Reis": 26 times in 200 SemEval-2023 English articles)
_TITLE_OF = re.compile(r"\b(?:Secretary|Secretaries|secretary|secretaries) of $")
_TITLE_COMPLEMENTS = frozenset({"State", "Defense", "Defence", "Energy", "Commerce", "Labor", "Interior"})
# The country as a patriotic speech calls it, capitalised ("the fate of the Motherland"), which
# spaCy's English model takes for an organisation: nobody's name unless a name goes on after it
_FATHERLANDS = frozenset({"Motherland", "Fatherland"})

_NEXT_WORD = re.compile(r" ([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+) $")
# What ends the text before a sentence's first word: a full stop and spaces, or a line break.
_SENTENCE_BREAK = re.compile(r"(?:[.!?…]\s+|\n\s*)$")
# "The state" and "the country", capitalised as these languages write them of an institution
# ("le chef de l'État", "gli Stati membri", "Bund und Länder"): no place's name (spaCy's French
# model and the head took "État"/"Etat"/"États" for places 116 times in 150 French articles)
_STATE_NOUNS: dict[str, frozenset[str]] = {
    "fr": frozenset({"État", "Etat", "États", "Etats", "Pays"}),
    "it": frozenset({"Stato", "Stati", "Paese"}),
    "es": frozenset({"Estado", "Estados"}),
    "pt": frozenset({"Estado", "Estados"}),
    "de": frozenset({"Staat", "Staaten", "Länder"}),
}

_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.|^[^\s@]+@[^\s@]+\.[a-z]{2,}$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    regions = {  # "Europe", "Occident": not the organisations' words ("Conseil", "Council")
        word.casefold()
        for kind, names in BODIES.values()
        if kind == "LOC"
        for name in names
        for word in re.findall(r"[^\W\d_]{4,}", name)
    }
    countries = country_word_starts()
    return countries | regions | {word[:n] for word in regions for n in (3, 4)} | {w[:3] for w in countries}


@functools.lru_cache(maxsize=8192)
def is_nationality(word: str, language: str) -> bool:
    """Whether ``word``, a single capitalised word taken for a place, is a nationality's (a
    group's) word in ``language``: see the module's notes."""
    import simplemma

    if language == "pl":  # nationalities are nouns, capitalised; the dictionary knows them
        return polish.available() and polish.is_people(word)
    if language == "de":
        return _german_nationality(word)
    if language == "en":
        return _english_nationality(word)
    lower = word.casefold()
    if (
        language not in _PLURALS
        or not word[:1].isupper()
        or not word[1:].islower()
        or lower in _starts()  # a word of a country's name: "Emirati", "États"
        or is_place(word)
        or place_of(word) is not None
        or not simplemma.is_known(lower, lang=language)
    ):
        return False
    lemma = str(simplemma.lemmatize(lower, lang=language))
    if lemma.endswith(_INFINITIVES[language]) or lemma in _FOREIGN:
        return False
    plural = lemma != lower and lower.endswith(_PLURALS[language])
    if not (plural or (language == "fr" and lower.endswith(_FRENCH_INVARIABLE))):
        return False
    # a short word's stem: "ruso" of "Rusia", "turc" of "Turquie"
    return len(lemma) >= 4 and lemma[: min(4, len(lemma) - 1)] in _starts()


def _german_nationality(word: str) -> bool:
    """A German nationality's noun ("Ukrainer", "Russen", "Amerikaner"): simplemma's lemma is
    a noun (capitalised) that ends as a people's does ("-er", "-e", "-i", and "-in" of a
    woman), shares its first letters with a word of a country's or region's name, and goes on
    past them by a suffix at most ("Ukrain|er", "Russ|e", "Brasili|aner"; not "West|küste",
    "Russ|ophobie"); and the word is no place. The adjective's forms ("Deutschen" -> "deutsch")
    and words that are also verbs ("Türken" -> "türken") are left as found: the dictionary
    cannot tell them from other words."""
    import simplemma

    lower = word.casefold()
    if not word[:1].isupper() or not word[1:].islower() or lower in _starts() or is_place(word):
        return False
    if place_of(word) is not None or not simplemma.is_known(lower, lang="de"):
        return False
    lemma = str(simplemma.lemmatize(lower, lang="de"))
    stem = lemma.casefold().removesuffix("in")  # "Russin", "Ukrainerin"
    return lemma[:1].isupper() and stem.endswith(("er", "e", "i")) and _suffixed(stem)


def _english_nationality(word: str) -> bool:
    """An English nationality's adjective or noun ("Ukrainian", "Chinese", "Pakistanis"): a
    country's or a region's name with a people's suffix, as for German; no place's name."""
    lower = word.casefold()
    if not word[:1].isupper() or not word[1:].islower() or is_place(word):
        return False
    # an adjective may be a word of a country's name ("Russian Federation"); "Saudi" is the country
    if lower in _starts() and not lower.endswith(("an", "ese", "ish")):
        return False
    stem = lower[:-1] if lower.endswith(("ans", "is")) else lower
    return stem.endswith(("an", "ese", "ish", "i")) and place_of(word) is None and _suffixed(stem)


def _suffixed(stem: str) -> bool:
    """Whether ``stem`` shares its first four letters or more with a word of a country's or a
    region's name and goes on past them by a suffix at most ("Ukrain|ian", "Russ|e")."""
    shared = max((_shared_start(stem, w) for w in _names_by_start().get(stem[:4], ())), default=0)
    return shared >= 4 and len(stem) - shared <= 4


@functools.lru_cache(maxsize=1)
def _names_by_start() -> dict[str, tuple[str, ...]]:
    """The words of countries' and regions' names (and their first four letters), by those four."""
    by_start: dict[str, list[str]] = {}
    for word in _starts():
        if len(word) >= 4:
            by_start.setdefault(word[:4], []).append(word)
    return {start: tuple(words) for start, words in by_start.items()}


def _shared_start(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def without_stray_words(text: str, found: Found, language: str, keep_groups: bool = True) -> Found:
    """``found`` without the words of the module's notes that name no one (articles alone,
    halves of an event's name, "the state", a title's complement, web addresses), and with
    nationalities taken for places made groups (``NORP``, or dropped where ``keep_groups`` is
    false)."""
    articles = _ARTICLES.get(language, frozenset())
    out: Found = []
    for start, end, label, attrs in found:
        name = text[start:end]
        if name.casefold() in articles or _ADDRESS.match(name):
            continue
        if label == "PER" and (text[start - 1 : start] == "#" or any(c.isdigit() for c in name)):
            continue
        if name in _STATE_NOUNS.get(language, ()) and not text[end : end + 2].strip()[:1].isupper():
            continue
        first, _, rest = name.partition(" ")
        if label == "LOC" and first.casefold() in articles and place_of(rest) and not place_of(name):
            # "La Cina" at a sentence's start: the place without its article ("Le Havre" stays)
            start += len(first) + 1
            attrs = {
                **attrs,
                "normal": rest if str(attrs.get("normal")).startswith(first) else attrs["normal"],
            }
            name = rest
        after = _NEXT_WORD.match(text, end)
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if (after and no_actor(f"{name} {after.group(1)}")) or (
            before and no_actor(f"{before.group(1)} {name}")
        ):
            continue  # "Ел" and "Ниньо" of "Ел Ниньо", which the head cut in two
        if (
            language == "en"
            and name in _TITLE_COMPLEMENTS
            and _TITLE_OF.search(text, max(0, start - 20), start)
        ):
            continue
        if language == "en" and name in _FATHERLANDS and not (after and after.group(1)[:1].isupper()):
            continue
        if (
            language == "pl"
            and label in ("ORG", "LOC")
            and (start == 0 or _SENTENCE_BREAK.search(text, max(0, start - 5), start))
            and polish.adjective_only(name)
        ):
            continue
        if (
            language in ("ru", "uk")
            and " " not in name
            and east_slavic.never_a_name(name, language)
            and not (name.isupper() and len(name) > 1 and not _in_capitals(text, start, end))
        ):
            continue  # an acronym ("в ОП") may spell such a word; a heading in capitals does not
        if label == "LOC" and " " not in name and is_nationality(name, language):
            if not keep_groups:
                continue
            label, attrs = "NORP", {**attrs, "kind_rule": "nationality"}
        out.append((start, end, label, attrs))
    return out


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` on its line are in capitals too: a heading's."""
    before, after = text[max(0, start - 20) : start], text[end : end + 20]
    around = [c for c in before.rpartition("\n")[2] + after.partition("\n")[0] if c.isalpha()]
    return len(around) > 3 and all(c.isupper() for c in around)
