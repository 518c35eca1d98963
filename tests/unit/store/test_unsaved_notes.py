"""The recovery file of refused notes: written whole, read back, a damaged one kept aside, never lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.store.unsaved_notes import FILE_NAME, UnsavedNote, read_unsaved, recovery_path, write_unsaved


def test_notes_round_trip_and_no_temp_file_is_left(tmp_path: Path) -> None:
    path = recovery_path(tmp_path / "user.sqlite3")
    assert path == tmp_path / FILE_NAME
    notes = [UnsavedNote("a1", "Call the port. \u202e \ud800", "/x/a.txt", "abc"), UnsavedNote("a2", "Two.")]
    write_unsaved(path, notes)
    assert read_unsaved(path) == notes
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]
    write_unsaved(path, [])  # everything saved: the file goes
    assert not path.exists() and read_unsaved(path) == []


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / FILE_NAME
    write_unsaved(path, [UnsavedNote("a1", "First.")])

    def full(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError):
        write_unsaved(path, [UnsavedNote("a1", "Second.")])
    monkeypatch.undo()
    assert read_unsaved(path) == [UnsavedNote("a1", "First.")]
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


def test_a_damaged_file_is_moved_aside_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text('{"version": 1, "notes": [{"article_id": "a1", "te', encoding="utf-8")
    assert read_unsaved(path) == []
    assert (tmp_path / f"{FILE_NAME}.damaged").read_text(encoding="utf-8").startswith('{"version"')
