"""The sidebar's unread counts (all articles, and each folder's), counted in indexes, not in article rows.

The list's own query for a folder (`ListQuery(folder=...)`) looks up each file's article row, which at
100,000 articles takes about a second per folder; here a folder's articles are counted in the
`locations` index, and its read ones from the user's read marks (few, and each found by its id), so a
count costs about what the folder's index entries do. Same articles as the list's views: the ones in
library files (not those kept only for the user's work), unread = no read mark in the user database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from reader.core.store.library_query import folder_range

_NOT_KEPT = "l.article_rowid NOT IN (SELECT article_rowid FROM kept)"
_IN_FOLDER = f"SELECT count(DISTINCT l.article_rowid) FROM locations l WHERE l.path >= ? AND l.path < ? AND {_NOT_KEPT}"
_READ_IN_FOLDER = (
    "SELECT count(DISTINCT l.article_rowid) FROM user.read_state r CROSS JOIN articles a ON a.id = r.article_id"
    f" CROSS JOIN locations l ON l.article_rowid = a.rowid WHERE l.path >= ? AND l.path < ? AND {_NOT_KEPT}"
)
_ALL = "SELECT count(*) FROM articles a WHERE a.rowid NOT IN (SELECT article_rowid FROM kept)"
_READ = (
    "SELECT count(*) FROM user.read_state r JOIN articles a ON a.id = r.article_id"
    " WHERE a.rowid NOT IN (SELECT article_rowid FROM kept)"
)

FOLDER_KEY = "folder:"  # a folder's key in the counts: "folder:/home/me/news"


def unread_counts(db: sqlite3.Connection, folders: Iterable[str]) -> dict[str, int]:
    """{"unread": n, "folder:<path>": n, ...} on the cache connection with the user database attached as `user`."""
    counts = {"unread": _one(db, _ALL) - _one(db, _READ)}
    for folder in folders:
        low, high = folder_range(folder)
        counts[FOLDER_KEY + folder] = _one(db, _IN_FOLDER, low, high) - _one(db, _READ_IN_FOLDER, low, high)
    return counts


def _one(db: sqlite3.Connection, sql: str, *params: object) -> int:
    return int(db.execute(sql, params).fetchone()[0])
