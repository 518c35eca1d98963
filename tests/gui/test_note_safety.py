"""The note editor never overwrites a newer note, and a note the disk refused survives a restart."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from reader.core.session import Session
from reader.core.store.db import UserDataError
from reader.core.store.unsaved_notes import UnsavedNote, read_unsaved, recovery_path, write_unsaved
from reader.ui.dialogs.note_conflict import QUESTION, ask_note_conflict, both_notes

FULL = "The disk holding your user data is full. Free some space and try again; nothing was changed."


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    """The texts of the warning and question boxes (answered at once)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: shown.append(text)
                        or QMessageBox.StandardButton.No)  # fmt: skip
    return shown


def other_window_writes(w, article_id: str, text: str) -> None:
    """What a second window (another process on the same profile) or an import does meanwhile."""
    with Session(w.paths.user_db) as other:
        other.set_note(article_id, text)


def test_an_editor_not_typed_in_leaves_a_note_written_elsewhere(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    first = w.current_id
    assert w.notes_panel.editor.toPlainText() == ""
    other_window_writes(w, first, "Written in the other window.")
    w.select_row(1)  # switching used to save the empty editor: the other note was deleted
    assert w.store.note(first) == "Written in the other window."
    w.select_article(first)
    assert w.notes_panel.editor.toPlainText() == "Written in the other window."


def test_typing_over_a_note_changed_elsewhere_asks_and_keeps_both(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    first = w.current_id
    asked: list[tuple[str, str]] = []
    w.notes_panel.ask_conflict = lambda mine, other: asked.append((mine, other)) or "both"
    qtbot.keyClicks(w.notes_panel.editor, "Mine.")
    other_window_writes(w, first, "Theirs.")
    w.select_row(1)
    assert asked == [("Mine.", "Theirs.")]
    assert w.store.note(first) == "Theirs.\n\nMine."
    w.select_article(first)
    assert w.notes_panel.editor.toPlainText() == "Theirs.\n\nMine."


def test_the_question_box_keeps_the_other_note_when_asked_to(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    first = w.current_id
    qtbot.keyClicks(w.notes_panel.editor, "Mine.")
    other_window_writes(w, first, "Theirs.")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "Keep the Other")
        button.click()

    QTimer.singleShot(0, answer)
    assert w.notes_panel.flush() is True
    assert seen == [QUESTION]
    assert w.store.note(first) == "Theirs." == w.notes_panel.editor.toPlainText()


def test_a_note_refused_by_a_full_disk_comes_back_after_a_restart(make_window, qtbot, monkeypatch, boxes) -> None:
    w = make_window()
    w.select_row(0)
    first = w.current_id

    def refuse(*_a: object, **_k: object) -> None:
        raise UserDataError(FULL)

    monkeypatch.setattr(w.session._store, "set_note", refuse)
    qtbot.keyClicks(w.notes_panel.editor, "Call the harbour master.")
    w.select_row(1)  # the save is refused: said, and kept in the recovery file
    assert boxes == [FULL]
    recovery = recovery_path(w.paths.user_db)
    kept = json.loads(recovery.read_text(encoding="utf-8"))["notes"]
    assert [(n["article_id"], n["text"]) for n in kept] == [(first, "Call the harbour master.")]
    assert w.close() is True and not w.isVisible()  # no question: the recovery file holds the note
    assert boxes == [FULL, FULL]  # closing tried once more, and said it was refused again
    monkeypatch.undo()  # the disk has room again
    w2 = make_window()
    qtbot.waitUntil(lambda: w2.store.note(first) == "Call the harbour master.")
    assert "1 note that could not be saved last time was recovered and saved." in w2.statusBar().currentMessage()
    assert not recovery.exists()
    w2.select_article(first)
    assert w2.notes_panel.editor.toPlainText() == "Call the harbour master."


def test_when_the_question_cannot_be_shown_both_notes_are_kept(qtbot) -> None:
    hidden = QWidget()
    qtbot.addWidget(hidden)  # never shown: a closing window, or one not on screen yet
    assert ask_note_conflict(hidden, "Mine.", "Theirs.") == "both"
    assert both_notes("Theirs.\n", "Mine.") == "Theirs.\n\nMine."
    assert both_notes("", "Mine.") == "Mine." and both_notes("Theirs.", " ") == "Theirs."


def test_the_recovery_file_keeps_the_notes_another_window_put_there(make_window, qtbot, monkeypatch, boxes) -> None:
    w = make_window()
    w.select_row(0)
    first = w.current_id
    recovery = recovery_path(w.paths.user_db)
    theirs = UnsavedNote("typed-in-another-window", "Refused over there.")
    write_unsaved(recovery, [theirs])  # the other window was refused too, after this one started

    def refuse(*_a: object, **_k: object) -> None:
        raise UserDataError(FULL)

    monkeypatch.setattr(w.session._store, "set_note", refuse)
    qtbot.keyClicks(w.notes_panel.editor, "Mine.")
    assert w.notes_panel.flush() is False
    assert [(n.article_id, n.text) for n in read_unsaved(recovery)] == [(theirs.article_id, theirs.text),
                                                                         (first, "Mine.")]  # fmt: skip
    monkeypatch.undo()
    assert w.notes_panel.flush() is True and w.store.note(first) == "Mine."
    assert read_unsaved(recovery) == [theirs]
