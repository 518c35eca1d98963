"""Window commands that need a word with the user: mark all read, remove a folder, open the original file;
and the window's layout saved and put back.

Kept out of `main_window.py` so that file stays small; each takes the window and goes through its
operations (so every write is one undo step and a refused one is reported).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDockWidget, QWidget

from reader.ui.operations import FAILED
from reader.ui.qt_later import Qt

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def undo_key(w: MainWindow) -> str:
    """The key that undoes, as the user would type it ("Ctrl+Z"), for messages that offer it."""
    from reader.ui.commands import key_text  # the commands' module is imported after the first paint

    keys = w.registry.commands["undo"].keys if "undo" in w.registry.commands else []
    return key_text(keys[0]) if keys else "Edit › Undo"


def mark_all_read(w: MainWindow) -> None:
    """Mark every article of the current list read, in one step that Ctrl+Z takes back."""
    ids = w.listed_ids()
    if not ids:
        w.show_message("There are no articles in this list.", 3000)
        return
    done = w.operations.run(lambda: w.session.mark_read(ids, True))
    if done is FAILED:
        return
    n = len(done.article_ids)
    if n == 0:
        w.show_message("Every article in this list is already read.", 3000)
        return
    w.show_message(f"Marked {n:,} article{'' if n == 1 else 's'} read ({undo_key(w)} to undo)", 6000)
    if w.view_kind == "view" and w.view_value == "unread":
        w.apply_view()  # the Unread view lists unread articles only


def confirm_remove_folder(parent: QWidget, folder: str) -> bool:
    """Ask before taking a folder out of the library; saying what stays (files, notes) and that it can be undone."""
    from PySide6.QtWidgets import QMessageBox  # here: not needed to paint the window

    from reader.ui.plain_text import message_box

    answer = message_box(
        parent, QMessageBox.Icon.Question, "Remove folder",
        f"Remove “{Path(folder).name or folder}” from your library?\n\n{folder}\n\n"
        "Its files stay on disk, and your bookmarks, highlights and notes on its articles are kept. "
        "Edit › Undo brings the folder back.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes


def remove_folder(w: MainWindow, folder: str) -> None:
    """Take a folder out of the library after asking; its files and the user's notes on them stay."""
    if not confirm_remove_folder(w, folder):
        return
    if w.operations.run(lambda: w.session.remove_folder(folder)) is not FAILED:
        w.show_message(f"Removed {folder} from the library ({undo_key(w)} to undo)", 6000)
        w.sidebar.select_view("all")


def remove_current_folder(w: MainWindow) -> None:
    if w.view_kind != "folder" or w.view_value not in w.store.folders():
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(w, "Remove folder", "Choose one of your folders in the sidebar first.")
        return
    remove_folder(w, w.view_value)


def add_folder(w: MainWindow, folder: str) -> None:
    """Add `folder` (nothing when the user chose none) to the library, or say why it cannot be."""
    from PySide6.QtWidgets import QMessageBox  # here: not needed to paint the window

    from reader.ui.plain_text import message_box

    if not folder:
        return
    if not Path(folder).is_dir():
        message_box(w, QMessageBox.Icon.Warning, "Not a folder", f"{folder} is not a folder that can be read.")
        return
    path = str(Path(folder).resolve())
    w.operations.run(lambda: w.session.add_folder(path))


def open_original(w: MainWindow) -> None:
    """Open the article's file in the system's program for it; say so when none opens it."""
    from PySide6.QtWidgets import QMessageBox  # here: not needed to paint the window

    from reader.ui.plain_text import message_box

    article = w.reading_pane.article
    path = article.path if article is not None else ""
    if not path or not Path(path).exists():
        w.show_message("The article's file is no longer where it was imported from.", 6000)
        return
    from PySide6.QtCore import QUrl  # here: its class and 5 enum classes are not needed to paint the window

    if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
        message = (f"No program opened the article's file:\n{path}\n\n"
                   "Set a default application for this kind of file in your system settings, "
                   "or open it from your file manager.")  # fmt: skip
        w.show_message(f"No program opened {path}", 10000)
        message_box(w, QMessageBox.Icon.Warning, "Could not open the file", message)



LEFT_COLUMN = 235  # the left column's width with a panel in it


def fit_left_column(w: MainWindow) -> None:
    """With every panel hidden, the left column narrows to the sidebar's names; the room goes to the list."""
    # a dock hidden as the window goes away; or shown with the frame, sized by the last session's layout
    if w.closed or not w.complete:
        return
    panels = [d for d in w.findChildren(QDockWidget) if d is not w.library_dock]
    if any(not d.isHidden() for d in panels):
        width = max(w.library_dock.width(), LEFT_COLUMN)
    else:
        sidebar = w.sidebar
        names = sidebar.sizeHintForColumn(0) + sidebar.indentation() + 2 * sidebar.frameWidth()
        width = min(w.library_dock.width(), names + sidebar.verticalScrollBar().sizeHint().width())
    w.resizeDocks([w.library_dock], [width], Qt.Orientation.Horizontal)


def save_layout(w: MainWindow) -> None:
    """Remember the window's size, docks and splitters for the next start."""
    w.settings.set("window_layout", {
        "geometry": _hex(w.saveGeometry()),
        "state": _hex(w.saveState()),
        "splitter": _hex(w.splitter.saveState()),
        "right": _hex(w.right.saveState()),
    })  # fmt: skip


def restore_layout(w: MainWindow) -> bool:
    """Put the window back as it was left; False when there is nothing (or nothing usable) saved. The docks not
    placed yet are placed by the saved layout when it names them all (else as new, `window_frame.place_docks`)."""
    from reader.ui.window_frame import place_docks

    layout = w.settings.get("window_layout")
    try:
        parts = {k: QByteArray.fromHex(str(layout[k]).encode()) for k in ("geometry", "state", "splitter", "right")}
    except (KeyError, TypeError):  # nothing saved, or not a layout: a first start
        from reader.ui.first_layout import place_first_docks

        if not place_first_docks(w):
            place_docks(w)
        return False
    state = bytes(parts["state"].data())
    if not all(dock.objectName().encode("utf-16-be") in state for dock, _visible in w.unplaced):
        place_docks(w)  # a dock the saved layout does not know (a new panel): all are placed as new first
    ok = w.restoreGeometry(parts["geometry"])
    if not w.restoreState(parts["state"]):
        place_docks(w)
    w.unplaced = []  # placed by the layout
    w.splitter.restoreState(parts["splitter"])
    w.right.restoreState(parts["right"])
    return ok


def _hex(data: QByteArray) -> str:
    return bytes(data.toHex().data()).decode()


def new_panel(w: MainWindow, title: str, object_name: str, *, visible: bool, place: bool = True) -> QDockWidget:
    """An empty dock in the left column, under the library views; a feature gives it its widget. Not `place`d:
    made only, for the last session's layout or `window_frame.place_docks` to put."""
    dock = QDockWidget(title, w)
    dock.setObjectName(object_name)
    if place:
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        w.splitDockWidget(w.library_dock, dock, Qt.Orientation.Vertical)
        dock.setVisible(visible)
    dock.visibilityChanged.connect(lambda _shown: fit_left_column(w))
    return dock


# The palette and the shortcuts dialog are imported when first asked for, not to paint the window
def show_palette(w: MainWindow) -> None:
    from reader.ui.palette_actions import show_palette

    show_palette(w)  # commands, articles, entities and highlights (reader/ui/palette_actions.py)


def show_shortcuts(w: MainWindow) -> None:
    from reader.ui.dialogs.shortcuts import ShortcutsDialog

    ShortcutsDialog(w.registry.shortcut_rows(), w).exec()
