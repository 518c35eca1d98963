"""How entities and watch terms look in the reading pane: colour and underline style per type and theme.

Entities change the text colour and get an underline whose style (solid, dash, wave, dot...) is
a second cue for readers who cannot tell the colours apart; user highlights use background
colours, so both show at once. Watch terms are bold, in their own colour.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap, QTextCharFormat, QTextCursor, QTextDocument

from reader.core import styles
from reader.core.entities import ENTITY_TYPES, EntitySpan
from reader.core.entities.mentions import EntityGroup
from reader.core.styles import ENTITY_STYLES, EntityStyle, entity_style
from reader.ui.themes import THEMES

U = QTextCharFormat.UnderlineStyle


# The pane draws each type's underline pattern with Qt's matching style.
UNDERLINES: dict[str, QTextCharFormat.UnderlineStyle] = {
    "solid": U.SingleUnderline, "dash": U.DashUnderline, "wave": U.WaveUnderline, "dot": U.DotLine,
    "dash-dot": U.DashDotLine, "dash-dot-dot": U.DashDotDotLine,
}  # fmt: skip
STYLES: dict[str, EntityStyle] = ENTITY_STYLES


def style_of(entity_type: str) -> EntityStyle:
    return entity_style(entity_type)


def underline_of(entity_type: str) -> QTextCharFormat.UnderlineStyle:
    return UNDERLINES[style_of(entity_type).underline]


def entity_color(entity_type: str, theme: str) -> QColor:
    return QColor(style_of(entity_type).color(theme))


def entity_format(entity_type: str, theme: str) -> QTextCharFormat:
    """The character format merged over an entity's text."""
    color = entity_color(entity_type, theme)
    fmt = QTextCharFormat()
    fmt.setForeground(color)
    fmt.setUnderlineStyle(underline_of(entity_type))
    fmt.setUnderlineColor(color)
    return fmt


def listed_types(groups: list[EntityGroup]) -> dict[tuple[int, int], str]:
    """(start, end) of each mention -> the type its group is listed under.

    The alias table may count a mention under another type than the tagger gave it ("U.S." tagged
    as an organisation is the place United States): the pane draws it as the panel and the Top
    Entities view list it.
    """
    return {(s.start, s.end): g.type for g in groups for s in g.spans}


def shown_type(span: EntitySpan, listed: dict[tuple[int, int], str]) -> str:
    """The type `span` is drawn as: its group's, else its own."""
    return listed.get((span.start, span.end), span.type)


def entity_tooltip(entity_type: str, text: str, *, corrected: bool = False) -> str:
    note = " (your correction)" if corrected else ""
    return f"{style_of(entity_type).label}{note}: {' '.join(text.split())}"


# --- contrast -------------------------------------------------------------------------------


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    return styles.contrast_ratio(a.name(), b.name())


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
        step = 0.04 if theme == "dark" else -0.04
        lightness = min(1.0, max(0.0, c.lightnessF() + step))
        c = QColor.fromHslF(c.hslHueF(), c.hslSaturationF(), lightness, c.alphaF())
    return c


def watch_format(color: str, theme: str) -> QTextCharFormat:
    """A watch term: bold, in its colour (made readable on this theme's page)."""
    fmt = QTextCharFormat()
    fmt.setForeground(readable(color, theme))
    fmt.setFontWeight(QFont.Weight.Bold)
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
