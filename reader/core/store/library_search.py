"""The library cache's queries for the article list and the search box: ids in a view's order, pages of a search.

A base class of `Library` (its connection is `self.db`, its alias tables come from `LibraryEntities`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace

from reader.core.entities.aliases import AliasTable
from reader.core.store.library_query import (
    SORT_COLUMNS,
    FilterSpec,
    ListQuery,
    build_list_sql,
    parse_filter,
    with_search,
)
from reader.core.store.search_sql import anchors_sql, count_sql, page_sql, rowid_part

Anchor = tuple[object, str]  # a row's sort key and id: where a page starts


@dataclass(frozen=True)
class SearchPage:
    """One page of a search: its ids in order, how many articles match in all, and the words to mark."""

    ids: list[str]
    total: int
    terms: tuple[str, ...] = ()


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
            key = table.resolve(query.entity, "")[0]
            query = replace(query, entity=key, entity_names=tuple(table.names_of(key)[1:]))
        return query

    def _run(self, sql: str, params: list[object]) -> list[tuple[object, ...]]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:  # a malformed full-text query
            raise ValueError(f"The search could not be understood: {exc}.") from exc

    def search(self, text: str, *, limit: int = 50, offset: int = 0, base: ListQuery | None = None) -> SearchPage:
        """One page of what the search box's `text` finds within `base` (best first unless `base` sorts);
        the page stops the query early and the total is counted apart. Raises `QueryError` (a ValueError)."""
        spec = parse_filter(text)
        query = self._search_query(spec, base)
        matches = int(str(self._run(*count_sql(rowid_part(query)))[0][0]))
        narrower = matches and query != rowid_part(query)  # columns of the articles to check as well
        total = int(str(self._run(*count_sql(query, matches))[0][0])) if narrower else matches
        ids = [str(r[0]) for r in self._run(*page_sql(query, total, limit, offset))] if total > offset else []
        return SearchPage(ids, total, tuple(spec.terms))

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
        sql, params = build_list_sql(self._search_query(parse_filter(text), base))
        numbered = f"SELECT n FROM (SELECT id AS i, row_number() OVER () - 1 AS n FROM ({sql})) WHERE i = ?"
        found = self._run(numbered, [*params, article_id])
        return int(str(found[0][0])) if found else -1

    def search_ids(self, query: str) -> list[str]:
        """Full-text search over titles and bodies (FTS5 syntax), best match first."""
        return self.list_ids(ListQuery(text=query, sort="rank"))
