"""Every write goes through here: the store call, then one `changes_applied` signal.

Views listen and refresh only what changed (Anki's operations, made small).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from reader.core.store.db import UserDataError
from reader.core.store.user_data import UserStore

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What one operation changed, so each view can tell whether it cares."""

    article_ids: frozenset[str] = field(default_factory=frozenset)
    bookmarks: bool = False
    notes: bool = False
    read: bool = False
    highlights: bool = False
    folders: bool = False


class Operations(QObject):
    """The one door for user-data writes from the window."""

    changes_applied = Signal(object)  # Changes
    failed = Signal(str)  # a write could not be made; the message says why and what to do

    def __init__(self, store: UserStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def apply(self, write: Callable[[], T], changes: Changes) -> T | None:
        """Run one store write; on success announce `changes`, on failure emit `failed` and return None."""
        try:
            result = write()
        except UserDataError as exc:
            self.failed.emit(str(exc))
            return None
        self.changes_applied.emit(changes)
        return result

    def toggle_bookmark(self, article_id: str, *, path: str = "") -> bool | None:
        return self.apply(lambda: self.store.toggle_bookmark(article_id, path=path),
                          Changes(frozenset({article_id}), bookmarks=True))  # fmt: skip

    def set_note(self, article_id: str, text: str, *, path: str = "") -> bool:
        """Save the note; False when it could not be written (the editor keeps the text)."""
        if self.store.note(article_id) == text:
            return True
        def write() -> bool:
            self.store.set_note(article_id, text, path=path)
            return True

        return bool(self.apply(write, Changes(frozenset({article_id}), notes=True)))

    def set_read(self, article_id: str, read: bool = True) -> None:
        if self.store.is_read(article_id) != read:
            self.apply(lambda: self.store.set_read(article_id, read), Changes(frozenset({article_id}), read=True))

    def add_folder(self, path: str) -> None:
        self.apply(lambda: self.store.add_folder(path), Changes(folders=True))

    def remove_folder(self, path: str) -> None:
        self.apply(lambda: self.store.remove_folder(path), Changes(folders=True))
