"""The notes panel: the article's own note (saved as you type) beside the list of its highlights and their notes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QWidget,
)

from reader.ui.dialogs.note_conflict import Choice, ask_note_conflict, both_notes
from reader.ui.first_frame import notes_frame
from reader.ui.operations import FAILED, Operations
from reader.ui.plain_text import message_box
from reader.ui.qt_later import CUSTOM_CONTEXT_MENU, USER_ROLE

if TYPE_CHECKING:  # the session and its store are opened after the window's first paint (`attach`)
    from reader.core.annotation import Highlight
    from reader.core.session import Changes, NoteChangedElsewhere, Session
    from reader.core.store.unsaved_notes import UnsavedNote

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 400
QUOTE_CHARS = 140
HighlightIdRole = USER_ROLE + 1


class NotesPanel(QWidget):
    """A plain-text (Markdown) note for the current article, and its highlights in text order.

    The highlights list only emits intent (`highlight_chosen`, `*_requested`); the annotation
    feature scrolls, edits and deletes.
    """

    notice = Signal(str)  # something the user must be told (notes recovered from the last run)
    note_saved = Signal(str)  # article id, after its note was written (never when the write failed)
    highlight_chosen = Signal(str)  # highlight id: show it in the reading pane
    highlight_edit_requested = Signal(str)  # highlight id: edit its note
    highlight_delete_requested = Signal(str)  # highlight id

    operations: Operations
    session: Session

    def __init__(self, operations: Operations | None = None, parent: QWidget | None = None) -> None:
        """Without `operations` the panel is drawn, empty and disabled, until `attach` (after the first paint)."""
        super().__init__(parent)
        self.article_id: str | None = None
        self._recovery_ok = True
        # article id -> what the user typed and the database refused (kept in the recovery file too)
        self._unsaved: dict[str, UnsavedNote] = {}
        self._loaded: str | None = None  # the stored note version the editor's text stands for
        self._edited = False  # typed since it was loaded: only then is the editor's text written
        self._settled: set[str] = set()  # refused once, saved (or given up for the other) since
        self._busy = False  # saving (perhaps asking which note to keep): a nested flush waits
        self.ask_conflict: Callable[[str, str], Choice] = self._ask_conflict
        self.article_path = ""
        self.label, self.editor, self.highlights_label, self.highlights_list, self.splitter = notes_frame(self)
        self.highlights_list.setProperty("contextMenuPolicy", CUSTOM_CONTEXT_MENU)  # the setter's enum builds Qt
        self.highlights_list.itemClicked.connect(self._choose)
        self.highlights_list.currentItemChanged.connect(lambda item, _old: self._choose(item))
        self.highlights_list.itemActivated.connect(self._choose)
        self.highlights_list.customContextMenuRequested.connect(self._context_menu)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._typed)
        if operations is not None:
            self.attach(operations)

    def attach(self, operations: Operations) -> None:
        """Write through `operations` from now on, and save the notes a previous run could not."""
        from reader.core.store.unsaved_notes import read_unsaved, recovery_path

        self.operations = operations
        self.session = operations.session
        self._recovery = recovery_path(self.session.store.path)
        self._unsaved = {n.article_id: n for n in read_unsaved(self._recovery)}
        operations.changes_applied.connect(self._on_changes)
        if self._unsaved:
            QTimer.singleShot(0, self._restore_recovered)

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
        if unsaved is not None:
            self._show_text(unsaved.text, unsaved.expected, edited=True)
        else:
            from reader.core.store.note_versions import note_version

            record = self.session.store.note_record(article_id) if article_id else None
            self._show_text(record.text if record else "", note_version(record))
        self.editor.setEnabled(article_id is not None)

    def _show_text(self, text: str, version: str | None, *, edited: bool = False) -> None:
        """Put a note into the editor; `version` is the stored note its text stands for."""
        self.editor.blockSignals(True)  # showing the stored note is not typing
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._loaded, self._edited = version, edited

    def _typed(self) -> None:
        self._edited = True
        self._timer.start()

    def flush(self) -> bool:
        """Write the note now if the user edited it (the timer, switching, closing); False when it could not be.

        Notes refused earlier for other articles are tried again first; a refused one is kept. An
        editor that was not edited writes nothing: its text may be older than the stored note.
        """
        self._timer.stop()
        if self._busy:  # the conflict question is open: its own save finishes the job
            return False
        self._busy = True
        try:
            return self._flush()
        finally:
            self._busy = False

    def _flush(self) -> bool:
        for article_id, note in list(self._unsaved.items()):
            if article_id != self.article_id:
                self._save(note)
        if self.article_id is None or not self._edited:
            return self.article_id not in self._unsaved
        from reader.core.store.unsaved_notes import UnsavedNote

        return self._save(UnsavedNote(self.article_id, self.editor.toPlainText(), self.article_path, self._loaded))

    def _save(self, note: UnsavedNote) -> bool:
        """Write one note; a note changed elsewhere meanwhile is resolved with the user first."""
        from reader.core.store.note_versions import NoteChangedElsewhere, note_version

        for _attempt in range(3):  # a note changing again while the user chooses is asked about again
            try:
                done = self.operations.run(partial(self._write, note), initiator=self)
            except NoteChangedElsewhere as exc:
                resolved = self._resolve(note, exc)
                if resolved is None:
                    return True
                note = resolved
                continue
            if done is FAILED:
                self._keep_unsaved(note)
                return False
            if note.article_id == self.article_id and self.editor.toPlainText() == note.text:
                self._loaded, self._edited = note_version(note.text), False
            if self._unsaved.pop(note.article_id, None) is not None:
                self._settled.add(note.article_id)
                self._write_recovery()
            if not done.nothing:
                self.note_saved.emit(note.article_id)
            return True
        self._keep_unsaved(note)
        return False

    def _write(self, note: UnsavedNote) -> Changes:
        return self.session.set_note(note.article_id, note.text, path=note.path, expected=note.expected)

    def _resolve(self, note: UnsavedNote, exc: NoteChangedElsewhere) -> UnsavedNote | None:
        """Ask which note to keep; the note to write next, or None when the other one stays."""
        other = exc.current.text if exc.current is not None else ""
        choice = self.ask_conflict(note.text, other)
        shown = note.article_id == self.article_id  # after asking: the list may have moved meanwhile
        if choice == "other":
            if self._unsaved.pop(note.article_id, None) is not None:
                self._settled.add(note.article_id)
                self._write_recovery()
            if shown:
                self._show_text(other, exc.version)
            return None
        text = note.text if choice == "mine" else both_notes(other, note.text)
        if shown and text != self.editor.toPlainText():
            self._show_text(text, exc.version, edited=True)
        return replace(note, text=text, expected=exc.version)

    def _ask_conflict(self, mine: str, other: str) -> Choice:
        return ask_note_conflict(self, mine, other)

    def _keep_unsaved(self, note: UnsavedNote) -> None:
        self._unsaved[note.article_id] = note
        self._write_recovery()

    def _write_recovery(self) -> bool:
        """Keep the refused notes in the recovery file too, so not even a crash or a quit loses them."""
        from reader.core.store.unsaved_notes import read_unsaved, write_unsaved

        try:  # another window on this profile may keep its own refused notes in the file: leave them
            theirs = [n for n in read_unsaved(self._recovery) if n.article_id not in self._unsaved
                      and n.article_id not in self._settled]  # fmt: skip
            write_unsaved(self._recovery, [*theirs, *self._unsaved.values()])
        except OSError as exc:
            log.warning("cannot write the recovery file %s: %s", self._recovery, exc)
            self._recovery_ok = False
        else:
            self._recovery_ok = True
        return self._recovery_ok

    def _restore_recovered(self) -> None:
        """Save the notes a previous run could not, and say so (those still refused stay for later)."""
        wanted = len(self._unsaved)
        self.flush()  # also the shown article's, when the editor shows a recovered note
        left = len(self._unsaved)
        saved = wanted - left
        parts = []
        if saved:
            parts.append(f"{saved} note{'s' if saved > 1 else ''} that could not be saved last time "
                         f"{'were' if saved > 1 else 'was'} recovered and saved.")  # fmt: skip
        if left:
            parts.append(f"{left} recovered note{'s' if left > 1 else ''} could not be saved yet; "
                         f"kept in {self._recovery} and tried again on the next save.")  # fmt: skip
        if parts:
            self.notice.emit(" ".join(parts))

    def unsaved_ids(self) -> list[str]:
        """Articles whose typed note is not saved yet (the database refused it)."""
        return list(self._unsaved)

    def may_close(self) -> bool:
        """Closing with notes the database refused: fine when the recovery file holds them (the next
        start saves them); otherwise ask first (the default keeps the window open)."""
        if not self._unsaved or self._write_recovery():
            return True
        n = len(self._unsaved)
        answer = message_box(
            self, QMessageBox.Icon.Question, "Notes not saved",
            f"{n} note{'s' if n > 1 else ''} could not be saved, nor kept in {self._recovery}. "
            "Close anyway and lose what you typed? Choose No to keep the window open and try again.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        """An undo or redo (or an import) changed the shown note: show the stored text, unless the
        user typed in the editor since it loaded (their next save asks which to keep)."""
        if initiator is not self and changes.notes and self.article_id in changes.article_ids and not self._edited:
            from reader.core.store.note_versions import note_version

            self._timer.stop()
            record = self.session.store.note_record(self.article_id)
            self._show_text(record.text if record else "", note_version(record))

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
        from reader.core.export.note_plain import note_plain_text  # Markdown: imported when a note is shown

        line += f"\n    ✎ {_short(note_plain_text(h.note), 200)}"  # the words, not the Markdown marks
    return line


def _item_tooltip(h: Highlight) -> str:
    """Rich text built only from escaped pieces: the quote as typed, the note rendered from Markdown (raw HTML off)."""
    quote = h.quote.exact if len(h.quote.exact) < 600 else h.quote.exact[:600] + "…"
    parts = [f"<p>{escape(quote)}</p>"]
    if h.note.strip():
        from reader.core.export.note_markdown import note_html  # Markdown: imported when a note is shown

        parts.append(note_html(h.note, "<b>Note:</b> "))
    if h.orphan:
        parts.append("<p><i>The article changed and this passage could not be found again; "
                     "it is kept with its note.</i></p>")  # fmt: skip
    return "".join(parts)
