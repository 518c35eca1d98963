"""The highlight editor: the quoted passage, its colour and its note (Ctrl+Enter saves)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotation import HIGHLIGHT_COLORS
from reader.ui.highlight_marks import color_label, swatch_icon

QUOTE_PREVIEW_CHARS = 400


class HighlightEditor(QDialog):
    """Edits one highlight's colour and note; read them back with `color()` and `note()` after exec()."""

    def __init__(self, quote: str, *, color: str, note: str = "", theme: str = "light",
                 title: str = "Highlight note", parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 360)
        shown = " ".join(quote.split())
        if len(shown) > QUOTE_PREVIEW_CHARS:
            shown = shown[: QUOTE_PREVIEW_CHARS - 1] + "…"
        self.quote_label = QLabel(f"“{shown}”")
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)  # article text, never read as HTML
        self.quote_label.setWordWrap(True)
        self.quote_label.setObjectName("highlightQuote")
        self.colors = QButtonGroup(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Colour:"))
        for i, name in enumerate(HIGHLIGHT_COLORS):
            button = QRadioButton(color_label(name))
            button.setIcon(swatch_icon(name, theme))
            button.setChecked(name == color)
            self.colors.addButton(button, i)
            row.addWidget(button)
        row.addStretch(1)
        self.editor = QPlainTextEdit(note)
        self.editor.setPlaceholderText("A note on this passage (Markdown)")
        self.editor.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote_label)
        layout.addLayout(row)
        layout.addWidget(QLabel("Note:"))
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.editor.setFocus()

    def color(self) -> str:
        checked = self.colors.checkedId()
        return HIGHLIGHT_COLORS[checked] if checked >= 0 else HIGHLIGHT_COLORS[0]

    def note(self) -> str:
        return self.editor.toPlainText().strip()

    def set_values(self, *, color: str | None = None, note: str | None = None) -> None:
        """Fill the fields (used by tests and by callers that pre-set a choice)."""
        if color is not None:
            self.colors.button(HIGHLIGHT_COLORS.index(color)).setChecked(True)
        if note is not None:
            self.editor.setPlainText(note)
