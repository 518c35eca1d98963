"""The session as the target of `import_annotation_file`: reads from its store, writes through it."""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.annotation import Bookmark, Highlight, Note
from reader.core.session.session import Session


class SessionImportTarget:
    """What an annotation import needs (`AnnotationStore`), with every write made by the session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get_highlight(self, highlight_id: str) -> Highlight | None:
        return self.session.store.get_highlight(highlight_id)

    def restore_highlight(self, h: Highlight) -> None:
        self.session.restore_highlight(h)

    def note_record(self, article_id: str) -> Note | None:
        return self.session.store.note_record(article_id)

    def set_note(self, article_id: str, text: str, *, path: str = "") -> None:
        self.session.set_note(article_id, text, path=path)

    def restore_note(self, n: Note) -> None:
        self.session.restore_note(n)

    def bookmark(self, article_id: str) -> Bookmark | None:
        return self.session.store.bookmark(article_id)

    def set_bookmarked(self, article_id: str, on: bool, *, path: str = "") -> None:
        self.session.set_bookmarked(article_id, on, path=path)

    def set_bookmark_tags(self, article_id: str, tags: Iterable[str]) -> None:
        self.session.set_bookmark_tags(article_id, tags)
