"""The article list over a 10,000-article cache: rows are read a page at a time, counts come from the search,
sorting and searching keep the right rows, and the shown article stays selected when the list is run again."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from reader.core.article import Block, make_article
from reader.core.store.library import Library, SearchPage
from reader.core.store.library_query import ListQuery
from reader.core.store.library_search import Anchor
from reader.ui.article_list import PAGE, ArticleIdRole, ArticleListModel, ArticleListView
from reader.ui.article_row import MetaRole
from tests.gui.held_count import hold_count

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("^This plugin does not support"),
]

N = 10_000
DAY0 = datetime.date(2000, 1, 1)


def published(i: int) -> str:
    return (DAY0 + datetime.timedelta(days=i)).isoformat()


class CountingLibrary:
    """The real library, noting the offset of every page the model asks for."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.offsets: list[int] = []
        self.seeks: list[Anchor | None] = []

    def search(self, text: str, *, limit: int, offset: int, base: ListQuery, count: bool = True) -> SearchPage:
        self.offsets.append(offset)
        return self.library.search(text, limit=limit, offset=offset, base=base, count=count)

    def search_page(
        self, text: str, *, total: int, limit: int, offset: int, base: ListQuery, seek: Anchor | None = None
    ) -> list[str]:
        self.offsets.append(offset)
        self.seeks.append(seek)
        return self.library.search_page(text, total=total, limit=limit, offset=offset, base=base, seek=seek)

    def __getattr__(self, name: str) -> object:
        return getattr(self.library, name)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Article i is "Report 0000i", published i days after 1 Jan 2000, its text holding the word "kind<i % 7>"."""
    lib = Library(Path(tmp_path_factory.mktemp("paging")) / "cache.sqlite3")
    articles = [
        make_article(title=f"Report {i:05d}", blocks=[Block(f"kind{i % 7} harbour notes number {i}")],
                     path="/news/all.txt", format="text", source="Ledger", published=published(i))
        for i in range(N)
    ]  # fmt: skip
    lib.store_file("/news/all.txt", 0.0, 1, articles)
    yield lib
    lib.close()


@pytest.fixture
def model(library: Library, qtbot) -> ArticleListModel:
    view = ArticleListView()
    qtbot.addWidget(view)
    listed = ArticleListModel(CountingLibrary(library))  # type: ignore[arg-type]
    view.setModel(listed)
    listed.set_query(ListQuery())
    qtbot.waitUntil(lambda: not listed.busy)  # where each page starts: read in the background
    listed.parent_view = view  # type: ignore[attr-defined]
    view.resize(400, 600)
    view.show()
    qtbot.waitExposed(view)
    return listed


def title_at(model: ArticleListModel, row: int) -> str:
    return str(model.index(row, 1).data())


def test_every_article_is_a_row_and_the_last_one_is_the_oldest(model) -> None:
    assert model.rowCount() == N == model.total
    assert title_at(model, 0) == f"Report {N - 1:05d}"
    assert title_at(model, N - 1) == "Report 00000"
    assert model.index(N - 1, 1).data(MetaRole) == "\u2068Ledger\u2069 · 01 Jan 2000 · 5 words"


def test_rows_are_read_a_page_at_a_time(model) -> None:
    model.library.offsets.clear()
    assert title_at(model, 9_999) == "Report 00000"
    assert title_at(model, 9_998) == "Report 00001"
    first = (N - 1) // PAGE * PAGE  # one page read, the one holding the row, from its first row on
    assert model.library.seeks == [(published(N - 1 - first), article_id_at(model.library, first))]


def article_id_at(library: Library, row: int) -> str:
    return library.search("", limit=1, offset=row, base=ListQuery()).ids[0]


def statements(library: Library) -> list[str]:
    """Every statement the library's connection runs from now on, with its values."""
    ran: list[str] = []
    library.db.set_trace_callback(ran.append)
    return ran


def test_a_far_row_is_read_by_seeking_to_its_page_not_by_stepping_over_the_rows_before_it(model) -> None:
    ran = statements(model.library.library)
    try:
        assert title_at(model, 7_777) == "Report 02222"
        assert title_at(model, 5_001) == "Report 04998"
    finally:
        model.library.library.db.set_trace_callback(None)
    pages = [sql for sql in ran if " LIMIT " in sql]
    assert len(pages) == 2
    assert all(sql.endswith("OFFSET 0") and "(a.published, a.id) <= (" in sql for sql in pages)
    assert f"<= ('{published(N - 1 - 7_600)}', " in pages[0]  # the page starts at row 7,600, found in the index


def test_the_end_key_lands_on_the_last_article_and_draws_its_exact_row(model, qtbot) -> None:
    view = model.parent_view
    view.setFocus()
    model.library.seeks.clear()
    qtbot.keyClick(view, Qt.Key.Key_End)
    current = view.currentIndex()
    assert current.row() == N - 1 and title_at(model, N - 1) == "Report 00000"
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect = view.visualRect(current)
    drawn = view.row_delegate.row_layout(option, current)
    assert drawn.title_lines == ["Report 00000"]
    assert drawn.meta_text == "\u2068Ledger\u2069 · 01 Jan 2000 · 5 words"
    assert view.viewport().rect().contains(option.rect)  # scrolled to: on screen
    last_page = (N - 1) // PAGE * PAGE
    assert (published(N - 1 - last_page), article_id_at(model.library, last_page)) in model.library.seeks
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0 and title_at(model, 0) == f"Report {N - 1:05d}"


def test_before_its_anchors_are_read_a_page_near_the_end_is_read_from_the_end(library: Library, qtbot) -> None:
    model = ArticleListModel(library)
    model._counter.start = lambda *args, **kwargs: None  # the anchors never come
    model.set_query(ListQuery())
    ran = statements(library)
    try:
        assert title_at(model, N - 1) == "Report 00000" and title_at(model, N - 2) == "Report 00001"
    finally:
        library.db.set_trace_callback(None)
    pages = [sql for sql in ran if " LIMIT " in sql]
    assert len(pages) == 1 and pages[0].endswith("ORDER BY a.published ASC, a.id ASC LIMIT 200 OFFSET 0")


@pytest.mark.parametrize("column", [1, 2, 3, 4])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_every_sort_order_gives_the_right_rows_far_down_the_list(
    model, qtbot, column: int, order: Qt.SortOrder
) -> None:
    model.sort(column, order)
    qtbot.waitUntil(lambda: not model.busy)  # the new order's anchors: far pages are read by seeking
    everything = model.library.search_page("", total=N, limit=N, offset=0, base=model.query)  # in one query
    rows = (0, 199, 200, 1_234, 6_400, 9_801, N - 1)
    assert [model.index(row, 1).data(ArticleIdRole) for row in rows] == [everything[row] for row in rows]
    if column in (1, 3):  # by title or date, article i stands at row i (oldest or A first) or N - 1 - i
        up = order == Qt.SortOrder.AscendingOrder
        assert [title_at(model, row) for row in rows] == [f"Report {row if up else N - 1 - row:05d}" for row in rows]


def test_sorting_by_title_orders_all_10000_rows(model) -> None:
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == N
    assert [title_at(model, r) for r in (0, 1, 5_000, 9_999)] == [
        "Report 00000", "Report 00001", "Report 05000", "Report 09999"]  # fmt: skip
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert title_at(model, 9_999) == "Report 00000"


def test_a_far_article_is_found_at_its_row_without_reading_the_pages_before_it(model) -> None:
    model.sort(1, Qt.SortOrder.AscendingOrder)
    article_id = model.library.search("", limit=1, offset=7_321, base=model.query).ids[0]
    model.library.offsets.clear()
    assert model.row_of(article_id) == 7_321
    assert model.library.offsets == []
    assert model.index(7_321, 1).data(ArticleIdRole) == article_id
    assert model.row_of("no such id") == -1


def test_a_search_shows_its_first_rows_exactly_before_its_count_is_done_then_all_of_them(
    model, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    count_matches = Library.count_matches

    def held(self: Library, text: str, *, base: ListQuery) -> int:  # the background count waits for the test
        if threading.current_thread() is not threading.main_thread():
            release.wait(30)
        return count_matches(self, text, base=base)

    monkeypatch.setattr(Library, "count_matches", held)
    model.set_query(model.query, "kind3")
    wanted = [i for i in range(N) if i % 7 == 3]  # newest first: the last of them on top
    assert model.counting and model.rowCount() == PAGE
    first = (0, 1, PAGE - 1)
    assert [title_at(model, row) for row in first] == [f"Report {wanted[-1 - row]:05d}" for row in first]
    listed = list(model.ids)  # acting on the whole list (mark all read, export) meanwhile takes all of it
    assert len(listed) == len(wanted) and listed[-1] == model.library.search("kind3", limit=1, offset=len(wanted) - 1,
                                                                             base=model.query).ids[0]  # fmt: skip
    with qtbot.waitSignal(model.total_known, timeout=30_000) as counted:
        release.set()
    assert counted.args == [len(wanted)]
    assert not model.counting and model.rowCount() == len(wanted)
    assert title_at(model, len(wanted) - 1) == f"Report {wanted[0]:05d}"
    assert title_at(model, 1_000) == f"Report {wanted[-1 - 1_000]:05d}"
    model.set_query(model.query, "")
    assert model.rowCount() == N


def test_a_search_of_few_matches_is_counted_at_once(model) -> None:
    model.set_query(model.query, "number 4242")
    assert not model.counting and model.rowCount() == 1 and title_at(model, 0) == "Report 04242"


def test_the_current_far_row_follows_its_article_through_a_sort(library: Library, qtbot) -> None:
    view = ArticleListView()
    qtbot.addWidget(view)
    model = ArticleListModel(library)
    view.setModel(model)
    model.set_query(ListQuery())
    view.show()
    qtbot.waitExposed(view)
    chosen = model.index(8_000, 1)
    article_id = chosen.data(ArticleIdRole)
    view.selectionModel().setCurrentIndex(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    model.sort(1, Qt.SortOrder.AscendingOrder)  # newest first -> title A-Z: row 8,000 becomes row 1,999
    assert view.currentIndex().row() == N - 1 - 8_000
    assert view.currentIndex().data(ArticleIdRole) == article_id


def test_the_shown_article_stays_selected_when_a_search_narrows_the_list_and_when_it_is_cleared(make_window) -> None:
    w = make_window()
    everything = w.model.total
    last = w.model.ids[everything - 1]
    w.select_article(last)
    word = max(w.library.rows([last])[last].title.split(), key=len)
    w.filter_box.setText(word)
    w.apply_view(keep_current=True)
    assert 0 < w.model.total < everything
    assert w.list_view.currentIndex().data(ArticleIdRole) == last == w.current_id
    w.filter_box.setText("")
    w.apply_view(keep_current=True)
    assert w.model.total == everything
    assert w.list_view.currentIndex().row() == everything - 1
    assert w.list_view.currentIndex().data(ArticleIdRole) == last == w.current_id


def test_the_whole_list_is_read_in_one_query_when_asked_for_every_id(model) -> None:
    model.library.offsets.clear()
    ids = list(model.ids)
    assert len(ids) == N == len(set(ids))
    assert model.library.offsets == [0]
    assert ids[N - 1] == model.index(N - 1, 1).data(ArticleIdRole)


def _open_far_bulk_article(w, qtbot, title: str, word: str) -> str:  # type: ignore[no-untyped-def]
    """Store 1,200 articles that write `word` (newest first: the oldest is the search's last row, far past its
    first page), list everything and open that oldest one; its id."""
    path = f"/{word}/all.txt"
    bulk = [make_article(title=f"{title} {i:04d}", blocks=[Block(f"{word} number {i}")], path=path, format="text",
                         source="Ledger", published=published(i)) for i in range(1_200)]  # fmt: skip
    w.library.store_file(path, 0.0, 1, bulk)
    w.apply_view()
    assert w.select_article(bulk[0].id)
    qtbot.waitUntil(lambda: w.current_id == bulk[0].id)
    return bulk[0].id


def test_the_status_says_counting_until_a_big_search_is_counted_and_the_shown_far_article_stays_selected(
    make_window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.ui.library_views import count_text

    w = make_window()
    oldest = _open_far_bulk_article(w, qtbot, "Bulk", "bulkword")  # the last row of the search below
    everything = count_text(w.library.count())
    release = hold_count(monkeypatch)
    w.filter_box.setText("bulkword")
    w._filter_timer.stop()  # run once, now, not again by the box's typing timer while the test waits
    w.apply_view(keep_current=True)
    assert w.status_label.text() == f"Counting… of {everything}"
    assert w.model.rowCount() == PAGE and title_at(w.model, 0) == "Bulk 1199"
    assert w.current_id == oldest  # still shown while its row is not listed yet
    with qtbot.waitSignal(w.model.total_known, timeout=30_000):
        release.set()
    assert w.status_label.text() == f"1,200 of {everything}"
    assert w.list_view.currentIndex().row() == 1_199
    assert w.list_view.currentIndex().data(ArticleIdRole) == oldest == w.current_id


def test_a_big_search_is_counted_only_once_its_first_page_can_be_painted(
    model, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the count's SQLite work starts when the window is back in its event loop (where the page is painted), not
    # while the search is still being listed, and a search replaced before then is never counted at all
    started: list[str] = []
    start = model._counter.start
    monkeypatch.setattr(model._counter, "start", lambda generation, text, *args, **kwargs: (
        started.append(text), start(generation, text, *args, **kwargs)))  # fmt: skip
    model.set_query(model.query, "kind3")
    model.set_query(model.query, "kind4")
    assert model.counting and started == []
    with qtbot.waitSignal(model.total_known, timeout=30_000) as counted:
        pass
    assert started == ["kind4"] and counted.args == [len([i for i in range(N) if i % 7 == 4])]
    assert model.rowCount() == counted.args[0]


def test_a_search_typed_while_a_far_article_is_open_is_painted_before_that_articles_row_is_counted(
    make_window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = make_window()
    oldest = _open_far_bulk_article(w, qtbot, "Heap", "heapword")
    release = hold_count(monkeypatch)
    position = Library.position
    counted_before: list[str] = []

    def placed(self: Library, article_id: str, text: str, base: ListQuery) -> int:
        counted_before.append(text)
        return position(self, article_id, text, base)

    monkeypatch.setattr(Library, "position", placed)
    w.filter_box.setText("heapword")
    w._filter_timer.stop()
    w.apply_view()
    assert counted_before == []  # the open article's row is not counted before the first page is shown
    assert title_at(w.model, 0) == "Heap 1199" and w.current_id == oldest
    assert "not in this list" not in w.reading_pane.toPlainText()
    with qtbot.waitSignal(w.model.total_known, timeout=30_000):
        release.set()
    assert w.list_view.currentIndex().row() == 1_199 and w.current_id == oldest
    w.filter_box.setText("nowordlikethis")
    w._filter_timer.stop()
    w.apply_view()
    assert w.current_id is None and "not in this list" in w.reading_pane.toPlainText()
