"""The article list's view: a table showing one rich column, whose header opens the sort menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reader.ui.article_row import ArticleRowDelegate
from reader.ui.qt_later import Qt

SORTS = (  # the sort menu: label, model column, descending (as a bool: Qt.SortOrder would be read to paint)
    ("Newest first", 3, True), ("Oldest first", 3, False), ("Title A–Z", 1, False), ("Title Z–A", 1, True),
    ("Source A–Z", 2, False), ("Source Z–A", 2, True), ("Longest first", 4, True), ("Shortest first", 4, False),
)  # fmt: skip


class ArticleListView(QTableView):
    """A flat, fast list of one-rich-row articles; the header offers the sort orders.

    A table, not a tree: every row has the height the delegate asks for, so a reset does not visit each of
    100,000 rows as a tree's layout does (two Python calls a row); only the title column is shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as it left the tree
        self.setCornerButtonEnabled(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)
        self.row_delegate = ArticleRowDelegate(self)
        self.setItemDelegate(self.row_delegate)
        header = self.header()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.setSectionsMovable(False)
        header.sectionClicked.connect(lambda _section: self.show_sort_menu())
        self.fit_rows()

    def header(self) -> QHeaderView:
        """The column header (the sort menu's button)."""
        return self.horizontalHeader()

    def fit_rows(self) -> None:
        """Every row as tall as the delegate draws one in the list's font (again when the font changes)."""
        option = QStyleOptionViewItem()
        option.initFrom(self)
        option.font = self.font()
        self.verticalHeader().setDefaultSectionSize(self.row_delegate.sizeHint(option, QModelIndex()).height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_rows()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        # Home and End go to the first and last article, as in a list, not to the row's first and last column
        if action in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        # the delegate asks the model for a row's text directly when it can (one Python call a painted row)
        self.row_delegate.rows = getattr(model, "row_text", None)
        header = self.header()
        header.setStretchLastSection(True)
        for column in range(model.columnCount()):
            self.setColumnHidden(column, column != 1)

    def sort_menu(self) -> QMenu:
        """The orders the list can take, the current one checked; choosing one sorts the model."""
        menu = QMenu(self)
        model = self.model()
        current = model.sort_label()  # type: ignore[attr-defined]
        for label, column, down in SORTS:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(label == current)
            order = Qt.SortOrder.DescendingOrder if down else Qt.SortOrder.AscendingOrder
            action.triggered.connect(lambda _on=False, c=column, o=order: model.sort(c, o))
        return menu

    def show_sort_menu(self) -> None:
        header = self.header()
        self.sort_menu().exec(header.mapToGlobal(QPoint(0, header.height())))
