"""Far pages read by seeking to their first row (`page_anchors`, `search_page(seek=)`), an article's row counted
from its sort key (`position`), and searches whose count is left for later (`search(count=False)`,
`count_matches`): the same rows as the plain queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article import Block, make_article
from reader.core.search_query import parse_filter
from reader.core.store import library_search, search_sql
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from reader.core.store.search_sql import WALK_FROM

N = 1_500  # more than WALK_FROM match "common", so the page walks the sort index


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Article i: title "Item <i % 37>" (many ties), source one of three, date i % 28, body "common" and
    "kind<i % 5>", and "rare" in every 100th; all in one file."""
    library = Library(Path(tmp_path_factory.mktemp("seek")) / "cache.sqlite3")
    articles = [
        make_article(title=f"Item {i % 37}", blocks=[Block(f"common kind{i % 5} number {i}" + " rare" * (i % 100 < 1))],
                     path="/news/all.txt", format="text", source=("Ledger", "courier", "Wire")[i % 3],
                     published=f"2024-02-{i % 28 + 1:02d}")
        for i in range(N)
    ]  # fmt: skip
    library.store_file("/news/all.txt", 0.0, 1, articles)
    return library


@pytest.mark.parametrize("sort", ["title", "source", "published", "words", "path"])
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("text", ["", "common", "kind2", "common source:wire"])
def test_every_page_read_from_its_anchor_is_the_page_read_by_offset(
    lib: Library, sort: str, descending: bool, text: str
) -> None:
    base = ListQuery(sort=sort, descending=descending)
    total = lib.search(text, limit=1, base=base).total
    whole = lib.search_page(text, total=total, limit=total, offset=0, base=base)
    anchors = lib.page_anchors(text, base=base, every=100)
    assert len(anchors) == (total + 99) // 100
    for number, anchor in enumerate(anchors):
        page = lib.search_page(text, total=total, limit=100, offset=0, base=base, seek=anchor)
        assert page == whole[number * 100 : number * 100 + 100]
    for row in (0, 1, total // 2, total - 1):  # where an article stands: counted from its key, not numbered
        assert lib.position(whole[row], text, base) == row
    if total < N:
        listed = set(whole)
        outside = next(i for i in lib.search_page("", total=N, limit=N, offset=0, base=base) if i not in listed)
        assert lib.position(outside, text, base) == -1


def test_a_best_first_search_has_no_anchors(lib: Library) -> None:
    assert lib.page_anchors("common", base=ListQuery(sort="rank"), every=100) == []


def test_many_matches_give_the_first_page_uncounted_and_count_matches_counts_them(lib: Library) -> None:
    base = ListQuery()
    first = lib.search("common", limit=50, base=base, count=False)
    assert not first.counted and first.total == WALK_FROM
    assert first.ids == lib.search("common", limit=50, base=base).ids
    assert lib.count_matches("common", base=base) == N


def test_few_matches_are_counted_at_once(lib: Library) -> None:
    first = lib.search("rare", limit=50, base=ListQuery(), count=False)
    assert first.counted and first.total == len(first.ids) == N // 100


def test_many_word_matches_narrowed_to_less_than_a_page_are_counted_from_the_page(lib: Library) -> None:
    words = "common source:wire before:2024-02-02"  # 2024-02-01 only: 1 in 28 of the 1 in 3 from the Wire
    first = lib.search(words, limit=50, base=ListQuery(), count=False)
    expected = [i for i in range(N) if i % 3 == 2 and i % 28 == 0]
    assert first.counted and first.total == len(first.ids) == len(expected) == 18
    assert first.ids == lib.search(words, limit=50, base=ListQuery()).ids


@pytest.mark.parametrize(("text", "base"), [
    ("common", ListQuery()), ("common", ListQuery(sort="title", descending=False)),
    ("common source:wire", ListQuery(sort="words")),
])  # fmt: skip
def test_every_article_of_a_common_word_stands_where_the_whole_list_puts_it(
    lib: Library, text: str, base: ListQuery
) -> None:
    # with at least WALK_FROM matches the rows before an article are counted by walking the sort index from its key
    # (each entry checked against the matching rowids), not by joining every match to its article row
    total = lib.search(text, limit=1, base=base).total
    assert total >= WALK_FROM // 2
    whole = lib.search_page(text, total=total, limit=total, offset=0, base=base)
    assert [lib.position(article_id, text, base) for article_id in whole] == list(range(total))


@pytest.mark.parametrize(("sort", "descending"), [("published", True), ("title", False), ("source", True)])
@pytest.mark.parametrize(("text", "probed"), [("common", True), ("common -rare", True), ("comm*", False),
                                              ("common kind2", True), ("common source:wire", False)])  # fmt: skip
def test_a_word_in_most_articles_gives_the_full_querys_first_page_by_asking_the_index_row_by_row(
    lib: Library, monkeypatch: pytest.MonkeyPatch, sort: str, descending: bool, text: str, probed: bool
) -> None:
    """Words (AND, NOT) are asked row by row; a prefix or a condition on the rows' columns is not."""
    monkeypatch.setattr(search_sql, "PROBE_COST", 1)  # 1,500 articles: asking row by row is chosen here as well
    monkeypatch.setattr(search_sql, "WALK_FROM", 200)  # "common kind2" (300) walks the index too
    monkeypatch.setattr(library_search, "WALK_FROM", 200)
    ran: list[str] = []
    lib.db.set_trace_callback(ran.append)
    try:
        page = lib.search(text, limit=50, base=ListQuery(sort=sort, descending=descending), count=False)
    finally:
        lib.db.set_trace_callback(None)
    probing = "EXISTS (SELECT 1 FROM articles_fts f WHERE articles_fts MATCH"
    assert any(probing in sql and " LIMIT 50 " in sql for sql in ran) == probed  # the walk asking about each row
    whole = lib.search_page(text, total=N, limit=N, offset=0, base=ListQuery(sort=sort, descending=descending))
    if not text.endswith("wire"):  # the plain full query, built apart from the pages
        spec = parse_filter(text)
        assert whole == lib.list_ids(ListQuery(sort=sort, descending=descending, text=spec.text, exclude=spec.exclude))
    assert len(whole) > 50 and page.ids == whole[:50]
    assert not page.counted and page.total == 200  # counted later, as before
