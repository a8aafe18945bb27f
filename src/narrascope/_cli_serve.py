"""``narrascope serve``: the web interface and REST API over a corpus store."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from narrascope._cli_store import store_path
from narrascope._console import err
from narrascope._console import fail as _fail
from narrascope.config import load_config
from narrascope.errors import NarrascopeError

__all__ = ["register"]


def serve_command(
    db: Annotated[
        Path | None, typer.Option(help="SQLite database to serve; created when missing (default: store.path)")
    ] = None,
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default: server.host, 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default: server.port, 8000).")] = None,
    config_path: Annotated[
        Path | None, typer.Option("--config", help="TOML file merged over the defaults.")
    ] = None,
) -> None:
    """Serve the analyst's workbench: paste an article, read it highlighted, explore the corpus.

    Loads the models once, then answers in the browser at the printed address and on the REST
    API (/docs). Writes need the token of server.token or NARRASCOPE_TOKEN; without one the
    server listens on loopback only.
    """
    import uvicorn

    from narrascope.server import Workbench, check_bind, create_app, is_loopback
    from narrascope.server._security import LOOPBACK_NAMES

    try:
        config = load_config(config_path)
        settings = config.data["server"]
        host = host or str(settings["host"])
        port = port if port is not None else int(settings["port"])
        token = os.environ.get("NARRASCOPE_TOKEN") or str(settings["token"])
        check_bind(host, token)
        path = store_path(db, config)
        err.print(f"loading the models and opening {escape(str(path))} …")
        bench = Workbench(path, config, batch_size=int(settings["batch_size"]))
        bench.start()
    except NarrascopeError as exc:
        raise _fail(exc) from None
    app = create_app(
        bench,
        token=token,
        max_body_bytes=int(settings["max_body_bytes"]),
        allowed_hosts=LOOPBACK_NAMES if is_loopback(host) else (),
    )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    shown = f"[{host}]" if ":" in host else host
    err.print(
        f"narrascope is serving {escape(str(path))} at [bold]http://{shown}:{port}/[/bold] (Ctrl+C stops)"
    )
    # uvicorn's access log prints query strings, which can hold searches: ours has paths only.
    # A longer keep-alive than uvicorn's 5 s: a client reusing a connection just as the server
    # drops it sees "server disconnected", a failed request through no fault of its own.
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning", timeout_keep_alive=75)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
