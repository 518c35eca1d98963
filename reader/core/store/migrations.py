"""Numbered schema steps of the user database, applied in order through PRAGMA user_version."""

from __future__ import annotations

import sqlite3
from functools import cache

from reader.core.store.db import UserDataError, transaction

# Step 1: the base schema. Never edit a released step; add a new one instead.
SCHEMA_V1 = (
    """CREATE TABLE folders (
        path TEXT PRIMARY KEY,
        added TEXT NOT NULL
    )""",
    """CREATE TABLE bookmarks (
        article_id TEXT PRIMARY KEY,
        path TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    )""",
    """CREATE TABLE read_state (
        article_id TEXT PRIMARY KEY,
        read_at TEXT NOT NULL
    )""",
    """CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    )""",
    """CREATE TABLE highlights (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL DEFAULT 'yellow',
        note TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    )""",
    "CREATE INDEX highlights_by_article ON highlights (article_id, start)",
    """CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
)

# Step 2: tags on bookmarks, and an orphan flag for highlights that could not be re-anchored.
SCHEMA_V2 = (
    """CREATE TABLE bookmark_tags (
        article_id TEXT NOT NULL REFERENCES bookmarks (article_id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
    )""",
    "CREATE INDEX bookmark_tags_by_tag ON bookmark_tags (tag)",
    "ALTER TABLE highlights ADD COLUMN orphan INTEGER NOT NULL DEFAULT 0",
)

# Step 3: the user's entity corrections ("" article_id = every article) and watch terms.
SCHEMA_V3 = (
    """CREATE TABLE entity_corrections (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL DEFAULT 0,
        end INTEGER NOT NULL DEFAULT 0,
        exact TEXT NOT NULL,
        type TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
        created TEXT NOT NULL
    )""",
    "CREATE INDEX entity_corrections_by_article ON entity_corrections (article_id)",
    """CREATE TABLE watch_terms (
        id TEXT PRIMARY KEY,
        term TEXT NOT NULL UNIQUE,
        whole_word INTEGER NOT NULL DEFAULT 1,
        case_sensitive INTEGER NOT NULL DEFAULT 0,
        color TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
)

# Step 4: the user's entity aliases, "always: X is Y" (X counts as the entity Y in every library view).
SCHEMA_V4 = (
    """CREATE TABLE entity_aliases (
        id TEXT PRIMARY KEY,
        alias TEXT NOT NULL UNIQUE,
        target TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
)

STEPS: tuple[tuple[str, ...], ...] = (SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4)
LATEST_VERSION = len(STEPS)

# Objects SQLite itself may add to any database (statistics, AUTOINCREMENT counters); never ours to judge.
SQLITE_OWN_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})

# One schema object as compared with a database from outside: (type, name) -> its columns (tables only).
Schema = dict[tuple[str, str], tuple[tuple[object, ...], ...]]


def read_schema(conn: sqlite3.Connection) -> Schema:
    """Every table, index, view and trigger of `conn` with each table's columns (name, type, not null, default, key)."""
    schema: Schema = {}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master").fetchall():
        if name in SQLITE_OWN_TABLES:
            continue
        columns: tuple[tuple[object, ...], ...] = ()
        if kind == "table":
            quoted = '"' + str(name).replace('"', '""') + '"'
            columns = tuple(tuple(row[1:]) for row in conn.execute(f"PRAGMA table_info({quoted})"))
        schema[(str(kind), str(name))] = columns
    return schema


@cache
def _expected_schema(version: int) -> tuple[tuple[tuple[str, str], tuple[tuple[object, ...], ...]], ...]:
    conn = sqlite3.connect(":memory:")
    try:
        for step in STEPS[:version]:
            for statement in step:
                conn.execute(statement)
        return tuple(sorted(read_schema(conn).items()))
    finally:
        conn.close()


def expected_schema(version: int) -> Schema:
    """The schema our own steps create at `version`, built by running them on an empty in-memory database."""
    return dict(_expected_schema(version))


def expected_tables(version: int) -> set[str]:
    """The tables a database at schema `version` has, read from the steps themselves (restore checks them)."""
    names = set()
    for step in STEPS[:version]:
        for statement in step:
            words = statement.split()
            if words[:2] == ["CREATE", "TABLE"]:
                names.add(words[2])
    return names


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_step(conn: sqlite3.Connection, version: int) -> None:
    """Run step `version` (1-based) and record it, all in one transaction."""
    try:
        with transaction(conn):
            # Re-check under the write lock: another process may have just upgraded the file.
            if schema_version(conn) >= version:
                return
            for statement in STEPS[version - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(version)}")
    except (UserDataError, sqlite3.Error) as exc:
        raise UserDataError(
            f"Upgrading your user data to schema version {version} failed ({exc}). The file was left as it was."
        ) from exc


def migrate(conn: sqlite3.Connection, *, target: int = LATEST_VERSION) -> int:
    """Bring the database up to `target`; returns the version it now has."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise UserDataError(
            f"This user data was written by a newer News Reader (schema {current}, this version knows "
            f"up to {LATEST_VERSION}). Update News Reader, or restore an older backup."
        )
    for version in range(current + 1, target + 1):
        apply_step(conn, version)
    return schema_version(conn)
