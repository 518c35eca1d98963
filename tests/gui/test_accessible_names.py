"""Every control a keyboard or screen-reader user reaches has a name a screen reader can say."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit,
               QPlainTextEdit, QTextEdit)  # fmt: skip


def unnamed(root: QWidget) -> list[str]:
    """Visible interactive controls under `root` whose accessible name is empty."""
    out = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if type(widget).__name__ in ("QScrollBar",) or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll bars, the line edit's clear button) are named by Qt
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            out.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    return out


def test_every_control_of_the_window_has_an_accessible_name(make_window) -> None:
    w = make_window()
    w.select_row(0)
    assert unnamed(w) == []


def test_every_control_of_the_notebook_has_an_accessible_name(make_window) -> None:
    w = make_window()
    w.registry.run("view notebook")
    assert w.list_stack.currentWidget() is w.notebook
    assert unnamed(w) == []
