"""A first import builds the entities' indexes after its rows (a headless one the list's too): the same cache in the
end, the window's list and entity queries answering meanwhile, and a cache left without them (a kill, a stop) complete
again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync, importer
from reader.core.palette_search import find_entities
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from reader.core.store.library_schema import DEFERRABLE_INDEXES, MENTION_INDEXES, drop_deferrable_indexes
from reader.core.store.surname_join import full_names
from tests.unit.library_sync.test_pool_import import make_folder, snapshot, stored_mentions, write_article


def indexes(lib: Library) -> dict[str, str]:
    """Every index of the cache by name, with the SQL that made it."""
    return dict(lib.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))


def as_if_killed(lib: Library) -> None:
    """The cache's mark of an import with deferred indexes, made to name a process that is no more."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()  # fmt: skip
    with lib.db:
        lib.db.execute("UPDATE meta SET value = ? || substr(value, instr(value, ' ')) WHERE key = 'deferred_indexes'",
                       (gone,))  # fmt: skip


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

    # the window's import keeps the list's indexes and goes without the entities'; the headless one without either
    list_indexes = set(DEFERRABLE_INDEXES) - set(MENTION_INDEXES)
    assert during_window and all(list_indexes <= names for names in during_window)
    assert all(not set(MENTION_INDEXES) & names for names in during_window)
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
    as_if_killed(lib)
    lib.close()

    again = Library(path)

    assert indexes(again) == complete
    by_title = again.list_ids(ListQuery(sort="title"))  # the list's query names its index (INDEXED BY)
    assert len(by_title) == 3
    assert again.entity_spans(by_title[0])


def test_the_window_lists_and_searches_while_its_first_import_goes_without_the_entities_indexes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(importer, "DEFER_INDEXES_FILES", 4)
    folder = make_folder(tmp_path, 6)
    kept = Library(tmp_path / "kept.sqlite3")  # every index all along: what each answer must be
    LibrarySync(kept, workers=0).scan([folder])
    LibrarySync(kept).tag_pending()
    lib = Library(tmp_path / "cache.sqlite3")
    window = Library(tmp_path / "cache.sqlite3")  # the window's own connection, opened before the import
    seen: list[tuple[set[str], list[str], list[str], list[str], list[str], dict[str, str]]] = []

    def look(_records: object) -> None:
        ids = window.list_ids(ListQuery(sort="title"))
        seen.append((set(indexes(window)), ids, window.search("entity:lisbon", limit=50).ids,
                     [f.label for f in find_entities(window.db, "keller")], window.search("pilots", limit=50).ids,
                     full_names(window.db, ["maria keller"])))

    LibrarySync(lib, workers=1, pool_min_files=1).scan([folder], on_stored=look)

    assert seen and all(not set(MENTION_INDEXES) & names for names, *_ in seen)  # none of them while importing
    last = seen[-1]
    assert last[1] == kept.list_ids(ListQuery(sort="title"))  # the sorted list, every article as stored
    lisbon = [kept.rows([i])[i].title for i in last[2]]
    assert lisbon == ["Harbour report number 1"]  # the one article that names Lisbon (story 1 of 6)
    assert last[2] == kept.search("entity:lisbon", limit=50).ids
    assert last[3] == ["maria keller"]  # the palette's entities, by their key
    assert last[5] == {"maria keller": "Maria Keller"}  # a person named as the articles write the name
    assert len(last[4]) == 6  # the full-text search finds every article
    assert set(MENTION_INDEXES) <= set(indexes(lib))  # ...and every index there when it is over
    assert indexes(lib) == indexes(kept)
    assert snapshot(lib) == snapshot(kept)
    assert stored_mentions(lib) == stored_mentions(kept)


def test_a_stopped_first_import_has_every_index_and_its_resumption_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(importer, "DEFER_INDEXES_FILES", 4)
    monkeypatch.setattr(importer, "BATCH_FILES", 2)
    monkeypatch.setattr(importer, "FILES_PER_TASK", 1)
    folder = make_folder(tmp_path, 12)
    lib = Library(tmp_path / "cache.sqlite3")
    complete = Library(tmp_path / "complete.sqlite3")
    LibrarySync(complete, workers=0).scan([folder])
    LibrarySync(complete).tag_pending()
    stored: list[int] = []

    stopped = LibrarySync(lib, workers=1, pool_min_files=1).scan(
        [folder], should_stop=lambda: bool(stored), on_stored=lambda records: stored.append(len(records)))

    assert stopped.stopped and 0 < len(lib.all_ids()) < 12
    assert indexes(lib) == indexes(complete)  # built at the stop, not left to the next opening
    resumed = LibrarySync(lib, workers=1, pool_min_files=1).scan([folder])  # the cache holds articles: kept
    assert not resumed.stopped and len(lib.all_ids()) == 12
    LibrarySync(lib).tag_pending()  # what the stop left untagged, as the window does after its scan
    assert indexes(lib) == indexes(complete)
    assert snapshot(lib) == snapshot(complete)


def test_a_connection_opened_during_a_first_import_leaves_the_entities_indexes_to_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(importer, "DEFER_INDEXES_FILES", 4)
    folder = make_folder(tmp_path, 6)
    path = tmp_path / "cache.sqlite3"
    lib = Library(path)
    opened: list[set[str]] = []

    def open_another(_records: object) -> None:  # as the window's search count opens its own connection
        other = Library(path)
        opened.append(set(indexes(other)))
        other.close()

    LibrarySync(lib, workers=1, pool_min_files=1).scan([folder], on_stored=open_another)

    assert opened and all(not set(MENTION_INDEXES) & names for names in opened)  # not built by the opening
    assert set(MENTION_INDEXES) <= set(indexes(lib))  # ...but by the import, at its end
    assert lib.db.execute("SELECT 1 FROM meta WHERE key = 'deferred_indexes'").fetchone() is None


def test_a_cache_left_by_a_killed_window_import_has_its_entities_indexes_again_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    lib = Library(path)
    complete = indexes(lib)
    drop_deferrable_indexes(lib.db, MENTION_INDEXES)
    as_if_killed(lib)
    lib.close()

    again = Library(path)

    assert indexes(again) == complete
