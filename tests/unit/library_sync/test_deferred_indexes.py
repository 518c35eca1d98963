"""A headless first import builds the list's and entities' indexes after its rows: the same cache in the end, the
window's import never without them, and a cache left without them (a kill) complete again when opened."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync, importer
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from reader.core.store.library_schema import DEFERRABLE_INDEXES, drop_deferrable_indexes
from tests.unit.library_sync.test_pool_import import make_folder, snapshot, stored_mentions, write_article


def indexes(lib: Library) -> dict[str, str]:
    """Every index of the cache by name, with the SQL that made it."""
    return dict(lib.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))


def import_watching_indexes(lib: Library, folder: Path, *, alone: bool) -> list[set[str]]:
    """Import the folder in a pool of one; the index names the cache had after each batch was stored."""
    seen: list[set[str]] = []
    LibrarySync(lib, workers=1, pool_min_files=1, alone=alone).scan(
        [folder], on_stored=lambda _records: seen.append(set(indexes(lib))))
    return seen


def test_a_headless_first_import_builds_its_indexes_after_and_stores_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(importer, "DEFER_INDEXES_FILES", 4)
    folder = make_folder(tmp_path, 6)
    window = Library(tmp_path / "window.sqlite3")
    headless = Library(tmp_path / "headless.sqlite3")

    during_window = import_watching_indexes(window, folder, alone=False)
    during_headless = import_watching_indexes(headless, folder, alone=True)

    # the window's import keeps every index its list and entity queries name; the headless one writes without them
    assert during_window and all(set(DEFERRABLE_INDEXES) <= names for names in during_window)
    assert during_headless and all(not set(DEFERRABLE_INDEXES) & names for names in during_headless)
    # ...and ends with the same indexes and the same stored articles and mention rows
    assert indexes(headless) == indexes(window)
    assert snapshot(headless) == snapshot(window)
    assert stored_mentions(headless) == stored_mentions(window)
    assert headless.list_ids(ListQuery(sort="title")) == window.list_ids(ListQuery(sort="title"))


def test_an_import_into_a_cache_that_holds_articles_keeps_its_indexes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(importer, "DEFER_INDEXES_FILES", 4)
    lib = Library(tmp_path / "cache.sqlite3")
    first = tmp_path / "first"
    first.mkdir()
    write_article(first, 100)
    LibrarySync(lib, workers=0).scan([first])
    folder = make_folder(tmp_path, 6)

    during = import_watching_indexes(lib, folder, alone=True)

    assert during and all(set(DEFERRABLE_INDEXES) <= names for names in during)
    assert len(lib.all_ids()) == 7


def test_a_small_headless_import_keeps_its_indexes(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    during = import_watching_indexes(lib, make_folder(tmp_path, 3), alone=True)  # under DEFER_INDEXES_FILES
    assert during and all(set(DEFERRABLE_INDEXES) <= names for names in during)


def test_a_cache_killed_while_its_indexes_were_dropped_has_them_again_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    lib = Library(path)
    LibrarySync(lib, workers=0).scan([make_folder(tmp_path, 3)])
    LibrarySync(lib).tag_pending()
    complete = indexes(lib)
    drop_deferrable_indexes(lib.db)  # what a kill during a headless first import leaves
    lib.close()

    again = Library(path)

    assert indexes(again) == complete
    by_title = again.list_ids(ListQuery(sort="title"))  # the list's query names its index (INDEXED BY)
    assert len(by_title) == 3
    assert again.entity_spans(by_title[0])
