"""The session: the one owner of every write to the user database, with undo and redo.

The window (through `reader.ui.operations`) and the command line use it alike. Each write returns
what it changed (`Changes`, or `Applied` with a value) and pushes an undo step; a write the
database refuses raises `UserDataError` and leaves the history as it was (Anki's collection ops).
"""

from __future__ import annotations

from pathlib import Path

from reader.core.session.changes import Changes
from reader.core.session.entity_rules import EntityRuleWrites
from reader.core.session.highlights import HighlightWrites
from reader.core.session.reads import EntityReads, UserReads
from reader.core.session.records import RecordWrites
from reader.core.session.undo import UndoHistory
from reader.core.store.entity_prefs import EntityPrefs
from reader.core.store.user_data import UserStore


class Session(RecordWrites, HighlightWrites, EntityRuleWrites):
    """The user database opened once: reads through `store` and `prefs`, writes through methods."""

    def __init__(self, path: Path, *, backups_dir: Path | None = None) -> None:
        """Open (or create, or upgrade) the user database; `backups_dir` makes the daily backup first."""
        self._store = UserStore(path, backups_dir=backups_dir)
        self._prefs = EntityPrefs(self._store.connection)  # the same connection: one writer, one lock
        self.history = UndoHistory()
        # What the start did to the data that the user must be told (recovered from a backup, read-only).
        self.notice: str | None = self._store.notice

    @property
    def store(self) -> UserReads:
        """Bookmarks, notes, highlights... for reading; writes go through the session's methods."""
        return self._store

    @property
    def prefs(self) -> EntityReads:
        """Entity corrections and watch terms, for reading."""
        return self._prefs

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- undo ----------------------------------------------------------------------------------

    def undo(self) -> Changes:
        """Undo the last write; empty Changes when there is none. UserDataError leaves it to undo."""
        return self.history.undo()

    def redo(self) -> Changes:
        return self.history.redo()

    def can_undo(self) -> bool:
        return self.history.can_undo()

    def can_redo(self) -> bool:
        return self.history.can_redo()

    def undo_text(self) -> str:
        """What Undo would undo, as a menu text: "Undo Bookmark" (or "Undo" when nothing)."""
        return self.history.undo_text()

    def redo_text(self) -> str:
        return self.history.redo_text()
