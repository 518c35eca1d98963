"""One folder's article files as the change detector keeps them between polls, in little memory.

The detector holds every library file for as long as the window runs: as an `Entry` with its own path
string, float and int that is about 260 bytes a file (26 MB at 100,000 files, the most of the window's
memory that grew with the library). Kept here, a readable file is its name inside one string per folder
(names joined by NUL, which no file name holds) and its (mtime, size) in two arrays: about 30 bytes.
Entries are made again only for the folder being compared, and dropped after. The quick start-up rescan
packs a folder's files straight from the cache's rows (`FolderFiles.packed`), with no entry at all.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable, Iterator

from reader.core.library_sync.walk import Entry

_SEP = "\0"


class FolderFiles:
    """The readable article files directly in `folder` (names and stats) and its problem entries."""

    __slots__ = ("folder", "mtimes", "names", "problems", "sizes")

    def __init__(self, folder: str, entries: Iterable[Entry]) -> None:
        self.folder = folder
        readable = []
        self.problems: dict[str, Entry] | None = None  # rare: None rather than an empty dict per folder
        for entry in entries:
            if entry.ok:
                readable.append(entry)
            else:
                self.add_problem(entry)
        self.names = _SEP.join(os.path.basename(e.path) for e in readable)
        self.mtimes = array("d", [e.mtime for e in readable])
        self.sizes = array("q", [e.size for e in readable])

    @classmethod
    def packed(cls, folder: str, names: list[str], mtimes: array[float], sizes: array[int]) -> FolderFiles:
        """Readable files already in this form (names inside `folder`, stats in the same order): no `Entry`."""
        files = cls(folder, ())
        files.names = _SEP.join(names)
        files.mtimes, files.sizes = mtimes, sizes
        return files

    def __len__(self) -> int:
        """How many readable files (problems not counted)."""
        return len(self.mtimes)

    def add_problem(self, entry: Entry) -> None:
        """Remember a problem (a link loop found under the folder), so it is said once."""
        if self.problems is None:
            self.problems = {}
        self.problems[entry.path] = entry

    def stats(self) -> Iterator[tuple[int, str, float, int]]:
        """(index, path, mtime, size) of each readable file, in listing order."""
        prefix = self.folder if self.folder.endswith(os.sep) else self.folder + os.sep
        names = self.names.split(_SEP) if self.names else []
        for i, name in enumerate(names):
            yield i, prefix + name, self.mtimes[i], self.sizes[i]

    def set_stat(self, index: int, mtime: float, size: int) -> None:
        self.mtimes[index] = mtime
        self.sizes[index] = size

    def entries(self) -> dict[str, Entry]:
        """Every file and problem as an entry, by path (made for one comparison, not kept)."""
        found = {path: Entry(path, mtime=mtime, size=size) for _i, path, mtime, size in self.stats()}
        if self.problems:
            found.update(self.problems)
        return found

    def paths(self) -> Iterator[str]:
        yield from (path for _i, path, _m, _s in self.stats())
        yield from self.problems or ()
