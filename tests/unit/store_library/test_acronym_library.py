"""An acronym one article spells out joins its long form across the library: one top-entities row, and
`entity:` search finds either name (articles written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from tests.unit.entities.entity_spans import spans

TEXTS = {
    "defines": "Council meets\n\nThe National Security Council (NSC) met in the morning. The NSC said little.\n",
    "long": "Budget talks\n\nThe National Security Council asked for more money this year.\n",
    "short": "Late night\n\nThe NSC sat until midnight, aides said.\n",
}
NSC = "National Security Council"


@pytest.fixture
def library(tmp_path: Path) -> tuple[Library, dict[str, str]]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib).scan([folder])
    ids = {name: next(i for i in lib.all_ids() if lib.rows([i])[i].title == TEXTS[name].split("\n")[0])
           for name in TEXTS}  # fmt: skip
    tag(lib, ids["defines"], (NSC, "ORG"), ("NSC", "ORG"), ("NSC", "ORG"))
    tag(lib, ids["long"], (NSC, "ORG"))
    tag(lib, ids["short"], ("NSC", "ORG"))
    return lib, ids


def tag(lib: Library, article_id: str, *wanted: tuple[str, str]) -> None:
    article = lib.article(article_id)
    assert article is not None
    lib.store_mentions(article_id, spans(article.text, *wanted))


def mentioning(lib: Library, name: str) -> set[str]:
    return set(lib.list_ids(ListQuery(entity=name)))


def test_the_acronym_and_its_long_form_are_one_row_across_the_library(library) -> None:
    lib, _ids = library
    assert [(r.key, r.type, r.mentions, r.articles) for r in lib.top_entities("ORG")] == [
        ("national security council", "ORG", 5, 3)]
    assert lib.entity_name("national security council", "ORG") == NSC
    assert lib.spellings("national security council", "ORG") == [("NSC", 3), (NSC, 2)]


def test_entity_search_finds_either_name(library) -> None:
    lib, ids = library
    everywhere = set(ids.values())
    assert mentioning(lib, "NSC") == mentioning(lib, NSC) == mentioning(lib, "national security council") == everywhere


def test_the_library_forgets_the_join_when_no_article_spells_it_out(library) -> None:
    lib, ids = library
    tag(lib, ids["defines"], ("NSC", "ORG"))  # the article now gives only the acronym
    assert mentioning(lib, "NSC") == {ids["defines"], ids["short"]}
    assert mentioning(lib, NSC) == {ids["long"]}
    assert {(r.key, r.articles) for r in lib.top_entities("ORG")} == {("nsc", 2), ("national security council", 1)}


def test_two_long_forms_spelled_out_equally_often_leave_a_bare_acronym_alone(library, tmp_path: Path) -> None:
    lib, ids = library
    (tmp_path / "articles" / "sports.txt").write_text("Club news\n\nThe National Sports Club (NSC) won.\n",
                                                       encoding="utf-8")  # fmt: skip
    LibrarySync(lib).scan([tmp_path / "articles"])
    sports = next(i for i in lib.all_ids() if lib.rows([i])[i].title == "Club news")
    tag(lib, sports, ("National Sports Club", "ORG"), ("NSC", "ORG"))
    assert mentioning(lib, "NSC") == {ids["short"]}  # which council the bare "NSC" means is not known
    assert mentioning(lib, NSC) == {ids["defines"], ids["long"]}
    assert mentioning(lib, "National Sports Club") == {sports}


def test_an_older_cache_is_keyed_again_with_acronyms(library) -> None:
    lib, ids = library
    with lib.db:
        lib.db.execute("DELETE FROM learned_aliases")
        lib.db.execute("UPDATE mentions SET key = name, etype = type")
        lib.db.execute("UPDATE meta SET value = 'older' WHERE key = 'aliases'")
    assert mentioning(lib, "NSC") == {ids["defines"], ids["short"]}
    assert lib.rekey_mentions() == 3
    assert mentioning(lib, "NSC") == set(ids.values())
