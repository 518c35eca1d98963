"""The user's entity corrections and watch terms: records, the store over the user db, and applying them.

A correction is user data: it says "this passage is (not) an entity" for one article, or for
every article ("always" / "never", article_id ""). `apply_corrections` is the pure function that
turns the tagger's stored spans plus the corrections into what the window shows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.entities.aliases import name_key
from reader.core.entities.span import ENTITY_TYPES, EntitySpan
from reader.core.store.db import connect, new_id, transaction, utc_now
from reader.core.store.migrations import migrate
from reader.core.watch_terms import WATCH_COLORS, WatchTerm, find_phrase

ACTIONS = ("add", "remove")
EVERY_ARTICLE = ""  # article_id of an "always" / "never" correction

_CORRECTION_COLUMNS = "id, article_id, start, end, exact, type, action, created"
_WATCH_COLUMNS = "id, term, whole_word, case_sensitive, color"
_ALIAS_COLUMNS = "id, alias, target, created"


@dataclass(frozen=True)
class Correction:
    """One user decision about entities: add or remove `exact` (at start..end, or everywhere)."""

    article_id: str  # "" = every article (always / never)
    start: int
    end: int
    exact: str
    type: str
    action: str  # "add" | "remove"
    id: str = ""
    created: str = ""

    @property
    def everywhere(self) -> bool:
        return self.article_id == EVERY_ARTICLE


@dataclass(frozen=True)
class EntityAlias:
    """The user's "always: `alias` is `target`": in every library view the one counts as the other."""

    alias: str
    target: str
    id: str = ""
    created: str = ""


def _overlaps(span: EntitySpan, start: int, end: int) -> bool:
    return span.start < end and start < span.end


def _place(spans: list[EntitySpan], new: list[EntitySpan]) -> list[EntitySpan]:
    """Put `new` spans in, dropping whatever they overlap."""
    if not new:
        return spans
    kept = [s for s in spans if not any(_overlaps(s, n.start, n.end) for n in new)]
    return sorted(kept + new, key=lambda s: (s.start, s.end))


def _apply_one(text: str, spans: list[EntitySpan], c: Correction) -> list[EntitySpan]:
    if not c.everywhere:
        if text[c.start : c.end] != c.exact:  # the article changed under the correction: leave it out
            return spans
        if c.action == "add":
            return _place(spans, [EntitySpan(c.start, c.end, c.type, c.exact)])
        return [s for s in spans if not _overlaps(s, c.start, c.end)]
    if c.action == "remove":
        return [s for s in spans if s.text != c.exact]
    # "Always": every whole-word occurrence, except where a span of that type already covers it
    # (an "always Putin" must not cut "Vladimir Putin" down to "Putin").
    new = [
        EntitySpan(start, end, c.type, text[start:end])
        for start, end in find_phrase(text, c.exact, whole_word=True, case_sensitive=True)
        if not any(s.type == c.type and s.start <= start and end <= s.end for s in spans)
    ]
    return _place(spans, new)


def apply_corrections(text: str, spans: Iterable[EntitySpan], corrections: Iterable[Correction]) -> list[EntitySpan]:
    """The spans the user sees: the tagger's, then every-article rules, then this article's own.

    Within each group the corrections apply in the order given (oldest first), so a later
    decision wins over an earlier one. Corrections for other articles are ignored by the caller.
    """
    result = sorted(spans, key=lambda s: (s.start, s.end))
    ordered = [c for c in corrections if c.everywhere] + [c for c in corrections if not c.everywhere]
    for c in ordered:
        result = _apply_one(text, result, c)
    return result


def _correction(row: tuple) -> Correction:
    cid, article_id, start, end, exact, typ, action, created = row
    return Correction(article_id, start, end, exact, typ, action, cid, created)


def _watch(row: tuple) -> WatchTerm:
    wid, term, whole_word, case_sensitive, color = row
    return WatchTerm(term, bool(whole_word), bool(case_sensitive), color, wid)


def _check_correction(c: Correction) -> None:
    if c.action not in ACTIONS:
        raise ValueError(f"a correction adds or removes, not {c.action!r}")
    if c.action == "add" and c.type not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {c.type!r}; use one of {', '.join(ENTITY_TYPES)}")
    if not c.exact.strip():
        raise ValueError("a correction needs the text it is about")
    if not c.everywhere and not (0 <= c.start < c.end and c.end - c.start == len(c.exact)):
        raise ValueError(f"start={c.start} end={c.end} do not fit the text {c.exact!r}")


def _alias(row: tuple) -> EntityAlias:
    aid, alias, target, created = row
    return EntityAlias(alias, target, aid, created)


class EntityPrefs:
    """Corrections, watch terms (migration step 3) and aliases (step 4) in the user database."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._own = False

    @classmethod
    def open(cls, path: str | Path) -> EntityPrefs:
        """Its own connection to the user database (upgraded to the latest schema if needed)."""
        conn = connect(Path(path))
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        prefs = cls(conn)
        prefs._own = True
        return prefs

    def close(self) -> None:
        if self._own:
            self._conn.close()

    # -- corrections ----------------------------------------------------------------------

    def add_correction(
        self, *, article_id: str, exact: str, type: str, action: str, start: int = 0, end: int = 0
    ) -> Correction:
        """Record a decision; it replaces an earlier one about the same passage (or text, everywhere)."""
        [added], _replaced = self.add_corrections([Correction(article_id, start, end, exact, type, action)])
        return added

    def add_corrections(self, wanted: Iterable[Correction]) -> tuple[list[Correction], list[Correction]]:
        """Record decisions in one transaction: (the new records, the earlier ones they replaced)."""
        added: list[Correction] = []
        for w in wanted:
            start, end = (0, 0) if w.article_id == EVERY_ARTICLE else (w.start, w.end)
            c = Correction(w.article_id, start, end, w.exact, w.type, w.action, new_id(), utc_now())
            _check_correction(c)
            added.append(c)
        replaced: list[Correction] = []
        with transaction(self._conn) as conn:
            for c in added:
                params: tuple[str | int, ...]
                if c.everywhere:
                    where, params = "article_id = '' AND exact = ?", (c.exact,)
                else:
                    where, params = "article_id = ? AND start < ? AND ? < end", (c.article_id, c.end, c.start)
                rows = conn.execute(f"SELECT {_CORRECTION_COLUMNS} FROM entity_corrections WHERE {where}", params)
                batch = {a.id for a in added}
                replaced += [r for r in map(_correction, rows) if r.id not in batch]
                conn.execute(f"DELETE FROM entity_corrections WHERE {where}", params)
                self._insert_correction(conn, c)
        return added, replaced

    def _insert_correction(self, conn: sqlite3.Connection, c: Correction) -> None:
        conn.execute(
            f"INSERT OR REPLACE INTO entity_corrections ({_CORRECTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (c.id, c.article_id, c.start, c.end, c.exact, c.type, c.action, c.created),
        )

    def replace_corrections(self, remove_ids: Iterable[str], restore: Iterable[Correction]) -> None:
        """Forget some records and put others back exactly (ids, times): undo and redo of a decision."""
        with transaction(self._conn) as conn:
            conn.executemany("DELETE FROM entity_corrections WHERE id = ?", [(i,) for i in remove_ids])
            for c in restore:
                self._insert_correction(conn, c)

    def corrections(self, article_id: str | None = None) -> list[Correction]:
        """All corrections, or those that apply to one article (its own and the every-article ones)."""
        sql = f"SELECT {_CORRECTION_COLUMNS} FROM entity_corrections"
        params: tuple = ()
        if article_id is not None:
            sql += " WHERE article_id IN (?, '')"
            params = (article_id,)
        rows = self._conn.execute(sql + " ORDER BY created, rowid", params)
        return [_correction(r) for r in rows]

    def delete_correction(self, correction_id: str) -> Correction:
        """Forget a correction and return it (so it can be put back). KeyError if there is none."""
        with transaction(self._conn) as conn:
            row = conn.execute(
                f"SELECT {_CORRECTION_COLUMNS} FROM entity_corrections WHERE id = ?", (correction_id,)
            ).fetchone()
            if row is None:
                raise KeyError(f"no correction with id {correction_id}")
            conn.execute("DELETE FROM entity_corrections WHERE id = ?", (correction_id,))
        return _correction(row)

    # -- watch terms ----------------------------------------------------------------------

    def watch_terms(self) -> list[WatchTerm]:
        rows = self._conn.execute(f"SELECT {_WATCH_COLUMNS} FROM watch_terms ORDER BY created, rowid")
        return [_watch(r) for r in rows]

    def add_watch_term(
        self, term: str, *, whole_word: bool = True, case_sensitive: bool = False, color: str = ""
    ) -> WatchTerm:
        """Watch `term` (spaces tidied); the same term again updates its options and keeps its place."""
        term = " ".join(term.split())
        if not term:
            raise ValueError("a watch term needs at least one character that is not a space")
        if not color:
            count = self._conn.execute("SELECT count(*) FROM watch_terms").fetchone()[0]
            color = WATCH_COLORS[count % len(WATCH_COLORS)]
        with transaction(self._conn) as conn:
            conn.execute(
                "INSERT INTO watch_terms (id, term, whole_word, case_sensitive, color, created)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (term) DO UPDATE SET whole_word = excluded.whole_word,"
                " case_sensitive = excluded.case_sensitive, color = excluded.color",
                (new_id(), term, int(whole_word), int(case_sensitive), color, utc_now()),
            )
            row = conn.execute(f"SELECT {_WATCH_COLUMNS} FROM watch_terms WHERE term = ?", (term,)).fetchone()
        return _watch(row)

    def watch_term_created(self, term_id: str) -> str:
        """When the term was first watched (its place in the list); "" when it is not watched."""
        row = self._conn.execute("SELECT created FROM watch_terms WHERE id = ?", (term_id,)).fetchone()
        return row[0] if row else ""

    def find_watch_term(self, term: str) -> WatchTerm | None:
        """The watched term spelled `term` (spaces tidied), if any."""
        term = " ".join(term.split())
        row = self._conn.execute(f"SELECT {_WATCH_COLUMNS} FROM watch_terms WHERE term = ?", (term,)).fetchone()
        return _watch(row) if row else None

    def put_watch_term(self, t: WatchTerm, created: str) -> None:
        """Put a term back exactly as recorded (id, options, place): undo and redo."""
        with transaction(self._conn) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO watch_terms (id, term, whole_word, case_sensitive, color, created)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (t.id, t.term, int(t.whole_word), int(t.case_sensitive), t.color, created or utc_now()),
            )

    def delete_watch_term(self, term_id: str) -> WatchTerm:
        """Stop watching a term and return it. KeyError if there is none."""
        with transaction(self._conn) as conn:
            row = conn.execute(f"SELECT {_WATCH_COLUMNS} FROM watch_terms WHERE id = ?", (term_id,)).fetchone()
            if row is None:
                raise KeyError(f"no watch term with id {term_id}")
            conn.execute("DELETE FROM watch_terms WHERE id = ?", (term_id,))
        return _watch(row)

    # -- aliases ----------------------------------------------------------------------------

    def aliases(self) -> list[EntityAlias]:
        """The user's "X is Y" rules, oldest first (a later rule about the same X replaced the earlier)."""
        rows = self._conn.execute(f"SELECT {_ALIAS_COLUMNS} FROM entity_aliases ORDER BY created, rowid")
        return [_alias(r) for r in rows]

    def put_alias(self, alias: str, target: str) -> tuple[EntityAlias, EntityAlias | None]:
        """Record "`alias` is `target`" (spaces tidied): (the new record, the one it replaced about `alias`)."""
        alias, target = " ".join(alias.split()), " ".join(target.split())
        if not alias or not target:
            raise ValueError("Say which name is which: both names need at least one letter")
        if name_key(alias) == name_key(target):
            raise ValueError(f"“{alias}” and “{target}” are already the same name")
        new = EntityAlias(alias, target, new_id(), utc_now())
        with transaction(self._conn) as conn:
            row = conn.execute(f"SELECT {_ALIAS_COLUMNS} FROM entity_aliases WHERE alias = ?", (alias,)).fetchone()
            conn.execute("DELETE FROM entity_aliases WHERE alias = ?", (alias,))
            self._insert_alias(conn, new)
        return new, (_alias(row) if row else None)

    def _insert_alias(self, conn: sqlite3.Connection, a: EntityAlias) -> None:
        conn.execute(f"INSERT OR REPLACE INTO entity_aliases ({_ALIAS_COLUMNS}) VALUES (?, ?, ?, ?)",
                     (a.id, a.alias, a.target, a.created))  # fmt: skip

    def replace_aliases(self, remove_ids: Iterable[str], restore: Iterable[EntityAlias]) -> None:
        """Forget some rules and put others back exactly (ids, times): undo and redo."""
        with transaction(self._conn) as conn:
            conn.executemany("DELETE FROM entity_aliases WHERE id = ?", [(i,) for i in remove_ids])
            for a in restore:
                conn.execute("DELETE FROM entity_aliases WHERE alias = ?", (a.alias,))
                self._insert_alias(conn, a)

    def delete_alias(self, alias_id: str) -> EntityAlias:
        """Forget a rule and return it. KeyError if there is none."""
        with transaction(self._conn) as conn:
            row = conn.execute(f"SELECT {_ALIAS_COLUMNS} FROM entity_aliases WHERE id = ?", (alias_id,)).fetchone()
            if row is None:
                raise KeyError(f"no alias with id {alias_id}")
            conn.execute("DELETE FROM entity_aliases WHERE id = ?", (alias_id,))
        return _alias(row)
