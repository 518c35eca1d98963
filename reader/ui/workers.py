"""Background work: scanning folders into the library cache, then tagging entities."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, Signal

from reader.core.store.library import Library

if TYPE_CHECKING:  # the import code (loaders, extraction) is imported by the scan's thread, after the first paint
    from reader.core.library_sync import ChangeDetector, FolderChanges, LibrarySync, ScanResult

PROGRESS_FILES = 200  # the window hears of the scan every this many files...
PROGRESS_SECONDS = 0.5  # ...or this often, whichever comes first...
PROGRESS_MIN_SECONDS = 0.1  # ...but never more often than this: each step re-runs the list query
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
    failed = Signal(str)
    damaged = Signal(str)  # with check_cache: the cache is damaged (why, in words); nothing was scanned

    def __init__(self, db_path: Path, folders: list[str], files: list[str], *, tag: bool = True,
                 max_bytes: int | None = None, user_db: Path | None = None,
                 progress_every: int | None = None, workers: int | None = None,
                 pool_min_files: int | None = None, check_cache: bool = False,
                 changes: FolderChanges | None = None) -> None:  # fmt: skip
        super().__init__()
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
        if self.check_cache:  # here, not before the window paints: a quick_check reads the whole file
            from reader.core.store.cache_health import cache_problem

            problem = cache_problem(self.db_path)
            if problem is not None:
                self.damaged.emit(problem)
                return
        try:
            lib = Library(self.db_path, user_db=self.user_db)
        except Exception as exc:  # the cache is rebuildable; say what happened
            self.failed.emit(f"The library cache could not be opened: {exc}")
            return
        try:
            from reader.core.library_sync import POOL_MIN_FILES, LibrarySync

            sync = LibrarySync(lib, max_bytes=self.max_bytes, workers=self.workers,
                               pool_min_files=POOL_MIN_FILES if self.pool_min_files is None else self.pool_min_files,
                               tag=self.tag)  # fmt: skip
            result: ScanResult | None
            if self.changes is not None:
                result = sync.apply(self.changes, progress=self._progress, should_stop=self.isInterruptionRequested,
                                    on_stored=self._stored)  # fmt: skip
                result = None if result.stopped else result
            else:
                try:
                    result = sync.sync(self.folders, self.files, progress=self._progress,
                                       should_stop=self.isInterruptionRequested, on_stored=self._stored,
                                       snapshot=True)  # fmt: skip
                finally:  # a walk that was not stopped is good for the watcher even when the import was
                    self.snapshot = sync.snapshot
            if result is None:
                return
            self.scanned.emit(result)
            if self.tag and not self.isInterruptionRequested():
                self.tagged.emit(tag_library(sync, self.isInterruptionRequested, self.tagged_batch.emit))
        except Exception as exc:
            self.failed.emit(f"Scanning stopped: {exc}")
        finally:
            lib.close()

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


def tag_library(
    library: Library | LibrarySync,
    should_stop: Callable[[], bool],
    on_batch: Callable[[list[str], int], None] | None = None,
) -> int:
    """Tag what is not tagged yet, loading the tagger's model first (here, off the window's thread).

    When the import's workers tagged everything, the model (about 50 MB) is never loaded here.
    """
    from reader.core.entities import load_model
    from reader.core.library_sync import LibrarySync

    sync = library if isinstance(library, LibrarySync) else LibrarySync(library)
    if not sync.library.untagged_count():
        return 0
    load_model()
    return sync.tag_pending(should_stop=should_stop, on_batch=on_batch)


def stop_worker(worker: ScanWorker) -> None:
    """Ask `worker` to stop and wait until its thread has really ended.

    Never a fixed timeout: Qt aborts the process when a running QThread is destroyed. The wait is
    short because the worker looks at the request between files and between pieces of a long text.
    """
    for signal in (worker.progress, worker.scanned, worker.tagged, worker.tagged_batch, worker.failed,
                   worker.damaged, worker.finished):  # fmt: skip
        with contextlib.suppress(RuntimeError, TypeError):  # nothing was connected
            signal.disconnect()
    worker.requestInterruption()
    waited = 0
    while not worker.wait(1000):
        waited += 1
        if waited == 5:
            log.info("waiting for the background scan to stop")
