"""What counts as part of a word in every script: letters, digits and combining marks."""

from __future__ import annotations

import re

from narrascope._chars import LETTERS, WORD_END, WORD_START, in_word


def test_combining_marks_are_part_of_words_and_variation_selectors_are_not() -> None:
    assert in_word("ि") and in_word("्") and in_word("\u0301")  # a vowel sign, the virama, an accent
    assert not in_word("\ufe0f")  # the emoji presentation selector of "❗️"
    assert not in_word(" ") and not in_word("") and not in_word("-")


def test_letters_and_word_ends_hold_devanagari_words_whole() -> None:
    assert re.findall(LETTERS, "❗️पक्षपाती रिपोर्ट, cafe\u0301 42") == ["पक्षपाती", "रिपोर्ट", "cafe\u0301"]
    # "यूरोप" (Europe) is no whole word inside "यूरोपीय" (European), whose "ी" is a mark
    word = re.compile(rf"{WORD_START}यूरोप{WORD_END}")
    assert word.findall("यूरोपीय देश") == [] and word.findall("यूरोप के देश") == ["यूरोप"]
