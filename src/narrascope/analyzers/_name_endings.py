"""The endings of Russian and Ukrainian men's names, for names that no dictionary knows.

A foreign surname in an oblique case ("Найджела Бромфилда", "Томаса Кіна") is in no
dictionary, so its nominative is read off its ending in the case that the words around it show
(:func:`masculine_nominative`); a dictionary's guess may also put into it a vowel that drops out
of Russian words but not out of foreign names (:func:`fleeting_vowel_stem`: "Шольца" is
Шольц, not "Шолец"). Pure string rules: :mod:`narrascope.analyzers._east_slavic` decides when they
apply.
"""

from __future__ import annotations

__all__ = ["CASE_TAGS", "TAGGED_CASES", "fleeting_vowel_stem", "masculine_nominative", "spelled_as"]

# natasha's tags of a case, as the dictionary names it, and the other way round.
TAGGED_CASES = {"Gen": "gent", "Acc": "accs", "Dat": "datv", "Ins": "ablt", "Loc": "loct"}
CASE_TAGS = {case: tag for tag, case in TAGGED_CASES.items()}
# A masculine name's endings in each oblique case, and how its nominative ends: "" for the stem
# as it stands ("Найджела" -> "Найджел"), "soft" for a stem that ends in ь or й ("Дюмеля" ->
# "Дюмель", "Николая" -> "Николай"), or the ending of a name in -а ("Лады" -> "Лада",
# "Кулибой" -> "Кулиба"). The locative is left out: its -е ends both kinds ("о Шольце", "о
# Кулибе"). Longer endings first.
_MASCULINE_ENDINGS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "ru": {
        "Gen": (("а", ""), ("я", "soft"), ("ы", "а")),
        "Acc": (("а", ""), ("я", "soft"), ("у", "а")),
        "Dat": (("у", ""), ("ю", "soft"), ("е", "а")),
        "Ins": (("ом", ""), ("ем", "soft"), ("ой", "а")),
    },
    "uk": {  # "Кіна" -> "Кін", "Шольцові" -> "Шольц", "Кулібою" -> "Куліба"
        "Gen": (("а", ""), ("я", "soft"), ("и", "а")),
        "Acc": (("а", ""), ("я", "soft"), ("у", "а")),
        "Dat": (("ові", ""), ("еві", "soft"), ("у", ""), ("ю", "soft"), ("і", "а")),
        "Ins": (("ом", ""), ("ем", "soft"), ("єм", "soft"), ("ою", "а")),
    },
}
_SIBILANTS = frozenset("жшчщц")
_VOWELS = {"ru": frozenset("аеёиоуыэюя"), "uk": frozenset("аеєиіїоуюя")}
# The letters before a soft ending that end no man's stem: a woman's adjective ("Белоглазую"),
# or a nominative ("Майя").
_NOT_SOFT_STEMS = {"ru": frozenset("уыюяйь"), "uk": frozenset("уюяйьїє")}


def masculine_nominative(word: str, case: str, language: str = "ru") -> str | None:
    """The nominative of a man's name by its ending in ``case`` (natasha's tag); None where the
    ending is none of that case's, or the stem before it is none of a man's name."""
    low, vowels = word.lower(), _VOWELS[language]
    for ending, nominative in _MASCULINE_ENDINGS[language].get(case, ()):
        stem = word[: len(word) - len(ending)]
        if not low.endswith(ending) or len(stem) < 2:
            continue
        last = stem[-1].lower()
        if nominative != "soft":
            consonant = last not in vowels and last not in "ьй"  # as a hard stem ends
            return stem + nominative if consonant else None
        if last in _NOT_SOFT_STEMS[language]:
            return None
        return stem + ("" if last in _SIBILANTS else "й" if last in vowels else "ь")
    return None


def spelled_as(normal: str, written: str) -> str:
    """``normal`` with е where ``written`` has it and the dictionary ё ("Федоров" stays so, not
    "Фёдоров"): natasha writes е, and one person must not be counted under two spellings."""
    letters = list(normal)
    for i, letter in enumerate(written[: len(normal)]):
        if letter in "еЕ" and letters[i] in "ёЁ":
            letters[i] = "Е" if letters[i] == "Ё" else "е"
    return "".join(letters)


def fleeting_vowel_stem(word: str, normal: str) -> str | None:
    """``word``'s stem where ``normal`` puts into it a vowel that drops out, before a final ц
    after a soft sign or р ("Шольца" -> "Шолец", as "пальца" -> "палец"; "Мерца" -> "Мерец", as
    "борца" -> "борец"): names of that shape are foreign ("Шольц", "Мерц") unless a dictionary
    knows them ("Стрельца"), which the caller asks. After other letters the vowel is often
    right ("Мартинца" -> "Мартинец"). None otherwise."""
    for stem in (word[: len(normal)], word[: len(normal) - 1]):
        low = stem.lower()
        if len(low) < 3 or len(stem) >= len(word) or low[-1] != "ц" or low[-2] not in "рь":
            continue
        base = low[:-2] if low[-2] == "ь" else low[:-1]
        if normal.lower() in (base + "ец", base + "ёц"):
            return stem
    return None
