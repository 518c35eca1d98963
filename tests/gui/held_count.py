"""A search kept "Counting…" for as long as a test needs: the library's count waits for an event."""

from __future__ import annotations

import threading

import pytest

from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery


def hold_count(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """`Library.count_matches` waits (up to 30 s) until the returned event is set, then counts."""
    release = threading.Event()
    count_matches = Library.count_matches

    def held(self: Library, text: str, *, base: ListQuery) -> int:
        release.wait(30)
        return count_matches(self, text, base=base)

    monkeypatch.setattr(Library, "count_matches", held)
    return release
