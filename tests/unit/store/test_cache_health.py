"""A damaged library cache is deleted before it is opened, and a sound one is left alone."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.core.library_sync import LibrarySync
from reader.core.store.cache_health import cache_tables, ensure_cache_usable
from reader.core.store.library import Library

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "library"


def _cache(tmp_path: Path) -> Path:
    path = tmp_path / "cache" / "library.sqlite3"
    lib = Library(path)
    LibrarySync(lib).scan([str(FIXTURES)])
    assert lib.count() > 0
    lib.close()
    return path


def _gone(path: Path) -> bool:
    return not any(Path(f"{path}{s}").exists() for s in ("", "-wal", "-shm"))


def test_a_sound_cache_is_left_alone(tmp_path: Path) -> None:
    path = _cache(tmp_path)
    before = path.read_bytes()
    assert ensure_cache_usable(path) is None
    assert path.read_bytes() == before
    assert ensure_cache_usable(tmp_path / "none.sqlite3") is None


def test_random_bytes_are_deleted_and_the_cache_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(os.urandom(20_000))
    notice = ensure_cache_usable(path)
    assert notice is not None and "library cache was damaged" in notice and "not a database" in notice
    assert _gone(path)
    lib = Library(path)  # opening after the check works: a fresh cache
    assert lib.count() == 0
    lib.close()


def test_a_bad_page_is_deleted(tmp_path: Path) -> None:
    path = _cache(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page)
        f.write(b"\xff" * 100)
    notice = ensure_cache_usable(path)
    assert notice is not None and "rebuilt" in notice
    assert _gone(path)


def test_a_missing_table_is_deleted(tmp_path: Path) -> None:
    path = _cache(tmp_path)
    assert "mentions" in cache_tables() and "articles" in cache_tables()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE mentions")
    conn.close()
    notice = ensure_cache_usable(path)
    assert notice is not None and "tables missing: mentions" in notice
    assert _gone(path)
