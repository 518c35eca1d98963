"""The window's first paint needs none of its features: their modules (annotations, entities, links, search,
saved searches, the folder watcher, the keyboard order), the preferences, the navigation and welcome commands and
the accessible names are imported after it, once the frame is on screen, and the window then has them all.

Run in a process of its own, so the modules other tests imported cannot hide one the frame imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.library_files import NEWS, tagged_profile, write_tree

# Imported to complete the window after its first paint, not to paint it.
AFTER_PAINT = [
    "reader.ui.annotation_feature", "reader.ui.entity_feature", "reader.ui.entity_panel", "reader.ui.link_opening",
    "reader.ui.search_feature", "reader.ui.saved_search_feature", "reader.ui.folder_watcher",
    "reader.ui.keyboard_order", "reader.ui.preferences.dialog", "reader.ui.navigation", "reader.ui.welcome",
    "reader.ui.accessible_names", "reader.ui.dialogs.highlight_editor", "reader.ui.dialogs.top_entities",
    "reader.core.export.collect",
]  # fmt: skip

CHILD = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
data_dir, lazy = sys.argv[1], json.loads(sys.argv[2])
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        from reader.ui.main_window import MainWindow
        if isinstance(obj, MainWindow) and event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = [m for m in lazy if m in sys.modules]
            seen["title"] = obj.windowTitle()
            seen["menus"] = [a.text() for a in obj.menuBar().actions()]
            QTimer.singleShot(100, lambda: done(obj))
        return False

def done(w):
    if w.held_keys is not None or w.worker is None:  # not complete yet: the library opens after the paint
        QTimer.singleShot(100, lambda: done(w))
        return
    seen["complete"] = [m for m in lazy if m in sys.modules]
    seen["commands"] = len(w.registry.commands)
    seen["menu items"] = sum(len(m.actions()) for m in w.menus.values())
    print("SEEN " + json.dumps(seen), flush=True)
    w.close()

watch = FirstPaint()
app.installEventFilter(watch)
from reader.cli import gui_main
sys.exit(gui_main(["--data-dir", data_dir, "--no-samples"]))
"""


def test_the_first_paint_imports_no_feature_and_the_complete_window_has_them(tmp_path: Path) -> None:
    tagged_profile(tmp_path / "data", write_tree(tmp_path / "news", NEWS))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "data"), json.dumps(AFTER_PAINT)],
                          capture_output=True, text=True, timeout=180, env=env, cwd=tmp_path)  # fmt: skip
    line = next((x for x in proc.stdout.splitlines() if x.startswith("SEEN ")), None)
    assert line is not None, proc.stderr
    seen = json.loads(line[len("SEEN "):])
    assert seen["title"] == "News Reader"
    assert seen["menus"] == ["&File", "&Edit", "&Go", "&Article", "&Entities", "&View", "&Help"]
    assert seen["painted"] == []  # the frame was painted without any of them
    assert seen["complete"] == AFTER_PAINT  # then the window was completed with all of them
    assert seen["commands"] > 60 and seen["menu items"] > 40
    assert proc.returncode == 0, proc.stderr
