"""narrascope's own JSON Lines: one serialised :class:`~narrascope.document.Document` a line.

This is the lossless format: every field of the data model survives a write and a read, so
it is what one stage hands to the next and what analysts keep beside the field's formats,
which each hold only part of a document. Lines are compact (no indentation) and keep
non-ASCII text as it is, so a file of Russian articles stays readable with ``grep``.

The module also holds :func:`json_line`, which finds the line of a value inside a JSON
file, so that readers of the field's JSON formats (CheckThat!, Label Studio) can name the
line of an item they refuse, as E300 errors must.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from narrascope.document import Document
from narrascope.errors import NarrascopeError
from narrascope.formats._common import line_error

__all__ = ["json_line", "read_jsonl", "write_jsonl"]


def write_jsonl(docs: Iterable[Document], target: str | Path | IO[str]) -> int:
    """Write one document a line to a path or an open text stream; return how many.

    A path is written as UTF-8 with ``\\n`` line ends on every platform, so files compare
    byte for byte across machines.
    """
    if isinstance(target, str | Path):
        with Path(target).open("w", encoding="utf-8", newline="\n") as handle:
            return _write(docs, handle)
    return _write(docs, target)


def _write(docs: Iterable[Document], handle: IO[str]) -> int:
    count = 0
    for doc in docs:
        # json.dumps escapes \n and \r inside strings, so a document can never span lines.
        handle.write(doc.dumps(indent=None))
        handle.write("\n")
        count += 1
    return count


def read_jsonl(path: str | Path) -> Iterator[Document]:
    """The documents of a JSON Lines file, one at a time; blank lines are skipped.

    A missing file raises E303 at once (not at the first ``next``); a line that is not a
    narrascope document raises E300 naming the file and the line, when the reading reaches it.
    """
    file = Path(path)
    if not file.is_file():
        raise NarrascopeError("E303", f"{file}: no such file")
    return _read(file)


def _read(file: Path) -> Iterator[Document]:
    # utf-8-sig: a byte-order mark left by an editor on the first line is not an error.
    with file.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                raise line_error(file, number, f"not JSON: {err.msg} (column {err.colno})") from None
            if not isinstance(data, dict):
                raise line_error(file, number, f"expected a JSON object, found {type(data).__name__}")
            try:
                yield Document.from_json(data)
            except NarrascopeError as err:
                raise line_error(file, number, err.message) from None
            except KeyError as err:
                raise line_error(file, number, f"not a narrascope document: no {err.args[0]!r}") from None
            except (TypeError, ValueError, AttributeError) as err:
                raise line_error(file, number, f"not a narrascope document: {err}") from None


# -- line numbers inside a JSON file -------------------------------------------------------

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def json_line(raw: str, route: Sequence[str | int]) -> int:
    """The line of ``raw`` (a whole JSON text) where the value at ``route`` begins.

    ``route`` names object keys and list indexes from the top, e.g. ``["421", 3]`` for the
    fourth item of article 421's list. Used only to name the line of an item a reader
    refuses, after ``json.loads`` has succeeded; where the route cannot be followed (a
    duplicated key, say) the line of the deepest value reached is returned.
    """
    pos = _skip(raw, 0)
    for step in route:
        found = _child(raw, pos, step)
        if found is None:
            break
        pos = found
    return raw.count("\n", 0, pos) + 1


def _skip(raw: str, pos: int) -> int:
    match = _SPACE.match(raw, pos)
    return match.end() if match else pos


def _child(raw: str, pos: int, step: str | int) -> int | None:
    """Start of the member ``step`` of the object or list that begins at ``pos``."""
    opener = raw[pos : pos + 1]
    if opener not in ("{", "[") or (opener == "{") != isinstance(step, str):
        return None
    closer = "}" if opener == "{" else "]"
    pos = _skip(raw, pos + 1)
    index = 0
    while raw[pos : pos + 1] not in ("", closer):
        if opener == "{":
            key, pos = _DECODER.raw_decode(raw, pos)
            pos = _skip(raw, pos)
            pos = _skip(raw, pos + 1)  # the colon
            if key == step:
                return pos
        elif index == step:
            return pos
        _value, pos = _DECODER.raw_decode(raw, pos)
        pos = _skip(raw, pos)
        if raw[pos : pos + 1] == ",":
            pos = _skip(raw, pos + 1)
        index += 1
    return None
