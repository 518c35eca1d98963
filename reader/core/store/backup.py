"""Backups of the user database with SQLite's online backup: on demand, daily with rotation, and restore."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from reader.core.store.db import UserDataError, connect
from reader.core.store.integrity import inspect_user_db, move_aside, open_read_only
from reader.core.store.integrity import stamp as _stamp
from reader.core.store.migrations import (
    LATEST_VERSION,
    Schema,
    expected_schema,
    expected_tables,
    migrate,
    read_schema,
)

DAILY_PREFIX = "daily-"
MANUAL_PREFIX = "backup-"
SAFETY_PREFIX = "before-restore-"
UPGRADE_PREFIX = "before-upgrade-"
SUFFIX = ".sqlite3"


class RestoreFailed(UserDataError):
    """Restoring went wrong after the checks passed; the message says where the safety copy is."""


def _copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Write a consistent copy of `source` to `dest`, atomically and private (mode 0600)."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        # A backup file is one self-contained file: no -wal beside it to lose when it is copied around.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    os.replace(partial, dest)


def backup_now(db_path: Path, dest: Path) -> Path:
    """Copy the live database to `dest` (a file, or an existing folder to put a dated file in); returns the file."""
    db_path, dest = Path(db_path), Path(dest)
    if not db_path.exists():
        raise UserDataError(f"There is no user data to back up yet ({db_path} does not exist).")
    if dest.is_dir():
        dest = dest / f"{MANUAL_PREFIX}{_stamp()}{SUFFIX}"
    source = open_read_only(db_path)
    try:
        _copy_database(source, dest)
    except (OSError, sqlite3.Error) as exc:
        raise UserDataError(f"Could not write the backup {dest}: {exc}") from exc
    finally:
        source.close()
    return dest


def daily_backups(backups_dir: Path) -> list[Path]:
    """The automatic backups in `backups_dir`, oldest first (their names sort by date)."""
    if not Path(backups_dir).is_dir():
        return []
    return sorted(p for p in Path(backups_dir).glob(f"{DAILY_PREFIX}*{SUFFIX}") if p.is_file())


def daily_backup(db_path: Path, backups_dir: Path, keep: int = 7, *, now: datetime | None = None) -> Path | None:
    """Back up once per UTC day (call it at start) and keep the newest `keep`; returns the new file or None.

    A damaged database is never backed up (UserDataError), and rotation never deletes the newest
    backup that passes the checks, however old: a run of bad days cannot push out the last good copy.
    """
    db_path, backups_dir = Path(db_path), Path(backups_dir)
    now = now or datetime.now(UTC)
    today = now.strftime("%Y-%m-%d")
    if not db_path.exists() or any(p.name.startswith(DAILY_PREFIX + today) for p in daily_backups(backups_dir)):
        return None
    found = inspect_user_db(db_path)
    if found.state in ("damaged", "empty"):
        raise UserDataError(f"{db_path} was not backed up: it is {found.state} ({found.detail}).")
    made = backup_now(db_path, backups_dir / f"{DAILY_PREFIX}{_stamp(now)}{SUFFIX}")
    _rotate(daily_backups(backups_dir), keep)
    return made


def _is_sound(path: Path) -> bool:
    try:
        check_database(path)
    except UserDataError:
        return False
    return True


def _rotate(backups: list[Path], keep: int) -> None:
    """Delete all but the newest `keep` of `backups` (oldest first), sparing the newest sound one."""
    if keep <= 0 or len(backups) <= keep:
        return
    kept, old = backups[-keep:], backups[:-keep]
    if not any(_is_sound(p) for p in reversed(kept)):
        spared = next((p for p in reversed(old) if _is_sound(p)), None)
        old = [p for p in old if p != spared]
    for path in old:
        path.unlink(missing_ok=True)


def all_backups(backups_dir: Path) -> list[Path]:
    """Every backup in `backups_dir` (daily, on demand, before an upgrade or a restore), newest first."""
    folder = Path(backups_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"*{SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_sound_backup(backups_dir: Path) -> Path | None:
    """The newest backup that passes every check of `check_database`, or None."""
    return next((p for p in all_backups(backups_dir) if _is_sound(p)), None)


def backup_before_upgrade(db_path: Path, backups_dir: Path, version: int) -> Path:
    """Keep a copy of a database about to be upgraded from schema `version` (never pruned)."""
    return backup_now(db_path, Path(backups_dir) / f"{UPGRADE_PREFIX}v{version}-{_stamp()}{SUFFIX}")


def check_database(path: Path) -> int:
    """Raise UserDataError unless `path` is a sound News Reader user database; returns its schema version."""
    path = Path(path)
    if not path.is_file():
        raise UserDataError(f"{path} does not exist or is not a file.")
    try:
        conn = open_read_only(path)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            schema = read_schema(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserDataError(f"{path} is not a SQLite database, so not a News Reader backup ({exc}).") from exc
    if problems != ["ok"]:
        raise UserDataError(f"{path} is damaged (SQLite integrity check: {'; '.join(problems[:3])}).")
    if version < 1 or version > LATEST_VERSION:
        newer = version > LATEST_VERSION
        raise UserDataError(
            f"{path} is not a News Reader user database this version can read (schema version {version}"
            + (", from a newer News Reader; update first)." if newer else ").")
        )
    missing = expected_tables(version) - tables
    if missing:
        listed = ", ".join(sorted(missing))
        raise UserDataError(f"{path} is not a News Reader user database (missing tables: {listed}).")
    _check_schema(path, schema, version)
    return version


def _check_schema(path: Path, schema: Schema, version: int) -> None:
    """Refuse any table, index, view or trigger our steps do not create: a trigger could delete new notes."""
    expected = expected_schema(version)
    foreign = sorted(f"{kind} {name}" for kind, name in schema.keys() - expected.keys())
    if foreign:
        raise UserDataError(
            f"{path} holds things News Reader never creates ({', '.join(foreign[:5])}). It may have been made "
            "to change your data behind your back, so it was not used."
        )
    missing = sorted(f"{kind} {name}" for kind, name in expected.keys() - schema.keys())
    changed = sorted(name for (kind, name), cols in expected.items() if schema.get((kind, name), cols) != cols)
    if missing or changed:
        what = ", ".join([*missing, *(f"table {n} with other columns" for n in changed)][:5])
        raise UserDataError(f"{path} is not a News Reader user database ({what}).")


def restore(db_path: Path, src: Path, *, safety_dir: Path | None = None) -> Path | None:
    """Replace the user database with the backup `src`, after checking it and saving a safety copy.

    Returns the safety copy of the data that was replaced (None when there was none); a damaged live
    file is moved aside whole instead (`user.sqlite3.damaged-<time>`). The copy is written into the
    live file through SQLite, so a window that has it open sees the restored data.
    """
    db_path, src = Path(db_path), Path(src)
    check_database(src)
    if src.resolve() == db_path.resolve():
        raise UserDataError(f"{src} is the live user database itself; choose a backup file.")
    safety = None
    if inspect_user_db(db_path).state in ("damaged", "empty"):
        safety = move_aside(db_path)  # a damaged file cannot be copied through SQLite; keep it whole instead
    elif db_path.exists():
        safety = backup_now(db_path, (safety_dir or db_path.parent) / f"{SAFETY_PREFIX}{_stamp()}{SUFFIX}")
    source = open_read_only(src)
    live = connect(db_path)
    try:
        source.backup(live)
        with contextlib.suppress(sqlite3.Error):
            live.execute("PRAGMA journal_mode = WAL")  # the copy carries the backup's journal mode over
        migrate(live)  # an older backup is brought up to this version's schema
    except sqlite3.Error as exc:
        raise RestoreFailed(f"Restoring {src} failed ({exc}); your previous data is saved in {safety}.") from exc
    finally:
        source.close()
        live.close()
    return safety

