"""The start-up rescan's walk: only the folders that changed since the last complete look are listed.

A folder's mtime moves when an entry in it is added, removed or renamed, so a folder whose mtime and
(device, inode) are those stored at the last complete walk (`store.folder_states`) holds the files the
cache holds for it: they are taken from the cache's file states, with no listing and no stat per file.
Only each folder is stat-ed. A file written in place (same name) does not move its folder's mtime: the
folder watcher's first full poll, soon after the start, stats every file (`ui/folder_watcher.py`).

Such a folder's files never become Python objects one by one: the cache's rows are read one at a time
straight into each folder's packed form (`FolderFiles`: a string of names, two arrays of stats), which
the folder watcher's snapshot keeps as it is. The scan neither compares them (they are the cache's own
states) nor looks for removed files among them (they are all there). A 100,000-file start so makes no
100,000 entries, dicts or sets while the window's thread waits for the GIL, and leaves nothing behind
for the garbage collector's full passes to walk (each holds the GIL, so the window, for its duration).

What cannot be trusted is listed as a full walk would list it: a folder not stored (new), one whose
stored mtime was within `RACY_SECONDS` of its listing (a change in the same clock tick would not move
it), one with a file changed in that window (a copy still being written), one holding a problem (its
reasons are told again as today), one whose sub-folder no longer stats as stored. `quick_roots` says
which roots can be walked so at all: none when no state is stored (the first start after the upgrade)
or when a state was stored in the future (the clock was set back).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from reader.core.library_sync.changes import RACY_SECONDS
from reader.core.library_sync.folder_files import FolderFiles
from reader.core.library_sync.walk import Entry, Folder, Listing, list_folder, walk, walk_from
from reader.core.store.folder_states import FolderState

CLOCK_SLACK_S = 60.0  # a state stored further in the future than this: the clock was set back, trust none
# SQLite lets go of the GIL for every row and this thread takes it back within microseconds, before the window's
# thread, woken, can: the window would wait for the whole read. A pause this long every this many rows (a few
# ms of reading) hands it over for sure.
YIELD_ROWS = 2000
YIELD_S = 0.0005
_ENCODING, _ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()  # as store.path_from_key

Stat = tuple[float, int]


def quick_roots(roots: Iterable[str], states: Mapping[str, FolderState], now: float | None = None) -> set[str]:
    """The roots that can be walked quickly: stored, with no state from the future."""
    now = time.time() if now is None else now
    if any(s.looked_at > now + CLOCK_SLACK_S for s in states.values()):
        return set()
    return {root for root in roots if root in states}


class _Rows:
    """One folder's readable files while the cache's rows are read (the parts of a `FolderFiles`)."""

    __slots__ = ("chunks", "mtimes", "names", "sizes")

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.names: list[str] = []
        self.mtimes = array("d")
        self.sizes = array("q")


@dataclass
class Known:
    """What the cache says: folder states, each folder's readable files (packed), problems, and which
    folders the walk took from it (`trusted`)."""

    states: Mapping[str, FolderState]
    folders: dict[str, FolderFiles]  # folder -> its readable files as the cache holds them
    problems: dict[str, Stat]  # paths the cache holds as problems (not imported)
    children: dict[str, list[str]]  # folder -> its stored sub-folders
    untrusted: set[str]
    trusted: dict[str, FolderFiles] = field(default_factory=dict)  # folders whose files came from here

    @classmethod
    def read(cls, db: sqlite3.Connection, states: Mapping[str, FolderState]) -> Known:
        """Every file state of the cache, grouped by folder as it is read, one row at a time (each row's tuple
        is freed before the next, so none piles up for the GC), pausing now and then for the window's thread."""
        rows: dict[str, _Rows] = {}
        problems: dict[str, Stat] = {}
        enc, err, sep = _ENCODING, _ERRORS, os.sep
        for n, (key, mtime, size, ok) in enumerate(db.execute("SELECT path, mtime, size, ok FROM files"), 1):
            if not n % YIELD_ROWS:
                time.sleep(YIELD_S)
            path = key.decode(enc, err)
            if not ok:
                problems[path] = (mtime, size)
                continue
            folder, _, name = path.rpartition(sep)
            group = rows.get(folder)
            if group is None:
                group = rows[folder] = _Rows()
            pending = group.names
            pending.append(name)
            if len(pending) == 64:  # joined as they come (FolderFiles' "\0"): 100,000 name strings alive at
                group.chunks.append("\0".join(pending))  # once left 7 MB of part-used arenas behind
                pending.clear()
            group.mtimes.append(mtime)
            group.sizes.append(size)
        folders = {folder: FolderFiles.packed(folder, [*g.chunks, *g.names] if g.names else g.chunks, g.mtimes, g.sizes)
                   for folder, g in rows.items()}
        children: dict[str, list[str]] = {}
        for path in states:
            children.setdefault(path.rpartition(sep)[0], []).append(path)
        untrusted: set[str] = set()
        for path in problems:  # an unreadable folder is a problem at its own path
            untrusted.update((path, path.rpartition(sep)[0]))
        return cls(states, folders, problems, children, untrusted)

    def unchanged(self) -> int:
        """Files taken from the cache by the walk: unchanged, as far as their folders tell."""
        return sum(len(files) for files in self.trusted.values())

    def states_to_check(self) -> dict[str, Stat]:
        """The file states the walk's entries are compared with: those of every folder listed or not reached
        (its files may be changed or gone) and the problems; never those of a folder taken from the cache."""
        found = dict(self.problems)
        for folder, files in self.folders.items():
            if folder not in self.trusted:
                found.update((path, (mtime, size)) for _i, path, mtime, size in files.stats())
        return found


def quick_walk(root: str, known: Known, listings: dict[str, Listing]) -> Iterator[Entry]:
    """What `walk(root, listings)` yields, listing only the folders `known` cannot vouch for; the files of
    those it vouches for are not yielded: they wait, packed, in their `Listing.cached`."""
    try:
        st = os.stat(root)
    except OSError:
        yield from walk(root, listings)  # the same problem entry as a full walk
        return
    ident = (st.st_dev, st.st_ino)

    def lister(folder: Folder) -> list[Entry | Folder]:
        items = _from_cache(folder, known)
        return list_folder(folder.path) if items is None else items

    yield from walk_from(Folder(root, ident, st.st_mtime_ns), [ident], {ident}, listings, lister)
    for path, files in known.trusted.items():
        listing = listings.get(path)
        if listing is not None:
            listing.cached = files


def _from_cache(folder: Folder, known: Known) -> list[Entry | Folder] | None:
    """The folder's sub-folders as the cache knows them (its files taken as they are), or None when it must
    be listed."""
    state = known.states.get(folder.path)
    if (state is None or folder.path in known.untrusted or state.mtime_ns != folder.mtime_ns
            or (state.dev, state.ino) != folder.ident or state.mtime_ns / 1e9 > state.looked_at - RACY_SECONDS):
        return None
    files = known.folders.get(folder.path) or FolderFiles(folder.path, ())
    if max(files.mtimes, default=0.0) > state.looked_at - RACY_SECONDS:
        return None  # a file still being written when listed: its end moves no mtime
    items: list[Entry | Folder] = []
    for sub in known.children.get(folder.path, ()):
        try:
            st = os.stat(sub)  # follows links, as the listing's stat does
        except OSError:
            return None  # a linked folder gone: list the parent, whose listing says so
        items.append(Folder(sub, (st.st_dev, st.st_ino), st.st_mtime_ns))
    items.sort(key=lambda i: i.path)
    known.trusted[folder.path] = files
    return items
