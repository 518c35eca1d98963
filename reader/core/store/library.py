"""The library cache: articles by id, the paths each is found at, the full-text index, entity mentions.

Storage and queries only: walking folders, parsing and tagging live in `reader.core.library_sync`. Rebuildable:
deleting the file loses nothing the user made. The user's articles (bookmarked, noted, highlighted) outlive
their files here, so the Bookmarked and Annotated views still show them.

Paths are stored as the bytes of `os.fsencode(path)`, so a file name that is not valid UTF-8 (a
surrogate-escaped str in Python) round-trips exactly; text meant for the user goes through
`shown_path`, which puts a replacement character where a byte could not be decoded.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.article import Article
from reader.core.entities import EntitySpan
from reader.core.safe_text import shown_path
from reader.core.store import article_row
from reader.core.store.article_row import article_blocks
from reader.core.store.library_entities import LibraryEntities
from reader.core.store.library_query import USERS_ARTICLE_SQL, ListQuery
from reader.core.store.library_schema import (
    SCHEMA,
    SCHEMA_VERSION,
    UPGRADES,
    attach_user_db,
    left_to_import,
    name_indexes_for,
    schema_without,
)
from reader.core.store.library_search import LibrarySearch, SearchPage
from reader.core.store.library_writer import LibraryWriter, path_key
from reader.core.store.mention_batch import GroupedMentions
from reader.core.store.search_sql import KEPT_EXCLUDED_COUNT

__all__ = ["FileRecord", "Library", "Problem", "RowInfo", "SearchPage", "kept_status", "path_from_key", "path_key"]


@dataclass(frozen=True)
class RowInfo:
    """What the article list shows for one article (`path` is for display)."""

    id: str
    title: str
    source: str
    published: str
    words: int
    path: str
    status: str = ""  # "" in the library; else "outside", "gone" or "changed" (see `kept_status`)


# What the list says of an article kept only because it is the user's, by `RowInfo.status`.
KEPT_NOTES = {
    "outside": "Not in your library",
    "gone": "File no longer found",
    "changed": "Its file has changed since",
}


@dataclass(frozen=True)
class FileRecord:
    """One file read for `store_batch`: its articles with their mentions (None: not tagged yet), or a problem."""

    path: str
    mtime: float
    size: int
    articles: tuple[Article, ...] = ()
    # one entry per article; None when not tagged, and when `grouped` holds its rows (the spans are not sent twice)
    mentions: tuple[tuple[EntitySpan, ...] | None, ...] = ()
    grouped: tuple[GroupedMentions | None, ...] = ()  # the mentions' rows when the tagging process made them
    reason: str = ""  # not "": the file could not be imported, and `advice` says what to do
    advice: str = ""

    def __reduce__(self) -> tuple[object, ...]:
        # through the pool's pipe as tuples: each body once (not in its blocks and `text`), about 40 % fewer bytes
        articles = tuple(article_row.pack_article(a) for a in self.articles)
        return _file_record, (self.path, self.mtime, self.size, articles, self.mentions, self.grouped, self.reason,
                              self.advice)  # fmt: skip


def _file_record(path: str, mtime: float, size: int, articles: tuple[article_row.PackedArticle, ...],
                 *rest: object) -> FileRecord:  # fmt: skip
    """A `FileRecord` back from its pickled form."""
    return FileRecord(path, mtime, size, tuple(article_row.unpack_article(a) for a in articles), *rest)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Problem:
    """A file that could not be imported, with what to do about it (`path` is for display)."""

    path: str
    reason: str
    advice: str


_FS_ENCODING, _FS_ERRORS = sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()


def path_from_key(key: bytes) -> str:
    """The exact path back from its stored bytes (surrogate-escaped where not UTF-8); what `os.fsdecode`
    does, without its checks: a rescan decodes every stored path (100,000 at a time)."""
    return key.decode(_FS_ENCODING, _FS_ERRORS)


class Library(LibraryEntities, LibraryWriter, LibrarySearch):
    """The cache database. One instance per thread; WAL lets a reader and a writer share it.

    With `user_db`, the user database is attached read-only as `user`, so list queries join the
    bookmarks, read marks, notes and tags in SQL; without it those views are simply empty.
    """

    def __init__(self, db_path: str | Path, *, user_db: str | Path | None = None, deferred: bool = False) -> None:
        """With `deferred`, the file is opened on first use (the window paints before it touches the cache)."""
        self.path = Path(db_path)
        self._user_db_path = Path(user_db) if user_db is not None else None
        self._db: sqlite3.Connection | None = None
        self._user_db: Path | None = None
        if not deferred:
            self.open()

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.open()
            assert self._db is not None
        return self._db

    @db.setter
    def db(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    @property
    def user_db(self) -> Path | None:
        """The user database attached as `user`, or None (also when it could not be attached)."""
        self.db  # noqa: B018 - opening attaches it
        return self._user_db

    @property
    def opened(self) -> bool:
        return self._db is not None

    def open(self) -> None:
        """Open the cache file (creating or upgrading it) and attach the user database; once."""
        if self._db is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = self._open()
        self._user_db = attach_user_db(db, self._user_db_path)
        self._db = db
        self._init_entities()

    def _connect(self) -> sqlite3.Connection:
        # uri=True lets ATTACH take a `file:...?mode=ro` URI for the user database
        db = sqlite3.connect(self.path.absolute().as_uri(), uri=True, timeout=30, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    def _open(self) -> sqlite3.Connection:
        db = self._connect()
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION, *UPGRADES):  # an older cache: it is only a cache, rebuild it
            db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            db = self._connect()
        before, after = UPGRADES.get(version, ("", ""))
        schema = schema_without(f"{SCHEMA};\n{name_indexes_for(db)}", left_to_import(db))
        db.executescript(f"BEGIN; {before}; {schema}; {after}; COMMIT;")
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        return db

    def close(self) -> None:
        if self._db is not None:  # a deferred cache never used was never opened
            self._db.close()

    # --- files and articles (written by library_sync) ---------------------------------------

    def file_state(self, path: str) -> tuple[float, int] | None:
        """(mtime, size) recorded for a file at its last import, or None when never seen."""
        row = self.db.execute("SELECT mtime, size FROM files WHERE path=?", (path_key(path),)).fetchone()
        return (row[0], row[1]) if row else None

    def file_states(self) -> dict[str, tuple[float, int]]:
        """(mtime, size) of every file the cache has a record of, by exact path: one query for a whole rescan."""
        enc, err = _FS_ENCODING, _FS_ERRORS  # path_from_key inlined: 100,000 calls at every rescan
        return {k.decode(enc, err): (m, s) for k, m, s in self.db.execute("SELECT path, mtime, size FROM files")}

    def forget_unclaimed(self) -> int:
        """Drop kept articles that are no longer the user's (bookmark, note and highlights removed).

        Only with the user database attached: without it nothing can be told apart, so all stay.
        """
        if self.user_db is None:
            return 0
        with self.db:
            gone = self.db.execute(
                f"DELETE FROM articles WHERE rowid IN (SELECT a.rowid FROM articles a JOIN kept k"
                f" ON k.article_rowid = a.rowid WHERE NOT {USERS_ARTICLE_SQL})"
            ).rowcount
            self.db.execute("DELETE FROM kept WHERE article_rowid NOT IN (SELECT rowid FROM articles)")
        return gone

    def known_paths(self) -> list[str]:
        """Every file the cache has a record of (imported or not)."""
        return [path_from_key(k) for (k,) in self.db.execute("SELECT path FROM files")]

    def forget_paths(self, paths: Iterable[str]) -> None:
        """Drop files (and the articles found nowhere else) from the cache."""
        with self.db:
            for path in paths:
                key = path_key(path)
                before = self._drop_locations(key)
                self.db.execute("DELETE FROM files WHERE path=?", (key,))
                self._settle(before)

    def forget_outside(self, keep: Iterable[str | Path]) -> int:
        """Drop every file not under one of the folders or files in `keep` (a folder was removed).

        The articles of the user's in those files stay, as kept articles (listed in `kept`)."""
        roots = {str(Path(k).resolve()) for k in keep}
        under = tuple(r.rstrip(os.sep) + os.sep for r in roots)  # one C call per path, not a loop over roots
        gone = [p for p in self.known_paths() if p not in roots and not p.startswith(under)]
        self.forget_paths(gone)
        return len(gone)

    # --- reading ---------------------------------------------------------------------------

    def count(self) -> int:
        """How many articles the library folders hold (kept articles of the user's not counted)."""
        return int(self.db.execute(KEPT_EXCLUDED_COUNT).fetchone()[0])

    def all_ids(self) -> list[str]:
        """Every article in the cache, the user's kept ones included."""
        return self.list_ids(ListQuery(kept=True))

    def ids_at(self, path: str | Path) -> list[str]:
        """The ids of the articles found in one file, in file order."""
        return [r[0] for r in self.db.execute(
            "SELECT a.id FROM locations l JOIN articles a ON a.rowid=l.article_rowid WHERE l.path=? ORDER BY l.idx",
            (path_key(path),),
        )]  # fmt: skip

    def paths_of(self, article_id: str) -> list[str]:
        """Every file the article is found in (exact paths), sorted."""
        return [path_from_key(r[0]) for r in self.db.execute(
            "SELECT DISTINCT l.path FROM locations l JOIN articles a ON a.rowid=l.article_rowid WHERE a.id=?"
            " ORDER BY l.path", (article_id,),
        )]  # fmt: skip

    def rows(self, ids: list[str]) -> dict[str, RowInfo]:
        """List rows for a page of ids."""
        out: dict[str, RowInfo] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                # whether the file is still imported is asked for kept articles only: one index lookup less a row
                "SELECT id, title, source, published, words, path, k.article_rowid IS NOT NULL, CASE WHEN"
                " k.article_rowid IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM files f WHERE f.path = a.path) END"
                f" FROM articles a LEFT JOIN kept k ON k.article_rowid = a.rowid WHERE id IN ({marks})", chunk
            ):
                status = kept_status(path_from_key(r[5]), known=bool(r[7])) if r[6] else ""
                out[r[0]] = RowInfo(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or 0, shown_path(r[5]), status)
        return out

    def article(self, article_id: str) -> Article | None:
        """The article, with `path` the exact path of a file it is found in."""
        r = self.db.execute(
            "SELECT id, title, path, format, byline, published, source, url, language, description, image,"
            " tags, body, structure FROM articles WHERE id=?",
            (article_id,),
        ).fetchone()
        if r is None:
            return None
        return Article(
            id=r[0], title=r[1] or "", blocks=article_blocks(r[12] or "", r[13]), path=path_from_key(r[2]),
            format=r[3] or "", byline=r[4] or "", published=r[5] or "", source=r[6] or "", url=r[7] or "",
            language=r[8] or "", description=r[9] or "", image=r[10] or "", tags=tuple(json.loads(r[11] or "[]")),
        )  # fmt: skip

    def problems(self) -> list[Problem]:
        rows = self.db.execute("SELECT path, reason, advice FROM files WHERE ok=0 ORDER BY path")
        return [Problem(shown_path(p), reason, advice) for p, reason, advice in rows]


def kept_status(path: str, *, known: bool) -> str:
    """Why a kept article is in no library file: its file is still imported but no longer holds it
    ("changed"), exists outside the library folders ("outside"), or is not there at all ("gone")."""
    if known:
        return "changed"
    return "outside" if os.path.lexists(path) else "gone"


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
