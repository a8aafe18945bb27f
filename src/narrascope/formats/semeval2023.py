"""SemEval-2023 Task 3: genre (subtask 1), frames (subtask 2), persuasion techniques per
paragraph (subtask 3) and per span, in the organisers' file formats.

A language folder holds ``train-articles-subtask-{1,2,3}/article<ID>.txt`` (title, empty line,
body), ``train-labels-subtask-1.txt`` (``ID<TAB>genre``), ``train-labels-subtask-2.txt``
(``ID<TAB>frame,frame``), ``train-labels-subtask-3.txt`` (``ID<TAB>line<TAB>technique,...``)
and ``train-labels-subtask-3-spans/article<ID>-labels-subtask-3.txt``
(``ID<TAB>technique<TAB>start<TAB>end``).

Offsets count every character of the file as stored, carriage returns included (read with
newline translation, the non-English spans drift). About a third of the non-English spans
end one character short of a word's end ("молилис" for "молились"); every one of them is
fixed by extending it by one character, which the reader does and counts.

Subtask 3 names a paragraph by its line number in the article file (empty lines counted),
and lists every non-empty line, with an empty third column where no technique is used. The
label files of the development and test phases, and a system's predictions, have the same
shapes, so the same functions read gold and predictions.

``Document.metadata["annotated"]`` lists the layers the files annotate for each article, so
that "no frame" is told apart from "frames not annotated" (a fifth of the articles have
their genre and frames held back).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from pathlib import Path

from narrascope.document import Document, Label, Span
from narrascope.errors import NarrascopeError
from narrascope.formats._common import (
    RepairLog,
    integer,
    line_error,
    read_text,
    repair_span,
    tab_rows,
    write_lines,
)
from narrascope.paragraphs import paragraph_lines

__all__ = [
    "LANGUAGES",
    "paragraph_lines",
    "read_frames",
    "read_genres",
    "read_paragraph_techniques",
    "read_semeval2023",
    "read_span_techniques",
    "write_frames",
    "write_genres",
    "write_paragraph_techniques",
    "write_span_techniques",
]

#: The official folder names and the ISO 639-1 codes of their languages.
LANGUAGES = {"en": "en", "fr": "fr", "ge": "de", "it": "it", "po": "pl", "ru": "ru"}
SOURCE = "gold:semeval2023"


def _check(label: str, known: Collection[str] | None, path: Path, line: int, what: str) -> str:
    if known is not None and label not in known:
        raise line_error(path, line, f"unknown {what} {label!r}", code="E301")
    return label


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


# -- label files, for scoring --------------------------------------------------------------


def read_genres(path: str | Path, known: Collection[str] | None = None) -> dict[str, str]:
    """``ID<TAB>genre`` lines as {article id: genre}."""
    out: dict[str, str] = {}
    for line, cols in tab_rows(path, 2, 2):
        _duplicate(out, cols[0], Path(path), line)
        out[cols[0]] = _check(cols[1].strip(), known, Path(path), line, "genre")
    return out


def read_frames(path: str | Path, known: Collection[str] | None = None) -> dict[str, set[str]]:
    """``ID<TAB>frame,frame,...`` lines as {article id: frames}."""
    out: dict[str, set[str]] = {}
    for line, cols in tab_rows(path, 1, 2):
        _duplicate(out, cols[0], Path(path), line)
        frames = _split(cols[1]) if len(cols) > 1 else []
        out[cols[0]] = {_check(f, known, Path(path), line, "frame") for f in frames}
    return out


def read_paragraph_techniques(
    path: str | Path, known: Collection[str] | None = None
) -> dict[tuple[str, int], set[str]]:
    """``ID<TAB>line<TAB>technique,...`` lines as {(article id, line number): techniques}."""
    out: dict[tuple[str, int], set[str]] = {}
    file = Path(path)
    for line, cols in tab_rows(file, 2, 3):
        key = (cols[0], integer(file, line, cols[1], "paragraph number"))
        _duplicate(out, key, file, line)
        labels = _split(cols[2]) if len(cols) > 2 else []
        out[key] = {_check(t, known, file, line, "technique") for t in labels}
    return out


def read_span_techniques(
    path: str | Path, known: Collection[str] | None = None
) -> dict[str, list[tuple[str, int, int]]]:
    """``ID<TAB>technique<TAB>start<TAB>end`` lines (one file, or a folder of them) as
    {article id: [(technique, start, end)]}. Offsets are taken as they are; see
    :func:`read_semeval2023` for the repairs that need the article text."""
    target = Path(path)
    files = sorted(target.glob("*.txt")) if target.is_dir() else [target]
    out: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for file in files:
        for line, cols in tab_rows(file, 4, 4):
            start = integer(file, line, cols[2], "start")
            end = integer(file, line, cols[3], "end")
            out[cols[0]].append((_check(cols[1], known, file, line, "technique"), start, end))
    return dict(out)


def _duplicate(seen: Collection[object], key: object, path: Path, line: int) -> None:
    if key in seen:
        raise line_error(path, line, f"{key!r} is listed twice", code="E300")


# -- whole corpora, as Documents ------------------------------------------------------------


def read_semeval2023(
    folder: str | Path,
    known_techniques: Collection[str] | None = None,
    known_frames: Collection[str] | None = None,
    known_genres: Collection[str] | None = None,
    source: str = SOURCE,
    split: str = "train",
) -> tuple[list[Document], RepairLog]:
    """Every article of one language folder with all its labels, and the log of repairs.

    ``split`` is ``"train"`` (``train-articles-subtask-*``, ``train-labels-*``) or ``"dev"``
    (the development set: ``dev-articles-subtask-3``, ``dev-labels-subtask-3.txt`` and the
    span file ``dev-labels-subtask-3-spans.txt``; there are no genre or frame labels).

    Span offsets that end past the article are clipped and white space at span edges is
    trimmed (the non-English files have both); paragraph labels for lines that are empty or
    past the end are dropped. Each repair is counted in the log.
    """
    root = Path(folder)
    if not root.is_dir():
        raise NarrascopeError("E303", f"{root}: no such folder")
    if split not in ("train", "dev"):
        raise NarrascopeError("E303", f"{root}: unknown split {split!r} (train or dev)")
    log = RepairLog()
    texts: dict[str, Path] = {}
    for sub in (f"{split}-articles-subtask-3", f"{split}-articles-subtask-2", f"{split}-articles-subtask-1"):
        for file in sorted((root / sub).glob("article*.txt")):
            texts.setdefault(file.stem.removeprefix("article"), file)
    if not texts:
        raise NarrascopeError("E303", f"{root}: no {split}-articles-subtask-*/article<ID>.txt files")

    def labels_file(name: str) -> Path | None:
        path = root / name
        return path if path.exists() else None

    genres_path = labels_file(f"{split}-labels-subtask-1.txt")
    frames_path = labels_file(f"{split}-labels-subtask-2.txt")
    paragraphs_path = labels_file(f"{split}-labels-subtask-3.txt")
    spans_path = labels_file(f"{split}-labels-subtask-3-spans") or labels_file(
        f"{split}-labels-subtask-3-spans.txt"
    )
    genres = read_genres(genres_path, known_genres) if genres_path else {}
    frames = read_frames(frames_path, known_frames) if frames_path else {}
    para = read_paragraph_techniques(paragraphs_path, known_techniques) if paragraphs_path else {}
    spans = read_span_techniques(spans_path, known_techniques) if spans_path else {}
    by_article: dict[str, dict[int, set[str]]] = defaultdict(dict)
    for (article, line), techniques in para.items():
        by_article[article][line] = techniques

    for labelled, what in ((genres, "genre"), (frames, "frame"), (by_article, "paragraph"), (spans, "span")):
        for article in labelled:
            if article not in texts:
                raise NarrascopeError(
                    "E302", f"{root}: {what} labels for article {article}, which has no text"
                )

    texts_by_id = {article: read_text(path) for article, path in texts.items()}
    language = LANGUAGES.get(root.name)
    docs: list[Document] = []
    for article, path in texts.items():
        text = texts_by_id[article]
        annotated = []
        doc = Document(
            text=text,
            title=text.split("\n", 1)[0].strip() or None,
            language=language,
            metadata={
                "article_id": article,
                "taxonomy": "semeval2023",
                "input": str(path),
                "split": split,
            },
        )
        if article in genres:
            annotated.append("genre")
            doc.add_label(Label("genre", genres[article], source))
        if article in frames:
            annotated.append("frame")
            for frame in sorted(frames[article]):
                doc.add_label(Label("frame", frame, source))
        if article in by_article:
            annotated.append("paragraph_technique")
            lines = {number: (start, end) for number, start, end in paragraph_lines(text)}
            for number, techniques in sorted(by_article[article].items()):
                if number not in lines:
                    if techniques:
                        log.note(
                            "paragraph labels on an empty or missing line: dropped", f"{article}:{number}"
                        )
                    continue
                start, end = lines[number]
                for technique in sorted(techniques):
                    doc.add_span(
                        Span(
                            start, end, "paragraph_technique", technique, source, attrs={"paragraph": number}
                        )
                    )
        if article in spans or spans_path is not None:
            annotated.append("technique")
            for technique, start, end in spans.get(article, []):
                where = f"{article}:{technique}:{start}-{end}"
                fixed = repair_span(text, start, end, log, where, word_end=True)
                if fixed is not None:
                    doc.add_span(Span(fixed[0], fixed[1], "technique", technique, source))
        doc.metadata["annotated"] = annotated
        docs.append(doc)
    return docs, log


# -- writers --------------------------------------------------------------------------------


def _article_id(doc: Document) -> str:
    return str(doc.metadata.get("article_id") or doc.id)


def write_genres(docs: Iterable[Document], path: str | Path) -> int:
    """``ID<TAB>genre`` for each document with a genre label; returns the number of lines."""
    lines = [f"{_article_id(d)}\t{g[0].label}\n" for d in docs if (g := d.labels_of("genre"))]
    return write_lines(path, lines)


def write_frames(docs: Iterable[Document], path: str | Path) -> int:
    """``ID<TAB>frame,...`` for each document that has frames or is annotated for them."""
    lines = []
    for doc in docs:
        frames = [label.label for label in doc.labels_of("frame")]
        if frames or "frame" in doc.metadata.get("annotated", []):
            lines.append(f"{_article_id(doc)}\t{','.join(frames)}\n")
    return write_lines(path, lines)


def write_paragraph_techniques(docs: Iterable[Document], path: str | Path) -> int:
    """Subtask 3's format: one line per non-empty line of each article, labels or none."""
    lines = []
    for doc in docs:
        found: dict[int, list[str]] = defaultdict(list)
        for span in doc.layer("paragraph_technique"):
            number = int(span.attrs["paragraph"])
            if span.label not in found[number]:
                found[number].append(span.label)
        for number, _, _ in paragraph_lines(doc.text):
            lines.append(f"{_article_id(doc)}\t{number}\t{','.join(found.get(number, []))}\n")
    return write_lines(path, lines)


def write_span_techniques(docs: Iterable[Document], path: str | Path) -> int:
    """``ID<TAB>technique<TAB>start<TAB>end`` for every ``technique`` span, in one file."""
    lines = [
        f"{_article_id(doc)}\t{s.label}\t{s.start}\t{s.end}\n" for doc in docs for s in doc.layer("technique")
    ]
    return write_lines(path, lines)
