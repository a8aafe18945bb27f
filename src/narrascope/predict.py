"""``narrascope predict``: the technique model's output in the shared tasks' submission formats.

Input is a folder of ``article<ID>.txt`` files (read as stored, so offsets fit the files) or
a CheckThat!-style JSON list of ``{article_id, text}``. The output is written by the same
writers that ``convert`` uses, so ``evaluate`` and the organisers' scorers read it back.
"""

from __future__ import annotations

from pathlib import Path

from narrascope.document import Document, Span
from narrascope.errors import NarrascopeError
from narrascope.formats import checkthat, semeval2023
from narrascope.formats._common import read_text
from narrascope.models.techniques import load_model

__all__ = ["TASKS", "predict_documents", "predict_submission"]

TASKS = ("semeval2023-st3", "semeval2023-spans", "checkthat2024")
SOURCE = "narrascope.techniques.v1"


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


def predict_documents(docs: list[Document], model: str | None = None, threshold: float | None = None) -> None:
    """Add the model's ``technique`` and ``paragraph_technique`` spans to each document."""
    from narrascope.analyzers.language import identify

    # The language picks the model's weighting of its heads, as in the analyzer.
    languages = [d.language or identify(d.text)[0] for d in docs]
    predictions = load_model(model).predict([d.text for d in docs], threshold=threshold, languages=languages)
    for doc, prediction in zip(docs, predictions, strict=True):
        for start, end, label, score in prediction.spans:
            doc.add_span(Span(start, end, "technique", label, SOURCE, round(score, 4)))
        for line, start, end, label, score in prediction.paragraphs:
            doc.add_span(
                Span(start, end, "paragraph_technique", label, SOURCE, round(score, 4), {"paragraph": line})
            )


def predict_submission(
    task: str,
    input_path: str | Path,
    output: str | Path,
    model: str | None = None,
    threshold: float | None = None,
) -> tuple[int, int]:
    """(articles predicted, lines or items written)."""
    if task not in TASKS:
        raise NarrascopeError("E304", f"unknown task {task!r}; tasks: {', '.join(TASKS)}")
    docs = _inputs(Path(input_path))
    predict_documents(docs, model, threshold)
    if task == "semeval2023-st3":
        written = semeval2023.write_paragraph_techniques(docs, output)
    elif task == "semeval2023-spans":
        written = semeval2023.write_span_techniques(docs, output)
    else:
        written = checkthat.write_checkthat(docs, output)
    return len(docs), written
