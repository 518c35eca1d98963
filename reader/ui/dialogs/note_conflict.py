"""Asking which note to keep when the stored note changed since the editor loaded it."""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.ui.qt_later import Qt

Choice = Literal["mine", "other", "both"]
QUESTION = "This note was changed elsewhere since you opened it."


def _excerpt(text: str, limit: int = 600) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def ask_note_conflict(parent: QWidget, mine: str, other: str) -> Choice:
    """Keep mine, keep the other, or keep both (the default, and what closing the box means).

    When the box cannot be shown (the window is hidden or closing), both are kept: nothing is lost.
    """
    if not parent.isVisible():
        return "both"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Note changed elsewhere")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the notes are the user's text, never markup
    box.setText(QUESTION)
    other_words = f"The note now stored:\n{_excerpt(other)}" if other.strip() else "The note was deleted elsewhere."
    box.setInformativeText(f"{other_words}\n\nWhat you typed:\n{_excerpt(mine)}")
    keep_mine = box.addButton("Keep Mine", QMessageBox.ButtonRole.AcceptRole)
    keep_other = box.addButton("Keep the Other", QMessageBox.ButtonRole.RejectRole)
    keep_both = box.addButton("Keep Both (Append)", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep_both)
    box.setEscapeButton(keep_both)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep_mine:
        return "mine"
    if clicked is keep_other:
        return "other"
    return "both"


def both_notes(other: str, mine: str) -> str:
    """The other note with what the user typed appended (just theirs when the other is blank)."""
    if not other.strip():
        return mine
    if not mine.strip():
        return other
    return f"{other.rstrip()}\n\n{mine.lstrip()}"
