"""Background work: scanning folders into the library cache, then tagging entities."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, Signal, SignalInstance

if TYPE_CHECKING:  # the import code (loaders, extraction) is imported by the scan's thread, after the first paint
    from reader.core.library_sync import ChangeDetector, FolderChanges, LibrarySync, ScanResult
    from reader.core.store.library import Library

PROGRESS_FILES = 200  # the window hears of the scan every this many files...
PROGRESS_SECONDS = 0.5  # ...or this often, whichever comes first...
PROGRESS_MIN_SECONDS = 0.1  # ...but never more often than this: each step re-runs the list query
CHECK_NICENESS = 10  # the cache check's thread, below the window's (Linux)
log = logging.getLogger(__name__)


class ScanWorker(QThread):
    """Scans folders (and single files), or imports a watcher's `changes`, with its own cache connection,
    then tags new articles.

    Many new files are read and tagged in a process pool (`workers`, `pool_min_files`: see
    `LibrarySync`), stored in batches; the window hears of each step through `progress`.
    With `user_db`, the cache keeps the user's articles whose files left the library (see `Library`).
    """

    progress = Signal(int, int, str)  # files done, files in all (0 while still looking), a path
    scanned = Signal(object)  # ScanResult
    tagged = Signal(int)  # how many articles were tagged, when tagging is over
    tagged_batch = Signal(list, int)  # ids that now have entities, how many still wait
    tag_progress = Signal(int, int)  # articles tagged, articles waiting when tagging began (re-tagging's n of N)
    failed = Signal(str)
    damaged = Signal(str)  # with check_cache: the cache is damaged (why, in words); nothing was scanned

    def __init__(self, db_path: Path, folders: list[str], files: list[str], *, tag: bool = True,
                 max_bytes: int | None = None, user_db: Path | None = None,
                 progress_every: int | None = None, workers: int | None = None,
                 pool_min_files: int | None = None, check_cache: bool = False,
                 changes: FolderChanges | None = None, quick: bool = False) -> None:  # fmt: skip
        super().__init__()
        self.quick = quick  # the start-up rescan: only folders that changed are listed (LibrarySync.sync)
        self.check_cache = check_cache
        self.changes = changes  # set: import just these (the folder watcher's finding), not a whole scan
        self.workers = workers
        self.pool_min_files = pool_min_files
        self.db_path = db_path
        self.user_db = user_db
        self.max_bytes = max_bytes
        self.folders = folders
        self.files = files
        self.tag = tag
        self.progress_every = progress_every or PROGRESS_FILES
        self._told = (0, 0.0)  # files done and the clock when the window was last told
        self.stored = 0  # files stored so far: while it stays 0 the window's list cannot have changed
        self.snapshot: ChangeDetector | None = None  # a folder scan's walk, for the folder watcher to take over

    def run(self) -> None:
        # The cache's quick_check reads the whole file (a second at 100,000 articles): in SQLite, without the
        # GIL, beside the walk, not before it; nothing is reported or tagged until it has said the cache is sound.
        check = _CacheCheck(self.db_path) if self.check_cache else None
        error = ""
        try:
            from reader.core.store.library import Library

            lib = Library(self.db_path, user_db=self.user_db)
        except Exception as exc:  # the cache is rebuildable; say what happened
            if not _found_damage(check, self.damaged):
                self.failed.emit(f"The library cache could not be opened: {exc}")
            return
        try:
            from reader.core.library_sync import POOL_MIN_FILES, LibrarySync

            sync = LibrarySync(lib, max_bytes=self.max_bytes, workers=self.workers,
                               pool_min_files=POOL_MIN_FILES if self.pool_min_files is None else self.pool_min_files,
                               tag=self.tag)  # fmt: skip
            result = self._scan(sync, self._should_stop(check))
            if check is not None:
                check.join()
            if result is not None and not (check and check.problem):
                self.scanned.emit(result)
                if not self.isInterruptionRequested():  # in small steps: a quit or Cancel waits for one at most
                    sync.merge_index(should_stop=self.isInterruptionRequested)
                if self.tag and not self.isInterruptionRequested():
                    self.tagged.emit(tag_library(sync, self.isInterruptionRequested, self.tagged_batch.emit,
                                                 self.tag_progress.emit))  # fmt: skip
        except Exception as exc:
            error = f"Scanning stopped: {exc}"
        finally:
            lib.close()  # before a damaged cache is reported: the window deletes the file
        if _found_damage(check, self.damaged):
            self.snapshot = None  # the cache is rebuilt and everything imported again
        elif error:
            self.failed.emit(error)

    def _should_stop(self, check: _CacheCheck | None) -> Callable[[], bool]:
        if check is None:
            return self.isInterruptionRequested
        return lambda: self.isInterruptionRequested() or check.problem is not None

    def _scan(self, sync: LibrarySync, should_stop: Callable[[], bool]) -> ScanResult | None:
        """The watcher's changes, or a scan of the folders; None when stopped."""
        if self.changes is not None:
            result = sync.apply(self.changes, progress=self._progress, should_stop=should_stop,
                                on_stored=self._stored)  # fmt: skip
            return None if result.stopped else result
        try:
            return sync.sync(self.folders, self.files, progress=self._progress, should_stop=should_stop,
                             on_stored=self._stored, snapshot=True, quick=self.quick)  # fmt: skip
        finally:  # a walk that was not stopped is good for the watcher even when the import was
            self.snapshot = sync.snapshot

    def _stored(self, records: list) -> None:
        self.stored += len(records)

    def _progress(self, done: int, total: int, path: str) -> None:
        """Pass the scan's progress on in steps: the window re-runs its list query at each one."""
        told, when = self._told
        now = time.monotonic()
        gap = now - when
        due = (done - told >= self.progress_every and gap >= PROGRESS_MIN_SECONDS) or gap >= PROGRESS_SECONDS
        if done in (0, total) or due:
            self._told = (done, now)
            self.progress.emit(done, total, path)


class _CacheCheck(threading.Thread):
    """The cache file's health check (`cache_problem`), started at once in a thread of its own."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(name="cache-check", daemon=True)
        self.db_path = db_path
        self.problem: str | None = None  # why the cache is damaged, once found
        self.start()

    def run(self) -> None:
        from reader.core.store.cache_health import cache_problem

        # Below the window's thread, as the import's workers are: the check holds no GIL (it is SQLite's), so
        # this thread only gives way to the window for a core, and on Linux a thread has a niceness of its own.
        with contextlib.suppress(OSError, AttributeError):  # Windows and macOS have no per-thread niceness
            if sys.platform.startswith("linux"):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), CHECK_NICENESS)
        self.problem = cache_problem(self.db_path)


def _found_damage(check: _CacheCheck | None, damaged: SignalInstance) -> bool:
    """Wait for the check (if any); when it found the cache damaged, say so through `damaged`."""
    if check is None:
        return False
    check.join()
    if check.problem is None:
        return False
    damaged.emit(check.problem)
    return True


def tag_library(
    library: Library | LibrarySync,
    should_stop: Callable[[], bool],
    on_batch: Callable[[list[str], int], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Tag what is not tagged yet: many articles (a new tagger's re-tagging) in the process pool, a few here,
    loading the tagger's model first (off the window's thread).

    When the import's workers tagged everything, or the pool tags what is left, the model (about 50 MB) is
    never loaded in the window's process.
    """
    from reader.core.library_sync import LibrarySync

    sync = library if isinstance(library, LibrarySync) else LibrarySync(library)
    waiting = sync.library.untagged_count()
    if not waiting:
        return 0  # the tagger's modules are not even imported (a tagged library's start imports none of them)
    if not sync.tags_in_pool(waiting):
        from reader.core.entities import load_model

        load_model()
    return sync.tag_pending(should_stop=should_stop, on_batch=on_batch, progress=progress)


def stop_worker(worker: ScanWorker) -> None:
    """Ask `worker` to stop and wait until its thread has really ended.

    Never a fixed timeout: Qt aborts the process when a running QThread is destroyed. The wait is
    short because the worker looks at the request between files and between pieces of a long text.
    """
    for signal in (worker.progress, worker.scanned, worker.tagged, worker.tagged_batch, worker.tag_progress,
                   worker.failed, worker.damaged, worker.finished):  # fmt: skip
        with contextlib.suppress(RuntimeError, TypeError):  # nothing was connected
            signal.disconnect()
    worker.requestInterruption()
    waited = 0
    while not worker.wait(1000):
        waited += 1
        if waited == 5:
            log.info("waiting for the background scan to stop")
