"""Backups: online copy, daily rotation, restore with checks and a safety copy, and the two commands."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.annotation import TextQuote
from reader.core.store.backup import backup_now, check_database, daily_backup, daily_backups, restore
from reader.core.store.db import UserDataError
from reader.core.store.migrations import LATEST_VERSION
from reader.core.store.user_data import UserStore
from reader.paths import resolve_paths

FIXTURE_V1 = Path(__file__).resolve().parents[2] / "fixtures" / "store" / "user_v1.sql"


def _filled(path: Path, note: str = "original note") -> Path:
    with UserStore(path) as s:
        s.set_note("a", note)
        s.add_highlight("a", 0, 4, TextQuote("Text"), note="hl")
        s.set_bookmark_tags("a", ["t1"])
    return path


def test_backup_now_copies_an_open_database_into_one_private_file(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    live = UserStore(db)  # the window has it open, with recent writes still in the WAL
    live.set_note("b", "only in the wal")
    out = backup_now(db, tmp_path / "copy.sqlite3")
    live.close()
    assert out == tmp_path / "copy.sqlite3"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not out.with_name(out.name + "-wal").exists()
    assert check_database(out) == LATEST_VERSION
    with UserStore(out) as copy:
        assert copy.note("a") == "original note" and copy.note("b") == "only in the wal"


def test_backup_into_a_folder_gets_a_dated_name(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    folder = tmp_path / "bk"
    folder.mkdir()
    out = backup_now(db, folder)
    assert out.parent == folder and out.name.startswith("backup-") and out.suffix == ".sqlite3"


def test_backup_without_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UserDataError, match="no user data to back up"):
        backup_now(tmp_path / "missing.sqlite3", tmp_path / "x.sqlite3")


def test_daily_backup_once_a_day_keeping_seven(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    bk = tmp_path / "backups"
    day0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    first = daily_backup(db, bk, now=day0)
    assert first is not None and first.exists()
    assert daily_backup(db, bk, now=day0 + timedelta(hours=10)) is None  # same UTC day
    for d in range(1, 10):
        assert daily_backup(db, bk, now=day0 + timedelta(days=d)) is not None
    kept = daily_backups(bk)
    assert len(kept) == 7
    assert kept[0].name.startswith("daily-2026-03-04") and kept[-1].name.startswith("daily-2026-03-10")
    manual = backup_now(db, bk)
    daily_backup(db, bk, now=day0 + timedelta(days=11))
    assert manual.exists()  # rotation only prunes the automatic ones


def test_daily_backup_without_a_database_does_nothing(tmp_path: Path) -> None:
    assert daily_backup(tmp_path / "none.sqlite3", tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists()


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    saved = backup_now(db, tmp_path / "saved.sqlite3")
    window = UserStore(db)  # still open while the restore runs
    window.set_note("a", "changed after the backup")
    window.set_note("c", "new")
    safety = restore(db, saved, safety_dir=tmp_path / "backups")
    assert window.note("a") == "original note" and window.note("c") == ""  # an open store sees it
    window.close()
    assert safety is not None and safety.parent == tmp_path / "backups"
    with UserStore(safety) as before:
        assert before.note("a") == "changed after the backup"
    with UserStore(db) as s:
        assert s.bookmark("a").tags == ("t1",)  # type: ignore[union-attr]
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_of_an_old_schema_backup_upgrades_it(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old)
    conn.executescript(FIXTURE_V1.read_text(encoding="utf-8"))
    conn.close()
    db = _filled(tmp_path / "user.sqlite3")
    restore(db, old)
    with UserStore(db) as s:
        assert s.note("a") == "" and s.note("art-1") == "Check the **union** figures."
        s.set_bookmark_tags("art-1", ["x"])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("hello, I am a text file" * 50), "not a SQLite database"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE other (x)").connection.close(), "schema version 0"),
        (lambda p: None, "does not exist"),
    ],
)
def test_restore_refuses_bad_files_and_changes_nothing(tmp_path: Path, make, message: str) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    bad = tmp_path / "bad.sqlite3"
    make(bad)
    with pytest.raises(UserDataError, match=message):
        restore(db, bad)
    with UserStore(db) as s:
        assert s.note("a") == "original note"
    assert not list(tmp_path.glob("before-restore-*"))


def test_restore_refuses_a_database_missing_tables(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    conn = sqlite3.connect(bad)
    conn.execute("CREATE TABLE folders (path TEXT)")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    with pytest.raises(UserDataError, match="missing tables: bookmark_tags, bookmarks"):
        check_database(bad)


def test_restore_refuses_a_damaged_database(tmp_path: Path) -> None:
    bad = _filled(tmp_path / "bad.sqlite3")
    conn = sqlite3.connect(bad)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.executemany("INSERT INTO kv VALUES (?, ?)", [(f"k{i}", "v" * 200) for i in range(200)])
    conn.commit()
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_kv_1'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(bad, "r+b") as f:  # scribble over the kv key index's root page
        f.seek((root - 1) * page + 8)
        f.write(b"\xff" * 64)
    with pytest.raises(UserDataError, match="damaged"):
        check_database(bad)


def test_backup_and_restore_commands(tmp_path: Path, capsys) -> None:
    root = tmp_path / "nr"
    db = resolve_paths(root).user_db
    _filled(db)
    assert main(["backup", "--data-dir", str(root)]) == 0
    [written] = resolve_paths(root).backups.glob("backup-*.sqlite3")
    assert str(written) in capsys.readouterr().out
    with UserStore(db) as s:
        s.set_note("a", "later")
    assert main(["restore", "--data-dir", str(root), str(written)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "before-restore-" in out
    with UserStore(db) as s:
        assert s.note("a") == "original note"


def test_commands_report_problems_in_words(tmp_path: Path, capsys) -> None:
    root = tmp_path / "nr"
    assert main(["backup", "--data-dir", str(root)]) == 1
    assert "no user data to back up" in capsys.readouterr().err
    assert not resolve_paths(root).backups.exists()
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database at all" * 30)
    assert main(["restore", "--data-dir", str(root), str(junk)]) == 1
    err = capsys.readouterr().err
    assert "not a SQLite database" in err and "not changed" in err
    target = tmp_path / "one.sqlite3"
    _filled(resolve_paths(root).user_db)
    assert main(["backup", "--data-dir", str(root), str(target)]) == 0
    assert check_database(target) == LATEST_VERSION


def test_opening_with_a_backups_dir_makes_the_daily_backup(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    bk = tmp_path / "backups"
    UserStore(db, backups_dir=bk).close()
    UserStore(db, backups_dir=bk).close()
    [daily] = daily_backups(bk)
    with UserStore(daily) as copy:
        assert copy.note("a") == "original note"
    UserStore(tmp_path / "fresh.sqlite3", backups_dir=tmp_path / "fresh-bk").close()
    assert daily_backups(tmp_path / "fresh-bk") == []  # nothing to back up before the first start


def test_an_older_schema_is_copied_before_it_is_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "user.sqlite3"
    conn = sqlite3.connect(db)
    conn.executescript(FIXTURE_V1.read_text(encoding="utf-8"))
    conn.close()
    bk = tmp_path / "backups"
    with UserStore(db, backups_dir=bk) as s:
        s.set_bookmark_tags("art-1", ["x"])
    [kept] = bk.glob("before-upgrade-v1-*.sqlite3")
    assert check_database(kept) == 1


def test_a_failing_automatic_backup_does_not_keep_the_store_closed(tmp_path: Path) -> None:
    db = _filled(tmp_path / "user.sqlite3")
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("a file where the backups folder should be")
    with UserStore(db, backups_dir=not_a_folder) as s:
        assert s.note("a") == "original note"
