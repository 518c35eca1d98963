"""Showing article and user text in Qt without it ever being read as HTML.

Qt guesses that a tooltip or label is rich text when it starts with something tag-like, and rich text loads
images: a feed item titled `<img src="/dev/zero"> Hover me` would make Qt read /dev/zero (issue 11).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt with the QtGui functions (mightBeRichText)
from PySide6.QtWidgets import QMessageBox, QWidget


def escaped_tooltip(*lines: str) -> str:
    """Rich-text tooltip markup whose every line is escaped, so it shows exactly the characters given."""
    shown = [html.escape(part) for line in lines for part in line.splitlines() if part]
    return "<p>" + "<br>".join(shown) + "</p>"


def safe_tooltip(text: str) -> str:
    """`text` as it is when Qt would show it as plain text anyway, else escaped: it always shows literally."""
    return escaped_tooltip(text) if GuiQt.mightBeRichText(text) else text


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox.StandardButton:
    """Like `QMessageBox.question`/`warning`, but the text (a title, a path, a name) is never read as HTML.

    The static QMessageBox helpers guess the format, and a folder named `<img src=...>` would be rendered.
    """
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())
