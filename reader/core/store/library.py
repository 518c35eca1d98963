"""The library cache: what was imported, its full-text index and entity mentions.

Rebuildable: deleting the file loses nothing the user made, the next scan fills it again.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.core.article import Article, Block
from reader.core.errors import ImportProblem
from reader.core.store.library_query import ListQuery, build_list_sql

SCHEMA_VERSION = 4

SCHEMA = """
CREATE TABLE IF NOT EXISTS files(
    path TEXT PRIMARY KEY, mtime REAL NOT NULL, size INTEGER NOT NULL,
    ok INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '', advice TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS articles(
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL, idx INTEGER NOT NULL,
    format TEXT, title TEXT, byline TEXT, published TEXT, source TEXT, url TEXT, language TEXT,
    description TEXT, image TEXT, tags TEXT, words INTEGER, body TEXT, structure TEXT,
    tagged INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path);
CREATE INDEX IF NOT EXISTS articles_title ON articles(title COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published, id);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS articles_words ON articles(words, id);
CREATE INDEX IF NOT EXISTS articles_tagged ON articles(tagged);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    DELETE FROM mentions WHERE article_rowid = old.rowid;
END;
CREATE TABLE IF NOT EXISTS mentions(
    article_rowid INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    type TEXT NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, short TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_rowid);
CREATE INDEX IF NOT EXISTS mentions_key ON mentions(key, type);
CREATE INDEX IF NOT EXISTS mentions_short ON mentions(short);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class RowInfo:
    """What the article list shows for one article."""

    id: str
    title: str
    source: str
    published: str
    words: int
    path: str


@dataclass(frozen=True)
class Problem:
    """A file that could not be imported, with what to do about it."""

    path: str
    reason: str
    advice: str


@dataclass
class ScanResult:
    """Counts from one scan."""

    seen: int = 0
    imported: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0


def _structure(article: Article) -> str:
    return json.dumps([[b.kind, b.level, len(b.text)] for b in article.blocks], separators=(",", ":"))


def _blocks(body: str, structure: str) -> tuple[Block, ...]:
    blocks = []
    pos = 0
    for kind, level, length in json.loads(structure or "[]"):
        blocks.append(Block(body[pos : pos + length], kind, level))
        pos += length + 2
    return tuple(blocks)


class Library:
    """The cache database. One instance per thread; WAL lets a reader and a writer share it."""

    def __init__(self, db_path: str | Path, *, max_bytes: int | None = None) -> None:
        self.path = Path(db_path)
        self.max_bytes = max_bytes  # files larger than this are refused (None: the formats' default)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):  # an older cache: it is only a cache, rebuild it
            db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
        db.executescript(SCHEMA)
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self._retag_if_tagger_changed(db)
        return db

    @staticmethod
    def _retag_if_tagger_changed(db: sqlite3.Connection) -> None:
        """Forget the entities found by an older tagger: the background tagging finds them again."""
        from reader.core.entities.tagger import TAGGER_VERSION

        row = db.execute("SELECT value FROM meta WHERE key='tagger'").fetchone()
        if row is not None and row[0] == TAGGER_VERSION:
            return
        with db:
            db.execute("DELETE FROM mentions")
            db.execute("UPDATE articles SET tagged=0 WHERE tagged=1")
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('tagger', ?)", (TAGGER_VERSION,))

    def close(self) -> None:
        self.db.close()

    # --- importing -------------------------------------------------------------------------

    def scan(
        self,
        folders: Iterable[str | Path],
        *,
        progress: Callable[[int, str], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> ScanResult:
        """Bring the cache in line with the files under `folders` (new, changed, deleted)."""
        from reader.core.formats import iter_article_files

        result = ScanResult()
        present: set[str] = set()
        folder_list = [str(Path(f).resolve()) for f in folders]
        for folder in folder_list:
            if not Path(folder).is_dir():
                continue
            for file in iter_article_files(folder):
                if should_stop and should_stop():
                    return result
                path = str(file.resolve())
                present.add(path)
                self._import_if_changed(path, result)
                if progress:
                    progress(result.seen, path)
        result.removed = self._forget_missing(folder_list, present)
        return result

    def sync(
        self,
        folders: list[str],
        files: list[str],
        *,
        progress: Callable[[int, str], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> ScanResult | None:
        """Scan the folders, import the single files, and forget whatever lies outside both.

        None when `should_stop` said stop: then nothing is forgotten.
        """
        result = self.scan(folders, progress=progress, should_stop=should_stop)
        for f in files:
            self.import_file(f)
        if should_stop and should_stop():
            return None
        self.forget_outside([*folders, *files])
        return result

    def import_file(self, path: str | Path) -> list[str]:
        """Import one file (opened from the command line); return its article ids."""
        resolved = str(Path(path).resolve())
        self._import_if_changed(resolved, ScanResult())
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE path=? ORDER BY idx", (resolved,))]

    def _import_if_changed(self, path: str, result: ScanResult) -> None:
        from reader.core.formats import load_file

        result.seen += 1
        try:
            st = os.stat(path)
        except OSError as exc:
            self._record_problem(path, 0, 0, f"The file cannot be read: {exc.strerror}.", "Check its permissions.")
            result.failed += 1
            return
        row = self.db.execute("SELECT mtime, size FROM files WHERE path=?", (path,)).fetchone()
        if row and row[0] == st.st_mtime and row[1] == st.st_size:
            result.unchanged += 1
            return
        try:
            articles = load_file(path) if self.max_bytes is None else load_file(path, max_bytes=self.max_bytes)
        except ImportProblem as problem:
            self._record_problem(path, st.st_mtime, st.st_size, problem.reason, problem.advice)
            result.failed += 1
            return
        except Exception as exc:  # a loader bug must not stop the scan; report it as a problem
            self._record_problem(path, st.st_mtime, st.st_size, f"Unexpected error: {exc!r}.", "Report this file.")
            result.failed += 1
            return
        with self.db:
            self.db.execute("DELETE FROM articles WHERE path=?", (path,))
            for idx, article in enumerate(articles):
                self._insert(article, path, idx)
            self.db.execute(
                "INSERT OR REPLACE INTO files(path, mtime, size, ok, reason, advice) VALUES (?,?,?,1,'','')",
                (path, st.st_mtime, st.st_size),
            )
        result.imported += 1

    def _insert(self, a: Article, path: str, idx: int) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO articles(id, path, idx, format, title, byline, published, source, url,"
            " language, description, image, tags, words, body, structure)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (a.id, path, idx, a.format, a.title, a.byline, a.published, a.source, a.url, a.language,
             a.description, a.image, json.dumps(list(a.tags)), a.word_count, a.text, _structure(a)),
        )  # fmt: skip

    def _record_problem(self, path: str, mtime: float, size: int, reason: str, advice: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM articles WHERE path=?", (path,))
            self.db.execute(
                "INSERT OR REPLACE INTO files(path, mtime, size, ok, reason, advice) VALUES (?,?,?,0,?,?)",
                (path, mtime, size, reason, advice),
            )

    def _forget_missing(self, folders: list[str], present: set[str]) -> int:
        gone: list[str] = []
        for folder in folders:
            prefix = folder.rstrip(os.sep) + os.sep
            rows = self.db.execute("SELECT path FROM files WHERE substr(path, 1, ?) = ?", (len(prefix), prefix))
            gone.extend(path for (path,) in rows if path not in present)
        self.forget_paths(gone)
        return len(gone)

    def forget_paths(self, paths: Iterable[str]) -> None:
        """Drop files (and their articles) from the cache."""
        with self.db:
            for path in paths:
                self.db.execute("DELETE FROM articles WHERE path=?", (path,))
                self.db.execute("DELETE FROM files WHERE path=?", (path,))

    def forget_outside(self, keep: Iterable[str | Path]) -> int:
        """Drop every file not under one of the folders or files in `keep` (a folder was removed)."""
        roots = [str(Path(k).resolve()) for k in keep]

        def kept(path: str) -> bool:
            return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)

        gone = [p for (p,) in self.db.execute("SELECT path FROM files") if not kept(p)]
        self.forget_paths(gone)
        return len(gone)

    # --- reading ---------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def list_ids(self, query: ListQuery | None = None) -> list[str]:
        """Article ids matching the query, in its sort order (cheap even for 100,000 articles)."""
        query = query or ListQuery()
        for table, ids in (("only_ids", query.only_ids), ("exclude_ids", query.exclude_ids)):
            if ids is not None:
                self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table}(id TEXT PRIMARY KEY)")
                self.db.execute(f"DELETE FROM {table}")
                self.db.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?)", ((i,) for i in ids))
        sql, params = build_list_sql(query)
        try:
            return [r[0] for r in self.db.execute(sql, params)]
        except sqlite3.OperationalError as exc:  # a malformed full-text query
            raise ValueError(f"The search could not be understood: {exc}.") from exc

    def all_ids(self) -> list[str]:
        return self.list_ids()

    def rows(self, ids: list[str]) -> dict[str, RowInfo]:
        """List rows for a page of ids."""
        out: dict[str, RowInfo] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                f"SELECT id, title, source, published, words, path FROM articles WHERE id IN ({marks})", chunk
            ):
                out[r[0]] = RowInfo(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or 0, r[5])
        return out

    def article(self, article_id: str) -> Article | None:
        r = self.db.execute(
            "SELECT id, title, path, format, byline, published, source, url, language, description, image,"
            " tags, body, structure FROM articles WHERE id=?",
            (article_id,),
        ).fetchone()
        if r is None:
            return None
        return Article(
            id=r[0], title=r[1] or "", blocks=_blocks(r[12] or "", r[13]), path=r[2], format=r[3] or "",
            byline=r[4] or "", published=r[5] or "", source=r[6] or "", url=r[7] or "", language=r[8] or "",
            description=r[9] or "", image=r[10] or "", tags=tuple(json.loads(r[11] or "[]")),
        )  # fmt: skip

    def search_ids(self, query: str) -> list[str]:
        """Full-text search over titles and bodies (FTS5 syntax), best match first."""
        return self.list_ids(ListQuery(text=query, sort="rank"))

    def problems(self) -> list[Problem]:
        return [Problem(*r) for r in self.db.execute("SELECT path, reason, advice FROM files WHERE ok=0 ORDER BY path")]

    # --- entities --------------------------------------------------------------------------

    def untagged_ids(self, limit: int = 100) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE tagged=0 LIMIT ?", (limit,))]

    def store_mentions(self, article_id: str, spans: Iterable[object]) -> None:
        """Replace an article's entity mentions (EntitySpan-like: start, end, type, text)."""
        from reader.core.entities import canonical_name

        row = self.db.execute("SELECT rowid FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            return
        values = []
        for s in spans:
            key = canonical_name(s.text, s.type)  # type: ignore[attr-defined]
            values.append((row[0], s.start, s.end, s.type, key, s.text, surname(key, s.type)))  # type: ignore[attr-defined]
        with self.db:
            self.db.execute("DELETE FROM mentions WHERE article_rowid=?", (row[0],))
            self.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?)", values)
            self.db.execute("UPDATE articles SET tagged=1 WHERE rowid=?", (row[0],))

    def tag_pending(
        self,
        *,
        batch: int = 50,
        should_stop: Callable[[], bool] | None = None,
        on_batch: Callable[[list[str], int], None] | None = None,
    ) -> int:
        """Tag articles not tagged yet; return how many were tagged.

        `on_batch(ids, left)` is told after each batch which articles now have entities and how
        many are still waiting, so a window can show them without waiting for the whole library.
        """
        from reader.core.entities import tag

        done = 0
        while not (should_stop and should_stop()):
            ids = self.untagged_ids(batch)
            if not ids:
                break
            for article_id in ids:
                article = self.article(article_id)
                if article is not None:
                    self.store_mentions(article_id, tag(article.text, article.language))
                    done += 1
                else:  # gone since the query: nothing to tag, never ask again
                    self.db.execute("UPDATE articles SET tagged=1 WHERE id=?", (article_id,))
            if on_batch:
                on_batch(ids, self.untagged_count())
        return done

    def untagged_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles WHERE tagged=0").fetchone()[0])

    def entity_spans(self, article_id: str) -> list[object]:
        from reader.core.entities import EntitySpan

        return [
            EntitySpan(s, e, t, x)
            for s, e, t, x in self.db.execute(
                "SELECT m.start, m.end, m.type, m.text FROM mentions m JOIN articles a ON a.rowid=m.article_rowid"
                " WHERE a.id=? ORDER BY m.start",
                (article_id,),
            )
        ]

    def top_entities(self, entity_type: str | None = None, limit: int = 50) -> list[tuple[str, str, int, int]]:
        """(key, type, mentions, articles) of the most mentioned entities, optionally of one type."""
        where, params = ("WHERE type=?", [entity_type]) if entity_type else ("", [])
        return [
            tuple(r)  # type: ignore[misc]
            for r in self.db.execute(
                f"SELECT key, type, count(*), count(DISTINCT article_rowid) FROM mentions {where}"
                " GROUP BY key, type ORDER BY count(DISTINCT article_rowid) DESC, count(*) DESC LIMIT ?",
                [*params, limit],
            )
        ]


def surname(key: str, entity_type: str) -> str:
    """The last word of a person's full name ("vladimir putin" -> "putin"), so short forms find it."""
    words = key.split()
    return words[-1] if entity_type == "PER" and len(words) > 1 else ""


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]

