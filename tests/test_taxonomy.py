"""The label spaces: counts, mappings, the Other rules, errors, and the names
checked against the organisers' label lists when ../shared/data is present."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from narrascope import taxonomy as tx
from narrascope.errors import NarrascopeError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
LISTS_2023 = DATA / "semeval2023-task3" / "label-lists"
LISTS_2025 = DATA / "semeval2025-task10" / "label-lists"

needs_data = pytest.mark.skipif(
    not DATA.is_dir(),
    reason=f"../shared/data not present: {DATA} (a fresh clone has none)",
)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# -- counts -----------------------------------------------------------------


def test_counts() -> None:
    assert len(tx.TECHNIQUES) == 23
    assert len(tx.CATEGORIES) == 6
    assert {t.category for t in tx.TECHNIQUES.values()} == set(tx.CATEGORIES)
    assert len(tx.FRAMES) == 14
    assert len(tx.GENRES) == 3
    assert len(tx.PTC_TECHNIQUES) == 14
    assert len(tx.MAIN_ROLES) == 3
    assert len(tx.FINE_ROLES) == 22
    assert len(tx.ROLES) == 25
    assert len(tx.NARRATIVES) == 21
    assert len(tx.narratives("URW")) == 11
    assert len(tx.narratives("CC")) == 10
    assert len(tx.subnarratives()) == 95
    assert len(tx.subnarratives(include_other=True)) == 96


def test_category_sizes() -> None:
    sizes = {c: 0 for c in tx.CATEGORIES}
    for t in tx.TECHNIQUES.values():
        sizes[t.category] += 1
    assert sizes == {
        "Justification": 5,
        "Simplification": 3,
        "Distraction": 3,
        "Call": 3,
        "Manipulative Wording": 4,
        "Attack on Reputation": 5,
    }


def test_lookups() -> None:
    assert tx.technique("Doubt").display == "Doubt"
    assert tx.category_of("Name_Calling-Labeling") == "Attack on Reputation"
    assert tx.category_of("False_Dilemma-No_Choice") == "Simplification"
    assert tx.frame("Security_and_defense").display == "Security and defence"
    assert tx.genre("satire").name == "satire"
    assert tx.ptc_technique("Flag-Waving").semeval2023 == ("Flag_Waving",)
    assert tx.role("Foreign Adversary").main == "Antagonist"
    assert tx.main_role_of("Foreign Adversary") == "Antagonist"
    assert tx.main_role_of("Underdog") == "Protagonist"
    assert tx.main_role_of("Scapegoat") == "Innocent"
    assert tx.main_role_of("Innocent") == "Innocent"


def test_mappings_are_read_only() -> None:
    with pytest.raises(TypeError):
        tx.TECHNIQUES["X"] = tx.TECHNIQUES["Doubt"]  # type: ignore[index]


# -- display texts ------------------------------------------------------------


def _texts() -> list[tuple[str, str, str]]:
    """(kind, name, definition) of everything that has a definition."""
    rows: list[tuple[str, str, str]] = []
    rows += [("technique", t.name, t.definition) for t in tx.TECHNIQUES.values()]
    rows += [("category", c.name, c.definition) for c in tx.CATEGORIES.values()]
    rows += [("frame", f.name, f.definition) for f in tx.FRAMES.values()]
    rows += [("genre", g.name, g.definition) for g in tx.GENRES.values()]
    rows += [("narrative", n.name, n.definition) for n in tx.NARRATIVES.values()]
    rows += [("role", r.name, r.definition) for r in tx.ROLES.values()]
    return rows


def test_every_label_has_a_short_definition() -> None:
    for kind, name, text in _texts():
        assert text.strip() == text and text.endswith("."), (kind, name)
        sentences = re.findall(r"[.?!](?:\s|$)", text)
        assert 1 <= len(sentences) <= 2, (kind, name, text)
        assert len(text) <= 200, (kind, name, text)
    for t in tx.TECHNIQUES.values():
        assert t.display and t.display[0].isupper(), t.name
    for n in tx.NARRATIVES.values():
        assert n.name.endswith(n.display), n.name


def _luminance(colour: str) -> float:
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_category_colours_read_on_white_and_differ() -> None:
    colours = [c.colour for c in tx.CATEGORIES.values()]
    assert len(set(colours)) == 6
    for colour in colours:
        assert re.fullmatch(r"#[0-9a-f]{6}", colour), colour
        contrast = 1.05 / (_luminance(colour) + 0.05)
        assert contrast >= 4.5, (colour, contrast)
    rgb = [tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in colours]
    for i, a in enumerate(rgb):
        for b in rgb[i + 1 :]:
            distance = sum((x - y) ** 2 for x, y in zip(a, b, strict=True))
            assert distance**0.5 > 60, (a, b)


# -- PTC <-> SemEval-2023 -----------------------------------------------------


def test_ptc_names() -> None:
    assert list(tx.PTC_TECHNIQUES) == [
        "Appeal_to_Authority",
        "Appeal_to_fear-prejudice",
        "Bandwagon,Reductio_ad_hitlerum",
        "Black-and-White_Fallacy",
        "Causal_Oversimplification",
        "Doubt",
        "Exaggeration,Minimisation",
        "Flag-Waving",
        "Loaded_Language",
        "Name_Calling,Labeling",
        "Repetition",
        "Slogans",
        "Thought-terminating_Cliches",
        "Whataboutism,Straw_Men,Red_Herring",
    ]


def test_ptc_maps_onto_existing_2023_names() -> None:
    for ptc, targets in tx.PTC_TO_SEMEVAL2023.items():
        assert targets, ptc
        assert len(set(targets)) == len(targets), ptc
        for name in targets:
            assert name in tx.TECHNIQUES, (ptc, name)


def test_reverse_mapping_agrees() -> None:
    assert set(tx.SEMEVAL2023_TO_PTC) == set(tx.TECHNIQUES)
    for name, ptc in tx.SEMEVAL2023_TO_PTC.items():
        if ptc is None:
            assert all(name not in t for t in tx.PTC_TO_SEMEVAL2023.values())
        else:
            assert name in tx.PTC_TO_SEMEVAL2023[ptc], name
    for ptc, targets in tx.PTC_TO_SEMEVAL2023.items():
        for name in targets:
            assert tx.SEMEVAL2023_TO_PTC[name] == ptc


def test_specific_mappings() -> None:
    m = tx.PTC_TO_SEMEVAL2023
    assert set(m["Whataboutism,Straw_Men,Red_Herring"]) == {
        "Whataboutism",
        "Straw_Man",
        "Red_Herring",
    }
    assert set(m["Bandwagon,Reductio_ad_hitlerum"]) == {
        "Appeal_to_Popularity",
        "Guilt_by_Association",
    }
    assert m["Black-and-White_Fallacy"] == ("False_Dilemma-No_Choice",)
    assert m["Thought-terminating_Cliches"] == ("Conversation_Killer",)
    unmapped = {n for n, p in tx.SEMEVAL2023_TO_PTC.items() if p is None}
    assert unmapped == {
        "Appeal_to_Hypocrisy",
        "Questioning_the_Reputation",
        "Appeal_to_Values",
        "Appeal_to_Time",
        "Consequential_Oversimplification",
        "Obfuscation-Vagueness-Confusion",
    }


# -- narratives and the Other rules -----------------------------------------


def test_every_narrative_ends_with_its_other() -> None:
    for name, narrative in tx.NARRATIVES.items():
        subs = tx.subnarratives(name)
        assert subs[-1] == f"{name}: Other"
        assert tx.other_subnarrative(name) == f"{name}: Other"
        assert all(s.startswith(f"{name}: ") for s in subs)
        assert tuple(subs) == narrative.subnarratives
        for sub in subs:
            assert tx.narrative_of(sub) == name
            assert tx.domain_of(sub) == narrative.domain
            assert tx.is_valid_subnarrative(sub)
        assert tx.domain_of(name) == narrative.domain
        assert name.startswith(f"{narrative.domain}: ")
        assert tx.is_valid_narrative(name)


def test_document_level_other() -> None:
    assert tx.is_valid_narrative("Other")
    assert tx.is_valid_subnarrative("Other")
    assert tx.narrative_of("Other") == "Other"
    assert tx.domain_of("Other") is None
    assert tx.subnarratives("Other") == ["Other"]
    assert tx.other_subnarrative("Other") == "Other"
    assert tx.narratives(include_other=True)[-1] == "Other"
    assert "Other" not in tx.narratives()
    assert "Other" not in tx.subnarratives()
    assert tx.document_narratives([], []) == (("Other",), ("Other",))
    assert tx.document_narratives(["Other"], ["Other"]) == (
        ("Other",),
        ("Other",),
    )


def test_document_narratives_completes_and_orders() -> None:
    fears = "URW: Amplifying war-related fears"
    ww3 = f"{fears}: By continuing the war we risk WWIII"
    cc = "CC: Climate change is beneficial"
    other = "Other"
    narratives, subs = tx.document_narratives([fears, fears, cc, other], [ww3, other])
    assert narratives == (fears, cc)
    assert subs == (ww3, f"{cc}: Other")
    # a subnarrative alone implies its narrative
    assert tx.document_narratives([], [ww3]) == ((fears,), (ww3,))


def test_invalid_narrative_labels() -> None:
    assert not tx.is_valid_narrative("URW: Praise of Russia: Other")
    assert not tx.is_valid_subnarrative("URW: Praise of Russia")
    assert not tx.is_valid_narrative("other")
    with pytest.raises(NarrascopeError) as err:
        tx.domain_of("URW: Praise of Rusia: Other")
    assert err.value.code == "E301"
    assert "'URW: Praise of Russia: Other'" in err.value.message
    with pytest.raises(NarrascopeError):
        tx.document_narratives(["CC: Climate"], [])
    with pytest.raises(NarrascopeError, match="unknown domain 'EU'"):
        tx.narratives("EU")  # type: ignore[arg-type]


def test_curly_apostrophe_is_kept() -> None:
    assert "URW: Discrediting Ukraine: Rewriting Ukraine\u2019s history" in (
        tx.subnarratives("URW: Discrediting Ukraine")
    )


# -- unknown names ------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "name", "suggestion"),
    [
        (tx.technique, "Flag-Waving", "Flag_Waving"),
        (tx.technique, "Name_Calling,Labeling", "Name_Calling-Labeling"),
        (tx.technique, "Strawman", "Straw_Man"),
        (tx.category_of, "loaded language", "Loaded_Language"),
        (tx.frame, "Security_and_defence", "Security_and_defense"),
        (tx.genre, "Opinion", "opinion"),
        (tx.ptc_technique, "Flag_Waving", "Flag-Waving"),
        (tx.role, "ForeignAdversary", "Foreign Adversary"),
        (tx.main_role_of, "Villain ", None),
        (tx.narrative, "URW: Praise of Rusia", "URW: Praise of Russia"),
    ],
)
def test_unknown_names_raise_e301_with_suggestion(call: Any, name: str, suggestion: str | None) -> None:
    with pytest.raises(NarrascopeError) as err:
        call(name)
    assert err.value.code == "E301"
    assert f"{name!r}" in err.value.message
    assert "(known: " in err.value.message
    if suggestion is None:
        assert "did you mean" not in err.value.message
    else:
        assert err.value.message.endswith(f"did you mean {suggestion!r}?")


def test_unknown_technique_message_lists_the_known() -> None:
    with pytest.raises(NarrascopeError) as err:
        tx.technique("X")
    assert str(err.value).startswith("E301: unknown technique 'X' (known: ")
    assert "Questioning_the_Reputation" in str(err.value)


def test_long_lists_are_not_spelt_out() -> None:
    with pytest.raises(NarrascopeError) as err:
        tx.narrative_of("CC: Downplaying climate change: Ice is melting")
    assert "(known: 95 names)" in err.value.message
    assert "did you mean" in err.value.message


# -- the module keeps label text off long lines (see the data's terms) ------


def _label_texts() -> set[str]:
    """Every label name, and every subnarrative suffix as the module stores it."""
    labels = {*tx.TECHNIQUES, *tx.CATEGORIES, *tx.FRAMES, *tx.GENRES}
    labels |= {*tx.PTC_TECHNIQUES, *tx.ROLES, *tx.NARRATIVES, tx.OTHER}
    for narrative in tx.NARRATIVES.values():
        for sub in narrative.subnarratives:
            labels |= {sub, sub.removeprefix(f"{narrative.name}: ")}
    return labels


def test_lines_that_hold_labels_are_short() -> None:
    labels = _label_texts()
    for path in (ROOT / "src" / "narrascope" / "taxonomy.py", Path(__file__)):
        for number, line in enumerate(_lines(path), 1):
            if len(line) >= 80:
                held = [label for label in labels if label in line]
                assert not held, f"{path.name}:{number} holds {held}"


@needs_data
def test_no_long_line_comes_from_the_label_lists() -> None:
    theirs = "\n".join(
        p.read_text(encoding="utf-8") for folder in (LISTS_2023, LISTS_2025) for p in sorted(folder.iterdir())
    )
    for path in (ROOT / "src" / "narrascope" / "taxonomy.py", Path(__file__)):
        for number, line in enumerate(_lines(path), 1):
            if len(line) >= 80:
                assert line.strip() not in theirs, f"{path.name}:{number}"


# -- against the organisers' label lists ------------------------------------


@needs_data
def test_2023_names_match_label_lists() -> None:
    assert list(tx.TECHNIQUES) == _lines(LISTS_2023 / "techniques_subtask3.txt")
    assert list(tx.FRAMES) == _lines(LISTS_2023 / "frames_subtask2.txt")
    assert list(tx.GENRES) == _lines(LISTS_2023 / "genres_subtask1.txt")


@needs_data
def test_categories_match_the_data_readme() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    text = " ".join(readme.split())
    for category in tx.CATEGORIES:
        members = [t.name for t in tx.TECHNIQUES.values() if t.category == category]
        assert f"{category} ({', '.join(members)})" in text, category


@needs_data
def test_narratives_match_taxonomy_json() -> None:
    path = LISTS_2025 / "narrative-taxonomy.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == list(tx.DOMAINS)
    for domain, tree in data.items():
        assert tx.narratives(domain) == list(tree)
        for name, subs in tree.items():
            assert tx.subnarratives(name) == subs
    flat = [s for tree in data.values() for subs in tree.values() for s in subs]
    assert tx.subnarratives() == flat


@needs_data
def test_flat_lists_are_covered() -> None:
    narratives = _lines(LISTS_2025 / "subtask2_narratives.txt")
    assert sorted(tx.narratives(include_other=True)) == sorted(narratives)
    subs = set(_lines(LISTS_2025 / "subtask2_subnarratives.txt"))
    # the flat list lacks a few of the taxonomy's: the taxonomy is the space
    assert subs <= set(tx.subnarratives(include_other=True))


def _role_tree() -> dict[str, Any]:
    path = LISTS_2025 / "role-taxonomy.json"
    tree: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return tree


@needs_data
def test_roles_match_role_taxonomy_json() -> None:
    mains = _role_tree()["children"]
    assert [m["name"] for m in mains] == list(tx.MAIN_ROLES)
    fine = {f["name"]: m["name"] for m in mains for f in m["children"]}
    assert list(fine) == list(tx.FINE_ROLES)
    for name, main in fine.items():
        assert tx.main_role_of(name) == main


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@needs_data
def test_role_definitions_are_our_own() -> None:
    mains = _role_tree()["children"]
    theirs = {m["name"]: m.get("definition", "") for m in mains}
    for m in mains:
        theirs.update({f["name"]: f.get("definition", "") for f in m["children"]})
    for name, ours in tx.ROLES.items():
        shared = _shingles(ours.definition) & _shingles(theirs[name])
        assert not shared, (name, shared)


def test_a_subnarrative_is_shown_in_its_own_words() -> None:
    sub = "URW: Discrediting the West, Diplomacy: The EU is divided"
    assert tx.subnarrative_name(sub) == "The EU is divided"
    catch_all = "URW: Discrediting the West, Diplomacy: Other"
    assert tx.subnarrative_name(catch_all) == "Other"
    assert tx.subnarrative_name("Other") == "Other"
