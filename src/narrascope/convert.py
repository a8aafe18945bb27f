"""``narrascope convert``: from any format the project reads to any it writes.

Every conversion goes through the data model (documents with spans and labels), so each
reader pairs with each writer. A reader's repairs are returned so that the command can say
what it changed; nothing is repaired silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from narrascope import taxonomy
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.formats import (
    RepairLog,
    brat,
    checkthat,
    jsonl,
    labelstudio,
    ptc,
    semeval2023,
    semeval2025,
)

__all__ = ["READERS", "WRITERS", "convert"]


@dataclass(frozen=True)
class Reader:
    description: str
    read: Callable[[Path, Path | None, bool], tuple[list[Document], RepairLog]]


@dataclass(frozen=True)
class Writer:
    description: str
    write: Callable[[list[Document], Path], int]


def _jsonl(path: Path, _: Path | None, use_predictions: bool) -> tuple[list[Document], RepairLog]:
    return list(jsonl.read_jsonl(path)), RepairLog()


def _semeval2023(path: Path, _: Path | None, use_predictions: bool) -> tuple[list[Document], RepairLog]:
    return semeval2023.read_semeval2023(path, taxonomy.TECHNIQUES, taxonomy.FRAMES, taxonomy.GENRES)


def _semeval2025(path: Path, _: Path | None, use_predictions: bool) -> tuple[list[Document], RepairLog]:
    narratives = [*taxonomy.narratives(), taxonomy.OTHER]
    subnarratives = [*taxonomy.subnarratives(), taxonomy.OTHER]
    return semeval2025.read_semeval2025(
        path, taxonomy.MAIN_ROLES, taxonomy.FINE_ROLES, narratives, subnarratives
    )


def _ptc(path: Path, labels: Path | None, use_predictions: bool) -> tuple[list[Document], RepairLog]:
    return ptc.read_ptc(path, labels, taxonomy.PTC_TECHNIQUES)


def _checkthat(path: Path, texts: Path | None, use_predictions: bool) -> tuple[list[Document], RepairLog]:
    if texts is None:
        raise NarrascopeError(
            "E303", "--from checkthat2024 needs --with: the JSON list of {article_id, text}"
        )
    return checkthat.read_checkthat(path, checkthat.read_checkthat_texts(texts), known=taxonomy.TECHNIQUES)


def _labelstudio(path: Path, _: Path | None, use_predictions: bool) -> tuple[list[Document], RepairLog]:
    return labelstudio.import_annotations(path, use_predictions=use_predictions)


def _brat(path: Path, _: Path | None, use_predictions: bool) -> tuple[list[Document], RepairLog]:
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    docs, log = [], RepairLog()
    for file in files:
        doc, repairs = brat.read_brat(file)
        docs.append(doc)
        log.merge(repairs)
    return docs, log


READERS: dict[str, Reader] = {
    "jsonl": Reader("narrascope JSON Lines (analyze --json)", _jsonl),
    "semeval2023": Reader(
        "a SemEval-2023 Task 3 language folder (articles and all label files)", _semeval2023
    ),
    "semeval2025": Reader(
        "a SemEval-2025 Task 10 language folder (raw-documents and annotations)", _semeval2025
    ),
    "ptc2020": Reader("a folder of PTC article<ID>.txt files; --with the SI or TC labels", _ptc),
    "checkthat2024": Reader(
        "CheckThat! 2024 span JSON; --with the JSON list of {article_id, text}", _checkthat
    ),
    "labelstudio": Reader("a Label Studio JSON export of annotated tasks", _labelstudio),
    "brat": Reader("a brat .txt file or a folder of .txt/.ann pairs", _brat),
}


def _write_labelstudio(docs: list[Document], path: Path) -> int:
    tasks = labelstudio.export_tasks(docs)
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    span_labels = {
        "technique": sorted({s.label for d in docs for s in d.layer("technique")} | set(taxonomy.TECHNIQUES))
    }
    groups = {
        "genre": list(taxonomy.GENRES),
        "frame": list(taxonomy.FRAMES),
        "narrative": [*taxonomy.narratives(), taxonomy.OTHER],
        "subnarrative": [*taxonomy.subnarratives(), taxonomy.OTHER],
    }
    path.with_suffix(".config.xml").write_text(
        labelstudio.labelstudio_config(span_labels, groups), encoding="utf-8"
    )
    return len(tasks)


def _write_brat(docs: list[Document], folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        brat.write_brat(doc, folder)
    return len(docs)


WRITERS: dict[str, Writer] = {
    "jsonl": Writer("narrascope JSON Lines, one document a line", lambda d, p: jsonl.write_jsonl(d, p)),
    "semeval2023-st1": Writer("ID<TAB>genre", semeval2023.write_genres),
    "semeval2023-st2": Writer("ID<TAB>frame,...", semeval2023.write_frames),
    "semeval2023-st3": Writer(
        "ID<TAB>line<TAB>technique,... (every non-empty line)", semeval2023.write_paragraph_techniques
    ),
    "semeval2023-spans": Writer("ID<TAB>technique<TAB>start<TAB>end", semeval2023.write_span_techniques),
    "semeval2025-st1": Writer(
        "DOC<TAB>mention<TAB>start<TAB>end<TAB>main<TAB>fine...", semeval2025.write_roles
    ),
    "semeval2025-st2": Writer("DOC<TAB>narr;...<TAB>sub;...", semeval2025.write_narratives),
    "semeval2025-st3": Writer(
        "DOC<TAB>narrative<TAB>subnarrative<TAB>explanation", semeval2025.write_dominant_narratives
    ),
    "ptc2020": Writer("ID<TAB>technique<TAB>start<TAB>end (TC)", ptc.write_ptc_labels),
    "checkthat2024": Writer('{id: [{"tag", "start", "end"}]}', checkthat.write_checkthat),
    "labelstudio": Writer(
        "Label Studio tasks with pre-annotations, and <name>.config.xml", _write_labelstudio
    ),
    "brat": Writer("a folder of <id>.txt and <id>.ann", _write_brat),
}


def convert(
    source: str,
    target: str,
    path: str | Path,
    out: str | Path,
    extra: str | Path | None = None,
    use_predictions: bool = False,
) -> tuple[int, int, RepairLog]:
    """Read ``path`` as ``source``, write ``out`` as ``target``: (documents, items written, repairs).

    ``use_predictions`` reads a Label Studio task's prediction where it has no annotation.
    """
    if source not in READERS:
        raise NarrascopeError("E303", f"cannot read {source!r}; formats read: {', '.join(READERS)}")
    if target not in WRITERS:
        raise NarrascopeError("E303", f"cannot write {target!r}; formats written: {', '.join(WRITERS)}")
    if not Path(path).exists():
        raise NarrascopeError("E303", f"{path}: no such file or folder")
    docs, log = READERS[source].read(Path(path), Path(extra) if extra is not None else None, use_predictions)
    written = WRITERS[target].write(docs, Path(out))
    return len(docs), written, log
