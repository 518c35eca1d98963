"""What a user-data write changed (`Changes`), and a write's result together with its changes (`Applied`)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Generic, TypeVar

from reader.core.errors import ReaderError

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What one write (or one undo or redo) changed, so each view can tell whether it cares.

    Like Anki's OpChanges: views refresh only the parts whose flag is set.
    """

    article_ids: frozenset[str] = field(default_factory=frozenset)
    bookmarks: bool = False
    tags: bool = False
    notes: bool = False
    read: bool = False
    highlights: bool = False
    folders: bool = False
    corrections: bool = False
    watch_terms: bool = False
    values: bool = False  # small settings kept in the user database (last colour, export choice)

    @property
    def nothing(self) -> bool:
        """True when the write found nothing to change."""
        return not self.article_ids and not any(getattr(self, f.name) for f in fields(self)[1:])

    def __or__(self, other: Changes) -> Changes:
        flags = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)[1:]}
        return Changes(self.article_ids | other.article_ids, **flags)


@dataclass(frozen=True)
class Applied(Generic[T]):
    """A write that also gives something back: the new highlight, the bookmark's new state..."""

    value: T
    changes: Changes


class WriteRefused(ReaderError, ValueError):
    """A write the user asked for that cannot be made as asked (a blank watch term, a highlight gone)."""


def about(article_id: str, **flags: bool) -> Changes:
    """Changes to one article."""
    return Changes(frozenset({article_id}), **flags)
