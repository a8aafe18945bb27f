"""Analyzers by versioned name, spaCy-style: ``@register`` on a class, ``create(name, settings)``.

A name never changes meaning: an analyzer whose output changes incompatibly is registered
under a new version (``narrascope.entities.v2``), so that stored results stay interpretable.
Third-party packages add analyzers through the ``narrascope.analyzers`` entry-point group: each
entry point names a module that registers its analyzers when imported.
"""

from __future__ import annotations

import importlib
import re
from importlib.metadata import entry_points
from typing import Any, TypeVar

from narrascope.analyzers.base import Analyzer
from narrascope.errors import NarrascopeError

__all__ = ["create", "get", "load_plugins", "names", "register"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+\.v[0-9]+$")
_REGISTRY: dict[str, type[Analyzer]] = {}
_loaded = False

A = TypeVar("A", bound=type[Analyzer])


def register(cls: A) -> A:
    """Class decorator: make an analyzer available under its ``name``."""
    if not _NAME.match(cls.name):
        raise ValueError(f"analyzer name {cls.name!r} must look like 'package.analysis.v1'")
    existing = _REGISTRY.get(cls.name)
    if existing is not None and existing is not cls:
        raise ValueError(f"analyzer {cls.name!r} is already registered by {existing.__module__}")
    _REGISTRY[cls.name] = cls
    return cls


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    from narrascope.analyzers import BUILTIN

    for module in BUILTIN:
        importlib.import_module(f"narrascope.analyzers.{module}")
    for entry in entry_points(group="narrascope.analyzers"):
        entry.load()


def load_plugins(modules: list[str]) -> None:
    """Import modules that register analyzers (``pipeline.plugins`` in the configuration)."""
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise NarrascopeError("E021", f"plugin module {module!r} cannot be imported: {exc}") from None


def get(name: str) -> type[Analyzer]:
    _load_all()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise NarrascopeError(
            "E021", f"no analyzer is registered as {name!r} (registered: {known})"
        ) from None


def create(name: str, settings: dict[str, Any] | None = None) -> Analyzer:
    return get(name)(settings or {})


def names() -> list[str]:
    _load_all()
    return sorted(_REGISTRY)
