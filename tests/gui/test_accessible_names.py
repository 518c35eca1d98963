"""Every control a keyboard or screen-reader user reaches has a name a screen reader can say."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit,
               QPlainTextEdit, QTextEdit)  # fmt: skip


def unnamed(root: QWidget) -> list[str]:
    """Visible interactive controls under `root` whose accessible name is empty."""
    out = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if type(widget).__name__ in ("QScrollBar",) or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (scroll bars, the line edit's clear button) are named by Qt
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            out.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    return out


def test_every_control_of_the_window_has_an_accessible_name(make_window) -> None:
    w = make_window()
    w.select_row(0)
    assert unnamed(w) == []


def test_every_control_of_the_notebook_has_an_accessible_name(make_window) -> None:
    w = make_window()
    w.registry.run("view notebook")
    assert w.list_stack.currentWidget() is w.notebook
    assert unnamed(w) == []


# --- every dialog the app opens ----------------------------------------------------------------


def unnamed_in_dialog(dialog: QWidget) -> list[str]:
    """Interactive controls of a dialog (every tab of it) without an accessibleName().

    A button counts as named by its own text (Qt says it and follows it when it changes); anything
    else needs its name set, a label's buddy included.
    """
    out: set[str] = set()
    pages = [(tabs, i) for tabs in dialog.findChildren(QTabWidget) for i in range(tabs.count())]
    for tabs, i in [*pages, (None, 0)]:
        if tabs is not None:
            tabs.setCurrentIndex(i)
        for widget in dialog.findChildren(QWidget):
            if not isinstance(widget, INTERACTIVE) or not widget.isVisible() or isinstance(widget, QScrollBar):
                continue
            if widget.objectName().startswith("qt_"):
                continue  # Qt's own parts: a spin box's line edit, the clear button
            if isinstance(widget, QAbstractButton):
                face = QAccessible.queryAccessibleInterface(widget)
                name = face.text(QAccessible.Text.Name) if face is not None else ""
            else:
                name = widget.accessibleName()
            if not name.strip():
                out.add(f"{type(widget).__name__} {widget.objectName()!r} in {type(dialog).__name__}")
    return sorted(out)


def check_dialog(qtbot, open_it: Callable[[], object]) -> list[str]:
    """Open a modal dialog with `open_it`, list its unnamed controls once it has the keys, close it."""
    found: list[list[str]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
        found.append(unnamed_in_dialog(dialog))
        dialog.reject()

    QTimer.singleShot(0, look)
    open_it()
    assert len(found) == 1, "no dialog opened"
    return found[0]


def select_words(w, words: str) -> None:
    pane = w.reading_pane
    start = pane.article.text.index(words)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(start))
    cursor.setPosition(pane.doc_position(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def test_every_dialog_names_every_control(make_window, qtbot) -> None:
    from reader.ui.dialogs.note_conflict import ask_note_conflict
    from reader.ui.link_opening import ask_to_open

    w = make_window()
    w.select_row(0)
    words = w.reading_pane.article.text.split()[0]
    run = w.registry.run

    def search_then_save() -> None:
        w.filter_box.setText(words)
        w.apply_view()
        run("search-save")

    openers: dict[str, Callable[[], object]] = {
        "Preferences": lambda: run("preferences-show"),
        "Export": lambda: run("export-articles"),
        "Highlight editor": lambda: (select_words(w, words), run("highlight-note")),
        "Note conflict": lambda: ask_note_conflict(w, "my note", "the other note"),
        "Keyboard shortcuts": lambda: run("shortcuts-show"),
        "Bookmark tags": lambda: run("bookmark-tags"),
        "Top entities": lambda: run("entities-top"),
        "Palette": lambda: run("palette-show"),
        "Save search": search_then_save,
        "Open link": lambda: ask_to_open(w, "https://example.org/news?id=1"),
        "Mark as entity": lambda: (select_words(w, words), run("entity-mark")),
    }
    missing = {title: names for title, open_it in openers.items() if (names := check_dialog(qtbot, open_it))}
    assert missing == {}, missing


def test_the_import_progress_in_the_status_bar_is_named(make_window, qtbot) -> None:
    from reader.ui.import_progress import ImportProgress

    w = make_window()
    progress = ImportProgress(lambda: None)
    w.statusBar().addPermanentWidget(progress)
    progress.show_progress(3, 10, "/tmp/news/a.html")
    assert unnamed(w) == []
