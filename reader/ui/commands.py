"""Every user action is a named command; keys are data (resources/keymap.json + user overrides).

Menus, shortcuts, the command palette and the shortcut help are all generated from this one
registry. A command with an argument (`view bookmarked`, `highlight-color 2`) is registered once
with its choices and becomes one command per choice, each with its own keys and menu entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from reader.ui.keymap import Keymap, legacy_names, load_keymap
from reader.ui.qt_later import Qt

__all__ = ["Command", "CommandFamily", "CommandRegistry", "Keymap", "key_text", "load_keymap"]


@dataclass
class Command:
    """A named action: what it is called, what it does, where it shows in the menus."""

    name: str
    title: str
    handler: Callable[[], None]
    menu: str = ""
    help: str = ""
    keys: list[str] = field(default_factory=list)
    action: QAction | None = None
    family: str = ""  # "view" for "view bookmarked"
    arg: str = ""  # "bookmarked"


@dataclass(frozen=True)
class CommandFamily:
    """A command registered once with the values its argument may take: (value, label) pairs."""

    name: str
    handler: Callable[[str], None]
    choices: tuple[tuple[str, str], ...]


def key_text(key: str) -> str:
    """A key as the user types it: a plain letter in lower case ("j"), combinations as Qt writes them, "g n"."""
    sequence = QKeySequence(key)
    native = QKeySequence.SequenceFormat.NativeText
    parts = [QKeySequence(sequence[i]).toString(native) for i in range(sequence.count())]  # type: ignore[index]
    return " ".join(p.lower() if len(p) == 1 and p.isalpha() else p for p in parts)  # "G, N" is typed "g n"


def _bound(handler: Callable[[str], None], value: str) -> Callable[[], None]:
    return lambda: handler(value)


class CommandRegistry:
    """Holds the commands and turns them into QActions with their shortcuts."""

    def __init__(self, window: QWidget, keymap: dict[str, list[str]]) -> None:
        self.window = window
        self.keymap = keymap
        self.commands: dict[str, Command] = {}
        self.families: dict[str, CommandFamily] = {}
        self.keymap_warnings: list[str] = list(getattr(keymap, "warnings", []))

    def add(self, name: str, title: str, handler: Callable[[], None], *, menu: str = "", help: str = "") -> QAction:
        """Register a command without an argument; returns its action (for menus, checkable state)."""
        return self._add(Command(name, title, handler, menu, help))

    def add_with_arg(
        self,
        name: str,
        title: str,
        handler: Callable[[str], None],
        *,
        choices: Sequence[tuple[str, str]],
        menu: str = "",
        help: str = "",
    ) -> dict[str, QAction]:
        """Register `name` taking one argument from `choices` ((value, label) pairs).

        Each choice becomes the command "name value", with keys bound as "name value" in the keymap
        and one menu entry. In `title` and `help`, "{arg}" stands for the label, "{value}" for the
        value. Returns the actions by value.
        """
        if " " in name or not choices:
            raise ValueError(f"a command with an argument needs a one-word name and choices: {name!r}")
        family = CommandFamily(name, handler, tuple(choices))
        self.families[name] = family
        actions: dict[str, QAction] = {}
        for value, label in family.choices:
            plain = label.replace("&", "")
            actions[value] = self._add(
                Command(
                    f"{name} {value}",
                    title.replace("{arg}", label).replace("{value}", value),
                    _bound(handler, value),
                    menu,
                    help.replace("{arg}", plain).replace("{value}", value),
                    family=name,
                    arg=value,
                )
            )
        return actions

    def _add(self, command: Command) -> QAction:
        command.keys = list(self.keymap.get(command.name, []))
        action = QAction(command.title, self.window)
        action.setShortcuts([QKeySequence(k) for k in command.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        handler = command.handler
        action.triggered.connect(lambda _checked=False: handler())
        if command.help:
            action.setToolTip(command.help)
            action.setStatusTip(command.help)
        self.window.addAction(action)
        command.action = action
        self.commands[command.name] = command
        return action

    def resolve(self, text: str) -> str | None:
        """The command `text` names: "view bookmarked", "view Bookmarked", or an old "view-bookmarked"."""
        text = " ".join(text.split())
        if text in self.commands:
            return text
        old = legacy_names(self.commands).get(text.casefold())
        if old is not None:
            return old
        family, _, arg = text.partition(" ")
        found = self.families.get(family)
        if found is None or not arg:
            return None
        for value, label in found.choices:
            if arg.casefold() in (value.casefold(), label.replace("&", "").casefold()):
                return f"{family} {value}"
        return None

    def run(self, name: str) -> None:
        """Run a command by name, with its argument if it takes one ("view bookmarked")."""
        resolved = self.resolve(name)
        if resolved is None:
            raise KeyError(f"There is no command {name!r}.")
        self.commands[resolved].handler()

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(keys, title, help) for every command, for the shortcut help."""
        return [
            (", ".join(key_text(k) for k in c.keys), c.title.replace("&", ""), c.help) for c in self.commands.values()
        ]

    def announce_keymap_warnings(self) -> QMessageBox | None:
        """Say once what was wrong in the user's keymap: in the status bar and a (non-blocking) message box."""
        if not self.keymap_warnings:
            return None
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(
                f"Some of your key bindings were not used ({len(self.keymap_warnings)} problems); see the message.",
                15000,
            )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Key bindings",
            "Some entries of your keymap.json were not used; those commands keep their default keys.",
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the warnings quote the user's file
        box.setInformativeText("\n".join(self.keymap_warnings))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        return box
