"""Caret browsing in the reading pane (F7, as in browsers): select text with the keyboard alone.

With it on, the pane shows a caret; arrows move it, Shift+arrows and Ctrl+Shift+arrows select, Home and
End go to the ends of the line. Select Sentence and Select Paragraph select the text around the caret
(or the selection's start), so h, 1-5 and a work without a mouse. The pane stays read-only throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QTextCursor

from reader.ui.qt_later import Qt
from reader.ui.reading_pane import ReadingPane

CARET_WIDTH = 2


@cache
def caret_keys() -> frozenset[Qt.Key]:
    """Keys the caret moves with: while browsing they go to the pane, not to the window's Home/End (first/last
    article). Made when first asked: reading `Qt` to paint the window would make PySide6 build it (`qt_later`)."""
    k = Qt.Key
    return frozenset({k.Key_Home, k.Key_End, k.Key_Left, k.Key_Right, k.Key_Up, k.Key_Down, k.Key_PageUp,
                      k.Key_PageDown})  # fmt: skip


class CaretBrowsing(QObject):
    """Switches the pane between reading (no caret) and caret browsing, and selects sentences and paragraphs."""

    def __init__(self, pane: ReadingPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.on = False
        pane.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        """While browsing, the caret's keys (Home, End, arrows) are the pane's, even where a shortcut uses them."""
        if (self.on and obj is self.pane and event.type() == QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent) and event.key() in caret_keys()):  # fmt: skip
            event.accept()
        return False

    def toggle(self) -> bool:
        """Caret browsing on or off; returns the new state. Turning it on puts the caret at the top of the view."""
        self.on = not self.on
        flags = Qt.TextInteractionFlag.TextBrowserInteraction
        if self.on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.pane.setTextInteractionFlags(flags)
        self.pane.setCursorWidth(CARET_WIDTH if self.on else 1)
        if self.on:
            if not self._caret_in_view():
                self._caret_to_top_of_view()
            self.pane.setFocus()
        return self.on

    def select_sentence(self) -> bool:
        """Select the sentence at the caret; False when no article is shown."""
        # imported when asked: the sentence splitter is the tagger package's, which the first paint does without
        from reader.core.text_units import sentence_at

        return self._select(sentence_at)

    def select_paragraph(self) -> bool:
        """Select the paragraph at the caret; False when no article is shown."""
        from reader.core.text_units import paragraph_at

        return self._select(paragraph_at)

    def _select(self, unit: Callable[[str, int], tuple[int, int]]) -> bool:
        article = self.pane.article
        if article is None or not article.text:
            return False
        caret = self.pane.textCursor()
        first_body = self.pane.doc_position(0)
        position = max(caret.selectionStart(), first_body)  # on the title: the first sentence of the body
        start, end = unit(article.text, self.pane.text_offset(position))
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(self.pane.doc_position(start))
        cursor.setPosition(self.pane.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
        bar = self.pane.verticalScrollBar()
        where = bar.value()
        self.pane.setTextCursor(cursor)
        if self._caret_in_view():  # the reader's place stays put unless the selection is off screen
            bar.setValue(where)
        self.pane.ensureCursorVisible()
        return True

    def _caret_in_view(self) -> bool:
        rect = self.pane.cursorRect()
        return 0 <= rect.top() and rect.bottom() <= self.pane.viewport().height()

    def _caret_to_top_of_view(self) -> None:
        position = self.pane.cursorForPosition(self.pane.viewport().rect().topLeft()).position()
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(position)
        bar = self.pane.verticalScrollBar()
        where = bar.value()
        self.pane.setTextCursor(cursor)
        bar.setValue(where)
