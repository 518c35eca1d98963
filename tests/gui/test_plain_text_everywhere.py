"""Article and user text is shown literally everywhere (issue 11, item 2): a title, an entity name or a
watch term holding `<img src="/dev/zero">` and `<b>x</b>` is shown as those characters, never rendered
(rendering would make Qt read /dev/zero until the process dies)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTreeWidget

from reader.core.article import Article, Block
from reader.core.entities import EntitySpan
from reader.core.entities.mentions import EntityGroup
from reader.core.watch_terms import WatchTerm
from reader.ui.entity_panel import EntityPanel, MarkEntityDialog
from reader.ui.reading_pane import Mark, ReadingPane
from reader.ui.window_actions import confirm_remove_folder

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

MARKUP = '<img src="/dev/zero"> <b>x</b>'


def shown(text: str) -> str:
    """What Qt shows for a tooltip: it renders it as HTML when it looks like markup."""
    doc = QTextDocument()
    doc.setHtml(text) if GuiQt.mightBeRichText(text) else doc.setPlainText(text)
    return doc.toPlainText()


def labels_holding(widget, text: str) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if text in label.text()]


def test_the_mark_entity_dialog_shows_the_selected_words_as_text(qtbot) -> None:
    dialog = MarkEntityDialog(MARKUP)
    qtbot.addWidget(dialog)
    [label] = labels_holding(dialog, MARKUP)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == MARKUP


def test_entity_names_and_watch_terms_in_the_panel_show_literally(qtbot) -> None:
    panel = EntityPanel()
    qtbot.addWidget(panel)
    span = EntitySpan(0, len(MARKUP), "PER", MARKUP)
    panel.set_groups([EntityGroup("k", MARKUP, "PER", 1, (span,))], set())
    tree = panel.findChild(QTreeWidget)
    child = tree.topLevelItem(0).child(0)
    assert child.text(0) == MARKUP  # item text is never rich text
    assert shown(child.toolTip(0)) == f"Person: {MARKUP}. Enter shows the next mention."
    panel.set_watch_terms([WatchTerm(MARKUP)], "light")
    assert any(MARKUP in panel.watch_list.item(i).text() for i in range(panel.watch_list.count()))


def test_tooltips_in_the_reading_pane_show_entity_names_watch_terms_and_notes_literally(qtbot) -> None:
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_article(Article(id="a", title=MARKUP, blocks=(Block(f"Before {MARKUP} after, and more."),)))
    assert MARKUP in pane.document().toPlainText()  # the title and the body, as characters
    start = pane.article.text.index(MARKUP)
    pane.set_layer("entities", [Mark(start, start + 5, QTextCharFormat(), f"Person: {MARKUP}")])
    pane.set_layer("watch", [Mark(start + 6, start + 10, QTextCharFormat(), f"Watch term: {MARKUP}")])
    pane.set_layer("highlights", [Mark(0, 3, QTextCharFormat(), f"Note: {MARKUP}")])
    tips = []
    for offset in (start + 1, start + 7, 1):
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.doc_position(offset) + 1)
        tips.append(shown(cursor.charFormat().toolTip()))
    assert tips == [f"Person: {MARKUP}", f"Watch term: {MARKUP}", f"Note: {MARKUP}"]


def test_a_question_naming_a_folder_shows_its_name_as_text(qtbot) -> None:
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        label = next(lb for lb in box.findChildren(QLabel) if lb.objectName() == "qt_msgbox_label")
        seen.append(label.text() if label.textFormat() == Qt.TextFormat.PlainText else shown(label.text()))
        box.button(QMessageBox.StandardButton.Cancel).click()

    name = '<img src="nothing.png"> <b>x'  # a folder's name holds no slash: the dialog starts with it
    QTimer.singleShot(0, answer)
    assert confirm_remove_folder(None, f"/news/{name}") is False
    [text] = seen  # what the user reads
    assert text.startswith(f"Remove “{name}” from your library?")
