"""How every command of the command line finds and opens its store.

One rule for all: ``--db``, else ``store.path`` of the configuration (``--config`` merged over
the defaults). Commands that only read refuse a path with no database behind it rather than
create an empty one there; ``analyze --no-db`` works in a temporary store, removed afterwards.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager, nullcontext
from pathlib import Path

from narrascope.config import Config
from narrascope.errors import NarrascopeError
from narrascope.store import SCHEMA_VERSION, Store

__all__ = ["open_store", "store_path"]


def store_path(db: Path | None, config: Config) -> Path:
    """The database a command works on: ``--db``, else the configuration's ``store.path``."""
    return db if db is not None else Path(config.store_path)


@contextmanager
def open_store(
    db: Path | None,
    config: Config,
    *,
    existing: bool = False,
    temporary: bool = False,
    read_only: bool = False,
) -> Iterator[Store]:
    """The command's store, closed when the block ends.

    ``existing``: a missing database is an error (E200), not a new empty one.
    ``temporary`` (``--no-db``): a fresh store in a folder that is removed afterwards.
    ``read_only`` (implies ``existing``): a read-only connection, so that a command that only
    reads can never write, whatever runs beside it; a store of an older schema is upgraded by
    a writer first, as the writer commands would.
    """
    if temporary:
        with (
            tempfile.TemporaryDirectory(prefix="narrascope-") as folder,
            Store(Path(folder) / "run.db") as store,
        ):
            yield store
        return
    path = store_path(db, config)
    if (existing or read_only) and not path.is_file():
        raise NarrascopeError("E200", f"{path}: no such database (give --db, or run analyze first)")
    if read_only:
        with Store(path) if _needs_upgrade(path) else nullcontext():
            pass
        with Store.reader(path) as reader:
            yield reader
        return
    with Store(path) as store:
        yield store


def _needs_upgrade(path: Path) -> bool:
    """Whether the store at ``path`` has an older schema (a reader refuses those)."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as raw:
            version = int(raw.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError:
        return True  # let the writer say what is wrong with the file
    return version < SCHEMA_VERSION
