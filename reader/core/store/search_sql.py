"""One page of a search and its total, without sorting every match (issue 15).

The whole boolean query (words, phrases, prefixes, AND/OR, exclusions) is one FTS5 expression (`fts_match`),
so the index evaluates it in every statement. The total comes from the index alone when no condition needs an
article's columns. A first page is read in one of three ways, by how densely the whole expression matches
(from its first `WALK_FROM` rowids): fewer matches are all in hand, looked up and sorted (`gathered_page_sql`);
many are found by walking the sort order's own `(column, id)` index and stopping at the page's end, each entry
checked against the matching rowids (gathered once); a query in most articles of a large library
(`probing_pays`) walks the same index asking the full-text index about each entry in turn, gathering none, for
no more than `probe_rows` entries. Best-first order has no index: every match is scored (bm25, as FTS5's
`rank`), in the index alone, and only the page's rows are read from `articles`.
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.store.library_query import (
    SORT_COLUMNS,
    ListQuery,
    build_list_sql,
    conditions,
    fts_match,
    has_prefix,
    seek_condition,
)

# how many articles there are less the kept ones: a bare count(*) is 0.3 ms at 100,000; a NOT IN checks every row
KEPT_EXCLUDED_COUNT = (  # (the kept rows are few: each is looked up, never the other way round)
    "SELECT (SELECT count(*) FROM articles)"
    " - (SELECT count(*) FROM kept k WHERE EXISTS (SELECT 1 FROM articles a WHERE a.rowid = k.article_rowid))"
)
WALK_FROM = 1000  # matches from which walking the sort index beats fetching and sorting each of them
# what asking the full-text index whether one row matches costs, in matching rowids gathered for the same time:
# ~180 µs a probe, ~0.7 µs a match (benchmarks/search.py's words at 100,000: "said", "percent", "government");
# on the window's profile at 100,000 (benchmarks/search_plans.py), about 180 for one word or a phrase, 280 for two
# words (AND, OR, NOT: both sides grow with the words), 340 for three
PROBE_COST = 270
PROBE_SLACK = 3  # a walk asking each row gives up after 3 times the rows the density promises (`probe_rows`)
SORT_INDEXES = {"title": "articles_title", "source": "articles_source", "published": "articles_published",
                "words": "articles_words", "path": "articles_path"}  # fmt: skip


def count_sql(q: ListQuery, matches: int | None = None) -> tuple[str, list[object]]:
    """How many articles `q` finds. With conditions on the articles' columns, `matches` (what the words and
    rowid conditions alone find, from `count_sql(q)` without them) picks the plan: few are each read; many
    are counted in the sort index that holds the columns asked about (dates, source, id), not in the rows."""
    where, params, row = conditions(q)
    match = fts_match(q)
    if not match and where == conditions(ListQuery())[0]:  # every article but the kept: SQLite's own b-tree count
        return KEPT_EXCLUDED_COUNT, []
    if not match:
        source = "articles a"
    elif not row:  # rowid conditions only: the index answers alone (its rows named `a`)
        source = "articles_fts a"
    elif matches is not None and matches >= WALK_FROM and not q.authors:
        index = "articles_source" if q.sources and not (q.before or q.after) else "articles_published"
        where = ["a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", *where]
        sql = f"SELECT count(*) FROM articles a INDEXED BY {index} WHERE {' AND '.join(where)}"
        return sql, [match, *params]
    else:
        source = "articles_fts f JOIN articles a ON a.rowid = f.rowid"
    if match:
        where, params = ["articles_fts MATCH ?", *where], [match, *params]
    return f"SELECT count(*) FROM {source}" + (" WHERE " + " AND ".join(where) if where else ""), params


def probe_sql(q: ListQuery, cap: int) -> tuple[str, list[object]]:
    """How many of `q`'s full-text matches there are, counting no further than `cap` (stops early)."""
    return "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)", [
        fts_match(q),
        cap,
    ]


def matches_sql(q: ListQuery, cap: int) -> tuple[str, list[object]]:
    """The rowids of `q`'s first `cap` full-text matches, in rowid order (the whole expression, exclusions too,
    evaluated in the index; stops early): all of them when fewer, else how densely the query matches."""
    return "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?", [fts_match(q), cap]


# two look-ups at the ends of the table (min and max in one SELECT would read every row)
BOUNDS_SQL = "SELECT (SELECT min(rowid) FROM articles), (SELECT max(rowid) FROM articles)"


def gathered_page_sql(q: ListQuery, rowids: str, limit: int) -> tuple[str, list[object]]:
    """The first `limit` ids of `q` (sorted by a column), each with how many rows `q` lists in all, when every
    full-text match is in hand (`rowids`, a JSON array of fewer than `WALK_FROM`): each is looked up by its
    rowid, checked against the other conditions and sorted; the index is not asked again."""
    where, params, _row = conditions(q)
    way = "DESC" if q.descending else "ASC"
    order = SORT_COLUMNS.get(q.sort, SORT_COLUMNS["published"])
    sql = ("SELECT a.id, count(*) OVER () FROM json_each(?) j CROSS JOIN articles a ON a.rowid = j.value"
           + "".join(f" AND {w}" for w in where) + f" ORDER BY {order} {way}, a.id {way} LIMIT ?")  # fmt: skip
    return sql, [rowids, *params, limit]


def askable(q: ListQuery) -> bool:
    """Whether asking the full-text index about one row costs about what `PROBE_COST` was measured on, per word:
    words and phrases joined by AND, OR and NOT. Not a prefix, which stands for many words ("uni*" asked row by
    row took 2.6 s for a page the gathered rowids gave in 61 ms)."""
    return bool(fts_match(q)) and not has_prefix(q)


def walk_bound_sql(q: ListQuery, rows: int) -> tuple[str, list[object]]:
    """The sort key and id of the row `rows` rows down `q`'s sort index, among those its rowid conditions keep (the
    words left out): where a walk asking each row about the words gives up (`page_sql`'s `until`). No row: fewer."""
    where, params, _row = conditions(q)
    way = "DESC" if q.descending else "ASC"
    sql = (f"SELECT {SORT_COLUMNS[q.sort]}, a.id FROM articles a INDEXED BY {SORT_INDEXES[q.sort]}"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {SORT_COLUMNS[q.sort]} {way}, a.id {way} LIMIT 1 OFFSET ?")  # fmt: skip
    return sql, [*params, rows]


def probe_rows(spread: tuple[object, ...], limit: int) -> int:
    """How many rows of the sort index a walk asking each row may take for a page of `limit` (`PROBE_SLACK` times
    what the density of the first matches promises): the first matches are the oldest rowids, and the top of the
    sort order may hold far fewer (a word of last year's news), so the walk is bounded and then gathers instead."""
    return int(PROBE_SLACK * limit / max(_density(spread), 1e-9)) + limit


def _density(spread: tuple[object, ...]) -> float:
    found, high, low, _top = (int(str(v)) if v is not None else 0 for v in spread)
    return found / max(1, high - low + 1)


def probing_pays(spread: tuple[object, ...], limit: int) -> bool:
    """Whether a first page of `limit` rows is found sooner by walking the sort index and asking the full-text
    index about each row (about limit / density probes) than by gathering every match first (density times the
    articles), from `spread`: how many of the first matches were read, the highest rowid among them, and the
    articles' lowest and highest rowids. Only for a query found in most articles of a large library. Each word
    makes a probe and a gathered match dearer alike, so the ratio holds for several words (`PROBE_COST`)."""
    _found, _high, low, top = (int(str(v)) if v is not None else 0 for v in spread)
    density = _density(spread)
    return density * density * max(1, top - low + 1) > PROBE_COST * limit


def rowid_part(q: ListQuery) -> ListQuery:
    """`q` with only its words and rowid conditions (folder, entity, exclusions, kept): cheap to count."""
    return replace(q, flags=(), tags=(), sources=(), authors=(), before="", after="")


def page_sql(
    q: ListQuery,
    total: int,
    limit: int,
    offset: int,
    seek: tuple[object, str] | None = None,
    *,
    probe: bool = False,
    until: tuple[object, str] | None = None,
) -> tuple[str, list[object]]:
    """The ids of one page of `q` (`total` of them match), in `q`'s order; with `seek` (a sort key and an id, see
    `anchors_sql`), `offset` counts from that row, found in the sort index instead of stepped to. With `probe`
    (see `probing_pays`), each row of the sort index is asked of the full-text index in turn, and the walk stops
    at the page's end: the matches are not gathered first. With `until` (see `walk_bound_sql`), a walk of the
    sort index stops before that row."""
    match = fts_match(q)
    if q.sort == "rank" and match:
        return _ranked_page(q, match, limit, offset)
    seek = seek if q.sort in SORT_COLUMNS else None
    sql, params = build_list_sql(q, seek=seek)
    if match and total >= WALK_FROM and q.sort in SORT_INDEXES:
        where, where_params, _row = conditions(q)
        words = ("EXISTS (SELECT 1 FROM articles_fts f WHERE articles_fts MATCH ? AND f.rowid = a.rowid)" if probe
                 else "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")  # fmt: skip
        if probe:  # the cheap rowid conditions before a probe
            where, params = [*where, words], [*where_params, match]
        else:
            where, params = [words, *where], [match, *where_params]
        if seek is not None:
            where.append(seek_condition(q))
            params += list(seek)
        if until is not None:
            where.append(seek_condition(q, before=True))
            params += list(until)
        way = "DESC" if q.descending else "ASC"
        sql = (f"SELECT a.id FROM articles a INDEXED BY {SORT_INDEXES[q.sort]} WHERE {' AND '.join(where)}"
               f" ORDER BY {SORT_COLUMNS[q.sort]} {way}, a.id {way}")  # fmt: skip
    return f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset]


def before_sql(q: ListQuery, seek: tuple[object, str], matches: int) -> tuple[str, list[object]]:
    """How many rows of `q` (sorted by a column) come before the row whose sort key and id are `seek`. With words
    matching `WALK_FROM` articles or more (`matches`, at least), the sort index is walked from that row towards the
    top, each entry checked against the matching rowids (gathered once): a count over the full-text join would read
    every match's article row, a second for 100,000."""
    if fts_match(q) and matches >= WALK_FROM and q.sort in SORT_INDEXES:
        where, params, _row = conditions(q)
        where = ["a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", *where,
                 seek_condition(q, before=True)]  # fmt: skip
        sql = f"SELECT count(*) FROM articles a INDEXED BY {SORT_INDEXES[q.sort]} WHERE {' AND '.join(where)}"
        return sql, [fts_match(q), *params, *seek]
    sql, params = build_list_sql(q, seek=seek, before=True)
    return f"SELECT count(*) FROM ({sql})", params


def _ranked_page(q: ListQuery, match: str, limit: int, offset: int) -> tuple[str, list[object]]:
    """Title matches first, then bm25; scored in the index, and only the page joined to the articles."""
    where, params, row = conditions(q)
    # with rowid conditions only, the index's rows are named `a` and no article is read before the page
    fts, join = ("f", " JOIN articles a ON a.rowid = f.rowid") if row else ("a", "")
    title_first = f"{fts}.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)" if q.text else "0"
    title_params = [f"title : ({q.text})"] if q.text else []
    inner = (f"SELECT {fts}.rowid AS r, {title_first} AS t, {fts}.rank AS k FROM articles_fts {fts}{join}"
             f" WHERE {' AND '.join(['articles_fts MATCH ?', *where])} ORDER BY t, k LIMIT ? OFFSET ?")  # fmt: skip
    sql = f"SELECT a.id FROM ({inner}) p JOIN articles a ON a.rowid = p.r ORDER BY p.t, p.k"
    return sql, [*title_params, match, *params, limit, offset]


def anchors_sql(q: ListQuery, every: int) -> tuple[str, list[object]]:
    """The sort key and id of rows 0, `every`, 2 * `every`... of `q` (sorted by a column): where each page
    starts, for `page_sql`'s `seek`. One pass over the sort index (or the matches) in SQLite, no id list."""
    sql, params = build_list_sql(q, key=True)
    return f"SELECT k, i FROM (SELECT k, i, row_number() OVER () - 1 AS n FROM ({sql})) WHERE n % ? = 0", [
        *params,
        every,
    ]
