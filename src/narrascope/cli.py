"""The ``narrascope`` command line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from narrascope import registry
from narrascope._cli_analyze import AnalyzeRun
from narrascope._cli_store import open_store
from narrascope._console import err, out
from narrascope._console import fail as _fail
from narrascope._version import __version__
from narrascope.batch import Shard, load_shards
from narrascope.config import Config, default_config_text, load_config
from narrascope.engines import ENGINES
from narrascope.errors import CODES, NarrascopeError
from narrascope.ingest import Skipped, read_inputs
from narrascope.ingest.mapping import ColumnMapping
from narrascope.pipeline import Pipeline
from narrascope.report import render_html
from narrascope.store.queue import Queue

if TYPE_CHECKING:  # for the annotation only: the training modules load when a command trains, as below
    from narrascope.models.article_training import HeadSettings

app = typer.Typer(
    name="narrascope",
    help="Shows how a news article persuades: persuasion techniques, narratives and the roles they cast, frames and genre, quotes and speakers, people, places and dates, with the evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)


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


@app.command()
def analyze(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders (searched recursively), globs, URLs, or - for standard input. "
            "Text, HTML, JSON Lines, CSV/TSV, RSS/Atom and WARC are recognised by their suffix."
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write `<name>.json` and `<name>.html` for each article here."),
    ] = None,
    db: Annotated[
        Path | None, typer.Option(help="SQLite database to record results in (default: store.path)")
    ] = None,
    no_db: Annotated[
        bool, typer.Option("--no-db", help="Do not keep a database (a temporary one is used).")
    ] = False,
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
    mapping: Annotated[
        str | None,
        typer.Option(
            "--map",
            help="Columns of JSON Lines and CSV inputs, such as text=body,title=headline,published=date "
            "(default: guessed from common names).",
        ),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            help="Score threshold (0-1) for every technique (default: the model's own, see its card)."
        ),
    ] = None,
    engine_name: Annotated[
        str,
        typer.Option(
            "--engine",
            help="Where the analyzers run: auto (a process pool for big batches), serial, process, or ray.",
        ),
    ] = "auto",
    workers: Annotated[
        int | None, typer.Option(help="Worker processes or Ray actors (default: one per CPU core).")
    ] = None,
    ray_address: Annotated[
        str | None, typer.Option(help="Ray cluster to use with --engine ray (default: start Ray here).")
    ] = None,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Analyse again the documents that failed before.")
    ] = False,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Also analyse every pending document already in the database."),
    ] = False,
    shard: Annotated[
        str | None,
        typer.Option(
            help="Take only shard I of N (0-based) of the input records, for job arrays; "
            "results go to --shard-dir, to be read with `narrascope load`."
        ),
    ] = None,
    shard_dir: Annotated[
        Path, typer.Option(help="Folder for shard files with --shard (default: shards).")
    ] = Path("shards"),
    as_json: Annotated[
        bool, typer.Option("--json", help="Print each document as one JSON line instead of a summary.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only errors, warnings and the final count.")
    ] = False,
) -> None:
    """Analyse articles; print a summary of each, and record them in the database.

    Resumable: run the same command again after an interruption and it finishes the work,
    with no document analysed or recorded twice. Exit status: 0 when every input was
    analysed, 1 when any failed, 2 on a usage error.
    """
    reference = _parse_date(published)
    paths = paths or []
    if not paths and not resume and not retry_failed:
        raise typer.BadParameter("give inputs to analyse, or --resume / --retry-failed with --db")
    try:
        config = _build_config(config_path, max_bytes, encoding)
        if threshold is not None:
            config = config.with_analyzer_setting("narrascope.techniques.v1", "threshold", threshold)
        columns = ColumnMapping.parse(mapping) if mapping else None
        chosen = Shard.parse(shard) if shard else None
        if engine_name not in ENGINES:
            raise NarrascopeError(
                "E202", f"unknown engine {engine_name!r} (choose from {', '.join(ENGINES)})"
            )
        Pipeline(config)  # fail on a bad configuration before reading any input
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
    run = AnalyzeRun(
        config,
        out_dir=out_dir,
        as_json=as_json,
        quiet=quiet,
        db=db,
        no_db=no_db,
        shard=chosen,
        shard_dir=shard_dir,
        language=language,
        published=reference,
        retry_failed=retry_failed,
        resume=resume,
        engine=engine_name,
        workers=workers,
        ray_address=ray_address,
    )
    skipped = Skipped()
    try:
        report = run.execute(read_inputs(paths, config, skipped, mapping=columns))
    except NarrascopeError as exc:
        raise _fail(exc) from None
    raise typer.Exit(run.conclude(report, skipped))


@app.command()
def status(
    db: Annotated[Path | None, typer.Option(help="SQLite database (default: store.path)")] = None,
    config_path: Annotated[
        Path | None, typer.Option("--config", help="TOML file merged over the defaults.")
    ] = None,
    failures: Annotated[int, typer.Option(help="List this many of the latest failures.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """What a database holds: inputs done, duplicate and failed; documents pending, done and failed."""
    try:
        config = load_config(config_path)
        with open_store(db, config, read_only=True) as store:
            path = store.path
            queue = Queue(store, config)
            state = queue.status()
            latest = queue.failed(failures)
    except NarrascopeError as exc:
        raise _fail(exc) from None
    if as_json:
        out.print_json(
            json.dumps(
                {
                    "inputs": dict(state.inputs),
                    "documents": dict(state.jobs),
                    "stale": state.stale,
                    "failures_by_code": {code: count for code, _, count in state.failures},
                }
            )
        )
        return
    out.print(f"[bold]{escape(str(path))}[/bold]")
    out.print(
        "inputs     " + ", ".join(f"{state.inputs.get(k, 0)} {k}" for k in ("ok", "duplicate", "failed"))
    )
    out.print(
        "documents  "
        + ", ".join(f"{state.jobs.get(k, 0)} {k}" for k in ("done", "pending", "failed"))
        + (f"  ({state.stale} done by another pipeline or version)" if state.stale else "")
    )
    for code, reason, count in state.failures:
        out.print(
            f"  [red]{code}[/red] ×{count}  {escape(CODES.get(code, ''))}  [dim]e.g. {escape(reason)}[/dim]"
        )
    if latest:
        out.print("[bold]latest failures[/bold]")
        for name, code, reason in latest:
            out.print(f"  {escape(name)}: {code}: {escape(reason)}")
    if state.jobs.get("pending") or state.jobs.get("failed"):
        out.print(
            "[dim]finish with: narrascope analyze --db "
            f"{escape(str(path))} --resume (add --retry-failed to retry failures)[/dim]"
        )


@app.command("refresh")
def refresh_command(
    db: Annotated[Path | None, typer.Option(help="SQLite database (default: store.path)")] = None,
    config_path: Annotated[
        Path | None, typer.Option("--config", help="TOML file merged over the defaults.")
    ] = None,
    quotes: Annotated[
        bool,
        typer.Option(
            "--quotes",
            help="Also attribute quotes again with this version's rules (from stored sentences and entities).",
        ),
    ] = False,
) -> None:
    """Fill in what this version derives from stored spans (spelling and surname keys, the English
    names of regions and international bodies, each actor's role in the article), without
    running a model: for a store analysed by an older version."""
    from narrascope import registry
    from narrascope.refresh import refresh, requote

    config = load_config(config_path)
    try:
        with open_store(db, config, existing=True) as store:
            total = store.count("documents")
            progress = _progress_bar()
            with progress:
                task = progress.add_task("refreshing documents", total=total)
                changed = refresh(store, lambda n: progress.advance(task, n))
                if quotes:  # after refresh: the quote rules read the entities' kinds
                    name = "narrascope.quotes.v1"
                    task = progress.add_task("attributing quotes", total=total)
                    quoted, failures = requote(
                        store,
                        registry.create(name, config.settings(name)),
                        lambda n: progress.advance(task, n),
                    )
    except NarrascopeError as exc:
        raise _fail(exc) from None
    gained = ", ".join(
        f"{changed[key]} {what}"
        for key, what in (
            ("spelling", "spelling keys"),
            ("surname", "surnames"),
            ("body", "regions and bodies named"),
            ("article_role", "article roles"),
            ("pronoun_speaker", "pronouns that name no one as speakers"),
        )
    )
    out.print(
        f"refreshed {changed['spans']} span(s) in {changed['documents']} of {total} document(s): {gained}"
    )
    if quotes:
        out.print(
            f"attributed quotes again: {quoted['documents']} of {total} document(s) changed, "
            f"{quoted['quotes']} quote(s) before, {quoted['now']} now"
        )
        for failure in failures:
            err.print(f"[yellow]kept the quotes of {escape(failure)}[/yellow]")


@app.command("load")
def load_command(
    paths: Annotated[list[Path], typer.Argument(help="Shard files (.jsonl) or folders of them.")],
    db: Annotated[
        Path | None, typer.Option(help="SQLite database to load into (default: store.path)")
    ] = None,
    config_path: Annotated[
        Path | None, typer.Option("--config", help="TOML file merged over the defaults.")
    ] = None,
) -> None:
    """Load the shard files written by `analyze --shard` into one database (the single writer)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("shard-*.jsonl")))
        elif path.exists():
            files.append(path)
        else:
            err.print(f"[red]error[/red]: {escape(str(path))}: no such file or folder")
            raise typer.Exit(2)
    if not files:
        err.print("[red]error[/red]: no shard files (shard-*.jsonl) in the paths given")
        raise typer.Exit(2)
    try:
        config = load_config(config_path)
        with open_store(db, config) as store:
            target = store.path
            counts = load_shards(files, store, config)
    except NarrascopeError as exc:
        raise _fail(exc) from None
    err.print(
        f"loaded {len(files)} shard file(s) into {escape(str(target))}: "
        + ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    )


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


def _progress_bar() -> Progress:
    """A progress bar on stderr, shown only on a terminal and gone when done."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _training_progress() -> tuple[Progress, Callable[[str, int, int], None]]:
    """A progress bar on stderr for a training run, and the callback that moves it."""
    progress = _progress_bar()
    task = progress.add_task("encoding paragraphs", total=None)

    def report(description: str, done: int, total: int) -> None:
        progress.update(task, description=description, completed=done, total=total)

    return progress, report


def _figure(value: object) -> str:
    """A cross-validated figure: a number, or a few named numbers (``0.412 / 0.530``)."""
    if isinstance(value, dict):
        return " / ".join(f"{v:.3f}" for v in value.values())
    return f"{float(value):.3f}"  # type: ignore[arg-type]


_Settings = TypeVar("_Settings", bound="HeadSettings")


def _train_article(
    task: str,
    data: Path,
    out_dir: Path,
    folds: int,
    seed: int,
    baseline: bool,
    cache: Path | None,
    hidden: int | None = None,
) -> None:
    progress, report = _training_progress()
    if hidden is not None and hidden < 1:
        raise _fail(NarrascopeError("E020", f"--hidden {hidden}: the hidden layer needs at least 1 unit"))

    def sized(settings: _Settings) -> _Settings:
        # Only a given --hidden overrides the task's own default (roles use fewer units than the rest).
        return settings if hidden is None else dataclasses.replace(settings, hidden=hidden)

    def say(message: str) -> None:
        progress.console.print(escape(message))

    try:
        with progress:
            if task == "narratives":
                from narrascope.models.narrative_training import NarrativeSettings, train_narratives

                settings = sized(NarrativeSettings(folds=folds, seed=seed, baseline=baseline))
                figures = train_narratives(data, out_dir, settings, say, report, cache)
            elif task == "roles":
                from narrascope.models.role_training import RoleSettings, train_roles

                roles = sized(RoleSettings(folds=folds, seed=seed))
                figures = train_roles(data, out_dir, roles, say, report, cache)
            else:
                from narrascope.models.article_training import ArticleSettings, train_article_model

                settings_ = sized(ArticleSettings(folds=folds, seed=seed, baseline=baseline))
                figures = train_article_model(task, data, out_dir, settings_, say, report, cache)
    except NarrascopeError as exc:
        raise _fail(exc) from None
    found = figures["cross_validation"]
    for language, value in found["model"].items():
        others = ", ".join(
            f"{name} {_figure(scores[language])}" for name, scores in found.items() if name != "model"
        )
        out.print(f"{language}: {figures['metric']} {_figure(value)} (cross-validated; {others})")
    out.print(f"model card: {escape(str(out_dir / 'MODEL_CARD.md'))}")


_DATA_HELP = "The shared task's folder (all languages) or one language folder."
_FOLDS_HELP = "Cross-validation folds, split by article."
_SEED_HELP = "Random seed; the same seed, data and number of CPU threads give the same model."
_CACHE_HELP = (
    "A folder that keeps the encoded articles between runs (frames and genre share most; "
    "so do narratives and roles)."
)
_TASK_OF = {
    "frames": "SemEval-2023 Task 3 subtask 2",
    "genre": "SemEval-2023 Task 3 subtask 1",
    "narratives": "SemEval-2025 Task 10 subtasks 2 and 3",
    "roles": "SemEval-2025 Task 10 subtask 1",
}


def _article_command(task: str) -> Callable[..., None]:
    def command(
        data: Annotated[Path, typer.Option(help=_DATA_HELP)],
        out_dir: Annotated[
            Path, typer.Option("--out", "-o", help="Folder to write the model and its card to.")
        ],
        folds: Annotated[int, typer.Option(help=_FOLDS_HELP)] = 5,
        seed: Annotated[int, typer.Option(help=_SEED_HELP)] = 0,
        baseline: Annotated[
            bool,
            typer.Option(
                help="Also cross-validate the TF-IDF baseline (minutes; roles: the majority, always)."
            ),
        ] = True,
        cache: Annotated[Path | None, typer.Option(help=_CACHE_HELP)] = None,
        hidden: Annotated[
            int | None,
            typer.Option(help="Hidden units of each MLP head (default: the task's own, in its model card)."),
        ] = None,
    ) -> None:
        _train_article(task, data, out_dir, folds, seed, baseline, cache, hidden)

    command.__doc__ = (
        f"Train the {task} model ({_TASK_OF[task]}), cross-validate it, and write it with its card."
    )
    return command


train_app.command("frames")(_article_command("frames"))
train_app.command("genre")(_article_command("genre"))
train_app.command("narratives")(_article_command("narratives"))
train_app.command("roles")(_article_command("roles"))


@train_app.command("entities")
def train_entities_command(
    data: Annotated[
        Path, typer.Option(help="SemEval-2023 Task 3's folder: its en, fr and ru articles are the texts.")
    ],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the model and its card to.")],
    seed: Annotated[int, typer.Option(help=_SEED_HELP)] = 0,
    max_articles: Annotated[int, typer.Option(help="Articles per teacher language at most.")] = 200,
) -> None:
    """Train the entity head on the shared encoder pass (for languages without a recogniser of
    their own), taught by spaCy and natasha; validate it by article and by language left out."""
    from narrascope.models.entity_training import EntitySettings, train_entities

    progress, report = _training_progress()

    def say(message: str) -> None:
        progress.console.print(escape(message))

    try:
        with progress:
            figures = train_entities(
                data, out_dir, EntitySettings(seed=seed, max_articles=max_articles), say, report
            )
    except NarrascopeError as exc:
        raise _fail(exc) from None
    for language, value in figures["validation"]["language left out"].items():
        same = figures["validation"]["held-out articles"][language]
        out.print(
            f"{language}: entity F1 {same['f1']:.3f} on held-out articles, {value['f1']:.3f} with {language} left out"
        )
    out.print(f"model card: {escape(str(out_dir / 'MODEL_CARD.md'))}")


@train_app.command("techniques")
def train_techniques_command(
    data: Annotated[Path, typer.Option(help=_DATA_HELP)],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the model and its card to.")],
    encoder: Annotated[
        str, typer.Option(help="Encoder: the default, a local Hugging Face folder, or a cached model name.")
    ] = "multilingual-e5-small",
    folds: Annotated[int, typer.Option(help=_FOLDS_HELP)] = 5,
    seed: Annotated[int, typer.Option(help=_SEED_HELP)] = 0,
    baseline: Annotated[
        bool,
        typer.Option(help="Also cross-validate the organisers' kind of TF-IDF baseline on the same folds."),
    ] = True,
    development: Annotated[
        bool,
        typer.Option(
            help="Validate on the development articles (dev-articles-subtask-3) where the folders have "
            "them, choose the thresholds and weights there, then train the shipped heads on them too."
        ),
    ] = True,
    quantise: Annotated[
        bool,
        typer.Option(
            help="Run the encoder with int8 linear layers, in training and prediction "
            "(about a quarter faster; slightly lower F1, see the README)."
        ),
    ] = False,
) -> None:
    """Train the persuasion-technique model, cross-validate it, and write it with its model card."""
    from narrascope.models.training import TrainingSettings, train_techniques

    settings = TrainingSettings(
        encoder=encoder,
        folds=folds,
        seed=seed,
        baseline=baseline,
        quantise=quantise,
        development=development,
    )
    progress, report = _training_progress()
    try:
        with progress:
            figures = train_techniques(
                data, out_dir, settings, say=lambda m: progress.console.print(escape(m)), progress=report
            )
    except NarrascopeError as exc:
        raise _fail(exc) from None
    found = figures["figures"]
    on_dev = found["development"].get("paragraph_micro_f1", {})
    base = found["baseline"].get("development_paragraph_micro_f1" if on_dev else "paragraph_micro_f1", {})
    what = "development set" if on_dev else "cross-validated"
    for language, value in (on_dev or found["paragraph_micro_f1"]).items():
        extra = f" (baseline {base[language]:.3f})" if language in base else ""
        out.print(f"{language}: paragraph micro-F1 {value:.3f} ({what}){extra}")
    out.print(f"model card: {escape(str(out_dir / 'MODEL_CARD.md'))}")


@app.command()
def predict(
    task: Annotated[
        str,
        typer.Option(
            help="semeval2023-st1 (genre), semeval2023-st2 (frames), semeval2023-st3 (paragraph "
            "techniques), semeval2023-spans or checkthat2024 (technique spans); semeval2025-st1 "
            "(entity roles), semeval2025-st2 (narratives), semeval2025-st3 (dominant narrative "
            "and explanation)."
        ),
    ],
    input_path: Annotated[
        Path,
        typer.Option(
            "--input",
            help="A folder of `article<ID>.txt` files, or a JSON list of {article_id, text}; for "
            "semeval2025 tasks, a folder whose every `<DOC>.txt` file is one document.",
        ),
    ],
    output: Annotated[Path, typer.Option(help="The submission file to write.")],
    model: Annotated[
        str | None, typer.Option(help="A model folder for the task (default: the shipped model).")
    ] = None,
    threshold: Annotated[
        float | None, typer.Option(help="One score threshold for every technique, frame or narrative.")
    ] = None,
    mentions: Annotated[
        Path | None,
        typer.Option(help="semeval2025-st1: the mentions file (DOC, mention, start, end; tab-separated)."),
    ] = None,
) -> None:
    """Write predictions in a shared task's submission format, ready for its scorer or `evaluate`."""
    from narrascope.predict import predict_submission

    try:
        count, failed, written = predict_submission(
            task,
            input_path,
            output,
            model,
            threshold,
            warn=lambda m: err.print(f"warning: {escape(m)}"),
            mentions_path=mentions,
        )
    except NarrascopeError as exc:
        raise _fail(exc) from None
    err.print(
        f"predicted {count - failed} of {count} article(s); wrote {written} line(s) or item(s) "
        f"to {escape(str(output))}"
    )
    if failed:
        raise typer.Exit(1)


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
    """List the registered analyzers with the layers each needs and adds, and the languages it covers."""
    table = Table(header_style="bold")
    table.add_column("analyzer", no_wrap=True)
    for column in ("needs", "adds", "languages", "settings"):
        table.add_column(column)
    try:
        for name in registry.names():
            cls = registry.get(name)
            settings = ", ".join(f"{k}={v!r}" for k, v in cls.defaults.items())
            languages = ", ".join(cls.languages) if cls.languages is not None else "all"
            table.add_row(
                name, ", ".join(cls.requires) or "—", ", ".join(cls.provides), languages, settings or "—"
            )
    except NarrascopeError as exc:
        raise _fail(exc) from None
    out.print(table)
    from narrascope import support

    by_language = Table(
        title="What works in which language (P/R: precision and recall measured on annotated articles)",
        header_style="bold",
    )
    by_language.add_column("language")
    for column, _, _ in support.ANALYSES:
        by_language.add_column(column)
    for row in support.support_rows():
        by_language.add_row(*row)
    out.print(by_language)
    measured = support.figures().get("command")
    if measured:
        out.print(f"Measured with: {escape(str(measured))}")


@app.command("config")
def show_config() -> None:
    """Print the default configuration, with comments: a starting point for --config files."""
    out.print(default_config_text(), markup=False)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (as printed by analyze).")],
    db: Annotated[Path | None, typer.Option(help="SQLite database (default: store.path).")] = None,
    config_path: Annotated[
        Path | None, typer.Option("--config", help="TOML file merged over the defaults.")
    ] = None,
    html: Annotated[bool, typer.Option("--html", help="Print the HTML report instead of JSON.")] = False,
) -> None:
    """Print a stored document's analysis as JSON (or its HTML report)."""
    try:
        with open_store(db, load_config(config_path), read_only=True) as store:
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


from narrascope._cli_corpus import register as _register_corpus  # noqa: E402
from narrascope._cli_serve import register as _register_serve  # noqa: E402

_register_corpus(app)
_register_serve(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
