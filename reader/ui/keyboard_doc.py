"""docs/keyboard.md, written from the command registry: `python -m reader.ui.keyboard_doc > docs/keyboard.md`.

The page is generated so it cannot drift from the keys: a test compares the committed file with
`render()` of a fresh window's registry (default keys only: the window runs in a throwaway profile).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from reader.ui.commands import Command, CommandRegistry, key_text

INTRO = """\
# Keyboard

Every command of News Reader works without a mouse. This page is generated from the command
registry (`python -m reader.ui.keyboard_doc > docs/keyboard.md`); do not edit it by hand.

- Keys written `g n` are two presses: g, then n.
- Single-letter keys never act while you type in the search box, the note or any other text field.
- Arrow keys move through whichever list has the keys (articles, sidebar, notebook);
  Enter in the notebook opens the article at the highlight.
- Ctrl+K or Ctrl+Shift+P opens the palette: type a few letters of a command, an article title,
  an entity or a highlight; Enter runs or opens it. Recent choices come first.
- Your own keys go in `keymap.json` in the config folder (`{"bookmark-toggle": ["B"]}`).
- Since this version Ctrl+1, Ctrl+2 and Ctrl+3 put the keys on the sidebar, the list and the
  article; the views moved to `g` keys (`g a` all, `g u` unread, `g b` bookmarked, `g h`
  annotated, `g n` notebook, `g p` import problems). Ctrl+6 still shows the notebook.
  Edit Note moved from n to Shift+N (n is the next unread article).
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(command: Command) -> str:
    keys = ", ".join(f"`{key_text(k)}`" for k in command.keys) or "(palette)"
    title = command.title.replace("&", "")
    return f"| {keys} | {_cell(title)} | {_cell(command.help)} | `{command.name}` |"


def render(registry: CommandRegistry) -> str:
    """The page: one table per menu, commands in registration order; the rest under "Other"."""
    sections: dict[str, list[Command]] = {}
    for command in registry.commands.values():
        sections.setdefault(command.menu.replace("&", "") or "Other", []).append(command)
    lines = [INTRO, f"{len(registry.commands)} commands.", ""]
    for menu, commands in sections.items():
        lines += [f"## {menu}", "", "| Keys | Command | What it does | Name |", "|---|---|---|---|"]
        lines += [_row(c) for c in commands]
        lines.append("")
    return "\n".join(lines)


def generate() -> str:
    """Build the real window offscreen in a throwaway profile and render its registry."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.paths import resolve_paths
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="news-reader-keys-") as tmp:
        paths = resolve_paths(Path(tmp)).ensure()
        window = MainWindow(paths, Settings(paths.settings_file), samples=False)
        try:
            return render(window.registry)
        finally:
            window.closed = True
            window.close()
            app.processEvents()


if __name__ == "__main__":
    sys.stdout.write(generate())
