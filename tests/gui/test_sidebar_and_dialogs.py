"""Sidebar counts, the compact tags dialog, plain text for article text, export options per format."""

from __future__ import annotations

import pytest
from PySide6 import QtGui
from PySide6.QtGui import QTextDocument

from reader.core.store.library import Problem
from reader.ui.dialogs.export_dialog import ExportChoice, ExportDialog
from reader.ui.dialogs.highlight_editor import HighlightEditor
from reader.ui.dialogs.tags_dialog import TagsDialog
from reader.ui.problems_view import ProblemsView
from reader.ui.sidebar import Sidebar, unread_counts

pytestmark = [  # a Qt warning fails the test; the offscreen platform's own notice is not about this code
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("^This plugin does not support"),
]

MARKUP = '<b>x</b> <img src="/dev/zero"> Hover me'


def shown_text(text: str) -> str:
    """What Qt shows for a tooltip (and an AutoText label): HTML when it looks like markup, else the text."""
    doc = QTextDocument()
    if QtGui.Qt.mightBeRichText(text):
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    return doc.toPlainText()


# --- sidebar ------------------------------------------------------------------------------------


def test_the_sidebar_shows_unread_counts_for_the_view_and_each_folder(qtbot) -> None:
    bar = Sidebar()
    qtbot.addWidget(bar)
    bar.set_folders(["/home/me/news", "/home/me/feeds"])
    bar.set_counts({"all": 40, "unread": 12, "folder:/home/me/news": 3})
    assert bar._views["unread"].text(0) == "Unread (12)"
    assert bar._views["all"].text(0) == "All articles (40)"
    assert bar._views["bookmarked"].text(0) == "Bookmarked"
    folders = [bar._folders.child(i).text(0) for i in range(bar._folders.childCount())]
    assert folders == ["news (3)", "feeds"]
    bar.set_folders(["/home/me/news"])  # the folders are listed again: the count stays
    assert bar._folders.child(0).text(0) == "news (3)"
    bar.set_counts({"unread": 11})  # one count changes: the others stay
    assert bar._views["unread"].text(0) == "Unread (11)" and bar._views["all"].text(0) == "All articles (40)"


def test_unread_counts_leave_out_read_articles(make_window, article_folder) -> None:
    w = make_window()
    w.session.mark_read([w.model.ids[0]], True)  # as the user's read marks are: in the user database
    counts = unread_counts(w.library, [str(article_folder)])
    assert counts == {"unread": 3, f"folder:{article_folder}": 3}


def test_folder_and_tag_tooltips_show_markup_literally(qtbot) -> None:
    bar = Sidebar()
    qtbot.addWidget(bar)
    bar.set_folders([f"/news/{MARKUP}"])
    assert shown_text(bar._folders.child(0).toolTip(0)) == f"/news/{MARKUP}"


# --- the tags dialog ----------------------------------------------------------------------------


def test_the_tags_dialog_is_compact_with_add_beside_its_field(qtbot) -> None:
    dialog = TagsDialog("Harbour workers vote", current=["ports"], known=["ports", "labour"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    label, field = dialog.add_label, dialog.new_tags
    assert label.buddy() is field
    assert label.geometry().right() < field.geometry().left()  # beside it, not above it
    assert abs(label.geometry().center().y() - field.geometry().center().y()) <= 2
    # no empty band between the two tags and the field: the list is as tall as its rows
    rows = dialog.known.sizeHintForRow(0) * dialog.known.count()
    assert dialog.known.height() <= rows + 2 * dialog.known.frameWidth() + 4
    gap = field.geometry().top() - dialog.known.geometry().bottom()
    assert gap <= 2 * dialog.layout().spacing() + 2


def test_the_tags_dialog_shows_a_title_with_markup_as_text(qtbot) -> None:
    dialog = TagsDialog(MARKUP, current=[], known=[])
    qtbot.addWidget(dialog)
    assert dialog.heading.textFormat() == QtGui.Qt.TextFormat.PlainText
    assert MARKUP in dialog.heading.text()


def test_the_highlight_editor_shows_a_quote_with_markup_as_text(qtbot) -> None:
    editor = HighlightEditor(MARKUP, color="yellow")
    qtbot.addWidget(editor)
    assert editor.quote_label.textFormat() == QtGui.Qt.TextFormat.PlainText
    assert editor.quote_label.text() == f"“{MARKUP}”"


def test_problem_tooltips_show_paths_and_reasons_literally(qtbot) -> None:
    view = ProblemsView()
    qtbot.addWidget(view)
    view.set_problems([Problem(f"/news/{MARKUP}.html", f"Unreadable: {MARKUP}", "Open it in a browser")])
    assert shown_text(view.item(0, 0).toolTip()) == f"/news/{MARKUP}.html"
    assert shown_text(view.item(0, 1).toolTip()) == f"Unreadable: {MARKUP}"


# --- the export dialog --------------------------------------------------------------------------

COUNTS = {"bookmarked": 1, "annotated": 1, "filter": 4, "selected": 1}


@pytest.mark.parametrize(
    ("fmt", "notes", "page", "entities"),
    [("md", True, False, True), ("html", False, False, True), ("txt", False, False, True),
     ("json", False, False, False), ("pdf", False, True, True)],
)  # fmt: skip
def test_export_options_are_enabled_only_for_the_formats_that_use_them(qtbot, fmt, notes, page, entities) -> None:
    dialog = ExportDialog(COUNTS, ExportChoice(fmt=fmt, include_entities=True))
    qtbot.addWidget(dialog)
    assert dialog.format_box.currentData() == fmt
    for box, on in ((dialog.note_style_box, notes), (dialog.page_size_box, page), (dialog.entities_box, entities)):
        assert box.isEnabled() == on
        label = dialog.form.labelForField(box)
        assert label is None or label.isEnabled() == on  # the whole row greys out, its label too
        assert (box.toolTip() == "") == on  # a greyed option says why
    assert dialog.entities_box.isChecked() == entities


def test_json_says_why_entities_are_off_and_the_choice_comes_back(qtbot) -> None:
    dialog = ExportDialog(COUNTS, ExportChoice(fmt="md", include_entities=True))
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("json"))
    assert not dialog.entities_box.isChecked() and "JSON" in dialog.entities_box.toolTip()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
    assert dialog.entities_box.isEnabled() and dialog.entities_box.isChecked()
    assert dialog.choice().include_entities


def test_the_export_dialog_has_no_empty_band_above_its_buttons(qtbot) -> None:
    dialog = ExportDialog(COUNTS, ExportChoice())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    last_row = dialog.page_size_box.geometry()
    assert dialog.buttons.geometry().top() - last_row.bottom() <= 2 * dialog.layout().spacing() + 4
