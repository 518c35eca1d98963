"""The notebook's query: every highlight and article note of the user, with its article, filtered and ordered.

It runs on the library cache's connection, where the user database is attached read-only as `user`
(see `library_schema.attach_user_db`), so the article's title, source and date are joined in SQL.
Like the article list, it returns ids first (`notebook_ids`) and the row data only for the rows a view
shows (`notebook_rows`). An article note's id is `note:<article id>`; a highlight's is its own uuid.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

NOTE_PREFIX = "note:"
ORDERS = ("newest", "article")

# Why an entry is listed as orphaned, in the words the notebook shows.
ORPHAN_NOTES = {
    "unanchored": "Its passage is no longer in the article",
    "kept": "The article is no longer in your library",
    "missing": "The article is no longer in the cache",
}

# One row per highlight and per article note; notes have no colour, and sort before the article's highlights.
_ENTRIES = (
    "SELECT h.id AS id, h.article_id AS article_id, h.exact AS quote, h.color AS color, h.note AS note,"
    " h.created AS created, h.start AS start, h.orphan AS orphan FROM user.highlights h"
    " UNION ALL SELECT 'note:' || n.article_id, n.article_id, '', '', n.text, n.created, -1, 0 FROM user.notes n"
)
_STATUS = (
    "CASE WHEN a.id IS NULL THEN 'missing' WHEN a.rowid IN (SELECT article_rowid FROM kept) THEN 'kept'"
    " WHEN {orphan} THEN 'unanchored' ELSE '' END"
)
_ORDER_SQL = {
    "newest": "e.created DESC, e.id",
    "article": "coalesce(t.rank, -1), e.article_id, e.start, e.created, e.id",
}
# Each article's place in title order, read from the covering title index (never the wide article rows):
# joining 50,000 entries to the articles themselves to sort them took most of a second.
_TITLE_RANKS = (
    "LEFT JOIN (SELECT id, row_number() OVER (ORDER BY title COLLATE NOCASE, id) AS rank"
    " FROM articles INDEXED BY articles_title) t ON t.id = e.article_id"
)


@dataclass(frozen=True)
class NotebookQuery:
    """What the notebook lists: every field narrows it; empty means no limit."""

    text: str = ""  # in the quote or the note, any case
    color: str = ""  # a highlight colour name (article notes have none)
    tag: str = ""  # a bookmark tag of the article
    source: str = ""  # the article's source, exactly as listed
    date_from: str = ""  # YYYY-MM-DD, the day the highlight or note was made (inclusive, UTC)
    date_to: str = ""
    order: str = "newest"  # or "article"


@dataclass(frozen=True)
class NotebookRow:
    """One highlight or article note as the notebook shows and exports it."""

    id: str
    article_id: str
    quote: str  # "" for an article note
    prefix: str
    suffix: str
    color: str  # "" for an article note
    note: str
    created: str
    modified: str
    start: int  # -1 for an article note
    end: int
    title: str
    source: str
    published: str
    url: str
    byline: str
    status: str  # "" or a key of ORPHAN_NOTES

    @property
    def is_note(self) -> bool:
        return self.id.startswith(NOTE_PREFIX)

    @property
    def orphaned(self) -> bool:
        return bool(self.status)


def _has(quote: str | None, note: str | None, needle: str) -> bool:
    return needle in (quote or "").casefold() or needle in (note or "").casefold()


def _prepare(db: sqlite3.Connection) -> None:
    # SQLite's lower() and LIKE fold ASCII only; "Émile" must match "émile". One call per entry, not two.
    db.create_function("nb_has", 3, _has, deterministic=True)


def has_user_data(db: sqlite3.Connection) -> bool:
    """False when only the empty stand-in is attached (no user database): there is nothing to list."""
    columns = {r[1] for r in db.execute("PRAGMA user.table_info(highlights)")}
    return "exact" in columns


def build_notebook_sql(q: NotebookQuery) -> tuple[str, list[object]]:
    """The SQL (and its parameters) giving the ids of the entries `q` asks for, in its order."""
    if q.order not in _ORDER_SQL:
        raise ValueError(f"unknown notebook order {q.order!r}; use one of {', '.join(ORDERS)}")
    where: list[str] = []
    params: list[object] = []
    if q.text.strip():
        where.append("nb_has(e.quote, e.note, ?)")
        params.append(q.text.strip().casefold())
    if q.color:
        where.append("e.color = ?")
        params.append(q.color)
    if q.tag:
        where.append("e.article_id IN (SELECT article_id FROM user.bookmark_tags WHERE tag = ?)")
        params.append(q.tag)
    if q.source:
        # the NOCASE comparison lets SQLite use the covering source index; the exact one keeps the meaning
        where.append("e.article_id IN (SELECT id FROM articles WHERE source = ? COLLATE NOCASE AND source = ?)")
        params += [q.source, q.source]
    if q.date_from:
        where.append("substr(e.created, 1, 10) >= ?")
        params.append(q.date_from)
    if q.date_to:
        where.append("substr(e.created, 1, 10) <= ?")
        params.append(q.date_to)
    sql = f"SELECT e.id FROM ({_ENTRIES}) e"
    if q.order == "article":
        sql += " " + _TITLE_RANKS
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + f" ORDER BY {_ORDER_SQL[q.order]}", params


def notebook_ids(db: sqlite3.Connection, q: NotebookQuery | None = None) -> list[str]:
    """Ids of the highlights and notes matching `q`, in its order (cheap even for 50,000)."""
    if not has_user_data(db):
        return []
    _prepare(db)
    sql, params = build_notebook_sql(q or NotebookQuery())
    return [r[0] for r in db.execute(sql, params)]


_ARTICLE_COLUMNS = "a.title, a.source, a.published, a.url, a.byline"
_HIGHLIGHT_ROWS = (
    "SELECT h.id, h.article_id, h.exact, h.prefix, h.suffix, h.color, h.note, h.created, h.modified, h.start,"
    f" h.end, {_ARTICLE_COLUMNS}, {_STATUS.format(orphan='h.orphan')}"
    " FROM user.highlights h LEFT JOIN articles a ON a.id = h.article_id WHERE h.id IN ({marks})"
)
_NOTE_ROWS = (
    "SELECT 'note:' || n.article_id, n.article_id, '', '', '', '', n.text, n.created, n.modified, -1, -1,"
    f" {_ARTICLE_COLUMNS}, {_STATUS.format(orphan='0')}"
    " FROM user.notes n LEFT JOIN articles a ON a.id = n.article_id WHERE n.article_id IN ({marks})"
)


def notebook_rows(db: sqlite3.Connection, ids: list[str]) -> dict[str, NotebookRow]:
    """The rows for some ids (a page of the view, or the whole filtered set for an export)."""
    out: dict[str, NotebookRow] = {}
    highlight_ids = [i for i in ids if not i.startswith(NOTE_PREFIX)]
    note_articles = [i[len(NOTE_PREFIX) :] for i in ids if i.startswith(NOTE_PREFIX)]
    for template, keys in ((_HIGHLIGHT_ROWS, highlight_ids), (_NOTE_ROWS, note_articles)):
        for chunk in _chunks(keys, 500):
            for r in db.execute(template.format(marks=",".join("?" * len(chunk))), chunk):
                out[r[0]] = NotebookRow(
                    id=r[0], article_id=r[1], quote=r[2], prefix=r[3], suffix=r[4], color=r[5], note=r[6],
                    created=r[7], modified=r[8], start=r[9], end=r[10], title=r[11] or "", source=r[12] or "",
                    published=r[13] or "", url=r[14] or "", byline=r[15] or "", status=r[16],
                )  # fmt: skip
    return out


def ordered_rows(db: sqlite3.Connection, ids: list[str]) -> list[NotebookRow]:
    """The rows for `ids` in that order (an entry deleted meanwhile is left out)."""
    rows = notebook_rows(db, ids)
    return [rows[i] for i in ids if i in rows]


def notebook_sources(db: sqlite3.Connection) -> list[str]:
    """The sources of the articles that have highlights or notes, for the source filter."""
    if not has_user_data(db):
        return []
    sql = (
        "SELECT DISTINCT a.source FROM articles a WHERE a.source != '' AND a.id IN"
        " (SELECT article_id FROM user.highlights UNION SELECT article_id FROM user.notes)"
        " ORDER BY a.source COLLATE NOCASE"
    )
    return [r[0] for r in db.execute(sql)]


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
