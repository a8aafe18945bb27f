"""When two texts are one name: spelling keys in any script, sound keys across scripts."""

from __future__ import annotations

import pytest

from narrascope.names import romanize, sound_key, spelling_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Vladimir Putin", "Владимир Путин"),
        ("Zelensky", "Zelenskyy"),
        ("Volodymyr Zelenskyy", "Володимир Зеленський"),
        ("Viktor Orbán", "Виктор Орбан"),
        ("Dmitry Peskov", "Дмитрий Песков"),
        ("NATO", "НАТО"),
        ("[Vladimir]  Putin", "vladimir putin"),
        # Hindi: the dot below makes "ज" z ("ज़ेलेंस्की")
        ("Vladimir Putin", "व्लादिमीर पुतिन"),
        ("Volodymyr Zelensky", "वोलोदिमीर ज़ेलेंस्की"),
        ("Modi", "मोदी"),
    ],
)
def test_spellings_of_one_name_share_a_spelling_key(one: str, other: str) -> None:
    assert spelling_key(one) == spelling_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Joe Biden", "Джо Байден"),
        ("Volodymyr Zelensky", "Владимир Зеленский"),
        ("Jens Stoltenberg", "Йенс Столтенберг"),
        ("Janet Yellen", "Джанет Йеллен"),
        ("Emmanuel Macron", "Эммануэль Макрон"),
        ("Tucker Carlson", "Такер Карлсон"),
        ("Boris Johnson", "Борис Джонсон"),
        ("Olaf Scholz", "Олаф Шольц"),
        ("Bill Gates", "Билл Гейтс"),
        ("Ursula von der Leyen", "Урсула фон дер Ляйен"),
        ("Jarosław Kaczyński", "Ярослав Качиньский"),
        ("Andriy Yermak", "Андрей Ермак"),
        ("Greta Thunberg", "Грета Тунберг"),
        # Hindi, the vowels as Hindi writes them
        ("Joe Biden", "जो बाइडेन"),
        ("Donald Trump", "डोनाल्ड ट्रंप"),
        ("Antony Blinken", "एंटनी ब्लिंकन"),
        ("Olaf Scholz", "ओलाफ शोल्ज़"),
    ],
)
def test_transliterations_share_a_sound_key_not_a_spelling_key(one: str, other: str) -> None:
    assert sound_key(one) == sound_key(other)
    assert spelling_key(one) != spelling_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Joe Biden", "Hunter Biden"),
        ("Joe Biden", "Jill Biden"),
        ("F-16", "F-35"),  # digits are part of a name
        ("Modi", "Moody"),
        ("Xi Jinping", "Си Цзиньпин"),  # pinyin and Palladius: known to stay apart
    ],
)
def test_other_names_keep_their_keys(one: str, other: str) -> None:
    assert spelling_key(one) != spelling_key(other)
    assert sound_key(one) != sound_key(other) or len(one.split()) == 1


def test_keys_line_up_word_by_word() -> None:
    assert romanize("Щукин Жан-Клод Ёлкин Ørsted") == "shchukin zhan-klod elkin orsted"
    assert spelling_key("Жан-Клод") == "zhan klod"
    assert sound_key("Ao Io") == "_ _"  # words of vowels alone keep their place
    assert spelling_key("—") == "" and sound_key("") == ""
    # Devanagari is transliterated (the inherent vowel silent at a word's end); scripts
    # without a transliteration pass through untouched, marks and all
    assert spelling_key("नरेंद्र मोदी") == "narendr modi" and spelling_key("मोदी") == spelling_key("Modi")
    assert spelling_key("নরেন্দ্র মোদী") == "নরেন্দ্র মোদী"  # Bengali
