"""The corpus commands of the command line: ``export``, ``query`` and ``search`` over a store.

Kept apart from cli.py, which registers them with :func:`register`. They only read a database
that exists: a path that does not is an error, never a new empty database.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from narrascope._cli_store import open_store
from narrascope._console import err, out
from narrascope._console import fail as _fail
from narrascope._console import usage as _usage
from narrascope.config import load_config
from narrascope.errors import NarrascopeError
from narrascope.export import FORMATS, TABLES, export_table
from narrascope.store.queries import (
    QueryResult,
    counts_by_outlet_week,
    outlet_profile,
    search,
    timeline,
    top_mentions,
)

__all__ = ["register"]


# A terminal table of tens of thousands of rows helps nobody; the rest goes to --csv or --json.
_SHOWN_ROWS = 50
# Marks around matched words in snippets, turned into styling after the text is escaped.
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"

QUERIES: dict[str, Callable[..., QueryResult]] = {
    "by-outlet-week": counts_by_outlet_week,
    "outlet-profile": outlet_profile,
    "timeline": timeline,
    "top-mentions": top_mentions,
}

Db = Annotated[Path | None, typer.Option(help="SQLite database (default: store.path).")]
ConfigPath = Annotated[Path | None, typer.Option("--config", help="TOML file merged over the defaults.")]
Layer = Annotated[
    str | None,
    typer.Option(
        help="Layer: technique, paragraph_technique, entity, role, article_role, fine_role, quote, "
        "narrative, frame ..."
    ),
]
LabelOpt = Annotated[list[str] | None, typer.Option("--label", help="Only this label (repeatable).")]
Source = Annotated[list[str] | None, typer.Option("--source", help="Only this outlet (repeatable).")]
Since = Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")]
Language = Annotated[str | None, typer.Option(help="Only documents in this language (ISO 639-1).")]
Entity = Annotated[
    list[str] | None,
    typer.Option(
        "--entity",
        help="Only documents naming this person, place or organisation, in any script or spelling "
        "(repeatable: any of them).",
    ),
]
Having = Annotated[
    list[str] | None,
    typer.Option(
        "--having",
        metavar="LAYER=LABEL",
        help="Only documents with this label of any layer, e.g. 'narrative=URW: Discrediting the West' "
        "or 'genre=opinion' (repeatable: all of them), whichever layer is counted.",
    ),
]
Mention = Annotated[
    list[str] | None,
    typer.Option(
        "--mention",
        help="Count only the spans naming this person, place or organisation (layers entity, role, "
        "article_role, fine_role, quote: its mentions, the roles it is cast in, the quotes it is "
        "given), in any script or spelling (repeatable: any of them).",
    ),
]


# Columns that list what else a row counts ("a; b; c"): the first few on screen, every one in
# --csv and --json.
_LISTS = ("also",)
_SHOWN_ITEMS = 2


def _print_table(result: QueryResult, title: str) -> None:
    if not result.rows:
        err.print(f"{escape(title)}: no rows")
        return
    table = Table(header_style="bold", title=title, title_justify="left")
    for column in result.columns:
        numeric = isinstance(result.rows[0][result.columns.index(column)], int | float)
        # Folded, not cut short: an outlet or a label shown as "outle…" is no answer.
        table.add_column(column, justify="right" if numeric else "left", overflow="fold")
    lists = [result.columns.index(column) for column in _LISTS if column in result.columns]
    for row in result.rows[:_SHOWN_ROWS]:
        cells = ["" if value is None else escape(str(value)) for value in row]
        for at in lists:
            items = cells[at].split("; ") if cells[at] else []
            if len(items) > _SHOWN_ITEMS:
                cells[at] = "; ".join(items[:_SHOWN_ITEMS]) + f" [dim](+{len(items) - _SHOWN_ITEMS})[/dim]"
        table.add_row(*cells)
    out.print(table)
    if len(result.rows) > _SHOWN_ROWS:
        err.print(
            f"[dim]{len(result.rows) - _SHOWN_ROWS:,} more row(s) of {len(result.rows):,}; "
            "write them all with --csv FILE or --json[/dim]"
        )


def _emit(result: QueryResult, title: str, csv_path: Path | None, as_json: bool) -> None:
    if csv_path is not None:
        try:
            result.to_csv(csv_path)
        except OSError as exc:
            raise _usage(f"--csv {csv_path}: cannot write: {exc.strerror or exc}") from None
        err.print(f"wrote {len(result.rows)} row(s) to {escape(str(csv_path))}")
    elif as_json:
        sys.stdout.write(json.dumps(result.to_dicts(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_table(result, title)


def export_command(
    what: Annotated[str, typer.Argument(help=f"What to export: {', '.join(TABLES)}.")],
    out_path: Annotated[
        Path, typer.Option("--out", "-o", help="File to write; - for standard output (csv, jsonl).")
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="csv, jsonl or parquet (default: from the --out suffix)."),
    ] = None,
    db: Db = None,
    config_path: ConfigPath = None,
    layer: Layer = None,
    label: LabelOpt = None,
    source: Source = None,
    since: Since = None,
    until: Until = None,
    language: Language = None,
) -> None:
    """Export documents, spans, labels or inputs as CSV, JSON Lines or Parquet, streaming."""
    if what not in TABLES:
        raise _usage(f"cannot export {what!r}; choose one of {', '.join(TABLES)}")
    to_stdout = str(out_path) == "-"
    fmt = fmt or out_path.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise _usage(f"give --format ({', '.join(FORMATS)}), or an --out file ending in one of them")
    try:
        with open_store(db, load_config(config_path), read_only=True) as store:
            rows = export_table(
                store,
                what,
                fmt,
                sys.stdout if to_stdout else out_path,
                sources=source,
                since=since,
                until=until,
                language=language,
                layer=layer,
                label=label,
            )
    except NarrascopeError as exc:
        raise _fail(exc) from None
    err.print(
        f"exported {rows} {what} row(s) as {fmt}" + ("" if to_stdout else f" to {escape(str(out_path))}")
    )


def query_command(
    name: Annotated[str, typer.Argument(help=f"The query: {', '.join(QUERIES)}.")],
    db: Db = None,
    config_path: ConfigPath = None,
    layer: Layer = None,
    label: LabelOpt = None,
    source: Source = None,
    since: Since = None,
    until: Until = None,
    language: Language = None,
    entity: Entity = None,
    mention: Mention = None,
    having: Having = None,
    by: Annotated[
        str, typer.Option(help="by-outlet-week and outlet-profile: compare 'outlet' or 'language'.")
    ] = "outlet",
    limit: Annotated[int, typer.Option(help="top-mentions: texts per label.")] = 20,
    csv_path: Annotated[Path | None, typer.Option("--csv", help="Write every row to this CSV file.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print every row as JSON.")] = False,
) -> None:
    """Corpus statistics for charts: counts per outlet and week, outlet profiles, a timeline, top mentions.

    by-outlet-week and outlet-profile and timeline need --layer; top-mentions defaults to role.
    """
    query = QUERIES.get(name)
    if query is None:
        raise _usage(f"no query named {name!r}; choose one of {', '.join(QUERIES)}")
    if csv_path is not None and as_json:
        raise _usage("give --csv or --json, not both")
    filters: dict[str, Any] = {
        "since": since,
        "until": until,
        "sources": source,
        "language": language,
        "entity": entity,
        "mention": mention,
        "having": having,
    }
    try:
        with open_store(db, load_config(config_path), read_only=True) as store:
            if name == "top-mentions":
                result = top_mentions(store, layer or "role", label, limit, **filters)
            elif name == "timeline":
                result = query(store, layer or "", label, **filters)
            else:
                result = query(store, layer or "", label, by=by, **filters)
    except NarrascopeError as exc:
        raise _fail(exc) from None
    _emit(result, f"{name} {layer or 'role'}", csv_path, as_json)


def search_command(
    text: Annotated[str, typer.Argument(help='Words, "a phrase", prefix*, AND / OR / NOT, NEAR(a b).')],
    db: Db = None,
    config_path: ConfigPath = None,
    layer: Annotated[
        str | None, typer.Option(help="Only documents with a span or label of this layer.")
    ] = None,
    label: LabelOpt = None,
    source: Source = None,
    since: Since = None,
    until: Until = None,
    language: Language = None,
    entity: Entity = None,
    having: Having = None,
    limit: Annotated[int, typer.Option(help="At most this many documents.")] = 20,
    csv_path: Annotated[
        Path | None, typer.Option("--csv", help="Write the results to this CSV file.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Full-text search of the stored documents' titles and texts, best match first."""
    if csv_path is not None and as_json:
        raise _usage("give --csv or --json, not both")
    styled = csv_path is None and not as_json
    try:
        with open_store(db, load_config(config_path), read_only=True) as store:
            result = search(
                store,
                text,
                sources=source,
                since=since,
                until=until,
                language=language,
                layer=layer,
                label=label,
                entity=entity,
                having=having,
                limit=limit,
                marks=(_MARK_OPEN, _MARK_CLOSE) if styled else ("[", "]"),
            )
    except NarrascopeError as exc:
        raise _fail(exc) from None
    if not styled:
        _emit(result, "search", csv_path, as_json)
        return
    if not result.rows:
        err.print("no documents match")
        return
    for doc_id, title, outlet, published, _, snippet, score in result.rows:
        facts = "  ".join(str(f) for f in (outlet, published, doc_id, f"score {score:.2f}") if f)
        out.print(f"[bold]{escape(title or '(no title)')}[/bold]  [dim]{escape(facts)}[/dim]")
        shown = escape(" ".join(str(snippet).split()))
        out.print("  " + shown.replace(_MARK_OPEN, "[bold yellow]").replace(_MARK_CLOSE, "[/bold yellow]"))
    err.print(
        f"{len(result.rows)} document(s)" + (f" (the best {limit})" if len(result.rows) == limit else "")
    )


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``narrascope`` application."""
    app.command("export")(export_command)
    app.command("query")(query_command)
    app.command("search")(search_command)
