"""Focus is always visible: each pane a keyboard user reaches looks different at its edge when it has the keys.

The widgets are grabbed focused and not (as the user would see them) in the light, dark and sepia
themes, and the edge strip is compared pixel by pixel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.themes import THEMES, apply_theme

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

EDGE = 2  # pixels along each side that the focus frame is drawn in


@pytest.fixture
def themed() -> Iterator[Callable[[str], None]]:
    """Apply a theme; the app's palette and style sheet are put back after the test."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet, style = QPalette(app.palette()), app.styleSheet(), app.style().name()
    yield lambda name: apply_theme(app, name) and None
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setStyle(style)
    app.setProperty("themeName", None)


def edge_pixels(image: QImage) -> list[int]:
    """The colours of the strip EDGE pixels wide along the four sides, in a fixed order."""
    w, h = image.width(), image.height()
    out: list[int] = []
    for d in range(EDGE):
        out += [image.pixel(x, d) for x in range(w)] + [image.pixel(x, h - 1 - d) for x in range(w)]
        out += [image.pixel(d, y) for y in range(h)] + [image.pixel(w - 1 - d, y) for y in range(h)]
    return out


def grab_both(qtbot, widget: QWidget, away: QWidget) -> tuple[QImage, QImage]:
    """The widget as drawn without the keys (they are on `away`), then with them."""
    away.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: not widget.hasFocus())
    plain = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    return plain, widget.grab().toImage()


def near(a: QColor, b: QColor) -> bool:
    """The same colour as drawn (Fusion shades a selected row by a step or two)."""
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= 8


def main_widgets(w) -> dict[str, QWidget]:
    entity = next(f for f in w.features if type(f).__name__ == "EntityFeature")
    return {
        "sidebar": w.sidebar, "article list": w.list_view, "reading pane": w.reading_pane,
        "entity tree": entity.panel.tree, "note editor": w.notes_panel.editor,
        "highlights list": w.notes_panel.highlights_list, "search box": w.filter_box,
    }  # fmt: skip


def focus_problems(qtbot, widgets: dict[str, tuple[QWidget, QWidget]], theme: str) -> list[str]:
    """The widgets that look the same with and without the keys, or whose frame is not in highlight colour."""
    highlight = QColor(THEMES[theme]["highlight"]).rgb()
    problems = []
    for name, (widget, away) in widgets.items():
        plain, focused = grab_both(qtbot, widget, away)
        before, after = edge_pixels(plain), edge_pixels(focused)
        if before == after:
            problems.append(f"{name}: no change")
        elif after.count(highlight) < len(after) // 3:  # a text field's rounded corners are the base colour
            problems.append(f"{name}: not framed in the highlight colour")
    return problems


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_every_main_pane_shows_at_its_edge_that_it_has_the_keys(make_window, qtbot, themed, theme) -> None:
    themed(theme)
    w = make_window()
    w.select_row(0)
    widgets = {name: (widget, w.filter_box if widget is not w.filter_box else w.list_view)
               for name, widget in main_widgets(w).items()}  # fmt: skip
    assert focus_problems(qtbot, widgets, theme) == []


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_the_notebook_list_and_its_search_box_show_focus(make_window, qtbot, themed, theme) -> None:
    themed(theme)
    w = make_window()
    aid = w.library.all_ids()[0]
    text = w.library.article(aid).text
    w.operations.run(lambda: w.session.add_highlight(aid, text, 0, 12, color="yellow", note="why"))
    w.registry.run("view notebook")
    notebook = w.notebook
    qtbot.waitUntil(lambda: notebook.model.rowCount() == 1)
    widgets = {"notebook list": (notebook.entry_list, notebook.text_box),
               "notebook search": (notebook.text_box, notebook.entry_list)}  # fmt: skip
    assert focus_problems(qtbot, widgets, theme) == []


def shown_preferences(make_window, qtbot):  # type: ignore[no-untyped-def]
    """Preferences over a new window, shown and active (so a widget in it can take the keys)."""
    from reader.ui.preferences.dialog import PreferencesDialog

    dialog = PreferencesDialog(make_window())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_the_preferences_keys_table_and_filter_show_focus(make_window, qtbot, themed, theme) -> None:
    themed(theme)
    dialog = shown_preferences(make_window, qtbot)
    keys = dialog.keys
    widgets = {"keys table": (keys.table, keys.filter_box), "keys filter": (keys.filter_box, keys.table)}
    assert focus_problems(qtbot, widgets, theme) == []


def test_the_focus_frame_does_not_move_the_text(make_window, qtbot, themed) -> None:
    themed("light")
    w = make_window()
    w.select_row(0)
    pane = w.reading_pane
    w.list_view.setFocus()
    qtbot.waitUntil(w.list_view.hasFocus)
    before = pane.viewport().geometry()
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    assert pane.viewport().geometry() == before


def test_ctrl_1_2_3_and_tab_move_the_keys_between_sidebar_list_and_pane(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    w.list_view.setFocus()
    qtbot.waitUntil(w.list_view.hasFocus)
    seen = []
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1):
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        seen.append(QApplication.focusWidget())
    assert seen == [w.sidebar, w.list_view, w.reading_pane, w.sidebar]
    tabbed = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        tabbed.append(QApplication.focusWidget())
    assert tabbed == [w.filter_box, w.list_view, w.reading_pane, w.notes_panel.editor]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is w.reading_pane


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_only_the_list_with_the_keys_shows_its_selection_in_the_highlight_colour(make_window, qtbot, themed,
                                                                                  theme) -> None:  # fmt: skip
    themed(theme)
    w = make_window()
    w.select_row(1)
    colours = THEMES[theme]
    for view in (w.list_view, w.sidebar, w.list_view):  # and back: the list is loud again
        seen = []
        for focused in (False, True):
            (view if focused else w.filter_box).setFocus()
            qtbot.waitUntil(lambda f=focused, v=view: v.hasFocus() == f)
            image = view.grab().toImage()
            rect = view.visualRect(view.currentIndex())
            spot = view.viewport().mapTo(view, rect.topLeft()) + QPoint(3, rect.height() // 2)
            seen.append(QColor(image.pixel(spot)))
        want = [QColor(colours["selection_unfocused"]), QColor(colours["highlight"])]
        assert all(near(a, b) for a, b in zip(seen, want, strict=True)), (type(view).__name__, [c.name() for c in seen])


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_the_reading_pages_controls_show_focus(make_window, qtbot, themed, theme) -> None:
    themed(theme)
    dialog = shown_preferences(make_window, qtbot)
    dialog.tabs.setCurrentWidget(dialog.reading)
    page = dialog.reading
    controls = {"theme": page.theme, "font": page.font_family, "size": page.font_size, "width": page.line_chars}
    same = []
    for name, control in controls.items():
        away = page.line_spacing
        plain, focused = grab_both(qtbot, control, away)
        if edge_pixels(plain) == edge_pixels(focused):
            same.append(name)
    assert same == []
