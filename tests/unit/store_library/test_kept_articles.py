"""The user's articles outlive their files in the cache; the scan tells its exact total before reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.annotation import TextQuote
from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from reader.core.store.user_data import UserStore

TITLES = ("Harbour strike ends", "Budget vote delayed", "Rain returns")


def write_folder(folder: Path, titles: tuple[str, ...]) -> Path:
    folder.mkdir(parents=True)
    for i, title in enumerate(titles):
        (folder / f"{i}.txt").write_text(f"{title}\n\nThe body of story number {i}.\n", encoding="utf-8")
    return folder


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Library, UserStore, Path, Path]:
    home = write_folder(tmp_path / "home", ("Reef survey",))
    visit = write_folder(tmp_path / "visit", TITLES)
    user = UserStore(tmp_path / "user.sqlite3")
    lib = Library(tmp_path / "cache.sqlite3", user_db=tmp_path / "user.sqlite3")
    return lib, user, home.resolve(), visit.resolve()


def titles(lib: Library, query: ListQuery) -> list[str]:
    rows = lib.rows(ids := lib.list_ids(query))
    return sorted(rows[i].title for i in ids)


def ids_by_title(lib: Library) -> dict[str, str]:
    return {lib.rows([i])[i].title: i for i in lib.all_ids()}


def test_the_users_articles_stay_when_their_folder_leaves_the_library(setup) -> None:
    lib, user, home, visit = setup
    sync = LibrarySync(lib)
    sync.sync([str(home), str(visit)], [])  # the session: `news-reader visit`
    by_title = ids_by_title(lib)
    user.set_bookmarked(by_title["Harbour strike ends"], True)
    user.set_note(by_title["Budget vote delayed"], "Ask the council.")
    user.add_highlight(by_title["Budget vote delayed"], 0, 6, TextQuote("Budget"))

    sync.sync([str(home)], [])  # a plain start: only the library folder

    assert titles(lib, ListQuery()) == ["Reef survey"]
    assert lib.count() == 1
    assert titles(lib, ListQuery(flags=("bookmarked",), kept=True)) == ["Harbour strike ends"]
    assert titles(lib, ListQuery(flags=("annotated",), kept=True)) == ["Budget vote delayed"]
    assert titles(lib, ListQuery(flags=("unread",))) == ["Reef survey"]
    assert titles(lib, ListQuery(folder=str(visit), kept=True)) == []
    assert "Rain returns" not in ids_by_title(lib)  # nothing of the user's on it: forgotten as before
    harbour = lib.rows([by_title["Harbour strike ends"]])[by_title["Harbour strike ends"]]
    assert harbour.status == "outside"
    article = lib.article(by_title["Budget vote delayed"])
    assert article is not None and article.text == "The body of story number 1."


def test_a_kept_article_whose_file_is_deleted_is_marked_gone_and_comes_back_when_seen(setup) -> None:
    lib, user, home, visit = setup
    sync = LibrarySync(lib)
    sync.sync([str(home), str(visit)], [])
    harbour = ids_by_title(lib)["Harbour strike ends"]
    user.set_bookmarked(harbour, True)
    sync.sync([str(home)], [])
    (visit / "0.txt").unlink()
    assert lib.rows([harbour])[harbour].status == "gone"

    (visit / "0.txt").write_text("Harbour strike ends\n\nThe body of story number 0.\n", encoding="utf-8")
    sync.sync([str(home), str(visit)], [])  # the folder again: the article is in the library again
    assert lib.rows([harbour])[harbour].status == ""
    assert "Harbour strike ends" in titles(lib, ListQuery())
    assert lib.paths_of(harbour) == [str(visit / "0.txt")]


def test_a_bookmarked_file_deleted_inside_a_library_folder_is_kept(setup) -> None:
    lib, user, home, _visit = setup
    sync = LibrarySync(lib)
    sync.sync([str(home)], [])
    reef = ids_by_title(lib)["Reef survey"]
    user.set_bookmarked(reef, True)
    (home / "0.txt").unlink()
    sync.sync([str(home)], [])
    assert titles(lib, ListQuery()) == []
    assert titles(lib, ListQuery(flags=("bookmarked",), kept=True)) == ["Reef survey"]
    assert lib.rows([reef])[reef].status == "gone"


def test_a_kept_article_no_longer_the_users_is_forgotten_at_the_next_sync(setup) -> None:
    lib, user, home, visit = setup
    sync = LibrarySync(lib)
    sync.sync([str(home), str(visit)], [])
    harbour = ids_by_title(lib)["Harbour strike ends"]
    user.set_bookmarked(harbour, True)
    sync.sync([str(home)], [])
    assert harbour in lib.all_ids()
    user.set_bookmarked(harbour, False)
    sync.sync([str(home)], [])
    assert harbour not in lib.all_ids()


def test_a_scan_tells_the_exact_total_before_it_reads_a_file(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "news", tuple(f"Story {i}" for i in range(5)))
    single = tmp_path / "single.txt"
    single.write_text("A single story\n\nIts body.\n", encoding="utf-8")
    lib = Library(tmp_path / "cache.sqlite3")
    told: list[tuple[int, int]] = []
    LibrarySync(lib).sync([str(folder)], [str(single)], progress=lambda done, total, _path: told.append((done, total)))
    assert told == [(0, 0), (1, 6), (2, 6), (3, 6), (4, 6), (5, 6), (6, 6)]
    assert lib.count() == 6
