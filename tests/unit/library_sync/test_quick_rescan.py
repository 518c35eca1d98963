"""The start-up rescan (`sync(quick=True)`): with the folder states of the last complete walk stored, only
folders that moved are listed and no file is stat-ed; new, removed and renamed files are still found; an edit
in place is found by the watcher's first full poll and by F5; whatever cannot be trusted is walked in full."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from reader.core.library_sync import Entry, LibrarySync
from reader.core.store.folder_states import read_folder_states
from reader.core.store.library import Library
from tests.library_files import count_listings, settle, settle_tree, write, write_tree


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = write_tree(tmp_path / "news", {"a.txt": "Harbour opens", "2024/b.txt": "Rain in May",
                                          "2024/may/c.txt": "Ferry strike ends", "2025/d.txt": "Budget passes"})
    settle_tree(root)
    return root


@pytest.fixture
def lib(tmp_path: Path, tree: Path) -> Library:
    """A cache after a complete scan of `tree` (so its folder states are stored)."""
    library = Library(tmp_path / "library.db")
    LibrarySync(library, workers=0, tag=False).sync([str(tree)], [])
    yield library
    library.close()


@pytest.fixture
def listed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders the rescan lists (a full walk's and a quick walk's listings)."""
    # (the package's `walk` is the function: the modules by name)
    modules = [importlib.import_module(f"reader.core.library_sync.{name}") for name in ("walk", "quick_walk")]
    return count_listings(monkeypatch, *modules)


def titles(lib: Library) -> list[str]:
    return sorted(a.title for a in (lib.article(i) for i in lib.all_ids()) if a is not None)


def quick(lib: Library, tree: Path):  # type: ignore[no-untyped-def]
    sync = LibrarySync(lib, workers=0, tag=False)
    return sync, sync.sync([str(tree)], [], snapshot=True, quick=True)


def test_an_unchanged_library_is_rescanned_without_listing_a_folder_or_statting_a_file(
        lib: Library, tree: Path, listed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    statted: list[str] = []
    real = os.stat

    def spy(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        statted.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", spy)
    _sync, result = quick(lib, tree)
    assert result is not None and (result.seen, result.unchanged, result.imported) == (4, 4, 0)
    assert listed == []
    assert not [p for p in statted if p.endswith(".txt")]  # the folders alone
    assert titles(lib) == ["Budget passes", "Ferry strike ends", "Harbour opens", "Rain in May"]


def test_files_added_removed_and_renamed_while_closed_are_found_at_start(lib: Library, tree: Path,
                                                                         listed: list[str]) -> None:  # fmt: skip
    write(tree / "2024" / "may" / "e.txt", "Night ferry returns")
    (tree / "2025" / "d.txt").unlink()
    (tree / "2024" / "b.txt").rename(tree / "2024" / "b2.txt")
    _sync, result = quick(lib, tree)
    assert result is not None and (result.added, result.removed, result.unchanged) == (2, 2, 2)
    assert sorted(listed) == sorted(str(tree / p) for p in ("2024", "2024/may", "2025"))  # the moved ones only
    assert titles(lib) == ["Ferry strike ends", "Harbour opens", "Night ferry returns", "Rain in May"]
    assert lib.ids_at(str(tree / "2024" / "b2.txt")) and not lib.ids_at(str(tree / "2024" / "b.txt"))


def test_an_edit_in_place_while_closed_is_found_by_the_watchers_first_full_poll(lib: Library, tree: Path) -> None:
    edited = write(tree / "2024" / "b.txt", "Rain in May, and floods")
    settle(edited)  # same name: the folder's mtime does not move
    sync, result = quick(lib, tree)
    assert result is not None and result.unchanged == 4
    assert sync.snapshot is not None and sync.snapshot.unverified
    assert not sync.snapshot.poll()  # a poll of the folders alone cannot see it
    changes = sync.snapshot.poll(full=True)
    assert [e.path for e in changes.changed] == [str(edited)] and not changes.added and not changes.removed
    LibrarySync(lib, workers=0, tag=False).apply(changes)
    assert "Rain in May, and floods" in titles(lib) and "Rain in May" not in titles(lib)


def test_f5_finds_an_edit_in_place_at_once(lib: Library, tree: Path) -> None:
    edited = write(tree / "2024" / "b.txt", "Rain in May, and floods")
    settle(edited)
    _sync, at_start = quick(lib, tree)
    assert at_start is not None and at_start.unchanged == 4 and "Rain in May" in titles(lib)
    result = LibrarySync(lib, workers=0, tag=False).sync([str(tree)], [], snapshot=True)  # F5: not quick
    assert result is not None and result.updated == 1
    assert "Rain in May, and floods" in titles(lib)


def test_without_stored_folder_states_the_start_walks_everything(lib: Library, tree: Path,
                                                                 listed: list[str]) -> None:  # fmt: skip
    with lib.db:
        lib.db.execute("DELETE FROM folders")  # as on the first start after the upgrade
    edited = write(tree / "2024" / "b.txt", "Rain in May, and floods")
    settle(edited)
    sync, result = quick(lib, tree)
    assert result is not None and result.updated == 1  # every file stat-ed
    assert len(listed) == 4 and sync.snapshot is not None and not sync.snapshot.unverified
    every = [str(tree), *(str(tree / p) for p in ("2024", "2024/may", "2025"))]
    assert sorted(read_folder_states(lib.db)) == sorted(every)  # stored again by this complete walk


def test_a_clock_set_back_walks_everything(lib: Library, tree: Path, listed: list[str]) -> None:
    with lib.db:
        lib.db.execute("UPDATE folders SET looked_at = looked_at + 86400")  # stored "tomorrow"
    _sync, result = quick(lib, tree)
    assert result is not None and result.unchanged == 4 and len(listed) == 4


def test_a_folder_stored_in_its_racy_window_is_listed(lib: Library, tree: Path, listed: list[str]) -> None:
    with lib.db:  # stored within a second of the folder's last change: a change in the same tick could hide
        lib.db.execute("UPDATE folders SET looked_at = mtime_ns / 1e9 + 1 WHERE path = ?",
                       (os.fsencode(tree / "2025"),))  # fmt: skip
    _sync, result = quick(lib, tree)
    assert result is not None and result.unchanged == 4 and listed == [str(tree / "2025")]


def test_a_stopped_scan_leaves_the_next_start_a_full_walk(lib: Library, tree: Path, listed: list[str]) -> None:
    write(tree / "2025" / "e.txt", "Night ferry returns")
    stopped = LibrarySync(lib, workers=0, tag=False).sync([str(tree)], [], should_stop=lambda: True, quick=True)
    assert stopped is None and read_folder_states(lib.db) == {}
    listed.clear()
    _sync, result = quick(lib, tree)
    assert result is not None and result.added == 1 and len(listed) == 4


def test_a_version_7_cache_is_upgraded_with_no_folder_states_and_keeps_its_files(tmp_path: Path, tree: Path) -> None:
    lib = Library(tmp_path / "old.db")
    LibrarySync(lib, workers=0, tag=False).sync([str(tree)], [])
    with lib.db:
        lib.db.execute("DROP TABLE folders")
    lib.db.execute("PRAGMA user_version = 7")
    lib.close()
    again = Library(tmp_path / "old.db")
    assert read_folder_states(again.db) == {} and len(again.file_states()) == 4
    again.close()


def test_a_folder_with_a_file_still_being_written_when_listed_is_listed(lib: Library, tree: Path,
                                                                        listed: list[str]) -> None:  # fmt: skip
    # the file's stored mtime a second before the folder was listed: a copy's end would move no folder mtime
    with lib.db:
        looked_at = lib.db.execute("SELECT looked_at FROM folders WHERE path = ?",
                                   (os.fsencode(tree / "2025"),)).fetchone()[0]  # fmt: skip
        lib.db.execute("UPDATE files SET mtime = ? WHERE path = ?",
                       (looked_at - 1, os.fsencode(tree / "2025" / "d.txt")))  # fmt: skip
    _sync, result = quick(lib, tree)
    assert result is not None and result.updated == 1 and listed == [str(tree / "2025")]


def test_a_folder_holding_a_problem_is_listed_again_and_the_problem_still_said(tmp_path: Path, tree: Path,
                                                                                listed: list[str]) -> None:  # fmt: skip
    (tree / "2025" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # a dangling link: a problem entry
    settle(tree / "2025")
    library = Library(tmp_path / "problems.db")
    LibrarySync(library, workers=0, tag=False).sync([str(tree)], [])
    listed.clear()
    _sync, result = quick(library, tree)
    assert result is not None and result.failed == 1 and listed == [str(tree / "2025")]
    assert [p.path.endswith("gone.txt") for p in library.problems()] == [True]
    library.close()


def test_an_unchanged_library_makes_no_entry_per_file_and_the_watcher_still_holds_every_file(
        lib: Library, tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    made: list[str] = []
    real_new = Entry.__new__

    def counting(cls, path, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(path)
        return real_new(cls, path, *args, **kwargs)

    monkeypatch.setattr(Entry, "__new__", counting)
    sync, result = quick(lib, tree)
    assert result is not None and (result.seen, result.unchanged) == (4, 4)
    assert made == []  # the cache's rows went straight into each folder's packed form
    monkeypatch.undo()
    assert sync.snapshot is not None
    held = sorted(p for d in sync.snapshot.dirs.values() for p in d.files.paths())
    assert held == sorted(str(tree / p) for p in ("a.txt", "2024/b.txt", "2024/may/c.txt", "2025/d.txt"))
    (tree / "2025" / "d.txt").unlink()  # and the snapshot still knows them as the cache's files
    assert sync.snapshot.poll().removed == [str(tree / "2025" / "d.txt")]


@pytest.mark.parametrize("count", [64, 130])
def test_a_large_folder_read_from_the_cache_keeps_every_name_beside_its_own_stat(tmp_path: Path, count: int) -> None:
    root = write_tree(tmp_path / "big", {f"{i:03d}-{'x' * (i % 7)}.txt": "Harbour news " * (i + 1)
                                         for i in range(count)})
    settle_tree(root)
    library = Library(tmp_path / "library.db")
    LibrarySync(library, workers=0, tag=False).sync([str(root)], [])
    sync, result = quick(library, root)
    assert result is not None and (result.seen, result.unchanged) == (count, count)
    assert sync.snapshot is not None
    held = {path: (size, mtime) for d in sync.snapshot.dirs.values() for _, path, mtime, size in d.files.stats()}
    on_disk = {str(p): (p.stat().st_size, p.stat().st_mtime) for p in root.iterdir()}
    assert held == on_disk
    library.close()
