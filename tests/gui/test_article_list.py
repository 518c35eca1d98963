"""The article list: sorting keeps the shown article, rich two-line rows, bold unread, escaped tooltips."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import QStyleOptionViewItem

from reader.core.store.library import RowInfo, SearchPage
from reader.core.store.library_query import ListQuery
from reader.ui.article_list import ArticleIdRole, ArticleListModel, ArticleListView, meta_line
from reader.ui.article_row import RowLayout

pytestmark = [  # a Qt warning fails the test; the offscreen platform's own notice is not about this code
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("^This plugin does not support"),
]

TITLE_70 = "Harbour workers vote to accept a four percent pay rise after the talks"


class FakeLibrary:
    """The calls the model makes: a page of ids in an order, where an id stands, and rows for a page of ids."""

    def __init__(self, rows: list[RowInfo]) -> None:
        self.by_id = {r.id: r for r in rows}
        self.pages: list[int] = []

    def list_ids(self, query: ListQuery) -> list[str]:
        key = {"published": lambda r: r.published, "title": lambda r: r.title.casefold()}[query.sort]
        return [r.id for r in sorted(self.by_id.values(), key=key, reverse=query.descending)]

    def search(self, text: str, *, limit: int, offset: int, base: ListQuery, count: bool = True) -> SearchPage:
        ids = self.list_ids(base)
        return SearchPage(ids[offset : offset + limit], len(ids))

    def search_page(self, text: str, *, total: int, limit: int, offset: int, base: ListQuery) -> list[str]:
        return self.search(text, limit=limit, offset=offset, base=base).ids

    def position(self, article_id: str, text: str, base: ListQuery) -> int:
        ids = self.list_ids(base)
        return ids.index(article_id) if article_id in ids else -1

    def rows(self, ids: list[str]) -> dict[str, RowInfo]:
        self.pages.append(len(ids))
        return {i: self.by_id[i] for i in ids}


def row(article_id: str, title: str, published: str = "2025-03-12") -> RowInfo:
    return RowInfo(article_id, title, "Harbour Gazette", published, 1234, f"/news/{article_id}.txt")


@pytest.fixture
def list_view(qtbot):
    """A 380 px wide list over three articles; "b" is read."""
    lib = FakeLibrary([row("a", TITLE_70, "2025-03-12"), row("b", "Short", "2025-03-11"),
                       row("c", "Tide <b>x</b> <img src=\"/dev/zero\"> Hover me", "2025-03-10")])  # fmt: skip
    model = ArticleListModel(lib)  # type: ignore[arg-type]
    view = ArticleListView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_query(ListQuery())
    model.set_marks(read={"b"}, bookmarked={"a"})
    view.resize(380, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def layout_of(view: ArticleListView, article_id: str) -> RowLayout:
    model = view.model()
    index = model.index(model.row_of(article_id), 1)
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect = view.visualRect(index)
    return view.row_delegate.row_layout(option, index)


def as_qt_shows(text: str) -> QTextDocument:
    """What QToolTip and QLabel's AutoText do: rich text when it looks like markup, else plain."""
    doc = QTextDocument()
    if QtGui.Qt.mightBeRichText(text):
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    return doc


def test_a_70_character_title_is_shown_in_full_on_two_lines_at_380_px(list_view) -> None:
    lay = layout_of(list_view, "a")
    assert 300 < lay.title_rects[0].width() < 380
    assert len(lay.title_lines) == 2
    assert " ".join(lay.title_lines) == TITLE_70
    metrics = QFontMetrics(lay.title_font)
    assert all(metrics.horizontalAdvance(line) <= lay.title_rects[0].width() for line in lay.title_lines)
    assert lay.meta_text == "\u2068Harbour Gazette\u2069 · 12 Mar 2025 · 1,234 words"
    assert lay.bookmarked and not layout_of(list_view, "b").bookmarked


def test_a_right_to_left_source_is_isolated_from_the_date() -> None:
    """Without the isolate the date's day number was drawn at the far left, away from its month."""
    info = RowInfo("d", "t", "صحيفة الساحل", "2026-02-11", 421, "/d.txt")
    assert meta_line(info) == "\u2068صحيفة الساحل\u2069 · 11 Feb 2026 · 421 words"


def test_a_longer_title_is_elided_at_the_end_of_the_second_line(list_view) -> None:
    model = list_view.model()
    long_title = " ".join([TITLE_70] * 3)
    model.library.by_id["a"] = replace(model.library.by_id["a"], title=long_title)
    model.reload()
    lay = layout_of(list_view, "a")
    assert len(lay.title_lines) == 2 and lay.title_lines[1].endswith("…")
    shown = " ".join(lay.title_lines)[:-1]
    assert long_title.startswith(shown) and len(shown) > 90


def test_rows_have_room_for_two_title_lines_and_the_details(list_view) -> None:
    title_height = QFontMetrics(layout_of(list_view, "a").title_font).lineSpacing()
    assert list_view.visualRect(list_view.model().index(0, 1)).height() > 3 * title_height


def test_unread_rows_are_bold_and_read_rows_are_not(list_view) -> None:
    assert layout_of(list_view, "a").title_font.bold()
    assert not layout_of(list_view, "b").title_font.bold()
    assert not layout_of(list_view, "a").meta_font.bold()


def test_the_list_shows_one_rich_column(list_view) -> None:
    assert [c for c in range(5) if not list_view.isColumnHidden(c)] == [1]
    list_view.grab()  # paints every row through the delegate (a Qt warning here fails the test)


def test_a_title_with_markup_shows_literally_in_its_tooltip(list_view) -> None:
    model = list_view.model()
    tip = model.index(model.row_of("c"), 1).data(Qt.ItemDataRole.ToolTipRole)
    doc = as_qt_shows(tip)
    assert doc.toPlainText().splitlines() == ['Tide <b>x</b> <img src="/dev/zero"> Hover me', "/news/c.txt"]
    assert "<img" not in doc.toHtml()


def test_the_sort_menu_sorts_and_names_the_order(list_view) -> None:
    model = list_view.model()
    assert model.headerData(1, Qt.Orientation.Horizontal).startswith("Newest first")
    menu = list_view.sort_menu()
    [checked] = [a.text() for a in menu.actions() if a.isChecked()]
    assert checked == "Newest first"
    next(a for a in menu.actions() if a.text() == "Title A–Z").trigger()
    titles = [model.index(r, 1).data() for r in range(3)]
    assert titles == [TITLE_70, "Short", 'Tide <b>x</b> <img src="/dev/zero"> Hover me']
    assert model.headerData(1, Qt.Orientation.Horizontal).startswith("Title A–Z")


def test_sorting_keeps_the_current_and_selected_articles(make_window, qtbot) -> None:
    """Issue 9: after a sort the current row was another article than the one shown."""
    w = make_window()
    by_title = w.library.list_ids(replace(w.model.query, sort="title", descending=False))
    # an article whose row differs between the two orders, so a row that stays put is caught
    chosen = next(i for r, i in enumerate(w.model.ids) if by_title.index(i) not in (r, len(by_title) - 1))
    other = next(i for i in w.model.ids if i != chosen and by_title.index(i) != w.model.row_of(i))
    w.select_article(chosen)
    sel = w.list_view.selectionModel()
    sel.select(w.model.index(w.model.row_of(other), 1),
               QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
    w.model.sort(1, Qt.SortOrder.AscendingOrder)
    assert w.model.ids == by_title
    assert w.list_view.currentIndex().data(ArticleIdRole) == chosen == w.current_id
    assert set(w.selected_ids()) == {chosen, other}
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_J)  # j goes on from the shown article's new row
    assert w.current_id == by_title[by_title.index(chosen) + 1]


def test_a_narrower_list_breaks_the_title_again_to_its_new_width(list_view, qtbot) -> None:
    """The delegate keeps laid-out titles; a new width must not reuse the lines made for the old one."""
    wide = layout_of(list_view, "a")
    list_view.resize(220, 400)
    qtbot.waitUntil(lambda: layout_of(list_view, "a").title_rects[0].width() < wide.title_rects[0].width())
    narrow = layout_of(list_view, "a")
    metrics = QFontMetrics(narrow.title_font)
    assert narrow.title_lines != wide.title_lines and narrow.title_lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= narrow.title_rects[0].width() for line in narrow.title_lines)
    assert QFontMetrics(narrow.meta_font).horizontalAdvance(narrow.meta_text) <= narrow.meta_rect.width()
