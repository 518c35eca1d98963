"""The search's matches in the reading pane: drawn in the pane's "search" layer, stepped through with F3.

The words come from the search box (`FeatureContext.search_terms`), found in the article the way the
full-text index finds them (`core.search_matches`); a new article draws them again, and so does a new search,
once the list's first page is painted.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from reader.core.article import Article
from reader.core.search_matches import match_spans
from reader.ui.entity_navigation import reference_offset
from reader.ui.feature_context import FeatureContext
from reader.ui.reading_pane import Mark

MENU = "&Go"
LAYER = "search"


class SearchFeature:
    """Marks the current search's matches and moves the caret from one to the next."""

    def __init__(self, context: FeatureContext) -> None:
        self.context = context
        self.spans: list[tuple[int, int]] = []
        self._pending = False  # a new search's words not marked yet
        context.article_shown.connect(self.draw)
        context.search_changed.connect(self._draw_soon)
        add = context.registry.add
        add("search-match-next", "Next Search &Match", lambda: self.jump(1), menu=MENU,
            help="Go to the next match of the search in the article")  # fmt: skip
        add("search-match-previous", "Previous Search Ma&tch", lambda: self.jump(-1), menu=MENU,
            help="Go to the previous match of the search in the article")  # fmt: skip

    def mark_format(self) -> QTextCharFormat:
        """The pane's selection colour, faint, behind the text: visible over highlights in both themes."""
        color = QColor(self.context.reading_pane.palette().color(QPalette.ColorRole.Highlight))
        color.setAlpha(110)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        fmt.setFontUnderline(True)
        return fmt

    def _draw_soon(self) -> None:
        """A new search: its words are marked once the window is back in its event loop, after the list's first
        page is painted (what the search was typed for; finding and marking them in a long article took 5-15 ms)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.context.reading_pane, self._draw_pending)

    def _draw_pending(self) -> None:
        if self._pending:
            self.draw(self.context.current_article())

    def draw(self, article: Article | None) -> None:
        """Mark every match of the search box's words in `article` (none without a search)."""
        self._pending = False
        terms = self.context.search_terms()
        self.spans = match_spans(article.text, terms) if article is not None and terms else []
        fmt = self.mark_format()
        self.context.reading_pane.set_layer(LAYER, [Mark(s, e, fmt) for s, e in self.spans])

    def jump(self, step: int) -> None:
        """Select the next match after the caret (1) or before it (-1), wrapping; say which one it is."""
        self._draw_pending()  # a search typed just now: its matches, not the last one's
        pane = self.context.reading_pane
        if not self.spans or pane.article is None:
            self.context.show_message("No search matches in this article" if self.context.search_terms()
                                      else "Type a search first (/)")  # fmt: skip
            return
        base = reference_offset(pane, step)
        if step > 0:
            index = next((i for i, s in enumerate(self.spans) if s[0] > base), 0)
        else:
            index = next((i for i in range(len(self.spans) - 1, -1, -1) if self.spans[i][0] < base),
                         len(self.spans) - 1)  # fmt: skip
        start, end = self.spans[index]
        cursor = pane.textCursor()
        cursor.setPosition(pane.doc_position(start))
        cursor.setPosition(pane.doc_position(end), cursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.scroll_to_offset(start)
        self.context.show_message(f"Match {index + 1} of {len(self.spans)}", 5000)
