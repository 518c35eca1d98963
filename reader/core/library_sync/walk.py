"""Walking a library folder: the article files in it, and the entries that cannot be imported and why.

Nothing here opens a file: special files (a FIFO would block a reader forever), dangling links,
link loops and unreadable folders are reported by what `stat` says, with advice a user can act on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass

from reader.core.formats import SUPPORTED_EXTENSIONS
from reader.core.store.library import shown_path

MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing found under a folder: an article file to import, or a problem (reason + advice)."""

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
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    dot = lower.rfind(".")
    return dot > 0 and lower[dot:] in SUPPORTED_EXTENSIONS


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


def walk(folder: str) -> Iterator[Entry]:
    """Entries under `folder` in a stable depth-first name order; hidden names and `*_files` skipped."""
    try:
        root_ident = _identity(os.stat(folder))
    except OSError as exc:
        yield _unreadable_folder(folder, exc)
        return
    seen = {root_ident}  # a folder reached twice (two links to it) is walked once
    yield from _walk(folder, [root_ident], seen)


def _walk(folder: str, ancestors: list[tuple[int, int]], seen: set[tuple[int, int]]) -> Iterator[Entry]:
    for item in list_folder(folder):
        if isinstance(item, Entry):
            yield item
        elif item.ident in ancestors:
            yield link_loop(item.path)
        elif item.ident not in seen and len(ancestors) < MAX_DEPTH:
            seen.add(item.ident)
            yield from _walk(item.path, [*ancestors, item.ident], seen)


@dataclass(frozen=True)
class Folder:
    """A sub-folder found in a listing, with its (device, inode) identity so loops and twins are seen."""

    path: str
    ident: tuple[int, int]


def list_folder(folder: str) -> list[Entry | Folder]:
    """One folder's own entries in name order: article files and problems as `Entry`, sub-folders as `Folder`.

    Hidden names and `*_files` folders (a saved page's images) are left out; an unreadable folder is
    one problem entry. The walk and the change detector (`changes.py`) share these rules.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        return [_unreadable_folder(folder, exc)]
    found: list[Entry | Folder] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            st = entry.stat()  # follows links
        except OSError as exc:
            found.append(_broken_link(entry.path, exc) if entry.is_symlink() else _unreadable(entry.path, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            if not entry.name.endswith(("_files", "-files")):
                found.append(Folder(entry.path, _identity(st)))
        elif is_article_name(entry.name):
            kind = "" if stat.S_ISREG(st.st_mode) else special_kind(st.st_mode)
            found.append(special_file(entry.path, kind) if kind else Entry(entry.path, mtime=st.st_mtime,
                                                                             size=st.st_size))  # fmt: skip
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
