"""Commands with arguments, key bindings as data, and what a broken user keymap does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from reader.ui.commands import CommandRegistry, key_text
from reader.ui.keymap import default_keymap, load_keymap

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

VIEWS = [("all", "All Articles"), ("unread", "Unread"), ("bookmarked", "&Bookmarked")]


@pytest.fixture
def window(qtbot) -> QMainWindow:
    w = QMainWindow()
    qtbot.addWidget(w)
    return w


def write_keymap(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "keymap.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_command_with_an_argument_becomes_one_command_per_choice(window) -> None:
    registry = CommandRegistry(window, {"view bookmarked": ["Ctrl+3"]})
    shown: list[str] = []
    actions = registry.add_with_arg("view", "{arg}", shown.append, choices=VIEWS, menu="&View", help="Show {arg}")
    assert [n for n in registry.commands] == ["view all", "view unread", "view bookmarked"]
    bookmarked = registry.commands["view bookmarked"]
    assert (bookmarked.title, bookmarked.help, bookmarked.menu) == ("&Bookmarked", "Show Bookmarked", "&View")
    assert actions["bookmarked"].shortcuts() == [QKeySequence("Ctrl+3")]
    assert actions["all"].shortcuts() == []
    actions["bookmarked"].trigger()
    registry.run("view unread")
    assert shown == ["bookmarked", "unread"]


def test_run_accepts_the_argument_by_label_and_the_old_one_word_name(window) -> None:
    registry = CommandRegistry(window, {})
    shown: list[str] = []
    registry.add_with_arg("view", "{arg}", shown.append, choices=VIEWS)
    registry.run("view  Bookmarked")
    registry.run("view-unread")
    assert shown == ["bookmarked", "unread"]
    assert registry.resolve("view nothing") is None and registry.resolve("view") is None
    with pytest.raises(KeyError):
        registry.run("view nothing")


def test_plain_commands_work_as_before(window) -> None:
    registry = CommandRegistry(window, {"bookmark-toggle": ["B", "Ctrl+D"]})
    ran: list[str] = []
    action = registry.add("bookmark-toggle", "&Bookmark", lambda: ran.append("b"), menu="&Article", help="Bookmark")
    assert action.shortcuts() == [QKeySequence("B"), QKeySequence("Ctrl+D")]
    registry.run("bookmark-toggle")
    assert ran == ["b"] and registry.shortcut_rows() == [("b, Ctrl+D", "Bookmark", "Bookmark")]


def test_plain_letters_are_shown_as_typed() -> None:
    assert [key_text(k) for k in ("J", "Shift+J", "Ctrl+K", "?", "F1")] == ["j", "Shift+J", "Ctrl+K", "?", "F1"]


def test_the_default_keymap_binds_arguments_and_has_no_old_names() -> None:
    defaults = default_keymap()
    assert defaults["view bookmarked"] == ["G, B"]
    assert defaults["highlight-color 2"] == ["2"]
    assert defaults["entity-toggle per"] == ["Alt+1"]
    old = {"view-all", "view-bookmarked", "highlight-color-1", "highlight-color-5", "entity-toggle-per"}
    assert not old & set(defaults)
    assert load_keymap(None).warnings == []


def test_old_names_in_a_user_keymap_still_work(tmp_path) -> None:
    user = write_keymap(tmp_path, {"view-bookmarked": ["Ctrl+Alt+B"], "highlight-color-2": ["Alt+Shift+2"],
                                   "entity-toggle-PER": ["Ctrl+Alt+P"]})  # fmt: skip
    keymap = load_keymap(user)
    assert keymap.warnings == []
    assert keymap["view bookmarked"] == ["Ctrl+Alt+B"]
    assert keymap["highlight-color 2"] == ["Alt+Shift+2"]
    assert keymap["entity-toggle per"] == ["Ctrl+Alt+P"]
    assert "view-bookmarked" not in keymap


def test_an_unknown_command_is_reported_and_ignored(tmp_path) -> None:
    keymap = load_keymap(write_keymap(tmp_path, {"bookmark-togle": ["Ctrl+Alt+B"]}))
    assert dict(keymap) == default_keymap()
    assert len(keymap.warnings) == 1 and 'no command "bookmark-togle"' in keymap.warnings[0]


def test_a_key_another_command_keeps_by_default_is_reported_and_the_default_used(tmp_path) -> None:
    keymap = load_keymap(write_keymap(tmp_path, {"bookmark-toggle": ["J"], "read-toggle": ["Ctrl+Alt+R"]}))
    assert keymap["bookmark-toggle"] == ["B", "Ctrl+D"]  # the default, since J stays on article-next
    assert keymap["read-toggle"] == ["Ctrl+Alt+R"]  # a valid entry next to a broken one is used
    assert len(keymap.warnings) == 1
    assert '"bookmark-toggle" asks for J' in keymap.warnings[0] and '"article-next"' in keymap.warnings[0]


def test_two_user_commands_on_one_key_both_keep_their_defaults(tmp_path) -> None:
    keymap = load_keymap(write_keymap(tmp_path, {"read-toggle": ["Ctrl+Alt+X"], "note-focus": ["ctrl+alt+x"]}))
    assert keymap["read-toggle"] == ["M"] and keymap["note-focus"] == ["Shift+N"]
    assert len(keymap.warnings) == 2


def test_swapping_two_keys_is_not_a_conflict(tmp_path) -> None:
    keymap = load_keymap(write_keymap(tmp_path, {"article-next": ["K"], "article-previous": ["J"]}))
    assert keymap.warnings == []
    assert (keymap["article-next"], keymap["article-previous"]) == (["K"], ["J"])


def test_unreadable_keys_and_files_are_reported(tmp_path) -> None:
    keymap = load_keymap(write_keymap(tmp_path, {"read-toggle": "M", "note-focus": ["Ctrl+Nope+"]}))
    assert dict(keymap) == default_keymap() and len(keymap.warnings) == 2
    broken = tmp_path / "broken.json"
    broken.write_text('{"read-toggle": [', encoding="utf-8")
    keymap = load_keymap(broken)
    assert dict(keymap) == default_keymap()
    assert "could not be read" in keymap.warnings[0] and str(broken) in keymap.warnings[0]


def test_the_window_is_told_and_the_users_file_is_left_untouched(tmp_path, window, qtbot) -> None:
    user = tmp_path / "keymap.json"
    user.write_bytes(b'{\n  "bookmark-toggle": ["J"],\n  "no-such-command": ["Q"]\n}\n')
    before = user.read_bytes()
    keymap = load_keymap(user)
    registry = CommandRegistry(window, keymap)
    registry.add("bookmark-toggle", "&Bookmark", lambda: None)
    assert registry.keymap_warnings == keymap.warnings and len(keymap.warnings) == 2
    assert registry.commands["bookmark-toggle"].keys == ["B", "Ctrl+D"]
    box = registry.announce_keymap_warnings()
    assert box is not None and box.isVisible() and box.textFormat() == Qt.TextFormat.PlainText
    assert "no-such-command" in box.informativeText() and "bookmark-toggle" in box.informativeText()
    assert "key bindings were not used" in window.statusBar().currentMessage()
    box.close()
    assert user.read_bytes() == before
