"""The folder watcher's snapshot taken over from a rescan's walk (`ChangeDetector.from_walk`): the same as a
first look of its own, so polling it lists no folder until one changes, and it still finds what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync, changes
from reader.core.library_sync.changes import ChangeDetector
from reader.core.library_sync.walk import Listing, walk
from reader.core.store.library import Library
from tests.library_files import NEWS, count_listings, settle, settle_tree, write, write_tree


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = write_tree(tmp_path / "news", NEWS)
    (root / "2024" / "loop").symlink_to(root / "2024")  # a link loop: a problem the snapshot holds too
    settle_tree(root)
    return root


@pytest.fixture
def listed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders the detector lists itself."""
    return count_listings(monkeypatch, changes)


def walked(root: Path) -> ChangeDetector:
    listings: dict[str, Listing] = {}
    list(walk(str(root), listings))
    return ChangeDetector.from_walk([str(root)], listings)


def test_the_walks_snapshot_is_what_a_first_look_of_the_detectors_own_finds(tree: Path) -> None:
    taken = walked(tree)
    own = ChangeDetector([str(tree)], None)
    own.poll()  # adopting: lists every folder and takes the files as known
    assert sorted(taken.folders()) == sorted(own.folders()) == [str(tree), str(tree / "2024"),
                                                                  str(tree / "2024" / "may")]  # fmt: skip
    # after a first look the snapshot is what is known (each file held once): the same four files in both
    assert taken.snapshot_is_known and own.snapshot_is_known and taken.known == own.known == {}
    assert sum(len(list(d.files.stats())) for d in taken.dirs.values()) == 4
    for path, d in own.dirs.items():
        mine = taken.dirs[path]
        assert (mine.mtime_ns, mine.ident, mine.depth, mine.subdirs) == (d.mtime_ns, d.ident, d.depth, d.subdirs)
        assert mine.files.entries() == d.files.entries()  # the loop's problem included
    assert taken.idents == own.idents and taken.racy() == []


def test_polling_the_snapshot_lists_no_folder_yet_finds_a_file_added_after_the_walk(tree: Path,
                                                                                   listed: list[str]) -> None:
    detector = walked(tree)
    assert not detector.poll()
    assert listed == []  # no folder changed: none listed, no file stat-ed
    new = write(tree / "2024" / "may" / "e.txt", "Bridge reopens")
    settle(new, tree / "2024" / "may")
    found = detector.poll()
    assert [e.path for e in found.added] == [str(new)] and not found.changed and not found.removed
    assert listed == [str(tree / "2024" / "may")]


def test_the_snapshot_finds_an_edit_in_place_a_removal_and_a_rename(tree: Path) -> None:
    detector = walked(tree)
    write(tree / "a.txt", "Harbour opens at last, a day late")  # same name: its folder does not change
    (tree / "2024" / "c.txt").rename(tree / "2024" / "c2.txt")
    (tree / "b.md").unlink()
    settle(tree / "a.txt", tree / "2024" / "c2.txt", tree, tree / "2024")
    found = detector.poll(full=True)
    assert [e.path for e in found.changed] == [str(tree / "a.txt")]
    assert [e.path for e in found.added] == [str(tree / "2024" / "c2.txt")]
    assert sorted(found.removed) == sorted([str(tree / "b.md"), str(tree / "2024" / "c.txt")])


def test_a_folder_written_during_the_walk_is_listed_again_at_the_next_poll(tree: Path, listed: list[str]) -> None:
    write(tree / "2024" / "f.txt", "Written just now")  # this second: a change in the same tick may be unseen
    detector = walked(tree)
    assert detector.racy() == [str(tree / "2024")]
    detector.poll()
    assert listed == [str(tree / "2024")]


def test_a_rescan_leaves_the_snapshot_of_what_the_cache_now_holds(tree: Path, tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.db")
    sync = LibrarySync(lib, tag=False)
    assert sync.snapshot is None
    result = sync.scan([tree], snapshot=True)
    assert result.imported == 4 and result.failed == 1  # the link loop
    assert sync.snapshot is not None
    held = {path: (m, size) for d in sync.snapshot.dirs.values() for _i, path, m, size in d.files.stats()}
    assert held == {p: s for p, s in lib.file_states().items() if s != (0, 0)}  # problems: (0, 0)
    assert sync.scan([tree]).unchanged == 4 and sync.snapshot is None  # only when asked
    lib.close()
