"""The window end to end with key events: navigation, bookmarks, notes, persistence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.paths import resolve_paths
from reader.settings import Settings
from reader.ui.article_list import ArticleIdRole


def current_title(w) -> str:
    return w.reading_pane.article.title if w.reading_pane.article else ""


def test_list_shows_the_library_sorted_newest_first(make_window) -> None:
    w = make_window()
    assert len(w.model.ids) == 4
    dates = [w.library.rows([i])[i].published for i in w.model.ids]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)


def test_j_and_k_move_through_the_articles(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    w.list_view.setFocus()
    assert w.current_id == w.model.ids[0] and current_title(w)
    qtbot.keyClick(w.list_view, Qt.Key.Key_J)
    assert w.current_id == w.model.ids[1]
    qtbot.keyClick(w.list_view, Qt.Key.Key_J)
    assert w.current_id == w.model.ids[2]
    qtbot.keyClick(w.list_view, Qt.Key.Key_K)
    assert w.current_id == w.model.ids[1]
    qtbot.keyClick(w.list_view, Qt.Key.Key_Down)
    assert w.current_id == w.model.ids[2]
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_K)  # the keys work from the reading pane too
    assert w.current_id == w.model.ids[1]


def test_space_pages_the_reading_pane(make_window, qtbot) -> None:
    w = make_window()
    long_id = next(i for i in w.model.ids if w.library.rows([i])[i].title.startswith("A long report"))
    w.select_article(long_id)
    w.list_view.setFocus()
    bar = w.reading_pane.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    qtbot.keyClick(w.list_view, Qt.Key.Key_Space)
    assert bar.value() > 0
    qtbot.keyClick(w.list_view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() == 0


def test_b_bookmarks_and_the_list_shows_it(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_B)
    assert w.store.is_bookmarked(w.current_id)
    assert w.model.index(0, 0).data() == "★"
    qtbot.keyClick(w.list_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not w.store.is_bookmarked(w.current_id)


def test_letters_typed_in_the_note_go_into_the_note(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    chosen = w.current_id
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert w.notes_panel.editor.hasFocus()
    qtbot.keyClicks(w.notes_panel.editor, "jkb n/")
    assert w.notes_panel.editor.toPlainText() == "jkb n/"
    assert w.current_id == chosen and not w.store.is_bookmarked(chosen)
    qtbot.keyClick(w.notes_panel.editor, Qt.Key.Key_Escape)
    assert w.list_view.hasFocus()


def test_esc_returns_to_the_list_and_slash_filters(make_window, qtbot) -> None:
    w = make_window()
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_Slash)
    assert w.filter_box.hasFocus()
    qtbot.keyClicks(w.filter_box, "budget")
    w.apply_view()
    assert [w.model.index(r, 1).data() for r in range(w.model.rowCount())] == ["Council delays budget vote to June"]
    qtbot.keyClick(w.filter_box, Qt.Key.Key_Escape)
    assert w.list_view.hasFocus()


def test_state_survives_a_new_window(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(1)
    chosen = w.current_id
    w.toggle_bookmark()
    w.notes_panel.editor.setPlainText("Check the figures against the port's own report.")
    w.close()
    w2 = make_window()
    assert w2.store.is_bookmarked(chosen)
    assert w2.store.note(chosen) == "Check the figures against the port's own report."
    assert w2.store.is_read(chosen)
    row = w2.model.row_of(chosen)
    assert w2.model.index(row, 0).data() == "★"
    assert w2.model.index(row, 1).data(Qt.ItemDataRole.FontRole) is None  # read rows are not bold
    w2.select_article(chosen)
    assert w2.notes_panel.editor.toPlainText() == "Check the figures against the port's own report."


def test_a_note_typed_then_closed_at_once_is_kept(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    chosen = w.current_id
    w.focus_note()
    qtbot.keyClicks(w.notes_panel.editor, "typed and closed")
    w.close()  # before the save timer fires
    w2 = make_window()
    assert w2.store.note(chosen) == "typed and closed"


def test_views_bookmarked_and_unread(make_window) -> None:
    w = make_window()
    w.select_row(0)
    chosen = w.current_id
    w.toggle_bookmark()
    w.sidebar.select_view("bookmarked")
    assert w.model.ids == [chosen]
    w.sidebar.select_view("unread")
    assert chosen not in w.model.ids and len(w.model.ids) == 3
    w.sidebar.select_view("all")
    assert w.model.index(0, 1).data(ArticleIdRole) in w.model.ids


def test_shortcut_help_lists_every_command(make_window) -> None:
    from reader.ui.dialogs.shortcuts import ShortcutsDialog

    w = make_window()
    rows = w.registry.shortcut_rows()
    dialog = ShortcutsDialog(rows, w)
    texts = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"Next Article", "Bookmark", "Edit Note", "Keyboard Shortcuts"} <= texts
    assert all(keys for keys, title, _ in rows if title in ("Next Article", "Bookmark"))


def test_adding_and_removing_a_folder(make_window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.window_actions import remove_folder

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)  # asked first
    w = make_window()
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "x.txt").write_text("Extra story about ferries\n\nA short body.\n", encoding="utf-8")
    w.operations.run(lambda: w.session.add_folder(str(extra)))
    w.rescan(wait=True)
    assert len(w.model.ids) == 5
    remove_folder(w, str(extra))
    w.rescan(wait=True)
    assert len(w.model.ids) == 4 and str(extra) not in w.store.folders()


def test_unreadable_files_are_listed_as_import_problems(make_window, article_folder) -> None:
    (article_folder / "broken.html").write_bytes(b"")
    w = make_window()
    w.sidebar.select_view("problems")
    assert w.list_stack.currentWidget() is w.problems_view
    assert w.problems_view.rowCount() == 1
    assert w.problems_view.item(0, 0).text() == "broken.html" and w.problems_view.item(0, 1).text()


def test_exports_read_entities_with_the_users_corrections(make_window) -> None:
    from reader.core.entities import EntitySpan
    from reader.core.export.collect import items_for_ids
    from reader.core.export.entity_source import CorrectedEntities

    w = make_window()
    article_id = w.model.ids[0]
    text = w.library.article(article_id).text
    word = text.split()[0]
    w.library.store_mentions(article_id, [EntitySpan(0, len(word), "ORG", word)])
    w.operations.run(lambda: w.session.add_correction(article_id="", exact=word, type="ORG", action="remove"))
    source = CorrectedEntities(w.library, w.session.prefs)
    [item], _ = items_for_ids(source, w.store, [article_id], with_entities=True)
    assert item.entities == []
    [plain], _ = items_for_ids(w.library, w.store, [article_id], with_entities=True)
    assert [s.text for s in plain.entities] == [word]


def test_every_binding_names_a_command_and_no_key_is_bound_twice(make_window) -> None:
    from PySide6.QtGui import QKeySequence

    w = make_window()
    assert set(w.registry.keymap) <= set(w.registry.commands)
    seen: dict[str, str] = {}
    for name, command in w.registry.commands.items():
        for key in command.keys:
            canonical = QKeySequence(key).toString()
            assert canonical not in seen, f"{key} is bound to {seen.get(canonical)} and {name}"
            seen[canonical] = name


def test_tab_moves_between_the_panes(make_window, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    w = make_window()
    w.select_row(0)
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.reading_pane
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.notes_panel.editor
    qtbot.keyClick(w.notes_panel.editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is w.reading_pane


def test_an_empty_library_says_how_to_add_a_folder(qtbot, tmp_path) -> None:
    from reader.paths import resolve_paths
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow

    paths = resolve_paths(tmp_path / "empty").ensure()
    w = MainWindow(paths, Settings(paths.settings_file), samples=False)
    qtbot.addWidget(w)
    w.rescan(wait=True)
    assert w.model.ids == []
    assert "Add Folder" in w.reading_pane.toPlainText()


def test_the_window_layout_is_remembered(make_window) -> None:
    w = make_window()
    w.resize(760, 560)  # inside the offscreen screen (800x600): restoreGeometry keeps windows on screen
    w.splitter.setSizes([200, 300])
    sizes = w.splitter.sizes()
    w.close()
    w2 = make_window()
    assert w2.restore_layout()
    assert (w2.size().width(), w2.size().height()) == (760, 560)
    assert w2.splitter.sizes() == sizes


def test_reading_text_size_changes_and_is_remembered(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    before = int(w.settings.get("reading_font_size"))
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert int(w.settings.get("reading_font_size")) == before + 1
    assert w.reading_pane.document().defaultFont().pointSizeF() == before + 1
    qtbot.keyClick(w.list_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert int(w.settings.get("reading_font_size")) == before


def test_the_last_article_is_shown_again_on_reopen(make_window) -> None:
    w = make_window()
    w.select_row(2)
    chosen = w.current_id
    w.close()
    w2 = make_window()
    assert w2.current_id == chosen
    w2.filter_box.setFocus()
    w2.start_reading()
    assert w2.list_view.hasFocus() and w2.current_id == chosen


def test_the_command_palette_finds_and_runs_a_command(make_window, qtbot) -> None:
    from reader.ui.palette import CommandPalette, matches

    assert matches("book tog", "Bookmark toggle") and not matches("export", "Bookmark")
    w = make_window()
    w.select_row(0)
    palette = CommandPalette(w.registry, w)
    qtbot.addWidget(palette)
    everything = palette.list.count()
    qtbot.keyClicks(palette.query, "bookmark")
    assert 0 < palette.list.count() < everything
    titles = [palette.list.item(i).text() for i in range(palette.list.count())]
    row = next(i for i, t in enumerate(titles) if t.startswith("Bookmark "))
    palette.list.setCurrentRow(row)
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert palette.chosen == "bookmark-toggle"
    w.registry.run(palette.chosen)
    assert w.store.is_bookmarked(w.current_id)


def test_a_folder_added_during_a_scan_is_scanned_too(make_window, tmp_path, qtbot, monkeypatch) -> None:
    import threading

    import reader.ui.workers as workers

    release = threading.Event()
    monkeypatch.setattr(workers, "tag_library", lambda *a, **k: release.wait(10) and 0)
    w = make_window()
    extra = tmp_path / "later"
    extra.mkdir()
    (extra / "late.txt").write_text("A story added while scanning\n\nIts body.\n", encoding="utf-8")
    w.rescan()  # a background scan is running (held in its tagging step)...
    w.operations.run(lambda: w.session.add_folder(str(extra)))  # rescans: this one waits for the running scan
    w.rescan()  # ...and so does this one
    assert w._scan_again
    release.set()
    qtbot.waitUntil(lambda: w.worker is not None and not w.worker.isRunning() and not w._scan_again
                    and len(w.model.ids) == 5, timeout=20000)  # fmt: skip


def _big_article(folder: Path, megabytes: float) -> Path:
    big = folder / "long-read.txt"
    line = "The harbour council met again and talked about the pier for a long while.\n"
    big.write_text("A very long read\n\n" + line * int(megabytes * 1024 * 1024 / len(line)), encoding="utf-8")
    return big


def _listed_titles(w) -> list[str]:
    return [row.title for row in w.library.rows(list(w.model.ids)).values()]


def _problem_rows(w) -> list[tuple[str, str, str]]:
    w.sidebar.select_view("problems")
    assert w.list_stack.currentWidget() is w.problems_view
    view = w.problems_view
    return [tuple(view.item(r, c).text() for c in range(3)) for r in range(view.rowCount())]


def test_the_size_limit_setting_reaches_the_import(make_window, data_dir: Path, article_folder: Path) -> None:
    _big_article(article_folder, 1.5)
    Settings(resolve_paths(data_dir).settings_file).set("max_import_mb", 1)
    w = make_window()
    advice = "Raise the size limit in the settings if this file really is an article, or split it."
    assert _problem_rows(w) == [("long-read.txt", "The file is larger than the import limit of 1 MB.", advice)]
    w.sidebar.select_view("all")
    assert "A very long read" not in _listed_titles(w)


def test_a_file_under_the_raised_limit_is_imported(make_window, data_dir: Path, article_folder: Path) -> None:
    _big_article(article_folder, 1.5)
    Settings(resolve_paths(data_dir).settings_file).set("max_import_mb", 2)
    w = make_window()
    assert _problem_rows(w) == []
    w.sidebar.select_view("all")
    assert "A very long read" in _listed_titles(w)


def test_a_nonsense_size_limit_falls_back_to_the_default(make_window) -> None:
    w = make_window()
    w.settings.set("max_import_mb", "nonsense")
    assert w.max_import_bytes() == 50 * 1024 * 1024


def test_a_closed_window_fetches_nothing_from_its_closed_databases(make_window, qtbot) -> None:
    w = make_window()
    w.select_row(0)
    qtbot.keyClicks(w.filter_box, "budget")  # starts the filter's short timer
    w.close()
    qtbot.wait(300)  # events after close (the timer, repaints) used to query the closed cache and crash
    assert w.closed and w.model.rowCount() == 0


def test_argument_variants_are_one_command_each(make_window) -> None:
    """view, highlight-color and entity-toggle are registered once, with their choices (issue 9)."""
    w = make_window()
    families = w.registry.families
    assert [v for v, _label in families["view"].choices] == ["all", "unread", "bookmarked", "annotated", "notebook",
                                                               "problems"]
    assert [v for v, _label in families["highlight-color"].choices] == ["1", "2", "3", "4", "5"]
    assert {v for v, _label in families["entity-toggle"].choices} >= {"per", "loc", "org", "misc"}
    variants = ("view-", "highlight-color-", "entity-toggle-")
    assert [n for n in w.registry.commands if n.startswith(variants)] == ["highlight-color-menu"]
    assert w.registry.commands["view bookmarked"].action.shortcuts()[0].toString() == "G, B"
    w.registry.run("view bookmarked")
    assert (w.view_kind, w.view_value) == ("view", "bookmarked")
