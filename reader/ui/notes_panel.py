"""The notes panel: the article's own note, saved as you type (debounced) and on leaving."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from reader.ui.operations import Operations

SAVE_DELAY_MS = 400


class NotesPanel(QWidget):
    """A plain-text (Markdown) note for the current article."""

    note_saved = Signal(str)  # article id

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.article_id: str | None = None
        self.article_path = ""
        self.label = QLabel("Note")
        self.label.setObjectName("notesLabel")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText("Write a note about this article (Markdown). Saved as you type.")
        self.editor.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._timer.start)

    def set_article(self, article_id: str | None, path: str = "") -> None:
        """Save what is pending for the previous article, then show this one's note."""
        self.flush()
        self.article_id = article_id
        self.article_path = path
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.operations.store.note(article_id) if article_id else "")
        self.editor.blockSignals(False)
        self.editor.setEnabled(article_id is not None)

    def flush(self) -> None:
        """Write the note now if it changed (called by the timer, on switching and on close)."""
        self._timer.stop()
        if self.article_id is None:
            return
        self.operations.set_note(self.article_id, self.editor.toPlainText(), path=self.article_path)
        self.note_saved.emit(self.article_id)
