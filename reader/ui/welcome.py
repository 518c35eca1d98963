"""First steps: the one-line hint shown while the bundled samples fill the library, and Help › Welcome.

The keys in both come from the command registry, so a user's keymap.json is what they read.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reader.ui.commands import key_text

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

# The commands a newcomer needs first, in the order they are used.
MAIN_COMMANDS = ("folder-add", "article-next", "article-previous", "page-down", "filter-focus", "highlight-add",
                 "note-focus", "bookmark-toggle", "export-articles", "palette-show", "shortcuts-show")  # fmt: skip


def keys_of(w: MainWindow, name: str) -> str:
    """The keys bound to a command, as the menus show them ('' when unbound or unknown)."""
    command = w.registry.commands.get(name)
    return ", ".join(key_text(k) for k in command.keys) if command else ""


def samples_hint(w: MainWindow) -> str:
    keys = keys_of(w, "folder-add")
    return ("These are sample articles: add a folder of your own with File › Add Folder…"
            + (f" ({keys})" if keys else "") + ".")  # fmt: skip


def install_welcome(w: MainWindow) -> None:
    """Add Help › Welcome and the samples hint (in the status bar, for as long as the samples are shown)."""
    w.registry.add("welcome-show", "&Welcome", lambda: show_welcome(w), menu="&Help",
                   help="The main keys, and how to add your own articles")  # fmt: skip
    hint = QLabel()
    hint.setObjectName("samplesHint")
    w.statusBar().addPermanentWidget(hint)

    def refresh(*_args: object) -> None:
        hint.setText(samples_hint(w))
        hint.setVisible(w.showing_samples() and not w.session_files)  # a file named at start replaces them

    w.operations.changes_applied.connect(refresh)  # a folder added (or the adding undone)
    refresh()


def show_welcome(w: MainWindow) -> None:
    WelcomeDialog(w).exec()


class WelcomeDialog(QDialog):
    """What News Reader is for, and its main keys."""

    def __init__(self, w: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or w)
        self.setWindowTitle("Welcome to News Reader")
        rows = []
        for name in MAIN_COMMANDS:
            command = w.registry.commands.get(name)
            if command is None:
                continue
            keys = keys_of(w, name) or "—"
            rows.append(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(command.title.replace('&', ''))}</td></tr>")
        self.text = QLabel(
            "<p>News Reader shows the articles you keep on disk: saved pages, text, Markdown, feeds, JSON "
            "and e-mail. Highlight, write notes, bookmark, and export what you found.</p>"
            f"<table cellspacing='6'>{''.join(rows)}</table>"
            "<p>Every command and its keys: Help › Keyboard Shortcuts.</p>"
        )
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
