"""What counts as part of a word, in every script.

Python's ``str.isalnum`` and the ``\\w`` of its regular expressions leave combining marks out,
and Indic scripts write most vowels and the virama with them: to both, "पक्षपाती" is the
pieces "प", "क", "ष", "प", "त". Decomposed accents ("e" + U+0301) are marks too.
"""

from __future__ import annotations

import unicodedata

__all__ = ["LETTERS", "MARK", "WORD_END", "WORD_START", "capital", "in_word"]


def in_word(char: str) -> bool:
    """Whether ``char`` (one character, or none) is part of a word: a letter, a digit, or a
    combining mark."""
    return bool(char) and (
        char.isalnum()
        or (
            unicodedata.category(char)[0] == "M"
            and not _VARIATION_SELECTORS[0] <= char <= _VARIATION_SELECTORS[1]
        )
    )


def capital(char: str) -> bool:
    """Whether ``char`` may begin a name: a capital, or a letter of a script without case
    (Devanagari), where every word begins so."""
    return char.isalpha() and not char.islower()


# Variation selectors are marks to Unicode, but they choose how the sign before them is drawn
# (an emoji's "❗️"), and are no part of any word.
_VARIATION_SELECTORS = ("\ufe00", "\ufe0f")


# The blocks that hold the combining marks of living scripts (Latin, Greek, Cyrillic,
# Hebrew, Arabic, the Indic and South-East Asian scripts): the whole of Unicode takes a fifth
# of a second to scan, at every start of the program.
_MARK_BLOCKS = ((0x0300, 0x1FFF), (0x20D0, 0x20FF), (0xA670, 0xABFF), (0xFE20, 0xFE2F))


def _mark_ranges() -> str:
    ranges: list[tuple[int, int]] = []
    for code in (c for first, last in _MARK_BLOCKS for c in range(first, last + 1)):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


_MARKS = _mark_ranges()
#: A run of letters, with their combining marks, as a regular expression (``[^\W\d_]+`` with
#: the marks that it leaves out).
LETTERS = rf"[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*"
#: A combining mark, as a regular expression: what ``\w`` leaves out of a word.
MARK = f"[{_MARKS}]"
#: The end of a word, as a regular expression: ``(?!\w)``, where a mark also goes on a word
#: ("यूरोप" is not the end of "यूरोपीय").
WORD_END = rf"(?![\w{_MARKS}])"
#: The start of a word, the same way.
WORD_START = rf"(?<![\w{_MARKS}])"
