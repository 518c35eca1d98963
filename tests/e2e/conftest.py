"""Helpers for the tests that start the real program as a process."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Runner = Callable[..., subprocess.CompletedProcess[str]]


def _run_reader(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the app must set it itself
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)  # fmt: skip


@pytest.fixture
def run_reader() -> Runner:
    """`run_reader(*args)`: `python -m reader ARGS` to completion, output captured."""
    return _run_reader


@pytest.fixture
def png_size() -> Callable[[Path], tuple[int, int]]:
    """The width and height of a PNG file (and a check that it is one)."""

    def size(path: Path) -> tuple[int, int]:
        head = path.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        return struct.unpack(">II", head[16:24])

    return size
