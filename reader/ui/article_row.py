"""How one article-list row is drawn: the title on up to two lines, then source, date and length in a smaller,
dimmer font (the NetNewsWire timeline row). Unread rows come bold from the model's font role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

MetaRole = Qt.ItemDataRole.UserRole + 2  # "Source · 12 Mar 2025 · 1,234 words"
BookmarkedRole = Qt.ItemDataRole.UserRole + 3  # bool
DimmedRole = Qt.ItemDataRole.UserRole + 4  # bool: an article of the user's whose file is not in the library
RowRole = Qt.ItemDataRole.UserRole + 5  # RowText: everything a row draws, in one call to the model per paint

TITLE_LINES = 2
PAD_X, PAD_Y, GAP = 8, 6, 2
META_SCALE = 0.88  # the second line's font, relative to the list's
META_ALPHA = 0.62  # how much of the text colour the second line keeps: dimmer, still readable in both themes
STAR = "★"
TEXT_CACHE = 4000  # rows' texts kept laid out (a few screens' worth of scrolling, both lines)

Index = QModelIndex | QPersistentModelIndex


class RowText(NamedTuple):
    """What one row draws (the model's `RowRole`): asked once per paint, not role by role."""

    title: str
    meta: str
    bookmarked: bool
    dimmed: bool
    unread: bool


class RowFonts(NamedTuple):
    """A row's fonts in one list font (unread or not), with what painting asks of them on every row."""

    title: QFont
    meta: QFont
    title_metrics: QFontMetrics
    meta_metrics: QFontMetrics
    title_key: str
    meta_key: str
    star_width: int


@dataclass(frozen=True)
class RowLayout:
    """Where and what a row draws; computed the same way for painting and for tests."""

    title_font: QFont
    title_lines: list[str]
    title_rects: list[QRect]
    meta_font: QFont
    meta_text: str
    meta_rect: QRect
    star_rect: QRect
    bookmarked: bool
    dimmed: bool = False


def meta_font(font: QFont) -> QFont:
    """The second line's font: the list's, not bold, a little smaller."""
    small = QFont(font)
    small.setBold(False)
    if font.pointSizeF() > 0:
        small.setPointSizeF(font.pointSizeF() * META_SCALE)
    else:
        small.setPixelSize(max(8, round(font.pixelSize() * META_SCALE)))
    return small


def wrap_title(title: str, font: QFont, width: int, max_lines: int = TITLE_LINES) -> list[str]:
    """`title` broken at word boundaries into at most `max_lines` lines of `width` px; the last is elided."""
    text = " ".join(title.split())
    if not text or width <= 0:
        return [text] if text else []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[int] = []
    layout.beginLayout()
    while len(starts) <= max_lines:  # one line more than shown tells whether the last one needs eliding
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    # QTextLayout counts UTF-16 units; slicing the UTF-16 bytes keeps titles with emoji intact
    units = text.encode("utf-16-le")
    bounds = [*starts, len(units) // 2]
    lines = [units[2 * a : 2 * b].decode("utf-16-le").strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    if len(lines) <= max_lines:
        return lines
    rest = units[2 * starts[max_lines - 1] :].decode("utf-16-le")
    last = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return [*lines[: max_lines - 1], last]


class ArticleRowDelegate(QStyledItemDelegate):
    """Draws a whole article row in the title column; every row has the same height (fast 100,000-row lists)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # a title's line breaks and the elided second line, by text, font and width: scrolling back and forth
        # repaints the same rows, and breaking a title into lines is most of a row's layout
        self._texts: dict[tuple[str, str, int, bool], list[str]] = {}
        self._font_cache: dict[tuple[str, bool], RowFonts] = {}

    def _lines(self, text: str, font: QFont, font_key: str, width: int, *, meta: bool) -> list[str]:
        key = (text, font_key, width, meta)
        lines = self._texts.get(key)
        if lines is None:
            if len(self._texts) > TEXT_CACHE:
                self._texts.clear()
            lines = ([QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)] if meta
                     else wrap_title(text, font, width))  # fmt: skip
            self._texts[key] = lines
        return lines

    def row_layout(self, option: QStyleOptionViewItem, index: Index) -> RowLayout:
        """What `paint` draws for `index` in `option.rect`."""
        return self._layout(option.rect, option.font, row_text(index))

    def _fonts(self, font: QFont, unread: bool) -> RowFonts:
        key = (font.key(), unread)
        fonts = self._font_cache.get(key)
        if fonts is None:  # fonts and their metrics made once per font, not once per row painted
            title = QFont(font)
            title.setBold(unread)
            small = meta_font(title)
            fonts = RowFonts(title, small, QFontMetrics(title), QFontMetrics(small), title.key(), small.key(),
                             QFontMetrics(title).horizontalAdvance(STAR) + 4)  # fmt: skip
            self._font_cache[key] = fonts
        return fonts

    def _layout(self, rect: QRect, font: QFont, row: RowText) -> RowLayout:
        title_font, small, title_fm, meta_fm, title_key, small_key, star_w = self._fonts(font, row.unread)
        area = rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        star_rect = QRect(area.left(), area.top(), star_w, title_fm.lineSpacing())
        text_left = area.left() + star_w
        width = max(1, area.right() - text_left + 1)
        lines = self._lines(row.title, title_font, title_key, width, meta=False)
        rects = [QRect(text_left, area.top() + i * title_fm.lineSpacing(), width, title_fm.lineSpacing())
                 for i in range(len(lines))]  # fmt: skip
        meta_top = area.top() + TITLE_LINES * title_fm.lineSpacing() + GAP
        return RowLayout(
            title_font=title_font, title_lines=lines, title_rects=rects, meta_font=small,
            meta_text=self._lines(row.meta, small, small_key, width, meta=True)[0],
            meta_rect=QRect(text_left, meta_top, width, meta_fm.height()),
            star_rect=star_rect, bookmarked=row.bookmarked, dimmed=row.dimmed,
        )  # fmt: skip

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        bold = QFont(option.font)
        bold.setBold(True)
        height = (
            2 * PAD_Y + TITLE_LINES * QFontMetrics(bold).lineSpacing() + GAP + QFontMetrics(meta_font(bold)).height()
        )
        return QSize(160, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # the style draws the background, selection and focus from the view's option (no text: it is drawn
        # below); initStyleOption is left out, it asks the model for a dozen roles a row does not use
        opt = QStyleOptionViewItem(option)
        lay = self._layout(opt.rect, opt.font, row_text(index))
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = opt.palette.color(group, role)
        dim = QColor(color)
        dim.setAlphaF(META_ALPHA)
        if lay.dimmed and not selected:  # not in the library: the title steps back, the second line says why
            color.setAlphaF(META_ALPHA)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        painter.setPen(color)
        painter.setFont(lay.title_font)
        for line, rect in zip(lay.title_lines, lay.title_rects, strict=True):
            painter.drawText(rect, flags, line)
        if lay.bookmarked:
            painter.drawText(lay.star_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, STAR)
        painter.setPen(dim)
        painter.setFont(lay.meta_font)
        painter.drawText(lay.meta_rect, flags, lay.meta_text)
        painter.restore()


def row_text(index: Index) -> RowText:
    """The row's `RowText`, in one call to the model (a model without `RowRole` is asked role by role)."""
    row = index.data(RowRole)
    if isinstance(row, RowText):
        return row
    font = index.data(Qt.ItemDataRole.FontRole)
    return RowText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""), str(index.data(MetaRole) or ""),
                   bool(index.data(BookmarkedRole)), bool(index.data(DimmedRole)),
                   isinstance(font, QFont) and font.bold())  # fmt: skip
