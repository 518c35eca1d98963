"""The per-user store: library folders, bookmarks with tags, read state, notes, highlights, small values."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from reader.core.anchoring import reanchor_highlights
from reader.core.annotation import HIGHLIGHT_COLORS, Bookmark, Highlight, Note, TextQuote
from reader.core.safe_text import shown_path
from reader.core.store.backup import backup_before_upgrade
from reader.core.store.db import UserDataError, connect, new_id, transaction, utc_now
from reader.core.store.health import prepare_user_db
from reader.core.store.migrations import LATEST_VERSION, migrate, schema_version
from reader.core.store.note_versions import NoteChangedElsewhere, note_version

log = logging.getLogger(__name__)

_HIGHLIGHT_COLUMNS = "id, article_id, start, end, exact, prefix, suffix, color, note, path, created, modified, orphan"


def _highlight_from_row(row: sqlite3.Row | tuple) -> Highlight:
    (hid, article_id, start, end, exact, prefix, suffix, color, note, path, created, modified, orphan) = row
    return Highlight(
        id=hid,
        article_id=article_id,
        start=start,
        end=end,
        quote=TextQuote(exact, prefix, suffix),
        color=color,
        note=note,
        path=path,
        created=created,
        modified=modified,
        orphan=bool(orphan),
    )


def _check_span(start: int, end: int) -> None:
    if not (0 <= start < end):
        raise ValueError(f"a highlight needs 0 <= start < end, got start={start} end={end}")


def _check_color(color: str) -> None:
    if color not in HIGHLIGHT_COLORS:
        raise ValueError(f"unknown highlight colour {color!r}; use one of {', '.join(HIGHLIGHT_COLORS)}")


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags trimmed, empty ones dropped, duplicates removed (first spelling kept), in the given order."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag and tag not in seen:
            seen.add(tag)
            out.append(tag)
    return out


def _best_effort(make_backup: Callable[..., object], *args: object) -> None:
    """Run a backup; a failed one (full disk...) is logged, and must not keep the user from their data."""
    try:
        make_backup(*args)
    except (UserDataError, OSError, sqlite3.Error) as exc:
        log.warning("automatic backup of the user data failed: %s", exc)


class UserStore:
    """The user's precious annotations in one SQLite file; use one instance per thread."""

    def __init__(self, path: Path, *, backups_dir: Path | None = None) -> None:
        """Open or create the store. With `backups_dir` (the app passes it at start), first make the
        daily backup, and keep a copy of an older-schema file before upgrading it."""
        self.path = Path(path)
        self.notice = prepare_user_db(self.path, backups_dir)  # check, recover from a backup, daily backup
        self._conn = connect(self.path)
        try:
            version = schema_version(self._conn)
            if backups_dir is not None and 0 < version < LATEST_VERSION:
                _best_effort(backup_before_upgrade, self.path, backups_dir, version)
            migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for the session to share with the entity preferences (one per thread)."""
        return self._conn

    def __enter__(self) -> UserStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ids(self, sql: str, params: tuple = ()) -> set[str]:
        return {row[0] for row in self._conn.execute(sql, params)}

    # -- library folders ------------------------------------------------------------------

    def folders(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT path FROM folders ORDER BY added, path")]

    def add_folder(self, path: str, *, added: str = "") -> None:
        """Add a library folder; `added` (its place in the list) is kept when an undo puts it back."""
        with transaction(self._conn) as c:
            c.execute("INSERT OR IGNORE INTO folders (path, added) VALUES (?, ?)",
                      (shown_path(str(path)), added or utc_now()))  # fmt: skip

    def folder_added(self, path: str) -> str | None:
        """When the folder was added (None when it is not a library folder)."""
        row = self._conn.execute("SELECT added FROM folders WHERE path = ?", (str(path),)).fetchone()
        return row[0] if row else None

    def remove_folder(self, path: str) -> None:
        with transaction(self._conn) as c:
            c.execute("DELETE FROM folders WHERE path = ?", (str(path),))

    # -- bookmarks ------------------------------------------------------------------------

    def is_bookmarked(self, article_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM bookmarks WHERE article_id = ?", (article_id,)).fetchone()
        return row is not None

    def _insert_bookmark(self, c: sqlite3.Connection, article_id: str, path: str) -> None:
        now = utc_now()
        c.execute(
            "INSERT OR IGNORE INTO bookmarks (article_id, path, created, modified) VALUES (?, ?, ?, ?)",
            (article_id, shown_path(path), now, now),
        )

    def set_bookmarked(self, article_id: str, on: bool, *, path: str = "") -> None:
        with transaction(self._conn) as c:
            if on:
                self._insert_bookmark(c, article_id, path)
            else:  # its tags go with it (ON DELETE CASCADE)
                c.execute("DELETE FROM bookmarks WHERE article_id = ?", (article_id,))

    def toggle_bookmark(self, article_id: str, *, path: str = "") -> bool:
        """Flip the bookmark; returns the new state."""
        with transaction(self._conn) as c:
            deleted = c.execute("DELETE FROM bookmarks WHERE article_id = ?", (article_id,)).rowcount
            if not deleted:
                self._insert_bookmark(c, article_id, path)
        return not deleted

    def bookmarked_ids(self) -> set[str]:
        return self._ids("SELECT article_id FROM bookmarks")

    def bookmark(self, article_id: str) -> Bookmark | None:
        row = self._conn.execute(
            "SELECT path, created, modified FROM bookmarks WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        tags = tuple(r[0] for r in self._conn.execute(
            "SELECT tag FROM bookmark_tags WHERE article_id = ? ORDER BY tag COLLATE NOCASE, tag", (article_id,)
        ))
        return Bookmark(article_id=article_id, tags=tags, path=row[0], created=row[1], modified=row[2])

    def set_bookmark_tags(self, article_id: str, tags: Iterable[str]) -> None:
        """Replace the bookmark's tags, bookmarking the article first if needed."""
        clean = clean_tags(tags)
        with transaction(self._conn) as c:
            self._insert_bookmark(c, article_id, "")
            c.execute("DELETE FROM bookmark_tags WHERE article_id = ?", (article_id,))
            c.executemany("INSERT INTO bookmark_tags (article_id, tag) VALUES (?, ?)", [(article_id, t) for t in clean])
            c.execute("UPDATE bookmarks SET modified = ? WHERE article_id = ?", (utc_now(), article_id))

    def restore_bookmark(self, b: Bookmark) -> None:
        """Put a bookmark back exactly as recorded (tags, path, timestamps), replacing any there now."""
        now = utc_now()
        with transaction(self._conn) as c:
            c.execute("DELETE FROM bookmarks WHERE article_id = ?", (b.article_id,))
            c.execute(
                "INSERT INTO bookmarks (article_id, path, created, modified) VALUES (?, ?, ?, ?)",
                (b.article_id, shown_path(b.path), b.created or now, b.modified or now),
            )
            tags = [(b.article_id, t) for t in clean_tags(b.tags)]
            c.executemany("INSERT INTO bookmark_tags (article_id, tag) VALUES (?, ?)", tags)

    def all_tags(self) -> list[str]:
        rows = self._conn.execute("SELECT DISTINCT tag FROM bookmark_tags ORDER BY tag COLLATE NOCASE, tag")
        return [row[0] for row in rows]

    def ids_with_tag(self, tag: str) -> set[str]:
        return self._ids("SELECT article_id FROM bookmark_tags WHERE tag = ?", (tag,))

    # -- notes ----------------------------------------------------------------------------

    def note_record(self, article_id: str) -> Note | None:
        row = self._conn.execute(
            "SELECT id, text, path, created, modified FROM notes WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        return Note(article_id=article_id, text=row[1], id=row[0], path=row[2], created=row[3], modified=row[4])

    def note(self, article_id: str) -> str:
        record = self.note_record(article_id)
        return record.text if record else ""

    def set_note(self, article_id: str, text: str, *, path: str = "", expected: str | None = None) -> None:
        """Write the article's note; an empty (or blank) text deletes it.

        With `expected` (a `note_version`), raise NoteChangedElsewhere instead when the stored note
        is not that version; checked under the write lock, so another process cannot slip between.
        """
        with transaction(self._conn) as c:
            if expected is not None:
                current = self.note_record(article_id)
                if note_version(current) != expected:
                    raise NoteChangedElsewhere(article_id, current)
            if not text.strip():
                c.execute("DELETE FROM notes WHERE article_id = ?", (article_id,))
                return
            now = utc_now()
            c.execute(
                "INSERT INTO notes (id, article_id, text, path, created, modified) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET text = excluded.text, modified = excluded.modified, "
                "path = CASE WHEN excluded.path != '' THEN excluded.path ELSE notes.path END",
                (new_id(), article_id, text, shown_path(path), now, now),
            )

    def restore_note(self, n: Note) -> None:
        """Put a note back exactly as recorded (same id and timestamps): undo, or an import keeping its dates."""
        if not n.text.strip():
            raise ValueError("a note to restore needs some text")
        now = utc_now()
        with transaction(self._conn) as c:
            c.execute(
                "INSERT OR REPLACE INTO notes (id, article_id, text, path, created, modified) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (n.id or new_id(), n.article_id, n.text, shown_path(n.path),
                 n.created or now, n.modified or now),
            )

    def noted_ids(self) -> set[str]:
        return self._ids("SELECT article_id FROM notes")

    # -- read state -----------------------------------------------------------------------

    def is_read(self, article_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM read_state WHERE article_id = ?", (article_id,)).fetchone() is not None

    def set_read(self, article_id: str, read: bool = True) -> None:
        with transaction(self._conn) as c:
            if read:
                c.execute(
                    "INSERT OR IGNORE INTO read_state (article_id, read_at) VALUES (?, ?)", (article_id, utc_now())
                )
            else:
                c.execute("DELETE FROM read_state WHERE article_id = ?", (article_id,))

    def set_read_many(self, article_ids: Iterable[str], read: bool = True) -> None:
        """Mark many articles read (or unread) in one transaction."""
        ids = list(article_ids)
        now = utc_now()
        with transaction(self._conn) as c:
            if read:
                c.executemany("INSERT OR IGNORE INTO read_state (article_id, read_at) VALUES (?, ?)",
                              [(i, now) for i in ids])  # fmt: skip
            else:
                c.executemany("DELETE FROM read_state WHERE article_id = ?", [(i,) for i in ids])

    def read_ids(self) -> set[str]:
        return self._ids("SELECT article_id FROM read_state")

    # -- highlights -----------------------------------------------------------------------

    def _write_highlight(self, c: sqlite3.Connection, h: Highlight, *, verb: str) -> None:
        q = h.quote
        c.execute(
            f"{verb} INTO highlights ({_HIGHLIGHT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (h.id, h.article_id, h.start, h.end, q.exact, q.prefix, q.suffix, h.color, h.note, shown_path(h.path),
             h.created, h.modified, int(h.orphan)),
        )

    def add_highlight(
        self, article_id: str, start: int, end: int, quote: TextQuote, *, color: str = "yellow", note: str = "",
        path: str = "",
    ) -> Highlight:
        _check_span(start, end)
        _check_color(color)
        now = utc_now()
        h = Highlight(id=new_id(), article_id=article_id, start=start, end=end, quote=quote, color=color,
                      note=note, path=path, created=now, modified=now)
        with transaction(self._conn) as c:
            self._write_highlight(c, h, verb="INSERT")
        return h

    def get_highlight(self, highlight_id: str) -> Highlight | None:
        sql = f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE id = ?"
        row = self._conn.execute(sql, (highlight_id,)).fetchone()
        return _highlight_from_row(row) if row else None

    def _require_highlight(self, highlight_id: str) -> Highlight:
        h = self.get_highlight(highlight_id)
        if h is None:
            raise KeyError(f"no highlight with id {highlight_id}")
        return h

    def update_highlight(
        self, highlight_id: str, *, color: str | None = None, note: str | None = None, start: int | None = None,
        end: int | None = None, quote: TextQuote | None = None, orphan: bool | None = None,
    ) -> Highlight:
        """Change some fields of a highlight; returns the updated record. KeyError if it does not exist."""
        with transaction(self._conn) as c:
            old = self._require_highlight(highlight_id)
            new = replace(
                old,
                color=old.color if color is None else color,
                note=old.note if note is None else note,
                start=old.start if start is None else start,
                end=old.end if end is None else end,
                quote=old.quote if quote is None else quote,
                orphan=old.orphan if orphan is None else orphan,
                modified=utc_now(),
            )
            _check_span(new.start, new.end)
            _check_color(new.color)
            self._write_highlight(c, new, verb="REPLACE")
        return new

    def delete_highlight(self, highlight_id: str) -> Highlight:
        """Delete a highlight and return it, so the caller can offer undo. KeyError if it does not exist."""
        with transaction(self._conn) as c:
            old = self._require_highlight(highlight_id)
            c.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
        return old

    def restore_highlight(self, h: Highlight) -> None:
        """Put back a deleted highlight exactly as it was (same id and timestamps)."""
        with transaction(self._conn) as c:
            self._write_highlight(c, h, verb="INSERT OR REPLACE")

    def highlights(self, article_id: str) -> list[Highlight]:
        """The article's highlights in text order, orphans last."""
        rows = self._conn.execute(
            f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE article_id = ? ORDER BY orphan, start, end, created",
            (article_id,),
        )
        return [_highlight_from_row(row) for row in rows]

    def reanchor_article(self, article_id: str, text: str) -> list[Highlight]:
        """Place the article's highlights in its new text, saving moves and orphan flags; returns them all."""
        with transaction(self._conn) as c:
            old = self.highlights(article_id)
            new = reanchor_highlights(text, old)
            now = utc_now()
            for before, after in zip(old, new, strict=True):
                if after != before:
                    self._write_highlight(c, replace(after, modified=now), verb="REPLACE")
        return self.highlights(article_id)

    def save_highlights(self, highlights: Iterable[Highlight]) -> None:
        """Write whole highlight records (re-anchored ones) in one transaction."""
        with transaction(self._conn) as c:
            for h in highlights:
                self._write_highlight(c, h, verb="REPLACE")

    def annotated_ids(self) -> set[str]:
        return self._ids("SELECT article_id FROM notes UNION SELECT article_id FROM highlights")

    # -- small values ---------------------------------------------------------------------

    def get_value(self, key: str, default: str | None = None) -> str | None:
        row = self._conn.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_value(self, key: str, value: str) -> None:
        with transaction(self._conn) as c:
            c.execute("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", (key, str(value)))
