"""The article list's total and page anchors, read in a thread of their own while the list shows its first page.

A search whose words match many articles lists its first page from the sort index and leaves the count out
(`Library.search(count=False)`); `BackgroundCount` counts it on its own connection to the cache (SQLite lets
the GIL go while it reads) and reports `counted(generation, total)` in the window's thread. Then, for a long
list, it reads where each page starts (`Library.page_anchors`, one pass over the sort index) and reports
`anchored(generation, anchors)`, so far pages are found by seeking. A newer list interrupts the work still
running for an older one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # sqlite3 and the thread pool too are imported at the first count, not to paint the window
    from concurrent.futures import Future, ThreadPoolExecutor

    from reader.core.store.library import Library
    from reader.core.store.library_query import ListQuery


class BackgroundCount(QObject):
    """Counts `Library.count_matches` off the window's thread, one count at a time, the newest winning."""

    counted = Signal(int, int)  # generation, total
    anchored = Signal(int, object)  # generation, list of Anchor: where each page of the list starts

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._reader: Library | None = None  # opened at the first count, on the window's thread
        self._pool: ThreadPoolExecutor | None = None
        self._running: Future[None] | None = None

    def start(self, generation: int, text: str, base: ListQuery, *, count: bool, every: int = 0) -> None:
        """Count what `text` finds within `base` (`counted`), then with `every`, read where each page of `every`
        rows starts (`anchored`); both say which `generation` they belong to."""
        self.cancel()
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            from reader.core.store.library import Library

            self._reader = Library(self._library.path, user_db=self._library.user_db)
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="list-count")
        self._running = self._pool.submit(self._work, generation, text, base, count, every)

    def cancel(self) -> None:
        """Drop the count asked for last (interrupting it if it runs): its list is no longer shown."""
        if self._running is not None and not self._running.cancel() and self._reader is not None:
            self._reader.db.interrupt()
        self._running = None

    def _work(self, generation: int, text: str, base: ListQuery, count: bool, every: int) -> None:
        import sqlite3

        reader = self._reader
        assert reader is not None
        try:
            if count:
                self.counted.emit(generation, reader.count_matches(text, base=base))
            if every:
                self.anchored.emit(generation, reader.page_anchors(text, base=base, every=every))
        except (sqlite3.Error, ValueError):  # interrupted by a newer search, or the cache went away meanwhile
            pass
        except RuntimeError:  # the window closed meanwhile
            pass
        try:  # the pages it read (a pass over the sort index: 2 MB at 100,000) are not kept for the next count
            reader.db.execute("PRAGMA shrink_memory")
        except sqlite3.Error:
            pass

    def stop(self) -> None:
        """Finish: no count left running, the connection closed (the window is closing)."""
        self.cancel()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None
