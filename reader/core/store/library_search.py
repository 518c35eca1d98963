"""The library cache's queries for the article list and the search box: ids in a view's order, pages of a search.

A base class of `Library` (its connection is `self.db`, its alias tables come from `LibraryEntities`).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace

from reader.core.entities.aliases import AliasTable
from reader.core.store.library_query import (
    SORT_COLUMNS,
    FilterSpec,
    ListQuery,
    build_list_sql,
    fts_match,
    parse_filter,
    with_search,
)
from reader.core.store.search_sql import (
    BOUNDS_SQL,
    WALK_FROM,
    anchors_sql,
    askable,
    before_sql,
    count_sql,
    gathered_page_sql,
    matches_sql,
    page_sql,
    probe_rows,
    probe_sql,
    probing_pays,
    rowid_part,
    walk_bound_sql,
)

Anchor = tuple[object, str]  # a row's sort key and id: where a page starts


@dataclass(frozen=True)
class SearchPage:
    """One page of a search: its ids in order, how many articles match in all, and the words to mark."""

    ids: list[str]
    total: int  # with `counted` False, only a lower bound (enough to choose how to read further pages)
    terms: tuple[str, ...] = ()
    counted: bool = True


class LibrarySearch:
    """List and search queries of `Library`."""

    db: sqlite3.Connection

    def aliases(self) -> AliasTable:  # pragma: no cover - provided by LibraryEntities
        raise NotImplementedError

    def list_ids(self, query: ListQuery | None = None) -> list[str]:
        """Article ids matching the query, in its sort order (cheap even for 100,000 articles)."""
        sql, params = build_list_sql(self._resolved(query or ListQuery()))
        return [str(r[0]) for r in self._run(sql, params)]

    def _resolved(self, query: ListQuery) -> ListQuery:
        if query.entity:  # the entity's own key, and every name the aliases and the user's rules lead to it from
            table = self.aliases()
            # Not through the library's joined surnames: a word names whoever the articles write with it
            # (`entity_condition`), and "Hill" cut from "Forest Hill" is no Fiona Hill.
            key = table.resolve(query.entity, "", surnames=False)[0]
            query = replace(query, entity=key, entity_names=tuple(table.names_of(key)[1:]))
        return query

    def _run(self, sql: str, params: list[object]) -> list[tuple[object, ...]]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:  # a malformed full-text query
            raise ValueError(f"The search could not be understood: {exc}.") from exc

    def search(
        self, text: str, *, limit: int = 50, offset: int = 0, base: ListQuery | None = None, count: bool = True
    ) -> SearchPage:
        """One page of what the search box's `text` finds within `base` (best first unless `base` sorts);
        the page stops the query early and the total is counted apart. Raises `QueryError` (a ValueError).

        In a column's order, the plan follows how many articles the whole full-text expression (words, phrases,
        exclusions) matches, read from its first `WALK_FROM` matches: fewer are all in hand, so each is looked up,
        sorted and counted. With `count=False`, more are not counted (`count_matches` does that, later or in
        another thread): the page comes from walking the sort index, and the result is marked `counted=False`."""
        spec = parse_filter(text)
        query = self._search_query(spec, base)
        words = rowid_part(query)  # the whole full-text expression (exclusions inside it) and the rowid conditions
        if fts_match(query) and query.sort != "rank" and offset == 0:
            first = [int(str(r[0])) for r in self._run(*matches_sql(words, WALK_FROM))]
            if len(first) < WALK_FROM:  # every match in hand: each looked up and sorted, and counted on the way
                rows = self._run(*gathered_page_sql(query, json.dumps(first), limit))
                return SearchPage([str(r[0]) for r in rows], int(str(rows[0][1])) if rows else 0, tuple(spec.terms))
            if not count:  # matches in most articles: the page walks the sort index, the count is left for later
                low, top = self._run(BOUNDS_SQL, [])[0]
                spread = (len(first), max(first), int(str(low)), int(str(top)))
                # no condition on the articles' columns: each row walked can be asked of the index, in turn
                probe = query == words and askable(query) and probing_pays(spread, limit)
                ids = self._probed_page(query, spread, limit) if probe else []
                if len(ids) < limit:  # not asked row by row, or too few matches at the top of the order for it
                    ids = [str(r[0]) for r in self._run(*page_sql(query, WALK_FROM, limit, 0))]
                short = len(ids) < limit  # the page holds every match: that is the count
                return SearchPage(ids, len(ids) if short else WALK_FROM, tuple(spec.terms), counted=short)
        total = self._count(query)
        ids = [str(r[0]) for r in self._run(*page_sql(query, total, limit, offset))] if total > offset else []
        return SearchPage(ids, total, tuple(spec.terms))

    def _probed_page(self, query: ListQuery, spread: tuple[int, int, int, int], limit: int) -> list[str]:
        """The first page walked from the sort index, each row asked of the full-text index, no further than
        `probe_rows` rows; a short page from a bounded walk is empty (the caller gathers the matches instead)."""
        bound = self._run(*walk_bound_sql(query, probe_rows(spread, limit)))
        until = (bound[0][0], str(bound[0][1])) if bound else None
        ids = [str(r[0]) for r in self._run(*page_sql(query, WALK_FROM, limit, 0, probe=True, until=until))]
        return ids if len(ids) == limit or until is None else []

    def _count(self, query: ListQuery) -> int:
        matches = int(str(self._run(*count_sql(rowid_part(query)))[0][0]))
        narrower = matches and query != rowid_part(query)  # columns of the articles to check as well
        return int(str(self._run(*count_sql(query, matches))[0][0])) if narrower else matches

    def count_matches(self, text: str, *, base: ListQuery) -> int:
        """How many articles `search(text, base=base)` lists (what `count=False` left out)."""
        return self._count(self._search_query(parse_filter(text), base))

    def search_page(
        self, text: str, *, total: int, limit: int, offset: int, base: ListQuery, seek: Anchor | None = None
    ) -> list[str]:
        """Another page of `search(text, base=base)`, whose `total` is known already: nothing is counted again.
        With `seek` (one of `page_anchors`), the page starts at that row and `offset` counts from there."""
        query = self._search_query(parse_filter(text), base)
        if seek is None and total <= offset:
            return []
        return [str(r[0]) for r in self._run(*page_sql(query, total, limit, offset, seek))]

    def page_anchors(self, text: str, *, base: ListQuery, every: int) -> list[Anchor]:
        """The sort key and id of every `every`-th row of `search(text, base=base)` (from row 0): a far page is
        then read by seeking to its anchor in the sort index, not by stepping over the rows before it (OFFSET).
        Empty when the order has no such key (best first)."""
        query = self._search_query(parse_filter(text), base)
        if query.sort not in SORT_COLUMNS:
            return []
        return [(r[0], str(r[1])) for r in self._run(*anchors_sql(query, every))]

    def _search_query(self, spec: FilterSpec, base: ListQuery | None) -> ListQuery:
        entity = ""
        if spec.entity:
            from reader.core.entities import canonical_name

            entity = canonical_name(spec.entity, "")
        return self._resolved(with_search(base or ListQuery(sort="rank"), spec, entity))

    def position(self, article_id: str, text: str, base: ListQuery) -> int:
        """Where `article_id` stands in the pages `search(text, base=base)` gives (-1: not found there);
        counted in SQLite, so no id list is built. `base` must sort by a column (its order has a tie-break)."""
        query = self._search_query(parse_filter(text), base)
        if query.sort in SORT_COLUMNS:  # its sort key if listed (found by id), then how many come before it
            sql, params = build_list_sql(query, key=True)
            found = self._run(f"SELECT k FROM ({sql}) WHERE i = ?", [*params, article_id])
            if not found:
                return -1
            words = rowid_part(query)
            matches = int(str(self._run(*probe_sql(words, WALK_FROM))[0][0])) if fts_match(query) else 0
            return int(str(self._run(*before_sql(query, (found[0][0], article_id), matches))[0][0]))
        sql, params = build_list_sql(query)
        numbered = f"SELECT n FROM (SELECT id AS i, row_number() OVER () - 1 AS n FROM ({sql})) WHERE i = ?"
        found = self._run(numbered, [*params, article_id])
        return int(str(found[0][0])) if found else -1

    def lists(self, article_id: str, text: str, base: ListQuery) -> bool:
        """Whether `search(text, base=base)` lists `article_id`: one look-up by id, no count of the rows before it
        (`position`'s costly part: tens of ms for a common word at 100,000 articles)."""
        query = self._search_query(parse_filter(text), base)
        if query.sort not in SORT_COLUMNS:
            return self.position(article_id, text, base) >= 0
        sql, params = build_list_sql(query, key=True)
        return bool(self._run(f"SELECT 1 FROM ({sql}) WHERE i = ? LIMIT 1", [*params, article_id]))

    def search_ids(self, query: str) -> list[str]:
        """Full-text search over titles and bodies (FTS5 syntax), best match first."""
        return self.list_ids(ListQuery(text=query, sort="rank"))
