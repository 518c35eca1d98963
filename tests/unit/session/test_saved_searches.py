"""Saved searches are the user's: saved and removed through the session, each undoable, refused in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import saved_searches
from reader.core.session import Session, WriteRefused


def names(s: Session) -> list[tuple[str, str]]:
    return [(x.name, x.query) for x in saved_searches.load(s.store.get_value(saved_searches.KEY))]


def test_save_replace_remove_and_undo(tmp_path: Path) -> None:
    with Session(tmp_path / "user.sqlite3") as s:
        assert s.save_search("Ferries", "ferry OR ferries").values
        s.save_search(" Budget  news ", " budget source:courier ")
        s.save_search("Ferries", "ferr*")  # the same name: replaced in its place
        assert names(s) == [("Ferries", "ferr*"), ("Budget news", "budget source:courier")]
        s.remove_saved_search("Ferries")
        assert names(s) == [("Budget news", "budget source:courier")]
        assert s.undo_text() == "Undo Remove Saved Search"
        s.undo()
        assert names(s) == [("Ferries", "ferr*"), ("Budget news", "budget source:courier")]
        s.undo()
        assert names(s) == [("Ferries", "ferry OR ferries"), ("Budget news", "budget source:courier")]


def test_what_cannot_be_saved_is_refused_in_words(tmp_path: Path) -> None:
    with Session(tmp_path / "user.sqlite3") as s:
        with pytest.raises(WriteRefused, match="A saved search needs a name."):
            s.save_search("  ", "ferry")
        with pytest.raises(WriteRefused, match="There is no search to save"):
            s.save_search("Empty", " ")
        with pytest.raises(WriteRefused, match="There is no saved search called “Gone”."):
            s.remove_saved_search("Gone")
        assert names(s) == [] and s.undo_text() == "Undo"  # nothing to undo


def test_an_unreadable_value_reads_as_no_searches() -> None:
    assert saved_searches.load("not json") == [] and saved_searches.load('{"a": 1}') == []
    kept = saved_searches.load('[{"name": "x"}, {"name": "ok", "query": "q"}]')
    assert kept == [saved_searches.SavedSearch("ok", "q")]
