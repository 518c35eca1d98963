"""Shared test setup: Qt offscreen, fixture paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh --data-dir for one test."""
    d = tmp_path / "userdata"
    d.mkdir()
    return d
