"""The reading pane keeps its own mark layers: each repainted alone, in a fixed order, without re-rendering."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor

from reader.core.article import Article, Block
from reader.ui.reading_pane import Mark, ReadingPane

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

RED, BLUE, YELLOW = QColor("#c00000"), QColor("#0000c0"), QColor("#ffee55")
PARAGRAPHS = [f"Paragraph {i}: the ferry from Oslo to Kiel left at nine, the harbour master said." for i in range(40)]


def make_article(article_id: str = "a1", paragraphs: list[str] = PARAGRAPHS) -> Article:
    return Article(id=article_id, title="Ferries", blocks=tuple(Block(t) for t in paragraphs),
                   source="Daily", published="2025-06-02")  # fmt: skip


def entity() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(RED)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    return fmt


def watch() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(BLUE)
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontOverline(True)
    return fmt


def highlight() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(YELLOW)
    return fmt


@pytest.fixture
def pane(qtbot) -> ReadingPane:
    p = ReadingPane()
    qtbot.addWidget(p)
    p.resize(700, 400)
    p.show()
    qtbot.waitExposed(p)
    p.show_article(make_article())
    return p


def format_at(pane: ReadingPane, offset: int) -> QTextCharFormat:
    """The format of the character at `offset` of the article text."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(offset) + 1)  # a cursor reports the character before it
    return cursor.charFormat()


def body_offsets(pane: ReadingPane) -> list[int]:
    text = pane.article.text
    return [i for i in range(len(text)) if text[i] != "\n"]


def test_the_highlight_layer_leaves_entity_formats_in_place(pane) -> None:
    pane.set_layer("entities", [Mark(0, 9, entity(), "Person")])
    pane.set_layer("highlights", [Mark(4, 15, highlight())])
    only_entity, both, only_highlight = format_at(pane, 1), format_at(pane, 6), format_at(pane, 12)
    assert only_entity.foreground().color() == RED and only_entity.fontUnderline()
    assert only_entity.background().style() == Qt.BrushStyle.NoBrush
    assert both.foreground().color() == RED and both.fontUnderline() and both.background().color() == YELLOW
    assert only_highlight.background().color() == YELLOW and not only_highlight.fontUnderline()
    assert only_highlight.foreground().color() != RED
    assert only_entity.toolTip() == "Person"


def test_layers_combine_in_a_fixed_order_whatever_order_they_are_set(pane) -> None:
    pane.set_layer("highlights", [Mark(0, 20, highlight())])
    pane.set_layer("watch", [Mark(0, 9, watch())])
    pane.set_layer("entities", [Mark(0, 9, entity())])  # set last, still under the watch term
    fmt = format_at(pane, 3)
    assert fmt.foreground().color() == BLUE  # the watch term's colour wins over the entity's
    assert fmt.fontUnderline() and fmt.fontOverline() and fmt.fontWeight() == QFont.Weight.Bold
    assert fmt.background().color() == YELLOW


def test_replacing_a_layer_removes_exactly_its_old_formats(pane) -> None:
    offsets = body_offsets(pane)
    bare = {i: format_at(pane, i) for i in offsets}
    pane.set_layer("entities", [Mark(100, 110, entity())])
    with_entities = {i: format_at(pane, i) for i in offsets}
    pane.set_layer("highlights", [Mark(3, 10, highlight()), Mark(95, 130, highlight())])  # spans a block break
    pane.set_layer("highlights", [Mark(20, 25, highlight())])
    for i in offsets:
        if 20 <= i < 25:
            assert format_at(pane, i).background().color() == YELLOW
        else:
            assert format_at(pane, i) == with_entities[i], f"offset {i} kept a stale format"
    pane.set_layer("highlights", [])
    pane.set_layer("entities", [])
    assert all(format_at(pane, i) == bare[i] for i in offsets)


def test_setting_a_layer_keeps_the_scroll_position_caret_and_selection(pane) -> None:
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(500))
    cursor.setPosition(pane.doc_position(520), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    where = bar.value()
    pane.set_layer("entities", [Mark(i, i + 5, entity()) for i in range(0, 3000, 40)])
    pane.set_layer("highlights", [Mark(505, 515, highlight())])
    assert where > 0 and bar.value() == where
    assert (pane.textCursor().anchor(), pane.textCursor().position()) == (cursor.anchor(), cursor.position())
    assert pane.selection_offsets() == (500, 520)


def test_a_font_size_change_keeps_every_mark_and_the_caret(pane) -> None:
    pane.set_layer("entities", [Mark(0, 9, entity())])
    pane.set_layer("highlights", [Mark(200, 240, highlight())])
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(210))
    pane.setTextCursor(cursor)
    pane.set_font_size(18)
    assert pane.document().defaultFont().pointSizeF() == 18
    assert format_at(pane, 3).foreground().color() == RED and format_at(pane, 3).fontUnderline()
    assert format_at(pane, 220).background().color() == YELLOW
    assert format_at(pane, 250).background().style() == Qt.BrushStyle.NoBrush
    assert pane.text_offset(pane.textCursor().position()) == 210


def test_marks_and_the_same_article_do_not_render_the_article_again(pane, monkeypatch) -> None:
    renders: list[str] = []
    original = pane._render
    monkeypatch.setattr(pane, "_render", lambda article: (renders.append(article.id), original(article)))
    first_block = pane.document().findBlock(pane.doc_position(0))
    pane.set_layer("entities", [Mark(0, 9, entity())])
    pane.set_layer("highlights", [Mark(4, 15, highlight())])
    pane.show_article(make_article())  # equal article: nothing to draw again, its layers stay
    assert renders == []
    assert pane.document().findBlock(pane.doc_position(0)) == first_block
    assert format_at(pane, 6).background().color() == YELLOW and format_at(pane, 6).fontUnderline()


def test_a_new_article_starts_without_marks(pane) -> None:
    pane.set_layer("highlights", [Mark(0, 30, highlight())])
    pane.show_article(make_article("a2", ["Another text entirely, about trains.", "Second paragraph."]))
    assert pane.layer("highlights") == []
    assert format_at(pane, 5).background().style() == Qt.BrushStyle.NoBrush


def test_clear_layers_removes_every_mark(pane) -> None:
    bare = format_at(pane, 5)
    pane.set_layer("entities", [Mark(0, 9, entity())])
    pane.set_layer("highlights", [Mark(4, 15, highlight())])
    pane.clear_layers()
    assert format_at(pane, 5) == bare and pane.layer("entities") == []


def test_the_same_article_in_new_colours_is_drawn_again_with_its_layers(pane) -> None:
    from PySide6.QtGui import QPalette

    pane.set_layer("entities", [Mark(0, 9, entity())])
    pane.set_layer("highlights", [Mark(20, 30, highlight())])
    palette = QPalette(pane.palette())
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#123456"))
    pane.setPalette(palette)
    pane.show_article(make_article())
    meta = QTextCursor(pane.document().findBlockByNumber(1))
    meta.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert pane.document().findBlockByNumber(1).text() == "Daily · 2 June 2025"
    assert meta.charFormat().foreground().color() == QColor("#123456")
    assert format_at(pane, 3).foreground().color() == RED
    assert format_at(pane, 25).background().color() == YELLOW
