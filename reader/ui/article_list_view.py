"""The article list's view: a table showing one rich column, whose header opens the sort menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reader.ui.article_row import ArticleRowDelegate
from reader.ui.first_frame import SORTS as SORTS  # the first paint's stand-in names the first order too
from reader.ui.qt_later import ALIGN_LEFT_VCENTER, ELIDE_RIGHT, SCROLL_BAR_ALWAYS_OFF, Qt


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
        # as properties: the setters take only Qt's enums, and reading one builds all of Qt's (qt_later)
        self.setProperty("textElideMode", ELIDE_RIGHT)
        self.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self.setAlternatingRowColors(True)
        self.row_delegate = ArticleRowDelegate(self)
        self.setItemDelegate(self.row_delegate)
        header = self.header()
        header.setProperty("defaultAlignment", ALIGN_LEFT_VCENTER)
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
        self._only_the_title(model.columnCount())

    def show_header(self, labels: list[tuple[str, str]]) -> None:
        """Before the list is given its model: its header alone, with these (text, tooltip) labels, kept by Qt.

        The window's first paint shows the list this way: a model's Python `headerData` is handed a Qt.Orientation,
        and PySide6 builds all of Qt's 93 enum classes to make it (30-50 ms of CPU). `setModel` replaces them."""
        self._labels = QStandardItemModel(0, len(labels), self)
        for column, (text, tip) in enumerate(labels):
            item = QStandardItem(text)
            if tip:
                item.setToolTip(tip)
            self._labels.setHorizontalHeaderItem(column, item)
        self.header().setModel(self._labels)
        self._only_the_title(len(labels))

    def _only_the_title(self, columns: int) -> None:
        self.header().setStretchLastSection(True)
        for column in range(columns):
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
