"""The FastAPI application: the API and the pages over one workbench, behind the defences."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from narrascope._version import __version__
from narrascope.errors import InputError, NarrascopeError
from narrascope.server import _api, _pages
from narrascope.server._security import (
    LOOPBACK_NAMES,
    BodyLimit,
    HostCheck,
    JsonOnly,
    SecurityHeaders,
    error_body,
)
from narrascope.server._workbench import Workbench

__all__ = ["create_app"]

log = logging.getLogger("narrascope.server")


def _status(error: NarrascopeError) -> int:
    if error.code[1] == "4":  # the server's own codes are their HTTP status
        return int(error.code[1:]) if error.code != "E450" else 500
    if isinstance(error, InputError) or error.code[1] == "1" or error.code in ("E201", "E202"):
        return 400
    return 500


def _error(status: int, code: str | None, message: str) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status)


def _validation_message(errors: list[Any]) -> tuple[int, str, str]:
    if any(e.get("type") == "json_invalid" for e in errors):
        first = next(e for e in errors if e.get("type") == "json_invalid")
        reason = first.get("ctx", {}).get("error", "not valid JSON")
        return 400, "E400", f"the request body is not valid JSON ({reason})"
    parts = []
    for e in errors:
        where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return 422, "E422", "; ".join(parts)


def create_app(
    bench: Workbench,
    *,
    token: str = "",
    max_body_bytes: int = 5_000_000,
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES,
) -> FastAPI:
    """The application over ``bench`` (started here unless already started).

    ``token`` guards the writes; ``allowed_hosts`` are the Host names accepted (empty: any,
    for a server reached by its network name, where the token guards the writes).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Requests' database work runs in threads, one per core: forty (anyio's default)
        # fighting for the GIL answered a third as many searches on 2 cores, and more than a
        # few made the slowest answers slower (benchmarks/server.py). The rest wait their turn
        # in the event loop, where waiting costs nothing.
        to_thread.current_default_thread_limiter().total_tokens = max(2, os.cpu_count() or 1)
        if not bench.started:
            await run_in_threadpool(bench.start)
        try:
            yield
        finally:
            await run_in_threadpool(bench.close)

    app = FastAPI(
        title="narrascope",
        version=__version__,
        description="How an article persuades: techniques, narratives, roles, quotes, entities and "
        "dates, with the evidence in the text; and the corpus statistics behind every chart.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.workbench = bench
    app.state.token = token
    app.state.max_body_bytes = max_body_bytes

    @app.exception_handler(NarrascopeError)
    async def narrascope_error(request: Request, exc: NarrascopeError) -> JSONResponse:
        return _error(_status(exc), exc.code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        status, code, message = _validation_message(list(exc.errors()))
        return _error(status, code, message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, None, str(exc.detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        # The type only: a message could quote the article.
        log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__)
        return _error(500, None, f"internal error ({type(exc).__name__}); see the server's log")

    app.include_router(_api.router)
    app.include_router(_pages.router)
    static = resources.files("narrascope.server").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    # Outermost first: the headers go on every answer, the 413s and host refusals included.
    app.add_middleware(JsonOnly)
    app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
