"""Exporting from the window: the dialog, what it exports, remembering the choice, never overwriting unasked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reader.core.anchoring import make_quote
from reader.ui.annotation_feature import AnnotationFeature
from reader.ui.dialogs.export_dialog import ExportChoice, ExportDialog

HARBOUR = "Harbour strike ends after nine days"
BUDGET = "Council delays budget vote to June"


def feature(w) -> AnnotationFeature:
    return next(f for f in w.features if isinstance(f, AnnotationFeature))


def article_id(w, title: str) -> str:
    return next(i for i in w.model.ids if w.library.rows([i])[i].title == title)


def annotate(w) -> tuple[str, str]:
    """A highlight with a note on the harbour article, a bookmark on the budget one."""
    harbour, budget = article_id(w, HARBOUR), article_id(w, BUDGET)
    text = w.library.article(harbour).text
    start = text.index("4 percent pay rise")
    end = start + len("4 percent pay rise")
    w.store.add_highlight(harbour, start, end, make_quote(text, start, end), color="green", note="Below inflation?")
    w.store.set_bookmarked(budget, True)
    return harbour, budget


def answer_dialogs(handlers: list[Callable[[QDialog], None]]) -> list[QDialog]:
    """Answer the next modal dialogs in turn (exec() blocks until each closes); returns the dialogs seen."""
    seen: list[QDialog] = []
    tries = [250]  # about 5 s; then give up, so a dialog that never came cannot be answered in a later test

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible() and dialog not in seen:
            seen.append(dialog)
            handlers[len(seen) - 1](dialog)
        tries[0] -= 1
        if len(seen) < len(handlers) and tries[0] > 0:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def fill(choice: ExportChoice) -> Callable[[QDialog], None]:
    def handle(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.set_choice(choice)
        dialog.export_button.click()

    return handle


def test_choice_survives_json_and_bad_values_fall_back() -> None:
    c = ExportChoice(scope="annotated", fmt="html", combined=True, folder="/tmp/x", file_name="Mine", page_size="A5")
    assert ExportChoice.from_json(c.to_json()) == c
    assert c.out() == Path("/tmp/x/Mine.html")
    assert ExportChoice.from_json("{not json") == ExportChoice()
    odd = ExportChoice.from_json(json.dumps({"scope": "everything", "fmt": "docx", "combined": "yes", "x": 1}))
    assert odd == ExportChoice()


def test_e_exports_the_bookmarked_one_file_each_and_remembers(make_window, qtbot, tmp_path) -> None:
    w = make_window()
    annotate(w)
    w.select_row(0)
    out = tmp_path / "out"
    chosen = ExportChoice(scope="bookmarked", fmt="html", folder=str(out))
    answer_dialogs([fill(chosen)])
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_E)
    assert [p.name for p in out.iterdir()] == [f"{BUDGET}.html"]
    assert "<html" in (out / f"{BUDGET}.html").read_text(encoding="utf-8").lower()
    w.windowHandle().requestActivate()
    qtbot.waitUntil(w.isActiveWindow)
    remembered: list[ExportChoice] = []

    def look(dialog: QDialog) -> None:
        remembered.append(dialog.choice())
        dialog.reject()

    answer_dialogs([look])
    qtbot.keyClick(w.list_view, Qt.Key.Key_E)
    assert remembered == [chosen]
    assert w.store.get_value("export.last_choice") == chosen.to_json()


def test_annotated_export_carries_highlights_and_notes(make_window, tmp_path) -> None:
    w = make_window()
    annotate(w)
    paths = feature(w).export(ExportChoice(scope="annotated", fmt="md", folder=str(tmp_path)))
    assert paths == [tmp_path / f"{HARBOUR}.md"]
    text = paths[0].read_text(encoding="utf-8")
    assert "4 percent pay rise" in text and "Below inflation?" in text


def test_selected_rows_into_one_combined_file(make_window, tmp_path) -> None:
    w = make_window()
    w.select_row(0)
    sel = w.list_view.selectionModel()
    sel.select(w.model.index(1, 1), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    two = w.selected_ids()
    assert len(two) == 2
    choice = ExportChoice(scope="selected", fmt="txt", combined=True, folder=str(tmp_path), file_name="two")
    [path] = feature(w).export(choice)
    assert path == tmp_path / "two.txt"
    text = path.read_text(encoding="utf-8")
    assert all(w.library.article(i).title in text for i in two)


def test_nothing_is_overwritten_without_asking(make_window, qtbot, tmp_path, monkeypatch) -> None:
    w = make_window()
    annotate(w)
    choice = ExportChoice(scope="filter", fmt="md", folder=str(tmp_path))
    first = feature(w).export(choice)
    assert len(first) == len(w.model.ids) == 4
    first[0].write_text("my own edits", encoding="utf-8")
    asked: list[str] = []

    def say(answer):
        def question(_parent, _title, text, *_args, **_kw):
            asked.append(text)
            return answer

        return question

    monkeypatch.setattr(QMessageBox, "question", say(QMessageBox.StandardButton.No))
    assert feature(w).export(choice) is None
    assert first[0].read_text(encoding="utf-8") == "my own edits"
    assert len(asked) == 1 and "4 files exist" in asked[0]
    # Through the command: declining brings the dialog back, with the same choice filled in.
    seen = answer_dialogs([fill(choice), lambda d: d.reject()])
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_E)
    assert len(seen) == 2 and seen[1].choice() == choice
    assert first[0].read_text(encoding="utf-8") == "my own edits"
    monkeypatch.setattr(QMessageBox, "question", say(QMessageBox.StandardButton.Yes))
    assert feature(w).export(choice) == first
    assert first[0].read_text(encoding="utf-8") != "my own edits"


def test_scopes_without_articles_are_greyed_out(qtbot) -> None:
    counts = {"bookmarked": 0, "annotated": 2, "filter": 4, "selected": 1}
    dialog = ExportDialog(counts, ExportChoice(scope="bookmarked"))
    qtbot.addWidget(dialog)
    assert not dialog.scope_buttons["bookmarked"].isEnabled()
    assert dialog.choice().scope == "annotated"  # the remembered scope is empty now: the first usable one
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert dialog.page_size_box.isEnabled() and not dialog.note_style_box.isEnabled()
    assert not dialog.file_name_edit.isEnabled()
    dialog.combined.setChecked(True)
    assert dialog.file_name_edit.isEnabled()


def test_stop_ends_a_batch_between_files(make_window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QProgressDialog

    w = make_window()
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: self.value() >= 2)
    out = tmp_path / "out"
    written = feature(w).export(ExportChoice(scope="filter", fmt="txt", folder=str(out)))
    assert len(written) == 2 and sorted(out.iterdir()) == sorted(written)
    assert "stopped" in w.statusBar().currentMessage()


def test_an_empty_choice_writes_nothing_and_says_so(make_window, tmp_path, monkeypatch) -> None:
    w = make_window()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    out = tmp_path / "out"
    assert feature(w).export(ExportChoice(scope="bookmarked", fmt="md", folder=str(out), combined=True)) == []
    assert told and not out.exists()
