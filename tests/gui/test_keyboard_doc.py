"""docs/keyboard.md is the page the registry generates, so it lists every command with its keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.commands import key_text
from reader.ui.keyboard_doc import render

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

PAGE = Path(__file__).resolve().parents[2] / "docs" / "keyboard.md"


def test_the_committed_keyboard_page_is_the_generated_one(make_window) -> None:
    w = make_window()
    assert PAGE.read_text(encoding="utf-8") == render(w.registry), (
        "docs/keyboard.md is out of date: python -m reader.ui.keyboard_doc > docs/keyboard.md"
    )


def test_the_page_has_a_row_per_command_with_its_keys(make_window) -> None:
    w = make_window()
    page = render(w.registry)
    rows = [line for line in page.splitlines() if line.startswith("| `") or line.startswith("| (palette)")]
    assert len(rows) == len(w.registry.commands)
    assert "| `Ctrl+6`, `g n` | Notebook | Show Notebook | `view notebook` |" in page
    assert f"| `{key_text('Ctrl+K')}`, `{key_text('Ctrl+Shift+P')}` | Command Palette…" in page
