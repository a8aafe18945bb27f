"""Headlines in capitals (any language) or in English title case, put into the case of running
text for the entity recognisers.

English headlines capitalise every word ("Kremlin Slams West Over New Sanctions Package"), and
a recogniser trained on running text reads a run of capitals as one name ("Kremlin Slams
West", ORG) and misses the real ones. So the title line is read in sentence case: a word keeps
its capital only where the article writes it so too and never in lower case (a name: "Biden",
"Kremlin"), where it is a country or a large city ("Ukraine"), has capitals inside ("US",
"NATO", "NYTimes") or is the line's first word and not a word the article writes in lower case
("Will Trump Continue ..." is read "will Trump continue ...": spaCy takes "Will Trump" for a
name at the start of a sentence). Only the case of first letters changes, so every offset stays valid.
A headline in capitals ("BORIS JOHNSON QUITS AS PM", which spaCy took for one organisation)
takes each word's case from the article, and every offset stays valid too.
"""

from __future__ import annotations

import re

from narrascope.analyzers._places import is_place

__all__ = ["capitals_title", "sentence_case_title"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TITLE = re.compile(r"\s*([^\n]*)")
_POSSESSIVE = re.compile(r"['’]s$")
_MIN_WORDS, _MAX_WORDS = 3, 25
_CAPITALISED_SHARE = 0.75  # of the words of four letters or more: a title, not a sentence


def capitals_title(text: str) -> str:
    """``text`` with its first line in the article's own case where that line is a title in
    capitals, in any language ("СЕРГЕЙ ЛАВРОВ ОБВИНИЛ ЗАПАД ..."); ``text`` itself otherwise."""
    title = _TITLE.match(text)
    if title is None:
        return text
    start, end = title.span(1)
    words = list(_WORD.finditer(text, start, end))
    if _MIN_WORDS <= len(words) <= _MAX_WORDS and all(w.group().isupper() for w in words):
        return _capitals_title(text, words, end)
    return text


def sentence_case_title(text: str) -> str:
    """``text`` with its first line in sentence case where that line is an English title in
    title case or in capitals; ``text`` itself otherwise."""
    title = _TITLE.match(text)
    if title is None:
        return text
    start, end = title.span(1)
    words = list(_WORD.finditer(text, start, end))
    if (cased := capitals_title(text)) is not text:
        return cased
    long = [w.group() for w in words if len(w.group()) >= 4]
    if (
        not _MIN_WORDS <= len(words) <= _MAX_WORDS
        or not long
        or sum(w[0].isupper() for w in long) < _CAPITALISED_SHARE * len(long)
        or text[start:end].rstrip().endswith(".")
    ):
        return text
    body = [_POSSESSIVE.sub("", w.group()) for w in _WORD.finditer(text, end)]
    lower = {w for w in body if w[0].islower()}
    names = {w for w in body if w[0].isupper() and w[0].lower() + w[1:] not in lower}
    out = list(text)
    for number, word in enumerate(words):
        at = word.start()
        for part in _POSSESSIVE.sub("", word.group()).split("-"):
            keep = (
                not part[:1].isupper()
                or any(c.isupper() for c in part[1:])  # "US", "NYTimes", "McDonald"
                or part in names  # "Biden", "Kremlin"
                or is_place(part)  # "Ukraine"
                # the first word keeps its capital unless the article writes it in lower case
                or (number == 0 and at == word.start() and part[0].lower() + part[1:] not in lower)
            )
            if not keep:
                out[at] = part[0].lower()
            at += len(part) + 1
    return "".join(out)


def _capitals_title(text: str, words: list[re.Match[str]], end: int) -> str:
    """``text`` with its first line, a title in capitals ("BORIS JOHNSON QUITS AS PM"), in the
    case the article writes each word in: its lower case where it has one ("quits"), else its
    own spelling ("Boris", "NATO"); a word it never writes is a place's name where it is one,
    and otherwise in lower case, the first word with a capital."""
    written: dict[str, str] = {}
    for w in _WORD.finditer(text, end):
        word = _POSSESSIVE.sub("", w.group())
        key = word.upper()
        if key not in written or word[0].islower():
            written[key] = word
    out = list(text)
    for number, match in enumerate(words):
        for part in re.finditer(r"[^\W\d_]+", match.group()):
            word = part.group()
            cased = written.get(word)
            if cased is None:
                capital = (number == 0 and part.start() == 0) or is_place(word.capitalize())
                cased = word.capitalize() if capital else word.lower()
            if len(cased) == len(word):  # a case that changes the length ("İ") would move offsets
                at = match.start() + part.start()
                out[at : at + len(word)] = cased
    return "".join(out)
