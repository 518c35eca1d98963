"""The order Tab takes through the window: sidebar, search box, list, reading pane, note, then the panels.

The library's sidebar lives in a dock added after the central widgets, so Qt's own chain went from
the sidebar into the entity panel's dozen controls before it reached the search box. Attached as the
last feature, when every panel is built; the window's parts are found by their object names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.ui.feature_context import FeatureContext

ORDER = ("sidebar", "filterBox", "articleList", "readingPane", "noteEditor")


class KeyboardOrder:
    """Chains the window's main parts in reading order for Tab (Shift+Tab walks it back)."""

    def __init__(self, context: FeatureContext) -> None:
        window = context.dialog_parent()
        parts = [p for p in (window.findChild(QWidget, name) for name in ORDER) if p is not None]
        for first, second in zip(parts, parts[1:], strict=False):
            QWidget.setTabOrder(first, second)
