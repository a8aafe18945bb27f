"""Frames and genre: training end to end on invented articles, the shipped models, predict and the report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from narrascope import registry
from narrascope.config import Config, load_config
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.evaluate import evaluate
from narrascope.formats.semeval2023 import read_frames, read_genres
from narrascope.models.article_training import ArticleSettings, train_article_model
from narrascope.models.articles import ArticleModel, load_article_model
from narrascope.pipeline import Pipeline
from narrascope.predict import predict_submission
from narrascope.report.html import render_html
from narrascope.taxonomy import FRAMES, GENRES

# Invented articles: opinion pieces about money, reports about security, satire about politics.
KINDS = [
    (
        "opinion",
        ["Economic"],
        "I am tired of hearing that prices will fall next year. My wages buy less every month, "
        "and the government's budget only makes it worse for families like mine.",
    ),
    (
        "reporting",
        ["Security_and_defense"],
        "The defence ministry said on Tuesday that troops had completed exercises near the border. "
        "Officials reported that the drills involved tanks and air defence units.",
    ),
    (
        "satire",
        ["Political", "Morality"],
        "In a shock move, the parliament voted to abolish Mondays, arguing that no law passed "
        "on a Monday has ever been read by anyone, least of all by the lawmakers themselves.",
    ),
]


def _write_corpus(root: Path, articles: int = 12) -> Path:
    """One language folder in the official layout, with genre and frame labels for every article."""
    folder = root / "en"
    for subtask in (1, 2):
        (folder / f"train-articles-subtask-{subtask}").mkdir(parents=True)
    genres, frames = [], []
    for number in range(articles):
        genre, chosen, body = KINDS[number % len(KINDS)]
        article = str(500 + number)
        text = f"Column {number}\n\n{body}\n\nMore of the same, part {number}.\n"
        for subtask in (1, 2):
            path = folder / f"train-articles-subtask-{subtask}" / f"article{article}.txt"
            path.write_text(text, encoding="utf-8")
        genres.append(f"{article}\t{genre}\n")
        frames.append(f"{article}\t{','.join(chosen)}\n")
    (folder / "train-labels-subtask-1.txt").write_text("".join(genres), encoding="utf-8")
    (folder / "train-labels-subtask-2.txt").write_text("".join(frames), encoding="utf-8")
    return folder


SETTINGS = ArticleSettings(folds=3, heads=2, hidden=32, epochs=40, baseline=False)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("articles")
    data = _write_corpus(root)
    out = {"data": data, "cache": root / "cache"}
    for task in ("frames", "genre"):
        out[task] = root / task
        train_article_model(task, data, out[task], SETTINGS, say=lambda _: None, cache=out["cache"])
    return out


def _pipeline(frames: Path, genre: Path, min_words: int = 0) -> Pipeline:
    """The frame and genre analyzers on the given models; the fixture's articles are short, so
    they are labelled whatever their length unless ``min_words`` says otherwise."""
    base = load_config()
    return Pipeline(
        Config(
            {
                **base.data,
                "pipeline": {
                    **base.data["pipeline"],
                    "analyzers": [
                        "narrascope.language.v1",
                        "narrascope.segment.v1",
                        "narrascope.encoder.v1",
                        "narrascope.frames.v1",
                        "narrascope.genre.v1",
                    ],
                },
                "analyzers": {
                    **base.data["analyzers"],
                    "narrascope.frames.v1": {
                        "model": str(frames),
                        "threshold": "model",
                        "min_words": min_words,
                    },
                    "narrascope.genre.v1": {"model": str(genre), "min_words": min_words},
                },
            }
        )
    )


@pytest.mark.slow
def test_training_writes_models_whose_labels_are_exactly_the_taxonomy(trained: dict[str, Path]) -> None:
    for task, labels in (("frames", list(FRAMES)), ("genre", list(GENRES))):
        folder = trained[task]
        assert sorted(p.name for p in folder.iterdir()) == [
            "MODEL_CARD.md",
            "config.json",
            "heads.safetensors",
        ]
        model = ArticleModel.load(folder, task)
        assert model.config.task == task and model.config.labels == labels and len(model.heads) == 2
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        cv = config["training"]["cross_validation"]
        # The model, a linear head and the trivial prior, each cross-validated per language.
        assert set(cv) == {"model", "linear head", "trivial prior"} and set(cv["model"]) == {"en"}
        card = (folder / "MODEL_CARD.md").read_text(encoding="utf-8")
        assert f"narrascope train {task}" in card and "research" in card
    # The articles' kinds are easy to tell apart: cross-validation must find them.
    genre_cv = json.loads((trained["genre"] / "config.json").read_text())["training"]["cross_validation"]
    assert genre_cv["model"]["en"] > 0.9 > genre_cv["trivial prior"]["en"]
    # A model of one task is refused where the other is expected.
    with pytest.raises(NarrascopeError, match="E031"):
        ArticleModel.load(trained["genre"], "frames")


@pytest.mark.slow
def test_the_cache_spares_a_second_encoding(trained: dict[str, Path], tmp_path: Path) -> None:
    assert (trained["cache"] / "article-features.npz").is_file()
    steps: list[str] = []
    train_article_model(
        "genre",
        trained["data"],
        tmp_path / "again",
        SETTINGS,
        say=lambda _: None,
        progress=lambda what, done, total: steps.append(what),
        cache=trained["cache"],
    )
    assert "encoding paragraphs" not in steps and "cross-validating" in steps
    # Same seed, same features: the same weights.
    first = ArticleModel.load(trained["genre"]).heads[0].weight
    assert np.array_equal(first, ArticleModel.load(tmp_path / "again").heads[0].weight)


@pytest.mark.slow
def test_the_analyzers_label_each_article_with_one_genre_and_scored_frames(trained: dict[str, Path]) -> None:
    pipeline = _pipeline(trained["frames"], trained["genre"])
    texts = [f"Headline\n\n{body}\n" for _, _, body in KINDS]
    docs = [Document(text, language="en") for text in texts]
    outcomes = list(pipeline.run(docs))
    assert all(o.error is None for o in outcomes)
    for doc, (genre, frames, _) in zip(docs, KINDS, strict=True):
        (found,) = doc.labels_of("genre")
        assert found.label == genre and 0 < (found.score or 0) <= 1
        assert found.analyzer == "narrascope.genre.v1"
        assert {f.label for f in doc.labels_of("frame")} >= set(frames)
        assert all(f.label in FRAMES and 0 < (f.score or 0) <= 1 for f in doc.labels_of("frame"))
        assert doc.analyses["narrascope.frames.v1"].model is not None
        page = render_html(doc)
        assert "Genre and frames" in page and f"<td>{genre}</td>" in page
    # The same text gives the same labels and scores...
    again, twice = Document(texts[0], language="en"), Document(texts[0], language="en")
    list(pipeline.run([again]))
    list(pipeline.run([twice]))
    assert [lab.to_json() for lab in again.labels] == [lab.to_json() for lab in twice.labels]
    # ... and alone the same labels as in a batch, with scores equal up to the encoder's
    # arithmetic: in bf16 (on CPUs that have it) a batch of other lengths rounds differently.
    first = docs[0].labels
    assert [(lab.layer, lab.label) for lab in again.labels] == [(lab.layer, lab.label) for lab in first]
    assert np.allclose([lab.score or 0 for lab in again.labels], [lab.score or 0 for lab in first], atol=2e-3)


@pytest.mark.slow
def test_a_text_shorter_than_min_words_gets_no_article_labels_and_says_why(trained: dict[str, Path]) -> None:
    pipeline = _pipeline(trained["frames"], trained["genre"], min_words=40)
    short = Document("Headline\n\n" + KINDS[0][2], language="en")  # some thirty words
    long = Document("Headline\n\n" + " ".join(body for _, _, body in KINDS), language="en")
    list(pipeline.run([short, long]))
    assert short.labels_of("genre") == [] and short.labels_of("frame") == []
    # one warning for the frame and genre analyzers both
    (warned,) = [w for w in short.warnings() if w.startswith("W154")]
    assert "fewer than the 40 (min_words)" in warned
    assert len(long.labels_of("genre")) == 1 and long.labels_of("frame")
    assert not any(w.startswith("W154") for w in long.warnings())


@pytest.mark.parametrize("value", [-1, 2.5, "forty", True])
def test_a_bad_min_words_is_refused(value: object) -> None:
    with pytest.raises(NarrascopeError, match=r"E020.*min_words must be a whole number"):
        registry.create("narrascope.genre.v1", {"min_words": value})


@pytest.mark.slow
def test_predict_writes_genre_and_frame_files_that_evaluate_reads(
    trained: dict[str, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number, (_, _, body) in enumerate(KINDS):
        (folder / f"article{900 + number}.txt").write_text(f"Headline\n\n{body}\n", encoding="utf-8")
    (folder / "article999.txt").write_text("Note\n\nNothing to see here at all.\n", encoding="utf-8")
    genres, frames = tmp_path / "st1.txt", tmp_path / "st2.txt"
    count, failed, written = predict_submission("semeval2023-st1", folder, genres, str(trained["genre"]))
    assert (count, failed, written) == (4, 0, 4)
    found = read_genres(genres, GENRES)
    assert set(found) == {"900", "901", "902", "999"}
    assert (found["900"], found["901"], found["902"]) == ("opinion", "reporting", "satire")
    count, failed, written = predict_submission("semeval2023-st2", folder, frames, str(trained["frames"]))
    assert (count, failed, written) == (4, 0, 4)  # every article has a line, even one with no frame
    assert set(read_frames(frames, FRAMES)) == {"900", "901", "902", "999"}
    assert evaluate("semeval2023-st1", genres, genres).value == 1.0
    assert evaluate("semeval2023-st2", frames, frames).value == 1.0
    with pytest.raises(NarrascopeError, match="E020"):
        predict_submission("semeval2023-st1", folder, genres, str(trained["genre"]), threshold=0.3)


def test_the_registry_knows_the_frame_and_genre_analyzers() -> None:
    for name, provides in (("narrascope.frames.v1", ("frame",)), ("narrascope.genre.v1", ("genre",))):
        cls = registry.get(name)
        assert cls.provides == provides and "encoding" in cls.requires


def test_a_bad_frame_threshold_is_refused() -> None:
    with pytest.raises(NarrascopeError, match="E020"):
        registry.get("narrascope.frames.v1")({"threshold": 2})


def test_an_article_model_folder_of_another_format_or_kind_is_refused(tmp_path: Path) -> None:
    (tmp_path / "heads.safetensors").write_bytes(b"")
    (tmp_path / "config.json").write_text(json.dumps({"task": "frames", "format": 9}), encoding="utf-8")
    with pytest.raises(
        NarrascopeError, match=r"E031: .*article model format 9, but this narrascope reads format 1"
    ):
        ArticleModel.load(tmp_path)
    (tmp_path / "config.json").write_text(
        json.dumps({"task": "frames", "format": 1, "x": 1}), encoding="utf-8"
    )
    with pytest.raises(NarrascopeError, match=r"E031: .*not an article model config"):
        ArticleModel.load(tmp_path)
    with pytest.raises(NarrascopeError, match=r"E031: .*not an article model"):
        ArticleModel.load(tmp_path / "missing")


def test_the_shipped_models_load_and_say_what_they_are() -> None:
    for task, labels in (("frames", FRAMES), ("genre", GENRES)):
        model = load_article_model(task)
        assert model.config.labels == list(labels) and model.heads
        assert set(model.config.languages) == {"de", "en", "fr", "it", "pl", "ru"}
