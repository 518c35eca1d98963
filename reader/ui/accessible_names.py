"""Names a screen reader says for the app's controls (Qt leaves a list, a text field or a header nameless).

`name_controls(root)` runs once the window and its features are built: controls with no accessible
name get one from `NAMES` (by object name), from the label that is their buddy or heads their form
row, from an input box's prompt, a text field's placeholder, a choice box's tooltip, a header from
the view it heads. A name set where the control is made always wins. The first call also watches
the windows shown later: every dialog (ours, a message box, an input box) is named the same way
when it takes the keys, so a dialog built anywhere needs nothing more than its labels.

Buttons are left alone: Qt reads a button's own text as its name and follows it when the text
changes, which a name copied here would not.
"""

from __future__ import annotations

from PySide6.QtGui import QWindow
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

NAMES = {
    "sidebar": "Library: views, folders and tags",
    "filterBox": "Search articles",
    "articleList": "Articles",
    "readingPane": "Article text",
    "noteEditor": "Note on this article",
    "highlightsList": "Highlights in this article",
    "entityTree": "Entities in this article",
    "watchTermList": "Watch terms",
    "correctionList": "Your entity corrections",
    "notebookSearch": "Search quotes and notes",
    "notebookList": "Highlights and notes",
}


def label_text(text: str) -> str:
    """A label as said aloud: no mnemonic ampersands, no trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def _labels(root: QWidget) -> dict[int, str]:
    """Each control's label: a QLabel's buddy, or the label of its form row (by the control's id)."""
    out: dict[int, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            out[id(buddy)] = label_text(label.text())
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            heading = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            control, head = field.widget() if field else None, heading.widget() if heading else None
            if control is not None and isinstance(head, QLabel) and head.text():
                out.setdefault(id(control), label_text(head.text()))
    return out


def _fallback(widget: QWidget, labels: dict[int, str]) -> str:
    if widget.objectName() in NAMES:
        return NAMES[widget.objectName()]
    if id(widget) in labels:
        return labels[id(widget)]
    parent = widget.parentWidget()
    if isinstance(parent, (QKeySequenceEdit, QComboBox)):  # their own text field is named as they are
        return parent.accessibleName() or labels.get(id(parent), "")
    window = widget.window()
    if isinstance(window, QInputDialog) and not isinstance(widget, QAbstractButton):
        return label_text(window.labelText()) or window.windowTitle()
    if isinstance(window, QMessageBox) and isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return "Details"
    if isinstance(widget, QLineEdit):
        return widget.placeholderText() or widget.toolTip()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.placeholderText() or widget.toolTip()
    if isinstance(widget, (QComboBox, QAbstractSpinBox, QAbstractItemView)) and not isinstance(widget, QHeaderView):
        return widget.toolTip()
    if isinstance(widget, QHeaderView):
        parent = widget.parentWidget()
        owner = parent.accessibleName() or NAMES.get(parent.objectName(), "") if parent is not None else ""
        return f"Columns of {owner.lower()}" if owner else "Column headers"
    return ""


def name_controls(root: QWidget) -> None:
    """Give every nameless control under `root` the name it is known by; name later windows as they come."""
    labels = _labels(root)
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.accessibleName() and not isinstance(widget, QAbstractButton):
            name = _fallback(widget, labels)
            if name:
                widget.setAccessibleName(name)
    _watch_windows()


def _name_window(window: QWindow | None) -> None:
    if window is None:
        return
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is window:
            name_controls(widget)


def _watch_windows() -> None:
    """Once per application: name each window's controls when it takes the keys (dialogs included)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.property("namesWindows"):
        app.setProperty("namesWindows", True)
        app.focusWindowChanged.connect(_name_window)
