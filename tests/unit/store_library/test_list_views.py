"""List views joined in SQL: the user database attached read-only, folder views on any path."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.annotation import TextQuote
from reader.core.article import Block, make_article
from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from reader.core.store.user_data import UserStore

TITLES = ("Harbour strike ends", "Budget vote delayed", "Rain returns", "Reef survey")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "news"
    f.mkdir()
    for i, title in enumerate(TITLES):
        (f / f"{i}.txt").write_text(f"{title}\n\nThe body of story number {i}.\n", encoding="utf-8")
    return f


def titles(lib: Library, query: ListQuery) -> list[str]:
    rows = lib.rows(ids := lib.list_ids(query))
    return [rows[i].title for i in ids]


def test_views_and_tags_come_from_the_user_database(tmp_path: Path, folder: Path) -> None:
    user = UserStore(tmp_path / "user.sqlite3")
    lib = Library(tmp_path / "cache.sqlite3", user_db=tmp_path / "user.sqlite3")
    LibrarySync(lib).scan([folder])
    by_title = {lib.rows([i])[i].title: i for i in lib.all_ids()}
    harbour, budget, rain = by_title["Harbour strike ends"], by_title["Budget vote delayed"], by_title["Rain returns"]
    user.set_bookmarked(harbour, True)
    user.set_bookmarked(budget, True)
    user.set_bookmark_tags(budget, ["council"])
    user.set_read(harbour)
    user.set_note(rain, "Check the rainfall numbers.")
    user.add_highlight(budget, 0, 6, TextQuote("Budget"))
    alpha = ListQuery(sort="title", descending=False)

    assert titles(lib, ListQuery(flags=("bookmarked",), sort="title", descending=False)) == [
        "Budget vote delayed", "Harbour strike ends"]  # fmt: skip
    assert titles(lib, ListQuery(flags=("annotated",), sort="title", descending=False)) == [
        "Budget vote delayed", "Rain returns"]  # fmt: skip
    assert titles(lib, ListQuery(flags=("read",))) == ["Harbour strike ends"]
    assert titles(lib, ListQuery(flags=("unread",), sort="title", descending=False)) == [
        "Budget vote delayed", "Rain returns", "Reef survey"]  # fmt: skip
    assert titles(lib, ListQuery(flags=("bookmarked", "unread"))) == ["Budget vote delayed"]
    assert titles(lib, ListQuery(tags=("council",))) == ["Budget vote delayed"]
    assert titles(lib, ListQuery(tags=("council", "energy"))) == []
    assert titles(lib, ListQuery(flags=("nonsense",), sort="title", descending=False)) == titles(lib, alpha)

    user.set_read(budget)  # written by the user store after the cache attached it: seen at once
    assert titles(lib, ListQuery(flags=("bookmarked", "unread"))) == []
    user.close()


def test_without_a_user_database_the_user_views_are_empty(tmp_path: Path, folder: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3", user_db=tmp_path / "missing" / "user.sqlite3")
    LibrarySync(lib).scan([folder])
    assert lib.list_ids(ListQuery(flags=("bookmarked",))) == []
    assert lib.list_ids(ListQuery(tags=("council",))) == []
    assert len(lib.list_ids(ListQuery(flags=("unread",)))) == 4
    assert lib.user_db is None


def test_the_user_database_is_never_written_through_the_cache(tmp_path: Path, folder: Path) -> None:
    import sqlite3

    UserStore(tmp_path / "user.sqlite3").close()
    lib = Library(tmp_path / "cache.sqlite3", user_db=tmp_path / "user.sqlite3")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        lib.db.execute("INSERT INTO user.read_state(article_id, read_at) VALUES ('x', 'now')")


def test_folder_names_with_like_wildcards_match_only_themselves(tmp_path: Path) -> None:
    root = tmp_path / "news"
    for name in ("a_b", "axb", "100%", "100% more", "100%x"):
        (root / name).mkdir(parents=True)
        (root / name / "story.txt").write_text(f"Story in {name}\n\nBody of it.\n", encoding="utf-8")
    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib).scan([root])
    for name in ("a_b", "axb", "100%", "100% more", "100%x"):
        assert titles(lib, ListQuery(folder=str((root / name).resolve()))) == [f"Story in {name}"]


def test_a_windows_folder_view_finds_its_files(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    for path, title in ((r"C:\Users\ana\news\a.txt", "Inside"), (r"C:\Users\ana\news\sub\b.txt", "Deeper"),
                        (r"C:\Users\ana\news-old\c.txt", "Beside")):  # fmt: skip
        article = make_article(title=title, blocks=[Block(f"The text of {title}.")], path=path, format="text")
        lib.store_file(path, 1.0, 10, [article])
    alpha = {"sort": "title", "descending": False}
    assert titles(lib, ListQuery(folder=r"C:\Users\ana\news", **alpha)) == ["Deeper", "Inside"]  # type: ignore[arg-type]
    assert titles(lib, ListQuery(folder="C:/Users/ana/news/", **alpha)) == ["Deeper", "Inside"]  # type: ignore[arg-type]
    assert titles(lib, ListQuery(folder=r"C:\Users\ana\news\sub")) == ["Deeper"]
