"""Import on every core: the pool stores what the serial path stores; rescans see exactly what changed; Cancel keeps
what was stored and the next run finishes the rest."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync, importer
from reader.core.store.library import Library

PEOPLE = ["Maria Keller", "Tomas Brandt", "Ana Lucia Reyes", "Jonas Weber", "Priya Raman", "Elif Sahin"]
PLACES = ["Hamburg", "Lisbon", "Chicago", "Nairobi", "Oslo", "Melbourne"]


def write_article(folder: Path, i: int) -> Path:
    """A short news text of our own, with a person, a place and an organisation the tagger can find."""
    person, place = PEOPLE[i % len(PEOPLE)], PLACES[i % len(PLACES)]
    path = folder / f"story-{i:03d}.txt"
    path.write_text(
        f"Harbour report number {i}\n\n"
        f"{person} told reporters in {place} on Monday that the port authority would hire {i + 3} more pilots.\n\n"
        f"The European Commission said it would review the plan before the end of the year.\n",
        encoding="utf-8",
    )
    return path


def make_folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(n):
        write_article(folder, i)
    return folder


def snapshot(lib: Library) -> dict[str, tuple[str, str, list[object]]]:
    """Every article: title, text and its entity spans."""
    out = {}
    for article_id in lib.all_ids():
        article = lib.article(article_id)
        assert article is not None
        out[article_id] = (article.title, article.text, lib.entity_spans(article_id))
    return out


def test_pool_import_stores_the_same_articles_and_mentions_as_the_serial_path(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, 8)
    serial = Library(tmp_path / "serial.sqlite3")
    LibrarySync(serial, workers=0).scan([folder])
    LibrarySync(serial).tag_pending()
    pooled = Library(tmp_path / "pooled.sqlite3")
    result = LibrarySync(pooled, workers=2, pool_min_files=1).scan([folder])

    assert (result.added, result.updated, result.failed, result.articles) == (8, 0, 0, 8)
    assert pooled.untagged_count() == 0  # tagged in the workers, nothing left for the window's tagger
    expected = snapshot(serial)
    assert snapshot(pooled) == expected
    names = {span.text for _title, _text, spans in expected.values() for span in spans}  # type: ignore[attr-defined]
    assert {"Maria Keller", "Lisbon"} <= names  # the comparison is over real mentions, not empty lists


@pytest.mark.parametrize("workers", [0, 2])
def test_rescan_sees_added_changed_deleted_renamed_and_identical_files(tmp_path: Path, workers: int) -> None:
    folder = make_folder(tmp_path, 5)
    lib = Library(tmp_path / "cache.sqlite3")
    sync = LibrarySync(lib, workers=workers, pool_min_files=1)
    first = sync.scan([folder])
    assert (first.added, first.unchanged) == (5, 0)
    ids = {p.name: lib.ids_at(p)[0] for p in folder.iterdir()}

    write_article(folder, 10)  # added
    changed = folder / "story-001.txt"
    changed.write_text("Harbour report corrected\n\nTomas Brandt said the pilots were already hired.\n",
                       encoding="utf-8")  # fmt: skip
    os.utime(changed, (1_000_000_000, 1_000_000_000))  # a new mtime even on a coarse clock
    (folder / "story-002.txt").unlink()  # deleted
    (folder / "story-003.txt").rename(folder / "renamed.txt")  # renamed: same text, new name
    shutil.copy2(folder / "story-004.txt", folder / "copy-of-4.txt")  # identical text in a second file
    again = sync.scan([folder])

    assert (again.added, again.updated, again.removed, again.unchanged, again.failed) == (3, 1, 2, 2, 0)
    assert again.seen == 6
    titles = {lib.article(i).title for i in lib.all_ids()}  # type: ignore[union-attr]
    assert titles == {"Harbour report number 0", "Harbour report corrected", "Harbour report number 3",
                      "Harbour report number 4", "Harbour report number 10"}  # fmt: skip
    assert lib.ids_at(folder / "renamed.txt") == [ids["story-003.txt"]]  # the same article, found by its text
    assert lib.paths_of(ids["story-004.txt"]) == sorted([str(folder / "copy-of-4.txt"), str(folder / "story-004.txt")])
    assert lib.untagged_count() == (5 if workers == 0 else 0)  # the serial path leaves tagging to tag_pending

    still = sync.scan([folder])
    assert (still.unchanged, still.imported, still.removed) == (6, 0, 0)


def test_cancel_keeps_what_was_stored_and_the_next_run_finishes(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(importer, "BATCH_FILES", 2)
    folder = make_folder(tmp_path, 12)
    lib = Library(tmp_path / "cache.sqlite3")
    sync = LibrarySync(lib, workers=2, pool_min_files=1)
    batches: list[int] = []
    stopped = sync.sync([str(folder)], [], on_stored=lambda records: batches.append(len(records)),
                        should_stop=lambda: bool(batches))  # fmt: skip

    assert stopped is None  # stopped: nothing was forgotten
    kept = len(lib.all_ids())
    assert kept == sum(batches)
    assert 2 <= kept < 12
    assert len(lib.file_states()) == kept  # only what was stored counts as seen

    finished = sync.sync([str(folder)], [])
    assert finished is not None
    assert (finished.unchanged, finished.added) == (kept, 12 - kept)
    assert len(lib.all_ids()) == 12
    sync.tag_pending()  # anything whose tagging the cancel stopped is tagged now
    assert lib.untagged_count() == 0
    assert all(lib.entity_spans(i) for i in lib.all_ids())


def test_a_broken_pool_leaves_the_rest_to_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise OSError("no processes may be started here")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", no_pool)  # imported by import_in_pool when it runs
    folder = make_folder(tmp_path, 3)
    lib = Library(tmp_path / "cache.sqlite3")
    result = LibrarySync(lib, workers=2, pool_min_files=1).scan([folder])
    assert (result.added, result.failed) == (3, 0)
    assert len(lib.all_ids()) == 3


def stored_mentions(lib: Library) -> list[tuple[object, ...]]:
    """Every stored mention row (key, name, surname, type) by article id, in a fixed order."""
    return sorted(lib.db.execute(
        "SELECT a.id, m.start, m.end, m.type, m.key, m.text, m.short, m.name, m.etype"
        " FROM mentions m JOIN articles a ON a.rowid = m.article_rowid").fetchall())  # fmt: skip


def test_several_files_per_task_store_the_same_mention_rows_as_the_serial_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(importer, "IN_FLIGHT_PER_WORKER", 1)  # one task in flight: 9 files make tasks of 8 and 1
    sent: list[int] = []
    real_tasks = importer._tasks
    monkeypatch.setattr(importer, "_tasks",
                        lambda todo, per_task: (sent.append(per_task), real_tasks(todo, per_task))[1])  # fmt: skip
    folder = make_folder(tmp_path, 9)
    serial = Library(tmp_path / "serial.sqlite3")
    LibrarySync(serial, workers=0).scan([folder])
    LibrarySync(serial).tag_pending()
    pooled = Library(tmp_path / "pooled.sqlite3")
    result = LibrarySync(pooled, workers=1, pool_min_files=1).scan([folder])

    assert sent == [8]
    assert (result.added, result.articles, pooled.untagged_count()) == (9, 9, 0)
    rows = stored_mentions(serial)
    assert len(rows) >= 9 * 3  # a person, a place and the Commission in every article
    assert stored_mentions(pooled) == rows
    assert snapshot(pooled) == snapshot(serial)


def test_tasks_hand_out_every_file_once_in_order() -> None:
    todo = [importer.Entry(f"/news/{i}.txt", mtime=float(i), size=100 + i) for i in range(19)]
    tasks = list(importer._tasks(todo, 8))
    assert [len(t) for t in tasks] == [8, 8, 3]
    assert [f for t in tasks for f in t] == [(e.path, e.mtime, e.size) for e in todo]


def test_large_files_go_to_tasks_of_their_own_so_no_worker_is_left_waiting_on_one() -> None:
    # saved web pages of 20-180 KB take a few hundred ms each: eight to a task left one worker busy at the end
    sizes = [2_000, 2_000, 30_000, 180_000, 2_000, 2_000, 2_000, 25_000, 9_000]
    todo = [importer.Entry(f"/news/{i}", mtime=1.0, size=n) for i, n in enumerate(sizes)]
    tasks = list(importer._tasks(todo, 8))
    assert [[size for _p, _m, size in t] for t in tasks] == [
        [2_000, 2_000], [30_000], [180_000], [2_000, 2_000, 2_000, 25_000], [9_000]]
    assert [f for t in tasks for f in t] == [(e.path, e.mtime, e.size) for e in todo]


def test_the_import_writes_with_a_larger_page_cache_and_gives_it_back(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    before = lib.db.execute("PRAGMA cache_size").fetchone()[0]
    with importer.import_settings(lib, importer.IMPORT_CACHE_KIB, importer.IMPORT_WAL_PAGES):
        during = lib.db.execute("PRAGMA cache_size").fetchone()[0]
    assert during == -importer.IMPORT_CACHE_KIB != before
    assert lib.db.execute("PRAGMA cache_size").fetchone()[0] == before  # the window keeps its own size after


def test_the_import_checkpoints_less_often_and_leaves_the_log_copied_into_the_cache(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    seen: list[int] = []
    folder = make_folder(tmp_path, 6)
    LibrarySync(lib, workers=1, pool_min_files=1).scan(
        [folder], on_stored=lambda _r: seen.append(lib.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]))
    assert seen and set(seen) == {importer.IMPORT_WAL_PAGES}
    assert lib.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # SQLite's default again after
    # the import's pages are in the cache file itself: a copy of the file alone (no log) holds every article
    shutil.copyfile(tmp_path / "cache.sqlite3", tmp_path / "copy.sqlite3")
    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert copy.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    copy.close()
