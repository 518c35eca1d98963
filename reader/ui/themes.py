"""Light, dark and sepia themes, or the system's light/dark choice: palettes as data, applied to the app.

Sepia is a light theme on warm paper: entity and highlight colours use their light shades on it
(checked for contrast by the tests).

Focus is always visible: Fusion marks a focused line edit, button or check box but not a list, a
tree, a table or a text view, so the application style sheet (`focus_style_sheet`) gives those a
thin frame that turns into a thicker one in the theme's highlight colour while they have the keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f4f3ef", "base": "#fdfcf9", "alt": "#f1efe9", "text": "#1d1d1f", "muted": "#6b6b70",
        "button": "#ebe9e3", "highlight": "#2f6fb3", "highlighted_text": "#ffffff", "link": "#1f5fa8",
        "frame": "#c9c5bb",
    },
    "dark": {
        "window": "#1f2023", "base": "#17181a", "alt": "#202124", "text": "#e6e4df", "muted": "#9a9aa0",
        "button": "#2a2b2f", "highlight": "#3d7cc4", "highlighted_text": "#ffffff", "link": "#7fb2ee",
        "frame": "#3a3c41",
    },
    "sepia": {
        "window": "#efe4cc", "base": "#f8f0dc", "alt": "#f1e7cf", "text": "#3b2f20", "muted": "#6f5f48",
        "button": "#e6d8b8", "highlight": "#8a5a2b", "highlighted_text": "#ffffff", "link": "#1d5a9a",
        "frame": "#d2c19c",
    },
}
SYSTEM = "system"  # follow the system's light or dark colour scheme
CHOICES = (("light", "Light"), ("dark", "Dark"), ("sepia", "Sepia"), (SYSTEM, "Follow the system"))  # fmt: skip


def system_theme() -> str:
    """The system's choice: "dark" when it asks for a dark colour scheme, else "light"."""
    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return "dark" if dark else "light"


def apply_theme(app: QApplication, name: str) -> str:
    """Set the Fusion style and the named palette ("system": the system's choice); returns the theme used."""
    name = system_theme() if name == SYSTEM else name
    name = name if name in THEMES else "light"
    c = {k: QColor(v) for k, v in THEMES[name].items()}
    app.setStyle("Fusion")
    p = QPalette()
    role = QPalette.ColorRole
    for r, key in (
        (role.Window, "window"), (role.Base, "base"), (role.AlternateBase, "alt"), (role.Text, "text"),
        (role.WindowText, "text"), (role.Button, "button"), (role.ButtonText, "text"), (role.ToolTipBase, "base"),
        (role.ToolTipText, "text"), (role.Highlight, "highlight"), (role.HighlightedText, "highlighted_text"),
        (role.Link, "link"), (role.PlaceholderText, "muted"),
    ):  # fmt: skip
        p.setColor(r, c[key])
    app.setPalette(p)
    app.setStyleSheet(focus_style_sheet(name))
    app.setProperty("themeName", name)
    return name


# The views Fusion leaves unmarked when focused. The border keeps its width (1px + 1px padding, then
# 2px) so the content does not move when the focus comes and goes.
_FRAMED = ("QAbstractItemView", "QTextEdit", "QPlainTextEdit")


def focus_style_sheet(name: str) -> str:
    """The style sheet that frames every list, tree, table and text view, in highlight colour when focused."""
    c = THEMES[name if name in THEMES else "light"]
    plain = ", ".join(_FRAMED)
    focused = ", ".join(f"{k}:focus" for k in _FRAMED)
    return (f"{plain} {{ border: 1px solid {c['frame']}; padding: 1px; }}\n"
            f"{focused} {{ border: 2px solid {c['highlight']}; padding: 0px; }}\n")


def current_theme() -> str:
    app = QApplication.instance()
    name = app.property("themeName") if app else None
    return name if name in THEMES else "light"
