"""Configuration: the commented defaults in ``default.toml``, merged with a user's file."""

from __future__ import annotations

import copy
import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from narrascope.errors import NarrascopeError

__all__ = ["Config", "analyzer_defaults", "default_config_text", "load_config"]


def default_config_text() -> str:
    return resources.files("narrascope").joinpath("default.toml").read_text(encoding="utf-8")


@functools.cache
def _defaults() -> dict[str, Any]:
    return tomllib.loads(default_config_text())


def analyzer_defaults(name: str) -> dict[str, Any]:
    """The settings of analyzer ``name`` in ``default.toml``: the one place a default is written,
    with its comment, read by the analyzer class and printed by `narrascope config`."""
    return copy.deepcopy(_defaults().get("analyzers", {}).get(name, {}))


@dataclass(frozen=True)
class Config:
    """The merged configuration, with typed access to the settings every run needs."""

    data: dict[str, Any] = field(default_factory=dict)

    @property
    def analyzers(self) -> list[str]:
        return list(self.data["pipeline"]["analyzers"])

    @property
    def languages(self) -> list[str]:
        return list(self.data["pipeline"]["languages"])

    @property
    def plugins(self) -> list[str]:
        return list(self.data["pipeline"].get("plugins", []))

    @property
    def max_bytes(self) -> int:
        return int(self.data["input"]["max_bytes"])

    @property
    def encoding(self) -> str:
        return str(self.data["input"]["encoding"])

    @property
    def store_path(self) -> str:
        return str(self.data["store"]["path"])

    def settings(self, analyzer: str) -> dict[str, Any]:
        return dict(self.data.get("analyzers", {}).get(analyzer, {}))

    def with_analyzer_setting(self, analyzer: str, key: str, value: Any) -> Config:
        data = copy.deepcopy(self.data)
        data.setdefault("analyzers", {}).setdefault(analyzer, {})[key] = value
        return Config(data)

    def replace(self, section: str, key: str, value: Any) -> Config:
        data = copy.deepcopy(self.data)
        data.setdefault(section, {})[key] = value
        return Config(data)


def _merge(base: dict[str, Any], override: dict[str, Any], where: str) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        here = f"{where}.{key}" if where else key
        # Analyzers' tables are open: a plugin analyzer brings settings the defaults cannot know.
        if key not in base and not where.startswith("analyzers"):
            raise NarrascopeError(
                "E020", f"unknown setting '{here}' (see `narrascope config` for all settings)"
            )
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = _merge(base[key], value, here)
        else:
            out[key] = value
    return out


def load_config(path: str | Path | None = None) -> Config:
    """The defaults, merged with the TOML file at ``path`` when one is given.

    Unknown keys are refused with E020, so that a typo never silently keeps a default.
    Settings of analyzers are free-form: each analyzer checks its own.
    """
    data = copy.deepcopy(_defaults())
    if path is not None:
        file = Path(path)
        try:
            user = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NarrascopeError("E020", f"config file {file} not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise NarrascopeError("E020", f"config file {file} is not valid TOML: {exc}") from None
        data = _merge(data, user, "")
    return Config(data)
