"""The command palette (Ctrl+K): every command by name, found by typing a few letters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.ui.commands import CommandRegistry

NameRole = Qt.ItemDataRole.UserRole + 1


def matches(query: str, text: str) -> bool:
    """Every typed word occurs in the text (any order, any case)."""
    low = text.casefold()
    return all(word in low for word in query.casefold().split())


class CommandPalette(QDialog):
    """Type to narrow the list of commands; Enter runs the chosen one, Esc closes."""

    def __init__(self, registry: CommandRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Run a command")
        self.registry = registry
        self.chosen: str | None = None
        self.query = QLineEdit()
        self.query.setPlaceholderText("Type a command: bookmark, export, highlight, entities…")
        self.list = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        self.resize(520, 420)
        self.query.textChanged.connect(self.refill)
        self.query.returnPressed.connect(self.run_current)
        self.list.itemActivated.connect(lambda _item: self.run_current())
        self.query.installEventFilter(self)
        self.refill("")

    def refill(self, query: str) -> None:
        self.list.clear()
        for keys, title, help_text, name in self.rows():
            if matches(query, f"{title} {help_text} {name}"):
                item = QListWidgetItem(f"{title}    {keys}" if keys else title)
                item.setToolTip(help_text)
                item.setData(NameRole, name)
                self.list.addItem(item)
        self.list.setCurrentRow(0)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(keys, title, help, name) of every enabled command, by title."""
        out = []
        for (keys, title, help_text), (name, command) in zip(
            self.registry.shortcut_rows(), self.registry.commands.items(), strict=True
        ):
            if command.action is None or command.action.isEnabled():
                out.append((keys, title, help_text, name))
        return sorted(out, key=lambda r: r[1].casefold())

    def run_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = item.data(NameRole)
        self.accept()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        """Up and Down in the text field move through the list."""
        if obj is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
        return False
