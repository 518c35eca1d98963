"""The article list: a table model over article ids that fetches rows in pages, and its view."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from reader.core.store.library import Library, RowInfo
from reader.core.store.library_query import ListQuery

COLUMNS = ("★", "Title", "Source", "Date", "Words")
SORT_KEYS = {1: "title", 2: "source", 3: "published", 4: "words"}
PAGE = 200
ArticleIdRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class ArticleListModel(QAbstractTableModel):
    """Rows are article ids; titles and the rest are fetched from the library a page at a time."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.ids: list[str] = []
        self._rows: dict[str, RowInfo] = {}
        self.bookmarked: set[str] = set()
        self.read: set[str] = set()
        self.query = ListQuery()

    # --- loading ---------------------------------------------------------------------------

    def set_query(self, query: ListQuery) -> None:
        """Run `query` and show its ids (the row cache is dropped)."""
        self.query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.ids = self.library.list_ids(self.query)
        self._rows.clear()
        self.endResetModel()

    def clear(self) -> None:
        """Show no rows (the window is closing)."""
        self.beginResetModel()
        self.ids = []
        self._rows.clear()
        self.endResetModel()

    def set_marks(self, *, bookmarked: set[str] | None = None, read: set[str] | None = None) -> None:
        """Update the bookmark/read marks shown, repainting only what is visible."""
        if bookmarked is not None:
            self.bookmarked = bookmarked
        if read is not None:
            self.read = read
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))

    def update_marks(self, article_id: str, *, bookmarked: bool, read: bool) -> None:
        """One article's marks changed: repaint its row only."""
        for marks, on in ((self.bookmarked, bookmarked), (self.read, read)):
            if on:
                marks.add(article_id)
            else:
                marks.discard(article_id)
        row = self.row_of(article_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, article_id: str) -> int:
        try:
            return self.ids.index(article_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> RowInfo | None:
        article_id = self.ids[row]
        info = self._rows.get(article_id)
        if info is None:
            if len(self._rows) > 20 * PAGE:
                self._rows.clear()
            start = max(0, row - PAGE // 4)
            self._rows.update(self.library.rows(self.ids[start : start + PAGE]))
            info = self._rows.get(article_id)
        return info

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == 0:
            return "Bookmarked"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        article_id = self.ids[index.row()]
        if role == ArticleIdRole:
            return article_id
        if role == Qt.ItemDataRole.FontRole:
            if article_id not in self.read:
                f = QFont()
                f.setBold(True)
                return f
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if index.column() == 4 else int(
                Qt.AlignmentFlag.AlignCenter
            )
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        info = self._row(index.row())
        if info is None:
            return None
        col = index.column()
        if col == 0:
            return "★" if article_id in self.bookmarked else ""
        if col == 1:
            return info.title or "(untitled)" if role == Qt.ItemDataRole.DisplayRole else f"{info.title}\n{info.path}"
        if col == 2:
            return info.source
        if col == 3:
            return _short_date(info.published) if role == Qt.ItemDataRole.DisplayRole else info.published
        return f"{info.words:,}"

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.query = replace(self.query, sort=key, descending=descending)
        self.layoutAboutToBeChanged.emit()
        self.ids = self.library.list_ids(self.query)
        self.layoutChanged.emit()


class ArticleListView(QTreeView):
    """A flat, fast list (uniform rows) with sortable columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 28)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((2, 104), (3, 92), (4, 50)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)


def _short_date(iso: str) -> str:
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso[:10]
    return d.strftime("%d %b %Y")
