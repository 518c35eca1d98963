"""The article list: a table model over article ids that fetches rows in pages (its view: `article_list_view`).

The model keeps one column per sort key; the view shows only the title column, drawn by `ArticleRowDelegate`
as one rich row, and its header opens the sort menu.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from reader.core.dates_display import short_date
from reader.ui.article_list_view import SORTS
from reader.ui.article_list_view import ArticleListView as ArticleListView  # the model and its view from one place
from reader.ui.article_row import BookmarkedRole, DimmedRole, MetaRole, RowRole, RowText
from reader.ui.first_frame import header_text
from reader.ui.list_count import BackgroundCount
from reader.ui.listed_ids import ListedIds
from reader.ui.plain_text import escaped_tooltip
from reader.ui.qt_later import DISPLAY_ROLE, FONT_ROLE, TEXT_ALIGNMENT_ROLE, TOOLTIP_ROLE, USER_ROLE, Qt

if TYPE_CHECKING:  # the store is imported after the window's first paint (`ArticleListModel.attach`)
    from reader.core.store.library import Library, RowInfo
    from reader.core.store.library_query import ListQuery
    from reader.core.store.library_search import Anchor

COLUMNS = ("★", "Title", "Source", "Date", "Words")
SORT_KEYS = {1: "title", 2: "source", 3: "published", 4: "words"}
PAGE = 200
ROWS_AT_ONCE = 20  # rows read and formatted together: a screenful, not a whole page after a jump
NEAR_PAGES = 3  # pages read by OFFSET (a short step over the first rows); past them, by seeking to their anchor
MAX_PAGES = 20  # pages (and their rows) kept before the cache starts again from the first
ArticleIdRole = USER_ROLE + 1

ROLES = frozenset({ArticleIdRole, FONT_ROLE, BookmarkedRole, TEXT_ALIGNMENT_ROLE, DISPLAY_ROLE, TOOLTIP_ROLE, MetaRole,
                   DimmedRole})  # fmt: skip
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
# `ListQuery()`'s order, which the header names in the first paint, before the store's modules are imported
FIRST_ORDER = ("published", True)


@cache
def kept_notes() -> dict[str, str]:
    """Why an article of the user's is listed though its file is not in the library (`store.library.KEPT_NOTES`)."""
    from reader.core.store.library import KEPT_NOTES

    return KEPT_NOTES


@dataclass(frozen=True)
class ShownRow:
    """One row's text as drawn, formatted once when its page is read (dates are not parsed on every paint)."""

    info: RowInfo
    date: str
    meta: str


class ArticleListModel(QAbstractTableModel):
    """Rows are the pages of a library search (`total` rows); ids and row text are read a page at a time."""

    total_known = Signal(int)  # a search's total, counted after its first page was shown (see `counting`)
    library: Library
    _counter: BackgroundCount

    def __init__(self, library: Library | None = None, parent: QWidget | None = None, *,
                 counted: Callable[[int], object] | None = None) -> None:  # fmt: skip
        """Without `library` the model lists nothing (its header is drawn) until `attach` (after the first paint)."""
        super().__init__(parent)
        self._query: ListQuery | None = None  # the view and its order; the search box's words are `text`
        self.text = ""
        self.total = 0  # the rows listed: while `counting`, only the first page's
        self.counting = False  # a search's total is being counted in another thread (`BackgroundCount`)
        self._matches = 0  # at least how many match: how further pages are read (see `page_sql`)
        self._generation = 0  # which `set_query` a count belongs to
        if counted is not None:
            self.total_known.connect(counted)
        self.ids = ListedIds(self)
        self._pages: dict[int, list[str]] = {}
        self._rows: dict[str, ShownRow] = {}
        self._texts: dict[int, RowText] = {}  # what each row painted lately draws: a repaint is one dict lookup
        self._found: dict[str, int] = {}  # rows of ids looked up off the loaded pages, until the next reload
        self._anchors: list[Anchor] | None = None  # where each page starts, once read in the background
        self.anchoring = False  # they are being read
        self.bookmarked: set[str] = set()
        self.read: set[str] = set()
        self._bold = QFont()
        self._bold.setBold(True)
        if library is not None:
            self.attach(library)

    def attach(self, library: Library) -> None:
        """List from `library` from now on (its rows are read by `set_query`)."""
        self.library = library
        self._counter = BackgroundCount(library, self)
        self._counter.counted.connect(self._on_counted)
        self._counter.anchored.connect(self._on_anchored)

    @property
    def query(self) -> ListQuery:
        """The view and the order the list shows (the search box's words are `text`)."""
        if self._query is None:
            from reader.core.store.library_query import ListQuery

            self._query = ListQuery()
        return self._query

    @query.setter
    def query(self, query: ListQuery) -> None:
        self._query = query

    # --- loading ---------------------------------------------------------------------------

    def set_query(self, query: ListQuery, text: str = "") -> None:
        """List what the search box's `text` finds within `query` (the view and its order); the cached pages
        are dropped. Raises `QueryError` (a ValueError) and keeps the list as it was for words it cannot run."""
        first = self.library.search(text, limit=PAGE, offset=0, base=query, count=False)
        self._generation += 1
        self._counter.cancel()
        self.beginResetModel()
        self.query, self.text = query, text
        self._start(first.ids, first.total if first.counted else len(first.ids))
        self._matches, self.counting = first.total, not first.counted
        self.endResetModel()
        self._background()

    def _background(self) -> None:
        """The first page is shown now: the count (if left out) and the pages' anchors follow from the thread, started
        once the window is back in its event loop, so its SQLite work does not take a core from painting that page."""
        self.anchoring = self.total > NEAR_PAGES * PAGE or self.counting
        if self.counting or self.anchoring:
            QTimer.singleShot(0, self, lambda generation=self._generation: self._start_background(generation))

    def _start_background(self, generation: int) -> None:
        if generation == self._generation and self.busy:  # not a list replaced (or cleared) meanwhile
            self._counter.start(generation, self.text, self.query, count=self.counting,
                                every=PAGE if self.anchoring else 0)  # fmt: skip

    @property
    def busy(self) -> bool:
        """Whether the count or the anchors of the list shown are still being read in the background."""
        return self.counting or self.anchoring

    def _on_anchored(self, generation: int, anchors: list[Anchor]) -> None:
        if generation == self._generation:
            self._anchors, self.anchoring = anchors, False

    def _on_counted(self, generation: int, total: int) -> None:
        if generation != self._generation or not self.counting:
            return  # a count for a list no longer shown
        self.counting = False
        self._matches = total
        if total > self.total:
            self.beginInsertRows(NO_PARENT, self.total, total - 1)
            self.total = total
            self.endInsertRows()
        self.total_known.emit(total)

    def release_background(self) -> None:
        """Close the background count's connection and thread while no count runs (the next count opens them)."""
        if not self.busy:
            self._counter.stop()

    def reload(self) -> None:
        """Run the same query again (the library or the user's marks changed)."""
        self.set_query(self.query, self.text)

    def clear(self) -> None:
        """Show no rows (the window is closing); no count is left running."""
        self._generation += 1
        if hasattr(self, "_counter"):  # not when closed before the library was given
            self._counter.stop()
        self.beginResetModel()
        self._start([], 0)
        self._matches, self.counting, self.anchoring = 0, False, False
        self.endResetModel()

    def _start(self, first: list[str], total: int) -> None:
        self.total = total
        self._pages = {0: first}
        self._rows.clear()
        self._texts.clear()
        self._found.clear()
        self._anchors = None

    def _page(self, number: int) -> list[str]:
        ids = self._pages.get(number)
        if ids is None:
            from reader.core.store.library_query import SORT_COLUMNS

            if len(self._pages) > MAX_PAGES:  # a long scroll: keep memory flat, not every page seen
                self._pages = {0: self._pages[0]}
            anchor = self._anchor(number)
            end = min(self.total, (number + 1) * PAGE)
            if anchor is None and number * PAGE > self.total // 2 and self.query.sort in SORT_COLUMNS:
                # anchors not read yet: a page nearer the end is read from the end, in the opposite order
                back = replace(self.query, descending=not self.query.descending)
                ids = self.library.search_page(self.text, total=self._matches, limit=end - number * PAGE,
                                               offset=self.total - end, base=back)[::-1]  # fmt: skip
            else:
                start = 0 if anchor else number * PAGE
                ids = self.library.search_page(self.text, total=self._matches, limit=PAGE, offset=start,
                                               base=self.query, seek=anchor)  # fmt: skip
            self._pages[number] = ids
        return ids

    def _anchor(self, number: int) -> Anchor | None:
        """Where page `number` starts (its first row's sort key and id) once the anchors are read: a far page is
        then found by seeking in the sort index, not by stepping over the rows before it."""
        anchors = self._anchors
        return anchors[number] if number >= NEAR_PAGES and anchors and number < len(anchors) else None

    def all_ids(self) -> list[str]:
        """Every listed id in order, read in one query (for acts on the whole list, not for painting)."""
        total = self.total if not self.counting else self.library.count_matches(self.text, base=self.query)
        return self.library.search_page(self.text, total=max(total, self._matches), limit=max(1, total), offset=0,
                                        base=self.query)  # fmt: skip

    def id_at(self, row: int) -> str:
        """The id listed at `row` ("" past the end: the library changed and the list has not been run again)."""
        ids = self._page(row // PAGE)
        return ids[row % PAGE] if row % PAGE < len(ids) else ""

    def set_marks(self, *, bookmarked: set[str] | None = None, read: set[str] | None = None) -> None:
        """Update the bookmark/read marks shown, repainting only what is visible."""
        if bookmarked is not None:
            self.bookmarked = bookmarked
        if read is not None:
            self.read = read
        self._texts.clear()
        if self.total:
            self.dataChanged.emit(self.index(0, 0), self.index(self.total - 1, len(COLUMNS) - 1))

    def update_marks(self, article_id: str, *, bookmarked: bool, read: bool) -> None:
        """One article's marks changed: repaint its row only."""
        for marks, on in ((self.bookmarked, bookmarked), (self.read, read)):
            if on:
                marks.add(article_id)
            else:
                marks.discard(article_id)
        row = self.row_of(article_id)
        self._texts.pop(row, None)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def place_of(self, article_id: str) -> int:
        """`row_of`, except while a search is being counted: an article past its first page then answers
        `total` (listed, its row known once counted) or -1, from one look-up, so a search typed while an
        article is open paints its first page without counting the matches before that article."""
        if not self.counting or any(article_id in ids for ids in self._pages.values()) or article_id in self._found:
            return self.row_of(article_id)
        return self.total if article_id and self.library.lists(article_id, self.text, self.query) else -1

    def row_of(self, article_id: str) -> int:
        """The row listing `article_id`, or -1: from the loaded pages, else asked of the library once."""
        for number, ids in self._pages.items():
            if article_id in ids:
                return number * PAGE + ids.index(article_id)
        if article_id not in self._found:
            self._found[article_id] = self.library.position(article_id, self.text, self.query) if article_id else -1
        return self._found[article_id]

    def _row(self, row: int) -> ShownRow | None:
        article_id = self.id_at(row)
        shown = self._rows.get(article_id)
        if shown is None and article_id:
            if len(self._rows) > MAX_PAGES * PAGE:
                self._rows.clear()
            # from this row on (the view paints downwards), only rows not read yet: a screenful after a jump
            start = row % PAGE
            wanted = [i for i in self._page(row // PAGE)[start : start + ROWS_AT_ONCE] if i not in self._rows]
            for info in self.library.rows(wanted).values():
                date = short_date(info.published) if info.published else ""
                self._rows[info.id] = ShownRow(info, date, meta_line(info, date))
            shown = self._rows.get(article_id)
        return shown

    def row_text(self, row: int) -> RowText | None:
        """What `row` draws (the `RowRole`), asked by the delegate directly: no QModelIndex and QVariant on the way."""
        text = self._texts.get(row)
        return self._row_text(row) if text is None else text

    def _row_text(self, row: int) -> RowText | None:
        shown = self._row(row)
        if shown is None:
            return None
        article_id = shown.info.id
        if len(self._texts) >= MAX_PAGES * PAGE:  # a long scroll: memory stays flat
            self._texts.clear()
        text = self._texts[row] = RowText(shown.info.title or "(untitled)", shown.meta, article_id in self.bookmarked,
                                          bool(shown.info.status), article_id not in self.read)  # fmt: skip
        return text

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role not in (DISPLAY_ROLE, TOOLTIP_ROLE):
            return None
        text, tip = self.header_labels()[section]
        return text if role == DISPLAY_ROLE else tip or None

    def header_labels(self) -> list[tuple[str, str]]:
        """Each column's header text and tooltip, as `headerData` gives them; the view's header shows these."""
        tips = {0: "Bookmarked", 1: "Change the order of the list"}
        return [(header_text(self.sort_label()) if c == 1 else name, tips.get(c, "")) for c, name in enumerate(COLUMNS)]

    def data(self, index: Index, role: int = DISPLAY_ROLE):
        if role == RowRole:  # what the delegate asks of a model without `row_text`
            return self.row_text(index.row())
        if role not in ROLES or not index.isValid():  # the many roles a view asks about and a row never has
            return None
        article_id = self.id_at(index.row())
        if role == ArticleIdRole:
            return article_id
        if role == Qt.ItemDataRole.FontRole:
            return None if article_id in self.read else self._bold
        if role == BookmarkedRole:
            return article_id in self.bookmarked
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4):
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if index.column() == 4
                else int(Qt.AlignmentFlag.AlignCenter)
            )
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, MetaRole, DimmedRole):
            return None
        shown = self._row(index.row())
        if shown is None:
            return None
        info = shown.info
        if role == DimmedRole:
            return bool(info.status)
        if role == MetaRole:
            return shown.meta
        col = index.column()
        if col == 0:
            return "★" if article_id in self.bookmarked else ""
        if col == 1:
            return (
                info.title or "(untitled)"
                if role == Qt.ItemDataRole.DisplayRole
                else escaped_tooltip(info.title, info.path, kept_notes().get(info.status, ""))
            )
        if col == 2:
            return info.source
        if col == 3:
            return shown.date if role == Qt.ItemDataRole.DisplayRole else info.published
        return f"{info.words:,}"

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Sort by a column's key; the current and selected rows follow their articles."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.query = replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()  # the views save their current and selected rows as persistent indexes
        old = self.persistentIndexList()
        moved = [self.id_at(i.row()) for i in old]
        self._start(self.library.search_page(self.text, total=self._matches, limit=PAGE, offset=0, base=self.query),
                    self.total)  # fmt: skip
        self._generation += 1  # the anchors of the old order are of no use
        self._background()
        if old:  # a few ids (current, selected), each found in the new order
            rows = [self.row_of(article_id) for article_id in moved]
            new = [self.index(r, i.column()) if r >= 0 else QModelIndex() for r, i in zip(rows, old, strict=True)]
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def sort_label(self) -> str:
        """The current order in the sort menu's words."""
        sort, descending = FIRST_ORDER if self._query is None else (self._query.sort, self._query.descending)
        for label, column, down in SORTS:
            if SORT_KEYS[column] == sort and down == descending:
                return label
        return f"By {sort}"


def meta_line(info: RowInfo, date: str | None = None) -> str:
    """The row's second line: source, date and length, after why the file is not in the library (if so)."""
    words = f"{info.words:,} word{'' if info.words == 1 else 's'}" if info.words else "no text, a link only"
    # the source in a bidi isolate: an Arabic or Hebrew name must not pull the date's digits into its run
    source = f"\u2068{info.source}\u2069" if info.source else ""
    if date is None:
        date = short_date(info.published) if info.published else ""
    parts = (kept_notes().get(info.status, ""), source, date, words)
    return " · ".join(part for part in parts if part)
