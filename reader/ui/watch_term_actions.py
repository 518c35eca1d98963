"""Watch terms in the window: watch the selected words, recolour a term, stop watching it (undoable writes).

The entity feature mixes `WatchTermActions` in; the terms are drawn in the pane's "watch" layer and
listed in the entity panel's rules tab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog

from reader.core.article import Article
from reader.core.session import Session
from reader.core.session.reads import EntityReads


class WatchTermActions:
    """The entity feature's watch-term actions (it provides the attributes declared here)."""

    session: Session
    prefs: EntityReads
    article: Article | None
    pane: Any
    panel: Any
    dock: Any
    context: Any
    _write: Callable[..., bool]

    def watch_selection(self) -> None:
        sel = self.pane.word_selection()
        if self.article is None or sel is None:
            self.dock.setVisible(True)
            self.panel.tabs.setCurrentIndex(1)
            self.panel.watch_edit.setFocus()
            return
        self.add_watch_term(self.article.text[sel[0] : sel[1]])

    def add_watch_term(self, term: str, *, whole_word: bool = True, case_sensitive: bool = False) -> None:
        self._write(lambda: self.session.add_watch_term(term, whole_word=whole_word, case_sensitive=case_sensitive),
                    lambda added: f"Watching “{added.term}” in every article")  # fmt: skip

    def recolour_watch_term(self, term_id: str, color: str) -> None:
        term = next((t for t in self.prefs.watch_terms() if t.id == term_id), None)
        if term is not None:
            self._write(lambda: self.session.add_watch_term(term.term, whole_word=term.whole_word,
                                                          case_sensitive=term.case_sensitive, color=color),
                        lambda t: f"“{t.term}” has a new colour")  # fmt: skip

    def recolour_watch_term_dialog(self, term_id: str) -> None:
        term = next((t for t in self.prefs.watch_terms() if t.id == term_id), None)
        if term is not None:
            parent = self.context.dialog_parent()
            color = QColorDialog.getColor(QColor(term.color), parent, f"Colour for “{term.term}”")
            if color.isValid():
                self.recolour_watch_term(term_id, color.name())

    def delete_watch_term(self, term_id: str) -> None:
        self._write(lambda: self.session.delete_watch_term(term_id), lambda t: f"Stopped watching “{t.term}”")
