"""Where the caret is among an article's entities: the reference point of [ and ], selecting a span,
the span under the caret. Pure functions of the reading pane and the spans."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from reader.core.entities import EntitySpan
from reader.ui.reading_pane import ReadingPane


def reference_offset(pane: ReadingPane, step: int) -> int:
    """Where [ and ] count from: the cursor when it is on screen, else the top of the view."""
    cursor = pane.textCursor()
    if pane.viewport().rect().intersects(pane.cursorRect(cursor)):
        pos = cursor.selectionStart()
    else:
        pos = pane.cursorForPosition(QPoint(0, 0)).position()
        if step > 0 and pos >= pane.doc_position(0):
            return pane.text_offset(pos) - 1
    return -1 if pos < pane.doc_position(0) else pane.text_offset(pos)


def next_span(spans: list[EntitySpan], base: int, step: int) -> EntitySpan:
    """The first span after `base` (step 1) or before it (-1), wrapping around at the ends."""
    if step > 0:
        return next((s for s in spans if s.start > base), spans[0])
    return next((s for s in reversed(spans) if s.start < base), spans[-1])


def select_span(pane: ReadingPane, span: EntitySpan) -> None:
    """Select the span's characters and scroll it into view."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(span.start))
    cursor.setPosition(pane.doc_position(span.end), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.scroll_to_offset(span.start)


def span_at_cursor(pane: ReadingPane, spans: list[EntitySpan]) -> EntitySpan | None:
    """The span under the caret, or the first one the selection touches."""
    cursor = pane.textCursor()
    if pane.article is None or cursor.selectionStart() < pane.doc_position(0):
        return None
    start = pane.text_offset(cursor.selectionStart())
    end = pane.text_offset(cursor.selectionEnd()) if cursor.hasSelection() else start
    return next((s for s in spans if s.start <= start < s.end or (start < s.end and s.start < end)), None)
