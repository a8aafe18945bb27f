"""Label Studio: tasks with narrascope's findings as pre-annotations, and analysts' work back.

The round trip an analyst makes: :func:`labelstudio_config` gives the labeling interface to
paste into a project, :func:`export_tasks` gives tasks (Label Studio's JSON import format)
whose ``predictions`` hold a document's spans as ``labels`` regions and its document labels
as ``choices``, and :func:`import_annotations` reads the project's JSON export back into
documents. A layer's name is the ``from_name`` of its control tag (``<Labels
name="technique">``, ``<Choices name="genre">``), so no mapping has to be kept anywhere.

Label Studio's JSON export is a list of tasks, each with ``data``, ``predictions`` and
``annotations``; an annotation holds ``result`` (the regions), ``was_cancelled`` (the
annotator skipped the task), and ``created_at``/``updated_at``. Region offsets are meant to
be code-point offsets into ``data.text``, end exclusive, with the covered ``text`` beside
them; but Label Studio has written UTF-16 offsets after emoji and shifted offsets around
escaped characters and line breaks (issues #1347, #1008, #4929 of HumanSignal/label-studio).
So a region's ``text`` is the evidence: a region whose offsets do not cover it is moved to
the nearest place the text occurs (or read as UTF-16 offsets, where that fits), and dropped
if it occurs nowhere, each counted in the :class:`~narrascope.formats._common.RepairLog`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from narrascope._version import __version__
from narrascope.document import Document, Label, Span
from narrascope.errors import NarrascopeError
from narrascope.formats._common import RepairLog, line_error, nearest_occurrence
from narrascope.formats.jsonl import json_line

__all__ = [
    "PREDICTION_SOURCE",
    "SOURCE",
    "export_tasks",
    "import_annotations",
    "labelstudio_config",
]

SOURCE = "annotation:label-studio"
#: The analyzer of spans read from a task's predictions, when there was no annotation.
PREDICTION_SOURCE = "pred:label-studio"

JSONDict = dict[str, Any]


# -- the labeling interface -----------------------------------------------------------------


def labelstudio_config(
    span_labels: Mapping[str, Iterable[str]],
    choice_groups: Mapping[str, Iterable[str]] | None = None,
    single: Collection[str] = ("genre",),
    text_key: str = "text",
) -> str:
    """The labeling-interface XML for a project that edits these layers.

    ``span_labels`` maps each span layer to its labels (one ``<Labels>`` tag each),
    ``choice_groups`` each document-label layer to its labels (one ``<Choices>`` tag each,
    ``choice="single"`` for the layers in ``single``, which hold one label a document, and
    ``choice="multiple"`` for the others). Values are XML-escaped; duplicates are dropped.
    """
    groups = dict(choice_groups or {})
    clash = {text_key} & (set(span_labels) | set(groups))
    if clash:
        raise ValueError(f"a layer cannot be called {text_key!r}: that is the Text object's name")
    lines = ["<View>"]
    for layer, labels in span_labels.items():
        lines.append(f'  <Labels name={quoteattr(layer)} toName="{text_key}">')
        lines += [f"    <Label value={quoteattr(label)}/>" for label in dict.fromkeys(labels)]
        lines.append("  </Labels>")
    lines.append(f'  <Text name="{text_key}" value="${text_key}"/>')
    for layer, labels in groups.items():
        mode = "single" if layer in single else "multiple"
        lines.append(f'  <Choices name={quoteattr(layer)} toName="{text_key}" choice="{mode}">')
        lines += [f"    <Choice value={quoteattr(label)}/>" for label in dict.fromkeys(labels)]
        lines.append("  </Choices>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


# -- export ---------------------------------------------------------------------------------


def export_tasks(
    docs: Iterable[Document],
    span_layers: Sequence[str] = ("technique",),
    label_layers: Sequence[str] = ("genre", "frame", "narrative", "subnarrative"),
    model_version: str = f"narrascope-{__version__}",
    text_key: str = "text",
) -> list[JSONDict]:
    """One Label Studio task per document, its findings as a single prediction.

    ``data`` holds the text and, where known, ``article_id``, ``title``, ``language`` and
    ``narrascope_id``. Region ids are derived from the document id and the region, so
    exporting the same documents twice gives the same ids (Label Studio needs them unique
    within a task; repeated identical spans get a running number). A span's score goes in
    ``value.score``; the prediction's ``score`` is the lowest region score, so that sorting
    tasks by it puts the least certain first. Document labels carry no score (one
    ``choices`` result holds all labels of a layer). Zero-length spans are left out: Label
    Studio cannot show or select them.
    """
    tasks: list[JSONDict] = []
    for doc in docs:
        result: list[JSONDict] = []
        scores: list[float] = []
        seen: dict[tuple[str, int, int, str], int] = {}
        spans = [s for s in doc.spans if s.layer in span_layers and s.end > s.start]
        for span in sorted(spans, key=lambda s: (span_layers.index(s.layer), s.start, s.end, s.label)):
            key = (span.layer, span.start, span.end, span.label)
            seen[key] = seen.get(key, 0) + 1
            value: JSONDict = {
                "start": span.start,
                "end": span.end,
                "text": span.text_in(doc),
                "labels": [span.label],
            }
            if span.score is not None:
                value["score"] = span.score
                scores.append(span.score)
            region_id = _region_id(doc.id, *map(str, key), str(seen[key]))
            result.append(_result(region_id, span.layer, text_key, "labels", value))
        for layer in label_layers:
            labels = list(dict.fromkeys(label.label for label in doc.labels_of(layer)))
            if labels:
                value = {"choices": labels}
                result.append(_result(_region_id(doc.id, layer), layer, text_key, "choices", value))
        data: JSONDict = {text_key: doc.text, "narrascope_id": doc.id}
        for field, known in (
            ("article_id", doc.metadata.get("article_id")),
            ("title", doc.title),
            ("language", doc.language),
        ):
            if known is not None:
                data[field] = known
        prediction: JSONDict = {"model_version": model_version, "result": result}
        if scores:
            prediction["score"] = min(scores)
        tasks.append({"data": data, "predictions": [prediction] if result else []})
    return tasks


def _result(region_id: str, layer: str, text_key: str, kind: str, value: JSONDict) -> JSONDict:
    return {"id": region_id, "from_name": layer, "to_name": text_key, "type": kind, "value": value}


def _region_id(*parts: str) -> str:
    """Ten hex digits, stable across runs (Label Studio's own ids are ten characters)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


# -- import ---------------------------------------------------------------------------------


def import_annotations(
    tasks_json: str | Path | Sequence[Mapping[str, Any]] | Mapping[str, Any],
    source: str = SOURCE,
    use_predictions: bool = False,
    prediction_source: str = PREDICTION_SOURCE,
    text_key: str = "text",
) -> tuple[list[Document], RepairLog]:
    """Documents from a Label Studio JSON export (a file, or the parsed list), and the repairs.

    Per task the most recent annotation that was not cancelled is used (by ``updated_at``,
    then ``created_at``, then id); cancelled ones and the older ones are counted in the log.
    A task without such an annotation is skipped (counted), unless ``use_predictions``, when
    its most recent prediction is read instead, with ``prediction_source`` as the analyzer.
    ``labels`` regions become spans of the layer named by ``from_name`` (one per label),
    ``choices`` become document labels; other result types are ignored and counted. Pre-1.0
    exports, which call annotations ``completions``, are read the same way.

    A task without ``data.<text_key>``, or whose ``result`` is not a list, raises E300
    naming the file and the line of the task (or the task's index for a parsed list).
    """
    file: Path | None = None
    raw = ""
    if isinstance(tasks_json, str | Path):
        file = Path(tasks_json)
        if not file.is_file():
            raise NarrascopeError("E303", f"{file}: no such file")
        raw = file.read_text(encoding="utf-8-sig")
        try:
            data: Any = json.loads(raw)
        except json.JSONDecodeError as err:
            raise line_error(file, err.lineno, f"not JSON: {err.msg} (column {err.colno})") from None
    else:
        data = tasks_json
    # Cloud storage targets hold one task per file, as a bare object.
    if isinstance(data, Mapping):
        items, single = [data], True
    elif isinstance(data, list | tuple):
        items, single = list(data), False
    else:
        raise _task_error(file, raw, None, "expected Label Studio's JSON export: a list of tasks")

    log = RepairLog()
    docs: list[Document] = []
    for index, task in enumerate(items):
        route = None if single else index
        task_data = task.get("data") if isinstance(task, Mapping) else None
        text = task_data.get(text_key) if isinstance(task_data, Mapping) else None
        if not isinstance(task, Mapping) or not isinstance(task_data, Mapping) or not isinstance(text, str):
            raise _task_error(
                file,
                raw,
                route,
                f"task has no data.{text_key}: expected Label Studio's JSON export, not JSON_MIN or CSV",
            )
        where = f"task {task.get('id', index)}"
        chosen, origin = _choose(task, use_predictions, log, where)
        if chosen is None:
            log.note("skipped: task without a completed annotation", where)
            continue
        results = chosen.get("result")
        if not isinstance(results, list):
            raise _task_error(file, raw, route, f"{where}: the {origin}'s result is not a list")
        doc = _document(task_data, text)
        doc.metadata["labelstudio"] = {
            key: value
            for key, value in (
                ("task", task.get("id")),
                ("from", origin),
                (origin, chosen.get("id")),
                ("completed_by", chosen.get("completed_by")),
                ("model_version", chosen.get("model_version")),
            )
            if value is not None
        }
        analyzer = source if origin == "annotation" else prediction_source
        for region in results:
            _add_result(doc, region, analyzer, log, where)
        docs.append(doc)
    return docs, log


def _task_error(file: Path | None, raw: str, index: int | None, reason: str) -> NarrascopeError:
    if file is None:
        return NarrascopeError("E300", f"task {index if index is not None else 0}: {reason}")
    return line_error(file, json_line(raw, [] if index is None else [index]), reason)


def _document(data: Mapping[str, Any], text: str) -> Document:
    title, language, article = data.get("title"), data.get("language"), data.get("article_id")
    doc = Document(
        text=text,
        title=title if isinstance(title, str) else None,
        language=language if isinstance(language, str) else None,
    )
    if article is not None:
        doc.metadata["article_id"] = article
    return doc


def _choose(
    task: Mapping[str, Any], use_predictions: bool, log: RepairLog, where: str
) -> tuple[Mapping[str, Any] | None, str]:
    """The annotation (or prediction) to read, and which of the two it is."""
    annotations = task.get("annotations", task.get("completions")) or []
    live = []
    for annotation in annotations:
        if not isinstance(annotation, Mapping):
            continue
        if annotation.get("was_cancelled"):
            log.note("skipped: cancelled annotation", where)
        else:
            live.append(annotation)
    if live:
        if len(live) > 1:
            log.note("several annotations: older ones not used", where)
        return _latest(live), "annotation"
    predictions = [p for p in task.get("predictions") or [] if isinstance(p, Mapping)]
    if use_predictions and predictions:
        log.note("no annotation: prediction used", where)
        return _latest(predictions), "prediction"
    return None, "annotation"


def _latest(items: list[Mapping[str, Any]]) -> Mapping[str, Any]:
    def key(pair: tuple[int, Mapping[str, Any]]) -> tuple[float, float, float, int]:
        position, item = pair
        ident = item.get("id")
        number = (
            float(ident) if isinstance(ident, int) or (isinstance(ident, str) and ident.isdigit()) else -1.0
        )
        return _when(item.get("updated_at")), _when(item.get("created_at")), number, position

    return max(enumerate(items), key=key)[1]


def _when(value: object) -> float:
    if not isinstance(value, str):
        return float("-inf")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return float("-inf")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def _add_result(doc: Document, region: object, analyzer: str, log: RepairLog, where: str) -> None:
    if not isinstance(region, Mapping):
        log.note("ignored: result that is not an object", where)
        return
    kind, layer, value = region.get("type"), region.get("from_name"), region.get("value")
    if kind not in ("labels", "choices"):
        log.note(f"ignored: {kind} result", where)
        return
    if not isinstance(layer, str) or not isinstance(value, Mapping):
        log.note("dropped: result without from_name or value", where)
        return
    if kind == "choices":
        choices = value.get("choices")
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            log.note("dropped: choices that are not a list of names", where)
            return
        for choice in choices:
            doc.add_label(Label(layer, choice, analyzer))
        return
    labels, start, end, recorded = (
        value.get("labels"),
        value.get("start"),
        value.get("end"),
        value.get("text"),
    )
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        log.note("dropped: region without labels", where)
        return
    if (
        not (isinstance(start, int) and isinstance(end, int))
        or isinstance(start, bool)
        or isinstance(end, bool)
    ):
        # HyperText regions carry XPath offsets; they have no place in a plain text.
        log.note("dropped: region without character offsets", where)
        return
    example = f"{where} {layer} {labels[0]} [{start}, {end})"
    anchored = _anchor(doc.text, start, end, recorded if isinstance(recorded, str) else None, log, example)
    if anchored is None:
        return
    score = _score(value.get("score"), region.get("score"))
    for label in labels:
        doc.add_span(Span(anchored[0], anchored[1], layer, label, analyzer, score))


def _score(*candidates: object) -> float | None:
    for value in candidates:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


def _anchor(
    text: str, start: int, end: int, recorded: str | None, log: RepairLog, where: str
) -> tuple[int, int] | None:
    """The offsets of a region, checked against the text it says it covers."""
    inside = 0 <= start < end <= len(text)
    if not recorded:
        if inside:
            return start, end
        log.note("dropped: empty or outside the text", where)
        return None
    if inside and text[start:end] == recorded:
        return start, end
    units = _from_utf16(text, start, end)
    if units is not None and text[units[0] : units[1]] == recorded:
        log.note("offsets in UTF-16 code units: converted", where)
        return units
    found = nearest_occurrence(text, recorded, start)
    if found is not None:
        log.note("text did not match the offsets: re-anchored", where)
        return found, found + len(recorded)
    log.note("dropped: region text not in the document", where)
    return None


def _from_utf16(text: str, start: int, end: int) -> tuple[int, int] | None:
    """UTF-16 code-unit offsets as code-point offsets, where the text has astral characters."""
    positions = _utf16_positions(text)
    if positions is None:
        return None
    first, last = positions.get(start), positions.get(end)
    return (first, last) if first is not None and last is not None and first < last else None


@functools.lru_cache(maxsize=4)
def _utf16_positions(text: str) -> dict[int, int] | None:
    if all(ord(ch) <= 0xFFFF for ch in text):
        return None
    positions: dict[int, int] = {}
    unit = 0
    for index, ch in enumerate(text):
        positions[unit] = index
        unit += 2 if ord(ch) > 0xFFFF else 1
    positions[unit] = len(text)
    return positions
