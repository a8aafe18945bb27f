"""Names across scripts and spellings: when two texts name the same person or organisation.

A corpus in several languages names one person many ways: "Vladimir Putin" and "Владимир
Путин", "Volodymyr Zelensky", "Zelenskyy" and "Владимир Зеленский", "Viktor Orbán" and "Viktor
Orban", "Joe Biden" and "Джо Байден". Two keys say when such texts are one name:

- :func:`spelling_key`, strict: the text romanised (Cyrillic letters by a plain
  transliteration table, Devanagari by its letters' sounds), case and accents dropped, ``y`` read as ``i`` and doubled consonants
  single ("Zelenskyy", "Зеленский" -> "zelenski"; "NATO", "НАТО" -> "nato"). Texts with the same
  spelling key are taken for one name, in any script.
- :func:`sound_key`, loose: the consonants of the romanised words after the rules that English,
  German and Polish spellings and Russian transliteration disagree on ("Biden" and "Байден" ->
  "bdn"; "Scholz" and "Шольц" -> "shlts"; "Jens" and "Йенс" -> "ns"). Different people share
  sound keys ("John Kerry" and "John Curry"), so the corpus queries use it only as a bridge
  between scripts, for names in two words or more, where the corpus writes the sound in both
  (``narrascope.store._mentions``).

Neither is a transliteration for people to read: they are only ever compared. Ukrainian ``г``
reads as Russian ``г`` (``g``), and Chinese names in the Palladius system ("Си Цзиньпин") do not
meet their pinyin ("Xi Jinping"): such pairs stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["romanize", "sound_key", "spelling_key", "spelling_keys"]

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian, Belarusian, Serbian and Macedonian letters
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "џ": "dzh", "ѓ": "g", "ќ": "k", "ѕ": "dz",
}  # fmt: skip
# Devanagari (Hindi) by the sounds that news transliterations of names give its letters: a
# consonant carries the vowel "a" unless a vowel sign, the virama or the word's end follows it
# ("पुतिन" -> "putin", "नरेंद्र मोदी" -> "narendr modi"), a dot below (nukta) makes "ज" "z"
# and "फ" "f" ("ज़ेलेंस्की" -> "zelenski"), the nasal marks are "n", "m" before p, b and m.
_DEVANAGARI_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh",
    "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d",
    "ध": "dh", "न": "n", "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r",
    "ल": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s", "ह": "h",
}  # fmt: skip
_NUKTA_CONSONANTS = {"क": "q", "ख": "kh", "ग": "g", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f", "य": "y"}
_DEVANAGARI_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e", "ऐ": "ai",
    "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e",
}  # fmt: skip
_DEVANAGARI_SIGNS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai", "ो": "o",
    "ौ": "au", "ॉ": "o", "ॅ": "e",
}  # fmt: skip
_DEVANAGARI_OTHERS = {"ं": "n", "ँ": "n", "ः": "h", "्": "", "़": ""}
_LABIALS = frozenset("पफबभम")
# a consonant (U+0915-0939), maybe its nukta, maybe a vowel sign or the virama; or any other
# Devanagari character (the text is decomposed: "ज़" is "ज" and the nukta)
_DEVANAGARI_SYLLABLE = re.compile(r"([\u0915-\u0939])(\u093c?)([\u093e-\u094d]?)|([\u0900-\u097f])")
_DEVANAGARI_LETTER = re.compile(r"[\u0900-\u097f]")


def _devanagari(match: re.Match[str]) -> str:
    consonant, nukta, sign, other = match.groups()
    if other is not None:
        if other == "ं" and match.string[match.end() : match.end() + 1] in _LABIALS:
            return "m"  # "ट्रंप": Trump
        return _DEVANAGARI_VOWELS.get(other) or _DEVANAGARI_OTHERS.get(other, other)
    latin = _NUKTA_CONSONANTS.get(consonant, "") if nukta else ""
    latin = latin or _DEVANAGARI_CONSONANTS.get(consonant, consonant)
    if sign:
        return latin + _DEVANAGARI_SIGNS.get(sign, "")
    after = match.string[match.end() : match.end() + 1]
    # the inherent vowel, silent at the end of a word
    return latin + ("a" if after and _DEVANAGARI_LETTER.match(after) else "")


_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0dff])+")  # letters, digits, Indic marks
_NOT_WORD = re.compile(r"(?:[^\w\n\u0300-\u036f\u0900-\u0dff]|_)+")
# Spellings that different languages give one sound, in the order they apply: "sch" before
# "ch", "dzh" before "zh", the soft "c" before the hard one.
_SOUNDS = (
    (re.compile(r"sch"), "sh"),
    (re.compile(r"dzh|dj"), "j"),
    # English "Joe", "Yellen" and German "Jens" begin alike in Russian ("Джо", "Йеллен", "Йенс")
    # only if a leading j or y before a vowel is no sound at all.
    (re.compile(r"^[jy](?=[aeiou])"), ""),
    (re.compile(r"kh"), "h"),
    (re.compile(r"cz"), "ch"),  # Polish: "Kaczyński", "Качиньский"
    (re.compile(r"tz|(?<=[lnr])z"), "ts"),  # "Scholz", "Шольц"; "Schwarz", "Шварц"; "Gates", "Гейтс"
    (re.compile(r"ck|q"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c(?!h)"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"w"), "v"),
    (re.compile(r"f"), "v"),  # "von der Leyen", "фон дер Ляйен"
    (re.compile(r"(?<=[^sczh])h"), ""),  # silent after a vowel or consonant: "John", "Джон"
)
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"([^\W\daeou_])\1+")  # "Zelenskyy", "Kerry"; not "Moody" as "Mody"


def _romanizing_table() -> dict[int, str]:
    """Cyrillic letters to Latin, and accented Latin letters to their base letter: one
    ``str.translate`` table, so that a corpus of millions of names romanises at C speed."""
    table = {ord(letter): latin for letter, latin in _CYRILLIC.items()}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base.lower()
    table.update(
        {ord(k): v for k, v in {"ß": "ss", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "đ": "d"}.items()}
    )
    return table


_ROMANIZING = _romanizing_table()


def romanize(text: str) -> str:
    """``text`` in Latin letters: Cyrillic and Devanagari transliterated, accents dropped from
    Latin letters, lower case."""
    text = unicodedata.normalize("NFC", text).casefold()
    if _DEVANAGARI_LETTER.search(text):
        # NFD first, so that a consonant with its dot below is two characters ("ज़" = "ज" + "़")
        text = unicodedata.normalize(
            "NFC", _DEVANAGARI_SYLLABLE.sub(_devanagari, unicodedata.normalize("NFD", text))
        )
    return text.translate(_ROMANIZING)


def _words(text: str) -> list[str]:
    return _WORD.findall(romanize(text))


def spelling_key(text: str) -> str:
    """The words of ``text`` romanised, ``y`` as ``i``, doubled consonants and ``i`` single,
    one space apart."""
    return spelling_keys([text])[0]


def spelling_keys(texts: Sequence[str]) -> list[str]:
    """:func:`spelling_key` of each of ``texts``, worked out together: a corpus query keys
    hundreds of thousands of names, and one pass of each rule over all of them costs less than
    a pass per name."""
    if not texts:
        return []
    lines = romanize("\n".join(text.replace("\n", " ") for text in texts))
    lines = _DOUBLES.sub(r"\1", _NOT_WORD.sub(" ", lines).replace("y", "i"))
    return [" ".join(line.split()) for line in lines.split("\n")]


def sound_key(text: str) -> str:
    """The consonants of each word of ``text``, after the rules where spellings of one sound
    differ; a word of vowels alone keeps an ``_`` so that the words still line up."""
    keys = []
    for word in _words(text):
        for pattern, replacement in _SOUNDS:
            word = pattern.sub(replacement, word)
        keys.append(_DOUBLES.sub(r"\1", _VOWELS.sub("", word)) or "_")
    return " ".join(keys)
