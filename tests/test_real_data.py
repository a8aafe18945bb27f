"""Every file of the shared tasks' training data reads without an error, with the expected counts.

The data lives beside the project in ``../shared/data`` and is never committed (its terms
forbid it); on a fresh clone without it these tests are skipped, saying why. The counts
pinned here are what the readers find today; a change in a reader that loses or invents a
label shows up as a changed count.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from narrascope import taxonomy
from narrascope.formats.semeval2023 import read_semeval2023
from narrascope.formats.semeval2025 import read_semeval2025

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

pytestmark = pytest.mark.skipif(
    not DATA.is_dir(),
    reason=f"../shared/data not present ({DATA}): the training data is never in a fresh clone",
)

# language folder: (articles, genre labels, frame-annotated articles, paragraph labels, spans)
SEMEVAL2023 = {
    "en": (453, 351, 351, 5853, 7201),
    "fr": (196, 118, 123, 4201, 5595),
    "ge": (167, 103, 98, 3053, 4501),
    "it": (283, 178, 181, 4094, 6027),
    "po": (183, 123, 126, 2191, 2839),
    "ru": (178, 107, 104, 2569, 3399),
}
# the spans whose end the reader extends by one character (see formats/semeval2023.py)
EXTENDED = {"en": 1, "fr": 1441, "ge": 1106, "it": 1674, "po": 1033, "ru": 1068}

# language folder: (documents, role mentions kept, documents with narratives, with a dominant one)
SEMEVAL2025 = {
    "BG": (401, 627, 401, 357),
    "EN": (399, 686, 399, 203),
    "HI": (366, 2331, 366, 193),
    "PT": (400, 1251, 400, 252),
    "RU": (215, 722, 215, 210),
}
# mentions re-anchored because their offsets count each line break twice
DOUBLED_LINE_BREAKS = {"BG": 0, "EN": 0, "HI": 1122, "PT": 345, "RU": 467}


@pytest.mark.parametrize("folder", sorted(SEMEVAL2023))
def test_semeval2023_reads_with_expected_counts(folder: str) -> None:
    docs, log = read_semeval2023(
        DATA / "semeval2023-task3" / folder,
        known_techniques=taxonomy.TECHNIQUES,
        known_frames=taxonomy.FRAMES,
        known_genres=taxonomy.GENRES,
    )
    counts = (
        len(docs),
        sum(bool(d.labels_of("genre")) for d in docs),
        sum("frame" in d.metadata["annotated"] for d in docs),
        sum(len(d.layer("paragraph_technique")) for d in docs),
        sum(len(d.layer("technique")) for d in docs),
    )
    assert counts == SEMEVAL2023[folder]
    assert log.counts["end one character inside a word: extended"] == EXTENDED[folder]
    assert log.counts.get("dropped: empty or outside the text", 0) == 0
    for doc in docs:
        for span in doc.spans:
            assert 0 <= span.start < span.end <= len(doc.text)
            assert span.text_in(doc) == span.text_in(doc).strip()


def test_english_uses_19_techniques_and_russian_all_23() -> None:
    used = {}
    for folder in ("en", "ru"):
        docs, _ = read_semeval2023(DATA / "semeval2023-task3" / folder)
        used[folder] = {s.label for d in docs for s in d.layer("paragraph_technique")}
    assert len(used["en"]) == 19
    assert used["ru"] == set(taxonomy.TECHNIQUES)


@pytest.mark.parametrize("folder", sorted(SEMEVAL2025))
def test_semeval2025_reads_with_expected_counts(folder: str) -> None:
    docs, log = read_semeval2025(
        DATA / "semeval2025-task10" / folder,
        main_roles=taxonomy.MAIN_ROLES,
        fine_roles=taxonomy.FINE_ROLES,
        narratives=[*taxonomy.narratives(), taxonomy.OTHER],
        subnarratives=[*taxonomy.subnarratives(), taxonomy.OTHER],
    )
    counts = (
        len(docs),
        sum(len(d.layer("role")) for d in docs),
        sum(bool(d.labels_of("narrative")) for d in docs),
        sum(bool(d.labels_of("dominant_narrative")) for d in docs),
    )
    assert counts == SEMEVAL2025[folder]
    assert log.counts.get("re-anchored: line breaks counted twice", 0) == DOUBLED_LINE_BREAKS[folder]
    assert log.counts.get("dropped: mention not found in the text", 0) == 0
    for doc in docs:
        for span in doc.layer("role"):
            assert span.text_in(doc) == span.attrs["mention"]


@pytest.mark.slow
def test_semeval2025_predict_answers_every_document_and_mention_in_every_language(tmp_path: Path) -> None:
    """Two real documents of each language, Hindi included, through the three subtasks."""
    from narrascope.predict import predict_submission

    folder, mentions = tmp_path / "docs", tmp_path / "mentions.txt"
    folder.mkdir()
    lines = []
    for language in ("BG", "EN", "HI", "PT", "RU"):
        root = DATA / "semeval2025-task10" / language
        annotated = [
            line.split("\t")
            for line in (root / "subtask-1-annotations.txt").read_text(encoding="utf-8").splitlines()
        ]
        for name in sorted({cols[0] for cols in annotated})[:2]:
            (folder / name).write_bytes((root / "raw-documents" / name).read_bytes())
            lines += ["\t".join(cols[:4]) for cols in annotated if cols[0] == name]
    mentions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for task in ("semeval2025-st2", "semeval2025-st3"):
        count, failed, written = predict_submission(task, folder, tmp_path / f"{task}.txt")
        assert (count, failed, written) == (10, 0, 10)
    count, failed, written = predict_submission(
        "semeval2025-st1", folder, tmp_path / "st1.txt", mentions_path=mentions
    )
    assert failed == 0 and written == len(lines)
    out = (tmp_path / "st1.txt").read_text(encoding="utf-8").splitlines()
    assert ["\t".join(line.split("\t")[:4]) for line in out] == lines


def test_no_annotated_role_is_a_date_line_place() -> None:
    """Why the role analyzer does not cast a date line's place ("МОСКВА, 3 июля - ..."):
    the annotators never cast one, although many documents open with one."""
    import re

    from narrascope.analyzers.entities import is_dateline

    opening = re.compile(r"^[^\W\d_a-zа-яё]{3,}(?: [^\W\d_a-zа-яё]{3,})*", re.MULTILINE)
    places = cast = 0
    for language in SEMEVAL2025:
        docs, _ = read_semeval2025(DATA / "semeval2025-task10" / language)
        for doc in docs:
            places += sum(is_dateline(doc.text, m.start(), m.end()) for m in opening.finditer(doc.text))
            cast += sum(is_dateline(doc.text, s.start, s.end) for s in doc.layer("role"))
    assert places >= 20
    assert cast == 0
