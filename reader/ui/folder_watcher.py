"""Watching the library folders while the window is open: new, changed and removed files show within seconds.

A `ChangeDetector` (core, Qt-free) keeps the folders' snapshot; every look at the disk runs in a
`DetectWorker` thread, one at a time, so the window never walks a tree. Up to `max_folders` folders
are watched with a `QFileSystemWatcher` (inotify and the like: it names the folder that changed,
and only that folder is listed again); above that, or when the system refuses a watch (the inotify
limit), the watcher polls instead, statting every folder each `poll_ms` and listing the changed ones.
Either way a full poll (every file stat-ed) runs every `full_poll_ms` (or less often, so that full
polls take at most 1% of the time: a full poll of 100,000 files taking 1.5 s runs every 150 s), since
a file written in place does not change its folder.

Started by the window's start-up rescan, it takes over that scan's walk (`ChangeDetector.from_walk`:
each folder's mtime and its files' stat), so its first look stats the folders alone; started any other
way, its first look walks the folders and reads the cache's file states, both in the look's thread.
When that scan was quick (files taken from the cache, `ChangeDetector.unverified`), the first full poll
comes after `first_full_ms`, for what was edited in place while the app was closed.

Bursts (a folder of 500 files copied in) are settled: folder events restart a `settle_ms` timer,
and only then is anything listed. What was found goes to the window's import (`import_changes`: the
same worker and process pool as F5, for just these files); while another import runs it waits and
goes at `import_finished`.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, QThread, QTimer

from reader.core.library_sync import ChangeDetector, FolderChanges
from reader.core.store.library import Library

if TYPE_CHECKING:
    from reader.ui.feature_context import FeatureContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WatchTiming:
    """How often the disk is looked at (tests use tiny values instead of sleeping)."""

    poll_ms: int = 3000  # polling: every folder stat-ed; watching: racy folders listed again
    settle_ms: int = 1000  # quiet time after a folder event before it is listed
    full_poll_ms: int = 60_000  # every file stat-ed (edits in place)
    # After a quick start-up rescan (files taken from the cache, not stat-ed), the first full poll comes this soon:
    # late enough not to compete with the start (about 1.5 s of CPU at 100,000 files), soon enough that an edit
    # made while the app was closed shows within half a minute (F5 finds it at once).
    first_full_ms: int = 30_000
    max_folders: int = 2000  # more folders than this: poll instead of one inotify watch each


class DetectWorker(QThread):
    """One look at the disk: a poll (`full` or not) or a check of named folders; the result stays on it."""

    def __init__(self, detector: ChangeDetector, *, full: bool = False, folders: list[str] | None = None) -> None:
        super().__init__()
        self.detector = detector
        self.full = full
        self.folders = folders
        self.changes = FolderChanges()
        self.watch: list[str] = []  # the folders in the snapshot afterwards
        self.seconds = 0.0  # how long the look took

    def run(self) -> None:
        started = time.perf_counter()
        try:
            if self.folders is None:
                self.changes = self.detector.poll(full=self.full)
            else:
                self.changes = self.detector.check(self.folders)
        except Exception:  # a bug must not leave the window without its watcher silently: say it in the log
            log.exception("looking for changed files failed")
        self.watch = self.detector.folders()
        self.seconds = time.perf_counter() - started


class FolderWatcher(QObject):
    """Watches `roots` (`start`) until `stop`; imports what changed through the window, one import at a time."""

    def __init__(self, context: FeatureContext, timing: WatchTiming | None = None) -> None:
        super().__init__(context.dialog_parent())
        self.context = context
        self.timing = timing or WatchTiming()
        self.roots: list[str] = []
        self.detector: ChangeDetector | None = None
        self.job: DetectWorker | None = None
        self.fs: QFileSystemWatcher | None = None
        self.polling = False  # True: no file system watcher (too many folders, or it was refused)
        self.queued = FolderChanges()  # found, not yet handed to an import
        self.imports = 0  # imports started
        self._dirty: set[str] = set()  # folders the file system watcher named, not yet listed
        self._want_full = False
        self._want_poll = False
        self._looked = False
        self.tick = QTimer(self, interval=self.timing.poll_ms)
        self.tick.timeout.connect(self._on_tick)
        self.full_tick = QTimer(self, interval=self.timing.full_poll_ms)
        self.full_tick.timeout.connect(lambda: self._look(full=True))
        self.settle = QTimer(self, singleShot=True, interval=self.timing.settle_ms)
        self.settle.timeout.connect(lambda: self._look(folders=[]))

    @property
    def running(self) -> bool:
        return self.detector is not None

    @property
    def ready(self) -> bool:
        """The first look is done: from now on every change is noticed."""
        return self.detector is not None and self._looked

    def start(self, roots: list[str], timing: WatchTiming | None = None, *, adopt: bool = False,
              snapshot: ChangeDetector | None = None) -> None:  # fmt: skip
        """Watch these folders from now on. The first full look imports what differs from the cache, or, with
        `adopt` (the user stopped the import), takes the files as they are: F5 or the next start imports them.

        `snapshot`: the folders as a scan of these very roots has just walked them (its files imported, or
        adopted); the first look then only stats the folders for what changed since.
        """
        self.stop()
        if timing is not None:
            self.timing = timing
        self.tick.setInterval(self.timing.poll_ms)
        self.full_tick.setInterval(self.timing.full_poll_ms)
        if snapshot is not None and snapshot.unverified:  # reset by the first full poll's end (_on_look_done)
            self.full_tick.setInterval(min(self.timing.first_full_ms, self.timing.full_poll_ms))
        self.settle.setInterval(self.timing.settle_ms)
        self.roots = list(roots)
        if not self.roots:
            return
        self.polling = False
        if snapshot is not None and snapshot.roots == [str(Path(r).resolve()) for r in self.roots]:
            self.detector = snapshot
            self._look()
        else:
            self.detector = ChangeDetector(self.roots, None if adopt else self._cached_states)
            self._look(full=True)
        self.tick.start()
        self.full_tick.start()

    def _cached_states(self) -> dict[str, tuple[float, int]]:
        """The cache's file states, read by the first look on its own thread and connection: 100,000 rows
        are not read on the window's thread."""
        library = Library(self.context.library.path)
        try:
            return library.file_states()
        finally:
            library.close()

    def stop(self) -> None:
        """Stop watching and wait for a look in progress (never a thread left behind); drop what was queued.

        Dropped, not imported: a stop comes with closing or with a change of folders, whose rescan
        covers every file anyway.
        """
        for timer in (self.tick, self.full_tick, self.settle):
            timer.stop()
        if self.detector is not None:
            self.detector.should_stop = lambda: True
        job, self.job = self.job, None
        if job is not None:
            job.wait()  # the detector stops between folders, so this is short
        self._drop_fs()
        self.detector = None
        self.roots = []
        self.queued = FolderChanges()
        self._dirty.clear()
        self._want_full = self._want_poll = self._looked = False

    def import_finished(self) -> None:
        """The window's import ended: hand over what waited for it."""
        self._flush()

    # --- looking --------------------------------------------------------------------------

    def _on_tick(self) -> None:
        if self.detector is None:
            return
        if self.polling:
            self._look()
        elif self.job is None and self.detector.racy():  # read only between looks: the job owns it meanwhile
            self._look(folders=[])

    def _on_folder_event(self, path: str) -> None:
        self._dirty.add(path)
        self.settle.start()  # a burst of events: one look once they stop

    def _look(self, *, full: bool = False, folders: list[str] | None = None) -> None:
        """Start a look in the background, or remember it for when the running one ends."""
        if self.detector is None:
            return
        if self.job is not None:
            self._want_full |= full
            self._want_poll |= folders is None and not full
            return
        if folders is not None:
            folders = [*folders, *self._dirty]
            self._dirty.clear()
        self.job = DetectWorker(self.detector, full=full, folders=folders)
        self.job.finished.connect(self._on_look_done)
        self.job.start()

    def _on_look_done(self) -> None:
        job = self.job
        if job is None or not job.isFinished():
            return  # a look from before a stop, or not ours
        self.job = None
        if self.detector is None:
            return
        self._looked = True
        if job.full:  # a tree so large that a full poll takes long is fully polled less often: <= 1% of the time
            self.full_tick.setInterval(max(self.timing.full_poll_ms, round(job.seconds * 100 * 1000)))
        self._watch(job.watch)
        if job.changes:
            self.queued.merge(job.changes)
        if self._want_full or self._want_poll:
            full, self._want_full, self._want_poll = self._want_full, False, False
            self._look(full=full)
        elif self._dirty and not self.settle.isActive():
            self._look(folders=[])
        else:
            self._flush()

    def _watch(self, folders: list[str]) -> None:
        """Keep the file system watcher on exactly these folders, or fall back to polling."""
        if self.polling:
            return
        if len(folders) > self.timing.max_folders:
            self._poll_instead(f"{len(folders):,} folders")
            return
        if self.fs is None:
            self.fs = QFileSystemWatcher(self)
            self.fs.directoryChanged.connect(self._on_folder_event)
        watched = set(self.fs.directories())
        gone = sorted(watched - set(folders))
        new = [f for f in folders if f not in watched]
        if gone:
            self.fs.removePaths(gone)
        refused = self.fs.addPaths(new) if new else []
        if any(os.path.isdir(f) for f in refused):  # not one deleted meanwhile: the system's limit
            self._poll_instead("the system refused more watches")

    def _poll_instead(self, why: str) -> None:
        log.info("library folders are polled every %d ms (%s)", self.timing.poll_ms, why)
        self.polling = True
        self._drop_fs()

    def _drop_fs(self) -> None:
        """Delete the file system watcher now, not later: its inotify instance (128 per user) is freed at once."""
        if self.fs is not None:
            self.fs.directoryChanged.disconnect(self._on_folder_event)
            shiboken6.delete(self.fs)
            self.fs = None

    # --- importing ------------------------------------------------------------------------

    def _flush(self) -> None:
        """Hand what was found to the window's import, unless one runs (then `import_finished` brings it back)."""
        if not self.queued or self.job is not None or self.settle.isActive():
            return
        if self.context.import_changes(self.queued):
            self.imports += 1
            self.queued = FolderChanges()


class FolderWatchFeature:
    """The watcher as a window feature: File › Watch Library Folders, on unless turned off (remembered).

    It starts when the window's first scan ends (the cache is then up to date) and follows the
    folders: added or removed ones are watched from the rescan that follows the change.
    """

    def __init__(self, context: FeatureContext) -> None:
        self.context = context
        self.watcher = FolderWatcher(context)
        self.action = context.registry.add("folders-watch", "&Watch Library Folders", self.toggle, menu="&File",
                                           help="Show new, changed and deleted files in the library folders "
                                                "as they appear (F5 not needed)")  # fmt: skip
        self.action.setCheckable(True)
        self.action.setChecked(self.enabled)
        context.import_finished.connect(self._on_import_finished)
        context.window_closing.connect(self.watcher.stop)

    @property
    def enabled(self) -> bool:
        return bool(self.context.settings.get("watch_folders", True))

    def roots(self) -> list[str]:
        """The user's folders (the bundled samples do not change: not watched)."""
        return [] if self.context.showing_samples() else self.context.library_folders()

    def toggle(self) -> None:
        on = not self.enabled
        self.context.settings.set("watch_folders", on)  # not saved: it still holds for this session
        self.action.setChecked(on)
        if on:
            self.watcher.start(self.roots())
            self.context.show_message("Watching the library folders: new and changed files show by themselves.")
        else:
            self.watcher.stop()
            self.context.show_message("Not watching the library folders: press F5 to look for new files.")

    def _on_import_finished(self, stopped: bool) -> None:
        """Start with the first scan's end, follow a change of folders; after Cancel, import nothing by itself."""
        if not self.enabled:
            return
        roots = self.roots()
        if roots != self.watcher.roots or not self.watcher.running:
            self.watcher.start(roots, adopt=stopped, snapshot=self.context.scan_snapshot())
        elif stopped:
            self.watcher.queued = FolderChanges()  # Cancel means stop: what is left waits for F5 or the next start
        else:
            self.watcher.import_finished()
