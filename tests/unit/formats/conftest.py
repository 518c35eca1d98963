"""Fixture paths for the format tests."""

from __future__ import annotations

from pathlib import Path

import pytest

FORMAT_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "formats"


@pytest.fixture
def fx() -> Path:
    return FORMAT_FIXTURES
