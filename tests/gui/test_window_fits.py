"""A first window never hangs off the screen (its status bar carries the first-run hint)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from reader.ui.app import show_fitted


def test_a_window_larger_than_the_screen_is_maximized(qtbot) -> None:
    w = QMainWindow()
    qtbot.addWidget(w)
    room = w.screen().availableGeometry()
    show_fitted(w, (room.width(), room.height()))
    assert w.isMaximized()


def test_a_window_that_fits_keeps_its_size(qtbot) -> None:
    w = QMainWindow()
    qtbot.addWidget(w)
    room = w.screen().availableGeometry()
    show_fitted(w, (room.width() // 2, room.height() // 2))
    assert not w.isMaximized() and (w.width(), w.height()) == (room.width() // 2, room.height() // 2)
