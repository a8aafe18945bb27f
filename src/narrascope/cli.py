"""The ``narrascope`` command line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from narrascope import registry
from narrascope._version import __version__
from narrascope.config import Config, default_config_text, load_config
from narrascope.document import Document
from narrascope.errors import InputError, NarrascopeError
from narrascope.ingest.files import Skipped, iter_sources, load_source
from narrascope.pipeline import Pipeline
from narrascope.report import render_html
from narrascope.store import Store

app = typer.Typer(
    name="narrascope",
    help="Shows how a news article persuades: quotes and speakers, people, places, dates, with the evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# Show a progress bar only where it helps: batches, on a terminal.
_PROGRESS_MIN_INPUTS = 3


def _fail(exc: NarrascopeError) -> typer.Exit:
    err.print(f"[red]error[/red]: {escape(str(exc))}")
    return typer.Exit(2)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _build_config(config_path: Path | None, max_bytes: int | None, encoding: str | None) -> Config:
    config = load_config(config_path)
    if max_bytes is not None:
        config = config.replace("input", "max_bytes", max_bytes)
    if encoding is not None:
        config = config.replace("input", "encoding", encoding)
    return config


class _ReportNames:
    """File stems for reports: the input's own stem, made unique within one run."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, doc: Document) -> str:
        name = str(doc.metadata.get("input", ""))
        stem = Path(name).stem if name and name != "<stdin>" else "stdin"
        if stem in self.used:
            stem = f"{stem}-{doc.id[:8]}"
        self.used.add(stem)
        return stem


def _summary(doc: Document) -> None:
    title = doc.title or "(no title)"
    out.rule(f"[bold]{escape(title)}[/bold]", align="left")
    facts = [
        f"input {doc.metadata.get('input')}",
        f"language {doc.language}",
        f"published {doc.published}" if doc.published else "",
        f"source {doc.source}" if doc.source else "",
        f"id {doc.id}",
    ]
    out.print("  ".join(escape(f) for f in facts if f), style="dim")
    entities: Counter[tuple[str, str]] = Counter(
        (s.label, str(s.attrs.get("normal") or s.text_in(doc))) for s in doc.layer("entity")
    )
    if entities:
        top = ", ".join(
            f"{escape(name)} [dim]{label} ×{n}[/dim]" for (label, name), n in entities.most_common(10)
        )
        out.print(f"[bold]Entities[/bold]  {top}")
    quotes = [q for q in doc.layer("quote") if q.label != "phrase"]
    if quotes:
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("speaker", style="cyan", no_wrap=True)
        table.add_column("kind", style="dim")
        table.add_column("quote")
        for quote in quotes:
            who = quote.attrs.get("speaker_entity") or quote.attrs.get("speaker") or "—"
            text = " ".join(quote.text_in(doc).split())
            table.add_row(
                escape(str(who)), quote.label, escape(text if len(text) < 140 else text[:137] + "…")
            )
        out.print(table)
    dates = doc.layer("date")
    if dates:
        shown = ", ".join(f"{escape(d.text_in(doc))} → {d.attrs.get('value') or '?'}" for d in dates[:12])
        out.print(f"[bold]Dates[/bold]  {shown}")
    techniques = doc.layer("technique")
    if techniques:
        counts = Counter(s.label for s in techniques)
        shown = ", ".join(f"{escape(label)} ×{n}" for label, n in counts.most_common())
        out.print(f"[bold]Techniques[/bold]  {shown}")
        for span in sorted(techniques, key=lambda s: -(s.score or 0))[:5]:
            text = " ".join(span.text_in(doc).split())
            out.print(
                f"  [magenta]{escape(span.label)}[/magenta] {span.score or 0:.2f}  “{escape(text[:100])}”"
            )
    phrases = [q.text_in(doc) for q in doc.layer("quote") if q.label == "phrase"]
    if phrases:
        out.print(f"[bold]Quoted phrases[/bold]  {escape(', '.join(phrases))}")


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (searched recursively), or - for standard input.")
    ],
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write <name>.json and <name>.html for each article here."),
    ] = None,
    db: Annotated[
        Path | None, typer.Option(help="SQLite database to record results in (default: store.path)")
    ] = None,
    no_db: Annotated[bool, typer.Option("--no-db", help="Do not record anything in a database.")] = False,
    config_path: Annotated[
        Path | None, typer.Option("--config", help="TOML file merged over the defaults.")
    ] = None,
    language: Annotated[
        str | None, typer.Option(help="Language of every input (ISO 639-1), skipping detection.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that do not state one.")
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse inputs larger than this (default: 20000000).")
    ] = None,
    encoding: Annotated[str | None, typer.Option(help="Encoding of text inputs (default: utf-8).")] = None,
    threshold: Annotated[
        float | None,
        typer.Option(help="Score threshold (0-1) for every technique (default: tuned per technique)."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print each document as one JSON line instead of a summary.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only errors, warnings and the final count.")
    ] = False,
) -> None:
    """Analyse articles; print a summary of each, and record them in the database.

    Exit status: 0 when every input was analysed, 1 when any failed, 2 on a usage error.
    """
    reference = _parse_date(published)
    try:
        config = _build_config(config_path, max_bytes, encoding)
        if threshold is not None:
            config = config.with_analyzer_setting("narrascope.techniques.v1", "threshold", threshold)
        pipeline = Pipeline(config)
        store = None if no_db else Store(db or Path(config.store_path))
    except NarrascopeError as exc:
        raise _fail(exc) from None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            err.print(
                f"[red]error[/red]: --out {escape(str(out_dir))}: cannot create the folder: {escape(exc.strerror or str(exc))}"
            )
            raise typer.Exit(2) from None
    skipped = Skipped()
    sources = list(iter_sources(paths, skipped))
    names = _ReportNames()
    failed = analysed = 0
    show_progress = len(sources) >= _PROGRESS_MIN_INPUTS and err.is_terminal
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not show_progress,
    )
    with progress:
        task = progress.add_task("analysing", total=len(sources), rate="")
        for number, source in enumerate(sources, start=1):
            doc: Document | None = None
            try:
                if isinstance(source, InputError):
                    raise source
                doc = load_source(source, config)
                if language:
                    doc.language = language
                if doc.published is None and reference is not None:
                    doc.published = reference
                pipeline(doc)
            except NarrascopeError as exc:
                failed += 1
                name = source.input_name if isinstance(source, InputError) else source.name
                progress.console.print(f"[red]error[/red]: {escape(str(exc))}")
                if store is not None:
                    store.record_failure(exc, name, doc.warnings() if doc else None)
            else:
                analysed += 1
                for warning in doc.warnings():
                    progress.console.print(f"[yellow]warning[/yellow]: {escape(warning)}")
                if store is not None:
                    store.save(doc)
                if out_dir is not None:
                    stem = names(doc)
                    (out_dir / f"{stem}.json").write_text(doc.dumps(), encoding="utf-8")
                    (out_dir / f"{stem}.html").write_text(render_html(doc), encoding="utf-8")
                if as_json:
                    sys.stdout.write(doc.dumps(indent=None) + "\n")
                elif not quiet:
                    _summary(doc)
            elapsed = progress.tasks[0].elapsed or 0.0
            progress.update(task, advance=1, rate=f"{number / elapsed:.1f}/s" if elapsed else "")
    if store is not None:
        store.close()
    if skipped:
        err.print(f"[yellow]note[/yellow]: {escape(skipped.describe())}")
    total = analysed + failed
    if total == 0:
        err.print("[red]error[/red]: no text or HTML files found in the inputs given")
    where = []
    if out_dir is not None and analysed:
        where.append(f"reports in {out_dir}")
    if store is not None:
        where.append(f"recorded in {db or config.store_path}")
    err.print(
        f"analysed {analysed} of {total} input(s)"
        + (f", [red]{failed} failed[/red]" if failed else "")
        + (f"; {escape('; '.join(where))}" if where else "")
    )
    raise typer.Exit(1 if failed or total == 0 else 0)


@app.command("evaluate")
def evaluate_command(
    task: Annotated[str, typer.Option(help="The task and its official metric; see --list.")] = "",
    gold: Annotated[Path | None, typer.Option(help="Gold labels, in the task's format.")] = None,
    pred: Annotated[Path | None, typer.Option(help="Predictions, in the same format.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    list_tasks: Annotated[bool, typer.Option("--list", help="List the tasks and their formats.")] = False,
) -> None:
    """Score predictions against gold labels with a shared task's official metric.

    Exit status: 0 when scored, 2 when a file is missing, malformed or does not match.
    """
    from narrascope.evaluate import TASKS, evaluate

    if list_tasks or not task:
        table = Table(header_style="bold")
        table.add_column("task", no_wrap=True)
        table.add_column("format and metric")
        for spec in TASKS.values():
            table.add_row(spec.name, spec.description)
        out.print(table)
        raise typer.Exit(0 if list_tasks else 2)
    if gold is None or pred is None:
        raise typer.BadParameter("--gold and --pred are both needed")
    try:
        result = evaluate(task, gold, pred)
    except NarrascopeError as exc:
        raise _fail(exc) from None
    if as_json:
        sys.stdout.write(json.dumps(dataclasses.asdict(result), indent=2) + "\n")
        return
    out.print(f"[bold]{escape(result.task)}[/bold]  {result.name} = [bold]{result.value:.4f}[/bold]")
    if result.extra:
        out.print("  ".join(f"{escape(k)} {v:.4f}" for k, v in result.extra.items()), style="dim")
    if result.per_label:
        table = Table(header_style="bold")
        for column in ("label", "precision", "recall", "F1", "support"):
            table.add_column(
                column, justify="left" if column == "label" else "right", no_wrap=column == "label"
            )
        for row in result.per_label:
            table.add_row(
                escape(row.label),
                f"{row.precision:.3f}",
                f"{row.recall:.3f}",
                f"{row.f1:.3f}",
                str(row.support),
            )
        out.print(table)


train_app = typer.Typer(help="Train narrascope's models on the shared tasks' data.", no_args_is_help=True)
app.add_typer(train_app, name="train")


@train_app.command("techniques")
def train_techniques_command(
    data: Annotated[
        Path, typer.Option(help="A SemEval-2023 Task 3 folder (all languages) or one language folder.")
    ],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the model and its card to.")],
    encoder: Annotated[
        str, typer.Option(help="Encoder: the default, a local Hugging Face folder, or a cached model name.")
    ] = "multilingual-e5-small",
    folds: Annotated[int, typer.Option(help="Cross-validation folds, split by article.")] = 5,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed and data give the same model.")] = 0,
    baseline: Annotated[
        bool, typer.Option(help="Also cross-validate the TF-IDF baseline (needs scikit-learn).")
    ] = True,
) -> None:
    """Train the persuasion-technique model, cross-validate it, and write it with its model card."""
    from narrascope.models.training import TrainingSettings, train_techniques

    settings = TrainingSettings(encoder=encoder, folds=folds, seed=seed, baseline=baseline)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = progress.add_task("encoding paragraphs", total=None)

    def report(description: str, done: int, total: int) -> None:
        progress.update(task, description=description, completed=done, total=total)

    try:
        with progress:
            figures = train_techniques(
                data, out_dir, settings, say=lambda m: progress.console.print(escape(m)), progress=report
            )
    except NarrascopeError as exc:
        raise _fail(exc) from None
    micro = figures["figures"]["paragraph_micro_f1"]
    base = figures["figures"]["baseline_paragraph_micro_f1"]
    for language, value in micro.items():
        extra = f" (baseline {base[language]:.3f})" if language in base else ""
        out.print(f"{language}: paragraph micro-F1 {value:.3f}{extra}")
    out.print(f"model card: {escape(str(out_dir / 'MODEL_CARD.md'))}")


@app.command()
def predict(
    task: Annotated[str, typer.Option(help="semeval2023-st3, semeval2023-spans or checkthat2024.")],
    input_path: Annotated[
        Path,
        typer.Option(
            "--input", help="A folder of article<ID>.txt files, or a JSON list of {article_id, text}."
        ),
    ],
    output: Annotated[Path, typer.Option(help="The submission file to write.")],
    model: Annotated[str | None, typer.Option(help="A model folder (default: the shipped model).")] = None,
    threshold: Annotated[float | None, typer.Option(help="One score threshold for every technique.")] = None,
) -> None:
    """Write predictions in a shared task's submission format, ready for its scorer or `evaluate`."""
    from narrascope.predict import predict_submission

    try:
        count, written = predict_submission(task, input_path, output, model, threshold)
    except NarrascopeError as exc:
        raise _fail(exc) from None
    err.print(f"predicted {count} article(s); wrote {written} line(s) or item(s) to {escape(str(output))}")


@app.command("convert")
def convert_command(
    source: Annotated[str, typer.Option("--from", help="Format to read; see --list.")] = "",
    target: Annotated[str, typer.Option("--to", help="Format to write; see --list.")] = "",
    path: Annotated[Path | None, typer.Argument(help="File or folder to read.")] = None,
    out_path: Annotated[
        Path | None, typer.Option("--out", "-o", help="File (or folder, for brat) to write.")
    ] = None,
    extra: Annotated[
        Path | None, typer.Option("--with", help="Second input: PTC labels, or CheckThat article texts.")
    ] = None,
    use_predictions: Annotated[
        bool,
        typer.Option(
            "--predictions", help="Label Studio: read a task's prediction where it has no annotation."
        ),
    ] = False,
    list_formats: Annotated[bool, typer.Option("--list", help="List the formats read and written.")] = False,
) -> None:
    """Convert annotations between the field's formats (SemEval, PTC, CheckThat, Label Studio, brat).

    Every repair the reader makes (clipped, trimmed, re-anchored or dropped spans) is counted.
    """
    from narrascope.convert import READERS, WRITERS, convert

    if list_formats or not (source and target and path and out_path):
        table = Table(header_style="bold")
        for column in ("format", "read (--from)", "written (--to)"):
            table.add_column(column, no_wrap=column == "format")
        for name in sorted(set(READERS) | set(WRITERS)):
            reader, writer = READERS.get(name), WRITERS.get(name)
            table.add_row(name, reader.description if reader else "—", writer.description if writer else "—")
        out.print(table)
        if not list_formats:
            err.print("[red]error[/red]: --from, --to, a path to read and --out are all needed")
        raise typer.Exit(0 if list_formats else 2)
    try:
        docs, written, log = convert(source, target, path, out_path, extra, use_predictions)
    except NarrascopeError as exc:
        raise _fail(exc) from None
    err.print(
        f"read {docs} document(s) as {source}; wrote {written} item(s) as {target} to {escape(str(out_path))}"
    )
    for reason, count in sorted(log.counts.items()):
        err.print(f"  {escape(reason)}: {count}")


@app.command()
def components() -> None:
    """List the registered analyzers with the layers each needs and adds."""
    table = Table(header_style="bold")
    table.add_column("analyzer", no_wrap=True)
    for column in ("needs", "adds", "settings"):
        table.add_column(column)
    try:
        for name in registry.names():
            cls = registry.get(name)
            settings = ", ".join(f"{k}={v!r}" for k, v in cls.defaults.items())
            table.add_row(name, ", ".join(cls.requires) or "—", ", ".join(cls.provides), settings or "—")
    except NarrascopeError as exc:
        raise _fail(exc) from None
    out.print(table)


@app.command("config")
def show_config() -> None:
    """Print the default configuration, with comments: a starting point for --config files."""
    out.print(default_config_text(), markup=False)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (as printed by analyze).")],
    db: Annotated[Path, typer.Option(help="SQLite database.")] = Path("narrascope.db"),
    html: Annotated[bool, typer.Option("--html", help="Print the HTML report instead of JSON.")] = False,
) -> None:
    """Print a stored document's analysis as JSON (or its HTML report)."""
    if not db.exists():
        raise _fail(NarrascopeError("E200", f"{db}: no such database; run `narrascope analyze` first"))
    try:
        with Store(db) as store:
            doc = store.load(doc_id)
    except NarrascopeError as exc:
        raise _fail(exc) from None
    sys.stdout.write(
        render_html(doc) if html else json.dumps(doc.to_json(), ensure_ascii=False, indent=2) + "\n"
    )


def _version_callback(value: bool) -> None:
    if value:
        out.print(f"narrascope {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """narrascope: how a news article persuades, with the evidence in the text."""


def main() -> None:
    app()


if __name__ == "__main__":
    main()
