"""The notebook: every highlight and article note of the user in one list, beside All / Unread / Bookmarked.

A filter bar (text in quotes and notes, colour, source, tag, the days they were made, the order) over the
list and its count; Enter or a double click opens the article at the highlight; e (in the list) or the
Export… button writes the filtered set as Markdown, HTML, W3C JSON or a Readwise CSV.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotation import HIGHLIGHT_COLORS
from reader.core.store.db import utc_now
from reader.core.store.notebook_query import NOTE_PREFIX, NotebookQuery, notebook_sources, ordered_rows
from reader.core.styles import HIGHLIGHT_STYLES
from reader.ui.notebook_model import ArticleIdRole, EntryIdRole, NotebookDelegate, NotebookModel
from reader.ui.plain_text import message_box

if TYPE_CHECKING:
    from reader.core.session import Changes
    from reader.ui.main_window import MainWindow

NO_ENTRIES = ("No highlights or notes yet.\n\n"
              "Select text in an article and press h to highlight it, or n to write a note.")
NO_MATCH = "No highlights or notes match these filters."
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
W = TypeVar("W", bound=QWidget)
_OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _tip(widget: W, text: str) -> W:
    widget.setToolTip(text)
    return widget


def count_text(highlights: int, notes: int) -> str:
    """'1 highlight', '3 highlights · 1 note'."""
    text = f"{highlights:,} highlight" + ("" if highlights == 1 else "s")
    return text + (f" · {notes:,} note" + ("" if notes == 1 else "s") if notes else "")


class NotebookList(QListView):
    """The entries; Enter opens, e exports (taken before the window's own e, as text fields take letters)."""

    open_requested = Signal(QModelIndex)
    export_requested = Signal()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) and self._own_key(e):
            e.accept()
            return True
        return super().event(e)

    @staticmethod
    def _own_key(e: QKeyEvent) -> bool:
        plain = e.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        return plain and (e.key() in _OPEN_KEYS or e.key() == Qt.Key.Key_E)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if self._own_key(e):
            if e.key() == Qt.Key.Key_E:
                self.export_requested.emit()
            elif self.currentIndex().isValid():
                self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(e)


class NotebookView(QWidget):
    """The filter bar, the count, the list (or why it is empty) and the Export… button."""

    open_requested = Signal(str, str)  # article id, entry id (a highlight's id, or note:<article id>)
    message = Signal(str)

    def __init__(self, db: sqlite3.Connection | Callable[[], sqlite3.Connection], tags: list[str] | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("notebook")
        self.model = NotebookModel(db, self)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.apply_filters)
        self.text_box = QLineEdit(placeholderText="Search quotes and notes", clearButtonEnabled=True)
        self.text_box.setObjectName("notebookSearch")
        self.text_box.textChanged.connect(lambda _t: self._timer.start())
        self.color_box = _tip(QComboBox(), "Only highlights of this colour")
        self.color_box.addItem("Any colour", "")
        for name in HIGHLIGHT_COLORS:
            self.color_box.addItem(HIGHLIGHT_STYLES[name].label.replace("&", ""), name)
        self.source_box = _tip(QComboBox(), "Only articles from this source")
        self.tag_box = _tip(QComboBox(), "Only articles with this tag")
        self.from_box = _tip(QLineEdit(placeholderText="From YYYY-MM-DD"), "Made on or after this day")
        self.to_box = _tip(QLineEdit(placeholderText="To YYYY-MM-DD"), "Made on or before this day")
        self.order_box = _tip(QComboBox(), "The order of the list")
        self.order_box.addItem("Newest first", "newest")
        self.order_box.addItem("By article", "article")
        for box in (self.color_box, self.source_box, self.tag_box, self.order_box):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for line in (self.from_box, self.to_box):
            line.setMaximumWidth(120)
            line.textChanged.connect(lambda _t: self._timer.start())
        self.count_label = QLabel()
        self.count_label.setObjectName("notebookCount")
        self.export_button = _tip(QPushButton("Export…"), "Export the highlights and notes listed (e)")
        self.export_button.clicked.connect(self.export_dialog)
        self.entry_list = NotebookList()
        self.text_box.returnPressed.connect(self.entry_list.setFocus)
        self.entry_list.setObjectName("notebookList")
        self.entry_list.setModel(self.model)
        self.entry_list.setItemDelegate(NotebookDelegate(self.entry_list))
        self.entry_list.setUniformItemSizes(True)
        self.entry_list.setAlternatingRowColors(True)
        self.entry_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entry_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry_list.open_requested.connect(self._open)
        self.entry_list.doubleClicked.connect(self._open)
        self.entry_list.export_requested.connect(self.export_dialog)
        self.empty_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("notebookEmpty")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.entry_list)
        self.stack.addWidget(self.empty_label)
        self._build_layout()
        self.set_tags(tags or [])

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for w in (self.color_box, self.source_box, self.tag_box):
            filters.addWidget(w)
        dates = QHBoxLayout()
        for widget in (self.from_box, self.to_box, self.order_box):
            dates.addWidget(widget)
        dates.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.text_box)
        lay.addLayout(filters)
        lay.addLayout(dates)
        lay.addWidget(self.stack, 1)
        lay.addLayout(bottom)

    # --- filters -----------------------------------------------------------------------------

    @staticmethod
    def _fill(box: QComboBox, anything: str, values: list[str]) -> None:
        """Replace a combo's choices, keeping the chosen one when it is still there."""
        chosen = box.currentData() or ""
        box.blockSignals(True)
        box.clear()
        box.addItem(anything, "")
        for v in values:
            box.addItem(v, v)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)

    def set_tags(self, tags: list[str]) -> None:
        self._fill(self.tag_box, "Any tag", tags)

    def query(self) -> NotebookQuery:
        """The filters as a query; ValueError (in words to act on) for a day not written as YYYY-MM-DD."""
        days = []
        for box in (self.from_box, self.to_box):
            day = box.text().strip()
            if day and not _DAY.match(day):
                raise ValueError(f"Write days as YYYY-MM-DD, e.g. 2026-03-01 (not “{day}”).")
            days.append(day)
        return NotebookQuery(
            text=self.text_box.text(), color=self.color_box.currentData() or "", tag=self.tag_box.currentData() or "",
            source=self.source_box.currentData() or "", date_from=days[0], date_to=days[1],
            order=self.order_box.currentData() or "newest",
        )

    def refresh(self) -> None:
        """Read the sources and run the query again (the notebook is shown, or its entries changed)."""
        self._fill(self.source_box, "Any source", notebook_sources(self.model.db))
        self.apply_filters()

    def apply_filters(self, *, keep: bool = True) -> None:
        """Run the query for the filters as they are, keeping the current entry and the scroll."""
        try:
            query = self.query()
        except ValueError as exc:
            self.count_label.setText(str(exc))
            return
        current = self.entry_list.currentIndex().data(EntryIdRole) if keep else None
        where = self.entry_list.verticalScrollBar().value()
        self.model.set_query(query)
        if current and (row := self.model.row_of(current)) >= 0:
            self.entry_list.setCurrentIndex(self.model.index(row, 0))
        self.entry_list.verticalScrollBar().setValue(where)
        highlights, notes = self.model.counts()
        self.count_label.setText(count_text(highlights, notes))
        filtered = replace(query, order="newest") != NotebookQuery()
        self.empty_label.setText(NO_MATCH if filtered else NO_ENTRIES)
        self.stack.setCurrentWidget(self.entry_list if self.model.ids else self.empty_label)
        self.export_button.setEnabled(bool(self.model.ids))

    # --- opening and exporting ---------------------------------------------------------------

    def _open(self, index: QModelIndex) -> None:
        article_id = index.data(ArticleIdRole)
        if article_id:
            self.open_requested.emit(article_id, index.data(EntryIdRole))

    def export_dialog(self) -> None:
        """Ask for a file and a format (from the file type chosen), then write the listed entries."""
        if not self.model.ids:
            self.message.emit("There is nothing listed to export.")
            return
        # imported here: the export modules are not needed to show the window (start-up time)
        from reader.core.export.notebook_export import FORMAT_LABELS, NOTEBOOK_FORMATS

        filters = {f"{FORMAT_LABELS[f]} (*{ext})": f for f, ext in NOTEBOOK_FORMATS.items()}
        path, chosen = QFileDialog.getSaveFileName(self, "Export the notebook", str(Path.home() / "notebook.md"),
                                                   ";;".join(filters))  # fmt: skip
        if path:
            fmt = next((f for f, ext in NOTEBOOK_FORMATS.items() if path.lower().endswith(ext)), filters.get(chosen))
            # the file dialog already asked before replacing an existing file
            self.export_to(Path(path), fmt or "md", force=True)

    def export_to(self, path: Path, fmt: str, *, force: bool = False) -> bool:
        """Write the listed entries, in the list's order, to `path`; a failure is said in a box."""
        from reader.core.export.notebook_export import write_notebook

        rows = ordered_rows(self.model.db, self.model.ids)
        try:
            write_notebook(rows, fmt, path, force=force, exported=utc_now())
        except FileExistsError:
            message_box(self, QMessageBox.Icon.Warning, "Export failed",
                        f"{path} exists already. Choose another name, or agree to replace it.")  # fmt: skip
            return False
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, "Export failed",
                        f"Could not write {path}: {exc.strerror or exc}. Choose another folder.")  # fmt: skip
            return False
        self.message.emit(f"Exported {len(rows):,} to {path}")
        return True


# --- in the window ---------------------------------------------------------------------------------


def install_notebook(w: MainWindow) -> None:
    """Add the notebook to the window's stack of list views; it follows every write to highlights and notes."""
    w.notebook = NotebookView(lambda: w.library.db, w.store.all_tags())  # the cache is opened after the first paint
    w.list_stack.addWidget(w.notebook)
    w.notebook.open_requested.connect(lambda article_id, entry_id: open_entry(w, article_id, entry_id))
    w.notebook.message.connect(lambda text: w.show_message(text, 6000))
    w.operations.changes_applied.connect(lambda changes, _initiator: _follow(w, changes))


def _follow(w: MainWindow, changes: Changes) -> None:
    if changes.tags or changes.bookmarks:
        w.notebook.set_tags(w.store.all_tags())
    if w.list_stack.currentWidget() is w.notebook and (changes.highlights or changes.notes or changes.tags):
        w.notebook.refresh()


def open_entry(w: MainWindow, article_id: str, entry_id: str) -> bool:
    """Show the article in the reading pane with the highlight's text selected and in view (the note: focused)."""
    w.show_article(article_id)
    if w.current_id != article_id:
        w.show_message("This article is no longer in the library's cache: add its folder again to read it. "
                       "Its highlights and notes are kept.", 10000)  # fmt: skip
        return False
    if entry_id.startswith(NOTE_PREFIX):
        w.focus_note()
        return True
    h = w.store.get_highlight(entry_id)
    if h is None or h.orphan:
        w.show_message("This highlight's passage is no longer in the article; its quote stays in the notebook.", 8000)
        return False
    pane = w.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(h.start))
    cursor.setPosition(pane.doc_position(h.end), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.scroll_to_offset(h.start)
    pane.setFocus()
    return True


def focus_list_or_filter(w: MainWindow, *, filter_box: bool) -> None:
    """Esc and /: the list or the filter box of the view shown (the notebook has its own search box)."""
    if w.list_stack.currentWidget() is not w.notebook:
        w.focus_filter() if filter_box else w.focus_list()
    elif filter_box:
        w.notebook.text_box.setFocus()
        w.notebook.text_box.selectAll()
    else:
        w.notebook.entry_list.setFocus()
        if not w.notebook.entry_list.currentIndex().isValid() and w.notebook.model.ids:
            w.notebook.entry_list.setCurrentIndex(w.notebook.model.index(0, 0))
