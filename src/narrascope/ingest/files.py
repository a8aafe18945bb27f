"""Walking the inputs a user names: files, folders (recursively) and ``-`` for standard input."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from narrascope.config import Config
from narrascope.document import Document
from narrascope.errors import InputError
from narrascope.ingest.html import html_to_document, looks_like_html
from narrascope.ingest.text import decode, text_to_document

__all__ = ["Skipped", "Source", "iter_sources", "read_inputs"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
STDIN = "-"


@dataclass
class Source:
    """One input, named as the user will recognise it."""

    name: str
    path: Path | None  # None for standard input


@dataclass
class Skipped:
    """Files inside folders that are not text or HTML, counted by suffix so the user is told."""

    by_suffix: Counter[str] = field(default_factory=Counter)

    def __bool__(self) -> bool:
        return bool(self.by_suffix)

    def describe(self) -> str:
        parts = ", ".join(f"{n} {suffix or '(no suffix)'}" for suffix, n in sorted(self.by_suffix.items()))
        return f"skipped {sum(self.by_suffix.values())} file(s) in folders that are not text or HTML: {parts}"


def iter_sources(inputs: Iterable[str], skipped: Skipped) -> Iterator[Source | InputError]:
    """Each named input; folders are walked in sorted order, skipping hidden files."""
    for raw in inputs:
        if raw == STDIN:
            yield Source("<stdin>", None)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if child.is_dir() or any(part.startswith(".") for part in relative.parts):
                    continue
                if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
                    yield Source(str(child), child)
                else:
                    skipped.by_suffix[child.suffix.lower()] += 1
        elif path.exists():
            yield Source(str(path), path)
        else:
            yield InputError("E100", raw, "no such file or folder")


def _read_bytes(source: Source, limit: int, stdin: BinaryIO) -> bytes:
    if source.path is None:
        data = stdin.read(limit + 1)
    else:
        try:
            size = source.path.stat().st_size
            if size > limit:
                raise InputError("E103", source.name, _too_big(size, limit))
            data = source.path.read_bytes()
        except PermissionError:
            raise InputError("E106", source.name, "permission denied") from None
        except IsADirectoryError:
            raise InputError("E106", source.name, "is a directory") from None
        except OSError as exc:
            raise InputError("E106", source.name, exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise InputError("E103", source.name, _too_big(len(data), limit, at_least=source.path is None))
    return data


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"{more}{size / 1e6:.1f} MB, over the limit of {limit / 1e6:.1f} MB "
        "(raise input.max_bytes in a config file, or --max-bytes)"
    )


def load_source(source: Source, config: Config, stdin: BinaryIO | None = None) -> Document:
    """Read, decode and extract one input; raises InputError with its reason."""
    data = _read_bytes(source, config.max_bytes, stdin or sys.stdin.buffer)
    if not data.strip():
        raise InputError("E101", source.name, "empty input (no text to analyse)")
    text, warnings = decode(data, source.name, config.encoding)
    suffix = source.path.suffix.lower() if source.path else ""
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        return html_to_document(text, source.name, warnings)
    return text_to_document(text, source.name, warnings)


def read_inputs(
    inputs: Iterable[str], config: Config, skipped: Skipped | None = None, stdin: BinaryIO | None = None
) -> Iterator[Document | InputError]:
    """A Document or an InputError for every input, in order; never raises for one bad input."""
    for item in iter_sources(inputs, skipped if skipped is not None else Skipped()):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield load_source(item, config, stdin)
        except InputError as exc:
            yield exc
