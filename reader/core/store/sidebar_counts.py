"""The sidebar's counts read from the cache's count tables, which triggers keep (see `count_schema`).

`sync_read_marks(db)` mirrors the user's read marks into the cache (all of them on start, only the
changed ones after a read-state change), `set_count_folders(db, folders)` says which folders to count,
and `read_counts(db)` reads every number the sidebar shows: a few small tables and the user's own rows
(bookmarks, notes, tags), nothing in proportion to the library. The connection must have the user
database attached as `user` (`library_schema.attach_user_db`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.store.count_schema import FOLDER_TALLY, SOURCES_AGAIN
from reader.core.store.library_query import folder_range

TOP_SOURCES = 30  # sources listed before "More…"
_CHUNK = 500  # ids per statement (SQLite's variable limit is far above it)
BULK = 1000  # read marks to mirror from which counting again beats moving the counts one mark at a time


@dataclass(frozen=True)
class Tally:
    """How many articles a view holds, and how many of them are unread."""

    all: int
    unread: int


@dataclass(frozen=True)
class SidebarCounts:
    """Everything the sidebar counts. `sources` is by article count (most first), at most `top` of them;
    `source_total` says how many sources there are in all."""

    library: Tally = Tally(0, 0)
    bookmarked: int = 0
    annotated: int = 0
    folders: dict[str, Tally] = field(default_factory=dict)
    sources: list[tuple[str, Tally]] = field(default_factory=list)
    source_total: int = 0
    tags: dict[str, int] = field(default_factory=dict)


def sync_read_marks(db: sqlite3.Connection, ids: Iterable[str] | None = None) -> None:
    """Make the cache's mirror of the read marks agree with the user database: for `ids` only (the
    articles whose read state just changed), or all of them (on start: another window, the command line
    or a restore may have changed them). The triggers move the counts of each article that changed.

    Needs the real user database attached (its `read_at`), not the empty stand-in.
    """
    wanted = None if ids is None else list(dict.fromkeys(ids))
    with db:
        if wanted is None or len(wanted) >= BULK:  # (Mark All Read of a large view: counted again in bulk)
            _sync_all(db)
            return
        for start in range(0, len(wanted), _CHUNK):
            part = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(part))
            # NOT EXISTS looks each id up; NOT IN (SELECT ...) would gather every read mark first
            db.execute(f"DELETE FROM read_marks WHERE id IN ({marks}) AND NOT EXISTS"
                       f" (SELECT 1 FROM user.read_state r WHERE r.article_id = read_marks.id)", part)  # fmt: skip
            db.execute(f"INSERT OR IGNORE INTO read_marks(id)"
                       f" SELECT article_id FROM user.read_state WHERE article_id IN ({marks})", part)  # fmt: skip
        # marks made elsewhere meanwhile (the command line) are not mirrored: the next start compares them all
        db.execute("DELETE FROM meta WHERE key = 'read_marks'")


_GONE = "NOT EXISTS (SELECT 1 FROM user.read_state r WHERE r.article_id = read_marks.id)"
_NEW = "NOT EXISTS (SELECT 1 FROM read_marks m WHERE m.id = user.read_state.article_id)"


# How many read marks there are and the newest one's time, kept after a full sync: every new mark is newer
# (read_at has milliseconds) and every removal lowers the count, so an unchanged pair means nothing changed
# since; reading it is one pass over the marks without a lookup per mark, where comparing the sets looks each up.
_FINGERPRINT = "SELECT count(*) || ' ' || coalesce(max(read_at), '') FROM user.read_state"


def _sync_all(db: sqlite3.Connection) -> None:
    """Every read mark: one at a time through the triggers when few differ, else mirrored with the triggers
    paused and the counts made again (the first start after an upgrade mirrors them all)."""
    now = db.execute(_FINGERPRINT).fetchone()[0]
    seen = db.execute("SELECT value FROM meta WHERE key = 'read_marks'").fetchone()
    if seen is not None and seen[0] == now:
        return
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('read_marks', ?)", (now,))
    differ = db.execute(f"SELECT (SELECT count(*) FROM read_marks WHERE {_GONE})"
                        f" + (SELECT count(*) FROM user.read_state WHERE {_NEW})").fetchone()[0]  # fmt: skip
    if not differ:
        return
    bulk = differ >= BULK
    if bulk:
        db.execute("INSERT INTO counts_paused(x) VALUES (1)")
    db.execute(f"DELETE FROM read_marks WHERE {_GONE}")
    db.execute(f"INSERT INTO read_marks(id) SELECT article_id FROM user.read_state WHERE {_NEW}")
    if bulk:
        db.execute("DELETE FROM counts_paused")
        for statement in SOURCES_AGAIN:
            db.execute(statement)
        for folder, low, high in db.execute("SELECT folder, low, high FROM folder_counts").fetchall():
            n, unread = db.execute(FOLDER_TALLY, (low, high)).fetchone()
            db.execute("UPDATE folder_counts SET n = ?, unread = ? WHERE folder = ?", (n, unread, folder))


def set_count_folders(db: sqlite3.Connection, folders: Iterable[str]) -> None:
    """Count these folders from now on (and no others); a folder new to the counts is counted once, in SQL."""
    wanted = list(dict.fromkeys(folders))
    with db:
        have = {str(r[0]) for r in db.execute("SELECT folder FROM folder_counts")}
        for gone in have - set(wanted):
            db.execute("DELETE FROM folder_counts WHERE folder = ?", (gone,))
        for folder in wanted:
            if folder in have:
                continue
            low, high = folder_range(folder)
            n, unread = db.execute(FOLDER_TALLY, (low, high)).fetchone()
            db.execute("INSERT INTO folder_counts(folder, low, high, n, unread) VALUES (?,?,?,?,?)",
                       (folder, low, high, n, unread))  # fmt: skip


def read_counts(db: sqlite3.Connection, *, top: int | None = TOP_SOURCES) -> SidebarCounts:
    """Every count the sidebar shows; `top=None` lists every source."""
    n, unread = db.execute("SELECT coalesce(sum(n), 0), coalesce(sum(unread), 0) FROM source_counts").fetchone()
    listed = db.execute(
        "SELECT source, n, unread FROM source_counts WHERE n > 0 AND source != ''"
        " ORDER BY n DESC, source COLLATE NOCASE, source LIMIT ?",
        (-1 if top is None else top,),
    ).fetchall()
    # the articles without a source are in the totals but never listed: no source: filter can ask for them
    named = db.execute("SELECT count(*) FROM source_counts WHERE n > 0 AND source != ''").fetchone()[0]
    folders = {str(f): Tally(int(a), int(u)) for f, a, u in db.execute("SELECT folder, n, unread FROM folder_counts")}
    # the user's rows joined to the cache: the Bookmarked and Annotated views list exactly these
    bookmarked = db.execute("SELECT count(*) FROM user.bookmarks b JOIN articles a ON a.id = b.article_id")
    annotated = db.execute(
        "SELECT count(*) FROM (SELECT article_id FROM user.notes UNION SELECT article_id FROM user.highlights) u"
        " JOIN articles a ON a.id = u.article_id"
    )
    tags = db.execute(
        "SELECT t.tag, count(DISTINCT t.article_id) FROM user.bookmark_tags t JOIN articles a ON a.id = t.article_id"
        " GROUP BY t.tag"
    )
    return SidebarCounts(
        library=Tally(int(n), int(unread)),
        bookmarked=int(bookmarked.fetchone()[0]),
        annotated=int(annotated.fetchone()[0]),
        folders=folders,
        sources=[(str(s), Tally(int(a), int(u))) for s, a, u in listed],
        source_total=int(named),
        tags={str(t): int(c) for t, c in tags},
    )
