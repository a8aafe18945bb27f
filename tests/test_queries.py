"""Corpus queries and full-text search on a small hand-made store, with exact counts."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from narrascope._cli_store import open_store
from narrascope.cli import app
from narrascope.config import load_config
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.export import export_table
from narrascope.names import spelling_key
from narrascope.store import SCHEMA_VERSION, Store, _mentions
from narrascope.store._mentions import tally
from narrascope.store.queries import (
    QueryResult,
    counts_by_outlet_week,
    layer_labels,
    list_documents,
    outlet_profile,
    search,
    timeline,
    top_mentions,
)
from narrascope.store.sqlite import _MIGRATIONS
from small_corpus import A1, A2, B1, BLAME, U1, _doc, _span, build_corpus, write_corpus

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus.db")


@pytest.fixture
def store(db: Path) -> Any:
    with Store(db) as opened:
        yield opened


def _words(*texts: str) -> int:
    return sum(len(re.findall(r"\w+", text)) for text in texts)


# -- counts per outlet and week ----------------------------------------------------------------


def test_counts_by_outlet_week_for_a_span_layer(store: Store) -> None:
    result = counts_by_outlet_week(store, "technique")
    assert result.columns == ["outlet", "week", "label", "documents", "occurrences"]
    assert result.rows == [
        ("Alpha", "2024-03-04", "Appeal_to_Fear-Prejudice", 1, 1),
        ("Alpha", "2024-03-04", "Loaded_Language", 2, 3),
        ("Beta", "2024-03-11", "Doubt", 1, 1),
        ("Beta", "undated", "Loaded_Language", 1, 1),
    ]


def test_counts_by_outlet_week_for_a_document_label_layer(store: Store) -> None:
    assert counts_by_outlet_week(store, "narrative").rows == [
        ("Alpha", "2024-03-04", BLAME, 1, 1),
        ("Beta", "2024-03-11", BLAME, 1, 1),
        ("Beta", "2024-03-11", "URW: Praise of Russia", 1, 1),
    ]


def test_counts_by_outlet_week_filters(store: Store) -> None:
    since = counts_by_outlet_week(store, "technique", since="2024-03-07")
    assert since.rows == [
        ("Alpha", "2024-03-04", "Loaded_Language", 1, 1),
        ("Beta", "2024-03-11", "Doubt", 1, 1),
    ]
    until = counts_by_outlet_week(store, "technique", until=dt.date(2024, 3, 6))
    assert [r[2:] for r in until.rows] == [("Appeal_to_Fear-Prejudice", 1, 1), ("Loaded_Language", 1, 2)]
    assert counts_by_outlet_week(store, "technique", sources=["Beta"], language="en").rows == [
        ("Beta", "undated", "Loaded_Language", 1, 1)
    ]
    assert counts_by_outlet_week(store, "technique", "Loaded_Language", sources="Alpha").rows == [
        ("Alpha", "2024-03-04", "Loaded_Language", 2, 3)
    ]
    assert counts_by_outlet_week(store, "frame", ["Security", "Nothing"]).rows == [
        ("Alpha", "2024-03-04", "Security", 1, 1)
    ]


def test_every_query_narrows_to_the_documents_naming_an_entity(store: Store) -> None:
    # Kyiv is named in B1 only; Arkady Belov in A1 and B1 (A2 and U1 name neither).
    assert counts_by_outlet_week(store, "technique", entity="Kyiv").rows == [
        ("Beta", "2024-03-11", "Doubt", 1, 1)
    ]
    assert [row[:3] for row in timeline(store, "technique", entity="Arkady Belov").rows] == [
        ("2024-03-04", 1, 3),
        ("2024-03-11", 1, 1),
    ]
    profile = outlet_profile(store, "technique", "Loaded_Language", entity="arkady belov")
    assert [(r[0], r[1], r[4]) for r in profile.rows] == [("Alpha", 1, 1), ("Beta", 1, 0)]
    assert top_mentions(store, "role", entity=["Nobody", "Kyiv"]).rows == [
        ("Antagonist", 1, "Arkady Belov", 1, 1, "")
    ]
    assert counts_by_outlet_week(store, "technique", entity="Nobody").rows == []
    with pytest.raises(NarrascopeError, match="E201: entity '' must be a non-empty string"):
        timeline(store, "technique", entity="")
    result = runner.invoke(
        app,
        [
            "query",
            "by-outlet-week",
            "--db",
            str(store.path),
            "--layer",
            "technique",
            "--entity",
            "Kyiv",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert [row["label"] for row in json.loads(result.stdout)] == ["Doubt"]


def test_having_keeps_the_documents_with_labels_of_another_layer(store: Store) -> None:
    # The narrative BLAME is in A1 and B1; Praise of Russia in B1 only; the frame Political in both.
    praise = "narrative=URW: Praise of Russia"
    assert top_mentions(store, "role", having=praise).rows == [("Antagonist", 1, "Arkady Belov", 1, 1, "")]
    assert counts_by_outlet_week(store, "technique", having=f"narrative={BLAME}").rows == [
        ("Alpha", "2024-03-04", "Appeal_to_Fear-Prejudice", 1, 1),
        ("Alpha", "2024-03-04", "Loaded_Language", 1, 2),
        ("Beta", "2024-03-11", "Doubt", 1, 1),
    ]
    # several: documents with all of them; a span layer works too
    both = [f"narrative={BLAME}", "technique=Appeal_to_Fear-Prejudice"]
    assert [r[:2] for r in timeline(store, "frame", having=both).rows] == [("2024-03-04", 1)]
    profile = outlet_profile(store, "technique", having="genre=opinion")
    assert [(r[0], r[1], r[3], r[4]) for r in profile.rows] == [("Beta", 1, "Loaded_Language", 1)]
    assert [r[1] for r in search(store, "Belov", having=praise).rows] == ["Owners blame Belov"]
    assert list_documents(store, having=praise)[0] == 1
    assert counts_by_outlet_week(store, "technique", having="narrative=Nothing").rows == []
    with pytest.raises(NarrascopeError, match="E201: having 'narrative' must be LAYER=LABEL"):
        timeline(store, "technique", having="narrative")
    with pytest.raises(NarrascopeError, match="E201: unknown layer 'narratives'"):
        timeline(store, "technique", having="narratives=x")
    result = runner.invoke(
        app,
        ["query", "top-mentions", "--db", str(store.path), "--having", praise, "--json"],
    )
    assert result.exit_code == 0, result.output
    assert [row["text"] for row in json.loads(result.stdout)] == ["Arkady Belov"]


def test_fine_roles_count_as_a_layer_of_their_own(store: Store) -> None:
    # A1 casts Belov as Instigator, B1 as Tyrant; A2 the protesters as Victim.
    assert counts_by_outlet_week(store, "fine_role").rows == [
        ("Alpha", "2024-03-04", "Instigator", 1, 1),
        ("Alpha", "2024-03-04", "Victim", 1, 1),
        ("Beta", "2024-03-11", "Tyrant", 1, 1),
    ]
    assert top_mentions(store, "fine_role", "Tyrant").rows == [("Tyrant", 1, "Arkady Belov", 1, 1, "")]
    profile = outlet_profile(store, "fine_role", mention="Arkady Belov")
    assert [(r[0], r[3], r[4]) for r in profile.rows if r[4]] == [
        ("Alpha", "Instigator", 1),
        ("Beta", "Tyrant", 1),
    ]
    assert [r[1] for r in search(store, "crowd OR Belov", having="fine_role=Victim").rows] == ["A square"]
    assert [r[1:] for r in timeline(store, "technique", having="fine_role=Tyrant").rows] == [(1, 1)]
    assert layer_labels(store)["fine_role"][:2] == ["Bigot", "Conspirator"]
    with pytest.raises(NarrascopeError, match="E201: fine_role is read from the role layer"):
        export_table(store, "spans", "csv", io.StringIO(), layer="fine_role")


def test_outlet_level_queries_compare_languages_too(store: Store) -> None:
    # A1, A2 and U1 are English, B1 Russian.
    weeks = counts_by_outlet_week(store, "technique", "Loaded_Language", by="language")
    assert weeks.columns[0] == "language"
    assert weeks.rows == [
        ("en", "2024-03-04", "Loaded_Language", 2, 3),
        ("en", "undated", "Loaded_Language", 1, 1),
    ]
    profile = outlet_profile(store, "technique", "Doubt", by="language")
    assert [(r[0], r[1], r[4], r[5]) for r in profile.rows] == [("en", 3, 0, 0.0), ("ru", 1, 1, 1.0)]
    with pytest.raises(NarrascopeError, match="E201: cannot compare by 'country'"):
        outlet_profile(store, "technique", by="country")


def test_article_role_counts_an_article_once_per_actor(tmp_path: Path) -> None:
    # Belov is cast as villain twice and hero once in one article: it casts him as a villain.
    doc = _doc("Belov lied. Belov hid. Belov won.", "a", "X", dt.date(2024, 3, 4), "en", "a")
    for nth, role in enumerate(("Antagonist", "Antagonist", "Protagonist")):
        _span(doc, "Belov", "role", role, nth=nth, person="Belov", normal="Belov", article_role="Antagonist")
    _span(doc, "Belov", "entity", "PER", normal="Belov", person="Belov", spelling="belov")
    old = _doc("Belov spoke.", "b", "X", dt.date(2024, 3, 4), "en", "b")
    _span(old, "Belov", "role", "Protagonist", person="Belov", normal="Belov")  # analysed before
    _span(old, "Belov", "entity", "PER", normal="Belov", person="Belov", spelling="belov")
    with Store(tmp_path / "a.db") as store:
        for item in (doc, old):
            store.save(item)
        profile = outlet_profile(store, "article_role", mention="Belov")
        assert [(r[1], r[3], r[4]) for r in profile.rows] == [(2, "Antagonist", 1)]
        assert [(r[1], r[3], r[4]) for r in outlet_profile(store, "role", mention="Belov").rows] == [
            (2, "Antagonist", 1),
            (2, "Protagonist", 2),
        ]
        assert layer_labels(store)["article_role"] == ["Antagonist", "Innocent", "Protagonist"]
        with pytest.raises(NarrascopeError, match="E201: article_role is read from the role layer"):
            export_table(store, "spans", "csv", io.StringIO(), layer="article_role")


def test_known_layer_absent_from_the_store_gives_no_rows(store: Store) -> None:
    assert counts_by_outlet_week(store, "quote").rows == []
    assert counts_by_outlet_week(store, "subnarrative").rows == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"since": "2024-13-01"}, r"E201: since '2024-13-01' is not a date in the form YYYY-MM-DD"),
        ({"until": "last week"}, r"E201: until 'last week' is not a date"),
        ({"since": "2024-03-10", "until": "2024-03-01"}, r"E201: since 2024-03-10 is after until 2024-03-01"),
        ({"sources": [""]}, r"E201: source '' must be a non-empty string"),
    ],
)
def test_invalid_filters_are_refused_with_e201(store: Store, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(NarrascopeError, match=message) as info:
        counts_by_outlet_week(store, "technique", **kwargs)
    assert info.value.code == "E201"


def test_unknown_layer_names_the_layers_there_are(store: Store) -> None:
    with pytest.raises(
        NarrascopeError, match=r"E201: unknown layer 'techniqe'; this store has: entity, frame"
    ):
        counts_by_outlet_week(store, "techniqe")


# -- timeline, outlet profile, top mentions ----------------------------------------------------


def test_timeline_counts_weeks_and_fills_gaps(store: Store) -> None:
    assert timeline(store, "technique").rows == [("2024-03-04", 2, 4), ("2024-03-11", 1, 1)]
    assert timeline(store, "technique", "Doubt", since="2024-02-28", until="2024-03-17").rows == [
        ("2024-02-26", 0, 0),
        ("2024-03-04", 0, 0),
        ("2024-03-11", 1, 1),
    ]
    assert timeline(store, "narrative", BLAME).rows == [("2024-03-04", 1, 1), ("2024-03-11", 1, 1)]


def test_outlet_profile_compares_outlets_per_document_and_per_1000_words(store: Store) -> None:
    result = outlet_profile(store, "technique")
    rows = {(r[0], r[3]): r for r in result.rows}
    alpha_words, beta_words = _words(A1, A2), _words(B1, U1)
    assert rows[("Alpha", "Loaded_Language")] == (
        "Alpha",
        2,
        alpha_words,
        "Loaded_Language",
        2,
        1.0,
        3,
        1.5,
        round(3000 / alpha_words, 4),
    )
    assert rows[("Beta", "Loaded_Language")] == (
        "Beta",
        2,
        beta_words,
        "Loaded_Language",
        1,
        0.5,
        1,
        0.5,
        round(1000 / beta_words, 4),
    )
    # every outlet has a row for every label, zeros included
    assert rows[("Alpha", "Doubt")][4:8] == (0, 0.0, 0, 0.0)
    assert len(result.rows) == 6


def test_outlet_profile_of_document_labels_with_filter(store: Store) -> None:
    result = outlet_profile(store, "frame", language="en")
    assert [(r[0], r[1], r[3], r[4], r[5]) for r in result.rows] == [
        ("Alpha", 2, "Political", 1, 0.5),
        ("Alpha", 2, "Security", 1, 0.5),
        ("Beta", 1, "Political", 0, 0.0),
        ("Beta", 1, "Security", 0, 0.0),
    ]


def test_top_mentions_of_roles_and_entities(store: Store) -> None:
    assert top_mentions(store).rows == [
        ("Antagonist", 1, "Arkady Belov", 2, 2, ""),
        ("Innocent", 1, "Protesters", 1, 1, ""),
    ]
    # the normal form gathers "Belov" under "Arkady Belov"
    assert top_mentions(store, "entity", "PER").rows == [("PER", 1, "Arkady Belov", 2, 3, "")]
    # text taken by offsets, with whitespace collapsed
    assert top_mentions(store, "entity", "ORG").rows == [("ORG", 1, "The police", 1, 1, "")]
    assert [r[0] for r in top_mentions(store, "entity").rows] == ["LOC", "ORG", "PER"]
    assert top_mentions(store, "role", sources="Beta").rows == [("Antagonist", 1, "Arkady Belov", 1, 1, "")]


def test_top_mentions_limit_and_order(tmp_path: Path) -> None:
    doc = _doc("Ann and Bob and Bob and Cy and Cy and Cy.", "t", "X", None, "en", "x.txt")
    for name, count in (("Ann", 1), ("Bob", 2), ("Cy", 3)):
        for nth in range(count):
            _span(doc, name, "entity", "PER", nth=nth)
    with Store(tmp_path / "n.db") as store:
        store.save(doc)
        assert top_mentions(store, "entity", limit=2).rows == [
            ("PER", 1, "Cy", 1, 3, ""),
            ("PER", 2, "Bob", 1, 2, ""),
        ]
        with pytest.raises(NarrascopeError, match="E201: limit must be at least 1"):
            top_mentions(store, "entity", limit=0)


def test_a_person_is_counted_by_the_fullest_name_of_each_article(tmp_path: Path) -> None:
    # The entity analyzer's "person": an article that names Viktor Belov once and Belov after
    # counts three mentions of him. (Searching by name needs no person: the fullest name is
    # some mention's normal form in the article.)
    first = _doc("Viktor Belov spoke. Belov left, and Belov came back.", "a", "X", None, "en", "a.txt")
    _span(first, "Viktor Belov", "entity", "PER", normal="Viktor Belov", person="Viktor Belov")
    for nth in (1, 2):  # "Belov" inside "Viktor Belov" is the 0th
        _span(first, "Belov", "entity", "PER", nth=nth, normal="Belov", person="Viktor Belov")
    with Store(tmp_path / "p.db") as store:
        store.save(first)
        assert top_mentions(store, "entity").rows == [("PER", 1, "Viktor Belov", 1, 3, "")]


def _people(doc_id: str, *names: str) -> Document:
    doc = _doc(" and ".join(names) + ".", doc_id, "X", None, "en", f"{doc_id}.txt")
    for name in dict.fromkeys(names):
        for nth in range(names.count(name)):
            _span(doc, name, "entity", "PER", nth=nth, normal=name, person=name)
    return doc


def test_a_surname_alone_counts_as_the_full_name_the_corpus_mostly_gives_it(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        for doc in (
            _people("a", "Viktor Belov", "Viktor Belov", "Viktor Belov", "Viktor Belov"),
            _people("b", "Belov"),  # an article that names him by surname alone
            _people("c", "Belov", "Vitya Belov"),  # a variant, 1 of 5 full names: under the share
            _people("d", "Anna Koval", "Joe Koval", "Koval"),  # two people, 1 and 1: Koval stays
            _people("e", "Koval"),
        ):
            store.save(doc)
        rows = top_mentions(store, "entity").rows
    assert rows == [
        ("PER", 1, "Viktor Belov", 3, 6, "Belov"),  # its own 4, and "Belov" in b and c
        ("PER", 2, "Koval", 2, 2, ""),
        ("PER", 3, "Anna Koval", 1, 1, ""),
        ("PER", 4, "Joe Koval", 1, 1, ""),
        ("PER", 5, "Vitya Belov", 1, 1, ""),
    ]


def test_a_place_counts_once_in_every_language(tmp_path: Path) -> None:
    english = _doc("From Kiev to Kyiv.", "a", "X", None, "en", "a.txt")
    _span(english, "Kiev", "entity", "LOC", normal="Kiev", place="Kyiv")
    _span(english, "Kyiv", "entity", "LOC", normal="Kyiv", place="Kyiv")
    russian = _doc("В Киеве и в Крыму.", "b", "X", None, "ru", "b.txt")
    _span(russian, "Киеве", "entity", "LOC", normal="Киев", place="Kyiv")
    _span(russian, "Крыму", "entity", "LOC", normal="Крым")  # no place: its normal form counts
    with Store(tmp_path / "l.db") as store:
        store.save(english)
        store.save(russian)
        assert top_mentions(store, "entity").rows == [
            ("LOC", 1, "Kyiv", 2, 3, ""),
            ("LOC", 2, "Крым", 1, 1, ""),
        ]
        # Searching by the place finds the Russian article too; by the normal form, its own.
        found = {name: list_documents(store, entity=name)[1].rows for name in ("kyiv", "Киев", "Kiev")}
    assert [len(rows) for rows in found.values()] == [2, 1, 1]


def test_one_name_in_two_scripts_and_its_spellings_counts_once(tmp_path: Path) -> None:
    with Store(tmp_path / "x.db") as store:
        for doc in (
            _people("a", "Joe Biden", "Joe Biden", "Zelensky"),
            _people("b", "Джо Байден", "Байден", "Зеленский"),
            _people("c", "Joe Biden", "Джо Байден", "Zelenskyy", "Hunter Biden"),  # counts once
            _people("d", "John Kerry", "John Curry"),  # alike in sound, one script: two people
            _people("e", "Mark Rutte", "Mark Rutt"),  # ... unless the corpus writes the sound in
            _people("f", "Марк Рютте"),  # Cyrillic too: then it is one name, "also" shows how
            _people("g", "डोनाल्ड ट्रंप"),  # Hindi, and "Donald Trump": one name by sound
            _people("h", "Donald Trump"),
        ):
            store.save(doc)
        rows = top_mentions(store, "entity").rows
    assert rows == [
        # "Байден" alone is the Cyrillic full name's only surname; then Latin meets Cyrillic.
        ("PER", 1, "Joe Biden", 3, 6, "Джо Байден; Байден"),
        ("PER", 2, "Zelensky", 3, 3, "Zelenskyy; Зеленский"),
        ("PER", 3, "Mark Rutte", 2, 3, "Mark Rutt; Марк Рютте"),
        ("PER", 4, "Donald Trump", 2, 2, "डोनाल्ड ट्रंप"),
        ("PER", 5, "Hunter Biden", 1, 1, ""),
        ("PER", 6, "John Curry", 1, 1, ""),
        ("PER", 7, "John Kerry", 1, 1, ""),
    ]


def test_the_entity_filter_finds_a_name_in_any_script_or_spelling(tmp_path: Path) -> None:
    english = _doc("Putin and Zelenskyy met.", "a", "X", None, "en", "a.txt")
    _span(english, "Putin", "entity", "PER", normal="Putin", spelling=spelling_key("Putin"))
    _span(english, "Zelenskyy", "entity", "PER", normal="Zelenskyy", spelling=spelling_key("Zelenskyy"))
    russian = _doc("Путина осудили.", "b", "X", None, "ru", "b.txt")
    _span(russian, "Путина", "entity", "PER", normal="Путин", spelling=spelling_key("Путин"))
    old = _doc("Putin, said an older analysis.", "c", "X", None, "en", "c.txt")
    _span(old, "Putin", "entity", "PER", normal="Putin")  # stored before spelling keys
    with Store(tmp_path / "e.db") as store:
        for doc in (english, russian, old):
            store.save(doc)
        titles = {
            name: {row[1] for row in list_documents(store, entity=name)[1].rows}
            for name in ("PUTIN", "Путин", "Zelensky", "Путину")
        }
        plan = " ".join(
            str(row)
            for row in store.db.execute(
                "EXPLAIN QUERY PLAN SELECT document_id FROM spans WHERE layer = 'entity' "
                "AND json_extract(attrs, '$.spelling') = 'putin'"
            )
        )
        either = {row[1] for row in list_documents(store, entity=["Zelensky", "Путин"])[1].rows}
        with pytest.raises(NarrascopeError, match="E201: entity must name someone"):
            list_documents(store, entity=[])
    assert either == {"a", "b"}  # several names: documents naming any of them
    # the older span is found by its normal form ("PUTIN" in ASCII case), not its spelling
    assert titles == {"PUTIN": {"a", "b", "c"}, "Путин": {"a", "b"}, "Zelensky": {"a"}, "Путину": set()}
    assert "spans_entity_spelling" in plan


def _cast(doc: Document, phrase: str, role: str, nth: int = 0, **names: str) -> None:
    """An entity mention and the role cast on it, with the attributes the analyzers give both."""
    normal = names.pop("normal", phrase)
    attrs = {"normal": normal, "spelling": spelling_key(normal), **names}
    surname = {"surname": spelling_key(names["person"].split()[-1])} if "person" in names else {}
    _span(doc, phrase, "entity", "PER", nth=nth, **attrs, **surname)
    _span(doc, phrase, "role", role, nth=nth, **{k: v for k, v in attrs.items() if k != "spelling"})


def _casting_store(path: Path) -> Store:
    """Two outlets naming Zelensky in three spellings and two scripts, and casting him (and
    Belov, who is no one's surname match) in different roles."""
    a = _doc("Volodymyr Zelensky blamed Belov. Zelensky left.", "a", "Alpha", dt.date(2024, 3, 4), "en", "a")
    _cast(a, "Volodymyr Zelensky", "Protagonist", person="Volodymyr Zelensky")
    _cast(a, "Belov", "Antagonist", person="Belov")
    _cast(a, "Zelensky", "Protagonist", person="Volodymyr Zelensky")
    b = _doc("Zelenskyy and Belov met.", "b", "Alpha", dt.date(2024, 3, 12), "en", "b")
    _cast(b, "Zelenskyy", "Innocent", person="Zelenskyy")
    _cast(b, "Belov", "Innocent", person="Belov")
    c = _doc(
        "Зеленского обвинил Белов. «Мы победим», сказал Зеленский.",
        "c",
        "Beta",
        dt.date(2024, 3, 5),
        "ru",
        "c",
    )
    _cast(c, "Зеленского", "Antagonist", normal="Зеленский", person="Зеленский")
    _cast(c, "Белов", "Protagonist", person="Белов")
    _span(c, "Мы победим", "quote", "direct", speaker="Зеленский", speaker_entity="Зеленский")
    d = _doc("Belov spoke of Kyiv.", "d", "Beta", dt.date(2024, 3, 5), "en", "d")
    _cast(d, "Belov", "Protagonist", person="Belov")
    _span(d, "Belov spoke", "technique", "Loaded_Language")
    e = _doc("Volodymyr Zelensky visited Lirovo.", "e", "Beta", dt.date(2024, 3, 13), "en", "e")
    _cast(e, "Volodymyr Zelensky", "Innocent", person="Volodymyr Zelensky")  # never "Zelensky" alone
    store = Store(path)
    for doc in (a, b, c, d, e):
        store.save(doc)
    return store


def test_mention_counts_only_the_spans_that_name_one_actor(tmp_path: Path) -> None:
    with _casting_store(tmp_path / "m.db") as store:
        # A surname finds the mentions written in full too, and its other spellings and scripts.
        cast = top_mentions(store, "role", mention="Zelensky").rows
        assert [(r[0], r[2], r[3], r[4], r[5]) for r in cast] == [
            ("Antagonist", "Зеленский", 1, 1, ""),
            ("Innocent", "Volodymyr Zelensky", 2, 2, "Zelenskyy"),
            ("Protagonist", "Volodymyr Zelensky", 1, 2, ""),
        ]
        # Per outlet, among the documents naming him: Alpha casts him as a hero in one of two.
        profile = outlet_profile(store, "role", mention=["Zelensky"])
        assert [(r[0], r[1], r[3], r[4], r[6]) for r in profile.rows if r[4]] == [
            ("Alpha", 2, "Innocent", 1, 1),
            ("Alpha", 2, "Protagonist", 1, 2),
            ("Beta", 2, "Antagonist", 1, 1),
            ("Beta", 2, "Innocent", 1, 1),
        ]
        # A surname finds the documents that name the person in full only, in any script.
        naming = {row[1] for row in list_documents(store, entity="Зеленский")[1].rows}
        assert naming == {"a", "b", "c", "e"}
        weeks = counts_by_outlet_week(store, "role", "Protagonist", mention="Belov")
        assert weeks.rows == [("Beta", "2024-03-04", "Protagonist", 2, 2)]  # "Белов" too
        assert [r[1:] for r in timeline(store, "entity", mention="Зеленский").rows] == [(2, 3), (2, 2)]
        quotes = counts_by_outlet_week(store, "quote", mention="Zelensky").rows
        assert quotes == [("Beta", "2024-03-04", "direct", 1, 1)]
        assert counts_by_outlet_week(store, "quote", mention="Belov").rows == []
        # A full name finds that name only, not other people sharing the surname.
        assert top_mentions(store, "role", mention="Ivan Belov").rows == []
        with pytest.raises(NarrascopeError, match="E201: mention counts the spans that name someone"):
            outlet_profile(store, "technique", mention="Belov")
        with pytest.raises(NarrascopeError, match="E201: mention must name someone"):
            timeline(store, "role", mention=[])
    result = runner.invoke(
        app,
        ["query", "outlet-profile", "--db", str(tmp_path / "m.db"), "--layer", "role",
         "--mention", "Zelensky", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    shares = {(row["outlet"], row["label"]): row["share"] for row in json.loads(result.stdout)}
    assert shares[("Alpha", "Protagonist")] == 0.5
    assert shares[("Beta", "Antagonist")] == 0.5


def test_top_mentions_of_quotes_lists_who_is_quoted(tmp_path: Path) -> None:
    def quote(doc: Document, words: str, speaker: str | None, how: str, entity: str | None = None) -> None:
        _span(doc, words, "quote", "direct", speaker=speaker, speaker_entity=entity, speaker_how=how)

    a = _doc(
        "Joe Biden: «We stand». He said: «We win». It said: «Go». They said: «No».", "a", "X", None, "en", "a"
    )
    _span(a, "Joe Biden", "entity", "PER", normal="Joe Biden", person="Joe Biden")
    quote(a, "We stand", "Joe Biden", "entity", "Joe Biden")
    quote(a, "We win", "He", "pronoun", "Joe Biden")
    quote(a, "Go", "It", "pronoun")  # a pronoun linked to no one names no one: the quote's words
    quote(a, "No", "They", "group")  # nor does one that stands for no one person
    b = _doc("Джо Байден: «Мы победим». Минобороны: «Нет».", "b", "X", None, "ru", "b")
    _span(b, "Джо Байден", "entity", "PER", normal="Джо Байден", person="Джо Байден")
    _span(b, "Минобороны", "entity", "ORG", normal="Минобороны")
    quote(b, "Мы победим", "Джо Байден", "entity", "Джо Байден")
    quote(b, "Нет", "Минобороны", "entity", "Минобороны")
    with Store(tmp_path / "q.db") as store:
        for doc in (a, b):
            store.save(doc)
        rows = top_mentions(store, "quote").rows
    # the speaker is a person the articles name so: one person in two scripts, by sound
    assert rows == [
        ("direct", 1, "Joe Biden", 2, 3, "Джо Байден"),
        ("direct", 2, "Go", 1, 1, ""),
        ("direct", 3, "No", 1, 1, ""),
        ("direct", 4, "Минобороны", 1, 1, ""),
    ]


def test_quoted_words_naming_a_speaker_count_in_the_nominative(tmp_path: Path) -> None:
    doc = _doc(
        "По словам экспертов, «цены вырастут». Эксперты: «Не сразу». Врачи: «Нет».", "a", "X", None, "ru", "a"
    )
    _span(
        doc,
        "цены вырастут",
        "quote",
        "direct",
        speaker="экспертов",
        speaker_how="phrase",
        speaker_normal="эксперты",
    )
    _span(
        doc,
        "Не сразу",
        "quote",
        "direct",
        speaker="Эксперты",
        speaker_how="phrase",
        speaker_normal="эксперты",
    )
    _span(doc, "Нет", "quote", "direct", speaker="Врачи", speaker_how="phrase")  # no normal form: as written
    with Store(tmp_path / "q.db") as store:
        store.save(doc)
        rows = top_mentions(store, "quote").rows
    assert [(row[2], row[4]) for row in rows] == [("эксперты", 2), ("Врачи", 1)]  # name, quotes


def test_a_body_counts_and_is_found_by_its_english_name_in_every_language(tmp_path: Path) -> None:
    docs = []
    for doc_id, text, name in (
        ("a", "The EU met.", "EU"),
        ("b", "ЕС встретился.", "ЕС"),
        ("c", "Евросоюз.", "Евросоюз"),
    ):
        doc = _doc(text, doc_id, "X", None, "en", doc_id)
        _span(
            doc,
            name,
            "entity",
            "ORG",
            normal=name,
            organisation="European Union",
            spelling=spelling_key(name),
        )
        docs.append(doc)
    with Store(tmp_path / "b.db") as store:
        for doc in docs:
            store.save(doc)
        assert top_mentions(store, "entity").rows == [("ORG", 1, "European Union", 3, 3, "")]
        found = {row[1] for row in list_documents(store, entity="european union")[1].rows}
        assert found == {"a", "b", "c"}
        assert {row[1] for row in list_documents(store, entity="ЕС")[1].rows} == {"b"}
        weeks = counts_by_outlet_week(store, "entity", mention="European Union").rows
        assert weeks == [("X", "undated", "ORG", 3, 3)]
        assert top_mentions(store, "entity", mention="European Union").rows[0][3] == 3


def test_only_people_are_counted_under_a_longer_name(tmp_path: Path) -> None:
    # "Belov" the organisation (no person attribute) keeps its own row beside "Viktor Belov".
    doc = _doc("Viktor Belov of Belov.", "a", "X", None, "en", "a.txt")
    _span(doc, "Viktor Belov", "entity", "PER", normal="Viktor Belov", person="Viktor Belov")
    _span(doc, "Belov", "entity", "PER", nth=1, normal="Belov")
    with Store(tmp_path / "o.db") as store:
        store.save(doc)
        assert top_mentions(store, "entity").rows == [
            ("PER", 1, "Belov", 1, 1, ""),
            ("PER", 2, "Viktor Belov", 1, 1, ""),
        ]


def test_top_mentions_needs_a_span_layer(store: Store) -> None:
    with pytest.raises(NarrascopeError, match="E201: top mentions need a span layer"):
        top_mentions(store, "narrative")


# -- search ------------------------------------------------------------------------------------


def test_search_ranks_marks_and_folds_diacritics(store: Store) -> None:
    result = search(store, "cafe")
    assert result.columns == ["id", "title", "outlet", "published", "language", "snippet", "score"]
    assert [(r[1], r[2], r[3], r[4]) for r in result.rows] == [
        ("Owners blame Belov", "Beta", "2024-03-11", "ru")
    ]
    assert "[Café] owners" in result.rows[0][5]
    both = search(store, "sanctions")
    # the title match weighs more
    assert [r[1] for r in both.rows] == ["Belov on sanctions", "A note"]
    assert both.rows[0][6] > both.rows[1][6] > 0


def test_search_filters(store: Store) -> None:
    def titles(**kwargs: Any) -> list[str]:
        return [r[1] for r in search(store, "sanctions OR disgrace OR cafe OR crowd", **kwargs).rows]

    assert sorted(titles()) == ["A note", "A square", "Belov on sanctions", "Owners blame Belov"]
    assert sorted(titles(sources=["Beta"])) == ["A note", "Owners blame Belov"]
    assert titles(since="2024-03-07", until="2024-03-10") == ["A square"]
    assert sorted(titles(language="en")) == ["A note", "A square", "Belov on sanctions"]
    assert sorted(titles(layer="narrative")) == ["Belov on sanctions", "Owners blame Belov"]
    assert titles(layer="narrative", label="URW: Praise of Russia") == ["Owners blame Belov"]
    assert titles(layer="technique", label=["Appeal_to_Fear-Prejudice"]) == ["Belov on sanctions"]
    assert len(titles(limit=1)) == 1


@pytest.mark.parametrize("query", ['"unterminated', "AND", "nosuchcolumn: word", "sanctions NEAR("])
def test_invalid_search_syntax_is_e201_in_one_line(store: Store, query: str) -> None:
    with pytest.raises(NarrascopeError) as info:
        search(store, query)
    assert info.value.code == "E201"
    assert str(info.value).startswith(f"E201: search {query!r}: ")
    assert "\n" not in str(info.value)


def test_search_refuses_bad_filters(store: Store) -> None:
    with pytest.raises(NarrascopeError, match="E201: a label filter needs a layer"):
        search(store, "sanctions", label="Doubt")
    with pytest.raises(NarrascopeError, match="E201: the search text is empty"):
        search(store, "  ")
    with pytest.raises(NarrascopeError, match="E201: since 'March' is not a date"):
        search(store, "sanctions", since="March")


def test_search_index_follows_updates_and_deletes(db: Path) -> None:
    a1 = build_corpus()[0]
    with Store(db) as store:
        a1.title = "Belov interview"
        store.save(a1)
        assert [r[1] for r in search(store, "interview").rows] == ["Belov interview"]
        assert sorted(r[1] for r in search(store, "sanctions").rows) == ["A note", "Belov interview"]
        store.save(a1)  # the same text again: nothing to re-index, still found once
        assert len(search(store, "interview").rows) == 1
        with store.db:
            store.db.execute("DELETE FROM documents WHERE id = ?", (a1.id,))
        assert search(store, "interview").rows == []
        store.db.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")


def _version_1_store(path: Path) -> sqlite3.Connection:
    """A store of schema version 1 holding one document, still open for more rows."""
    raw = sqlite3.connect(path)
    raw.executescript(f"BEGIN; {_MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
    raw.execute(
        "INSERT INTO documents VALUES ('d1', 'Old title', 'Alpha', NULL, '2023-06-08', 'en', '{}', ?, '2023-06-08')",
        ("Sanctions against the café were lifted.",),
    )
    return raw


def test_version_1_database_is_upgraded_and_searchable(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    raw = _version_1_store(path)
    raw.execute("INSERT INTO spans VALUES ('d1', 0, 0, 9, 'technique', 'Doubt', 'old.v1', NULL, NULL)")
    raw.commit()
    raw.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION
        assert [r[0] for r in search(store, "cafe").rows] == ["d1"]
        assert [r[0] for r in search(store, "old").rows] == ["d1"]
        assert counts_by_outlet_week(store, "technique").rows == [("Alpha", "2023-06-05", "Doubt", 1, 1)]


# -- results as tables -------------------------------------------------------------------------


def test_query_result_to_csv_and_dicts(tmp_path: Path, store: Store) -> None:
    result = counts_by_outlet_week(store, "narrative")
    assert result.to_dicts()[0] == {
        "outlet": "Alpha",
        "week": "2024-03-04",
        "label": BLAME,
        "documents": 1,
        "occurrences": 1,
    }
    result.to_csv(tmp_path / "out.csv")
    lines = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "outlet,week,label,documents,occurrences"
    assert lines[1] == f"Alpha,2024-03-04,{BLAME},1,1"
    assert len(lines) == 4
    assert QueryResult(["a", "b"], [(None, 1)]).csv_text().splitlines() == ["a,b", ",1"]


# -- the command line --------------------------------------------------------------------------


def test_cli_query_by_outlet_week_to_csv_and_json(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    result = runner.invoke(
        app,
        [
            "query",
            "by-outlet-week",
            "--db",
            str(db),
            "--layer",
            "technique",
            "--source",
            "Alpha",
            "--csv",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines() == [
        "outlet,week,label,documents,occurrences",
        "Alpha,2024-03-04,Appeal_to_Fear-Prejudice,1,1",
        "Alpha,2024-03-04,Loaded_Language,2,3",
    ]
    result = runner.invoke(app, ["query", "top-mentions", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0] == {
        "label": "Antagonist",
        "rank": 1,
        "text": "Arkady Belov",
        "documents": 2,
        "occurrences": 2,
        "also": "",
    }


def test_cli_query_prints_a_table(db: Path) -> None:
    wide = {"COLUMNS": "200"}
    result = runner.invoke(app, ["query", "outlet-profile", "--db", str(db), "--layer", "frame"], env=wide)
    assert result.exit_code == 0, result.output
    assert "per_1000_words" in result.stdout and "Security" in result.stdout
    result = runner.invoke(
        app, ["query", "timeline", "--db", str(db), "--layer", "technique", "--label", "Doubt"]
    )
    assert result.exit_code == 0, result.output
    assert "2024-03-11" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "nonsense"], "no query named 'nonsense'"),
        (["query", "by-outlet-week"], "E201: a layer is needed"),
        (
            ["query", "by-outlet-week", "--layer", "technique", "--since", "2024-99-01"],
            "E201: since '2024-99-01'",
        ),
        (["search", '"oops'], "E201: search '\"oops'"),
        (["search", "x", "--label", "Doubt"], "E201: a label filter needs a layer"),
    ],
)
def test_cli_usage_errors_exit_2_with_one_line(db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_database_is_an_error_not_a_new_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    for args in (
        ["query", "top-mentions"],
        ["search", "x"],
        ["export", "spans", "--out", str(tmp_path / "s.csv")],
    ):
        result = runner.invoke(app, [*args, "--db", str(missing)])
        assert result.exit_code == 2
        assert f"E200: {missing}: no such database" in result.stderr
    assert not missing.exists()
    assert not (tmp_path / "s.csv").exists()


def test_cli_search_prints_titles_and_snippets(db: Path) -> None:
    result = runner.invoke(app, ["search", "cafe", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Owners blame Belov" in result.stdout
    assert "Café owners in Kyiv" in result.stdout
    result = runner.invoke(app, ["search", "sanctions", "--db", str(db), "--json", "--source", "Alpha"])
    assert result.exit_code == 0, result.output
    assert [r["title"] for r in json.loads(result.stdout)] == ["Belov on sanctions"]
    assert "[sanctions]" in json.loads(result.stdout)[0]["snippet"]
    # "sanctions" is in A1 and U1; only A1 names Belov, and "Nobody" narrows nothing further
    result = runner.invoke(
        app,
        ["search", "sanctions", "--db", str(db), "--json", "--entity", "Nobody", "--entity", "ARKADY BELOV"],
    )
    assert result.exit_code == 0, result.output
    assert [r["title"] for r in json.loads(result.stdout)] == ["Belov on sanctions"]


def test_read_only_commands_open_a_reader_that_cannot_write(db: Path) -> None:
    with open_store(db, load_config(), read_only=True) as store:
        assert store.count("documents") == 4
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only"):
            store.db.execute("DELETE FROM documents")
    with Store(db) as store:
        assert store.count("documents") == 4


def test_a_read_only_command_upgrades_an_older_store_first(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    raw = _version_1_store(path)
    raw.commit()
    raw.close()
    result = runner.invoke(app, ["search", "cafe", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["id"] == "d1"
    with closing(sqlite3.connect(path)) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("batch", [1, 2, 2000])
def test_a_document_counts_once_for_a_name_whatever_its_forms_and_batches(
    batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_mentions._Counts, "BATCH", batch)
    rows = [
        ("PER", "a", "Viktor Orbán", True),
        ("PER", "a", "Orban", False),  # no person here, a person in c: counts as him, a once
        ("PER", "b", "Виктор Орбан", True),
        ("PER", "b", "Victor Orban", True),  # sounds as he does, written in Latin: b once
        ("PER", "b", "Орбан", True),
        ("PER", "c", "Orban", True),
        ("PER", "c", "Viktor Orban", True),
        ("PER", "c", "Байден", True),  # sounds as "Biden", the last word of the name it joins
        ("PER", "c", "Joe Biden", True),
        ("PER", "d", "Джо Байден", True),
        ("PER", "d", "Байден", True),
    ]
    assert tally(rows, 5) == [
        ("PER", 1, "Viktor Orban", 3, 7, "Orban; Victor Orban; Viktor Orbán; Виктор Орбан; Орбан"),
        # "Байден" alone is "Джо Байден" (in d), which sounds as "Joe Biden": c and d, once each
        ("PER", 2, "Joe Biden", 2, 4, "Байден; Джо Байден"),
    ]
