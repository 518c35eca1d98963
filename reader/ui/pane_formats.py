"""The reading pane's paragraph and character formats for each kind of block (heading, quote, list item...)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette, QTextBlockFormat, QTextCharFormat

from reader.ui.qt_later import Qt

HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15}


def block_format(
    rtl: bool, spacing: int, kind: str = "p", level: int = 0, top: float = 0, bottom: float = 12
) -> QTextBlockFormat:
    """Margins, indent, line spacing (percent) and direction of one block."""
    bf = QTextBlockFormat()
    bf.setLineHeight(spacing, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    bf.setTopMargin(top if kind == "p" else 6)
    bf.setBottomMargin(bottom)
    if kind == "h":
        bf.setTopMargin(14)
        bf.setBottomMargin(6)
    elif kind == "quote":
        bf.setLeftMargin(28)
        bf.setRightMargin(28)
    elif kind == "li":
        bf.setLeftMargin(20 + 16 * max(level - 1, 0))
        bf.setBottomMargin(4)
    if rtl:
        bf.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        bf.setAlignment(Qt.AlignmentFlag.AlignRight)
    return bf


def char_format(kind: str, level: int, font_size: float, palette: QPalette) -> QTextCharFormat:
    """The text format of a block's kind: bold scaled headings, italic quotes, small muted captions, monospace."""
    fmt = QTextCharFormat()
    if kind == "h":
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontPointSize(font_size * HEADING_SCALE.get(level, 1.1))
    elif kind == "quote":
        fmt.setFontItalic(True)
    elif kind == "caption":
        fmt.setFontPointSize(font_size * 0.9)
        fmt.setForeground(palette.placeholderText())
    elif kind == "pre":
        fmt.setFontFamilies(["monospace"])
    return fmt
