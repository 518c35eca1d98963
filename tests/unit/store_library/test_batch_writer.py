"""The import's writer: a batch stores what storing each file and its mentions one by one stores, however often an
article comes back in it (two files, twice in one file, a file read again)."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

from reader.core.article import Block, make_article
from reader.core.entities import EntitySpan
from reader.core.store.library import FileRecord, Library
from tests.unit.entities.entity_spans import spans

TEXT = ("Maria Keller of the National Security Council (NSC) met Tomas Brandt in Lisbon. "
        "Keller said the NSC would meet again in March.")  # fmt: skip
WANTED = [("Maria Keller", "PER"), ("National Security Council", "ORG"), ("NSC", "ORG"), ("Tomas Brandt", "PER"),
          ("Lisbon", "LOC"), ("Keller", "PER"), ("NSC", "ORG")]  # fmt: skip


def article(title: str, text: str = TEXT):  # noqa: ANN201 - an Article
    return make_article(title=title, blocks=[Block(text)], path="", format="text")


def rows(lib: Library) -> dict[str, list[tuple[object, ...]]]:
    """What the cache holds of mentions, by article id (rowids differ between caches)."""
    db: sqlite3.Connection = lib.db
    by_id = "SELECT a.id, {cols} FROM {table} x JOIN articles a ON a.rowid = x.article_rowid ORDER BY 1, 2, 3, 4"
    return {
        "mentions": db.execute(by_id.format(cols="x.start, x.end, x.type, x.key, x.text, x.short, x.name, x.etype",
                                            table="mentions")).fetchall(),  # fmt: skip
        "learned": db.execute(by_id.format(cols="x.alias, x.key, x.etype", table="learned_aliases")).fetchall(),
        "persons": db.execute(by_id.format(cols="x.surname, x.key, x.mentions", table="person_names")).fetchall(),
        "counts": db.execute("SELECT * FROM person_counts ORDER BY 1, 2").fetchall(),
        "tagged": db.execute("SELECT id, tagged FROM articles ORDER BY id").fetchall(),
        "locations": db.execute("SELECT a.id, l.path, l.idx FROM locations l JOIN articles a"
                                " ON a.rowid = l.article_rowid ORDER BY 1, 2, 3").fetchall(),  # fmt: skip
        "meta": db.execute("SELECT key FROM meta ORDER BY key").fetchall(),
    }


def one_by_one(lib: Library, records: list[FileRecord]) -> None:
    for r in records:
        lib.store_file(r.path, r.mtime, r.size, r.articles)
        for a, found in zip(r.articles, r.mentions, strict=True):
            if found is not None:
                lib.store_mentions(a.id, found)


def test_a_batch_stores_what_each_file_and_its_mentions_store(tmp_path: Path) -> None:
    first, other = article("Council meets"), article("Brandt in Lisbon", "Tomas Brandt flew to Lisbon.")
    found = spans(TEXT, *WANTED)
    records = [
        FileRecord("/news/a.txt", 1.0, 10, (first,), (tuple(found),)),
        FileRecord("/news/copy-of-a.txt", 1.0, 10, (first,), (tuple(found),)),  # the same article in two files
        FileRecord("/news/twice.txt", 1.0, 10, (first, first), (tuple(found), tuple(found))),
        FileRecord("/news/b.txt", 1.0, 10, (other,), (tuple(spans(other.text, ("Tomas Brandt", "PER"))),)),
        FileRecord("/news/untagged.txt", 1.0, 10, (article("Later", "Jonas Weber."),), (None,)),
    ]
    batch, single = Library(tmp_path / "batch.sqlite3"), Library(tmp_path / "single.sqlite3")
    batch.store_batch(records)
    one_by_one(single, records)

    got = rows(batch)
    assert got == rows(single)
    assert len([m for m in got["mentions"] if m[0] == first.id]) == len(WANTED)  # once, however often it came
    assert ("keller", "maria keller", 2, 1) in got["counts"]  # one article names her twice, in three files


def test_a_file_read_again_in_a_batch_replaces_its_articles_mentions(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    old = article("Council meets")
    lib.store_batch([FileRecord("/news/a.txt", 1.0, 10, (old,), (tuple(spans(TEXT, *WANTED)),))])
    lib.store_batch([FileRecord("/news/a.txt", 2.0, 10, (old,), (tuple(spans(TEXT, ("Lisbon", "LOC"))),))])

    got = rows(lib)
    assert [m[1:4] for m in got["mentions"]] == [(TEXT.index("Lisbon"), TEXT.index("Lisbon") + 6, "LOC")]
    assert got["persons"] == [] and got["counts"] == [] and got["learned"] == []


def test_a_span_sent_from_a_worker_comes_back_equal() -> None:
    span = EntitySpan(3, 15, "PER", "Maria Keller")
    back = pickle.loads(pickle.dumps([span, span], protocol=pickle.HIGHEST_PROTOCOL))
    assert back == [span, span] and type(back[0]) is EntitySpan


def test_a_batch_cuts_a_surname_from_a_longer_name_as_storing_it_alone_does(tmp_path: Path) -> None:
    # "Hill" of "Forest Hill police" given as a person on its own is no bare surname: the batch reads that from
    # the article's own text, as the one-by-one store reads it from the stored body
    text = "The Forest Hill police said the road was safe again."
    records = [FileRecord("/news/cut.txt", 1.0, 10, (article("Cut", text),), (tuple(spans(text, ("Hill", "PER"))),))]
    batch = Library(tmp_path / "batch.sqlite3")
    batch.store_batch(records)
    alone = Library(tmp_path / "alone.sqlite3")
    one_by_one(alone, records)
    assert rows(batch) == rows(alone)
    assert [m[6] for m in rows(batch)["mentions"]] == ["hill"]  # its `short`: left alone by the library's join
