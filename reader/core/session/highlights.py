"""Session writes for highlights: add, recolour, edit the note, delete, restore, re-anchor."""

from __future__ import annotations

from dataclasses import replace

from reader.core.anchoring import make_quote, reanchor_highlights
from reader.core.annotation import Highlight, TextQuote
from reader.core.session.base import SessionBase, refusing
from reader.core.session.changes import Applied, Changes, WriteRefused, about
from reader.core.store.db import utc_now


class HighlightWrites(SessionBase):
    """Every highlight change is one undo step that puts the whole record back as it was."""

    def _put_highlight(self, highlight_id: str, article_id: str, record: Highlight | None) -> Changes:
        if record is not None:
            self._store.restore_highlight(record)
        elif self._store.get_highlight(highlight_id) is not None:
            self._store.delete_highlight(highlight_id)
        return about(article_id, highlights=True)

    def _highlight_step(self, label: str, before: Highlight | None, after: Highlight | None) -> Changes:
        some = after or before
        assert some is not None
        hid, aid = some.id, some.article_id
        self._push(label, lambda: self._put_highlight(hid, aid, before), lambda: self._put_highlight(hid, aid, after))
        return about(aid, highlights=True)

    def add_highlight(self, article_id: str, text: str, start: int, end: int, *, color: str = "yellow",
                      note: str = "", path: str = "") -> Applied[Highlight]:  # fmt: skip
        """Highlight `text[start:end]` of the article (the quote is taken from `text`)."""
        return self.add_highlight_quote(article_id, start, end, make_quote(text, start, end), color=color, note=note,
                                        path=path)  # fmt: skip

    def add_highlight_quote(self, article_id: str, start: int, end: int, quote: TextQuote, *, color: str = "yellow",
                            note: str = "", path: str = "") -> Applied[Highlight]:  # fmt: skip
        with refusing():
            h = self._store.add_highlight(article_id, start, end, quote, color=color, note=note, path=path)
        return Applied(h, self._highlight_step("Highlight", None, h))

    def update_highlight(self, highlight_id: str, *, color: str | None = None,
                         note: str | None = None) -> Applied[Highlight]:  # fmt: skip
        """Recolour and/or change the note; no write (and no undo step) when nothing would change."""
        before = self._store.get_highlight(highlight_id)
        if before is None:
            raise WriteRefused("That highlight is no longer there (deleted meanwhile?).")
        if (color is None or color == before.color) and (note is None or note == before.note):
            return Applied(before, Changes())
        with refusing():
            after = self._store.update_highlight(highlight_id, color=color, note=note)
        label = "Edit Highlight" if note is not None and note != before.note else "Recolour Highlight"
        return Applied(after, self._highlight_step(label, before, after))

    def delete_highlight(self, highlight_id: str) -> Applied[Highlight]:
        with refusing():
            before = self._store.delete_highlight(highlight_id)
        return Applied(before, self._highlight_step("Delete Highlight", before, None))

    def restore_highlight(self, h: Highlight) -> Changes:
        """Put a highlight record back as it was (an import keeping its id and dates)."""
        before = self._store.get_highlight(h.id)
        with refusing():
            self._store.restore_highlight(h)
        return self._highlight_step("Restore Highlight", before, h)

    def reanchor(self, article_id: str, text: str) -> Applied[list[Highlight]]:
        """Place the article's highlights in its current text (orphans stay, flagged).

        Writes only when a highlight moved or became (or stopped being) an orphan, so showing an
        article changes nothing in the common case. Not an undo step: the user did not do it.
        """
        old = self._store.highlights(article_id)
        new = reanchor_highlights(text, old)
        moved = [after for before, after in zip(old, new, strict=True) if after != before]
        if not moved:
            return Applied(old, Changes())
        now = utc_now()
        self._store.save_highlights([replace(h, modified=now) for h in moved])
        return Applied(self._store.highlights(article_id), about(article_id, highlights=True))

