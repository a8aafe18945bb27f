"""Configuration: commented defaults, user overrides, and refusal of typos."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from narrascope.config import default_config_text, load_config
from narrascope.errors import NarrascopeError


def test_defaults_are_commented_and_complete() -> None:
    text = default_config_text()
    assert text.count("#") > 20  # every setting is explained where it is set
    data = tomllib.loads(text)
    config = load_config()
    assert config.max_bytes == 20_000_000
    assert config.languages == []  # every language: each analyzer says what it covers
    assert set(config.analyzers) == set(data["pipeline"]["analyzers"])


def test_analyzer_defaults_come_from_the_commented_file_alone() -> None:
    from narrascope import registry
    from narrascope.models.techniques import DEFAULT_MODEL

    data = tomllib.loads(default_config_text())
    for name in registry.names():
        assert registry.get(name).defaults == data["analyzers"].get(name, {}), name
    assert data["analyzers"]["narrascope.techniques.v1"]["model"] == DEFAULT_MODEL


def test_user_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    file = tmp_path / "my.toml"
    file.write_text('[input]\nmax_bytes = 1000\n[analyzers."narrascope.quotes.v1"]\nmin_quote_words = 2\n')
    config = load_config(file)
    assert config.max_bytes == 1000
    assert config.encoding == "utf-8"
    assert config.settings("narrascope.quotes.v1") == {"min_quote_words": 2, "attribution_window": 120}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[input]\nmax_byte = 3\n", "unknown setting 'input.max_byte'"),
        ("[inputs]\n", "unknown setting 'inputs'"),
        ("[input\n", "not valid TOML"),
    ],
)
def test_bad_config_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    file = tmp_path / "bad.toml"
    file.write_text(content)
    with pytest.raises(NarrascopeError, match=message) as caught:
        load_config(file)
    assert caught.value.code == "E020"


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(NarrascopeError, match=r"E020.*not found"):
        load_config(tmp_path / "nope.toml")
