"""The window's start in two halves: its frame paints first, then it is completed and opens the library.

Nothing before the first paint grows with the library: the sidebar's counts, the list's first page,
the last article and the rescan all wait for it, and the cache's health check (a `quick_check` reads
the whole file) runs in the scan's thread. `benchmarks/startup.py` reads the probes here
(`NEWS_READER_REPORT_FIRST_PAINT`, `NEWS_READER_REPORT_COMPLETE`, `NEWS_READER_REPORT_IDLE`): the first paint,
when the window is complete (commands, menus, features, the library's first rows) and answers keys, and how long
after it the scan and the folder watcher's first look end and the window answers a posted event within `IDLE_MS`.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from reader.ui.qt_later import Qt

if TYPE_CHECKING:
    import sqlite3

    from reader.ui.main_window import MainWindow

IDLE_MS = 10  # the window is idle when a posted event is answered within this
PROBE_MS = 10  # the lateness probe's period
STALL_MS = 100  # a probe later than this is a stall the user can feel
RESCAN_AFTER_MS = 100  # the start-up rescan waits this long after the library is opened (see open_library)


class FirstPaint(QObject):
    """Calls `then()` once, on the event loop's next turn after `widget`'s first paint event."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # after this paint has reached the screen
        return False


def show_notices(window: QWidget, notices: list[str], *, box: bool) -> None:
    """Recovered data, a rebuilt cache, read-only data, unreadable settings: printed, in the status bar and,
    unless `box` is False (a screenshot), in a window-modal box (not a nested loop: SIGTERM still closes)."""
    if not notices:
        return
    from reader.ui.main_window import MainWindow

    text = "\n\n".join(notices)
    print(f"news-reader: {text}", file=sys.stderr)
    if isinstance(window, MainWindow):  # once shown: a message shown before does not hide the status label
        QTimer.singleShot(0, lambda: window.statusBar().showMessage(" ".join(notices), 60000))
    if box:
        from PySide6.QtWidgets import QMessageBox  # here: its class costs the first paint 2 ms

        dialog = QMessageBox(QMessageBox.Icon.Warning, "News Reader", text, QMessageBox.StandardButton.Ok, window)
        dialog.setTextFormat(Qt.TextFormat.PlainText)  # notices name files and folders
        # not once the window has closed (a SIGTERM meanwhile): a box left open would keep the app running
        QTimer.singleShot(0, lambda: dialog.open() if window.isVisible() else dialog.deleteLater())


def open_library(window: MainWindow, rescanning: Callable[[], None] | None = None) -> None:
    """The second half of the start: open the cache, fill the sidebar and the list, go back to the last article,
    and rescan in the background (checking the cache too: a damaged one is deleted and rebuilt); `rescanning()`
    is called once that rescan has started.

    The last article is shown in a turn of the event loop of its own, and the rescan starts `RESCAN_AFTER_MS`
    later: showing the article and painting the list cost the window's thread about 30 ms of CPU, and with the
    scan's thread (and the cache check's) running beside it for the GIL and the cores, that took 120-230 ms on
    a loaded machine: the start's one stall over 100 ms (`benchmarks/startup.py`)."""
    import sqlite3  # here: nothing before the first paint opens a database

    try:
        window.open_library()
    except sqlite3.DatabaseError as exc:  # too damaged to read at all: rebuilt now, not after the scan's check
        from reader.core.store.cache_health import cache_problem

        window.rebuild_cache(cache_problem(window.paths.library_db) or f"SQLite says: {exc}", scan_after=False)
    QTimer.singleShot(0, lambda: None if window.closed else window.start_reading())

    def rescan() -> None:
        if window.closed:
            return
        # A damaged cache is found there and rebuilt (LibraryViews.rebuild_cache). Only changed folders are listed
        # when the folder watcher runs: its first full poll finds what was edited in place while the app was closed.
        window.rescan(check_cache=True, quick=bool(window.settings.get("watch_folders", True)))
        if rescanning is not None:
            rescanning()

    QTimer.singleShot(RESCAN_AFTER_MS, rescan)


def start_after_first_paint(window: MainWindow, after: Callable[[], None] | None = None, notices: Iterable[str] = (),
                            painted: Callable[[], None] | None = None) -> FirstPaint:  # fmt: skip
    """Open the session and the library once the window has painted (and report it, when a benchmark asks), showing
    what the session recovered with `notices` (say, unreadable settings); then, in a turn of the event loop of its
    own, call `after()` (work the window needs soon but not to show itself). `painted()` is called first, once the
    panes are in place and before the session and the library are opened: work the first paint did not need, kept
    out of the turns that show the library. A user database that cannot be opened is said in a box, and the window
    closes with the application's exit code 1."""
    report_paint = bool(os.environ.get("NEWS_READER_REPORT_FIRST_PAINT"))
    report_idle = bool(os.environ.get("NEWS_READER_REPORT_IDLE"))
    report_complete = bool(os.environ.get("NEWS_READER_REPORT_COMPLETE"))

    def then() -> None:
        if window.closed:  # closed before it painted
            return
        if report_paint or report_idle or report_complete:
            from reader.ui.app import START

            print(f"first-paint {time.perf_counter() - START:.4f}", flush=True)
        if report_paint and not (report_idle or report_complete):
            window.close()
            return
        if window.held_keys is not None:  # the frame is on screen: every widget of the window may have keys sent to it
            window.held_keys.hold_everywhere()
        window.build_panes()
        # Laid out and painted now: their first paint (polish, fonts) would otherwise come with the library's first
        # rows and the last article, in one turn 20-50 ms longer (`benchmarks/startup.py --idle-only`).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        window.repaint()
        if painted is not None:
            painted()
        from reader.core.errors import ReaderError

        try:  # the session and the cache, the commands, menus and features, before the library's first rows are shown
            window.finish_building()
        except ReaderError as exc:
            cannot_open_data(window, exc)
            return
        show_notices(window, [n for n in (window.session.notice, *notices) if n], box=True)
        gc.freeze()  # as run_app did with the frame: they live as long as the window, out of the GC's full passes
        # from before the library is opened: what opening it costs the window counts too
        probe = IdleProbe(window) if report_idle else None
        if probe is not None:
            window._idle_probe = probe  # type: ignore[attr-defined]  # kept alive with the window
        open_library(window, None if probe is None else probe.follow_scan)
        # after the last article is shown (queued by open_library): the keys typed since the start act on it
        QTimer.singleShot(0, window.release_keys)
        if after is not None:
            QTimer.singleShot(0, lambda: None if window.closed else after())
        if report_complete:
            QTimer.singleShot(0, lambda: _report_complete(window, close=not report_idle))

    return FirstPaint(window, then)


def cannot_open_data(window: MainWindow, exc: Exception) -> None:
    """The user database cannot be opened: say so (printed, and in a box: a double-clicked app has no terminal),
    touch nothing, close the window and leave the event loop with 1."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.ui.plain_text import message_box

    message = f"{exc}\n\nYour daily backups are in {window.paths.backups}."
    print(f"news-reader: {message}", file=sys.stderr, flush=True)
    window.data_error = message
    message_box(window, QMessageBox.Icon.Critical, "News Reader cannot open your data", message)
    window.close()
    QApplication.exit(1)


def _report_complete(window: MainWindow, *, close: bool) -> None:
    """The window is complete, its library open, the last article shown and the keys typed meanwhile handled:
    a key is answered from now on. Printed as the clock's time too, so a benchmark can count from the spawn."""
    from reader.ui.app import START

    print(f"complete {time.perf_counter() - START:.4f} wall {time.time():.6f}", flush=True)
    if close:
        window.close()


class LatenessProbe(QObject):
    """A timer every `PROBE_MS` on the window's thread: how late each tick came is how long the window
    could not answer the user (the worst, and how many were over `STALL_MS`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worst_ms = 0.0
        self.worst_at = 0.0  # seconds after start() of the worst tick
        # the window's thread's own CPU in the worst tick's wait: near its lateness, the window was busy; far
        # below it, the thread waited (for the GIL, or for a core the machine's other jobs held)
        self.worst_cpu_ms = 0.0
        self._cpu = 0.0
        self.stalls = 0
        self.ticks = 0
        self._clock = QElapsedTimer()
        self._since = QElapsedTimer()
        self._timer = QTimer(self, interval=PROBE_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._cpu = time.thread_time()
        self._clock.start()
        self._since.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        late = self._clock.nsecsElapsed() / 1e6 - PROBE_MS
        self._clock.start()
        cpu, self._cpu = self._cpu, time.thread_time()
        self.ticks += 1
        if late > self.worst_ms:
            self.worst_ms, self.worst_at = late, self._since.nsecsElapsed() / 1e9
            self.worst_cpu_ms = (self._cpu - cpu) * 1000
        self.stalls += late > STALL_MS


class IdleProbe(QObject):
    """After the library opened: prints when the scan (and any tagging) ended, when the folder watcher's
    first look ended (it starts with the scan's end), and when, after both, the event loop first answered a
    posted event within `IDLE_MS`, all in seconds after the first paint (the library is opened in the turn
    after it); then the worst lateness of the window's thread from then to idle, and closes the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # kept alive by the window
        self.window = window
        self.clock = QElapsedTimer()
        self.clock.start()
        self.lateness = LatenessProbe(self)
        self.lateness.start()
        self.scan_done: float | None = None

    def follow_scan(self) -> None:
        """Wait for the start-up rescan (started by `open_library`)."""
        worker = self.window.worker
        if worker is None or worker.isFinished():
            QTimer.singleShot(0, self._scanned)
        else:
            worker.finished.connect(self._scanned)

    def _seconds(self) -> float:
        return self.clock.nsecsElapsed() / 1e9

    def _scanned(self) -> None:
        self.scan_done = self._seconds()
        print(f"scan-done {self.scan_done:.4f}", flush=True)
        QTimer.singleShot(0, self._wait_for_watcher)  # the watcher starts in a slot of the same signal

    def _wait_for_watcher(self) -> None:
        if _watcher_looking(self.window):
            QTimer.singleShot(5, self._wait_for_watcher)
            return
        print(f"watch-ready {self._seconds():.4f}", flush=True)
        self._post()

    def _post(self) -> None:
        posted = self.clock.nsecsElapsed()
        QTimer.singleShot(0, lambda: self._answered(posted))

    def _answered(self, posted: int) -> None:
        now = self.clock.nsecsElapsed()
        if (now - posted) / 1e6 > IDLE_MS:
            QTimer.singleShot(1, self._post)
            return
        self.lateness.stop()
        print(f"idle {now / 1e9:.4f}", flush=True)
        print(f"worst-late-ms {self.lateness.worst_ms:.1f} stalls {self.lateness.stalls} ticks {self.lateness.ticks}"
              f" at {self.lateness.worst_at:.3f} cpu-ms {self.lateness.worst_cpu_ms:.1f}", flush=True)  # fmt: skip
        self.window.close()


def _watcher_looking(window: MainWindow) -> bool:
    """The folder watcher is on and its first look at the disk is not over yet."""
    from reader.ui.folder_watcher import FolderWatchFeature

    for feature in window.features:
        if isinstance(feature, FolderWatchFeature) and feature.watcher.running:
            return not feature.watcher.ready or feature.watcher.job is not None
    return False


def release_memory(connections: Iterable[sqlite3.Connection] = ()) -> None:
    """Give back what the start and a scan no longer use: source lines read through linecache (a traceback
    printed), the page caches of the window's SQLite `connections` (the start's queries filled them: 3 MB
    at 100,000 articles, read again from the system's file cache when needed), and the C heap's free pages
    (a 100,000-file scan's file list and stored states are freed, but glibc keeps the pages unless trimmed)."""
    import gc
    import linecache
    import sqlite3
    import threading

    linecache.clearcache()
    for connection in connections:
        try:
            connection.execute("PRAGMA shrink_memory")
        except sqlite3.Error:  # closed or busy: what it holds stays until next time
            pass
    # The young generations only: the scan's lists and dicts are freed by their reference counts already, and
    # a full pass over every object (100,000 files' snapshot kept for the folder watcher) would hold the GIL,
    # and so the window, for a fifth of a second.
    gc.collect(1)
    # Beside the window, not in its place: ctypes lets go of the GIL while the heap is trimmed, and the first
    # look-up of the function (importing ctypes, find_library running ldconfig) took 0.1 s on the window's thread.
    threading.Thread(target=_trim_heap, name="malloc-trim", daemon=True).start()


def _trim_heap() -> None:
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, looked up once: find_library runs ldconfig, and every import's end trims."""
    import ctypes
    import ctypes.util

    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
