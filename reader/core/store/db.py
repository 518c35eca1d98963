"""Opening the user database safely: private file, WAL, foreign keys, one transaction per write."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from reader.core.errors import ReaderError

# How long a writer waits for another process holding the write lock before giving up (ms).
BUSY_TIMEOUT_MS = 10_000


class UserDataError(ReaderError):
    """The user database cannot be used: what is wrong and what the user can do about it."""


class ReadOnlyUserData(UserDataError):
    """A write was asked of user data that was opened read-only (its folder cannot be written to)."""


class ReadOnlyConnection(sqlite3.Connection):
    """A connection opened read-only because the data folder cannot be written to; writes are refused."""


def folder_is_writable(folder: Path) -> bool:
    """True when files can be created in `folder`: SQLite needs that for the -wal and -shm files."""
    return os.access(folder, os.W_OK)


def is_read_only(path: Path) -> bool:
    """True when the user database at `path` can be read but not written (its folder or the file itself)."""
    path = Path(path)
    if path.parent.is_dir() and not folder_is_writable(path.parent):
        return True
    return path.exists() and not os.access(path, os.W_OK)


def read_only_message(path: Path) -> str:
    return (
        f"Your user data was opened read-only because the folder {Path(path).parent} (or the file in it) cannot "
        "be written to; this change was not saved. Make it writable and start News Reader again."
    )


def utc_now() -> str:
    """The current time as ISO 8601 UTC with milliseconds, e.g. 2026-11-26T20:47:41.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    """A random id (uuid4). uuid is imported on the first write, not with the module: it imports `platform`,
    8-15 ms of the window's start."""
    import uuid

    return str(uuid.uuid4())


def _create_private(path: Path) -> None:
    """Make sure the file exists with mode 0600 before SQLite opens it.

    SQLite gives its -wal and -shm files the permissions of the main file, so they stay private too.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    with contextlib.suppress(OSError):  # e.g. a file on a filesystem without Unix modes
        os.chmod(path, 0o600)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open an existing file for reading only; writes through `transaction` raise ReadOnlyUserData."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, factory=ReadOnlyConnection)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL file whose -shm cannot be created: nobody can write here, so reading it as immutable is safe.
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, factory=ReadOnlyConnection)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise UserDataError(f"Cannot read the user data file {path} ({exc}).") from exc
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) a database file with the settings every user-data writer needs.

    When its folder cannot be written to, an existing file is opened read-only (a ReadOnlyConnection).
    """
    path = Path(path)
    if is_read_only(path):
        if not path.exists():
            raise UserDataError(
                f"The folder {path.parent} cannot be written to, so News Reader cannot keep your user data there. "
                "Make it writable, or start News Reader with --data-dir and a folder you can write to."
            )
        return _connect_read_only(path)
    try:
        _create_private(path)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so every write is one explicit transaction.
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except (OSError, sqlite3.Error) as exc:
        raise UserDataError(f"Cannot open the user data file {path}: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise UserDataError(f"The user data file {path} cannot use write-ahead logging (got {mode}).")
        # FULL: a commit reaches the disk before it returns, so a power cut cannot undo it.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise UserDataError(
            f"{path} is not a usable News Reader database ({exc}). Restore a backup with `news-reader restore`."
        ) from exc
    except UserDataError:
        conn.close()
        raise
    return conn


def _in_words(exc: sqlite3.Error) -> UserDataError:
    """A failed write as a message the user can act on; the SQLite error stays attached as the cause."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        seconds = BUSY_TIMEOUT_MS // 1000
        msg = (
            f"Your user data stayed locked by another program (another News Reader?) for {seconds} s. "
            "Close it or try again; nothing was changed."
        )
    elif "full" in text:
        msg = "The disk holding your user data is full. Free some space and try again; nothing was changed."
    elif "readonly" in text or "read-only" in text:
        msg = "Your user data file is read-only. Check its permissions; nothing was changed."
    else:
        msg = f"Saving your user data failed ({exc}); nothing was changed."
    return UserDataError(msg)


def _rollback(conn: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):  # SQLite may already have rolled back (e.g. disk full)
        if conn.in_transaction:
            conn.execute("ROLLBACK")


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction; takes the write lock up front so it never fails half-way on a busy lock.

    SQLite failures (locked, disk full, read-only) come out as UserDataError in plain words.
    """
    if isinstance(conn, ReadOnlyConnection):
        path = conn.execute("PRAGMA database_list").fetchone()[2]
        raise ReadOnlyUserData(read_only_message(Path(path)))
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _in_words(exc) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        _rollback(conn)
        raise _in_words(exc) from exc
    except BaseException:
        _rollback(conn)
        raise
