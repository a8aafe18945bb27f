"""Polish names of places and organisations in the nominative, by Morfeusz 2 and its SGJP
dictionary (the morphological analyser of the Polish NLP community, with the dictionary built in).

A name in running Polish is inflected as a phrase: its head noun takes the case the sentence
needs and its adjectives agree with it in case, number and gender ("z Korei Południowej", "dla
Polskiej Agencji Prasowej"). Lemmatising word by word, as :func:`simplemma` does, gives
adjectives in the masculine ("Korea Południowy") and cannot tell the head from the words that
depend on it. Here the phrase is parsed: the head is the noun that the most words agree with,
adjectives before it and right after it are put in the nominative of its gender and number,
and the words after that stay as they are, because they are genitive modifiers of the name
("Zarządu Morskiego Portu Gdańsk" -> "Zarząd Morskiego Portu Gdańsk": "Morskiego" agrees with
"Zarządu" but belongs to the noun after it).

The same readings tell where a source named without a comma ends: "według" and "zdaniem" take
the genitive ("zgodnie z" the instrumental), so the source is the run of words that can be in
that case or in the genitive of its modifiers, and the first word that cannot, or the subject
of the verb after it, begins what was said ("Według resortu obrony Polska wyda ...",
:func:`source_words`).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any

import simplemma

from narrascope.analyzers._places import place_of

__all__ = [
    "LEAD_CASES",
    "Phrase",
    "available",
    "common_name",
    "could_be_source",
    "is_people",
    "nominative",
    "parse",
    "person",
    "source_words",
]

_NOUNS = ("subst",)
# Nouns and verbal nouns ("zestawienia", "badania"), which head no name but may head a source.
_NOUN_LIKE = (*_NOUNS, "ger")
# Adjectives and the participles that names use as adjectives ("Stany Zjednoczone").
_ADJECTIVES = ("adj", "ppas", "pact")
# Kinds of proper name in the dictionary's qualifiers.
_GEOGRAPHIC = ("nazwa_geograficzna",)
_COMMON = "nazwa_pospolita"
#: The case that each lead of a source asks for.
LEAD_CASES = {
    "według": "gen",
    "zdaniem": "gen",
    "w opinii": "gen",
    "jak wynika z": "gen",
    "jak wynika ze": "gen",
    "zgodnie z": "inst",
    "zgodnie ze": "inst",
}
# What a source after a lead is made of: nouns, adjectives, personal pronouns ("niego") and
# numerals.
_SOURCE_PARTS = (*_NOUN_LIKE, *_ADJECTIVES, "ppron3", "ppron12", "num")
# Finite verbs and the past tense: what follows a clause's subject.
_VERBS = ("fin", "praet", "bedzie", "winien")
# Words between a subject and its verb ("ceny nie wzrosną", "ceny też wzrosną").
_BEFORE_VERB = ("nie", "się", "już", "też", "także", "również", "jeszcze", "nadal")
# Qualifiers of readings that a news article hardly means ("daw.": archaic).
_RARE = ("daw.", "przest.")


# Each dictionary reading of a word: (lemma, tag, name kinds, qualifiers).
Analyses = tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]


@dataclass(frozen=True)
class Reading:
    """One dictionary reading of a word: its lemma and grammatical features."""

    lemma: str  # the dictionary's lemma id ("Polska:Sf~i"): what generation takes
    pos: str
    numbers: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    tag: tuple[str, ...]  # the whole tag, split at ":"
    kinds: tuple[str, ...]  # the dictionary's name qualifiers ("nazwa_geograficzna", ...)
    rare: bool

    @property
    def word(self) -> str:
        """The lemma without the dictionary's homonym marks ("Polska:Sf~i" -> "Polska")."""
        return self.lemma.split(":", 1)[0]


@dataclass(frozen=True)
class Phrase:
    """A name parsed around its head noun: ``words[:last]`` agree with ``words[head]``."""

    head: int
    last: int
    forms: tuple[str, ...]  # each word's normal form: the nominative where it agrees, else as written
    plurals: int  # how plural its head nouns are read (see _plural): the less the likelier


@functools.cache
def _analyser() -> Any | None:
    """Morfeusz, or None where its wheel does not install (PyPI has none for Linux on ARM): then
    no word has a reading, and Polish names fall back to simplemma word by word."""
    try:
        import morfeusz2
    except ImportError:
        logging.getLogger(__name__).warning(
            "morfeusz2 is not installed: Polish names are put in the nominative word by word (simplemma)"
        )
        return None
    # Loading the dictionary takes a few hundredths of a second; one analyser per process.
    return morfeusz2.Morfeusz()


def available() -> bool:
    """Whether Morfeusz is installed, and Polish names are read as phrases."""
    return _analyser() is not None


def _gender(value: str) -> str:
    return "n" if value.startswith("n") else value


@functools.lru_cache(maxsize=65536)
def _analyses(word: str) -> Analyses:
    """Each dictionary reading of one word; none for a word the dictionary does not know
    ("Biden"), splits into parts ("Bielsko-Białej") or that is an acronym ("NATO")."""
    if not word.isalpha() or (len(word) > 1 and word.isupper()):
        return ()
    analyser = _analyser()
    if analyser is None:
        return ()
    analyses = analyser.analyse(word)
    if any(end != 1 for _, end, _ in analyses):
        return ()
    return tuple(
        (lemma, tag, tuple(kinds), tuple(qualifiers))
        for _, _, (_, lemma, tag, kinds, qualifiers) in analyses
        if not tag.startswith("ign")
    )


@functools.lru_cache(maxsize=65536)
def readings(word: str) -> tuple[Reading, ...]:
    """The noun, verbal noun and adjective readings of one word (see :func:`_analyses` for those
    it has none)."""
    out = []
    for lemma, tag, kinds, qualifiers in _analyses(word):
        parts = tuple(tag.split(":"))
        # News names no one in the vocative: a reading in it only would be a false agreement.
        cases = frozenset(parts[2].split(".")) - {"voc"} if len(parts) > 2 else frozenset()
        if parts[0] not in (*_NOUN_LIKE, *_ADJECTIVES) or len(parts) < 4 or not cases:
            continue
        out.append(
            Reading(
                lemma=lemma,
                pos=parts[0],
                numbers=frozenset(parts[1].split(".")),
                cases=cases,
                genders=frozenset(_gender(g) for g in parts[3].split(".")),
                tag=parts,
                kinds=kinds,
                rare=any(q in _RARE for q in qualifiers),
            )
        )
    return tuple(out)


def speaker_phrase(words: list[str], case: str = "nom") -> str | None:
    """Words that name a speaker by what they are ("ekspertów", "rzecznika rządu",
    "Ministerstwa Zdrowia") in the nominative, in their number ("eksperci", not the lemma
    "ekspert" that names count under): the adjectives before the first noun and that noun, the
    rest as written. A reading in ``case``, the case the sentence puts the speaker in, comes
    first ("gen" after "według"); a common noun that opens a sentence loses its capital. None
    where the words open with no such noun phrase."""
    analysed = [list(readings(word)) for word in words]
    for head, options in enumerate(analysed):
        nouns = [r for r in options if r.pos in _NOUN_LIKE]
        following = analysed[head + 1] if head + 1 < len(analysed) else []
        modifies = any(
            _agree(n, a, a.cases)
            for a in options
            if a.pos in _ADJECTIVES
            for n in following
            if n.pos in _NOUN_LIKE
        )
        if nouns and not modifies:
            break
        if not any(r.pos in _ADJECTIVES for r in options):
            return None
    else:
        return None
    # a reading in the case first, then a person's ("Chińczyków": the Chinese, not a thing)
    nouns.sort(key=lambda r: (case not in r.cases, "m1" not in r.genders, "nom" not in r.cases, r.rare))
    common = words[0][1:].islower() and all(lemma[:1].islower() for lemma, *_ in _analyses(words[0]))
    for noun in nouns:
        if case == "nom" and "nom" in noun.cases:  # as written: of "autorzy" and "autorowie", its own
            return " ".join([words[0].lower() if common else words[0], *words[1:]])
        cases = noun.cases & {case} or noun.cases
        number = "sg" if "sg" in noun.numbers else "pl"
        gender = min(noun.genders)
        head_form = nominative(noun, number, gender)
        adjectives = [
            next(
                (f for r in options if _agree(noun, r, cases) and (f := nominative(r, number, gender))), None
            )
            for options in analysed[:head]
        ]
        if head_form is not None and None not in adjectives:
            forms = [_cased(str(f), w) for f, w in zip([*adjectives, head_form], words, strict=False)]
            if common:
                forms[0] = forms[0].lower()  # a sentence's capital, no name's ("Eksperci")
            return " ".join([*forms, *words[head + 1 :]])
    return None


def adjective_only(word: str) -> bool:
    """Whether every dictionary reading of ``word`` is a common adjective's ("Rosyjska",
    "Zachodnie"): no name's, and no noun's; False for a word the dictionary does not know."""
    analyses = _analyses(word)
    return bool(analyses) and all(
        tag.split(":", 1)[0] in ("adj", "adja", "adjp", "adjc") and lemma[:1].islower()
        for lemma, tag, _, _ in analyses
    )


def coordinated_nouns(before: str, after: str) -> bool:
    """Whether ``before`` and ``after`` can be two nouns in one case, as "i" joins them inside a
    name ("Klimatu i Środowiska"); an adjective before "i" ends its name ("Obywatelskiej i
    Lewicy": two parties), and so does an acronym ("PiS i Konfederacji")."""
    if not (before[1:].islower() and after[1:].islower()):
        return False
    cases = [r.cases for r in readings(before) if r.pos in _NOUN_LIKE]
    return any(c & r.cases for c in cases for r in readings(after) if r.pos in _NOUN_LIKE)


def _agree(noun: Reading, adjective: Reading, cases: frozenset[str]) -> frozenset[str]:
    """The cases, of ``cases``, in which ``adjective`` agrees with ``noun``; empty if none."""
    if adjective.pos not in _ADJECTIVES or not noun.numbers & adjective.numbers:
        return frozenset()
    if not noun.genders & adjective.genders:
        return frozenset()
    return cases & adjective.cases


def _adjective_run(words: list[list[Reading]], start: int, noun: Reading, cases: frozenset[str]) -> int:
    """How far adjectives agreeing with ``noun`` run from ``start``: up to the end of the name
    only; a run that a noun follows agrees with that noun instead ("Zarządu Morskiego Portu")."""
    end = start
    while end < len(words) and any(_agree(noun, r, cases) for r in words[end]):
        end += 1
    if end < len(words) and any(r.pos in _NOUN_LIKE for r in words[end]):
        return start
    return end


def _preference(reading: Reading, kind: str) -> tuple[int, ...]:
    """Lower is likelier: a reading in current use; for a place, a geographic name under which
    GeoNames knows the place itself ("Lublin", not the district "Lublino"), then one it knows
    by another name ("Chiny"), then any geographic name, before a common noun ("china"); for an
    organisation, a common noun ("Zarząd", "Agencja") first, a noun naming people last
    ("Sokołów SA" is the company named after the town, not one of falcons)."""
    if kind == "LOC":
        place = place_of(reading.word)
        geographic = bool(set(_GEOGRAPHIC) & set(reading.kinds))
        name_kind = (
            0
            if geographic and place == reading.word
            else 1
            if geographic and place
            else 2
            if geographic
            else 3
        )
    else:
        name_kind = 2 if _people(reading) else 0 if _COMMON in reading.kinds or not reading.kinds else 1
    return reading.rare, name_kind


def _people(noun: Reading) -> bool:
    """Whether ``noun`` names people ("Rosjanie", "ekspertów"): a common noun of the personal
    masculine gender."""
    return "m1" in noun.genders and _COMMON in noun.kinds


def _is_head(reading: Reading, kind: str) -> bool:
    """Whether ``reading`` can head the name of a place or organisation: a noun, not a person's
    name ("Stanów" is no woman called Stanowa), and for an organisation no proper name in the
    plural ("New" of "New York Post" is no genitive of the river Newa)."""
    if reading.pos not in _NOUNS or set(reading.kinds) & {"nazwisko", "imię"}:
        return False
    return kind != "ORG" or _COMMON in reading.kinds or not reading.kinds or "sg" in reading.numbers


@functools.lru_cache(maxsize=65536)
def _usual_lemma(word: str) -> str:
    # asked once per reading of a name: cached, as simplemma's own look-up is not free
    return str(simplemma.lemmatize(word, lang="pl")).casefold()


def _plural(noun: Reading) -> int:
    """0 for the singular, 1 for a noun that has no singular ("Stany", "Niemcy", "Katowice"),
    2 for any other plural: a place's name read in the plural is likelier a plurale tantum than
    several places of one name ("Stanów": "Stany", not "Stanowa"), and one in the singular
    likelier still ("Odry": the river Odra, not the village Odry)."""
    return 0 if "sg" in noun.numbers else 1 if "pt" in noun.tag[4:] else 2


def parse(words: list[str], kind: str, within: frozenset[str] | None = None) -> Phrase | None:
    """The name's head and the words that agree with it, or None when no word is a known noun
    that the words before it agree with (or, given ``within``, none in one of those cases).
    Two names joined by "i" in the same case are each put in the nominative ("Prawa i
    Sprawiedliwości" -> "Prawo i Sprawiedliwość")."""
    analysed = [list(readings(word)) for word in words]
    best: tuple[tuple[int, ...], Phrase] | None = None
    for head, options in enumerate(analysed):
        for noun in options:
            if not _is_head(noun, kind):
                continue
            cases = noun.cases if within is None else noun.cases & within
            for before in analysed[:head]:
                cases = frozenset().union(*(_agree(noun, r, cases) for r in before))
            if not cases:
                continue
            last = _adjective_run(analysed, head + 1, noun, cases)
            for after in analysed[head + 1 : last]:
                cases = frozenset().union(*(_agree(noun, r, cases) for r in after))
            forms = _forms(words, analysed, noun, cases, head, last) if cases else None
            if forms is None:
                continue
            plurals = _plural(noun)
            if last + 1 < len(words) and words[last] == "i":
                other = parse(words[last + 1 :], kind, cases)
                if other is not None and other.last == len(words) - last - 1:
                    forms, last = (*forms[: last + 1], *other.forms), len(words)
                    plurals += other.plurals
            # Most words agreeing first, then the likeliest reading of the head, then the singular
            # ("Prawa i Sprawiedliwości": "prawo" in the genitive, not "prawa" and a plural), then
            # the lemma simplemma, which learnt from corpora, gives ("Radzie": "rada", not "rad").
            usual = noun.word.casefold() == _usual_lemma(words[head])
            key = (-last, *_preference(noun, kind), plurals, not usual)
            if best is None or key < best[0]:
                best = key, Phrase(head, last, forms, plurals)
    return None if best is None else best[1]


def _forms(
    words: list[str],
    analysed: list[list[Reading]],
    noun: Reading,
    cases: frozenset[str],
    head: int,
    last: int,
) -> tuple[str, ...] | None:
    """Each word's normal form with ``noun`` heading ``words[:last]`` in one of ``cases``."""
    gender = min(noun.genders)
    # People ("Rosjanie", "Ukraińców", the recogniser's places now and then) count under the
    # dictionary's lemma, the singular, as simplemma had them; names keep their number ("Niemcy").
    people = _people(noun)
    if "nom" in cases and not people:
        return tuple(words)  # in the nominative already: as written ("Stany Zjednoczone")
    number = "sg" if people or "sg" in noun.numbers else "pl"
    forms = list(words)
    head_form = nominative(noun, number, gender)
    if head_form is None:
        return None
    forms[head] = _cased(head_form, words[head])
    for i in (*range(head), *range(head + 1, last)):
        agreeing = [r for r in analysed[i] if _agree(noun, r, cases)]
        generated = next((f for r in agreeing if (f := nominative(r, number, gender))), None)
        if generated is None:
            return None
        forms[i] = _cased(generated, words[i])
    return tuple(forms)


def _cased(form: str, written: str) -> str:
    return form[:1].upper() + form[1:] if written[:1].isupper() else form


def nominative(reading: Reading, number: str, gender: str) -> str | None:
    """The form of ``reading``'s lemma in the nominative of ``number`` and ``gender``, with the
    rest of its features kept (degree: "Najwyższej" -> "Najwyższa"; aspect, negation). Of two,
    the one that is a vocative too: an adjective's long form ("krzywy"), not its short one
    ("krzyw"), which names never take."""
    forms = [
        (form, "voc" not in tag[2].split("."))
        for form, tag in _paradigm(reading.lemma)
        if len(tag) == len(reading.tag)
        and tag[0] == reading.pos
        and number in tag[1].split(".")
        and "nom" in tag[2].split(".")
        and gender in {_gender(g) for g in tag[3].split(".")}
        and tag[4:] == reading.tag[4:]
    ]
    return min(forms, key=lambda f: f[1])[0] if forms else None


@functools.lru_cache(maxsize=16384)
def _paradigm(lemma: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    analyser = _analyser()
    generated = analyser.generate(lemma) if analyser is not None else []
    return tuple((form, tuple(tag.split(":"))) for form, _, tag, _, _ in generated)


def source_words(words: list[str], case: str = "gen") -> int:
    """How many of ``words``, the words after a lead that asks for ``case``, name the source: the
    run that can be in that case or the genitive ("resortu obrony narodowej", "ministra Jana
    Kowalskiego", "komunikatem ministerstwa", "danych GUS"), with names the dictionary does not
    know and acronyms, and "z" before a name ("z Uniwersytetu Gdańskiego"); not a preposition
    ("wyjaśnień SG do tej liczby"), nor the clause's subject after it ("Według resortu wydatki
    wzrosną", "Według ekspertów ceny wzrosną": "ceny" may be a genitive, but a verb follows
    it; "Według badań SARS-CoV-2 wykazuje ...")."""
    count = 0
    for i, word in enumerate(words):
        if word in ("z", "ze") and count and i + 1 < len(words) and words[i + 1][:1].isupper():
            count += 1  # "ekonomisty X z Uniwersytetu Gdańskiego": where the source works
            continue
        if word.isdigit() and count and words[i - 1][:1].isupper():
            count += 1  # a number in a name ("lidera Nowej Drogi 2030")
            continue
        analyses = _analyses(word)
        if analyses:
            fits = any(_in_case(tag, (case, "gen")) for _, tag, _, _ in analyses)
            subject = count and _nominative(analyses) and _predicate_follows(words, i + 1)
            # ... unless an adjective before it is its own ("Według tego zestawienia więcej ...")
            if not fits or _preposition(analyses) or (subject and not _modified(words[i - 1], word)):
                break
        elif not word[:1].isupper() or (count and i + 1 < len(words) and _is_verb(words[i + 1])):
            break
        count += 1
    return count


def _predicate_follows(words: list[str], i: int) -> bool:
    """Whether a verb comes next, after at most three more lowercase words that may be in the
    nominative with a subject ("ceny wzrosną", "dobra passa może", "stopy procentowe nie
    zmienią się") and words that go before a verb; a capitalised word is a name, no part of it."""
    for j in range(i, min(i + 4, len(words))):
        word = words[j]
        if _is_verb(word) or word in _BEFORE_VERB:
            return True
        if not word[:1].islower() or not _nominative(_analyses(word)):
            return False
    return False


def _in_case(tag: str, cases: tuple[str, ...]) -> bool:
    parts = tag.split(":")
    return parts[0] in _SOURCE_PARTS and len(parts) > 2 and bool(set(cases) & set(parts[2].split(".")))


def _nominative(analyses: Analyses) -> bool:
    return any(len(p := tag.split(":")) > 2 and "nom" in p[2].split(".") for _, tag, _, _ in analyses)


def _preposition(analyses: Analyses) -> bool:
    # "do" is a preposition, whatever the dictionary's musical note of that name
    return any(tag.startswith("prep") for _, tag, _, _ in analyses)


def _is_verb(word: str) -> bool:
    return any(tag.split(":")[0] in _VERBS for _, tag, _, _ in _analyses(word))


def _modified(before: str, word: str) -> bool:
    """Whether ``before`` can be an adjective in the genitive agreeing with ``word``, a noun; not
    a name's word ("Jana Kowalskiego wojska": "Kowalskiego" reads as an adjective too)."""
    if not before[:1].islower():
        return False
    nouns = [r for r in readings(word) if r.pos in _NOUN_LIKE and "gen" in r.cases]
    return any(_agree(n, a, frozenset({"gen"})) for n in nouns for a in readings(before))


def could_be_source(words: list[str], case: str = "gen", following: str = "") -> bool:
    """Whether ``words`` can all be a source in ``case``: each word has a reading in it or in the
    genitive and is no preposition, is unknown to the dictionary ("non-profit") or a name that
    is no place ("portalu Meduza", a name that is not inflected), or joins them ("danych z
    raportu ...", "Konfliktów i Środowiska"); not a place's name in another case ("resortu
    obrony Polska"), nor a name that the verb ``following`` the words has for its subject
    ("Według badań SARS-CoV-2 wykazuje ...")."""
    if words and not _analyses(words[-1]) and following and _is_verb(following):
        return False
    for word in words:
        analyses = _analyses(word)
        if word in ("z", "ze", "i", "oraz") or not analyses:
            continue
        if not _preposition(analyses) and any(_in_case(t, (case, "gen")) for _, t, _, _ in analyses):
            continue
        if not (word[:1].isupper() and place_of(word) is None):
            return False
    return True


# The endings of surnames declined as adjectives, and of foreign names declined as nouns, that
# the dictionary does not know: (ending, nominative ending, the cases and gender it shows).
_NAME_ENDINGS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("’a", "", ("gen", "acc"), "m1"),  # "Berkeley’a"
    ("'a", "", ("gen", "acc"), "m1"),
    ("kiego", "ki", ("gen", "acc"), "m1"),
    ("giego", "gi", ("gen", "acc"), "m1"),
    ("iego", "i", ("gen", "acc"), "m1"),
    ("nego", "ny", ("gen", "acc"), "m1"),
    ("kiemu", "ki", ("dat",), "m1"),
    ("iemu", "i", ("dat",), "m1"),
    ("kim", "ki", ("inst", "loc"), "m1"),
    ("owi", "", ("dat",), "m1"),
    ("kiem", "k", ("inst",), "m1"),
    ("giem", "g", ("inst",), "m1"),
    ("em", "", ("inst",), "m1"),
    ("skiej", "ska", ("gen", "dat", "loc"), "f"),
    ("ckiej", "cka", ("gen", "dat", "loc"), "f"),
    ("owej", "owa", ("gen", "dat", "loc"), "f"),
    ("ewej", "ewa", ("gen", "dat", "loc"), "f"),
    ("ską", "ska", ("acc", "inst"), "f"),
    ("cką", "cka", ("acc", "inst"), "f"),
    ("ową", "owa", ("acc", "inst"), "f"),
)
# Endings that other words end with too ("Salem", "Bethlehem"): telling in a name of two words.
_LOOSE_ENDINGS = ("kiem", "giem", "em")
# ... and of any foreign name once the phrase's case is known from another word ("Emmanuelem
# Macronem", "Borisa Johnsona", "Ałły Pugaczowej"): (ending, nominative ending, case, gender).
_CASE_ENDINGS: tuple[tuple[str, str, str, str], ...] = (
    ("a", "", "gen", "m1"),
    ("y", "a", "gen", "m1"),  # "Baracka Obamy"
    ("a", "", "acc", "m1"),
    ("ę", "a", "acc", "m1"),
    ("ą", "a", "inst", "m1"),
    ("y", "a", "gen", "f"),
    ("ę", "a", "acc", "f"),
    ("ą", "a", "inst", "f"),
)
# The case of a name to settle on when its words allow several, likeliest first.
_CASE_ORDER = ("nom", "gen", "acc", "inst", "dat", "loc")


def person(words: list[str]) -> str | None:
    """A person's name in the nominative ("Emmanuelem Macronem" -> "Emmanuel Macron", "Grety
    Thunberg" -> "Greta Thunberg", "Ałły Pugaczowej" -> "Ałła Pugaczowa"), or None where no word
    tells its case.

    A person's words share one case and gender: the dictionary's first names and surnames tell
    them (of a name in two words or more, the first word is read as a first name only: "Bonnie"
    is no form of the surname Bonna), and so do the endings of surnames declined as adjectives
    ("Zełenskiego"). A word the dictionary knows goes to its lemma, a foreign one loses the
    ending of that case ("Johnsona" -> "Johnson"); a name in the nominative, or in a case
    that none of its words shows, stays as written."""
    alone = len(words) == 1
    options = [_person_cases(word, first=i == 0 and not alone, alone=alone) for i, word in enumerate(words)]
    shown = [o for o in options if o is not None]
    common = frozenset.intersection(*shown) if shown else frozenset()
    if not common and len(shown) > 1 and options[0] is not None:
        # a first name that does not decline ("Otto von Bismarcka"): the other words tell
        rest = [o for o in options[1:] if o is not None]
        common = frozenset.intersection(*rest)
    if not common:
        return None
    if alone and len({case for case, _ in common}) > 1:
        # one word read in several cases ("Romana": Romana, or Roman's genitive): simplemma's lemma
        usual = _usual_lemma(words[0])
        likely = frozenset(
            c for c in common if any(r.word.casefold() == usual for r in _case_readings(words[0], *c))
        )
        common = likely or common
    if any(case == "nom" for case, _ in common):
        return " ".join(words)
    case, gender = min(common, key=lambda c: (_CASE_ORDER.index(c[0]) if c[0] in _CASE_ORDER else 9, c[1]))
    return " ".join(_person_word(word, case, gender) for word in words)


def _case_readings(word: str, case: str, gender: str) -> list[Reading]:
    return [r for r in _name_readings(word, first=False) if case in r.cases and gender in r.genders]


def common_name(words: list[str]) -> str | None:
    """A name whose words the dictionary knows, none as a person's, in the nominative as a place's
    ("Chrystusa" -> "Chrystus", "Watykanu" -> "Watykan", "Mierzeję Wiślaną" -> "Mierzeja
    Wiślana"), or None: what a recogniser took for a person may be anything."""
    if not all(_analyses(word) for word in words):
        return None
    phrase = parse(words, "LOC")
    return " ".join(phrase.forms) if phrase is not None and phrase.last == len(words) else None


def _name_readings(word: str, first: bool) -> list[Reading]:
    kinds = {"imię"} if first else {"imię", "nazwisko"}
    return [r for r in readings(word) if r.pos in _NOUNS and set(r.kinds) & kinds and "sg" in r.numbers]


def _person_cases(word: str, first: bool, alone: bool = False) -> frozenset[tuple[str, str]] | None:
    """The (case, gender) pairs that ``word`` may have in a person's name; None when it tells
    nothing (a foreign word without a telling ending, an initial). A name of one word tells by
    an ending only where that ending is a surname's ("Zełenskiego", "Orbanowi"; "Salem" is no
    instrumental)."""
    known = _name_readings(word, first)
    if known:
        return frozenset((c, g) for r in known for c in r.cases for g in r.genders)
    if not word[:1].isupper():
        return None  # "von", "de": no sign of the name's case
    for ending, _, cases, gender in _NAME_ENDINGS:
        if alone and ending in _LOOSE_ENDINGS:
            continue
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return frozenset((c, gender) for c in cases)
    return None  # a common word ("Prezydenta") or a foreign one without a telling ending


def _person_word(word: str, case: str, gender: str) -> str:
    known = [r for r in _name_readings(word, first=False) if case in r.cases and gender in r.genders]
    if known:
        # Of two first names, a Polish one, which the dictionary has as a surname too ("Jacka":
        # Jacek, not Jack; "Robertowi": Robert, not Roberto), then the one simplemma, which
        # learnt from corpora, gives.
        usual = _usual_lemma(word)
        best = min(known, key=lambda r: ("nazwisko" not in r.kinds, r.word.casefold() != usual))
        return _cased(best.word, word)
    for ending, replacement, cases, ending_gender in _NAME_ENDINGS:
        if (
            word.endswith(ending)
            and case in cases
            and gender == ending_gender
            and len(word) > len(ending) + 2
        ):
            return word[: -len(ending)] + replacement
    if _analyses(word):
        return common_name([word]) or word  # "Michała Anioła": a common word in a name
    for ending, replacement, ending_case, ending_gender in _CASE_ENDINGS:
        if (
            word.endswith(ending)
            and case == ending_case
            and gender == ending_gender
            and len(word) > len(ending) + 2
        ):
            return word[: -len(ending)] + replacement
    return word


# What a foreign surname may end with in another case than the nominative ("Camerona",
# "Muskowi", "Macronem", "Duginy" of "Dugina", "Draghiego" of "Draghi").
_SURNAME_ENDINGS = ("a", "u", "owi", "em", "ie", "y", "ą", "ę", "ego", "emu", "m", "’a", "'a")


def is_people(word: str) -> bool:
    """Whether ``word`` names a people or the people of a place ("Rosjanin", "Ukraińcy",
    "Francuz"): a common noun of persons that the dictionary writes capitalised, and no place
    ("Niemcy" is Germany too)."""
    known = readings(word)
    return any(
        r.kinds == ("nazwa_pospolita",) and r.word[:1].isupper() and "m1" in r.genders for r in known
    ) and not any("nazwa_geograficzna" in r.kinds for r in known)


def surname_of(word: str, surnames: set[str]) -> str | None:
    """The surname, of ``surnames`` (the last words of the article's fuller names), that
    ``word`` is a form of ("Camerona" beside "David Cameron", "Duginy" beside "Daria Dugina"),
    or None."""
    for ending in _SURNAME_ENDINGS:
        if not word.endswith(ending) or len(word) <= len(ending) + 2:
            continue
        stem = word[: -len(ending)]
        for surname in surnames:
            if surname == stem or (surname[:-1] == stem and surname[-1:] in "aeiy"):
                return surname
    return None
