"""How entities and watch terms look in the reading pane: colour and underline style per type and theme.

Entities change the text colour and get an underline whose style (solid, dash, wave, dot...) is
a second cue for readers who cannot tell the colours apart; user highlights use background
colours, so both show at once. Watch terms are bold with an overline, in their own colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap, QTextCharFormat, QTextCursor, QTextDocument

from reader.core.entities import ENTITY_TYPES
from reader.ui.themes import THEMES

U = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class EntityStyle:
    """One entity type's look: names for people, colours per theme, an underline style."""

    label: str  # singular, for tooltips
    plural: str  # for the legend and the panel
    light: str
    dark: str
    underline: QTextCharFormat.UnderlineStyle
    pattern: str  # the underline in words, for the legend's tooltip


# Colours come from a palette that stays apart for common colour-vision deficiencies (blue,
# vermillion, bluish green, reddish purple, yellow), darkened for light paper and lightened for
# dark, each with at least 4.5:1 contrast against the page (tests check it).
STYLES: dict[str, EntityStyle] = {
    "PER": EntityStyle("Person", "People", "#0b5cad", "#7cb9ff", U.SingleUnderline, "solid line"),
    "ORG": EntityStyle("Organisation", "Organisations", "#a84700", "#ffa468", U.DashUnderline, "dashes"),
    "LOC": EntityStyle("Place", "Places", "#00704f", "#4fd6a8", U.WaveUnderline, "wave"),
    "MISC": EntityStyle("Other name", "Other names", "#9a2f7c", "#f095d4", U.DotLine, "dots"),
    "DATE": EntityStyle("Date", "Dates", "#6e5800", "#e2cb5c", U.DashDotLine, "dash-dot"),
    "TIME": EntityStyle("Time", "Times", "#6e5800", "#e2cb5c", U.DashDotLine, "dash-dot"),
    "MONEY": EntityStyle("Money", "Money", "#4e44a8", "#b9b4ff", U.DashDotDotLine, "dash-dot-dot"),
    "PERCENT": EntityStyle("Percentage", "Percentages", "#4e44a8", "#b9b4ff", U.DashDotDotLine, "dash-dot-dot"),
    "QUANTITY": EntityStyle("Quantity", "Quantities", "#4e44a8", "#b9b4ff", U.DashDotDotLine, "dash-dot-dot"),
}
assert set(STYLES) == set(ENTITY_TYPES), "every entity type needs a style"


def style_of(entity_type: str) -> EntityStyle:
    return STYLES.get(entity_type, STYLES["MISC"])


def entity_color(entity_type: str, theme: str) -> QColor:
    s = style_of(entity_type)
    return QColor(s.dark if theme == "dark" else s.light)


def entity_format(entity_type: str, theme: str) -> QTextCharFormat:
    """The character format merged over an entity's text."""
    color = entity_color(entity_type, theme)
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    fmt.setUnderlineStyle(style_of(entity_type).underline)
    fmt.setUnderlineColor(color)
    return fmt


def entity_tooltip(entity_type: str, text: str, *, corrected: bool = False) -> str:
    note = " (your correction)" if corrected else ""
    return f"{style_of(entity_type).label}{note}: {' '.join(text.split())}"


# --- contrast -------------------------------------------------------------------------------


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def page_color(theme: str) -> QColor:
    return QColor(THEMES.get(theme, THEMES["light"])["base"])


def readable(color: str | QColor, theme: str, minimum: float = 4.5) -> QColor:
    """`color`, darkened on light paper or lightened on dark paper until it reads at `minimum`:1."""
    c = QColor(color)
    if not c.isValid():
        c = QColor(STYLES["MISC"].light)
    page = page_color(theme)
    for _ in range(40):
        if contrast_ratio(c, page) >= minimum:
            break
        h, s, lightness, a = c.getHslF()
        step = 0.04 if theme == "dark" else -0.04
        c = QColor.fromHslF(h, s, min(1.0, max(0.0, lightness + step)), a)
    return c


def watch_format(color: str, theme: str) -> QTextCharFormat:
    """A watch term: bold, overlined, in its colour (made readable on this theme's page)."""
    fmt = QTextCharFormat()
    fmt.setForeground(readable(color, theme))
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontOverline(True)
    return fmt


# --- legend ---------------------------------------------------------------------------------


def sample_pixmap(text: str, fmt: QTextCharFormat, font: QFont, theme: str) -> QPixmap:
    """`text` drawn exactly as the reading pane draws it, for the legend."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(2)
    QTextCursor(doc).insertText(text, fmt)
    size = doc.size().toSize()
    pix = QPixmap(size)
    pix.fill(page_color(theme))
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    doc.drawContents(painter)
    painter.end()
    return pix


def legend_rows(theme: str) -> list[tuple[str, str, QTextCharFormat]]:
    """(type, plural label, format) for every type, in the tagger's order."""
    return [(t, STYLES[t].plural, entity_format(t, theme)) for t in ENTITY_TYPES]


CHECKED = Qt.CheckState.Checked
UNCHECKED = Qt.CheckState.Unchecked
