"""Settings writes: atomic, one temp file per write, and never an exception (full disk, read-only folder)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from reader.settings import Settings


def _no_full_disk(*args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    assert settings.set("theme", "dark") is True
    monkeypatch.setattr(os, "replace", _no_full_disk)
    assert settings.set("theme", "light") is False
    assert "could not be saved" in settings.write_error and "No space left" in settings.write_error
    assert settings.get("theme") == "light"  # still holds for this session
    assert json.loads(path.read_text(encoding="utf-8"))["theme"] == "dark"  # the old file is intact
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left behind
    monkeypatch.undo()
    assert settings.save() is True and settings.write_error == ""
    assert json.loads(path.read_text(encoding="utf-8"))["theme"] == "light"


def test_a_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    settings = Settings(blocker / "settings.json")
    blocker.write_text("a file where the config folder should be")
    assert settings.set("theme", "dark") is False
    assert str(blocker) in settings.write_error


def test_two_instances_saving_at_once_do_not_collide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    first, second = Settings(path), Settings(path)
    real_replace = os.replace
    calls: list[str] = []

    def replace_after_the_other_one(src: str, dst: str) -> None:
        calls.append(str(src))
        if len(calls) == 1:  # the second instance saves between the first one's write and its rename
            assert second.set("reading_font_size", 20) is True
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_after_the_other_one)
    assert first.set("theme", "dark") is True
    assert len(set(calls)) == 2  # each write had a temp file of its own
    assert json.loads(path.read_text(encoding="utf-8"))["theme"] == "dark"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
