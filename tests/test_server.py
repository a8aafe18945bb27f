"""The REST API and the pages, through FastAPI's test client, over a real store.

Most tests run a light pipeline (language, segments, dates: no model to load), so that they
test the server rather than the models; tests/test_browser.py drives the full one.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from narrascope.cli import app as cli_app
from narrascope.config import Config, load_config
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.pipeline import BATCH_CHARACTERS, Outcome, Pipeline
from narrascope.server import Workbench, check_bind, create_app, is_loopback
from narrascope.server._security import CSP
from narrascope.store import Store
from small_corpus import write_corpus

TOKEN = "s3cret-token-for-tests"
ARTICLE = """Ministry warns of plot

The ministry said on 4 March 2024 that foreign agents were plotting in Minsk. Officials met again on 6 March 2024.
"""
LIGHT = ["narrascope.language.v1", "narrascope.segment.v1", "narrascope.dates.v1"]


def light_config() -> Config:
    return load_config().replace("pipeline", "analyzers", LIGHT)


def make_client(db: Path, **options: Any) -> TestClient:
    bench = Workbench(db, light_config())
    return TestClient(create_app(bench, allowed_hosts=("testserver",), **options))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus.db")


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with make_client(db) as opened:
        yield opened


@pytest.fixture
def guarded(db: Path) -> Iterator[TestClient]:
    """A server with a token: every write needs it."""
    with make_client(db, token=TOKEN) as opened:
        yield opened


def error_of(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}, body
    error: dict[str, Any] = body["error"]
    return error


# -- analyse --------------------------------------------------------------------------------------


def test_analyze_answers_the_document_json_without_storing_it(client: TestClient) -> None:
    response = client.post("/api/analyze", json={"text": ARTICLE, "source": "Herald"})
    assert response.status_code == 200
    doc = Document.from_json(response.json())  # the schema of `analyze --json`
    assert doc.title == "Ministry warns of plot" and doc.source == "Herald" and doc.language == "en"
    assert [s.text_in(doc) for s in doc.layer("date")] == ["4 March 2024", "6 March 2024"]
    assert client.get(f"/api/documents/{doc.id}").status_code == 404


def test_analyze_with_store_commits_before_answering(client: TestClient) -> None:
    response = client.post(
        "/api/analyze",
        json={"text": ARTICLE, "store": True, "source": "Herald", "published": "2024-03-07"},
    )
    assert response.status_code == 201
    doc_id = response.json()["id"]
    assert response.headers["location"] == f"/documents/{doc_id}"
    stored = client.get(f"/api/documents/{doc_id}").json()
    assert stored["published"] == "2024-03-07" and stored["source"] == "Herald"
    assert [s["attrs"]["value"] for s in stored["spans"] if s["layer"] == "date"] == [
        "2024-03-04",
        "2024-03-06",
    ]
    assert client.get(f"/documents/{doc_id}").status_code == 200
    listed = client.get("/api/documents", params={"source": "Herald"}).json()
    assert [item["id"] for item in listed["items"]] == [doc_id]


def test_analyze_extracts_the_main_text_of_html(client: TestClient) -> None:
    page = (
        "<html><head><title>Plot warning</title></head><body><nav>Home | News</nav><article><p>"
        + "The ministry said on 4 March 2024 that foreign agents were plotting. " * 4
        + "</p></article></body></html>"
    )
    doc = client.post("/api/analyze", json={"html": page}).json()
    assert "foreign agents" in doc["text"] and "Home | News" not in doc["text"]
    assert doc["metadata"]["format"] == "html"


@pytest.mark.parametrize(
    ("body", "status", "code", "says"),
    [
        ({"text": "x", "html": "<p>x</p>"}, 422, "E422", "exactly one of 'text' and 'html'"),
        ({}, 422, "E422", "exactly one"),
        ({"text": "x", "colour": "red"}, 422, "E422", "colour"),
        ({"text": "x", "published": "March"}, 422, "E422", "published"),
        ({"text": "x", "language": "English"}, 422, "E422", "language"),
        ({"text": "   \n"}, 400, "E101", "empty input"),
        ({"html": "<html><body><nav>Home</nav></body></html>"}, 400, "E104", "without main text"),
    ],
)
def test_analyze_refuses_bad_input_with_a_code(
    client: TestClient, body: dict[str, Any], status: int, code: str, says: str
) -> None:
    response = client.post("/api/analyze", json=body)
    assert response.status_code == status
    error = error_of(response)
    assert error["code"] == code and says in error["message"]


def test_malformed_json_is_400_and_other_bodies_415(client: TestClient) -> None:
    bad = client.post("/api/analyze", content=b'{"text": ', headers={"content-type": "application/json"})
    assert bad.status_code == 400 and error_of(bad)["code"] == "E400"
    # What a page on another site could send without a preflight (CSRF): refused.
    form = client.post(
        "/api/analyze", content=b'{"text": "x", "store": true}', headers={"content-type": "text/plain"}
    )
    assert form.status_code == 415 and error_of(form)["code"] == "E415"
    assert client.get("/api/documents").json()["total"] == 4


def test_oversize_bodies_are_413_by_length_and_while_streaming(db: Path) -> None:
    with make_client(db, max_body_bytes=2_000) as small:
        big = json.dumps({"text": "word " * 1_000})
        declared = small.post("/api/analyze", content=big, headers={"content-type": "application/json"})
        assert declared.status_code == 413 and error_of(declared)["code"] == "E413"

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            for _ in range(10):
                yield b" " * 500

        streamed = small.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413 and "2,000 bytes" in error_of(streamed)["message"]
        assert small.post("/api/analyze", json={"text": ARTICLE}).status_code == 200


# -- documents -----------------------------------------------------------------------------------


def titles(response: Any) -> list[str]:
    return [item["title"] for item in response.json()["items"]]


def test_documents_are_listed_newest_first_and_paginated(client: TestClient) -> None:
    page = client.get("/api/documents").json()
    assert page["total"] == 4
    assert [i["title"] for i in page["items"]] == [
        "Owners blame Belov",
        "A square",
        "Belov on sanctions",
        "A note",
    ]
    second = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert second["total"] == 4 and [i["title"] for i in second["items"]] == ["Belov on sanctions", "A note"]
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422


def test_documents_filter_by_every_facet(client: TestClient) -> None:
    get = client.get
    assert titles(get("/api/documents", params={"q": "sanctions"})) == ["Belov on sanctions", "A note"]
    assert titles(get("/api/documents", params={"source": "Beta"})) == ["Owners blame Belov", "A note"]
    assert titles(get("/api/documents", params={"language": "ru"})) == ["Owners blame Belov"]
    assert titles(get("/api/documents", params={"since": "2024-03-07", "until": "2024-03-10"})) == [
        "A square"
    ]
    assert titles(get("/api/documents", params={"layer": "technique", "label": "Doubt"})) == [
        "Owners blame Belov"
    ]
    assert titles(get("/api/documents", params={"layer": "role", "label": "Innocent"})) == ["A square"]
    assert titles(get("/api/documents", params={"layer": "narrative", "label": "URW: Praise of Russia"})) == [
        "Owners blame Belov"
    ]
    assert titles(get("/api/documents", params={"entity": "arkady belov"})) == [
        "Owners blame Belov",
        "Belov on sanctions",
    ]
    assert titles(get("/api/documents", params={"entity": "Kyiv", "q": "crisis"})) == ["Owners blame Belov"]
    # repeated: any of the names (the forms a top-mentions row counts)
    assert titles(get("/api/documents", params=[("entity", "Nobody"), ("entity", "Kyiv")])) == [
        "Owners blame Belov"
    ]


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"since": "March"}, 422, "E422"),
        ({"layer": "techniqe"}, 400, "E201"),
        ({"label": "Doubt"}, 400, "E201"),
        ({"q": "sanctions AND"}, 400, "E201"),
        ({"since": "2024-03-10", "until": "2024-03-01"}, 400, "E201"),
    ],
)
def test_bad_filters_are_refused_with_a_code(
    client: TestClient, params: dict[str, str], status: int, code: str
) -> None:
    response = client.get("/api/documents", params=params)
    assert response.status_code == status and error_of(response)["code"] == code


def test_one_document_with_its_analysis(client: TestClient) -> None:
    listed = client.get("/api/documents", params={"q": "crisis"}).json()["items"][0]
    doc = Document.from_json(client.get(f"/api/documents/{listed['id']}").json())
    assert doc.title == "Owners blame Belov"
    assert {(s.layer, s.label) for s in doc.spans} >= {("technique", "Doubt"), ("role", "Antagonist")}
    missing = client.get("/api/documents/0000000000000000")
    assert missing.status_code == 404 and error_of(missing)["code"] == "E404"
    assert client.get("/documents/0000000000000000").status_code == 404


# -- writes and the token -------------------------------------------------------------------------


def test_delete_on_loopback_without_a_token(client: TestClient) -> None:
    doc_id = client.get("/api/documents", params={"q": "crisis"}).json()["items"][0]["id"]
    assert client.delete(f"/api/documents/{doc_id}").status_code == 204
    assert client.get(f"/api/documents/{doc_id}").status_code == 404
    assert client.get("/api/documents").json()["total"] == 3
    assert client.get("/api/documents", params={"entity": "Kyiv"}).json()["total"] == 0
    again = client.delete(f"/api/documents/{doc_id}")
    assert again.status_code == 404 and error_of(again)["code"] == "E404"


def test_writes_need_the_token_when_one_is_configured(guarded: TestClient) -> None:
    doc_id = guarded.get("/api/documents", params={"q": "crisis"}).json()["items"][0]["id"]
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": TOKEN}):
        refused = guarded.delete(f"/api/documents/{doc_id}", headers=headers)
        assert refused.status_code == 401 and error_of(refused)["code"] == "E401"
        stored = guarded.post("/api/analyze", json={"text": ARTICLE, "store": True}, headers=headers)
        assert stored.status_code == 401
    assert guarded.get("/api/documents").json()["total"] == 4  # nothing was written
    # Reading and analysing without storing need no token.
    assert guarded.post("/api/analyze", json={"text": ARTICLE}).status_code == 200
    auth = {"authorization": f"Bearer {TOKEN}"}
    assert (
        guarded.post("/api/analyze", json={"text": ARTICLE, "store": True}, headers=auth).status_code == 201
    )
    assert guarded.delete(f"/api/documents/{doc_id}", headers=auth).status_code == 204
    assert guarded.get("/api/info").json()["writes_need_token"] is True


def test_beyond_loopback_needs_a_token() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20") and not is_loopback("example.org")
    with pytest.raises(NarrascopeError) as refused:
        check_bind("0.0.0.0", "")
    assert refused.value.code == "E450" and "NARRASCOPE_TOKEN" in str(refused.value)
    check_bind("0.0.0.0", TOKEN)
    check_bind("127.0.0.1", "")


def test_serve_refuses_to_start_beyond_loopback_without_a_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NARRASCOPE_TOKEN", raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert result.exit_code != 0
    assert "E450" in result.output and "token" in result.output
    assert not (tmp_path / "x.db").exists()  # refused before anything was opened


def test_store_and_a_batch_writer_beside_it_never_corrupt_each_other(client: TestClient, db: Path) -> None:
    """Another process's writer (here: a thread with its own connection) saves documents while
    the server stores analyses: both finish, and every document is there, intact."""
    errors: list[BaseException] = []

    def batch() -> None:
        try:
            with Store(db) as other:
                for number in range(30):
                    other.save(
                        Document(
                            f"Batch article number {number} about the ministry.",
                            metadata={"input": f"b{number}"},
                        )
                    )
        except BaseException as exc:
            errors.append(exc)

    writer = threading.Thread(target=batch)
    writer.start()
    stored = [
        client.post("/api/analyze", json={"text": f"{ARTICLE}\nVersion {n}.", "store": True}).status_code
        for n in range(5)
    ]
    writer.join()
    assert not errors and stored == [201] * 5
    assert client.get("/api/documents").json()["total"] == 4 + 30 + 5
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- statistics -----------------------------------------------------------------------------------


def test_stats_as_json_and_as_the_same_csv(client: TestClient) -> None:
    params = {"layer": "technique", "source": "Alpha"}
    table = client.get("/api/stats/outlet-week", params=params).json()
    assert table["columns"] == ["outlet", "week", "label", "documents", "occurrences"]
    assert table["rows"] == [
        ["Alpha", "2024-03-04", "Appeal_to_Fear-Prejudice", 1, 1],
        ["Alpha", "2024-03-04", "Loaded_Language", 2, 3],
    ]
    download = client.get("/api/stats/outlet-week", params={**params, "format": "csv"})
    assert download.headers["content-type"].startswith("text/csv")
    assert 'filename="narrascope-outlet-week-technique.csv"' in download.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(download.text)))
    assert rows[0] == table["columns"] and [r[2] for r in rows[1:]] == [r[2] for r in table["rows"]]


def test_every_chart_query_answers(client: TestClient) -> None:
    timeline = client.get("/api/stats/timeline", params={"layer": "narrative"}).json()
    assert timeline["columns"] == ["week", "documents", "occurrences"]
    assert [row[:2] for row in timeline["rows"]] == [["2024-03-04", 1], ["2024-03-11", 1]]
    profile = client.get("/api/stats/outlet-profile", params={"layer": "frame", "label": "Political"}).json()
    assert {(r[0], r[4]) for r in profile["rows"]} == {("Alpha", 1), ("Beta", 1)}
    top = client.get("/api/stats/top-mentions", params={"layer": "role", "label": "Antagonist"}).json()
    assert top["rows"] == [["Antagonist", 1, "Arkady Belov", 2, 2, ""]]
    naming = client.get("/api/stats/top-mentions", params={"layer": "role", "entity": "Kyiv"}).json()
    assert naming["rows"] == [["Antagonist", 1, "Arkady Belov", 1, 1, ""]]  # in the one article naming Kyiv
    # roles imported without names are read by their text
    cast = client.get("/api/stats/outlet-profile", params={"layer": "role", "mention": "arkady belov"}).json()
    assert [r[:2] + r[3:5] for r in cast["rows"]] == [
        ["Alpha", 1, "Antagonist", 1],
        ["Beta", 1, "Antagonist", 1],
    ]
    languages = client.get("/api/stats/outlet-profile", params={"layer": "frame", "by": "language"}).json()
    assert languages["columns"][0] == "language" and {r[0] for r in languages["rows"]} == {"en", "ru"}
    assert client.get("/api/stats/outlet-profile", params={"by": "country"}).status_code == 422
    praise = {"layer": "role", "having": "narrative=URW: Praise of Russia"}
    assert client.get("/api/stats/top-mentions", params=praise).json()["rows"] == [
        ["Antagonist", 1, "Arkady Belov", 1, 1, ""]
    ]
    listed = client.get("/api/documents", params={"having": "narrative=URW: Praise of Russia"}).json()
    assert [item["title"] for item in listed["items"]] == ["Owners blame Belov"]
    wrong_having = client.get("/api/documents", params={"having": "narrative"})
    assert wrong_having.status_code == 400 and error_of(wrong_having)["code"] == "E201"
    full = client.get("/api/stats/top-mentions", params={"layer": "role", "mention": "Arkady Belov"}).json()
    assert full["rows"] == [["Antagonist", 1, "Arkady Belov", 2, 2, ""]]
    assert (
        client.get("/api/stats/timeline", params={"layer": "role", "mention": "Protesters"}).json()["rows"]
        == []
    )
    assert client.get("/api/stats/nonsense").status_code == 422
    wrong = client.get("/api/stats/top-mentions", params={"layer": "frame"})
    assert wrong.status_code == 400 and error_of(wrong)["code"] == "E201"


def test_facets_and_taxonomy_feed_the_dashboard(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    assert facets["documents"] == 4
    assert facets["outlets"] == [{"name": "Alpha", "documents": 2}, {"name": "Beta", "documents": 2}]
    assert facets["layers"]["technique"] == ["Appeal_to_Fear-Prejudice", "Doubt", "Loaded_Language"]
    assert facets["layers"]["narrative"] == ["URW: Blaming the war on others", "URW: Praise of Russia"]
    assert facets["published"] == {"first": "2024-03-06", "last": "2024-03-11"}
    taxonomy = client.get("/api/taxonomy").json()
    assert len(taxonomy["techniques"]) == 23 and len(taxonomy["categories"]) == 6


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/documents", "/api/documents/{doc_id}", "/api/stats/{name}"} <= set(
        spec["paths"]
    )
    assert "delete" in spec["paths"]["/api/documents/{doc_id}"]
    page = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page and "http" not in page.split("<body>")[0]
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/vendor/chart.js/chart.umd.min.js").status_code == 200


# -- defences -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/api/documents", "/static/app.css", "/api/documents/nope", "/nowhere"]
)
def test_every_answer_has_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"origin": "https://evil.example"})
    assert response.headers["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP and "unsafe-eval" not in CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "access-control-allow-origin" not in response.headers  # no CORS


def test_other_host_names_are_refused_on_loopback(client: TestClient) -> None:
    rebound = client.get("/api/documents", headers={"host": "attacker.example:8000"})
    assert rebound.status_code == 400 and error_of(rebound)["code"] == "E400"


def test_article_page_escapes_hostile_text(client: TestClient) -> None:
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    doc_id = client.post(
        "/api/analyze",
        json={
            "text": f"{payload}\n\n{ARTICLE}",
            "title": payload,
            "source": payload,
            "url": "javascript:alert(3)",
            "store": True,
        },
    ).json()["id"]
    page = client.get(f"/documents/{doc_id}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert page.count("<script") == 1  # only the app's own article.js


def test_logs_hold_no_article_text_and_no_token(
    guarded: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    marker = "Zyxwvut"
    with caplog.at_level(logging.DEBUG):
        guarded.post(
            "/api/analyze",
            json={"text": f"{ARTICLE} {marker} said it.", "store": True},
            headers={"authorization": f"Bearer {TOKEN}"},
        )
        guarded.get("/api/documents", params={"q": marker})
        guarded.post("/api/analyze", json={"text": marker * 3, "nonsense": marker})
    # Everything the server side logged; the test client's own request log is not the server's.
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))
    assert "POST /api/analyze 201" in logged  # the access log is there ...
    assert marker not in logged and TOKEN not in logged  # ... without text, query or token


def test_reader_is_read_only_and_refuses_a_missing_store(db: Path, tmp_path: Path) -> None:
    reader = Store.reader(db)
    try:
        assert reader.count("documents") == 4
        with pytest.raises(sqlite3.OperationalError):
            reader.db.execute("DELETE FROM documents")
    finally:
        reader.close()
    with pytest.raises(NarrascopeError, match="no such database"):
        Store.reader(tmp_path / "none.db")


class GatedPipeline(Pipeline):
    """The real pipeline, holding its first batch until released and noting each batch's size,
    so that the test knows requests queued up behind a running batch."""

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.gate = threading.Event()
        self.calls = 0
        self.sizes: list[int] = []

    def run(
        self, docs: Iterable[Document], batch_size: int = 16, characters: int = BATCH_CHARACTERS
    ) -> Iterator[Outcome]:
        batch = list(docs)
        self.calls += 1
        if self.calls > 1:  # the first is the start-up warm-up
            self.sizes.append(len(batch))
            self.gate.wait(timeout=30)
        return super().run(batch, batch_size, characters)


def test_analyses_that_arrive_together_run_as_one_batch(db: Path) -> None:
    made: list[GatedPipeline] = []

    def factory(config: Config) -> Pipeline:
        made.append(GatedPipeline(config))
        return made[0]

    english_only = light_config().replace("pipeline", "languages", ["en"])
    bench = Workbench(db, english_only, batch_size=4, pipeline=factory)
    bench.start()
    try:
        first = bench.submit(Document(f"{ARTICLE} Number 0."), False)
        deadline = time.monotonic() + 30
        while not made[0].sizes and time.monotonic() < deadline:  # the worker holds the first batch
            time.sleep(0.01)
        rest = [bench.submit(Document(f"{ARTICLE} Number {n}."), False) for n in range(1, 6)]
        rest.append(bench.submit(Document("Министр заявил, что переговоры продолжатся."), False))
        made[0].gate.set()
        docs = [f.result(timeout=60) for f in [first, *rest[:-1]]]
        assert [d.text.rstrip().rsplit(" ", 1)[-1] for d in docs] == [f"{n}." for n in range(6)]
        assert all(len(d.layer("date")) == 2 for d in docs)
        error = rest[-1].exception(timeout=60)
        assert isinstance(error, NarrascopeError) and error.code == "E105"  # fails alone
        assert made[0].sizes == [1, 4, 2]  # one alone, then the queue in batches of 4
    finally:
        bench.close()


def test_vendored_files_match_their_recorded_sha256() -> None:
    vendor = Path(__file__).parents[1] / "src" / "narrascope" / "server" / "static" / "vendor"
    recorded = re.findall(r"`([\w./-]+)`[^|]*\| `([0-9a-f]{64})`", (vendor / "README.md").read_text())
    assert len(recorded) == 3
    for name, digest in recorded:
        assert hashlib.sha256((vendor / name).read_bytes()).hexdigest() == digest, name
