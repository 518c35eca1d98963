"""The folder watcher started by the start-up rescan: it takes over the rescan's walk instead of walking the
library again, nothing reads every file state on the window's thread, and a file added later still shows."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.core.library_sync.quick_walk import Known
from reader.core.store.library import Library
from reader.paths import Paths
from reader.settings import Settings
from reader.ui.folder_watcher import FolderWatcher, FolderWatchFeature, WatchTiming
from reader.ui.main_window import MainWindow
from reader.ui.startup import start_after_first_paint
from tests.library_files import settle_tree, tagged_profile, write, write_tree

WAIT = 30_000  # generous: the machine may be busy


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """news/{a.txt, 2026/b.txt, 2026/june/c.txt}, written long ago (nothing racy: a poll trusts every mtime)."""
    root = write_tree(tmp_path / "news", {"a.txt": "Harbour opens", "2026/b.txt": "Budget passes",
                                          "2026/june/c.txt": "Rain in June"})
    settle_tree(root)
    return root


def profile(data_dir: Path, folder: Path) -> Paths:
    """The library already holds `folder`, as after an earlier session's import."""
    return tagged_profile(data_dir, folder)


def start(qtbot, paths: Paths, *, watch: bool = True) -> tuple[MainWindow, FolderWatcher]:
    """As the app starts: painted first, then the library opened and rescanned; back once the watcher,
    which that rescan's end starts, has had its first look."""
    settings = Settings(paths.settings_file)
    settings.set("watch_folders", watch)
    w = MainWindow(paths, settings, samples=False, deferred=True)
    qtbot.addWidget(w)
    start_after_first_paint(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitUntil(lambda: w.complete, timeout=WAIT)  # the features are built after the first paint
    watcher = next(f for f in w.features if isinstance(f, FolderWatchFeature)).watcher
    qtbot.waitUntil(lambda: w.worker is not None and w.worker.isFinished(), timeout=WAIT)
    qtbot.waitUntil(lambda: (watcher.ready or not watch) and watcher.job is None and not w.import_running(),
                    timeout=WAIT)  # fmt: skip
    QApplication.processEvents()
    return w, watcher


def titles(w: MainWindow) -> list[str]:
    return [w.model.index(r, 1).data() for r in range(w.model.rowCount())]


def test_neither_the_start_up_rescan_nor_the_watcher_lists_an_unchanged_folder(qtbot, tmp_path: Path, folder: Path,
                                                                            monkeypatch) -> None:  # fmt: skip
    paths = profile(tmp_path / "data", folder)
    listed: Counter[str] = Counter()
    scandir = os.scandir

    def counting(path):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(folder)):
            listed[str(path)] += 1
        return scandir(path)

    monkeypatch.setattr(os, "scandir", counting)
    w, watcher = start(qtbot, paths)
    assert watcher.running and sorted(watcher.roots) == [str(folder)]
    # the rescan lists no unchanged folder (their states were stored by the earlier session's scan), nor does
    # the watcher, which still watches every one of them
    assert listed == {}
    every = [str(folder), str(folder / "2026"), str(folder / "2026" / "june")]
    assert watcher.fs is not None and sorted(watcher.fs.directories()) == sorted(every)
    new = write(folder / "2026" / "june" / "d.txt", "Night ferry returns")  # after the start: still seen
    qtbot.waitUntil(lambda: "Night ferry returns" in titles(w), timeout=WAIT)
    assert w.library.ids_at(str(new)) and watcher.imports == 1
    w.close()


def test_no_file_state_table_is_read_on_the_windows_thread(qtbot, tmp_path: Path, folder: Path,
                                                           monkeypatch) -> None:  # fmt: skip
    """Not at start (the scan reads it in its thread; the watcher needs none), and not when the user turns
    watching off and on (the watcher's first look reads it, on its own thread)."""
    paths = profile(tmp_path / "data", folder)
    threads: list[bool] = []  # one per read of every file state: True when on the window's thread
    real = Library.file_states
    real_quick = Known.read.__func__  # the quick start-up rescan's read of them, packed by folder

    def spy(self: Library) -> dict[str, tuple[float, int]]:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(self)

    def quick_spy(cls: type[Known], *args: object) -> Known:
        threads.append(threading.current_thread() is threading.main_thread())
        return real_quick(cls, *args)  # type: ignore[no-any-return]

    monkeypatch.setattr(Library, "file_states", spy)
    monkeypatch.setattr(Known, "read", classmethod(quick_spy))
    w, watcher = start(qtbot, paths)
    assert threads == [False]  # the rescan's one query, in its thread
    w.registry.run("folders-watch")
    w.registry.run("folders-watch")
    qtbot.waitUntil(lambda: watcher.ready and watcher.job is None, timeout=WAIT)
    assert threads == [False, False]
    write(folder / "e.txt", "Tram line opens")  # and that watcher works: it knew the cache's files
    qtbot.waitUntil(lambda: "Tram line opens" in titles(w), timeout=WAIT)
    assert len(titles(w)) == 4 and watcher.imports == 1
    w.close()


def test_after_a_quick_start_the_watchers_first_full_poll_comes_soon_and_finds_an_edit_in_place(
        qtbot, tmp_path: Path, folder: Path) -> None:  # fmt: skip
    paths = profile(tmp_path / "data", folder)
    edited = write(folder / "2026" / "b.txt", "Budget passes, at last")  # while the app was closed
    os.utime(edited, (time.time() - 5_000, time.time() - 5_000))  # its folder's mtime does not move
    w, watcher = start(qtbot, paths)
    assert "Budget passes" in titles(w)  # the start took the cache's word for the unchanged folder
    assert watcher.detector is not None and watcher.detector.unverified
    assert watcher.full_tick.interval() == WatchTiming().first_full_ms < WatchTiming().full_poll_ms
    watcher.full_tick.timeout.emit()  # the timer's moment, without waiting for it
    qtbot.waitUntil(lambda: "Budget passes, at last" in titles(w), timeout=WAIT)
    assert "Budget passes" not in titles(w) and watcher.full_tick.interval() >= WatchTiming().full_poll_ms
    w.close()


def test_with_watching_off_the_start_walks_every_file(qtbot, tmp_path: Path, folder: Path) -> None:
    """No watcher's full poll would come: the start stats every file, so an edit in place shows at once."""
    paths = profile(tmp_path / "data", folder)
    edited = write(folder / "2026" / "b.txt", "Budget passes, at last")
    os.utime(edited, (time.time() - 5_000, time.time() - 5_000))
    w, watcher = start(qtbot, paths, watch=False)
    qtbot.waitUntil(lambda: "Budget passes, at last" in titles(w), timeout=WAIT)
    assert not watcher.running
    w.close()
