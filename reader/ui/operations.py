"""Every write goes through here: the store call, then one `changes_applied` signal.

Views listen and refresh only what changed (Anki's operations, made small).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from reader.core.store.user_data import UserStore


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

    def __init__(self, store: UserStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def toggle_bookmark(self, article_id: str, *, path: str = "") -> bool:
        on = self.store.toggle_bookmark(article_id, path=path)
        self.changes_applied.emit(Changes(frozenset({article_id}), bookmarks=True))
        return on

    def set_note(self, article_id: str, text: str, *, path: str = "") -> None:
        if self.store.note(article_id) == text:
            return
        self.store.set_note(article_id, text, path=path)
        self.changes_applied.emit(Changes(frozenset({article_id}), notes=True))

    def set_read(self, article_id: str, read: bool = True) -> None:
        if self.store.is_read(article_id) == read:
            return
        self.store.set_read(article_id, read)
        self.changes_applied.emit(Changes(frozenset({article_id}), read=True))

    def add_folder(self, path: str) -> None:
        self.store.add_folder(path)
        self.changes_applied.emit(Changes(folders=True))

    def remove_folder(self, path: str) -> None:
        self.store.remove_folder(path)
        self.changes_applied.emit(Changes(folders=True))
