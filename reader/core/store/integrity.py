"""Is a user database file sound? Read-only checks, and moving a damaged file aside without losing it."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.core.store.migrations import LATEST_VERSION, expected_tables

SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Inspection:
    """What a look at a database file found: state is missing, empty, damaged, ok or unknown."""

    state: str
    detail: str = ""


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can never change `path` (SQLite still reads a -wal beside it)."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def stamp(now: datetime | None = None) -> str:
    """A UTC date and time for file names: 2026-03-01T080000Z (sorts by time)."""
    return (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H%M%SZ")


def inspect_user_db(path: Path) -> Inspection:
    """Check the live user database without writing to it.

    `unknown` means it could not be read for a reason that is not damage (locked, a read-only folder,
    a newer schema): opening it normally then reports that in its own words.
    """
    path = Path(path)
    if not path.exists():
        return Inspection("missing")
    try:
        if path.stat().st_size == 0:
            return Inspection("empty", "the file is empty (0 bytes)")
        conn = open_read_only(path)
        try:
            problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:  # locked, cannot open: not a sign of damage
        return Inspection("unknown", str(exc))
    except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
        return Inspection("damaged", f"SQLite says: {exc}")
    except OSError as exc:
        return Inspection("unknown", str(exc))
    if problems != ["ok"]:
        return Inspection("damaged", f"SQLite integrity check: {'; '.join(problems[:3])}")
    if version == 0 and not tables:
        return Inspection("empty", "the file holds no tables")
    if version > LATEST_VERSION:
        return Inspection("unknown", f"schema version {version} is from a newer News Reader")
    missing = expected_tables(version) - tables
    if missing:
        return Inspection("damaged", f"tables missing: {', '.join(sorted(missing))}")
    return Inspection("ok")


def move_aside(path: Path, *, now: datetime | None = None) -> Path:
    """Rename `path` (and its -wal/-shm) to `<name>.damaged-<time>`, so nothing in it is lost; returns the new name."""
    path = Path(path)
    target = path.with_name(f"{path.name}.damaged-{stamp(now)}")
    n = 1
    while target.exists():  # two recoveries in one second must not overwrite the first
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp(now)}-{n}")
    os.replace(path, target)
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{target}{suffix}"))
    return target
