"""What a search or an opened article used in memory, given back once the window is left alone.

A search fills the page caches of the window's SQLite connections (its FTS5 index, the sort index) and opens the
background count's connection and thread; opening an article reads its rows. None of it is needed while the user
reads: after `QUIET_MS` without a new search or article (and no scan or count running), the count's connection and
thread are closed (the next search that needs a count opens them again), the page caches are shrunk (read again from
the system's file cache when needed) and the C heap's free pages go back to the system (`startup.release_memory`).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from reader.ui.startup import release_memory

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

M_ARENA_MAX = -8  # glibc's mallopt parameter: how many heaps (arenas) threads may spread over
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter: blocks this large or larger get pages of their own
MMAP_THRESHOLD = 128 * 1024  # glibc's starting value, kept fixed (see share_one_heap)
# Long enough that a run of j presses or a word being typed is not slowed by caches emptied between its steps.
QUIET_MS = 1500


class IdleRelease(QObject):
    """Gives back the memory of the last search and article once the window has been quiet for `QUIET_MS`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.releases = 0  # how many times memory was given back (tests wait on it)
        self._timer = QTimer(self, singleShot=True, interval=QUIET_MS)
        self._timer.timeout.connect(self._release)
        window.article_shown.connect(self.poke)
        window.model.modelReset.connect(self.poke)

    def poke(self, *_args: object) -> None:
        """Something was used: give its memory back once the window has been quiet for a while."""
        self._timer.start()

    def _release(self) -> None:
        w = self._window
        if w.closed:
            return
        worker = w.worker
        if w.model.busy or (worker is not None and worker.isRunning()):  # their caches are in use: wait
            self._timer.start()
            return
        w.model.release_background()
        release_memory(w.connections())
        self.releases += 1


def share_one_heap() -> None:
    """Have the window's threads (scan, count, folder watcher) allocate from the one main heap of the C library,
    and large blocks (128 KB and up) always in pages of their own, given back whole when freed.

    glibc gives each new thread a heap (arena) of its own; what a search's count or a scan frees there stays mapped
    in part-used pages (about 2-4 MB at 100,000 articles after a few searches, where one heap gave them back).
    The window's thread holds the GIL through most of its allocations, so one heap costs them little waiting.
    glibc also raises its threshold for own pages each time such a block is freed (up to 32 MB): after the start-up
    scan's large lists were freed, later large blocks (a search's, a page cache's) landed in the heap between
    long-lived ones and kept it from shrinking (about 2 MB at 100,000 articles, `benchmarks/memory.py`); setting the
    threshold keeps it where it starts. Called before any thread is started; not glibc (no mallopt): nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        # the program's own symbols: libc's, without find_library (which runs ldconfig, 0.1 s at start)
        mallopt = ctypes.CDLL(None).mallopt
        mallopt(M_ARENA_MAX, 1)
        mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    except (OSError, AttributeError):
        pass
