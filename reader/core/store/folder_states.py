"""Each library folder's state at the last complete look: its mtime, its (device, inode), and when it was listed.

The start-up rescan (`library_sync.quick_walk`) lists only the folders whose state moved since and takes the
other folders' files from the cache's file states. The table is replaced whole at the end of every complete
walk, so it never holds a folder the cache's file states do not match (a folder removed from the library
leaves it with that walk).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from reader.core.store.library import path_from_key, path_key


class FolderState(NamedTuple):
    """A folder as a complete walk listed it (`looked_at`: time.time() just after the listing)."""

    mtime_ns: int
    dev: int
    ino: int
    looked_at: float


def read_folder_states(db: sqlite3.Connection) -> dict[str, FolderState]:
    """Every stored folder state, by path (empty before the first complete walk)."""
    rows = db.execute("SELECT path, mtime_ns, dev, ino, looked_at FROM folders")
    return {path_from_key(p): FolderState(m, d, i, t) for p, m, d, i, t in rows}


def replace_folder_states(db: sqlite3.Connection, states: Iterable[tuple[str, FolderState]]) -> None:
    """Keep exactly these folder states (one transaction)."""
    with db:
        db.execute("DELETE FROM folders")
        db.executemany("INSERT OR REPLACE INTO folders(path, mtime_ns, dev, ino, looked_at) VALUES (?,?,?,?,?)",
                       ((path_key(p), *s) for p, s in states))  # fmt: skip

