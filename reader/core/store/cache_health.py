"""The library cache before it is opened: a damaged one is deleted without asking, since it is rebuilt.

Call `ensure_cache_usable(path)` before `Library(path)`; show the notice it returns, if any. The window
checks in its scan's thread (`cache_problem`) and deletes a damaged one after closing its own connection.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Collection
from pathlib import Path

from reader.core.store import library_schema as library
from reader.core.store.integrity import SIDE_FILES, open_read_only

log = logging.getLogger(__name__)

_TABLE = re.compile(r"CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", re.IGNORECASE)


def cache_tables() -> frozenset[str]:
    """The tables the cache's schema creates, read from the schema itself so the two cannot drift apart."""
    return frozenset(_TABLE.findall(library.SCHEMA))


def cache_problem(path: Path, *, tables: Collection[str] | None = None) -> str | None:
    """Why the cache at `path` cannot be used (in words), or None when it is sound or not there yet.

    A cache of another schema version is not a problem here: opening it rebuilds it anyway.
    """
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        conn = open_read_only(path)
        try:
            problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:  # locked or unreadable: not damage, opening will say what it is
        log.info("library cache %s not checked: %s", path, exc)
        return None
    except sqlite3.DatabaseError as exc:
        return f"SQLite says: {exc}"
    if problems != ["ok"]:
        return f"SQLite integrity check: {'; '.join(problems[:3])}"
    if version == library.SCHEMA_VERSION:
        missing = set(cache_tables() if tables is None else tables) - present
        if missing:
            return f"tables missing: {', '.join(sorted(missing))}"
    return None


def ensure_cache_usable(path: Path, *, tables: Collection[str] | None = None) -> str | None:
    """Delete the cache at `path` when it is damaged; returns a notice for the user, or None when all is well."""
    path = Path(path)
    problem = cache_problem(path, tables=tables)
    return None if problem is None else delete_damaged_cache(path, problem)


def delete_damaged_cache(path: Path, problem: str) -> str:
    """Delete the cache `cache_problem` found damaged; the notice for the user (what happened, or what to do)."""
    log.warning("library cache %s is damaged (%s); deleting it", path, problem)
    try:
        for suffix in ("", *SIDE_FILES):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    except OSError as exc:
        return (
            f"The library cache {path} is damaged ({problem}) and could not be deleted ({exc}). "
            "Delete it yourself (it holds nothing you made) and start News Reader again."
        )
    return (
        f"The library cache was damaged ({problem}), so it was deleted and is being rebuilt from your folders. "
        "Your bookmarks, notes and highlights are kept elsewhere and were not touched."
    )
