"""One row per real-world entity across the library: aliases, a surname in the article that names the
person, the user's "always: X is Y" rules (applied when asked, undoable, kept), and an older cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.entities import EntitySpan
from reader.core.library_sync import LibrarySync
from reader.core.session import Session, WriteRefused
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from tests.unit.entities.entity_spans import spans

TEXTS = {
    "wheat": "Wheat prices rise\n\nThe U.S. sold more wheat to Estonia. Peeter Kask said Kask would buy more.\n",
    "ports": "Ports reopen\n\nShips from the United States and America docked. Kask was not there.\n",
    "rain": "Rain returns\n\nBritain had rain, and the UK had more. The United Kingdom dried out.\n",
}


@pytest.fixture
def library(tmp_path: Path) -> tuple[Library, dict[str, str]]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    Session(tmp_path / "user.sqlite3").close()  # the user database, with the aliases table
    lib = Library(tmp_path / "cache.sqlite3", user_db=tmp_path / "user.sqlite3")
    LibrarySync(lib).scan([folder])
    ids = {lib.rows([i])[i].title.split()[0].lower(): i for i in lib.all_ids()}
    tag(lib, ids)
    return lib, ids


def tag(lib: Library, ids: dict[str, str]) -> None:
    def text(name: str) -> str:
        article = lib.article(ids[name])
        assert article is not None
        return article.text

    lib.store_mentions(ids["wheat"], spans(text("wheat"), ("U.S.", "LOC"), ("Estonia", "LOC"),
                                           ("Peeter Kask", "PER"), ("Kask", "PER")))  # fmt: skip
    lib.store_mentions(ids["ports"], spans(text("ports"), ("United States", "ORG"), ("America", "LOC"),
                                           ("Kask", "PER")))  # fmt: skip
    lib.store_mentions(ids["rain"], spans(text("rain"), ("Britain", "LOC"), ("UK", "LOC"), ("United Kingdom", "LOC")))


def mentioning(lib: Library, name: str) -> set[str]:
    return set(lib.list_ids(ListQuery(entity=name)))


def test_aliases_are_one_row_in_the_top_entities(library) -> None:
    lib, _ids = library
    places = {(r.key, r.mentions, r.articles) for r in lib.top_entities("LOC")}
    assert places == {("united states", 3, 2), ("united kingdom", 3, 1), ("estonia", 1, 1)}
    assert lib.entity_name("united states", "LOC") == "United States"
    assert lib.spellings("united states", "LOC") == [("America", 1), ("U.S.", 1), ("United States", 1)]
    assert lib.entity_name("united kingdom", "LOC") == "United Kingdom"


def test_entity_search_finds_an_article_by_any_alias(library) -> None:
    lib, ids = library
    for name in ("United States", "US", "u.s.", "the U.S.", "United States of America", "America"):
        assert mentioning(lib, name) == {ids["wheat"], ids["ports"]}, name
    assert mentioning(lib, "Britain") == mentioning(lib, "U.K.") == {ids["rain"]}
    assert mentioning(lib, "Canada") == set()


def test_a_surname_joins_the_full_name_only_where_the_article_names_it(library) -> None:
    lib, ids = library
    people = {(r.key, r.mentions, r.articles) for r in lib.top_entities("PER")}
    assert people == {("peeter kask", 2, 1), ("kask", 1, 1)}
    assert mentioning(lib, "Peeter Kask") == {ids["wheat"]}
    assert mentioning(lib, "Kask") == {ids["wheat"], ids["ports"]}  # a bare surname asks for anyone so named


def test_always_x_is_y_merges_rows_at_once_survives_a_restart_and_undoes(library, tmp_path: Path) -> None:
    lib, ids = library
    with Session(tmp_path / "user.sqlite3") as session:
        added = session.add_alias(alias="Kask", target="Peeter Kask")
        assert added.changes.corrections and added.value.target == "Peeter Kask"
        assert [(r.key, r.mentions, r.articles) for r in lib.top_entities("PER")] == [("peeter kask", 3, 2)]
        assert mentioning(lib, "Peeter Kask") == {ids["wheat"], ids["ports"]}
    with Session(tmp_path / "user.sqlite3") as session:  # a restart: the rule is the user's data
        assert [(a.alias, a.target) for a in session.prefs.aliases()] == [("Kask", "Peeter Kask")]
        reopened = Library(tmp_path / "cache.sqlite3", user_db=tmp_path / "user.sqlite3")
        assert [r.key for r in reopened.top_entities("PER")] == ["peeter kask"]
        session.add_alias(alias="Estonia", target="Baltics")
        assert ("baltics", 1, 1) in [(r.key, r.mentions, r.articles) for r in lib.top_entities("LOC")]
        assert session.undo_text() == "Undo Same Entity"
        session.undo()
        assert ("estonia", 1, 1) in [(r.key, r.mentions, r.articles) for r in lib.top_entities("LOC")]
        session.delete_alias(session.prefs.aliases()[0].id)
        assert {r.key for r in lib.top_entities("PER")} == {"peeter kask", "kask"}
        session.undo()  # the rule is back
        assert [r.key for r in lib.top_entities("PER")] == ["peeter kask"]


def test_a_rule_pointing_at_an_alias_joins_that_entity(library, tmp_path: Path) -> None:
    lib, ids = library
    with Session(tmp_path / "user.sqlite3") as session:
        session.add_alias(alias="Estonia", target="UK")  # nonsense, but the user's to make
        assert ("united kingdom", 4, 2) in [(r.key, r.mentions, r.articles) for r in lib.top_entities("LOC")]
        assert mentioning(lib, "Britain") == {ids["rain"], ids["wheat"]}


def test_a_rule_that_cannot_be_made_is_refused_in_words(tmp_path: Path) -> None:
    with Session(tmp_path / "user.sqlite3") as session:
        with pytest.raises(WriteRefused, match="already the same name"):
            session.add_alias(alias="the U.S.", target="u.s")
        with pytest.raises(WriteRefused, match="both names"):
            session.add_alias(alias="  ", target="Kask")
        assert session.prefs.aliases() == [] and not session.can_undo()


def test_a_cache_of_the_previous_schema_opens_and_is_filled_again(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    db = sqlite3.connect(path)  # what schema 5 wrote: mentions without name and entity type
    db.executescript(
        "CREATE TABLE mentions(article_rowid INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
        " type TEXT NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, short TEXT NOT NULL DEFAULT '');"
        "INSERT INTO mentions VALUES (1, 0, 4, 'LOC', 'u.s.', 'U.S.', '');"
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL); PRAGMA user_version=5;"
    )
    db.close()
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS["wheat"], encoding="utf-8")
    lib = Library(path)
    assert lib.top_entities() == []  # the old mentions went with the old cache
    LibrarySync(lib).scan([folder])
    [article_id] = lib.all_ids()
    start = TEXTS["wheat"].index("U.S.")
    lib.store_mentions(article_id, [EntitySpan(start, start + 4, "LOC", "U.S.")])
    assert [(r.key, r.type) for r in lib.top_entities()] == [("united states", "LOC")]


def test_mentions_get_their_keys_again_when_the_shipped_table_changes(library) -> None:
    lib, ids = library
    with lib.db:
        lib.db.execute("UPDATE mentions SET key = name")  # as an older table would have left them
        lib.db.execute("UPDATE meta SET value = 'older' WHERE key = 'aliases'")
    assert mentioning(lib, "America") == {ids["ports"]}
    assert lib.rekey_mentions() == 3
    assert mentioning(lib, "America") == {ids["wheat"], ids["ports"]}
    assert lib.rekey_mentions() == 0  # once
