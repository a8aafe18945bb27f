"""Hindi entities: what the entity head, which learnt names from capitals in other scripts,
gets wrong in Devanagari, a script without case.

The head finds Hindi names well from the shared encoder's states alone (it never saw Hindi),
but with no capital to tell a name from a word it also takes:

- the adjectives of places, which Hindi forms with a suffix: "रूसी" (Russian) from "रूस",
  "भारतीय" from "भारत", "अमेरिकी" from "अमेरिका". They are no entities, as "Russian" is none
  in English: a word whose stem is a place that GeoNames or the table of bodies knows is dropped;
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

__all__ = ["COMMON_NOUNS", "hindi_entities", "missed_places", "place_adjective"]

Found = list[tuple[int, int, str, dict[str, Any]]]

#: Nouns that the head takes for a whole name, and that name nothing on their own.
COMMON_NOUNS = frozenset(
    {
        "सेना", "संघ", "राष्ट्र", "सरकार", "मंत्रालय", "विभाग", "सहयोग", "परिषद", "आयोग", "समिति",
        "उत्तर", "दक्षिण", "पूर्व", "पश्चिम", "नई", "नया", "महासागर", "राज्य", "देश", "डिफेंस",
        "एलायंस", "गठबंधन", "पार्टी", "अदालत", "पुलिस", "केंद्र", "संसद", "खुफिया",
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


def hindi_entities(text: str, found: Found) -> Found:
    """``found`` without place adjectives and common nouns alone, with a place cut in two made
    whole, and with the places that it missed (module docstring)."""
    out: Found = []
    for start, end, kind, attrs in sorted(found):
        if out and start < out[-1][1]:
            continue  # the second word of a place made whole
        after = _NEXT_WORD.match(text, end)
        if after and place_of(text[start : after.end()]) is not None:
            end, kind, attrs = after.end(), "LOC", {**attrs, "normal": text[start : after.end()]}
        name = text[start:end]
        if not (place_adjective(name) or name in COMMON_NOUNS):
            out.append((start, end, kind, attrs))
    return sorted(out + missed_places(text, out), key=lambda f: (f[0], f[1]))
