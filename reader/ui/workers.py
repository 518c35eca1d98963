"""Background work: scanning folders into the library cache, then tagging entities."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from reader.core.entities import load_model
from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library

PROGRESS_FILES = 200  # the window hears of the scan every this many files...
PROGRESS_SECONDS = 0.5  # ...or this often, whichever comes first
log = logging.getLogger(__name__)


class ScanWorker(QThread):
    """Scans folders (and single files) with its own cache connection, then tags new articles.

    With `user_db`, the cache keeps the user's articles whose files left the library (see `Library`).
    """

    progress = Signal(int, int, str)  # files done, files in all (0 while still looking), a path
    scanned = Signal(object)  # ScanResult
    tagged = Signal(int)  # how many articles were tagged, when tagging is over
    tagged_batch = Signal(list, int)  # ids that now have entities, how many still wait
    failed = Signal(str)

    def __init__(self, db_path: Path, folders: list[str], files: list[str], *, tag: bool = True,
                 max_bytes: int | None = None, user_db: Path | None = None,
                 progress_every: int | None = None) -> None:  # fmt: skip
        super().__init__()
        self.db_path = db_path
        self.user_db = user_db
        self.max_bytes = max_bytes
        self.folders = folders
        self.files = files
        self.tag = tag
        self.progress_every = progress_every or PROGRESS_FILES
        self._told = (0, 0.0)  # files done and the clock when the window was last told

    def run(self) -> None:
        try:
            lib = Library(self.db_path, user_db=self.user_db)
        except Exception as exc:  # the cache is rebuildable; say what happened
            self.failed.emit(f"The library cache could not be opened: {exc}")
            return
        try:
            sync = LibrarySync(lib, max_bytes=self.max_bytes)
            result = sync.sync(self.folders, self.files, progress=self._progress,
                               should_stop=self.isInterruptionRequested)  # fmt: skip
            if result is None:
                return
            self.scanned.emit(result)
            if self.tag and not self.isInterruptionRequested():
                self.tagged.emit(tag_library(sync, self.isInterruptionRequested, self.tagged_batch.emit))
        except Exception as exc:
            self.failed.emit(f"Scanning stopped: {exc}")
        finally:
            lib.close()

    def _progress(self, done: int, total: int, path: str) -> None:
        """Pass the scan's progress on in steps: the window re-runs its list query at each one."""
        told, when = self._told
        now = time.monotonic()
        if done in (0, total) or done - told >= self.progress_every or now - when >= PROGRESS_SECONDS:
            self._told = (done, now)
            self.progress.emit(done, total, path)


def tag_library(
    library: Library | LibrarySync,
    should_stop: Callable[[], bool],
    on_batch: Callable[[list[str], int], None] | None = None,
) -> int:
    """Tag what is not tagged yet, loading the tagger's model first (here, off the window's thread)."""
    load_model()
    sync = library if isinstance(library, LibrarySync) else LibrarySync(library)
    return sync.tag_pending(should_stop=should_stop, on_batch=on_batch)


def stop_worker(worker: ScanWorker) -> None:
    """Ask `worker` to stop and wait until its thread has really ended.

    Never a fixed timeout: Qt aborts the process when a running QThread is destroyed. The wait is
    short because the worker looks at the request between files and between pieces of a long text.
    """
    for signal in (worker.progress, worker.scanned, worker.tagged, worker.tagged_batch, worker.failed,
                   worker.finished):  # fmt: skip
        with contextlib.suppress(RuntimeError, TypeError):  # nothing was connected
            signal.disconnect()
    worker.requestInterruption()
    waited = 0
    while not worker.wait(1000):
        waited += 1
        if waited == 5:
            log.info("waiting for the background scan to stop")
