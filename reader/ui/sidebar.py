"""The sidebar: library views (All, Unread, Bookmarked, Annotated, Import problems), folders, tags, with counts."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.store.library import Library
from reader.core.store.unread_counts import unread_counts as count_unread
from reader.ui.plain_text import escaped_tooltip

VIEWS = [("all", "All articles"), ("unread", "Unread"), ("bookmarked", "Bookmarked"),
         ("annotated", "Annotated"), ("notebook", "Notebook"), ("problems", "Import problems")]  # fmt: skip
KindRole = Qt.ItemDataRole.UserRole + 1
ValueRole = Qt.ItemDataRole.UserRole + 2
LabelRole = Qt.ItemDataRole.UserRole + 3  # the name without its count
FOLDER_KEY = "folder:"  # set_counts key prefix for one folder's unread count: "folder:/home/me/news"


def with_count(label: str, n: int | None) -> str:
    return f"{label} ({n:,})" if n is not None else label


def unread_counts(library: Library, folders: Iterable[str]) -> dict[str, int]:
    """The unread counts `Sidebar.set_counts` shows: "unread" and one "folder:<path>" per folder, counted in
    the cache's indexes against the user's read marks (`core/store/unread_counts.py`), never by listing ids."""
    return count_unread(library.db, folders)


class Sidebar(QTreeWidget):
    """Emits `view_requested(kind, value)`: kind is "view", "folder" or "tag".

    `set_counts` takes view keys ("all", "unread", "bookmarked", "annotated", "problems") and "folder:<path>" keys.
    """

    view_requested = Signal(str, str)
    remove_folder_requested = Signal(str)
    add_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self._library = self._section("Library")
        self._views: dict[str, QTreeWidgetItem] = {}
        for key, label in VIEWS:
            item = QTreeWidgetItem(self._library, [label])
            item.setData(0, KindRole, "view")
            item.setData(0, ValueRole, key)
            self._views[key] = item
        self._folders = self._section("Folders")
        self._tags = self._section("Tags")
        self.expandAll()
        self.currentItemChanged.connect(self._emit)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.samples_shown = False
        self.counts: dict[str, int] = {}

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        menu = QMenu(self)
        if item is not None and item.data(0, KindRole) == "folder" and not self.samples_shown:
            folder = item.data(0, ValueRole)
            menu.addAction("Remove from Library", lambda: self.remove_folder_requested.emit(folder))
        menu.addAction("Add Folder…", self.add_folder_requested.emit)
        menu.exec(self.viewport().mapToGlobal(pos))

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title.upper()])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        f = item.font(0)
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 0.85)
        item.setFont(0, f)
        return item

    def _emit(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None and current.data(0, KindRole):
            self.view_requested.emit(current.data(0, KindRole), current.data(0, ValueRole))

    def select_view(self, key: str) -> None:
        self.setCurrentItem(self._views[key])

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show these counts after the names; keys not given keep the count they had."""
        self.counts.update(counts)
        for key, label in VIEWS:
            self._views[key].setText(0, with_count(label, self.counts.get(key)))
        self._show_folder_counts()

    def _show_folder_counts(self) -> None:
        for item in (self._folders.child(i) for i in range(self._folders.childCount())):
            if item is not None:
                n = self.counts.get(FOLDER_KEY + item.data(0, ValueRole))
                item.setText(0, with_count(item.data(0, LabelRole), n))

    def set_folders(self, folders: list[str], *, samples: bool = False) -> None:
        self.samples_shown = samples
        self._fill(self._folders, "folder", folders, lambda f: f.rstrip("/").rsplit("/", 1)[-1] or f)
        first = self._folders.child(0)
        if samples and first is not None:
            first.setData(0, LabelRole, "Sample library")
        self._show_folder_counts()

    def set_tags(self, tags: list[str]) -> None:
        self._fill(self._tags, "tag", tags, lambda t: f"#{t}")

    def _fill(self, section: QTreeWidgetItem, kind: str, values: list[str], label: Callable[[str], str]) -> None:
        self.blockSignals(True)
        section.takeChildren()
        for v in values:
            item = QTreeWidgetItem(section, [label(v)])
            item.setData(0, LabelRole, label(v))
            item.setToolTip(0, escaped_tooltip(v))
            item.setData(0, KindRole, kind)
            item.setData(0, ValueRole, v)
        self.blockSignals(False)
        section.setHidden(not values)
