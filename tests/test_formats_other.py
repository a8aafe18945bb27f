"""JSON Lines, CheckThat! 2024 span files, Label Studio tasks and brat standoff: exact outputs on
small cases, errors that name the file and the line, counted repairs, and lossless round trips.

Every text here is invented, in the register of state media; none is from a real article.
"""

from __future__ import annotations

import io
import json
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrascope.document import SCHEMA, Document, Label, Span
from narrascope.errors import NarrascopeError
from narrascope.formats.brat import read_brat, write_brat
from narrascope.formats.checkthat import (
    read_checkthat,
    read_checkthat_spans,
    read_checkthat_texts,
    write_checkthat,
)
from narrascope.formats.jsonl import json_line, read_jsonl, write_jsonl
from narrascope.formats.labelstudio import export_tasks, import_annotations, labelstudio_config

HARVEST = (
    "Our glorious harvest shames the so-called experts abroad.\nEveryone knows the sanctions have failed."
)
ELITES = "Western elites panic.\r\nThe people stand united."
EMOJI = "Kyiv regime lies 😀 again, the ministry said."

_files = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _doc(
    text: str, article: str, *spans: tuple[int, int, str], labels: tuple[tuple[str, str], ...] = ()
) -> Document:
    doc = Document(text=text, metadata={"article_id": article})
    for start, end, label in spans:
        doc.add_span(Span(start, end, "technique", label, "test.v1"))
    for layer, label in labels:
        doc.add_label(Label(layer, label, "test.v1"))
    return doc


@contextmanager
def _raises(code: str, *parts: str) -> Iterator[None]:
    """Expect a NarrascopeError with ``code`` whose message names each of ``parts`` (file, line)."""
    with pytest.raises(NarrascopeError) as info:
        yield
    assert info.value.code == code, str(info.value)
    for part in parts:
        assert part in str(info.value), f"{part!r} not in {info.value}"


# -- strategies ------------------------------------------------------------------------------

_texts = st.text(
    st.sampled_from(list("abc XYZ абв\t\r\n\u2028é😀.,")) | st.characters(exclude_categories=["Cs"]),
    min_size=1,
    max_size=80,
)
_words = st.text(st.sampled_from(list("ABCabc_-xyz")), min_size=1, max_size=12)


@st.composite
def _spans(draw: st.DrawFn, text: str, layer: str = "technique") -> list[Span]:
    out = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        score = draw(st.none() | st.floats(0, 1, allow_nan=False))
        out.append(Span(start, end, layer, draw(_words), "test.v1", score))
    return out


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    text = draw(_texts)
    doc = Document(text=text, metadata={"article_id": draw(st.text(min_size=1, max_size=8))})
    doc.spans.extend(draw(_spans(text)))
    return doc


# -- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_writes_one_compact_document_a_line_and_reads_them_back(tmp_path: Path) -> None:
    docs = [_doc(HARVEST, "1", (4, 12, "Loaded_Language")), _doc(ELITES, "2", labels=(("genre", "opinion"),))]
    path = tmp_path / "docs.jsonl"
    assert write_jsonl(docs, path) == 2
    raw = path.read_bytes().decode("utf-8")
    assert raw == docs[0].dumps(indent=None) + "\n" + docs[1].dumps(indent=None) + "\n"
    assert "\r" not in raw  # the \r\n inside ELITES is escaped, never a line end
    assert list(read_jsonl(path)) == docs


def test_jsonl_writes_to_streams_and_skips_blank_lines(tmp_path: Path) -> None:
    stream = io.StringIO()
    write_jsonl([_doc(HARVEST, "1")], stream)
    path = tmp_path / "docs.jsonl"
    path.write_text("\n" + stream.getvalue() + "   \n\n", encoding="utf-8")
    assert [d.metadata["article_id"] for d in read_jsonl(path)] == ["1"]


def test_jsonl_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    good = _doc(HARVEST, "1").dumps(indent=None)
    path = tmp_path / "broken.jsonl"
    path.write_text(f"{good}\n\n{{not json\n", encoding="utf-8")
    with _raises("E300", "broken.jsonl:3:", "not JSON"):
        list(read_jsonl(path))
    wrong = json.loads(good) | {"schema": "other/9"}
    path.write_text(good + "\n" + json.dumps(wrong) + "\n", encoding="utf-8")
    with _raises("E300", "broken.jsonl:2:", SCHEMA):
        list(read_jsonl(path))
    path.write_text("[1, 2]\n" + json.dumps({"schema": SCHEMA}) + "\n", encoding="utf-8")
    with _raises("E300", "broken.jsonl:1:", "JSON object"):
        list(read_jsonl(path))
    path.write_text(good + "\n" + json.dumps({"schema": SCHEMA}) + "\n", encoding="utf-8")
    reader = read_jsonl(path)
    assert next(reader).metadata["article_id"] == "1"  # lazy: the bad line is not read yet
    with _raises("E300", "broken.jsonl:2:", "'text'"):
        next(reader)


def test_jsonl_missing_file_fails_at_once(tmp_path: Path) -> None:
    with _raises("E303", "absent.jsonl"):
        read_jsonl(tmp_path / "absent.jsonl")


@_files
@given(st.lists(_documents(), max_size=4))
def test_jsonl_round_trip_is_lossless(docs: list[Document]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "docs.jsonl"
        write_jsonl(docs, path)
        assert list(read_jsonl(path)) == docs


def test_json_line_follows_keys_and_indexes() -> None:
    raw = '{\n "a": [\n  {"x": 1},\n  {"x": 2}\n ],\n "b": {}\n}'
    assert json_line(raw, []) == 1
    assert json_line(raw, ["a"]) == 2
    assert json_line(raw, ["a", 1]) == 4
    assert json_line(raw, ["b"]) == 6
    assert json_line(raw, ["zzz"]) == 1


# -- CheckThat! 2024 -------------------------------------------------------------------------


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def test_checkthat_spans_are_read_as_written(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "spans.json",
        {
            "7": [
                {"tag": "Loaded_Language", "start": 4, "end": 12},
                {"tag": "Doubt", "start": 58, "end": 99},
            ],
            "8": [],
        },
    )
    assert read_checkthat_spans(path) == {"7": [("Loaded_Language", 4, 12), ("Doubt", 58, 99)], "8": []}


def test_checkthat_spans_are_repaired_against_the_text_and_counted(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "spans.json",
        {
            "7": [
                {"tag": "Loaded_Language", "start": 4, "end": 12},  # kept
                {"tag": "Name_Calling-Labeling", "start": 31, "end": 50},  # " so-called experts " trimmed
                {"tag": "Doubt", "start": 92, "end": 120},  # past the end: clipped to 99
                {"tag": "Repetition", "start": 57, "end": 58},  # only the line break: dropped
                {"tag": "Slogans", "start": 12, "end": 12},  # empty: dropped
            ]
        },
    )
    (doc,), log = read_checkthat(path, texts={"7": HARVEST, "8": ELITES})
    assert [(s.label, s.start, s.end, s.text_in(doc)) for s in doc.spans] == [
        ("Loaded_Language", 4, 12, "glorious"),
        ("Name_Calling-Labeling", 32, 49, "so-called experts"),
        ("Doubt", 92, 99, "failed."),
    ]
    assert {s.analyzer for s in doc.spans} == {"gold:checkthat2024"}
    assert doc.metadata == {"article_id": "7", "taxonomy": "semeval2023"}
    assert dict(log.counts) == {
        "white space at the edges: trimmed": 1,
        "end past the text: clipped": 1,
        "dropped: only white space": 1,
        "dropped: empty or outside the text": 1,
    }


def test_checkthat_spans_of_an_article_without_text_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "spans.json", {"7": [], "99": [{"tag": "Doubt", "start": 0, "end": 3}]})
    with _raises("E302", "spans.json", "99"):
        read_checkthat(path, texts={"7": HARVEST})


def test_checkthat_without_texts_gives_placeholders(tmp_path: Path) -> None:
    path = _write(tmp_path / "spans.json", {"7": [{"tag": "Doubt", "start": 58, "end": 99}]})
    (doc,), log = read_checkthat(path)
    assert doc.text == "" and doc.id == "checkthat2024:7" and doc.metadata["text_missing"] is True
    assert [(s.label, s.start, s.end) for s in doc.spans] == [("Doubt", 58, 99)]
    assert doc.warnings() and not log


def test_checkthat_malformed_files_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "spans.json"
    path.write_text('{"7": [\n {"tag": "Doubt", "start": 1, "end": 2},\n {"tag": "Doubt" "start": 1}\n]}')
    with _raises("E300", "spans.json:3:", "not JSON"):
        read_checkthat_spans(path)
    # indent=1: "{", ' "7": [', item 0 on lines 3-7, item 1 opens on line 8
    _write(path, {"7": [{"tag": "Doubt", "start": 1, "end": 2}, {"tag": "Doubt", "start": 1}]})
    with _raises("E300", "spans.json:8:", "article 7", "None"):
        read_checkthat_spans(path)
    _write(path, {"7": [{"tag": "Doubt", "start": 5, "end": 2}]})
    with _raises("E300", "spans.json:3:", "not ordered"):
        read_checkthat_spans(path)
    _write(path, {"7": [{"tag": "Doubt", "start": True, "end": 2}]})
    with _raises("E300", "spans.json:3:", "whole numbers"):
        read_checkthat_spans(path)
    _write(path, {"7": {"tag": "Doubt"}})
    with _raises("E300", "spans.json:2:", "list of spans"):
        read_checkthat_spans(path)
    _write(path, {"7": [{"tag": "Lies", "start": 1, "end": 2}]})
    with _raises("E301", "spans.json:3:", "'Lies'"):
        read_checkthat_spans(path, known={"Doubt"})
    path.write_text('{\n "7": [],\n "8": [],\n "7": []\n}')
    with _raises("E300", "spans.json:4:", "'7' appears twice"):
        read_checkthat_spans(path)
    with _raises("E303", "absent.json"):
        read_checkthat_spans(tmp_path / "absent.json")


def test_checkthat_texts_are_read_exactly_and_checked(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "texts.json",
        [{"article_id": "7", "text": HARVEST, "lang": "en"}, {"article_id": 8, "text": ELITES}],
    )
    assert read_checkthat_texts(path) == {"7": HARVEST, "8": ELITES}
    _write(path, [{"article_id": "7", "text": HARVEST}, {"article_id": "8"}])
    with _raises("E300", "texts.json:6:", "no 'text'"):
        read_checkthat_texts(path)
    _write(path, [{"article_id": "7", "text": "a"}, {"article_id": "7", "text": "b"}])
    with _raises("E300", "texts.json:6:", "listed twice"):
        read_checkthat_texts(path)
    _write(path, {"7": "a"})
    with _raises("E300", "texts.json:1:", "JSON list"):
        read_checkthat_texts(path)


def test_checkthat_writer_output_is_exact(tmp_path: Path) -> None:
    docs = [
        _doc(
            HARVEST, "7", (58, 99, "Doubt"), (4, 12, "Loaded_Language"), (4, 12, "Exaggeration-Minimisation")
        ),
        _doc(ELITES, "8"),
    ]
    docs[0].add_span(Span(0, 3, "role", "Protagonist", "test.v1"))  # another layer: not written
    path = tmp_path / "out.json"
    assert write_checkthat(docs, path) == 3
    assert path.read_text(encoding="utf-8") == (
        '{"7": [{"tag": "Exaggeration-Minimisation", "start": 4, "end": 12}, '
        '{"tag": "Loaded_Language", "start": 4, "end": 12}, '
        '{"tag": "Doubt", "start": 58, "end": 99}], "8": []}\n'
    )
    with _raises("E302", "article_id"):
        write_checkthat([Document(HARVEST)], path)
    with _raises("E302", "7"):
        write_checkthat([docs[0], docs[0]], path)


@st.composite
def _checkthat_docs(draw: st.DrawFn) -> list[Document]:
    docs = []
    for number in range(draw(st.integers(1, 3))):
        text = draw(_texts)
        doc = Document(text=text, metadata={"article_id": str(number)})
        # The reader trims white space at span edges, so only spans without it survive as they are.
        doc.spans.extend(
            Span(s.start, s.end, "technique", s.label, "gold:checkthat2024")
            for s in draw(_spans(text))
            if s.text_in(doc).strip() == s.text_in(doc)
        )
        docs.append(doc)
    return docs


def _span_keys(doc: Document, *layers: str) -> list[tuple[str, int, int, str]]:
    return sorted((s.layer, s.start, s.end, s.label) for s in doc.iter_spans(*layers))


@_files
@given(_checkthat_docs())
def test_checkthat_round_trip_is_lossless(docs: list[Document]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "spans.json"
        write_checkthat(docs, path)
        again, log = read_checkthat(path, texts={d.metadata["article_id"]: d.text for d in docs})
    assert not log
    assert [d.text for d in again] == [d.text for d in docs]
    assert [_span_keys(d) for d in again] == [_span_keys(d) for d in docs]


# -- Label Studio ----------------------------------------------------------------------------


def test_labelstudio_config_is_exact_and_well_formed() -> None:
    config = labelstudio_config(
        {"technique": ["Loaded_Language", "Doubt", "Doubt"]},
        {"genre": ["opinion", "reporting"], "frame": ["Security_and_defense", 'Crime & "punishment"']},
    )
    assert config == (
        "<View>\n"
        '  <Labels name="technique" toName="text">\n'
        '    <Label value="Loaded_Language"/>\n'
        '    <Label value="Doubt"/>\n'
        "  </Labels>\n"
        '  <Text name="text" value="$text"/>\n'
        '  <Choices name="genre" toName="text" choice="single">\n'
        '    <Choice value="opinion"/>\n'
        '    <Choice value="reporting"/>\n'
        "  </Choices>\n"
        '  <Choices name="frame" toName="text" choice="multiple">\n'
        '    <Choice value="Security_and_defense"/>\n'
        "    <Choice value='Crime &amp; \"punishment\"'/>\n"
        "  </Choices>\n"
        "</View>\n"
    )
    choices = ET.fromstring(config).findall("./Choices/Choice")
    assert [c.get("value") for c in choices][-1] == 'Crime & "punishment"'
    with pytest.raises(ValueError):
        labelstudio_config({"text": ["A"]})


def test_labelstudio_export_is_exact_with_stable_region_ids() -> None:
    doc = _doc(
        HARVEST, "7", (32, 49, "Name_Calling-Labeling"), labels=(("genre", "opinion"), ("frame", "Economic"))
    )
    doc.add_span(Span(4, 12, "technique", "Loaded_Language", "test.v1", 0.75))
    doc.add_span(Span(4, 4, "technique", "Doubt", "test.v1"))  # zero-length: left out
    (task,) = export_tasks([doc], model_version="m1")
    ids = [r.pop("id") for r in task["predictions"][0]["result"]]
    assert task == {
        "data": {"text": HARVEST, "narrascope_id": doc.id, "article_id": "7"},
        "predictions": [
            {
                "model_version": "m1",
                "score": 0.75,
                "result": [
                    {
                        "from_name": "technique",
                        "to_name": "text",
                        "type": "labels",
                        "value": {
                            "start": 4,
                            "end": 12,
                            "text": "glorious",
                            "labels": ["Loaded_Language"],
                            "score": 0.75,
                        },
                    },
                    {
                        "from_name": "technique",
                        "to_name": "text",
                        "type": "labels",
                        "value": {
                            "start": 32,
                            "end": 49,
                            "text": "so-called experts",
                            "labels": ["Name_Calling-Labeling"],
                        },
                    },
                    {
                        "from_name": "genre",
                        "to_name": "text",
                        "type": "choices",
                        "value": {"choices": ["opinion"]},
                    },
                    {
                        "from_name": "frame",
                        "to_name": "text",
                        "type": "choices",
                        "value": {"choices": ["Economic"]},
                    },
                ],
            }
        ],
    }
    assert len(set(ids)) == 4 and all(len(i) == 10 for i in ids)
    again = [r["id"] for r in export_tasks([doc], model_version="m1")[0]["predictions"][0]["result"]]
    assert again == ids
    assert export_tasks([Document(ELITES)])[0]["predictions"] == []


def _region(
    start: int, end: int, text: str, label: str = "Loaded_Language", layer: str = "technique"
) -> dict[str, Any]:
    value = {"start": start, "end": end, "text": text, "labels": [label]}
    return {"id": f"r{start}", "from_name": layer, "to_name": "text", "type": "labels", "value": value}


def test_labelstudio_import_takes_the_latest_annotation_that_was_not_cancelled() -> None:
    task = {
        "id": 12,
        "data": {"text": HARVEST, "article_id": "7"},
        "annotations": [
            {"id": 1, "updated_at": "2024-05-01T10:00:00.000000Z", "result": [_region(4, 12, "glorious")]},
            {
                "id": 2,
                "updated_at": "2024-05-02T10:00:00.000000Z",
                "completed_by": 3,
                "result": [
                    _region(32, 49, "so-called experts", "Name_Calling-Labeling"),
                    {
                        "id": "g",
                        "from_name": "genre",
                        "to_name": "text",
                        "type": "choices",
                        "value": {"choices": ["opinion"]},
                    },
                    {
                        "id": "n",
                        "from_name": "note",
                        "to_name": "text",
                        "type": "textarea",
                        "value": {"text": ["ok"]},
                    },
                ],
            },
            {"id": 3, "updated_at": "2024-05-03T10:00:00.000000Z", "was_cancelled": True, "result": []},
        ],
        "predictions": [{"model_version": "m1", "result": [_region(58, 72, "Everyone knows")]}],
    }
    (doc,), log = import_annotations([task])
    assert [(s.layer, s.label, s.start, s.end, s.analyzer) for s in doc.spans] == [
        ("technique", "Name_Calling-Labeling", 32, 49, "annotation:label-studio")
    ]
    assert [(label.layer, label.label) for label in doc.labels] == [("genre", "opinion")]
    assert doc.metadata == {
        "article_id": "7",
        "labelstudio": {"task": 12, "from": "annotation", "annotation": 2, "completed_by": 3},
    }
    assert dict(log.counts) == {
        "skipped: cancelled annotation": 1,
        "several annotations: older ones not used": 1,
        "ignored: textarea result": 1,
    }


def test_labelstudio_import_repairs_regions_and_counts_them() -> None:
    results = [
        _region(4, 12, "glorious"),  # kept
        _region(5, 13, "glorious"),  # shifted by one: re-anchored
        _region(40, 50, "heroic"),  # nowhere in the text: dropped
        _region(90, 120, ""),  # past the end, no text: dropped
    ]
    emoji = [_region(20, 25, "again"), _region(12, 16, "lies")]  # UTF-16 units after the emoji; before it
    tasks = [
        {"data": {"text": HARVEST}, "annotations": [{"result": results}]},
        {"data": {"text": EMOJI}, "annotations": [{"result": emoji}]},
        {"data": {"text": ELITES}, "predictions": [{"result": [_region(0, 14, "Western elites")]}]},
    ]
    (harvest, emojis), log = import_annotations(tasks)
    assert [(s.start, s.end) for s in harvest.spans] == [(4, 12), (4, 12)]
    assert [(s.start, s.end, s.text_in(emojis)) for s in emojis.spans] == [
        (19, 24, "again"),
        (12, 16, "lies"),
    ]
    assert dict(log.counts) == {
        "text did not match the offsets: re-anchored": 1,
        "dropped: region text not in the document": 1,
        "dropped: empty or outside the text": 1,
        "offsets in UTF-16 code units: converted": 1,
        "skipped: task without a completed annotation": 1,
    }
    docs, log = import_annotations(tasks, use_predictions=True)
    assert [(s.label, s.analyzer) for s in docs[2].spans] == [("Loaded_Language", "pred:label-studio")]
    assert log.counts["no annotation: prediction used"] == 1


def test_labelstudio_import_malformed_task_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    _write(path, [{"data": {"text": HARVEST}, "annotations": []}, {"data": {"html": "<p>x</p>"}}])
    # indent=1: "[", task 0 on lines 2-7, task 1 opens on line 8
    with _raises("E300", "export.json:8:", "data.text"):
        import_annotations(path)
    _write(path, [{"data": {"text": HARVEST}, "annotations": [{"result": {"oops": 1}}]}])
    with _raises("E300", "export.json:2:", "not a list"):
        import_annotations(path)
    with _raises("E300", "task 0"):
        import_annotations([{"data": {}}])
    path.write_text("[{,]")
    with _raises("E300", "export.json:1:", "not JSON"):
        import_annotations(path)


@st.composite
def _labelled_documents(draw: st.DrawFn) -> Document:
    text = draw(_texts)
    doc = Document(text=text)
    doc.spans.extend(draw(_spans(text, "technique")) + draw(_spans(text, "role")))
    for layer in ("genre", "frame"):
        for label in draw(st.lists(st.text(min_size=1, max_size=20), unique=True, max_size=3)):
            doc.add_label(Label(layer, label, "test.v1"))
    return doc


def _scored_keys(doc: Document) -> list[tuple[str, int, int, str, float]]:
    return sorted((s.layer, s.start, s.end, s.label, -1.0 if s.score is None else s.score) for s in doc.spans)


@settings(max_examples=60, deadline=None)
@given(st.lists(_labelled_documents(), min_size=1, max_size=3))
def test_labelstudio_export_then_import_is_lossless(docs: list[Document]) -> None:
    tasks = export_tasks(docs, span_layers=("technique", "role"), label_layers=("genre", "frame"))
    again, log = import_annotations(json.loads(json.dumps(tasks)), use_predictions=True)
    with_findings = [d for d in docs if d.spans or d.labels]
    assert [d.text for d in again] == [d.text for d in with_findings]
    for before, after in zip(with_findings, again, strict=True):
        assert after.id == before.id
        assert _scored_keys(after) == _scored_keys(before)
        assert [(x.layer, x.label) for x in after.labels] == [(x.layer, x.label) for x in before.labels]
    assert set(log.counts) <= {
        "no annotation: prediction used",
        "skipped: task without a completed annotation",
    }


# -- brat ------------------------------------------------------------------------------------


def test_brat_writer_output_is_exact(tmp_path: Path) -> None:
    doc = _doc(
        ELITES,
        "elites-1",
        (23, 33, "Flag_Waving"),
        (0, 14, "Name_Calling-Labeling"),
        (15, 33, "Loaded_Language"),
    )
    doc.add_label(Label("genre", "opinion", "test.v1"))  # document labels are not written
    txt, ann = write_brat(doc, tmp_path / "out")
    assert (txt.name, ann.name) == ("elites-1.txt", "elites-1.ann")
    assert txt.read_bytes() == ELITES.encode("utf-8")  # \r\n kept: offsets count it as two
    assert ann.read_text(encoding="utf-8") == (
        "T1\tName_Calling-Labeling 0 14\tWestern elites\n"
        "T2\tLoaded_Language 15 33\tpanic.  The people\n"
        "T3\tFlag_Waving 23 33\tThe people\n"
    )
    with pytest.raises(ValueError, match="zero-length"):
        write_brat(_doc(ELITES, "x", (3, 3, "Doubt")), tmp_path)
    with pytest.raises(ValueError, match="single words"):
        write_brat(_doc(ELITES, "x", (0, 3, "Appeal to fear")), tmp_path)


def _brat_files(folder: Path, text: str, ann: str) -> Path:
    txt = folder / "piece.txt"
    with txt.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    (folder / "piece.ann").write_bytes(ann.encode("utf-8"))
    return txt


def test_brat_reader_splits_fragments_and_skips_other_lines(tmp_path: Path) -> None:
    txt = _brat_files(
        tmp_path,
        ELITES,
        "T1\tName_Calling-Labeling 0 14\tWestern elites\r\n"
        "T2\tLoaded_Language 8 14;15 20\telites panic\n"
        "#1\tAnnotatorNotes T1\tchecked twice\n"
        "A1\tNegated T2\n"
        "R1\tTargets Arg1:T1 Arg2:T2\n"
        "E1\tAttack:T1\n"
        "\n",
    )
    doc, log = read_brat(txt)
    assert [(s.label, s.start, s.end, s.attrs) for s in doc.spans] == [
        ("Name_Calling-Labeling", 0, 14, {}),
        ("Loaded_Language", 8, 14, {"brat_id": "T2", "fragment": 0}),
        ("Loaded_Language", 15, 20, {"brat_id": "T2", "fragment": 1}),
    ]
    assert {(s.layer, s.analyzer) for s in doc.spans} == {("technique", "gold:brat")}
    assert doc.metadata["article_id"] == "piece"
    assert dict(log.counts) == {
        "discontinuous annotation: split into spans": 1,
        "ignored: note lines": 1,
        "ignored: attribute lines": 1,
        "ignored: relation lines": 1,
        "ignored: event lines": 1,
    }


def test_brat_reader_checks_recorded_text_and_reanchors(tmp_path: Path) -> None:
    # Offsets counted as if the \r\n were one character (the .txt read with newline translation).
    txt = _brat_files(
        tmp_path,
        ELITES,
        "T1\tFlag_Waving 22 32\tThe people\n"
        "T2\tDoubt 0 7\tEastern\n"
        "T3\tDoubt 0 3;4 9\tWes elite\n"
        "T4\tLoaded_Language 20 23\tpanic.  The\n",
    )
    doc, log = read_brat(txt, layer="role", source="gold:test")
    assert [(s.label, s.start, s.end, s.text_in(doc), s.layer) for s in doc.spans] == [
        ("Flag_Waving", 23, 33, "The people", "role"),
        ("Loaded_Language", 15, 26, "panic.\r\nThe", "role"),
    ]
    assert dict(log.counts) == {
        "text did not match the offsets: re-anchored": 2,
        "dropped: annotation text not in the document": 1,
        "dropped: discontinuous annotation whose text does not match": 1,
    }


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("T3\tDoubt 0 7", "ID<TAB>TYPE"),
        ("T3\tDoubt\tWestern", "TYPE START END"),
        ("T3\tDoubt 0 x\tWestern", "'x' is not a whole number"),
        ("T3\tDoubt 0 7;9\tWestern", "START END pairs"),
        ("T3\tDoubt 7 0\tWestern", "not ordered"),
        ("X3\tDoubt 0 7\tWestern", "no brat annotation id"),
    ],
)
def test_brat_malformed_lines_name_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    txt = _brat_files(tmp_path, ELITES, f"T1\tDoubt 0 7\tWestern\n#1\tnote T1\tx\n{line}\n")
    with _raises("E300", "piece.ann:3:", reason):
        read_brat(txt)


def test_brat_missing_files(tmp_path: Path) -> None:
    with _raises("E303", "none.txt"):
        read_brat(tmp_path / "none.txt")
    (tmp_path / "lone.txt").write_text("x")
    with _raises("E303", "lone.ann"):
        read_brat(tmp_path / "lone.txt")


@_files
@given(_documents())
def test_brat_round_trip_is_lossless(doc: Document) -> None:
    # brat holds no zero-length spans (the strategy makes none), types without white space
    # (the labels are single words) and one layer per file; the text must come back byte for byte.
    with tempfile.TemporaryDirectory() as folder:
        txt, ann = write_brat(doc, folder, name="doc")
        again, log = read_brat(txt, ann)
    assert again.text == doc.text
    assert _span_keys(again) == _span_keys(doc)
    assert not log
