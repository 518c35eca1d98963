"""UserStore: folders, bookmarks with tags, notes, read state, highlights, values."""

from __future__ import annotations

import re
import stat
import uuid
from pathlib import Path

import pytest

from reader.core.annotation import TextQuote
from reader.core.store.user_data import UserStore

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
Q = TextQuote("quick", "The ", " brown")


@pytest.fixture
def store(tmp_path: Path):
    s = UserStore(tmp_path / "user.sqlite3")
    yield s
    s.close()


def test_new_file_is_private_wal_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "user.sqlite3"
    with UserStore(path) as s:
        s.set_read("a")
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        wal = path.with_name(path.name + "-wal")
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600


def test_existing_file_with_loose_mode_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite3"
    UserStore(path).close()
    path.chmod(0o644)
    UserStore(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_folders(store: UserStore) -> None:
    store.add_folder("/news/a")
    store.add_folder("/news/b")
    store.add_folder("/news/a")
    assert store.folders() == ["/news/a", "/news/b"]
    store.remove_folder("/news/a")
    assert store.folders() == ["/news/b"]


def test_bookmarks_toggle_and_set(store: UserStore) -> None:
    assert not store.is_bookmarked("a")
    assert store.toggle_bookmark("a", path="/x.txt") is True
    assert store.is_bookmarked("a")
    bm = store.bookmark("a")
    assert bm is not None and bm.path == "/x.txt" and ISO_UTC.match(bm.created)
    assert store.toggle_bookmark("a") is False
    assert store.bookmark("a") is None
    store.set_bookmarked("b", True)
    store.set_bookmarked("b", True)
    store.set_bookmarked("c", True)
    assert store.bookmarked_ids() == {"b", "c"}
    store.set_bookmarked("b", False)
    assert store.bookmarked_ids() == {"c"}


def test_tags_bookmark_and_go_with_the_bookmark(store: UserStore) -> None:
    store.set_bookmark_tags("a", ["  climate ", "Energy", "climate", ""])
    assert store.is_bookmarked("a")
    bm = store.bookmark("a")
    assert bm is not None and bm.tags == ("climate", "Energy")
    store.set_bookmark_tags("b", ["energy"])
    assert store.all_tags() == ["climate", "Energy", "energy"]
    assert store.ids_with_tag("climate") == {"a"}
    store.set_bookmark_tags("a", ["policy"])
    assert store.ids_with_tag("climate") == set()
    store.set_bookmarked("a", False)
    assert store.ids_with_tag("policy") == set()
    assert store.all_tags() == ["energy"]


def test_notes_one_per_article_and_empty_deletes(store: UserStore) -> None:
    assert store.note("a") == "" and store.note_record("a") is None
    store.set_note("a", "first", path="/a.txt")
    first = store.note_record("a")
    assert first is not None and first.text == "first" and uuid.UUID(first.id).version == 4
    store.set_note("a", "second")
    second = store.note_record("a")
    assert second is not None
    assert (second.text, second.id, second.created, second.path) == ("second", first.id, first.created, "/a.txt")
    assert store.noted_ids() == {"a"}
    store.set_note("a", "")
    assert store.note_record("a") is None and store.noted_ids() == set()


def test_read_state(store: UserStore) -> None:
    store.set_read("a")
    store.set_read("b", True)
    store.set_read("a")
    assert store.read_ids() == {"a", "b"} and store.is_read("a")
    store.set_read("a", False)
    assert not store.is_read("a") and store.read_ids() == {"b"}


def test_highlight_lifecycle(store: UserStore) -> None:
    h = store.add_highlight("a", 4, 9, Q, color="green", note="why", path="/a.txt")
    assert uuid.UUID(h.id).version == 4 and ISO_UTC.match(h.created) and h.created == h.modified
    assert store.get_highlight(h.id) == h
    u = store.update_highlight(h.id, color="pink", note="")
    assert (u.color, u.note, u.start, u.quote, u.created) == ("pink", "", 4, Q, h.created)
    assert store.get_highlight(h.id) == u
    gone = store.delete_highlight(h.id)
    assert gone == u and store.get_highlight(h.id) is None and store.highlights("a") == []
    store.restore_highlight(gone)
    assert store.highlights("a") == [gone]


def test_highlights_in_text_order_orphans_last(store: UserStore) -> None:
    late = store.add_highlight("a", 20, 25, Q)
    lost = store.add_highlight("a", 0, 3, Q)
    early = store.add_highlight("a", 5, 8, Q)
    store.add_highlight("b", 1, 2, Q)
    lost = store.update_highlight(lost.id, orphan=True)
    assert [h.id for h in store.highlights("a")] == [early.id, late.id, lost.id]
    assert store.highlights("a")[-1].orphan


def test_highlight_validation(store: UserStore) -> None:
    with pytest.raises(ValueError):
        store.add_highlight("a", 5, 5, Q)
    with pytest.raises(ValueError):
        store.add_highlight("a", 1, 5, Q, color="octarine")
    h = store.add_highlight("a", 1, 5, Q)
    with pytest.raises(ValueError):
        store.update_highlight(h.id, end=0)
    assert store.get_highlight(h.id) == h  # the failed update changed nothing
    with pytest.raises(KeyError):
        store.update_highlight("missing", color="blue")
    with pytest.raises(KeyError):
        store.delete_highlight("missing")


def test_annotated_ids(store: UserStore) -> None:
    store.set_note("n", "text")
    store.add_highlight("h", 0, 1, Q)
    store.set_bookmarked("b", True)
    assert store.annotated_ids() == {"n", "h"}


def test_values(store: UserStore) -> None:
    assert store.get_value("export.format") is None
    assert store.get_value("export.format", "md") == "md"
    store.set_value("export.format", "json")
    store.set_value("export.format", "html")
    assert store.get_value("export.format") == "html"


def test_data_survives_reopen_and_a_second_connection_sees_writes(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite3"
    a = UserStore(path)
    b = UserStore(path)
    a.set_note("x", "hello")
    h = a.add_highlight("x", 0, 5, Q)
    assert b.note("x") == "hello" and b.get_highlight(h.id) == h
    a.close()
    b.close()
    with UserStore(path) as c:
        assert c.note("x") == "hello" and c.highlights("x") == [h]


def test_reanchor_article_moves_highlights_and_keeps_orphans(store: UserStore) -> None:
    from reader.core.anchoring import make_quote

    text = "Ministers met today. The harbour strike entered its third week, union leaders said on Friday."
    s1 = text.index("harbour strike")
    s2 = text.index("union leaders")
    a = store.add_highlight("a", s1, s1 + 14, make_quote(text, s1, s1 + 14), note="keep")
    b = store.add_highlight("a", s2, s2 + 13, make_quote(text, s2, s2 + 13))
    new = "Update at noon. " + text.replace("union leaders said", "it was said")
    out = store.reanchor_article("a", new)
    assert [h.id for h in out] == [a.id, b.id]
    moved, lost = out
    assert new[moved.start : moved.end] == "harbour strike" and not moved.orphan and moved.modified >= a.modified
    assert lost.orphan and lost.quote == b.quote and (lost.start, lost.end) == (b.start, b.end)
    assert store.highlights("a") == out


def test_a_locked_database_is_reported_in_words_and_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    import sqlite3

    import reader.core.store.db as db
    from reader.core.store.db import UserDataError

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "user.sqlite3"
    store = UserStore(path)
    store.set_note("a", "before")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    with pytest.raises(UserDataError, match="locked by another program"):
        store.set_note("a", "after")
    other.execute("ROLLBACK")
    other.close()
    assert store.note("a") == "before"
    store.set_note("a", "after")  # and it works again once the lock is gone
    assert store.note("a") == "after"
    store.close()


def test_a_failed_write_rolls_back_everything_it_did(store: UserStore) -> None:
    import sqlite3

    from reader.core.store.db import transaction

    store.set_note("a", "kept")
    with pytest.raises(sqlite3.IntegrityError), transaction(store._conn) as c:
        c.execute("DELETE FROM notes")
        c.execute("INSERT INTO kv (key, value) VALUES ('k', NULL)")  # NOT NULL: fails after the delete
    assert store.note("a") == "kept" and not store._conn.in_transaction


def test_restore_note_and_bookmark_keep_ids_and_timestamps(store: UserStore) -> None:
    from reader.core.annotation import Bookmark, Note

    old = Note("a", "from another machine", id="11111111-2222-4333-8444-555555555555", path="/p.txt",
               created="2025-01-01T00:00:00.000Z", modified="2025-01-02T00:00:00.000Z")
    store.set_note("a", "local text")
    store.restore_note(old)
    assert store.note_record("a") == old and store.noted_ids() == {"a"}
    bm = Bookmark("b", ("x", "y"), "/b.txt", "2025-01-01T00:00:00.000Z", "2025-01-03T00:00:00.000Z")
    store.set_bookmark_tags("b", ["z"])
    store.restore_bookmark(bm)
    assert store.bookmark("b") == bm and store.ids_with_tag("z") == set()
    with pytest.raises(ValueError):
        store.restore_note(Note("c", "  "))


def test_a_file_name_that_is_not_utf8_can_be_bookmarked_noted_and_highlighted(tmp_path: Path) -> None:
    """The cache keeps such names exactly (as bytes); the user database says where with a replacement mark."""
    import os

    from reader.core.anchoring import make_quote

    odd = os.fsdecode(str(tmp_path).encode() + b"/caf\xe9.txt")
    with UserStore(tmp_path / "user.sqlite3") as store:
        store.set_bookmarked("a1", True, path=odd)
        store.set_note("a1", "A note.", path=odd)
        h = store.add_highlight("a1", 0, 4, make_quote("Text here", 0, 4), path=odd)
        assert store.bookmark("a1").path.endswith("caf\ufffd.txt")
        assert store.note_record("a1").path.endswith("caf\ufffd.txt")
        assert store.get_highlight(h.id).path.endswith("caf\ufffd.txt")
