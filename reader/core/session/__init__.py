"""The one owner of user-data writes: `Session`, what a write changed (`Changes`), undo and redo."""

from reader.core.session.changes import Applied, Changes, WriteRefused, about
from reader.core.session.reads import EntityReads, UserReads
from reader.core.session.session import Session
from reader.core.session.undo import UndoHistory, UndoStep

__all__ = ["Applied", "Changes", "EntityReads", "Session", "UndoHistory", "UndoStep", "UserReads", "WriteRefused",
           "about"]
