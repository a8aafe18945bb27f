"""``narrascope predict``: the models' output in the shared tasks' submission formats.

Techniques (``semeval2023-st3``, ``semeval2023-spans``, ``checkthat2024``), genre
(``semeval2023-st1``) and frames (``semeval2023-st2``).

Input is a folder of ``article<ID>.txt`` files (read as stored, so offsets fit the files) or
a CheckThat!-style JSON list of ``{article_id, text}``. The output is written by the same
writers that ``convert`` uses, so ``evaluate`` and the organisers' scorers read it back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from narrascope.config import Config, load_config
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.formats import checkthat, semeval2023
from narrascope.formats._common import read_text
from narrascope.pipeline import Pipeline

__all__ = ["TASKS", "predict_documents", "predict_submission"]

#: Each task and the analyzer (head) that answers it.
TASKS = {
    "semeval2023-st1": "narrascope.genre.v1",
    "semeval2023-st2": "narrascope.frames.v1",
    "semeval2023-st3": "narrascope.techniques.v1",
    "semeval2023-spans": "narrascope.techniques.v1",
    "checkthat2024": "narrascope.techniques.v1",
}
#: What every head needs before it: the pipeline that ``analyze`` runs, up to the encoder.
ANALYZERS = (
    "narrascope.language.v1",
    "narrascope.segment.v1",
    "narrascope.encoder.v1",
)


def _inputs(path: Path) -> list[Document]:
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
    if threshold is not None:
        if "threshold" not in settings:
            raise NarrascopeError("E020", f"{head} has no threshold: it always gives its most probable label")
        settings["threshold"] = threshold
    config = Config(
        {
            **config.data,
            "pipeline": {**config.data["pipeline"], "analyzers": [*ANALYZERS, head], "languages": []},
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


def predict_submission(
    task: str,
    input_path: str | Path,
    output: str | Path,
    model: str | None = None,
    threshold: float | None = None,
    warn: Callable[[str], object] | None = None,
) -> tuple[int, int, int]:
    """(articles read, articles that failed, lines or items written). Every article is written,
    a failed one with no techniques, so that the file still lists it."""
    if task not in TASKS:
        raise NarrascopeError("E304", f"unknown task {task!r}; tasks: {', '.join(TASKS)}")
    docs = _inputs(Path(input_path))
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
    else:
        written = checkthat.write_checkthat(docs, output)
    return len(docs), failed, written
