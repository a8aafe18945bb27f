"""The HTML report: well-formed, offsets exact, overlaps readable, article markup inert."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import lxml.html

from narrascope.document import Document, Span
from narrascope.report import render_html

NS = {"h": "http://www.w3.org/1999/xhtml"}
HOSTILE = (
    'Officials said <script>alert("x")</script> and "><img src=x onerror=alert(1)> '
    "were & remain <b>threats</b>.\nSecond paragraph about Minsk."
)


def _doc() -> Document:
    doc = Document(HOSTILE, title="<i>Title</i> & more", language="en", published=dt.date(2023, 6, 8))
    start = HOSTILE.index("Minsk")
    doc.add_span(Span(start, start + 5, "entity", "LOC", "narrascope.entities.v1", attrs={"normal": "Minsk"}))
    # two overlapping spans: a date inside a longer entity, sharing characters
    doc.add_span(Span(0, 14, "entity", "ORG", "narrascope.entities.v1"))
    doc.add_span(Span(10, 19, "date", "day", "narrascope.dates.v1", attrs={"value": "2023-06-08"}))
    q = HOSTILE.index("<b>")
    doc.add_span(Span(q, q + 14, "quote", "direct", "narrascope.quotes.v1", attrs={"speaker": "Officials"}))
    return doc


def _segments(page: str) -> list[ET.Element]:
    root = ET.fromstring(page)
    text = root.find(".//h:div[@class='text']", NS)
    assert text is not None
    return list(text)


def test_report_is_well_formed_xml_and_html() -> None:
    page = render_html(_doc())
    ET.fromstring(page)  # raises if not well-formed
    tree = lxml.html.fromstring(page)
    assert tree.find(".//title") is not None


def test_segments_cover_the_text_exactly_with_their_offsets() -> None:
    doc = _doc()
    segments = _segments(render_html(doc))
    assert "".join(seg.text or "" for seg in segments) == doc.text
    for seg in segments:
        start, end = int(seg.attrib["data-start"]), int(seg.attrib["data-end"])
        assert doc.text[start:end] == seg.text
    minsk = next(seg for seg in segments if seg.text == "Minsk")
    assert minsk.attrib["title"].startswith("place: Minsk") and "(" not in minsk.attrib["title"]


def test_an_entity_shows_the_english_name_that_corpus_counts_use() -> None:
    doc = Document("Евросоюз и Киев.", language="ru")
    doc.add_span(
        Span(0, 8, "entity", "ORG", "e", attrs={"normal": "Евросоюз", "organisation": "European Union"})
    )
    doc.add_span(Span(11, 15, "entity", "LOC", "e", attrs={"normal": "Киев", "place": "Kyiv"}))
    titles = {seg.text: seg.attrib.get("title", "") for seg in _segments(render_html(doc))}
    assert titles["Евросоюз"].startswith("organisation: Евросоюз (European Union)")
    assert titles["Киев"].startswith("place: Киев (Kyiv)")


def test_overlapping_techniques_get_separate_lines_and_entities_keep_their_own_style() -> None:
    doc = _doc()
    doc.add_span(Span(0, 14, "technique", "Loaded_Language", "narrascope.techniques.v1", 0.8))
    doc.add_span(Span(10, 19, "technique", "Doubt", "narrascope.techniques.v1", 0.6))
    segments = _segments(render_html(doc))
    shared = next(s for s in segments if int(s.attrib["data-start"]) == 10)
    assert int(shared.attrib["data-end"]) == 14
    style = shared.attrib["style"]
    assert style.count("inset") == 2  # both techniques' lines are drawn, one lane each
    assert "-3px" in style and "-6px" in style
    assert "font-weight: 600" in style  # the organisation is marked in the text, not by a line
    tip = shared.attrib["title"]
    assert "Loaded language (0.80)" in tip and "Doubt (0.60)" in tip and "date: 2023-06-08" in tip


def test_article_markup_never_becomes_markup() -> None:
    page = render_html(_doc())
    tree = lxml.html.fromstring(page)
    assert tree.findall(".//script") == []
    assert tree.findall(".//img") == []
    assert "<script" not in page and "<img" not in page
    text_div = tree.find_class("text")[0]
    assert text_div.text_content() == HOSTILE
    assert {el.tag for el in text_div.iterdescendants()} == {"span"}
    assert tree.find(".//h1").text_content() == "<i>Title</i> & more"
    assert "default-src 'none'" in page  # and a CSP forbids scripts even if one slipped in


def test_side_panels_list_quotes_entities_and_dates() -> None:
    tree = lxml.html.fromstring(render_html(_doc()))
    aside = tree.find(".//aside")
    assert aside is not None
    content = aside.text_content()
    assert "Officials" in content and "direct quote" in content
    assert "Minsk" in content and "2023-06-08" in content


def test_the_entity_table_counts_a_person_once_under_the_fullest_name() -> None:
    text = "Viktor Belov met Ivan Orlov. Belov said so."
    doc = Document(text, language="en")
    for start, name, person in ((0, "Viktor Belov", "Viktor Belov"), (17, "Ivan Orlov", "Ivan Orlov")):
        attrs = {"normal": name, "person": person}
        doc.add_span(Span(start, start + len(name), "entity", "PER", "narrascope.entities.v1", attrs=attrs))
    start = text.index("Belov said")
    attrs = {"normal": "Belov", "person": "Viktor Belov"}
    doc.add_span(Span(start, start + 5, "entity", "PER", "narrascope.entities.v1", attrs=attrs))
    tree = lxml.html.fromstring(render_html(doc))
    rows = [[td.text_content() for td in tr.findall("td")] for tr in tree.findall(".//aside//tbody/tr")]
    assert rows == [["Viktor Belov", "person", "2"], ["Ivan Orlov", "person", "1"]]


def test_a_date_from_the_dateline_is_labelled_as_such() -> None:
    doc = _doc()
    doc.metadata["published_from"] = "dateline"
    meta = lxml.html.fromstring(render_html(doc)).find_class("meta")[0].text_content()
    assert "published (from the dateline) 2023-06-08" in meta
    assert (
        "published 2023-06-08"
        in lxml.html.fromstring(render_html(_doc())).find_class("meta")[0].text_content()
    )
