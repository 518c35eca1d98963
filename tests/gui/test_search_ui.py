"""The search box in the window: matches drawn in the pane's search layer, F3 / Shift+F3, errors under the box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

FERRY = "Ferry news\n\nThe ferry left at six. A second ferry came.\n\nFerries wait while the FERRY board meets.\n"


def open_ferry(make_window, article_folder: Path, qtbot):
    (article_folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    w = make_window()
    w.show_list_filter("ferry")
    rows = w.library.rows(w.model.ids)
    assert [rows[i].title for i in w.model.ids] == ["Ferry news"]
    w.select_article(w.model.ids[0])
    qtbot.waitUntil(lambda: w.reading_pane.article is not None and w.reading_pane.article.title == "Ferry news")
    return w


def spans(w) -> list[str]:
    text = w.reading_pane.article.text
    return [text[m.start : m.end] for m in w.reading_pane.layer("search")]


def test_matches_are_drawn_and_f3_steps_through_them(make_window, article_folder: Path, qtbot) -> None:
    w = open_ferry(make_window, article_folder, qtbot)
    assert spans(w) == ["ferry", "ferry", "FERRY"]  # any case, whole words: not "Ferries"
    w.list_view.setFocus()
    said = []
    for _ in range(4):
        qtbot.keyClick(w.list_view, Qt.Key.Key_F3)
        said.append((w.reading_pane.textCursor().selectedText(), w.statusBar().currentMessage()))
    assert said == [("ferry", "Match 1 of 3"), ("ferry", "Match 2 of 3"), ("FERRY", "Match 3 of 3"),
                    ("ferry", "Match 1 of 3")]  # fmt: skip
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert (w.reading_pane.textCursor().selectedText(), w.statusBar().currentMessage()) == ("FERRY", "Match 3 of 3")
    w.filter_box.setText('"second ferry" OR ferr*')
    w.apply_view(keep_current=True)  # the list's first page is painted first, the pane's marks follow
    qtbot.waitUntil(lambda: spans(w) == ["ferry", "second ferry", "Ferries", "FERRY"])
    w.filter_box.setText("second")
    w.apply_view(keep_current=True)
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_F3)  # at once: the new search's match, not the last one's
    assert (w.reading_pane.textCursor().selectedText(), w.statusBar().currentMessage()) == ("second", "Match 1 of 1")
    assert spans(w) == ["second"]
    w.filter_box.setText("")
    w.apply_view(keep_current=True)
    qtbot.waitUntil(lambda: spans(w) == [])


def test_a_typo_is_explained_under_the_box_and_keeps_the_list(make_window, article_folder: Path, qtbot) -> None:
    w = open_ferry(make_window, article_folder, qtbot)
    listed = list(w.model.ids)
    w.filter_box.setText("ferry colour:red")
    w.apply_view(keep_current=True)
    assert w.model.ids == listed and w.search_problem is not None and w.search_problem.isVisible()
    assert w.search_problem.text().startswith("Unknown filter 'colour:'. Filters: source:, author:, entity:")
    assert spans(w) == ["ferry", "ferry", "FERRY"]  # the last search understood stays marked
    w.filter_box.setText("ferry before:2024-13")
    w.apply_view(keep_current=True)
    assert w.search_problem.text() == ("Cannot read the date in 'before:2024-13'."
                                       " Write it as 2024, 2024-05 or 2024-05-31.")
    w.filter_box.setText("is:<b>bold</b>")
    w.apply_view(keep_current=True)
    assert w.search_problem.textFormat() == Qt.TextFormat.PlainText
    assert w.search_problem.text().startswith("Unknown value in 'is:<b>bold</b>'.")
    w.filter_box.setText("ferry source:nowhere")
    w.apply_view(keep_current=True)
    assert w.model.ids == [] and not w.search_problem.isVisible()


def test_saved_searches_are_listed_run_and_removed_with_undo(make_window, article_folder: Path, qtbot) -> None:
    from reader.ui.saved_search_feature import SavedSearchFeature

    w = open_ferry(make_window, article_folder, qtbot)
    saved = next(f for f in w.features if isinstance(f, SavedSearchFeature))
    assert not saved.dock.isVisible()
    w.filter_box.setText("ferr* source:nowhere")  # a search that lists nothing is still worth keeping
    w.apply_view()
    saved.save("  Ferries   elsewhere ")
    assert [saved.panel.item(i).text() for i in range(saved.panel.count())] == ["Ferries elsewhere"]
    assert saved.dock.isVisible() and w.statusBar().currentMessage() == "Saved the search “Ferries elsewhere”"
    w.show_list_filter("")
    assert w.model.ids  # every article again
    saved.run_item(saved.panel.item(0))
    assert w.filter_box.text() == "ferr* source:nowhere" and w.model.ids == []
    saved.panel.setCurrentRow(0)
    w.registry.run("search-saved-remove")
    assert saved.panel.count() == 0
    w.registry.run("undo")
    assert [saved.panel.item(i).text() for i in range(saved.panel.count())] == ["Ferries elsewhere"]
    w.close()
    w2 = make_window()  # kept in the user database
    again = next(f for f in w2.features if isinstance(f, SavedSearchFeature))
    assert again.panel.count() == 1 and again.panel.item(0).toolTip() == "<p>ferr* source:nowhere</p>"
