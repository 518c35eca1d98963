"""Selecting text with the keyboard alone: caret browsing (F7), Select Sentence (s), Select Paragraph (Shift+S)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

RAIN = "Rain returns to the valley"
FIRST = "After eleven dry weeks, farmers in the Ebro valley welcomed steady rain on Tuesday."
SECOND_PARAGRAPH = "The regional water agency said reservoirs stood at 31 percent, up from 27 percent a week earlier."
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_rain(w) -> str:
    article_id = next(i for i in w.model.ids if w.library.rows([i])[i].title == RAIN)
    w.select_article(article_id)
    w.list_view.setFocus()
    return article_id


def selected(w) -> str:
    return w.reading_pane.textCursor().selectedText()


def test_f7_shows_a_caret_that_the_arrows_move_and_shift_arrows_select(make_window, qtbot) -> None:
    w = make_window()
    open_rain(w)
    pane = w.reading_pane
    qtbot.keyClick(w.list_view, Qt.Key.Key_F7)
    assert w.statusBar().currentMessage().startswith("Caret browsing on")
    assert pane.hasFocus() and pane.cursorWidth() == 2
    assert pane.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert pane.textCursor().position() == 0  # the top of the view: the title's first letter
    qtbot.keyClick(pane, Qt.Key.Key_Right)
    assert pane.textCursor().position() == 1 and not selected(w)
    for _ in range(4):
        qtbot.keyClick(pane, Qt.Key.Key_Right, SHIFT)
    assert selected(w) == RAIN[1:5]  # Shift+Right four times: four characters
    qtbot.keyClick(pane, Qt.Key.Key_Right, CTRL_SHIFT)
    assert selected(w) == RAIN[1 : RAIN.index(" to ") + 1]  # to the start of the next word
    qtbot.keyClick(pane, Qt.Key.Key_End)
    assert pane.textCursor().position() == len(RAIN) and not selected(w)  # End: the end of the line
    qtbot.keyClick(pane, Qt.Key.Key_Home, SHIFT)
    assert selected(w) == RAIN
    qtbot.keyClick(pane, Qt.Key.Key_Down)
    assert pane.textCursor().block().text() != RAIN  # down to the next line
    qtbot.keyClick(pane, Qt.Key.Key_F7)
    assert w.statusBar().currentMessage() == "Caret browsing off"
    assert not pane.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard


def test_select_sentence_then_h_highlights_exactly_that_sentence(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_rain(w)
    qtbot.keyClick(w.list_view, Qt.Key.Key_F7)  # the caret is on the title: s takes the first sentence
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_S)
    assert selected(w) == FIRST
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_H)
    [h] = w.store.highlights(article_id)
    assert h.quote.exact == FIRST
    assert w.library.article(article_id).text[h.start : h.end] == FIRST


def test_select_sentence_and_paragraph_at_the_caret(make_window, qtbot) -> None:
    w = make_window()
    open_rain(w)
    pane = w.reading_pane
    qtbot.keyClick(w.list_view, Qt.Key.Key_F7)
    text = pane.article.text
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(text.index("31 percent")))
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_S)
    assert selected(w) == SECOND_PARAGRAPH  # one sentence, the whole paragraph
    cursor.setPosition(pane.doc_position(text.index("farmers")))
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_S, SHIFT)
    assert selected(w) == FIRST  # the first paragraph, and not a character of the next


def test_s_types_in_the_note_instead_of_selecting(make_window, qtbot) -> None:
    w = make_window()
    open_rain(w)
    editor = w.notes_panel.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_S)
    assert editor.toPlainText() == "s" and not selected(w)
