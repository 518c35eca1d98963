"""Preferences › Keys: rebinding, conflicts, resets, the user's keymap.json, single-key shortcuts off."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from reader.paths import resolve_paths
from reader.ui.commands import CommandRegistry
from reader.ui.keymap import load_keymap
from reader.ui.preferences.dialog import PreferencesDialog

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_dialog(w, qtbot, **kwargs) -> PreferencesDialog:
    dialog = PreferencesDialog(w, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def bookmarked(w) -> bool:
    return bool(w.current_id) and w.store.is_bookmarked(w.current_id)


def rebind_bookmark(w, qtbot) -> PreferencesDialog:
    """Bookmark on Ctrl+Shift+B only (its defaults B and Ctrl+D removed), saved."""
    dialog = open_dialog(w, qtbot)
    dialog.keys.select_command("bookmark-toggle")
    dialog.keys.remove_key()
    dialog.keys.remove_key()
    assert dialog.keys.add_key("Ctrl+Shift+B")
    assert dialog.keys.message.text() == "Ctrl+Shift+B will run 'Bookmark' once you save."
    assert dialog.save()
    return dialog


def test_a_new_key_runs_the_command_at_once_and_the_old_ones_do_not(make_window, qtbot) -> None:
    w = make_window()
    w.focus_list()
    rebind_bookmark(w, qtbot)
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_B)
    qtbot.keyClick(w.list_view, Qt.Key.Key_D, CTRL)
    assert not bookmarked(w)
    qtbot.keyClick(w.list_view, Qt.Key.Key_B, CTRL | SHIFT)
    assert bookmarked(w)
    assert w.registry.commands["bookmark-toggle"].action.shortcuts()[0].toString() == "Ctrl+Shift+B"


def test_the_file_holds_only_the_overrides_and_a_new_window_uses_them(make_window, qtbot) -> None:
    w = make_window()
    rebind_bookmark(w, qtbot)
    path = w.paths.config / "keymap.json"
    assert json.loads(path.read_text(encoding="utf-8")) == {"bookmark-toggle": ["Ctrl+Shift+B"]}
    reloaded = load_keymap(path)
    assert reloaded.warnings == [] and reloaded["bookmark-toggle"] == ["Ctrl+Shift+B"]
    w.close()
    again = make_window()
    assert [k.toString() for k in again.registry.commands["bookmark-toggle"].action.shortcuts()] == ["Ctrl+Shift+B"]


def test_a_conflict_is_said_before_saving_and_saving_moves_the_key(make_window, qtbot) -> None:
    w = make_window()
    dialog = open_dialog(w, qtbot)
    dialog.keys.select_command("bookmark-toggle")
    dialog.keys.add_key("Ctrl+K")
    assert dialog.keys.message.text() == "Ctrl+K is already used by 'Command Palette…'; saving moves it here."
    palette = w.registry.commands["palette-show"].action
    assert "Ctrl+K" in [k.toString() for k in palette.shortcuts()]  # nothing changes before Save
    assert dialog.save()
    assert [k.toString() for k in palette.shortcuts()] == ["Ctrl+Shift+P"]
    assert json.loads((w.paths.config / "keymap.json").read_text(encoding="utf-8")) == {
        "bookmark-toggle": ["B", "Ctrl+D", "Ctrl+K"],
        "palette-show": ["Ctrl+Shift+P"],
    }


def test_reset_one_command_and_reset_all(make_window, qtbot) -> None:
    w = make_window()
    rebind_bookmark(w, qtbot)
    dialog = open_dialog(w, qtbot)
    dialog.keys.select_command("article-next")
    dialog.keys.add_key("Ctrl+J")
    dialog.keys.select_command("bookmark-toggle")
    dialog.keys.reset_command()
    assert dialog.keys.key_list.count() == 2  # b, Ctrl+D back
    assert dialog.save()
    path = w.paths.config / "keymap.json"
    assert json.loads(path.read_text(encoding="utf-8")) == {"article-next": ["J", "Ctrl+J"]}
    dialog = open_dialog(w, qtbot)
    dialog.keys.reset_all()
    assert dialog.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {}
    assert [k.toString() for k in w.registry.commands["article-next"].action.shortcuts()] == ["J"]


def test_the_filter_finds_commands_by_menu_text_and_key(make_window, qtbot) -> None:
    w = make_window()
    dialog = open_dialog(w, qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.keys.filter_box  # typing after Ctrl+, filters at once
    dialog.keys.filter_box.setText("palette")
    assert dialog.keys.visible_commands() == ["palette-show"]
    dialog.keys.filter_box.setText("Ctrl+Shift+T")
    assert dialog.keys.visible_commands() == ["theme-toggle"]


def test_a_broken_keymap_keeps_the_defaults_and_is_replaced_only_when_asked(
    make_window, data_dir, qtbot, monkeypatch
) -> None:
    # the warning box (tested in test_commands) would take the focus the window fixture waits for
    monkeypatch.setattr(CommandRegistry, "announce_keymap_warnings", lambda _self: None)
    path = resolve_paths(data_dir).ensure().config / "keymap.json"
    path.write_text('{"bookmark-toggle": ["Ctrl+Shift+B"', encoding="utf-8")
    w = make_window()
    assert "could not be read" in w.registry.keymap_warnings[0]
    assert [k.toString() for k in w.registry.commands["bookmark-toggle"].action.shortcuts()] == ["B", "Ctrl+D"]
    asked: list[str] = []
    dialog = open_dialog(w, qtbot, confirm=lambda _parent, where: asked.append(where) or False)
    dialog.keys.select_command("article-next")
    dialog.keys.add_key("Ctrl+J")
    assert not dialog.save()  # the user said no: the file stays as they wrote it
    assert asked == [str(path)]
    assert path.read_text(encoding="utf-8") == '{"bookmark-toggle": ["Ctrl+Shift+B"'
    dialog = open_dialog(w, qtbot, confirm=lambda _parent, _where: True)
    dialog.keys.select_command("article-next")
    dialog.keys.add_key("Ctrl+J")
    assert dialog.save()
    assert (path.parent / "keymap.json.bak").read_text(encoding="utf-8") == '{"bookmark-toggle": ["Ctrl+Shift+B"'
    assert json.loads(path.read_text(encoding="utf-8")) == {"article-next": ["J", "Ctrl+J"]}


def test_single_key_shortcuts_off_leaves_chords_and_is_remembered(make_window, qtbot) -> None:
    w = make_window()
    w.focus_list()
    dialog = open_dialog(w, qtbot)
    dialog.keys.single_keys.setChecked(False)
    assert dialog.save()
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_B)
    assert not bookmarked(w)
    qtbot.keyClick(w.list_view, Qt.Key.Key_D, CTRL)
    assert bookmarked(w)
    assert [k.toString() for k in w.registry.commands["filter-focus"].action.shortcuts()] == ["Ctrl+F"]
    assert w.registry.commands["shortcuts-show"].action.shortcuts()[0].toString() == "F1"  # not a typed key
    w.close()
    again = make_window()
    assert [k.toString() for k in again.registry.commands["bookmark-toggle"].action.shortcuts()] == ["Ctrl+D"]
    assert not PreferencesDialog(again).keys.single_keys.isChecked()


def test_single_letters_never_fire_while_typing_in_a_text_field(make_window, qtbot) -> None:
    w = make_window()
    w.focus_list()
    first = w.current_id
    w.filter_box.setFocus()
    qtbot.keyClicks(w.filter_box, "jb")
    assert w.filter_box.text() == "jb"
    assert not bookmarked(w) and w.current_id == first
    w.filter_box.clear()
    w.focus_list()
    w.notes_panel.editor.setFocus()
    qtbot.keyClicks(w.notes_panel.editor, "jk b")
    assert w.notes_panel.editor.toPlainText() == "jk b"
    assert not bookmarked(w) and w.current_id == first


def test_a_command_the_default_list_does_not_name_is_not_given_a_key_it_would_lose(make_window, qtbot) -> None:
    w = make_window()
    dialog = open_dialog(w, qtbot)
    dialog.keys.defaults.pop("bookmark-toggle")  # as for a command registered without a default entry
    dialog.keys.select_command("bookmark-toggle")
    assert not dialog.keys.add_key("Ctrl+Shift+B")
    assert dialog.keys.message.text() == "'Bookmark' cannot take keys of its own yet; choose another command."
