"""Merging the cache's full-text index into one segment, in small steps, after an import.

Every import transaction leaves the FTS5 index a segment of its own (FTS5's automerge keeps them to a few per
level), and a search's first page that walks the sort index asks the full-text index about each row: each such
probe seeks every segment, so a first page costs 2-3x what it costs over one segment. A whole 'optimize' takes
about 4 s at 100,000 articles and holds the cache's write lock all that time; FTS5's 'merge' command does the
same work a bounded number of pages at a time, so here each step is its own short transaction and the writer
rests between steps: the window's own writes and a Cancel or a quit wait for one step at most. A merge stopped
midway is resumed by the next one (FTS5 keeps the half-merged segments consistent; `meta` keeps it due).

When it is due: the cache's `meta` holds `fts_merged` once a merge has left one segment; an import or rescan of
`MERGE_AFTER_FILES` or more files (or one that forgot as many) drops it (`mark_merge_due`), and a cache that never
had one (made before this) is merged once.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Pages FTS5 writes per step: at 100,000 articles about 10-20 ms of SQLite work a step (up to ~55 ms at p95 with
# the log's checkpoints), about 95 steps for the whole index (`benchmarks/search_plans.py --merge`).
MERGE_PAGES = 64
# The writer's rest between steps: long enough for a connection waiting on the write lock (SQLite's busy handler
# retries after 1, 2, 5, 10 ... ms) to get it, and it leaves the window a core half the time.
STEP_PAUSE_S = 0.05
# An import or rescan that writes (or forgets) this many files leaves the index worth merging again.
MERGE_AFTER_FILES = 1_000
MERGED_KEY = "fts_merged"
_STEP_SQL = "INSERT INTO articles_fts(articles_fts, rank) VALUES('merge', ?)"
# FTS5 merges its segments as they come (`automerge`, 4 by default): every batch's segment is merged again each
# time a level fills, and an import of MERGE_AFTER_FILES or more is merged into one segment after it anyway. The
# pool's import turns it off while it writes (FTS5's crisis merge still bounds a level at 16 segments) and back to
# FTS5's default after; a kill in between leaves it off until the next pool import ends, never a wrong index.
FTS_AUTOMERGE = 4
_AUTOMERGE_SQL = "INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', ?)"


@dataclass
class MergeRun:
    """How a merge went: steps taken, wall and CPU seconds, its longest step, and whether it finished."""

    steps: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    longest_step: float = 0.0
    done: bool = False
    segments_before: int = 0


def segments(db: sqlite3.Connection) -> int:
    """How many segments the full-text index has (one row of `articles_fts_idx` per leaf page: small)."""
    return int(db.execute("SELECT count(DISTINCT segid) FROM articles_fts_idx").fetchone()[0])


def set_automerge(db: sqlite3.Connection, level: int) -> None:
    """Set FTS5's `automerge` (0: off) in the cache; it is kept in the index's own config table."""
    with db:
        db.execute(_AUTOMERGE_SQL, (level,))


def merge_due(db: sqlite3.Connection) -> bool:
    """Whether the index has not been merged since the last large import (or never was)."""
    return db.execute("SELECT 1 FROM meta WHERE key = ?", (MERGED_KEY,)).fetchone() is None


def mark_merge_due(db: sqlite3.Connection) -> None:
    """Say that the next `merge_index` has work: called before a large import writes, so a stopped one counts."""
    with db:
        db.execute("DELETE FROM meta WHERE key = ?", (MERGED_KEY,))


def merge_step(db: sqlite3.Connection, pages: int = MERGE_PAGES) -> bool:
    """One bounded step in its own transaction; False when it found nothing to do.

    A negative page count puts every segment on one level first and lets as few as two be merged (the FTS5
    docs' 'merge' command), so steps go on until one segment is left, not only while a level holds four.
    """
    before = db.total_changes
    with db:
        db.execute(_STEP_SQL, (-abs(pages),))
    return db.total_changes - before >= 2  # FTS5's own sign that a step wrote something


def merge_index(db: sqlite3.Connection, *, should_stop: Callable[[], bool] | None = None, pages: int = MERGE_PAGES,
                pause: float = STEP_PAUSE_S, sleep: Callable[[float], None] = time.sleep) -> MergeRun:  # fmt: skip
    """Merge the full-text index into one segment, step by step, if it is due; stop between steps when told.

    Search results are the same before, during and after: only how the index is laid out changes.
    """
    run = MergeRun()
    if not merge_due(db):
        run.done = True
        return run
    started, cpu = time.perf_counter(), time.thread_time()
    run.segments_before = left = segments(db)
    while left > 1:
        if should_stop is not None and should_stop():
            break
        if run.steps and pause > 0:
            sleep(pause)  # between steps only: a small index is merged in one step, with no wait at all
            if should_stop is not None and should_stop():
                break
        t0 = time.perf_counter()
        try:
            wrote = merge_step(db, pages)
        except sqlite3.Error as exc:  # locked by another program's long write, or the disk is full: next time
            log.warning("the full-text index's merge stopped after %d steps: %s", run.steps, exc)
            break
        run.steps += 1
        run.longest_step = max(run.longest_step, time.perf_counter() - t0)
        left = segments(db)
        if not wrote and left > 1:  # never seen: FTS5 would not merge what is left; try again next time
            log.warning("the full-text index kept %d segments after a merge step that wrote nothing", left)
            break
    if left <= 1:
        with db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES(?, '1')", (MERGED_KEY,))
        run.done = True
    run.seconds, run.cpu_seconds = time.perf_counter() - started, time.thread_time() - cpu
    return run
