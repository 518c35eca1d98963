"""Session writes for bookmarks, tags, read state, notes, library folders and small values."""

from __future__ import annotations

from collections.abc import Iterable

from reader.core import saved_searches
from reader.core.annotation import Bookmark, Note
from reader.core.session.base import SessionBase, refusing
from reader.core.session.changes import Applied, Changes, WriteRefused, about
from reader.core.store.note_versions import NoteChangedElsewhere, note_version


class RecordWrites(SessionBase):
    """Bookmarks (with tags), read marks, the article note, library folders, small values."""

    # -- bookmarks and tags ------------------------------------------------------------------

    def _put_bookmark(self, article_id: str, record: Bookmark | None) -> Changes:
        if record is None:
            self._store.set_bookmarked(article_id, False)
        else:
            self._store.restore_bookmark(record)
        return about(article_id, bookmarks=True, tags=True)

    def _bookmark_step(self, label: str, article_id: str, before: Bookmark | None) -> Changes:
        after = self._store.bookmark(article_id)
        self._push(label, lambda: self._put_bookmark(article_id, before), lambda: self._put_bookmark(article_id, after))
        return about(article_id, bookmarks=True, tags=True)  # tags go with a removed bookmark

    def toggle_bookmark(self, article_id: str, *, path: str = "") -> Applied[bool]:
        """Bookmark or un-bookmark; the value is the new state."""
        before = self._store.bookmark(article_id)
        on = self._store.toggle_bookmark(article_id, path=path)
        return Applied(on, self._bookmark_step("Bookmark" if on else "Remove Bookmark", article_id, before))

    def set_bookmarked(self, article_id: str, on: bool, *, path: str = "") -> Changes:
        before = self._store.bookmark(article_id)
        if (before is not None) == on:
            return Changes()
        self._store.set_bookmarked(article_id, on, path=path)
        return self._bookmark_step("Bookmark" if on else "Remove Bookmark", article_id, before)

    def set_bookmark_tags(self, article_id: str, tags: Iterable[str]) -> Changes:
        """Replace the tags (bookmarking the article first when needed)."""
        before = self._store.bookmark(article_id)
        self._store.set_bookmark_tags(article_id, tags)
        return self._bookmark_step("Tags", article_id, before) | about(article_id, tags=True)

    # -- read state --------------------------------------------------------------------------

    def _put_read(self, ids: list[str], read: bool) -> Changes:
        self._store.set_read_many(ids, read)
        return Changes(frozenset(ids), read=True)

    def mark_read(self, article_ids: Iterable[str], read: bool = True, *, undoable: bool = True) -> Changes:
        """Mark articles read or unread; only those whose mark changes are written (and undone).

        Showing an article marks it read with `undoable=False`: that is not something to undo.
        """
        wanted = list(dict.fromkeys(article_ids))
        if len(wanted) <= 50:  # showing one article must not read every read mark of a big library
            ids = [i for i in wanted if self._store.is_read(i) != read]
        else:
            already = self._store.read_ids()
            ids = [i for i in wanted if (i in already) != read]
        if not ids:
            return Changes()
        changes = self._put_read(ids, read)
        what = "as Read" if read else "as Unread"
        label = f"Mark {what}" if len(ids) == 1 else f"Mark {len(ids):,} Articles {what}"
        self._push(label, lambda: self._put_read(ids, not read), lambda: self._put_read(ids, read), undoable=undoable)
        return changes

    # -- notes ---------------------------------------------------------------------------------

    def _put_note(self, article_id: str, record: Note | None) -> Changes:
        if record is None:
            self._store.set_note(article_id, "")
        else:
            self._store.restore_note(record)
        return about(article_id, notes=True)

    def set_note(self, article_id: str, text: str, *, path: str = "", expected: str | None = None) -> Changes:
        """Save the article's note (blank deletes it); one undo step per save that changed it.

        `expected` is the `note_version` the editor loaded: when the stored note is another one
        (changed in another window, by an import or a restore), NoteChangedElsewhere is raised and
        nothing is written, so the caller can ask the user which to keep.
        """
        before = self._store.note_record(article_id)
        old = before.text if before is not None else ""
        if old == text or (not text.strip() and before is None):
            return Changes()
        if expected is not None and note_version(before) != expected:
            raise NoteChangedElsewhere(article_id, before)
        self._store.set_note(article_id, text, path=path, expected=expected)
        after = self._store.note_record(article_id)
        self._push("Note", lambda: self._put_note(article_id, before), lambda: self._put_note(article_id, after))
        return about(article_id, notes=True)

    def restore_note(self, record: Note) -> Changes:
        """Put a note back with its id and dates (an import keeping what the file says)."""
        before = self._store.note_record(record.article_id)
        with refusing():
            self._store.restore_note(record)
        after = self._store.note_record(record.article_id)
        aid = record.article_id
        self._push("Import Note", lambda: self._put_note(aid, before), lambda: self._put_note(aid, after))
        return about(aid, notes=True)

    # -- library folders -----------------------------------------------------------------------

    def _put_folder(self, path: str, added: str | None) -> Changes:
        if added is None:
            self._store.remove_folder(path)
        else:
            self._store.add_folder(path, added=added)
        return Changes(folders=True)

    def add_folder(self, path: str) -> Changes:
        if self._store.folder_added(path) is not None:
            return Changes()
        self._store.add_folder(path)
        added = self._store.folder_added(path)
        self._push("Add Folder", lambda: self._put_folder(path, None), lambda: self._put_folder(path, added))
        return Changes(folders=True)

    def remove_folder(self, path: str) -> Changes:
        """Take a folder out of the library (its files and the notes on them stay)."""
        added = self._store.folder_added(path)
        if added is None:
            return Changes()
        self._store.remove_folder(path)
        self._push("Remove Folder", lambda: self._put_folder(path, added), lambda: self._put_folder(path, None))
        return Changes(folders=True)

    # -- small values --------------------------------------------------------------------------

    # -- saved searches (the user's: undoable) ---------------------------------------------------

    def _put_searches(self, text: str) -> Changes:
        self._store.set_value(saved_searches.KEY, text)
        return Changes(values=True)

    def _searches_step(self, label: str, after: list[saved_searches.SavedSearch]) -> Changes:
        before = self._store.get_value(saved_searches.KEY, "") or ""
        text = saved_searches.dump(after)
        with refusing():
            self._store.set_value(saved_searches.KEY, text)
        self._push(label, lambda: self._put_searches(before), lambda: self._put_searches(text))
        return Changes(values=True)

    def save_search(self, name: str, query: str) -> Changes:
        """Save the search box's `query` under `name` (replacing a search of that name)."""
        current = saved_searches.load(self._store.get_value(saved_searches.KEY))
        with refusing():
            after = saved_searches.with_search(current, name, query)
        return self._searches_step("Save Search", after)

    def remove_saved_search(self, name: str) -> Changes:
        current = saved_searches.load(self._store.get_value(saved_searches.KEY))
        if not any(s.name == name for s in current):
            raise WriteRefused(f"There is no saved search called “{name}”.")
        return self._searches_step("Remove Saved Search", [s for s in current if s.name != name])

    def set_value(self, key: str, value: str) -> Changes:
        """Remember a small setting in the user database (not undoable: it is not the user's work)."""
        with refusing():
            self._store.set_value(key, value)
        return Changes(values=True)
