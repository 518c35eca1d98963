"""The article list's rows drawn from their cached layout: the same pixels as drawText, no line breaking on a
repaint, a bounded cache, and the text laid out again when the list's width or font changes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

import reader.ui.article_row as article_row
from reader.core.store.library_query import ListQuery
from reader.ui.article_list import ArticleListModel, ArticleListView
from reader.ui.article_row import MetaRole, RowRole, RowText
from tests.gui.test_article_list import TITLE_70, FakeLibrary, row

pytestmark = [  # a Qt warning fails the test; the offscreen platform's own notice is not about this code
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("^This plugin does not support"),
]

# our own sentence: a right-to-left title long enough to be elided in a narrow list
ARABIC = "افتتاح مكتبة جديدة في وسط المدينة بعد سنوات طويلة من العمل والانتظار والنقاش بين السكان"
ARABIC_SOURCE = "جريدة الميناء اليومية"
FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def make_view(qtbot, titles: list[str], width: int = 380) -> ArticleListView:
    rows = [row(f"a{i}", title, f"2025-03-{10 + i:02d}") for i, title in enumerate(titles)]
    # an Arabic source under an Arabic title: its glyphs, from a fallback font, overflow the details' line
    lib = FakeLibrary([replace(r, source=ARABIC_SOURCE) if r.title == ARABIC else r for r in rows])
    model = ArticleListModel(lib)  # type: ignore[arg-type]
    view = ArticleListView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_query(ListQuery())
    model.set_marks(read={"a1"}, bookmarked={"a0", "a2"})
    view.resize(width, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def grab(view: ArticleListView) -> QImage:
    return view.viewport().grab().toImage()


def drawn_texts(view: ArticleListView, monkeypatch) -> list[str]:
    """The text of every line the list draws in one repaint, top row first."""
    texts: list[str] = []
    monkeypatch.setattr(article_row, "draw", lambda _painter, line: texts.append(line.text))
    grab(view)
    monkeypatch.undo()
    return texts


def test_a_row_paints_the_same_pixels_from_its_cached_layout(qtbot) -> None:
    view = make_view(qtbot, [TITLE_70, "Short", ARABIC], width=240)
    assert view.row_delegate.cached_rows() == 0
    first = grab(view)  # broken into lines and placed while painting
    assert view.row_delegate.cached_rows() == 3
    assert grab(view) == first  # drawn from the cache


def test_cached_lines_land_where_draw_text_puts_them(qtbot, monkeypatch) -> None:
    # the reference: each line's text drawn by QPainter.drawText in the same box (a narrow list: elided lines,
    # an Arabic title whose ellipsis stays where drawText puts it, a "·" and bidi isolates from fallback fonts)
    view = make_view(qtbot, [TITLE_70, "Short", ARABIC], width=240)
    cached = grab(view)

    def draw_text(painter: QPainter, line: article_row.Placed) -> None:
        painter.drawText(line.box, FLAGS, line.text)

    monkeypatch.setattr(article_row, "draw", draw_text)
    assert grab(view) == cached


def test_a_repaint_of_a_row_seen_before_breaks_no_lines(qtbot, monkeypatch) -> None:
    view = make_view(qtbot, [TITLE_70, "Short", ARABIC])
    grab(view)
    calls: list[str] = []
    wrap = article_row.wrap_title
    monkeypatch.setattr(article_row, "wrap_title", lambda title, *args: calls.append(title) or wrap(title, *args))
    elide = QFontMetrics.elidedText
    monkeypatch.setattr(
        QFontMetrics, "elidedText", lambda fm, text, *args: calls.append(text) or elide(fm, text, *args)
    )
    grab(view)
    assert calls == []


def test_the_cache_keeps_at_most_its_bound_of_rows(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(article_row, "TEXT_CACHE", 4)
    view = make_view(qtbot, [f"Ferry timetable number {i} changes" for i in range(12)], width=380)
    view.resize(380, 1200)  # all twelve rows painted
    grab(view)
    assert view.row_delegate.cached_rows() == 4
    assert drawn_texts(view, monkeypatch)[0] == "Ferry timetable number 11 changes"  # newest first, still drawn


def test_a_narrower_list_lays_the_title_out_again_with_an_ellipsis(qtbot, monkeypatch) -> None:
    view = make_view(qtbot, [TITLE_70])
    wide = drawn_texts(view, monkeypatch)
    assert " ".join(wide[:2]) == TITLE_70  # in full on two lines
    assert wide[2:] == ["★", "\u2068Harbour Gazette\u2069 · 10 Mar 2025 · 1,234 words"]
    view.resize(200, 400)
    narrow = drawn_texts(view, monkeypatch)
    assert narrow[0] != wide[0] and TITLE_70.startswith(narrow[0])
    assert narrow[1].endswith("…") and narrow[1].removesuffix("…").strip() in TITLE_70
    assert narrow[2] == "★"
    assert narrow[3].endswith("…") and narrow[3].startswith("\u2068Harbour Gazette\u2069 · 10 Mar")
    view.resize(380, 400)
    assert drawn_texts(view, monkeypatch) == wide


def test_a_larger_font_lays_the_title_out_again(qtbot, monkeypatch) -> None:
    view = make_view(qtbot, [TITLE_70])
    before = drawn_texts(view, monkeypatch)
    assert " ".join(before[:2]) == TITLE_70
    big = QFont(view.font())
    big.setPointSizeF(big.pointSizeF() * 1.6)
    view.setFont(big)
    after = drawn_texts(view, monkeypatch)
    assert after[0] != before[0] and TITLE_70.startswith(after[0])
    assert after[1].endswith("…") and after[1].removesuffix("…").strip() in TITLE_70


def test_a_title_or_details_that_fit_are_drawn_as_breaking_and_eliding_would(qtbot) -> None:
    # the delegate skips breaking and eliding for text that fits its line: at every width around where the
    # title stops fitting, what it draws is what wrap_title and elidedText give
    view = make_view(qtbot, [TITLE_70, "Short", ARABIC])
    model, delegate = view.model(), view.row_delegate
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.font = view.font()
    for row_number in range(3):
        index = model.index(row_number, 1)
        for width in range(60, 700, 3):
            option.rect = QRect(0, 0, width, 60)
            lay = delegate.row_layout(option, index)
            inner = lay.title_rects[0].width()
            assert lay.title_lines == article_row.wrap_title(index.data(), lay.title_font, inner), width
            meta = QFontMetrics(lay.meta_font).elidedText(index.data(MetaRole), Qt.TextElideMode.ElideRight, inner)
            assert lay.meta_text == meta, width


def test_marks_changed_after_a_paint_are_drawn(qtbot, monkeypatch) -> None:
    # each row's RowText is kept by the model: a change of marks must reach the next paint
    view = make_view(qtbot, ["Ferry fares rise", "Port strike ends", "Tide tables"])
    model = view.model()
    assert drawn_texts(view, monkeypatch).count("★") == 2
    row = model.row_of("a1")
    model.update_marks("a1", bookmarked=True, read=False)
    assert model.index(row, 1).data(RowRole) == RowText("Port strike ends", model.index(row, 1).data(MetaRole),
                                                        bookmarked=True, dimmed=False, unread=True)  # fmt: skip
    assert drawn_texts(view, monkeypatch).count("★") == 3
    model.set_marks(bookmarked=set())
    assert "★" not in drawn_texts(view, monkeypatch)


def test_rows_asked_of_the_model_directly_look_as_rows_asked_through_qt(qtbot) -> None:
    # the delegate asks the model's `row_text` (one Python call a row) and keeps its pens by palette and state:
    # the same pixels as a row asked role by role through the index, selected or not, in the library or not, and
    # after the palette changes
    view = make_view(qtbot, [TITLE_70, "Short", ARABIC, "Tide tables"], width=300)
    model, delegate = view.model(), view.row_delegate
    assert delegate.rows is not None and delegate.rows(0) == model.index(0, 1).data(RowRole)
    model._rows["a3"] = replace(model._rows["a3"], info=replace(model._rows["a3"].info, status="gone"))  # dimmed
    model.set_marks(read={"a1"})
    view.selectRow(1)
    palettes = [view.palette()]
    dark = view.palette()
    dark.setColor(dark.ColorRole.Text, QColor("#2060c0"))
    dark.setColor(dark.ColorRole.HighlightedText, QColor("#ffe080"))
    palettes.append(dark)
    shown = []
    for palette in palettes:
        view.setPalette(palette)
        delegate.rows = model.row_text
        direct = grab(view)
        delegate.rows = None
        assert grab(view) == direct
        shown.append(direct)
    assert shown[0] != shown[1]  # the pens follow the palette
