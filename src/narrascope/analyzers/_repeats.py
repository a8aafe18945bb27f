"""Names that the recognisers found once in an article and missed where it names them again.

A statistical recogniser decides each mention by its context, so one article's "Kyiv" is a
place in "talks in Kyiv" and nothing in a headline, and a person's surname alone ("said
Vogelsang") goes unseen beside the full name that it found. An article names one thing one way
throughout, so a name found once is that name again wherever the article writes it the same way,
uncovered: the mention takes the found one's kind and normal form (recogniser ``"repeat"``).
A person's surname alone is that person too (unless it is a place's name: a recogniser's
"Capital Kyiv" makes no surname of Kyiv), in the languages whose names do not decline (a
Russian or Polish surname changes its ending with its case, and its nominative found once is
not its genitive).

What keeps a common word out:

- the mention must be written as the name is, capitals and all, and begin with a capital;
- a single word must not be written in lower case anywhere in the text, nor with an ending of
  up to three letters ("уряду" of "Уряд"): then it is a common word too, which a capital at a
  sentence's start or in a heading does not make a name (German "Oder", the river, is also
  "oder"; a recogniser's "Energy" of "Moldovan Energy" taken for a person is "energy" in the
  headline);
- no capitalised word may follow it (one space between): "Kyiv Post" is another name; nor come
  before it, unless that word opens a sentence ("Later Kyiv ..."), or the name is the surname
  of a full name of two or three words and that word a title ("Foreign Minister Vogelsang"),
  or the word is German, whose nouns all have capitals ("die Hauptstadt Berlin"): a word of a
  longer name missed ("Old Kyiv") is no mention of the shorter one;
- the entity head's doubtful findings of one word are not copied (:data:`_SURE`);
- a name found with two kinds in the article (a place once, an organisation once) is no one's
  to copy, unless one kind outnumbers the others three to one ("EUA" a place four times, an
  organisation once): the recogniser's odd call is then the exception, and the copy takes the
  usual kind.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import re

from narrascope._chars import WORD_END, WORD_START, capital
from narrascope.analyzers._name_forms import Found
from narrascope.analyzers._places import is_place

__all__ = ["mentioned_again"]

_KINDS = ("PER", "ORG", "LOC")
# the entity head's score below which a one-word finding is not copied: its doubtful ones are
# common nouns taken for names ("Industrie", "Уряд" at 0.6-0.88, names mostly above 0.95); a
# name of two words or more is a name, whatever the head's doubt about its kind or its ends
_SURE = 0.9
# how many times one kind must outnumber the others for a name found with two to be copied
_MAJORITY = 3
# surnames written the same in every case
_SURNAMES_KEPT = ("en", "de", "fr", "it", "es", "pt", "bg", "hi")
# a longer "person" is most often a recogniser's run of words ("Travis Air Force Base")
_LONGEST_PERSON = 3
# a pope's or a king's number, no surname ("Pius XII")
_NUMERAL = re.compile(r"[IVXL]+")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n«»\"“”(—–]|\s[-–—])\s*$")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w-])([^\W\d_][\w'’-]*) $")
_CAPITALISED_AFTER = re.compile(r" ([^\W\d_][\w'’-]*)")


def mentioned_again(text: str, found: Found, language: str) -> Found:
    """``found`` with the mentions of its names that no entity covers (see the module's text)."""
    named: dict[str, collections.Counter[tuple[str, str]]] = collections.defaultdict(collections.Counter)
    surnames: set[str] = set()
    for start, end, label, attrs in found:
        normal = str(attrs["normal"])
        if label not in _KINDS or (" " not in normal and float(attrs.get("score", 1.0)) < _SURE):
            continue
        if written := _written_form(text[start:end], normal):
            named[written][label, normal] += 1
        words = normal.split()
        if (
            label == "PER"
            and 1 < len(words) <= _LONGEST_PERSON
            and language in _SURNAMES_KEPT
            and len(words[-1]) > 2
            and not _NUMERAL.fullmatch(words[-1])
            # not a place's name, which no surname rule takes ("Capital Kyiv remains", PER)
            and not is_place(words[-1])
        ):
            named[words[-1]][label, words[-1]] += 1
            surnames.add(words[-1])
    copies = {written: kind for written, kinds in named.items() if (kind := _usual_kind(kinds))}
    if not copies:
        return found
    covered = sorted((start, end) for start, end, *_ in found)
    starts = [start for start, _ in covered]
    # the furthest end among the found names that start before each one's start and with it:
    # a mention overlaps a found name when one of those that start before its end ends after
    # its start
    reach = list(itertools.accumulate((end for _, end in covered), max))
    pattern = re.compile(
        rf"(?<![@/.-]){WORD_START}(?:"
        + "|".join(re.escape(w) for w in sorted(copies, key=len, reverse=True))
        + rf")(?!-){WORD_END}"
    )
    lower = {word for word in re.findall(r"\b[^\W\d_]+\b", text) if word.islower()}
    common: dict[str, bool] = {}
    added: Found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        before_end = bisect.bisect_left(starts, end)
        if before_end and reach[before_end - 1] > start:
            continue
        written = match.group()
        label, normal = copies[written]
        if " " not in written:
            if written not in common:
                common[written] = _common_word(written, lower)
            if common[written]:
                continue
        if _touches_capital(text, start, end, language == "de" or written in surnames):
            continue
        added.append((start, end, label, {"normal": normal, "source_label": label, "recogniser": "repeat"}))
    return sorted(found + added, key=lambda f: (f[0], f[1])) if added else found


def _usual_kind(kinds: collections.Counter[tuple[str, str]]) -> tuple[str, str] | None:
    """The kind and normal form that a name was found with, where it was found with one, or
    with one that outnumbers the others :data:`_MAJORITY` to one; else None."""
    (usual, count), *others = kinds.most_common()
    return usual if count >= _MAJORITY * sum(n for _, n in others) else None


def _written_form(span: str, normal: str) -> str | None:
    """How the article writes a found name: the span without the lower-case words it opens with
    ("the World Bank"), or, for a span in capitals, its normal form (a dateline's "KYIV" is
    "Kyiv"); None unless capitalised and longer than two letters. Any other normal form is the
    recogniser's guess (a nominative, a repair) that the text need not contain."""
    words = span.split(" ")
    while words and not capital(words[0][:1]):
        words.pop(0)
    form = normal if span.isupper() else " ".join(words)
    return form if len(form) > 2 and capital(form[:1]) else None


def _common_word(word: str, lower: set[str]) -> bool:
    """Whether the text writes ``word`` in lower case, or in lower case with an ending of up
    to three letters ("уряду" of "Уряд"), as a common word."""
    stem = word.lower()
    return any(other.startswith(stem) and len(other) - len(stem) <= 3 for other in lower)


def _touches_capital(text: str, start: int, end: int, title_before: bool) -> bool:
    """Whether a capitalised word stands right after ``text[start:end]``, or right before it
    without opening a sentence (unless ``title_before`` lets one stand there)."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group(1)[:1].isupper() and not title_before:
        word_start = before.start(1)
        if not _SENTENCE_END.search(text, max(0, word_start - 4), word_start):
            return True
    after = _CAPITALISED_AFTER.match(text, end)
    return bool(after and after.group(1)[:1].isupper())
