"""Schema upgrades: a database written by the first schema opens, keeps its data, and gains the new parts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.annotation import TextQuote
from reader.core.store.db import UserDataError, connect
from reader.core.store.migrations import LATEST_VERSION, SCHEMA_V1, expected_tables, migrate, schema_version
from reader.core.store.user_data import UserStore

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "store" / "user_v1.sql"


def _make_v1(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.executescript(FIXTURE.read_text(encoding="utf-8"))
    conn.close()


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Each table's columns (name, type, not null, default, key) and each index's columns."""
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL")
    found = {
        name: conn.execute(f"PRAGMA {'table_info' if kind == 'table' else 'index_info'}({name})").fetchall()
        for kind, name in rows.fetchall()
    }
    conn.close()
    return found


def test_frozen_v1_fixture_matches_migration_step_1(tmp_path: Path) -> None:
    """If step 1 were edited after release, old databases would differ from new ones: catch that here."""
    from_fixture, from_step = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _make_v1(from_fixture)
    conn = connect(from_step)
    migrate(conn, target=1)
    conn.close()
    assert _tables(from_fixture) == _tables(from_step)
    assert len(SCHEMA_V1) == len(_tables(from_step))


def test_v1_database_upgrades_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite3"
    _make_v1(path)
    with UserStore(path) as store:
        assert schema_version(store._conn) == LATEST_VERSION >= 2
        tables = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert expected_tables(LATEST_VERSION) <= tables and "bookmark_tags" in tables
        assert store.folders() == ["/home/ana/news"]
        assert store.read_ids() == {"art-1", "art-2"}
        assert store.note("art-1") == "Check the **union** figures."
        [h] = store.highlights("art-1")
        assert h.id == "0b9d7f0e-3c57-4f7e-a6a5-2f1d5f6b9c01"
        assert (h.start, h.end, h.color, h.note) == (10, 24, "green", "key claim")
        assert h.quote == TextQuote("harbour strike", "Ministers met", " entered its")
        assert h.orphan is False and h.created == "2026-01-02T09:08:00.000Z"
        assert store.get_value("export.format") == "markdown"
        bm = store.bookmark("art-1")
        assert bm is not None and bm.tags == () and bm.path == "/home/ana/news/port.html"
        # The parts step 2 added work on the upgraded file.
        store.set_bookmark_tags("art-1", ["ports", "labour"])
        assert store.ids_with_tag("ports") == {"art-1"}
        assert store.update_highlight(h.id, orphan=True).orphan
    with UserStore(path) as again:
        assert again.bookmark("art-1").tags == ("labour", "ports")  # type: ignore[union-attr]
        assert again.highlights("art-1")[0].orphan


def test_a_failing_step_leaves_the_database_at_the_old_version(tmp_path: Path, monkeypatch) -> None:
    import reader.core.store.migrations as migrations

    path = tmp_path / "user.sqlite3"
    _make_v1(path)
    broken = (migrations.SCHEMA_V2[0], "THIS IS NOT SQL")
    monkeypatch.setattr(migrations, "STEPS", (migrations.SCHEMA_V1, broken))
    with pytest.raises(UserDataError, match="schema version 2 failed"):
        UserStore(path)
    assert "bookmark_tags" not in _tables(path)  # the first statement of the step was rolled back too
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    monkeypatch.undo()
    with UserStore(path) as store:
        assert store.note("art-1") == "Check the **union** figures."


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite3"
    UserStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(UserDataError, match="newer News Reader"):
        UserStore(path)


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite3"
    path.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(UserDataError, match="not a usable News Reader database"):
        UserStore(path)


def test_v3_database_upgrades_to_user_aliases_and_keeps_its_corrections(tmp_path: Path) -> None:
    from reader.core.store.entity_prefs import EntityPrefs

    path = tmp_path / "user.sqlite3"
    conn = connect(path)
    migrate(conn, target=3)
    conn.execute("INSERT INTO entity_corrections (id, article_id, exact, type, action, created)"
                 " VALUES ('c1', '', 'Tallinn', 'LOC', 'add', '2026-01-02T09:08:00.000Z')")  # fmt: skip
    conn.commit()
    conn.close()
    prefs = EntityPrefs.open(path)
    try:
        assert schema_version(prefs._conn) == LATEST_VERSION >= 4
        assert [c.exact for c in prefs.corrections()] == ["Tallinn"]
        added, replaced = prefs.put_alias("Kask", "Peeter Kask")
        assert replaced is None and [(a.alias, a.target) for a in prefs.aliases()] == [("Kask", "Peeter Kask")]
    finally:
        prefs.close()
