"""The command palette and the F1 help list commands with their arguments, keys as typed, nothing cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QMainWindow

from reader.ui.commands import CommandRegistry
from reader.ui.dialogs.shortcuts import ShortcutsDialog
from reader.ui.keymap import default_keymap
from reader.ui.palette import CommandPalette

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

VIEWS = [("all", "All Articles"), ("unread", "Unread"), ("bookmarked", "Bookmarked"), ("annotated", "Annotated")]


@pytest.fixture
def registry(qtbot) -> tuple[CommandRegistry, list[str]]:
    window = QMainWindow()
    qtbot.addWidget(window)
    ran: list[str] = []
    reg = CommandRegistry(window, default_keymap())
    reg.add_with_arg("view", "{arg}", lambda v: ran.append(f"view {v}"), choices=VIEWS, menu="&View",
                     help="Show {arg}")  # fmt: skip
    reg.add("bookmark-toggle", "&Bookmark", lambda: ran.append("bookmark"), help="Bookmark or un-bookmark")
    reg.add("article-next", "&Next Article", lambda: ran.append("next"), help="Select the next article")
    return reg, ran


def palette_rows(palette: CommandPalette) -> list[str]:
    return [palette.list.item(i).text() for i in range(palette.list.count())]


def test_the_palette_lists_each_argument_with_its_keys(registry, qtbot) -> None:
    reg, _ran = registry
    palette = CommandPalette(reg)
    qtbot.addWidget(palette)
    assert "Bookmarked  ·  view bookmarked    g b" in palette_rows(palette)
    assert "Next Article  ·  article-next    j" in palette_rows(palette)


def test_typing_a_command_and_a_space_lists_its_arguments(registry, qtbot) -> None:
    reg, ran = registry
    palette = CommandPalette(reg)
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.query, "view ")
    assert [palette.list.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(palette.list.count())] == [
        "view all", "view annotated", "view bookmarked", "view unread"]  # fmt: skip
    qtbot.keyClicks(palette.query, "bookm")
    assert palette_rows(palette) == ["Bookmarked  ·  view bookmarked    g b"]
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert palette.chosen == "view bookmarked"
    reg.run(palette.chosen)
    assert ran == ["view bookmarked"]


def test_a_whole_command_typed_is_listed_first(registry, qtbot) -> None:
    reg, _ran = registry
    palette = CommandPalette(reg)
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.query, "view unread")
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert palette.chosen == "view unread"


def show_help(make_window, qtbot) -> ShortcutsDialog:
    w = make_window()
    dialog = ShortcutsDialog(w.registry.shortcut_rows(), w)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_help_shows_every_description_whole(make_window, qtbot) -> None:
    dialog = show_help(make_window, qtbot)
    table = dialog.table
    rows = dialog.visible_rows()
    registry_rows = dialog.parent().registry.shortcut_rows()
    assert [r for r in rows if r[2]] == [r for r in registry_rows if r[2]]
    width = table.columnWidth(2) - 8  # the cell's own padding
    metrics = table.fontMetrics()
    for r in range(table.rowCount()):
        text = table.item(r, 2).text()
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        assert needed.width() <= table.columnWidth(2), text
        assert needed.height() <= table.rowHeight(r), f"{text!r} is cut"
    assert table.columnWidth(0) + table.columnWidth(1) + table.columnWidth(2) <= table.viewport().width() + 1


def test_the_help_shows_plain_letters_as_typed_and_lists_arguments(make_window, qtbot) -> None:
    dialog = show_help(make_window, qtbot)
    by_name = {title: keys for keys, title, _help in dialog.visible_rows()}
    assert by_name["Next Article"] == "j"
    assert by_name["Highlight in Colour…"] == "Shift+H"
    assert by_name["Bookmarked"] == "g b"


def test_searching_the_help_leaves_only_matching_rows(make_window, qtbot) -> None:
    dialog = show_help(make_window, qtbot)
    qtbot.keyClicks(dialog.search, "book")
    rows = dialog.visible_rows()
    titles = [title for _keys, title, _help in rows]
    assert {"Bookmark", "Bookmark Tags…", "Bookmarked"} <= set(titles)
    assert "Next Article" not in titles
    assert all("book" in " ".join(row).casefold() for row in rows)
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "Ctrl+Shift+T")
    assert [title for _keys, title, _help in dialog.visible_rows()] == ["Dark Theme"]
