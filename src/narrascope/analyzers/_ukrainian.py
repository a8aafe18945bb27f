"""Ukrainian names in the nominative, by pymorphy3 and its Ukrainian dictionary (VESUM, the
dictionary of the Ukrainian NLP community, packaged as ``pymorphy3-dicts-uk``).

Lemmatising word by word, as simplemma does, reads a name's words apart: "Руслан Стефанчук"
became "Руслана Стефанчук" (the plural genitive of another name), "Валерія Залужного"
"Валерія Залужний", "Верховної Ради" "Верховний Ради". Here a person's words are put in the
case and gender that they share ("Валерія Залужного": both masculine genitive, so "Валерій
Залужний", not the woman's name Валерія), and a place's or organisation's name is parsed as a
phrase: the adjectives before its first noun agree with it, and all of them go into the
nominative of its number and gender ("Верховної Ради" -> "Верховна Рада", "Сполучених Штатах"
-> "Сполучені Штати"), while the words after the noun stay as they are, because they are its
genitive modifiers ("Служби безпеки України" -> "Служба безпеки України").

Without the dictionary installed, :func:`available` is false and the caller keeps its own rules.
"""

from __future__ import annotations

import functools
from typing import Any

from narrascope.analyzers._places import place_of

__all__ = ["available", "person", "phrase"]

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")  # tried in this order
_PERSON = frozenset({"Name", "Surn", "Patr"})
_ADJECTIVES = ("ADJF", "PRTF")


@functools.cache
def _analyser() -> Any | None:
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="uk")
    except (ImportError, ValueError, OSError):  # no package, or no Ukrainian dictionary
        return None


def available() -> bool:
    """Whether pymorphy3 and its Ukrainian dictionary are installed."""
    return _analyser() is not None


def _parses(word: str) -> list[Any]:
    analyser = _analyser()
    return [] if analyser is None else list(analyser.parse(word))


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


def person(words: list[str]) -> str | None:
    """A person's name in the nominative: each word read in the case and gender that the most
    words share as a first name, surname or patronymic (then as any noun or adjective:
    "Зеленського"), the nominative first; None where no word is known to be part of a name."""
    # one person: no plural readings ("Юлії" is also the plural of Юлій)
    readings = [
        [p for p in _parses(w) if p.tag.POS in ("NOUN", *_ADJECTIVES) and p.tag.number != "plur"]
        for w in words
    ]
    best: tuple[int, int, int] | None = None
    chosen: list[Any | None] = []
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
                best, chosen = score, picks
    if best is None or best[0] == 0:
        return None
    return " ".join(w if p is None else _nominative(p, w) for w, p in zip(words, chosen, strict=True))


def _agrees(adjective: Any, noun: Any) -> bool:
    a, n = adjective.tag, noun.tag
    if a.case != n.case or (a.number or "sing") != (n.number or "sing"):
        return False
    return (n.number or "sing") == "plur" or a.gender in (None, n.gender)


def phrase(words: list[str], kind: str) -> str | None:
    """A place's or organisation's name in the nominative: the adjectives before its first noun
    and that noun, in the case, number and gender they agree in (singular readings of the noun
    first, and for places and organisations not a person's name: "Києві" is Київ, not Кий);
    the rest as written. None where the name does not open with such a phrase."""
    head = 0
    while head < len(words) and any(p.tag.POS in _ADJECTIVES for p in _parses(words[head])):
        if any(p.tag.POS == "NOUN" for p in _parses(words[head])):
            break  # a word that can be either ("Рада") may head the name itself
        head += 1
    if head == len(words) or (len(words[head]) > 1 and words[head].isupper()):
        return None  # no noun, or an acronym, which does not decline ("НАТО")
    nouns = [p for p in _parses(words[head]) if p.tag.POS == "NOUN"]
    nouns.sort(key=lambda p: (_is_person(p) and kind != "PER", p.tag.number == "plur"))
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
