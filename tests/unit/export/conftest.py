"""Fixtures of the export tests: the annotated sample article and fixed options."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The tests run in importlib mode; this folder's helper modules are imported by name.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_helpers import EXPORTED, load_item  # noqa: E402

from reader.core.export import ExportItem, ExportOptions  # noqa: E402


@pytest.fixture
def item() -> ExportItem:
    return load_item()


@pytest.fixture
def options() -> ExportOptions:
    return ExportOptions(include_entities=True, exported=EXPORTED)
