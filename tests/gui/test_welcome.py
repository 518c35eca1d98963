"""First run: the samples come with a one-line hint to add a folder; Help › Welcome lists the main keys."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QLabel

from reader.paths import resolve_paths
from reader.settings import Settings
from reader.ui.welcome import WelcomeDialog


def _first_run_window(qtbot, data_dir: Path):
    from reader.ui.main_window import MainWindow

    paths = resolve_paths(data_dir).ensure()
    w = MainWindow(paths, Settings(paths.settings_file))  # no folder yet: the bundled samples
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    qtbot.waitExposed(w)
    w.rescan(wait=True)
    return w


def test_first_run_shows_the_samples_with_a_hint_to_add_a_folder(qtbot, data_dir: Path) -> None:
    w = _first_run_window(qtbot, data_dir)
    assert w.library.count() == 17
    hint = w.statusBar().findChild(QLabel, "samplesHint")
    assert hint is not None and hint.isVisible()
    assert hint.text() == "These are sample articles: add a folder of your own with File › Add Folder… (Ctrl+O)."


def test_the_hint_goes_once_a_folder_is_added(qtbot, data_dir: Path, article_folder: Path) -> None:
    w = _first_run_window(qtbot, data_dir)
    w.operations.run(lambda: w.session.add_folder(str(article_folder)))
    assert not w.statusBar().findChild(QLabel, "samplesHint").isVisible()


def test_welcome_is_in_the_help_menu_and_lists_the_keys_of_the_keymap(qtbot, data_dir: Path) -> None:
    paths = resolve_paths(data_dir).ensure()
    (paths.config / "keymap.json").write_text(json.dumps({"article-next": ["Ctrl+Alt+J"]}), encoding="utf-8")
    w = _first_run_window(qtbot, data_dir)
    help_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Help")
    assert "&Welcome" in [a.text() for a in help_menu.actions()]
    dialog = WelcomeDialog(w)
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "<td><b>Ctrl+Alt+J</b></td><td>Next Article</td>" in text  # the user's key, not the default J
    assert "<td><b>Ctrl+O</b></td><td>Add Folder…</td>" in text
    assert "<td><b>Ctrl+K, Ctrl+Shift+P</b></td><td>Command Palette…</td>" in text
