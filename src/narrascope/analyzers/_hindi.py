"""Hindi entities: what the entity head, which learnt names from capitals in other scripts,
gets wrong in Devanagari, a script without case.

The head finds Hindi names well from the shared encoder's states alone (it never saw Hindi),
but with no capital to tell a name from a word it also takes:

- the adjectives of places, which Hindi forms with a suffix: "रूसी" (Russian) from "रूस",
  "भारतीय" from "भारत", "अमेरिकी" from "अमेरिका", for places. A word whose stem is a place that
  GeoNames or the table of bodies knows is a group (``NORP``), as English "Russian" is, and so
  is one that the head missed (:func:`missed_groups`): "रूसी सेना" (the Russian army) is an
  actor that an article casts;
- common nouns of institutions and directions alone ("सेना", army; "मंत्रालय", ministry;
  "उत्तर", north): :data:`COMMON_NOUNS`, dropped when they are the whole name;
- it cuts a two-word place after its first word ("नई" of "नई दिल्ली", New Delhi): a name and
  the word after it that together are one known place become one;
- and it misses a few countries and cities in every article, which a scan for their GeoNames
  and ISO names in Devanagari finds (:func:`missed_places`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from narrascope._chars import LETTERS, WORD_END, WORD_START
from narrascope.analyzers._bodies import body_of
from narrascope.analyzers._places import names_written_in, place_of

__all__ = [
    "COMMON_NOUNS",
    "group_adjective",
    "hindi_entities",
    "missed_groups",
    "missed_places",
    "place_adjective",
]

Found = list[tuple[int, int, str, dict[str, Any]]]

#: Nouns that the head takes for a whole name, and that name nothing on their own.
COMMON_NOUNS = frozenset(
    {
        "सेना", "संघ", "राष्ट्र", "सरकार", "मंत्रालय", "विभाग", "सहयोग", "परिषद", "आयोग", "समिति",
        "उत्तर", "दक्षिण", "पूर्व", "पश्चिम", "नई", "नया", "महासागर", "राज्य", "देश", "डिफेंस",
        "एलायंस", "गठबंधन", "पार्टी", "अदालत", "पुलिस", "केंद्र", "संसद", "खुफिया", "स्टाफ",
    }
)  # fmt: skip

#: The nouns of offices that news puts before a name ("राष्ट्रपति X"): a name after one is a
#: person's (:func:`titled_names`), and a speaker that is a title alone ends in one (not a first
#: name that the recogniser missed before another person: "X धर्माधिकारी रंजीत ...").
TITLES = frozenset(
    {
        "प्रधानमंत्री", "पीएम", "राष्ट्रपति", "उपराष्ट्रपति", "मंत्री", "मुख्यमंत्री", "प्रवक्ता", "राजदूत",
        "महासचिव", "अध्यक्ष", "सचिव", "गवर्नर", "राज्यपाल", "सांसद", "विधायक", "नेता", "जनरल", "कमांडर",
        "सेनाध्यक्ष", "चांसलर", "महापौर", "मेयर", "निदेशक", "प्रमुख", "राजनयिक", "विदेशमंत्री",
    }
)  # fmt: skip

# The suffixes of place adjectives, longest first, and what the place's name ends in instead:
# "भारतीय" -> "भारत", "रूसी" -> "रूस", "अमेरिकी" -> "अमेरिका", "इंडोनेशियाई" -> "इंडोनेशिया".
_ADJECTIVE_ENDINGS = (("ीय", ""), ("ाई", "ा"), ("ी", ""), ("ी", "ा"))


def _is_place(name: str) -> bool:
    return place_of(name) is not None or body_of(name) is not None


def place_adjective(word: str) -> bool:
    """Whether ``word`` is the adjective of a place ("रूसी", "यूरोपीय"), not a place itself
    ("दिल्ली", "इटली", "जर्मनी" end as adjectives do)."""
    if " " in word or _is_place(word):
        return False
    return any(
        word.endswith(ending) and len(word) > len(ending) + 1 and _is_place(word[: -len(ending)] + stem_end)
        for ending, stem_end in _ADJECTIVE_ENDINGS
    )


_NEXT_WORD = re.compile(rf" ({LETTERS})")
_WORD = re.compile(rf"{WORD_START}{LETTERS}{WORD_END}")
# Words that end a name after a title: postpositions, conjunctions, particles and auxiliaries.
_FUNCTION_WORDS = frozenset(
    {
        "ने", "के", "की", "का", "को", "से", "में", "पर", "और", "तथा", "एवं", "या", "भी", "ही", "तो", "जो",
        "कि", "है", "हैं", "था", "थे", "थी", "द्वारा", "लिए", "साथ", "बाद", "पहले", "बीच", "दौरान", "एक",
        "इस", "उस", "यह", "वह", "ये", "वे", "नहीं", "संभवत",
    }
)  # fmt: skip
# A title (but "प्रमुख", which is "major" as often as "chief"), then up to three words of a
# name before a postposition, a conjunction, a particle or a mark; a word of the name may
# still be a function word, which the check after the match rejects.
_NAME_ENDS = ("ने", "के", "की", "का", "को", "से", "में", "पर", "और", "तथा", "भी", "ही", "द्वारा")
_TITLED = re.compile(
    rf"{WORD_START}(?:{'|'.join(sorted(TITLES - {'प्रमुख'}, key=len, reverse=True))})\s+"
    rf"(?P<name>{LETTERS}(?:\s+{LETTERS}){{0,2}}?)"
    rf"(?=\s+(?:{'|'.join(_NAME_ENDS)}){WORD_END}|\s*[,।.:;!?()“”\"\n])"
)
_TWO_WORDS = re.compile(rf" ({LETTERS})(?: ({LETTERS}))?")
# A state's institution after its adjective: its army, a ministry (of foreign affairs, defence,
# the interior, finance, justice) or its government.
_INSTITUTION = re.compile(
    rf"\s+(?:(?:विदेश|रक्षा|गृह|वित्त|न्याय)\s+)?(?:मंत्रालय|सेना|सेनाओं|नौसेना|वायुसेना|सरकार){WORD_END}"
)
# Group adjectives of no one place, which English news tags as groups too ("Western", "Soviet").
_GROUP_WORDS = frozenset({"पश्चिमी", "सोवियत"})


# Place names that are also Hindi words ("सोल", Seoul, is "sole"; "अदना", Adana, "humble";
# "डकार", Dakar, "belch") or people's names ("सोफिया"): the head may take them, the scan does not.
_NOT_SCANNED = frozenset({"सोल", "रोम", "अदना", "डकार", "सोफिया", "काशी", "माद्री"})


@functools.lru_cache(maxsize=1)
def _scan() -> re.Pattern[str]:
    names = sorted(names_written_in("\u0900-\u097f ", "hi") - _NOT_SCANNED, key=len, reverse=True)
    return re.compile(rf"{WORD_START}(?:{'|'.join(map(re.escape, names))}){WORD_END}")


def missed_places(text: str, found: Found) -> Found:
    """The countries and big cities that GeoNames knows in Devanagari ("भारत", "कीव", "नई
    दिल्ली"), where ``text`` names them and no entity of ``found`` covers them: the head, which
    never saw Hindi, misses a few in every article."""
    spans = [(start, end) for start, end, *_ in found]
    return [
        (m.start(), m.end(), "LOC", {"normal": m.group(), "source_label": "LOC", "recogniser": "gazetteer"})
        for m in _scan().finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in spans)
    ]


def hindi_entities(text: str, found: Found, groups: bool = True) -> Found:
    """``found`` without common nouns alone, with place adjectives made groups (``NORP``, as
    English "Russian" is; dropped unless ``groups``), a place cut in two made whole, and with
    the places and place adjectives that it missed (module docstring)."""
    out: Found = []
    for start, end, kind, attrs in sorted(found):
        if out and start < out[-1][1]:
            continue  # the second word of a place made whole
        after = _NEXT_WORD.match(text, end)
        if after and place_of(text[start : after.end()]) is not None:
            end, kind, attrs = after.end(), "LOC", {**attrs, "normal": text[start : after.end()]}
        name = text[start:end]
        if name in COMMON_NOUNS:
            continue
        if group_adjective(name):
            if groups:
                out.append((start, end, "NORP", {**attrs, "normal": name, "kind_rule": "nationality"}))
            continue
        out.append((start, end, kind, attrs))
    out += missed_places(text, out)
    out += titled_names(text, out)
    if groups:
        out += missed_groups(text, out)
    return _institutions(text, sorted(out, key=lambda f: (f[0], f[1])))


def _institutions(text: str, found: Found) -> Found:
    """``found`` (in text order) with a group adjective and the institution after it made one
    organisation: "रूसी सेना" (the Russian army), "भारतीय विदेश मंत्रालय" (the Indian foreign
    ministry), and an organisation found right after it ("भारतीय" + "रिज़र्व बैंक"); but no
    group where the adjective opens the name of a body that the table knows ("यूरोपीय संघ",
    the European Union), which the scan for bodies finds whole."""
    out: Found = []
    skip = -1
    for n, (start, end, kind, attrs) in enumerate(found):
        if n == skip:
            continue
        if kind == "NORP":
            following = found[n + 1] if n + 1 < len(found) else None
            after = _INSTITUTION.match(text, end)
            if following is not None and following[2] == "ORG" and not text[end : following[0]].strip():
                end, kind, skip = following[1], "ORG", n + 1
            elif after is not None:
                end, kind = after.end(), "ORG"
            elif (words := _TWO_WORDS.match(text, end)) and any(
                body_of(text[start : words.end(k)]) for k in (1, 2) if words.group(k)
            ):
                continue
            if kind == "ORG":
                attrs = {**attrs, "normal": text[start:end], "kind_rule": "institution"}
        out.append((start, end, kind, attrs))
    return out


def titled_names(text: str, found: Found) -> Found:
    """The names after a title ("राष्ट्रपति तारास वोरोनेंको", "प्रवक्ता इगोर क्रावेत्स") that
    ``found`` does not cover: up to three words before a postposition, a conjunction or a
    punctuation mark, of which one at least is no Hindi word that simplemma knows. The head
    misses foreign names in Devanagari (a Ukrainian president's, in nearly every war report), and the words after a
    title are a name unless they are words ("राष्ट्रपति चुनाव", the presidential election)."""
    import simplemma

    spans = [(start, end) for start, end, *_ in found]
    out: Found = []
    for match in _TITLED.finditer(text):
        words = list(_WORD.finditer(text, *match.span("name")))
        if len(words) > 1 and words[0].group() == "नाम":  # "... नाम X" (by the name X)
            words = words[1:]
        while len(words) > 1 and simplemma.is_known(words[-1].group(), lang="hi"):
            words.pop()  # "वोरोनेंको बातचीत": the name, not the talks after it
        start, end = words[0].start(), words[-1].end()
        names = [w.group() for w in words]
        if (
            any(a < end and start < b for a, b in spans)
            or any(w in _FUNCTION_WORDS or w in TITLES or w in COMMON_NOUNS or _is_place(w) for w in names)
            or all(simplemma.is_known(w, lang="hi") for w in names)
        ):
            continue
        out.append(
            (start, end, "PER", {"normal": text[start:end], "recogniser": "title", "kind_rule": "title"})
        )
    return out


def missed_groups(text: str, found: Found) -> Found:
    """The place adjectives (and "पश्चिमी", Western) that ``found`` does not cover, as groups."""
    spans = [(start, end) for start, end, *_ in found]
    return [
        (
            m.start(),
            m.end(),
            "NORP",
            {"normal": m.group(), "recogniser": "gazetteer", "kind_rule": "nationality"},
        )
        for m in _WORD.finditer(text)
        if group_adjective(m.group()) and not any(a < m.end() and m.start() < b for a, b in spans)
    ]


@functools.lru_cache(maxsize=4096)
def group_adjective(word: str) -> bool:
    """Whether ``word`` names a group by where it is from: a place adjective, or "पश्चिमी"."""
    return word in _GROUP_WORDS or place_adjective(word)
