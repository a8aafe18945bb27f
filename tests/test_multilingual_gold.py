"""The multilingual gold set (benchmarks/data/multilingual) is well-formed, and its scorer scores.

Analyzer accuracy is not asserted here: the analyzers are measured by
``benchmarks/multilingual.py``. These tests only load the files (every item resolves to offsets,
labels and ISO values are valid, every language is there) and check the scoring rules on
documents made from the gold itself, without running any model.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from narrascope.document import Document, Span

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import multilingual
from multilingual import DATA, LANGUAGES, GoldArticle, GoldError, load_gold, score_article


@pytest.fixture(scope="module")
def gold() -> dict[str, list[GoldArticle]]:
    return {language: load_gold(language) for language in LANGUAGES}


def test_every_language_has_a_gold_file_and_nothing_else() -> None:
    assert sorted(p.stem for p in DATA.glob("*.json")) == sorted(LANGUAGES)
    assert (DATA / "README.md").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_gold_file_is_well_formed(language: str, gold: dict[str, list[GoldArticle]]) -> None:
    articles = gold[language]
    assert len(articles) >= 3
    raw = json.loads((DATA / f"{language}.json").read_text(encoding="utf-8"))
    for article, entry in zip(articles, raw, strict=True):
        assert article.language == language and article.id.startswith(f"{language}-")
        assert isinstance(article.published, dt.date)
        # every item resolved to the offsets of its own surface string, none dropped
        for spans, items in (
            (article.entities, entry["entities"]),
            (article.dates, entry["dates"]),
            (article.quotes, entry["quotes"]),
        ):
            assert len(spans) == len(items)
            for span, item in zip(spans, items, strict=True):
                assert article.text[span.start : span.end] == item["text"]
        assert {e.label for e in article.entities} <= {"PER", "ORG", "LOC"}
        for date in article.dates:
            parts = [int(p) for p in date.value.split("-")]
            dt.date(*[*parts, 1, 1][:3])  # a real day, month or year
        assert all(q.label in ("direct", "reported") and q.value.strip() for q in article.quotes)
    # each language covers what the set is for
    labels = {e.label for a in articles for e in a.entities}
    kinds = {q.label for a in articles for q in a.quotes}
    granularities = {len(d.value.split("-")) for a in articles for d in a.dates}
    assert labels == {"PER", "ORG", "LOC"}
    assert kinds == {"direct", "reported"}
    assert granularities >= {2, 3}  # days and months in every language


def test_article_ids_are_unique_across_languages(gold: dict[str, list[GoldArticle]]) -> None:
    ids = [a.id for articles in gold.values() for a in articles]
    assert len(ids) == len(set(ids))


def _article(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "xx-1",
        "language": "en",
        "published": "2023-06-04",
        "text": "Minister Ana Ruiz met Ana Ruiz's staff in Lisbon on Tuesday. “We agree,” Ruiz said.",
        "entities": [{"text": "Lisbon", "label": "LOC", "normal": "Lisbon"}],
        "dates": [{"text": "Tuesday", "value": "2023-05-30"}],
        "quotes": [{"text": "We agree,", "speaker": "Ana Ruiz", "kind": "direct"}],
    }
    return {**base, **changes}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({}, None),
        ({"entities": [{"text": "Lisboa", "label": "LOC", "normal": "Lisboa"}]}, "does not occur"),
        ({"entities": [{"text": "Ana Ruiz", "label": "PER", "normal": "Ana Ruiz"}]}, "occurs 2 times"),
        (
            {"entities": [{"text": "Ana Ruiz", "label": "PER", "normal": "Ana Ruiz", "occurrence": 2}]},
            "occurrence 2",
        ),
        ({"entities": [{"text": "Lisbon", "label": "GPE", "normal": "Lisbon"}]}, "label 'GPE'"),
        ({"entities": [{"text": "Lisbon", "label": "LOC"}]}, "missing ['normal']"),
        ({"entities": [{"text": "Lisbon", "label": "LOC", "normal": "Lisbon", "occurence": 0}]}, "unknown"),
        (
            {"entities": [{"text": "Ruiz", "label": "PER", "normal": "Ruiz"}]},
            "occurs 3 times",
        ),  # also before 's
        ({"dates": [{"text": "Tuesday", "value": "2023-02-30"}]}, "not a real date"),
        ({"dates": [{"text": "Tuesday", "value": "30 May 2023"}]}, "is not YYYY"),
        ({"quotes": [{"text": "We agree,", "speaker": "Ana Ruiz", "kind": "indirect"}]}, "kind 'indirect'"),
        ({"quotes": [{"text": "We agree, ", "speaker": "Ruiz", "kind": "direct"}]}, "white space"),
        ({"published": "4 June 2023"}, "not an ISO date"),
        ({"language": "de"}, "language 'de'"),
        (
            {
                "entities": [
                    {"text": "Lisbon", "label": "LOC", "normal": "Lisbon"},
                    {"text": "Lisbon on Tuesday", "label": "LOC", "normal": "Lisbon"},
                ]
            },
            "overlap",
        ),
    ],
)
def test_loader_refuses_what_is_not_well_formed(
    tmp_path: Path, changes: dict[str, Any], message: str | None
) -> None:
    (tmp_path / "en.json").write_text(json.dumps([_article(**changes)]), encoding="utf-8")
    if message is None:
        (article,) = load_gold("en", tmp_path)
        assert article.text[article.quotes[0].start : article.quotes[0].end] == "We agree,"
        return
    with pytest.raises(GoldError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_gold("en", tmp_path)


def test_loader_refuses_a_missing_language(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no gold file"):
        load_gold("en", tmp_path)


def _doc_from_gold(article: GoldArticle) -> Document:
    """A document whose spans are the gold itself: what a perfect analyzer would add."""
    doc = article.document()
    for e in article.entities:
        doc.add_span(Span(e.start, e.end, "entity", e.label, "gold", attrs={"normal": e.value}))
    for d in article.dates:
        doc.add_span(Span(d.start, d.end, "date", "date", "gold", attrs={"value": d.value}))
    for q in article.quotes:
        doc.add_span(Span(q.start, q.end, "quote", q.label, "gold", attrs={"speaker": q.value}))
    return doc


@pytest.mark.parametrize("language", ["en", "pl"])
def test_the_gold_itself_scores_perfectly_and_nothing_scores_zero(
    language: str, gold: dict[str, list[GoldArticle]]
) -> None:
    for article in gold[language]:
        figures = score_article(article, _doc_from_gold(article)).figures()
        for layer in ("entities", "dates", "quotes"):
            assert figures[layer]["precision"] == figures[layer]["recall"] == 1.0, (article.id, layer)
        assert figures["entities"]["normal_accuracy"] == 1.0
        empty = score_article(article, article.document()).figures()
        for layer in ("entities", "dates", "quotes"):
            assert empty[layer]["precision"] == empty[layer]["recall"] == 0.0


def test_scoring_rules() -> None:
    text = "Minister Ana Ruiz spoke in Lisbon on Tuesday. “We agree on everything here,” Ruiz said."

    def at(surface: str) -> tuple[int, int]:
        start = text.index(surface)
        return start, start + len(surface)

    gold = multilingual.GoldSpan
    article = GoldArticle(
        "xx-1",
        "en",
        dt.date(2023, 6, 4),
        text,
        entities=[gold(*at("Ana Ruiz"), "PER", "Ana Ruiz"), gold(*at("Lisbon"), "LOC", "Lisbon")],
        dates=[gold(*at("Tuesday"), "date", "2023-05-30")],
        quotes=[gold(*at("We agree on everything here,"), "direct", "Ana Ruiz")],
    )
    doc = article.document()
    doc.add_span(Span(*at("Ruiz"), "entity", "PER", "x", attrs={"normal": "Ruiz"}))  # overlaps: found
    doc.add_span(Span(*at("Lisbon"), "entity", "ORG", "x", attrs={"normal": "Lisbon"}))  # wrong label
    doc.add_span(Span(*at("Minister"), "entity", "NORP", "x"))  # not scored
    doc.add_span(Span(*at("Tuesday"), "date", "date", "x", attrs={"value": "2023-06-04"}))  # wrong value
    doc.add_span(Span(*at("We agree"), "quote", "direct", "x", attrs={"speaker": "Ruiz"}))  # under half
    doc.add_span(
        Span(
            *at("on everything here,"),
            "quote",
            "direct",
            "x",
            attrs={"speaker": "she", "speaker_entity": "Ana Ruiz"},
        )
    )
    doc.add_span(Span(*at("Ruiz said"), "quote", "phrase", "x"))  # not scored
    figures = score_article(article, doc).figures()
    assert (figures["entities"]["precision"], figures["entities"]["recall"]) == (0.5, 0.5)
    assert (figures["entities"]["precision_any_label"], figures["entities"]["recall_any_label"]) == (1.0, 1.0)
    assert figures["entities"]["normal_accuracy"] == 0.0  # "Ruiz" is not "Ana Ruiz"
    assert (figures["dates"]["recall"], figures["dates"]["span_recall"]) == (0.0, 1.0)
    assert (figures["quotes"]["precision"], figures["quotes"]["recall"]) == (0.5, 1.0)
    assert (figures["quotes"]["predicted"], figures["quotes"]["span_recall"]) == (2, 1.0)


@pytest.mark.parametrize(
    ("speaker", "speaker_entity", "gold", "matches"),
    [
        ("Hale", None, "Martin Hale", True),
        ("he", "Martin Hale", "Martin Hale", True),
        ("the ministry", None, "Ministry of Defence", True),  # its last word is in the gold speaker
        ("the Ministry of Defence", None, "Ministry of Defence", True),
        ("пресс-службе Министерства энергетики", None, "Министерство энергетики", True),
        ("a report published on Wednesday by the European Commission", None, "European Commission", True),
        ("Rusu", None, "Victor Rusu", True),
        ("OMS", None, "OMS", True),
        ("the ECB", None, "Jonas Weber", False),
        (None, None, "Jonas Weber", False),
        ("EU", None, "Nieuwe Europese Unie", False),  # a two-letter word must be a whole word
    ],
)
def test_speaker_matching(speaker: str | None, speaker_entity: str | None, gold: str, matches: bool) -> None:
    span = Span(0, 1, "quote", "direct", "x", attrs={"speaker": speaker, "speaker_entity": speaker_entity})
    assert multilingual.speaker_matches(span, gold) is matches
