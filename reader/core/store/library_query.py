"""What the article list asks of the library: filter words, views and sort order, as SQL."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

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
    entity: str = ""  # canonical entity key ("vladimir putin")
    folder: str = ""  # only files under this folder
    only_ids: frozenset[str] | None = None  # e.g. the bookmarked ones (from the user database)
    exclude_ids: frozenset[str] | None = None  # e.g. the read ones, for "Unread"
    sort: str = "published"
    descending: bool = True


@dataclass
class FilterSpec:
    """The filter box's text, understood: `entity:"X"`, `tag:T`, `is:bookmarked`, `text:Q`, title words."""

    title: str = ""
    text: str = ""
    entity: str = ""
    tags: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # bookmarked, annotated, unread, read


_FIELD = re.compile(r"^(entity|tag|is|text):(.*)$", re.IGNORECASE)


def parse_filter(text: str) -> FilterSpec:
    """Split the filter box's text into its parts; unknown words filter the title."""
    try:
        words = shlex.split(text)
    except ValueError:  # an unclosed quote: take the words as they are
        words = text.replace('"', " ").split()
    spec = FilterSpec()
    title_words = []
    for word in words:
        m = _FIELD.match(word)
        if not m or not m.group(2):
            title_words.append(word)
            continue
        key, value = m.group(1).lower(), m.group(2)
        if key == "entity":
            spec.entity = value
        elif key == "tag":
            spec.tags.append(value)
        elif key == "is":
            spec.flags.append(value.lower())
        else:
            spec.text = f"{spec.text} {value}".strip()
    spec.title = " ".join(title_words)
    return spec


def build_list_sql(q: ListQuery) -> tuple[str, list[object]]:
    """The SELECT for `q` (temp tables only_ids/exclude_ids are filled by the caller)."""
    where: list[str] = []
    params: list[object] = []
    if q.entity:  # the name itself, a person's full name given the surname, and the surname given the full name
        words = q.entity.split()
        where.append("a.rowid IN (SELECT article_rowid FROM mentions WHERE key = ? OR short = ?"
                     " OR (type = 'PER' AND key = ?))")  # fmt: skip
        params += [q.entity, q.entity, words[-1] if len(words) > 1 else q.entity]
    if q.folder:
        prefix = q.folder.rstrip("/\\") + "/"
        where.append("substr(a.path, 1, ?) = ?")
        params += [len(prefix), prefix]
    if q.only_ids is not None:
        where.append("a.id IN (SELECT id FROM temp.only_ids)")
    if q.exclude_ids is not None:
        where.append("a.id NOT IN (SELECT id FROM temp.exclude_ids)")
    join = ""
    order = SORT_COLUMNS.get(q.sort, SORT_COLUMNS["published"])
    match = [title_match(word) for word in q.title.split() if title_match(word)]
    if q.text:
        match.append(f"({q.text})")
    if match:
        join = " JOIN articles_fts f ON f.rowid = a.rowid"
        where.append("articles_fts MATCH ?")
        params.append(" AND ".join(match))
        if q.sort == "rank":
            order = "f.rank"
    direction = "DESC" if q.descending and q.sort != "rank" else "ASC"
    sql = f"SELECT a.id FROM articles a{join}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    tie = "" if q.sort == "rank" else f", a.id {direction}"  # (column, id) indexes serve the whole order
    sql += f" ORDER BY {order} {direction}{tie}"
    return sql, params


def title_match(word: str) -> str:
    """An FTS5 expression for a title word typed in the filter box: any title word starting with it."""
    tokens = re.findall(r"\w+", word)
    return " AND ".join(f'title : "{t}"*' for t in tokens)
