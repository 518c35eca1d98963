"""The full-text index merged in small steps after a large import: one segment after, the same search results,
stopped between steps and resumed, and due again only after another large import."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

import reader.core.library_sync as library_sync
from reader.core.library_sync import LibrarySync
from reader.core.store import fts_merge
from reader.core.store.fts_merge import merge_due, merge_index, segments
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery

WORDS = ("harbour council minister port authority reservoir election court ferry budget strike pier valley "
         "rain tram river bridge mayor union school").split()  # fmt: skip
SEARCHES = ("harbour", "council minister", '"port authority"', "harbour -reservoir", "elect*", "court OR ferry",
            "title:harbour", "-court")  # fmt: skip


def write_articles(folder: Path, n: int, seed: int = 7) -> None:
    """`n` small articles of our own made-up words, dated so that the list's newest-first order is fixed."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        title = " ".join(rng.choice(WORDS) for _ in range(3)).capitalize()
        # and words of its own, so the index spans many pages and a merge of a page at a time takes many steps
        body = " ".join([*(rng.choice(WORDS) for _ in range(40)), *(f"k{i}w{j}" for j in range(80))])
        (folder / f"a{i:03}.md").write_text(f"---\ntitle: {title} {i}\ndate: 2024-01-{1 + i % 28:02}\n---\n\n{body}.\n",
                                            encoding="utf-8")  # fmt: skip


def imported(tmp_path: Path, n: int = 60) -> Library:
    """A cache filled one file per transaction (no pool): each leaves the index a segment of its own."""
    write_articles(tmp_path / "news", n)
    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib, workers=0, tag=False).scan([tmp_path / "news"])
    return lib


def results(lib: Library) -> dict[str, tuple[list[str], int]]:
    """Each search's first page (newest first, and best first) and its total, as the window and the CLI ask."""
    out: dict[str, tuple[list[str], int]] = {}
    for text in SEARCHES:
        page = lib.search(text, limit=200, base=ListQuery())
        best = lib.search(text, limit=200, base=ListQuery(sort="rank")) if not text.startswith("-") else page
        out[text] = ([*page.ids, "|", *best.ids], page.total)
    return out


def test_a_merge_leaves_one_segment_and_every_search_finds_the_same(tmp_path: Path) -> None:
    lib = imported(tmp_path)
    before = results(lib)
    assert segments(lib.db) > 1 and merge_due(lib.db)  # a cache never merged
    assert before["harbour"][1] > 0 and before['"port authority"'][1] > 0

    run = merge_index(lib.db, pause=0)

    assert run.done and segments(lib.db) == 1 and not merge_due(lib.db)
    assert run.segments_before > 1 and run.steps >= 1
    assert results(lib) == before
    lib.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)")


def test_a_stopped_merge_keeps_the_results_and_is_resumed_next_time(tmp_path: Path) -> None:
    lib = imported(tmp_path)
    before = results(lib)
    asked: list[int] = []

    def stop_after_two() -> bool:
        asked.append(1)
        return lib.db.total_changes > 0 and len(asked) > 2

    run = merge_index(lib.db, pages=1, pause=0, should_stop=stop_after_two)  # a page a step: many steps

    assert not run.done and run.steps >= 1 and merge_due(lib.db)  # still due: the next start goes on
    assert results(lib) == before  # half-merged: the same rows
    again = merge_index(lib.db, pages=1, pause=0)
    assert again.done and segments(lib.db) == 1 and not merge_due(lib.db)
    assert results(lib) == before


def test_the_writer_rests_between_steps_only(tmp_path: Path) -> None:
    lib = imported(tmp_path)
    waits: list[float] = []
    run = merge_index(lib.db, pages=1, pause=0.05, sleep=waits.append)
    assert run.steps > 1 and waits == [0.05] * (run.steps - 1)
    assert merge_index(lib.db, sleep=waits.append).steps == 0  # merged: nothing due, nothing done


def test_only_a_large_import_or_rescan_makes_it_due_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_sync, "MERGE_AFTER_FILES", 5)
    lib = imported(tmp_path, 12)
    sync = LibrarySync(lib, workers=0, tag=False)
    assert sync.merge_index().done and not merge_due(lib.db)

    news = tmp_path / "news"
    (news / "late.md").write_text("---\ntitle: Tram line opens\n---\n\nThe tram reaches the pier.\n", encoding="utf-8")
    sync.scan([news])  # one new file: below the mark
    assert not merge_due(lib.db)

    write_articles(tmp_path / "news" / "more", 5, seed=11)
    sync.scan([news])  # five new files: due
    assert merge_due(lib.db)
    assert sync.merge_index().done and segments(lib.db) == 1

    for path in sorted((news / "more").iterdir()):
        path.unlink()
    assert sync.scan([news]).removed == 5  # as many forgotten: their delete markers are merged away too
    assert merge_due(lib.db)


def test_a_new_cache_is_marked_merged_without_a_step(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    run = merge_index(lib.db)
    assert run.done and run.steps == 0 and not fts_merge.merge_due(lib.db)


def test_a_cache_another_program_holds_is_left_due_without_an_error(tmp_path: Path) -> None:
    lib = imported(tmp_path)
    before = results(lib)
    other = sqlite3.connect(tmp_path / "cache.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program's write in progress
    lib.db.execute("PRAGMA busy_timeout = 0")
    run = merge_index(lib.db, pause=0)
    other.execute("ROLLBACK")
    other.close()

    assert not run.done and run.steps == 0 and merge_due(lib.db)
    assert results(lib) == before
    assert merge_index(lib.db, pause=0).done  # the next scan's try


def test_a_library_folder_removed_with_many_files_makes_it_due(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_sync, "MERGE_AFTER_FILES", 5)
    write_articles(tmp_path / "news" / "old", 6, seed=3)
    write_articles(tmp_path / "news" / "kept", 2, seed=5)
    lib = Library(tmp_path / "cache.sqlite3")
    sync = LibrarySync(lib, workers=0, tag=False)
    sync.sync([str(tmp_path / "news")], [])
    assert sync.merge_index().done and not merge_due(lib.db)
    sync.sync([str(tmp_path / "news" / "kept")], [])  # the folder "old" is no longer in the library
    assert lib.count() == 2
    assert merge_due(lib.db)  # six files forgotten: their delete markers are worth merging away


def test_the_headless_import_merges_without_resting_and_the_windows_rests(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    waits: list[float] = []
    real_merge = library_sync.merge_index
    monkeypatch.setattr(library_sync, "merge_index",
                        lambda db, **kw: real_merge(db, pages=1, sleep=waits.append, **kw))  # a page a step
    lib = imported(tmp_path)
    headless = LibrarySync(lib, alone=True).merge_index()
    assert headless.done and headless.steps > 1 and waits == []  # no window waits for the write lock
    lib.db.execute("DELETE FROM meta WHERE key = ?", (fts_merge.MERGED_KEY,))
    for i in range(3):  # more segments for the window's merge to take steps over
        with lib.db:
            lib.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 0)")
        LibrarySync(lib, workers=0, tag=False).scan([tmp_path / "news"])
        write_articles(tmp_path / "news" / f"more{i}", 5, seed=i)
        LibrarySync(lib, workers=0, tag=False).scan([tmp_path / "news"])
    window = LibrarySync(lib).merge_index()
    assert window.done and window.steps > 1 and waits == [fts_merge.STEP_PAUSE_S] * (window.steps - 1)
