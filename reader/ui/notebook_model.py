"""The notebook's list model over entry ids (rows fetched a page at a time) and the delegate drawing one entry.

A row is three lines: the quote on its colour, the note below it, then "Title · Source · Date" (with
"Orphaned: why" in front for an entry whose article or passage is gone). Rows have one height, so a
50,000-entry list scrolls as cheaply as the article list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.dates_display import short_date
from reader.core.store.notebook_query import (
    NOTE_PREFIX,
    ORPHAN_NOTES,
    NotebookQuery,
    NotebookRow,
    notebook_ids,
    notebook_rows,
)
from reader.core.styles import HIGHLIGHT_STYLES
from reader.ui.themes import current_theme

PAGE = 200
EntryIdRole = Qt.ItemDataRole.UserRole + 1
ArticleIdRole = Qt.ItemDataRole.UserRole + 2
RowRole = Qt.ItemDataRole.UserRole + 3  # the NotebookRow
PAD_X, PAD_Y, GAP, SWATCH = 8, 6, 2, 5

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


def one_line(text: str) -> str:
    return " ".join(text.split())


def meta_line(row: NotebookRow) -> str:
    """The third line: why it is orphaned (if so), the article's title, source and date."""
    date = short_date(row.published) if row.published else ""
    # the source in a bidi isolate, as in the article list: a right-to-left name must not take the date along
    source = f"\u2068{row.source}\u2069" if row.source else ""
    orphan = f"⚠ Orphaned: {ORPHAN_NOTES[row.status]}" if row.orphaned else ""
    parts = (orphan, one_line(row.title) or "(untitled)", source, date)
    return " · ".join(p for p in parts if p)


def first_line(row: NotebookRow) -> str:
    """The quote, or for an article note "Article note"."""
    return "Article note" if row.is_note else f"“{one_line(row.quote)}”"


class NotebookModel(QAbstractListModel):
    """Rows are entry ids from one SQL query; their data is read from the cache connection a page at a time."""

    def __init__(self, db: sqlite3.Connection | Callable[[], sqlite3.Connection],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        """`db`: the cache connection, or a function giving it (the window's cache opens after its first paint)."""
        super().__init__(parent)
        self._db = db
        self.ids: list[str] = []
        self.query = NotebookQuery()
        self._rows: dict[str, NotebookRow] = {}

    @property
    def db(self) -> sqlite3.Connection:
        return self._db if isinstance(self._db, sqlite3.Connection) else self._db()

    def set_query(self, query: NotebookQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.ids = notebook_ids(self.db, self.query)
        self._rows.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.ids = []
        self._rows.clear()
        self.endResetModel()

    def counts(self) -> tuple[int, int]:
        """(highlights, article notes) listed."""
        notes = sum(1 for i in self.ids if i.startswith(NOTE_PREFIX))
        return len(self.ids) - notes, notes

    def row_of(self, entry_id: str) -> int:
        try:
            return self.ids.index(entry_id)
        except ValueError:
            return -1

    def row_data(self, row: int) -> NotebookRow | None:
        entry_id = self.ids[row]
        info = self._rows.get(entry_id)
        if info is None:
            if len(self._rows) > 20 * PAGE:
                self._rows.clear()
            start = max(0, row - PAGE // 4)
            self._rows.update(notebook_rows(self.db, self.ids[start : start + PAGE]))
            info = self._rows.get(entry_id)
        return info

    def rowCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == EntryIdRole:
            return self.ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, RowRole, ArticleIdRole):
            return None
        info = self.row_data(index.row())
        if info is None:  # deleted since the ids were read
            return None
        if role == RowRole:
            return info
        if role == ArticleIdRole:
            return info.article_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(x for x in (info.quote.strip(), info.note.strip(), meta_line(info)) if x)
        return first_line(info)


class NotebookDelegate(QStyledItemDelegate):
    """Draws an entry on three lines: the quote on its highlight colour, the note, the article."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        base = QFont(option.font)  # type: ignore[attr-defined]
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.88))
        return base, small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        base, small = self._fonts(option)
        height = QFontMetrics(base).height() * 2 + QFontMetrics(small).height() + 2 * GAP + 2 * PAD_Y
        return QSize(300, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget else QApplication.style()  # type: ignore[attr-defined]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)  # type: ignore[attr-defined]
        info = index.data(RowRole)
        if not isinstance(info, NotebookRow):
            return
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette: QPalette = opt.palette  # type: ignore[attr-defined]
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        base, small = self._fonts(option)
        rect: QRect = opt.rect  # type: ignore[attr-defined]
        line_h = QFontMetrics(base).height()
        x, y, width = rect.x() + PAD_X + SWATCH + 4, rect.y() + PAD_Y, rect.width() - 2 * PAD_X - SWATCH - 4
        painter.save()
        if info.color in HIGHLIGHT_STYLES:
            swatch = QColor(HIGHLIGHT_STYLES[info.color].accent)
            painter.fillRect(QRect(rect.x() + PAD_X, rect.y() + PAD_Y, SWATCH, rect.height() - 2 * PAD_Y), swatch)
        quote = QFontMetrics(base).elidedText(first_line(info), Qt.TextElideMode.ElideRight, width)
        quote_rect = QRect(x, y, min(width, QFontMetrics(base).horizontalAdvance(quote) + 4), line_h)
        if info.color in HIGHLIGHT_STYLES and not selected:
            painter.fillRect(quote_rect, QColor(HIGHLIGHT_STYLES[info.color].background(current_theme())))
        painter.setFont(base if not info.is_note else _italic(base))
        painter.setPen(text_color)
        painter.drawText(QRect(x + 2, y, width, line_h), Qt.AlignmentFlag.AlignVCenter, quote)
        note = QFontMetrics(base).elidedText(one_line(info.note), Qt.TextElideMode.ElideRight, width)
        painter.setFont(_italic(base))
        painter.drawText(QRect(x + 2, y + line_h + GAP, width, line_h), Qt.AlignmentFlag.AlignVCenter, note)
        dim = QColor(text_color)
        dim.setAlphaF(0.62)
        painter.setPen(dim)
        painter.setFont(small)
        meta = QFontMetrics(small).elidedText(meta_line(info), Qt.TextElideMode.ElideRight, width)
        meta_h = QFontMetrics(small).height()
        painter.drawText(QRect(x + 2, y + 2 * (line_h + GAP), width, meta_h), Qt.AlignmentFlag.AlignVCenter, meta)
        painter.restore()


def _italic(font: QFont) -> QFont:
    f = QFont(font)
    f.setItalic(True)
    return f
