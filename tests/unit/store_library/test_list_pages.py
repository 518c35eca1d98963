"""What the window's list pages through: `search_page` continues a search, `position` finds an article's row."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article import Block, make_article
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery

# title, published, body: three hold "harbour", two share a date (the id breaks the tie)
STORIES = (
    ("Harbour strike ends", "2024-05-10", "Dockers went back to work; the harbour is open."),
    ("Budget vote delayed", "2023-11-02", "The council postponed the vote."),
    ("Rain returns", "2024-05-10", "Farmers welcomed the rain by the harbour."),
    ("Ferry timetable", "2025-01-15", "The harbour ferry leaves earlier."),
    ("Reservoir levels fall", "2021-02-02", "Engineers watch the reservoir."),
)


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library(tmp_path / "cache.sqlite3")
    for i, (title, published, body) in enumerate(STORIES):
        article = make_article(title=title, blocks=[Block(body)], path=f"/news/{i}.txt", format="text",
                               source="Ledger", published=published)  # fmt: skip
        library.store_file(article.path, 0.0, 1, [article])
    return library


@pytest.mark.parametrize(("text", "base"), [
    ("", ListQuery()), ("", ListQuery(sort="title", descending=False)), ("harbour", ListQuery()),
    ("harbour", ListQuery(sort="title", descending=True)),
])  # fmt: skip
def test_pages_and_positions_agree_with_the_whole_search(lib: Library, text: str, base: ListQuery) -> None:
    whole = lib.search(text, limit=100, base=base)
    assert whole.total == len(whole.ids) == (3 if text else 5)
    pages = [lib.search_page(text, total=whole.total, limit=2, offset=o, base=base) for o in range(0, 6, 2)]
    assert [i for page in pages for i in page] == whole.ids
    assert [lib.position(i, text, base) for i in whole.ids] == list(range(whole.total))
    assert all(lib.lists(i, text, base) for i in whole.ids)


def test_an_article_the_search_does_not_find_has_no_position(lib: Library) -> None:
    reservoir = lib.search("reservoir", limit=1).ids[0]
    assert lib.position(reservoir, "harbour", ListQuery()) == -1
    assert lib.position("no such id", "", ListQuery()) == -1
    assert not lib.lists(reservoir, "harbour", ListQuery()) and not lib.lists("no such id", "", ListQuery())
    assert lib.lists(reservoir, "reservoir", ListQuery(sort="rank"))  # an order with no column: by its position
    assert lib.search_page("harbour", total=3, limit=2, offset=4, base=ListQuery()) == []
