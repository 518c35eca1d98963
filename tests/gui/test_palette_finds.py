"""Ctrl+K finds a command, an article, an entity and a highlight, and Enter does what each means; recent first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from reader.core.anchoring import TextQuote
from reader.core.entities import EntitySpan
from reader.ui.palette import FoundRole
from reader.ui.palette_actions import choose, find, recent_choices

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

HARBOUR = "Harbour strike ends after nine days"
RAIN = "Rain returns to the valley"


def article_id(w, title: str) -> str:
    return next(i for i in w.library.all_ids() if w.library.rows([i])[i].title == title)


def type_in_palette(qtbot, text: str) -> list[str]:
    """Type into the open palette and press Enter; returns the rows it listed."""
    seen: list[str] = []

    def act() -> None:
        palette = QApplication.activeModalWidget()
        qtbot.keyClicks(palette.query, text)
        seen.extend(palette.list.item(i).text() for i in range(palette.list.count()))
        qtbot.keyClick(palette.query, Qt.Key.Key_Return)

    QTimer.singleShot(50, act)
    return seen


def open_palette(w, qtbot, text: str) -> list[str]:
    seen = type_in_palette(qtbot, text)
    qtbot.keyClick(w.list_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    return seen


def test_ctrl_k_finds_and_runs_a_command_with_its_keys_shown(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    rows = open_palette(w, qtbot, "bkmrkd")
    assert rows[0] == "Bookmarked  ·  view bookmarked    g b"
    assert (w.view_kind, w.view_value) == ("view", "bookmarked")


def test_ctrl_shift_p_finds_an_article_by_title_and_shows_it(make_window, qtbot) -> None:
    w = make_window()
    w.sidebar.select_view("unread")
    w.operations.run(lambda: w.session.mark_read([article_id(w, RAIN)], True))
    w.apply_view()
    seen = type_in_palette(qtbot, "rain valley")
    qtbot.keyClick(w.list_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen[0] == f"Article: {RAIN}"
    assert w.reading_pane.article.title == RAIN
    assert (w.view_kind, w.view_value) == ("view", "all")  # Unread lacked it: All Articles shows it


def test_the_palette_finds_an_entity_and_lists_its_articles(make_window, qtbot) -> None:
    w = make_window()
    aid = article_id(w, HARBOUR)
    text = w.library.article(aid).text
    start = text.index("Tallinn")
    w.library.store_mentions(aid, [EntitySpan(start, start + 7, "LOC", "Tallinn")])
    rows = open_palette(w, qtbot, "tallin")
    assert rows[0] == "Entity: Tallinn (Place)"
    assert w.filter_box.text() == 'entity:"Tallinn"'
    assert w.model.ids == [aid]


def test_the_palette_finds_a_highlight_and_opens_the_article_there(make_window, qtbot) -> None:
    w = make_window()
    aid = article_id(w, HARBOUR)
    text = w.library.article(aid).text
    start = text.index("port authority")
    w.operations.run(lambda: w.session.add_highlight_quote(aid, start, start + 14, TextQuote("port authority")))
    w.select_row(len(w.model.ids) - 1)
    rows = open_palette(w, qtbot, "port auth")
    assert rows[0] == f"Highlight: “port authority” — {HARBOUR}"
    assert w.reading_pane.article.id == aid
    assert w.reading_pane.textCursor().selectedText() == "port authority"


def test_recent_choices_come_first(make_window, qtbot) -> None:
    from reader.ui.palette import CommandPalette

    w = make_window()
    rain = next(f for f in find(w, "rain") if f.kind == "article")
    choose(w, rain)
    choose(w, next(f for f in find(w, "harbour") if f.kind == "article"))
    assert [f.label for f in recent_choices(w)] == [HARBOUR, RAIN]
    palette = CommandPalette(w.registry, w, finder=lambda q: find(w, q), recent=recent_choices(w))
    qtbot.addWidget(palette)
    assert [palette.list.item(i).text() for i in range(2)] == [f"Article: {HARBOUR}", f"Article: {RAIN}"]
    qtbot.keyClicks(palette.query, "r")  # both match "r": the more recent stays first
    assert palette.list.item(0).data(FoundRole).label == HARBOUR


def rows_of_empty_palette(w, qtbot) -> list[str]:
    """Open the palette with Ctrl+K, read its rows with nothing typed, close it with Esc."""
    seen: list[str] = []

    def look() -> None:
        palette = QApplication.activeModalWidget()
        seen.extend(palette.list.item(i).text() for i in range(palette.list.count()))
        qtbot.keyClick(palette.query, Qt.Key.Key_Escape)

    QTimer.singleShot(50, look)
    qtbot.keyClick(w.list_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    return seen


def reactivate(w, qtbot) -> None:
    """Give the window the keys back after a dialog (offscreen windows are not activated by themselves)."""
    w.windowHandle().requestActivate()
    qtbot.waitUntil(w.isActiveWindow)


def test_recent_choices_come_first_after_a_restart(make_window, qtbot) -> None:
    w = make_window()
    aid = article_id(w, HARBOUR)
    start = w.library.article(aid).text.index("Tallinn")
    w.library.store_mentions(aid, [EntitySpan(start, start + 7, "LOC", "Tallinn")])
    open_palette(w, qtbot, "rain valley")
    reactivate(w, qtbot)
    open_palette(w, qtbot, "tallin")
    assert w.filter_box.text() == 'entity:"Tallinn"'
    w.close()
    again = make_window()  # a new window on the same data folder, reading the same settings file
    rows = rows_of_empty_palette(again, qtbot)
    assert rows[:2] == ["Entity: Tallinn (Place)", f"Article: {RAIN}"]
    reactivate(again, qtbot)
    open_palette(again, qtbot, "bkmrkd")  # a command chosen in the new window goes first in turn
    again.close()
    third = make_window()
    assert rows_of_empty_palette(third, qtbot)[:3] == [
        "Bookmarked  ·  view bookmarked    g b", "Entity: Tallinn (Place)", f"Article: {RAIN}"]  # fmt: skip


def test_a_hand_edited_recent_list_is_read_as_far_as_it_makes_sense(make_window, qtbot) -> None:
    from reader.settings import Settings

    w = make_window()
    rain = article_id(w, RAIN)
    w.close()
    settings = Settings(w.settings.path)
    settings.set("palette_recent", [{"kind": "article", "label": RAIN, "key": rain, "article_id": rain},
                                    {"kind": 3}, "junk"])  # fmt: skip
    again = make_window()
    assert rows_of_empty_palette(again, qtbot)[0] == f"Article: {RAIN}"


def test_a_recent_article_no_longer_in_the_library_is_not_offered(make_window, qtbot) -> None:
    from reader.settings import Settings

    w = make_window()
    rain = article_id(w, RAIN)
    w.close()
    Settings(w.settings.path).set("palette_recent", [
        {"kind": "article", "label": "A story whose file was deleted", "key": "gone", "article_id": "gone"},
        {"kind": "article", "label": RAIN, "key": rain, "article_id": rain}])  # fmt: skip
    again = make_window()
    rows = rows_of_empty_palette(again, qtbot)
    assert rows[0] == f"Article: {RAIN}"
    assert not any("deleted" in r for r in rows)
