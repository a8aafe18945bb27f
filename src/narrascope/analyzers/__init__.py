"""The built-in analyzers, one module each; :mod:`narrascope.registry` imports them on first use."""

from narrascope.analyzers.base import Analyzer

__all__ = ["Analyzer"]

BUILTIN = ("language", "segment", "encoder", "entities", "dates", "quotes", "techniques", "articles", "roles")
