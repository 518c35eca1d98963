"""The one owner of user-data writes: `Session`, what a write changed (`Changes`), undo and redo."""

from reader.core.session.changes import Applied, Changes, WriteRefused, about
from reader.core.session.reads import EntityReads, UserReads
from reader.core.session.session import Session
from reader.core.session.undo import UndoHistory, UndoStep
from reader.core.store.note_versions import NO_NOTE, NoteChangedElsewhere, note_version

__all__ = ["NO_NOTE", "Applied", "Changes", "EntityReads", "NoteChangedElsewhere", "Session", "UndoHistory",
           "UndoStep", "UserReads", "WriteRefused", "about", "note_version"]
