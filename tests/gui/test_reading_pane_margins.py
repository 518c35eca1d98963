"""The reading pane's column: comfortable margins, about `reading_line_chars` characters wide, centred."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from reader.core.article import Article, Block
from reader.settings import DEFAULTS
from reader.ui.reading_pane import ReadingPane

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

LONG = " ".join(["The committee met on Tuesday to weigh the harbour plan and its cost."] * 12)


def shown_pane(qtbot, width: int) -> ReadingPane:
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(width, 700)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_article(Article(id="m", title="Harbour", blocks=(Block(LONG), Block("Short."))))
    return pane


def column(pane: ReadingPane) -> tuple[float, float, float]:
    """(left margin, line width, right margin) of the first paragraph, in viewport pixels."""
    doc = pane.document()
    block = doc.findBlock(pane.doc_position(0))
    rect = doc.documentLayout().blockBoundingRect(block)
    line = block.layout().lineAt(0)
    left = rect.x() + line.x()
    return left, line.width(), pane.viewport().width() - left - line.width()


def average_char(pane: ReadingPane) -> float:
    return QFontMetricsF(pane.document().defaultFont()).averageCharWidth()


def test_a_wide_pane_shows_a_centred_column_of_about_70_characters(qtbot) -> None:
    pane = shown_pane(qtbot, 1280)
    left, width, right = column(pane)
    chars = width / average_char(pane)
    assert DEFAULTS["reading_line_chars"] == 70
    assert 65 <= chars <= 75, f"the column holds {chars:.0f} average characters"
    assert left >= 16
    assert abs(left - right) <= 2  # centred


def test_a_narrow_pane_still_keeps_the_text_off_the_edges(qtbot) -> None:
    pane = shown_pane(qtbot, 420)
    left, width, right = column(pane)
    assert left >= 16 and right >= 16
    assert width < 70 * average_char(pane)


def test_the_line_width_follows_the_setting_and_the_font_size(qtbot) -> None:
    pane = shown_pane(qtbot, 1280)
    pane.set_line_chars(50)
    assert 46 <= column(pane)[1] / average_char(pane) <= 54
    pane.set_font_size(16)
    assert 46 <= column(pane)[1] / average_char(pane) <= 54


def test_the_column_stays_centred_when_the_scroll_bar_comes_and_narrows_the_text(qtbot) -> None:
    pane = shown_pane(qtbot, 900)
    bar = pane.verticalScrollBar()
    assert not bar.isVisible()  # two paragraphs fit
    before = column(pane)
    pane.show_article(Article(id="l", title="Harbour", blocks=tuple(Block(LONG) for _ in range(12))))
    qtbot.waitUntil(bar.isVisible)
    left, width, right = column(pane)
    assert abs(left - right) <= 2  # the margins follow the viewport the scroll bar narrowed
    assert left < before[0] and width == before[1]
