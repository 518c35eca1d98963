"""The sidebar: library views (All, Unread, Bookmarked, Annotated, Import problems), folders, tags."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QWidget

VIEWS = [("all", "All articles"), ("unread", "Unread"), ("bookmarked", "Bookmarked"),
         ("annotated", "Annotated"), ("problems", "Import problems")]  # fmt: skip
KindRole = Qt.ItemDataRole.UserRole + 1
ValueRole = Qt.ItemDataRole.UserRole + 2


class Sidebar(QTreeWidget):
    """Emits `view_requested(kind, value)`: kind is "view", "folder" or "tag"."""

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

    def _context_menu(self, pos) -> None:
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
        for key, label in VIEWS:
            n = counts.get(key)
            self._views[key].setText(0, f"{label}  ({n:,})" if n is not None else label)

    def set_folders(self, folders: list[str], *, samples: bool = False) -> None:
        self.samples_shown = samples
        self._fill(self._folders, "folder", folders, lambda f: f.rstrip("/").rsplit("/", 1)[-1] or f)
        first = self._folders.child(0) if samples else None
        if first is not None:
            first.setText(0, "Sample library")

    def set_tags(self, tags: list[str]) -> None:
        self._fill(self._tags, "tag", tags, lambda t: f"#{t}")

    def _fill(self, section: QTreeWidgetItem, kind: str, values: list[str], label) -> None:
        self.blockSignals(True)
        section.takeChildren()
        for v in values:
            item = QTreeWidgetItem(section, [label(v)])
            item.setToolTip(0, v)
            item.setData(0, KindRole, kind)
            item.setData(0, ValueRole, v)
        self.blockSignals(False)
        section.setHidden(not values)
