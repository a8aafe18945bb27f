"""Ingestion of many-record formats: JSON Lines, CSV/TSV, feeds, web archives, globs and URLs.

Every fixture is written here into tmp_path; no test touches the network (URLs go through a
fake ``fetch``).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

import pytest
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from narrascope.config import Config, load_config
from narrascope.document import Document
from narrascope.errors import InputError, NarrascopeError
from narrascope.ingest import ColumnMapping, Skipped, Source, iter_sources, load_source, read_inputs
from narrascope.ingest.fetch import USER_AGENT
from narrascope.ingest.formats import format_of

Result = Document | InputError


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def key(result: Result) -> str:
    return result.input_name if isinstance(result, InputError) else str(result.metadata["input"])


def outcome(result: Result) -> str:
    return result.code if isinstance(result, InputError) else "ok"


def run(inputs: list[str], config: Config, **kwargs: object) -> list[Result]:
    return list(read_inputs(inputs, config, **kwargs))  # type: ignore[arg-type]


def page(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f'<nav><a href="/">Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>'
    )


PAGES = [
    page(
        "Port reopens after storm",
        "The harbour authority reopened the northern port on Tuesday after a three-day closure.",
        "Officials said the damage to the piers was smaller than first feared by local traders.",
    ),
    page(
        "Council delays vote on tram line",
        "The city council postponed its vote on the new tram line until the autumn session.",
        "Opponents called the plan a reckless gamble with taxpayers' money and vowed to fight on.",
    ),
    page(
        "Библиотека продлевает часы работы",
        "Городская библиотека с понедельника будет открыта до десяти часов вечера каждый день.",
        "Читатели давно просили об этом, сообщила директор библиотеки Анна Петрова журналистам.",
    ),
]
URLS = ["https://port.example/news/1", "https://city.example/tram", "https://lib.example/hours"]


# -- WARC fixtures -------------------------------------------------------------------------------


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK") -> object:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


def write_warc(path: Path, records: Iterable[tuple[str, str, bytes, str]], gzipped: bool) -> list[int]:
    """Write ``(kind, url, body, detail)`` records with warcio; returns each record's byte offset.

    ``kind`` is "page" (detail: HTTP status), "image", "request" or "resource" (detail: content type).
    """
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    offsets = []
    for kind, url, body, detail in records:
        if kind == "page":
            record = _response(writer, url, body, "text/html; charset=utf-8", detail or "200 OK")
        elif kind == "image":
            record = _response(writer, url, body, "image/png")
        elif kind == "request":
            headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "port.example")], is_http_request=True)
            record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers)
        else:
            record = writer.create_warc_record(
                url, "resource", payload=io.BytesIO(body), warc_content_type=detail
            )
        offsets.append(buffer.tell())
        writer.write_record(record)
    offsets.append(buffer.tell())
    path.write_bytes(buffer.getvalue())
    return offsets


def three_pages() -> list[tuple[str, str, bytes, str]]:
    return [("page", url, html.encode(), "") for url, html in zip(URLS, PAGES, strict=True)]


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_pages_become_documents_and_the_rest_is_counted(
    tmp_path: Path, config: Config, gzipped: bool
) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    records = three_pages()
    records.insert(1, ("request", URLS[0], b"", ""))
    records.insert(3, ("image", "https://port.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, ""))
    offsets = write_warc(path, records, gzipped)
    skipped = Skipped()
    results = run([str(path)], config, skipped=skipped)
    assert [outcome(r) for r in results] == ["ok", "ok", "ok"]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.url for d in docs] == URLS
    assert [key(d) for d in docs] == [f"{path}@{offsets[i]}" for i in (0, 2, 4)]
    assert docs[1].title == "Council delays vote on tram line"
    assert "reckless gamble" in docs[1].text and "Home" not in docs[1].text
    assert all(d.metadata["format"] == "warc" and d.metadata["crawled"].startswith("20") for d in docs)
    assert skipped.records == {str(path): {"request": 1, "image/png": 1}}
    assert skipped.describe() == (
        "skipped 2 record(s) in 1 web archive(s) that are not HTML pages: 1 image/png, 1 request"
    )


def test_warc_redirects_errors_and_resources(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "mixed.warc"
    write_warc(
        path,
        [
            ("page", "https://port.example/old", b"", "301 Moved Permanently"),
            ("page", "https://port.example/gone", PAGES[0].encode(), "404 Not Found"),
            ("resource", "file:///saved/tram.html", PAGES[1].encode(), "text/html"),
            ("resource", "file:///saved/style.css", b"body { color: red }", "text/css"),
            ("page", "https://port.example/menu", b"<html><body><ul><li>Home</li></ul></body></html>", ""),
        ],
        gzipped=False,
    )
    skipped = Skipped()
    results = run([str(path)], config, skipped=skipped)
    assert [outcome(r) for r in results] == ["ok", "E104"]
    assert isinstance(results[0], Document) and results[0].url == "file:///saved/tram.html"
    assert skipped.records[str(path)] == {"HTTP 301": 1, "HTTP 404": 1, "text/css": 1}


@pytest.mark.parametrize("gzipped", [True, False])
@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.95])
def test_truncated_warc_keeps_what_came_before(
    tmp_path: Path, config: Config, gzipped: bool, fraction: float
) -> None:
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    offsets = write_warc(path, three_pages(), gzipped)
    data = path.read_bytes()
    cut = offsets[2] + int((offsets[3] - offsets[2]) * fraction)
    path.write_bytes(data[:cut])
    after = tmp_path / "after.txt"
    after.write_text("The next input is still read after a damaged archive.")
    results = run([str(path), str(after)], config)
    assert [outcome(r) for r in results] == ["ok", "ok", "E110", "ok"]
    assert [key(r) for r in results[:3]] == [f"{path}@{offset}" for offset in offsets[:3]]
    assert "the rest of the archive could not be read" in str(results[2])


def test_corrupt_gzip_member_is_e110(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "corrupt.warc.gz"
    offsets = write_warc(path, three_pages(), gzipped=True)
    data = bytearray(path.read_bytes())
    middle = (offsets[1] + offsets[2]) // 2
    data[middle : middle + 20] = b"\xff" * 20
    path.write_bytes(bytes(data))
    results = run([str(path)], config)
    assert [outcome(r) for r in results] == ["ok", "E110"]
    assert key(results[1]) == f"{path}@{offsets[1]}"


# -- CSV -----------------------------------------------------------------------------------------

CSV_HEADER = b"id,headline,body,date,outlet,section\n"
CSV_ROWS = [
    b'a1,Port reopens,"The harbour authority reopened the port on Tuesday.",2023-06-08,Coast News,local\n',
    b"a2,Missing a column,Only four columns here,2023-06-09\n",
    b'a3,"Tram, delayed","The council delayed the vote on the tram line, again.",9 June 2023,City Daily,politics\n',
    b"a4,Caf\xe9 closes,The caf\xe9 on the square closed after forty years.,2023-06-10,Coast News,local\n",
    b"a5,Library hours,The library will stay open until ten every evening.,not a date,City Daily,culture\n",
]


def test_csv_rows_bad_columns_and_bad_bytes(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "articles.csv"
    path.write_bytes(CSV_HEADER + b"".join(CSV_ROWS))
    results = run([str(path)], config)
    assert [(key(r), outcome(r)) for r in results] == [
        (f"{path}#row=1", "ok"),
        (f"{path}#row=2", "E108"),
        (f"{path}#row=3", "ok"),
        (f"{path}#row=4", "E108"),
        (f"{path}#row=5", "ok"),
    ]
    assert "row has 4 columns, header has 6" in str(results[1])
    assert "column 'headline'" in str(results[3]) and "0xE9" in str(results[3])
    first, tram, library = (r for r in results if isinstance(r, Document))
    assert first.title == "Port reopens"
    assert first.source == "Coast News"
    assert first.published == dt.date(2023, 6, 8)
    assert first.metadata == {
        "input": f"{path}#row=1",
        "format": "csv",
        "record_id": "a1",
        "section": "local",
    }
    assert tram.title == "Tram, delayed" and tram.published == dt.date(2023, 6, 9)
    assert library.published is None
    assert any("'not a date'" in w for w in library.warnings())


def test_csv_with_mapping_semicolons_and_tsv(tmp_path: Path, config: Config) -> None:
    semicolons = tmp_path / "ru.csv"
    semicolons.write_text(
        "заголовок;статья;дата\nМост открыт;Новый мост через реку открыли в субботу утром.;8 июня 2023\n",
        encoding="utf-8-sig",
    )
    tsv = tmp_path / "en.TSV"
    tsv.write_text("Title\tText\tLang\nA title\tA tab separated article text.\tEN\n")
    mapping = ColumnMapping.parse("text=статья, title=заголовок, published=дата")
    (ru,) = run([str(semicolons)], config, mapping=mapping)
    (en,) = run([str(tsv)], config)
    assert isinstance(ru, Document) and isinstance(en, Document)
    assert (ru.title, ru.published, ru.text) == (
        "Мост открыт",
        dt.date(2023, 6, 8),
        "Новый мост через реку открыли в субботу утром.",
    )
    assert (en.title, en.language, en.text) == ("A title", "en", "A tab separated article text.")


@pytest.mark.parametrize(
    ("content", "code", "says"),
    [
        (b"", "E101", "empty input"),
        (b"headline,body\n", "E101", "no rows"),
        (b"Port reopens,The harbour authority reopened the port.\n", "E108", "no text column"),
        (b"%PDF-1.4 not a csv", "E102", "PDF"),
    ],
)
def test_csv_that_cannot_be_read_is_one_error(
    tmp_path: Path, config: Config, content: bytes, code: str, says: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    (result,) = run([str(path)], config)
    assert (key(result), outcome(result)) == (str(path), code)
    assert says in str(result)


def test_csv_mapping_to_a_missing_column(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "a.csv"
    path.write_text("title,body\nT,Some article text here.\n")
    (result,) = run([str(path)], config, mapping=ColumnMapping.parse("text=content"))
    assert outcome(result) == "E108" and "no column 'content'" in str(result)


# -- JSON Lines ----------------------------------------------------------------------------------


def jsonl(*records: object) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n" for r in records
    )


JSONL_RECORDS = [
    {
        "Title": "Port reopens",
        "content": "The harbour authority reopened the port.",
        "lang": "EN",
        "tags": ["a"],
    },
    b'{"title": "broken", "text": "unterminated}',
    b"",
    ["not", "an", "object"],
    {"title": "No text here", "summary": "A summary is not looked for."},
    {"text": "Мост через реку открыли в субботу.", "published_at": "8 июня 2023", "doc_id": 7},
    {"text": "<p>First paragraph of the fragment.</p><p>Second paragraph.</p>", "url": "https://x.example/a"},
    {
        "text": PAGES[0],
        "title": "Own title",
        "date": "2023-06-08T23:30:00+03:00",
        "link": "https://p.example/1",
    },
    {"text": "<html><body><ul><li>Home</li></ul></body></html>"},
]


def test_jsonl_records_and_bad_lines(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(jsonl(*JSONL_RECORDS))
    results = run([str(path)], config)
    assert [(key(r), outcome(r)) for r in results] == [
        (f"{path}#line=1", "ok"),
        (f"{path}#line=2", "E108"),
        (f"{path}#line=4", "E108"),
        (f"{path}#line=5", "E108"),
        (f"{path}#line=6", "ok"),
        (f"{path}#line=7", "ok"),
        (f"{path}#line=8", "ok"),
        (f"{path}#line=9", "E104"),
    ]
    assert "invalid JSON" in str(results[1])
    assert "an array, not a JSON object" in str(results[2])
    assert "no text field: looked for one of text, body, content" in str(results[3])
    port, bridge, fragment, html = (r for r in results if isinstance(r, Document))
    assert (port.title, port.language, port.metadata["tags"]) == ("Port reopens", "en", '["a"]')
    assert port.metadata["format"] == "jsonl"
    assert (bridge.published, bridge.metadata["record_id"]) == (dt.date(2023, 6, 8), "7")
    assert fragment.text == "First paragraph of the fragment.\nSecond paragraph."
    assert fragment.url == "https://x.example/a"
    assert html.title == "Own title" and html.url == "https://p.example/1"
    assert html.published == dt.date(2023, 6, 8)  # the date as written, not shifted to UTC
    assert "smaller than first feared" in html.text


def test_jsonl_gz_and_a_truncated_one(tmp_path: Path, config: Config) -> None:
    lines = jsonl(*({"text": f"Article number {n} about the harbour."} for n in range(1, 201)))
    good = tmp_path / "good.jsonl.gz"
    good.write_bytes(gzip.compress(lines))
    cut = tmp_path / "cut.ndjson.gz"
    cut.write_bytes(gzip.compress(lines)[: len(gzip.compress(lines)) // 2])
    results = run([str(good), str(cut)], config)
    assert sum(1 for r in results[:200] if outcome(r) == "ok") == 200
    rest = results[200:]
    assert all(outcome(r) == "ok" for r in rest[:-1]) and len(rest) > 1
    assert outcome(rest[-1]) == "E106" and key(rest[-1]) == f"{cut}#line={len(rest)}"


def test_empty_jsonl_is_one_error(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n  \n")
    assert [(key(r), outcome(r)) for r in run([str(path)], config)] == [(str(path), "E101")]


def test_stdin_sniffs_jsonl(config: Config) -> None:
    stdin = io.BytesIO(jsonl({"text": "First record."}, {"body": "Second record."}))
    results = run(["-"], config, stdin=stdin)
    assert [key(r) for r in results] == ["<stdin>#line=1", "<stdin>#line=2"]
    assert all(isinstance(r, Document) and r.metadata["format"] == "jsonl" for r in results)


# -- column mapping ------------------------------------------------------------------------------


def test_mapping_parse() -> None:
    mapping = ColumnMapping.parse("text=body, title=headline,published=date,ID=uid")
    assert mapping == ColumnMapping(text="body", title="headline", published="date", id="uid")
    assert ColumnMapping.parse("") == ColumnMapping()


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("text=body,headline=title", "unknown target 'headline'"),
        ("text", "is not TARGET=COLUMN"),
        ("text=", "is not TARGET=COLUMN"),
        ("text=a,text=b", "mapped twice"),
    ],
)
def test_mapping_errors(spec: str, says: str) -> None:
    with pytest.raises(NarrascopeError) as caught:
        ColumnMapping.parse(spec)
    assert caught.value.code == "E020"
    assert says in str(caught.value) and "\n" not in str(caught.value)
    if "unknown" in says:
        assert "valid targets: text, title, url, published, source, id, language" in str(caught.value)


def test_mapping_resolves_named_then_guessed_columns() -> None:
    mapping = ColumnMapping(text="Summary")
    columns = mapping.resolve(["summary", "Headline", "body", "LINK", "extra"])
    assert columns == {"text": "summary", "title": "Headline", "url": "LINK"}


# -- feeds ---------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Coast News</title><link>https://coast.example/</link><description>Local news</description>
<item><title>Port reopens after storm</title><link>https://coast.example/port</link>
<guid>coast-1</guid><pubDate>Thu, 08 Jun 2023 01:30:00 +0300</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The harbour authority reopened the port on Tuesday.</p><p>Traders were relieved.</p>]]></content:encoded>
</item>
<item><title>Tram vote delayed</title><link>https://coast.example/tram</link>
<pubDate>Fri, 09 Jun 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The council delayed the vote on the tram line.&lt;/p&gt;</description></item>
<item><title>Photo of the day</title><link>https://coast.example/photo</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Городские новости</title><id>urn:city</id>
<updated>2023-06-10T12:00:00Z</updated>
<entry><title>Библиотека продлевает часы</title><link href="https://city.example/lib"/>
<id>urn:city:1</id><updated>2023-06-10T12:00:00Z</updated><published>2023-06-09T08:00:00+03:00</published>
<content type="html">&lt;p&gt;Библиотека будет открыта до десяти вечера.&lt;/p&gt;</content></entry>
<entry><title>Plain entry</title><link href="https://city.example/plain"/><id>urn:city:2</id>
<updated>2023-06-11T09:00:00Z</updated><summary type="text">Plain text summary of the news.</summary></entry>
</feed>"""


def test_rss_entries(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "coast.rss"
    path.write_text(RSS, encoding="utf-8")
    results = run([str(path)], config)
    assert [(key(r), outcome(r)) for r in results] == [
        (f"{path}#entry=1", "ok"),
        (f"{path}#entry=2", "ok"),
        (f"{path}#entry=3", "E101"),
    ]
    port, tram, _ = results
    assert isinstance(port, Document) and isinstance(tram, Document)
    assert (port.title, port.url, port.source) == (
        "Port reopens after storm",
        "https://coast.example/port",
        "Coast News",
    )
    assert port.published == dt.date(2023, 6, 8)  # 01:30 in +03:00 is still 8 June there
    assert port.text == "The harbour authority reopened the port on Tuesday.\nTraders were relieved."
    assert port.metadata == {"input": f"{path}#entry=1", "format": "feed", "record_id": "coast-1"}
    assert tram.text == "The council delayed the vote on the tram line."
    assert tram.published == dt.date(2023, 6, 9)
    assert "'Photo of the day' has no text" in str(results[2])


def test_atom_entries(tmp_path: Path, config: Config) -> None:
    path = tmp_path / "city.xml"
    path.write_text(ATOM, encoding="utf-8")
    library, plain = run([str(path)], config)
    assert isinstance(library, Document) and isinstance(plain, Document)
    assert (library.title, library.url, library.source, library.published) == (
        "Библиотека продлевает часы",
        "https://city.example/lib",
        "Городские новости",
        dt.date(2023, 6, 9),
    )
    assert library.text == "Библиотека будет открыта до десяти вечера."
    assert (plain.text, plain.published) == ("Plain text summary of the news.", dt.date(2023, 6, 11))


def test_broken_feeds(tmp_path: Path, config: Config) -> None:
    broken = tmp_path / "broken.rss"
    broken.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>X</ti')
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    sloppy = tmp_path / "sloppy.atom"
    sloppy.write_text(RSS.replace("</channel></rss>", "<unclosed></channel></rss>"))
    results = run([str(broken), str(sitemap), str(sloppy)], config)
    assert [(key(r), outcome(r)) for r in results[:2]] == [(str(broken), "E109"), (str(sitemap), "E109")]
    assert "unreadable feed" in str(results[0])
    assert "root element is <urlset>" in str(results[1])
    assert [outcome(r) for r in results[2:]] == ["ok", "ok", "E101"]
    assert isinstance(results[2], Document)
    assert any("not well-formed" in w for w in results[2].warnings())


# -- globs, folders and URLs ---------------------------------------------------------------------


def test_globs_and_folders(tmp_path: Path, config: Config) -> None:
    (tmp_path / "b.txt").write_text("Second article.")
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.TXT").write_text("Third article.")
    (tmp_path / "sub" / "d.csv").write_text("text\nA row in a folder.\n")
    (tmp_path / "sub" / "notes.pdf").write_bytes(b"%PDF")
    results = run([str(tmp_path / "*.txt"), str(tmp_path / "**" / "*.csv"), str(tmp_path / "*.doc")], config)
    assert [(key(r), outcome(r)) for r in results] == [
        (str(tmp_path / "a.txt"), "ok"),
        (str(tmp_path / "b.txt"), "ok"),
        (f"{tmp_path / 'sub' / 'd.csv'}#row=1", "ok"),
        (str(tmp_path / "*.doc"), "E100"),
    ]
    assert "no file matches the pattern" in str(results[-1])
    skipped = Skipped()
    walked = run([str(tmp_path / "sub")], config, skipped=skipped)
    assert [key(r) for r in walked] == [
        str(tmp_path / "sub" / "c.TXT"),
        f"{tmp_path / 'sub' / 'd.csv'}#row=1",
    ]
    assert skipped.describe() == "skipped 1 file(s) in folders in no format narrascope reads: 1 .pdf"


def test_single_document_api_is_unchanged(tmp_path: Path, config: Config) -> None:
    (tmp_path / "a.txt").write_text("An article.")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n')
    skipped = Skipped()
    sources = list(iter_sources([str(tmp_path), str(tmp_path / "b.jsonl")], skipped))
    assert [s.name for s in sources if isinstance(s, Source)] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.jsonl"),
    ]
    assert skipped.by_suffix == {".jsonl": 1}
    first, second = sources
    assert isinstance(first, Source) and load_source(first, config).text == "An article."
    assert isinstance(second, Source)
    with pytest.raises(InputError, match="E106"):
        load_source(second, config)


class FakeFetch:
    def __init__(self, responses: dict[str, tuple[bytes, str] | Exception]) -> None:
        self.responses = responses
        self.calls: list[tuple[str, float]] = []

    def __call__(self, url: str, timeout: float) -> tuple[bytes, str]:
        self.calls.append((url, timeout))
        answer = self.responses[url]
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_urls_through_a_fake_fetch(config: Config) -> None:
    article, feed = "https://port.example/news/1?ref=rss", "https://coast.example/feed"
    down, missing = "https://down.example/", "https://port.example/missing"
    fetch = FakeFetch(
        {
            article: (PAGES[0].encode("cp1251"), "text/html; charset=windows-1251"),
            feed: (RSS.encode(), "application/rss+xml"),
            down: urllib.error.URLError("Name or service not known"),
            missing: urllib.error.HTTPError(missing, 404, "Not Found", None, None),  # type: ignore[arg-type]
        }
    )
    results = run([article, feed, down, missing], config, fetch=fetch)
    assert [(key(r), outcome(r)) for r in results] == [
        (article, "ok"),
        (f"{feed}#entry=1", "ok"),
        (f"{feed}#entry=2", "ok"),
        (f"{feed}#entry=3", "E101"),
        (down, "E112"),
        (missing, "E112"),
    ]
    doc = results[0]
    assert isinstance(doc, Document) and doc.url == article and doc.metadata["format"] == "html"
    assert "smaller than first feared" in doc.text
    assert "Name or service not known" in str(results[4]) and "HTTP 404 Not Found" in str(results[5])
    assert [timeout for _, timeout in fetch.calls] == [20.0] * 4
    assert USER_AGENT.startswith("narrascope/")


def test_results_are_lazy(tmp_path: Path, config: Config) -> None:
    (tmp_path / "a.txt").write_text("An article.")

    def inputs() -> Iterable[str]:
        yield str(tmp_path / "a.txt")
        raise AssertionError("read ahead of the consumer")

    first = next(iter(read_inputs(inputs(), config)))
    assert isinstance(first, Document)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.TXT", "text"),
        ("a.xhtml", "html"),
        ("a.jsonl.gz", "jsonl"),
        ("a.NDJSON", "jsonl"),
        ("a.tsv", "csv"),
        ("a.atom", "feed"),
        ("a.warc.gz", "warc"),
        ("a.arc", "warc"),
        ("a.gz", None),
        ("a.pdf", None),
    ],
)
def test_format_by_suffix(name: str, fmt: str | None) -> None:
    assert format_of(name) == fmt


def test_default_fetch_sends_user_agent_and_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str | None, float]] = []

    class Response(io.BytesIO):
        headers: ClassVar[dict[str, str]] = {"Content-Type": "text/html; charset=utf-8"}

    def urlopen(request: urllib.request.Request, timeout: float) -> Response:
        seen.append((request.full_url, request.get_header("User-agent"), timeout))
        return Response(PAGES[1].encode())

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    config = load_config().replace("input", "fetch_timeout", 5)
    (doc,) = run(["https://city.example/tram"], config)
    assert isinstance(doc, Document) and doc.title == "Council delays vote on tram line"
    assert seen == [("https://city.example/tram", USER_AGENT, 5.0)]


def test_stdin_sniffs_feeds(config: Config) -> None:
    results = run(["-"], config, stdin=io.BytesIO(ATOM.encode()))
    assert [key(r) for r in results] == ["<stdin>#entry=1", "<stdin>#entry=2"]


def test_size_limit_is_per_record_in_corpora(tmp_path: Path) -> None:
    config = load_config().replace("input", "max_bytes", 100)
    path = tmp_path / "big.jsonl"
    path.write_bytes(jsonl({"text": "word " * 40}, {"text": "A short record."}))
    assert [outcome(r) for r in run([str(path)], config)] == ["E103", "ok"]


def test_skipped_describes_files_and_records() -> None:
    skipped = Skipped()
    assert not skipped
    skipped.by_suffix[".png"] += 2
    skipped.records["a.warc"] = Counter({"request": 3})
    skipped.records["b.warc.gz"] = Counter({"request": 1, "HTTP 404": 1})
    assert skipped.describe() == (
        "skipped 2 file(s) in folders in no format narrascope reads: 2 .png; "
        "skipped 5 record(s) in 2 web archive(s) that are not HTML pages: 1 HTTP 404, 4 request"
    )
