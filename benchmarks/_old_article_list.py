"""The article list model as it was before issue 15's paging (every id fetched at each reload), kept only so
`benchmarks/article_list.py` can print before and after in one run. Not used by the app."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from reader.core.dates_display import short_date
from reader.core.store.library import KEPT_NOTES, RowInfo
from reader.core.store.library_query import ListQuery, parse_filter, with_search
from reader.ui.article_list import COLUMNS, PAGE, SORT_KEYS, ArticleIdRole, ArticleListModel, meta_line
from reader.ui.article_row import BookmarkedRole, DimmedRole, MetaRole
from reader.ui.plain_text import escaped_tooltip

Index = QModelIndex | QPersistentModelIndex
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
NO_PARENT = QModelIndex()


class OldArticleListModel(ArticleListModel):
    """Every id of the list in a Python list; rows read a page at a time; dates formatted on every paint."""

    def set_query(self, query: ListQuery, text: str = "") -> None:
        spec = parse_filter(text)
        entity = ""
        if spec.entity:
            from reader.core.entities import canonical_name

            entity = canonical_name(spec.entity, "")
        self.query, self.text = query, text
        self._full = with_search(query, spec, entity)
        self.beginResetModel()
        self.ids = self.library.list_ids(self._full)  # type: ignore[assignment]
        self.total = len(self.ids)
        self._old_rows: dict[str, RowInfo] = {}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.ids, self.total, self._old_rows = [], 0, {}  # type: ignore[assignment]
        self.endResetModel()

    def id_at(self, row: int) -> str:
        return self.ids[row]

    def row_of(self, article_id: str) -> int:
        try:
            return self.ids.index(article_id)
        except ValueError:
            return -1

    def _info(self, row: int) -> RowInfo | None:
        article_id = self.ids[row]
        info = self._old_rows.get(article_id)
        if info is None:
            if len(self._old_rows) > 20 * PAGE:
                self._old_rows.clear()
            start = max(0, row - PAGE // 4)
            self._old_rows.update(self.library.rows(list(self.ids[start : start + PAGE])))
            info = self._old_rows.get(article_id)
        return info

    def rowCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.ids)

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
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, MetaRole, DimmedRole):
            return None
        info = self._info(index.row())
        if info is None:
            return None
        if role == DimmedRole:
            return bool(info.status)
        if role == MetaRole:
            return meta_line(info)
        col = index.column()
        if col == 1:
            return (info.title or "(untitled)" if role == Qt.ItemDataRole.DisplayRole
                    else escaped_tooltip(info.title, info.path, KEPT_NOTES.get(info.status, "")))  # fmt: skip
        if col == 3:
            return short_date(info.published) if role == Qt.ItemDataRole.DisplayRole else info.published
        return ""

    def sort(self, column: int, order: Qt.SortOrder = ASC) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.query = replace(self.query, sort=key, descending=order == DESC)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        moved = [self.ids[i.row()] for i in old]
        self.ids = self.library.list_ids(replace(self._full, sort=key, descending=order == DESC))  # type: ignore[assignment]
        wanted = set(moved)
        rows = {a: r for r, a in enumerate(self.ids) if a in wanted}
        new = [self.index(rows[a], i.column()) if a in rows else QModelIndex() for a, i in zip(moved, old, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
