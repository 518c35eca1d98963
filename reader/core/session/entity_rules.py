"""Session writes for the user's entity corrections and watch terms."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.session.base import SessionBase, refusing
from reader.core.session.changes import Applied, Changes
from reader.core.store.entity_prefs import EVERY_ARTICLE, Correction, EntityAlias
from reader.core.watch_terms import WatchTerm


def _corrections_changed(records: Sequence[Correction]) -> Changes:
    ids = frozenset(c.article_id for c in records if c.article_id != EVERY_ARTICLE)
    return Changes(ids, corrections=True)


class EntityRuleWrites(SessionBase):
    """Corrections ("this is / is not an entity", here or everywhere) and watch terms, undoable."""

    # -- corrections ---------------------------------------------------------------------------

    def _swap_corrections(self, remove: Sequence[Correction], restore: Sequence[Correction]) -> Changes:
        self._prefs.replace_corrections([c.id for c in remove], restore)
        return _corrections_changed([*remove, *restore])

    def add_corrections(self, wanted: Sequence[Correction], *,
                        label: str = "Entity Correction") -> Applied[list[Correction]]:  # fmt: skip
        """Record decisions in one transaction; each replaces an earlier one about the same passage."""
        with refusing():
            added, replaced = self._prefs.add_corrections(wanted)
        self._push(label, lambda: self._swap_corrections(added, replaced),
                   lambda: self._swap_corrections(replaced, added))  # fmt: skip
        return Applied(added, _corrections_changed([*added, *replaced]))

    def add_correction(self, *, article_id: str, exact: str, type: str, action: str, start: int = 0,
                       end: int = 0) -> Applied[Correction]:  # fmt: skip
        done = self.add_corrections([Correction(article_id, start, end, exact, type, action)],
                                    label="Mark Entity" if action == "add" else "Remove Entity")  # fmt: skip
        return Applied(done.value[0], done.changes)

    def delete_correction(self, correction_id: str) -> Applied[Correction]:
        with refusing():
            gone = self._prefs.delete_correction(correction_id)
        self._push("Forget Correction", lambda: self._swap_corrections([], [gone]),
                   lambda: self._swap_corrections([gone], []))  # fmt: skip
        return Applied(gone, _corrections_changed([gone]))

    # -- aliases: "always: X is Y" -------------------------------------------------------------

    def _swap_aliases(self, remove: Sequence[EntityAlias], restore: Sequence[EntityAlias]) -> Changes:
        self._prefs.replace_aliases([a.id for a in remove], restore)
        return Changes(corrections=True)  # every article's entities may be grouped otherwise

    def add_alias(self, *, alias: str, target: str) -> Applied[EntityAlias]:
        """Make `alias` a name of `target` in every article and library view; undoable."""
        with refusing():
            new, replaced = self._prefs.put_alias(alias, target)
        before = [replaced] if replaced is not None else []
        self._push("Same Entity", lambda: self._swap_aliases([new], before), lambda: self._swap_aliases(before, [new]))
        return Applied(new, Changes(corrections=True))

    def delete_alias(self, alias_id: str) -> Applied[EntityAlias]:
        with refusing():
            gone = self._prefs.delete_alias(alias_id)
        self._push("Forget Same Entity", lambda: self._swap_aliases([], [gone]), lambda: self._swap_aliases([gone], []))
        return Applied(gone, Changes(corrections=True))

    # -- watch terms ---------------------------------------------------------------------------

    def _put_watch_term(self, term_id: str, record: tuple[WatchTerm, str] | None) -> Changes:
        if record is not None:
            self._prefs.put_watch_term(*record)
        elif self._prefs.watch_term_created(term_id):
            self._prefs.delete_watch_term(term_id)
        return Changes(watch_terms=True)

    def add_watch_term(self, term: str, *, whole_word: bool = True, case_sensitive: bool = False,
                       color: str = "") -> Applied[WatchTerm]:  # fmt: skip
        """Watch `term` in every article; the same term again changes its options (or colour)."""
        old = self._prefs.find_watch_term(term)
        before = (old, self._prefs.watch_term_created(old.id)) if old is not None else None
        with refusing():
            new = self._prefs.add_watch_term(term, whole_word=whole_word, case_sensitive=case_sensitive, color=color)
        after = (new, self._prefs.watch_term_created(new.id))
        label = "Watch Term" if old is None else "Change Watch Term"
        self._push(label, lambda: self._put_watch_term(new.id, before), lambda: self._put_watch_term(new.id, after))
        return Applied(new, Changes(watch_terms=True))

    def delete_watch_term(self, term_id: str) -> Applied[WatchTerm]:
        created = self._prefs.watch_term_created(term_id)
        with refusing():
            gone = self._prefs.delete_watch_term(term_id)
        self._push("Stop Watching", lambda: self._put_watch_term(term_id, (gone, created)),
                   lambda: self._put_watch_term(term_id, None))  # fmt: skip
        return Applied(gone, Changes(watch_terms=True))
