"""The window's door to the session: run a write, report a refusal in words, announce what changed.

Every user-data write from the window is `operations.run(lambda: session.<write>(...), initiator=...)`.
On success one `changes_applied(changes, initiator)` goes out and views refresh what they show of
it; on failure `failed(message)` (the database refused: the window shows it) or `refused(message)`
(the request cannot be made as asked: a short status message), and `run` returns `FAILED`.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the session is opened after the window's first paint, and its modules imported then
    from reader.core.session import Applied, Changes, Session


class Failed(Enum):
    """What `Operations.run` returns for a write that was not made. Has no truth value on purpose:
    a failed bookmark toggle must never read as "the bookmark is now off"."""

    FAILED = "failed"

    def __bool__(self) -> bool:
        raise TypeError("check `result is FAILED`, not its truth value")


FAILED: Final = Failed.FAILED
W = TypeVar("W", bound="Changes | Applied[Any]")


class Operations(QObject):
    """Runs session writes, undo and redo for the window; one signal for every change."""

    changes_applied = Signal(object, object)  # Changes, initiator (the object that asked, or None)
    failed = Signal(str)  # the database refused a write; the message says why and what to do
    refused = Signal(str)  # a request that cannot be made as asked (blank term, record gone)
    history_changed = Signal()  # undo/redo texts may have changed

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def run(self, write: Callable[[], W], *, initiator: object | None = None) -> W | Failed:
        """Run one session write; its result, or FAILED (after saying why) when it was not made."""
        from reader.core.session import Changes, WriteRefused
        from reader.core.store.db import UserDataError

        try:
            result = write()
        except UserDataError as exc:
            self.failed.emit(str(exc))
            return FAILED
        except WriteRefused as exc:
            self.refused.emit(str(exc))
            return FAILED
        changes = result if isinstance(result, Changes) else result.changes
        self._announce(changes, initiator)
        return result

    def undo(self) -> Changes | Failed:
        return self.run(self.session.undo)

    def redo(self) -> Changes | Failed:
        return self.run(self.session.redo)

    def _announce(self, changes: Changes, initiator: object | None) -> None:
        self.history_changed.emit()
        if not changes.nothing:
            self.changes_applied.emit(changes, initiator)
