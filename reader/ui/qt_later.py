"""PySide6's `Qt` namespace, made when first read, and the few of its values the window needs before that as ints.

PySide6 makes a class's Python enums all at once when the class is first asked for: `from PySide6.QtCore import Qt`
builds Qt's 93 enum classes (30-50 ms of CPU), before the window's first paint when any module imported to paint it
names `Qt` at its top. Those modules import `Qt` from here instead: the real namespace is fetched on the first
attribute read (after the paint, unless the frame needs a value), and kept on this stand-in, so later reads are
plain look-ups. Type checkers see PySide6's own `Qt`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Qt.ItemDataRole values a module names at its top (ints are what the models are asked with):
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
FONT_ROLE = 6  # Qt.ItemDataRole.FontRole
TEXT_ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
# Values the frame sets as Qt properties (`QObject.setProperty` takes an int for an enum property; the setters
# take only the enum):
CUSTOM_CONTEXT_MENU = 3  # Qt.ContextMenuPolicy.CustomContextMenu ("contextMenuPolicy")
ELIDE_RIGHT = 1  # Qt.TextElideMode.ElideRight ("textElideMode")
SCROLL_BAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff ("horizontalScrollBarPolicy")
ALIGN_LEFT_VCENTER = 0x0081  # Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter ("defaultAlignment")
VERTICAL = 2  # Qt.Orientation.Vertical ("orientation"; a QSplitter is horizontal unless told)


class _Later:
    """Stands in for `Qt` until an attribute is read."""

    def __getattr__(self, name: str) -> Any:
        from PySide6.QtCore import Qt as real

        value = getattr(real, name)
        setattr(self, name, value)  # from now on found without this call
        return value


if TYPE_CHECKING:
    from PySide6.QtCore import Qt as Qt
else:
    Qt = _Later()
