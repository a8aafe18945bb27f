"""Which analysis works in which language, and how well it was measured there.

Coverage comes from the analyzers themselves (their ``languages``); the figures from
``support.json`` beside this module, which ``python benchmarks/multilingual.py --semeval
--write-support`` writes from the project's own annotated articles (entities, dates, quotes)
and the SemEval-2025 mentions. ``narrascope components`` and the README show the same table.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from narrascope import registry
from narrascope.config import analyzer_defaults

__all__ = ["ANALYSES", "LANGUAGES", "figures", "support_markdown", "support_rows"]

#: The languages narrascope is measured in, in the README's order.
LANGUAGES = ("en", "ru", "uk", "de", "fr", "it", "es", "pl", "pt", "bg", "hi")
#: (column, analyzer, key of its figures in support.json or None).
ANALYSES = (
    ("entities", "narrascope.entities.v1", "entities"),
    ("dates", "narrascope.dates.v1", "dates"),
    ("quotes", "narrascope.quotes.v1", "quotes"),
    ("techniques", "narrascope.techniques.v1", None),
    ("frames, genre", "narrascope.frames.v1", None),
    ("narratives, roles", "narrascope.narratives.v1", None),
)


def figures() -> dict[str, Any]:
    """The measured figures (empty when none were written)."""
    path = resources.files("narrascope").joinpath("support.json")
    if not path.is_file():
        return {}
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def _shipped_config(analyzer: str) -> dict[str, Any]:
    """The config of the shipped model of a model-backed analyzer (empty for the others)."""
    model = str(analyzer_defaults(analyzer).get("model", ""))
    path = resources.files("narrascope.models").joinpath("data", model, "config.json")
    if not model or not path.is_file():
        return {}
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def _cell(analyzer: str, key: str | None, language: str, measured: dict[str, Any]) -> str:
    covered = registry.get(analyzer).languages
    if covered is not None and language not in covered:
        return "—"
    if key is None:
        # Models trained on some languages run on every one, without training data there.
        config = _shipped_config(analyzer)
        if language not in config.get("languages", []):
            return "zero-shot"
        # A language whose annotators used only some of the labels gets only those.
        unused = config.get("not_annotated", {}).get(language, [])
        labels = len(config.get("labels", []))
        return f"trained ({labels - len(unused)} of {labels})" if unused else "trained"
    found = measured.get("languages", {}).get(language, {}).get(key or "", {})
    if not found:
        return "yes"
    cell = f"P {found['precision']:.2f} R {found['recall']:.2f}"
    if key == "entities" and found.get("mentions_recall") is not None:
        cell += f", mentions R {found['mentions_recall']:.2f}"
    return cell


def support_rows() -> list[list[str]]:
    """One row per language: its code, then a cell per analysis: "—" where it is not covered;
    for the rule and recogniser analyses the measured precision and recall ("yes" if not
    measured); for the trained models "trained" or "zero-shot" (no training data there)."""
    measured = figures()
    return [
        [language, *(_cell(analyzer, key, language, measured) for _, analyzer, key in ANALYSES)]
        for language in LANGUAGES
    ]


def support_markdown() -> str:
    """The same table in Markdown, for the README."""
    header = ["language", *(column for column, _, _ in ANALYSES)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in support_rows()]
    return "\n".join(lines)
