"""The article list: a table model over article ids that fetches rows in pages, and its view.

The model keeps one column per sort key; the view shows only the title column, drawn by `ArticleRowDelegate`
as one rich row, and its header opens the sort menu.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from reader.core.dates_display import short_date
from reader.core.store.library import KEPT_NOTES, Library, RowInfo
from reader.core.store.library_query import ListQuery
from reader.ui.article_row import ArticleRowDelegate, BookmarkedRole, DimmedRole, MetaRole
from reader.ui.plain_text import escaped_tooltip

COLUMNS = ("★", "Title", "Source", "Date", "Words")
SORT_KEYS = {1: "title", 2: "source", 3: "published", 4: "words"}
PAGE = 200
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
SORTS = (  # the sort menu: label, model column, order
    ("Newest first", 3, DESC), ("Oldest first", 3, ASC), ("Title A–Z", 1, ASC), ("Title Z–A", 1, DESC),
    ("Source A–Z", 2, ASC), ("Source Z–A", 2, DESC), ("Longest first", 4, DESC), ("Shortest first", 4, ASC),
)  # fmt: skip

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
        self._bold = QFont()
        self._bold.setBold(True)

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
            return f"{self.sort_label()}  ▾" if section == 1 else COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == 1:
            return "Change the order of the list"
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
            return None if article_id in self.read else self._bold
        if role == BookmarkedRole:
            return article_id in self.bookmarked
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4):
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if index.column() == 4
                else int(Qt.AlignmentFlag.AlignCenter)
            )
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, MetaRole, DimmedRole):
            return None
        info = self._row(index.row())
        if info is None:
            return None
        if role == DimmedRole:
            return bool(info.status)
        if role == MetaRole:
            return meta_line(info)
        col = index.column()
        if col == 0:
            return "★" if article_id in self.bookmarked else ""
        if col == 1:
            return (
                info.title or "(untitled)"
                if role == Qt.ItemDataRole.DisplayRole
                else escaped_tooltip(info.title, info.path, KEPT_NOTES.get(info.status, ""))
            )
        if col == 2:
            return info.source
        if col == 3:
            return short_date(info.published) if role == Qt.ItemDataRole.DisplayRole else info.published
        return f"{info.words:,}"

    def sort(self, column: int, order: Qt.SortOrder = ASC) -> None:
        """Sort by a column's key; the current and selected rows follow their articles."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.query = replace(self.query, sort=key, descending=order == DESC)
        self.layoutAboutToBeChanged.emit()  # the views save their current and selected rows as persistent indexes
        old = self.persistentIndexList()
        moved = [self.ids[i.row()] for i in old]
        self.ids = self.library.list_ids(self.query)
        if old:
            wanted = set(moved)  # a few ids (current, selected): no 100,000-entry dict
            rows = {article_id: row for row, article_id in enumerate(self.ids) if article_id in wanted}
            new = [
                self.index(rows[a], i.column()) if a in rows else QModelIndex() for a, i in zip(moved, old, strict=True)
            ]
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def sort_label(self) -> str:
        """The current order in the sort menu's words."""
        for label, column, order in SORTS:
            if SORT_KEYS[column] == self.query.sort and (order == DESC) == self.query.descending:
                return label
        return f"By {self.query.sort}"


class ArticleListView(QTreeView):
    """A flat, fast list of one-rich-row articles (uniform row heights); the header offers the sort orders."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)
        self.row_delegate = ArticleRowDelegate(self)
        self.setItemDelegate(self.row_delegate)
        header = self.header()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.setSectionsMovable(False)
        header.sectionClicked.connect(lambda _section: self.show_sort_menu())

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(True)
        for column in range(model.columnCount()):
            self.setColumnHidden(column, column != 1)

    def sort_menu(self) -> QMenu:
        """The orders the list can take, the current one checked; choosing one sorts the model."""
        menu = QMenu(self)
        model = self.model()
        assert isinstance(model, ArticleListModel)
        current = model.sort_label()
        for label, column, order in SORTS:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(label == current)
            action.triggered.connect(lambda _on=False, c=column, o=order: model.sort(c, o))
        return menu

    def show_sort_menu(self) -> None:
        header = self.header()
        self.sort_menu().exec(header.mapToGlobal(QPoint(0, header.height())))


def meta_line(info: RowInfo) -> str:
    """The row's second line: source, date and length, after why the file is not in the library (if so)."""
    words = f"{info.words:,} word{'' if info.words == 1 else 's'}" if info.words else "no text, a link only"
    # the source in a bidi isolate: an Arabic or Hebrew name must not pull the date's digits into its run
    source = f"\u2068{info.source}\u2069" if info.source else ""
    parts = (KEPT_NOTES.get(info.status, ""), source, short_date(info.published) if info.published else "", words)
    return " · ".join(part for part in parts if part)
