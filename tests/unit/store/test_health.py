"""The user database at start: damage is detected, moved aside and recovered from the newest sound backup."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.store import db as db_module
from reader.core.store.backup import backup_now, check_database, daily_backup, daily_backups, restore
from reader.core.store.db import ReadOnlyUserData, UserDataError
from reader.core.store.health import prepare_user_db
from reader.core.store.user_data import UserStore
from reader.paths import resolve_paths


def _filled(path: Path, note: str = "precious note") -> Path:
    with UserStore(path) as s:
        s.set_note("a", note)
        s.set_bookmark_tags("a", ["t1"])
    return path


def _old_dailies(db: Path, bk: Path, days: int = 7) -> list[Path]:
    start = datetime.now(UTC) - timedelta(days=days + 1)
    made = [daily_backup(db, bk, now=start + timedelta(days=d)) for d in range(days)]
    return [p for p in made if p is not None]


def _damage_page(db: Path, table: str = "notes") -> None:
    """Scribble over the root page of `table`, as a bad disk sector or a stray write would."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page)
        f.write(b"\xff" * 100)


def _damaged_files(db: Path) -> list[Path]:
    return sorted(db.parent.glob(db.name + ".damaged-*"))


def test_a_damaged_page_is_moved_aside_and_the_newest_backup_restored(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    bk = tmp_path / "backups"
    newest = _old_dailies(db, bk)[-1]
    _damage_page(db)
    with UserStore(db, backups_dir=bk) as s:
        assert s.note("a") == "precious note"
        assert s.bookmark("a").tags == ("t1",)  # type: ignore[union-attr]
        notice = s.notice
    [aside] = _damaged_files(db)
    assert notice is not None
    assert "damaged" in notice and str(aside) in notice and newest.name in notice
    assert aside.stat().st_size > 0  # the damaged file is kept whole, not deleted


def test_seven_starts_on_an_empty_file_never_lose_the_data(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    bk = tmp_path / "backups"
    _old_dailies(db, bk)
    for _ in range(8):
        db.write_bytes(b"")  # the file truncated to 0 bytes (a full disk, a bad sync) before every start
        for side in ("-wal", "-shm"):
            Path(f"{db}{side}").unlink(missing_ok=True)
        with UserStore(db, backups_dir=bk) as s:
            assert s.note("a") == "precious note"
            assert s.notice is not None and "empty (0 bytes)" in s.notice
    assert sum(1 for p in daily_backups(bk) if _sound(p)) >= 1


def _sound(path: Path) -> bool:
    try:
        check_database(path)
    except UserDataError:
        return False
    return True


def test_a_missing_table_counts_as_damage(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    bk = tmp_path / "backups"
    _old_dailies(db, bk, days=1)
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE read_state")
    conn.close()
    with UserStore(db, backups_dir=bk) as s:
        assert s.note("a") == "precious note"
        s.set_read("a")
        assert s.is_read("a")
        assert s.notice is not None and "read_state" in s.notice


def test_damage_without_any_backup_starts_empty_and_keeps_the_file(tmp_path: Path) -> None:
    db = tmp_path / "user.sqlite3"
    junk = b"not a database " * 500
    db.write_bytes(junk)
    with UserStore(db, backups_dir=tmp_path / "backups") as s:
        assert s.note("a") == ""
        s.set_note("a", "new start")
        assert s.notice is not None and "No sound backup" in s.notice
    [aside] = _damaged_files(db)
    assert aside.read_bytes() == junk


def test_a_fresh_start_has_no_notice(tmp_path: Path) -> None:
    with UserStore(tmp_path / "user.sqlite3", backups_dir=tmp_path / "backups") as s:
        assert s.notice is None
    with UserStore(tmp_path / "user.sqlite3", backups_dir=tmp_path / "backups") as s:
        assert s.notice is None
    assert _damaged_files(tmp_path / "user.sqlite3") == []


def test_a_damaged_database_is_never_backed_up(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    _damage_page(db)
    with pytest.raises(UserDataError, match="not backed up"):
        daily_backup(db, tmp_path / "backups")
    assert daily_backups(tmp_path / "backups") == []


def test_rotation_spares_the_last_sound_backup(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    bk = tmp_path / "backups"
    day0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    [good] = [p for p in [daily_backup(db, bk, now=day0)] if p]
    conn = sqlite3.connect(db)  # something added a trigger: its copies are no longer sound backups
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END")
    conn.close()
    for d in range(1, 10):
        daily_backup(db, bk, keep=3, now=day0 + timedelta(days=d))
    kept = daily_backups(bk)
    assert good in kept and len(kept) == 4
    assert [p for p in kept if _sound(p)] == [good]


def test_restore_over_a_damaged_database_moves_it_aside(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    saved = backup_now(db, tmp_path / "saved.sqlite3")
    with UserStore(db) as s:
        s.set_note("a", "later")
    size = db.stat().st_size
    with open(db, "r+b") as f:  # garbage over the header, as the findings reproduced it
        f.write(b"\x00garbage" * 8)
    safety = restore(db, saved, safety_dir=tmp_path / "backups")
    assert safety is not None and safety.name.startswith("user.sqlite3.damaged-")
    assert safety.stat().st_size == size
    with UserStore(db) as s:
        assert s.note("a") == "precious note"


def test_restore_over_a_half_truncated_database(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    saved = backup_now(db, tmp_path / "saved.sqlite3")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.executemany("INSERT INTO kv VALUES (?, ?)", [(f"k{i}", "v" * 500) for i in range(100)])
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.truncate(db, db.stat().st_size // 2)
    assert restore(db, saved) is not None
    with UserStore(db) as s:
        assert s.note("a") == "precious note"


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("CREATE TRIGGER eat AFTER INSERT ON notes BEGIN DELETE FROM notes; END", "trigger eat"),
        ("CREATE VIEW everything AS SELECT * FROM notes", "view everything"),
        ("CREATE TABLE extra (x)", "table extra"),
    ],
)
def test_restore_refuses_objects_we_never_create(tmp_path: Path, sql: str, named: str) -> None:
    db = _filled(tmp_path / "user.sqlite3", note="mine")
    hostile = _filled(tmp_path / "hostile.sqlite3", note="theirs")
    conn = sqlite3.connect(hostile)
    conn.execute(sql)
    conn.close()
    before = db.read_bytes()
    with pytest.raises(UserDataError, match=f"never creates \\({named}\\)"):
        restore(db, hostile, safety_dir=tmp_path / "backups")
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()
    with UserStore(db) as s:
        assert s.note("a") == "mine"


def test_restore_refuses_a_table_with_other_columns(tmp_path: Path) -> None:
    odd = _filled(tmp_path / "odd.sqlite3")
    conn = sqlite3.connect(odd)
    conn.execute("ALTER TABLE notes ADD COLUMN secret TEXT")
    conn.close()
    with pytest.raises(UserDataError, match="table notes with other columns"):
        check_database(odd)


def test_stale_partial_backups_are_cleaned_at_start(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    bk = tmp_path / "backups"
    bk.mkdir()
    stale, fresh = bk / "daily-2026-01-01T000000Z.sqlite3.partial", bk / "backup-now.sqlite3.partial"
    for p in (stale, fresh):
        p.write_bytes(b"half a backup")
    hour_and_a_bit = time.time() - 3700
    os.utime(stale, (hour_and_a_bit, hour_and_a_bit))
    assert prepare_user_db(db, bk) is None
    assert not stale.exists() and fresh.exists()  # a backup still being written is left alone


def test_a_read_only_folder_opens_for_reading_and_refuses_writes(tmp_path: Path, monkeypatch) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    before = db.read_bytes()
    monkeypatch.setattr(db_module, "folder_is_writable", lambda folder: False)
    with UserStore(db, backups_dir=tmp_path / "backups") as s:
        assert s.notice is not None and "read-only" in s.notice and str(tmp_path) in s.notice
        assert s.note("a") == "precious note"
        with pytest.raises(ReadOnlyUserData, match="opened read-only because the folder .* cannot be written to"):
            s.set_note("a", "lost?")
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_read_only_folder_without_data_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(db_module, "folder_is_writable", lambda folder: False)
    with pytest.raises(UserDataError, match="cannot be written to.*--data-dir"):
        UserStore(tmp_path / "user.sqlite3")


def test_the_commands_on_a_damaged_database(tmp_path: Path, capsys) -> None:
    root = tmp_path / "nr"
    db = resolve_paths(root).user_db
    saved = backup_now(_filled(db), tmp_path / "saved.sqlite3")
    _damage_page(db)
    assert main(["backup", "--data-dir", str(root)]) == 1
    assert "is damaged" in capsys.readouterr().err
    assert not resolve_paths(root).backups.exists()
    assert main(["restore", "--data-dir", str(root), str(saved)]) == 0
    out = capsys.readouterr().out
    [aside] = _damaged_files(db)
    assert f"Your damaged user data file was kept as {aside}" in out
    with UserStore(db) as s:
        assert s.note("a") == "precious note"


def test_a_read_only_file_opens_for_reading(tmp_path: Path, monkeypatch) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == db else real_access(p, mode))
    with UserStore(db, backups_dir=tmp_path / "backups") as s:
        assert s.notice is not None and "read-only" in s.notice
        assert s.note("a") == "precious note"
        with pytest.raises(ReadOnlyUserData):
            s.add_folder("/somewhere")
