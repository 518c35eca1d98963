"""The folder watcher in the window: files written, changed and deleted on disk show in the list by themselves,
with a file system watcher or by polling, one import per burst, never two imports at once, and nothing left
running after closing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QFileSystemWatcher
from PySide6.QtWidgets import QApplication

from reader.core.library_sync import LibrarySync
from reader.ui.folder_watcher import FolderWatcher, FolderWatchFeature, WatchTiming

FAST = WatchTiming(poll_ms=50, settle_ms=100, full_poll_ms=60_000)
WAIT = 20000  # generous: the machine may be busy; the watcher is done long before


def feature(w) -> FolderWatchFeature:
    return next(f for f in w.features if isinstance(f, FolderWatchFeature))


def watch(w, qtbot, mode: str = "watch", timing: WatchTiming = FAST) -> FolderWatcher:
    """Start watching the window's folders and wait for the first look; "poll" forces the polling fallback."""
    watcher = feature(w).watcher
    if mode == "poll":
        timing = WatchTiming(timing.poll_ms, timing.settle_ms, timing.full_poll_ms, max_folders=0)
    watcher.start(w.library_folders(), timing)
    qtbot.waitUntil(lambda: watcher.ready and watcher.job is None and not watcher.queued, timeout=WAIT)
    assert watcher.polling == (mode == "poll")
    return watcher


def titles(w) -> list[str]:
    return [w.model.index(r, 1).data() for r in range(w.model.rowCount())]


def write(path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\nA paragraph of our own about the town's new ferry timetable.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", ["watch", "poll"])
def test_a_file_written_into_a_watched_folder_appears_as_a_row(make_window, article_folder: Path, qtbot,
                                                               mode: str) -> None:  # fmt: skip
    w = make_window()
    watcher = watch(w, qtbot, mode)
    before = watcher.imports
    write(article_folder / "05-ferry.txt", "Night ferry returns")
    qtbot.waitUntil(lambda: "Night ferry returns" in titles(w), timeout=WAIT)
    assert watcher.imports == before + 1
    # the row shows with the import's batch; the summary follows when the import's thread has ended
    qtbot.waitUntil(lambda: "1 added" in w.status_label.text(), timeout=WAIT)


@pytest.mark.parametrize("mode", ["watch", "poll"])
def test_a_file_in_a_new_sub_folder_appears(make_window, article_folder: Path, qtbot, mode: str) -> None:
    w = make_window()
    watcher = watch(w, qtbot, mode)
    write(article_folder / "2026" / "june" / "06-tram.txt", "Tram line opens")
    qtbot.waitUntil(lambda: "Tram line opens" in titles(w), timeout=WAIT)
    if mode == "watch":  # the new folders are watched too
        assert watcher.fs is not None
        assert str(article_folder / "2026" / "june") in watcher.fs.directories()
    write(article_folder / "2026" / "june" / "07-bus.txt", "Bus lanes widened")
    qtbot.waitUntil(lambda: "Bus lanes widened" in titles(w), timeout=WAIT)


@pytest.mark.parametrize("mode", ["watch", "poll"])
def test_a_changed_file_shows_its_new_title(make_window, article_folder: Path, qtbot, mode: str) -> None:
    """Rewritten in place (its folder does not change): found by the full poll, here run every 200 ms."""
    w = make_window()
    watch(w, qtbot, mode, WatchTiming(poll_ms=50, settle_ms=100, full_poll_ms=200))
    old = titles(w)
    write(article_folder / "01-harbour.txt", "Harbour closes for the winter")
    qtbot.waitUntil(lambda: "Harbour closes for the winter" in titles(w), timeout=WAIT)
    assert len(titles(w)) == len(old)  # the same row, retitled (its text changed, so its id did too)


@pytest.mark.parametrize("mode", ["watch", "poll"])
def test_a_deleted_files_row_leaves_and_its_highlight_stays(make_window, article_folder: Path, qtbot,
                                                            mode: str) -> None:  # fmt: skip
    w = make_window()
    watcher = watch(w, qtbot, mode)
    (article_id,) = w.library.ids_at(str(article_folder / "01-harbour.txt"))
    article = w.library.article(article_id)
    assert article is not None
    w.operations.run(lambda: w.session.add_highlight(article_id, article.text, 0, 10))
    gone_title = article.title
    (article_folder / "01-harbour.txt").unlink()
    qtbot.waitUntil(lambda: gone_title not in titles(w), timeout=WAIT)
    assert watcher.imports >= 1
    assert [h.start for h in w.session.store.highlights(article_id)] == [0]
    w.sidebar.select_view("annotated")
    assert titles(w) == [gone_title]  # kept: listed where the user's articles are


def test_a_burst_of_50_files_is_one_import(make_window, article_folder: Path, qtbot) -> None:
    w = make_window()
    watcher = watch(w, qtbot, timing=WatchTiming(poll_ms=50, settle_ms=1000, full_poll_ms=60_000))
    before, rows = watcher.imports, len(titles(w))
    (article_folder / "burst").mkdir()
    for i in range(50):  # as a copy does it: one file after another, each event handled as it comes
        write(article_folder / "burst" / f"{i:02d}.txt", f"Market report {i:02d}")
        QApplication.processEvents()
    qtbot.waitUntil(lambda: len(titles(w)) == rows + 50, timeout=WAIT)
    assert watcher.imports == before + 1


def hold_sync(monkeypatch) -> threading.Event:  # type: ignore[no-untyped-def]
    """Every scan waits until the returned event is set (at most WAIT), so it is seen running."""
    release = threading.Event()
    real_sync = LibrarySync.sync

    def held_sync(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(WAIT / 1000)
        return real_sync(self, *args, **kwargs)

    monkeypatch.setattr(LibrarySync, "sync", held_sync)
    return release


def test_no_import_starts_while_one_runs(make_window, article_folder: Path, qtbot, monkeypatch) -> None:
    """F5's scan is held running; the watcher finds a file meanwhile, keeps it, and imports it after."""
    w = make_window()
    watcher = watch(w, qtbot)
    release = hold_sync(monkeypatch)
    before = watcher.imports
    w.rescan()
    write(article_folder / "08-pier.txt", "Pier repairs begin")
    qtbot.waitUntil(lambda: bool(watcher.queued), timeout=WAIT)  # found, and waiting
    assert w.import_running()
    assert watcher.imports == before
    assert "Pier repairs begin" not in titles(w)
    release.set()
    qtbot.waitUntil(lambda: not watcher.queued and not w.import_running(), timeout=WAIT)
    assert watcher.imports == before + 1  # handed over once the scan ended
    assert "Pier repairs begin" in titles(w)


def test_an_added_folder_is_watched(make_window, tmp_path: Path, qtbot) -> None:
    w = make_window()
    watcher = watch(w, qtbot)
    extra = tmp_path / "more"
    write(extra / "09-canal.txt", "Canal drained")
    w.add_folder(str(extra))  # its rescan runs; when it ends the watcher follows the new folder list
    qtbot.waitUntil(lambda: str(extra) in watcher.roots and watcher.ready and not w.import_running(), timeout=WAIT)
    assert "Canal drained" in titles(w)
    write(extra / "10-lock.txt", "Lock gates replaced")
    qtbot.waitUntil(lambda: "Lock gates replaced" in titles(w), timeout=WAIT)
    w.operations.run(lambda: w.session.remove_folder(str(extra)))  # and a removed one is no longer watched
    qtbot.waitUntil(lambda: str(extra) not in watcher.roots and watcher.ready and not w.import_running(),
                    timeout=WAIT)  # fmt: skip
    assert watcher.fs is not None and not any(d.startswith(str(extra)) for d in watcher.fs.directories())
    assert "Canal drained" not in titles(w)


def test_the_menu_command_turns_watching_off_and_on(make_window, qtbot) -> None:
    w = make_window()
    watcher = watch(w, qtbot)
    action = w.registry.commands["folders-watch"].action
    assert action is not None and action.isChecked()
    w.registry.run("folders-watch")
    assert not watcher.running and not action.isChecked()
    assert w.settings.get("watch_folders") is False
    w.registry.run("folders-watch")
    assert watcher.running and action.isChecked()
    assert w.settings.get("watch_folders") is True


def test_closing_the_window_stops_the_watcher(make_window, article_folder: Path, qtbot) -> None:
    w = make_window()
    watcher = watch(w, qtbot, timing=WatchTiming(poll_ms=10, settle_ms=10, full_poll_ms=20))
    write(article_folder / "11-quay.txt", "Quay extended")  # something to look at while closing
    job = watcher.job
    w.close()
    assert not watcher.running and watcher.job is None and watcher.fs is None
    assert not (watcher.tick.isActive() or watcher.full_tick.isActive() or watcher.settle.isActive())
    assert job is None or job.isFinished()


def test_after_cancel_the_watcher_imports_nothing_by_itself(make_window, article_folder: Path, qtbot,
                                                            monkeypatch) -> None:  # fmt: skip
    """Cancel says the rest waits for F5 or the next start: the watcher, starting then, adopts the files."""
    w = make_window()
    real_sync = LibrarySync.sync
    release = hold_sync(monkeypatch)
    write(article_folder / "12-dock.txt", "Dock workers vote")
    w.rescan()
    w.cancel_import()
    release.set()
    watcher = feature(w).watcher
    qtbot.waitUntil(lambda: watcher.ready and watcher.job is None and not w.import_running(), timeout=WAIT)
    assert watcher.imports == 0 and not watcher.queued
    assert "Dock workers vote" not in titles(w)
    monkeypatch.setattr(LibrarySync, "sync", real_sync)
    w.rescan()  # F5
    qtbot.waitUntil(lambda: "Dock workers vote" in titles(w), timeout=WAIT)


def test_a_refused_watch_falls_back_to_polling(make_window, article_folder: Path, qtbot, monkeypatch) -> None:
    """The system's inotify limit reached: addPaths hands the folders back, and the watcher polls instead."""

    class Refusing(QFileSystemWatcher):
        def addPaths(self, paths: list[str]) -> list[str]:  # noqa: N802
            return list(paths)

    monkeypatch.setattr("reader.ui.folder_watcher.QFileSystemWatcher", Refusing)
    w = make_window()
    watcher = feature(w).watcher
    watcher.start(w.library_folders(), FAST)
    qtbot.waitUntil(lambda: watcher.ready and watcher.job is None, timeout=WAIT)
    assert watcher.polling and watcher.fs is None
    write(article_folder / "13-bridge.txt", "Bridge tolls dropped")
    qtbot.waitUntil(lambda: "Bridge tolls dropped" in titles(w), timeout=WAIT)
