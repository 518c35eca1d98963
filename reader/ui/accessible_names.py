"""Names a screen reader says for the window's controls (Qt leaves a list, a text field or a header nameless).

`name_controls(root)` runs once the window and its features are built: controls with no accessible
name get one from `NAMES` (by object name), a text field from its placeholder, a choice box from its
tooltip, a header from the view it heads. A name set where the control is made always wins.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QWidget

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


def _fallback(widget: QWidget) -> str:
    if widget.objectName() in NAMES:
        return NAMES[widget.objectName()]
    if isinstance(widget, QLineEdit):
        return widget.placeholderText() or widget.toolTip()
    if isinstance(widget, QComboBox):
        return widget.toolTip()
    if isinstance(widget, QHeaderView):
        parent = widget.parentWidget()
        owner = parent.accessibleName() or NAMES.get(parent.objectName(), "") if parent is not None else ""
        return f"Columns of {owner.lower()}" if owner else "Column headers"
    return ""


def name_controls(root: QWidget) -> None:
    """Give every nameless control under `root` the name it is known by."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.accessibleName():
            name = _fallback(widget)
            if name:
                widget.setAccessibleName(name)
