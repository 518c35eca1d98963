"""How one article-list row is drawn: the title on up to two lines, then source, date and length in a smaller,
dimmer font (the NetNewsWire timeline row). Unread rows come bold from the model's font role.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRect, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from reader.ui.qt_later import USER_ROLE, Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

MetaRole = USER_ROLE + 2  # "Source · 12 Mar 2025 · 1,234 words"
BookmarkedRole = USER_ROLE + 3  # bool
DimmedRole = USER_ROLE + 4  # bool: an article of the user's whose file is not in the library
RowRole = USER_ROLE + 5  # RowText: everything a row draws, in one call to the model per paint

TITLE_LINES = 2
PAD_X, PAD_Y, GAP = 8, 6, 2
META_SCALE = 0.88  # the second line's font, relative to the list's
META_ALPHA = 0.62  # how much of the text colour the second line keeps: dimmer, still readable in both themes
STAR = "★"
TEXT_CACHE = 4000  # rows kept broken, elided and placed (a whole-list scroll's worth; ~2.7 KB a row, measured)

Index = QModelIndex | QPersistentModelIndex
# what every paint asks for, looked up once (an enum member's lookup is a Python call each time)
# QStyle.StateFlag.State_Selected and State_Active as ints: reading them from QStyle at import would make PySide6
# build QStyle's class and its 11 enum classes before the window's first paint (`item_view_item` waits for a row)
SELECTED, STATE_ACTIVE = 0x00008000, 0x00010000
ACTIVE, INACTIVE = QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive
HIGHLIGHTED, TEXT = QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Text


@cache
def item_view_item() -> QStyle.ControlElement:
    """The control a row's background, selection and focus are drawn as (asked at the first row's paint)."""
    from PySide6.QtWidgets import QStyle

    return QStyle.ControlElement.CE_ItemViewItem


class RowText(NamedTuple):
    """What one row draws (the model's `RowRole`): asked once per paint, not role by role."""

    title: str
    meta: str
    bookmarked: bool
    dimmed: bool
    unread: bool


class Placed(NamedTuple):
    """One line of a row's text and where it goes (from the row's top-left corner)."""

    at: QPointF  # where its baseline starts: drawText(point, text) draws it without laying it out in a box
    text: str
    box: QRect  # the line's box, as drawText(box, AlignLeft | AlignVCenter) would be given it
    clip: bool  # the text overflows its box: drawText cuts what spills out, so do we


class RowFonts(NamedTuple):
    """A row's fonts in one list font (unread or not), with what painting asks of them on every row."""

    title: QFont
    meta: QFont
    title_metrics: QFontMetrics
    meta_metrics: QFontMetrics
    key: str  # the title font's and the direction: which rows' laid-out text these fonts can reuse
    direction: Qt.LayoutDirection
    star_width: int
    star: Placed


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


def row_fonts(font: QFont, unread: bool, direction: Qt.LayoutDirection) -> RowFonts:
    """The fonts a row draws with in the list's `font`, bold when `unread`, and the list's text `direction`."""
    title = QFont(font)
    title.setBold(unread)
    small = meta_font(title)
    title_fm, small_fm = QFontMetrics(title), QFontMetrics(small)
    star_w = title_fm.horizontalAdvance(STAR) + 4
    star = place(STAR, title, QRect(PAD_X, PAD_Y, star_w, title_fm.lineSpacing()), direction)
    return RowFonts(title, small, title_fm, small_fm, f"{title.key()} {direction.name}", direction,
                    star_w, star)  # fmt: skip


def text_width(row_width: int, fonts: RowFonts) -> int:
    """How wide a row's text is drawn: the row less its padding and the star's place."""
    return max(1, row_width - 2 * PAD_X - fonts.star_width)


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


class PreparedRow(NamedTuple):
    """A row's text broken, elided and placed once for one width and font: what a repaint draws as it is."""

    title_lines: list[str]
    meta_text: str
    title: list[Placed]
    meta: Placed


def line_metrics(text: str, font: QFont) -> tuple[float, float, float]:
    """The natural width, ascent and height of `text` laid out on one line, as drawText lays it out: a fallback
    font (Arabic, "·", a bidi isolate) can make a line taller than its font's."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.naturalTextWidth(), line.ascent(), line.height()


def place(text: str, font: QFont, box: QRect, direction: Qt.LayoutDirection,
          metrics: tuple[float, float, float] | None = None) -> Placed:  # fmt: skip
    """`text` in `box` as drawText(box, AlignLeft | AlignVCenter) puts it: centred on the laid-out line, at the
    left (the right in a right-to-left list), cut to the box if it overflows. `metrics`: its `line_metrics`, if known.
    """
    natural, ascent, height = metrics or line_metrics(text, font)
    left = box.left() if direction != Qt.LayoutDirection.RightToLeft else box.left() + box.width() - natural
    clip = height > box.height() or natural > box.width()
    return Placed(QPointF(left, box.top() + (box.height() - height) / 2 + ascent), text, box, clip)


def draw(painter: QPainter, line: Placed) -> None:
    """One placed line, in the painter's pen and font."""
    if not line.clip:
        painter.drawText(line.at, line.text)
        return
    painter.save()
    painter.setClipRect(line.box, Qt.ClipOperation.IntersectClip)
    painter.drawText(line.at, line.text)
    painter.restore()


RowSource = Callable[[int], "RowText | None"]  # a model's `row_text(row)`: what a row draws, asked directly


class ArticleRowDelegate(QStyledItemDelegate):
    """Draws a whole article row in the title column; every row has the same height (fast 100,000-row lists).

    `rows` (set by the view when its model has `row_text`) is asked for a row's text in one Python call; without
    it the row is asked of the index (`row_text`), through Qt.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: RowSource | None = None
        # the pens of a row, by its palette and whether it is selected and active: not looked up row by row
        self._pens: dict[tuple[int, int], tuple[QColor, QColor]] = {}
        # each row's lines broken, elided and placed, by its text, the row's width and its font: scrolling
        # back and forth repaints the same rows; least recently drawn first out, so memory stays flat
        self._prepared: OrderedDict[tuple[str, str, int, str], PreparedRow] = OrderedDict()
        self._font_cache: dict[tuple[str, bool, Qt.LayoutDirection], RowFonts] = {}
        self._last_font = QFont()  # the list's font when last asked, and its key: QFont.key() builds a string
        self._last_key = self._last_font.key()

    def cached_rows(self) -> int:
        """How many rows are kept broken into lines, elided and placed (at most `TEXT_CACHE`)."""
        return len(self._prepared)

    def row_layout(self, option: QStyleOptionViewItem, index: Index) -> RowLayout:
        """What `paint` draws for `index` in `option.rect`."""
        row = self._row_text(index)
        fonts = self._fonts(option.font, row.unread, option.direction)
        rect = option.rect
        prepared = self._prepare(row, fonts, rect.width())
        title_fm, meta_fm = fonts.title_metrics, fonts.meta_metrics
        left, top = rect.left() + PAD_X + fonts.star_width, rect.top() + PAD_Y
        width = text_width(rect.width(), fonts)
        spacing = title_fm.lineSpacing()
        return RowLayout(
            title_font=fonts.title, title_lines=prepared.title_lines,
            title_rects=[QRect(left, top + i * spacing, width, spacing) for i in range(len(prepared.title_lines))],
            meta_font=fonts.meta, meta_text=prepared.meta_text,
            meta_rect=QRect(left, top + TITLE_LINES * spacing + GAP, width, meta_fm.height()),
            star_rect=QRect(rect.left() + PAD_X, top, fonts.star_width, spacing),
            bookmarked=row.bookmarked, dimmed=row.dimmed,
        )  # fmt: skip

    def _fonts(self, font: QFont, unread: bool, direction: Qt.LayoutDirection) -> RowFonts:
        if font != self._last_font:
            self._last_font, self._last_key = QFont(font), font.key()
        key = (self._last_key, unread, direction)
        fonts = self._font_cache.get(key)
        if fonts is None:  # fonts and their metrics made once per font, not once per row painted
            fonts = self._font_cache[key] = row_fonts(font, unread, direction)
        return fonts

    def _prepare(self, row: RowText, fonts: RowFonts, row_width: int) -> PreparedRow:
        key = (row.title, row.meta, row_width, fonts.key)
        prepared = self._prepared.get(key)
        if prepared is not None:
            self._prepared.move_to_end(key)
            return prepared
        width = text_width(row_width, fonts)
        left, top, direction = PAD_X + fonts.star_width, PAD_Y, fonts.direction
        spacing = fonts.title_metrics.lineSpacing()
        # most titles and details fit their line: measured once, they are neither broken into lines nor elided
        text = " ".join(row.title.split())
        whole = line_metrics(text, fonts.title)
        fits = bool(text) and whole[0] <= width
        lines = [text] if fits else wrap_title(text, fonts.title, width)
        title = [place(line, fonts.title, QRect(left, top + i * spacing, width, spacing), direction,
                       whole if fits else None) for i, line in enumerate(lines)]  # fmt: skip
        meta, meta_metrics = row.meta, line_metrics(row.meta, fonts.meta)
        if meta_metrics[0] > width:
            meta = fonts.meta_metrics.elidedText(meta, Qt.TextElideMode.ElideRight, width)
            meta_metrics = line_metrics(meta, fonts.meta)
        meta_box = QRect(left, top + TITLE_LINES * spacing + GAP, width, fonts.meta_metrics.height())
        prepared = PreparedRow(lines, meta, title, place(meta, fonts.meta, meta_box, direction, meta_metrics))
        self._prepared[key] = prepared
        if len(self._prepared) > TEXT_CACHE:
            self._prepared.popitem(last=False)
        return prepared

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        bold = QFont(option.font)
        bold.setBold(True)
        height = (
            2 * PAD_Y + TITLE_LINES * QFontMetrics(bold).lineSpacing() + GAP + QFontMetrics(meta_font(bold)).height()
        )
        return QSize(160, height)

    def _row_text(self, index: Index) -> RowText:
        source = self.rows
        row = source(index.row()) if source is not None else None
        return row if row is not None else row_text(index)

    def _row_pens(self, option: QStyleOptionViewItem, state: int) -> tuple[QColor, QColor]:
        """The title's and the details' colours for a row in `state` (selected, active) in the option's palette."""
        palette = option.palette
        key = (palette.cacheKey(), state & (SELECTED | STATE_ACTIVE))
        pens = self._pens.get(key)
        if pens is None:
            if len(self._pens) > 16:  # palettes come and go with themes: keep the few in use
                self._pens.clear()
            group = ACTIVE if state & STATE_ACTIVE else INACTIVE
            color = palette.color(group, HIGHLIGHTED if state & SELECTED else TEXT)
            dim = QColor(color)
            dim.setAlphaF(META_ALPHA)
            pens = self._pens[key] = (color, dim)
        return pens

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # the style draws the background, selection and focus from the view's option (no text: it is drawn
        # below); initStyleOption is left out, it asks the model for a dozen roles a row does not use
        row = self._row_text(index)
        fonts = self._fonts(option.font, row.unread, option.direction)
        rect = option.rect
        prepared = self._prepare(row, fonts, rect.width())
        widget = option.widget
        (widget.style() if widget is not None else QApplication.style()).drawControl(
            item_view_item(), option, painter, widget
        )
        state = option.state.value  # as an int: a Python enum's & costs more than the rest of this line
        color, dim = self._row_pens(option, state)
        painter.save()
        painter.translate(rect.x(), rect.y())
        # not in the library: the title steps back
        painter.setPen(dim if row.dimmed and not state & SELECTED else color)
        painter.setFont(fonts.title)
        for line in prepared.title:
            draw(painter, line)
        if row.bookmarked:
            draw(painter, fonts.star)
        painter.setPen(dim)
        painter.setFont(fonts.meta)
        draw(painter, prepared.meta)
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
