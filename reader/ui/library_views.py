"""The window's library side: folders, scanning and importing what changed.

A base class of `MainWindow` over `ListViews` (the views, the filter and the list query); kept apart so
each file stays small.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QProgressBar, QVBoxLayout

from reader.ui.folder_offer import FolderOfferBar, FolderOffers
from reader.ui.import_progress import STOPPED, ImportProgress, summary_text
from reader.ui.startup import release_memory, show_notices
from reader.ui.workers import ScanWorker, stop_worker

if TYPE_CHECKING:
    import sqlite3

    from reader.core.library_sync import ChangeDetector, FolderChanges, ScanResult

from reader.ui.list_views import CHOOSE_ARTICLE, EMPTY_LIBRARY, NOT_IN_LIST, ListViews, count_text

__all__ = ["CHOOSE_ARTICLE", "EMPTY_LIBRARY", "NOT_IN_LIST", "LibraryViews", "count_text"]


class LibraryViews(ListViews):
    """Scanning the folders and importing what changed, into the views of `ListViews`."""

    _snapshot: ChangeDetector | None = None  # see scan_snapshot()

    def max_import_bytes(self) -> int:
        """The size limit for one file, from the `max_import_mb` setting (50 MB unless changed)."""
        try:
            return max(1, int(float(self.settings.get("max_import_mb")) * 1024 * 1024))
        except (TypeError, ValueError):
            return 50 * 1024 * 1024

    def rescan(self, *, wait: bool = False, check_cache: bool = False, quick: bool = False) -> None:
        """Scan the folders in the background (or now, for screenshots and tests); `check_cache`: the scan
        first checks the cache file for damage (at start, off the window's thread); `quick` (at start): only
        the folders that changed since the last complete walk are listed."""
        if self.closed:  # e.g. a SIGTERM closed the window while the start was opening the library
            return
        folders, files = self.library_folders(), self.session_files
        if wait:
            from reader.core.library_sync import LibrarySync  # the import code: not needed to show the window

            result = LibrarySync(self.library, max_bytes=self.max_import_bytes()).sync(folders, files, quick=quick)
            assert result is not None  # nothing can stop a synchronous scan
            self._on_scanned(result)
            return
        if self.worker is not None and self.worker.isRunning():
            self._scan_again = True  # folders changed during a scan: scan once more when it ends
            return
        self._scan_again = False
        self._start_worker(ScanWorker(self.paths.library_db, folders, files, max_bytes=self.max_import_bytes(),
                                      user_db=self.paths.user_db, check_cache=check_cache,
                                      quick=quick))  # fmt: skip

    def import_changes(self, changes: FolderChanges) -> bool:
        """Import what the folder watcher found, in the background; False (nothing started) while an
        import runs or after closing: the watcher keeps it and asks again on `import_finished`."""
        if self.closed or self.import_running():
            return False
        self._start_worker(ScanWorker(self.paths.library_db, [], [], max_bytes=self.max_import_bytes(),
                                      user_db=self.paths.user_db, changes=changes))  # fmt: skip
        return True

    def import_running(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def scan_snapshot(self) -> ChangeDetector | None:
        """While `import_finished` is emitted: the folders as the scan that ended walked them (the folder
        watcher takes them over instead of walking them again); None after an import of changes."""
        return self._snapshot

    def _start_worker(self, worker: ScanWorker) -> None:
        self.worker = worker
        self.worker.damaged.connect(self.rebuild_cache)
        self.worker.finished.connect(self._on_worker_finished)
        self.worker.progress.connect(self._on_scan_progress)
        self.worker.scanned.connect(self._on_scanned)
        self.worker.tagged.connect(self._on_tagged)
        self.worker.tagged_batch.connect(self._on_tagged_batch)
        self.worker.tag_progress.connect(self._on_tag_progress)
        self.worker.failed.connect(lambda msg: self.status_label.setText(msg))
        self.worker.start()

    def rebuild_cache(self, problem: str, *, scan_after: bool = True) -> None:
        """The cache is damaged: delete it (it holds nothing the user made), start an empty one, say so,
        and (`scan_after`) scan again when the scan that found it has ended (its `finished` comes next)."""
        if self.closed:
            return
        from reader.core.store.cache_health import delete_damaged_cache
        from reader.core.store.library import Library

        self._scan_again = scan_after
        self.model.clear()
        self.library.close()
        notice = delete_damaged_cache(self.paths.library_db, problem)
        self.library = Library(self.paths.library_db, user_db=self.paths.user_db)
        self.model.library = self.library
        self.open_library()
        show_notices(self, [notice], box=True)

    def cancel_import(self) -> None:
        """Cancel: the worker stores what it has and stops; the next scan goes on from there."""
        if self.worker is not None and self.worker.isRunning():
            self._scan_again = False
            self._cancelled = True
            self.worker.requestInterruption()

    def connections(self) -> list[sqlite3.Connection]:
        """The window's own SQLite connections: the cache's (once opened) and the user database's."""
        import sqlite3  # here: the window paints before anything opens a database (0.01 s of CPU to import)

        user = getattr(self.store, "connection", None)  # the UserStore behind the read-only protocol
        mine = [self.library.db] if self.library.opened else []
        return mine + [user] if isinstance(user, sqlite3.Connection) else mine

    def _on_worker_finished(self) -> None:
        stopped = self._cancelled
        # what the scan held (its file list, the stored states) and the start's SQLite pages go back to the system
        release_memory(self.connections())
        stopped_text = self.import_progress.stopped_text() if self.import_progress is not None else STOPPED
        if self.import_progress is not None:
            self.import_progress.finish()
        if self._cancelled and not self.closed:  # (isInterruptionRequested() is false once the thread ended)
            self._cancelled = False
            self.apply_view(keep_current=True)  # the last batch stored before the stop
            self.status_label.setText(stopped_text)
        snapshot = None
        if self.worker is not None:  # taken before a rescan replaces the worker, and not kept by it
            snapshot, self.worker.snapshot = self.worker.snapshot, None
        if self._scan_again and not self.closed:
            self.rescan()
        if not self.closed:
            self._snapshot = snapshot
            try:
                self.import_finished.emit(stopped)
            finally:  # held only while it is handed over: 100,000 files' stat is not kept twice
                self._snapshot = None

    def stop_background(self) -> None:
        """On close: the folder watcher stops (`window_closing`), then the scan; no thread outlives the window."""
        self.window_closing.emit()
        if self.worker is not None:
            stop_worker(self.worker)

    def progress_bar(self) -> QProgressBar:
        """The scan's "n of N" bar at the right of the status bar (hidden between scans)."""
        if self.import_progress is None:
            self.import_progress = ImportProgress(self.cancel_import)
            self.statusBar().addPermanentWidget(self.import_progress)
        self.scan_progress = self.import_progress.bar
        return self.scan_progress

    def _on_scan_progress(self, done: int, total: int, path: str) -> None:
        """The scan got further: show n of N and the articles found so far (the list query is cheap)."""
        if self.closed:
            return
        self.progress_bar()
        assert self.import_progress is not None
        self.import_progress.show_progress(done, total, path)  # 0 of 0 while the folders are walked: a busy bar
        stored = self.worker.stored if self.worker is not None else -1
        # a rescan that has stored nothing yet (the everyday start: no file changed) cannot have changed the list
        count = self.library.count() if done and stored != 0 else self._listed_count
        if count != self._listed_count:  # unchanged files add no row: spare the list query (0.3-1 s at 100,000)
            self._listed_count = count
            scroll = self.list_view.verticalScrollBar()
            where = scroll.value()
            self.apply_view(keep_current=True)
            scroll.setValue(where)  # the user may be reading further down the list than the current row
            self.show_counts()  # the import's batches added their counts in the cache as they were stored
        self.status_label.setText(f"Importing {done:,} of {total:,} files… ({Path(path).name})" if total
                                  else "Looking for files…")  # fmt: skip

    def _on_scanned(self, result: ScanResult) -> None:
        if self.closed:
            return
        if self.import_progress is not None:
            self.import_progress.finish()
        count = self.library.count()
        if result.imported or result.removed or result.failed or count != self._listed_count:
            self.apply_view(keep_current=True)  # nothing changed (the everyday start): spare the queries
            self._listed_count = count
            self.refresh_sidebar()
        changed = summary_text(result)
        self._import_summary = f"; last import: {changed}" if changed else ""
        self.status_label.setText(count_text(count) + self._import_summary)
        if self.session_files and self.current_id is None:
            ids = self.library.ids_at(self.session_files[0])
            if ids:
                self.select_article(ids[0])
        if self.current_id is None and not self.session_files:
            self.select_last_article()
        if self.current_id is None:
            self.reading_pane.show_placeholder(EMPTY_LIBRARY if count == 0 else CHOOSE_ARTICLE)

    def open_library(self) -> None:
        """What reads the cache: the sidebar's counts and the list's first page (at start, after the first paint)."""
        self.refresh_sidebar()
        self.sidebar.select_view("all")  # also runs the first list query
        self._listed_count = self.library.count()  # a rescan that finds no new file re-runs no query

    def start_reading(self) -> None:
        """On start: back at the last article (from the cache, before any scan) with the keys on the list."""
        if not self.session_files:
            self.select_last_article()
        self.list_view.setFocus()
        self.offer_session_folders()

    def offer_session_folders(self) -> None:
        """Ask, in a bar over the list, whether a folder opened from the command line joins the library."""
        if self.folder_offers is None:
            left = self.list_stack.parentWidget()  # the filter box over the list
            column = left.layout() if left is not None else None
            assert isinstance(column, QVBoxLayout)
            bar = FolderOfferBar()
            column.insertWidget(0, bar)
            self.folder_offers = FolderOffers(bar, self.operations, self.session_folders,
                                              lambda text: self.statusBar().showMessage(text, 8000))  # fmt: skip
        self.folder_offers.start(self.session_files)

    def _on_tagged_batch(self, ids: list[str], left: int) -> None:
        """Entities arrived for some articles: show them if one is open, and say how far it is."""
        if self.closed:
            return
        self.status_label.setText(f"Finding people, places and organisations… {count_text(left)} to go" if left
                                  else count_text(self.library.count()) + self._import_summary)  # fmt: skip
        if self.current_id in ids:
            self.entities_arrived.emit(ids)

    def _on_tag_progress(self, done: int, total: int) -> None:
        """Stored articles are being tagged (a new tagger): n of N, rate and time left, with Cancel."""
        if self.closed:
            return
        self.progress_bar()
        assert self.import_progress is not None
        if done >= total:
            self.import_progress.finish_tagging()
        else:
            self.import_progress.show_tagging(done, total)

    def _on_tagged(self, count: int) -> None:
        if count and not self.closed:
            self.refresh_sidebar()
