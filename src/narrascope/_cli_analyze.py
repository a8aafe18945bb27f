"""The terminal side of ``narrascope analyze``: one invocation's options, its run, what it shows.

The batch itself is narrascope.batch's. An :class:`AnalyzeRun` chooses where it goes (a shard
file or the store), and hears of it as it goes: the progress bar, each error and warning as it
comes, each document's summary or JSON line, the reports written under ``--out``; then it
prints the closing count and says what the exit status is.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.table import Table

from narrascope._cli_store import open_store
from narrascope._console import err, out
from narrascope.batch import BatchReport, Shard, run_into_store, run_shard
from narrascope.config import Config
from narrascope.document import Document
from narrascope.engines import Engine, make_engine
from narrascope.errors import InputError, NarrascopeError
from narrascope.ingest import Skipped
from narrascope.pipeline import Outcome
from narrascope.report import render_html
from narrascope.taxonomy import subnarrative_name

__all__ = ["AnalyzeRun"]

# Show a progress bar only where it helps: batches, on a terminal.
_PROGRESS_MIN_INPUTS = 3


def _progress() -> Progress:
    """A bar with rate and time left, started only once a batch turns out to have several inputs."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        auto_refresh=True,
    )


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
    from narrascope.analyzers.roles import cast_summary

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
    framing = [f"[bold]Genre[/bold]  {escape(g.label)} {g.score or 0:.2f}" for g in doc.labels_of("genre")]
    frames = doc.labels_of("frame")
    if frames:
        framing.append(
            "[bold]Frames[/bold]  " + ", ".join(f"{escape(f.label)} {f.score or 0:.2f}" for f in frames)
        )
    if framing:
        out.print("   ".join(framing))
    for dominant in doc.labels_of("dominant_narrative"):
        if dominant.attrs.get("found") is False:
            closest = f"closest: {escape(dominant.label)} {dominant.score or 0:.2f}"
            out.print(f"[bold]Narrative[/bold]  Other (no narrative of the taxonomy is likely; {closest})")
            continue
        sub = subnarrative_name(str(dominant.attrs.get("subnarrative", "")))
        out.print(
            f"[bold]Narrative[/bold]  {escape(dominant.label)} — {escape(sub)} {dominant.score or 0:.2f}"
        )
        if dominant.attrs.get("explanation"):
            out.print(f"  [dim]{escape(str(dominant.attrs['explanation']))}[/dim]")
    cast = [
        f"[bold]{label}[/bold] " + ", ".join(escape(name) for name, _, _ in people[:5])
        for label, people in cast_summary(doc).items()
        if people
    ]
    if cast:
        out.print("   ".join(cast))
    entities: Counter[tuple[str, str]] = Counter((s.label, s.name_in(doc)) for s in doc.layer("entity"))
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
            who = (
                quote.attrs.get("speaker_entity")
                or quote.attrs.get("speaker")
                or ("interviewer" if quote.attrs.get("turn") == "question" else "—")
            )
            text = " ".join(quote.text_in(doc).split())
            table.add_row(
                escape(str(who)), quote.label, escape(text if len(text) < 140 else text[:137] + "…")
            )
        out.print(table)
    dates = doc.layer("date")
    if dates:
        shown = ", ".join(f"{escape(d.text_in(doc))} → {d.attrs.get('value') or '?'}" for d in dates[:12])
        out.print(f"[bold]Dates[/bold]  {shown}")
        if doc.published is None and any(d.attrs.get("value") is None for d in dates[:12]):
            # a date without its year, or relative to the day, is resolved against the publication date
            out.print(
                "  [dim]? needs the publication date, which the input does not give (--published YYYY-MM-DD)[/dim]"
            )
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
    left_out = doc.metadata.get("not_reported", {}).get("technique", {}).get("labels", [])
    if left_out:
        out.print(
            f"  [dim]not reported in language '{escape(str(doc.language))}', whose annotators never "
            f"used them: {escape(', '.join(left_out))}[/dim]"
        )
    phrases = [q.text_in(doc) for q in doc.layer("quote") if q.label == "phrase"]
    if phrases:
        out.print(f"[bold]Quoted phrases[/bold]  {escape(', '.join(phrases))}")


@dataclass
class AnalyzeRun:
    """One ``analyze`` invocation: its options, the batch run, and what the terminal is told."""

    config: Config
    out_dir: Path | None = None
    as_json: bool = False
    quiet: bool = False
    db: Path | None = None
    no_db: bool = False
    shard: Shard | None = None
    shard_dir: Path = Path("shards")
    language: str | None = None
    published: dt.date | None = None
    retry_failed: bool = False
    resume: bool = False
    engine: str = "auto"
    workers: int | None = None
    ray_address: str | None = None
    progress: Progress = field(default_factory=_progress, init=False)
    _names: _ReportNames = field(default_factory=_ReportNames, init=False)
    _seen: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._reading: TaskID = self.progress.add_task("reading inputs", total=None, rate="")
        self._analysing: TaskID = self.progress.add_task("analysing", total=None, rate="", visible=False)

    def execute(self, items: Iterable[Document | InputError]) -> BatchReport:
        """Run the batch into this shard's file (``--shard``) or into the store."""
        with self.progress:
            if self.shard is not None:
                return run_shard(
                    items,
                    self.shard,
                    self.shard_dir,
                    self.config,
                    self._engine,
                    language=self.language,
                    published=self.published,
                    retry_failed=self.retry_failed,
                    on_input=self.on_input,
                    on_outcome=self.on_outcome,
                )
            with open_store(self.db, self.config, temporary=self.no_db) as store:
                return run_into_store(
                    items,
                    store,
                    self.config,
                    self._engine,
                    language=self.language,
                    published=self.published,
                    retry_failed=self.retry_failed,
                    resume_all=self.resume,
                    on_input=self.on_input,
                    on_outcome=self.on_outcome,
                    on_start=self.on_start,
                    # Reports and JSON lines cover every document of the run, summaries only new ones.
                    on_earlier=self.on_earlier if self.out_dir is not None or self.as_json else None,
                )

    def conclude(self, report: BatchReport, skipped: Skipped) -> int:
        """Print the closing lines; return the exit status: 0 when every input was analysed, else 1."""
        if skipped:
            err.print(f"[yellow]note[/yellow]: {escape(skipped.describe())}")
        if report.total == 0:
            err.print("[red]error[/red]: no input to analyse was found")
        if report.already_done:
            err.print(
                f"[dim]{report.already_done} document(s) were already analysed by this pipeline; "
                "not analysed again[/dim]"
            )
        parts = [f"analysed {report.ok} of {report.total} input(s)"]
        if report.duplicates:
            parts.append(f"{report.duplicates} duplicate(s)")
        if report.failed:
            parts.append(f"[red]{report.failed} failed[/red]")
        if report.pending:
            parts.append(f"{report.pending} pending")
        places = [f"reports in {self.out_dir}"] if self.out_dir is not None and report.ok else []
        if report.shard_file is not None:
            places.append(
                f"results in {report.shard_file}; load them with: narrascope load {report.shard_file.parent}"
            )
        elif report.store is not None and not self.no_db:
            places.append(f"recorded in {report.store}")
        err.print(", ".join(parts) + (f"; {escape('; '.join(places))}" if places else ""))
        return 0 if report.succeeded else 1

    # -- what the batch tells --------------------------------------------------------------

    def on_input(self, key: str, status: str, error: NarrascopeError | None) -> None:
        self._seen += 1
        if self._seen == _PROGRESS_MIN_INPUTS:
            self._show_progress()
        self.progress.update(self._reading, completed=self._seen)
        if error is not None:
            self.progress.console.print(f"[red]error[/red]: {escape(str(error))}")

    def on_start(self, pending: int) -> None:
        self.progress.update(self._reading, visible=False)
        self.progress.update(self._analysing, total=pending, visible=True)
        if pending >= _PROGRESS_MIN_INPUTS:
            self._show_progress()

    def on_outcome(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            self.progress.console.print(f"[red]error[/red]: {escape(str(outcome.error))}")
        elif outcome.document is not None:
            for warning in outcome.document.warnings():
                self.progress.console.print(f"[yellow]warning[/yellow]: {escape(warning)}")
            self._write(outcome.document)
            if not self.as_json and not self.quiet:
                _summary(outcome.document)
        self.progress.advance(self._analysing)
        task = self.progress.tasks[self._analysing]
        elapsed = task.elapsed or 0.0
        self.progress.update(self._analysing, rate=f"{task.completed / elapsed:.1f}/s" if elapsed else "")

    def on_earlier(self, doc: Document) -> None:
        """A document this pipeline analysed in an earlier run: written out, not summarised again."""
        self._write(doc)

    def _write(self, doc: Document) -> None:
        if self.out_dir is not None:
            stem = self._names(doc)
            (self.out_dir / f"{stem}.json").write_text(doc.dumps(), encoding="utf-8")
            (self.out_dir / f"{stem}.html").write_text(render_html(doc), encoding="utf-8")
        if self.as_json:
            sys.stdout.write(doc.dumps(indent=None) + "\n")

    def _engine(self, pending: int | None) -> Engine:
        return make_engine(self.engine, self.config, self.workers, pending, self.ray_address)

    def _show_progress(self) -> None:
        if err.is_terminal and not self.progress.live.is_started:
            self.progress.start()
