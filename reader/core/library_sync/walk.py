"""Walking a library folder: the article files in it, and the entries that cannot be imported and why.

Nothing here opens a file: special files (a FIFO would block a reader forever), dangling links,
link loops and unreadable folders are reported by what `stat` says, with advice a user can act on.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from reader.core.formats import SUPPORTED_EXTENSIONS
from reader.core.store.library import shown_path

if TYPE_CHECKING:
    from reader.core.library_sync.folder_files import FolderFiles

MAX_DEPTH = 64
_NAME = attrgetter("name")
_S_ISREG, _S_ISDIR = stat.S_ISREG, stat.S_ISDIR


class Entry(NamedTuple):
    """One thing found under a folder: an article file to import, or a problem (reason + advice).

    A named tuple, not a class with a `__dict__`: a rescan makes one per file (100,000), and tuples of
    strings and numbers are quick to make, small, and left alone by the cyclic garbage collector, whose
    full passes would otherwise walk every one of them while holding the GIL (the window's thread waits).
    """

    path: str
    reason: str = ""
    advice: str = ""
    mtime: float = -1.0  # from the walk's own stat, so a rescan never stats a file twice
    size: int = -1

    @property
    def ok(self) -> bool:
        return not self.reason


def is_article_name(name: str) -> bool:
    """Whether a file name has an extension one of the formats reads (optionally gzipped)."""
    dot = name.rfind(".")  # the extension alone is lowered: this runs for every file at every rescan
    if dot <= 0:
        return False
    ext = name[dot:].lower()
    if ext == ".gz":
        dot = name.rfind(".", 0, dot)
        return dot > 0 and name[dot:-3].lower() in SUPPORTED_EXTENSIONS
    return ext in SUPPORTED_EXTENSIONS


def special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, in words ("" for those two)."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return ""


def special_file(path: str, kind: str) -> Entry:
    return Entry(path, f"This is {kind}, not a saved file; it was not opened.",
                 "Remove it from the library folder, or save the article it stands for as a file.")  # fmt: skip


@dataclass
class Listing:
    """One folder as a walk listed it: what the folder watcher's snapshot takes over
    (`ChangeDetector.from_walk`), so the watcher starts without a walk of its own."""

    mtime_ns: int  # the folder's mtime, stat-ed before it was listed
    ident: tuple[int, int]
    depth: int  # 0 for the folder walked
    listed_at: float  # time.time() just after the listing
    files: dict[str, Entry] = field(default_factory=dict)  # article files and problems in it, by path
    subdirs: list[str] = field(default_factory=list)  # its sub-folders the walk went into
    # set instead of `files` by the quick start-up walk: an unchanged folder's files as the cache holds them
    cached: FolderFiles | None = None


def walk(folder: str, listings: dict[str, Listing] | None = None) -> Iterator[Entry]:
    """Entries under `folder` in a stable depth-first name order; hidden names and `*_files` skipped.

    `listings` (when given) gets each folder walked, as it was listed.
    """
    try:
        st = os.stat(folder)
    except OSError as exc:
        yield _unreadable_folder(folder, exc)
        return
    root_ident = _identity(st)
    seen = {root_ident}  # a folder reached twice (two links to it) is walked once
    yield from walk_from(Folder(folder, root_ident, st.st_mtime_ns), [root_ident], seen, listings)


Lister = Callable[["Folder"], "list[Entry | Folder]"]  # a folder's entries and sub-folders, sorted by path


def _listed(folder: Folder) -> list[Entry | Folder]:
    return list_folder(folder.path)


def walk_from(folder: Folder, ancestors: list[tuple[int, int]], seen: set[tuple[int, int]],
              listings: dict[str, Listing] | None, lister: Lister = _listed) -> Iterator[Entry]:  # fmt: skip
    """The walk below `folder` (reached through `ancestors`; `seen`: folders already walked), each folder's
    entries from `lister` (a listing on disk, or the quick start's copy from the cache)."""
    items = lister(folder)
    own: Listing | None = None
    if listings is not None:
        own = listings[folder.path] = Listing(folder.mtime_ns, folder.ident, len(ancestors) - 1, time.time(),
                                              {i.path: i for i in items if isinstance(i, Entry)})  # fmt: skip
    for item in items:
        if isinstance(item, Entry):
            yield item
        elif item.ident in ancestors:
            loop = link_loop(item.path)
            if own is not None:
                own.files[loop.path] = loop
            yield loop
        elif item.ident not in seen and len(ancestors) < MAX_DEPTH:
            seen.add(item.ident)
            if own is not None:
                own.subdirs.append(item.path)
            yield from walk_from(item, [*ancestors, item.ident], seen, listings, lister)


@dataclass(frozen=True)
class Folder:
    """A sub-folder found in a listing, with its (device, inode) identity so loops and twins are seen."""

    path: str
    ident: tuple[int, int]
    mtime_ns: int = -1  # from the listing's stat, taken before the folder itself is listed


def list_folder(folder: str) -> list[Entry | Folder]:
    """One folder's own entries in name order: article files and problems as `Entry`, sub-folders as `Folder`.

    Hidden names and `*_files` folders (a saved page's images) are left out; an unreadable folder is
    one problem entry. The walk and the change detector (`changes.py`) share these rules.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=_NAME)
    except OSError as exc:
        return [_unreadable_folder(folder, exc)]
    found: list[Entry | Folder] = []
    append = found.append
    for entry in entries:  # once per file of the library at every rescan: kept lean
        name = entry.name
        if name[0] == ".":
            continue
        try:
            st = entry.stat()  # follows links
        except OSError as exc:
            append(_broken_link(entry.path, exc) if entry.is_symlink() else _unreadable(entry.path, exc))
            continue
        mode = st.st_mode
        if _S_ISREG(mode):
            if is_article_name(name):
                append(Entry(entry.path, "", "", st.st_mtime, st.st_size))
        elif _S_ISDIR(mode):
            if not name.endswith(("_files", "-files")):
                append(Folder(entry.path, (st.st_dev, st.st_ino), st.st_mtime_ns))
        elif is_article_name(name):
            append(special_file(entry.path, special_kind(mode)))
    return found


def link_loop(path: str) -> Entry:
    return Entry(path, "This link leads back to a folder that contains it (a link loop); it was not followed.",
                 "Remove the link or point it somewhere else.")  # fmt: skip


def _identity(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _unreadable_folder(path: str, exc: OSError) -> Entry:
    return Entry(path, f"This folder cannot be read ({exc.strerror or exc}); nothing in it was imported.",
                 "Check that you may open the folder (its permissions), or remove it from the library.")  # fmt: skip


def _unreadable(path: str, exc: OSError) -> Entry:
    return Entry(path, f"This cannot be read ({exc.strerror or exc}).", "Check its permissions.")


def _broken_link(path: str, exc: OSError) -> Entry:
    if exc.errno == errno.ELOOP:
        return Entry(path, "This link is part of a loop of links that never reaches a file.",
                     "Remove the link or point it at a real file.")  # fmt: skip
    try:
        target = shown_path(os.readlink(path))
    except OSError:
        target = "a place"
    return Entry(path, f"This link points to {target}, which does not exist (any more).",
                 "Remove the link, or put the file back where it points.")  # fmt: skip
