"""The application the window runs in is made with the Fusion style, whatever QT_STYLE_OVERRIDE says, and the
theme does not set it again (which would make PySide6 build QStyle's class before the first paint)."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = r"""
import PySide6.QtWidgets as widgets
from reader.ui.themes import apply_theme, new_application

app = new_application(["news-reader"])
apply_theme(app, "dark")
built = "QStyle" in vars(widgets)
app.setStyleSheet("")  # the focus style sheet wraps the style; without it the application's own is asked
print("STYLE", app.style().name(), "built-before" if built else "not-built", app.property("themeName"), flush=True)
"""


def test_the_application_is_made_with_fusion_even_when_the_environment_asks_for_another_style() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="windows")
    proc = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, env=env)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("STYLE ")), None)
    assert line is not None, proc.stderr
    assert line.split() == ["STYLE", "fusion", "not-built", "dark"]
