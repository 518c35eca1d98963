"""The start-up rescan's walk: only the folders that changed since the last complete look are listed.

A folder's mtime moves when an entry in it is added, removed or renamed, so a folder whose mtime and
(device, inode) are those stored at the last complete walk (`store.folder_states`) holds the files the
cache holds for it: they are taken from the cache's file states, with no listing and no stat per file.
Only each folder is stat-ed. A file written in place (same name) does not move its folder's mtime: the
folder watcher's first full poll, soon after the start, stats every file (`ui/folder_watcher.py`).

What cannot be trusted is listed as a full walk would list it: a folder not stored (new), one whose
stored mtime was within `RACY_SECONDS` of its listing (a change in the same clock tick would not move
it), one with a file changed in that window (a copy still being written), one holding a problem (its
reasons are told again as today), one whose sub-folder no longer stats as stored. `quick_roots` says
which roots can be walked so at all: none when no state is stored (the first start after the upgrade)
or when a state was stored in the future (the clock was set back).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from reader.core.library_sync.changes import RACY_SECONDS
from reader.core.library_sync.walk import Entry, Folder, Listing, list_folder, walk, walk_from
from reader.core.store.folder_states import FolderState

CLOCK_SLACK_S = 60.0  # a state stored further in the future than this: the clock was set back, trust none

Stat = tuple[float, int]


def quick_roots(roots: Iterable[str], states: Mapping[str, FolderState], now: float | None = None) -> set[str]:
    """The roots that can be walked quickly: stored, with no state from the future."""
    now = time.time() if now is None else now
    if any(s.looked_at > now + CLOCK_SLACK_S for s in states.values()):
        return set()
    return {root for root in roots if root in states}


@dataclass
class Known:
    """What the cache says: folder states, file states grouped by folder, and folders that hold problems."""

    states: Mapping[str, FolderState]
    files: dict[str, list[tuple[str, Stat]]]  # folder -> its readable files' (path, (mtime, size))
    children: dict[str, list[str]]  # folder -> its stored sub-folders
    untrusted: set[str]

    @classmethod
    def build(cls, states: Mapping[str, FolderState], file_states: Mapping[str, Stat],
              problems: Iterable[str]) -> Known:  # fmt: skip
        files: dict[str, list[tuple[str, Stat]]] = {}
        for path, stat in file_states.items():
            files.setdefault(path.rpartition(os.sep)[0], []).append((path, stat))
        children: dict[str, list[str]] = {}
        for path in states:
            children.setdefault(path.rpartition(os.sep)[0], []).append(path)
        untrusted: set[str] = set()
        for path in problems:  # an unreadable folder is a problem at its own path
            untrusted.update((path, path.rpartition(os.sep)[0]))
        return cls(states, files, children, untrusted)


def quick_walk(root: str, known: Known, listings: dict[str, Listing]) -> Iterator[Entry]:
    """What `walk(root, listings)` yields, listing only the folders `known` cannot vouch for."""
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


def _from_cache(folder: Folder, known: Known) -> list[Entry | Folder] | None:
    """The folder's entries as the cache knows them, or None when it must be listed."""
    state = known.states.get(folder.path)
    if (state is None or folder.path in known.untrusted or state.mtime_ns != folder.mtime_ns
            or (state.dev, state.ino) != folder.ident or state.mtime_ns / 1e9 > state.looked_at - RACY_SECONDS):
        return None
    files = known.files.get(folder.path, ())
    fresh = state.looked_at - RACY_SECONDS
    if any(m > fresh for _p, (m, _s) in files):  # a file still being written when listed: its end moves no mtime
        return None
    items: list[Entry | Folder] = [Entry(p, "", "", m, s) for p, (m, s) in files]
    for sub in known.children.get(folder.path, ()):
        try:
            st = os.stat(sub)  # follows links, as the listing's stat does
        except OSError:
            return None  # a linked folder gone: list the parent, whose listing says so
        items.append(Folder(sub, (st.st_dev, st.st_ino), st.st_mtime_ns))
    items.sort(key=lambda i: i.path)
    return items
