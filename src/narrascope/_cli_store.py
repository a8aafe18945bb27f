"""How every command of the command line finds and opens its store.

One rule for all: ``--db``, else ``store.path`` of the configuration (``--config`` merged over
the defaults). Commands that only read refuse a path with no database behind it rather than
create an empty one there; ``analyze --no-db`` works in a temporary store, removed afterwards.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from narrascope.config import Config
from narrascope.errors import NarrascopeError
from narrascope.store import Store

__all__ = ["open_store", "store_path"]


def store_path(db: Path | None, config: Config) -> Path:
    """The database a command works on: ``--db``, else the configuration's ``store.path``."""
    return db if db is not None else Path(config.store_path)


@contextmanager
def open_store(
    db: Path | None, config: Config, *, existing: bool = False, temporary: bool = False
) -> Iterator[Store]:
    """The command's store, closed when the block ends.

    ``existing``: the command only reads, so a missing database is an error (E200).
    ``temporary`` (``--no-db``): a fresh store in a folder that is removed afterwards.
    """
    if temporary:
        with (
            tempfile.TemporaryDirectory(prefix="narrascope-") as folder,
            Store(Path(folder) / "run.db") as store,
        ):
            yield store
        return
    path = store_path(db, config)
    if existing and not path.is_file():
        raise NarrascopeError("E200", f"{path}: no such database (give --db, or run analyze first)")
    with Store(path) as store:
        yield store
