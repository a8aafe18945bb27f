"""The persuasion-technique model: training end to end, the shipped model, and its outputs."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from narrascope import Document, Pipeline, analyze, registry
from narrascope.config import Config, load_config
from narrascope.errors import NarrascopeError
from narrascope.formats.checkthat import read_checkthat_spans
from narrascope.formats.semeval2023 import read_paragraph_techniques, read_span_techniques
from narrascope.models.heads import (
    MIX_WEIGHTS,
    SHRINKS,
    TOKEN_WEIGHTS,
    decode_spans,
    function_words_of,
    tidy_edges,
    tune_thresholds,
)
from narrascope.models.techniques import FORMAT, TechniqueModel, load_model
from narrascope.models.training import TrainingSettings, train_techniques
from narrascope.predict import predict_submission
from narrascope.report.html import render_html
from narrascope.store.queue import fingerprint
from narrascope.taxonomy import TECHNIQUES

# Invented articles in the shared task's shape, with techniques annotated by hand.
PARAGRAPHS = [
    (
        "The criminal regime in the capital has once again shown its true face.",
        "Name_Calling-Labeling",
        "criminal regime",
    ),
    (
        "These bloodthirsty butchers will stop at nothing to destroy our nation.",
        "Loaded_Language",
        "bloodthirsty butchers",
    ),
    ("The ministry said the exercises would last until Friday.", None, None),
    ("Who can believe the lies of these so-called experts anymore?", "Doubt", "Who can believe the lies"),
    ("The delegation arrived in the city on Monday morning.", None, None),
    (
        "Only a traitor would question the decision of our glorious leader.",
        "Loaded_Language",
        "glorious leader",
    ),
]


def _write_corpus(root: Path, articles: int = 6) -> Path:
    folder = root / "xx"
    (folder / "train-articles-subtask-3").mkdir(parents=True)
    (folder / "train-labels-subtask-3-spans").mkdir()
    lines: list[str] = []
    for number in range(articles):
        article = str(100 + number)
        chosen = [PARAGRAPHS[(number + i) % len(PARAGRAPHS)] for i in range(4)]
        text = f"Report number {number}\n\n" + "\n\n".join(p for p, _, _ in chosen) + "\n"
        (folder / "train-articles-subtask-3" / f"article{article}.txt").write_text(text, encoding="utf-8")
        line = 1
        lines.append(f"{article}\t1\t\n")
        span_lines = []
        for paragraph, technique, phrase in chosen:
            line += 2
            lines.append(f"{article}\t{line}\t{technique or ''}\n")
            if technique and phrase:
                start = text.index(paragraph) + paragraph.index(phrase)
                span_lines.append(f"{article}\t{technique}\t{start}\t{start + len(phrase)}\n")
        (folder / "train-labels-subtask-3-spans" / f"article{article}-labels-subtask-3.txt").write_text(
            "".join(span_lines), encoding="utf-8"
        )
    (folder / "train-labels-subtask-3.txt").write_text("".join(lines), encoding="utf-8")
    return folder


def _add_development_set(folder: Path, articles: int = 4) -> None:
    """Development articles in the official layout: their own folder, one label file, one span file."""
    dev = folder / "dev-articles-subtask-3"
    dev.mkdir()
    labels, spans = [], []
    for number in range(articles):
        article = str(900 + number)
        chosen = [PARAGRAPHS[(number + 2 + i) % len(PARAGRAPHS)] for i in range(3)]
        text = f"Bulletin {number}\n\n" + "\n\n".join(p for p, _, _ in chosen) + "\n"
        (dev / f"article{article}.txt").write_text(text, encoding="utf-8")
        labels.append(f"{article}\t1\t\n")
        for line, (paragraph, technique, phrase) in enumerate(chosen):
            labels.append(f"{article}\t{3 + 2 * line}\t{technique or ''}\n")
            if technique and phrase:
                start = text.index(paragraph) + paragraph.index(phrase)
                spans.append(f"{article}\t{technique}\t{start}\t{start + len(phrase)}\n")
    (folder / "dev-labels-subtask-3.txt").write_text("".join(labels), encoding="utf-8")
    (folder / "dev-labels-subtask-3-spans.txt").write_text("".join(spans), encoding="utf-8")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("train")
    data = _write_corpus(root)
    _add_development_set(data)
    out = root / "model"
    settings = TrainingSettings(folds=2, baseline=False, paragraph_epochs=3, span_epochs=1)
    train_techniques(data, out, settings, say=lambda _: None)
    return data, out


@pytest.mark.slow
def test_training_runs_end_to_end_and_writes_a_model_that_loads(tiny_model: tuple[Path, Path]) -> None:
    _, out = tiny_model
    assert sorted(p.name for p in out.iterdir()) == ["MODEL_CARD.md", "config.json", "heads.safetensors"]
    model = TechniqueModel.load(out)
    assert model.config.labels == list(TECHNIQUES)
    assert len(model.config.paragraph_thresholds) == len(TECHNIQUES)
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "narrascope train techniques" in card and "research" in card
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    figures = config["training"]["figures"]
    assert set(figures["paragraph_micro_f1"]) == {"xx"}
    assert 0.0 <= figures["paragraph_micro_f1"]["xx"] <= 1.0
    # The development articles are scored by heads that never saw them, and say so in the card.
    assert config["training"]["development_articles"] == 4 and figures["development"]["articles"] == 4
    assert 0.0 <= figures["development"]["paragraph_micro_f1"]["xx"] <= 1.0
    assert "xx" in figures["development"]["span_micro_f1"]
    assert "training articles alone" in card
    # One threshold per technique, pulled towards the global one by a shrink from the grid.
    assert config["format"] == FORMAT == 7 and figures["threshold_shrink"] in SHRINKS.tolist()
    assert all(0.05 <= cut <= 0.95 for cut in model.config.paragraph_thresholds)
    assert "xx" in figures["development"]["global_threshold_paragraph_micro_f1"]
    # The span head's strongest token weighs in on the paragraph labels, per technique.
    assert model.evidence is not None and model.evidence.weights.shape == (len(TECHNIQUES),)
    assert set(np.unique(model.evidence.weights)) <= set(TOKEN_WEIGHTS.tolist())
    assert "xx" in figures["development"]["without_token_evidence_paragraph_micro_f1"]
    # The attention head ships, with a weight chosen on the development set from the grid.
    assert model.attention is not None and model.attention.value_bias.shape == (len(TECHNIQUES),)
    assert model.config.attention_weight in MIX_WEIGHTS.tolist()
    assert model.config.attention_weight == figures["development"]["attention_weight"]
    assert "xx" in figures["development"]["without_attention_paragraph_micro_f1"]
    assert "Attention head" in card
    # Its token values weigh in on the spans, at a weight chosen on the development set too.
    assert model.config.span_attention_weight == figures["development"]["span_attention_weight"]
    assert model.config.span_attention_weight in MIX_WEIGHTS.tolist()
    assert "xx" in figures["development"]["span_without_attention_micro_f1"]
    # The language's annotators used three techniques: the other twenty are never predicted in it.
    used = {"Name_Calling-Labeling", "Loaded_Language", "Doubt"}
    assert model.config.not_annotated == {"xx": [name for name in TECHNIQUES if name not in used]}
    assert "xx" in figures["development"]["without_inventory_paragraph_micro_f1"]
    assert "never predicted there: xx: Appeal_to_Authority" in card
    # The paragraph ensemble: a linear head and the MLP heads, restored as they were trained.
    assert len(model.paragraph_head.mlps) == 3 and model.paragraph_head.linear_weight == 0.5
    assert model.sha256 == hashlib.sha256((out / "heads.safetensors").read_bytes()).hexdigest()


def test_a_model_folder_of_another_format_is_refused_clearly(tmp_path: Path) -> None:
    (tmp_path / "heads.safetensors").write_bytes(b"")
    for old in (1, 2):  # techniques-v1 and techniques-v2 (a linear paragraph head only)
        (tmp_path / "config.json").write_text(json.dumps({"labels": [], "format": old}), encoding="utf-8")
        with pytest.raises(
            NarrascopeError,
            match=rf"E031: .*model format {old}, but this narrascope reads formats 3, 4, 5, 6 and 7",
        ):
            TechniqueModel.load(tmp_path)
    (tmp_path / "config.json").write_text(json.dumps({"format": FORMAT, "colour": "red"}), encoding="utf-8")
    with pytest.raises(NarrascopeError, match=r"E031: .*not a technique model config"):
        TechniqueModel.load(tmp_path)


#: Every fixture paragraph in one text: each technique of the tiny model has somewhere to show.
EVERY_PARAGRAPH = "\n\n".join(p for p, _, _ in PARAGRAPHS)


def _saved_as(model: TechniqueModel, version: int, folder: Path) -> TechniqueModel:
    """``model`` saved as a folder of format ``version`` and loaded back."""
    model.config.format = version
    model.save(folder)
    return TechniqueModel.load(folder)


def _saved_without(model: TechniqueModel, version: int, folder: Path, key: str) -> TechniqueModel:
    """``model`` saved as a folder of format ``version`` whose config lacks ``key`` (as that
    format's folders do), and loaded back."""
    _saved_as(model, version, folder)
    raw = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    del raw[key]
    (folder / "config.json").write_text(json.dumps(raw), encoding="utf-8")
    return TechniqueModel.load(folder)


def _refused(model: TechniqueModel, folder: Path, reason: str) -> None:
    """``model``, saved, is refused with E031 for ``reason`` when loaded."""
    model.save(folder)
    with pytest.raises(NarrascopeError, match=rf"E031: .*{reason}"):
        TechniqueModel.load(folder)


@pytest.mark.slow
def test_a_format_3_folder_loads_without_token_evidence_and_scores_as_before(
    tiny_model: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = tiny_model
    model = TechniqueModel.load(out)
    text = EVERY_PARAGRAPH
    # Without its evidence, the model is what format 3 saved: paragraph scores from the ensemble alone.
    model.evidence = None
    model.attention = None
    old = _saved_as(model, 3, tmp_path / "v3")
    assert old.evidence is None and old.config.format == 3
    assert old.predict([text], threshold=0.0)[0] == model.predict([text], threshold=0.0)[0]
    # The evidence moves the paragraph scores (the spans stay the span head's).
    new = TechniqueModel.load(out)
    assert new.evidence is not None
    new.attention = None
    new.evidence.weights[:] = 1.0
    with_evidence, without = new.predict([text], threshold=0.0)[0], old.predict([text], threshold=0.0)[0]
    assert with_evidence.spans == without.spans
    assert [p[4] for p in with_evidence.paragraphs] != [p[4] for p in without.paragraphs]
    # Evidence that does not fit the labels is refused when the folder is loaded.
    new.evidence.weights = new.evidence.weights[:5]
    _refused(new, tmp_path / "broken", "token evidence for 5 techniques, but the config names 23")


@pytest.mark.slow
def test_a_format_4_folder_loads_without_the_attention_head(
    tiny_model: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = tiny_model
    model = TechniqueModel.load(out)
    text = EVERY_PARAGRAPH
    assert model.attention is not None
    # The tiny model's weight, chosen on four articles, may be 0: give the head a say.
    model.config.attention_weight = 0.5
    model.config.span_attention_weight = 0.0
    both = model.predict([text], threshold=0.0)[0]
    model.config.attention_weight = 0.0
    # What techniques-v4 saved: the ensemble with its token evidence, and no attention head.
    model.attention = None
    old = _saved_as(model, 4, tmp_path / "v4")
    assert old.attention is None and old.evidence is not None
    without = old.predict([text], threshold=0.0)[0]
    assert without == model.predict([text], threshold=0.0)[0]
    # The attention head moves the paragraph scores, and only them.
    assert both.spans == without.spans
    assert [p[4] for p in both.paragraphs] != [p[4] for p in without.paragraphs]
    # An attention head that does not fit the labels is refused when the folder is loaded.
    broken = TechniqueModel.load(out)
    assert broken.attention is not None
    broken.attention.value_bias = broken.attention.value_bias[:5]
    _refused(broken, tmp_path / "broken", "attention head for 5 techniques, but the config names 23")


@pytest.mark.slow
def test_a_format_5_folder_takes_its_spans_from_the_span_head_alone(
    tiny_model: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = tiny_model
    model = TechniqueModel.load(out)
    text = EVERY_PARAGRAPH
    model.config.span_attention_weight = 0.5
    mixed = model.predict([text], threshold=0.0)[0]
    # What techniques-v5 saved: no span weight in its config.
    model.config.span_attention_weight = 0.0
    old = _saved_without(model, 5, tmp_path / "v5", "span_attention_weight")
    assert old.config.format == 5 and old.config.span_attention_weight == 0.0
    alone = old.predict([text], threshold=0.0)[0]
    assert alone == model.predict([text], threshold=0.0)[0]
    # The token values move the span scores, and only them.
    assert mixed.paragraphs == alone.paragraphs
    assert [s[3] for s in mixed.spans] != [s[3] for s in alone.spans]


@pytest.mark.slow
def test_a_language_gets_only_the_techniques_its_annotators_used(
    tiny_model: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = tiny_model
    model = TechniqueModel.load(out)
    used = {"Name_Calling-Labeling", "Loaded_Language", "Doubt"}  # all the "xx" annotators used
    text = EVERY_PARAGRAPH
    # At a threshold of 0 every technique would be found; in "xx" only those three are.
    (everything,) = model.predict([text], threshold=0.0)
    (in_xx,) = model.predict([text], threshold=0.0, languages=["xx"])
    assert {p[3] for p in everything.paragraphs} == set(TECHNIQUES)
    assert {p[3] for p in in_xx.paragraphs} == used
    assert {s[2] for s in in_xx.spans} <= used < {s[2] for s in everything.spans}
    # What is kept is unchanged: same paragraphs, same scores.
    assert in_xx.paragraphs == [p for p in everything.paragraphs if p[3] in used]
    assert in_xx.spans == [s for s in everything.spans if s[2] in used]
    # A language the inventory does not hold, or none, gets all 23.
    assert model.predict([text], threshold=0.0, languages=["fr"])[0] == everything
    # A format-6 folder has no inventory: all 23 in every language, as techniques-v6 gave.
    old = _saved_without(model, 6, tmp_path / "v6", "not_annotated")
    assert old.config.not_annotated == {}
    assert old.predict([text], threshold=0.0, languages=["xx"])[0] == everything
    # An inventory naming a technique the model lacks is refused when the folder is loaded.
    model.config.format = FORMAT
    model.config.not_annotated = {"xx": ["Telepathy"]}
    _refused(model, tmp_path / "broken", "not_annotated names techniques the model does not have")


@pytest.mark.slow
def test_the_analyzer_follows_the_inventory_unless_told_not_to(tiny_model: tuple[Path, Path]) -> None:
    _, out = tiny_model
    model = TechniqueModel.load(out)
    text = EVERY_PARAGRAPH
    config = load_config()
    techniques = config.data["analyzers"]["narrascope.techniques.v1"]
    assert techniques["language_inventory"] is True  # the default
    model.config.not_annotated = {"en": ["Loaded_Language"]}
    folder = out.parent / "inventory-en"
    model.save(folder)

    def pipeline_for(inventory: bool) -> Pipeline:
        settings = {"model": str(folder), "threshold": 0.01, "language_inventory": inventory}
        steps = [
            "narrascope.language.v1",
            "narrascope.segment.v1",
            "narrascope.encoder.v1",
            "narrascope.techniques.v1",
        ]
        return Pipeline(
            Config(
                {
                    **config.data,
                    "pipeline": {**config.data["pipeline"], "analyzers": steps},
                    "analyzers": {**config.data["analyzers"], "narrascope.techniques.v1": settings},
                }
            )
        )

    def analysed(inventory: bool) -> Document:
        return analyze(text, language="en", pipeline=pipeline_for(inventory))

    def labels(doc: Document) -> set[str]:
        return {s.label for s in doc.layer("technique")} | {s.label for s in doc.layer("paragraph_technique")}

    everything, inventory = analysed(False), analysed(True)
    assert "Loaded_Language" in labels(everything)
    assert "Loaded_Language" not in labels(inventory)
    assert labels(inventory) == labels(everything) - {"Loaded_Language"}
    # The document says what it leaves out, in its JSON and its report; without the rule it
    # leaves out nothing and says nothing.
    marks = Document.loads(inventory.dumps()).metadata["not_reported"]
    assert marks["technique"] == {"analyzer": "narrascope.techniques.v1", "labels": ["Loaded_Language"]}
    assert marks["paragraph_technique"]["labels"] == ["Loaded_Language"]
    assert "not_reported" not in everything.metadata
    assert "Not reported in language “en”" in render_html(inventory)
    assert "Loaded language." in render_html(inventory)
    assert "Not reported" not in render_html(everything)
    # Analysed again with the rule off (a stored document, new settings): no stale list.
    again = pipeline_for(False)(Document.loads(inventory.dumps()))
    assert "not_reported" not in again.metadata
    with pytest.raises(NarrascopeError, match=r"E020: narrascope.techniques.v1: language_inventory must be"):
        registry.create("narrascope.techniques.v1", {"language_inventory": "yes"})


@pytest.mark.slow
def test_a_retrained_model_in_the_same_folder_changes_the_fingerprint(
    tiny_model: tuple[Path, Path], tmp_path: Path
) -> None:
    _, out = tiny_model
    folder = tmp_path / "mine"
    shutil.copytree(out, folder)
    config = load_config()
    mine = Config(
        {
            **config.data,
            "analyzers": {**config.data["analyzers"], "narrascope.techniques.v1": {"model": str(folder)}},
        }
    )
    before = fingerprint(mine)
    assert fingerprint(mine) == before
    model = TechniqueModel.load(folder)
    model.paragraph_head.linear.bias = (
        model.paragraph_head.linear.bias + 1.0
    )  # what retraining does to the weights
    model.save(folder)
    assert fingerprint(mine) != before  # so --resume analyses every document again


@pytest.mark.slow
def test_predict_and_analyze_give_the_same_technique_spans(tmp_path: Path) -> None:
    text = (
        "Kremlin hawks warn of Western plot\n\n"
        "The bloodthirsty neo-Nazi junta and its cowardly puppet masters are committing monstrous crimes.\n\n"
        "Who can believe the lies of these so-called experts anymore?\n"
    )
    (tmp_path / "article1.txt").write_text(text, encoding="utf-8")
    predict_submission("semeval2023-spans", tmp_path, tmp_path / "spans.txt")
    predicted = sorted(read_span_techniques(tmp_path / "spans.txt", TECHNIQUES).get("1", []))
    doc = analyze(text, language="en")
    analysed = sorted((s.label, s.start, s.end) for s in doc.layer("technique"))
    assert predicted == analysed and analysed


@pytest.mark.slow
def test_training_is_reproducible(tiny_model: tuple[Path, Path], tmp_path: Path) -> None:
    data, first = tiny_model
    settings = TrainingSettings(folds=2, baseline=False, paragraph_epochs=3, span_epochs=1)
    train_techniques(data, tmp_path / "again", settings, say=lambda _: None)
    a, b = TechniqueModel.load(first), TechniqueModel.load(tmp_path / "again")
    assert np.array_equal(a.paragraph_head.linear.weight, b.paragraph_head.linear.weight)
    assert np.array_equal(a.span_head.weight, b.span_head.weight)


@pytest.mark.slow
def test_shipped_model_predictions_are_deterministic_and_inside_the_text() -> None:
    model = load_model()
    texts = ["\n\n".join(p for p, _, _ in PARAGRAPHS), "Короткий текст.\n\nЕщё одна строка."]
    first, second = model.predict(texts), model.predict(texts)
    assert first == second
    for text, prediction in zip(texts, first, strict=True):
        for start, end, label, score in prediction.spans:
            assert 0 <= start < end <= len(text) and label in TECHNIQUES and 0.0 <= score <= 1.0
            assert text[start:end] == text[start:end].strip()


@pytest.mark.slow
def test_shipped_model_finds_loaded_language_and_name_calling() -> None:
    text = (
        "Kremlin hawks warn of Western plot\n\n"
        "The bloodthirsty neo-Nazi junta and its cowardly puppet masters are committing monstrous crimes.\n\n"
        "These degenerate traitors and terrorists want to burn our beloved homeland to ashes."
    )
    doc = analyze(text, language="en")
    labels = {s.label for s in doc.layer("technique")} | {s.label for s in doc.layer("paragraph_technique")}
    assert "Loaded_Language" in labels
    assert "Name_Calling-Labeling" in labels
    for span in doc.layer("technique"):
        assert span.score is not None and span.attrs["category"] == TECHNIQUES[span.label].category


@pytest.mark.slow
@pytest.mark.parametrize("task", ["semeval2023-st3", "semeval2023-spans", "checkthat2024"])
def test_predict_writes_what_the_readers_accept(tmp_path: Path, task: str) -> None:
    folder = _write_corpus(tmp_path, articles=2) / "train-articles-subtask-3"
    output = tmp_path / "out.txt"
    articles, failed, _ = predict_submission(task, folder, output)
    assert articles == 2 and failed == 0
    if task == "semeval2023-st3":
        labels = read_paragraph_techniques(output, TECHNIQUES)
        assert {article for article, _ in labels} == {"100", "101"}
        assert {line for _, line in labels} == {1, 3, 5, 7, 9}  # every non-empty line, by line number
    elif task == "semeval2023-spans":
        read_span_techniques(output, TECHNIQUES)
    else:
        read_checkthat_spans(output, TECHNIQUES)


def test_threshold_tuning_and_span_decoding() -> None:
    probabilities = np.array([[0.9, 0.1], [0.8, 0.2], [0.2, 0.7], [0.1, 0.1]])
    targets = np.array([[1, 0], [1, 0], [0, 1], [0, 0]], dtype=bool)
    thresholds = tune_thresholds(probabilities, targets, grid=np.array([0.15, 0.5, 0.75]))
    assert thresholds.tolist() == [0.5, 0.5]
    text = "bad men  do bad\nthings"
    offsets = np.array([[0, 3], [4, 7], [9, 11], [12, 15], [16, 22]])
    token_probabilities = np.array([[0.9], [0.8], [0.1], [0.9], [0.9]])
    spans = decode_spans(offsets, token_probabilities, np.array([0.5]), text, max_gap=1)
    # "bad men" and "bad" are bridged over one low token; the line break ends the run
    assert [(text[s:e], round(score, 2)) for s, e, _, score in spans] == [
        ("bad men  do bad", 0.68),
        ("things", 0.9),
    ]


def test_bad_threshold_setting_is_refused() -> None:
    with pytest.raises(NarrascopeError, match=r"threshold must be .model. or a number between 0 and 1"):
        registry.create("narrascope.techniques.v1", {"threshold": 2})


def test_spans_cover_whole_words() -> None:
    text = "they are recruiting traitors"
    # tokens: "they" "are" "recruit" "ing" "traitors"; only the piece "ing" scores high
    offsets = np.array([[0, 4], [5, 8], [9, 16], [16, 19], [20, 28]])
    token_probabilities = np.array([[0.1], [0.1], [0.2], [0.9], [0.1]])
    ((start, end, _, _),) = decode_spans(offsets, token_probabilities, np.array([0.5]), text)
    assert text[start:end] == "recruiting"
    # an apostrophe inside a word is part of it; an English possessive's is not
    text = "we've ever seen all Kiev’s men"
    offsets = np.array(
        [[0, 2], [2, 3], [3, 5], [6, 10], [11, 15], [16, 19], [20, 24], [24, 25], [25, 26], [27, 30]]
    )
    token_probabilities = np.array([[0.1], [0.1], [0.9], [0.9], [0.1], [0.1], [0.9], [0.1], [0.1], [0.1]])
    spans = decode_spans(offsets, token_probabilities, np.array([0.5]), text)
    assert [text[start:end] for start, end, _, _ in spans] == ["we've ever", "Kiev"]
    # Devanagari writes vowels and the virama as combining marks, which are no letters to
    # str.isalnum: the word "biased" is one word all the same
    text = "वह पक्षपाती रिपोर्ट थी"
    word = text.index("पक्षपाती")
    offsets = np.array(
        [[0, 2], [word, word + 3], [word + 3, word + 6], [word + 6, word + 8], [12, 19], [20, 22]]
    )
    token_probabilities = np.array([[0.1], [0.1], [0.9], [0.1], [0.1], [0.1]])
    ((start, end, _, _),) = decode_spans(offsets, token_probabilities, np.array([0.5]), text)
    assert text[start:end] == "पक्षपाती"


def test_spans_of_punctuation_alone_are_dropped() -> None:
    text = "he said „ lies"
    offsets = np.array([[0, 2], [3, 7], [8, 9], [10, 14]])
    token_probabilities = np.array([[0.1], [0.1], [0.9], [0.1]])
    assert decode_spans(offsets, token_probabilities, np.array([0.5]), text) == []
    token_probabilities = np.array([[0.1], [0.1], [0.9], [0.9]])
    ((start, end, _, _),) = decode_spans(offsets, token_probabilities, np.array([0.5]), text)
    assert text[start:end] == "lies"  # the opening mark whose closing one is not in the span


def test_spans_of_function_words_alone_are_dropped() -> None:
    text = "the mob of the West’s traitors"
    # tokens: "the" "mob" "of" "the" "West" "’" "s" "traitors"
    offsets = np.array([[0, 3], [4, 7], [8, 10], [11, 14], [15, 19], [19, 20], [20, 21], [22, 30]])
    runs = np.array([[0.9], [0.1], [0.9], [0.9], [0.1], [0.9], [0.9], [0.1]])
    english = function_words_of("en")
    cut = np.array([0.5])
    assert decode_spans(offsets, runs, cut, text, max_gap=0, function_words=english) == []
    # without the language's function words only the punctuation rule applies
    assert [text[a:b] for a, b, _, _ in decode_spans(offsets, runs, cut, text, max_gap=0)] == [
        "the",
        "of the",
    ]
    # a function word inside a span with a content word stays: the span is the evidence
    runs = np.array([[0.9], [0.9], [0.1], [0.1], [0.1], [0.1], [0.1], [0.1]])
    ((start, end, _, _),) = decode_spans(offsets, runs, np.array([0.5]), text, function_words=english)
    assert text[start:end] == "the mob"
    assert {"в", "и", "на"} <= function_words_of("ru") and "предатели" not in function_words_of("ru")
    assert function_words_of("xx") == function_words_of(None) == frozenset()


@pytest.mark.parametrize(
    ("piece", "tidy"),
    [
        ("Merz bezeichnete die Äußerungen als „", "Merz bezeichnete die Äußerungen als"),
        (", so-called experts", "so-called experts"),
        ("the Institute (", "the Institute"),
        ("’s puppet regime", "puppet regime"),
        ("“Jesse Watters", "Jesse Watters"),
        ("traitors”", "traitors"),
        ("— will keep the", "will keep the"),
        ("„Kriegstreiber“", "„Kriegstreiber“"),  # both marks inside: the quotation stays whole
        ("«экспертов»", "«экспертов»"),
        ("the “experts” say", "the “experts” say"),
        ("the soldiers’", "the soldiers’"),  # a possessive apostrophe, no closing mark
        ("Robert F.", "Robert F."),
        (" lies, ", "lies"),
    ],
)
def test_span_edges_lose_what_a_reader_would_not_underline(piece: str, tidy: str) -> None:
    text = f"x {piece} y"
    start, end = tidy_edges(text, 2, 2 + len(piece))
    assert text[start:end] == tidy
