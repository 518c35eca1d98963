"""Whether a window holds a profile, as the headless import asks before it writes a first import without the
indexes the window's queries name: a live window's lock says yes, no lock or a crashed window's stale one says no."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.commands import import_cmd
from reader.core.library_sync import LibrarySync
from reader.paths import Paths, resolve_paths

DEAD_PID = 2**22 + 12345  # above Linux's pid_max: no such process


def lock_naming(paths: Paths, pid: int | str) -> None:
    paths.window_lock.write_text(f"{pid}\nnews-reader\nhost\n", encoding="utf-8")  # as QLockFile writes it


def test_no_lock_means_no_window(tmp_path: Path) -> None:
    assert not resolve_paths(tmp_path).ensure().window_open()


@pytest.mark.skipif(os.name != "posix", reason="elsewhere any lock is taken as a window")
def test_a_lock_naming_a_live_process_is_a_window_and_a_dead_ones_is_not(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    lock_naming(paths, os.getpid())
    assert paths.window_open()
    lock_naming(paths, DEAD_PID)
    assert not paths.window_open()


def test_a_lock_that_cannot_be_read_as_a_process_is_taken_as_a_window(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    lock_naming(paths, "not-a-pid")
    assert paths.window_open()  # keeping the indexes is only slower; leaving a window without them breaks it


@pytest.mark.parametrize(("owner", "alone"), [(os.getpid(), False), (DEAD_PID, True), (None, True)])
def test_the_import_command_writes_alone_only_when_no_window_holds_the_profile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, owner: int | None, alone: bool) -> None:  # fmt: skip
    seen: list[bool] = []

    class Spy(LibrarySync):
        def __init__(self, *args: object, **kwargs: object) -> None:
            seen.append(bool(kwargs.get("alone")))
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(import_cmd, "LibrarySync", Spy)
    paths = resolve_paths(tmp_path / "data").ensure()
    if owner is not None:
        lock_naming(paths, owner)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "pier.txt").write_text("Westport rebuilds its pier\n\nThe council said so on Monday.\n", encoding="utf-8")

    assert main(["--data-dir", str(tmp_path / "data"), "import", "--workers", "0", str(folder)]) == 0
    assert seen == [alone]
