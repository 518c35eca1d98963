"""The command palette (Ctrl+K): every command by name, found by typing a few letters.

Typing a command that takes an argument and a space ("view ") lists its choices; typing it whole
("view bookmarked") puts that command first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.ui.commands import Command, CommandRegistry, key_text

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
        """Commands matching `query`; "view " then an argument lists that command's choices."""
        self.list.clear()
        exact = self.registry.resolve(query)
        family, space, rest = query.lstrip().partition(" ")
        in_family = bool(space) and family in self.registry.families
        for command in self.commands():
            if in_family:
                found = command.family == family and matches(rest, f"{command.arg} {command.title}")
            else:
                found = matches(query, f"{command.title} {command.help} {command.name}")
            if found or command.name == exact:
                self._add_item(command, first=command.name == exact)
        self.list.setCurrentRow(0)

    def _add_item(self, command: Command, *, first: bool) -> None:
        keys = ", ".join(key_text(k) for k in command.keys)
        title = command.title.replace("&", "")
        item = QListWidgetItem(f"{title}  ·  {command.name}" + (f"    {keys}" if keys else ""))
        item.setToolTip(command.help)
        item.setData(NameRole, command.name)
        if first:
            self.list.insertItem(0, item)
        else:
            self.list.addItem(item)

    def commands(self) -> list[Command]:
        """Every enabled command, by title."""
        enabled = [c for c in self.registry.commands.values() if c.action is None or c.action.isEnabled()]
        return sorted(enabled, key=lambda c: (c.title.replace("&", "").casefold(), c.name))

    def run_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(NameRole)
        else:  # nothing listed, but the text may name a command exactly
            self.chosen = self.registry.resolve(self.query.text())
        if self.chosen:
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
