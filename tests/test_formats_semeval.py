"""Readers and writers of the shared tasks' formats, on small fixtures written for the tests."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrascope.errors import NarrascopeError
from narrascope.formats.ptc import read_ptc, read_ptc_labels, write_ptc_labels
from narrascope.formats.semeval2023 import (
    paragraph_lines,
    read_frames,
    read_genres,
    read_paragraph_techniques,
    read_semeval2023,
    read_span_techniques,
    write_frames,
    write_genres,
    write_paragraph_techniques,
    write_span_techniques,
)
from narrascope.formats.semeval2025 import (
    read_dominant_narratives,
    read_narratives,
    read_roles,
    read_semeval2025,
    write_dominant_narratives,
    write_narratives,
    write_roles,
)

# Invented articles, in the shared task's shape: title, empty line, body.
ARTICLE_1 = (
    "Drills near the border\n\n"
    "The ministry called the drills a reckless provocation.\n\n"
    "Officials said the enemy would fail.\n"
)
ARTICLE_2 = "Учения у границы\r\n\r\nМинистр назвал учения безрассудной провокацией.\r\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


@pytest.fixture
def semeval2023(tmp_path: Path) -> Path:
    root = tmp_path / "ru"
    _write(root / "train-articles-subtask-3" / "article101.txt", ARTICLE_1)
    _write(root / "train-articles-subtask-3" / "article102.txt", ARTICLE_2)
    _write(root / "train-articles-subtask-1" / "article103.txt", "Held-out article\n\nBody.\n")
    _write(root / "train-labels-subtask-1.txt", "101\treporting\n102\topinion\n")
    _write(root / "train-labels-subtask-2.txt", "101\tSecurity_and_defense,Political\n102\t\n")
    _write(
        root / "train-labels-subtask-3.txt",
        "101\t1\t\n101\t3\tLoaded_Language,Name_Calling-Labeling\n101\t5\t\n102\t1\t\n102\t3\tLoaded_Language\n",
    )
    reckless = ARTICLE_1.index("reckless")
    enemy = ARTICLE_1.index("the enemy")
    bezr = ARTICLE_2.index("безрассудной")
    _write(
        root / "train-labels-subtask-3-spans" / "article101-labels-subtask-3.txt",
        f"101\tLoaded_Language\t{reckless}\t{reckless + len('reckless provocation')}\n"
        # starts on a space and ends one letter short of "enemy": trimmed and extended
        f"101\tName_Calling-Labeling\t{enemy - 1}\t{enemy + len('the enem')}\n",
    )
    _write(
        root / "train-labels-subtask-3-spans" / "article102-labels-subtask-3.txt",
        # ends past the article: clipped
        f"102\tLoaded_Language\t{bezr}\t{len(ARTICLE_2) + 7}\n",
    )
    return root


def test_semeval2023_folder_reads_every_label_with_repairs_counted(semeval2023: Path) -> None:
    docs, log = read_semeval2023(semeval2023)
    by_id = {d.metadata["article_id"]: d for d in docs}
    assert sorted(by_id) == ["101", "102", "103"]
    one, two, held_out = by_id["101"], by_id["102"], by_id["103"]
    assert one.language == two.language == "ru"  # the folder's language
    assert one.title == "Drills near the border"
    assert [g.label for g in one.labels_of("genre")] == ["reporting"]
    assert sorted(f.label for f in one.labels_of("frame")) == ["Political", "Security_and_defense"]
    assert two.labels_of("frame") == [] and "frame" in two.metadata["annotated"]  # annotated: no frame
    assert held_out.metadata["annotated"] == ["technique"]  # genre and frames held back
    para = [(s.attrs["paragraph"], s.label, s.text_in(one)) for s in one.layer("paragraph_technique")]
    line3 = "The ministry called the drills a reckless provocation."
    assert para == [(3, "Loaded_Language", line3), (3, "Name_Calling-Labeling", line3)]
    assert [s.text_in(one) for s in one.layer("technique")] == ["reckless provocation", "the enemy"]
    assert two.text == ARTICLE_2  # carriage returns kept, so offsets fit the file
    assert [s.text_in(two) for s in two.layer("technique")] == ["безрассудной провокацией."]
    assert log.counts == {
        "white space at the edges: trimmed": 2,
        "end one character inside a word: extended": 1,
        "end past the text: clipped": 1,
    }


def test_semeval2023_writers_reproduce_the_label_files(semeval2023: Path, tmp_path: Path) -> None:
    docs, _ = read_semeval2023(semeval2023)
    out = tmp_path / "out"
    out.mkdir()
    write_genres(docs, out / "st1.txt")
    write_frames(docs, out / "st2.txt")
    write_paragraph_techniques([d for d in docs if d.metadata["article_id"] != "103"], out / "st3.txt")
    write_span_techniques(docs, out / "spans.txt")
    assert read_genres(out / "st1.txt") == read_genres(semeval2023 / "train-labels-subtask-1.txt")
    assert read_frames(out / "st2.txt") == read_frames(semeval2023 / "train-labels-subtask-2.txt")
    assert read_paragraph_techniques(out / "st3.txt") == read_paragraph_techniques(
        semeval2023 / "train-labels-subtask-3.txt"
    )
    spans = read_span_techniques(out / "spans.txt")
    assert [s for s in spans["101"]] == [
        (s.label, s.start, s.end)
        for s in next(d for d in docs if d.metadata["article_id"] == "101").layer("technique")
    ]


def test_paragraphs_are_named_by_their_line_number() -> None:
    assert paragraph_lines("T\n\nA\n\n\nB\n") == [(1, 0, 1), (3, 3, 4), (6, 7, 8)]
    assert paragraph_lines("T\r\n\r\nA\r\n") == [(1, 0, 1), (3, 5, 6)]


@pytest.mark.parametrize(
    ("content", "reader", "message"),
    [
        ("101\n", read_genres, r"E300: .*st\.txt:1: expected 2 tab-separated columns, found 1"),
        ("101\treporting\n101\tsatire\n", read_genres, r"st\.txt:2: '101' is listed twice"),
        ("101\tx\tLoaded_Language\n", read_paragraph_techniques, r"st\.txt:1: paragraph number 'x' is not"),
        (
            "\n101\t1\tLoaded_Languag\n",
            partial(read_paragraph_techniques, known={"Loaded_Language"}),
            r"E301: .*st\.txt:2: unknown technique",
        ),
    ],
)
def test_malformed_label_lines_name_file_and_line(
    tmp_path: Path, content: str, reader: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "st.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NarrascopeError, match=message):
        reader(path)


def test_labels_for_an_article_without_text_are_refused(semeval2023: Path) -> None:
    with (semeval2023 / "train-labels-subtask-1.txt").open("a", encoding="utf-8") as handle:
        handle.write("999\tsatire\n")
    with pytest.raises(NarrascopeError, match=r"E302: .*article 999"):
        read_semeval2023(semeval2023)


_PARA_LABELS = st.dictionaries(
    st.tuples(st.sampled_from(["1", "22", "333"]), st.integers(1, 40)),
    st.sets(
        st.sampled_from(["Doubt", "Loaded_Language", "Name_Calling-Labeling", "Flag_Waving"]), max_size=3
    ),
    max_size=15,
)


@settings(max_examples=60, deadline=None)
@given(_PARA_LABELS)
def test_paragraph_label_file_round_trip(
    tmp_path_factory: pytest.TempPathFactory, labels: dict[tuple[str, int], set[str]]
) -> None:
    path = tmp_path_factory.mktemp("p") / "st3.txt"
    path.write_text(
        "".join(f"{a}\t{n}\t{','.join(sorted(t))}\n" for (a, n), t in labels.items()), encoding="utf-8"
    )
    assert read_paragraph_techniques(path) == labels


# -- PTC --------------------------------------------------------------------------------------


def test_ptc_technique_names_with_commas_and_si_lines(tmp_path: Path) -> None:
    _write(tmp_path / "articles" / "article7.txt", ARTICLE_1)
    start = ARTICLE_1.index("the enemy")
    tc = tmp_path / "tc.labels"
    tc.write_text(f"7\tName_Calling,Labeling\t{start}\t{start + 9}\n", encoding="utf-8")
    si = tmp_path / "si.labels"
    si.write_text(f"7\t{start}\t{start + 9}\n", encoding="utf-8")
    docs, log = read_ptc(tmp_path / "articles", tc)
    assert [(s.label, s.text_in(docs[0])) for s in docs[0].layer("technique")] == [
        ("Name_Calling,Labeling", "the enemy")
    ]
    assert not log
    assert read_ptc_labels(si) == {"7": [("propaganda", start, start + 9)]}
    out = tmp_path / "out.labels"
    write_ptc_labels(docs, out)
    assert read_ptc_labels(out) == read_ptc_labels(tc)
    write_ptc_labels(docs, out, task="SI")
    assert out.read_text(encoding="utf-8") == si.read_text(encoding="utf-8")


# -- SemEval-2025 ------------------------------------------------------------------------------

DOC_EN = "NATO expands east.\nThe Kremlin warned NATO again.\n"
DOC_RU = "Заголовок\n\nМосква обвинила Брюссель.\n"


@pytest.fixture
def semeval2025(tmp_path: Path) -> Path:
    root = tmp_path / "RU"
    _write(root / "raw-documents" / "RU_1.txt", DOC_EN)
    _write(root / "raw-documents" / "RU_2.txt", DOC_RU)
    nato = DOC_EN.index("NATO again")
    brussels = DOC_RU.index("Брюссель")
    doubled = brussels + DOC_RU[:brussels].count("\n")  # offsets counting each line break twice
    _write(
        root / "subtask-1-annotations.txt",
        f"RU_1.txt\tNATO\t{nato}\t{nato + 3}\tAntagonist\tInstigator\tConspirator\n"
        f"RU_1.txt\tKremlin\t{DOC_EN.index('Kremlin') + 2}\t{DOC_EN.index('Kremlin') + 8}\tProtagonist\tGuardian\n"
        f"RU_2.txt\tБрюссель\t{doubled}\t{doubled + 7}\tAntagonist\tDeceiver\n"
        f"RU_2.txt\tВашингтон\t0\t8\tAntagonist\tTyrant\n",
    )
    _write(
        root / "subtask-2-annotations.txt",
        "RU_1.txt\tURW: Discrediting the West, Diplomacy\tURW: Discrediting the West, Diplomacy: The West is weak\n"
        "RU_2.txt\tOther\tOther\n",
    )
    _write(
        root / "subtask-3-annotations.txt",
        "RU_1.txt\tURW: Praise of Russia\tURW: Praise of Russia: Other\tThe text\tpraises.\n",
    )
    return root


def test_semeval2025_roles_are_re_anchored_and_counted(semeval2025: Path) -> None:
    docs, log = read_semeval2025(semeval2025)
    one, two = docs
    roles = [(s.text_in(one), s.label, s.attrs["fine_roles"]) for s in one.layer("role")]
    assert roles == [
        ("Kremlin", "Protagonist", ["Guardian"]),
        ("NATO", "Antagonist", ["Instigator", "Conspirator"]),
    ]
    assert [s.text_in(two) for s in two.layer("role")] == ["Брюссель"]
    assert log.counts == {
        "re-anchored: nearest occurrence of the mention": 1,
        "re-anchored: line breaks counted twice": 1,
        "dropped: mention not found in the text": 1,
    }
    assert [n.label for n in one.labels_of("narrative")] == ["URW: Discrediting the West, Diplomacy"]
    (dominant,) = one.labels_of("dominant_narrative")
    assert dominant.attrs == {
        "subnarrative": "URW: Praise of Russia: Other",
        "explanation": "The text\tpraises.",
    }
    assert [n.label for n in two.labels_of("subnarrative")] == ["Other"]


def test_semeval2025_writers_round_trip(semeval2025: Path, tmp_path: Path) -> None:
    docs, _ = read_semeval2025(semeval2025)
    write_roles(docs, tmp_path / "st1.txt")
    roles = read_roles(tmp_path / "st1.txt")
    assert [(doc, mention, main, fine) for doc, mention, _, _, main, fine in roles] == [
        ("RU_1.txt", "Kremlin", "Protagonist", ("Guardian",)),
        ("RU_1.txt", "NATO", "Antagonist", ("Instigator", "Conspirator")),
        ("RU_2.txt", "Брюссель", "Antagonist", ("Deceiver",)),
    ]
    # written offsets are the re-anchored ones, so the mention now fits the text
    assert all(DOC_EN[s:e] == m or DOC_RU[s:e] == m for _, m, s, e, _, _ in roles)
    write_narratives(docs, tmp_path / "st2.txt")
    assert read_narratives(tmp_path / "st2.txt") == read_narratives(semeval2025 / "subtask-2-annotations.txt")
    write_dominant_narratives(docs, tmp_path / "st3.txt")
    assert read_dominant_narratives(tmp_path / "st3.txt") == {
        "RU_1.txt": ("URW: Praise of Russia", "URW: Praise of Russia: Other", "The text praises.")
    }


def test_role_line_without_fine_role(tmp_path: Path) -> None:
    path = tmp_path / "st1.txt"
    path.write_text("D.txt\tNATO\t0\t3\tAntagonist\t\n", encoding="utf-8")
    with pytest.raises(NarrascopeError, match=r"st1\.txt:1: no fine role"):
        read_roles(path)


_SPANS = st.dictionaries(
    st.from_regex(r"[0-9]{1,6}", fullmatch=True),
    st.lists(
        st.tuples(
            st.sampled_from(["Doubt", "Loaded_Language", "Name_Calling,Labeling"]),
            st.integers(0, 500),
            st.integers(1, 80),
        ).map(lambda t: (t[0], t[1], t[1] + t[2])),
        min_size=1,
        max_size=5,
    ),
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(_SPANS)
def test_span_label_files_round_trip(
    tmp_path_factory: pytest.TempPathFactory, spans: dict[str, list[tuple[str, int, int]]]
) -> None:
    folder = tmp_path_factory.mktemp("s")
    lines = "".join(f"{a}\t{label}\t{s}\t{e}\n" for a, items in spans.items() for label, s, e in items)
    (folder / "spans.txt").write_text(lines, encoding="utf-8")
    (folder / "tc.labels").write_text(lines, encoding="utf-8")
    assert read_span_techniques(folder / "spans.txt") == spans
    assert read_ptc_labels(folder / "tc.labels") == spans


_NARRATIVE_NAMES = st.sampled_from(["URW: Praise of Russia", "CC: Amplifying Climate Fears", "Other"])


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[A-Z]{2}_[0-9]{1,5}\.txt", fullmatch=True),
        st.tuples(
            st.lists(_NARRATIVE_NAMES, min_size=1, max_size=3),
            st.lists(_NARRATIVE_NAMES, min_size=1, max_size=3),
        ),
        max_size=6,
    )
)
def test_narrative_files_round_trip(
    tmp_path_factory: pytest.TempPathFactory, labels: dict[str, tuple[list[str], list[str]]]
) -> None:
    path = tmp_path_factory.mktemp("n") / "st2.txt"
    path.write_text(
        "".join(f"{d}\t{';'.join(n)}\t{';'.join(s)}\n" for d, (n, s) in labels.items()), encoding="utf-8"
    )
    assert read_narratives(path) == labels
