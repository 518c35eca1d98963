"""Session: every user-data write returns what changed and can be undone and redone; a refused one changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.session import Changes, Session, WriteRefused
from reader.core.store.db import UserDataError

TEXT = "Dockers in Tallinn returned to work on Monday after a 4 percent pay rise."


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    with Session(tmp_path / "user.sqlite3") as s:
        yield s


def test_the_entity_preferences_share_the_one_connection(session: Session) -> None:
    assert session._prefs._conn is session._store.connection


def test_bookmark_toggle_returns_the_state_and_undo_puts_tags_back(session: Session) -> None:
    session.set_bookmark_tags("a1", ["ports", "labour"])
    done = session.toggle_bookmark("a1")
    assert done.value is False and done.changes == Changes(frozenset({"a1"}), bookmarks=True, tags=True)
    assert session.undo_text() == "Undo Remove Bookmark"
    session.undo()
    assert session.store.bookmark("a1").tags == ("labour", "ports")  # the tags came back with it
    assert session.redo_text() == "Redo Remove Bookmark"
    session.redo()
    assert not session.store.is_bookmarked("a1")
    session.undo()
    session.undo()  # before the tags: a bookmark-less article
    assert session.store.bookmark("a1") is None and session.undo_text() == "Undo" and not session.can_undo()


def test_mark_read_many_writes_only_what_changes_and_undoes_as_one_step(session: Session) -> None:
    session.mark_read(["a"], True)
    changes = session.mark_read(["a", "b", "c"], True)
    assert changes.article_ids == {"b", "c"} and changes.read
    assert session.undo_text() == "Undo Mark 2 Articles as Read"
    session.undo()
    assert session.store.read_ids() == {"a"}
    assert session.mark_read(["a"], True).nothing  # nothing to change: no write, no step
    assert session.undo_text() == "Undo Mark as Read"
    many = [f"id{i}" for i in range(120)]  # "mark all as read" on a long list
    assert session.mark_read(many, True).article_ids == set(many)
    session.undo()
    assert session.store.read_ids() == {"a"}


def test_showing_marks_read_without_an_undo_step(session: Session) -> None:
    session.mark_read(["a"], True, undoable=False)
    assert session.store.is_read("a") and not session.can_undo()


def test_each_saved_note_is_one_step(session: Session) -> None:
    session.set_note("a", "First thought.")
    session.set_note("a", "First thought. Second.")
    assert session.set_note("a", "First thought. Second.").nothing
    session.undo()
    assert session.store.note("a") == "First thought."
    session.undo()
    assert session.store.note_record("a") is None
    session.redo()
    assert session.store.note("a") == "First thought."


def test_highlight_add_recolour_note_delete_undo_redo(session: Session) -> None:
    h = session.add_highlight("a", TEXT, 11, 18, color="green").value
    assert h.quote.exact == "Tallinn" and session.undo_text() == "Undo Highlight"
    session.update_highlight(h.id, color="blue")
    session.update_highlight(h.id, note="Which port?")
    assert session.undo_text() == "Undo Edit Highlight"
    session.delete_highlight(h.id)
    assert session.store.highlights("a") == []
    changes = session.undo()
    assert changes == Changes(frozenset({"a"}), highlights=True)
    restored = session.store.get_highlight(h.id)  # the same record, not a copy
    assert (restored.color, restored.note, restored.created) == ("blue", "Which port?", h.created)
    session.undo()
    session.undo()
    assert session.store.get_highlight(h.id).color == "green"
    session.undo()
    assert session.store.highlights("a") == []
    session.redo()
    assert session.store.get_highlight(h.id).color == "green"


def test_an_unchanged_highlight_edit_is_not_a_step(session: Session) -> None:
    h = session.add_highlight("a", TEXT, 11, 18).value
    assert session.update_highlight(h.id, color=h.color).changes.nothing
    assert len(session.history) == 1


def test_reanchor_writes_only_when_a_highlight_moved(session: Session) -> None:
    h = session.add_highlight("a", TEXT, 11, 18).value
    conn = session._store.connection
    before = conn.total_changes
    assert session.reanchor("a", TEXT).changes.nothing and conn.total_changes == before
    moved = session.reanchor("a", "New first line.\n\n" + TEXT)
    assert moved.changes.highlights and moved.value[0].start == h.start + len("New first line.\n\n")
    assert session.undo_text() == "Undo Highlight"  # re-anchoring is not something the user did


def test_corrections_replace_earlier_ones_and_undo_brings_them_back(session: Session) -> None:
    first = session.add_correction(article_id="a", start=11, end=18, exact="Tallinn", type="LOC", action="add").value
    session.add_correction(article_id="a", start=11, end=18, exact="Tallinn", type="ORG", action="add")
    assert [c.type for c in session.prefs.corrections("a")] == ["ORG"]
    session.undo()
    assert session.prefs.corrections("a") == [first]
    gone = session.delete_correction(first.id)
    assert gone.changes.corrections and session.prefs.corrections("a") == []
    session.undo()
    assert session.prefs.corrections("a") == [first]


def test_watch_terms_add_recolour_delete_undo(session: Session) -> None:
    term = session.add_watch_term("  pay   rise ").value
    assert term.term == "pay rise"
    session.add_watch_term("pay rise", color="#123456")
    session.undo()
    assert session.prefs.watch_terms() == [term]
    session.delete_watch_term(term.id)
    session.undo()
    assert session.prefs.watch_terms() == [term]
    session.undo()
    assert session.prefs.watch_terms() == []


def test_folders_come_back_in_their_place(session: Session) -> None:
    session.add_folder("/news/a")
    session.add_folder("/news/b")
    session.remove_folder("/news/a")
    assert session.store.folders() == ["/news/b"]
    assert session.undo() == Changes(folders=True)
    assert session.store.folders() == ["/news/a", "/news/b"]


def test_a_refused_write_raises_in_words_and_leaves_the_history(session: Session, monkeypatch) -> None:
    session.set_note("a", "kept")

    def full(*_a: object, **_k: object) -> None:
        raise UserDataError("The disk holding your user data is full.")

    monkeypatch.setattr(session._store, "toggle_bookmark", full)
    with pytest.raises(UserDataError):
        session.toggle_bookmark("a")
    assert session.undo_text() == "Undo Note" and not session.can_redo()
    with pytest.raises(WriteRefused, match="at least one character"):
        session.add_watch_term("   ")
    assert session.undo_text() == "Undo Note"


def test_an_undo_the_database_refuses_stays_to_be_undone(session: Session, monkeypatch) -> None:
    session.set_bookmarked("a", True)
    monkeypatch.setattr(session._store, "set_bookmarked", lambda *a, **k: (_ for _ in ()).throw(UserDataError("x")))
    with pytest.raises(UserDataError):
        session.undo()
    assert session.undo_text() == "Undo Bookmark" and session.store.is_bookmarked("a")


def test_restore_note_keeps_the_records_id(session: Session) -> None:
    from reader.core.annotation import Note

    session.restore_note(Note("a", "imported", id="n1", created="2026-01-01T00:00:00Z"))
    assert session.store.note_record("a").id == "n1"
    session.undo()
    assert session.store.note_record("a") is None
