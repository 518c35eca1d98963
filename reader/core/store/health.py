"""What happens to the user database at start: check it, recover a damaged one from a backup, back it up.

`prepare_user_db` runs before the database is opened for use. It never deletes anything the user made:
a damaged file is renamed to `user.sqlite3.damaged-<time>` and the newest sound backup takes its place.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from reader.core.store.backup import daily_backup, newest_sound_backup, restore
from reader.core.store.db import UserDataError, is_read_only
from reader.core.store.integrity import Inspection, inspect_user_db, move_aside

log = logging.getLogger(__name__)

# A `.partial` file older than this was left by a backup that was killed half-way.
STALE_PARTIAL_SECONDS = 3600


def remove_stale_partials(*folders: Path, now: float | None = None) -> list[Path]:
    """Delete `*.partial` files older than an hour in `folders` (left by killed backups); returns them."""
    now = time.time() if now is None else now
    removed = []
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for partial in Path(folder).glob("*.partial"):
            try:
                if partial.is_file() and now - partial.stat().st_mtime > STALE_PARTIAL_SECONDS:
                    partial.unlink()
                    removed.append(partial)
            except OSError as exc:
                log.warning("could not remove the unfinished backup %s: %s", partial, exc)
    return removed


def read_only_notice(db_path: Path) -> str | None:
    """The words shown when the user data cannot be written to (the store then opens it read-only)."""
    folder = Path(db_path).parent
    if not Path(db_path).exists() or not is_read_only(db_path):
        return None
    return (
        f"Your user data folder {folder} (or the file in it) cannot be written to, so News Reader opened your "
        "data read-only: you can read, but bookmarks, notes and highlights cannot be saved. Make it writable "
        "and start News Reader again."
    )


def _recover(db_path: Path, backups_dir: Path, found: Inspection) -> str:
    """Move the damaged file aside and put the newest sound backup in its place; returns what was done."""
    try:
        moved = move_aside(db_path)
    except OSError as exc:
        raise UserDataError(f"Your user data file {db_path} is damaged ({found.detail}) and could not be "
                            f"moved aside ({exc}). Restore a backup with `news-reader restore`.") from exc
    good = newest_sound_backup(backups_dir)
    head = f"Your user data file was damaged ({found.detail}). It was kept as {moved}."
    if good is None:
        return (
            f"{head} No sound backup was found in {backups_dir}, so News Reader started with empty user "
            f"data. The damaged file may still be partly readable (sqlite3 \"{moved}\" .recover)."
        )
    try:
        restore(db_path, good)
    except (UserDataError, OSError, sqlite3.Error) as exc:
        log.error("restoring %s after damage failed: %s", good, exc)
        return f"{head} Restoring the backup {good} failed ({exc}); restore it with `news-reader restore`."
    when = datetime.fromtimestamp(good.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return f"{head} Your data was restored from the backup {good.name} ({when}); changes made after it are not in it."


def prepare_user_db(db_path: Path, backups_dir: Path | None) -> str | None:
    """Check the user database before it is opened; returns a notice for the user, or None when all is well.

    Without `backups_dir` only the read-only check runs. With it: stale `.partial` files are removed;
    a damaged file (or an empty one while backups exist) is moved aside and the newest sound backup
    restored; a sound one gets its daily backup (a failed backup is logged, never fatal).
    """
    db_path = Path(db_path)
    notice = read_only_notice(db_path)
    if backups_dir is None or notice is not None:
        return notice
    backups_dir = Path(backups_dir)
    remove_stale_partials(backups_dir, db_path.parent)
    found = inspect_user_db(db_path)
    if found.state == "damaged" or (found.state == "empty" and newest_sound_backup(backups_dir) is not None):
        return _recover(db_path, backups_dir, found)
    if found.state == "ok":
        try:
            daily_backup(db_path, backups_dir)
        except (UserDataError, OSError, sqlite3.Error) as exc:
            log.warning("automatic backup of the user data failed: %s", exc)
    return None
