"""Finding what changed in the library folders since the last look, cheaply enough to ask every few seconds.

`ChangeDetector(roots, known)` keeps a snapshot of every folder under the roots: its mtime and the
article files (and problems) it held. A folder's mtime changes when an entry in it is added, removed
or renamed, so a poll stats each folder once and lists only the folders whose mtime moved; a
100,000-file tree in 1,000 folders costs 1,000 stats per poll, not 100,000.

A file written in place (same name) does not touch its folder's mtime: only a stat of the file shows
it. So files are stat-ed in three cases: in a folder listed anew; in a folder that is still "racy"
(it, or a file in it, changed less than `RACY_SECONDS` ago, so a change in the same clock tick as the
listing, or a copy still being written, is caught at the next poll); and in a full poll
(`poll(full=True)`), which stats every known file (a folder is listed only when its mtime moved or a
file of it is gone). The window runs a full poll once a minute, or less often when one takes over
0.6 s (at most 1% of the time, `ui/folder_watcher.py`), so an edit in place shows within a minute or
two, a new, removed or renamed file within a poll.

`known` is what the cache holds ((mtime, size) by path, `Library.file_states()`): a file is added when
it is not known, changed when its (mtime, size) differs. The detector assumes what it reports gets
imported and updates `known` itself, so the cache is read once, not at every poll; given as a function,
it is read by the first look, on the thread that looks (never the window's). Once the first poll is
over, every known file is in the snapshot with that same state, so `known` is dropped and the
snapshot's entries answer instead: a 100,000-file library is not held twice (about 24 MB).

`ChangeDetector.from_walk(roots, listings)` takes over the folders a rescan has just walked (the walk's
`Listing`s: each folder's mtime, its files and their stat, or the files the quick start-up walk took from
the cache, already packed) as its snapshot, and that snapshot as what
is known, so a watcher started after the start-up rescan begins with a poll of the folders alone,
not a second walk of every file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.library_sync.folder_files import FolderFiles
from reader.core.library_sync.walk import MAX_DEPTH, Entry, Folder, Listing, link_loop, list_folder

RACY_SECONDS = 2.0  # a folder or file changed this recently is listed again at the next poll

Stat = tuple[float, int]  # (mtime, size), as the cache stores them
Known = Mapping[str, Stat] | Callable[[], Mapping[str, Stat]]


@dataclass
class FolderChanges:
    """Files to import (`added`, `changed`: entries with the stat that found them, or problems) and
    paths whose files are gone (`removed`)."""

    added: list[Entry] = field(default_factory=list)
    changed: list[Entry] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def __len__(self) -> int:
        return len(self.added) + len(self.changed) + len(self.removed)

    def merge(self, later: FolderChanges) -> None:
        """Fold a later finding into this one (a file added then removed before its import is neither)."""
        gone = set(later.removed)
        fresh = {e.path for e in (*later.added, *later.changed)}
        never_imported = {e.path for e in self.added}  # its removal leaves nothing to forget
        self.added = [e for e in self.added if e.path not in gone and e.path not in fresh]
        self.changed = [e for e in self.changed if e.path not in gone and e.path not in fresh]
        self.removed = [p for p in self.removed if p not in fresh]
        self.removed += [p for p in later.removed if p not in never_imported and p not in self.removed]
        self.added += later.added
        self.changed += later.changed


@dataclass
class _Dir:
    mtime_ns: int  # -1: list again at the next poll (racy)
    ident: tuple[int, int]
    depth: int
    files: FolderFiles  # article files and problems directly in the folder (compact: held between polls)
    subdirs: set[str]


class ChangeDetector:
    """Snapshots of the folders under `roots`; `poll()` and `check(folders)` say what changed since.

    `known` None: the first poll takes the files on disk as known (the caller does not want them imported).

    Not thread-safe: one poll at a time (the window runs them one after another in a worker thread).
    `should_stop` is asked between folders; a stopped poll leaves the snapshot half-updated, so the
    detector is thrown away after one.
    """

    def __init__(self, roots: Iterable[str], known: Known | None, *,
                 should_stop: Callable[[], bool] | None = None) -> None:  # fmt: skip
        self.roots = [str(Path(r).resolve()) for r in roots]
        self._read_known = known if callable(known) else None  # read by the first look, on its thread
        self.known: dict[str, Stat] = {} if callable(known) else self._under_roots(known or {})
        self.adopting = known is None  # the first poll takes the files as they are and reports nothing
        self.snapshot_is_known = False  # True after the first poll: `known` is empty, the snapshot says
        self.unverified = False  # files taken from the cache, not stat-ed (a quick start-up rescan): poll fully soon
        self._listed: set[str] = set()  # folders listed in this poll
        self.dirs: dict[str, _Dir] = {}
        self.idents: dict[tuple[int, int], str] = {}  # which folder each listed (device, inode) is
        self.should_stop = should_stop or (lambda: False)
        self.stopped = False

    @classmethod
    def from_walk(cls, roots: Iterable[str], listings: Mapping[str, Listing], *,
                  should_stop: Callable[[], bool] | None = None) -> ChangeDetector:  # fmt: skip
        """The snapshot of folders a walk has just listed (`walk(root, listings)` for each root), with
        their files' stat as `known`: the cache holds exactly that once the walk's files are imported."""
        detector = cls(roots, {}, should_stop=should_stop)
        detector.snapshot_is_known = True  # the cache holds exactly the walk's readable files
        prefixes = tuple(r.rstrip(os.sep) + os.sep for r in detector.roots)
        for path, listing in listings.items():
            if path not in detector.roots and not path.startswith(prefixes):
                continue
            files = listing.cached  # a folder the quick start-up walk took from the cache: already packed
            if files is None:
                files = FolderFiles(path, listing.files.values())
            else:
                for loop in listing.files.values():  # only a link loop the walk found under it can be here
                    files.add_problem(loop)
            # the same rule as a listing here: a folder or file changed within RACY_SECONDS is listed again
            fresh = listing.listed_at - RACY_SECONDS
            racy = listing.mtime_ns / 1e9 > fresh or max(files.mtimes, default=fresh) > fresh
            d = _Dir(-1 if racy else listing.mtime_ns, listing.ident, listing.depth, files, set(listing.subdirs))
            detector.dirs[path] = d
            detector.idents[d.ident] = path
        return detector

    def folders(self) -> list[str]:
        """Every folder in the snapshot (what a file system watcher should watch)."""
        return list(self.dirs)

    def racy(self) -> list[str]:
        """Folders to list again at the next poll (changed too recently to trust their mtime)."""
        return [path for path, d in self.dirs.items() if d.mtime_ns < 0]

    def poll(self, *, full: bool = False) -> FolderChanges:
        """Stat every folder; list those whose mtime moved (all of them when `full`); report the changes.

        The first poll lists everything and also reports known files that are no longer there.
        """
        self._load_known()
        first = not self.dirs
        changes = FolderChanges()
        self._listed.clear()
        for root in self.roots:
            if root not in self.dirs:
                self._list(root, 0, changes)
        for path in list(self.dirs):
            if self._stop():
                break
            d = self.dirs.get(path)
            if d is None or path in self._listed:
                continue  # dropped with a parent meanwhile, or new (listed just now)
            moved = d.mtime_ns < 0 or _mtime_ns(path) != d.mtime_ns
            if moved or (full and not self._restat(d, changes)):
                self._list(path, d.depth, changes)
        if self.adopting:
            self.adopting = False
            self._retire_known()
            return FolderChanges()
        if (first or full) and not self.stopped:
            self._forget_unseen(changes)
            self._retire_known()
        return changes

    def _retire_known(self) -> None:
        """After a whole first look, `known` holds exactly the snapshot's readable files and their stats."""
        if not self.stopped:
            self.snapshot_is_known = True
            self.known = {}

    def check(self, folders: Iterable[str]) -> FolderChanges:
        """List just these folders (a file system watcher named them) and the racy ones."""
        self._load_known()
        changes = FolderChanges()
        for path in dict.fromkeys([*folders, *self.racy()]):
            if self._stop():
                break
            d = self.dirs.get(path)
            if d is not None:
                self._list(path, d.depth, changes)
            elif path in self.roots:
                self._list(path, 0, changes)
        return changes

    def _under_roots(self, known: Mapping[str, Stat]) -> dict[str, Stat]:
        prefixes = tuple(r.rstrip(os.sep) + os.sep for r in self.roots)
        return {p: s for p, s in known.items() if p.startswith(prefixes)}

    def _load_known(self) -> None:
        if self._read_known is not None:
            read, self._read_known = self._read_known, None
            self.known = self._under_roots(read())

    def _stop(self) -> bool:
        self.stopped = self.stopped or self.should_stop()
        return self.stopped

    def _list(self, path: str, depth: int, changes: FolderChanges) -> None:
        """List one folder, diff it with its snapshot, and list sub-folders that are new (recursively)."""
        old = self.dirs.get(path)
        try:
            st = os.stat(path)  # before the listing: an entry added meanwhile moves the mtime again
        except OSError:
            self._drop(path, changes)
            return
        if old is not None and old.ident != (st.st_dev, st.st_ino):  # replaced by another folder of that name
            self._drop(path, changes)
            old = None
        items = list_folder(path)
        files = {item.path: item for item in items if isinstance(item, Entry)}
        subdirs = {item.path: item for item in items if isinstance(item, Folder)}
        before = old.files.entries() if old is not None else {}
        now = time.time()
        racy = now - st.st_mtime < RACY_SECONDS
        for entry in files.values():
            racy = racy or (entry.ok and now - entry.mtime < RACY_SECONDS)
            self._compare(entry, before.get(entry.path), changes)
        for gone in before.keys() - files.keys():
            self._remove(gone, before[gone], changes)
        d = _Dir(-1 if racy else st.st_mtime_ns, (st.st_dev, st.st_ino), depth, FolderFiles(path, files.values()),
                 set())  # fmt: skip
        self.dirs[path] = d
        self._listed.add(path)
        self.idents[d.ident] = path
        for gone in (old.subdirs - subdirs.keys()) if old else ():
            self._drop(gone, changes)
        for sub in subdirs.values():
            if sub.path in self.dirs:
                d.subdirs.add(sub.path)
            elif self._is_ancestor(sub.ident, path):
                loop = link_loop(sub.path)
                d.files.add_problem(loop)  # remembered, so the problem is said once
                self._compare(loop, before.get(sub.path), changes)
            elif depth + 1 < MAX_DEPTH and not self._is_listed(sub.ident) and not self._stop():
                d.subdirs.add(sub.path)
                self._list(sub.path, depth + 1, changes)

    def _restat(self, d: _Dir, changes: FolderChanges) -> bool:
        """A full poll of a folder whose entries did not change: stat its known files (no listing, no
        sorting); False when one is gone after all (then the folder is listed)."""
        now = time.time()
        for i, path, mtime, size in list(d.files.stats()):
            try:
                st = os.stat(path)
            except OSError:
                return False
            if (st.st_mtime, st.st_size) != (mtime, size):
                d.files.set_stat(i, st.st_mtime, st.st_size)
                self._compare(Entry(path, mtime=st.st_mtime, size=st.st_size), Entry(path, mtime=mtime, size=size),
                              changes)  # fmt: skip
                if now - st.st_mtime < RACY_SECONDS:
                    d.mtime_ns = -1  # still being written: look again at the next poll
        return True

    def _compare(self, entry: Entry, before: Entry | None, changes: FolderChanges) -> None:
        if not entry.ok:
            if before is None or before.reason != entry.reason:  # a problem is said once, not at every poll
                changes.added.append(entry)
                self.known.pop(entry.path, None)
            return
        if self.snapshot_is_known:
            state = (before.mtime, before.size) if before is not None and before.ok else None
        else:
            state = self.known.get(entry.path)
        if state == (entry.mtime, entry.size):
            return
        (changes.added if state is None else changes.changed).append(entry)
        if not self.snapshot_is_known:
            self.known[entry.path] = (entry.mtime, entry.size)

    def _remove(self, path: str, before: Entry | None, changes: FolderChanges) -> None:
        """A file left the snapshot (`before`: its entry there): removed, if it was imported."""
        if self.snapshot_is_known:
            if before is not None and before.ok:
                changes.removed.append(path)
        elif self.known.pop(path, None) is not None:
            changes.removed.append(path)

    def _drop(self, path: str, changes: FolderChanges) -> None:
        """A folder is gone (or was replaced): its files and its sub-folders' leave the snapshot."""
        d = self.dirs.pop(path, None)
        if d is None:
            return
        if self.idents.get(d.ident) == path:
            del self.idents[d.ident]
        for file, entry in d.files.entries().items():
            self._remove(file, entry, changes)
        for sub in d.subdirs:
            self._drop(sub, changes)

    def _is_listed(self, ident: tuple[int, int]) -> bool:
        """A folder reached twice (two links to it) is watched once, as the walk reads it once."""
        return ident in self.idents

    def _is_ancestor(self, ident: tuple[int, int], path: str) -> bool:
        here = Path(path)
        for parent in (here, *here.parents):
            d = self.dirs.get(str(parent))
            if d is not None and d.ident == ident:
                return True
        return False

    def _forget_unseen(self, changes: FolderChanges) -> None:
        """Known files in no folder listed (their folder went away before the first look)."""
        if not self.known:  # after the first poll: the snapshot is what is known
            return
        present = {p for d in self.dirs.values() for p in d.files.paths()}
        for path in [p for p in self.known if p not in present]:
            self._remove(path, None, changes)


def _mtime_ns(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -2  # gone: listing it drops it
