"""The real program started on damaged files: the window opens, the user is told, nothing they made is lost."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync
from reader.core.store.backup import daily_backup
from reader.core.store.library import Library
from reader.core.store.user_data import UserStore
from reader.paths import resolve_paths

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"


def _user_data_with_backups(root: Path) -> Path:
    paths = resolve_paths(root)
    with UserStore(paths.user_db) as s:
        s.set_note("art-1", "my precious note")
    week_ago = datetime.now(UTC) - timedelta(days=7)
    for day in range(3):
        daily_backup(paths.user_db, paths.backups, now=week_ago + timedelta(days=day))
    return paths.user_db


def _scribble_on(db: Path, table: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page)
        f.write(b"\xff" * 100)


def _drop(db: Path, table: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute(f"DROP TABLE {table}")
    conn.close()


def _shot(run_reader, root: Path) -> tuple[int, str, Path]:
    out = root / "shot.png"
    proc = run_reader("--screenshot", str(out), "--no-samples", "--size", "800x600", "--data-dir", str(root))
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stderr, out


@pytest.mark.parametrize("damage", [lambda db: _scribble_on(db, "notes"), lambda db: _drop(db, "highlights")],
                         ids=["bad-page", "missing-table"])  # fmt: skip
def test_a_damaged_user_database_is_recovered_from_a_backup(tmp_path: Path, damage, run_reader, png_size) -> None:
    db = _user_data_with_backups(tmp_path)
    damage(db)
    code, err, out = _shot(run_reader, tmp_path)
    assert code == 0 and png_size(out) == (800, 600)
    assert "Your user data file was damaged" in err and "restored from the backup daily-" in err
    with UserStore(db) as s:
        assert s.note("art-1") == "my precious note"
    kept = [p for p in db.parent.glob("user.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].stat().st_size > 0  # the damaged file is kept whole


def test_an_emptied_user_database_is_recovered(tmp_path: Path, run_reader) -> None:
    db = _user_data_with_backups(tmp_path)
    db.write_bytes(b"")
    code, err, out = _shot(run_reader, tmp_path)
    assert code == 0 and out.is_file()
    assert "empty (0 bytes)" in err
    with UserStore(db) as s:
        assert s.note("art-1") == "my precious note"


def _filled_cache(root: Path) -> Path:
    path = resolve_paths(root).library_db
    lib = Library(path)
    LibrarySync(lib).scan([str(FIXTURES)])
    lib.close()
    return path


@pytest.mark.parametrize("damage", ["random-bytes", "bad-page", "missing-table"])
def test_a_damaged_library_cache_is_deleted_and_rebuilt(tmp_path: Path, damage: str, run_reader, png_size) -> None:
    cache = _filled_cache(tmp_path)
    if damage == "random-bytes":
        cache.write_bytes(os.urandom(20_000))
    elif damage == "bad-page":
        _scribble_on(cache, "articles")
    else:
        _drop(cache, "mentions")
    code, err, out = _shot(run_reader, tmp_path)
    assert code == 0 and png_size(out) == (800, 600)
    assert "The library cache was damaged" in err and "rebuilt" in err
    conn = sqlite3.connect(cache)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0  # a fresh, sound cache
    conn.close()
