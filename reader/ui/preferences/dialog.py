"""Preferences (Ctrl+,): the Keys and Reading pages, and what the window does with their settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from reader.ui.keymap import default_keymap
from reader.ui.plain_text import message_box
from reader.ui.preferences.bindings import apply_bindings, overrides, readable_file, save_overrides
from reader.ui.preferences.keys_page import KeysPage
from reader.ui.preferences.reading_page import ReadingPage
from reader.ui.themes import SYSTEM, apply_theme

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def ask_to_replace(parent: QWidget, path: str) -> bool:
    """The user's keymap.json could not be read: replace it (kept as .bak) only when they say so."""
    answer = QMessageBox.question(
        parent, "Replace your keymap.json?",
        f"{path} could not be read, so the default keys are in use. Save your new keys over it? "
        f"The old file is kept as {path}.bak.",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Save


class PreferencesDialog(QDialog):
    """Keys are saved with Save; reading settings take effect (and are remembered) as they change."""

    def __init__(self, window: MainWindow, *, confirm: Callable[[QWidget, str], bool] = ask_to_replace) -> None:
        super().__init__(window)
        self.window_ = window
        self.confirm = confirm
        self.setWindowTitle("Preferences")
        self.keys = KeysPage(window.registry, default_keymap(),
                             single_keys=bool(window.settings.get("single_key_shortcuts")))  # fmt: skip
        self.reading = ReadingPage(window.settings, lambda key: apply_reading(window, key))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.keys, "&Keys")
        self.tabs.addTab(self.reading, "&Reading")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self.keys.filter_box.setFocus()  # Ctrl+, then the command's name: the keys are at hand at once

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def save(self) -> bool:
        """Write the user's overrides and use the new keys now; False (and said) when nothing was saved."""
        w = self.window_
        path = w.paths.config / "keymap.json"
        single = self.keys.single_keys.isChecked()
        data = overrides(self.keys.keymap, self.keys.defaults)
        if self.keys.changed():  # an unchanged set leaves the user's file as it is, even one we could not read
            if not readable_file(path) and not self.confirm(self, str(path)):
                return False
            try:
                save_overrides(path, data)
            except OSError as exc:
                message_box(self, QMessageBox.Icon.Warning, "Keys not saved",
                            f"Your keys could not be saved to {path} ({exc.strerror or exc}). "
                            "Check that the folder can be written to, then save again.")  # fmt: skip
                return False
        if not w.settings.set("single_key_shortcuts", single):
            w.show_message(w.settings.write_error, 10000)
        apply_bindings(w.registry, dict(self.keys.keymap), single_keys=single)
        w.show_message(f"Keys saved to {path}" if path.exists() else "Keys saved", 4000)
        return True


def apply_reading(w: MainWindow, key: str) -> None:
    """Put one reading setting into effect on the window."""
    s = w.settings
    if key == "theme":
        apply_theme(QApplication.instance(), str(s.get("theme")))  # type: ignore[arg-type]
        w.redecorate()
    elif key == "reading_font_size":
        w.reading_pane.set_font_size(int(s.get("reading_font_size")))
        w.redecorate()
    elif key == "reading_line_chars":
        w.reading_pane.set_line_chars(int(s.get("reading_line_chars")))
    else:
        w.reading_pane.set_type(str(s.get("reading_font_family") or ""), int(s.get("reading_line_spacing")))


def show_preferences(w: MainWindow) -> None:
    PreferencesDialog(w).exec()


def install_preferences(w: MainWindow) -> None:
    """Register Preferences (Ctrl+,), and put the remembered keys, type and theme into effect."""
    w.registry.add("preferences-show", "&Preferences…", lambda: show_preferences(w), menu="&Edit",
                   help="Your own keys, theme, reading font, line width and spacing")  # fmt: skip
    if not w.settings.get("single_key_shortcuts"):
        apply_bindings(w.registry, w.registry.keymap, single_keys=False)
    apply_reading(w, "reading_font_family")
    w.follow_system = SystemTheme(w)  # type: ignore[attr-defined]


class SystemTheme(QObject):
    """With "Follow the system", a change of the system's colour scheme changes the window's theme at once."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.changed)  # dropped with this object

    @Slot(Qt.ColorScheme)
    def changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.window_.settings.get("theme") == SYSTEM and not self.window_.closed:
            apply_reading(self.window_, "theme")
