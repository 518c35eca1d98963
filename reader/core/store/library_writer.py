"""Writing files and their articles into the library cache: one file (`store_file`) or an import's batch.

`store_batch` is the import's writer (the pool's results, 100 files a transaction) and the CPU it spends is the
window's process's, so a batch does only what its files need: a file the cache has never seen has no locations
to drop and no articles to settle, and an article inserted here is in no `kept` row and has no mention rows to
replace. Those articles' mention rows, learned acronyms and person rows go in with one statement per table for
the whole batch (`_FreshRows`), written before anything that could read or delete them (a file seen again, a
problem, an article met a second time), so the batch stores exactly what storing its files one by one stores.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.core.article import Article
from reader.core.store.article_row import INSERT_ARTICLE, INSERT_TAGGED, article_values
from reader.core.store.library_query import USERS_ARTICLE_SQL
from reader.core.store.mention_batch import GroupedMentions, group_for_store, put_grouped

if TYPE_CHECKING:
    from reader.core.store.library import FileRecord

# A new article, unless its id is stored already (an article found in two files): then nothing is written and the
# caller updates it as a re-import does.
_INSERT_NEW = " ON CONFLICT(id) DO NOTHING"
_UPDATE_SHOWN = (
    " ON CONFLICT(id) DO UPDATE SET format=excluded.format, title=excluded.title,"
    " byline=excluded.byline, published=excluded.published, source=excluded.source, url=excluded.url,"
    " language=excluded.language, description=excluded.description, image=excluded.image,"
    " tags=excluded.tags, words=excluded.words, body=excluded.body, structure=excluded.structure"
    " WHERE articles.path = excluded.path"
)
_KNOWN_CHUNK = 500  # paths asked about per statement


def path_key(path: str | os.PathLike[str]) -> bytes:
    """How a path is stored: its bytes on disk, so any file name round-trips."""
    return os.fsencode(path)


class _FreshRows:
    """Mention rows of articles this batch inserted, gathered and written one statement per table."""

    def __init__(self) -> None:
        self.mentions: list[tuple[object, ...]] = []
        self.learned: list[tuple[object, ...]] = []
        self.persons: list[tuple[object, ...]] = []

    def add(self, rowid: int, grouped: GroupedMentions) -> None:
        self.mentions += [(rowid, *r) for r in grouped.mentions]
        self.learned += [(rowid, *r) for r in grouped.learned]
        self.persons += [(rowid, *r) for r in grouped.persons]

    def write(self, db: sqlite3.Connection) -> None:
        """Insert what was gathered (in the order it came, so rowids follow the articles as before)."""
        if self.mentions:
            db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?)", self.mentions)
        if self.learned:
            db.executemany("INSERT INTO learned_aliases VALUES (?,?,?,?)", self.learned)
        if self.persons:
            db.executemany("INSERT INTO person_names VALUES (?,?,?,?)", self.persons)
        self.mentions, self.learned, self.persons = [], [], []


class LibraryWriter:
    """File and article storage of `Library` (its connection is `self.db`)."""

    db: sqlite3.Connection

    def _mentions_stored(self) -> None:
        raise NotImplementedError  # pragma: no cover - provided by LibraryEntities (before this in `Library`)

    def store_file(self, path: str, mtime: float, size: int, articles: Iterable[Article]) -> None:
        """Record a file's articles (replacing what it held before) in one transaction."""
        with self.db:
            self._put_file(path, mtime, size, articles)

    def store_batch(self, records: Iterable[FileRecord]) -> None:
        """Record many files (articles, their mentions when found, or the problem) in one transaction."""
        records = list(records)
        with self.db:
            known = self._known_paths([path_key(r.path) for r in records])
            fresh_rows = _FreshRows()
            tagged = False
            for r in records:
                key = path_key(r.path)
                seen = key in known
                if seen or r.reason:  # what it held is dropped and settled: the gathered rows go in first
                    fresh_rows.write(self.db)
                known.add(key)
                if r.reason:
                    self._put_problem(r.path, r.mtime, r.size, r.reason, r.advice)
                    continue
                grouped = r.grouped or (None,) * len(r.articles)
                found = [g is not None or m is not None for g, m in zip(grouped, r.mentions, strict=False)]
                stored = self._put_file(r.path, r.mtime, r.size, r.articles, found, fresh_rows, seen=seen)
                for (rowid, fresh), article, spans, rows in zip(stored, r.articles, r.mentions, grouped, strict=False):
                    if rows is None and spans is not None:  # tagged here, not by an import's worker
                        rows = group_for_store(spans, article.text)
                    if rows is None:
                        continue
                    tagged = True
                    if fresh:  # inserted marked tagged: its row (with the body) is not written twice
                        fresh_rows.add(rowid, rows)
                    else:
                        fresh_rows.write(self.db)
                        put_grouped(self.db, rowid, rows, fresh=False)
            fresh_rows.write(self.db)
            if tagged:  # once per batch, not per article: a first import writes thousands
                self._mentions_stored()

    def _known_paths(self, keys: Sequence[bytes]) -> set[bytes]:
        """Which of these paths the cache has a record of (one query per 500)."""
        out: set[bytes] = set()
        for i in range(0, len(keys), _KNOWN_CHUNK):
            chunk = keys[i : i + _KNOWN_CHUNK]
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.db.execute(f"SELECT path FROM files WHERE path IN ({marks})", chunk))
        return out

    def _put_file(self, path: str, mtime: float, size: int, articles: Iterable[Article], tagged: Iterable[bool] = (),
                  fresh_rows: _FreshRows | None = None, *, seen: bool = True) -> list[tuple[int, bool]]:  # fmt: skip
        """Each article's (rowid, whether this inserted it: then nothing refers to its rowid yet); `tagged`: whose
        mention rows the caller stores next (a new one is inserted marked tagged); `fresh_rows`: the batch's
        gathered rows, written before a stored article is touched; not `seen`: the cache has no record of the
        file, so it has no locations to drop."""
        key = path_key(path)
        before = self._drop_locations(key) if seen else []
        marks = iter(tagged)
        out = []
        for article in articles:
            rowid = self._insert(article, key, next(marks, False))
            if rowid is None:  # stored already: what the gathered rows say of it goes in before it is touched
                if fresh_rows is not None:
                    fresh_rows.write(self.db)
                out.append((self._update(article, key), False))
            else:
                out.append((rowid, True))
        self.db.executemany("INSERT OR IGNORE INTO locations(article_rowid, path, idx) VALUES (?,?,?)",
                            [(rowid, key, idx) for idx, (rowid, _new) in enumerate(out)])  # fmt: skip
        self.db.execute("INSERT OR REPLACE INTO files(path, mtime, size, ok, reason, advice) VALUES (?,?,?,1,'','')",
                        (key, mtime, size))  # fmt: skip
        found: list[int] = []
        if not all(new for _rowid, new in out):  # an article inserted here is in no `kept` row
            found = [r[0] for r in self.db.execute(
                "DELETE FROM kept WHERE article_rowid IN (SELECT article_rowid FROM locations WHERE path=?)"
                " RETURNING article_rowid", (key,))]  # fmt: skip
        self._settle([*before, *found])  # a kept article seen again is shown from where it is now
        return out

    def store_problem(self, path: str, mtime: float, size: int, reason: str, advice: str) -> None:
        """Record a file that could not be imported; it holds no articles any more."""
        with self.db:
            self._put_problem(path, mtime, size, reason, advice)

    def _put_problem(self, path: str, mtime: float, size: int, reason: str, advice: str) -> None:
        key = path_key(path)
        before = self._drop_locations(key)
        self.db.execute(
            "INSERT OR REPLACE INTO files(path, mtime, size, ok, reason, advice) VALUES (?,?,?,0,?,?)",
            (key, mtime, size, reason, advice),
        )
        self._settle(before)

    def _insert(self, a: Article, key: bytes, tagged: bool) -> int | None:
        """The new article's rowid (marked `tagged`: its mention rows follow in this transaction), or None when
        its id is stored already (nothing written): one statement for an import's usual case."""
        cursor = self.db.execute((INSERT_TAGGED if tagged else INSERT_ARTICLE) + _INSERT_NEW, article_values(a, key))
        return int(cursor.lastrowid or 0) if cursor.rowcount == 1 else None

    def _update(self, a: Article, key: bytes) -> int:
        """A stored article's rowid; its metadata is refreshed only from the file it is shown from."""
        rowid = int(self.db.execute("SELECT rowid FROM articles WHERE id=?", (a.id,)).fetchone()[0])
        self.db.execute(INSERT_ARTICLE + _UPDATE_SHOWN, article_values(a, key))
        return rowid

    def _drop_locations(self, key: bytes) -> list[int]:
        return [r[0] for r in self.db.execute("DELETE FROM locations WHERE path=? RETURNING article_rowid", (key,))]

    def _settle(self, rowids: Iterable[int]) -> None:
        """Articles that lost a location: when found nowhere, kept if the user's, else gone;
        otherwise shown from a path they still have."""
        for rowid in set(rowids):
            row = self.db.execute("SELECT min(path) FROM locations WHERE article_rowid=?", (rowid,)).fetchone()
            if row[0] is None:
                if self._is_users(rowid):
                    self.db.execute("INSERT OR IGNORE INTO kept(article_rowid) VALUES (?)", (rowid,))
                else:
                    self.db.execute("DELETE FROM articles WHERE rowid=?", (rowid,))
                continue
            self.db.execute(
                "UPDATE articles SET path=? WHERE rowid=? AND NOT EXISTS"
                " (SELECT 1 FROM locations l WHERE l.article_rowid=articles.rowid AND l.path=articles.path)",
                (row[0], rowid),
            )

    def _is_users(self, rowid: int) -> bool:
        sql = f"SELECT 1 FROM articles a WHERE a.rowid=? AND {USERS_ARTICLE_SQL}"
        return self.db.execute(sql, (rowid,)).fetchone() is not None
