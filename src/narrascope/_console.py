"""The terminal of the command line: one place for its consoles and its one-line usage errors."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

from narrascope.errors import NarrascopeError

__all__ = ["err", "fail", "out", "usage"]

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(exc: NarrascopeError) -> typer.Exit:
    """Print ``exc`` as one line and return the exit for a usage error (status 2)."""
    return usage(str(exc))


def usage(message: str) -> typer.Exit:
    err.print(f"[red]error[/red]: {escape(message)}")
    return typer.Exit(2)
