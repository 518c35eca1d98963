"""What the article list asks of the library: filter words, views and sort order, as SQL."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import PureWindowsPath

from reader.core.search_query import FilterSpec, QueryError, parse_filter

__all__ = ["FilterSpec", "ListQuery", "QueryError", "build_list_sql", "parse_filter", "with_search"]

SORT_COLUMNS = {
    "title": "a.title COLLATE NOCASE",
    "source": "a.source COLLATE NOCASE",
    "published": "a.published",
    "words": "a.words",
    "path": "a.path",
}


@dataclass(frozen=True)
class ListQuery:
    """One request for article ids: every field narrows the list; None/empty means no limit."""

    title: str = ""  # words that must all occur in the title
    text: str = ""  # FTS5 query over title and body
    exclude: str = ""  # FTS5 query over title and body that must not match
    sources: tuple[str, ...] = ()  # each must occur in the source's name (any case)
    source: str = ""  # exactly this source's name (a source chosen in the sidebar)
    authors: tuple[str, ...] = ()  # each must occur in the byline (any case)
    before: str = ""  # published before this ISO prefix ("2024-05")
    after: str = ""  # published at or after this ISO prefix
    entity: str = ""  # canonical entity key ("vladimir putin", "united states")
    entity_names: tuple[str, ...] = ()  # other names that lead to it ("us", "america"; from the alias tables)
    folder: str = ""  # only articles found in a file under this folder
    flags: tuple[str, ...] = ()  # bookmarked, annotated, unread, read (joined from the user database)
    tags: tuple[str, ...] = ()  # bookmark tags the article must all have
    sort: str = "published"
    descending: bool = True
    kept: bool = False  # also list the user's articles found in no library file (`Library` keeps them)


# Each view flag as a condition on the article's id, read from the attached user database.
FLAG_SQL = {
    "bookmarked": "a.id IN (SELECT article_id FROM user.bookmarks)",
    "annotated": "a.id IN (SELECT article_id FROM user.notes UNION SELECT article_id FROM user.highlights)",
    "read": "a.id IN (SELECT article_id FROM user.read_state)",
    "unread": "a.id NOT IN (SELECT article_id FROM user.read_state)",
    "noted": "a.id IN (SELECT article_id FROM user.notes)",
    "highlighted": "a.id IN (SELECT article_id FROM user.highlights)",
}
# The articles that hold the user's work: their cache rows outlive their files.
USERS_ARTICLE_SQL = f"({FLAG_SQL['bookmarked']} OR {FLAG_SQL['annotated']})"


def conditions(q: ListQuery) -> tuple[list[str], list[object], bool]:
    """`q`'s conditions on `a` (the articles, or their index rows), their parameters, and whether any reads a
    column besides `a.rowid` (the full-text words are not among them: see `fts_match`)."""
    where: list[str] = [] if q.kept else ["a.rowid NOT IN (SELECT article_rowid FROM kept)"]
    params: list[object] = []
    if q.entity:
        sql, entity_params = entity_condition(q.entity, q.entity_names)
        where.append(sql)
        params += entity_params
    if q.folder:
        low, high = folder_range(q.folder)
        where.append("a.rowid IN (SELECT article_rowid FROM locations WHERE path >= ? AND path < ?)")
        params += [low, high]
    if q.exclude and not positive_match(q):  # else inside the full-text expression (`fts_match`)
        where.append("a.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(q.exclude)
    rowid_only = len(where)
    where += [FLAG_SQL[flag] for flag in dict.fromkeys(q.flags) if flag in FLAG_SQL]  # unknown flags limit nothing
    for tag in dict.fromkeys(q.tags):
        where.append("a.id IN (SELECT article_id FROM user.bookmark_tags WHERE tag = ?)")
        params.append(tag)
    if q.source:
        where.append("a.source = ?")
        params.append(q.source)
    for column, values in (("a.source", q.sources), ("a.byline", q.authors)):
        for value in values:
            where.append(f"{column} LIKE ? ESCAPE '\\'")
            params.append("%" + re.sub(r"([\\%_])", r"\\\1", value) + "%")
    if q.before:
        where.append("a.published < ? AND a.published != ''")
        params.append(q.before)
    if q.after:
        where.append("a.published >= ?")
        params.append(q.after)
    return where, params, len(where) > rowid_only


def positive_match(q: ListQuery) -> str:
    """The FTS5 expression of what the article must hold ("" when none): title words as prefixes, then the text."""
    match = [title_match(word) for word in q.title.split() if title_match(word)]
    if q.text:
        match.append(f"({q.text})")
    return " AND ".join(match)


def fts_match(q: ListQuery) -> str:
    """The FTS5 expression the article must match ("" when none): `positive_match` less the excluded words
    (`(a AND b) NOT (c)`), so the index evaluates the whole query in one pass over its lists. Exclusions alone
    have none (FTS5's NOT needs a left side): `conditions` then drops the index's matches from every article."""
    positive = positive_match(q)
    return f"({positive}) NOT ({q.exclude})" if positive and q.exclude else positive


_STRING = re.compile(r'"(?:[^"]|"")*"')


def has_prefix(q: ListQuery) -> bool:
    """Whether `q`'s words hold a prefix (`word*`, every `title:` word): one such term stands for many."""
    return bool(q.title) or "*" in _STRING.sub("", q.text + " " + q.exclude)


def build_list_sql(
    q: ListQuery, *, seek: tuple[object, str] | None = None, key: bool = False, before: bool = False
) -> tuple[str, list[object]]:
    """The SELECT for `q`; flags and tags read the `user` database attached to the cache. `seek` (a row's sort key
    and id, from `key=True`, which selects the sort key before the id) starts the list at that row, or with
    `before` lists only the rows before it."""
    where, params, _row = conditions(q)
    if seek is not None and q.sort in SORT_COLUMNS:
        where.append(seek_condition(q, before=before))
        params += list(seek)
    join = ""
    order = SORT_COLUMNS.get(q.sort, SORT_COLUMNS["published"])
    match = fts_match(q)
    if match:
        join = " JOIN articles_fts f ON f.rowid = a.rowid"
        where.append("articles_fts MATCH ?")
        params.append(match)
    order_params: list[object] = []
    ranked = q.sort == "rank" and bool(match)  # without words to rank by, newest first
    if ranked and q.text:  # title matches first, then bm25 (FTS5's rank) within each part
        order = "f.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?), f.rank"
        order_params.append(f"title : ({q.text})")
    elif ranked:
        order = "f.rank"
    direction = "DESC" if q.descending and not ranked else "ASC"
    sql = f"SELECT {order} AS k, a.id AS i FROM articles a{join}" if key else f"SELECT a.id FROM articles a{join}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    tie = "" if ranked else f", a.id {direction}"  # (column, id) indexes serve the whole order
    sql += f" ORDER BY {order} {direction}{tie}"
    return sql, params + order_params


def seek_condition(q: ListQuery, *, before: bool = False) -> str:
    """From a row on (or the rows `before` it), in `q`'s order: a row value over the sort index's own columns,
    so SQLite seeks to it."""
    op = (">" if q.descending else "<") if before else ("<=" if q.descending else ">=")
    return f"({SORT_COLUMNS[q.sort]}, a.id) {op} (?, ?)"


def with_search(base: ListQuery, spec: FilterSpec, entity: str = "") -> ListQuery:
    """`base` narrowed by a parsed search (`entity` is the canonical form of `spec.entity`); the user's own
    views (bookmarked, annotated, noted, highlighted, a tag) list their articles even when the files left."""
    flags = (*base.flags, *spec.flags)
    tags = (*base.tags, *spec.tags)
    kept = base.kept or bool(tags) or any(f in ("bookmarked", "annotated", "noted", "highlighted") for f in flags)
    return replace(
        base, title=spec.title, text=spec.text, exclude=spec.exclude, entity=entity or base.entity, flags=flags,
        tags=tags, sources=tuple(spec.sources), authors=tuple(spec.authors), before=spec.before, after=spec.after,
        kept=kept,
    )  # fmt: skip


# The key a mention counts under once the user's "X is Y" rules apply (library_entities fills temp.user_alias).
# A rule with a type (a joined surname: "PER") holds only for mentions of that type, and not for a bare
# surname its own article left alone (`short` set: the article names two full names with it).
_RULE = ("SELECT u.key FROM temp.user_alias u WHERE u.alias = m.{}"
         " AND (u.etype = '' OR (u.etype = m.etype AND m.short = ''))")
EFFECTIVE_KEY = f"coalesce(({_RULE.format('name')}), ({_RULE.format('key')}), m.key)"


def entity_condition(key: str, names: tuple[str, ...]) -> tuple[str, list[object]]:
    """Articles with a mention of the entity `key` (stored under it or under one of `names`, the user's
    rules applied); a single word finds every person it names: the full names it ends ("Kask": "Peeter
    Kask") and its bare mentions, whichever full name the library joined them to or none.

    A full name does not find articles that give only the surname unless the library joined that surname
    to it: which "Kask" they mean is not known.
    """
    every = (key, *names)
    marks = ",".join("?" * len(every))
    word = key if " " not in key else None  # NULL matches no surname
    # `m.name != m.key` and `m.short != ''` change no answer (a name equal to its key is found by the key; the
    # surname asked is never ''): they let SQLite use the partial indexes on those columns (library_schema)
    sql = (f"a.rowid IN (SELECT m.article_rowid FROM mentions m WHERE ((m.key IN ({marks}) OR (m.name IN ({marks})"
           f" AND m.name != m.key)) AND {EFFECTIVE_KEY} = ?) OR (((m.short = ? AND m.short != '') OR m.key = ?)"
           " AND m.etype = 'PER'))")  # fmt: skip
    return sql, [*every, *every, key, word, word]


_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)")


def folder_range(folder: str) -> tuple[bytes, bytes]:
    """The stored-path bytes of every file under `folder`: [low, high), compared byte by byte.

    The folder ends with its own separator (a Windows path with "\\"), so "news" does not take in
    "news-old"; a range instead of LIKE means "_" and "%" in a folder name are plain characters.
    """
    windows = os.sep == "\\" or bool(_WINDOWS_PATH.match(folder))
    sep = "\\" if windows else "/"
    if windows:
        folder = str(PureWindowsPath(folder))
    low = os.fsencode(folder.rstrip("/\\") + sep)
    return low, low[:-1] + bytes([low[-1] + 1])


def title_match(word: str) -> str:
    """An FTS5 expression for a title word typed in the filter box: any title word starting with it."""
    tokens = re.findall(r"\w+", word)
    return " AND ".join(f'title : "{t}"*' for t in tokens)
