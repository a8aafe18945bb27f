"""The server's defences: the text it shows comes from hostile sources.

* Every response carries a Content-Security-Policy that runs only the app's own scripts, so
  markup that slipped into a page could still run nothing; the pages render article text
  with ``textContent`` or escaped, never as markup.
* Request bodies are capped (413) before they are read into memory.
* Writes need the configured token; with none configured the server must listen on loopback
  alone (it refuses to start elsewhere). On loopback, only loopback host names are accepted,
  so a web page cannot reach the server through DNS rebinding.
* The access log has method, path (no query: searches can be sensitive), status and time:
  no article text, no token.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from narrascope.errors import CODES, NarrascopeError

__all__ = [
    "CSP",
    "BodyLimit",
    "HostCheck",
    "JsonOnly",
    "SecurityHeaders",
    "check_bind",
    "error_body",
    "is_loopback",
    "token_matches",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Styles may be inline (the panels colour their swatches); scripts may not.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")

log = logging.getLogger("narrascope.server")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or name to listen on) reaches this machine only."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str) -> None:
    """Refuse to listen beyond loopback without a token: anyone on the network could write."""
    if not is_loopback(host) and not token:
        raise NarrascopeError(
            "E450",
            f"--host {host} listens beyond this machine, so writes need a token: set server.token "
            "in --config or the NARRASCOPE_TOKEN environment variable (or listen on 127.0.0.1)",
        )


def token_matches(given: str | None, token: str) -> bool:
    """``Authorization: Bearer <token>`` matches, compared in constant time."""
    if not given or not given.startswith("Bearer "):
        return False
    return secrets.compare_digest(given[len("Bearer ") :].strip().encode(), token.encode())


def error_body(code: str | None, message: str) -> dict[str, Any]:
    """The JSON of every error answer: its code (when narrascope has one), title and message."""
    return {"error": {"code": code, "title": CODES.get(code or "", None), "message": message}}


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps(error_body(code, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Answer 413 for a body over ``max_bytes``, by its Content-Length or while it streams.

    A body with no Content-Length (chunked) is read here, at most ``max_bytes`` of it, and
    replayed to the app: raising from inside the app's own reading would be taken for a
    malformed body.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"the request body is over the limit of {self.max_bytes:,} bytes (server.max_body_bytes)"
        length = next((value for name, value in scope["headers"] if name == b"content-length"), None)
        if length is not None:
            if length.isdigit() and int(length) > self.max_bytes:
                await _send_error(send, 413, "E413", message)
                return
            await self.app(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD", "DELETE", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            event = await receive()
            if event["type"] != "http.request":
                return  # the client went away
            chunks.append(event.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await _send_error(send, 413, "E413", message)
                return
            if not event.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)


class SecurityHeaders:
    """Add the security headers to every response, and log each request without its content."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [0]

        async def with_headers(event: Message) -> None:
            if event["type"] == "http.response.start":
                status[0] = int(event["status"])
                names = {name.lower() for name, _ in event.get("headers", [])}
                event["headers"] = [
                    *event.get("headers", []),
                    *(pair for pair in _HEADERS if pair[0] not in names),
                ]
                if scope["path"].startswith("/api/"):
                    event["headers"].append((b"cache-control", b"no-store"))
            await send(event)

        try:
            await self.app(scope, receive, with_headers)
        finally:
            log.info(
                "%s %s %d %.0f ms",
                scope["method"],
                scope["path"],
                status[0],
                (time.perf_counter() - started) * 1000,
            )


class HostCheck:
    """On loopback, accept only loopback host names (a defence against DNS rebinding)."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.allowed:
            host = ""
            for name, value in scope["headers"]:
                if name == b"host":
                    host = value.decode("latin-1")
            # "[::1]:8000" and "localhost:8000" without their ports.
            bare = (
                host[1 : host.index("]")] if host.startswith("[") and "]" in host else host.rsplit(":", 1)[0]
            )
            if bare not in self.allowed:
                await _send_error(
                    send, 400, "E400", f"host {host!r} is not served here (use http://127.0.0.1)"
                )
                return
        await self.app(scope, receive, send)


class JsonOnly:
    """The API takes JSON bodies alone (415 otherwise): a form or text/plain POST is what a page
    on another site can send without asking first (cross-site request forgery)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] in ("POST", "PUT", "PATCH")
            and scope["path"].startswith("/api/")
        ):
            kind = next((v for n, v in scope["headers"] if n == b"content-type"), b"").decode("latin-1")
            kind = kind.split(";")[0].strip().lower()
            if kind != "application/json":
                message = f"send the body as application/json, not {kind or 'nothing'}"
                await _send_error(send, 415, "E415", message)
                return
        await self.app(scope, receive, send)
