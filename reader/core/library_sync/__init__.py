"""Keeping the library cache in line with the files on disk: walk, decide what changed, parse, tag.

The cache (`reader.core.store.library`) only stores and queries; this package drives it:
`LibrarySync(library).sync(folders, files)` after a folder change or on start, then
`tag_pending()` in the background for the entities.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core import entities
from reader.core.errors import ImportProblem
from reader.core.formats import load_file
from reader.core.library_sync.walk import Entry, special_file, special_kind, walk
from reader.core.store.library import Library, shown_path

log = logging.getLogger(__name__)
TAG_BUDGET_S = 60.0  # CPU seconds one article may take to tag (ordinary articles take well under one)

__all__ = ["Entry", "LibrarySync", "ScanResult", "walk"]

Progress = Callable[[int, int, str], None]  # files done, files in all (0 while still looking), a path shown
ShouldStop = Callable[[], bool]


@dataclass
class ScanResult:
    """Counts from one scan."""

    seen: int = 0
    imported: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0


class LibrarySync:
    """Imports into one `Library` (its connection, its thread); files over `max_bytes` are refused."""

    def __init__(self, library: Library, *, max_bytes: int | None = None) -> None:
        self.library = library
        self.max_bytes = max_bytes  # None: the formats' default limit
        if library.tagger_version() != entities.TAGGER_VERSION:  # found by another tagger: find them again
            library.forget_mentions(entities.TAGGER_VERSION)
        library.rekey_mentions()  # a new built-in alias table: the same spans, grouped again

    def sync(self, folders: list[str], files: list[str], *, progress: Progress | None = None,
             should_stop: ShouldStop | None = None) -> ScanResult | None:  # fmt: skip
        """Scan the folders, import the single files, and forget whatever lies outside both.

        The user's articles (bookmarked, noted, highlighted) are not forgotten: the cache keeps
        them (see `Library.forget_outside`). None when `should_stop` said stop: then nothing is forgotten.
        """
        result = self.scan(folders, progress=progress, should_stop=should_stop, files=files)
        if should_stop and should_stop():
            return None
        self.library.forget_outside([*folders, *files])
        self.library.forget_unclaimed()
        return result

    def scan(self, folders: Iterable[str | Path], *, progress: Progress | None = None,
             should_stop: ShouldStop | None = None, files: Iterable[str | Path] = ()) -> ScanResult:  # fmt: skip
        """Bring the cache in line with the files under `folders` (new, changed, deleted, unreadable),
        then import the single `files`.

        The folders are walked first (names only, quick), so `progress` is told the exact total
        before the first file is read.
        """
        result = ScanResult()
        roots = [str(Path(f).resolve()) for f in folders]
        if progress:
            progress(0, 0, "")
        entries: list[Entry] = []
        for root in roots:
            if not os.path.isdir(root):
                continue
            for entry in walk(root):
                if should_stop and should_stop():
                    return result
                entries.append(entry)
        singles = [str(Path(f).resolve()) for f in files]
        total = len(entries) + len(singles)
        for entry in entries:
            if should_stop and should_stop():
                return result
            if entry.ok:
                self._import_if_changed(entry.path, result)
            else:
                result.seen += 1
                result.failed += 1
                self.library.store_problem(entry.path, 0, 0, entry.reason, entry.advice)
            if progress:
                progress(result.seen, total, shown_path(entry.path))
        result.removed = self._forget_missing(roots, {entry.path for entry in entries})
        for path in singles:
            self._import_if_changed(path, result)
            if progress:
                progress(result.seen, total, shown_path(path))
        return result

    def import_file(self, path: str | Path) -> list[str]:
        """Import one file (opened from the command line); return its article ids."""
        resolved = str(Path(path).resolve())
        self._import_if_changed(resolved, ScanResult())
        return self.library.ids_at(resolved)

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
        if lib.file_state(path) == (st.st_mtime, st.st_size):
            result.unchanged += 1
            return
        try:
            articles = load_file(path) if self.max_bytes is None else load_file(path, max_bytes=self.max_bytes)
        except ImportProblem as problem:
            lib.store_problem(path, st.st_mtime, st.st_size, problem.reason, problem.advice)
            result.failed += 1
            return
        except Exception as exc:  # noqa: BLE001 - a loader bug must not stop the scan; report it as a problem
            lib.store_problem(path, st.st_mtime, st.st_size, f"Unexpected error: {exc!r}.", "Report this file.")
            result.failed += 1
            return
        lib.store_file(path, st.st_mtime, st.st_size, articles)
        result.imported += 1

    def _forget_missing(self, roots: list[str], present: set[str]) -> int:
        prefixes = [root.rstrip(os.sep) + os.sep for root in roots]
        gone = [p for p in self.library.known_paths() if p not in present and p.startswith(tuple(prefixes))]
        self.library.forget_paths(gone)
        return len(gone)

    def tag_pending(self, *, batch: int = 50, should_stop: ShouldStop | None = None,
                    on_batch: Callable[[list[str], int], None] | None = None) -> int:  # fmt: skip
        """Tag articles not tagged yet; return how many were tagged.

        `on_batch(ids, left)` is told after each batch which articles now have entities and how
        many are still waiting, so a window can show them without waiting for the whole library.
        """
        lib = self.library
        done = 0
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
