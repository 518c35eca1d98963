"""The notebook view in the window: its rows, filters, keys, opening at a highlight, and each export read back."""

from __future__ import annotations

import csv
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from reader.core.annotation import TextQuote
from reader.core.export.readwise_csv import READWISE_COLUMNS
from reader.ui.notebook_model import EntryIdRole, RowRole, first_line, meta_line
from reader.ui.notebook_view import NO_ENTRIES, NO_MATCH

HARBOUR = "Harbour strike ends after nine days"
LONG = "A long report on river levels"
LEDGER = "\u2068The Harbour Ledger\u2069"  # a source is shown in a bidi isolate


def article_id(w, title: str) -> str:
    return next(i for i in w.library.all_ids() if w.library.rows([i])[i].title == title)


def highlight(w, title: str, words: str, *, color: str = "yellow", note: str = "", nth: int = 0) -> str:
    aid = article_id(w, title)
    text = w.library.article(aid).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    done = w.operations.run(lambda: w.session.add_highlight(aid, text, start, start + len(words), color=color,
                                                            note=note))  # fmt: skip
    return done.value.id


def shown(w) -> list[tuple[str, str, str]]:
    """What each row shows: its first line, its note, its article line."""
    model = w.notebook.model
    rows = [model.index(r, 0).data(RowRole) for r in range(model.rowCount())]
    return [(first_line(r), r.note, meta_line(r)) for r in rows]


def open_notebook(w, qtbot) -> None:
    qtbot.keyClick(w, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert w.list_stack.currentWidget() is w.notebook


def test_ctrl_6_shows_every_highlight_with_its_article(make_window, qtbot) -> None:
    w = make_window()
    highlight(w, HARBOUR, "returned to work", color="green", note="Good news")
    highlight(w, LONG, "Paragraph 60", color="blue")
    open_notebook(w, qtbot)
    assert not w.filter_box.isVisible()  # the notebook has its own filters
    assert shown(w) == [
        ("“Paragraph 60”", "", f"{LONG}"),
        ("“returned to work”", "Good news", f"{HARBOUR} · {LEDGER} · 03 Mar 2025"),
    ]
    assert w.notebook.count_label.text() == "2 highlights"
    w.notebook.color_box.setCurrentIndex(w.notebook.color_box.findData("green"))
    assert [s[0] for s in shown(w)] == ["“returned to work”"]
    assert w.notebook.count_label.text() == "1 highlight"


def test_the_text_filter_and_the_empty_states(make_window, qtbot) -> None:
    w = make_window()
    open_notebook(w, qtbot)
    assert w.notebook.empty_label.text() == NO_ENTRIES and w.notebook.stack.currentWidget() is w.notebook.empty_label
    highlight(w, HARBOUR, "returned to work", note="Pay rise agreed")
    assert [s[0] for s in shown(w)] == ["“returned to work”"]  # the notebook follows the write
    qtbot.keyClicks(w.notebook.text_box, "PAY RISE")
    qtbot.waitUntil(lambda: w.notebook.count_label.text() == "1 highlight")
    w.notebook.text_box.setText("nowhere at all")
    qtbot.waitUntil(lambda: w.notebook.stack.currentWidget() is w.notebook.empty_label)
    assert w.notebook.empty_label.text() == NO_MATCH
    w.notebook.text_box.clear()
    w.notebook.from_box.setText("March 3")
    qtbot.waitUntil(lambda: "YYYY-MM-DD" in w.notebook.count_label.text())
    assert w.notebook.count_label.text() == "Write days as YYYY-MM-DD, e.g. 2026-03-01 (not “March 3”)."


def test_enter_opens_the_article_with_the_highlight_selected_and_in_view(make_window, qtbot) -> None:
    w = make_window()
    hid = highlight(w, LONG, "Paragraph 58")
    highlight(w, HARBOUR, "returned to work")
    w.select_article(article_id(w, HARBOUR))
    open_notebook(w, qtbot)
    row = w.notebook.model.row_of(hid)
    w.notebook.entry_list.setCurrentIndex(w.notebook.model.index(row, 0))
    w.notebook.entry_list.setFocus()
    qtbot.keyClick(w.notebook.entry_list, Qt.Key.Key_Return)
    assert w.current_id == article_id(w, LONG)
    pane = w.reading_pane
    assert pane.textCursor().selectedText() == "Paragraph 58"
    assert pane.viewport().rect().contains(pane.cursorRect(pane.textCursor()).center())
    assert pane.verticalScrollBar().value() > 0  # far down the article: it was scrolled to


def test_g_n_opens_the_notebook_and_an_orphan_is_marked(make_window, qtbot) -> None:
    w = make_window()
    aid = article_id(w, HARBOUR)
    text = w.library.article(aid).text
    quote = TextQuote("zebra quantum marmalade")
    hid = w.operations.run(lambda: w.session.add_highlight_quote(aid, 5, 21, quote)).value.id
    w.operations.run(lambda: w.session.reanchor(aid, text))  # the quote is nowhere in the article: an orphan
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_G)
    qtbot.keyClick(w.list_view, Qt.Key.Key_N)
    assert w.list_stack.currentWidget() is w.notebook
    assert shown(w) == [("“zebra quantum marmalade”", "",
                         f"⚠ Orphaned: Its passage is no longer in the article · {HARBOUR} · {LEDGER} · 03 Mar 2025")]
    w.notebook.entry_list.setCurrentIndex(w.notebook.model.index(w.notebook.model.row_of(hid), 0))
    qtbot.keyClick(w.notebook.entry_list, Qt.Key.Key_Return)
    assert w.statusBar().currentMessage().startswith("This highlight's passage is no longer in the article")


def test_e_in_the_list_exports_the_filtered_set_as_a_readwise_csv(make_window, qtbot, tmp_path, monkeypatch) -> None:
    w = make_window()
    highlight(w, HARBOUR, "returned to work", color="green", note='Said "finally", twice,\nand more')
    highlight(w, LONG, "Paragraph 60", color="blue")
    open_notebook(w, qtbot)
    w.notebook.color_box.setCurrentIndex(w.notebook.color_box.findData("green"))
    out = tmp_path / "notebook.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.notebook.entry_list.setFocus()
    qtbot.keyClick(w.notebook.entry_list, Qt.Key.Key_E)  # the notebook's e, not the window's article export
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    harbour = w.library.article(article_id(w, HARBOUR))
    start = harbour.text.index("returned to work")
    assert rows[0] == list(READWISE_COLUMNS) == ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"]
    [h] = w.store.highlights(harbour.id)
    assert rows[1:] == [["returned to work", HARBOUR, harbour.byline, "", 'Said "finally", twice,\nand more',
                         str(start), h.created]]  # fmt: skip


def test_markdown_html_and_json_exports(make_window, qtbot, tmp_path, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr("reader.ui.notebook_view.message_box", lambda _parent, _icon, _title, text: said.append(text))
    w = make_window()
    hid = highlight(w, HARBOUR, "returned to work", color="green", note="Good news")
    aid = article_id(w, LONG)
    w.operations.run(lambda: w.session.set_note(aid, "Read the rest <later>"))
    open_notebook(w, qtbot)
    nb = w.notebook
    assert nb.export_to(tmp_path / "n.md", "md") and nb.export_to(tmp_path / "n.html", "html")
    assert nb.export_to(tmp_path / "n.json", "json")
    md = (tmp_path / "n.md").read_text(encoding="utf-8")
    about = f"[[{HARBOUR}]] · The Harbour Ledger · 3 March 2025 #highlight/green"
    assert f"> returned to work\n\nGood news\n\n{about}" in md
    assert f"Note: Read the rest <later>\n\n[[{LONG}]] #note" in md
    html = (tmp_path / "n.html").read_text(encoding="utf-8")
    assert '<mark class="hl hl-green">returned to work</mark>' in html and "Read the rest &lt;later&gt;" in html
    doc = json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 2
    items = {i["motivation"]: i for i in doc["first"]["items"]}
    assert items["highlighting"]["id"] == f"urn:uuid:{hid}"
    assert items["highlighting"]["target"]["selector"][0]["exact"] == "returned to work"
    assert items["highlighting"]["body"][0]["value"] == "Good news"
    assert items["commenting"]["body"]["value"] == "Read the rest <later>"
    assert not nb.export_to(tmp_path / "n.md", "md")  # not replaced without asking; the box says why
    assert said == [f"{tmp_path / 'n.md'} exists already. Choose another name, or agree to replace it."]
    assert (tmp_path / "n.md").read_text(encoding="utf-8") == md


def test_slash_and_esc_go_to_the_notebooks_search_box_and_list(make_window, qtbot) -> None:
    w = make_window()
    hid = highlight(w, HARBOUR, "returned to work")
    open_notebook(w, qtbot)
    w.notebook.entry_list.setFocus()
    qtbot.keyClick(w.notebook.entry_list, Qt.Key.Key_Slash)
    assert w.focusWidget() is w.notebook.text_box  # not the hidden article filter
    qtbot.keyClick(w.notebook.text_box, Qt.Key.Key_Escape)
    assert w.focusWidget() is w.notebook.entry_list
    assert w.notebook.entry_list.currentIndex().data(EntryIdRole) == hid


def test_double_click_opens_the_article_at_the_highlight(make_window, qtbot) -> None:
    w = make_window()
    highlight(w, LONG, "Paragraph 31")
    open_notebook(w, qtbot)
    view = w.notebook.entry_list
    rect = view.visualRect(w.notebook.model.index(0, 0))
    # an item view takes a double click as a press, then the double click, on the same item
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.current_id == article_id(w, LONG)
    assert w.reading_pane.textCursor().selectedText() == "Paragraph 31"
