"""Entities, dates and quotes with their speakers, per language, on a small gold set of our own.

    python benchmarks/multilingual.py [--languages en,ru,...] [--config FILE] [--errors] [--json OUT]
    python benchmarks/multilingual.py --semeval [--limit N] [--data ../shared/data/semeval2025-task10]

The gold set (``benchmarks/data/multilingual/<lang>.json``, its README says how it is annotated)
holds three short news articles in each of en ru uk de fr it es pl pt bg, written for this
project. Each article is analysed with the configured pipeline cut down to the analyzers that
provide ``language``, ``paragraph``/``sentence``, ``entity``, ``date`` and ``quote`` and those
that provide what they require (none of the technique, frame, genre or narrative heads), with
its language and publication date given, and scored with these rules:

* **entities**: only predicted spans labelled PER, ORG or LOC are scored (the gold set does not
  annotate groups and nationalities, spaCy's NORP). A predicted span is correct when it overlaps
  a gold span with the same label; a gold span is found when a predicted span with the same
  label overlaps it (precision = correct predictions / predictions, recall = found gold / gold).
  The same, label-agnostic, is reported too. **Normal-form accuracy**: on the gold spans found
  (same label), the share where the most-overlapping prediction's ``attrs["normal"]`` equals the
  gold ``normal`` (Unicode NFC, white space collapsed, case kept).
* **dates**: a predicted span is correct when it overlaps a gold span and its ``attrs["value"]``
  equals the gold ISO value (``2023-06-04``, ``2023-06`` or ``2023``); recall likewise. Date
  span recall counts gold spans overlapped by any predicted date, whatever its value.
* **quotes**: predicted ``direct`` and ``reported`` quotes are scored (``phrase``, scare quotes
  without a speaker, is left out; the gold set has none). A prediction matches a gold quote
  when it covers at least half of the gold quote's characters and the speaker matches: the
  last word of the gold speaker ("Martin Hale" -> "hale") occurs in the predicted
  ``speaker_entity``, ``speaker_normal`` or ``speaker`` (case-insensitive), or the last word of one of those
  occurs in the gold speaker. A word under three letters must match a whole word. Quote span
  recall counts gold quotes covered at least half by any predicted quote, whatever its speaker.

Figures are micro-averaged over a language's articles (the ``all`` row over every article). A
precision with nothing predicted is
0, so that an analyzer that skips a language (warning W152, layers left empty) reports zeros.
``evaluate_language(lang)`` returns one language's figures as a dict (the pipeline is built
once per process), for a test to hold floors against. ``--errors`` lists every miss and wrong
prediction, article by article.

``--semeval`` adds entity mention recall on SemEval-2025 Task 10's training documents (read
from ``../shared/data``, never written anywhere): the share of annotated subtask 1 mentions
(re-anchored as ``narrascope.formats.semeval2025`` does) overlapped by a predicted entity span
of any label, and the share matched exactly. ``--limit N`` takes the first N documents (by
name) with at least one mention per language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from _data import SHARED_DATA
from narrascope import registry
from narrascope._chars import in_word
from narrascope._console import err
from narrascope.config import Config, load_config
from narrascope.document import Document, Span
from narrascope.errors import NarrascopeError
from narrascope.formats._common import RepairLog
from narrascope.formats.semeval2025 import LANGUAGES as SEMEVAL_LANGUAGES
from narrascope.formats.semeval2025 import anchor_mention, read_roles
from narrascope.pipeline import Pipeline

__all__ = [
    "DATA",
    "LANGUAGES",
    "GoldArticle",
    "GoldError",
    "GoldSpan",
    "article_errors",
    "build_pipeline",
    "evaluate_language",
    "load_gold",
    "markdown_table",
    "score_article",
    "semeval_recall",
    "speaker_matches",
]

LANGUAGES = ("en", "ru", "uk", "de", "fr", "it", "es", "pl", "pt", "bg", "hi")
DATA = Path(__file__).parent / "data" / "multilingual"
SEMEVAL = SHARED_DATA / "semeval2025-task10"

ENTITY_LABELS = ("PER", "ORG", "LOC")
QUOTE_KINDS = ("direct", "reported")
# The analyzers a measured pipeline keeps: those that provide one of these layers, and those
# that provide what they require.
_LAYERS = {"language", "paragraph", "sentence", "entity", "date", "quote"}
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_WORD = re.compile(r"\w(?:[\w'’-]*\w)?")
_KEYS = {
    "article": ({"id", "language", "published", "text", "entities", "dates", "quotes"}, set()),
    "entities": ({"text", "label", "normal"}, {"occurrence"}),
    "dates": ({"text", "value"}, {"occurrence"}),
    "quotes": ({"text", "speaker", "kind"}, {"occurrence"}),
}


class GoldError(ValueError):
    """A gold file that is not well-formed: the message names the file, article and item."""


@dataclass(frozen=True)
class GoldSpan:
    """One gold item resolved to offsets: ``label`` is PER/ORG/LOC, ``date`` or direct/reported;
    ``value`` the entity's normal form, the date's ISO value or the quote's speaker."""

    start: int
    end: int
    label: str
    value: str


@dataclass(frozen=True)
class GoldArticle:
    id: str
    language: str
    published: dt.date
    text: str
    entities: list[GoldSpan] = field(default_factory=list)
    dates: list[GoldSpan] = field(default_factory=list)
    quotes: list[GoldSpan] = field(default_factory=list)

    def document(self) -> Document:
        """A fresh document to analyse, with the language and publication date given."""
        return Document(
            text=self.text, language=self.language, published=self.published, metadata={"gold": self.id}
        )


# --- the gold set ---------------------------------------------------------------------------


def occurrences(text: str, needle: str) -> list[int]:
    """Starts of ``needle`` in ``text`` where it is not part of a longer word."""
    found: list[int] = []
    at = text.find(needle) if needle else -1
    while at != -1:
        before = text[at - 1] if at > 0 else ""
        after = text[at + len(needle)] if at + len(needle) < len(text) else ""
        if not (in_word(needle[0]) and in_word(before)) and not (in_word(needle[-1]) and in_word(after)):
            found.append(at)
        at = text.find(needle, at + 1)
    return found


def _iso_value(value: object, where: str) -> str:
    if not isinstance(value, str) or not _ISO.fullmatch(value):
        raise GoldError(f"{where}: value {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise GoldError(f"{where}: value {value!r} is not a real date") from None
    return value


def _string(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise GoldError(f"{where}: {key!r} must be a non-empty string, not {value!r}")
    return value


def _keys(item: object, kind: str, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected an object, not {type(item).__name__}")
    required, optional = _KEYS[kind]
    missing, unknown = required - set(item), set(item) - required - optional
    if missing or unknown:
        what = [
            f"missing {sorted(missing)}" if missing else "",
            f"unknown {sorted(unknown)}" if unknown else "",
        ]
        raise GoldError(f"{where}: {'; '.join(w for w in what if w)}")
    return item


def _resolve(text: str, item: dict[str, Any], where: str) -> tuple[int, int]:
    """Offsets of the item's surface string, by its ``occurrence`` when it occurs more than once."""
    surface = _string(item, "text", where)
    if surface != surface.strip():
        raise GoldError(f"{where}: text {surface!r} starts or ends with white space")
    starts = occurrences(text, surface)
    if not starts:
        raise GoldError(f"{where}: text {surface!r} does not occur in the article")
    occurrence = item.get("occurrence")
    if occurrence is None:
        if len(starts) > 1:
            raise GoldError(
                f"{where}: text {surface!r} occurs {len(starts)} times (at {starts}); "
                'give "occurrence" (0-based)'
            )
        occurrence = 0
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or not 0 <= occurrence < len(starts):
        raise GoldError(
            f"{where}: occurrence {occurrence!r} of {surface!r}, which occurs {len(starts)} time(s)"
        )
    return starts[occurrence], starts[occurrence] + len(surface)


def _no_overlaps(spans: list[GoldSpan], text: str, where: str) -> None:
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    for a, b in itertools.pairwise(ordered):
        if b.start < a.end:
            raise GoldError(
                f"{where}: {text[a.start : a.end]!r} and {text[b.start : b.end]!r} overlap "
                "(or one is listed twice)"
            )


def _article(raw: object, language: str, where: str) -> GoldArticle:
    item = _keys(raw, "article", where)
    article_id = _string(item, "id", where)
    where = f"{where} {article_id}"
    if item["language"] != language:
        raise GoldError(f"{where}: language {item['language']!r} in the file of {language!r}")
    try:
        published = dt.date.fromisoformat(_string(item, "published", where))
    except ValueError:
        raise GoldError(f"{where}: published {item['published']!r} is not an ISO date") from None
    text = _string(item, "text", where)
    if "\r" in text:
        raise GoldError(f"{where}: the text holds a carriage return; use \\n line breaks")
    layers: dict[str, list[GoldSpan]] = {"entities": [], "dates": [], "quotes": []}
    for kind, spans in layers.items():
        items = item[kind]
        if not isinstance(items, list):
            raise GoldError(f"{where}: {kind!r} must be a list")
        for number, entry in enumerate(items):
            here = f"{where} {kind}[{number}]"
            entry = _keys(entry, kind, here)
            start, end = _resolve(text, entry, here)
            if kind == "entities":
                label, value = _string(entry, "label", here), _string(entry, "normal", here)
                if label not in ENTITY_LABELS:
                    raise GoldError(f"{here}: label {label!r} is not one of {', '.join(ENTITY_LABELS)}")
            elif kind == "dates":
                label, value = "date", _iso_value(entry["value"], here)
            else:
                label, value = _string(entry, "kind", here), _string(entry, "speaker", here)
                if label not in QUOTE_KINDS:
                    raise GoldError(f"{here}: kind {label!r} is not one of {', '.join(QUOTE_KINDS)}")
            spans.append(GoldSpan(start, end, label, value))
        _no_overlaps(spans, text, f"{where} {kind}")
    return GoldArticle(article_id, language, published, text, **layers)


def load_gold(language: str, folder: Path = DATA) -> list[GoldArticle]:
    """The articles of one language, every item resolved to offsets; GoldError when the file is
    not well-formed (an item that does not occur, an ambiguous one, a bad label or value ...)."""
    path = folder / f"{language}.json"
    if not path.is_file():
        raise GoldError(f"{path}: no gold file for language {language!r}")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not JSON: {exc}") from None
    if not isinstance(raw, list) or not raw:
        raise GoldError(f"{path}: expected a non-empty list of articles")
    articles = [_article(entry, language, f"{path.name}[{n}]") for n, entry in enumerate(raw)]
    ids = Counter(a.id for a in articles)
    if max(ids.values()) > 1:
        raise GoldError(f"{path}: article ids listed twice: {sorted(i for i, n in ids.items() if n > 1)}")
    return articles


# --- scoring --------------------------------------------------------------------------------


@dataclass
class Tally:
    """Predictions and gold items of one kind, with how many of each were matched."""

    predicted: int = 0
    predicted_correct: int = 0
    gold: int = 0
    gold_found: int = 0

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.predicted_correct += other.predicted_correct
        self.gold += other.gold
        self.gold_found += other.gold_found

    def figures(self) -> dict[str, float | int]:
        precision = self.predicted_correct / self.predicted if self.predicted else 0.0
        recall = self.gold_found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
        }


@dataclass
class Scores:
    """Everything counted on one or more articles."""

    entities: Tally = field(default_factory=Tally)
    entities_any_label: Tally = field(default_factory=Tally)
    normal_checked: int = 0
    normal_correct: int = 0
    dates: Tally = field(default_factory=Tally)
    date_spans_found: int = 0
    quotes: Tally = field(default_factory=Tally)
    quote_spans_found: int = 0
    quotes_found_by_kind: Counter[str] = field(default_factory=Counter)
    quotes_by_kind: Counter[str] = field(default_factory=Counter)

    def add(self, other: Scores) -> None:
        self.entities.add(other.entities)
        self.entities_any_label.add(other.entities_any_label)
        self.normal_checked += other.normal_checked
        self.normal_correct += other.normal_correct
        self.dates.add(other.dates)
        self.date_spans_found += other.date_spans_found
        self.quotes.add(other.quotes)
        self.quote_spans_found += other.quote_spans_found
        self.quotes_found_by_kind.update(other.quotes_found_by_kind)
        self.quotes_by_kind.update(other.quotes_by_kind)

    def figures(self) -> dict[str, Any]:
        any_label = self.entities_any_label.figures()
        entities = {
            **self.entities.figures(),
            "precision_any_label": any_label["precision"],
            "recall_any_label": any_label["recall"],
            "normal_checked": self.normal_checked,
            "normal_accuracy": round(self.normal_correct / self.normal_checked, 3)
            if self.normal_checked
            else 0.0,
        }
        dates = {**self.dates.figures(), "span_recall": _share(self.date_spans_found, self.dates.gold)}
        quotes = {
            **self.quotes.figures(),
            "span_recall": _share(self.quote_spans_found, self.quotes.gold),
            **{
                f"recall_{kind}": _share(self.quotes_found_by_kind[kind], self.quotes_by_kind[kind])
                for kind in QUOTE_KINDS
            },
        }
        return {"entities": entities, "dates": dates, "quotes": quotes}


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _occurs(word: str, text: str) -> bool:
    """``word`` in ``text``, case-insensitive: as a substring, or as a whole word when short."""
    if len(word) >= 3:
        return word in text.casefold()
    return word in _words(text)


def speaker_matches(predicted: Span, gold_speaker: str) -> bool:
    """The predicted quote's ``speaker_entity``, ``speaker_normal`` or ``speaker`` names the gold
    speaker: the gold speaker's last word occurs in it, or its last word occurs in the gold
    speaker."""
    gold_words = _words(gold_speaker)
    if not gold_words:
        return False
    names = ("speaker_entity", "speaker_normal", "speaker")
    for name in (predicted.attrs.get(key) for key in names):
        if not isinstance(name, str) or not _words(name):
            continue
        if _occurs(gold_words[-1], name) or _occurs(_words(name)[-1], gold_speaker):
            return True
    return False


def _match_layer(
    gold: Sequence[GoldSpan],
    predicted: Sequence[Span],
    fits: Any,
) -> tuple[Tally, list[Span | None]]:
    """Tally of predictions against gold under ``fits(gold, predicted) -> bool``, and for each
    gold span the matching prediction that overlaps it most (None where none fits)."""
    tally = Tally(predicted=len(predicted), gold=len(gold))
    best: list[Span | None] = []
    correct: set[int] = set()
    for g in gold:
        fitting = [(n, p) for n, p in enumerate(predicted) if fits(g, p)]
        correct.update(n for n, _ in fitting)
        if fitting:
            tally.gold_found += 1
            best.append(max((p for _, p in fitting), key=lambda p: _overlap(g.start, g.end, p.start, p.end)))
        else:
            best.append(None)
    tally.predicted_correct = len(correct)
    return tally, best


def _overlaps(g: GoldSpan, p: Span) -> bool:
    return _overlap(g.start, g.end, p.start, p.end) > 0


def _covers_half(g: GoldSpan, p: Span) -> bool:
    return 2 * _overlap(g.start, g.end, p.start, p.end) >= g.end - g.start


def score_article(article: GoldArticle, doc: Document) -> Scores:
    """Scores of one analysed document against its gold article (the rules in the docstring)."""
    scores = Scores()
    entities = [s for s in doc.layer("entity") if s.label in ENTITY_LABELS]
    scores.entities, best = _match_layer(
        article.entities, entities, lambda g, p: _overlaps(g, p) and g.label == p.label
    )
    scores.entities_any_label, _ = _match_layer(article.entities, entities, _overlaps)
    for g, p in zip(article.entities, best, strict=True):
        if p is not None:
            scores.normal_checked += 1
            predicted_normal = str(p.attrs.get("normal") or p.text_in(doc))
            scores.normal_correct += _normal(predicted_normal) == _normal(g.value)

    dates = doc.layer("date")
    scores.dates, _ = _match_layer(
        article.dates, dates, lambda g, p: _overlaps(g, p) and p.attrs.get("value") == g.value
    )
    scores.date_spans_found = _match_layer(article.dates, dates, _overlaps)[0].gold_found

    quotes = [s for s in doc.layer("quote") if s.label in QUOTE_KINDS]
    scores.quotes, best = _match_layer(
        article.quotes, quotes, lambda g, p: _covers_half(g, p) and speaker_matches(p, g.value)
    )
    scores.quote_spans_found = _match_layer(article.quotes, quotes, _covers_half)[0].gold_found
    for g, p in zip(article.quotes, best, strict=True):
        scores.quotes_by_kind[g.label] += 1
        scores.quotes_found_by_kind[g.label] += p is not None
    return scores


def article_errors(article: GoldArticle, doc: Document) -> list[str]:
    """What the analyzers missed or got wrong on one article, a line each, under the same rules."""
    text, lines = article.text, []

    def show(start: int, end: int) -> str:
        return repr(" ".join(text[start:end].split()))

    entities = [s for s in doc.layer("entity") if s.label in ENTITY_LABELS]
    for g in article.entities:
        same = [p for p in entities if _overlaps(g, p) and p.label == g.label]
        if not same:
            other = [p.label for p in entities if _overlaps(g, p)]
            lines.append(
                f"entity missed: {g.label} {show(g.start, g.end)}" + (f" (found as {other})" if other else "")
            )
        else:
            best = max(same, key=lambda p: _overlap(g.start, g.end, p.start, p.end))
            normal = str(best.attrs.get("normal") or best.text_in(doc))
            if _normal(normal) != _normal(g.value):
                lines.append(f"entity normal: {show(g.start, g.end)} -> {normal!r}, gold {g.value!r}")
    for p in entities:
        if not any(_overlaps(g, p) and g.label == p.label for g in article.entities):
            lines.append(f"entity wrong: {p.label} {show(p.start, p.end)}")
    dates = doc.layer("date")
    for g in article.dates:
        near = [str(p.attrs.get("value")) for p in dates if _overlaps(g, p)]
        if g.value not in near:
            lines.append(
                f"date missed: {show(g.start, g.end)} {g.value}" + (f" (found as {near})" if near else "")
            )
    for p in dates:
        if not any(_overlaps(g, p) and p.attrs.get("value") == g.value for g in article.dates):
            lines.append(f"date wrong: {show(p.start, p.end)} {p.attrs.get('value')}")
    quotes = [s for s in doc.layer("quote") if s.label in QUOTE_KINDS]
    for g in article.quotes:
        covering = [p for p in quotes if _covers_half(g, p)]
        if not covering:
            lines.append(f"quote missed: {g.label} {show(g.start, g.end)[:60]} ({g.value})")
        elif not any(speaker_matches(p, g.value) for p in covering):
            said = [p.attrs.get("speaker_entity") or p.attrs.get("speaker") for p in covering]
            lines.append(f"quote speaker: {show(g.start, g.end)[:60]} -> {said}, gold {g.value!r}")
    for p in quotes:
        if not any(_covers_half(g, p) for g in article.quotes):
            lines.append(f"quote wrong: {p.label} {show(p.start, p.end)[:60]}")
    return [f"{article.id}: {line}" for line in lines]


# --- running the analyzers ------------------------------------------------------------------


def build_pipeline(config: Config | None = None) -> Pipeline:
    """The configured pipeline cut down to the analyzers that provide the measured layers and
    those that provide what they need (language, segmentation, an encoder pass), accepting every
    language."""
    base = config or load_config()
    registry.load_plugins(base.plugins)
    classes = {name: registry.get(name) for name in base.analyzers}
    wanted = set(_LAYERS)
    names: list[str] = []
    while True:
        more = [n for n, c in classes.items() if n not in names and wanted & set(c.provides)]
        if not more:
            break
        names += more
        wanted |= {layer for n in more for layer in classes[n].requires}
    names = [n for n in base.analyzers if n in names]  # in the configured order
    pipeline = {**base.data["pipeline"], "analyzers": names, "languages": []}
    return Pipeline(Config({**base.data, "pipeline": pipeline}))


@functools.cache
def _default_pipeline() -> Pipeline:
    return build_pipeline()


def _analyse(pipeline: Pipeline, docs: Sequence[Document], batch_size: int = 8) -> Iterable[Document]:
    for outcome in pipeline.run(docs, batch_size=batch_size):
        if outcome.document is None or outcome.error is not None:
            raise RuntimeError(f"{outcome.name}: the pipeline failed: {outcome.error}")
        yield outcome.document


def _evaluate(
    language: str, pipeline: Pipeline, folder: Path, errors: list[str] | None = None
) -> tuple[Scores, dict[str, Any]]:
    articles = load_gold(language, folder)
    docs = list(_analyse(pipeline, [a.document() for a in articles]))
    total = Scores()
    not_covered: set[str] = set()
    warnings: list[str] = []
    for article, doc in zip(articles, docs, strict=True):
        total.add(score_article(article, doc))
        if errors is not None:
            errors += article_errors(article, doc)
        not_covered.update(doc.metadata.get("not_covered", {}))
        warnings += [w for w in doc.warnings() if w not in warnings]
    figures = {
        "language": language,
        "articles": len(articles),
        **total.figures(),
        "not_covered": sorted(not_covered),
        "warnings": warnings,
    }
    return total, figures


def evaluate_language(language: str, pipeline: Pipeline | None = None, folder: Path = DATA) -> dict[str, Any]:
    """One language's figures: {"language", "articles", "entities": {...}, "dates": {...},
    "quotes": {...}, "not_covered": [layers an analyzer skipped], "warnings": [...]}; each layer
    has "gold", "predicted", "precision", "recall", "f1" and the extras of the docstring."""
    return _evaluate(language, pipeline or _default_pipeline(), folder)[1]


def _cell(value: float) -> str:
    return f"{value:.2f}"


def markdown_table(results: Sequence[dict[str, Any]]) -> str:
    """One row per figures dict (a language, or all of them): precision / recall of each analyzer."""
    rows = list(results)
    lines = [
        "| lang | articles | entities gold / pred | entities P / R | any label P / R | normal form acc. "
        "| dates gold / pred | dates P / R | date span R | quotes gold / pred | quotes P / R "
        "| quote span R | not covered |",
        "|---|---:|---:|---|---|---:|---:|---|---:|---:|---|---:|---|",
    ]
    for r in rows:
        e, d, q = r["entities"], r["dates"], r["quotes"]
        lines.append(
            f"| {r['language']} | {r['articles']} | {e['gold']} / {e['predicted']} "
            f"| {_cell(e['precision'])} / {_cell(e['recall'])} "
            f"| {_cell(e['precision_any_label'])} / {_cell(e['recall_any_label'])} "
            f"| {_cell(e['normal_accuracy'])} ({e['normal_checked']}) "
            f"| {d['gold']} / {d['predicted']} | {_cell(d['precision'])} / {_cell(d['recall'])} "
            f"| {_cell(d['span_recall'])} | {q['gold']} / {q['predicted']} "
            f"| {_cell(q['precision'])} / {_cell(q['recall'])} | {_cell(q['span_recall'])} "
            f"| {', '.join(r.get('not_covered', [])) or '—'} |"
        )
    return "\n".join(lines)


# --- SemEval-2025 mention recall ------------------------------------------------------------


def _read_text(path: Path) -> str:
    """As stored, line breaks untranslated, so that the annotation offsets fit."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _semeval_documents(
    folder: Path, limit: int | None
) -> tuple[list[Document], dict[str, list[tuple[int, int]]], RepairLog]:
    """The first ``limit`` documents with mentions, and each one's anchored mention offsets."""
    log = RepairLog()
    by_doc: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for name, mention, start, end, _main, _fine in read_roles(folder / "subtask-1-annotations.txt"):
        by_doc[name].append((mention, start, end))
    docs: list[Document] = []
    mentions: dict[str, list[tuple[int, int]]] = {}
    for name in sorted(by_doc):
        path = folder / "raw-documents" / name
        if not path.is_file():
            log.note("dropped: annotations for a document with no text", name)
            continue
        text = _read_text(path)
        anchored = [anchor_mention(text, m, s, e, log, f"{name}:{m}:{s}") for m, s, e in by_doc[name]]
        kept = [a for a in anchored if a is not None]
        if not kept:
            continue
        doc = Document(text=text, language=SEMEVAL_LANGUAGES[folder.name], metadata={"article_id": name})
        docs.append(doc)
        mentions[doc.id] = kept
        if limit is not None and len(docs) >= limit:
            break
    return docs, mentions, log


def semeval_recall(
    data: Path = SEMEVAL,
    limit: int | None = None,
    pipeline: Pipeline | None = None,
    folders: Sequence[str] | None = None,
    progress: bool = True,
) -> dict[str, dict[str, Any]]:
    """Per language folder: {"documents", "mentions", "recall", "exact", "repairs"}."""
    pipeline = pipeline or _default_pipeline()
    out: dict[str, dict[str, Any]] = {}
    for code in folders or sorted(SEMEVAL_LANGUAGES):
        folder = data / code
        if not (folder / "subtask-1-annotations.txt").is_file():
            continue
        docs, mentions, log = _semeval_documents(folder, limit)
        covered = exact = total = 0
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not progress,
        ) as bar:
            task = bar.add_task(f"SemEval-2025 {code}", total=len(docs))
            for doc in _analyse(pipeline, docs):
                predicted = [(s.start, s.end) for s in doc.layer("entity")]
                for start, end in mentions[doc.id]:
                    total += 1
                    covered += any(_overlap(start, end, a, b) > 0 for a, b in predicted)
                    exact += (start, end) in predicted
                bar.advance(task)
        out[code] = {
            "language": SEMEVAL_LANGUAGES[code],
            "documents": len(docs),
            "mentions": total,
            "recall": _share(covered, total),
            "exact": _share(exact, total),
            "repairs": log.summary(),
        }
    return out


def semeval_table(results: dict[str, dict[str, Any]]) -> str:
    lines = [
        "| folder | lang | documents | mentions | recall (overlap, any label) | exact | re-anchored or dropped |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for code, r in results.items():
        lines.append(
            f"| {code} | {r['language']} | {r['documents']} | {r['mentions']} | {_cell(r['recall'])} "
            f"| {_cell(r['exact'])} | {r['repairs']} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--languages", default=",".join(LANGUAGES), help="comma-separated codes")
    parser.add_argument("--config", type=Path, default=None, help="a narrascope configuration file")
    parser.add_argument("--gold", type=Path, default=DATA, help="folder of <lang>.json gold files")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="also write the figures here")
    parser.add_argument("--errors", action="store_true", help="also list each miss and wrong prediction")
    parser.add_argument("--semeval", action="store_true", help="add SemEval-2025 entity mention recall")
    parser.add_argument("--data", type=Path, default=SEMEVAL, help="the semeval2025-task10 folder")
    parser.add_argument("--limit", type=int, default=None, help="SemEval documents per language")
    parser.add_argument(
        "--write-support",
        type=Path,
        default=None,
        metavar="FILE",
        help="also write the figures that `narrascope components` and the README show "
        "(src/narrascope/support.json)",
    )
    args = parser.parse_args(argv)

    try:
        pipeline = build_pipeline(load_config(args.config) if args.config else None)
    except NarrascopeError as exc:
        raise SystemExit(f"cannot build the pipeline to measure: {exc}") from None
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    errors: list[str] | None = [] if args.errors else None
    evaluated = [_evaluate(code, pipeline, args.gold, errors) for code in languages]
    results = [figures for _, figures in evaluated]
    if len(evaluated) > 1:
        total = Scores()
        for scores, _ in evaluated:
            total.add(scores)
        skipped = Counter(layer for r in results for layer in r["not_covered"])
        not_covered = [f"{layer} ({n} languages)" for layer, n in sorted(skipped.items())]
        overall = {"language": "all", "articles": sum(r["articles"] for r in results), **total.figures()}
        results_and_total = [*results, {**overall, "not_covered": not_covered}]
    else:
        results_and_total = results
    print(
        "Gold set (invented articles, benchmarks/data/multilingual): precision / recall, "
        "micro-averaged; matching rules in the script's docstring."
    )
    print(f"Analyzers: {', '.join(pipeline.names)}")
    print(markdown_table(results_and_total))
    figures: dict[str, Any] = {"analyzers": pipeline.names, "gold": results_and_total}
    if errors is not None:
        print("\nMisses and wrong predictions:\n" + "\n".join(errors))
        figures["errors"] = errors
    if args.semeval:
        if not args.data.is_dir():
            print(f"\nSemEval-2025: {args.data} is not here (the shared data is never in a clone); skipped.")
            figures["semeval"] = None
        else:
            semeval = semeval_recall(args.data, args.limit, pipeline)
            limit = f"the first {args.limit} documents with mentions" if args.limit else "every document"
            print(f"\nSemEval-2025 Task 10 training data ({limit} per language): entity mention recall")
            print(semeval_table(semeval))
            figures["semeval"] = semeval
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.write_support is not None:
        command = "python benchmarks/multilingual.py" + "".join(f" {a}" for a in (argv or sys.argv[1:]))
        support = support_figures(results, figures.get("semeval"), command)
        args.write_support.write_text(json.dumps(support, indent=2) + "\n", encoding="utf-8")


def support_figures(
    results: Sequence[dict[str, Any]], semeval: dict[str, dict[str, Any]] | None, command: str
) -> dict[str, Any]:
    """What ``narrascope components`` shows: per language, each analyzer's precision and recall
    on the gold set, and the entity mention recall on SemEval-2025 where measured."""
    mentions = {r["language"]: r["recall"] for r in (semeval or {}).values() if r["mentions"]}
    languages: dict[str, dict[str, Any]] = {}
    for r in results:
        if r["language"] == "all":
            continue
        row = {
            key: {"precision": round(r[key]["precision"], 3), "recall": round(r[key]["recall"], 3)}
            for key in ("entities", "dates", "quotes")
            if r[key]["predicted"] or r[key]["gold"]
        }
        if "entities" in row and r["language"] in mentions:
            row["entities"]["mentions_recall"] = round(mentions[r["language"]], 3)
        languages[r["language"]] = row
    return {"command": command, "languages": languages}


if __name__ == "__main__":
    main()
