"""Re-tagging on every core: after a new tagger, the pool stores the mentions the one-thread path stores; a stopped
re-tagging keeps what it stored and the next run tags the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.core.library_sync import LibrarySync, retag
from reader.core.store.library import Library
from tests.unit.library_sync.test_pool_import import make_folder, snapshot


def mention_tables(lib: Library) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row of the entity tables, by article id (rowids differ from cache to cache)."""
    db = lib.db
    out = {}
    for table in ("mentions", "learned_aliases", "person_names"):
        rows = db.execute(f"SELECT a.id, t.* FROM {table} t JOIN articles a ON a.rowid = t.article_rowid").fetchall()
        out[table] = sorted((r[0], *r[2:]) for r in rows)
    return out


def old_tagger_library(tmp_path: Path, folder: Path, name: str) -> Library:
    """A cache imported and tagged in one thread, then marked as found by an older tagger."""
    lib = Library(tmp_path / name)
    LibrarySync(lib, workers=0).scan([folder])
    LibrarySync(lib, workers=0).tag_pending()
    with lib.db:
        lib.db.execute("UPDATE meta SET value = 'an older tagger' WHERE key = 'tagger'")
    return lib


@pytest.fixture
def pool_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the pool runs of re-tagging (the texts are tagged in the pool, not by this process)."""
    calls: list[int] = []
    real = retag.retag_in_pool

    def spied(*args: Any, **kwargs: Any) -> retag.RetagRun:
        run = real(*args, **kwargs)
        calls.append(run.done)
        return run

    monkeypatch.setattr(retag, "retag_in_pool", spied)
    return calls


def test_a_new_tagger_retags_in_the_pool_with_the_mentions_of_the_serial_path(
    tmp_path: Path, pool_calls: list[int]
) -> None:
    folder = make_folder(tmp_path, 12)
    serial = old_tagger_library(tmp_path, folder, "serial.sqlite3")
    serial_sync = LibrarySync(serial, workers=0)  # a new tagger: the old mentions are dropped
    assert serial.untagged_count() == 12 and mention_tables(serial)["mentions"] == []
    assert serial_sync.tag_pending() == 12
    pooled = old_tagger_library(tmp_path, folder, "pooled.sqlite3")
    sync = LibrarySync(pooled, workers=2, pool_min_files=1)
    steps: list[tuple[int, int]] = []
    told: list[str] = []

    assert sync.tag_pending(progress=lambda done, total: steps.append((done, total)),
                            on_batch=lambda ids, _left: told.extend(ids)) == 12  # fmt: skip

    assert pool_calls == [12]
    assert pooled.untagged_count() == 0
    assert sorted(told) == sorted(pooled.all_ids())  # the window hears of every article re-tagged
    assert steps[0] == (0, 12) and steps[-1] == (12, 12)
    expected = mention_tables(serial)
    assert mention_tables(pooled) == expected
    assert snapshot(pooled) == snapshot(serial)
    names = {row[5] for row in expected["mentions"]}  # the comparison is over real mentions
    assert {"Maria Keller", "Lisbon"} <= names


def test_few_articles_or_no_workers_are_retagged_in_this_process(tmp_path: Path, pool_calls: list[int]) -> None:
    folder = make_folder(tmp_path, 3)
    lib = old_tagger_library(tmp_path, folder, "cache.sqlite3")
    assert LibrarySync(lib, workers=2, pool_min_files=4).tag_pending() == 3
    assert pool_calls == [] and lib.untagged_count() == 0


def test_stopped_retagging_keeps_what_was_stored_and_the_next_run_finishes(
    tmp_path: Path, pool_calls: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(retag, "TEXTS_PER_TASK", 1)
    monkeypatch.setattr("reader.core.library_sync.importer.BATCH_FILES", 2)
    folder = make_folder(tmp_path, 40)
    serial = old_tagger_library(tmp_path, folder, "serial.sqlite3")
    LibrarySync(serial, workers=0).tag_pending()
    lib = old_tagger_library(tmp_path, folder, "cache.sqlite3")
    sync = LibrarySync(lib, workers=2, pool_min_files=1)
    batches: list[list[str]] = []

    first = sync.tag_pending(on_batch=lambda ids, _left: batches.append(ids), should_stop=lambda: bool(batches))

    assert 0 < first < 40 and lib.untagged_count() == 40 - first
    stored = {i for ids in batches for i in ids}
    assert len(stored) == first
    done_rows = {k: [r for r in rows if r[0] in stored] for k, rows in mention_tables(serial).items()}
    assert mention_tables(lib) == done_rows  # the stored ones in full, nothing of the others

    again = LibrarySync(lib, workers=2, pool_min_files=1)  # the next start: the same tagger, nothing dropped
    assert again.tag_pending() == 40 - first
    assert pool_calls == [first, 40 - first]
    assert mention_tables(lib) == mention_tables(serial)


def test_the_import_command_retags_a_new_taggers_library_in_the_pool(
    tmp_path: Path, pool_calls: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main
    from reader.paths import resolve_paths

    folder = make_folder(tmp_path, 6)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", "--workers", "2", str(folder)]) == 0
    cache = Library(resolve_paths(data).library_db)
    with cache.db:
        cache.db.execute("UPDATE meta SET value = 'an older tagger' WHERE key = 'tagger'")
    cache.close()
    pool_calls.clear()
    capsys.readouterr()

    assert main(["--data-dir", str(data), "import", "--workers", "2", str(folder)]) == 0

    assert pool_calls == [6]  # all six tagged again by the pool's workers
    assert ("6 articles stored earlier had their entities found now (an earlier import was stopped, or the entity"
            " tagger is newer)") in capsys.readouterr().out.splitlines()  # fmt: skip
    cache = Library(resolve_paths(data).library_db)
    assert cache.untagged_count() == 0
    cache.close()
