"""Preferences › Reading: theme (with sepia and the system's choice), font, line width and spacing, remembered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.core.styles import ENTITY_STYLES, HIGHLIGHT_STYLES, contrast_ratio
from reader.ui import themes
from reader.ui.preferences.dialog import PreferencesDialog
from reader.ui.themes import THEMES, apply_theme, current_theme

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]


@pytest.fixture(autouse=True)
def light_again(qapp) -> Iterator[None]:
    """The theme is the application's: the next test starts light."""
    yield
    apply_theme(qapp, "light")


def base_color() -> str:
    return QApplication.palette().base().color().name()


def body_block_format(w):
    cursor = QTextCursor(w.reading_pane.document())
    cursor.setPosition(w.reading_pane.doc_position(0))
    return cursor.blockFormat()


def other_family(pane_font: QFont) -> str:
    families = [f for f in QFontDatabase.families() if f != pane_font.family()]
    assert families, "the test needs a second font family"
    return families[0]


@pytest.mark.parametrize("role", ["text", "muted", "link"])
def test_sepia_paper_keeps_text_and_links_readable(role: str) -> None:
    sepia = THEMES["sepia"]
    assert contrast_ratio(sepia[role], sepia["base"]) >= 4.5
    assert contrast_ratio(sepia["highlighted_text"], sepia["highlight"]) >= 4.5


def test_entity_and_highlight_colours_read_on_sepia() -> None:
    sepia = THEMES["sepia"]
    for name, style in ENTITY_STYLES.items():  # sepia takes the light shades
        assert contrast_ratio(style.color("sepia"), sepia["base"]) >= 4.5, name
    for name, highlight in HIGHLIGHT_STYLES.items():
        assert contrast_ratio(sepia["text"], highlight.background("sepia")) >= 4.5, name


def test_reading_settings_apply_at_once_and_a_new_window_has_them(make_window, qtbot) -> None:
    w = make_window()
    w.focus_list()
    w.splitter.setSizes([150, 1050])  # room for a column narrower than the pane
    dialog = PreferencesDialog(w)
    qtbot.addWidget(dialog)
    page = dialog.reading
    family = other_family(w.reading_pane.document().defaultFont())
    page.theme.setCurrentIndex(page.theme.findData("sepia"))
    assert current_theme() == "sepia" and base_color() == THEMES["sepia"]["base"]
    page.font_family.setCurrentFont(QFont(family))
    page.font_size.setValue(11)
    page.line_spacing.setValue(180)
    page.line_chars.setValue(100)
    wide = w.reading_pane.document().rootFrame().frameFormat().leftMargin()
    page.line_chars.setValue(50)
    narrow = w.reading_pane.document().rootFrame().frameFormat().leftMargin()
    assert narrow > wide  # a shorter line leaves more paper at the sides
    font = w.reading_pane.document().defaultFont()
    assert (font.family(), font.pointSizeF()) == (family, 11)
    assert body_block_format(w).lineHeight() == 180
    w.close()
    again = make_window()
    again.focus_list()
    again.splitter.setSizes([150, 1050])
    font = again.reading_pane.document().defaultFont()
    assert (font.family(), font.pointSizeF()) == (family, 11)
    assert body_block_format(again).lineHeight() == 180
    assert again.reading_pane.document().rootFrame().frameFormat().leftMargin() == narrow
    page = PreferencesDialog(again).reading
    assert (page.theme.currentData(), page.line_chars.value(), page.line_spacing.value()) == ("sepia", 50, 180)
    assert again.settings.get("theme") == "sepia"  # app.py applies it before the window is built


def test_follow_the_system_changes_with_the_system(make_window, qtbot, monkeypatch) -> None:
    # the offscreen platform has no colour scheme of its own: stand in for the system's answer and its signal
    scheme = {"now": Qt.ColorScheme.Light}
    hints = QGuiApplication.styleHints()
    monkeypatch.setattr(themes, "system_theme", lambda: "dark" if scheme["now"] == Qt.ColorScheme.Dark else "light")
    w = make_window()
    dialog = PreferencesDialog(w)
    qtbot.addWidget(dialog)
    page = dialog.reading
    page.theme.setCurrentIndex(page.theme.findData("system"))
    assert current_theme() == "light" and w.settings.get("theme") == "system"
    scheme["now"] = Qt.ColorScheme.Dark
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert current_theme() == "dark" and base_color() == THEMES["dark"]["base"]
    page.theme.setCurrentIndex(page.theme.findData("sepia"))
    scheme["now"] = Qt.ColorScheme.Light
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert current_theme() == "sepia"  # a chosen theme stays, whatever the system says


def test_a_new_window_is_put_back_as_it_was_left(make_window, qtbot) -> None:
    w = make_window()
    w.resize(760, 520)  # inside the offscreen screen (800x600), which restoreGeometry clamps to
    w.splitter.setSizes([200, 330])
    w.select_row(2)
    last = w.current_id
    w.change_font_size(3)
    sizes = w.splitter.sizes()
    w.close()
    again = make_window()
    assert again.restore_layout()
    again.start_reading()
    assert (again.width(), again.height()) == (760, 520)
    assert again.splitter.sizes() == sizes
    assert again.current_id == last
    assert again.reading_pane.document().defaultFont().pointSizeF() == 15
