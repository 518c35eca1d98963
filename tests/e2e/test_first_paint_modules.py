"""The window's first paint needs none of its panes' modules (plain Qt stand-ins are painted in their places) and none
of its features: their modules (annotations, entities, links, search,
saved searches, the folder watcher, the keyboard order), the preferences, the navigation and welcome commands and
the accessible names are imported after it, once the frame is on screen, and the window then has them all. Nor the
core's store, session and tagger package: the session and the library cache are opened after the paint too.

Nor does it wrap an object Qt made whose class has many subclasses (an application-wide event filter is handed
every receiver; `viewport()` returns a plain QWidget): PySide6 then builds the Python class of every QObject or
QWidget subclass (QProcess, QWizard, ...) with all their enum classes, a tenth of the start's CPU.

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
    "reader.core.export.collect", "reader.ui.notebook_view", "reader.ui.unix_channel",
    # the core's store, session and tagger package: the session and the cache are opened after the paint
    "reader.core.session", "reader.core.store.user_data", "reader.core.store.library",
    "reader.core.store.library_query", "reader.core.store.sidebar_counts", "reader.core.store.unsaved_notes",
    "reader.core.entities",
    # the panes (the first paint shows plain Qt stand-ins in their places: ui/first_frame.py), the commands and the
    # modules only they need, standard library ones too
    "reader.ui.window_panes", "reader.ui.sidebar", "reader.ui.article_list", "reader.ui.article_list_view",
    "reader.ui.article_row", "reader.ui.reading_pane", "reader.ui.notes_panel", "reader.ui.problems_view",
    "reader.ui.reading_position", "reader.ui.caret_browsing", "reader.ui.commands", "reader.ui.keymap",
    "reader.ui.window_commands", "reader.ui.plain_text", "reader.core.article", "reader.core.dates_display",
    "html", "datetime", "dataclasses",
    "getpass",  # the name of the channel later starts hand their files over on, opened after the paint
]  # fmt: skip
# Not needed to paint the frame, nor imported to complete it (only when used).
NOT_TO_PAINT = ["pkgutil", "reader.core.store.notebook_query", "reader.core.text_units",
                "locale"]  # argparse's words (gettext) ask it: a plain start's options are read without argparse
# Classes PySide6 builds only when it wraps a Qt-made object whose static type is QObject or QWidget; QStyle
# (11 enum classes), built when a QStyle is wrapped (`setStyle` returns one) or its enums are read; and
# QCryptographicHash, for the name of the channel opened after the paint.
WRAPPED_LATER = {"QtCore": ["QProcess", "QSettings", "QCryptographicHash"],
                 "QtWidgets": ["QWizard", "QTabWidget", "QStyle"]}

CHILD = r"""
import json, sys
import PySide6.QtCore, PySide6.QtWidgets
from PySide6.QtCore import QEvent, QTimer
from reader.ui.themes import new_application

app = new_application(sys.argv[:1])  # as run_app makes it
data_dir, lazy, unused, later = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
seen = {}

def built():
    return [n for m, names in later.items() for n in names if n in vars(getattr(PySide6, m))]

seen["built at start"] = built()
import reader.ui.startup as startup

frame_filter = startup.FirstPaint.eventFilter

def first_paint(self, obj, event):
    # the window's own filter, not one on the application: that would wrap every receiver itself
    if event.type() == QEvent.Type.Paint and "painted" not in seen:
        seen["painted"] = [m for m in lazy if m in sys.modules]
        seen["unused"] = [m for m in unused if m in sys.modules]
        seen["built"] = built()
        seen["title"] = obj.windowTitle()
        seen["menus"] = [a.text() for a in obj.menuBar().actions()]
        QTimer.singleShot(100, lambda: done(obj))
    return frame_filter(self, obj, event)

def done(w):
    if w.held_keys is not None or w.worker is None:  # not complete yet: the library opens after the paint
        QTimer.singleShot(100, lambda: done(w))
        return
    seen["complete"] = [m for m in lazy if m in sys.modules]
    seen["collecting"] = __import__("gc").isenabled()  # off while the frame was built, on once it was frozen
    seen["commands"] = len(w.registry.commands)
    seen["menu items"] = sum(len(m.actions()) for m in w.menus.values())
    print("SEEN " + json.dumps(seen), flush=True)
    w.close()

startup.FirstPaint.eventFilter = first_paint
from reader.cli import gui_main
sys.exit(gui_main(["--data-dir", data_dir, "--no-samples"]))
"""


def run_window(data_dir: Path, later: dict[str, list[str]], platform: str = "offscreen") -> dict:
    """Start the window on `data_dir` in a process of its own; what it had imported and built at its first paint."""
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(data_dir), json.dumps(AFTER_PAINT),
                           json.dumps(NOT_TO_PAINT), json.dumps(later)],
                          capture_output=True, text=True, timeout=180, env=env, cwd=data_dir.parent)  # fmt: skip
    line = next((x for x in proc.stdout.splitlines() if x.startswith("SEEN ")), None)
    assert line is not None, proc.stderr
    assert proc.returncode == 0, proc.stderr
    return dict(json.loads(line[len("SEEN "):]))


def test_the_first_paint_imports_no_feature_and_the_complete_window_has_them(tmp_path: Path) -> None:
    tagged_profile(tmp_path / "data", write_tree(tmp_path / "news", NEWS))
    seen = run_window(tmp_path / "data", WRAPPED_LATER)
    assert seen["title"] == "News Reader"
    assert seen["menus"] == ["&File", "&Edit", "&Go", "&Article", "&Entities", "&View", "&Help"]
    assert seen["painted"] == []  # the frame was painted without any of them
    assert seen["unused"] == []
    assert seen["built at start"] == []  # PySide6 builds its classes when asked for (else nothing to see here)
    assert seen["built"] == []  # no Qt-made QObject or QWidget was wrapped to paint the frame
    assert seen["complete"] == AFTER_PAINT  # then the window was completed with all of them
    assert seen["commands"] > 60 and seen["menu items"] > 40
    assert seen["collecting"] is True


def test_a_start_with_the_last_sessions_layout_paints_without_qt_s_enums(tmp_path: Path) -> None:
    """PySide6 builds the 93 enum classes of `Qt` when it is first read; the frame reads none to paint once the last
    session's layout places its docks (a first start places them itself, with a Qt.DockWidgetArea)."""
    tagged_profile(tmp_path / "data", write_tree(tmp_path / "news", NEWS))
    run_window(tmp_path / "data", WRAPPED_LATER)  # the first start, which saves the layout as it closes
    seen = run_window(tmp_path / "data", {**WRAPPED_LATER, "QtCore": [*WRAPPED_LATER["QtCore"], "Qt"]})
    assert seen["built"] == []
    assert seen["painted"] == []
    assert seen["complete"] == AFTER_PAINT


def test_a_first_start_paints_without_qt_s_enums_too(tmp_path: Path) -> None:
    """No layout saved yet: the docks are placed from the state a first start leaves (`ui/first_layout.py`), where
    the window has its first size (a screen it fits on)."""
    screen = {"name": "wide", "x": 0, "y": 0, "width": 1400, "height": 900, "logicalDpi": 96, "logicalBaseDpi": 96}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), "utf-8")
    tagged_profile(tmp_path / "data", write_tree(tmp_path / "news", NEWS))
    seen = run_window(tmp_path / "data", {**WRAPPED_LATER, "QtCore": [*WRAPPED_LATER["QtCore"], "Qt"]},
                      platform=f"offscreen:configfile={config}")  # fmt: skip
    assert seen["built"] == []
    assert seen["painted"] == []
    assert seen["complete"] == AFTER_PAINT
