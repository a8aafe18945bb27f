"""`narrascope refresh`: a store analysed by an older version gains what this one derives from
stored spans, as a re-analysis would give it, without a model; a second run changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from narrascope.cli import app
from narrascope.document import Analysis, Document
from narrascope.store import Store
from narrascope.store.queries import list_documents, outlet_profile, top_mentions
from small_corpus import _doc, _span

runner = CliRunner()


def _old_store(path: Path) -> Path:
    """Spans as an older version stored them: no spelling or surname keys, "ЕС" a place, no
    article roles, "they" and an unresolved "he" phrases that name a speaker."""
    a = _doc(
        "Volodymyr Zelensky met the EU. Zelensky lied. Zelensky won. «We stay», they said. «Go», he said.",
        "a",
        "X",
        dt.date(2024, 3, 4),
        "en",
        "a",
    )
    full = "Volodymyr Zelensky"
    _span(a, full, "entity", "PER", normal=full, person=full)
    _span(a, "EU", "entity", "ORG", normal="EU")
    _span(a, full, "role", "Antagonist", normal=full, person=full)
    _span(a, "Zelensky", "role", "Antagonist", nth=1, normal="Zelensky", person="Volodymyr Zelensky")
    _span(a, "Zelensky", "role", "Protagonist", nth=2, normal="Zelensky", person="Volodymyr Zelensky")
    _span(a, "We stay", "quote", "direct", speaker="they", speaker_how="phrase")
    _span(a, "Go", "quote", "direct", speaker="he", speaker_how="phrase")  # as if no one fitted
    b = _doc("ЕС и Зеленский.", "b", "Y", dt.date(2024, 3, 5), "ru", "b")
    _span(b, "ЕС", "entity", "LOC", normal="ЕС")
    _span(b, "Зеленский", "entity", "PER", normal="Зеленский", person="Зеленский")
    with Store(path) as store:
        for doc in (a, b):
            store.save(doc)
    return path


def test_refresh_fills_in_keys_bodies_and_article_roles_once(tmp_path: Path) -> None:
    db = _old_store(tmp_path / "old.db")
    with Store(db) as store:
        # before: "ЕС" a place of its own, article roles absent, the EU not found by its name
        assert [r[:3] for r in top_mentions(store, "entity", ["LOC", "ORG"]).rows] == [
            ("LOC", 1, "ЕС"),
            ("ORG", 1, "EU"),
        ]
        assert outlet_profile(store, "article_role").rows == []
        assert [r[2] for r in top_mentions(store, "quote").rows] == ["he", "they"]
    result = runner.invoke(app, ["refresh", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "refreshed 9 span(s) in 2 of 2 document(s): 4 spelling keys, 2 surnames, "
        "2 regions and bodies named, 3 article roles, 2 pronouns that name no one as speakers"
    )
    with Store(db) as store:
        assert [r[:4] for r in top_mentions(store, "entity", ["LOC", "ORG"]).rows] == [
            ("ORG", 1, "European Union", 2)
        ]
        # the one article casts him, as a whole, as the villain (two mentions of three)
        # (Y's article names him without casting him)
        profile = outlet_profile(store, "article_role", mention="Zelensky").rows
        assert [(r[0], r[3], r[4]) for r in profile] == [("X", "Antagonist", 1), ("Y", "Antagonist", 0)]
        assert {row[1] for row in list_documents(store, entity="Zelensky")[1].rows} == {"a", "b"}
        assert {row[1] for row in list_documents(store, entity="European Union")[1].rows} == {"a", "b"}
        label, attrs = store.db.execute(
            """SELECT s.label, s.attrs FROM spans s JOIN documents d ON d.id = s.document_id
               WHERE d.title = 'b' AND json_extract(s.attrs, '$.normal') = 'ЕС'"""
        ).fetchone()
        assert (label, json.loads(attrs)["kind_rule"]) == ("ORG", "body")
        # "they" and this "he" name no one: the quotes count as their own words
        assert [r[2] for r in top_mentions(store, "quote").rows] == ["Go", "We stay"]
    again = runner.invoke(app, ["refresh", "--db", str(db)])
    assert again.stdout.startswith("refreshed 0 span(s) in 0 of 2 document(s)")


def test_refresh_needs_an_existing_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["refresh", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "E200" in result.output and "no such database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_refresh_quotes_attributes_them_again_from_stored_sentences_and_entities(tmp_path: Path) -> None:
    text = "Arkady Brennan, the spokesman for President Vera Lorand, said in a statement that the talks were over."
    doc = _doc(text, "a", "X", dt.date(2024, 3, 4), "en", "a")
    doc.analyses["narrascope.quotes.v1"] = Analysis("narrascope.quotes.v1", "0.1.0")
    _span(doc, text, "sentence", "sentence")
    _span(doc, "Arkady Brennan", "entity", "PER", normal="Arkady Brennan", person="Arkady Brennan")
    _span(doc, "Vera Lorand", "entity", "PER", normal="Vera Lorand", person="Vera Lorand")
    # as an older version attributed it: to the person inside the apposition, and with the
    # words between the verb and "that"
    said = "a statement that the talks were over"
    _span(
        doc,
        said,
        "quote",
        "reported",
        speaker="Vera Lorand",
        speaker_entity="Vera Lorand",
        speaker_how="entity",
    )
    other = _doc("Nothing was said here.", "b", "X", dt.date(2024, 3, 4), "en", "b")  # no quote analysis
    db = tmp_path / "q.db"
    with Store(db) as store:
        store.save(doc)
        store.save(other)
    result = runner.invoke(app, ["refresh", "--db", str(db), "--quotes"])
    assert result.exit_code == 0, result.output
    assert "attributed quotes again: 1 of 2 document(s) changed, 1 quote(s) before, 1 now" in result.stdout
    with Store(db) as store:
        (quote,) = store.load(doc.id).layer("quote")
        assert quote.text_in(doc) == "the talks were over"
        assert (quote.attrs["speaker_entity"], quote.attrs["speaker_how"]) == ("Arkady Brennan", "entity")
        assert [r[2] for r in top_mentions(store, "quote").rows] == ["Arkady Brennan"]
        assert [s.layer for s in store.load(doc.id).spans].count("entity") == 2  # the rest is kept
    again = runner.invoke(app, ["refresh", "--db", str(db), "--quotes"])
    assert "attributed quotes again: 0 of 2 document(s) changed" in again.stdout


def test_refresh_makes_a_platform_taken_for_a_person_an_organisation_unless_it_is_a_surname(
    tmp_path: Path,
) -> None:
    doc = _doc("Twitter banned him. Kanye West met West.", "a", "X", dt.date(2024, 3, 4), "en", "a")
    _span(doc, "Twitter", "entity", "PER", normal="Twitter", person="Twitter")
    _span(doc, "Kanye West", "entity", "PER", normal="Kanye West", person="Kanye West")
    _span(doc, "West", "entity", "PER", nth=1, normal="West", person="Kanye West")
    db = tmp_path / "p.db"
    with Store(db) as store:
        store.save(doc)
    assert runner.invoke(app, ["refresh", "--db", str(db)]).exit_code == 0
    with Store(db) as store:
        found = [
            (s.text_in(doc), s.label, s.attrs.get("organisation"), s.attrs.get("person"))
            for s in store.load(doc.id).layer("entity")
        ]
    assert found == [
        ("Twitter", "ORG", "Twitter", None),
        ("Kanye West", "PER", None, "Kanye West"),
        ("West", "PER", None, "Kanye West"),  # his surname, not the West
    ]


def test_requote_keeps_the_quotes_of_a_document_the_analyzer_fails_on_and_goes_on(tmp_path: Path) -> None:
    from narrascope import registry
    from narrascope.refresh import requote

    real = registry.create("narrascope.quotes.v1")

    class Failing(type(real)):  # type: ignore[misc]
        def __call__(self, doc: Document) -> None:
            if doc.title == "bad":
                raise ValueError("no sentences")
            super().__call__(doc)

    docs = []
    for title in ("bad", "good"):
        text = f"Vera Lorand, the spokeswoman for Arkady Brennan, said that the talks were over ({title})."
        doc = _doc(text, title, "X", dt.date(2024, 3, 4), "en", title)
        doc.analyses["narrascope.quotes.v1"] = Analysis("narrascope.quotes.v1", "0.1.0")
        _span(doc, text, "sentence", "sentence")
        _span(doc, "Vera Lorand", "entity", "PER", normal="Vera Lorand", person="Vera Lorand")
        _span(doc, "Arkady Brennan", "entity", "PER", normal="Arkady Brennan", person="Arkady Brennan")
        said = f"the talks were over ({title})"
        _span(doc, said, "quote", "reported", speaker="Arkady Brennan", speaker_entity="Arkady Brennan")
        docs.append(doc)
    with Store(tmp_path / "f.db") as store:
        for doc in docs:
            store.save(doc)
        changed, failures = requote(store, Failing(dict(real.settings)))
        assert changed["documents"] == 1
        assert failures == [f"{docs[0].id}: ValueError: no sentences"]
        speakers = {d.title: store.load(d.id).layer("quote")[0].attrs["speaker_entity"] for d in docs}
    assert speakers == {"bad": "Arkady Brennan", "good": "Vera Lorand"}


def test_refresh_quotes_splits_sentences_again_with_this_version_s_rules(tmp_path: Path) -> None:
    text = "Vera Lorand told Sen. Arkady Brennan on Monday that the talks were over."
    doc = _doc(text, "a", "X", dt.date(2024, 3, 4), "en", "a")
    for analyzer in ("narrascope.segment.v1", "narrascope.quotes.v1"):
        doc.analyses[analyzer] = Analysis(analyzer, "0.1.0")
    _span(doc, text, "paragraph", "paragraph", number=1, line=1)
    # an older version ended a sentence after the title
    _span(doc, "Vera Lorand told Sen.", "sentence", "sentence")
    _span(doc, "Arkady Brennan on Monday that the talks were over.", "sentence", "sentence")
    _span(doc, "Vera Lorand", "entity", "PER", normal="Vera Lorand", person="Vera Lorand")
    _span(doc, "Arkady Brennan", "entity", "PER", normal="Arkady Brennan", person="Arkady Brennan")
    # sentences of no analyzer's (imported, or made by hand) stay
    hand_made = _doc(text.replace("Monday", "Friday"), "b", "X", dt.date(2024, 3, 4), "en", "b")
    hand_made.analyses["narrascope.quotes.v1"] = Analysis("narrascope.quotes.v1", "0.1.0")
    _span(hand_made, "Vera Lorand told Sen.", "sentence", "sentence")
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.save(doc)
        store.save(hand_made)
    result = runner.invoke(app, ["refresh", "--db", str(db), "--quotes"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        again = store.load(doc.id)
        assert [s.text_in(again) for s in again.layer("sentence")] == [text]
        assert [(q.text_in(again), q.attrs["speaker_entity"]) for q in again.layer("quote")] == [
            ("the talks were over", "Vera Lorand")
        ]
        kept = store.load(hand_made.id)
        assert [s.text_in(kept) for s in kept.layer("sentence")] == ["Vera Lorand told Sen."]
