"""Every registered command runs from its default key; single letters never fire while typing; the new moves work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from reader.ui.keymap import default_keymap

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]


def press(qtbot, widget: QWidget, key: str) -> None:
    """Type a key as written in the keymap ("G, N" is two presses)."""
    sequence = QKeySequence(key)
    for i in range(sequence.count()):
        combo = sequence[i]
        qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def record_actions(w) -> list[str]:
    """Every command's action reports its name instead of running (no dialogs, no quitting)."""
    ran: list[str] = []
    for name, command in w.registry.commands.items():
        action = command.action
        action.triggered.disconnect()
        action.setEnabled(True)
        action.triggered.connect(lambda _checked=False, n=name: ran.append(n))
    return ran


def test_every_command_with_a_default_key_runs_from_that_key(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    ran = record_actions(w)
    keyed = {name: c.keys for name, c in w.registry.commands.items() if c.keys}
    assert len(keyed) >= 45
    for name, keys in keyed.items():
        for key in keys:
            w.list_view.setFocus()
            ran.clear()
            press(qtbot, w.list_view, key)
            assert ran == [name], f"{key} ran {ran}, not {name}"


def test_every_default_binding_names_a_registered_command(make_window) -> None:
    w = make_window()
    assert set(default_keymap()) <= set(w.registry.commands)


def test_there_are_at_least_45_commands_each_with_a_one_line_description(make_window) -> None:
    w = make_window()
    commands = list(w.registry.commands.values())
    assert len(commands) >= 45
    assert [c.name for c in commands if not c.help.strip() or "\n" in c.help] == []


def test_single_letter_keys_do_nothing_in_the_filter_box_or_the_note(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    ran = record_actions(w)
    letters = sorted({k for c in w.registry.commands.values() for k in c.keys if len(QKeySequence(k).toString()) == 1})
    assert {"J", "B", "N", "/", "?"} <= set(letters)
    typed = "".join(k.lower() for k in letters)
    for field in (w.filter_box, w.notes_panel.editor):
        field.setFocus()
        qtbot.keyClicks(field, typed)
        assert ran == []
    assert w.filter_box.text() == typed
    assert w.notes_panel.editor.toPlainText() == typed


def read_all_but(w, unread: set[int]) -> None:
    ids = [i for row, i in enumerate(w.model.ids) if row not in unread]
    w.operations.run(lambda: w.session.mark_read(ids, True))


def test_n_and_p_skip_read_articles(make_window, qtbot) -> None:
    w = make_window()
    w.opening_marks_read = False
    w.select_row(0)
    read_all_but(w, {2, 3})
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_N)
    assert w.current_id == w.model.ids[2]
    qtbot.keyClick(w.list_view, Qt.Key.Key_N)
    assert w.current_id == w.model.ids[3]
    qtbot.keyClick(w.list_view, Qt.Key.Key_N)
    assert w.current_id == w.model.ids[3]
    assert w.statusBar().currentMessage() == "No more unread articles in this list."
    qtbot.keyClick(w.list_view, Qt.Key.Key_P)
    assert w.current_id == w.model.ids[2]


def test_space_at_the_end_of_an_article_goes_to_the_next_unread(make_window, qtbot) -> None:
    w = make_window()
    w.opening_marks_read = False
    w.select_row(0)
    read_all_but(w, {0, 3})
    w.reading_pane.setFocus()
    bar = w.reading_pane.verticalScrollBar()
    for _ in range(bar.maximum() // max(1, bar.pageStep()) + 2):  # to the end first
        if bar.value() == bar.maximum():
            break
        qtbot.keyClick(w.reading_pane, Qt.Key.Key_Space)
    assert w.current_id == w.model.ids[0]
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_Space)
    assert w.current_id == w.model.ids[3]


def test_home_and_end_go_to_the_first_and_last_article(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(1)
    w.reading_pane.setFocus()
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_End)
    assert w.current_id == w.model.ids[-1]
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_Home)
    assert w.current_id == w.model.ids[0]


def test_ctrl_1_2_3_put_the_keys_on_the_sidebar_list_and_pane(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(w.list_view, Qt.Key.Key_1, ctrl)
    assert w.sidebar.hasFocus()
    qtbot.keyClick(w.sidebar, Qt.Key.Key_3, ctrl)
    assert w.reading_pane.hasFocus()
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_2, ctrl)
    assert w.list_view.hasFocus()


def test_f11_hides_the_list_and_sidebar_and_brings_them_back(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    panels_before = {d.objectName(): d.isVisible() for d in w.findChildren(type(w.library_dock))}
    qtbot.keyClick(w.list_view, Qt.Key.Key_F11)
    assert not w.library_dock.isVisible() and not w.list_view.isVisible() and not w.filter_box.isVisible()
    assert w.reading_pane.isVisible() and w.reading_pane.hasFocus()
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_F11)
    assert {d.objectName(): d.isVisible() for d in w.findChildren(type(w.library_dock))} == panels_before
    assert w.list_view.isVisible() and w.filter_box.isVisible()


def test_ctrl_0_puts_the_text_size_back(make_window, qtbot) -> None:
    w = make_window()
    ctrl = Qt.KeyboardModifier.ControlModifier
    start = w.reading_pane.font().pointSize()
    qtbot.keyClick(w.list_view, Qt.Key.Key_Equal, ctrl)
    qtbot.keyClick(w.list_view, Qt.Key.Key_Equal, ctrl)
    assert w.settings.get("reading_font_size") == 14
    qtbot.keyClick(w.list_view, Qt.Key.Key_0, ctrl)
    assert w.settings.get("reading_font_size") == 12
    assert w.reading_pane.font().pointSize() == start


def test_closing_in_focus_mode_saves_the_layout_with_everything_shown(make_window, qtbot) -> None:
    w = make_window()
    qtbot.keyClick(w.list_view, Qt.Key.Key_F11)
    assert not w.library_dock.isVisible()
    w.close()
    w2 = make_window()
    w2.restore_layout()
    assert w2.library_dock.isVisible() and w2.list_view.isVisible()
