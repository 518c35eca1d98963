"""Where the user was in each article (how far down, as a fraction), so opening it again goes back there.

Kept in the user database through the session as a small value per article ("reading_position:<id>"),
not undoable: a place in an article is not work to take back. The user database rather than the
library cache, because the cache is thrown away when its schema changes and is rebuilt from the files,
while the place one stopped reading is the user's own. Written only when the place changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from reader.ui.operations import Operations
from reader.ui.reading_pane import ReadingPane

if TYPE_CHECKING:
    from reader.core.session import Session

KEY_PREFIX = "reading_position:"


def position_key(article_id: str) -> str:
    return KEY_PREFIX + article_id


class ReadingPositions:
    """Saves the pane's scroll fraction for the article it shows, and puts it back when that article returns."""

    def __init__(self, pane: ReadingPane, session: Session, operations: Operations) -> None:
        self.pane = pane
        self.session = session
        self.operations = operations

    def fraction(self) -> float:
        """How far down the shown article the view is: 0.0 at the top, 1.0 at the end."""
        bar = self.pane.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def stored(self, article_id: str) -> float:
        """The saved fraction for `article_id` (0.0 when there is none or it is unreadable)."""
        raw = self.session.store.get_value(position_key(article_id))
        try:
            return min(1.0, max(0.0, float(raw))) if raw else 0.0
        except ValueError:
            return 0.0

    def save(self, article_id: str) -> None:
        """Remember where the pane is in `article_id`, if it is the article shown and the place moved."""
        article = self.pane.article
        if article is None or article.id != article_id:
            return
        fraction = round(self.fraction(), 4)
        if abs(fraction - self.stored(article_id)) < 0.0005:
            return  # showing and leaving an article unmoved writes nothing
        self.operations.run(lambda: self.session.set_value(position_key(article_id), f"{fraction:.4f}"))

    def restore(self, article_id: str) -> None:
        """Scroll the shown article back to where the user left it (now, and again once the layout settles)."""
        fraction = self.stored(article_id)
        if fraction <= 0:
            return
        self._scroll_to(article_id, fraction)
        # a long article may still be laid out after it is shown: the scroll range grows, so apply it again
        QTimer.singleShot(0, lambda: self._scroll_to(article_id, fraction))

    def _scroll_to(self, article_id: str, fraction: float) -> None:
        article = self.pane.article
        if article is None or article.id != article_id:
            return
        bar = self.pane.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))
