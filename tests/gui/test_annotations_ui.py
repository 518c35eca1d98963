"""Highlighting in the window: keys, colours on the right characters, notes, undo, the highlights list, tags."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from reader.core.annotation import TextQuote
from reader.core.word_snap import snap_to_words
from reader.ui.annotation_feature import AnnotationFeature
from reader.ui.highlight_marks import HIGHLIGHT_BACKGROUNDS, background, contrast_ratio
from reader.ui.themes import THEMES, apply_theme

HARBOUR = "Harbour strike ends after nine days"
LONG = "A long report"


def feature(w) -> AnnotationFeature:
    return next(f for f in w.features if isinstance(f, AnnotationFeature))


def open_article(w, title_start: str) -> str:
    article_id = next(i for i in w.model.ids if w.library.rows([i])[i].title.startswith(title_start))
    w.select_article(article_id)
    return article_id


def select_words(w, words: str, nth: int = 0) -> tuple[int, int]:
    """Select the nth occurrence of `words` in the reading pane; returns its text offsets."""
    text = w.reading_pane.article.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return select_span(w, start, start + len(words))


def select_span(w, start: int, end: int) -> tuple[int, int]:
    pane = w.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(start))
    cursor.setPosition(pane.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.setFocus()
    return start, end


def bg_at(w, offset: int) -> QColor | None:
    """The background drawn behind the character at `offset`, or None when it has none."""
    pane = w.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(offset) + 1)  # charFormat() is the character before the cursor
    fmt = cursor.charFormat()
    return fmt.background().color() if fmt.background().style() != Qt.BrushStyle.NoBrush else None


def assert_highlighted(w, start: int, end: int, color: str) -> None:
    want = background(color, "light")
    assert bg_at(w, start) == want and bg_at(w, (start + end) // 2) == want and bg_at(w, end - 1) == want
    assert bg_at(w, start - 1) != want and bg_at(w, end) != want


def answer_dialog(handle: Callable[[QDialog], None]) -> None:
    """Run `handle` on the next modal dialog once it is showing (exec() blocks the test until it closes)."""

    tries = [250]  # about 5 s; then give up, so a dialog that never came cannot be answered in a later test

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            handle(dialog)
        elif tries[0] > 0:
            tries[0] -= 1
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def reactivate(w, qtbot) -> None:
    """Offscreen, closing a dialog leaves no active window; a desktop gives the activation back."""
    w.windowHandle().requestActivate()
    qtbot.waitUntil(w.isActiveWindow)


def test_h_highlights_the_selected_characters_in_the_last_colour(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)
    start, end = select_words(w, "4 percent pay rise")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    [h] = w.store.highlights(article_id)
    assert (h.start, h.end, h.color, h.quote.exact) == (start, end, "yellow", "4 percent pay rise")
    assert_highlighted(w, start, end, "yellow")
    s2, e2 = select_words(w, "40 container ships")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_3)  # 3 = blue, and blue becomes the last-used colour
    s3, e3 = select_words(w, "Peeter Kask")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    assert [(x.start, x.color) for x in w.store.highlights(article_id)] == [(start, "yellow"), (s2, "blue"),
                                                                            (s3, "blue")]  # fmt: skip
    assert_highlighted(w, s2, e2, "blue")
    assert_highlighted(w, s3, e3, "blue")
    assert w.sidebar._views["annotated"].text(0).endswith("(1)")


def test_highlights_come_back_in_a_new_window(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)
    start, end = select_words(w, "12 million euros")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_5)
    w.close()
    w2 = make_window()
    open_article(w2, HARBOUR)
    assert_highlighted(w2, start, end, "purple")
    assert w2.notes_panel.highlight_ids() == [h.id for h in w2.store.highlights(article_id)]


def test_recolour_delete_and_undo_redo_with_keys(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)
    f = feature(w)
    start, end = select_words(w, "port authority")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    [h] = w.store.highlights(article_id)
    menu = f.highlight_menu(f.highlights[0])
    recolour = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in recolour.actions() if a.text() == "&Green").trigger()
    assert_highlighted(w, start, end, "green")
    f.show_highlight(h.id)  # the cursor on the highlight: the digit keys recolour it
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_2)
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_4)  # the caret stays on the highlight after a change
    assert_highlighted(w, start, end, "pink")
    next(a for a in f.highlight_menu(f.highlights[0]).actions() if a.text() == "&Delete Highlight").trigger()
    assert w.store.highlights(article_id) == [] and bg_at(w, start) is None
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_Z, ctrl)
    assert_highlighted(w, start, end, "pink")
    assert w.store.get_highlight(h.id) is not None  # the same highlight, not a copy
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_Z, ctrl)
    assert_highlighted(w, start, end, "green")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_Z, ctrl)
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_Z, ctrl)
    assert w.store.highlights(article_id) == [] and bg_at(w, start) is None
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert_highlighted(w, start, end, "yellow")


def test_a_adds_a_note_and_the_list_shows_it(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)
    start, end = select_words(w, "a fair start")

    def write(dialog: QDialog) -> None:
        dialog.set_values(color="green", note="Compare with the 2019 deal.")
        dialog.accept()

    answer_dialog(write)
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_A)
    reactivate(w, qtbot)
    [h] = w.store.highlights(article_id)
    assert (h.start, h.end, h.color, h.note) == (start, end, "green", "Compare with the 2019 deal.")
    assert_highlighted(w, start, end, "green")
    cursor = QTextCursor(w.reading_pane.document())
    cursor.setPosition(w.reading_pane.doc_position(start) + 1)
    assert cursor.charFormat().toolTip() == "Note: Compare with the 2019 deal."  # the note shows on hovering
    item = w.notes_panel.highlights_list.item(0)
    assert "a fair start" in item.text() and "Compare with the 2019 deal." in item.text()
    f = feature(w)
    f.show_highlight(h.id)

    def edit(dialog: QDialog) -> None:
        dialog.set_values(note="Ask the union.")
        dialog.windowHandle().requestActivate()  # offscreen, a shown dialog is not activated by itself
        QTest.qWait(50)
        QTest.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
        if dialog.isVisible():  # the key did nothing: close it so the test fails instead of hanging
            dialog.reject()

    answer_dialog(edit)
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_A)  # on a highlight, a edits its note
    reactivate(w, qtbot)
    assert w.store.get_highlight(h.id).note == "Ask the union."
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.store.get_highlight(h.id).note == "Compare with the 2019 deal."


def test_notes_list_is_in_text_order_and_choosing_scrolls(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, LONG)
    text = w.reading_pane.article.text
    spans = [(len(text) - 60, len(text) - 30), (10, 30), (len(text) // 2, len(text) // 2 + 25)]
    spans = [snap_to_words(text, s, e) for s, e in spans]  # a highlight takes whole words
    for s, e in spans:
        select_span(w, s, e)
        qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    w.store.add_highlight(article_id, 5, 20, TextQuote("words that were never in this report"), note="lost one")
    w.close()
    w = make_window()
    open_article(w, LONG)
    panel = w.notes_panel
    starts = {h.id: h.start for h in w.store.highlights(article_id)}
    listed = panel.highlight_ids()
    assert len(listed) == 4
    assert [starts[i] for i in listed[:3]] == sorted(s for s, _e in spans)
    orphan_text = panel.highlights_list.item(3).text()
    assert "Not found" in orphan_text and "never in this report" in orphan_text
    assert w.store.get_highlight(listed[3]).orphan
    bar = w.reading_pane.verticalScrollBar()
    bar.setValue(0)  # it reopened where it was left (by the last highlight); from the top, choosing must scroll
    assert bar.maximum() > 0
    last = panel.highlights_list.item(2)
    rect = panel.highlights_list.visualItemRect(last)
    qtbot.mouseClick(panel.highlights_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert bar.value() > 0
    cursor = QTextCursor(w.reading_pane.document())
    cursor.setPosition(w.reading_pane.doc_position(starts[listed[2]]))
    shown = w.reading_pane.cursorRect(cursor)
    assert 0 <= shown.top() < w.reading_pane.viewport().height()


def test_single_letter_keys_go_into_the_note_not_to_commands(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)
    select_words(w, "Dockers in Tallinn")
    w.notes_panel.editor.setFocus()
    qtbot.keyClicks(w.notes_panel.editor, "h1at")
    assert w.notes_panel.editor.toPlainText() == "h1at"
    assert w.store.highlights(article_id) == [] and not w.store.is_bookmarked(article_id)


def test_clicking_a_highlight_offers_its_actions(make_window, qtbot) -> None:
    w = make_window()
    open_article(w, HARBOUR)
    start, end = select_words(w, "Gulf of Finland")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    pane = w.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(start + 3))
    point = pane.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    popup = QApplication.activePopupWidget()
    assert [a.text() for a in popup.actions() if a.text()] == ["&Recolour", "&Edit Note…", "&Delete Highlight"]
    popup.close()
    menu = feature(w).context_menu(point)  # the context menu on a highlight carries the same actions
    assert {"&Recolour", "&Edit Note…", "&Delete Highlight"} <= {a.text() for a in menu.actions()}
    select_words(w, "Union leader")
    menu = feature(w).context_menu(None)
    assert {"&Highlight", "Add &Note…"} <= {a.text() for a in menu.actions()}


def test_shift_h_offers_the_colours(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)
    start, end = select_words(w, "in Tallinn returned")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    popup = QApplication.activePopupWidget()
    assert [a.text().split("\t")[0] for a in popup.actions()] == ["&Yellow", "&Green", "B&lue", "&Pink", "P&urple"]
    next(a for a in popup.actions() if a.text().startswith("&Green")).trigger()
    popup.close()
    assert [h.color for h in w.store.highlights(article_id)] == ["green"]
    assert_highlighted(w, start, end, "green")


def test_tags_dialog_tags_the_bookmark_and_the_tag_filters(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)

    def tag(dialog: QDialog) -> None:
        dialog.new_tags.setText("ports, #labour, ports")
        dialog.accept()

    answer_dialog(tag)
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_T)
    reactivate(w, qtbot)
    assert w.store.is_bookmarked(article_id)
    assert w.store.bookmark(article_id).tags == ("labour", "ports")
    tags_section = w.sidebar._tags
    assert [tags_section.child(i).text(0) for i in range(tags_section.childCount())] == ["#labour (1)", "#ports (1)"]
    w.filter_box.setText("tag:ports")
    w.apply_view()
    assert w.model.ids == [article_id]

    def untick(dialog: QDialog) -> None:
        dialog.set_checked("labour", False)
        dialog.accept()

    answer_dialog(untick)
    qtbot.keyClick(w.list_view, Qt.Key.Key_T)
    assert w.store.bookmark(article_id).tags == ("ports",)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_highlight_colours_keep_text_readable(theme: str) -> None:
    text = QColor(THEMES[theme]["text"])
    for color, value in HIGHLIGHT_BACKGROUNDS[theme].items():
        assert contrast_ratio(QColor(value), text) >= 4.5, color
    assert len(set(HIGHLIGHT_BACKGROUNDS[theme].values())) == 5


def test_dark_theme_draws_dark_tints(make_window, qtbot) -> None:
    w = make_window()
    open_article(w, HARBOUR)
    start, end = select_words(w, "shift patterns")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    try:
        w.toggle_theme()
        assert bg_at(w, start) == background("yellow", "dark") != background("yellow", "light")
    finally:
        apply_theme(QApplication.instance(), "light")


def test_a_refused_write_is_reported_and_nothing_is_half_done(make_window, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader.core.store.db import UserDataError

    w = make_window()
    article_id = open_article(w, HARBOUR)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))

    def refuse(*_a, **_k):
        raise UserDataError("The disk is full: free some space and try again.")

    monkeypatch.setattr(w.store, "add_highlight", refuse)
    select_words(w, "port authority")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    assert shown and "disk is full" in shown[0]
    assert w.store.highlights(article_id) == [] and not w.session.can_undo()


def test_a_right_after_h_notes_the_new_highlight(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)
    select_words(w, "40 container ships")
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    [h] = w.store.highlights(article_id)

    def write(dialog: QDialog) -> None:
        dialog.set_values(note="Which ports?")
        dialog.accept()

    answer_dialog(write)
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_A)  # the selection is gone; the caret sits on the new highlight
    reactivate(w, qtbot)
    assert w.store.get_highlight(h.id).note == "Which ports?"


def test_a_highlight_takes_whole_words_not_half_of_one(make_window, qtbot) -> None:
    """Issue 10 item 6: a selection cut inside words ("ent pay ri") highlights "percent pay rise", in every export."""
    w = make_window()
    article_id = open_article(w, HARBOUR)
    start = w.reading_pane.article.text.index("4 percent pay rise")
    select_span(w, start + 6, start + len("4 percent pay ri"))  # "ent pay ri"
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    [h] = w.store.highlights(article_id)
    assert h.quote.exact == "percent pay rise" and (h.start, h.end) == (start + 2, start + len("4 percent pay rise"))
    assert_highlighted(w, h.start, h.end, "yellow")
