"""The article list's pages read ahead: once the user lands on a page, the pages beside it (their ids and rows)
are read in a thread of its own, so stepping or scrolling over a page's edge reads nothing on the window's thread.

Also the one rule for reading a page of a listed search (`read_page`), used by the model on the window's thread
and by `PageReadAhead` in its thread, and the row text formatted once per article (`ShownRow`, `meta_line`).
"""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.dates_display import short_date
from reader.core.store.library import KEPT_NOTES, Library, RowInfo
from reader.core.store.library_query import SORT_COLUMNS, ListQuery
from reader.core.store.library_search import Anchor

PAGE = 200


@dataclass(frozen=True)
class ShownRow:
    """One row's text as drawn, formatted once when its page is read (dates are not parsed on every paint)."""

    info: RowInfo
    date: str
    meta: str


def shown_row(info: RowInfo) -> ShownRow:
    """`info` as the list draws it."""
    date = short_date(info.published) if info.published else ""
    return ShownRow(info, date, meta_line(info, date))


def meta_line(info: RowInfo, date: str | None = None) -> str:
    """The row's second line: source, date and length, after why the file is not in the library (if so)."""
    words = f"{info.words:,} word{'' if info.words == 1 else 's'}" if info.words else "no text, a link only"
    # the source in a bidi isolate: an Arabic or Hebrew name must not pull the date's digits into its run
    source = f"\u2068{info.source}\u2069" if info.source else ""
    if date is None:
        date = short_date(info.published) if info.published else ""
    parts = (KEPT_NOTES.get(info.status, ""), source, date, words)
    return " · ".join(part for part in parts if part)


@dataclass(frozen=True)
class ListedSearch:
    """What a page read needs to know of the list shown: its words, view and order, and its sizes."""

    text: str
    query: ListQuery
    total: int  # the rows listed
    matches: int  # at least how many match (how `Library.search_page` reads further pages)


def read_page(library: Library, listed: ListedSearch, number: int, anchor: Anchor | None) -> list[str]:
    """The ids of page `number` of `listed`: from its `anchor` (its first row's sort key and id) when known;
    else a page nearer the end is read from the end, in the opposite order; else by OFFSET."""
    end = min(listed.total, (number + 1) * PAGE)
    if anchor is None and number * PAGE > listed.total // 2 and listed.query.sort in SORT_COLUMNS:
        back = replace(listed.query, descending=not listed.query.descending)
        return library.search_page(listed.text, total=listed.matches, limit=end - number * PAGE,
                                   offset=listed.total - end, base=back)[::-1]  # fmt: skip
    start = 0 if anchor else number * PAGE
    return library.search_page(listed.text, total=listed.matches, limit=PAGE, offset=start, base=listed.query,
                               seek=anchor)  # fmt: skip


@dataclass(frozen=True)
class _Job:
    """One ask of `PageReadAhead`: its number, where the cache is, and what to read."""

    ticket: int
    where: tuple[Path, Path | None]
    generation: int
    listed: ListedSearch
    pages: list[PageWanted]


@dataclass(frozen=True)
class PageWanted:
    """A page to read ahead: its number, its ids when the window has them already (then only rows are read)."""

    number: int
    ids: list[str] | None
    anchor: Anchor | None


class PageReadAhead(QObject):
    """Reads pages of the list (ids and rows) on its own connection and thread; `read` reports each page in the
    window's thread with the `generation` of the list it belongs to (the model drops an older list's pages).

    Only the last place the user landed on is read around: an ask not started yet is replaced by a newer one, so
    dragging the scroll bar over a thousand pages leaves no queue of reads behind it."""

    read = Signal(int, int, object, object)  # generation, page number, ids, {id: ShownRow}
    idle = Signal(int)  # the last ask taken: every ask up to it is over (read, replaced or given up on)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._reader: Library | None = None  # opened by the thread's first read: the window's thread waits for none
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()  # over the two below, shared with the thread
        self._next: _Job | None = None  # the ask waiting for the thread
        self._looping = False  # the thread is taking asks
        self._asked = 0  # asks made (the window's thread only)
        self._over = 0  # asks known to be over
        self.idle.connect(self._on_idle)

    @property
    def busy(self) -> bool:
        """Whether pages asked for are still being read."""
        return self._over < self._asked

    def ask(self, generation: int, listed: ListedSearch, pages: list[PageWanted]) -> None:
        """Read `pages` of `listed`, in that order, once the page being read (if any) is done; instead of an
        earlier ask not started yet."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="list-ahead")
        self._asked += 1
        where = (self._library.path, self._library.user_db)  # the library is open: a page was read
        with self._lock:
            self._next = _Job(self._asked, where, generation, listed, pages)
            start, self._looping = not self._looping, True
        if start:
            self._pool.submit(self._loop)

    def cancel(self) -> None:
        """Drop what is not read yet (the list it was for is no longer shown)."""
        with self._lock:
            self._next = None
        self._over = self._asked  # what still runs reports for a list no longer shown: nothing waits for it

    def _on_idle(self, ticket: int) -> None:
        self._over = max(self._over, ticket)

    def _loop(self) -> None:
        ticket = 0
        while True:
            with self._lock:
                job, self._next = self._next, None
                if job is None:
                    self._looping = False
                    break
            ticket = job.ticket
            self._work(job.where, job.generation, job.listed, job.pages)
        try:
            self.idle.emit(ticket)
        except RuntimeError:  # the window closed meanwhile
            pass

    def _work(
        self, where: tuple[Path, Path | None], generation: int, listed: ListedSearch, pages: list[PageWanted]
    ) -> None:
        try:
            if self._reader is None:
                self._reader = Library(where[0], user_db=where[1])
            for page in pages:
                if self._next is not None:  # the user landed elsewhere meanwhile: read around there instead
                    break
                ids = page.ids if page.ids is not None else read_page(self._reader, listed, page.number, page.anchor)
                shown = {i: shown_row(info) for i, info in self._reader.rows(ids).items()}
                self.read.emit(generation, page.number, ids, shown)
        except (sqlite3.Error, ValueError):  # the cache went away or changed meanwhile: the window reads the page
            pass
        except RuntimeError:  # the window closed meanwhile
            pass

    def stop(self) -> None:
        """Finish: nothing left running, the connection closed (the window is closing)."""
        self.cancel()
        if self._reader is not None:  # a page being read stops at once
            self._reader.db.interrupt()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None
