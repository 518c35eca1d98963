"""The window while a new tagger's re-tagging runs in the process pool: keys still work, the progress says how many
articles of how many, and Cancel keeps what was tagged for the next start to finish."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from reader.core.library_sync import retag
from reader.core.store.library import Library
from reader.ui import library_views
from reader.ui.import_progress import TAG_STOPPED, ImportProgress
from reader.ui.workers import ScanWorker
from tests.gui.test_import_in_pool import write_stories

NEW_FILES = 40


@pytest.fixture
def retag_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The window's scans use a pool of two for any number of files or articles; record when re-tagging's pool
    run starts and ends, and make its first stored batch wait for `retag_runs.go` (set by the test)."""
    events: list[str] = []
    real = retag.retag_in_pool

    def spied(*args: Any, **kwargs: Any) -> retag.RetagRun:
        events.append("start")
        try:
            return real(*args, **kwargs)
        finally:
            events.append("end")

    monkeypatch.setattr(retag, "retag_in_pool", spied)
    monkeypatch.setattr(library_views, "ScanWorker", functools.partial(ScanWorker, workers=2, pool_min_files=1))
    return events


def library_with_old_tagger(make_window: Callable, article_folder: Path, qtbot, runs: list[str]) -> Any:
    """A window whose library (the fixtures and NEW_FILES stories, all tagged) was tagged by an older tagger."""
    w = make_window()
    write_stories(article_folder, NEW_FILES)
    w.rescan()
    qtbot.waitUntil(lambda: not w.worker.isRunning() and w.library.untagged_count() == 0, timeout=120000)
    runs.clear()
    cache = Library(w.paths.library_db)
    with cache.db:
        cache.db.execute("UPDATE meta SET value = 'an older tagger' WHERE key = 'tagger'")
    cache.close()
    return w


def gate_first_batch(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The re-tagging stores its first batch, then waits for the returned event: on a fast machine the rest would
    be tagged before the test's key press or click arrives."""
    go = threading.Event()
    store = retag._Driver.store

    def first_then_wait(self: retag._Driver, batch: list) -> None:
        store(self, batch)
        go.wait(timeout=60)

    monkeypatch.setattr(retag._Driver, "store", first_then_wait)
    monkeypatch.setattr("reader.core.library_sync.importer.BATCH_FILES", 5)
    # one text a task: a few of the library's 44 in flight, not all of them, when Cancel comes
    monkeypatch.setattr(retag, "TEXTS_PER_TASK", 1)
    return go


def test_moving_in_the_list_works_while_the_pool_retags(make_window: Callable, article_folder: Path, qtbot,
                                                         retag_runs: list[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    w = library_with_old_tagger(make_window, article_folder, qtbot, retag_runs)
    total = len(w.model.ids)
    w.select_row(0)
    go = gate_first_batch(monkeypatch)
    w.rescan()  # the scan finds no file changed; the new tagger re-tags the whole library in the pool
    qtbot.waitUntil(lambda: retag_runs == ["start"] and w.library.untagged_count() < total, timeout=60000)
    progress = w.import_progress
    qtbot.waitUntil(lambda: progress is not None and progress.isVisible() and progress.bar.value() > 0, timeout=10000)
    assert progress is not None and progress.bar.text().endswith(f" of {total}")
    assert progress.detail.text().startswith("Finding entities")

    qtbot.keyClick(w.list_view, Qt.Key.Key_J)  # next article: handled at once, the tagging goes on in the workers
    assert w.current_id == w.model.ids[1]
    assert retag_runs == ["start"] and w.worker is not None and w.worker.isRunning()

    go.set()
    qtbot.waitUntil(lambda: not w.worker.isRunning(), timeout=120000)
    assert retag_runs == ["start", "end"]
    assert w.library.untagged_count() == 0
    assert not progress.isVisible()


def test_cancel_keeps_what_was_retagged_and_the_next_scan_finishes(
    make_window: Callable, article_folder: Path, qtbot, retag_runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    w = library_with_old_tagger(make_window, article_folder, qtbot, retag_runs)
    total = len(w.model.ids)
    go = gate_first_batch(monkeypatch)
    w.rescan()
    progress = w.import_progress  # made by the first import
    assert progress is not None
    qtbot.waitUntil(lambda: progress.tagging and progress.isVisible() and progress.bar.value() > 0, timeout=60000)
    with qtbot.waitSignal(w.worker.finished, timeout=60000):
        qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
        go.set()
    left = w.library.untagged_count()
    assert 0 < left < total
    assert w.status_label.text() == TAG_STOPPED
    assert not progress.isVisible()

    monkeypatch.setattr(retag._Driver, "store", retag._Driver.__dict__["store"])
    w.rescan()  # the next scan: the same tagger, so only what was left is tagged
    qtbot.waitUntil(lambda: not w.worker.isRunning() and w.library.untagged_count() == 0, timeout=120000)
    assert retag_runs == ["start", "end", "start", "end"]


def test_the_tagging_line_gives_articles_of_how_many_rate_and_time_left(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    progress = ImportProgress(lambda: None)
    qtbot.addWidget(progress)
    clock = iter([100.0, 104.0, 105.0])
    monkeypatch.setattr("reader.ui.import_progress.time.monotonic", lambda: next(clock))
    progress.show_tagging(0, 2000)
    assert progress.detail.text() == "Finding entities"
    progress.show_tagging(400, 2000)
    assert progress.detail.text() == "Finding entities: 100 articles/s, about 15 s left"
    assert progress.bar.text() == "400 of 2000"
    assert progress.stopped_text() == TAG_STOPPED
    progress.show_progress(5, 10, "/news/2024/a.txt")  # an import after it counts files again
    assert progress.stopped_text() != TAG_STOPPED and progress.bar.text() == "5 of 10"
