"""What the window's frame sets without reading PySide6's `Qt` (ui/qt_later.py) is what Qt's own enums set, and the
docks it leaves to the last session's layout are all placed, a panel that layout never knew too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QListWidget, QSplitter, QTableView

from reader.paths import resolve_paths
from reader.settings import Settings
from reader.ui import qt_later, window_frame
from reader.ui.main_window import MainWindow

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]


def test_the_stand_in_gives_qt_s_own_enums_and_keeps_them() -> None:
    assert qt_later.Qt.ItemDataRole.UserRole is Qt.ItemDataRole.UserRole
    assert "ItemDataRole" in vars(qt_later.Qt)  # kept: the next read is a plain look-up


def test_the_ints_are_qt_s_values() -> None:
    roles = Qt.ItemDataRole
    assert (qt_later.DISPLAY_ROLE, qt_later.TOOLTIP_ROLE, qt_later.FONT_ROLE, qt_later.TEXT_ALIGNMENT_ROLE,
            qt_later.USER_ROLE) == (roles.DisplayRole, roles.ToolTipRole, roles.FontRole, roles.TextAlignmentRole,
                                    roles.UserRole)  # fmt: skip


def test_the_properties_set_what_the_setters_set(qtbot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setProperty("textElideMode", qt_later.ELIDE_RIGHT)
    view.setProperty("horizontalScrollBarPolicy", qt_later.SCROLL_BAR_ALWAYS_OFF)
    view.horizontalHeader().setProperty("defaultAlignment", qt_later.ALIGN_LEFT_VCENTER)
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.horizontalHeader().defaultAlignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    listed = QListWidget()
    qtbot.addWidget(listed)
    listed.setProperty("contextMenuPolicy", qt_later.CUSTOM_CONTEXT_MENU)
    assert listed.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    splitter.setProperty("orientation", qt_later.VERTICAL)
    assert splitter.orientation() == Qt.Orientation.Vertical


def docks_of(w: MainWindow) -> dict[str, tuple[Qt.DockWidgetArea, bool]]:
    return {d.objectName(): (w.dockWidgetArea(d), d.isVisible()) for d in w.findChildren(QDockWidget)}


def test_a_panel_the_saved_layout_never_knew_is_placed_with_the_others(qtbot, tmp_path: Path, monkeypatch) -> None:
    paths = resolve_paths(tmp_path / "data").ensure()
    w = MainWindow(paths, Settings(paths.settings_file), samples=False, deferred=True)
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    w.findChild(QDockWidget, "savedSearchesDock").hide()
    w.close()  # the layout is saved
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    monkeypatch.setattr(window_frame, "PANELS", (*window_frame.PANELS, ("Later", "laterDock", "later_panel_visible")))
    w = MainWindow(paths, Settings(paths.settings_file), samples=False, deferred=True)
    qtbot.addWidget(w)
    assert w.layout_restored and w.unplaced == []
    w.show()
    qtbot.waitExposed(w)
    docks = docks_of(w)
    assert docks["laterDock"] == (left, True)  # placed under the library views, shown, as a new panel is
    assert docks["libraryDock"] == (left, True) and docks["entityDock"] == (left, True)
    assert docks["savedSearchesDock"] == (left, False)  # as the last session left it
    w.close()
