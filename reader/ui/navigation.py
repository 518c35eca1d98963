"""Keyboard navigation commands: unread articles, first/last, paging into the next unread, focus areas, focus mode.

Kept out of `main_window.py` (at its size limit); each command works on the window's list, pane and
docks only, so it needs no mouse and writes nothing but the read mark that opening an article makes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDockWidget, QWidget

from reader.settings import DEFAULTS
from reader.ui.notebook_view import focus_list_or_filter

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def step_unread(w: MainWindow, step: int) -> bool:
    """Select the nearest unread article after (1) or before (-1) the current row; False when there is none."""
    ids = w.model.ids
    if not ids:
        return False
    read = w.store.read_ids()
    current = w.list_view.currentIndex()
    row = current.row() if current.isValid() else (-1 if step > 0 else len(ids))
    row += step
    while 0 <= row < len(ids):
        if ids[row] not in read:
            w.select_row(row)
            return True
        row += step
    return False


def unread(w: MainWindow, step: int) -> None:
    """n / p: the next or previous unread article, or say there is none."""
    if not step_unread(w, step):
        w.show_message(f"No {'more' if step > 0 else 'earlier'} unread articles in this list.", 3000)


def page_or_next_unread(w: MainWindow) -> None:
    """Space: a page down; at the article's end, the next unread article."""
    if not w.reading_pane.page(1):
        unread(w, 1)


def first_or_last(w: MainWindow, last: bool) -> None:
    """Home / End: the first or last article of the list."""
    if w.model.ids:
        w.select_row(len(w.model.ids) - 1 if last else 0)


def reset_font(w: MainWindow) -> None:
    """Ctrl+0: the reading text back to its default size."""
    w.change_font_size(int(DEFAULTS["reading_font_size"]) - int(w.settings.get("reading_font_size")))


class FocusMode(QObject):
    """F11: only the reading pane and its notes; the library column and the list are hidden, then restored.

    Closing the window leaves focus mode first, so the layout saved for the next start has everything shown.
    """

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.w = w
        self.hidden: list[QWidget] = []
        w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if obj is self.w and event.type() == QEvent.Type.Close:
            self.leave()
        return False

    @property
    def on(self) -> bool:
        return bool(self.hidden)

    def toggle(self) -> None:
        if self.on:
            self.leave()
            self.w.show_message("Focus mode off", 2000)
            return
        left = self.w.splitter.widget(0)
        docks = [d for d in self.w.findChildren(QDockWidget) if d.isVisible()]
        self.hidden = [*docks, left] if left is not None and left.isVisible() else list(docks)
        for widget in self.hidden:
            widget.hide()
        self.w.reading_pane.setFocus()
        self.w.show_message("Focus mode: F11 brings back the list and the sidebar", 4000)

    def leave(self) -> None:
        """Show again what focus mode hid (and nothing it did not)."""
        for widget in self.hidden:
            widget.show()
        self.hidden = []

    def back_to_list(self, *, filter_box: bool) -> None:
        """Esc and /: the list (or its search box) is shown again before it takes the keys."""
        self.leave()
        focus_list_or_filter(self.w, filter_box=filter_box)


def focus_area(w: MainWindow, mode: FocusMode, area: str) -> None:
    """Ctrl+1/2/3: the keys to the sidebar, the list or the reading pane (leaving focus mode for the first two)."""
    if area != "pane" and mode.on:
        mode.leave()
    if area == "sidebar":
        w.sidebar.setFocus()
    elif area == "list":
        w.focus_list()
    else:
        w.reading_pane.setFocus()


def install_navigation(w: MainWindow, mode: FocusMode) -> None:
    """Register the navigation commands on the window's registry."""
    add = w.registry.add
    add("unread-next", "Next &Unread Article", lambda: unread(w, 1), menu="&Go",
        help="Select the next unread article in the list")  # fmt: skip
    add("unread-previous", "Previous Unrea&d Article", lambda: unread(w, -1), menu="&Go",
        help="Select the previous unread article in the list")  # fmt: skip
    add("article-first", "&First Article", lambda: first_or_last(w, False), menu="&Go",
        help="Select the first article in the list")  # fmt: skip
    add("article-last", "&Last Article", lambda: first_or_last(w, True), menu="&Go",
        help="Select the last article in the list")  # fmt: skip
    add("sidebar-focus", "Go to the Side&bar", lambda: focus_area(w, mode, "sidebar"), menu="&Go",
        help="Put the keys on the sidebar's views, folders and tags")  # fmt: skip
    add("pane-focus", "Go to the &Article Text", lambda: focus_area(w, mode, "pane"), menu="&Go",
        help="Put the keys on the reading pane")  # fmt: skip
    add("focus-mode", "&Focus Mode", mode.toggle, menu="&View",
        help="Hide the sidebar, the panels and the list to read; again to bring them back")  # fmt: skip
    add("font-reset", "&Normal Text Size", lambda: reset_font(w), menu="&View",
        help="Put the reading text back to its default size")  # fmt: skip
