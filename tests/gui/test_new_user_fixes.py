"""What a new user hit (issue 10): mark all read with unread counts, F9, open original, remove folder, notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from reader.ui.entity_feature import EntityFeature

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
RAIN = "Rain returns to the valley"


def sidebar_has(w, text: str) -> bool:
    return bool(w.sidebar.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive))


def test_mark_all_read_empties_unread_in_one_undoable_step(make_window, qtbot) -> None:
    w = make_window()
    assert sidebar_has(w, "Unread (4)")
    w.select_row(0)  # opening one reads it
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_M, SHIFT)
    assert w.statusBar().currentMessage() == "Marked 3 articles read (Ctrl+Z to undo)"
    assert w.store.read_ids() == set(w.model.ids)
    qtbot.waitUntil(lambda: sidebar_has(w, "Unread (0)"))
    folder = w.store.folders()[0]
    assert w.sidebar.counts["folder:" + folder] == 0
    qtbot.keyClick(w.list_view, Qt.Key.Key_G)
    qtbot.keyClick(w.list_view, Qt.Key.Key_U)
    assert w.model.ids == []
    qtbot.keyClick(w.list_view, Qt.Key.Key_Z, CTRL)  # one step brings the three marks back
    assert len(w.store.read_ids()) == 1
    qtbot.waitUntil(lambda: sidebar_has(w, "Unread (3)"))
    qtbot.keyClick(w.list_view, Qt.Key.Key_G)
    qtbot.keyClick(w.list_view, Qt.Key.Key_A)
    qtbot.keyClick(w.list_view, Qt.Key.Key_G)
    qtbot.keyClick(w.list_view, Qt.Key.Key_U)
    assert len(w.model.ids) == 3


def test_unread_counts_wait_until_the_keys_stop(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    qtbot.waitUntil(lambda: sidebar_has(w, "Unread (3)"))
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_J)
    assert w.unread_counts_timer.isActive()  # counted once, after the timer, not on every key
    qtbot.keyClick(w.list_view, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: sidebar_has(w, "Unread (1)"))


def test_f9_hides_the_entity_panel_without_an_empty_column(make_window, qtbot) -> None:
    w = make_window()
    dock = next(f for f in w.features if isinstance(f, EntityFeature)).dock
    tree = dock.widget().tree
    qtbot.waitUntil(lambda: w.library_dock.width() >= 200)
    list_width, column = w.list_view.width(), w.library_dock.width()
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_F9)
    assert dock.isVisible() and tree.hasFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F9)
    assert not dock.isVisible() and w.list_view.hasFocus()  # the keys are back on the list, not in the filter
    bar = w.sidebar
    names = bar.sizeHintForColumn(0) + bar.indentation() + 2 * bar.frameWidth()
    names += bar.verticalScrollBar().sizeHint().width()
    assert names < column - 20  # the fixture's names (sources with their counts among them) need less room
    qtbot.waitUntil(lambda: w.library_dock.width() <= names + 10)  # the column narrows to the sidebar's names
    qtbot.waitUntil(lambda: w.list_view.width() > list_width)  # and the list gets room
    assert w.sidebar.sizeHintForColumn(0) <= w.sidebar.viewport().width()  # no name is cut
    qtbot.keyClick(w.list_view, Qt.Key.Key_F9)
    assert dock.isVisible() and tree.hasFocus()
    qtbot.waitUntil(lambda: w.library_dock.width() >= 200)


def test_open_original_says_when_no_program_opens_the_file(make_window, monkeypatch) -> None:
    w = make_window()
    w.select_row(0)
    path = w.reading_pane.article.path
    opened, warned = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a: warned.append((title, text)))
    w.registry.commands["article-open-file"].handler()
    assert [u.toLocalFile() for u in opened] == [path]
    [(title, text)] = warned
    assert title == "Could not open the file" and path in text and "default application" in text
    assert path in w.statusBar().currentMessage()


def test_remove_folder_asks_first_and_keeps_the_folder_when_cancelled(make_window, monkeypatch) -> None:
    w = make_window()
    folder = w.store.folders()[0]
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: asked.append(text) or answer)
    w.sidebar.remove_folder_requested.emit(folder)
    assert w.store.folders() == [folder]  # cancelled: nothing changed
    assert "articles" in asked[0] and folder in asked[0] and "stay on disk" in asked[0] and "notes" in asked[0]
    answer = QMessageBox.StandardButton.Yes
    w.sidebar.remove_folder_requested.emit(folder)
    assert w.store.folders() == [] and "Ctrl+Z to undo" in w.statusBar().currentMessage()


def test_highlight_notes_show_their_words_not_their_markdown(make_window) -> None:
    w = make_window()
    w.select_row(0)
    article = w.reading_pane.article
    note = "**Compare** with [the deal](https://example.org/deal)\n\n- one <img src=x>"
    w.operations.run(lambda: w.session.add_highlight(article.id, article.text, 0, 5, color="yellow", note=note,
                                                     path=article.path))  # fmt: skip
    item = w.notes_panel.highlights_list.item(0)
    assert item.text().endswith("✎ Compare with the deal • one <img src=x>")  # words only, shown as typed
    tip = item.toolTip()
    assert "<strong>Compare</strong>" in tip and "**" not in tip
    assert "&lt;img src=x&gt;" in tip and "<img" not in tip  # the user's text is escaped, never markup
