"""The REST API: analyse a text or a page, list and search the store, the statistics behind
every chart (JSON, or CSV with ``format=csv``). Its description is at ``/openapi.json``."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, model_validator

from narrascope._version import __version__
from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.ingest.html import html_to_document
from narrascope.ingest.text import text_to_document
from narrascope.server._security import token_matches
from narrascope.server._workbench import Workbench
from narrascope.store import queries
from narrascope.store.sqlite import Store
from narrascope.taxonomy import CATEGORIES, TECHNIQUES

__all__ = ["AnalyzeRequest", "router"]

router = APIRouter(prefix="/api")


class AnalyzeRequest(BaseModel):
    """An article to analyse: its ``text`` or a page's ``html`` (exactly one), and what is known."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article's plain text.")
    html: str | None = Field(None, description="A web page; its main text is extracted.")
    title: str | None = None
    source: str | None = Field(None, description="The outlet, as the corpus charts group it.")
    url: str | None = None
    published: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    language: str | None = Field(
        None, pattern=r"^[a-z]{2,3}$", description="ISO 639-1 code, skipping detection."
    )
    store: bool = Field(False, description="Record the analysis in the store (a write: see the token).")

    @model_validator(mode="after")
    def _one_text(self) -> AnalyzeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        return self


def workbench(request: Request) -> Workbench:
    bench: Workbench = request.app.state.workbench
    return bench


Bench = Annotated[Workbench, Depends(workbench)]


def _may_write(request: Request, authorization: str | None) -> None:
    token: str = request.app.state.token
    if token and not token_matches(authorization, token):
        raise NarrascopeError(
            "E401", "this server needs its token for writes: send 'Authorization: Bearer <token>'"
        )


def _document(body: AnalyzeRequest) -> Document:
    name = "api"
    if body.html is not None:
        doc = html_to_document(body.html, name, url=body.url)
    else:
        doc = text_to_document(body.text or "", name)
    for key in ("title", "source", "url", "published", "language"):
        value = getattr(body, key)
        if value is not None:
            setattr(doc, key, value)
    # Pasted articles have no file name: the store knows them by their id.
    doc.metadata["input"] = f"api/{doc.id}"
    return doc


def _json(doc: Document, status: int = 200, **headers: str) -> Response:
    return Response(
        doc.dumps(indent=None), status_code=status, media_type="application/json", headers=headers
    )


# Documents with labels of any layer, whichever layer a chart counts.
Having = Annotated[
    list[str] | None,
    Query(
        description="Only documents with this label of any layer, LAYER=LABEL: "
        "'narrative=URW: Discrediting the West', 'genre=opinion' (repeatable: all of them)."
    ),
]


@router.post(
    "/analyze",
    summary="Analyse an article",
    response_description="The analysed document, in the JSON schema of `narrascope analyze --json`.",
)
async def analyze(
    body: AnalyzeRequest,
    request: Request,
    bench: Bench,
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    """Analyse ``text`` or ``html``. With ``store``, the document is recorded (a write, which
    needs the token when one is configured) and committed before the answer, so its ``id``
    opens at ``/documents/{id}`` at once."""
    if body.store:
        _may_write(request, authorization)
    doc = await run_in_threadpool(_document, body)
    # Waiting on the worker's future, not in a thread: many analyses queued must not starve
    # the thread pool that searches run in.
    done = await asyncio.wrap_future(bench.submit(doc, body.store))
    if body.store:
        return _json(done, 201, location=f"/documents/{done.id}")
    return _json(done)


# Counting every match costs as much as reading it: past this, the total is a lower bound.
_COUNT_LIMIT = 1_000


@router.get("/documents", summary="List and search documents")
def list_documents(
    bench: Bench,
    q: Annotated[str | None, Query(description='Full-text search (words, "phrases", prefix*).')] = None,
    source: Annotated[list[str] | None, Query(description="Outlet (repeatable).")] = None,
    language: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    layer: Annotated[
        str | None, Query(description="Only documents with this layer: technique, narrative, role ...")
    ] = None,
    label: Annotated[list[str] | None, Query(description="... and one of these labels (repeatable).")] = None,
    entity: Annotated[
        list[str] | None,
        Query(
            description="Only documents naming this person, place or organisation (repeatable: any of them)."
        ),
    ] = None,
    having: Having = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """One page of matching documents (newest first, or best match first with ``q``). ``total``
    counts them up to 1,000; past that, ``total_is_lower_bound`` is true."""
    # The connection is opened here, not by a dependency: each dependency with a clean-up is
    # one more turn in the thread pool's queue, and under load every turn is a wait.
    with bench.reader() as store:
        total, page = queries.list_documents(
            store,
            q,
            sources=source,
            language=language,
            since=since,
            until=until,
            layer=layer,
            label=label,
            entity=entity,
            having=having,
            limit=limit,
            offset=offset,
            count_limit=_COUNT_LIMIT,
        )
    body = {
        "total": total,
        "total_is_lower_bound": total >= _COUNT_LIMIT,
        "limit": limit,
        "offset": offset,
        "items": page.to_dicts(),
    }
    return Response(_dumps(body), media_type="application/json")


def _load(store: Store, doc_id: str) -> Document:
    if store.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
        raise NarrascopeError("E404", f"no document with id {doc_id!r} in the store")
    return store.load(doc_id)


@router.get("/documents/{doc_id}", summary="One document with its full analysis")
def get_document(doc_id: str, bench: Bench) -> Response:
    with bench.reader() as store:
        return _json(_load(store, doc_id))


@router.delete("/documents/{doc_id}", status_code=204, summary="Delete a document (needs the token)")
def delete_document(
    doc_id: str, request: Request, bench: Bench, authorization: Annotated[str | None, Header()] = None
) -> Response:
    _may_write(request, authorization)
    if not bench.delete(doc_id):
        raise NarrascopeError("E404", f"no document with id {doc_id!r} in the store")
    return Response(status_code=204)


StatName = Literal["outlet-week", "timeline", "outlet-profile", "top-mentions"]
# The statistics that compare outlets (or languages); timeline and top-mentions do not.
_BY_GROUP: dict[str, Callable[..., queries.QueryResult]] = {
    "outlet-week": queries.counts_by_outlet_week,
    "outlet-profile": queries.outlet_profile,
}


@router.get("/stats/{name}", summary="The statistics behind a chart")
def stats(
    name: StatName,
    bench: Bench,
    layer: Annotated[
        str,
        Query(
            description="technique, narrative, frame, genre, entity, role, article_role, fine_role, quote ..."
        ),
    ] = "technique",
    label: Annotated[list[str] | None, Query(description="Only these labels (repeatable).")] = None,
    source: Annotated[list[str] | None, Query(description="Outlet (repeatable).")] = None,
    language: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    entity: Annotated[
        list[str] | None,
        Query(
            description="Only documents naming this person, place or organisation (repeatable: any of them)."
        ),
    ] = None,
    mention: Annotated[
        list[str] | None,
        Query(
            description="Count only the spans naming this person, place or organisation: its "
            "mentions, roles or quotes (layers entity, role, article_role, fine_role, quote; "
            "repeatable: any of them)."
        ),
    ] = None,
    having: Having = None,
    by: Annotated[
        Literal["outlet", "language"],
        Query(description="outlet-week and outlet-profile: compare outlets, or languages."),
    ] = "outlet",
    limit: Annotated[int, Query(ge=1, le=1000, description="top-mentions: texts per label.")] = 20,
    format: Literal["json", "csv"] = "json",
) -> Response:
    """``outlet-week``: per outlet, week and label; ``timeline``: per week; ``outlet-profile``:
    each outlet's use of each label, per document and per 1,000 words; ``top-mentions``: the
    commonest texts of a span layer per label. ``format=csv`` downloads the same table."""
    filters: dict[str, Any] = {
        "sources": source,
        "language": language,
        "since": since,
        "until": until,
        "entity": entity,
        "mention": mention,
        "having": having,
    }
    with bench.reader() as store:
        if name == "top-mentions":
            result = queries.top_mentions(store, layer, label, limit, **filters)
        elif name == "timeline":
            result = queries.timeline(store, layer, label, **filters)
        else:
            result = _BY_GROUP[name](store, layer, label, by=by, **filters)
    if format == "csv":
        return Response(
            result.csv_text(),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="narrascope-{name}-{layer}.csv"'},
        )
    return Response(
        _dumps({"columns": result.columns, "rows": [list(row) for row in result.rows]}),
        media_type="application/json",
    )


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@router.get("/facets", summary="What the store holds, for the dashboard's filters")
def facets(bench: Bench) -> dict[str, Any]:
    with bench.reader() as store:
        return _facets(store)


def _facets(store: Store) -> dict[str, Any]:
    db = store.db
    outlets = db.execute(
        "SELECT source, COUNT(*) FROM documents GROUP BY source ORDER BY COUNT(*) DESC, source"
    ).fetchall()
    languages = db.execute(
        "SELECT language, COUNT(*) FROM documents GROUP BY language ORDER BY COUNT(*) DESC"
    ).fetchall()
    first, last = db.execute("SELECT MIN(published), MAX(published) FROM documents").fetchone()
    layers = {
        layer: labels
        for layer, labels in queries.layer_labels(store).items()
        if layer not in ("sentence", "paragraph", "quote", "date", "language", "narrative_evidence")
    }
    return {
        "documents": store.count("documents"),
        "outlets": [{"name": s, "documents": n} for s, n in outlets],
        "languages": [{"code": code, "documents": n} for code, n in languages],
        "published": {"first": first, "last": last},
        "layers": layers,
    }


@router.get("/taxonomy", summary="Techniques and their categories, with definitions and colours")
def taxonomy() -> dict[str, Any]:
    return {
        "categories": [
            {"name": c.name, "colour": c.colour, "definition": c.definition} for c in CATEGORIES.values()
        ],
        "techniques": [
            {"name": t.name, "display": t.display, "category": t.category, "definition": t.definition}
            for t in TECHNIQUES.values()
        ],
    }


@router.get("/info", summary="The server: version, analyzers, whether writes need a token")
def info(request: Request, bench: Bench) -> dict[str, Any]:
    return {
        "narrascope": __version__,
        "analyzers": bench.analyzers,
        "writes_need_token": bool(request.app.state.token),
        "max_body_bytes": request.app.state.max_body_bytes,
    }
