"""The reading pane remembers where you were, follows the list, and only a real open marks an article read."""

from __future__ import annotations

from PySide6.QtCore import Qt

LONG = "A long report"
RAIN = "Rain returns to the valley"
CTRL = Qt.KeyboardModifier.ControlModifier


def article_id(w, title_start: str) -> str:
    return next(i for i in w.model.ids if w.library.rows([i])[i].title.startswith(title_start))


def test_reopening_an_article_goes_back_to_where_you_were(make_window, qtbot) -> None:
    w = make_window()
    long_id, rain_id = article_id(w, LONG), article_id(w, RAIN)
    w.select_article(long_id)
    bar = w.reading_pane.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    w.select_article(rain_id)
    assert w.reading_pane.article.id == rain_id and bar.value() == 0  # another article starts at its top
    w.select_article(long_id)
    assert abs(bar.value() - bar.maximum() // 2) <= 2
    bar.setValue(bar.maximum() // 4)
    w.close()  # the place in the article shown at closing is kept too
    w2 = make_window()
    w2.select_article(long_id)
    bar2 = w2.reading_pane.verticalScrollBar()
    qtbot.waitUntil(lambda: abs(bar2.value() - bar2.maximum() // 4) <= 2)


def test_the_article_put_back_at_start_is_not_marked_read(make_window) -> None:
    w = make_window()
    rain_id = article_id(w, RAIN)
    w.select_article(rain_id)
    assert w.store.is_read(rain_id)  # opening it is reading it
    w.list_view.setFocus()
    w.toggle_read()
    assert not w.store.is_read(rain_id)
    w.close()
    w2 = make_window()  # its scan puts the last article back, as the start does
    w2.start_reading()
    assert w2.current_id == rain_id and w2.reading_pane.article.id == rain_id
    assert not w2.store.is_read(rain_id)
    assert w2.model.data(w2.model.index(w2.model.row_of(rain_id), 1), Qt.ItemDataRole.FontRole).bold()
    w2.move_selection(1)
    w2.move_selection(-1)  # and coming back to it by hand does
    assert w2.store.is_read(rain_id)


def test_a_view_without_the_shown_article_shows_the_placeholder(make_window, qtbot) -> None:
    w = make_window()
    rain_id, long_id = article_id(w, RAIN), article_id(w, LONG)
    w.select_article(long_id)
    w.toggle_bookmark()
    w.select_article(rain_id)
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_G)
    qtbot.keyClick(w.list_view, Qt.Key.Key_B)  # Bookmarked: the long report only
    assert w.model.ids == [long_id]
    assert w.reading_pane.article is None and w.current_id is None
    assert "not in this list" in w.reading_pane.toPlainText()
    assert w.notes_panel.highlights_list.count() == 0
    w.select_article(long_id)
    qtbot.keyClick(w.list_view, Qt.Key.Key_G)
    qtbot.keyClick(w.list_view, Qt.Key.Key_A)  # All has it: it stays, on its row
    assert w.reading_pane.article.id == long_id
    assert w.model.ids[w.list_view.currentIndex().row()] == long_id
    w.filter_box.setText("zzz no such title")
    w.apply_view()
    assert w.reading_pane.article is None
