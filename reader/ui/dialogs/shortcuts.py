"""The shortcut help (F1 or ?): every command with its keys, generated from the registry."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# keys that work without a command of their own (the list, the panes' own behaviour)
BUILT_IN_KEYS = [
    ("Down, Up", "Next / previous article (in the list)", ""),
    ("Tab, Shift+Tab", "Move between the panes", ""),
    ("Enter", "Read the selected article", ""),
]


class ShortcutsDialog(QDialog):
    """A table of keys and what they do."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(560, 620)
        all_rows = [*rows, *BUILT_IN_KEYS]
        self.table = QTableWidget(len(all_rows), 3)
        self.table.setHorizontalHeaderLabels(["Keys", "Command", "What it does"])
        for r, (keys, title, help_text) in enumerate(all_rows):
            for c, value in enumerate((keys, title, help_text)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
