"""The palette's fuzzy match: letters in order, word starts and runs first, wildcards typed are plain letters."""

from __future__ import annotations

import sqlite3

from reader.core.palette_search import find_articles, fuzzy_score, like_patterns


def test_letters_must_all_be_there_in_order() -> None:
    assert fuzzy_score("bkm", "Bookmark") is not None
    assert fuzzy_score("mkb", "Bookmark") is None
    assert fuzzy_score("bookmarks", "Bookmark") is None
    assert fuzzy_score("", "anything") == 0


def test_word_starts_and_runs_rank_first() -> None:
    ranked = sorted(["Select Paragraph", "Next Unread Article", "Search Next Match", "Export Notebook"],
                    key=lambda t: -(fuzzy_score("nu", t) or -99))  # fmt: skip
    assert ranked[0] == "Next Unread Article"
    assert fuzzy_score("book", "Bookmark") > fuzzy_score("book", "Big old brook")  # type: ignore[operator]
    assert fuzzy_score("tall", "Dockers in Tallinn") > fuzzy_score("tall", "the total call")  # type: ignore[operator]


def test_like_patterns_escape_wildcards() -> None:
    assert like_patterns("50% off") == ("%50\\%%off%", "%5%0%\\%%o%f%f%")
    assert like_patterns("a_b") == ("%a\\_b%", "%a%\\_%b%")


def test_articles_are_found_by_title_with_a_subsequence() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE articles(id TEXT, title TEXT)")
    db.execute("CREATE INDEX articles_title ON articles(title COLLATE NOCASE, id)")
    db.executemany("INSERT INTO articles VALUES (?, ?)",
                   [("a", "Harbour strike ends"), ("b", "Rain returns to the valley"), ("c", "100% of the vote")])
    assert [f.article_id for f in find_articles(db, "hbr strk")] == ["a"]
    assert [f.article_id for f in find_articles(db, "rain")] == ["b"]
    assert [f.article_id for f in find_articles(db, "100%")] == ["c"]
    assert find_articles(db, "zz") == []
