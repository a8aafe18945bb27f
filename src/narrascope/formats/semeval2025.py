"""SemEval-2025 Task 10: entity framing (subtask 1), narratives (subtask 2) and the dominant
narrative with its explanation (subtask 3).

A language folder holds ``raw-documents/<DOC>.txt`` and three annotation files:

- ``subtask-1-annotations.txt``: ``DOC<TAB>mention<TAB>start<TAB>end<TAB>main<TAB>fine[<TAB>fine...]``
  where ``end`` is the offset of the mention's *last* character (inclusive);
- ``subtask-2-annotations.txt``: ``DOC<TAB>narr;narr<TAB>sub;sub`` (``Other`` where none applies);
- ``subtask-3-annotations.txt``: ``DOC<TAB>narrative<TAB>subnarrative<TAB>explanation``.

The subtask 1 offsets do not always fit the text: in many HI, PT and RU documents they count
each line break as two characters, and some BG and EN ones are shifted. The reader checks the
mention at its offsets, re-anchors it (line breaks counted twice, else the nearest occurrence
of the mention) and counts what it did; a mention found nowhere is dropped and counted.
Inside narrascope, role spans are end-exclusive like every span.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Collection, Iterable
from pathlib import Path

from narrascope.document import Document, Label, Span
from narrascope.errors import NarrascopeError
from narrascope.formats._common import (
    RepairLog,
    integer,
    line_error,
    nearest_occurrence,
    read_text,
    tab_rows,
    write_lines,
)

__all__ = [
    "LANGUAGES",
    "Mention",
    "RoleMention",
    "anchor_mention",
    "read_dominant_narratives",
    "read_mentions",
    "read_narratives",
    "read_roles",
    "read_semeval2025",
    "write_dominant_narratives",
    "write_narratives",
    "write_roles",
]

LANGUAGES = {"BG": "bg", "EN": "en", "HI": "hi", "PT": "pt", "RU": "ru"}
SOURCE = "gold:semeval2025"

#: (document, mention, start, end-exclusive, main role, fine roles), as in the file.
RoleMention = tuple[str, str, int, int, str, tuple[str, ...]]


def _known(label: str, known: Collection[str] | None, path: Path, line: int, what: str) -> str:
    if known is not None and label not in known:
        raise line_error(path, line, f"unknown {what} {label!r}", code="E301")
    return label


def read_roles(
    path: str | Path, main_roles: Collection[str] | None = None, fine_roles: Collection[str] | None = None
) -> list[RoleMention]:
    """Subtask 1 lines, with ``end`` turned exclusive; offsets as in the file (not re-anchored)."""
    file = Path(path)
    out: list[RoleMention] = []
    for line, cols in tab_rows(file, 6):
        start = integer(file, line, cols[2], "start")
        end = integer(file, line, cols[3], "end") + 1
        main = _known(cols[4].strip(), main_roles, file, line, "main role")
        fine = tuple(_known(c.strip(), fine_roles, file, line, "fine role") for c in cols[5:] if c.strip())
        if not fine:
            raise line_error(file, line, "no fine role")
        out.append((cols[0], cols[1], start, end, main, fine))
    return out


#: A line of subtask 1's input: (line number, its first four columns as written, document,
#: mention, start, end-exclusive); offsets are None where the file's are not whole numbers.
Mention = tuple[int, list[str], str, str, int | None, int | None]


def read_mentions(path: str | Path) -> list[Mention]:
    """Subtask 1's input mentions file: ``DOC<TAB>mention<TAB>start<TAB>end`` (end inclusive), no
    header; columns after the fourth (an annotation file's roles) are ignored."""
    file = Path(path)
    out: list[Mention] = []
    for line, cols in tab_rows(file, 4):
        start = int(cols[2]) if cols[2].strip().lstrip("-").isdigit() else None
        end = int(cols[3]) + 1 if cols[3].strip().lstrip("-").isdigit() else None
        out.append((line, cols[:4], cols[0], cols[1], start, end))
    return out


def anchor_mention(
    text: str, mention: str, start: int | None, end: int | None, log: RepairLog, where: str
) -> tuple[int, int] | None:
    """Where ``mention`` is in ``text``: at its offsets when they fit, else re-anchored as the
    reader does (line breaks counted twice, else the occurrence nearest to ``start``); None if
    it is nowhere. Each repair is noted in ``log``."""
    if start is None or end is None:
        found = text.find(mention) if mention.strip() else -1
        log.note(
            "re-anchored: offsets are not numbers"
            if found >= 0
            else "dropped: mention not found in the text",
            where,
        )
        return (found, found + len(mention)) if found >= 0 else None
    return _anchor(text, mention, start, end, _doubled_newline_offsets(text), log, where)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def read_narratives(
    path: str | Path, narratives: Collection[str] | None = None, subnarratives: Collection[str] | None = None
) -> dict[str, tuple[list[str], list[str]]]:
    """Subtask 2 lines as {document: (narratives, subnarratives)}."""
    file = Path(path)
    out: dict[str, tuple[list[str], list[str]]] = {}
    for line, cols in tab_rows(file, 3, 3):
        if cols[0] in out:
            raise line_error(file, line, f"document {cols[0]} is listed twice")
        narrs = [_known(n, narratives, file, line, "narrative") for n in _split(cols[1])]
        subs = [_known(s, subnarratives, file, line, "subnarrative") for s in _split(cols[2])]
        out[cols[0]] = (narrs, subs)
    return out


def read_dominant_narratives(path: str | Path) -> dict[str, tuple[str, str, str]]:
    """Subtask 3 lines as {document: (narrative, subnarrative, explanation)}."""
    file = Path(path)
    out: dict[str, tuple[str, str, str]] = {}
    for line, cols in tab_rows(file, 4):
        if cols[0] in out:
            raise line_error(file, line, f"document {cols[0]} is listed twice")
        # An explanation may itself hold a tab; everything after the third column is its text.
        out[cols[0]] = (cols[1].strip(), cols[2].strip(), "\t".join(cols[3:]).strip())
    return out


def _doubled_newline_offsets(text: str) -> list[int]:
    """For each character, its offset when every line break counts as two characters."""
    out: list[int] = []
    shift = 0
    for char in text:
        out.append(len(out) + shift)
        if char == "\n":
            shift += 1
    return out


def _anchor(
    text: str, mention: str, start: int, end: int, doubled: list[int], log: RepairLog, where: str
) -> tuple[int, int] | None:
    if text[start:end] == mention:
        return start, end
    i = bisect.bisect_left(doubled, start)
    if i < len(text) and doubled[i] == start and text[i : i + len(mention)] == mention:
        log.note("re-anchored: line breaks counted twice", where)
        return i, i + len(mention)
    nearest = nearest_occurrence(text, mention, start) if mention.strip() else None
    if nearest is None:
        log.note("dropped: mention not found in the text", where)
        return None
    log.note("re-anchored: nearest occurrence of the mention", where)
    return nearest, nearest + len(mention)


def read_semeval2025(
    folder: str | Path,
    main_roles: Collection[str] | None = None,
    fine_roles: Collection[str] | None = None,
    narratives: Collection[str] | None = None,
    subnarratives: Collection[str] | None = None,
    source: str = SOURCE,
) -> tuple[list[Document], RepairLog]:
    """Every document of one language folder with its roles and narratives, and the repairs."""
    root = Path(folder)
    documents = root / "raw-documents"
    files = sorted(documents.glob("*.txt")) if documents.is_dir() else []
    if not files:
        raise NarrascopeError("E303", f"{root}: no raw-documents/<DOC>.txt files")
    texts = {file.name: file for file in files}

    def optional(name: str) -> Path | None:
        path = root / name
        return path if path.exists() else None

    roles_path = optional("subtask-1-annotations.txt")
    narratives_path = optional("subtask-2-annotations.txt")
    dominant_path = optional("subtask-3-annotations.txt")
    roles: dict[str, list[RoleMention]] = defaultdict(list)
    for item in read_roles(roles_path, main_roles, fine_roles) if roles_path else []:
        roles[item[0]].append(item)
    narrs = read_narratives(narratives_path, narratives, subnarratives) if narratives_path else {}
    dominant = read_dominant_narratives(dominant_path) if dominant_path else {}
    for labelled, what in ((roles, "subtask 1"), (narrs, "subtask 2"), (dominant, "subtask 3")):
        missing = sorted(set(labelled) - set(texts))
        if missing:
            raise NarrascopeError(
                "E302", f"{root}: {what} annotations for documents with no text: {', '.join(missing[:5])}"
            )

    log = RepairLog()
    out = []
    for name, path in texts.items():
        text = read_text(path)
        doc = Document(
            text=text,
            language=LANGUAGES.get(root.name),
            metadata={"article_id": name, "input": str(path)},
        )
        annotated = []
        if roles_path is not None:
            annotated.append("role")
            doubled = _doubled_newline_offsets(text)
            for _, mention, start, end, main, fine in roles.get(name, []):
                where = f"{name}:{mention}:{start}"
                anchored = _anchor(text, mention, start, end, doubled, log, where)
                if anchored is not None:
                    attrs = {"fine_roles": list(fine), "mention": mention}
                    doc.add_span(Span(anchored[0], anchored[1], "role", main, source, attrs=attrs))
        if name in narrs:
            annotated += ["narrative", "subnarrative"]
            for narrative in narrs[name][0]:
                doc.add_label(Label("narrative", narrative, source))
            for sub in narrs[name][1]:
                doc.add_label(Label("subnarrative", sub, source))
        if name in dominant:
            annotated.append("dominant_narrative")
            narrative, sub, explanation = dominant[name]
            attrs = {"subnarrative": sub, "explanation": explanation}
            doc.add_label(Label("dominant_narrative", narrative, source, attrs=attrs))
        doc.metadata["annotated"] = annotated
        out.append(doc)
    return out, log


def _name(doc: Document) -> str:
    return str(doc.metadata.get("article_id") or f"{doc.id}.txt")


def write_roles(docs: Iterable[Document], path: str | Path) -> int:
    """Subtask 1 lines from the ``role`` spans (end written inclusive, as the task has it)."""
    lines = []
    for doc in docs:
        for span in doc.layer("role"):
            fine = "\t".join(span.attrs.get("fine_roles", []))
            lines.append(
                f"{_name(doc)}\t{span.text_in(doc)}\t{span.start}\t{span.end - 1}\t{span.label}\t{fine}\n"
            )
    return write_lines(path, lines)


def write_narratives(docs: Iterable[Document], path: str | Path) -> int:
    """Subtask 2 lines; a document with no narrative is written as ``Other``."""
    lines = []
    for doc in docs:
        narrs = [label.label for label in doc.labels_of("narrative")] or ["Other"]
        subs = [label.label for label in doc.labels_of("subnarrative")] or ["Other"]
        lines.append(f"{_name(doc)}\t{';'.join(narrs)}\t{';'.join(subs)}\n")
    return write_lines(path, lines)


def write_dominant_narratives(docs: Iterable[Document], path: str | Path) -> int:
    """Subtask 3 lines, for documents with a ``dominant_narrative`` label."""
    lines = []
    for doc in docs:
        for label in doc.labels_of("dominant_narrative"):
            explanation = " ".join(str(label.attrs.get("explanation", "")).split())
            lines.append(
                f"{_name(doc)}\t{label.label}\t{label.attrs.get('subnarrative', '')}\t{explanation}\n"
            )
    return write_lines(path, lines)
