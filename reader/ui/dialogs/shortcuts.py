"""The shortcut help (F1 or ?): every command with its keys, generated from the registry.

Descriptions wrap instead of being cut, and a search box narrows the table by key, title or text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.palette import matches

# keys that work without a command of their own (the list, the panes' own behaviour)
BUILT_IN_KEYS = [
    ("Down, Up", "Next / previous article (in the list)", ""),
    ("Tab, Shift+Tab", "Move between the panes", ""),
    ("Enter", "Read the selected article", ""),
]


class ShortcutsDialog(QDialog):
    """A searchable table of keys and what they do."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(860, 640)
        all_rows = [*rows, *BUILT_IN_KEYS]
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by key, command or description…")
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(len(all_rows), 3)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "Command", "What it does"])
        for r, values in enumerate(all_rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # rows grow to fit the wrapped description whenever the column width changes
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.search.textChanged.connect(self.filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.search.setFocus()

    def filter(self, query: str) -> None:
        """Show only the rows whose keys, title or description contain every typed word."""
        for r in range(self.table.rowCount()):
            text = " ".join(self._cell(r, c) for c in range(3))
            self.table.setRowHidden(r, not matches(query, text))

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """The rows the table shows now, as (keys, title, description)."""
        return [
            (self._cell(r, 0), self._cell(r, 1), self._cell(r, 2))
            for r in range(self.table.rowCount())
            if not self.table.isRowHidden(r)
        ]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
