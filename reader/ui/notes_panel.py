"""The notes panel: the article's own note (saved as you type) beside the list of its highlights and their notes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotation import Highlight
from reader.core.export.note_markdown import note_html
from reader.core.export.note_plain import note_plain_text
from reader.core.session import Changes
from reader.ui.operations import FAILED, Operations

SAVE_DELAY_MS = 400
QUOTE_CHARS = 140
HighlightIdRole = Qt.ItemDataRole.UserRole + 1


class NotesPanel(QWidget):
    """A plain-text (Markdown) note for the current article, and its highlights in text order.

    The highlights list only emits intent (`highlight_chosen`, `*_requested`); the annotation
    feature scrolls, edits and deletes.
    """

    note_saved = Signal(str)  # article id, after its note was written (never when the write failed)
    highlight_chosen = Signal(str)  # highlight id: show it in the reading pane
    highlight_edit_requested = Signal(str)  # highlight id: edit its note
    highlight_delete_requested = Signal(str)  # highlight id

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.session = operations.session
        self.article_id: str | None = None
        self._unsaved: dict[str, tuple[str, str]] = {}  # article id -> (text, path) the database refused
        self.article_path = ""
        self.label = QLabel("Note")
        self.label.setObjectName("notesLabel")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText("Write a note about this article (Markdown). Saved as you type.")
        self.editor.setEnabled(False)
        self.highlights_label = QLabel("Highlights")
        self.highlights_label.setObjectName("highlightsLabel")
        self.highlights_list = QListWidget()
        self.highlights_list.setObjectName("highlightsList")
        self.highlights_list.setWordWrap(True)
        self.highlights_list.setUniformItemSizes(False)
        self.highlights_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.highlights_list.itemClicked.connect(self._choose)
        self.highlights_list.currentItemChanged.connect(lambda item, _old: self._choose(item))
        self.highlights_list.itemActivated.connect(self._choose)
        self.highlights_list.customContextMenuRequested.connect(self._context_menu)
        self._build_layout()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._timer.start)
        operations.changes_applied.connect(self._on_changes)

    def _build_layout(self) -> None:
        note_side, list_side = QWidget(), QWidget()
        for side, label, body in ((note_side, self.label, self.editor),
                                  (list_side, self.highlights_label, self.highlights_list)):  # fmt: skip
            lay = QVBoxLayout(side)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(label)
            lay.addWidget(body)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(note_side)
        self.splitter.addWidget(list_side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.splitter)

    # --- the article note --------------------------------------------------------------------

    def set_article(self, article_id: str | None, path: str = "") -> None:
        """Save what is pending for the previous article, then show this one's note.

        A note the database refused is shown again as it was typed (and saved when it can be).
        """
        self.flush()
        if article_id != self.article_id:
            self.set_highlights([])
        self.article_id = article_id
        self.article_path = path
        unsaved = self._unsaved.get(article_id) if article_id else None
        self._show_text(unsaved[0] if unsaved else self.session.store.note(article_id) if article_id else "")
        self.editor.setEnabled(article_id is not None)

    def _show_text(self, text: str) -> None:
        self.editor.blockSignals(True)  # showing the stored note is not typing
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)

    def flush(self) -> bool:
        """Write the note now if it changed (the timer, switching, closing); False when it could not be.

        Notes refused earlier for other articles are tried again first; a refused one is kept.
        """
        self._timer.stop()
        for article_id, (text, path) in list(self._unsaved.items()):
            if article_id != self.article_id:
                self._save(article_id, text, path)
        if self.article_id is None:
            return True
        return self._save(self.article_id, self.editor.toPlainText(), self.article_path)

    def _save(self, article_id: str, text: str, path: str) -> bool:
        done = self.operations.run(lambda: self.session.set_note(article_id, text, path=path), initiator=self)
        if done is FAILED:
            self._unsaved[article_id] = (text, path)
            return False
        self._unsaved.pop(article_id, None)
        if not done.nothing:
            self.note_saved.emit(article_id)
        return True

    def unsaved_ids(self) -> list[str]:
        """Articles whose typed note is not saved yet (the database refused it)."""
        return list(self._unsaved)

    def may_close(self) -> bool:
        """Closing would lose notes the database refused: ask first (the default keeps the window open)."""
        if not self._unsaved:
            return True
        n = len(self._unsaved)
        answer = QMessageBox.question(
            self, "Notes not saved",
            f"{n} note{'s' if n > 1 else ''} could not be saved (see the message before). "
            "Close anyway and lose what you typed? Choose No to keep the window open and try again.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        """An undo or redo (or an import) changed the shown note: show the stored text."""
        if initiator is not self and changes.notes and self.article_id in changes.article_ids:
            self._timer.stop()
            self._unsaved.pop(self.article_id, None)
            self._show_text(self.session.store.note(self.article_id))

    # --- the highlights list -----------------------------------------------------------------

    def set_highlights(self, highlights: list[Highlight], icons: dict | None = None) -> None:
        """Show the highlights: placed ones in text order, then the orphans (with the quote they had)."""
        current = self.current_highlight_id()
        placed = sorted((h for h in highlights if not h.orphan), key=lambda h: (h.start, h.end, h.created))
        orphans = [h for h in highlights if h.orphan]
        self.highlights_list.blockSignals(True)  # rebuilding the list is not the user choosing
        self.highlights_list.clear()
        for h in [*placed, *orphans]:
            item = QListWidgetItem(_item_text(h))
            item.setData(HighlightIdRole, h.id)
            item.setToolTip(_item_tooltip(h))
            if icons and h.color in icons:
                item.setIcon(icons[h.color])
            if h.orphan:
                item.setForeground(self.palette().placeholderText())
            self.highlights_list.addItem(item)
            if h.id == current:
                self.highlights_list.setCurrentItem(item)
        self.highlights_list.blockSignals(False)
        n = len(highlights)
        lost = f", {len(orphans)} not found in the text" if orphans else ""
        self.highlights_label.setText(f"Highlights ({n}{lost})" if n else "Highlights — select text and press H")

    def highlight_ids(self) -> list[str]:
        """The listed highlight ids, top to bottom."""
        lst = self.highlights_list
        return [lst.item(i).data(HighlightIdRole) for i in range(lst.count())]

    def current_highlight_id(self) -> str | None:
        item = self.highlights_list.currentItem()
        return item.data(HighlightIdRole) if item is not None else None

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.highlight_chosen.emit(item.data(HighlightIdRole))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.highlights_list.itemAt(pos)
        if item is None:
            return
        hid = item.data(HighlightIdRole)
        menu = QMenu(self)
        menu.addAction("Show in the Article", lambda: self.highlight_chosen.emit(hid))
        menu.addAction("Edit Note…", lambda: self.highlight_edit_requested.emit(hid))
        menu.addAction("Delete Highlight", lambda: self.highlight_delete_requested.emit(hid))
        menu.popup(self.highlights_list.viewport().mapToGlobal(pos))


def _short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _item_text(h: Highlight) -> str:
    head = "⚠ Not found in the current text: " if h.orphan else ""
    line = f"{head}“{_short(h.quote.exact)}”"
    if h.note.strip():
        line += f"\n    ✎ {_short(note_plain_text(h.note), 200)}"  # the words, not the Markdown marks
    return line


def _item_tooltip(h: Highlight) -> str:
    """Rich text built only from escaped pieces: the quote as typed, the note rendered from Markdown (raw HTML off)."""
    quote = h.quote.exact if len(h.quote.exact) < 600 else h.quote.exact[:600] + "…"
    parts = [f"<p>{escape(quote)}</p>"]
    if h.note.strip():
        parts.append(note_html(h.note, "<b>Note:</b> "))
    if h.orphan:
        parts.append("<p><i>The article changed and this passage could not be found again; "
                     "it is kept with its note.</i></p>")  # fmt: skip
    return "".join(parts)
