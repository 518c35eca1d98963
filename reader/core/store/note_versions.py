"""Which stored version of a note an editor loaded, so a save can tell the note changed underneath it.

A second window on the same profile, `import-annotations` or `restore` can change a note while an
editor still shows the old text; saving that old text blindly would overwrite (or, when blank,
delete) the newer note. The version is a hash of the text: the same text is the same version.
"""

from __future__ import annotations

from reader.core.annotation import Note
from reader.core.errors import ReaderError

NO_NOTE = ""  # the version of "there is no note"


def note_version(record: Note | str | None) -> str:
    """The version token of a stored note (or of its text); NO_NOTE when there is none or it is blank."""
    text = record.text if isinstance(record, Note) else (record or "")
    if not text.strip():
        return NO_NOTE
    import hashlib  # on the first note: the window that shows none need not load OpenSSL (3.5 MB)

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


class NoteChangedElsewhere(ReaderError):
    """The note was changed (or deleted) elsewhere since the editor loaded it; nothing was written.

    `current` is the note stored now (None when it was deleted) and `version` its version, to pass
    as the next `expected` once the user has chosen what to keep.
    """

    def __init__(self, article_id: str, current: Note | None) -> None:
        self.article_id = article_id
        self.current = current
        self.version = note_version(current)
        super().__init__("This note was changed elsewhere since you opened it.")
