"""The window's scan thread merges the full-text index after its scan, and a quit stops it between steps."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import reader.core.library_sync as library_sync
from reader.core.store import fts_merge
from reader.paths import resolve_paths
from reader.ui.workers import ScanWorker

WORDS = "harbour council ferry budget strike pier valley rain tram river bridge mayor".split()


def write_articles(folder: Path, n: int) -> list[int]:
    """`n` small made-up articles, each with words of its own (many index pages); those that say "harbour"."""
    harbour = []
    for i in range(n):
        words = [WORDS[(i * 7 + j) % len(WORDS)] for j in range(5 + i % 4)]
        if "harbour" in words:
            harbour.append(i)
        extra = " ".join(f"k{i}w{j}" for j in range(80))
        (folder / f"n{i:03}.txt").write_text(f"Report {i}\n\n{' '.join(words)} {extra}.\n", encoding="utf-8")
    return harbour


def index_state(data_dir: Path) -> tuple[int, bool]:
    """(segments of the cache's full-text index, whether a merge is due)."""
    with sqlite3.connect(resolve_paths(data_dir).library_db) as db:
        return fts_merge.segments(db), fts_merge.merge_due(db)


def test_the_windows_scan_leaves_the_index_merged_and_search_finds_every_article(
    make_window, data_dir: Path, article_folder: Path, qtbot
) -> None:
    harbour = write_articles(article_folder, 40)
    w = make_window()  # a scan on the window's thread (tests): each file read alone, one segment each, no merge
    segments, due = index_state(data_dir)
    assert segments > 1 and due  # a cache never merged

    w.rescan()  # in the scan thread, as at every start: nothing changed on disk, but the index was never merged
    qtbot.waitUntil(lambda: w.worker is not None and w.worker.isFinished(), timeout=60_000)

    assert index_state(data_dir) == (1, False)
    w.filter_box.setText("harbour")
    w.apply_view(keep_current=True)
    titles = sorted(w.model.index(r, 1).data() for r in range(len(w.model.ids)))
    assert [t for t in titles if t.startswith("Report ")] == sorted(f"Report {i}" for i in harbour)
    assert "Harbour strike ends after nine days" in titles  # the fixture folder's own

def test_a_quit_stops_the_merge_between_steps_and_the_next_scan_finishes_it(
    data_dir: Path, article_folder: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_articles(article_folder, 40)
    paths = resolve_paths(data_dir).ensure()
    steps: list[int] = []
    real = fts_merge.merge_index

    def one_page_steps(db: sqlite3.Connection, **kw: object) -> fts_merge.MergeRun:
        def rest(_seconds: float) -> None:
            steps.append(1)
            worker.requestInterruption()  # the user quits while the merge rests between two steps

        return real(db, pages=1, sleep=rest, should_stop=kw["should_stop"])  # type: ignore[arg-type]

    monkeypatch.setattr(library_sync, "merge_index", one_page_steps)
    worker = ScanWorker(paths.library_db, [str(article_folder)], [], tag=False, workers=0)
    worker.start()
    qtbot.waitUntil(worker.isFinished, timeout=60_000)

    segments, due = index_state(data_dir)
    assert steps == [1] and due and segments > 1  # one step, then stopped: still due, for the next scan

    monkeypatch.setattr(library_sync, "merge_index", real)
    again = ScanWorker(paths.library_db, [str(article_folder)], [], tag=False, workers=0)
    again.start()
    qtbot.waitUntil(again.isFinished, timeout=60_000)
    assert index_state(data_dir) == (1, False)
