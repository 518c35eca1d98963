"""The palette (Ctrl+K, Ctrl+Shift+P): commands with their keys, articles, entities and highlights, found by typing.

Matching is fuzzy (`reader.core.palette_search.fuzzy_score`: the letters in order, word starts and
runs first); what was chosen recently comes first. Typing a command that takes an argument and a
space ("view ") lists its choices; typing a command whole ("view bookmarked") puts it first. The
palette only chooses: the window does what the choice means (`reader.ui.palette_actions`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.core.palette_search import Found, fuzzy_score
from reader.ui.commands import Command, CommandRegistry, key_text

NameRole = Qt.ItemDataRole.UserRole + 1
FoundRole = Qt.ItemDataRole.UserRole + 2
SHOWN = 80  # rows listed at most; typing narrows

Finder = Callable[[str], list[Found]]
_PREFIX = {"article": "Article", "entity": "Entity", "highlight": "Highlight"}


def matches(query: str, text: str) -> bool:
    """Every typed word occurs in the text (any order, any case)."""
    low = text.casefold()
    return all(word in low for word in query.casefold().split())


def row_text(found: Found, registry: CommandRegistry) -> str:
    """What a row says: a command with its name and keys, anything else with what kind of thing it is."""
    if found.kind == "command":
        command = registry.commands[found.key]
        keys = ", ".join(key_text(k) for k in command.keys)
        return f"{command.title.replace('&', '')}  ·  {command.name}" + (f"    {keys}" if keys else "")
    label = " ".join(found.label.split())
    if found.kind == "highlight" and found.key.startswith("note:"):
        return f"Note: {label}"
    return f"{_PREFIX.get(found.kind, found.kind)}: {label}"


class CommandPalette(QDialog):
    """Type to narrow the list; Enter chooses the current row (`choice`; `chosen` is its command name), Esc closes."""

    def __init__(self, registry: CommandRegistry, parent: QWidget | None = None, *, finder: Finder | None = None,
                 recent: Sequence[Found] = ()) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Go to anything")
        self.registry = registry
        self.finder = finder
        self.recent = list(recent)
        self.choice: Found | None = None
        self.chosen: str | None = None
        self.query = QLineEdit()
        self.query.setAccessibleName("Find a command, article, entity or highlight")
        self.query.setPlaceholderText("Type a command, an article title, a name or words you highlighted…")
        self.list = QListWidget()
        self.list.setAccessibleName("What matches")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        self.resize(600, 440)
        self.query.textChanged.connect(self.refill)
        self.query.returnPressed.connect(self.run_current)
        self.list.itemActivated.connect(lambda _item: self.run_current())
        self.query.installEventFilter(self)
        self.refill("")

    def refill(self, query: str) -> None:
        """What matches `query`, best first; "view " then an argument lists that command's choices."""
        self.list.clear()
        exact = self.registry.resolve(query)
        family, space, rest = query.lstrip().partition(" ")
        rows: list[Found] = []
        if space and family in self.registry.families:
            rows = [self._command(c, 0) for c in self.commands()
                    if c.family == family and matches(rest, f"{c.arg} {c.title}")]  # fmt: skip
        else:
            rows = self._scored(query)
        if exact is not None:
            rows = [self._command(self.registry.commands[exact], 0)] + [r for r in rows if r.key != exact]
        for found in rows[:SHOWN]:
            self._add_item(found)
        self.list.setCurrentRow(0)

    def _scored(self, query: str) -> list[Found]:
        recent = {(f.kind, f.key): len(self.recent) - i for i, f in enumerate(self.recent)}
        rows: list[Found] = []
        for c in self.commands():
            title = c.title.replace("&", "")
            scores = [s for s in (fuzzy_score(query, title), fuzzy_score(query, c.name)) if s is not None]
            if scores:
                rows.append(self._command(c, max(scores)))
        if query.strip() and self.finder is not None:
            rows += self.finder(query)
        else:  # nothing typed: the recent articles, entities and highlights come back too
            rows += [f for f in self.recent if f.kind != "command"]
        # recent matches first, newest first; then the rest by score (stable: commands by title)
        return sorted(rows, key=lambda f: (-recent.get((f.kind, f.key), 0), -f.score))

    def _command(self, command: Command, score: int) -> Found:
        return Found("command", command.title.replace("&", ""), command.name, score=score)

    def _add_item(self, found: Found) -> None:
        item = QListWidgetItem(row_text(found, self.registry))
        if found.kind == "command":
            item.setToolTip(self.registry.commands[found.key].help)
            item.setData(NameRole, found.key)
        item.setData(FoundRole, found)
        self.list.addItem(item)

    def commands(self) -> list[Command]:
        """Every enabled command, by title."""
        enabled = [c for c in self.registry.commands.values() if c.action is None or c.action.isEnabled()]
        return sorted(enabled, key=lambda c: (c.title.replace("&", "").casefold(), c.name))

    def run_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.choice = item.data(FoundRole)
        else:  # nothing listed, but the text may name a command exactly
            name = self.registry.resolve(self.query.text())
            self.choice = self._command(self.registry.commands[name], 0) if name else None
        self.chosen = self.choice.key if self.choice is not None and self.choice.kind == "command" else None
        if self.choice is not None:
            self.accept()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        """Up and Down in the text field move through the list."""
        if obj is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
        return False
