"""Storage of analysed documents: the embedded SQLite store."""

from narrascope.store.sqlite import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
