"""Keeping the library cache in line with the files on disk: walk, decide what changed, parse, tag.

The cache (`reader.core.store.library`) only stores and queries; this package drives it:
`LibrarySync(library).sync(folders, files)` after a folder change or on start, then
`tag_pending()` in the background for the entities.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core import entities
from reader.core.library_sync.changes import ChangeDetector, FolderChanges
from reader.core.library_sync.importer import OnStored, default_workers, import_in_pool
from reader.core.library_sync.pool import TAG_BUDGET_S, read_file
from reader.core.library_sync.quick_walk import Known, quick_roots, quick_walk
from reader.core.library_sync.walk import Entry, Listing, special_file, special_kind, walk
from reader.core.store.folder_states import FolderState, read_folder_states, replace_folder_states
from reader.core.store.fts_merge import MERGE_AFTER_FILES, STEP_PAUSE_S, MergeRun, mark_merge_due, merge_index
from reader.core.store.library import FileRecord, Library, shown_path
from reader.core.store.library_schema import swap_name_indexes

log = logging.getLogger(__name__)
# Below this many new or changed files, starting worker processes (each loading the entity model)
# costs more than it saves: they are read here and tagged after.
POOL_MIN_FILES = 100
PROGRESS_FILES = 10  # progress is passed on every this many files...
PROGRESS_SECONDS = 0.1  # ...or this often

__all__ = ["ChangeDetector", "Entry", "FolderChanges", "LibrarySync", "ScanResult", "default_workers", "walk"]

Progress = Callable[[int, int, str], None]  # files done, files in all (0 while still looking), a path shown
ShouldStop = Callable[[], bool]


@dataclass
class ScanResult:
    """Counts from one scan: files seen, and what became of them (`imported` = `added` + `updated`)."""

    seen: int = 0
    imported: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0
    added: int = 0
    updated: int = 0
    articles: int = 0  # articles in the files imported
    stopped: bool = False

    def count(self, record: FileRecord, known: bool) -> None:
        """Add one file read (`known`: the cache had a record of it before)."""
        if record.reason:
            self.failed += 1
            return
        self.imported += 1
        self.articles += len(record.articles)
        if known:
            self.updated += 1
        else:
            self.added += 1


class _Throttle:
    """Passes progress on for every file read (or batch stored), but over unchanged files only every
    `PROGRESS_FILES` files or `PROGRESS_SECONDS`: not 100,000 times in a rescan (the receiver, e.g. the
    window's worker, decides how often it is shown)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.told, self.when = progress, total, 0, 0.0

    def __call__(self, done: int, path: str, *, read: bool = False) -> None:
        if not self.progress:
            return
        now = time.monotonic()
        if read or done >= self.total or done - self.told >= PROGRESS_FILES or now - self.when >= PROGRESS_SECONDS:
            self.told, self.when = done, now
            self.progress(done, self.total, shown_path(path))


class LibrarySync:
    """Imports into one `Library` (its connection, its thread); files over `max_bytes` are refused.

    At least `pool_min_files` new or changed files are read and tagged in `workers` processes
    (None: one per core; 0: never); fewer are read here, and `tag_pending()` tags them after.
    `alone`: nothing else reads the cache while this imports (the headless command, not the window), so a first
    import into an empty cache builds its indexes after the rows (`importer.deferred_indexes`).
    """

    def __init__(self, library: Library, *, max_bytes: int | None = None, workers: int | None = None,
                 pool_min_files: int = POOL_MIN_FILES, tag: bool = True, alone: bool = False) -> None:  # fmt: skip
        self.library = library
        self.alone = alone
        self.max_bytes = max_bytes  # None: the formats' default limit
        self.workers = default_workers() if workers is None else workers
        self.pool_min_files = pool_min_files
        self.tag = tag
        self.snapshot: ChangeDetector | None = None  # the folders as the last walk saw them (`snapshot=True`)
        if library.tagger_version() != entities.TAGGER_VERSION:  # found by another tagger: find them again
            library.forget_mentions(entities.TAGGER_VERSION)
        library.rekey_mentions()  # a new built-in alias table: the same spans, grouped again

    def sync(self, folders: list[str], files: list[str], *, progress: Progress | None = None,
             should_stop: ShouldStop | None = None, on_stored: OnStored | None = None,
             snapshot: bool = False, quick: bool = False) -> ScanResult | None:  # fmt: skip
        """Scan the folders, import the single files, and forget whatever lies outside both.

        `quick` (the start-up rescan): list only the folders that changed since the last complete walk
        (`quick_walk`); F5 and an imported folder walk everything.

        The user's articles (bookmarked, noted, highlighted) are not forgotten: the cache keeps
        them (see `Library.forget_outside`). None when `should_stop` said stop: then nothing is forgotten.
        """
        result, states = self._scan(folders, progress=progress, should_stop=should_stop, files=files,
                                    on_stored=on_stored, snapshot=snapshot, quick=quick)  # fmt: skip
        if result.stopped or (should_stop and should_stop()):
            return None
        # What lies outside is told from the scan's own read of every file state (`Library.forget_outside`'s
        # rule), not a second read of 100,000 paths: what the scan added since lies inside.
        keep = {str(Path(k).resolve()) for k in [*folders, *files]}
        under = tuple(k.rstrip(os.sep) + os.sep for k in keep)
        self._forget([p for p in states if p not in keep and not p.startswith(under)])
        self.library.forget_unclaimed()
        return result

    def scan(self, folders: Iterable[str | Path], *, progress: Progress | None = None,
             should_stop: ShouldStop | None = None, files: Iterable[str | Path] = (),
             on_stored: OnStored | None = None, snapshot: bool = False) -> ScanResult:  # fmt: skip
        """Bring the cache in line with the files under `folders` (new, changed, deleted, unreadable),
        then import the single `files`.

        The folders are walked first (names and the walk's own stat: no file is looked at twice),
        then compared with one query of every stored (mtime, size), so `progress` knows the exact
        total before the first file is read. `on_stored(records)` hears of each batch stored.
        A stopped scan keeps what it stored (`stopped` set); the next one goes on from there.
        With `snapshot`, a walk that was not stopped leaves its folders in `self.snapshot` (for a folder
        watcher, which then needs no walk of its own).
        """
        return self._scan(folders, progress=progress, should_stop=should_stop, files=files, on_stored=on_stored,
                          snapshot=snapshot)[0]  # fmt: skip

    def _scan(self, folders: Iterable[str | Path], *, progress: Progress | None, should_stop: ShouldStop | None,
              files: Iterable[str | Path], on_stored: OnStored | None,
              snapshot: bool, quick: bool = False) -> tuple[ScanResult, dict[str, tuple[float, int]]]:  # fmt: skip
        """`scan`, and the file states the cache held before it (empty when stopped before they were read; after a
        quick walk, all but those of the folders it took from the cache, which lie inside the roots)."""
        result = ScanResult()
        roots = [str(Path(f).resolve()) for f in folders]  # the folders only: a file's path is its folder's + name
        if progress:
            progress(0, 0, "")
        entries: list[Entry] = []
        listings: dict[str, Listing] = {}
        self.snapshot = None
        db = self.library.db
        folder_states = read_folder_states(db) if quick else {}
        fast = quick_roots(roots, folder_states)
        known = Known.read(db, folder_states) if fast else None
        # Dropped until this walk is complete: a scan stopped midway (files forgotten, a folder left
        # half-imported) must leave the next start a full walk, never stale states to trust.
        replace_folder_states(db, [])
        for root in roots:
            if not os.path.isdir(root):
                continue
            for entry in quick_walk(root, known, listings) if known and root in fast else walk(root, listings):
                if should_stop and should_stop():
                    result.stopped = True
                    return result, {}
                entries.append(entry)
        if snapshot:
            self.snapshot = ChangeDetector.from_walk(roots, listings)
            self.snapshot.unverified = known is not None  # files taken from the cache: a full poll stats them
        singles = [str(Path(f).resolve()) for f in files]
        # The files the quick walk took from the cache are neither compared nor looked for among the removed:
        # their folders say they are there, unchanged (`Known.states_to_check`)
        result.seen = result.unchanged = known.unchanged() if known is not None else 0
        tell = _Throttle(progress, result.seen + len(entries) + len(singles))
        states = known.states_to_check() if known is not None else self.library.file_states()
        if result.seen:
            tell(result.seen, roots[0])
        todo: list[Entry] = []
        for entry in entries:
            if not entry.ok:
                result.seen += 1
                result.failed += 1
                self.library.store_problem(entry.path, 0, 0, entry.reason, entry.advice)
            elif states.get(entry.path) == (entry.mtime, entry.size):
                result.seen += 1
                result.unchanged += 1
            else:
                todo.append(entry)
                continue
            tell(result.seen, entry.path)
        if not self._import(todo, states, result, tell, should_stop, on_stored):
            result.stopped = True
            return result, states
        result.removed = self._forget_missing(roots, states, {entry.path for entry in entries})
        for path in singles:
            self._import_if_changed(path, result)
            tell(result.seen, path, read=True)
        replace_folder_states(db, [(path, FolderState(listing.mtime_ns, *listing.ident, listing.listed_at))
                                   for path, listing in listings.items()])  # fmt: skip
        return result, states

    def apply(self, changes: FolderChanges, *, progress: Progress | None = None,
              should_stop: ShouldStop | None = None, on_stored: OnStored | None = None) -> ScanResult:  # fmt: skip
        """Import the files a `ChangeDetector` found added or changed and forget the removed ones.

        The same import as `scan` (the process pool for many files), without walking any folder. A
        file whose stat the cache already holds (a rescan got there first) is not read again; the
        user's articles in removed files stay, as kept articles.
        """
        result = ScanResult()
        entries = [*changes.added, *changes.changed]
        tell = _Throttle(progress, len(entries))
        if progress:
            progress(0, len(entries), "")
        states: dict[str, tuple[float, int]] = {}
        todo: list[Entry] = []
        for entry in entries:
            before = self.library.file_state(entry.path)
            if before is not None:
                states[entry.path] = before
            if not entry.ok:
                result.seen += 1
                result.failed += 1
                self.library.store_problem(entry.path, 0, 0, entry.reason, entry.advice)
            elif before == (entry.mtime, entry.size):
                result.seen += 1
                result.unchanged += 1
            else:
                todo.append(entry)
        if not self._import(todo, states, result, tell, should_stop, on_stored):
            result.stopped = True
            return result
        gone = [path for path in changes.removed if self.library.file_state(path) is not None]
        self._forget(gone)
        result.removed = len(gone)
        return result

    def import_file(self, path: str | Path) -> list[str]:
        """Import one file (opened from the command line); return its article ids."""
        resolved = str(Path(path).resolve())
        self._import_if_changed(resolved, ScanResult())
        return self.library.ids_at(resolved)

    def _import(self, todo: list[Entry], states: dict[str, tuple[float, int]], result: ScanResult,
                tell: _Throttle, should_stop: ShouldStop | None, on_stored: OnStored | None) -> bool:  # fmt: skip
        """Read the new and changed files (in the pool when there are enough); False when stopped."""

        def stored(records: list[FileRecord]) -> None:
            for record in records:
                result.seen += 1
                result.count(record, record.path in states)
            if on_stored is not None:  # first: the window reads `stored` when it hears of this progress
                on_stored(records)
            tell(result.seen, records[-1].path, read=True)

        if len(todo) >= MERGE_AFTER_FILES:  # before the writes: a stopped import leaves the merge due too
            mark_merge_due(self.library.db)
        if todo and self.workers >= 1 and len(todo) >= self.pool_min_files:
            run = import_in_pool(self.library, todo, workers=self.workers, max_bytes=self.max_bytes, tag=self.tag,
                                 on_stored=stored, should_stop=should_stop, alone=self.alone)  # fmt: skip
            if run.stopped:
                return False
            todo = run.left  # the pool broke: the rest is read here
        for entry in todo:
            if should_stop and should_stop():
                return False
            record = read_file(entry.path, entry.mtime, entry.size, max_bytes=self.max_bytes)
            self.library.store_batch([record])
            stored([record])
        return True

    def _import_if_changed(self, path: str, result: ScanResult) -> None:
        result.seen += 1
        lib = self.library
        try:
            st = os.stat(path)
        except OSError as exc:
            lib.store_problem(path, 0, 0, f"The file cannot be read: {exc.strerror}.", "Check its permissions.")
            result.failed += 1
            return
        kind = special_kind(st.st_mode) if not stat.S_ISREG(st.st_mode) else ""
        if kind or stat.S_ISDIR(st.st_mode):  # never open a FIFO: reading it would wait forever
            entry = special_file(path, kind or "a folder")
            lib.store_problem(path, st.st_mtime, st.st_size, entry.reason, entry.advice)
            result.failed += 1
            return
        before = lib.file_state(path)
        if before == (st.st_mtime, st.st_size):
            result.unchanged += 1
            return
        record = read_file(path, st.st_mtime, st.st_size, max_bytes=self.max_bytes)
        lib.store_batch([record])
        result.count(record, before is not None)

    def _forget_missing(self, roots: list[str], states: dict[str, tuple[float, int]], present: set[str]) -> int:
        prefixes = tuple(root.rstrip(os.sep) + os.sep for root in roots)
        gone = [p for p in states if p not in present and p.startswith(prefixes)]
        self._forget(gone)
        return len(gone)

    def _forget(self, paths: list[str]) -> None:
        """Drop these files from the cache; many leave the full-text index worth merging again (each forgotten
        article leaves a delete marker in it)."""
        if len(paths) >= MERGE_AFTER_FILES:
            mark_merge_due(self.library.db)
        self.library.forget_paths(paths)

    def merge_index(self, *, should_stop: ShouldStop | None = None) -> MergeRun:
        """Merge the full-text index in small steps when a large import (or none yet) left it unmerged
        (`store.fts_merge`); stopped between steps by `should_stop`, resumed by the next call. A cache upgraded
        from schema 8 or before gets its partial name indexes first (`swap_name_indexes`: once, seconds at most)."""
        swap_name_indexes(self.library.db)
        # alone (the headless command) no window waits for the write lock between steps: no rest between them
        return merge_index(self.library.db, should_stop=should_stop, pause=0.0 if self.alone else STEP_PAUSE_S)

    def tags_in_pool(self, waiting: int) -> bool:
        """Whether `waiting` untagged articles are tagged in the process pool (as many as an import would
        start one for), not in this process: then this process never loads the tagger's model."""
        return self.workers >= 1 and waiting >= max(1, self.pool_min_files)

    def tag_pending(self, *, batch: int = 50, should_stop: ShouldStop | None = None,
                    on_batch: Callable[[list[str], int], None] | None = None,
                    progress: Callable[[int, int], None] | None = None) -> int:  # fmt: skip
        """Tag articles not tagged yet (after a new tagger: the whole library); return how many were tagged.

        Many are tagged in the import's process pool (`retag.retag_in_pool`: their stored text sent to the
        workers, the mention rows stored here in batches); few, or what a broken pool left, here.
        `on_batch(ids, left)` is told after each batch which articles now have entities and how
        many are still waiting, so a window can show them without waiting for the whole library;
        `progress(done, total)` how many of the articles waiting at the start the pool has tagged (the few
        tagged here, e.g. after a small import, are not shown as a run of their own).
        A stopped run keeps what it stored; the rest stays untagged and is tagged next time.
        """
        lib = self.library
        total = lib.untagged_count()
        done = 0
        if total and self.tags_in_pool(total):
            from reader.core.library_sync.retag import retag_in_pool

            run = retag_in_pool(lib, workers=self.workers, should_stop=should_stop, on_batch=on_batch,
                                progress=progress)  # fmt: skip
            if not run.broken:
                return run.done
            done = run.done  # the pool broke: the rest is tagged here
        while not (should_stop and should_stop()):
            ids = lib.untagged_ids(batch)
            if not ids:
                break
            for article_id in ids:
                article = lib.article(article_id)
                if article is not None:
                    # Bounded: a pathological text keeps what was found in its budget and is marked
                    # tagged, so it is not tried again at every start.
                    result = entities.tag_bounded(article.text, article.language, budget_s=TAG_BUDGET_S,
                                                  should_stop=should_stop)  # fmt: skip
                    if result.stopped:  # not stored: tagged in full at the next start
                        return done
                    lib.store_mentions(article_id, result.spans)
                    if not result.complete:
                        log.warning("entities of %s only partly found: %s", shown_path(article.path), result.error)
                    done += 1
                else:  # gone since the query: nothing to tag, never ask again
                    lib.mark_tagged(article_id)
            if on_batch:
                on_batch(ids, lib.untagged_count())
        return done
