"""A user database that cannot be opened is found after the window's first paint (the session is opened then):
the window says so in words the user can act on, touches nothing, and the program exits with 1.

Run in a process of its own, with the message box answered by the child itself (it would wait for a click).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.paths import resolve_paths

CHILD = r"""
import json, sys
import reader.ui.plain_text as plain_text
from PySide6.QtWidgets import QMessageBox

shown = []

def answered(parent, icon, title, text, *args, **kwargs):
    shown.append({"title": title, "text": text, "parent visible": parent is not None and parent.isVisible(),
                  "critical": icon == QMessageBox.Icon.Critical})
    return QMessageBox.StandardButton.Ok

plain_text.message_box = answered
from reader.cli import gui_main
status = gui_main(["--data-dir", sys.argv[1], "--no-samples"])
print("SHOWN " + json.dumps(shown), flush=True)
sys.exit(status)
"""


def test_a_user_database_that_cannot_be_opened_is_said_after_the_paint_and_exits_1(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data").ensure()
    paths.user_db.mkdir()  # where the file should be, a folder: SQLite cannot open it
    (paths.user_db / "keep.txt").write_text("mine", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "data")], capture_output=True, text=True,
                          timeout=180, env=env, cwd=tmp_path)  # fmt: skip
    line = next((x for x in proc.stdout.splitlines() if x.startswith("SHOWN ")), None)
    assert line is not None, proc.stderr
    shown = json.loads(line[len("SHOWN "):])
    assert len(shown) == 1
    box = shown[0]
    assert box["title"] == "News Reader cannot open your data"
    assert box["critical"] and box["parent visible"]  # over the painted window
    assert box["text"].startswith(f"Cannot open the user data file {paths.user_db}")
    assert box["text"].endswith(f"Your daily backups are in {paths.backups}.")
    assert f"news-reader: Cannot open the user data file {paths.user_db}" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1
    assert (paths.user_db / "keep.txt").read_text(encoding="utf-8") == "mine"  # nothing touched
    assert not paths.library_db.exists()  # nor the cache opened
