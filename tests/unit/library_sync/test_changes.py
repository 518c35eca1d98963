"""The change detector: what a poll finds (added, changed, removed), which folders it lists to find it, and
`LibrarySync.apply` importing just those files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync, changes
from reader.core.library_sync.changes import ChangeDetector, FolderChanges
from reader.core.library_sync.walk import Entry
from reader.core.store.library import Library
from tests.library_files import NEWS, count_listings, settle, settle_tree, write, write_tree


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """news/{a.txt, b.md, 2024/c.txt, 2024/may/d.txt}, all settled."""
    root = write_tree(tmp_path / "news", NEWS)
    settle_tree(root)
    return root


def state(path: Path) -> tuple[float, int]:
    st = path.stat()
    return (st.st_mtime, st.st_size)


def known_of(root: Path) -> dict[str, tuple[float, int]]:
    """What a cache that imported the whole tree holds."""
    return {str(p): state(p) for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def listings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders the detector lists, in order."""
    return count_listings(monkeypatch, changes)


def paths(entries: list[Entry]) -> list[str]:
    return sorted(e.path for e in entries)


def test_first_poll_over_an_imported_tree_finds_nothing_and_lists_every_folder(tree: Path, listings: list[str]) -> None:
    detector = ChangeDetector([str(tree)], known_of(tree))
    assert not detector.poll()
    assert sorted(listings) == sorted([str(tree), str(tree / "2024"), str(tree / "2024" / "may")])
    assert sorted(detector.folders()) == sorted(listings)
    listings.clear()
    assert not ChangeDetector([str(tree)], known_of(tree)).poll(full=True)  # the window's first look
    assert len(listings) == 3  # each folder once


def test_first_poll_with_an_empty_cache_adds_every_file(tree: Path) -> None:
    found = ChangeDetector([str(tree)], {}).poll()
    assert paths(found.added) == sorted(str(p) for p in tree.rglob("*") if p.is_file())
    assert not found.changed and not found.removed


def test_an_unchanged_tree_is_polled_without_listing_a_folder(tree: Path, listings: list[str]) -> None:
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    listings.clear()
    assert not detector.poll()
    assert listings == []


def test_a_new_file_is_added_and_only_its_folder_is_listed(tree: Path, listings: list[str]) -> None:
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    listings.clear()
    new = write(tree / "2024" / "e.txt", "Bridge reopens")
    settle(new, tree / "2024")
    found = detector.poll()
    assert paths(found.added) == [str(new)]
    assert found.added[0].size == new.stat().st_size
    assert listings == [str(tree / "2024")]
    assert not detector.poll()  # reported once: the detector counts it as imported


def test_a_removed_file_and_a_removed_folder_are_reported(tree: Path) -> None:
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    (tree / "a.txt").unlink()
    (tree / "2024" / "may" / "d.txt").unlink()
    (tree / "2024" / "may").rmdir()
    settle(tree, tree / "2024")
    found = detector.poll()
    assert sorted(found.removed) == sorted([str(tree / "a.txt"), str(tree / "2024" / "may" / "d.txt")])
    assert str(tree / "2024" / "may") not in detector.folders()


def test_a_new_sub_folder_is_listed_with_its_files(tree: Path) -> None:
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    new = write(tree / "2025" / "jan" / "f.txt", "Snow in January")
    settle_tree(tree)
    found = detector.poll()
    assert paths(found.added) == [str(new)]
    assert str(tree / "2025" / "jan") in detector.folders()


def test_a_rename_is_a_removal_and_an_addition(tree: Path) -> None:
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    (tree / "a.txt").rename(tree / "2024" / "a.txt")
    settle(tree, tree / "2024")
    found = detector.poll()
    assert found.removed == [str(tree / "a.txt")]
    assert paths(found.added) == [str(tree / "2024" / "a.txt")]


def test_an_edit_in_place_shows_only_in_a_full_poll(tree: Path, listings: list[str]) -> None:
    """The folder's mtime does not move when a file is rewritten under its name: only a full poll stats it,
    file by file, without listing a folder whose entries did not change."""
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    write(tree / "b.md", "# Budget fails after all")
    settle(tree / "b.md")
    assert not detector.poll()
    listings.clear()
    found = detector.poll(full=True)
    assert paths(found.changed) == [str(tree / "b.md")]
    assert listings == []


def test_a_folder_changed_just_now_is_listed_again_at_the_next_poll(tree: Path, listings: list[str]) -> None:
    """A change in the same clock tick as the listing would not move the mtime again: racy folders are re-listed."""
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    write(tree / "g.txt", "Fresh copy")  # now: racy
    detector.poll()
    assert detector.racy() == [str(tree)]
    write(tree / "g.txt", "Fresh copy, now complete", "Its second paragraph arrived after the first look.")
    listings.clear()
    found = detector.poll()
    assert listings == [str(tree)]
    assert paths(found.changed) == [str(tree / "g.txt")]


def test_check_lists_only_the_named_folders(tree: Path, listings: list[str]) -> None:
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    listings.clear()
    new = write(tree / "2024" / "may" / "h.txt", "Port strike")
    settle(new, tree / "2024" / "may")
    found = detector.check([str(tree / "2024" / "may")])
    assert paths(found.added) == [str(new)]
    assert listings == [str(tree / "2024" / "may")]


def test_known_files_missing_at_the_first_poll_are_removed(tree: Path) -> None:
    known = {**known_of(tree), str(tree / "gone" / "x.txt"): (1.0, 10)}
    found = ChangeDetector([str(tree)], known).poll()
    assert found.removed == [str(tree / "gone" / "x.txt")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_a_problem_said_once(tree: Path) -> None:
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    os.mkfifo(tree / "pipe.txt")
    settle(tree)
    found = detector.poll()
    assert [e.reason.split(",")[0] for e in found.added] == ["This is a named pipe (FIFO)"]
    settle(tree)  # the folder's mtime moves again: listed, but the same problem is not reported twice
    assert not detector.poll()


def test_merge_drops_a_file_added_then_removed_before_its_import() -> None:
    first = FolderChanges(added=[Entry("/n/a.txt", mtime=1.0, size=5)], removed=["/n/old.txt"])
    first.merge(FolderChanges(added=[Entry("/n/b.txt", mtime=2.0, size=6)], removed=["/n/a.txt"]))
    assert [e.path for e in first.added] == ["/n/b.txt"]
    assert first.removed == ["/n/old.txt"]


def test_apply_imports_the_changes_and_forgets_removed_files(tree: Path, tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    sync = LibrarySync(lib, workers=0, tag=False)
    sync.scan([tree])
    detector = ChangeDetector([str(tree)], lib.file_states())
    detector.poll()
    new = write(tree / "2024" / "e.txt", "Bridge reopens")
    (tree / "a.txt").unlink()
    settle(new, tree / "2024", tree)
    result = sync.apply(detector.poll())
    assert (result.added, result.removed, result.updated) == (1, 1, 0)
    titles = sorted(row.title for row in lib.rows(lib.all_ids()).values())
    assert titles == ["Bridge reopens", "Budget passes", "Ferry strike ends", "Rain in May"]
    again = sync.apply(FolderChanges(added=[Entry(str(new), mtime=new.stat().st_mtime, size=new.stat().st_size)]))
    assert (again.added, again.unchanged) == (0, 1)  # already in the cache: not read again
    lib.close()


def test_without_known_states_the_first_poll_adopts_the_files_and_later_ones_report(tree: Path) -> None:
    """After a cancelled import the window watches without importing what is already there."""
    detector = ChangeDetector([str(tree)], None)
    assert not detector.poll()
    new = write(tree / "later.txt", "Written after the first look")
    settle(new, tree)
    assert paths(detector.poll().added) == [str(new)]


def test_a_link_loop_is_a_problem_said_once(tree: Path) -> None:
    detector = ChangeDetector([str(tree)], known_of(tree))
    detector.poll()
    (tree / "2024" / "back").symlink_to(tree, target_is_directory=True)
    settle(tree / "2024")
    found = detector.poll()
    assert [(e.path, e.reason.split(";")[0]) for e in found.added] == [
        (str(tree / "2024" / "back"), "This link leads back to a folder that contains it (a link loop)")]
    settle(tree / "2024")
    assert not detector.poll()
