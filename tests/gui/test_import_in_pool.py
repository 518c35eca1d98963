"""The window while an import runs in the process pool: keys still work, the progress says how far it is,
and Cancel keeps what was stored for the next scan to finish."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from reader.core.library_sync import importer
from reader.core.store.library import Library
from reader.ui import library_views
from reader.ui.import_progress import STOPPED, ImportProgress, duration_text
from reader.ui.workers import ScanWorker

NEW_FILES = 60


def write_stories(folder: Path, n: int) -> None:
    """Short texts of our own, with names for the tagger."""
    (folder / "incoming").mkdir()
    for i in range(n):
        (folder / "incoming" / f"pier-{i:02d}.txt").write_text(
            f"Pier works, day {i}\n\nMaria Keller said in Westport that day {i} of the works went to plan.\n",
            encoding="utf-8",
        )


@pytest.fixture
def pool_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the window's scans use a pool of two for any number of files; record when a pool run starts and ends."""
    events: list[str] = []
    real = importer.import_in_pool

    def spied(*args: Any, **kwargs: Any) -> importer.PoolRun:
        events.append("start")
        try:
            return real(*args, **kwargs)
        finally:
            events.append("end")

    monkeypatch.setattr("reader.core.library_sync.import_in_pool", spied)
    monkeypatch.setattr(library_views, "ScanWorker", functools.partial(ScanWorker, workers=2, pool_min_files=1))
    return events


def test_moving_in_the_list_works_while_the_pool_imports(
    make_window: Callable, article_folder: Path, qtbot, pool_runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window()
    shown: list[str] = []  # every status line the window shows, in the window's own thread
    set_text = w.status_label.setText
    monkeypatch.setattr(w.status_label, "setText", lambda text: (shown.append(text), set_text(text))[1])
    before = len(w.model.ids)
    assert before >= 2
    w.select_row(0)
    write_stories(article_folder, NEW_FILES)
    w.rescan()
    assert w.worker is not None
    qtbot.waitUntil(lambda: pool_runs == ["start"], timeout=30000)

    qtbot.keyClick(w.list_view, Qt.Key.Key_J)  # next article: handled at once, the import goes on in the workers
    assert w.current_id == w.model.ids[1]
    assert pool_runs == ["start"] and w.worker is not None and w.worker.isRunning()

    said = f"{before + NEW_FILES} articles; last import: {NEW_FILES} added"
    qtbot.waitUntil(lambda: not w.worker.isRunning() and said in shown, timeout=120000)
    assert pool_runs == ["start", "end"]
    assert len(w.model.ids) == before + NEW_FILES
    assert w.library.untagged_count() == 0
    assert w.import_progress is not None and not w.import_progress.isVisible()


def test_cancel_keeps_what_was_stored_and_f5_finishes(
    make_window: Callable, article_folder: Path, qtbot, pool_runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BATCH_FILES", 5)
    # The importer waits after its first batch until Cancel was pressed: on a fast machine the other 55 files
    # would otherwise be stored before the click arrives, and there would be nothing left to cancel.
    clicked = threading.Event()
    store = importer._store

    def first_batch_then_wait(*args: Any, **kwargs: Any) -> None:
        store(*args, **kwargs)
        clicked.wait(timeout=60)

    monkeypatch.setattr(importer, "_store", first_batch_then_wait)
    # every stored batch reaches the window at once (by default a fast machine's first batch waits for the next)
    monkeypatch.setattr("reader.ui.workers.PROGRESS_MIN_SECONDS", 0)
    monkeypatch.setattr("reader.ui.workers.PROGRESS_FILES", 1)
    w = make_window()
    before = len(w.model.ids)
    write_stories(article_folder, NEW_FILES)
    w.rescan()
    qtbot.waitUntil(lambda: len(w.model.ids) > before, timeout=60000)  # the first batch is listed
    progress = w.import_progress
    assert progress is not None and progress.isVisible()
    assert progress.bar.maximum() == before + NEW_FILES and progress.bar.text().endswith(f" of {before + NEW_FILES}")

    with qtbot.waitSignal(w.worker.finished, timeout=60000):
        qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
        clicked.set()
    monkeypatch.setattr(importer, "_store", store)
    stored = w.library.count()
    assert w.status_label.text() == STOPPED
    assert not progress.isVisible()
    assert before < stored < before + NEW_FILES

    shown: list[str] = []  # every status line, however briefly shown (the F5 scan may start a moment later)
    set_text = w.status_label.setText
    monkeypatch.setattr(w.status_label, "setText", lambda text: (shown.append(text), set_text(text))[1])
    qtbot.keyClick(w.list_view, Qt.Key.Key_F5)
    said = f"{before + NEW_FILES} articles; last import: {before + NEW_FILES - stored} added"
    qtbot.waitUntil(lambda: len(w.model.ids) == before + NEW_FILES and said in shown, timeout=120000)


def test_the_progress_line_gives_rate_time_left_and_folder(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    stopped: list[bool] = []
    progress = ImportProgress(lambda: stopped.append(True))
    qtbot.addWidget(progress)
    clock = iter([100.0, 102.0])
    monkeypatch.setattr("reader.ui.import_progress.time.monotonic", lambda: next(clock))
    progress.show_progress(10, 1010, "/news/2024/a.txt")
    assert progress.detail.text() == "in 2024"  # no rate until a second step
    progress.show_progress(110, 1010, "/news/2025/b.txt")
    assert progress.detail.text() == "50 files/s, about 20 s left, in 2025"
    assert progress.bar.text() == "110 of 1010"
    progress.cancel_button.click()
    assert stopped == [True]
    assert [duration_text(s) for s in (3, 42, 600, 4000)] == ["about 3 s", "about 40 s", "about 10 min",
                                                              "about 1 h 7 min"]  # fmt: skip


def test_closing_the_window_while_the_pool_imports_ends_cleanly(
    make_window: Callable, article_folder: Path, qtbot, pool_runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BATCH_FILES", 5)
    w = make_window()
    before = len(w.model.ids)
    write_stories(article_folder, NEW_FILES)
    w.rescan()
    qtbot.waitUntil(lambda: len(w.model.ids) > before, timeout=60000)  # in the middle of the import
    worker = w.worker
    assert worker is not None

    w.close()  # waits for the worker, which stops handing out files and stores what came back

    assert not worker.isRunning() and pool_runs == ["start", "end"]
    cache = Library(w.paths.library_db)
    assert before < cache.count() <= before + NEW_FILES  # what was stored stays for the next start
    cache.close()


def test_a_rescan_of_unchanged_files_runs_no_list_query(make_window: Callable, qtbot,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr("reader.ui.workers.PROGRESS_MIN_SECONDS", 0)
    monkeypatch.setattr("reader.ui.workers.PROGRESS_FILES", 1)  # every step the scan reports reaches the window
    w = make_window()
    steps: list[int] = []
    ended: list[bool] = []

    class SpiedWorker(ScanWorker):
        def start(self) -> None:  # type: ignore[override]
            self.progress.connect(lambda done, _total, _path: steps.append(done))
            self.finished.connect(lambda: ended.append(True))
            super().start()

    monkeypatch.setattr(library_views, "ScanWorker", SpiedWorker)
    queries: list[bool] = []
    real_apply = w.apply_view
    monkeypatch.setattr(w, "apply_view", lambda **kw: (queries.append(True), real_apply(**kw)))
    w.rescan()
    qtbot.waitUntil(lambda: bool(ended), timeout=60000)
    qtbot.wait(200)  # anything still queued for the window lands
    assert steps and steps[-1] == len(w.model.ids)  # the window heard of the scan's steps...
    assert queries == []  # ...but never re-ran the list: no row came or went
    assert w.status_label.text() == f"{len(w.model.ids):,} articles"
