"""``narrascope predict``: the technique model's output in the shared tasks' submission formats.

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
from narrascope.models.techniques import DEFAULT_MODEL
from narrascope.pipeline import Pipeline

__all__ = ["TASKS", "predict_documents", "predict_submission"]

TASKS = ("semeval2023-st3", "semeval2023-spans", "checkthat2024")
ANALYZERS = (
    "narrascope.language.v1",
    "narrascope.segment.v1",
    "narrascope.encoder.v1",
    "narrascope.techniques.v1",
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
) -> int:
    """Run the technique pipeline (language, segment, encoder, techniques) over ``docs`` in place.

    It is the pipeline that ``analyze`` runs, so the two cannot disagree. Returns how many
    documents failed; each failure and warning is passed to ``warn`` with the article's id.
    """
    config = load_config()
    settings = {"model": model or DEFAULT_MODEL, "threshold": "model" if threshold is None else threshold}
    config = Config(
        {
            **config.data,
            "pipeline": {**config.data["pipeline"], "analyzers": list(ANALYZERS), "languages": []},
            "analyzers": {**config.data["analyzers"], "narrascope.techniques.v1": settings},
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
    failed = predict_documents(docs, model, threshold, warn)
    if task == "semeval2023-st3":
        written = semeval2023.write_paragraph_techniques(docs, output)
    elif task == "semeval2023-spans":
        written = semeval2023.write_span_techniques(docs, output)
    else:
        written = checkthat.write_checkthat(docs, output)
    return len(docs), failed, written
