"""Showing article and user text in Qt without it ever being read as HTML.

Qt guesses that a tooltip or label is rich text when it starts with something tag-like, and rich text loads
images: a feed item titled `<img src="/dev/zero"> Hover me` would make Qt read /dev/zero (issue 11).
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QMessageBox, QWidget


def might_be_rich_text(text: str) -> bool:
    """Qt's guess whether a label would show `text` as rich text."""
    from PySide6.QtGui import Qt as gui_qt  # when asked: reading it builds Qt's 93 enum classes (see `qt_later`)

    return gui_qt.mightBeRichText(text)


def escaped_tooltip(*lines: str) -> str:
    """Rich-text tooltip markup whose every line is escaped, so it shows exactly the characters given."""
    shown = [html.escape(part) for line in lines for part in line.splitlines() if part]
    return "<p>" + "<br>".join(shown) + "</p>"


def safe_tooltip(text: str) -> str:
    """`text` as it is when Qt would show it as plain text anyway, else escaped: it always shows literally."""
    return escaped_tooltip(text) if might_be_rich_text(text) else text


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox.StandardButton:
    """`QMessageBox.question`/`warning`/... whose text (a title, a path, a name) always shows literally.

    The static helpers guess the format, and a folder named `<img src=...>` would be rendered: text that
    looks like markup is passed escaped. The helper is looked up at each call, so tests can replace it.
    """
    if might_be_rich_text(text):
        text = "<p>" + "<br>".join(html.escape(line) for line in text.split("\n")) + "</p>"
    helper = getattr(QMessageBox, _HELPERS.get(icon, "information"))
    return helper(parent, title, text, buttons, default)  # type: ignore[no-any-return]


_HELPERS = {
    QMessageBox.Icon.Question: "question",
    QMessageBox.Icon.Warning: "warning",
    QMessageBox.Icon.Critical: "critical",
    QMessageBox.Icon.Information: "information",
}
