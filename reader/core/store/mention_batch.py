"""An article's mention rows made where it was tagged (an import worker), stored by the writer as they come.

Grouping an article's mentions into their stored rows (`library_entities.mention_rows`: the alias table,
acronyms, the persons' rows) took about a third of the writer's CPU per article in a pool import, and the
writer is the one process that stores every batch and, in the app, draws the window. A worker makes the rows
instead, right after tagging (`group_for_store`), with the same functions and the same built-in alias table,
so the stored rows are the same; the writer adds the article's rowid and inserts them (`put_grouped`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from reader.core.entities import EntitySpan
from reader.core.entities.aliases import builtin_table
from reader.core.store.library_entities import learned_rows, mention_rows
from reader.core.store.surname_join import person_rows, put_person_rows

Row = tuple[object, ...]


class GroupedMentions(NamedTuple):
    """An article's rows for `mentions`, `learned_aliases` and `person_names`, each without its first
    column (the article's rowid, known only once the writer has inserted the article)."""

    mentions: tuple[Row, ...]
    learned: tuple[Row, ...]
    persons: tuple[Row, ...]


def group_for_store(spans: Iterable[EntitySpan], text: str) -> GroupedMentions:
    """The rows `Library.store_batch` would make of these spans in an article with this body."""
    table = builtin_table()
    rows = mention_rows(0, spans, table, text)
    return GroupedMentions(tuple(r[1:] for r in rows), tuple(r[1:] for r in learned_rows(rows, table)),
                           tuple(r[1:] for r in person_rows(0, rows)))  # fmt: skip


def put_grouped(db: sqlite3.Connection, rowid: int, grouped: GroupedMentions, *, fresh: bool,
                marked: bool = False) -> None:  # fmt: skip
    """Store an article's grouped mentions in the caller's transaction and mark it tagged (`marked`: it was
    inserted tagged); `fresh`: the transaction inserted the article, so it has no rows to replace. The caller
    then says the mentions changed (`LibraryEntities._mentions_stored`), once for a whole batch."""
    mentions = [(rowid, *r) for r in grouped.mentions]
    learned = [(rowid, *r) for r in grouped.learned]
    persons = [(rowid, *r) for r in grouped.persons]
    if not fresh:
        db.execute("DELETE FROM mentions WHERE article_rowid=?", (rowid,))
        db.execute("DELETE FROM learned_aliases WHERE article_rowid=?", (rowid,))
    db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?)", mentions)
    db.executemany("INSERT INTO learned_aliases VALUES (?,?,?,?)", learned)
    if fresh:
        db.executemany("INSERT INTO person_names VALUES (?,?,?,?)", persons)
    else:
        put_person_rows(db, rowid, persons)  # type: ignore[arg-type]  # the rows person_rows made
    if not marked:
        db.execute("UPDATE articles SET tagged=1 WHERE rowid=?", (rowid,))
