"""What the command palette finds besides commands: articles by title, entities, highlights and notes.

Qt-free. Matching is fuzzy: the typed letters in order, anywhere in the text (a subsequence), scored
so that letters at word starts and runs of consecutive letters come first. The database narrows the
candidates with LIKE patterns under a LIMIT (never every title read into Python), so a library of
100,000 articles answers as fast as a small one; only those candidates are scored here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reader.core.store.notebook_query import has_user_data

CANDIDATES = 200  # rows the database hands over per kind, before scoring


@dataclass(frozen=True)
class Found:
    """One thing the palette can list: `kind` is article, entity or highlight (notes count as highlights)."""

    kind: str
    label: str
    key: str  # article id; entity key; highlight id or "note:<article id>"
    article_id: str = ""
    entity_type: str = ""
    score: int = 0


def fuzzy_score(query: str, text: str) -> int | None:
    """How well `text` matches the typed letters (higher is better), None when they are not all in it, in order.

    Spaces in the query are ignored. Each letter found scores 1, 8 more at the start of a word and 5
    more right after the previous one; letters skipped on the way cost 1 each (at most 20 in all).
    """
    letters = [c for c in query.casefold() if not c.isspace()]
    if not letters:
        return 0
    low = text.casefold()
    score, skipped, at, previous = 0, 0, 0, -2
    for letter in letters:
        found = _best_position(low, letter, at)
        if found < 0:
            return None
        starts_word = found == 0 or not low[found - 1].isalnum()
        score += 1 + (8 if starts_word else 0) + (5 if found == previous + 1 else 0)
        skipped += found - at
        previous, at = found, found + 1
    return score - min(skipped, 20)


def _best_position(low: str, letter: str, at: int) -> int:
    """The next place of `letter` from `at`: right there if it is, else a word start if one comes, else the first."""
    first = low.find(letter, at)
    if first <= at:
        return first
    pos = first
    while pos >= 0:
        if pos == 0 or not low[pos - 1].isalnum():
            return pos
        pos = low.find(letter, pos + 1)
    return first


def like_patterns(query: str) -> tuple[str, str]:
    """LIKE patterns for the query as typed ("%bud%") and as a subsequence ("%b%u%d%"), wildcards escaped."""
    letters = [c for c in query if not c.isspace()]
    esc = [("\\" + c) if c in "%_\\" else c for c in letters]
    words = ["".join(("\\" + c) if c in "%_\\" else c for c in w) for w in query.split()]
    return "%" + "%".join(words) + "%", "%" + "%".join(esc) + "%"


def _ranked(found: list[Found], limit: int) -> list[Found]:
    return sorted(found, key=lambda f: (-f.score, f.label.casefold()))[:limit]


def _candidates(db: sqlite3.Connection, sql: str, query: str) -> list[tuple[object, ...]]:
    """Rows for the query as typed first, then as a subsequence (`sql` takes the pattern and the LIMIT)."""
    rows: dict[object, tuple[object, ...]] = {}
    for pattern in dict.fromkeys(like_patterns(query)):
        for row in db.execute(sql, [pattern, CANDIDATES]):
            rows.setdefault(row[0], row)
        if len(rows) >= CANDIDATES:
            break
    return list(rows.values())


def find_articles(db: sqlite3.Connection, query: str, limit: int = 8) -> list[Found]:
    """Articles whose title matches, best first."""
    if not query.strip():
        return []
    sql = "SELECT id, title FROM articles INDEXED BY articles_title WHERE title LIKE ? ESCAPE '\\' LIMIT ?"
    found = []
    for article_id, title in _candidates(db, sql, query):
        score = fuzzy_score(query, str(title))
        if score is not None:
            found.append(Found("article", str(title), str(article_id), article_id=str(article_id), score=score))
    return _ranked(found, limit)


def find_entities(db: sqlite3.Connection, query: str, limit: int = 6) -> list[Found]:
    """Entities (by their key, as tagged) whose name matches; the label is the key until the caller names it."""
    if not query.strip():
        return []
    # a window's first import writes without the key's index until it ends (library_schema.MENTION_INDEXES); imported
    # here: the schema module brings the entity modules, which this module's importers may not need yet
    from reader.core.store.library_schema import indexed_by

    sql = (f"SELECT key || char(31) || etype, key, etype FROM mentions {indexed_by(db, 'mentions_key')}"
           " WHERE key LIKE ? ESCAPE '\\' GROUP BY key, etype LIMIT ?")  # fmt: skip
    found = []
    for _both, key, etype in _candidates(db, sql, query):
        score = fuzzy_score(query, str(key))
        if score is not None:
            found.append(Found("entity", str(key), str(key), entity_type=str(etype), score=score))
    return _ranked(found, limit)


def find_highlights(db: sqlite3.Connection, query: str, limit: int = 6) -> list[Found]:
    """Highlights (by quote or note) and article notes that match, best first; labelled by their text."""
    if not query.strip() or not has_user_data(db):
        return []
    sql = ("SELECT id, article_id, exact, note FROM user.highlights WHERE exact LIKE ?1 ESCAPE '\\'"
           " OR note LIKE ?1 ESCAPE '\\' UNION ALL SELECT 'note:' || article_id, article_id, '', text"
           " FROM user.notes WHERE text LIKE ?1 ESCAPE '\\' LIMIT ?2")  # fmt: skip
    found = []
    for entry_id, article_id, quote, note in _candidates(db, sql, query):
        text = str(quote or note or "")
        score = max((s for s in (fuzzy_score(query, str(quote or "")), fuzzy_score(query, str(note or "")))
                     if s is not None), default=None)  # fmt: skip
        if score is not None:
            found.append(Found("highlight", text, str(entry_id), article_id=str(article_id), score=score))
    return _ranked(found, limit)
