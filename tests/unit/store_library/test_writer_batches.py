"""The import's writer does less per new file and per mention, and stores what storing each file alone stores:
files met twice in a batch, a file the cache held before, a problem after articles, rows made by a worker."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.library_sync import LibrarySync, importer
from reader.core.store.library import FileRecord, Library
from reader.core.store.library_query import ListQuery
from reader.core.store.library_schema import swap_name_indexes
from tests.unit.entities.entity_spans import spans
from tests.unit.store_library.test_batch_writer import TEXT, WANTED, article, one_by_one, rows
from tests.unit.store_library.test_grouped_mentions import grouped

OTHER = "Tomas Brandt flew to Lisbon with Maria Keller."


def statements(lib: Library, work: object) -> list[str]:
    """The SQL run on the library's connection while `work()` runs (a statement per row of an executemany)."""
    seen: list[str] = []
    lib.db.set_trace_callback(seen.append)
    try:
        work()  # type: ignore[operator]
    finally:
        lib.db.set_trace_callback(None)
    return seen


def test_a_new_files_articles_go_in_without_looking_for_what_it_held(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    batch = [grouped(FileRecord(f"/news/{n}.txt", 1.0, 10, (article(f"Story {n}", f"{TEXT} {n}"),),
                                (tuple(spans(f"{TEXT} {n}", *WANTED)),))) for n in range(3)]  # fmt: skip
    run = statements(lib, lambda: lib.store_batch(batch))
    # nothing is there to drop or settle for a path the cache never saw, and a new id needs no lookup first
    assert not [s for s in run if "FROM locations WHERE path" in s or s.startswith("SELECT rowid FROM articles")]
    assert not [s for s in run if s.startswith("DELETE FROM kept")]
    assert len([s for s in run if s.startswith("SELECT path FROM files WHERE path IN")]) == 1
    assert len(rows(lib)["mentions"]) == 3 * len(WANTED)


def test_a_batch_with_paths_met_twice_stores_what_each_file_alone_stores(tmp_path: Path) -> None:
    first, other, later = article("Council meets"), article("Brandt in Lisbon", OTHER), article("Later", OTHER + " ")
    found, other_found = tuple(spans(TEXT, *WANTED)), tuple(spans(OTHER, ("Tomas Brandt", "PER"), ("Lisbon", "LOC")))
    held = [FileRecord("/news/held.txt", 1.0, 10, (other,), (other_found,))]  # in the cache before the batch
    records = [
        FileRecord("/news/a.txt", 1.0, 10, (first,), (found,)),
        FileRecord("/news/b.txt", 1.0, 10, (other, first), (other_found, found)),  # both stored already
        FileRecord("/news/a.txt", 2.0, 10, (first, later), (found, None)),  # a path met again in the batch
        FileRecord("/news/held.txt", 2.0, 10, reason="The file is empty.", advice="Check it."),  # held articles go
        FileRecord("/news/c.txt", 1.0, 10, reason="The file cannot be read.", advice="Check its permissions."),
        FileRecord("/news/c.txt", 2.0, 10, (later,), (tuple(spans(OTHER + " ", ("Maria Keller", "PER"))),)),
    ]
    for worker in (False, True):  # spans grouped by the writer, or rows made by an import's worker
        sent = [grouped(r) if worker and not r.reason else r for r in records]
        batch, single = Library(tmp_path / f"batch-{worker}.sqlite3"), Library(tmp_path / f"single-{worker}.sqlite3")
        batch.store_batch([grouped(r) for r in held])
        one_by_one(single, held)
        batch.store_batch(sent)
        for r in records:
            if r.reason:
                single.store_problem(r.path, r.mtime, r.size, r.reason, r.advice)
            else:
                one_by_one(single, [r])
        got = rows(batch)
        assert got == rows(single)
        assert [len([m for m in got["mentions"] if m[0] == a.id]) for a in (first, other, later)] == [7, 2, 1]
        assert [(p.path, p.reason) for p in batch.problems()] == [("/news/held.txt", "The file is empty.")]
        assert batch.ids_at("/news/a.txt") == [first.id, later.id] and batch.ids_at("/news/c.txt") == [later.id]


def _indexes(db: sqlite3.Connection) -> dict[str, str]:
    return {str(n): str(sql) for n, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions'")}  # fmt: skip


def test_a_cache_made_before_keeps_its_mentions_and_indexes_names_only_where_asked(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    lib = Library(path)
    lib.store_batch([FileRecord("/news/a.txt", 1.0, 10, (article("Council meets"),), (tuple(spans(TEXT, *WANTED)),))])
    before = rows(lib)
    # the cache as schema 8 made it: every mention's name and `short` in an index
    lib.db.executescript("DROP INDEX mentions_alias; DROP INDEX mentions_bare;"
                         "CREATE INDEX mentions_name ON mentions(name); CREATE INDEX mentions_short ON mentions(short);"
                         "PRAGMA user_version = 8;")  # fmt: skip
    lib.close()

    again = Library(path)
    # the opening keeps the old indexes (building the new ones takes seconds at 100,000 articles): the same
    # queries answer through them until the scan's thread swaps them
    assert {"mentions_name", "mentions_short"} <= set(_indexes(again.db))
    assert "mentions_alias" not in _indexes(again.db)
    assert again.list_ids(ListQuery(entity="national security council")) == [before["tagged"][0][0]]
    assert swap_name_indexes(again.db) and not swap_name_indexes(again.db)  # once
    indexes = _indexes(again.db)
    assert "mentions_name" not in indexes and "mentions_short" not in indexes
    assert indexes["mentions_alias"].endswith("WHERE name != key")
    assert indexes["mentions_bare"].endswith("WHERE short != ''")
    assert rows(again) == before  # upgraded in place: nothing imported again
    # "NSC" is a name that is not its key: the entity view finds it through the partial index
    assert again.list_ids(ListQuery(entity="national security council")) == [before["tagged"][0][0]]
    indexed = [r[0] for r in again.db.execute("SELECT count(*) FROM mentions INDEXED BY mentions_alias"
                                              " WHERE name != key AND name = 'nsc'")]  # fmt: skip
    assert indexed == [2]


def test_the_scans_index_upkeep_swaps_an_upgraded_caches_name_indexes(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    lib.db.executescript("DROP INDEX mentions_alias; DROP INDEX mentions_bare;"
                         "CREATE INDEX mentions_name ON mentions(name); CREATE INDEX mentions_short ON mentions(short);"
                         "PRAGMA user_version = 8;")  # fmt: skip
    lib.close()
    again = Library(tmp_path / "cache.sqlite3")
    LibrarySync(again).merge_index()  # what the window's scan thread and `news-reader import` run after a scan
    indexes = set(_indexes(again.db))
    assert {"mentions_alias", "mentions_bare"} <= indexes
    assert not {"mentions_name", "mentions_short"} & indexes


def test_a_new_cache_has_only_the_partial_name_indexes_and_nothing_to_swap(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    indexes = set(_indexes(lib.db))
    assert {"mentions_alias", "mentions_bare"} <= indexes
    assert not {"mentions_name", "mentions_short"} & indexes


def test_the_pool_import_writes_without_fts_automerge_and_sets_it_back(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(6):
        (folder / f"{n}.txt").write_text(f"Story {n}\n\nMaria Keller met Tomas Brandt in Lisbon on day {n}.\n")
    lib = Library(tmp_path / "cache.sqlite3")
    config = "SELECT v FROM articles_fts_config WHERE k = 'automerge'"
    seen: list[int] = []
    LibrarySync(lib, workers=1, pool_min_files=1).scan(
        [folder], on_stored=lambda _r: seen.append(lib.db.execute(config).fetchone()[0]))
    assert seen and set(seen) == {0}  # while the batches are written
    assert lib.db.execute(config).fetchone()[0] == importer.FTS_AUTOMERGE == 4  # FTS5's own default after
    assert len(lib.search("Keller").ids) == 6
