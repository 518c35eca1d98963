"""Writes from the window: refused ones are said and keep what was typed; Ctrl+Z undoes every kind;
exports from the window and the command line carry the same corrected entities."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.core.entities import EntitySpan
from reader.core.store.db import UserDataError
from reader.ui.entity_feature import EntityFeature

HARBOUR = "Harbour strike ends after nine days"
CTRL = Qt.KeyboardModifier.ControlModifier
FULL = "The disk holding your user data is full. Free some space and try again; nothing was changed."


def open_article(w, title_start: str) -> str:
    article_id = next(i for i in w.model.ids if w.library.rows([i])[i].title.startswith(title_start))
    w.select_article(article_id)
    return article_id


def entities(w) -> EntityFeature:
    return next(f for f in w.features if isinstance(f, EntityFeature))


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """The texts of the "Could not save" boxes (answered at once)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def refuse(*_a: object, **_k: object) -> None:
    raise UserDataError(FULL)


def no_room(*_a: object, **_k: object) -> None:
    raise OSError(28, "No space left on device")


def test_b_after_a_refused_write_does_not_say_bookmark_removed(make_window, qtbot, monkeypatch, warnings) -> None:
    w = make_window()
    w.select_row(0)
    w.list_view.setFocus()
    monkeypatch.setattr(w.store, "toggle_bookmark", refuse)
    qtbot.keyClick(w.list_view, Qt.Key.Key_B)
    assert warnings == [FULL]
    assert w.statusBar().currentMessage() == FULL  # not "Bookmark removed"
    assert not w.store.is_bookmarked(w.current_id)


def test_a_refused_note_stays_typed_after_switching_and_is_saved_later(make_window, qtbot, monkeypatch,
                                                                       warnings) -> None:  # fmt: skip
    w = make_window()
    w.select_row(0)
    first = w.current_id
    saved: list[str] = []
    w.notes_panel.note_saved.connect(saved.append)
    monkeypatch.setattr(w.store, "set_note", refuse)
    w.notes_panel.editor.setPlainText("Ask the port for the tonnage figures.")
    w.select_row(1)  # switching saves the note: refused
    assert warnings and saved == []
    w.select_article(first)
    assert w.notes_panel.editor.toPlainText() == "Ask the port for the tonnage figures."
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text)
                        or QMessageBox.StandardButton.No)  # fmt: skip
    monkeypatch.setattr("reader.core.store.unsaved_notes.write_unsaved", no_room)  # nor for the recovery file
    w.close()  # closing would lose the note: the window asks, and stays open on No
    assert asked and "could not be saved" in asked[0] and w.isVisible()
    monkeypatch.undo()  # the disk has room again
    w.select_row(1)
    assert w.store.note(first) == "Ask the port for the tonnage figures." and saved == [first]


def test_window_and_command_line_export_the_same_corrected_entities(make_window, tmp_path: Path, data_dir) -> None:
    from reader.cli import main
    from reader.ui.annotation_feature import AnnotationFeature
    from reader.ui.dialogs.export_dialog import ExportChoice

    w = make_window()
    article_id = open_article(w, HARBOUR)
    text = w.library.article(article_id).text
    tallinn, kask = text.index("Tallinn"), text.index("Peeter Kask")
    w.library.store_mentions(article_id, [EntitySpan(tallinn, tallinn + 7, "LOC", "Tallinn"),
                                          EntitySpan(kask, kask + 11, "PER", "Peeter Kask")])  # fmt: skip
    w.select_row(0 if w.model.ids[0] != article_id else 1)
    w.select_article(article_id)
    entities(w).remove_span(next(s for s in entities(w).spans if s.text == "Tallinn"), everywhere=True)
    annotations = next(f for f in w.features if isinstance(f, AnnotationFeature))
    window_out = tmp_path / "window"
    choice = ExportChoice(scope="selected", fmt="md", folder=str(window_out), include_entities=True)
    [window_file] = annotations.export(choice)
    w.close()
    cli_out = tmp_path / "cli"
    assert main(["export", article_id, "--data-dir", str(data_dir), "-o", str(cli_out), "--entities"]) == 0
    [cli_file] = cli_out.iterdir()

    def body(path: Path) -> list[str]:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("exported:")]

    assert "Peeter Kask" in "\n".join(body(cli_file))
    assert body(cli_file) == body(window_file)


def test_showing_an_article_writes_nothing(make_window, qtbot, monkeypatch, warnings) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)
    text = w.library.article(article_id).text
    start = text.index("Gulf of Finland")
    w.operations.run(lambda: w.session.add_highlight(article_id, text, start, start + 15))
    w.select_row(0 if w.model.ids[0] != article_id else 1)  # read too, and shown when the window opens again
    w.close()
    w2 = make_window()
    assert w2.current_id != article_id
    import reader.core.store.user_data as user_data

    monkeypatch.setattr(user_data, "transaction", refuse)  # any write now fails loudly
    open_article(w2, HARBOUR)  # read before, highlight in place: nothing to write
    assert warnings == [] and len(w2.notes_panel.highlight_ids()) == 1


def test_a_highlight_change_draws_its_layer_without_rendering_the_article_again(make_window, qtbot) -> None:
    from PySide6.QtGui import QTextCursor

    w = make_window()
    open_article(w, HARBOUR)
    rendered: list[object] = []
    w.article_shown.connect(rendered.append)
    pane = w.reading_pane
    start = pane.article.text.index("port authority")
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(start))
    cursor.setPosition(pane.doc_position(start + 14), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_H)
    assert len(w.notes_panel.highlight_ids()) == 1 and rendered == []


def test_ctrl_z_undoes_bookmark_read_note_and_folder_and_says_what(make_window, qtbot, tmp_path) -> None:
    w = make_window()
    w.select_row(0)
    chosen = w.current_id
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_B)
    assert w.undo_action.text() == "&Undo Bookmark"
    qtbot.keyClick(w.list_view, Qt.Key.Key_Z, CTRL)
    assert not w.store.is_bookmarked(chosen) and w.model.index(0, 0).data() != "★"
    assert w.statusBar().currentMessage() == "Undone: Bookmark" and w.redo_action.text() == "&Redo Bookmark"
    qtbot.keyClick(w.list_view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert w.store.is_bookmarked(chosen) and w.model.index(0, 0).data() == "★"
    qtbot.keyClick(w.list_view, Qt.Key.Key_M)  # read (on showing) -> unread
    assert not w.store.is_read(chosen) and w.undo_action.text() == "&Undo Mark as Unread"
    qtbot.keyClick(w.list_view, Qt.Key.Key_Z, CTRL)
    assert w.store.is_read(chosen)
    w.notes_panel.editor.setPlainText("A first thought.")
    w.notes_panel.flush()
    w.notes_panel.editor.setPlainText("A first thought. A second one.")
    w.notes_panel.flush()
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_Z, CTRL)
    assert w.notes_panel.editor.toPlainText() == "A first thought." == w.store.note(chosen)
    extra = tmp_path / "more"
    extra.mkdir()
    w.add_folder(str(extra))
    assert w.undo_action.text() == "&Undo Add Folder"
    w.registry.run("undo")
    assert str(extra) not in w.store.folders()


def test_ctrl_z_undoes_corrections_and_watch_terms(make_window, qtbot) -> None:
    w = make_window()
    article_id = open_article(w, HARBOUR)
    text = w.library.article(article_id).text
    at = text.index("Tallinn")
    w.library.store_mentions(article_id, [EntitySpan(at, at + 7, "LOC", "Tallinn")])
    w.entities_arrived.emit([article_id])
    f = entities(w)
    assert [s.text for s in f.spans] == ["Tallinn"]
    f.remove_span(f.spans[0])
    assert f.spans == [] and w.undo_action.text() == "&Undo Remove Entity"
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_Z, CTRL)
    assert [s.text for s in f.spans] == ["Tallinn"]
    f.add_watch_term("percent")
    pane = w.reading_pane
    from PySide6.QtGui import QTextCursor

    def watched(offset: int) -> bool:
        c = QTextCursor(pane.document())
        c.setPosition(pane.doc_position(offset) + 1)
        return c.charFormat().toolTip() == "Watch term: percent"

    percent = text.index("percent")
    assert watched(percent)
    qtbot.keyClick(w.list_view, Qt.Key.Key_Z, CTRL)
    assert not watched(percent) and f.panel.watch_list.count() == 0
