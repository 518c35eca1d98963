"""Entries in a library folder that cannot be imported are listed as problems; a FIFO is never opened."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync, ScanResult
from reader.core.library_sync.walk import walk
from reader.core.store.library import Library, Problem


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "news"
    (f / "sub").mkdir(parents=True)
    (f / "a.txt").write_text("Harbour strike ends\n\nDockers went back to work.\n", encoding="utf-8")
    (f / "sub" / "b.txt").write_text("Budget vote delayed\n\nThe council waits.\n", encoding="utf-8")
    return f


def scan(tmp_path: Path, folder: Path) -> tuple[Library, ScanResult]:
    """Scan in a thread, so a scan that blocks (on a FIFO) fails the test instead of hanging the suite."""
    lib = Library(tmp_path / "cache.sqlite3")
    out: list[ScanResult] = []
    worker = threading.Thread(target=lambda: out.append(LibrarySync(lib).scan([folder])), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "the scan blocked"
    return lib, out[0]


def problems(lib: Library) -> dict[str, Problem]:
    return {Path(p.path).name: p for p in lib.problems()}


def titles(lib: Library) -> set[str]:
    return {r.title for r in lib.rows(lib.all_ids()).values()}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_listed_and_never_opened(tmp_path: Path, folder: Path) -> None:
    os.mkfifo(folder / "feed.xml")
    lib, result = scan(tmp_path, folder)
    assert titles(lib) == {"Harbour strike ends", "Budget vote delayed"}
    assert result.failed == 1
    feed = problems(lib)["feed.xml"]
    assert feed.reason == "This is a named pipe (FIFO), not a saved file; it was not opened."
    assert "Remove it from the library folder" in feed.advice
    assert LibrarySync(lib).import_file(folder / "feed.xml") == []  # named on the command line: not opened either

    (folder / "feed.xml").unlink()  # once it is gone, so is the problem
    LibrarySync(lib).scan([folder])
    assert lib.problems() == []


def test_a_dangling_link_is_listed_with_where_it_points(tmp_path: Path, folder: Path) -> None:
    os.symlink("moved-away.html", folder / "old.html")
    lib, _ = scan(tmp_path, folder)
    link = problems(lib)["old.html"]
    assert link.reason == "This link points to moved-away.html, which does not exist (any more)."
    assert link.advice == "Remove the link, or put the file back where it points."
    assert titles(lib) == {"Harbour strike ends", "Budget vote delayed"}


def test_link_loops_are_listed_and_not_followed(tmp_path: Path, folder: Path) -> None:
    os.symlink(folder, folder / "sub" / "back")  # a folder link to its own ancestor
    os.symlink("y.txt", folder / "x.txt")  # two file links pointing at each other
    os.symlink("x.txt", folder / "y.txt")
    lib, _ = scan(tmp_path, folder)
    found = problems(lib)
    assert set(found) == {"back", "x.txt", "y.txt"}
    assert "a link loop" in found["back"].reason
    assert found["x.txt"].reason == "This link is part of a loop of links that never reaches a file."
    assert titles(lib) == {"Harbour strike ends", "Budget vote delayed"}
    assert lib.count() == 2


def test_an_unreadable_folder_is_listed_and_the_rest_imported(tmp_path: Path, folder: Path, monkeypatch) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text("Hidden away\n\nText.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # chmod 000 does not stop root (the test may run as root): refuse like the OS would
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    lib, result = scan(tmp_path, folder)
    [problem] = lib.problems()
    assert problem.path == str(locked.resolve())
    assert problem.reason == "This folder cannot be read (Permission denied); nothing in it was imported."
    assert "permissions" in problem.advice
    assert titles(lib) == {"Harbour strike ends", "Budget vote delayed"} and result.failed == 1


def test_the_walk_skips_hidden_names_and_saved_page_assets(folder: Path) -> None:
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    (folder / "page_files").mkdir()
    (folder / "page_files" / "inner.html").write_text("<p>x</p>", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    assert [Path(e.path).relative_to(folder).as_posix() for e in walk(str(folder))] == ["a.txt", "sub/b.txt"]
