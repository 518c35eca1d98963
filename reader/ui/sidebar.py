"""The sidebar: library views (All, Unread, Bookmarked, Annotated, Import problems), folders, sources, tags and
saved searches, with their counts (read from the cache's count tables: `core/store/sidebar_counts.py`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from reader.ui.plain_text import escaped_tooltip
from reader.ui.qt_later import CUSTOM_CONTEXT_MENU, USER_ROLE, Qt

if TYPE_CHECKING:
    from reader.core.store.sidebar_counts import SidebarCounts, Tally

VIEWS = [("all", "All articles"), ("unread", "Unread"), ("bookmarked", "Bookmarked"),
         ("annotated", "Annotated"), ("notebook", "Notebook"), ("problems", "Import problems")]  # fmt: skip
KindRole = USER_ROLE + 1
ValueRole = USER_ROLE + 2
LabelRole = USER_ROLE + 3  # the name without its count
FOLDER_KEY = "folder:"  # set_counts key prefix for one folder's unread count: "folder:/home/me/news"


def with_count(label: str, n: int | None) -> str:
    return f"{label} ({n:,})" if n is not None else label


def source_label(name: str, tally: Tally) -> str:
    """'Tide Times (1,204, 37 unread)'; the unread part only when there are unread articles."""
    return f"{name} ({tally.all:,}, {tally.unread:,} unread)" if tally.unread else f"{name} ({tally.all:,})"


def source_spoken(name: str, tally: Tally) -> str:
    """What a screen reader says for a source: the words, not the punctuation."""
    articles = f"{tally.all:,} article" + ("" if tally.all == 1 else "s")
    return f"Source {name}: {articles}, {tally.unread:,} unread"


class Sidebar(QTreeWidget):
    """Emits `view_requested(kind, value)`: kind is "view", "folder", "source", "tag" or "search" (a saved
    search's query) or "more" (every source is wanted: the counts are shown again; not a view).

    `set_counts` takes view keys ("all", "unread", "bookmarked", "annotated", "problems") and "folder:<path>" keys.
    """

    view_requested = Signal(str, str)
    remove_folder_requested = Signal(str)
    add_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, sections_later: bool = False) -> None:
        """`sections_later`: the section titles are made unselectable by `settle_sections` (after the first paint)."""
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
        self._sources = self._section("Sources")
        self._sources.setHidden(True)
        self._tags = self._section("Tags")
        self._searches = self._section("Saved searches")
        self._searches.setHidden(True)
        self.expandAll()
        self.currentItemChanged.connect(self._emit)
        self.setProperty("contextMenuPolicy", CUSTOM_CONTEXT_MENU)  # the setter's enum would build Qt (qt_later)
        self.customContextMenuRequested.connect(self._context_menu)
        self.samples_shown = False
        self.counts: dict[str, int] = {}
        self.tag_counts: dict[str, int] = {}
        self.all_sources = False  # "More sources…" was chosen: every source is listed
        if not sections_later:
            self.settle_sections()

    def settle_sections(self) -> None:
        """The section titles cannot be chosen. They look the same either way, so a window sets this after its first
        paint: an item's flags are a Qt enum, and reading one builds all of Qt's enum classes (`qt_later`)."""
        for item in (self._library, self._folders, self._sources, self._tags, self._searches):
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)

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
        f = item.font(0)
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 0.85)
        item.setFont(0, f)
        return item

    def _emit(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        if current is None or not current.data(0, KindRole):
            return
        if current.data(0, KindRole) == "more":  # not a view: list the rest, and stay where the user was
            key = (previous.data(0, KindRole), previous.data(0, ValueRole)) if previous is not None else None
            self.all_sources = True
            self.view_requested.emit("more", "")
            self._select_quietly(key)
            return
        self.view_requested.emit(current.data(0, KindRole), current.data(0, ValueRole))

    def _select_quietly(self, key: tuple[str, str] | None) -> None:
        """Make the item of (kind, value) current again without asking for its view once more."""
        found = [i for i in self.items() if key and (i.data(0, KindRole), i.data(0, ValueRole)) == key]
        self.blockSignals(True)
        if found:
            self.setCurrentItem(found[0])
        else:
            self.clearSelection()  # gone from the list: nothing is shown as chosen
            self.selectionModel().clearCurrentIndex()
        self.blockSignals(False)

    def items(self) -> list[QTreeWidgetItem]:
        """Every item under the section headings, in the order shown."""
        sections = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        children = (s.child(i) for s in sections if s is not None for i in range(s.childCount()))
        return [c for c in children if c is not None]

    def select_source(self, name: str) -> bool:
        """Choose the listed source `name` (as a click does); False when it is not listed."""
        found = [i for i in self._sources_listed() if i.data(0, ValueRole) == name]
        if found:
            self.setCurrentItem(found[0])
        return bool(found)

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
        self._show_tag_counts()

    def _show_tag_counts(self) -> None:
        for item in (self._tags.child(i) for i in range(self._tags.childCount())):
            if item is not None:
                item.setText(0, with_count(item.data(0, LabelRole), self.tag_counts.get(item.data(0, ValueRole))))

    def show_counts(self, counts: SidebarCounts, *, problems: int) -> None:
        """Every count the sidebar shows, from one `read_counts`; the sources listed are rebuilt only when
        their names or order changed, so the chosen one stays chosen."""
        self.set_counts({
            "all": counts.library.all, "unread": counts.library.unread, "bookmarked": counts.bookmarked,
            "annotated": counts.annotated, "problems": problems,
            **{FOLDER_KEY + folder: tally.unread for folder, tally in counts.folders.items()},
        })  # fmt: skip
        self.tag_counts = dict(counts.tags)
        self._show_tag_counts()
        names = [name for name, _tally in counts.sources]
        if names != [i.data(0, ValueRole) for i in self._sources_listed()]:
            self._fill(self._sources, "source", names, str)
        rest = counts.source_total - len(names)
        more = next((i for i in self.items() if i.data(0, KindRole) == "more"), None)
        if rest > 0 and more is None:
            more = QTreeWidgetItem(self._sources)
            more.setData(0, KindRole, "more")
        if more is not None:
            more.setText(0, f"More sources… ({rest:,})")
            more.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"Show {rest:,} more sources")
            more.setHidden(rest <= 0)
        for item, (name, tally) in zip(self._sources_listed(), counts.sources, strict=False):
            item.setText(0, source_label(name, tally))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, source_spoken(name, tally))

    def _sources_listed(self) -> list[QTreeWidgetItem]:
        return [i for i in self.items() if i.data(0, KindRole) == "source"]

    def set_saved_searches(self, searches: list[tuple[str, str]]) -> None:
        """(name, query) of each saved search: choosing one runs its query in the search box."""
        self._fill(self._searches, "search", [query for _name, query in searches], str)
        for item, (name, query) in zip(self._searches_listed(), searches, strict=True):
            item.setText(0, name)
            item.setData(0, LabelRole, name)
            item.setToolTip(0, escaped_tooltip(query))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"Saved search {name}")

    def _searches_listed(self) -> list[QTreeWidgetItem]:
        children = (self._searches.child(i) for i in range(self._searches.childCount()))
        return [c for c in children if c is not None]

    def _fill(self, section: QTreeWidgetItem, kind: str, values: list[str], label: Callable[[str], str]) -> None:
        current = self.currentItem()
        key = (current.data(0, KindRole), current.data(0, ValueRole)) if current is not None else None
        was_here = current is not None and current.parent() is section
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
        section.setExpanded(True)  # a section hidden when the tree was expanded starts folded (Sources did)
        if was_here:
            self._select_quietly(key)  # the chosen item was listed again: it stays chosen
