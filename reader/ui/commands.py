"""Every user action is a named command; keys are data (resources/keymap.json + user overrides).

Menus, shortcuts and the shortcut help are all generated from this one registry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.paths import resources_dir


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


def load_keymap(user_file: Path | None = None) -> dict[str, list[str]]:
    """Default bindings, with the user's overrides (a JSON object of name -> list of keys) on top."""
    keymap: dict[str, list[str]] = json.loads((resources_dir() / "keymap.json").read_text(encoding="utf-8"))
    if user_file and user_file.is_file():
        try:
            overrides = json.loads(user_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            overrides = {}
        if isinstance(overrides, dict):
            keymap.update({k: list(v) for k, v in overrides.items() if isinstance(v, list)})
    return keymap


class CommandRegistry:
    """Holds the commands and turns them into QActions with their shortcuts."""

    def __init__(self, window: QWidget, keymap: dict[str, list[str]]) -> None:
        self.window = window
        self.keymap = keymap
        self.commands: dict[str, Command] = {}

    def add(self, name: str, title: str, handler: Callable[[], None], *, menu: str = "", help: str = "") -> QAction:
        keys = self.keymap.get(name, [])
        action = QAction(title, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: handler())
        if help:
            action.setToolTip(help)
            action.setStatusTip(help)
        self.window.addAction(action)
        self.commands[name] = Command(name, title, handler, menu, help, keys, action)
        return action

    def run(self, name: str) -> None:
        self.commands[name].handler()

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(keys, title, help) for every command, for the shortcut help."""
        rows = []
        for c in self.commands.values():
            keys = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in c.keys)
            rows.append((keys, c.title.replace("&", ""), c.help))
        return rows
