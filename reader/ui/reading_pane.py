"""The reading pane: an article as readable type, built block by block so offsets map exactly.

Positions in `Article.text` become document positions in one place: `doc_position()`. The article's links
are the pane's own, drawn around the mark layers (`ui.link_marks`); hovering and opening them (only after
the user confirms) is `ui.link_opening`'s.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextCharFormat, QTextCursor, QTextFrameFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.core.article import Article, Link
from reader.core.dates_display import long_date
from reader.core.word_snap import snap_to_words
from reader.settings import DEFAULTS
from reader.ui.link_marks import (
    LINK_ONLY_TEXT,
    drawn_links,
    link_base_format,
    link_format,
    link_top_format,
    tooltip_pieces,
)
from reader.ui.pane_formats import block_format, char_format
from reader.ui.plain_text import safe_tooltip

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

DOCUMENT_MARGIN = 24  # pixels around the text, also the least space at the sides of a narrow pane
RTL_LANGUAGES = {"ar", "fa", "he", "ur", "ps", "yi"}
# Lower layers first: a highlight's background over an entity's colour and underline, watch terms between.
LAYER_ORDER = ("entities", "watch", "highlights", "search")


@dataclass(frozen=True)
class Mark:
    """A styled range of the article text: an entity, a highlight or a watch term."""

    start: int
    end: int
    format: QTextCharFormat
    tooltip: str = ""


class ReadingPane(QTextBrowser):
    """Shows one article: title, a source/byline/date line, then its blocks, under its mark layers.

    Each layer ("entities", "watch", "highlights", "search") is a list of marks the pane keeps;
    replacing one repaints only the ranges it covered or covers, without rendering the article again.
    The article's links are drawn around the layers and stay when they are cleared.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.document().setUndoRedoEnabled(False)  # format changes would pile up in an undo stack nobody uses
        self.article: Article | None = None
        self._block_doc_starts: list[int] = []
        self._block_text_starts: list[int] = []
        self._block_formats: list[QTextCharFormat] = []
        self._block_lengths: list[int] = []
        self._layers: dict[str, list[Mark]] = {}
        self._links: list[Link] = []  # the shown article's, in text order
        self._rendered_with: tuple[int, int, int] | None = None
        self._font_size = 12
        self._line_chars = int(DEFAULTS["reading_line_chars"])
        self._family = ""  # the widget's font when empty
        self._spacing = int(DEFAULTS["reading_line_spacing"])
        # The viewport's width as its last resize gave it: asking `viewport()` for it would wrap a widget Qt made,
        # and PySide6 builds the class of every QWidget subclass (40-70 enum classes) on the first such wrap: not
        # before the window's first paint. Before any resize, the width the viewport would have.
        self._viewport_width = self.maximumViewportSize().width()
        self.show_placeholder()

    # --- layers -----------------------------------------------------------------------------

    def set_layer(self, name: str, marks: list[Mark]) -> None:
        """Replace the marks of layer `name`; only the ranges of its old and new marks are repainted."""
        old = self._layers.pop(name, [])
        if marks:
            self._layers[name] = sorted(marks, key=lambda m: (m.start, m.end))
        self._repaint(_merged_ranges([*old, *marks]))

    def layer(self, name: str) -> list[Mark]:
        """The marks of layer `name` (empty when it has none)."""
        return list(self._layers.get(name, []))

    def clear_layers(self) -> None:
        """Remove every mark (a new article starts bare)."""
        old = [m for marks in self._layers.values() for m in marks]
        self._layers.clear()
        self._repaint(_merged_ranges(old))

    def _ordered_layers(self) -> list[list[Mark]]:
        rank = {name: i for i, name in enumerate(LAYER_ORDER)}
        names = sorted(self._layers, key=lambda n: rank.get(n, len(LAYER_ORDER)))
        return [self._layers[n] for n in names]

    def _repaint(self, ranges: list[tuple[int, int]]) -> None:
        """Reset `ranges` of the body to their plain formats, then merge every layer in order over them."""
        if not ranges or not self._block_doc_starts:
            return
        ordered = self._ordered_layers()
        layers = [(marks, [m.start for m in marks], max(m.end - m.start for m in marks)) for marks in ordered]
        link_starts = [k.start for k in self._links]
        longest_link = max((k.end - k.start for k in self._links), default=0)
        color = self.link_color()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one layout pass for the whole change
        for a, b in ranges:
            for lo, hi, block in self._pieces(a, b):
                cursor.setPosition(lo)
                cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(self._block_formats[block])
            first = bisect.bisect_left(link_starts, a - longest_link)
            links = [k for k in self._links[first : bisect.bisect_left(link_starts, b)] if k.end > a]
            for k in links:
                self._merge_format(cursor, link_base_format(k.href), max(a, k.start), min(b, k.end))
            for marks, starts, longest in layers:
                for m in marks[bisect.bisect_left(starts, a - longest) : bisect.bisect_left(starts, b)]:
                    if m.end > a and m.end > m.start:
                        self._merge(cursor, m, max(a, m.start), min(b, m.end))
            for k in links:
                start, end = max(a, k.start), min(b, k.end)
                near = [ms[bisect.bisect_left(st, start - n) : bisect.bisect_left(st, end)] for ms, st, n in layers]
                for lo, hi, tip in tooltip_pieces(k.href, near, start, end):
                    self._merge_format(cursor, link_top_format(color, tip), lo, hi)
        cursor.endEditBlock()

    def _merge(self, cursor: QTextCursor, mark: Mark, start: int, end: int) -> None:
        fmt = QTextCharFormat(mark.format)
        if mark.tooltip:
            fmt.setToolTip(safe_tooltip(mark.tooltip))  # entity names, watch terms and notes: never markup
        self._merge_format(cursor, fmt, start, end)

    def _merge_format(self, cursor: QTextCursor, fmt: QTextCharFormat, start: int, end: int) -> None:
        for lo, hi, _block in self._pieces(start, end):
            cursor.setPosition(lo)
            cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def _pieces(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Document ranges (and block index) of the body text in [start, end), block separators left out."""
        out = []
        i = max(0, bisect.bisect_right(self._block_text_starts, start) - 1)
        while i < len(self._block_text_starts) and self._block_text_starts[i] < end:
            first = self._block_text_starts[i]
            lo, hi = max(start, first), min(end, first + self._block_lengths[i])
            if hi > lo:
                doc = self._block_doc_starts[i] - first
                out.append((doc + lo, doc + hi, i))
            i += 1
        return out

    # --- building ---------------------------------------------------------------------------

    def set_font_size(self, size: int) -> None:
        """Reading text at `size` points; marks, caret and the place in the article stay."""
        if size == self._font_size:
            return
        self._font_size = size
        if self.article is not None:
            self._render_again(self.article)

    def set_line_chars(self, chars: int) -> None:
        """The widest line, in average characters of the reading font (the `reading_line_chars` setting)."""
        self._line_chars = max(20, int(chars))
        self._update_margins()

    def set_type(self, family: str, spacing: int) -> None:
        """The reading font family ("" for the default) and line spacing in percent (100-200)."""
        self._family, self._spacing = family, max(100, min(200, int(spacing)))
        self._update_margins()
        if self.article is not None:
            self._render_again(self.article)

    def show_placeholder(self, message: str = "Choose an article in the list.") -> None:
        self.article = None
        self._layers.clear()
        self._links = []
        self._rendered_with = None
        self._block_doc_starts, self._block_text_starts = [], []
        self._block_formats, self._block_lengths = [], []
        self.document().clear()
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        cursor = QTextCursor(self.document())
        fmt = QTextCharFormat()
        fmt.setForeground(self.palette().placeholderText())
        fmt.setFontPointSize(self._font_size)
        cursor.insertText(message, fmt)

    def show_article(self, article: Article) -> None:
        """Show `article` with no marks; the same article again keeps its document and its layers."""
        if self.article is not None and article == self.article:
            if self._rendered_with != self._render_key():  # the theme changed: title and captions take new colours
                self._render_again(article)
            return
        self._layers.clear()
        self._render(article)
        self.verticalScrollBar().setValue(0)

    def _render_again(self, article: Article) -> None:
        """Render the shown article again (new size or colours), then its layers; caret and place stay."""
        caret = self.textCursor()
        anchor, position = caret.anchor(), caret.position()
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._render(article)
        self._repaint(_merged_ranges([m for marks in self._layers.values() for m in marks]))
        last = self.document().characterCount() - 1
        restored = QTextCursor(self.document())
        restored.setPosition(min(anchor, last))
        restored.setPosition(min(position, last), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(restored)
        bar.setValue(round(fraction * bar.maximum()))

    def _render_key(self) -> tuple[int, int, int]:
        return (self._font_size, self.palette().placeholderText().color().rgba(), self.link_color().rgba())

    def link_color(self) -> QColor:
        """The theme's link colour (the palette's), readable on its page in light and dark."""
        return self.palette().link().color()

    def link_at(self, offset: int) -> Link | None:
        """The link over the character at `offset` of `Article.text`, else one ending right there."""
        inside = [k for k in self._links if k.start <= offset < k.end]
        return inside[0] if inside else next((k for k in self._links if k.end == offset), None)

    def _render(self, article: Article) -> None:
        self.article = article
        self._rendered_with = self._render_key()
        doc = self.document()
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        font = self._reading_font()
        if doc.defaultFont() != font:  # a new default font lays out the whole document again
            doc.setDefaultFont(font)
        cursor = QTextCursor(doc)
        # The old article is replaced in the same edit block as the new one is written: the document is laid out
        # once, after the last insert, and its scroll bar is not taken away and put back (each a new layout).
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        cursor.setBlockCharFormat(QTextCharFormat())
        rtl = article.language.split("-")[0].lower() in RTL_LANGUAGES
        self._insert_heading(cursor, article.title or "(untitled)", rtl)
        meta = " · ".join(x for x in (article.source, article.byline, long_date(article.published)) if x)
        if meta:
            cursor.insertBlock(block_format(rtl, self._spacing, top=4, bottom=18))
            fmt = QTextCharFormat()
            fmt.setForeground(self.palette().placeholderText())
            fmt.setFontPointSize(self._font_size * 0.9)
            cursor.insertText(meta, fmt)
        self._block_doc_starts, self._block_text_starts = [], []
        self._block_formats, self._block_lengths = [], []
        text_pos = 0
        self._links = drawn_links(article.links)
        links = iter(self._links)
        link = next(links, None)
        color = self.link_color()
        for block in article.blocks:
            kind_format = char_format(block.kind, block.level, self._font_size, self.palette())
            cursor.insertBlock(block_format(rtl, self._spacing, block.kind, block.level), kind_format)
            self._block_doc_starts.append(cursor.position())
            self._block_text_starts.append(text_pos)
            self._block_formats.append(kind_format)
            self._block_lengths.append(len(block.text))
            # Links go in with the text (no layer covers a new article yet), in pieces at their ends.
            done, end = text_pos, text_pos + len(block.text)
            while link is not None and link.start < end:
                linked = QTextCharFormat(kind_format)
                linked.merge(link_format(color, link.href))
                cursor.insertText(article.text[done : link.start], kind_format)
                cursor.insertText(article.text[link.start : link.end], linked)
                done = link.end
                link = next(links, None)
            cursor.insertText(article.text[done:end], kind_format)
            text_pos += len(block.text) + 2
        if not article.blocks and article.url:  # a feed item that is only a link: say so, offer the link
            cursor.insertBlock(block_format(rtl, self._spacing, top=6))
            cursor.insertText(LINK_ONLY_TEXT, QTextCharFormat())
            cursor.insertText(article.url, link_format(color, article.url))
        cursor.endEditBlock()
        self.setTextCursor(QTextCursor(doc))  # the caret (F7) starts at the top, not after the last insert
        self._update_margins()

    def _reading_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._font_size)
        if self._family:
            font.setFamily(self._family)
        return font

    def _insert_heading(self, cursor: QTextCursor, title: str, rtl: bool) -> None:
        cursor.setBlockFormat(block_format(rtl, self._spacing, top=0, bottom=4))
        fmt = QTextCharFormat()
        fmt.setFontPointSize(self._font_size * 1.7)
        fmt.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(title, fmt)

    def _update_margins(self) -> None:
        """A centred column of about `reading_line_chars` characters, never closer than the document margin."""
        column = self._line_chars * QFontMetricsF(self._reading_font()).averageCharWidth()
        # the root frame's side margins replace the document margin there, so they include it
        side = max(DOCUMENT_MARGIN, int((self._viewport_width - column) // 2))
        root = self.document().rootFrame()
        ff: QTextFrameFormat = root.frameFormat()
        if ff.leftMargin() != side:
            ff.setLeftMargin(side)
            ff.setRightMargin(side)
            root.setFrameFormat(ff)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        # A new theme reaches the pane's palette only after the window re-rendered for it: colours taken
        # from the palette (links, the meta line) are drawn again once it has arrived.
        if event.type() == QEvent.Type.PaletteChange and self.article is not None:
            if self._rendered_with != self._render_key():
                self._render_again(self.article)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._viewport_width = event.size().width()  # a scroll area is handed its viewport's resize events
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

    def word_selection(self) -> tuple[int, int] | None:
        """The selection snapped to whole words (what highlights, entity marks and watch terms take)."""
        span = self.selection_offsets()
        if span is None or self.article is None:
            return None
        start, end = snap_to_words(self.article.text, *span)
        return (start, end) if end > start else None

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


def _merged_ranges(marks: list[Mark] | list[Link]) -> list[tuple[int, int]]:
    """The text ranges the marks cover, sorted, overlapping and touching ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted((m.start, m.end) for m in marks if m.end > m.start):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
