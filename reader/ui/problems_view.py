"""Import problems: every file that could not be read, why, and what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from reader.ui.plain_text import escaped_tooltip

if TYPE_CHECKING:
    from reader.core.store.library import Problem


class ProblemsView(QTableWidget):
    """A read-only table: file, what is wrong, what to do (cells are plain text; tooltips are escaped)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("problemsView")
        self.setHorizontalHeaderLabels(["File", "What is wrong", "What to do"])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

    def set_problems(self, problems: list[Problem]) -> None:
        self.setRowCount(len(problems))
        for row, p in enumerate(problems):
            name = QTableWidgetItem(p.path.rsplit("/", 1)[-1])
            name.setToolTip(escaped_tooltip(p.path))
            self.setItem(row, 0, name)
            for col, text in ((1, p.reason), (2, p.advice)):
                item = QTableWidgetItem(text)
                item.setToolTip(escaped_tooltip(text))  # the full text when the cell is too narrow
                self.setItem(row, col, item)
        self.resizeRowsToContents()
