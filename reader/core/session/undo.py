"""The undo history of a session: each write pushes a step that knows how to undo and redo itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.core.session.changes import Changes

UNDO_LIMIT = 300  # steps kept; the oldest go first


@dataclass(frozen=True)
class UndoStep:
    """One undoable write: its label ("Bookmark", "Delete Highlight") and the two ways to apply it."""

    label: str
    undo: Callable[[], Changes]
    redo: Callable[[], Changes]


class UndoHistory:
    """Two stacks of steps. A step moves between them only when applying it succeeded."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._done: list[UndoStep] = []
        self._undone: list[UndoStep] = []
        self._limit = limit

    def push(self, step: UndoStep) -> None:
        """A new write: it can be undone, and what was undone before can no longer be redone."""
        self._done.append(step)
        del self._done[: -self._limit]
        self._undone.clear()

    def undo(self) -> Changes:
        """Undo the last step; nothing happens (empty Changes) when there is none.

        When applying it fails (the database refused), the exception propagates and both stacks stay.
        """
        if not self._done:
            return Changes()
        changes = self._done[-1].undo()
        self._undone.append(self._done.pop())
        return changes

    def redo(self) -> Changes:
        if not self._undone:
            return Changes()
        changes = self._undone[-1].redo()
        self._done.append(self._undone.pop())
        return changes

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_text(self) -> str:
        """"Undo Bookmark", or "Undo" when there is nothing to undo."""
        return f"Undo {self._done[-1].label}" if self._done else "Undo"

    def redo_text(self) -> str:
        return f"Redo {self._undone[-1].label}" if self._undone else "Redo"

    def __len__(self) -> int:
        return len(self._done)
