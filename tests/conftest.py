"""Shared fixtures: a folder of test articles, and the full pipeline with a check on its spans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

import pytest

import narrascope
from narrascope.document import Document
from texts import ENGLISH, RUSSIAN


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder with an English and a Russian article, the Russian one in a subfolder."""
    folder = tmp_path / "articles"
    (folder / "ru").mkdir(parents=True)
    (folder / "belov-en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "ru" / "belov-ru.txt").write_text(RUSSIAN, encoding="utf-8")
    return folder


class Analyze(Protocol):
    def __call__(
        self, text: str, language: str | None = None, published: dt.date | str | None = None
    ) -> Document: ...


def _analyze(text: str, language: str | None = None, published: dt.date | str | None = None) -> Document:
    doc = narrascope.analyze(text, language=language, published=published)
    for span in doc.spans:
        assert 0 <= span.start <= span.end <= len(doc.text), span
        assert span.text_in(doc) == doc.text[span.start : span.end]
        start, end = span.attrs.get("speaker_start"), span.attrs.get("speaker_end")
        if start is not None and end is not None:
            assert 0 <= start <= end <= len(doc.text), span
            assert doc.text[start:end] == span.attrs["speaker"], span
    return doc


@pytest.fixture(scope="session")
def analyze() -> Analyze:
    """``narrascope.analyze`` with the default pipeline, checking that every span lies in the text.

    Models load once per process, so the first slow test pays for them and the rest are quick.
    """
    return _analyze
