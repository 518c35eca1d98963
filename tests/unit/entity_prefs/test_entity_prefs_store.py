"""EntityPrefs: corrections and watch terms are stored in the user database and survive reopening."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.store.entity_prefs import EntityPrefs
from reader.core.store.user_data import UserStore


def test_corrections_persist_and_filter_by_article(tmp_path: Path) -> None:
    db = tmp_path / "user.sqlite3"
    with UserStore(db):  # the window's store created the file; prefs share it
        pass
    prefs = EntityPrefs.open(db)
    prefs.add_correction(article_id="a1", start=4, end=10, exact="Merkel", type="PER", action="add")
    prefs.add_correction(article_id="a2", start=0, end=5, exact="Putin", type="PER", action="remove")
    prefs.add_correction(article_id="", exact="Berlin", type="LOC", action="remove")
    prefs.close()
    prefs = EntityPrefs.open(db)
    mine = prefs.corrections("a1")
    assert [(c.article_id, c.exact, c.action) for c in mine] == [("a1", "Merkel", "add"), ("", "Berlin", "remove")]
    assert mine[1].everywhere and (mine[1].start, mine[1].end) == (0, 0)
    assert len(prefs.corrections()) == 3
    prefs.close()


def test_a_new_decision_replaces_the_old_one_about_the_same_thing(tmp_path: Path) -> None:
    prefs = EntityPrefs.open(tmp_path / "user.sqlite3")
    prefs.add_correction(article_id="", exact="Berlin", type="LOC", action="remove")
    prefs.add_correction(article_id="", exact="Berlin", type="ORG", action="add")
    prefs.add_correction(article_id="a1", start=3, end=9, exact="Merkel", type="LOC", action="add")
    prefs.add_correction(article_id="a1", start=3, end=9, exact="Merkel", type="PER", action="add")
    rules = prefs.corrections()
    assert [(c.exact, c.type, c.action) for c in rules] == [("Berlin", "ORG", "add"), ("Merkel", "PER", "add")]
    removed = prefs.delete_correction(rules[0].id)
    assert removed == rules[0] and len(prefs.corrections()) == 1
    with pytest.raises(KeyError):
        prefs.delete_correction(rules[0].id)
    prefs.close()


def test_bad_corrections_are_refused(tmp_path: Path) -> None:
    prefs = EntityPrefs.open(tmp_path / "user.sqlite3")
    with pytest.raises(ValueError):
        prefs.add_correction(article_id="a", start=0, end=3, exact="Bob", type="PERSON", action="add")
    with pytest.raises(ValueError):
        prefs.add_correction(article_id="a", start=0, end=4, exact="Bob", type="PER", action="add")
    with pytest.raises(ValueError):
        prefs.add_correction(article_id="", exact="  ", type="PER", action="remove")
    with pytest.raises(ValueError):
        prefs.add_correction(article_id="", exact="Bob", type="PER", action="rename")
    assert prefs.corrections() == []
    prefs.close()


def test_watch_terms_persist_update_in_place_and_delete(tmp_path: Path) -> None:
    db = tmp_path / "user.sqlite3"
    prefs = EntityPrefs.open(db)
    first = prefs.add_watch_term("  port   fees ")
    second = prefs.add_watch_term("Gdansk", case_sensitive=True, color="#123456")
    assert first.term == "port fees" and first.whole_word and not first.case_sensitive
    assert first.color != prefs.add_watch_term("x").color  # new terms get the next colour
    again = prefs.add_watch_term("port fees", whole_word=False, color="#abcdef")
    assert again.id == first.id
    prefs.close()
    prefs = EntityPrefs.open(db)
    terms = prefs.watch_terms()
    assert [(t.term, t.whole_word, t.case_sensitive, t.color) for t in terms[:2]] == [
        ("port fees", False, False, "#abcdef"), ("Gdansk", True, True, "#123456")]  # fmt: skip
    assert prefs.delete_watch_term(second.id).term == "Gdansk"
    assert [t.term for t in prefs.watch_terms()] == ["port fees", "x"]
    with pytest.raises(ValueError):
        prefs.add_watch_term("   ")
    prefs.close()


def test_corrected_entities_give_the_spans_the_user_sees(tmp_path: Path) -> None:
    from reader.core.entities import EntitySpan
    from reader.core.export.entity_source import CorrectedEntities
    from reader.core.library_sync import LibrarySync
    from reader.core.store.library import Library

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks in Riga\n\nAnna Berg met Riga officials.\n", encoding="utf-8")
    library = Library(tmp_path / "cache.sqlite3")
    LibrarySync(library).scan([folder])
    aid = library.all_ids()[0]
    text = library.article(aid).text
    riga = text.index("Riga")
    library.store_mentions(aid, [EntitySpan(riga, riga + 4, "LOC", "Riga")])
    prefs = EntityPrefs.open(tmp_path / "user.sqlite3")
    prefs.add_correction(article_id="", exact="Anna Berg", type="PER", action="add")
    corrected = CorrectedEntities(library, prefs)
    assert [(s.text, s.type) for s in corrected.entity_spans(aid)] == [("Anna Berg", "PER"), ("Riga", "LOC")]
    assert corrected.article(aid).text == text and corrected.all_ids() == [aid]
    assert corrected.entity_spans("no such id") == []
    prefs.close()
    library.close()
