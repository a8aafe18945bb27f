"""The web interface's pages: the dashboard with its paste box, the article page, the API docs.

Pages are small HTML shells; what varies comes from the API and is drawn by the app's own
scripts with ``textContent``. The article page's panels are rendered here by the same code as
the HTML report (:mod:`narrascope.report.html`), which escapes every piece of article text.
"""

from __future__ import annotations

import html
from importlib import resources

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from narrascope._version import __version__
from narrascope.errors import NarrascopeError
from narrascope.report.html import render_meta, render_panels
from narrascope.store.sqlite import Store

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _page(title: str, body: str, scripts: tuple[str, ...] = (), status: int = 200) -> HTMLResponse:
    tags = "\n".join(f'<script src="{src}" defer></script>' for src in scripts)
    return HTMLResponse(
        f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="generator" content="narrascope {_e(__version__)}"/>
<title>{_e(title)} — narrascope</title>
<link rel="stylesheet" href="/assets/report.css"/>
<link rel="stylesheet" href="/static/app.css"/>
{tags}
</head>
<body>
<nav class="bar"><a href="/" class="brand">narrascope</a><a href="/">Dashboard</a><a href="/docs">API</a></nav>
{body}
<footer>narrascope {_e(__version__)}: how an article persuades, with the evidence in the text.</footer>
</body>
</html>
""",
        status_code=status,
    )


@router.get("/", response_class=HTMLResponse)
def dashboard() -> HTMLResponse:
    body = """<main class="dash">
<section class="card" id="paste">
<h2>Analyse an article</h2>
<form id="analyze-form">
<textarea id="article" rows="9" placeholder="Paste an article's text, or a web page's HTML"
 aria-label="article text or HTML"></textarea>
<div class="row">
<label>or a file <input type="file" id="file" accept=".txt,.text,.md,.html,.htm,text/plain,text/html"/></label>
<label>title <input id="title" size="28"/></label>
<label>outlet <input id="source" size="16"/></label>
<label>published <input type="date" id="published"/></label>
<label id="token-row" hidden>token <input type="password" id="token" size="16" autocomplete="off"/></label>
<button type="submit" id="analyze-button">Analyse</button>
</div>
<p id="analyze-status" class="status" role="status"></p>
</form>
</section>
<section class="card" id="filters">
<h2>Corpus</h2>
<p id="corpus-size" class="muted"></p>
<form id="filter-form" class="row">
<label>what <select id="f-layer"></select></label>
<label>label <select id="f-label"><option value="">any</option></select></label>
<label>outlet <select id="f-source"><option value="">any</option></select></label>
<label>language <select id="f-language"><option value="">any</option></select></label>
<label>from <input type="date" id="f-since"/></label>
<label>to <input type="date" id="f-until"/></label>
<label>compare <select id="f-by" title="Compare outlets, or the languages of the articles"><option value="outlet">outlets</option><option value="language">languages</option></select></label>
<label>in articles with <select id="f-having" title="Only the articles with this narrative, genre or frame, whatever the charts count"><option value="">any</option></select></label>
<label>naming <input id="f-entity" size="24" placeholder="person, place, organisation"
 title="Only articles naming it, in any script or spelling; names separated by ; for any of them"/></label>
<button type="submit">Apply</button>
</form>
</section>
<section class="card" id="casting" hidden>
<h2>How <span id="casting-name"></span> is cast <span class="muted">(share of the articles naming
it, per <span class="by-word">outlet</span>, by the role most of its mentions get)</span></h2>
<div class="charts">
<div class="chart short"><canvas id="chart-casting" aria-label="how each outlet casts it"></canvas></div>
<div class="chart short"><canvas id="chart-casting-time" aria-label="how its casting changes week by week"></canvas></div>
</div>
<p id="casting-fine" class="muted"></p>
<p id="casting-status" class="muted"></p>
<a id="csv-casting" class="csv" download="">Download CSV</a>
</section>
<div class="charts">
<section class="card"><h2>By <span class="by-word">outlet</span> <span class="muted">(per document)</span></h2>
<div class="chart"><canvas id="chart-outlets" aria-label="labels by outlet"></canvas></div>
<a id="csv-outlets" class="csv" download="">Download CSV</a></section>
<section class="card"><h2>Over time <span class="muted">(documents per week)</span></h2>
<div class="chart"><canvas id="chart-timeline" aria-label="labels over time"></canvas></div>
<a id="csv-timeline" class="csv" download="">Download CSV</a></section>
</div>
<section class="card" id="named">
<h2>Who is named <span class="muted">(most mentioned, in the corpus filtered above)</span></h2>
<div class="row"><label>show <select id="n-kind">
<option value="entity:PER">people</option>
<option value="entity:LOC">places</option>
<option value="entity:ORG">organisations</option>
<option value="role:Protagonist">cast as heroes</option>
<option value="role:Antagonist">cast as villains</option>
<option value="role:Innocent">cast as victims</option>
<option value="quote:direct">quoted</option>
<option value="quote:reported">reported as saying</option>
</select></label></div>
<table class="named"><thead><tr><th>name <span class="muted">(and how else it is written)</span></th>
<th class="num">documents</th><th class="num">mentions</th></tr></thead><tbody id="named-rows"></tbody></table>
<p id="named-status" class="muted"></p>
<a id="csv-named" class="csv" download="">Download CSV</a>
</section>
<section class="card" id="search">
<h2>Articles</h2>
<form id="search-form" class="row">
<input id="q" type="search" size="40" placeholder="search words, &quot;phrases&quot;, prefix*" aria-label="search"/>
<button type="submit">Search</button>
</form>
<p id="result-count" class="muted"></p>
<ol id="results" class="results"></ol>
<div class="row"><button type="button" id="prev" disabled="">Previous</button>
<button type="button" id="next" disabled="">Next</button></div>
</section>
</main>"""
    return _page("Workbench", body, ("/static/vendor/chart.js/chart.umd.min.js", "/static/dashboard.js"))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def article(doc_id: str, request: Request) -> HTMLResponse:
    store = Store.reader(request.app.state.workbench.db)
    try:
        if store.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
            message = f"No document with id {doc_id} in this store."
            return _page("Not found", f'<main><p class="card">{_e(message)}</p></main>', status=404)
        doc = store.load(doc_id)
    except NarrascopeError as exc:
        return _page("Error", f'<main><p class="card">{_e(exc)}</p></main>', status=500)
    finally:
        store.close()
    title = doc.title or f"Document {doc.id}"
    warnings = "".join(f"<div>{_e(w)}</div>" for w in doc.warnings())
    body = f"""<header class="article-head">
<h1>{_e(title)}</h1>
{render_meta(doc)}
{f'<div class="warnings">{warnings}</div>' if warnings else ""}
</header>
<main class="layout">
<section class="card">
<h2>Text</h2>
<div class="controls">
<label for="threshold">Hide techniques scored below <output id="threshold-value">0.00</output></label>
<input type="range" id="threshold" min="0" max="1" step="0.01" value="0"/>
<span id="shown" class="muted"></span>
</div>
<ul class="legend" id="legend"></ul>
<div class="text" id="text" lang="{_e(doc.language or "und")}" data-id="{_e(doc.id)}">{_e(doc.text)}</div>
<p class="muted">Click highlighted text for the techniques, their definitions and scores.</p>
</section>
<aside>
<section class="card details" id="details" hidden=""></section>
{render_panels(doc)}
</aside>
</main>"""
    return _page(title, body, ("/static/article.js",))


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/assets/report.css")
def report_css() -> Response:
    css = resources.files("narrascope.report").joinpath("report.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css")


@router.get("/docs", response_class=HTMLResponse)
def docs() -> HTMLResponse:
    """Swagger UI from the vendored bundle (no CDN: the server works offline)."""
    return HTMLResponse(
        """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>narrascope API</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css"/>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js" defer></script>
<script src="/static/docs.js" defer></script>
</head><body><div id="swagger-ui"></div></body></html>
"""
    )
