"""A bare surname joins the one full name the library gives it: "Trump" alone is "Donald Trump".

Within an article a person's short form already joins the long name the article gives (`group_mentions`).
Across the library, an article that only says "Trump" is joined here: its one-word person names are
counted against the full-name persons of every article that end with that word. The bare name joins
the full name when that one holds at least `SHARE` of the full-name mentions with the surname and is
named in at least `MIN_ARTICLES` articles; two Bidens of similar weight leave "Biden" alone.

Stored, not found when a view asks: each article's persons are rows of `person_names` (article,
surname, full name's key or "" for the bare name, mentions), written with its mentions and deleted with
them; triggers add them up in `person_counts` per (surname, full name), and the join reads only the
surnames some article gives alone, again only when the rows changed (`meta` 'people' is bumped by every
write and by the triggers that delete them). Never across types: only a person's
mentions are rows here, and the join applies only to mentions of a person.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from reader.core.entities.mentions import display_name

SHARE = 0.8  # of the full-name mentions with the surname, held by the one full name
MIN_ARTICLES = 2  # articles naming that full name
SPELLINGS = 20  # mentions of a full name read to tell how the articles write it
_KEYS_PER_PASS = 500  # keys asked about in one statement (SQLite's limit on parameters is larger)

PERSON_SCHEMA = """
CREATE TABLE IF NOT EXISTS person_names(
    article_rowid INTEGER NOT NULL, surname TEXT NOT NULL, key TEXT NOT NULL, mentions INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS person_names_article ON person_names(article_rowid);
-- the rows of every article added up per (surname, full name), kept by the triggers below, so the join
-- reads the few surnames some article gives alone rather than every person of the library
CREATE TABLE IF NOT EXISTS person_counts(
    surname TEXT NOT NULL, key TEXT NOT NULL, mentions INTEGER NOT NULL, articles INTEGER NOT NULL,
    PRIMARY KEY(surname, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS person_counts_bare ON person_counts(surname) WHERE key = '';
CREATE TRIGGER IF NOT EXISTS person_names_ai AFTER INSERT ON person_names BEGIN
    INSERT INTO person_counts VALUES (new.surname, new.key, new.mentions, 1)
        ON CONFLICT(surname, key) DO UPDATE SET mentions = mentions + new.mentions, articles = articles + 1;
END;
CREATE TRIGGER IF NOT EXISTS person_names_ad AFTER DELETE ON person_names BEGIN
    UPDATE person_counts SET mentions = mentions - old.mentions, articles = articles - 1
        WHERE surname = old.surname AND key = old.key;
    DELETE FROM person_counts WHERE surname = old.surname AND key = old.key AND articles <= 0;
END;
CREATE TRIGGER IF NOT EXISTS person_articles_ad AFTER DELETE ON articles BEGIN
    DELETE FROM person_names WHERE article_rowid = old.rowid;
    UPDATE meta SET value = value + 1 WHERE key = 'people';
END;
CREATE TRIGGER IF NOT EXISTS person_articles_body AFTER UPDATE OF body ON articles WHEN old.body IS NOT new.body BEGIN
    DELETE FROM person_names WHERE article_rowid = new.rowid;
    UPDATE meta SET value = value + 1 WHERE key = 'people';
END;
"""

# Full names of the surnames some article gives alone: (surname, key, mentions, articles).
_JOIN_SQL = """
SELECT c.surname, c.key, c.mentions, c.articles FROM person_counts b INDEXED BY person_counts_bare
JOIN person_counts c ON c.surname = b.surname AND c.key != ''
WHERE b.key = ''
"""


def person_rows(rowid: int, rows: Iterable[tuple[object, ...]]) -> list[tuple[int, str, str, int]]:
    """(article, surname, full name's key or "", mentions) of the persons among an article's mention rows
    (as `library_entities.mention_rows` makes them: the group's key is the fifth, its `short` the seventh,
    its type the last). A bare name the article itself left alone (its `short` set: the article names two
    full names with it) is no row: the join is for articles that never name the full name."""
    counts: dict[str, int] = {}
    for row in rows:
        key, short, etype = str(row[4]), str(row[6]), str(row[-1])
        if etype == "PER" and (short == "" or " " in key):  # not a bare name its own article left alone
            counts[key] = counts.get(key, 0) + 1
    out = []
    for key, n in counts.items():
        words = key.split()
        if len(words) > 1:
            out.append((rowid, words[-1], key, n))
        elif words and words[0].isalpha():  # not "j." or "o'neil's" leftovers: a word that can end a name
            out.append((rowid, key, "", n))
    return out


def put_person_rows(db: sqlite3.Connection, rowid: int, rows: list[tuple[int, str, str, int]]) -> None:
    """Replace an article's person rows (in the caller's transaction) and mark the join as changed."""
    db.execute("DELETE FROM person_names WHERE article_rowid=?", (rowid,))
    db.executemany("INSERT INTO person_names VALUES (?,?,?,?)", rows)
    bump(db)


def bump(db: sqlite3.Connection) -> None:
    """Say that the person rows changed (the next view reads the join again)."""
    db.execute("INSERT INTO meta(key, value) VALUES('people', 1)"
               " ON CONFLICT(key) DO UPDATE SET value = value + 1")  # fmt: skip


def people_version(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT value FROM meta WHERE key='people'").fetchone()
    return "" if row is None else str(row[0])


def surname_joins(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(surname, full name's key) for every bare surname the library joins to one full name."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    for surname, key, mentions, articles in db.execute(_JOIN_SQL):
        found.setdefault(str(surname), []).append((int(mentions), int(articles), str(key)))
    out = []
    for surname, names in sorted(found.items()):
        total = sum(n for n, _a, _k in names)
        mentions, articles, key = max(names)
        if mentions >= SHARE * total and articles >= MIN_ARTICLES:
            out.append((surname, key))
    return out


def full_names(db: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str]:
    """Each full name's key -> how the articles write it ("donald trump": "Donald Trump"), so a panel row joined
    by a bare surname is named as the articles name the person: the most frequent of its first `SPELLINGS`
    mentions, not in capitals where another is (a headline's "DONALD TRUMP"). A few rows each, by the index on
    the mention's key: the library's whole join is named in milliseconds."""
    from reader.core.store.library_schema import indexed_by  # the schema imports this module

    out: dict[str, str] = {}
    for key, texts in _spellings(db, list(dict.fromkeys(keys)), indexed_by(db, "mentions_key")).items():
        seen: dict[str, int] = {}
        for text in texts:
            shown = display_name(text)
            seen[shown] = seen.get(shown, 0) + 1
        out[key] = max(seen, key=lambda n: (not n.isupper(), seen[n]))
    return out


def _spellings(db: sqlite3.Connection, keys: list[str], hint: str) -> dict[str, list[str]]:
    """The first `SPELLINGS` mentions (in rowid order) that write each person's key as itself, for keys with any."""
    found: dict[str, list[str]] = {}
    if hint:  # by the key's index (the name's holds only names that are not their key): the same rows, in rowid order
        for key in keys:
            texts = [str(t) for (t,) in db.execute(f"SELECT text FROM mentions {hint} WHERE key = ?1 AND etype = 'PER'"
                                                   " AND name = ?1 LIMIT ?2", (key, SPELLINGS))]  # fmt: skip
            if texts:
                found[key] = texts
        return found
    # A window's first import writes without that index until it ends (library_schema.MENTION_INDEXES): one pass
    # over the mentions for every key, not one per key.
    for i in range(0, len(keys), _KEYS_PER_PASS):
        part = keys[i : i + _KEYS_PER_PASS]
        marks = ",".join("?" * len(part))
        for key, text in db.execute(f"SELECT key, text FROM mentions WHERE key IN ({marks}) AND etype = 'PER'"
                                    f" AND name = key ORDER BY rowid", part):  # fmt: skip
            texts = found.setdefault(str(key), [])
            if len(texts) < SPELLINGS:
                texts.append(str(text))
    return found
