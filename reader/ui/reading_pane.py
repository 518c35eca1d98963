"""The reading pane: an article as readable type, built block by block so offsets map exactly.

Positions in `Article.text` become document positions in one place: `doc_position()`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFrameFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.core.article import Article

MAX_LINE_PX = 720  # about 70-75 characters at the reading size
HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15}
RTL_LANGUAGES = {"ar", "fa", "he", "ur", "ps", "yi"}


@dataclass(frozen=True)
class Mark:
    """A styled range of the article text: an entity, a highlight or a watch term."""

    start: int
    end: int
    format: QTextCharFormat
    tooltip: str = ""


class ReadingPane(QTextBrowser):
    """Shows one article: title, a source/byline/date line, then its blocks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.article: Article | None = None
        self._block_doc_starts: list[int] = []
        self._block_text_starts: list[int] = []
        self._font_size = 12
        self.show_placeholder()

    # --- building ---------------------------------------------------------------------------

    def set_font_size(self, size: int) -> None:
        self._font_size = size
        if self.article:
            self.show_article(self.article)

    def show_placeholder(self, message: str = "Choose an article in the list.") -> None:
        self.article = None
        self._block_doc_starts, self._block_text_starts = [], []
        self.document().clear()
        self.document().setDocumentMargin(24)
        cursor = QTextCursor(self.document())
        fmt = QTextCharFormat()
        fmt.setForeground(self.palette().placeholderText())
        fmt.setFontPointSize(self._font_size)
        cursor.insertText(message, fmt)

    def show_article(self, article: Article) -> None:
        """Render `article`; marks are applied afterwards with `apply_marks`."""
        self.article = article
        doc = self.document()
        doc.clear()
        doc.setDocumentMargin(24)
        base = QFont(self.font())
        base.setPointSizeF(self._font_size)
        doc.setDefaultFont(base)
        cursor = QTextCursor(doc)
        rtl = article.language.split("-")[0].lower() in RTL_LANGUAGES
        self._insert_heading(cursor, article.title or "(untitled)", rtl)
        meta = " · ".join(x for x in (article.source, article.byline, _nice_date(article.published)) if x)
        if meta:
            cursor.insertBlock(self._block_format(rtl, top=4, bottom=18))
            fmt = QTextCharFormat()
            fmt.setForeground(self.palette().placeholderText())
            fmt.setFontPointSize(self._font_size * 0.9)
            cursor.insertText(meta, fmt)
        self._block_doc_starts, self._block_text_starts = [], []
        text_pos = 0
        for block in article.blocks:
            block_format = self._block_format(rtl, block.kind, block.level)
            cursor.insertBlock(block_format, self._char_format(block.kind, block.level))
            self._block_doc_starts.append(cursor.position())
            self._block_text_starts.append(text_pos)
            cursor.insertText(block.text)
            text_pos += len(block.text) + 2
        self._update_margins()
        self.verticalScrollBar().setValue(0)

    def _insert_heading(self, cursor: QTextCursor, title: str, rtl: bool) -> None:
        cursor.setBlockFormat(self._block_format(rtl, top=0, bottom=4))
        fmt = QTextCharFormat()
        fmt.setFontPointSize(self._font_size * 1.7)
        fmt.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(title, fmt)

    def _block_format(
        self, rtl: bool, kind: str = "p", level: int = 0, top: float = 0, bottom: float = 12
    ) -> QTextBlockFormat:
        bf = QTextBlockFormat()
        bf.setLineHeight(145, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        bf.setTopMargin(top if kind == "p" else 6)
        bf.setBottomMargin(bottom)
        if kind == "h":
            bf.setTopMargin(14)
            bf.setBottomMargin(6)
        elif kind == "quote":
            bf.setLeftMargin(28)
            bf.setRightMargin(28)
        elif kind == "li":
            bf.setLeftMargin(20 + 16 * max(level - 1, 0))
            bf.setBottomMargin(4)
        if rtl:
            bf.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            bf.setAlignment(Qt.AlignmentFlag.AlignRight)
        return bf

    def _char_format(self, kind: str, level: int) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if kind == "h":
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontPointSize(self._font_size * HEADING_SCALE.get(level, 1.1))
        elif kind == "quote":
            fmt.setFontItalic(True)
        elif kind == "caption":
            fmt.setFontPointSize(self._font_size * 0.9)
            fmt.setForeground(self.palette().placeholderText())
        elif kind == "pre":
            fmt.setFontFamilies(["monospace"])
        return fmt

    def _update_margins(self) -> None:
        side = max(0, (self.viewport().width() - MAX_LINE_PX) // 2)
        root = self.document().rootFrame()
        ff: QTextFrameFormat = root.frameFormat()
        if ff.leftMargin() != side:
            ff.setLeftMargin(side)
            ff.setRightMargin(side)
            root.setFrameFormat(ff)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._update_margins()

    # --- offsets ---------------------------------------------------------------------------

    def doc_position(self, offset: int) -> int:
        """Document position of a character offset into `Article.text`."""
        if not self._block_text_starts:
            return 0
        i = max(0, bisect.bisect_right(self._block_text_starts, offset) - 1)
        return self._block_doc_starts[i] + (offset - self._block_text_starts[i])

    def text_offset(self, position: int) -> int:
        """Character offset into `Article.text` of a document position (clamped to the body)."""
        if not self._block_doc_starts:
            return 0
        i = max(0, bisect.bisect_right(self._block_doc_starts, position) - 1)
        return self._block_text_starts[i] + max(0, position - self._block_doc_starts[i])

    def selection_offsets(self) -> tuple[int, int] | None:
        """The selected body text as (start, end) offsets into `Article.text`, or None."""
        c = self.textCursor()
        if not c.hasSelection() or self.article is None or not self._block_doc_starts:
            return None
        start = self.text_offset(max(c.selectionStart(), self._block_doc_starts[0]))
        end = self.text_offset(c.selectionEnd())
        end = min(end, len(self.article.text))
        return (start, end) if end > start else None

    def apply_marks(self, marks: list[Mark]) -> None:
        """Merge character formats over article ranges (entities, highlights, watch terms)."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one layout pass for all marks (about 6x faster on long articles)
        for m in marks:
            cursor.setPosition(self.doc_position(m.start))
            cursor.setPosition(self.doc_position(m.end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat(m.format)
            if m.tooltip:
                fmt.setToolTip(m.tooltip)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def set_layer(self, name: str, marks: list[Mark]) -> None:
        """TEMPORARY shim (helper A) until the pane keeps its own layers: store the layer, draw them all.

        A layer that lost marks needs the text drawn again (merged formats cannot be taken off), so
        the article is rendered again keeping the caret and the scroll position.
        """
        layers: dict[str, list[Mark]] = self.__dict__.setdefault("_layers", {})
        shown = self.article.id if self.article is not None else None
        if self.__dict__.get("_layers_article") != shown:
            layers.clear()
            self.__dict__["_layers_article"] = shown
        old = layers.get(name, [])
        layers[name] = marks
        if self.article is None:
            return
        if old:
            cursor, bar = self.textCursor(), self.verticalScrollBar()
            anchor, position, where = cursor.anchor(), cursor.position(), bar.value()
            self.show_article(self.article)
            self.apply_marks([m for ms in layers.values() for m in ms])
            cursor = QTextCursor(self.document())
            end = self.document().characterCount() - 1
            cursor.setPosition(min(anchor, end))
            cursor.setPosition(min(position, end), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            bar.setValue(where)
        else:
            self.apply_marks(marks)

    def scroll_to_offset(self, offset: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(offset))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    # --- paging ----------------------------------------------------------------------------

    def page(self, direction: int) -> bool:
        """Scroll a page down (1) or up (-1); False when already at that end."""
        bar = self.verticalScrollBar()
        before = bar.value()
        step = max(40, self.viewport().height() - 3 * self.fontMetrics().height())
        bar.setValue(before + direction * step)
        return bar.value() != before


def _nice_date(iso: str) -> str:
    """'2025-06-02T09:30:00Z' -> '2 June 2025'; anything unparsable is shown as it is."""
    from datetime import date

    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B')} {d.year}"
