"""Paragraphs: the one rule for where they are and how they are numbered.

A paragraph is a non-empty line of the text, trimmed of surrounding white space, as in
SemEval-2023 Task 3. The shared task names a paragraph by its 1-based line number in the file,
empty lines counted (1, 3, 5, ... for paragraphs separated by empty lines). The segment
analyzer, the SemEval-2023 reader and writer and the technique model all use these two
functions, so that a paragraph is the same thing everywhere.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

__all__ = ["NOT_AFTER_TITLE", "TITLE_STOP", "paragraph_lines", "paragraphs", "sentence_spans", "word_count"]

# Titles that English news abbreviates before a name ("Sen. Lindsey Graham", "Gov. Ron
# DeSantis", "said Mr. Smith"); razdel takes most of them for a sentence's end, and a quote's
# speaker would be "Sen".
_TITLES = (
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Fr", "Ft", "Gen", "Gov",
    "Hon", "Insp", "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Mt", "Pres", "Prof", "Pvt", "Rep", "Rev",
    "Sec", "Sen", "Sgt", "St", "Supt",
    # other languages' titles, and their abbreviations that always lead into a name or a noun
    # ("mówi prof. Jan Nowak", "gen. Jan Nowak", "il dott. Mario Rossi", "la Sra. Pérez", "проф.
    # Иван Петров", "tzw. Tarcza", "m.in. Jan Nowak"), that razdel ends a sentence at; none
    # that also closes sentences ("w 2015 r.", "и т.н.", "им." is a pronoun too, "red." a colour)
    "Dott", "Dra", "Ing", "Lic", "Mgr", "Sig", "Sr", "Sra",
    "avv", "dott", "ds", "gen", "hab", "ks", "m.in", "mec", "np", "płk", "prof", "sig", "tzw", "św",
    "gén", "акад", "ген", "проф", "т.нар",
)  # fmt: skip
# Months that English news abbreviates before a day or a year ("Feb. 24", "Sept. 2021"), and
# words abbreviated before a number ("ok. 300", "Nr. 10", "art. 11"): no sentence ends there
# either.
_BEFORE_NUMBER = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                  "Nr", "art", "ca", "nr", "ok")  # fmt: skip
_NUMBER_STOP = "|".join(rf"(?<=\b{word})" for word in _BEFORE_NUMBER)
# "X" after a word in lower case is the platform, not an initial: "Reed wrote on X."
_X_PLATFORM = r"[a-z] X"
#: A regular expression's guard before a full stop: none right after one of those titles, or
#: after an initial ("the Rev. David W. Dockery", "George W. Bush").
#: (The lookahead first: the lookbehinds are then tried at full stops only, not at every character.)
NOT_AFTER_TITLE = (
    "(?=[.!?…])"
    + "".join(rf"(?<!\b{re.escape(title)})" for title in _TITLES)
    + rf"(?:(?<!\b[A-Z])|(?<={_X_PLATFORM}))(?!(?:{_NUMBER_STOP})\.\s+\d)"
)
#: A full stop that ends one of those titles or an initial, for patterns that read across it:
#: "told Sen. Lindsey Graham that ...".
TITLE_STOP = (
    r"\.(?:"
    + "|".join(rf"(?<=\b{re.escape(title)}\.)" for title in _TITLES)
    + rf"|(?<=\b[A-Z]\.)(?<!{_X_PLATFORM}\.))"
)
_ENDS_WITH_TITLE = re.compile(rf"\b(?:{'|'.join(map(re.escape, _TITLES))})\.$")
_BEFORE_NUMBER_STOP = re.compile(rf"\b(?:{'|'.join(_BEFORE_NUMBER)})(\.)(?=\s+\d)")

_PLATFORM_X = re.compile(rf"(?<={_X_PLATFORM}\.)\s+(?=[A-Z\"“«‘'])")
# A sentence's end with no space after it, as scraped text often has ("... Варников.Как отметил"):
# a full stop, perhaps a closing mark, and a capitalised word of three letters or more.
_GLUED_STOP = re.compile(r"[.!?](?:[»”]|\"(?=[^\W\d_]{3}))?(?=[\"„“«]?[^\W\d_]{3})")
_LINE = re.compile(r"[^\n]+")
# A word: a run of letters and digits; in scripts written without spaces (Chinese, Japanese
# kana, Thai), each character, which undercounts none of them.
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]|[^\W_]+")


def word_count(text: str) -> int:
    """How many words ``text`` holds, in any script (for length limits, not linguistics)."""
    return sum(1 for _ in _WORD.finditer(text))


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the non-empty lines of ``text``, trimmed of surrounding white space."""
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped)


def paragraph_lines(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of each paragraph."""
    out: list[tuple[int, int, int]] = []
    line, counted_to = 1, 0
    for start, end in paragraphs(text):
        line += text.count("\n", counted_to, start)
        counted_to = start
        out.append((line, start, end))
    return out


def sentence_spans(text: str, found: list[tuple[int, int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence, by razdel's rules, never crossing a paragraph.

    razdel handles the abbreviations of news text ("Mr.", "U.S.", "т. е."), and a title before a
    name ends no sentence ("Sen. Lindsey Graham"); ``found`` is the text's
    :func:`paragraph_lines`, when the caller has them already.
    """
    from razdel import sentenize

    out: list[tuple[int, int]] = []
    for _, start, end in paragraph_lines(text) if found is None else found:
        first = len(out)
        # razdel ends a sentence at "Feb." before "24" (and then reads "24. However" as a
        # numbered item): it reads the abbreviation's full stop as a space, of the same length
        for sentence in sentenize(_BEFORE_NUMBER_STOP.sub(lambda m: m.group()[:-1] + " ", text[start:end])):
            previous_end = out[-1][1] if len(out) > first else 0
            if (
                previous_end
                and sentence.text[:1].isupper()
                and _ENDS_WITH_TITLE.search(text, max(0, previous_end - 8), previous_end)
            ):
                out[-1] = (out[-1][0], start + sentence.stop)
            else:
                out.append((start + sentence.start, start + sentence.stop))
            # razdel reads "X." as an initial; after a word in lower case it is the platform
            # ending a sentence ("Reed wrote on X. In a post ...")
            if "X." in sentence.text:
                first_start, last_end = out.pop()
                for stop in _PLATFORM_X.finditer(text, first_start, last_end):
                    out.append((first_start, stop.start()))
                    first_start = stop.end()
                out.append((first_start, last_end))
            first_start, last_end = out[-1]
            cuts = _glued_stops(text, first_start, last_end)
            if cuts:
                out[-1:] = itertools.pairwise([first_start, *cuts, last_end])
    return out


def _glued_stops(text: str, start: int, end: int) -> list[int]:
    """Where sentences in ``text[start:end]`` end with no space before the next: after a word
    of letters that ends in two in lower case ("Варников.Как", "ушёл.\"Все"), not a title
    ("Mr.Smith"), an initial or a web address ("Norda.Ru", "www.Norda")."""
    cuts = []
    for stop in _GLUED_STOP.finditer(text, start, end):
        cut = stop.end()
        word = text[cut : cut + 4].lstrip('"„“«')[:3]
        # the cheap tests first: most full stops before letters are in addresses and numbers
        if len(word) < 3 or not word[0].isupper() or not word[1:].islower():
            continue
        token = text[
            max(text.rfind(" ", start, stop.start()), text.rfind("\n", start, stop.start()), start - 1)
            + 1 : stop.start()
        ]
        before = token.lstrip("\"'“«„(")
        if before.isalpha() and before[-2:].islower() and before not in _TITLES and before.lower() != "www":
            if text[cut - 1] == '"' and text.count('"', start, cut) % 2:
                cut -= 1  # an even count before it: the straight mark opens the next sentence
            cuts.append(cut)
    return cuts
