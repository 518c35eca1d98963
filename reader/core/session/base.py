"""What every part of the session shares: the store, the entity preferences, the undo history."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from reader.core.session.changes import Changes, WriteRefused
from reader.core.session.undo import UndoHistory, UndoStep
from reader.core.store.entity_prefs import EntityPrefs
from reader.core.store.user_data import UserStore


class SessionBase:
    """The session's state; the write methods live in the mixins that build `Session`."""

    _store: UserStore
    _prefs: EntityPrefs
    history: UndoHistory

    def _push(self, label: str, undo: Callable[[], Changes], redo: Callable[[], Changes], *,
              undoable: bool = True) -> None:  # fmt: skip
        """Record a write that succeeded (a failed one raised before getting here)."""
        if undoable:
            self.history.push(UndoStep(label, undo, redo))


@contextlib.contextmanager
def refusing() -> Iterator[None]:
    """A store's ValueError or KeyError (bad input, a record gone) becomes a WriteRefused in words."""
    try:
        yield
    except KeyError as exc:
        raise WriteRefused(str(exc.args[0]) if exc.args else "it is no longer there") from exc
    except ValueError as exc:
        if isinstance(exc, WriteRefused):
            raise
        raise WriteRefused(str(exc)) from exc
