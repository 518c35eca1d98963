"""Closing the window when the settings cannot be written (a full disk): it still closes."""

from __future__ import annotations

import errno
import os

import pytest


def test_the_window_closes_on_a_full_disk(make_window, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert window.close() is True
    assert not window.isVisible()
    assert "No space left" in window.settings.write_error
