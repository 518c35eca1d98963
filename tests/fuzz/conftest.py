"""Fuzz session summary: how many inputs ran, in how long, and the slowest one (figures for docs/reliability.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from budget import Stats  # noqa: E402


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if Stats.inputs:
        terminalreporter.write_line(
            f"fuzz: {Stats.inputs} inputs in {Stats.seconds:.1f} s of loader/exporter time, "
            f"slowest {Stats.slowest:.2f} s"
        )
