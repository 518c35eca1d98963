"""The whole boolean search in the full-text expression (exclusions inside FTS5's MATCH, never `NOT IN` beside it),
and the first page's plan chosen by how densely that whole expression matches: every plan gives the same rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.core.article import Block, make_article
from reader.core.entities import EntitySpan
from reader.core.store import library_search, search_sql
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from reader.core.store.user_data import UserStore

N = 1_500  # more than WALK_FROM: a query in most articles walks the sort index
SOURCES = ("Ledger", "Courier", "Wire")


def body(i: int) -> str:
    """Every article says "common"; all but every 150th "usual"; every 3rd the phrase "port authority" (every 3rd
    but one the same words the other way round); every 7th "not guilty"; every 100th "rare"."""
    words = ["common", f"kind{i % 5}", f"number{i}"]
    words += ["usual"] * (i % 150 != 0) + ["rare"] * (i % 100 == 0) + ["not guilty"] * (i % 7 == 0)
    words += ["the port authority met"] * (i % 3 == 0) + ["authority of the port"] * (i % 3 == 1)
    return " ".join(words) + "."


def title(i: int) -> str:
    return f"Item {i}" + " harbour" * (i % 50 == 0)


def published(i: int) -> str:
    return f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}"


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Articles 0..N-1 as `body`, `title` and `published` say, from one of three sources; the first 600 in a file
    under /news, the rest under /other; a bookmark on every 4th; "Tallinn" named in every 6th."""
    root = Path(tmp_path_factory.mktemp("plans"))
    user = UserStore(root / "user.sqlite3")
    library = Library(root / "cache.sqlite3", user_db=root / "user.sqlite3")
    articles = [make_article(title=title(i), blocks=[Block(body(i))], path="", format="text",
                             source=SOURCES[i % 3], published=published(i)) for i in range(N)]  # fmt: skip
    library.store_file("/news/a.txt", 0.0, 1, articles[:600])
    library.store_file("/other/b.txt", 0.0, 1, articles[600:])
    for i, article in enumerate(articles):
        if i % 4 == 0:
            user.set_bookmarked(article.id, True)
        if i % 6 == 0:
            library.store_mentions(article.id, [EntitySpan(0, 7, "LOC", "Tallinn")])
    return library


def numbers(lib: Library, ids: list[str]) -> list[int]:
    """The article numbers (`Item <i>`) of `ids`, in their order."""
    rows = lib.rows(ids)
    return [int(rows[i].title.split()[1]) for i in ids]


def newest_first(lib: Library, wanted: Callable[[int], bool]) -> list[int]:
    """The numbers of the articles `wanted` keeps, as the list orders them: newest first, then by id."""
    ids = {n: i for i, n in zip(lib.all_ids(), numbers(lib, lib.all_ids()), strict=True)}
    return sorted((n for n in range(N) if wanted(n)), key=lambda n: (published(n), ids[n]), reverse=True)


@contextmanager
def statements(lib: Library) -> Iterator[list[str]]:
    ran: list[str] = []
    lib.db.set_trace_callback(ran.append)
    try:
        yield ran
    finally:
        lib.db.set_trace_callback(None)


# what each search lists, said in words about the articles
EXPECTED: dict[str, Callable[[int], bool]] = {
    "common -usual": lambda i: i % 150 == 0,
    "usual -rare": lambda i: i % 150 != 0 and i % 100 != 0,
    '"port authority" -rare': lambda i: i % 3 == 0 and i % 100 != 0,
    "port authority -usual": lambda i: i % 3 != 2 and i % 150 == 0,
    '-"port authority" kind2': lambda i: i % 5 == 2 and i % 3 != 0,
    "kind1 OR kind0 -usual": lambda i: i % 5 in (0, 1) and i % 150 == 0,
    "kind1 OR rare -kind0 -port": lambda i: i % 5 == 1 and i % 3 == 2,
    '"not guilty" -rare': lambda i: i % 7 == 0 and i % 100 != 0,
    "guilty NOT usual": lambda i: i % 7 == 0 and i % 150 == 0,
    "-usual": lambda i: i % 150 == 0,
    "-usual -rare": lambda i: i % 150 == 0 and i % 100 != 0,
    "common -usual -rare source:ledger": lambda i: i % 150 == 0 and i % 100 != 0 and i % 3 == 0,
    "usual -rare is:bookmarked": lambda i: i % 150 != 0 and i % 100 != 0 and i % 4 == 0,
    "common -usual before:2024-06": lambda i: i % 150 == 0 and published(i) < "2024-06",
    "usual -rare entity:tallinn": lambda i: i % 150 != 0 and i % 100 != 0 and i % 6 == 0,
    "title:harbour -rare": lambda i: i % 50 == 0 and i % 100 != 0,
}


@pytest.mark.parametrize("text", list(EXPECTED))
def test_exclusions_with_phrases_and_or_and_filters_list_the_right_articles(lib: Library, text: str) -> None:
    expected = newest_first(lib, EXPECTED[text])
    assert expected
    page = lib.search(text, limit=N, base=ListQuery())
    assert numbers(lib, page.ids) == expected and page.total == len(expected)
    first = lib.search(text, limit=50, base=ListQuery(), count=False)  # as the window asks
    assert numbers(lib, first.ids) == expected[:50]
    total = first.total if first.counted else lib.count_matches(text, base=ListQuery())
    assert total == len(expected)


def test_a_phrase_holding_not_is_a_phrase() -> None:
    from reader.core.search_query import parse_filter

    spec = parse_filter('"not guilty" -"port NOT authority"')
    assert (spec.text, spec.exclude) == ('"not guilty"', '"port NOT authority"')  # quoted: words, not operators


@pytest.mark.parametrize("text", ["common -usual", "usual -rare", '"port authority" -rare', "kind1 OR kind0 -usual",
                                  "usual -rare is:bookmarked", "usual -rare entity:tallinn"])  # fmt: skip
def test_exclusions_are_evaluated_inside_the_full_text_index_in_every_statement(lib: Library, text: str) -> None:
    """Issue 15: a `NOT IN` of the excluded words' matches read every one of them (99,957 rows for "-court" at
    100,000) in the page, count, position and membership statements alike."""
    base = ListQuery()
    with statements(lib) as ran:
        first = lib.search(text, limit=50, base=base, count=False)
        total = lib.count_matches(text, base=base)
        whole = lib.search_page(text, total=total, limit=total, offset=0, base=base)
        anchors = lib.page_anchors(text, base=base, every=100)
        middle = whole[len(whole) // 2]
        assert lib.lists(middle, text, base) and lib.position(middle, text, base) == len(whole) // 2
        ranked = lib.search(text, limit=50)
    assert first.ids == whole[:50] and len(anchors) == (total + 99) // 100 and set(ranked.ids) <= set(whole)
    asked = [sql for sql in ran if "articles_fts" in sql and not sql.startswith("--")]
    beside = re.compile(r"NOT IN \(SELECT rowid FROM articles_fts WHERE articles_fts MATCH '(?!title :)")
    assert asked and not [sql for sql in asked if beside.search(sql)]  # (best first puts title matches first so)
    assert all(" NOT (" in sql for sql in asked if "MATCH" in sql and "title :" not in sql)


def test_a_query_of_common_words_less_a_common_one_is_gathered_not_walked(lib: Library) -> None:
    """The plan follows the whole expression: "common" and "usual" are in most articles, "common -usual" in 10, all
    read from the index at once, looked up and sorted; no sort index is walked and the index is asked once."""
    with statements(lib) as ran:
        page = lib.search("common -usual", limit=50, base=ListQuery(), count=False)
    assert page.counted and page.total == 10
    assert numbers(lib, page.ids) == newest_first(lib, lambda i: i % 150 == 0)
    assert not [sql for sql in ran if "INDEXED BY" in sql]
    assert len([sql for sql in ran if "MATCH" in sql and not sql.startswith("--")]) == 1


@pytest.mark.parametrize(("text", "probed"), [
    ("common", True), ("usual -rare", True), ('"port authority"', False), ("common usual", True),
    ("kind1 OR usual", True), ("comm*", False), ("common source:wire", False), ("common -usual", False),
])  # fmt: skip
def test_a_query_in_most_articles_is_asked_row_by_row_unless_it_holds_a_prefix(
    lib: Library, monkeypatch: pytest.MonkeyPatch, text: str, probed: bool
) -> None:
    """Words, phrases, AND, OR and NOT are asked row by row when the whole query is dense enough ("port authority"
    is in a third: too sparse); a prefix is not (it stands for many words), nor a query with column conditions."""
    monkeypatch.setattr(search_sql, "PROBE_COST", 1)  # 1,500 articles: asking row by row pays here as well
    with statements(lib) as ran:
        page = lib.search(text, limit=50, base=ListQuery(), count=False)
    probing = "EXISTS (SELECT 1 FROM articles_fts f WHERE articles_fts MATCH"
    assert any(probing in sql for sql in ran) == probed
    total = lib.count_matches(text, base=ListQuery())
    assert page.ids == lib.search_page(text, total=total, limit=50, offset=0, base=ListQuery())


@pytest.mark.parametrize("sort", ["published", "title", "words"])
@pytest.mark.parametrize("text", ["common", "usual -rare", '"port authority" -rare', "kind1 OR kind2 -port",
                                  "common -usual", "usual -rare source:ledger", "common is:bookmarked -port",
                                  "rare", "-usual", "usual -rare entity:tallinn"])  # fmt: skip
def test_every_plan_gives_the_same_first_page(
    lib: Library, monkeypatch: pytest.MonkeyPatch, sort: str, text: str
) -> None:
    """Gathered and sorted, walked against the gathered rowids, walked asking each row: the same rows and count."""
    base = ListQuery(sort=sort, descending=sort != "title")
    pages = []
    for walk_from, probe_cost in ((10**6, 270), (1, 10**9), (1, 0)):  # gather; walk and check; walk and ask
        monkeypatch.setattr(search_sql, "WALK_FROM", walk_from)
        monkeypatch.setattr(library_search, "WALK_FROM", walk_from)
        monkeypatch.setattr(search_sql, "PROBE_COST", probe_cost)
        first = lib.search(text, limit=40, base=base, count=False)
        total = first.total if first.counted else lib.count_matches(text, base=base)
        pages.append((first.ids, total))
    assert pages[0] == pages[1] == pages[2]
    assert len(pages[0][0]) == min(40, pages[0][1])


def test_title_matches_come_first_with_exclusions(lib: Library) -> None:
    """Best first: articles with the words in the title, then the rest, the excluded left out of both."""
    page = lib.search("harbour OR kind1 -rare", limit=N)
    found = numbers(lib, page.ids)
    in_title = [n for n in range(N) if n % 50 == 0 and n % 100 != 0]
    assert sorted(found[: len(in_title)]) == in_title
    assert sorted(found[len(in_title) :]) == [n for n in range(N) if n % 5 == 1 and n % 50 != 0 and n % 100 != 0]
    assert page.total == len(found)


def test_a_walk_asking_each_row_gives_up_where_the_top_of_the_order_holds_fewer_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The density is read from the first matches by rowid (the articles stored first); a word in all the old
    articles and none of the new ones would have the walk ask every new one. It stops after `probe_rows` rows and
    the matches are gathered instead: the same page."""
    library = Library(tmp_path / "cache.sqlite3")
    articles = [make_article(title=f"Item {i}", blocks=[Block("common" + " bygone" * (i < 150))], path="",
                             format="text", published=f"{2000 + i // 12}-{i % 12 + 1:02d}")
                for i in range(300)]  # fmt: skip
    library.store_file("/news/all.txt", 0.0, 1, articles)
    for module in (search_sql, library_search):
        monkeypatch.setattr(module, "WALK_FROM", 50)
    monkeypatch.setattr(search_sql, "PROBE_COST", 0)
    gathered = "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH"
    for text, expected, gave_up in (("bygone", list(range(149, 129, -1)), True),
                                    ("common", list(range(299, 279, -1)), False)):  # fmt: skip
        with statements(library) as ran:
            page = library.search(text, limit=20, base=ListQuery(), count=False)
        assert numbers(library, page.ids) == expected and not page.counted
        probed = [sql for sql in ran if "EXISTS (SELECT 1 FROM articles_fts f" in sql]
        assert len(probed) == 1 and "(a.published, a.id) > (" in probed[0]  # bounded: 3 * 20 / 1 + 20 rows
        assert any(gathered in sql for sql in ran) == gave_up
