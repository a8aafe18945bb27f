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

The same readings mend the names that the entity head cuts short: Ukrainian writes an
organisation's name with one capital ("Міністерство фінансів України", "Кабінет міністрів"),
and the head, which learned from capitals, stops at the first word (:func:`organisations`).

Without the dictionary installed, :func:`available` is false and the caller keeps its own rules.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from narrascope.analyzers._places import place_of

#: (start, end, kind, attrs) of each entity, as the recognisers give them.
Found = list[tuple[int, int, str, dict[str, Any]]]

__all__ = ["available", "organisations", "person", "phrase"]

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


def _head(words: list[str]) -> int:
    """The index of the first word that can be a noun after adjectives only (``len(words)``
    where there is none): a word that can be either ("Рада") heads the name itself."""
    head = 0
    while head < len(words) and any(p.tag.POS in _ADJECTIVES for p in _parses(words[head])):
        if any(p.tag.POS == "NOUN" for p in _parses(words[head])):
            break
        head += 1
    return head


def phrase(words: list[str], kind: str) -> str | None:
    """A place's or organisation's name in the nominative: the adjectives before its first noun
    and that noun, in the case, number and gender they agree in (singular readings of the noun
    first, and for places and organisations not a person's name: "Києві" is Київ, not Кий);
    the rest as written. None where the name does not open with such a phrase."""
    head = _head(words)
    if head == len(words) or (len(words[head]) > 1 and words[head].isupper()):
        return None  # no noun, or an acronym, which does not decline ("НАТО")
    nouns = [p for p in _parses(words[head]) if p.tag.POS == "NOUN"]
    # not a person's name for a place's, a singular before a plural, a nominative first ("Рада"
    # is рада; "рад" in the genitive is a unit of radiation)
    nouns.sort(key=lambda p: (_is_person(p) and kind != "PER", p.tag.number == "plur", p.tag.case != "nomn"))
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


# The nouns that head an organisation's name (lemmas): "Міністерство", "Кабінет", "Служба".
_INSTITUTIONS = frozenset((
    "агентство", "академія", "адміністрація", "альянс", "асоціація", "банк", "бюро", "гвардія",
    "департамент", "дума", "інспекція", "інститут", "кабінет", "комісія", "комітет", "командування",
    "компанія", "конгрес", "консульство", "корпорація", "міністерство", "міськрада", "об'єднання",
    "організація", "офіс", "палата", "парламент", "партія", "поліція", "посольство",
    "представництво", "прокуратура", "рада", "розвідка", "рух", "сенат", "сила", "служба", "спілка",
    "союз", "суд", "товариство", "трибунал", "уряд", "управління", "університет", "федерація",
    "фонд", "фундація", "центр", "штаб",
))  # fmt: skip
# Words of time, whose genitive follows a name without being part of it ("минулого тижня").
_TIME = frozenset((
    "рік", "місяць", "тиждень", "день", "ніч", "ранок", "вечір", "час", "період", "квартал",
    "століття", "сезон",
))  # fmt: skip
_NOT_NAME = frozenset(("минулий", "цей", "наступний", "поточний", "той"))
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TAIL_WORDS = 4  # genitive words after the head at most: "Інституту енергетичних досліджень"


def _institution(word: str) -> bool:
    return any(p.tag.POS == "NOUN" and p.normal_form in _INSTITUTIONS for p in _parses(word))


def _genitive(word: str) -> tuple[bool, bool]:
    """(whether ``word`` can be a genitive modifier of a name, whether as a noun)."""
    parses = [p for p in _parses(word) if p.tag.case == "gent" and p.tag.POS in ("NOUN", *_ADJECTIVES)]
    if any(p.normal_form in _TIME or p.normal_form in _NOT_NAME for p in parses):
        return False, False
    return bool(parses), any(p.tag.POS == "NOUN" for p in parses)


def _tail(text: str, end: int, starts: dict[int, int], people: set[int]) -> int:
    """Where the genitive words after a name's head, from ``end``, stop: lower-case words, and
    capitalised ones that the recognisers found or :func:`_capital_part` allows, up to a noun,
    on one line."""
    new_end, at = end, end
    for _ in range(_TAIL_WORDS):
        word = _WORD.match(text, at + 1) if text[at : at + 1] == " " else None
        if word is None or word.start() in people:
            break
        genitive, noun = _genitive(word.group())
        capital = word.group()[:1].isupper()
        if not genitive or (capital and word.start() not in starts and not _capital_part(word.group())):
            break
        at = starts.get(word.start(), word.end()) if word.group()[:1].isupper() else word.end()
        if noun:
            new_end = at
    return new_end


def _capital_part(word: str) -> bool:
    """Whether a capitalised ``word`` that no recogniser took may end an organisation's name:
    a form of a place that GeoNames knows ("України") or a common noun ("Офісу Президента"),
    not a person's name ("Офіс Зеленського")."""
    if place_of(phrase([word], "LOC") or word) is not None:
        return True
    nouns = [p for p in _parses(word) if p.tag.POS == "NOUN" and p.tag.case == "gent"]
    return bool(nouns) and not any(_is_person(p) or "Geox" in p.tag.grammemes for p in nouns)


def _adjective_led(text: str, start: int) -> int | None:
    """The end of a name that opens at ``start`` with a capitalised adjective, and whose noun,
    after at most two more adjectives in lower case, is an institution's that they agree with
    ("Львівської міської ради", "Європейського інвестиційного банку"); None otherwise."""
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
            agrees = len(words) > 1 and _institution(words[-1]) and phrase(words, "ORG") is not None
            return end if agrees else None
        if len(words) == 3:
            break
    return None


# A capitalised Ukrainian word, where an organisation's name may open.
_CAPITAL = re.compile(r"(?<![\w'’-])[А-ЩЬЮЯҐЄІЇ][\w'’-]*")


def _grown(text: str, start: int, end: int, label: str, ends: dict[int, int], people: set[int]) -> int | None:
    """The new end of the name that the recognisers found at ``start:end`` (of kind ``label``),
    or of the capitalised word there that they did not take (no ``label``); None where it
    stays as it is."""
    led = _adjective_led(text, start)
    if led is not None and led >= end:
        new_end = _tail(text, led, ends, people)
        return None if label == "ORG" and new_end == end else new_end
    words = text[start:end].split()
    head = _head(words)
    if label == "LOC" or head == len(words) or not _institution(words[head]):
        return None
    new_end = _tail(text, end, ends, people)
    if new_end == end or (not label and not text[end + 1 : end + 2].isupper()):
        # a capitalised institution that no recogniser took names an organisation only with a
        # name after it ("Уряд Польщі", not "Центр міста" at a sentence's start)
        return None
    return new_end


def organisations(text: str, found: Found) -> Found:
    """Ukrainian organisations that the entity head cut short, made whole, with the normal form
    of the whole name: one headed by an institution takes the genitive words after it
    ("Міністерство" + "фінансів" + "України", "Служба безпеки" + "України"), but no words of
    time ("Пентагон минулого тижня"); a capitalised adjective that agrees with an institution
    after it opens one ("Європейського інвестиційного банку", "Львівської міської ради"),
    whatever the head made of the adjective or where it found nothing, and so does an
    institution with a name after it that the head missed ("Уряд Польщі"). The names inside
    one that grew are dropped; no person is taken in."""
    spans = sorted(found, key=lambda f: f[0])
    candidates = {
        m.start(): (m.end(), "", {"recogniser": "head", "source_label": "ORG"})
        for m in _CAPITAL.finditer(text)
        if not any(s <= m.start() < e for s, e, *_ in spans)
    }
    candidates.update({s: (e, label, attrs) for s, e, label, attrs in spans if label in ("ORG", "LOC")})
    ends = {s: e for s, e, label, _ in spans if label in ("ORG", "LOC")}
    people = {s for s, _, label, _ in spans if label == "PER"}
    grown: list[tuple[int, int, dict[str, Any]]] = []
    covered = -1
    for start in sorted(candidates):
        end, label, attrs = candidates[start]
        if start >= covered and (new_end := _grown(text, start, end, label, ends, people)) is not None:
            grown.append((start, new_end, attrs))
            covered = new_end
    if not grown:
        return found
    out: Found = [f for f in found if all(f[1] <= s or f[0] >= e for s, e, _ in grown)]
    for start, end, attrs in grown:
        normal = phrase(text[start:end].split(), "ORG") or text[start:end]
        out.append((start, end, "ORG", {**attrs, "normal": normal}))
    return sorted(out, key=lambda f: f[0])
