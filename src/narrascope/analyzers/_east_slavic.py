"""East Slavic names: Ukrainian names in the nominative, and organisations that a recogniser
cut short made whole in Ukrainian and Russian, by pymorphy3 and its dictionaries (VESUM for
Ukrainian, the community's dictionary packaged as ``pymorphy3-dicts-uk``; OpenCorpora for
Russian).

Lemmatising word by word, as simplemma does, reads a name's words apart: "Руслан Стефанчук"
became "Руслана Стефанчук" (the plural genitive of another name), "Валерія Залужного"
"Валерія Залужний", "Верховної Ради" "Верховний Ради". Here a person's words are put in the
case and gender that they share ("Валерія Залужного": both masculine genitive, so "Валерій
Залужний", not the woman's name Валерія), and a place's or organisation's name is parsed as a
phrase: the adjectives before its first noun agree with it, and all of them go into the
nominative of its number and gender ("Верховної Ради" -> "Верховна Рада", "Сполучених Штатах"
-> "Сполучені Штати"), while the words after the noun stay as they are, because they are its
genitive modifiers ("Служби безпеки України" -> "Служба безпеки України").

The same readings mend names cut short (:func:`organisations`). Ukrainian writes an
organisation's name with one capital ("Міністерство фінансів України", "Кабінет міністрів"),
and the entity head, which learned from capitals, stops at the first word; natasha splits
"Министерство обороны России" into an organisation and a place, which made the ministries of
Russia and of Ukraine one "Министерство обороны" in every count.

Without the dictionaries installed, :func:`available` is false and the caller keeps its own rules.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import Any

from narrascope.analyzers._name_endings import (
    CASE_TAGS,
    TAGGED_CASES,
    fleeting_vowel_stem,
    masculine_nominative,
    spelled_as,
)
from narrascope.analyzers._places import place_of
from narrascope.models import pinned

#: (start, end, kind, attrs) of each entity, as the recognisers give them.
Found = list[tuple[int, int, str, dict[str, Any]]]

__all__ = [
    "available",
    "coordinated_regions",
    "given_name_gender",
    "never_a_name",
    "organisations",
    "person",
    "phrase",
    "place",
    "russian_person",
    "speaker_phrase",
    "superlative",
]

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")  # tried in this order
_PERSON = frozenset({"Name", "Surn", "Patr"})
_PROPER = frozenset({*_PERSON, "Geox", "Orgn", "Trad", "Abbr"})
_ADJECTIVES = ("ADJF", "PRTF")
_NAMES_NOTHING = frozenset(
    {"ADVB", "CONJ", "PRCL", "PREP", "INTJ", "VERB", "INFN", "GRND", "PRED", "NPRO", "COMP"}
)


def _analyser(language: str) -> Any | None:
    return pinned.morphology(language)


def available(language: str = "uk") -> bool:
    """Whether pymorphy3 and its dictionary of ``language`` ("uk" or "ru") are installed."""
    return _analyser(language) is not None


@functools.lru_cache(maxsize=100_000)
def _parses(word: str, language: str = "uk") -> tuple[Any, ...]:
    """The dictionary's readings of ``word``, remembered: the rules ask about one word many
    times, and a corpus repeats its names."""
    analyser = _analyser(language)
    return () if analyser is None else tuple(analyser.parse(word))


def given_name_gender(word: str, language: str) -> str | None:
    """ "woman" or "man" for a given name in the nominative that the dictionary knows as one
    gender's only ("Ксения", "Михаил"; not "Саша", both); None for any other word."""
    genders = {
        parse.tag.gender
        for parse in _parses(word, language)
        if "Name" in parse.tag.grammemes and parse.tag.case == "nomn"
    }
    return {"femn": "woman", "masc": "man"}.get(genders.pop()) if len(genders) == 1 else None


def _is_person(parse: Any) -> bool:
    return bool(_PERSON & set(parse.tag.grammemes))


def _cased(form: str, written: str) -> str | None:
    """``form`` with the capitals of ``written`` (each part of a hyphenated name its own), or
    None where it is no form of the same word: a lemma whose first letters differ."""
    stem = min(len(form), len(written), 3) - 1
    if stem < 1 or form[:stem].lower() != written[:stem].lower():
        return None
    parts, written_parts = form.split("-"), written.split("-")
    if len(parts) != len(written_parts):
        return form[:1].upper() + form[1:] if written[:1].isupper() else form
    return "-".join(
        p[:1].upper() + p[1:] if w[:1].isupper() else p for p, w in zip(parts, written_parts, strict=True)
    )


def _nominative(parse: Any, written: str) -> str:
    """The nominative of ``parse``, in its number (and gender), cased as ``written``; the
    word as written where the dictionary has no such form."""
    if "Fixd" in parse.tag.grammemes or parse.tag.case == "nomn":
        return written
    form = parse.inflect({"nomn"})
    cased = None if form is None else _cased(form.word, written)
    return written if cased is None else cased


def superlative(written: str, normal: str, language: str = "ru") -> str:
    """``normal``, a recogniser's nominative of ``written``, unless ``written`` is a superlative:
    the dictionary puts those in the lexeme of the positive, and the first nominative of it is
    another word ("Высшей" -> "Высочайшая"); then the nominative of the same gender and number
    as ``normal`` that shares the most letters with ``written`` ("Высшая", "Высший")."""
    wanted = [(p.tag.number, p.tag.gender) for p in _parses(normal, language) if p.tag.case == "nomn"]
    for p in _parses(written, language):
        if "Supr" not in p.tag.grammemes:
            continue
        number_gender = wanted[0] if wanted else (p.tag.number, p.tag.gender)
        forms = [
            f.word
            for f in p.lexeme
            if "Supr" in f.tag.grammemes
            and f.tag.case == "nomn"
            and (f.tag.number, f.tag.gender) == number_gender
        ]
        if forms:
            shared = max(forms, key=lambda f: (_shared_start(f, written.lower()), -len(f)))
            return _cased(shared, written) or normal
    return normal


def place(written: str, language: str = "ru") -> str | None:
    """The nominative of a place's name in one word that the dictionary knows as a place in
    another case, and as nothing else ("Нидерландов" -> "Нидерланды"); None otherwise."""
    readings = _parses(written, language)
    if not readings or not all("Geox" in p.tag.grammemes for p in readings):
        return None
    nominative = readings[0].normal_form
    return None if nominative == written.lower() else _cased(nominative, written)


def _shared_start(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` share at their start."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def person(words: list[str]) -> str | None:
    """A Ukrainian person's name in the nominative: each word read in the case and gender that the most
    words share as a first name, surname or patronymic (then as any noun or adjective:
    "Зеленського"), the nominative first; a word the dictionary has no such reading of, in a
    man's name, by the ending of that case ("Томаса Кіна" -> "Томас Кін"); None where no
    word is known to be part of a name."""
    # one person: no plural readings ("Юлії" is also the plural of Юлій)
    readings = [
        [p for p in _parses(w) if p.tag.POS in ("NOUN", *_ADJECTIVES) and p.tag.number != "plur"]
        for w in words
    ]
    best: tuple[int, int, int] | None = None
    chosen: list[Any | None] = []
    shape = ("masc", "nomn")  # the gender and case of the best reading
    for gender in ("masc", "femn"):
        for order, case in enumerate(_CASES):
            picks = []
            for options in readings:
                fits = [p for p in options if p.tag.case == case and p.tag.gender in (gender, None)]
                named = [p for p in fits if _is_person(p)]
                picks.append((named or fits or [None])[0])
            score = (
                sum(p is not None and _is_person(p) for p in picks),
                sum(p is not None for p in picks),
                -order,
            )
            if best is None or score > best:
                best, chosen, shape = score, picks, (gender, case)
    if best is None or best[0] == 0:
        return None
    gender, case = shape
    out = []
    for word, pick in zip(words, chosen, strict=True):
        form = word if pick is None else _nominative(pick, word)
        # a man's name that the dictionary does not know or cannot inflect, in the case of the
        # words it does
        declinable = pick is None or "Fixd" not in pick.tag.grammemes
        if form == word and declinable and gender == "masc" and case in CASE_TAGS and word.istitle():
            form = masculine_nominative(word, CASE_TAGS[case], "uk") or word
        out.append(form)
    return " ".join(out)


def russian_person(
    words: list[str],
    normals: list[str],
    tags: list[tuple[str, dict[str, str]]],
    nominatives: frozenset[str] = frozenset(),
) -> list[str]:
    """A Russian person's name in the nominative, word by word: natasha's ``normals``, except
    the words it left in a man's oblique case because its dictionary has no nominative that
    fits (foreign names: "Найджела Бромфилда" came out "Найджела Бромфилд", "Ларсу Экхольму"
    "Ларс Экхольму"). ``tags`` are natasha's part of speech and features of each word. Such a
    word takes the dictionary's reading as a man's name in an oblique case (the tagged case
    first), or as a woman's in the tagged case ("Петра Лады": the genitive of Лада, which
    declines alike for both), or else, a proper noun, the nominative of its ending in the
    tagged case (:func:`~narrascope.analyzers._name_endings.masculine_nominative`), unless the dictionary knows it as a woman's name
    only, or another word is tagged a woman's. A word in ``nominatives``, the article's words
    tagged as a name's nominative elsewhere, stays as written: the article knows its
    nominative ("Мчедлава" tagged a genitive once). A foreign name gets no vowel that is not
    there ("Шольца" -> "Шольц", not "Шолец")."""
    out = []
    woman = any(feats.get("Gender") == "Fem" for _, feats in tags)  # "Ирину Сомову"
    # The case of the words natasha did put in the nominative, which the others share: the
    # tagger reads a foreign surname after a first name as a nominative ("Ларсу Экхольму").
    shared = next(
        (
            feats["Case"]
            for word, normal, (_, feats) in zip(words, normals, tags, strict=True)
            if normal.lower() != word.lower() and feats.get("Case") in TAGGED_CASES
        ),
        None,
    )
    for word, normal, (pos, feats) in zip(words, normals, tags, strict=True):
        stem = fleeting_vowel_stem(word, normal)
        if stem is not None and not any(p.is_known for p in _parses(word, "ru")):
            normal = stem  # a Russian word of that shape is in the dictionary ("Стрельца")
        case = feats.get("Case", "Nom")
        if case == "Nom" and shared is not None:
            case = shared
        if (
            normal.lower() == word.lower()
            and case in TAGGED_CASES
            and feats.get("Gender") == "Masc"
            and feats.get("Number") != "Plur"
            and word[:1].isupper()
            and word not in nominatives
            and not woman
        ):
            out.append(spelled_as(_masculine_name(word, case, pos == "PROPN") or normal, word))
        else:
            out.append(normal)
    return out


def _masculine_name(word: str, case: str, proper: bool) -> str | None:
    """The nominative of ``word``, tagged a man's name in ``case`` (see :func:`russian_person`)."""
    tagged = TAGGED_CASES[case]
    known = [p for p in _parses(word, "ru") if _is_person(p) and p.tag.number != "plur" and p.is_known]
    named = sorted(
        (p for p in known if p.tag.case != "nomn"),
        key=lambda p: (p.tag.gender != "masc", p.tag.case != tagged),
    )
    if named and (named[0].tag.gender == "masc" or named[0].tag.case == tagged):
        return _nominative(named[0], word)
    if known and all(p.tag.gender == "femn" for p in known):
        return None  # a woman's name mistagged ("Ольгу" as a man's dative)
    return masculine_nominative(word, case) if proper and word.isalpha() else None


def _agrees(adjective: Any, noun: Any) -> bool:
    a, n = adjective.tag, noun.tag
    if a.case != n.case or (a.number or "sing") != (n.number or "sing"):
        return False
    return (n.number or "sing") == "plur" or a.gender in (None, n.gender)


def _head(words: list[str], language: str = "uk") -> int:
    """The index of the first word that can be a noun after adjectives only (``len(words)``
    where there is none): a word that can be either ("Рада") heads the name itself."""
    head = 0
    while head < len(words) and any(p.tag.POS in _ADJECTIVES for p in _parses(words[head], language)):
        if any(p.tag.POS == "NOUN" for p in _parses(words[head], language)):
            break
        head += 1
    return head


def phrase(words: list[str], kind: str, plural: bool = False) -> str | None:
    """A Ukrainian place's or organisation's name in the nominative: the adjectives before its
    first noun and that noun, in the case, number and gender they agree in (singular readings
    of the noun first, unless the name is the subject of a ``plural`` verb, and for places and
    organisations not a person's name: "Києві" is Київ, not Кий); the rest as written. None
    where the name does not open with such a phrase."""
    head = _head(words)
    if head == len(words) or (len(words[head]) > 1 and words[head].isupper()):
        return None  # no noun, or an acronym, which does not decline ("НАТО")
    nouns = [p for p in _parses(words[head]) if p.tag.POS == "NOUN"]
    # not a person's name for a place's, a singular before a plural, a nominative first ("Рада"
    # is рада; "рад" in the genitive is a unit of radiation)
    nouns.sort(
        key=lambda p: (
            _is_person(p) and kind != "PER",
            (p.tag.number == "plur") != plural,
            p.tag.case != "nomn",
        )
    )
    found: list[str] = []
    for noun in nouns:
        adjectives = []
        for word in words[:head]:
            fitting = [p for p in _parses(word) if p.tag.POS in _ADJECTIVES and _agrees(p, noun)]
            if not fitting:
                break
            adjectives.append(fitting[0])
        if len(adjectives) == head:
            forms = [_nominative(p, w) for p, w in zip([*adjectives, noun], words, strict=False)]
            found.append(" ".join([*forms, *words[head + 1 :]]))
    # a place's reading that GeoNames knows first: "Суми" is the city, not the plural of "сума"
    known = [name for name in found if kind == "LOC" and place_of(name) is not None]
    return (known or found)[0] if found else None


def never_a_name(word: str, language: str) -> bool:
    """Whether every reading of ``word`` in the dictionary is of a part of speech that names
    nothing: an adverb, a conjunction, a particle, a verb ("Торік", "Однако" opening a
    sentence); False for a word the dictionary guesses at, or that may be a noun or an
    adjective."""
    parses = _parses(word, language)
    return bool(parses) and all(p.is_known and p.tag.POS in _NAMES_NOTHING for p in parses)


def speaker_phrase(words: list[str], language: str, case: str = "nomn") -> str | None:
    """Words that name a speaker by what they are ("экспертов", "военного эксперта",
    "пресс-службе мэрии") in the nominative, in their number: the adjectives before the first
    noun and that noun; the rest as written. Unlike :func:`phrase`, a word that is both an
    adjective and a noun ("военного") is the adjective of a noun after it that it agrees with,
    and a person's noun comes first ("политика" is the politician's genitive, not politics);
    a common noun that opens a sentence loses its capital ("Эксперты" -> "эксперты").
    Readings in ``case``, the case the sentence puts the speaker in, come next (the locative
    after "в", where "администрации" is no plural). None where the words open with a
    preposition or a conjunction ("После этого ..."), or with no noun."""
    parses = [_parses(word, language) for word in words]
    if not parses or any(p.tag.POS in ("PREP", "CONJ") for p in parses[0]):
        return None
    for head, options in enumerate(parses):
        nouns = [p for p in options if p.tag.POS == "NOUN"]
        following = parses[head + 1] if head + 1 < len(parses) else ()
        modifies = any(
            _agrees(a, n)
            for a in options
            if a.tag.POS in _ADJECTIVES
            for n in following
            if n.tag.POS == "NOUN"
        )
        if nouns and not modifies:
            break
        if not any(p.tag.POS in _ADJECTIVES for p in options):
            return None
    else:
        return None
    # a person's reading first, then one in the sentence's case, then a nominative one
    nouns.sort(key=lambda p: ("anim" not in p.tag, p.tag.case != case, p.tag.case != "nomn"))
    for noun in nouns:
        adjectives = []
        for word, options in zip(words[:head], parses[:head], strict=True):
            fitting = [p for p in options if p.tag.POS in _ADJECTIVES and _agrees(p, noun)]
            if not fitting:
                break
            adjectives.append(_nominative(fitting[0], word))
        if len(adjectives) == head:
            phrase = [*adjectives, _nominative(noun, words[head]), *words[head + 1 :]]
            first = phrase[0]
            if first[1:].islower() and not any(_PROPER & set(p.tag.grammemes) for p in parses[0]):
                phrase[0] = first[:1].lower() + first[1:]  # a sentence's capital, no name's
            return " ".join(phrase)
    return None


# The nouns that head an organisation's name (lemmas): "Міністерство", "Кабінет", "Служба".
_INSTITUTIONS = {
    "uk": frozenset((
        "агентство", "академія", "адміністрація", "альянс", "асоціація", "банк", "бюро", "гвардія",
        "департамент", "дума", "інспекція", "інститут", "кабінет", "комісія", "комітет",
        "командування", "компанія", "конгрес", "консульство", "корпорація", "міністерство",
        "міськрада", "об'єднання", "організація", "офіс", "палата", "парламент", "партія",
        "поліція", "посольство", "представництво", "прокуратура", "рада", "розвідка", "рух", "сенат",
        "сила", "служба", "спілка", "союз", "суд", "товариство", "трибунал", "уряд", "управління",
        "університет", "федерація", "фонд", "фундація", "центр", "штаб",
    )),
    "ru": frozenset((
        "агентство", "академия", "администрация", "альянс", "ассоциация", "банк", "бюро", "ведомство",
        "гвардия", "департамент", "дума", "инспекция", "институт", "кабинет", "комиссия", "комитет",
        "командование", "компания", "конгресс", "консульство", "корпорация", "министерство",
        "объединение", "организация", "офис", "палата", "парламент", "партия", "полиция",
        "посольство", "правительство", "представительство", "прокуратура", "разведка", "сенат",
        "сила", "служба", "совет", "союз", "суд", "общество", "трибунал", "управление",
        "университет", "федерация", "фонд", "центр", "штаб",
    )),
}  # fmt: skip
_PREFIXES = {language: frozenset(lemma[:4] for lemma in lemmas) for language, lemmas in _INSTITUTIONS.items()}
# Words of time, whose genitive follows a name without being part of it ("минулого тижня"),
# and the words that point at one.
_TIME = {
    "uk": frozenset((
        "рік", "місяць", "тиждень", "день", "ніч", "ранок", "вечір", "час", "період", "квартал",
        "століття", "сезон", "минулий", "цей", "наступний", "поточний", "той",
    )),
    "ru": frozenset((
        "год", "месяц", "неделя", "день", "ночь", "утро", "вечер", "время", "период", "квартал",
        "век", "сезон", "прошлый", "этот", "следующий", "текущий", "тот",
    )),
}  # fmt: skip
# Parts of speech that no name's genitive words take: conjunctions, prepositions, particles,
# and verbs ("Следственного комитета прибыли": arrived, not "of profit").
_FUNCTION = ("CONJ", "PREP", "PRCL", "INTJ", "NPRO", "INFN")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# The word right before a position, with only spaces between.
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*) +$")
_TAIL_WORDS = 4  # genitive words after the head at most: "Інституту енергетичних досліджень"


def _institution_near(text: str, start: int, language: str) -> bool:
    """Whether the word at ``start`` or one of the three after it may be an institution, by its
    first letters: most capitalised words open no organisation's name, and reading each in
    the dictionary cost a Russian article 35 ms."""
    prefixes = _PREFIXES[language]
    words = itertools.islice(_WORD.finditer(text, start, start + 120), 4)
    return any(w.group()[:4].lower() in prefixes for w in words)


def _institution(word: str, language: str) -> bool:
    return any(
        p.tag.POS == "NOUN" and p.normal_form in _INSTITUTIONS[language] for p in _parses(word, language)
    )


def _genitive(word: str, language: str) -> tuple[bool, bool]:
    """(whether ``word`` can be a genitive modifier of a name, whether as a noun)."""
    every = _parses(word, language)
    parses = [p for p in every if p.tag.case == "gent" and p.tag.POS in ("NOUN", *_ADJECTIVES)]
    if (
        any(p.normal_form in _TIME[language] for p in parses)
        or any(p.tag.POS in _FUNCTION or "Apro" in p.tag.grammemes for p in every)
        or any(p.tag.POS == "VERB" and p.tag.mood != "impr" for p in every)
    ):
        # "и", "та" are also letters' names, which decline; "своих" is a pronoun; "прибыли" a
        # verb (but "оборони" is a noun more often than an imperative)
        return False, False
    return bool(parses), any(p.tag.POS == "NOUN" for p in parses)


def _tail(text: str, end: int, found: dict[int, tuple[int, str]], people: set[int], language: str) -> int:
    """Where the genitive words after a name's head, from ``end``, stop: lower-case words up to
    a noun, then perhaps one place, which ends the name ("Совет Безопасности РФ", "Верховный суд
    США", not "... США решения"): one that the recognisers found (``found``: start -> end,
    kind) or that :func:`_capital_part` allows. Another organisation is a name of its own
    ("Институт США и Канады" + "РАН"), and so is a person; all on one line."""
    new_end, at = end, end
    for _ in range(_TAIL_WORDS):
        word = _WORD.match(text, at + 1) if text[at : at + 1] == " " else None
        if word is None or word.start() in people:
            break
        genitive, noun = _genitive(word.group(), language)
        if not genitive:
            break
        if word.group()[:1].isupper():
            other, kind = found.get(word.start(), (0, ""))
            if (
                kind == "LOC"
                or _place(word.group(), language)
                or (not kind and _capital_part(word.group(), language))
            ):
                return other or word.end()
            break
        at = word.end()
        if noun:
            new_end = at
    return new_end


def _place(word: str, language: str) -> bool:
    """Whether ``word`` is a form of a place that GeoNames knows ("України", "России"), whatever
    a recogniser took it for."""
    for noun in _parses(word, language):
        form = noun.inflect({"nomn"}) if noun.tag.POS == "NOUN" and noun.tag.case == "gent" else None
        if form is not None and place_of(form.word.capitalize()) is not None:
            return True
    return False


def _capital_part(word: str, language: str) -> bool:
    """Whether a capitalised ``word`` that no recogniser took may end an organisation's name:
    a common noun ("Офісу Президента"), not a person's name ("Офіс Зеленського")."""
    nouns = [p for p in _parses(word, language) if p.tag.POS == "NOUN" and p.tag.case == "gent"]
    return bool(nouns) and not any(_is_person(p) or "Geox" in p.tag.grammemes for p in nouns)


def _adjective_led(text: str, start: int) -> int | None:
    """The end of a Ukrainian name that opens at ``start`` with a capitalised adjective, and
    whose noun, after at most two more adjectives in lower case, is an institution's that they
    agree with ("Львівської міської ради", "Європейського інвестиційного банку"); None otherwise."""
    words: list[str] = []
    end = start
    for word in _WORD.finditer(text, start):
        if words and (text[word.start() - 1] != " " or word.start() - 1 != end):
            break
        if words and word.group()[:1].isupper():
            return None  # another capital: not a name written with one
        words.append(word.group())
        end = word.end()
        if _head(words) == len(words) - 1:  # the first word that can be a noun
            agrees = len(words) > 1 and _institution(words[-1], "uk") and phrase(words, "ORG") is not None
            return end if agrees else None
        if len(words) == 3:
            break
    return None


# A capitalised word, where an organisation's name may open.
_CAPITAL = {
    "uk": re.compile(r"(?<![\w'’-])[А-ЩЬЮЯҐЄІЇ][\w'’-]*"),
    "ru": re.compile(r"(?<![\w'’-])[А-ЯЁ][\w'’-]*"),
}


def _grown(
    text: str,
    start: int,
    end: int,
    label: str,
    names: dict[int, tuple[int, str]],
    people: set[int],
    language: str,
) -> int | None:
    """The new end of the name that the recognisers found at ``start:end`` (of kind ``label``),
    or of the capitalised word there that they did not take (no ``label``, Ukrainian only);
    None where it stays as it is."""
    led = _adjective_led(text, start) if language == "uk" else None
    if led is not None and led >= end:
        new_end = _tail(text, led, names, people, language)
        return None if label == "ORG" and new_end == end else new_end
    words = text[start:end].split()
    head = _head(words, language)
    if label == "LOC" or head == len(words) or not _institution(words[head], language):
        return None
    new_end = _tail(text, end, names, people, language)
    if new_end == end or (not label and not text[end + 1 : end + 2].isupper()):
        # a capitalised institution that no recogniser took names an organisation only with a
        # name after it ("Уряд Польщі", not "Центр міста" at a sentence's start)
        return None
    return new_end


def organisations(text: str, found: Found, language: str = "uk") -> Found:
    """Organisations that a recogniser cut short, made whole: one headed by an institution
    takes the genitive words after it ("Міністерство" + "фінансів" + "України", "Служба
    безпеки" + "України", "Министерство обороны" + "России"), but no words of time ("Пентагон
    минулого тижня"). In Ukrainian also a capitalised adjective that agrees with an institution
    after it opens one ("Європейського інвестиційного банку", "Львівської міської ради"),
    whatever the head made of the adjective or where it found nothing, and so does an
    institution with a name after it that the head missed ("Уряд Польщі"; in Russian too,
    "Правительство Германии"). The names inside
    one that grew are dropped; no person is taken in. The normal form is the whole name's
    (Ukrainian, :func:`phrase`), or the found part's with the words after it as written
    (Russian: natasha's normal form, "Министерства обороны России" -> "Министерство обороны
    России")."""
    spans = sorted(found, key=lambda f: f[0])
    candidates = {s: (e, label, attrs) for s, e, label, attrs in spans if label in ("ORG", "LOC")}
    starts = [s for s, *_ in spans]
    for m in _CAPITAL[language].finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        inside = i >= 0 and spans[i][1] > m.start()
        if not inside and _institution_near(text, m.start(), language):
            # no recogniser found it: the rule did ("Уряд Польщі", "Правительство Германии")
            candidates.setdefault(
                m.start(), (m.end(), "", {"recogniser": "institution", "source_label": "ORG"})
            )
    names = {s: (e, label) for s, e, label, _ in spans if label in ("ORG", "LOC")}
    people = {s for s, _, label, _ in spans if label == "PER"}
    grown: list[tuple[int, int, int, dict[str, Any]]] = []
    covered = -1
    for start in sorted(candidates):
        end, label, attrs = candidates[start]
        new_end = None if start < covered else _grown(text, start, end, label, names, people, language)
        if new_end is not None:
            grown.append((start, end, new_end, attrs))
            covered = new_end
    out: Found = [f for f in found if all(f[1] <= s or f[0] >= e for s, _, e, _ in grown)]
    for start, end, new_end, attrs in grown:
        if language == "uk":
            normal = phrase(text[start:new_end].split(), "ORG") or text[start:new_end]
        else:  # natasha's normal form of what it found, or the institution's lemma
            first = attrs.get("normal") or _nominative(_parses(text[start:end], language)[0], text[start:end])
            normal = f"{first}{text[end:new_end]}"
        out.append((start, new_end, "ORG", {**attrs, "normal": normal}))
    if language == "uk":
        out = [_plural_subject(text, f) for f in out]
    return sorted(out, key=lambda f: f[0])


def _plural_subject(
    text: str, entity: tuple[int, int, str, dict[str, Any]]
) -> tuple[int, int, str, dict[str, Any]]:
    """A Ukrainian place or organisation that a plural verb follows, read as its subject: in
    the nominative plural ("Сили оборони України утримують" -> "Сили оборони України", which
    alone reads as the genitive singular "Сила")."""
    start, end, label, attrs = entity
    verb = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)  # a window: no scan from the text's start
    if label not in ("ORG", "LOC") or verb is None:
        return entity
    if before is not None and any(p.tag.POS == "NOUN" for p in _parses(before.group(1))):
        return entity  # "Депутати Ради проголосували": the subject is the noun before
    if not any(p.tag.POS == "VERB" and p.tag.number == "plur" for p in _parses(verb.group())):
        return entity
    normal = phrase(text[start:end].split(), label, plural=True)
    return entity if normal is None else (start, end, label, {**attrs, "normal": normal})


# The words that join the adjectives of names sharing one plural head ("Тверской и
# Смоленской областях", "Тульская, Калужская области", "Вінницькій та Житомирській").
_CONJUNCT_BEFORE = re.compile(
    r"([^\W\d_][\w-]*)(?:\s*,\s*|\s+(?:и|или|либо|а также|і|й|та|або|а також)\s+|\s*,\s*(?:а также|а також)\s+)$"
)


def _singular_form(parse: Any, gender: str | None = None) -> Any | None:
    """The nominative singular form of ``parse``'s word (of ``gender`` for an adjective). Searched
    in its lexeme: the Ukrainian dictionary marks no singular, so ``inflect({"sing"})`` fails."""
    for form in parse.lexeme:
        tag = form.tag
        if (
            tag.case == "nomn"
            and (tag.number or "sing") == "sing"
            and (gender is None or tag.gender == gender)
        ):
            return form
    return None


def _singular(parse: Any, written: str, gender: str) -> str | None:
    """The nominative singular of an adjective or noun, in ``gender``, cased as written."""
    form = _singular_form(parse, gender if parse.tag.POS in _ADJECTIVES else None)
    return None if form is None else _cased(form.word, written)


def _shared_head(words: list[str], language: str) -> tuple[list[str], Any] | None:
    """The nominative singular of a name whose singular adjective stands before a plural
    noun ("Смоленской областях" -> "Смоленская область"), the mark of adjectives coordinated
    over one head, and that noun's reading; None for any other name."""
    if len(words) < 2:
        return None
    head = next(
        (
            i
            for i, w in enumerate(words)
            if i
            and not w.isupper()  # an acronym, which does not decline ("Узбекская ССР")
            and any(p.tag.POS == "NOUN" and p.tag.number == "plur" for p in _parses(w, language))
        ),
        None,
    )
    if head is None:
        return None
    for noun in (p for p in _parses(words[head], language) if p.tag.POS == "NOUN" and p.tag.number == "plur"):
        gender, case = _gender(noun), noun.tag.case
        first = _singular_agreeing(words[0], gender, case, language)
        if gender is None or not first:
            continue
        adjectives = [first[0]]
        for word in words[1:head]:  # "Луганской Народных Республик": the later ones agree with the plural
            fitting = [p for p in _parses(word, language) if p.tag.POS in _ADJECTIVES and p.tag.case == case]
            if not fitting:
                break
            adjectives.append(fitting[0])
        if len(adjectives) != head:
            continue
        forms = [_singular(p, w, gender) for p, w in zip([*adjectives, noun], words, strict=False)]
        if all(forms):
            return [str(f) for f in forms] + words[head + 1 :], noun
    return None


def _gender(noun: Any) -> str | None:
    """A noun's gender, from its singular where the plural has none (the Ukrainian dictionary)."""
    if noun.tag.gender is not None:
        return str(noun.tag.gender)
    singular = _singular_form(noun)
    return None if singular is None or singular.tag.gender is None else str(singular.tag.gender)


def _singular_agreeing(word: str, gender: str | None, case: str | None, language: str) -> list[Any]:
    """The readings of ``word`` as a singular adjective of ``gender`` in ``case`` (a Ukrainian
    adjective's reading has no number: its gender says it is singular)."""
    return [
        p
        for p in _parses(word, language)
        if p.tag.POS in _ADJECTIVES
        and (p.tag.number or "sing") == "sing"
        and (p.tag.gender, p.tag.case) == (gender, case)
    ]


def coordinated_regions(text: str, found: Found, language: str = "ru") -> Found:
    """Names that share one plural head with the adjectives before them, each in its own
    nominative singular: in "в Тверской и Смоленской областях" the recogniser finds
    "Тверской" (normal "Тверская") and "Смоленской областях" (natasha's normal "Смоленская
    области", a singular adjective on a plural noun); these become "Тверская область" and
    "Смоленская область", the names an article writes when it names one, so that a corpus
    counts one region once. A capitalised adjective so coordinated that no recogniser found is
    added, of the head name's kind. Only where such an adjective stands before the name: a
    plural head alone ("Народных республик") stays as found."""
    out = list(found)
    by_span = {(s, e): i for i, (s, e, _, _) in enumerate(out)}
    for start, end, label, attrs in found:
        if label not in ("LOC", "ORG"):
            continue
        before = _CONJUNCT_BEFORE.search(text, max(0, start - 80), start)
        if before is None:
            continue
        words = text[start:end].split()
        shared = _shared_head(words, language)
        if shared is None:
            continue
        normal_words, noun = shared
        i = by_span[(start, end)]
        out[i] = (start, end, label, {**attrs, "normal": " ".join(normal_words)})
        while before is not None:
            word = before.group(1)
            gender = _gender(noun)
            readings = _singular_agreeing(word, gender, noun.tag.case, language)
            if gender is None or not readings or not word[:1].isupper():
                break
            adjective = _singular(readings[0], word, gender)
            if adjective is None:
                break
            span = (before.start(1), before.end(1))
            normal = " ".join([adjective, *normal_words[1:]])
            if span in by_span:
                s, e, kind, its = out[by_span[span]]
                out[by_span[span]] = (s, e, kind, {**its, "normal": normal})
            elif not any(s < span[1] and span[0] < e for s, e, _, _ in out):
                by_span[span] = len(out)
                out.append(
                    (*span, label, {"normal": normal, "source_label": label, "recogniser": "coordination"})
                )
            else:
                break
            before = _CONJUNCT_BEFORE.search(text, max(0, span[0] - 80), span[0])
    return sorted(out, key=lambda f: f[0])
