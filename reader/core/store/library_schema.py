"""The library cache's tables, and attaching the user database read-only for list queries.

An article is one row by id; `locations` says in which files (and where in each file) it is found,
so two files with the same text share one article and it stays while either file does.
An article found in no file any more is dropped, unless it is the user's (bookmarked, noted or
highlighted): then it stays, listed in `kept`, so the Bookmarked and Annotated views still show it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.core.store.count_schema import COUNT_SCHEMA, RECOUNT_SOURCES
from reader.core.store.surname_join import PERSON_SCHEMA
from reader.paths import process_alive

# 5: articles keyed by id with a table of locations; paths stored as bytes (BLOB).
# 6: a block's structure entry may carry its links ([kind, level, length, [[start, end, href], ...]]);
#    each mention keeps its own normal form (`name`) and the entity's key and type after aliases
#    (`key`, `etype`): "U.S." and "United States" count as one place (see library_entities).
# 7: the sidebar's counts kept in tables by triggers, with a mirror of the read marks (count_schema).
# 8: each library folder's state at the last complete look (`folders`, see folder_states): starts empty.
# 9: a mention's own name and its `short` are indexed only where a query can ask for them (`mentions_alias`,
#    `mentions_bare`: a name that is not its key, a `short` that is set), not for every mention.
SCHEMA_VERSION = 9

# Caches of these versions are brought up to date in place rather than rebuilt, so the user's kept articles
# (whose files may be gone) stay showable. 5 -> 6: rows were stored without links and mentions without their
# entity keys; an impossible mtime makes the next scan read every file again (storing links), and the
# mentions are dropped (before SCHEMA creates their new form) so every article is tagged again with keys.
# Each upgrade is (SQL run before SCHEMA, SQL run after it).
# 6 -> 7: the counts are made once from the articles, then kept by the triggers.
# 8 -> 9: the two whole-table indexes give way to the partial ones (NAME_INDEXES), but not at the opening: at
# 100,000 articles (4 million mentions) building them takes about 2.5 s, which the window's thread must not wait
# for. The old indexes serve the same queries meanwhile; `swap_name_indexes` replaces them after the start-up scan.
UPGRADES = {
    5: ("DROP TABLE IF EXISTS mentions",
        f"UPDATE files SET mtime = -1; UPDATE articles SET tagged = 0; {RECOUNT_SOURCES}"),
    6: ("", RECOUNT_SOURCES),
    7: ("", ""),  # the new `folders` table starts empty: the first start after the upgrade walks everything
    8: ("", ""),
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS folders(
    path BLOB PRIMARY KEY, mtime_ns INTEGER NOT NULL, dev INTEGER NOT NULL, ino INTEGER NOT NULL,
    looked_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    path BLOB PRIMARY KEY, mtime REAL NOT NULL, size INTEGER NOT NULL,
    ok INTEGER NOT NULL, reason TEXT NOT NULL DEFAULT '', advice TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS articles(
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path BLOB NOT NULL,
    format TEXT, title TEXT, byline TEXT, published TEXT, source TEXT, url TEXT, language TEXT,
    description TEXT, image TEXT, tags TEXT, words INTEGER, body TEXT, structure TEXT,
    tagged INTEGER NOT NULL DEFAULT 0);
-- the problems list reads only the failed files: a partial index keeps it cheap beside 100,000 good ones
CREATE INDEX IF NOT EXISTS files_problems ON files(path) WHERE ok = 0;
CREATE TABLE IF NOT EXISTS locations(
    article_rowid INTEGER NOT NULL, path BLOB NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY(path, idx));
CREATE INDEX IF NOT EXISTS locations_article ON locations(article_rowid);
CREATE INDEX IF NOT EXISTS articles_path ON articles(path, id);
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
    DELETE FROM locations WHERE article_rowid = old.rowid;
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_body AFTER UPDATE OF body ON articles WHEN old.body IS NOT new.body BEGIN
    DELETE FROM mentions WHERE article_rowid = new.rowid;
    UPDATE articles SET tagged = 0 WHERE rowid = new.rowid;
END;
CREATE TABLE IF NOT EXISTS mentions(
    article_rowid INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    type TEXT NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, short TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '', etype TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_rowid);
CREATE INDEX IF NOT EXISTS mentions_key ON mentions(key, etype);
-- acronyms an article spelled out ("nsc" -> "national security council"): library_entities.learned_aliases
CREATE TABLE IF NOT EXISTS learned_aliases(
    article_rowid INTEGER NOT NULL, alias TEXT NOT NULL, key TEXT NOT NULL, etype TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS learned_aliases_article ON learned_aliases(article_rowid);
CREATE TRIGGER IF NOT EXISTS learned_ad AFTER DELETE ON articles BEGIN
    DELETE FROM learned_aliases WHERE article_rowid = old.rowid;
END;
CREATE TRIGGER IF NOT EXISTS learned_body AFTER UPDATE OF body ON articles WHEN old.body IS NOT new.body BEGIN
    DELETE FROM learned_aliases WHERE article_rowid = new.rowid;
END;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- articles found in no library file, kept because the user bookmarked, noted or highlighted them
CREATE TABLE IF NOT EXISTS kept(article_rowid INTEGER PRIMARY KEY);
""" + COUNT_SCHEMA + PERSON_SCHEMA

# Partial: a name equal to its key is found by mentions_key, and `short` is '' for all but bare surnames, so
# indexing only the others (about 8 % and 25 % of the rows) spares an import two index writes per mention.
# A query uses them by saying so: `m.name != m.key`, `m.short != ''` (library_query.entity_condition).
NAME_INDEXES = """
CREATE INDEX IF NOT EXISTS mentions_alias ON mentions(name) WHERE name != key;
CREATE INDEX IF NOT EXISTS mentions_bare ON mentions(short) WHERE short != '';
"""
_WHOLE_INDEXES = "DROP INDEX IF EXISTS mentions_name; DROP INDEX IF EXISTS mentions_short;"
_HAS_WHOLE = "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'mentions_name'"


def name_indexes_for(db: sqlite3.Connection) -> str:
    """The SQL that gives a cache being opened its name indexes: the partial ones, unless it still has the
    whole-table ones of schema 8 and before (kept until `swap_name_indexes`)."""
    return "" if db.execute(_HAS_WHOLE).fetchone() else NAME_INDEXES


def swap_name_indexes(db: sqlite3.Connection) -> bool:
    """Replace an upgraded cache's whole-table name indexes by the partial ones, in one transaction (readers
    go on meanwhile); False when there was nothing to replace."""
    if not db.execute(_HAS_WHOLE).fetchone():
        return False
    db.executescript(f"BEGIN; {NAME_INDEXES}; {_WHOLE_INDEXES} COMMIT;")
    return True

# Indexes a first import into an empty cache may build after its rows, each in one sorted pass, rather than entry by
# entry as each batch goes in (about 0.5 ms of the writer's CPU per article, an index build after included:
# benchmarks/import_speed.py --headless). Not those the import's own writes read: the articles' id (ON CONFLICT), the
# files' and locations' keys, `locations_article` (the folder counts' trigger), `mentions_article` (an opened
# article's entities, and the rows a re-import replaces).
# The entities' indexes, about 40 entries an article: a window's first import goes without these too (the writer's
# CPU about 0.15-0.2 ms an article less, benchmarks/import_speed.py); its entity queries name none of them but
# `surname_join.full_names` (and the palette's), which ask `indexed_by` first, and read the mentions in full until
# the import ends (slower, never wrong).
MENTION_INDEXES = ("mentions_key", "mentions_alias", "mentions_bare")
# ...and, where nothing else reads the cache meanwhile (the headless command), the list's sort indexes: the window's
# list reads them at every step of its import.
DEFERRABLE_INDEXES = (*MENTION_INDEXES, "articles_title", "articles_published", "articles_source", "articles_words",
                      "articles_path")  # fmt: skip


def drop_deferrable_indexes(db: sqlite3.Connection, names: tuple[str, ...] = DEFERRABLE_INDEXES) -> None:
    """Drop these of `DEFERRABLE_INDEXES` (one transaction); `build_indexes_apart` makes them again, as does opening
    the cache (a kill in between leaves a cache the next opening completes, never a wrong one), but for
    `MENTION_INDEXES` while this process lives: `meta` 'deferred_indexes' names it (`left_to_import`)."""
    mark = f"{os.getpid()} {' '.join(names)}"
    db.executescript("BEGIN; " + "".join(f"DROP INDEX IF EXISTS {name}; " for name in names) + "COMMIT;")
    with db:
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('deferred_indexes', ?)", (mark,))


def left_to_import(db: sqlite3.Connection) -> tuple[str, ...]:
    """The `MENTION_INDEXES` a first import running in a live process builds after its rows: a connection opened
    meanwhile (the window's search count, the folder watcher) leaves them to it rather than building them on its
    thread, after waiting for the write lock. A dead process's (a kill): none, the opening builds them. Only the
    entities' indexes, whose queries do without them (`indexed_by`): a stale mark whose number a new process took
    leaves them missing, slower, never wrong."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'deferred_indexes'").fetchone()
    except sqlite3.OperationalError:  # a new cache: no `meta` yet
        return ()
    if row is None:
        return ()
    pid, *names = str(row[0]).split()
    if not pid.isdigit() or not process_alive(int(pid)):  # unknown where that cannot be asked: built at the opening
        return ()
    return tuple(name for name in names if name in MENTION_INDEXES)


def schema_without(sql: str, names: tuple[str, ...]) -> str:
    """The schema's SQL without the statements that make these indexes (each is one line of it)."""
    if not names:
        return sql
    made = tuple(f"CREATE INDEX IF NOT EXISTS {name} " for name in names)
    return "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith(made))


def build_missing_indexes(db: sqlite3.Connection) -> None:
    """Create whatever index of the schema the cache lacks (one transaction): what opening it does too."""
    db.executescript(f"BEGIN; {SCHEMA}; {name_indexes_for(db)} COMMIT;")


def build_indexes_apart(db: sqlite3.Connection, names: tuple[str, ...]) -> None:
    """Create those of these indexes the cache lacks, each in a transaction of its own (a window's write waits for
    one index's build at most), then anything else it lacks (`build_missing_indexes`)."""
    present = _index_names(db)
    statements = f"{SCHEMA};{name_indexes_for(db)}".split(";")
    for name in names:
        sql = _index_sql(statements, name)
        if name not in present and sql:
            db.executescript(f"BEGIN; {sql}; COMMIT;")
    build_missing_indexes(db)
    with db:
        db.execute("DELETE FROM meta WHERE key = 'deferred_indexes'")


def indexed_by(db: sqlite3.Connection, name: str) -> str:
    """"INDEXED BY name" when the cache has that index, else "": a query that names a missing index is an error, and
    a window's first import writes without `MENTION_INDEXES` until it ends."""
    return f"INDEXED BY {name}" if name in _index_names(db) else ""


def _index_names(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM main.sqlite_master WHERE type = 'index'")}


def _index_sql(statements: list[str], name: str) -> str:
    """The statement of the schema's `statements` that makes this index, or ""."""
    for statement in statements:
        if f"CREATE INDEX IF NOT EXISTS {name} " in statement:
            return statement.strip()
    return ""


# The user-database tables list queries read (schema in reader.core.store.migrations).
USER_TABLES = {
    "bookmarks": "CREATE TABLE user.bookmarks(article_id TEXT PRIMARY KEY)",
    "bookmark_tags": "CREATE TABLE user.bookmark_tags(article_id TEXT NOT NULL, tag TEXT NOT NULL)",
    "read_state": "CREATE TABLE user.read_state(article_id TEXT PRIMARY KEY)",
    "notes": "CREATE TABLE user.notes(article_id TEXT NOT NULL UNIQUE)",
    "highlights": "CREATE TABLE user.highlights(article_id TEXT NOT NULL)",
}


def attach_user_db(db: sqlite3.Connection, user_db: Path | None) -> Path | None:
    """Attach the user database read-only as `user`; the path attached, or None.

    When there is none (tests, the CLI) or it lacks the tables, an empty in-memory stand-in with
    the same tables is attached instead, so the same SQL runs and the user's views are empty.
    """
    if user_db is not None and user_db.is_file():
        uri = f"{user_db.absolute().as_uri()}?mode=ro"
        try:
            db.execute("ATTACH DATABASE ? AS user", (uri,))
            names = {r[0] for r in db.execute("SELECT name FROM user.sqlite_master WHERE type='table'")}
            if set(USER_TABLES) <= names:
                return user_db
            db.execute("DETACH DATABASE user")
        except sqlite3.Error:  # unreadable or damaged: the user store reports that itself
            if any(r[1] == "user" for r in db.execute("PRAGMA database_list")):
                db.execute("DETACH DATABASE user")
    db.execute("ATTACH DATABASE ':memory:' AS user")
    for statement in USER_TABLES.values():
        db.execute(statement)
    return None
