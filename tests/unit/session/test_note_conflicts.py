"""Two sessions on one user database: a note saved from a stale editor never overwrites the newer note."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.session import NO_NOTE, NoteChangedElsewhere, Session, note_version


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    path = tmp_path / "user.sqlite3"
    with Session(path) as a, Session(path) as b:
        yield a, b


def test_a_save_from_an_editor_loaded_before_another_write_is_refused(two: tuple[Session, Session]) -> None:
    a, b = two
    loaded = note_version(a.store.note_record("art"))  # window A shows the article: no note yet
    assert loaded == NO_NOTE
    b.set_note("art", "Written in window B.")
    with pytest.raises(NoteChangedElsewhere) as caught:
        a.set_note("art", "Typed in window A.", expected=loaded)
    assert caught.value.current is not None and caught.value.current.text == "Written in window B."
    assert str(caught.value) == "This note was changed elsewhere since you opened it."
    assert b.store.note("art") == "Written in window B."  # nothing was written
    assert not a.can_undo()


def test_a_blank_stale_editor_does_not_delete_the_newer_note(two: tuple[Session, Session]) -> None:
    a, b = two
    a.set_note("art", "First.")
    loaded = note_version(a.store.note_record("art"))
    b.set_note("art", "First, then more from B.")
    with pytest.raises(NoteChangedElsewhere):
        a.set_note("art", "", expected=loaded)
    assert b.store.note("art") == "First, then more from B."


def test_the_version_of_the_conflict_lets_the_user_keep_theirs(two: tuple[Session, Session]) -> None:
    a, b = two
    loaded = note_version(a.store.note_record("art"))
    b.set_note("art", "From B.")
    with pytest.raises(NoteChangedElsewhere) as caught:
        a.set_note("art", "From A.", expected=loaded)
    a.set_note("art", "From B.\n\nFrom A.", expected=caught.value.version)  # "keep both"
    assert b.store.note("art") == "From B.\n\nFrom A."


def test_a_note_deleted_elsewhere_is_a_conflict_too(two: tuple[Session, Session]) -> None:
    a, b = two
    a.set_note("art", "Old.")
    loaded = note_version(a.store.note_record("art"))
    b.set_note("art", "")
    with pytest.raises(NoteChangedElsewhere) as caught:
        a.set_note("art", "Old, edited.", expected=loaded)
    assert caught.value.current is None and caught.value.version == NO_NOTE


def test_the_store_checks_the_version_under_the_write_lock(two: tuple[Session, Session]) -> None:
    a, b = two
    b.set_note("art", "From B.")
    with pytest.raises(NoteChangedElsewhere):
        a._store.set_note("art", "From A.", expected=NO_NOTE)
    assert a.store.note("art") == "From B."


def test_an_unchanged_version_saves_and_the_same_text_is_no_conflict(two: tuple[Session, Session]) -> None:
    a, b = two
    a.set_note("art", "One.", expected=NO_NOTE)
    assert b.store.note("art") == "One."
    b.set_note("art", "Two.")
    assert a.set_note("art", "Two.", expected=note_version("One.")).nothing  # both typed the same: fine
