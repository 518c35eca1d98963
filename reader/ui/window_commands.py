"""The window's own commands (files, moving, the article, views, undo) and the menus built from the registry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.ui import window_actions
from reader.ui.operations import FAILED

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def complete_window(w: MainWindow) -> None:
    """What the window's frame lacks: its commands, undo, features, preferences, menus and accessible names."""
    from reader.ui.accessible_names import name_controls
    from reader.ui.features import load_features
    from reader.ui.idle_release import IdleRelease
    from reader.ui.preferences.dialog import install_preferences

    register_window_commands(w)
    w.operations.history_changed.connect(lambda: sync_undo_actions(w))
    sync_undo_actions(w)
    w.features = [feature(w) for feature in load_features()]
    w.idle_release = IdleRelease(w)  # a search's and an article's memory given back once left alone
    install_preferences(w)  # Ctrl+, and the remembered keys, type and theme
    build_menus(w)
    name_controls(w)  # after the features: their panels are named too


def register_window_commands(w: MainWindow) -> None:
    """Add the window's commands to its registry (features add theirs when they attach)."""
    # imported with the commands, after the window's first paint (MainWindow.finish_building), not to paint it
    from reader.ui.navigation import FocusMode, install_navigation, page_or_next_unread
    from reader.ui.notebook_view import install_notebook
    from reader.ui.welcome import install_welcome

    add = w.registry.add
    mode = FocusMode(w)  # the list and filter commands bring the list back first
    add("folder-add", "&Add Folder…", w.add_folder_dialog, menu="&File", help="Add a folder of articles")
    add("folder-remove", "&Remove Folder…", lambda: window_actions.remove_current_folder(w), menu="&File",
        help="Remove the folder chosen in the sidebar from the library (files stay on disk)")  # fmt: skip
    add("library-refresh", "Re&scan Library", w.rescan, menu="&File", help="Look for new and changed files")
    add("app-quit", "&Quit", lambda: None if w.close() else None, menu="&File", help="Save everything and quit")
    w.undo_action = add("undo", "&Undo", lambda: undo(w), menu="&Edit",
                        help="Undo the last change to bookmarks, tags, read marks, notes, highlights, entities "
                             "or folders")  # fmt: skip
    w.redo_action = add("redo", "&Redo", lambda: redo(w), menu="&Edit", help="Redo the change just undone")
    add("article-next", "&Next Article", lambda: w.move_selection(1), menu="&Go", help="Select the next article")
    add("article-previous", "&Previous Article", lambda: w.move_selection(-1), menu="&Go",
        help="Select the previous article")  # fmt: skip
    add("page-down", "Page &Down", lambda: page_or_next_unread(w), menu="&Go",
        help="Scroll the article a page down; at its end, go to the next unread article")  # fmt: skip
    add("page-up", "Page &Up", lambda: w.page(-1), menu="&Go", help="Scroll the article a page up")
    add("list-focus", "Back to the &List", lambda: mode.back_to_list(filter_box=False), menu="&Go",
        help="Put the focus on the article list")  # fmt: skip
    add("filter-focus", "&Search…", lambda: mode.back_to_list(filter_box=True), menu="&Go",
        help="Search titles and text (source:, is:unread…)")  # fmt: skip
    add("note-focus", "Edit &Note", w.focus_note, menu="&Article", help="Write in the article's note")
    add("bookmark-toggle", "&Bookmark", w.toggle_bookmark, menu="&Article", help="Bookmark or un-bookmark")
    add("read-toggle", "Mark &Read/Unread", w.toggle_read, menu="&Article", help="Toggle the read mark")
    add("mark-all-read", "Mark &All as Read", lambda: window_actions.mark_all_read(w), menu="&Article",
        help="Mark every article in the list read (one step to undo)")  # fmt: skip
    add("caret-browsing", "&Caret Browsing", lambda: toggle_caret(w), menu="&Edit",
        help="Move a caret through the article with the arrows; Shift+arrows select")  # fmt: skip
    add("select-sentence", "Select &Sentence", lambda: select_unit(w, "sentence"), menu="&Edit",
        help="Select the sentence at the caret (then h highlights it)")  # fmt: skip
    add("select-paragraph", "Select &Paragraph", lambda: select_unit(w, "paragraph"), menu="&Edit",
        help="Select the paragraph at the caret")  # fmt: skip
    w.registry.add_with_arg("view", "{arg}", w.sidebar.select_view, menu="&View", help="Show {arg}",
                            choices=[("all", "All Articles"), ("unread", "Unread"), ("bookmarked", "Bookmarked"),
                                     ("annotated", "Annotated"), ("notebook", "Notebook"),
                                     ("problems", "Import Problems")])  # fmt: skip
    add("theme-toggle", "&Dark Theme", w.toggle_theme, menu="&View", help="Switch between light and dark")
    add("font-larger", "&Larger Text", lambda: w.change_font_size(1), menu="&View",
        help="Make the reading text larger")  # fmt: skip
    add("font-smaller", "&Smaller Text", lambda: w.change_font_size(-1), menu="&View",
        help="Make the reading text smaller")  # fmt: skip
    add("article-open-file", "&Open Original File", lambda: window_actions.open_original(w), menu="&Article",
        help="Open the article's file in the program your system uses for it")  # fmt: skip
    add("shortcuts-show", "&Keyboard Shortcuts", lambda: window_actions.show_shortcuts(w), menu="&Help",
        help="List every shortcut")  # fmt: skip
    add("palette-show", "&Command Palette…", lambda: window_actions.show_palette(w), menu="&Help",
        help="Find and run any command by typing its name")  # fmt: skip
    install_navigation(w, mode)
    install_welcome(w)
    install_notebook(w)


def build_menus(w: MainWindow) -> None:
    """Each menu of `main_window.MENUS` (made with the frame) filled with the commands registered for it, in order."""
    menus = w.menus
    for c in w.registry.commands.values():
        if c.menu in menus and c.action is not None:
            menus[c.menu].addAction(c.action)


def sync_undo_actions(w: MainWindow) -> None:
    """Undo and Redo say what they would undo or redo, and are off when there is nothing."""
    session = w.session
    for action, text, can in ((w.undo_action, session.undo_text(), session.can_undo()),
                              (w.redo_action, session.redo_text(), session.can_redo())):  # fmt: skip
        action.setText("&" + text)
        action.setEnabled(can)


def undo(w: MainWindow) -> None:
    """Undo the session's last write and say what was undone."""
    s = w.session
    _step_history(w, s.can_undo(), s.undo_text(), w.operations.undo, "Nothing to undo")


def redo(w: MainWindow) -> None:
    s = w.session
    _step_history(w, s.can_redo(), s.redo_text(), w.operations.redo, "Nothing to redo")


def _step_history(w: MainWindow, can: bool, text: str, step: Callable[[], object], nothing: str) -> None:
    if not can:
        w.show_message(nothing, 2000)
    elif step() is not FAILED:  # a refused undo was reported, and stays to be undone
        w.show_message(text.replace("Undo ", "Undone: ", 1).replace("Redo ", "Redone: ", 1), 3000)


def toggle_caret(w: MainWindow) -> None:
    """F7: caret browsing on or off, said in the status bar."""
    on = w.caret.toggle()
    w.show_message("Caret browsing on: arrows move, Shift+arrows select (F7 turns it off)" if on
                   else "Caret browsing off", 4000)  # fmt: skip


def select_unit(w: MainWindow, unit: str) -> None:
    """Select the sentence or paragraph at the pane's caret, with the keys left in the pane."""
    done = w.caret.select_sentence() if unit == "sentence" else w.caret.select_paragraph()
    if not done:
        w.show_message("Open an article first.", 3000)
        return
    w.reading_pane.setFocus()
