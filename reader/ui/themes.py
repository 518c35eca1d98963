"""Light, dark and sepia themes, or the system's light/dark choice: palettes as data, applied to the app.

Sepia is a light theme on warm paper: entity and highlight colours use their light shades on it
(checked for contrast by the tests).

Focus is always visible: Fusion marks a focused line edit, button or check box but not a list, a
tree, a table or a text view, so the application style sheet (`focus_style_sheet`) gives those a
thin frame that turns into a thicker one in the theme's highlight colour while they have the keys,
and only the list with the keys shows its selection in that colour (the others in a quiet one), so
a selected row in the sidebar is never mistaken for where the keys are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.qt_later import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f4f3ef", "base": "#fdfcf9", "alt": "#f1efe9", "text": "#1d1d1f", "muted": "#6b6b70",
        "button": "#ebe9e3", "highlight": "#2f6fb3", "highlighted_text": "#ffffff", "link": "#1f5fa8",
        "frame": "#c9c5bb", "selection_unfocused": "#dcd8cd",
    },
    "dark": {
        "window": "#1f2023", "base": "#17181a", "alt": "#202124", "text": "#e6e4df", "muted": "#9a9aa0",
        "button": "#2a2b2f", "highlight": "#3d7cc4", "highlighted_text": "#ffffff", "link": "#7fb2ee",
        "frame": "#3a3c41", "selection_unfocused": "#383b42",
    },
    "sepia": {
        "window": "#efe4cc", "base": "#f8f0dc", "alt": "#f1e7cf", "text": "#3b2f20", "muted": "#6f5f48",
        "button": "#e6d8b8", "highlight": "#8a5a2b", "highlighted_text": "#ffffff", "link": "#1d5a9a",
        "frame": "#d2c19c", "selection_unfocused": "#e0cfa9",
    },
}
SYSTEM = "system"  # follow the system's light or dark colour scheme
STYLE = "Fusion"
STYLE_PROPERTY = "themeStyle"  # the application property saying STYLE is set (see `new_application`)
FRAMES_LATER = "focusFramesLater"  # the application property saying `apply_theme` left the focus style sheet out
CHOICES = (("light", "Light"), ("dark", "Dark"), ("sepia", "Sepia"), (SYSTEM, "Follow the system"))  # fmt: skip


def system_theme() -> str:
    """The system's choice: "dark" when it asks for a dark colour scheme, else "light"."""
    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return "dark" if dark else "light"


def new_application(argv: list[str]) -> QApplication:
    """The application, made with the Fusion style (`-style Fusion`, which outranks QT_STYLE_OVERRIDE).

    Set so, the style is made by Qt alone: `setStyle("Fusion")` returns the QStyle it made, and wrapping it made
    PySide6 build QStyle's class and its 11 enum classes (12-20 ms of CPU) before the window's first paint."""
    app = QApplication([*argv[:1], "-style", STYLE, *argv[1:]])
    app.setProperty(STYLE_PROPERTY, STYLE)
    return app


def apply_theme(app: QApplication, name: str, *, frames: bool = True) -> str:
    """Set the Fusion style and the named palette ("system": the system's choice); returns the theme used.

    `frames=False` leaves the focus style sheet (`focus_style_sheet`) to `frame_views`: with any style sheet set, Qt
    polishes every widget through it, which cost the window's first paint 15-20 ms of CPU; the first paint shows only
    empty stand-ins, whose frames are 1 px thinner without it."""
    name = system_theme() if name == SYSTEM else name
    name = name if name in THEMES else "light"
    c = {k: QColor(v) for k, v in THEMES[name].items()}
    if app.property(STYLE_PROPERTY) != STYLE:  # not an application made by `new_application`
        app.setStyle(STYLE)
        app.setProperty(STYLE_PROPERTY, STYLE)
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
    app.setProperty(FRAMES_LATER, not frames)
    if frames:
        app.setStyleSheet(focus_style_sheet(name))
    elif app.styleSheet():  # not another theme's frames meanwhile
        app.setStyleSheet("")
    if not app.property("selectionFollowsFocus"):
        app.setProperty("selectionFollowsFocus", True)
        app.focusChanged.connect(_selection_follows_focus)
    app.setProperty("themeName", name)
    for widget in app.allWidgets():  # views that had the keys keep colours of their own: the new theme's
        if widget.inherits("QAbstractItemView"):  # by name (see `_selection_follows_focus`)
            mark_selection(widget, focused=widget.hasFocus())  # type: ignore[arg-type]
    return name


def frame_views(app: QApplication) -> None:
    """Set the focus style sheet `apply_theme(frames=False)` left out, for the theme in use (nothing when none was)."""
    if app.property(FRAMES_LATER):
        app.setProperty(FRAMES_LATER, False)
        app.setStyleSheet(focus_style_sheet(str(app.property("themeName"))))


# The views Fusion leaves unmarked when focused. The border keeps its width (1px + 1px padding, then
# 2px) so the content does not move when the focus comes and goes.
_FRAMED = ("QAbstractItemView", "QTextEdit", "QPlainTextEdit")


def _selection_follows_focus(old: QWidget | None, new: QWidget | None) -> None:
    """The list with the keys shows its selection in the highlight colour, the others in a quiet one.

    A style sheet cannot do this (its selection colours ignore :focus), so the two palette roles
    are set on the view as the keys come and go.
    """
    app = QApplication.instance()
    if app is None or app.property("themeName") not in THEMES:
        return  # no theme applied (a test's bare application): Qt's own colours stay
    for widget, focused in ((old, False), (new, True)):
        # asked by name: `isinstance` would have PySide6 build QAbstractItemView's Python class (2-3 ms) when the
        # window's first focus comes, before its first paint
        if widget is not None and widget.inherits("QAbstractItemView"):
            mark_selection(widget, focused=focused)  # type: ignore[arg-type]


def mark_selection(view: QAbstractItemView, *, focused: bool) -> None:
    """Give a view the selection colours of the current theme, loud with the keys and quiet without."""
    c = THEMES[current_theme()]
    back, fore = ("highlight", "highlighted_text") if focused else ("selection_unfocused", "text")
    p = view.palette()
    p.setColor(QPalette.ColorRole.Highlight, QColor(c[back]))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(c[fore]))
    view.setPalette(p)


def focus_style_sheet(name: str) -> str:
    """The style sheet that frames every list, tree, table, text view and text field, in highlight colour
    when focused; unfocused lists show their selection in a quiet colour (`mark_selection` for the focused one)."""
    c = THEMES[name if name in THEMES else "light"]
    plain = ", ".join(_FRAMED)
    focused = ", ".join(f"{k}:focus" for k in _FRAMED)
    boxes = ("QComboBox", "QAbstractSpinBox")
    inner = ", ".join(f"{box} QLineEdit{state}" for box in boxes for state in ("", ":focus"))
    return (f"{plain} {{ border: 1px solid {c['frame']}; padding: 1px; }}\n"
            f"{focused} {{ border: 2px solid {c['highlight']}; padding: 0px; }}\n"
            # Fusion's own mark on a focused text field is a hairline, hard to see in dark and sepia
            f"QLineEdit {{ border: 1px solid {c['frame']}; border-radius: 2px; padding: 2px 1px; }}\n"
            f"QLineEdit:focus {{ border: 2px solid {c['highlight']}; padding: 1px 0px; }}\n"
            f"{inner} {{ border: none; padding: 0px; }}\n"  # a choice box's or spin box's own field
            # nor does Fusion mark a focused choice box that cannot be typed in
            f"QComboBox:!editable {{ border: 1px solid {c['frame']}; border-radius: 2px; padding: 2px 4px; "
            f"background: {c['button']}; }}\n"
            f"QComboBox:!editable:focus {{ border: 2px solid {c['highlight']}; padding: 1px 3px; }}\n"
            f"QAbstractItemView {{ selection-background-color: {c['selection_unfocused']}; "
            f"selection-color: {c['text']}; }}\n")


def current_theme() -> str:
    app = QApplication.instance()
    name = app.property("themeName") if app else None
    return name if name in THEMES else "light"
