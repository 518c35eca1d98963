"""Light and dark themes: palettes chosen when drawing, styles kept as data."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f4f3ef", "base": "#fdfcf9", "alt": "#f1efe9", "text": "#1d1d1f", "muted": "#6b6b70",
        "button": "#ebe9e3", "highlight": "#2f6fb3", "highlighted_text": "#ffffff", "link": "#1f5fa8",
    },
    "dark": {
        "window": "#1f2023", "base": "#17181a", "alt": "#202124", "text": "#e6e4df", "muted": "#9a9aa0",
        "button": "#2a2b2f", "highlight": "#3d7cc4", "highlighted_text": "#ffffff", "link": "#7fb2ee",
    },
}  # fmt: skip


def apply_theme(app: QApplication, name: str) -> str:
    """Set the Fusion style and the named palette; returns the theme actually used."""
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
    app.setProperty("themeName", name)
    return name


def current_theme() -> str:
    app = QApplication.instance()
    name = app.property("themeName") if app else None
    return name if name in THEMES else "light"
