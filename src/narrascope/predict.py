"""``narrascope predict``: the models' output in the shared tasks' submission formats.

Techniques (``semeval2023-st3``, ``semeval2023-spans``, ``checkthat2024``), genre
(``semeval2023-st1``) and frames (``semeval2023-st2``) of SemEval-2023 Task 3; entity roles
(``semeval2025-st1``), narratives (``semeval2025-st2``) and dominant narratives with their
explanations (``semeval2025-st3``) of SemEval-2025 Task 10.

Input is a folder of ``article<ID>.txt`` files (read as stored, so offsets fit the files) or
a CheckThat!-style JSON list of ``{article_id, text}``; for SemEval-2025, a folder whose every
``*.txt`` file is one document, named by its file name (as in ``raw-documents/``), and for
subtask 1 the task's mentions file besides. The output is written by the same writers that
``convert`` uses, so ``evaluate`` and the organisers' scorers read it back. Every article (and
every mention) gets a line, a failed one with the empty answer, so that the file lists it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from narrascope import taxonomy
from narrascope.config import Config, load_config
from narrascope.document import Document, Label
from narrascope.errors import NarrascopeError
from narrascope.formats import checkthat, semeval2023, semeval2025
from narrascope.formats._common import RepairLog, read_text, write_lines
from narrascope.pipeline import Pipeline

__all__ = ["TASKS", "predict_documents", "predict_submission"]

#: Each task and the analyzer (head) that answers it.
TASKS = {
    "semeval2023-st1": "narrascope.genre.v1",
    "semeval2023-st2": "narrascope.frames.v1",
    "semeval2023-st3": "narrascope.techniques.v1",
    "semeval2023-spans": "narrascope.techniques.v1",
    "checkthat2024": "narrascope.techniques.v1",
    "semeval2025-st1": "narrascope.roles.v1",
    "semeval2025-st2": "narrascope.narratives.v1",
    "semeval2025-st3": "narrascope.narratives.v1",
}
#: Analyzers a head needs besides those below: the role head casts the mentions of the task's file.
_EXTRA = {"narrascope.roles.v1": ("narrascope.mentions.v1",)}
#: What every head needs before it: the pipeline that ``analyze`` runs, up to the encoder.
ANALYZERS = (
    "narrascope.language.v1",
    "narrascope.segment.v1",
    "narrascope.encoder.v1",
)


def _inputs(path: Path, task: str) -> list[Document]:
    if task.startswith("semeval2025"):
        files = sorted(path.glob("*.txt")) if path.is_dir() else []
        if not files:
            raise NarrascopeError("E303", f"{path}: no <DOC>.txt files (a folder such as raw-documents/)")
        return [Document(read_text(f), metadata={"article_id": f.name}) for f in files]
    if path.is_dir():
        files = sorted(path.glob("article*.txt"))
        if not files:
            raise NarrascopeError("E303", f"{path}: no article<ID>.txt files")
        return [
            Document(read_text(f), metadata={"article_id": f.stem.removeprefix("article")}) for f in files
        ]
    if path.is_file():
        texts = checkthat.read_checkthat_texts(path)
        return [Document(text, metadata={"article_id": article}) for article, text in texts.items()]
    raise NarrascopeError("E303", f"{path}: no such file or folder")


def predict_documents(
    docs: list[Document],
    model: str | None = None,
    threshold: float | None = None,
    warn: Callable[[str], object] | None = None,
    head: str = "narrascope.techniques.v1",
) -> int:
    """Run ``head``'s pipeline (language, segment, encoder, the head) over ``docs`` in place.

    It is the pipeline that ``analyze`` runs, so the two cannot disagree. Returns how many
    documents failed; each failure and warning is passed to ``warn`` with the article's id.
    """
    config = load_config()
    settings = dict(config.data["analyzers"].get(head, {}))
    if model is not None:
        settings["model"] = model
    if "min_words" in settings:
        settings["min_words"] = 0  # a shared task wants an answer for every article, however short
    if threshold is not None:
        if "threshold" not in settings:
            raise NarrascopeError("E020", f"{head} has no threshold: it always gives its most probable label")
        settings["threshold"] = threshold
    config = Config(
        {
            **config.data,
            "pipeline": {
                **config.data["pipeline"],
                "analyzers": [*ANALYZERS, *_EXTRA.get(head, ()), head],
                "languages": [],
            },
            "analyzers": {**config.data["analyzers"], head: settings},
        }
    )
    failed = 0
    for outcome in Pipeline(config).run(docs):
        article = outcome.document.metadata.get("article_id") if outcome.document else outcome.name
        if outcome.error is not None:
            failed += 1
        if warn is not None:
            if outcome.error is not None:
                warn(f"article {article}: {outcome.error}")
            for message in outcome.document.warnings() if outcome.document else []:
                warn(f"article {article}: {message}")
    return failed


def _attach_mentions(
    docs: list[Document], mentions: list[semeval2025.Mention], warn: Callable[[str], object] | None
) -> dict[int, tuple[str, int, int] | None]:
    """Anchor each mentions line in its document (``metadata["mentions"]``); for each line, where
    it landed, or None (its document or its mention is missing)."""
    by_name = {str(d.metadata["article_id"]): d for d in docs}
    log = RepairLog()
    out: dict[int, tuple[str, int, int] | None] = {}
    for line, _, name, mention, start, end in mentions:
        doc = by_name.get(name)
        if doc is None:
            out[line] = None
            if warn is not None:
                warn(f"mentions line {line}: document {name} is not in the input folder")
            continue
        anchored = semeval2025.anchor_mention(doc.text, mention, start, end, log, f"{name}:{mention}:{start}")
        out[line] = (name, *anchored) if anchored is not None else None
        if anchored is not None:
            doc.metadata.setdefault("mentions", []).append(list(anchored))
    if warn is not None:
        for reason, count in sorted(log.counts.items()):
            warn(f"mentions: {count} {reason}")
    return out


def _write_roles(
    docs: list[Document],
    mentions: list[semeval2025.Mention],
    anchored: dict[int, tuple[str, int, int] | None],
    output: str | Path,
    warn: Callable[[str], object] | None,
    model: str | None,
) -> int:
    """One line per mentions line, its four columns as given, then the main and fine roles. A
    mention that could not be cast (missing, or its article failed) gets the most frequent main
    role of the model's training data and its most frequent fine role, with a warning."""
    from narrascope.models.roles import FINE, MAIN, load_role_model

    cast: dict[tuple[str, int, int], tuple[str, list[str]]] = {}
    for doc in docs:
        for span in doc.layer("role"):
            key = (str(doc.metadata["article_id"]), span.start, span.end)
            cast[key] = (span.label, list(span.attrs.get("fine_roles", [])))
    counts = load_role_model(model).config.training.get("label_counts", {})
    main = max(MAIN, key=lambda role: counts.get(role, 0))
    under = [role for role in FINE if taxonomy.FINE_ROLES[role].main == main]
    fallback = (main, [max(under, key=lambda role: counts.get(role, 0))])
    lines = []
    for line, columns, *_ in mentions:
        where = anchored.get(line)
        found = cast.get(where) if where is not None else None
        if found is None:
            found = fallback
            if warn is not None:
                warn(f"mentions line {line}: not cast; written as {found[0]}, {found[1][0]}")
        lines.append("\t".join([*columns, found[0], *found[1]]) + "\n")
    return write_lines(output, lines)


def predict_submission(
    task: str,
    input_path: str | Path,
    output: str | Path,
    model: str | None = None,
    threshold: float | None = None,
    warn: Callable[[str], object] | None = None,
    mentions_path: str | Path | None = None,
) -> tuple[int, int, int]:
    """(articles read, articles that failed, lines or items written). Every article is written,
    a failed one with no techniques, so that the file still lists it."""
    if task not in TASKS:
        raise NarrascopeError("E304", f"unknown task {task!r}; tasks: {', '.join(TASKS)}")
    if (task == "semeval2025-st1") != (mentions_path is not None):
        need = (
            "needs --mentions (the task's mentions file)" if mentions_path is None else "takes no --mentions"
        )
        raise NarrascopeError("E020", f"{task} {need}")
    docs = _inputs(Path(input_path), task)
    mentions = semeval2025.read_mentions(mentions_path) if mentions_path is not None else []
    anchored = _attach_mentions(docs, mentions, warn) if mentions_path is not None else {}
    failed = predict_documents(docs, model, threshold, warn, head=TASKS[task])
    if task == "semeval2023-st1":
        written = semeval2023.write_genres(docs, output)
    elif task == "semeval2023-st2":
        for doc in docs:
            # The writer lists the articles annotated for frames: here, every one predicted
            # (an article with no frame gets an empty list, as the format has it).
            doc.metadata["annotated"] = ["frame"]
        written = semeval2023.write_frames(docs, output)
    elif task == "semeval2023-st3":
        written = semeval2023.write_paragraph_techniques(docs, output)
    elif task == "semeval2023-spans":
        written = semeval2023.write_span_techniques(docs, output)
    elif task == "semeval2025-st1":
        written = _write_roles(docs, mentions, anchored, output, warn, model)
    elif task == "semeval2025-st2":
        written = semeval2025.write_narratives(docs, output)
    elif task == "semeval2025-st3":
        for doc in docs:
            if not doc.labels_of("dominant_narrative"):  # its analysis failed: still listed
                attrs = {"subnarrative": "Other", "explanation": ""}
                doc.add_label(Label("dominant_narrative", "Other", "narrascope.predict", attrs=attrs))
        written = semeval2025.write_dominant_narratives(docs, output)
    else:
        written = checkthat.write_checkthat(docs, output)
    return len(docs), failed, written
