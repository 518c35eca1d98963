"""The search language over a small library we write: words, phrases, prefixes, AND/OR/NOT, every filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.annotation import TextQuote
from reader.core.article import Block, make_article
from reader.core.entities import EntitySpan
from reader.core.search_query import QueryError, parse_filter
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from reader.core.store.user_data import UserStore

STORIES = (  # title, source, byline, published, body
    ("Harbour strike ends", "The Harbour Ledger", "Ana Tamm", "2024-05-10",
     "Dockers in Tallinn went back to work after the strike."),
    ("Budget vote delayed", "Northfield Courier", "Jon Park", "2023-11-02T09:30:00+02:00",
     "The council postponed the budget vote; the harbour fees stay."),
    ("Rain returns to the valley", "Meridian Wire", "Ana Tamm", "2024-06-01",
     "Farmers welcomed the rain after a dry spring."),
    ("Ferry timetable changes", "The Harbour Ledger", "", "2025-01-15",
     "The harbour ferry leaves earlier from Monday. Strikers said nothing."),
    ("Reservoir levels fall", "Baltic Dispatch", "Mari Kask", "",
     "Engineers watch the reservoir as the dry weather goes on."),
    ("Port roundup", "Meridian Wire", "Jon Park", "2022-03-03",
     "Harbour, harbour, harbour: the harbour board met the harbour pilots."),
)  # fmt: skip


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    UserStore(tmp_path / "user.sqlite3")
    library = Library(tmp_path / "cache.sqlite3", user_db=tmp_path / "user.sqlite3")
    for i, (title, source, byline, published, body) in enumerate(STORIES):
        article = make_article(title=title, blocks=[Block(body)], path=f"/news/{i}.txt", format="text",
                               source=source, byline=byline, published=published)  # fmt: skip
        library.store_file(article.path, 0.0, 1, [article])
    return library


def found(lib: Library, text: str) -> list[str]:
    page = lib.search(text, limit=100)
    rows = lib.rows(page.ids)
    assert page.total == len(page.ids)
    return [rows[i].title for i in page.ids]


def by_title(lib: Library) -> dict[str, str]:
    return {row.title: i for i, row in lib.rows(lib.all_ids()).items()}


def test_words_search_titles_and_bodies_title_matches_first(lib: Library) -> None:
    assert found(lib, "harbour") == ["Harbour strike ends", "Port roundup", "Budget vote delayed",
                                     "Ferry timetable changes"]  # fmt: skip
    # bm25 alone puts the body that repeats the word above the title that has it once
    bare = "SELECT a.title FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?"
    assert lib.db.execute(bare + " ORDER BY rank", ("harbour",)).fetchone()[0] == "Port roundup"
    assert found(lib, "HARBOUR dockers") == ["Harbour strike ends"]  # AND, in any case
    assert found(lib, "harbour AND council") == ["Budget vote delayed"]


def test_phrases_prefixes_or_and_not(lib: Library) -> None:
    assert found(lib, '"dry spring"') == ["Rain returns to the valley"]
    assert sorted(found(lib, "dry")) == ["Rain returns to the valley", "Reservoir levels fall"]
    assert found(lib, "strike") == ["Harbour strike ends"]
    assert sorted(found(lib, "strike*")) == ["Ferry timetable changes", "Harbour strike ends"]
    assert sorted(found(lib, "ferry OR farmers")) == ["Ferry timetable changes", "Rain returns to the valley"]
    assert sorted(found(lib, "harbour -ferry -port")) == ["Budget vote delayed", "Harbour strike ends"]
    assert sorted(found(lib, "harbour NOT ferry NOT council")) == ["Harbour strike ends", "Port roundup"]
    assert sorted(found(lib, "-harbour")) == ["Rain returns to the valley", "Reservoir levels fall"]


def test_source_author_and_dates(lib: Library) -> None:
    assert sorted(found(lib, "source:ledger")) == ["Ferry timetable changes", "Harbour strike ends"]
    assert found(lib, 'source:"northfield COURIER"') == ["Budget vote delayed"]
    assert found(lib, "source:%") == []  # a wildcard character is a plain one
    assert sorted(found(lib, "author:tamm")) == ["Harbour strike ends", "Rain returns to the valley"]
    assert found(lib, 'author:"Mari Kask"') == ["Reservoir levels fall"]
    assert found(lib, "before:2023") == ["Port roundup"]  # newest first without words to rank by
    assert found(lib, "before:2024-06") == ["Harbour strike ends", "Budget vote delayed", "Port roundup"]
    assert found(lib, "before:2024-06-01") == found(lib, "before:2024-06")
    assert found(lib, "after:2024-05") == ["Ferry timetable changes", "Rain returns to the valley"]
    assert found(lib, "after:2024-05-31") == found(lib, "after:2024-05")
    assert found(lib, "after:2023 before:2024-06") == ["Harbour strike ends"]
    assert found(lib, "harbour source:ledger after:2024-12") == ["Ferry timetable changes"]


def test_the_users_filters(lib: Library, tmp_path: Path) -> None:
    ids = by_title(lib)
    user = UserStore(tmp_path / "user.sqlite3")
    user.set_bookmarked(ids["Harbour strike ends"], True)
    user.set_bookmarked(ids["Port roundup"], True)
    user.set_bookmark_tags(ids["Port roundup"], ["pilots"])
    user.set_read(ids["Harbour strike ends"])
    user.set_read(ids["Budget vote delayed"])
    user.set_note(ids["Rain returns to the valley"], "Ask about the wells.")
    user.add_highlight(ids["Budget vote delayed"], 0, 6, TextQuote("Budget"))
    assert sorted(found(lib, "is:bookmarked")) == ["Harbour strike ends", "Port roundup"]
    assert sorted(found(lib, "is:read")) == ["Budget vote delayed", "Harbour strike ends"]
    assert sorted(found(lib, "is:unread source:wire")) == ["Port roundup", "Rain returns to the valley"]
    assert found(lib, "has:note") == ["Rain returns to the valley"]
    assert found(lib, "has:highlight") == ["Budget vote delayed"]
    assert found(lib, "tag:pilots") == ["Port roundup"]
    assert found(lib, "harbour is:bookmarked is:unread") == ["Port roundup"]


def test_entity_filter_keeps_the_alias_aware_lookup(lib: Library) -> None:
    ids = by_title(lib)
    lib.store_mentions(ids["Harbour strike ends"], [EntitySpan(10, 17, "LOC", "Tallinn")])
    lib.store_mentions(ids["Reservoir levels fall"], [EntitySpan(0, 9, "PER", "Mari Kask")])
    assert found(lib, "entity:tallinn") == ["Harbour strike ends"]
    assert found(lib, "entity:Kask") == ["Reservoir levels fall"]  # a surname finds the full name
    assert found(lib, "entity:Kask dry") == ["Reservoir levels fall"]
    assert found(lib, "entity:Kask harbour") == []


@pytest.mark.parametrize(("text", "message"), [
    ("harbour colour:red", "Unknown filter 'colour:'. Filters: source:, author:, entity:, tag:, is:, has:, before:,"
                           " after:, title:, text: (put a word with a colon in quotes to search for it)."),
    ("before:yesterday", "Cannot read the date in 'before:yesterday'. Write it as 2024, 2024-05 or 2024-05-31."),
    ("after:2024-13", "Cannot read the date in 'after:2024-13'. Write it as 2024, 2024-05 or 2024-05-31."),
    ("is:starred", "Unknown value in 'is:starred'. Use is:bookmarked, is:unread, is:read, is:annotated."),
    ("has:comment", "Unknown value in 'has:comment'. Use has:note, has:highlight."),
    ("tag:", "The filter 'tag:' needs a value after the colon, as in tag:energy."),
])  # fmt: skip
def test_what_cannot_be_understood_is_said_in_words(lib: Library, text: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        lib.search(text)
    assert str(caught.value) == message


def test_typed_syntax_never_reaches_fts5_unquoted(lib: Library) -> None:
    assert found(lib, '"colour:red"') == []  # a quoted colon is a word to look for
    for text in ('harbour" OR "rain', "harbour)", "NEAR(harbour", "^harbour", 'title:"x" OR', "OR", "- * :"):
        lib.search(text)  # no FTS5 syntax error
    assert found(lib, 'strike"') == ["Harbour strike ends"]


def test_a_page_stops_early_and_counts_the_rest(lib: Library) -> None:
    first = lib.search("harbour", limit=2)
    second = lib.search("harbour", limit=2, offset=2)
    assert (first.total, second.total) == (4, 4)
    assert first.ids + second.ids == lib.search("harbour", limit=10).ids
    assert first.terms == ("harbour",)
    newest = lib.search("harbour", limit=1, base=ListQuery())  # the list's own order: newest first
    assert lib.rows(newest.ids)[newest.ids[0]].title == "Ferry timetable changes" and newest.total == 4


def test_filter_box_forms_kept() -> None:
    spec = parse_filter('entity:"Vladimir Putin" tag:energy is:bookmarked text:gas title:pipe deal')
    assert spec.entity == "Vladimir Putin"
    assert spec.tags == ["energy"] and spec.flags == ["bookmarked"]
    assert spec.text == '"gas" AND "deal"' and spec.title == "pipe"
    assert parse_filter('"unclosed quote').text == '"unclosed quote"'


@pytest.mark.parametrize("sort", ["published", "title", "source", "words", "path"])
@pytest.mark.parametrize("descending", [True, False])
def test_walking_the_sort_index_gives_the_same_pages_as_sorting_every_match(lib: Library, sort: str,
                                                                            descending: bool) -> None:
    from reader.core.search_query import parse_filter
    from reader.core.store.library_query import with_search
    from reader.core.store.search_sql import page_sql

    for text in ("harbour", "harbour -ferry", "dry OR strike* source:wire", "the author:tamm", "a*"):
        query = with_search(ListQuery(sort=sort, descending=descending), parse_filter(text))
        for offset in (0, 1, 3):
            few = lib.db.execute(*page_sql(query, 0, 2, offset)).fetchall()  # fetched, then sorted
            many = lib.db.execute(*page_sql(query, 10**6, 2, offset)).fetchall()  # read off the sort index
            assert few == many, (text, offset)
    every = lib.list_ids(with_search(ListQuery(sort=sort, descending=descending), parse_filter("the")))
    assert [r[0] for r in lib.db.execute(*page_sql(with_search(ListQuery(sort=sort, descending=descending),
                                                               parse_filter("the")), 10**6, 3, 1))] == every[1:4]


def test_counting_in_the_sort_index_gives_the_same_totals_as_reading_each_match(lib: Library, tmp_path: Path) -> None:
    from reader.core.search_query import parse_filter
    from reader.core.store.library_query import with_search
    from reader.core.store.search_sql import count_sql

    user = UserStore(tmp_path / "user.sqlite3")
    user.set_bookmarked(by_title(lib)["Port roundup"], True)
    for text, expected in (("the source:wire", 2), ("the after:2024", 1), ("harbour before:2024 source:ledger", 0),
                           ("harbour is:bookmarked", 1), ("the author:tamm", 2), ("harbour -port", 3)):
        query = with_search(ListQuery(), parse_filter(text))
        few, many = (lib.db.execute(*count_sql(query, n)).fetchone()[0] for n in (0, 10**6))
        assert (few, many) == (expected, expected), text
        assert lib.search(text).total == expected


def test_matches_in_the_text_are_found_as_the_index_finds_them() -> None:
    from reader.core.search_matches import match_spans

    text = "Café owners in TALLINN met; the cafe closed. Tallinners wait by the old café."

    def words(terms: list[str]) -> list[str]:
        return [text[s:e] for s, e in match_spans(text, terms)]

    assert words(["cafe"]) == ["Café", "cafe", "café"]  # accents and case ignored
    assert words(["tallinn"]) == ["TALLINN"]  # whole words only
    assert words(["tallinn*"]) == ["TALLINN", "Tallinners"]
    assert words(["old café", "café"]) == ["Café", "cafe", "old café"]  # a phrase takes in the word inside it
    assert words(["the cafe closed", "!!"]) == ["the cafe closed"]
    assert match_spans(text, ["cafe owners closed"]) == []
