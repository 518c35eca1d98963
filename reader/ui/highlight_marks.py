"""Highlight colours chosen when drawing: a stored colour name becomes a background fitting the theme.

Light theme: pastel backgrounds under dark text. Dark theme: deep tints under light text. Both keep
the text readable (contrast of at least 4.5:1 against the theme's text colour, tested).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap, QTextCharFormat, QTextFormat

from reader.core import styles
from reader.core.annotation import HIGHLIGHT_COLORS, Highlight
from reader.core.styles import HIGHLIGHT_STYLES, highlight_style
from reader.ui.reading_pane import Mark

# theme -> colour name -> background, for code and tests that look colours up by theme
HIGHLIGHT_BACKGROUNDS: dict[str, dict[str, str]] = {
    theme: {name: style.background(theme) for name, style in HIGHLIGHT_STYLES.items()} for theme in ("light", "dark")
}
# Char-format property carrying the highlight id, so a position in the document can tell whose mark it is.
HighlightIdProperty = QTextFormat.Property.UserProperty + 41


def background(color: str, theme: str) -> QColor:
    """The background for a stored colour name in a theme (unknown names fall back to yellow)."""
    return QColor(highlight_style(color).background(theme))


def highlight_format(color: str, theme: str, highlight_id: str = "") -> QTextCharFormat:
    """Only the background: entities own the text colour and the underline styles, so both show at once."""
    fmt = QTextCharFormat()
    fmt.setBackground(QBrush(background(color, theme)))
    if highlight_id:
        fmt.setProperty(HighlightIdProperty, highlight_id)
    return fmt


def highlight_marks(highlights: Iterable[Highlight], theme: str, text_length: int) -> list[Mark]:
    """Marks for the placed highlights; longer ones first, so a short one inside a long one stays visible."""
    placed = [h for h in highlights if not h.orphan and 0 <= h.start < h.end <= text_length]
    placed.sort(key=lambda h: (-(h.end - h.start), h.start))
    return [Mark(h.start, h.end, highlight_format(h.color, theme, h.id), tooltip=_tooltip(h)) for h in placed]


def _tooltip(h: Highlight) -> str:
    note = h.note.strip()
    return f"Note: {note}" if note else "Highlight (click to change)"


@lru_cache(maxsize=64)  # drawn once per colour and theme, not again for every article opened (icons are shared)
def swatch_icon(color: str, theme: str, size: int = 14) -> QIcon:
    """A small filled square in the highlight's colour, for menus and the highlights list."""
    pix = QPixmap(size, size)
    pix.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pix)
    painter.setPen(QColor("#808080"))
    painter.setBrush(background(color, theme))
    painter.drawRoundedRect(0, 0, size - 1, size - 1, 3, 3)
    painter.end()
    return QIcon(pix)


def color_label(color: str) -> str:
    style = HIGHLIGHT_STYLES.get(color)
    return style.label if style else color.capitalize()


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    return styles.contrast_ratio(a.name(), b.name())


__all__ = [
    "HIGHLIGHT_BACKGROUNDS", "HIGHLIGHT_COLORS", "HighlightIdProperty", "background", "color_label",
    "contrast_ratio", "highlight_format", "highlight_marks", "swatch_icon",
]  # fmt: skip
