"""A bare surname joins the one full name the library gives it (store/surname_join.py): one top-entities
row, `entity:` finds every article, two full names of similar weight leave it alone, never across types,
and the user's "always: X is Y" wins (articles written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync
from reader.core.session import Session
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery
from tests.unit.entities.entity_spans import spans

TEXTS = {
    "farm": "Farm bill\n\nDonald Trump signed the farm bill. Donald Trump thanked the growers.\n",
    "rally": "Rally\n\nDonald Trump spoke in Ohio for an hour.\n",
    "golf": "Golf day\n\nTrump played golf on Sunday, and Trump won.\n",
}
Wanted = tuple[tuple[str, str], ...]
TAGS: dict[str, Wanted] = {
    "farm": (("Donald Trump", "PER"), ("Donald Trump", "PER")),
    "rally": (("Donald Trump", "PER"), ("Ohio", "LOC")),
    "golf": (("Trump", "PER"), ("Trump", "PER")),
}


def add(lib: Library, folder: Path, name: str, text: str, *wanted: tuple[str, str]) -> str:
    """Write an article, import it and store the mentions it is tagged with; its id."""
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    LibrarySync(lib).scan([folder])
    article_id = next(i for i in lib.all_ids() if lib.rows([i])[i].title == text.split("\n")[0])
    article = lib.article(article_id)
    assert article is not None
    lib.store_mentions(article_id, spans(article.text, *wanted))
    return article_id


@pytest.fixture
def library(tmp_path: Path) -> tuple[Library, dict[str, str], Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    Session(tmp_path / "user.sqlite3").close()
    lib = Library(tmp_path / "cache.sqlite3", user_db=tmp_path / "user.sqlite3")
    ids = {name: add(lib, folder, name, text, *TAGS[name]) for name, text in TEXTS.items()}
    return lib, ids, folder


def people(lib: Library) -> list[tuple[str, int, int]]:
    return [(r.key, r.mentions, r.articles) for r in lib.top_entities("PER")]


def mentioning(lib: Library, name: str) -> set[str]:
    return set(lib.list_ids(ListQuery(entity=name)))


def test_a_bare_surname_is_one_row_with_the_full_name(library) -> None:
    lib, _ids, _folder = library
    assert people(lib) == [("donald trump", 5, 3)]
    assert lib.entity_name("donald trump", "PER") == "Donald Trump"
    assert lib.spellings("donald trump", "PER") == [("Donald Trump", 3), ("Trump", 2)]


def test_entity_search_finds_every_article_by_either_name(library) -> None:
    lib, ids, _folder = library
    assert mentioning(lib, "Trump") == mentioning(lib, "Donald Trump") == set(ids.values())
    assert lib.search('entity:"Trump"', limit=10).total == 3


def test_two_full_names_of_similar_weight_leave_the_surname_alone(library) -> None:
    lib, ids, folder = library
    for k in range(2):
        add(lib, folder, f"ivana{k}", f"Visit {k}\n\nIvana Trump toured the school with Ivana Trump's aides.\n",
            ("Ivana Trump", "PER"), ("Ivana Trump", "PER"))
    assert ("trump", 2, 1) in people(lib)  # which Trump the golf article means is not known
    assert mentioning(lib, "Donald Trump") == {ids["farm"], ids["rally"]}


def test_one_article_with_the_full_name_is_not_enough(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    lib = Library(tmp_path / "cache.sqlite3")
    add(lib, folder, "farm", TEXTS["farm"], *TAGS["farm"])
    add(lib, folder, "golf", TEXTS["golf"], *TAGS["golf"])
    assert people(lib) == [("donald trump", 2, 1), ("trump", 2, 1)]


def test_the_join_never_crosses_types(library) -> None:
    lib, ids, folder = library
    tower = add(lib, folder, "tower", "Tower\n\nTrump sold the tower to a bank.\n", ("Trump", "ORG"))
    assert [(r.key, r.articles) for r in lib.top_entities("ORG")] == [("trump", 1)]
    assert people(lib) == [("donald trump", 5, 3)]
    assert tower not in mentioning(lib, "Donald Trump")


def test_the_join_follows_the_library_when_articles_go(library) -> None:
    lib, ids, folder = library
    (folder / "rally.txt").unlink()
    LibrarySync(lib).scan([folder])  # one article with the full name is left: not enough
    assert people(lib) == [("donald trump", 2, 1), ("trump", 2, 1)]
    assert mentioning(lib, "Trump") == {ids["farm"], ids["golf"]}  # a bare surname still finds the full name


def test_the_users_rule_wins_over_the_join(library, tmp_path: Path) -> None:
    lib, ids, _folder = library
    with Session(tmp_path / "user.sqlite3") as session:
        session.add_alias(alias="Trump", target="Melania Trump")
        assert people(lib) == [("donald trump", 3, 2), ("melania trump", 2, 1)]
        assert mentioning(lib, "Melania Trump") == {ids["golf"]}
        session.undo()
        assert people(lib) == [("donald trump", 5, 3)]


def test_tagging_an_article_again_counts_it_once(library) -> None:
    lib, ids, _folder = library
    for name in ("farm", "rally"):
        article = lib.article(ids[name])
        assert article is not None
        lib.store_mentions(ids[name], spans(article.text, *TAGS[name]))
    assert people(lib) == [("donald trump", 5, 3)]
    rally = lib.article(ids["rally"])
    assert rally is not None
    lib.store_mentions(ids["rally"], spans(rally.text, ("Ohio", "LOC")))  # now it names no one
    assert people(lib) == [("donald trump", 2, 1), ("trump", 2, 1)]


def test_a_surname_its_own_article_leaves_alone_is_not_joined(library) -> None:
    lib, ids, folder = library
    family = add(lib, folder, "family", "Family\n\nDonald Trump and Melania Trump waved. Trump smiled.\n",
                 ("Donald Trump", "PER"), ("Melania Trump", "PER"), ("Trump", "PER"))
    assert ("trump", 1, 1) in people(lib)  # which of the two the article means is not known
    assert ("donald trump", 6, 4) in people(lib)
    assert family in mentioning(lib, "Donald Trump") and ids["golf"] in mentioning(lib, "Donald Trump")


def test_a_surname_cut_from_a_longer_name_is_not_joined(library) -> None:
    lib, ids, folder = library
    # the tagger gave "Trump" of "Trump Tower" and "Hill" of "Forest Hill" as persons on their own
    tower = add(lib, folder, "tower", "Tower\n\nThe Trump Tower lobby was shut while Forest Hill police looked.\n",
                ("Trump", "PER"), ("Hill", "PER"))  # fmt: skip
    for k in range(2):
        add(lib, folder, f"hill{k}", f"Envoy {k}\n\nMara Hill met the envoys.\n", ("Mara Hill", "PER"))
    said = add(lib, folder, "said", "Said\n\nThen Hill spoke, and President Trump listened.\n",
               ("Hill", "PER"), ("Trump", "PER"))  # fmt: skip
    assert tower not in mentioning(lib, "Donald Trump") | mentioning(lib, "Mara Hill")
    assert said in mentioning(lib, "Donald Trump") & mentioning(lib, "Mara Hill")
    assert ("trump", 1, 1) in people(lib) and ("hill", 1, 1) in people(lib)  # the tower's, each its own row
    assert ("donald trump", 6, 4) in people(lib) and ("mara hill", 3, 3) in people(lib)


def test_a_typed_surname_finds_every_article_that_writes_it(library) -> None:
    lib, ids, folder = library
    # "Hill" of "Forest Hill" the tagger gave as a person alone; Mara Hill named in full twice, then "Hill" alone
    tower = add(lib, folder, "tower", "Tower\n\nThe Forest Hill police looked.\n", ("Hill", "PER"))
    named = [add(lib, folder, f"hill{k}", f"Envoy {k}\n\nMara Hill met the envoys.\n", ("Mara Hill", "PER"))
             for k in range(2)]  # fmt: skip
    bare = add(lib, folder, "bare", "Bare\n\nHill spoke to the board.\n", ("Hill", "PER"))
    assert mentioning(lib, "Mara Hill") == {*named, bare}  # the library joins the bare "Hill" to her
    assert mentioning(lib, "Hill") == {tower, *named, bare}  # the word: every article that writes it
    assert lib.search('entity:"Hill"', limit=10).total == 4


def test_full_names_are_the_same_without_the_key_index_a_first_import_defers(tmp_path: Path) -> None:
    from reader.core.store.surname_join import SPELLINGS, full_names

    lib = Library(tmp_path / "cache.sqlite3")
    rows: list[tuple[object, ...]] = []
    for i in range(SPELLINGS + 30):  # the first SPELLINGS count: 8 as written, 12 in capitals, then 30 reversed
        text = "Donald Trump" if i < 8 else "DONALD TRUMP" if i < SPELLINGS else "Trump Donald"
        rows.append((1, i, i + 1, "PER", "donald trump", text, "", "donald trump", "PER"))
        rows.append((2, i, i + 1, "PER", "maria keller", "Maria Keller", "", "maria keller", "PER"))
    rows.append((3, 0, 1, "PER", "maria keller", "KELLER M.", "", "keller m.", "PER"))  # its own name: not counted
    rows.append((3, 2, 3, "LOC", "maria keller", "MARIA KELLER", "", "maria keller", "LOC"))  # not a person
    with lib.db:
        lib.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?)", rows)
    keys = ["maria keller", "donald trump", "nobody", "maria keller"]
    expected = {"maria keller": "Maria Keller", "donald trump": "Donald Trump"}

    assert full_names(lib.db, keys) == expected
    lib.db.execute("DROP INDEX mentions_key")  # as a window's first import writes, until it ends
    assert full_names(lib.db, keys) == expected
