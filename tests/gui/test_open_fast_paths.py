"""Opening an article quickly shows what a slow open showed: the pane written over the last article is the pane
that article alone gives, and what does not change between articles (the entity legend, whether names are looked
for in an article already judged) is not worked out again."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QTextCursor

from reader.core.article import Article, Block, Link
from reader.ui.entity_feature import EntityFeature
from reader.ui.reading_pane import Mark, ReadingPane
from tests.gui.test_reading_pane_layers import entity, highlight

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

# our own sentences: a long article with a heading, a quote and a link, then a short one in Hebrew (right to left)
LONG = Article(
    id="long", title="Ferry timetable changes from Monday", source="The Harbour Ledger", byline="Mari Tamm",
    published="2025-03-12", language="en",
    blocks=(Block("The ferry to Kiel leaves an hour earlier from Monday, the harbour master said."),
            Block("What changes", kind="h", level=2),
            Block("Night sailings stop in winter; the summer timetable is on the port's site.",
                  links=(Link(35, 51, "https://port.example/timetable"),)),
            *(Block(f"Paragraph {i}: crews asked for the change after the storms of last autumn.") for i in range(30))),
)  # fmt: skip
SHORT = Article(id="short", title="המעבורת יוצאת מוקדם", blocks=(Block("המעבורת לקיל יוצאת שעה מוקדם יותר."),),
                language="he", source="עיתון הנמל")  # fmt: skip


def pane(qtbot) -> ReadingPane:
    p = ReadingPane()
    qtbot.addWidget(p)
    p.resize(640, 420)
    p.show()
    qtbot.waitExposed(p)
    return p


def shown(p: ReadingPane) -> QImage:
    return p.viewport().grab().toImage()


def char_formats(p: ReadingPane) -> list[tuple[int, str, str, int, str]]:
    """Every character of the document with its colour, background, weight and link."""
    out = []
    cursor = QTextCursor(p.document())
    for position in range(1, p.document().characterCount()):
        cursor.setPosition(position)
        f = cursor.charFormat()
        out.append((position, f.foreground().color().name(), f.background().color().name(), f.fontWeight(),
                    f.anchorHref()))  # fmt: skip
    return out


@pytest.mark.parametrize("before", [LONG, SHORT])
def test_an_article_written_over_another_is_the_article_shown_alone(qtbot, before: Article) -> None:
    for after in (LONG, SHORT):
        if after == before:
            continue
        over, alone = pane(qtbot), pane(qtbot)
        over.show_article(before)
        over.set_layer("entities", [Mark(4, 9, entity())])
        over.show_article(after)
        alone.show_article(after)
        assert over.document().toPlainText() == alone.document().toPlainText()
        assert char_formats(over) == char_formats(alone)
        for offset in (0, 20, len(after.text) - 1):
            assert over.doc_position(offset) == alone.doc_position(offset)
        for p in (over, alone):  # marks land on the same characters after either open
            p.set_layer("highlights", [Mark(4, 12, highlight())])
        assert char_formats(over) == char_formats(alone)
        assert shown(over) == shown(alone)


def test_the_placeholder_after_an_article_and_an_article_after_it(qtbot) -> None:
    over, alone = pane(qtbot), pane(qtbot)
    over.show_article(LONG)
    over.show_placeholder()
    assert over.document().toPlainText() == "Choose an article in the list."
    over.show_article(LONG)
    alone.show_article(LONG)
    assert char_formats(over) == char_formats(alone)
    assert shown(over) == shown(alone)


def entity_feature(w) -> EntityFeature:
    return next(f for f in w.features if isinstance(f, EntityFeature))


def test_the_legend_is_drawn_once_for_many_articles_and_again_for_a_new_theme(make_window, monkeypatch) -> None:
    w = make_window()
    panel = entity_feature(w).panel
    drawn: list[str] = []
    real = panel.set_legend
    monkeypatch.setattr(panel, "set_legend", lambda theme, hidden, font: (drawn.append(theme),
                                                                          real(theme, hidden, font)))  # fmt: skip
    for row in range(3):
        w.select_row(row)
    assert drawn == []  # the same samples for every article
    icon = panel.type_boxes["LOC"].icon().pixmap(40, 20).toImage()
    w.toggle_theme()
    try:
        assert drawn == ["dark"]
        assert panel.type_boxes["LOC"].icon().pixmap(40, 20).toImage() != icon  # the samples on the dark page
    finally:
        w.toggle_theme()


def test_whether_names_are_looked_for_is_judged_once_per_article(make_window, monkeypatch) -> None:
    from reader.core import entities

    w = make_window()
    judged: list[str] = []
    real = entities.reads_names
    monkeypatch.setattr(entities, "reads_names", lambda language, text="": (judged.append(text[:20]),
                                                                            real(language, text))[1])  # fmt: skip
    for row in (0, 1, 0, 1):
        w.select_row(row)
    assert len(judged) == 2
    assert entity_feature(w)._names == real(w.reading_pane.article.language, w.reading_pane.article.text)
