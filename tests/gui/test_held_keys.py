"""Keys typed while the window is being completed: held from its first Show, handed over on release.

Until the first paint only the window and its QWindow are watched (the window system's keys reach the QWindow
before any widget); `hold_everywhere()` then holds a key sent to any widget of the window as well.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow

from reader.ui.held_keys import HeldKeys

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]


def shown(qtbot) -> tuple[QMainWindow, QLineEdit]:
    window = QMainWindow()
    edit = QLineEdit()
    window.setCentralWidget(edit)
    qtbot.addWidget(window)
    window.resize(400, 300)
    return window, edit


def focused(qtbot, window: QMainWindow, edit: QLineEdit) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)


def test_a_key_from_the_window_system_waits_for_release_then_reaches_the_focused_field(qtbot) -> None:
    window, edit = shown(qtbot)
    held = HeldKeys(window)  # as the window's frame makes it: before it is shown
    focused(qtbot, window, edit)
    handle = window.windowHandle()
    assert handle is not None
    qtbot.keyClick(handle, Qt.Key.Key_A)  # through QGuiApplication, as a typed key comes
    assert edit.text() == ""
    assert [text for _, text in held.held] == ["a"]  # the press, once (its release is not kept)
    held.release()
    assert edit.text() == "a"
    qtbot.keyClick(handle, Qt.Key.Key_B)  # released: nothing is held any more
    assert edit.text() == "ab"
    assert held.held == []


def test_a_key_sent_to_the_window_is_held_before_the_first_paint(qtbot) -> None:
    window, edit = shown(qtbot)
    held = HeldKeys(window)
    qtbot.keyClick(window, Qt.Key.Key_C)  # the window not even shown yet
    assert [text for _, text in held.held] == ["c"]


def test_once_everywhere_a_key_sent_to_a_widget_of_the_window_is_held_too(qtbot) -> None:
    window, edit = shown(qtbot)
    held = HeldKeys(window)
    focused(qtbot, window, edit)
    held.hold_everywhere()
    qtbot.keyClick(edit, Qt.Key.Key_D)
    assert edit.text() == ""
    assert [text for _, text in held.held] == ["d"]
    held.release()
    assert edit.text() == "d"
    held.hold_everywhere()  # after its release it holds nothing again
    qtbot.keyClick(edit, Qt.Key.Key_E)
    assert edit.text() == "de"
