"""The web interface in a real browser: Debian's chromium driven by Playwright, against
`narrascope serve` started as a user would (the full pipeline, a fresh store, loopback).

Skipped when chromium or Playwright is missing (`.ci/run` installs both).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"),
]

# Written for these tests: loaded enough that the technique model marks several spans.
LOADED = """Traitors sell out the motherland

The so-called opposition are nothing but puppets of their foreign masters, Defence Minister Arkady Belov said on Tuesday.

"These criminals want to drown our country in blood and chaos. Every patriot must stand up and defend our sacred land before it is too late," Belov told reporters in Minsk.

He warned that the enemies of the nation were flooding the country with lies and would stop at nothing.
"""

# Written for these tests: an actor whom the role model casts.
CAST = """Warlord Gennady Kostin shells the city again

Warlord Gennady Kostin ordered fresh shelling of Lirovo on Sunday, killing twelve civilians, among them three children, local officials said.

Kostin, whose forces have besieged the city since spring, has been accused of war crimes by human rights groups.
"""

# Payloads that would run if any text were rendered as markup.
HOSTILE = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<a href=\"javascript:window.__pwned='link'\">click me</a>",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
    '"><iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>',
]
HOSTILE_TEXT = (
    "Officials accuse the opposition of treason\n\n"
    + "\n\n".join(f"The spokesman wrote {p} in a statement on Monday." for p in HOSTILE)
    + "\n\nThe ministry called the protesters criminals and traitors who will destroy the nation."
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _post(base: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{base}/api/analyze", json.dumps(body).encode(), {"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=300) as answer:
        result: dict[str, Any] = json.loads(answer.read())
    return result


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`narrascope serve` on a free loopback port, with two outlets' articles already stored."""
    folder = tmp_path_factory.mktemp("serve")
    port = _free_port()
    log = (folder / "serve.log").open("w")
    env = {k: v for k, v in os.environ.items() if k != "NARRASCOPE_TOKEN"}
    process = subprocess.Popen(
        [sys.executable, "-m", "narrascope", "serve", "--db", str(folder / "web.db"), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            if process.poll() is not None:
                raise AssertionError((folder / "serve.log").read_text())
            try:
                with urllib.request.urlopen(f"{base}/api/info", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        _post(base, {"text": LOADED, "source": "Northern Herald", "published": "2024-03-05", "store": True})
        _post(base, {"text": CAST, "source": "Southern Post", "published": "2024-03-06", "store": True})
        _post(
            base,
            {
                "text": HOSTILE_TEXT,
                "title": HOSTILE[0] + HOSTILE[1],
                "source": HOSTILE[2],
                "url": "javascript:window.__pwned='url'",
                "published": "2024-03-12",
                "store": True,
            },
        )
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=CHROMIUM,
            # Chromium's own calls home are refused on an offline machine, many at a time.
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1300, "height": 1000}, accept_downloads=True)
    opened = context.new_page()
    opened.problems = []
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    opened.on("dialog", lambda dialog: (opened.problems.append(f"dialog {dialog.message}"), dialog.dismiss()))
    yield opened
    context.close()


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready]", timeout=60_000)
    assert page.get_attribute("body", "data-ready") == "true"


def test_paste_an_article_and_read_it_highlighted(server: str, page: Any) -> None:
    page.goto(server + "/")
    _ready(page)
    page.fill("#article", LOADED.replace("Belov", "Belova"))
    page.fill("#source", "Pasted Post")
    page.click("#analyze-button")
    page.wait_for_url("**/documents/*", timeout=120_000)
    _ready(page)
    assert page.inner_text("h1") == "Traitors sell out the motherland"
    lined = page.eval_on_selector_all(".seg", "segs => segs.filter(s => s.style.boxShadow).length")
    assert lined > 0  # technique lines under the text
    assert page.locator("#panel-quotes li").count() >= 1
    assert "Belova" in page.inner_text("#panel-quotes")
    assert page.locator("#panel-entities tbody tr").count() >= 1
    assert page.locator("#panel-techniques tbody tr").count() >= 1
    for name in ("Narratives", "Hero, villain, victim", "Genre and frames", "Dates"):
        assert page.get_by_role("heading", name=name).count() == 1
    # A click on a technique line tells its name, definition, score and analyzer.
    page.locator(".seg").filter(
        has=page.locator("xpath=self::*[contains(@style, 'box-shadow')]")
    ).first.click()
    details = page.inner_text("#details")
    assert "narrascope.techniques.v1" in details and "score" in details
    assert not page.problems


def test_threshold_slider_hides_low_scored_spans(server: str, page: Any) -> None:
    page.goto(server + "/")
    _ready(page)
    page.click("#results li a >> nth=0")
    _ready(page)
    shown = page.inner_text("#shown")
    total = int(shown.split(" of ")[1].split()[0])
    assert total > 0 and shown.startswith(f"{total} of {total}")
    page.fill("#threshold", "1")  # a range input takes fill(); this fires its input event
    assert page.inner_text("#shown").startswith(f"0 of {total}")
    assert page.eval_on_selector_all(".seg", "segs => segs.filter(s => s.style.boxShadow).length") == 0
    assert page.inner_text("#threshold-value") == "1.00"
    page.fill("#threshold", "0")
    assert page.inner_text("#shown").startswith(f"{total} of {total}")


def test_dashboard_filters_charts_csv_and_search(server: str, page: Any) -> None:
    page.goto(server + "/")
    _ready(page)
    assert "documents from" in page.inner_text("#corpus-size")
    assert page.eval_on_selector("#chart-outlets", "c => window.Chart.getChart(c).data.labels.length") >= 2
    page.select_option("#f-by", "language")  # the same charts, by the articles' languages
    page.click("#filter-form button")
    page.wait_for_function(
        "() => window.Chart.getChart(document.getElementById('chart-outlets')).data.labels.join() === 'en'"
    )
    assert page.inner_text("#chart-outlets >> xpath=ancestor::section//h2").startswith("By language")
    page.select_option("#f-by", "outlet")
    page.select_option("#f-source", "Northern Herald")
    page.click("#filter-form button")
    # Waits for the outlet itself: the language chart before it also had a single label.
    page.wait_for_function(
        "() => window.Chart.getChart(document.getElementById('chart-outlets')).data.labels.join() === 'Northern Herald'"
    )
    assert page.eval_on_selector("#chart-outlets", "c => window.Chart.getChart(c).data.labels") == [
        "Northern Herald"
    ]
    with page.expect_download() as download:
        page.click("#csv-outlets")
    saved = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert saved[0].startswith("outlet,documents,words,label")
    assert saved[1:] and all(line.startswith("Northern Herald,") for line in saved[1:])
    page.fill("#q", "patriot")
    page.click("#search-form button")
    page.wait_for_function("() => document.getElementById('result-count').textContent.includes('of 1 ')")
    page.click("#results li a")
    page.wait_for_url("**/documents/*")
    _ready(page)
    assert page.inner_text("h1") == "Traitors sell out the motherland"
    assert not page.problems


def test_who_is_named_lists_people_and_places_and_finds_their_articles(server: str, page: Any) -> None:
    page.goto(server + "/")
    _ready(page)
    page.wait_for_selector("#named-rows tr")
    people = page.locator("#named-rows button").all_inner_texts()
    assert "Arkady Belov" in people, people
    page.select_option("#n-kind", "entity:LOC")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#named-rows button')].some(b => b.textContent === 'Minsk')"
    )
    assert "Arkady Belov" not in page.locator("#named-rows button").all_inner_texts()
    page.select_option("#n-kind", "quote:direct")  # who is quoted: the speakers, not their words
    page.wait_for_function(
        "() => [...document.querySelectorAll('#named-rows button')].some(b => b.textContent === 'Arkady Belov')"
    )
    page.select_option("#n-kind", "entity:PER")
    page.wait_for_selector("#named-rows button:text-is('Arkady Belov')")
    page.click("#named-rows button:text-is('Arkady Belov')")
    # the whole dashboard narrows to the articles naming him: the list, the outlets, the names
    page.wait_for_function("() => document.getElementById('result-count').textContent.includes('of 1 ')")
    assert page.input_value("#f-entity").startswith("Arkady Belov")
    assert page.locator("#results li a").all_inner_texts() == ["Traitors sell out the motherland"]
    assert page.eval_on_selector("#chart-outlets", "c => window.Chart.getChart(c).data.labels") == [
        "Northern Herald"
    ]
    page.fill("#f-entity", "")
    page.click("#filter-form button")
    page.wait_for_function("() => !document.getElementById('result-count').textContent.includes('of 1 ')")
    assert page.is_hidden("#casting")  # shown only while the corpus is narrowed to a name
    assert not page.problems


def test_naming_someone_shows_how_each_outlet_casts_them(server: str, page: Any) -> None:
    page.goto(server + "/")
    _ready(page)
    assert page.is_hidden("#casting")
    page.fill("#f-entity", "Kostin")
    page.click("#filter-form button")
    page.wait_for_function("() => window.Chart.getChart(document.getElementById('chart-casting'))")
    assert page.inner_text("#casting h2").startswith("How Kostin is cast")
    # the chart draws the API's profile of the roles the article casts him in, as a whole
    query = urllib.parse.urlencode({"layer": "article_role", "mention": "Kostin", "entity": "Kostin"})
    with urllib.request.urlopen(f"{server}/api/stats/outlet-profile?{query}", timeout=30) as answer:
        profile = json.loads(answer.read())
    columns = profile["columns"]
    cast = {
        row[columns.index("label")]: row[columns.index("documents_with_label")] for row in profile["rows"]
    }
    assert sum(cast.values()) == 1, profile  # his one article casts him once
    assert {row[columns.index("documents")] for row in profile["rows"]} == {1}
    chart = page.eval_on_selector("#chart-casting", "c => window.Chart.getChart(c).data")
    assert chart["labels"] == ["Southern Post"]
    roles: dict[str, str | None] = {
        "hero": "Protagonist",
        "villain": "Antagonist",
        "victim": "Innocent",
        "named, not cast": None,
    }
    drawn = {roles[d["label"]]: d["data"][0] for d in chart["datasets"]}
    expected: dict[str | None, float] = {role: 100.0 * cast.get(role, 0) for role in roles.values() if role}
    assert drawn == {**expected, None: 0.0}
    # and week by week (his one article's week: the same shares)
    weekly = page.eval_on_selector("#chart-casting-time", "c => window.Chart.getChart(c).data")
    assert weekly["labels"] == ["2024-03-04"]
    assert {roles[d["label"]]: d["data"][0] for d in weekly["datasets"]} == {
        k: v for k, v in drawn.items() if k
    }
    # and his fine roles, most frequent first, as the API counts them
    query = urllib.parse.urlencode({"layer": "fine_role", "mention": "Kostin", "entity": "Kostin"})
    with urllib.request.urlopen(f"{server}/api/stats/outlet-profile?{query}", timeout=30) as answer:
        fine = json.loads(answer.read())
    top = max(fine["rows"], key=lambda row: row[fine["columns"].index("documents_with_label")])
    assert page.inner_text("#casting-fine").startswith(
        f"Most often as: {top[fine['columns'].index('label')]} (1 article"
    )
    assert not page.problems


def test_a_narrative_or_genre_narrows_the_whole_dashboard(server: str, page: Any) -> None:
    page.goto(server + "/")
    _ready(page)
    choices = page.eval_on_selector_all("#f-having option", "options => options.map(o => o.value)")
    assert choices[0] == "" and any(c.startswith("genre=") for c in choices), choices

    def listed(having: str) -> dict[str, Any]:
        query = urllib.parse.urlencode({"having": having})
        with urllib.request.urlopen(f"{server}/api/documents?{query}", timeout=30) as answer:
            found: dict[str, Any] = json.loads(answer.read())
        return found

    # a label that some of the three articles have and others not
    chosen, expected = next((c, found) for c in choices[1:] if 0 < (found := listed(c))["total"] < 3)
    page.select_option("#f-having", chosen)
    page.click("#filter-form button")
    page.wait_for_function(
        "n => document.getElementById('result-count').textContent.includes(`of ${n} `)", arg=expected["total"]
    )
    titles = page.locator("#results li a").all_inner_texts()
    assert titles == [item["title"] for item in expected["items"]]
    assert not page.problems


def test_hostile_text_renders_as_text_and_runs_nothing(server: str, page: Any) -> None:
    page.goto(server + "/")
    _ready(page)
    page.fill("#q", "spokesman")
    page.click("#search-form button")
    page.wait_for_function("() => document.getElementById('result-count').textContent.includes('of 1 ')")
    listing = page.inner_text("#results")
    assert HOSTILE[0] in listing  # the title, as text
    assert HOSTILE[2] in page.inner_text("#f-source")
    page.click("#results li a")
    page.wait_for_url("**/documents/*")
    _ready(page)
    body = page.inner_text("body")
    for payload in HOSTILE:
        assert payload in body
    assert page.locator("main script, main img, main iframe, main svg, header img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.mouse.move(400, 400)
    for segment in page.locator(".seg.marked").all()[:5]:
        segment.click()
    time.sleep(0.5)
    assert page.evaluate("() => window.__pwned") is None
    assert not page.problems
