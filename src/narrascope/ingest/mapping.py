"""Which column of a JSON Lines or CSV record holds the text, the title, the date and the rest."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

from narrascope.errors import NarrascopeError

__all__ = ["GUESSES", "TARGETS", "ColumnMapping"]

#: The Document fields a column can be mapped to (``id`` becomes ``metadata["record_id"]``).
TARGETS = ("text", "title", "url", "published", "source", "id", "language")

#: Column names tried, case-insensitively and in this order, for a target the mapping leaves open.
GUESSES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext", "full_text"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "pubdate", "published_at", "publish_date"),
    "source": ("source", "outlet", "domain", "site", "sitename", "media"),
    "id": ("id", "article_id", "doc_id"),
    "language": ("language", "lang"),
}


@dataclass(frozen=True)
class ColumnMapping:
    """Column names chosen by the user; a target left at None is guessed from :data:`GUESSES`."""

    text: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    id: str | None = None
    language: str | None = None

    @classmethod
    def parse(cls, spec: str) -> ColumnMapping:
        """``"text=body,title=headline"``; raises E020 on an unknown target or a malformed pair."""
        mapping = cls()
        for item in (part.strip() for part in spec.split(",")):
            if not item:
                continue
            target, equals, column = (piece.strip() for piece in item.partition("="))
            if not equals or not target or not column:
                raise NarrascopeError(
                    "E020", f"column mapping {item!r} is not TARGET=COLUMN (e.g. text=body,title=headline)"
                )
            if target.lower() not in TARGETS:
                raise NarrascopeError(
                    "E020",
                    f"unknown target {target!r} in column mapping {spec!r}; valid targets: {', '.join(TARGETS)}",
                )
            target = target.lower()
            if getattr(mapping, target) is not None:
                raise NarrascopeError("E020", f"target {target!r} is mapped twice in column mapping {spec!r}")
            mapping = replace(mapping, **{target: column})
        return mapping

    def explicit(self) -> dict[str, str]:
        """The targets the user named, with their columns."""
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name)) is not None}

    def resolve(self, columns: Iterable[str]) -> dict[str, str]:
        """The column of ``columns`` to read for each target that has one.

        A named column is matched exactly, then case-insensitively. Guessing skips columns the
        user named for another target, so ``--map text=summary`` never also reads it as a title.
        """
        present = list(columns)
        by_lower: dict[str, str] = {}
        for column in present:
            by_lower.setdefault(column.lower(), column)
        chosen: dict[str, str] = {}
        for target, wanted in self.explicit().items():
            found = wanted if wanted in present else by_lower.get(wanted.lower())
            if found is not None:
                chosen[target] = found
        taken = set(chosen.values())
        for target in TARGETS:
            if getattr(self, target) is not None:
                continue
            for name in GUESSES[target]:
                found = by_lower.get(name)
                if found is not None and found not in taken:
                    chosen[target] = found
                    taken.add(found)
                    break
        return chosen

    def looked_for(self, target: str) -> str:
        """How the column of ``target`` was sought, for error messages."""
        named = getattr(self, target)
        if named is not None:
            return f"{named!r} (from the mapping {target}={named})"
        return "one of " + ", ".join(GUESSES[target])
