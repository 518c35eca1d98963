"""The library cache's entity mentions: stored with one key per real-world entity, queried by it.

Each mention row keeps the tagger's span (start, end, type, text) and, for the library views:
`name` (the mention's own normal form, "us"), `key` (the entity it names after the built-in alias
table and the article's own surname joining, "united states"; "Trump" in an article that names
"Donald Trump" is "donald trump") and `etype` (the entity's type: "U.S." tagged as an organisation
still counts for the place). The user's "always: X is Y" rules are applied when a view asks, through
a small temporary table on this connection: they change nothing stored, so a new rule (or its undo)
shows at once without re-keying a library of millions of mentions.

An acronym an article spelled out ("the National Security Council (NSC)") is keyed under the long form
in that article; the pair is also stored in `learned_aliases` (one row per article and acronym, gone
with the article), and joins the two names in every other article through the same temporary table.
Stored rather than found at query time: finding the pairs means reading every mention whose name is
not its key and testing initials in Python, on every view and search; the stored rows are a few per
article, read with one GROUP BY.

A bare surname ("Trump" in an article that never names him in full) joins the one full name the library
gives it the same way, for persons only (`store.surname_join`: rows in `person_names`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from reader.core.entities import EntitySpan, group_mentions
from reader.core.entities.acronyms import spells, written_as_acronym
from reader.core.entities.aliases import AliasTable, builtin_table, name_key
from reader.core.entities.mentions import display_name, in_longer_name
from reader.core.store.library_query import EFFECTIVE_KEY
from reader.core.store.surname_join import (
    bump,
    full_names,
    people_version,
    person_rows,
    put_person_rows,
    surname_joins,
)

# Bumped when the grouping of an article's mentions changes (acronyms joined; the persons' rows for the
# surname join): stored keys are made again.
GROUPING_VERSION = "surnames-2"  # 2: a surname cut from a longer name ("Forest Hill") is not bare


class TopEntity(NamedTuple):
    """One row of the top-entities view: the entity's key and type, its mentions and the articles with any."""

    key: str
    type: str
    mentions: int
    articles: int


def surname(key: str, entity_type: str) -> str:
    """The last word of a person's full name ("vladimir putin" -> "putin"), so short forms find it."""
    words = key.split()
    return words[-1] if entity_type == "PER" and len(words) > 1 else ""


def mention_rows(
    rowid: int, spans: Iterable[EntitySpan], table: AliasTable, text: str = ""
) -> list[tuple[object, ...]]:
    """The stored rows of an article's mentions: grouped as the panel groups them, so counts agree.

    `text`: the article's, to tell a bare surname from one the tagger cut from a longer name (`in_longer_name`).
    """
    rows: list[tuple[object, ...]] = []
    keys: dict[tuple[str, str], str] = {}  # an article names the same entities again and again
    groups = group_mentions(spans, table, named=False)
    # A bare "Biden" where the article names "Joe Biden" and "Hunter Biden" stayed alone: which one it is
    # not known. Its `short` says so (the word itself), and the library's surname join leaves it alone.
    lasts = {words[-1] for g in groups if g.type == "PER" and len(words := g.key.split()) > 1}
    for group in groups:
        last = surname(group.key, group.type) or (group.key if group.type == "PER" and group.key in lasts else "")
        bare = group.type == "PER" and not last and " " not in group.key and bool(text)
        for s in group.spans:
            key = keys.get((s.text, s.type))
            if key is None:
                key = keys[s.text, s.type] = name_key(s.text, s.type)
            # "Hill" of "Forest Hill police": marked like an ambiguous bare name, so the library's join leaves it
            short = group.key if bare and in_longer_name(text, s.start, s.end) else last
            rows.append((rowid, s.start, s.end, s.type, group.key, s.text, short, key, group.type))
    return rows


def learned_rows(rows: Iterable[tuple[object, ...]], table: AliasTable) -> list[tuple[object, ...]]:
    """(article, acronym, long form's key, type) for each acronym `mention_rows` keyed under a long form.

    Not a person's initials, and not a name the alias table already leads somewhere.
    """
    out: set[tuple[object, ...]] = set()
    for rowid, _start, _end, typ, key, text, _short, name, etype in rows:
        if (etype != "PER" and name != key and written_as_acronym(str(text), str(name))
                and spells(str(name), str(key)) and table.entity(str(text), str(typ)) is None):  # fmt: skip
            out.add((rowid, name, key, etype))
    return sorted(out, key=str)


def keys_version() -> str:
    """What made the stored keys: the built-in alias table and the grouping rules."""
    return f"{builtin_table().version}+{GROUPING_VERSION}"


class LibraryEntities:
    """Entity storage and queries of `Library` (its connection is `self.db`)."""

    db: sqlite3.Connection

    def _init_entities(self) -> None:
        # etype "": the rule holds for a name of any type; "PER": only for a person's (a joined surname)
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS user_alias(alias TEXT PRIMARY KEY, key TEXT NOT NULL,"
                        " etype TEXT NOT NULL DEFAULT '')")  # fmt: skip
        self._alias_state: AliasTable | None = None  # the table the temp table was last made for
        self._alias_rows: list[tuple[str, str, str]] | None = None  # and its rows
        self._surnames: tuple[str, list[tuple[str, str]]] | None = None  # (people_version, joins) last read
        # (people_version, the user's rules) -> the table: every write of an article's mentions moves the version
        # (its learned acronyms and person rows are written with them), so an article opened reads two small rows
        self._table: tuple[tuple[str, tuple[tuple[str, str], ...]], AliasTable] | None = None
        self._person_names: dict[str, str] = {}  # full name's key -> as the articles write it (`full_names`)

    # --- the alias tables ------------------------------------------------------------------

    def user_alias_rules(self) -> list[tuple[str, str]]:
        """The user's "X is Y" rules from the attached user database, oldest first ([] without one)."""
        try:
            rows = self.db.execute("SELECT alias, target FROM user.entity_aliases ORDER BY created, rowid")
            return [(str(a), str(t)) for a, t in rows]
        except sqlite3.OperationalError:  # an older user database (or none): no rules yet
            return []

    def learned_aliases(self) -> list[tuple[str, str, str]]:
        """(acronym, long form's key, type) the articles spelled out; an acronym two long forms share equally
        often is left out, else the one more articles spell out wins."""
        best: dict[str, list[tuple[int, str, str]]] = {}
        for alias, key, etype, n in self.db.execute(
            "SELECT alias, key, etype, count(*) FROM learned_aliases GROUP BY alias, key, etype"
        ):
            best.setdefault(str(alias), []).append((int(n), str(key), str(etype)))
        out = []
        for alias, found in sorted(best.items()):
            found.sort(reverse=True)
            if len(found) == 1 or found[0][0] > found[1][0]:
                out.append((alias, found[0][1], found[0][2]))
        return out

    def surname_joins(self) -> list[tuple[str, str]]:
        """(surname, full name's key) the library joins (`store.surname_join`), read again only when the
        persons' rows changed."""
        version = people_version(self.db)
        if self._surnames is None or self._surnames[0] != version:
            self._surnames = (version, surname_joins(self.db))
        return self._surnames[1]

    def alias_table(self) -> AliasTable:
        """The built-in table with the learned acronyms, the joined surnames (by their full names as written)
        and the user's rules on top, as they are now: what the entity panel groups an article's mentions by.
        Made again only when an article's mentions or the user's rules changed."""
        state = (people_version(self.db), tuple(self.user_alias_rules()))
        if self._table is None or self._table[0] != state:
            surnames = self.surname_joins()
            names = self._person_names
            if len(names) > 100_000:
                names.clear()
            # a person's spelling hardly changes: only the newly joined full names are read
            names.update(full_names(self.db, [key for _s, key in surnames if key not in names]))
            table = builtin_table().with_learned(self.learned_aliases())
            table = table.with_surnames((s, names.get(key, key)) for s, key in surnames).with_user(state[1])
            self._table = (state, table)
        return self._table[1]

    def aliases(self) -> AliasTable:
        """`alias_table()`, with the temp table the views' queries join following its rules."""
        table = self.alias_table()
        if table is not self._alias_state:
            rows = table.query_rows()
            if rows != self._alias_rows:
                with self.db:
                    self.db.execute("DELETE FROM temp.user_alias")
                    self.db.executemany("INSERT OR REPLACE INTO temp.user_alias VALUES (?, ?, ?)", rows)
                self._alias_rows = rows
            self._alias_state = table
        return table

    # --- tagging ---------------------------------------------------------------------------

    def tagger_version(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key='tagger'").fetchone()
        return None if row is None else str(row[0])

    def forget_mentions(self, tagger_version: str) -> None:
        """Drop every mention (they came from another tagger) and remember which tagger comes next."""
        with self.db:
            self.db.execute("DELETE FROM mentions")
            self.db.execute("DELETE FROM learned_aliases")
            self.db.execute("DELETE FROM person_names")
            bump(self.db)
            self.db.execute("UPDATE articles SET tagged=0 WHERE tagged=1")
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('tagger', ?)", (tagger_version,))

    def untagged_ids(self, limit: int = 100) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE tagged=0 LIMIT ?", (limit,))]

    def untagged_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles WHERE tagged=0").fetchone()[0])

    def mark_tagged(self, article_id: str) -> None:
        """Never ask to tag this article again (e.g. it was gone when its turn came)."""
        with self.db:
            self.db.execute("UPDATE articles SET tagged=1 WHERE id=?", (article_id,))

    def store_mentions(self, article_id: str, spans: Iterable[EntitySpan]) -> None:
        """Replace an article's entity mentions, each with the key of the entity it names."""
        with self.db:
            self._put_mentions(article_id, spans)

    def _put_mentions(self, article_id: str, spans: Iterable[EntitySpan]) -> None:
        """`store_mentions` inside the caller's transaction."""
        row = self.db.execute("SELECT rowid, body FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            return
        self._put_mentions_at(row[0], spans, row[1] or "", fresh=False)
        self._mentions_stored()

    def _put_mentions_at(self, rowid: int, spans: Iterable[EntitySpan], text: str, *, fresh: bool,
                         marked: bool = False) -> None:  # fmt: skip
        """An article's mentions by rowid (`text`: its body, which the spans point into); `fresh`: the caller's
        transaction inserted the article, so it has no rows to replace; `marked`: it was inserted tagged. The
        caller calls `_mentions_stored` after (once for a whole batch)."""
        # the rows an import's worker makes, made here (mention_batch builds on this module: imported late)
        from reader.core.store.mention_batch import group_for_store, put_grouped

        put_grouped(self.db, rowid, group_for_store(spans, text), fresh=fresh, marked=marked)

    def _mentions_stored(self) -> None:
        # keys made with this table: a cache that never re-keyed before knows which table made them
        self.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('aliases', ?)", (keys_version(),))
        bump(self.db)  # the person rows changed: the surname join is read again

    def _put_rows(self, rowid: int, values: list[tuple[object, ...]]) -> None:
        """Replace an article's mention rows and the acronyms they spell out (in the caller's transaction)."""
        self.db.execute("DELETE FROM mentions WHERE article_rowid=?", (rowid,))
        self.db.execute("DELETE FROM learned_aliases WHERE article_rowid=?", (rowid,))
        self.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?)", values)
        self.db.executemany("INSERT INTO learned_aliases VALUES (?,?,?,?)", learned_rows(values, builtin_table()))
        put_person_rows(self.db, rowid, person_rows(rowid, values))

    def rekey_mentions(self) -> int:
        """Give every stored mention its key again when the built-in alias table or the grouping changed; how
        many articles. Cheaper than tagging again: the spans stay, only the grouping is redone.
        """
        version = keys_version()
        row = self.db.execute("SELECT value FROM meta WHERE key='aliases'").fetchone()
        if row is not None and row[0] == version:
            return 0
        rowids = [r[0] for r in self.db.execute("SELECT DISTINCT article_rowid FROM mentions")]
        with self.db:
            for rowid in rowids:
                spans = [EntitySpan(*r) for r in self.db.execute(
                    "SELECT start, end, type, text FROM mentions WHERE article_rowid=? ORDER BY start", (rowid,))]
                body = self.db.execute("SELECT body FROM articles WHERE rowid=?", (rowid,)).fetchone()
                self._put_rows(rowid, mention_rows(rowid, spans, builtin_table(), (body and body[0]) or ""))
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('aliases', ?)", (version,))
        return len(rowids)

    # --- reading ---------------------------------------------------------------------------

    def entity_spans(self, article_id: str) -> list[object]:
        """The article's EntitySpans in text order (typed as export's ArticleSource protocol asks)."""
        return [
            EntitySpan(s, e, t, x)
            for s, e, t, x in self.db.execute(
                "SELECT m.start, m.end, m.type, m.text FROM mentions m JOIN articles a ON a.rowid=m.article_rowid"
                " WHERE a.id=? ORDER BY m.start",
                (article_id,),
            )
        ]

    def top_entities(self, entity_type: str | None = None, limit: int = 50) -> list[TopEntity]:
        """The most mentioned entities (aliases and the user's rules merged), optionally of one type."""
        key = EFFECTIVE_KEY if self.aliases().query_rows() else "m.key"  # the plain key column keeps its index
        where, params = ("WHERE m.etype=?", [entity_type]) if entity_type else ("", [])
        rows = self.db.execute(
            f"SELECT {key} AS k, m.etype, count(*), count(DISTINCT m.article_rowid) FROM mentions m {where}"
            " GROUP BY k, m.etype ORDER BY count(DISTINCT m.article_rowid) DESC, count(*) DESC, k LIMIT ?",
            [*params, limit],
        )
        return [TopEntity(str(k), str(t), int(n), int(a)) for k, t, n, a in rows]

    def spellings(self, key: str, entity_type: str) -> list[tuple[str, int]]:
        """How the articles write one entity: (name as shown, mentions), most frequent first."""
        self.aliases()
        counts: dict[str, int] = {}
        for text, n in self.db.execute(
            # `m.name != m.key`: a name equal to its key is found by the key's test (and the partial index serves)
            f"SELECT m.text, count(*) FROM mentions m WHERE (m.key = ?1 OR (m.name != m.key AND m.name IN"
            f" (SELECT alias FROM temp.user_alias WHERE key = ?1)) OR m.key IN"
            f" (SELECT alias FROM temp.user_alias WHERE key = ?1)) AND m.etype = ?2 AND {EFFECTIVE_KEY} = ?1"
            " GROUP BY m.text", (key, entity_type),
        ):  # fmt: skip
            name = display_name(text)
            counts[name] = counts.get(name, 0) + int(n)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def entity_name(self, key: str, entity_type: str, spelled: list[tuple[str, int]] | None = None) -> str:
        """The name a row shows: the most frequent spelling of the key itself ("Donald Trump" over the more
        frequent "Trump"), else the most frequent spelling ("NASA"), else the alias table's name.

        `spelled`: the entity's `spellings()` when the caller has them already.
        """
        spelled = self.spellings(key, entity_type) if spelled is None else spelled
        own = [name for name, _n in spelled if name_key(name, entity_type) == key]
        if own or spelled:
            return (own or [spelled[0][0]])[0]
        known = self.aliases().entity(key, entity_type)
        return known.name if known is not None else key
