"""Ingestion: decoding, titles, HTML extraction and the walk over inputs."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from narrascope.config import load_config
from narrascope.errors import InputError
from narrascope.ingest import Skipped, decode, html_to_document, read_inputs, text_to_document

PAGE = """<!DOCTYPE html>
<html><head><title>Ministry condemns drills | Example Gazette</title>
<meta property="og:site_name" content="Example Gazette">
<meta name="date" content="2023-06-08">
<link rel="canonical" href="https://gazette.example/news/drills"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministry condemns drills</h1>
<p>The ministry on Thursday condemned the exercises that began near the border last Monday.</p>
<p>"These drills are a rehearsal for aggression," spokeswoman Irina Koval told a briefing.</p>
</article><footer>All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata() -> None:
    doc = html_to_document(PAGE, "page.html")
    assert doc.title == "Ministry condemns drills"
    assert doc.source == "Example Gazette"
    assert doc.url == "https://gazette.example/news/drills"
    assert doc.published == dt.date(2023, 6, 8)
    assert "rehearsal for aggression" in doc.text
    assert "Home" not in doc.text and "All rights reserved" not in doc.text
    assert doc.metadata == {"input": "page.html", "format": "html"}


def test_html_without_main_text() -> None:
    with pytest.raises(InputError) as caught:
        html_to_document("<html><body><ul><li>Home</li><li>About us</li></ul></body></html>", "menu.html")
    assert caught.value.code == "E104"
    assert str(caught.value).startswith("E104: menu.html: ")


def test_decode_normalises_line_endings_and_drops_bom() -> None:
    text, warnings = decode("\ufeffTitle\r\n\r\nBody\rmore".encode(), "a.txt")
    assert text == "Title\n\nBody\nmore"
    assert warnings == []


def test_decode_replaces_invalid_utf8_and_says_where() -> None:
    text, warnings = decode(b"abc\xffdef", "a.txt")
    assert text == "abc\ufffddef"
    assert len(warnings) == 1
    assert warnings[0].startswith("W150: a.txt: invalid utf-8 (first bad byte at offset 3)")


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"%PDF-1.4", "PDF"), (b"\x89PNG\r\n", "PNG"), (b"PK\x03\x04", "ZIP"), (b"text\x00more", "NUL")],
)
def test_binary_inputs_are_named(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what) as caught:
        decode(data, "x.bin")
    assert caught.value.code == "E102"


def test_title_is_a_first_line_set_apart() -> None:
    assert text_to_document("Headline here\n\nBody text.", "a").title == "Headline here"
    assert text_to_document("No title, just a paragraph.\nAnd another line.", "a").title is None
    with pytest.raises(InputError, match="E101"):
        text_to_document(" \n\t\n", "a")


def test_every_input_is_accounted_for_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second article body.")
    (tmp_path / "a.htm").write_text(PAGE)
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "c.txt").write_text("")
    skipped = Skipped()
    stdin = io.BytesIO(b"Text from standard input.")
    results = list(
        read_inputs([str(tmp_path), "-", str(tmp_path / "nope.txt")], load_config(), skipped, stdin)
    )
    names = [r.input_name if isinstance(r, InputError) else r.metadata["input"] for r in results]
    assert names == [
        str(tmp_path / "a.htm"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "notes" / "c.txt"),
        "<stdin>",
        str(tmp_path / "nope.txt"),
    ]
    assert [r.code if isinstance(r, InputError) else "ok" for r in results] == [
        "ok",
        "ok",
        "E101",
        "ok",
        "E100",
    ]
    assert skipped.describe() == "skipped 1 file(s) in folders in no format narrascope reads: 1 .png"


def test_size_limit_applies_to_stdin_too() -> None:
    config = load_config().replace("input", "max_bytes", 10)
    (result,) = read_inputs(["-"], config, stdin=io.BytesIO(b"x" * 50))
    assert isinstance(result, InputError) and result.code == "E103"
    assert "more than 0.0 MB" in str(result)
