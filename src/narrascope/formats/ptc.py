"""SemEval-2020 Task 11 / the Propaganda Techniques Corpus (PTC).

Articles are ``article<ID>.txt`` files. Two label formats, one line per span, offsets
end-exclusive into the article file as stored:

- span identification (SI): ``ID<TAB>start<TAB>end``;
- technique classification (TC): ``ID<TAB>technique<TAB>start<TAB>end``, with PTC's 14
  technique names, some of which hold commas (``Name_Calling,Labeling``) -- the columns are
  tab-separated, so a comma never splits a name.

Labels come as one file or as a folder of per-article files (``article<ID>.task1-SI.labels``,
``article<ID>.task2-TC.labels``). SI spans get the label ``propaganda``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from pathlib import Path

from narrascope.document import Document, Span
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

__all__ = ["SI_LABEL", "read_ptc", "read_ptc_labels", "write_ptc_labels"]

SI_LABEL = "propaganda"
SOURCE = "gold:ptc2020"


def read_ptc_labels(
    path: str | Path, known: Collection[str] | None = None
) -> dict[str, list[tuple[str, int, int]]]:
    """SI or TC label lines (one file, or a folder of ``*.labels`` files) as
    {article id: [(technique, start, end)]}; SI lines get the technique ``propaganda``."""
    target = Path(path)
    if not target.exists():
        raise NarrascopeError("E303", f"{target}: no such file or folder")
    files = sorted(target.glob("*.labels")) if target.is_dir() else [target]
    out: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for file in files:
        for line, cols in tab_rows(file, 3, 4):
            if len(cols) == 3:
                label, start, end = SI_LABEL, cols[1], cols[2]
            else:
                label, start, end = cols[1], cols[2], cols[3]
                if known is not None and label not in known:
                    raise line_error(file, line, f"unknown technique {label!r}", code="E301")
            out[cols[0]].append((label, integer(file, line, start, "start"), integer(file, line, end, "end")))
    return dict(out)


def read_ptc(
    articles: str | Path,
    labels: str | Path | None = None,
    known: Collection[str] | None = None,
    source: str = SOURCE,
) -> tuple[list[Document], RepairLog]:
    """The articles of a folder, with the spans of ``labels`` (SI or TC) when given."""
    folder = Path(articles)
    files = sorted(folder.glob("article*.txt"))
    if not files:
        raise NarrascopeError("E303", f"{folder}: no article<ID>.txt files")
    spans = read_ptc_labels(labels, known) if labels is not None else {}
    ids = {file.stem.removeprefix("article") for file in files}
    unknown = sorted(set(spans) - ids)
    if unknown:
        raise NarrascopeError("E302", f"{labels}: labels for articles with no text: {', '.join(unknown[:5])}")
    log = RepairLog()
    docs = []
    for file in files:
        article = file.stem.removeprefix("article")
        text = read_text(file)
        doc = Document(
            text=text,
            title=text.split("\n", 1)[0].strip() or None,
            language="en",
            metadata={"article_id": article, "taxonomy": "ptc2020", "input": str(file)},
        )
        for label, start, end in spans.get(article, []):
            fixed = repair_span(text, start, end, log, f"{article}:{label}:{start}-{end}")
            if fixed is not None:
                doc.add_span(Span(fixed[0], fixed[1], "technique", label, source))
        if labels is not None:
            doc.metadata["annotated"] = ["technique"]
        docs.append(doc)
    return docs, log


def write_ptc_labels(docs: Iterable[Document], path: str | Path, task: str = "TC") -> int:
    """The ``technique`` spans as TC lines (or SI lines with ``task="SI"``), in one file."""
    if task not in ("SI", "TC"):
        raise ValueError(f"task must be 'SI' or 'TC', not {task!r}")
    lines = []
    for doc in docs:
        article = str(doc.metadata.get("article_id") or doc.id)
        for span in doc.layer("technique"):
            middle = "" if task == "SI" else f"{span.label}\t"
            lines.append(f"{article}\t{middle}{span.start}\t{span.end}\n")
    return write_lines(path, lines)
