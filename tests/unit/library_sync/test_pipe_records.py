"""What crosses the import pool's pipe: a file's record as compact tuples (each body once, no spans beside their
rows), and a cache written from it the same, table by table, as the one-thread path writes."""

from __future__ import annotations

import pickle
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from reader.core.article import Article, Block, Link
from reader.core.library_sync import LibrarySync, pool
from reader.core.store.library import FileRecord, Library
from reader.core.store.mention_batch import group_for_store
from tests.unit.library_sync.test_pool_import import make_folder, write_article

TABLES = {
    "articles": "SELECT id, format, title, byline, published, source, url, language, description, image, tags, words,"
                " body, structure, tagged FROM articles",
    "mentions": "SELECT a.id, m.start, m.end, m.type, m.key, m.text, m.short, m.name, m.etype FROM mentions m"
                " JOIN articles a ON a.rowid = m.article_rowid",
    "learned_aliases": "SELECT a.id, x.alias, x.key, x.etype FROM learned_aliases x"
                       " JOIN articles a ON a.rowid = x.article_rowid",
    "person_names": "SELECT a.id, p.surname, p.key, p.mentions FROM person_names p"
                    " JOIN articles a ON a.rowid = p.article_rowid",
    "person_counts": "SELECT surname, key, mentions, articles FROM person_counts",
    "source_counts": "SELECT source, n, unread FROM source_counts",
    "fts": "SELECT v.term, a.id, v.col, v.offset FROM temp.fts_terms v JOIN articles a ON a.rowid = v.doc",
}  # fmt: skip


def tables(lib: Library) -> dict[str, list[tuple[object, ...]]]:
    """Every stored fact the import writes, keyed by article id (rowids differ with the order files come back)."""
    db = sqlite3.connect(lib.path)
    db.execute("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, articles_fts, instance)")
    out = {name: sorted(db.execute(sql).fetchall(), key=repr) for name, sql in TABLES.items()}
    db.close()
    return out


def a_record() -> FileRecord:
    blocks = (Block("Harbour pilots", "h", 1), Block("Maria Keller met the pilots in Lisbon.", "p", 0,
                                                     (Link(0, 12, "https://example.org/keller"),)))  # fmt: skip
    article = Article(id="abc", title="Harbour pilots", blocks=blocks, path="/news/a.txt", format="text",
                      byline="Tomas Brandt", published="2024-05-01", source="Port News", language="en",
                      tags=("port", "jobs"))  # fmt: skip
    plain = Article(id="def", title="Second", blocks=(Block("Nothing to see."),))
    return FileRecord("/news/a.txt", 1.5, 120, (article, plain), (None, None),
                      (group_for_store([], article.text), None))  # fmt: skip


def test_a_record_crosses_the_pipe_whole_in_fewer_bytes() -> None:
    record = a_record()
    back = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
    assert back == record
    assert [a.text for a in back.articles] == [a.text for a in record.articles]
    assert back.articles[0].text == "Harbour pilots\n\nMaria Keller met the pilots in Lisbon."
    assert back.articles[0].blocks[1].links == (Link(0, 12, "https://example.org/keller"),)
    # its fields with the articles as objects (their pickled state) send each body twice, in its blocks and `text`
    state = pickle.dumps(tuple(getattr(record, f.name) for f in fields(record)), pickle.HIGHEST_PROTOCOL)
    assert len(pickle.dumps(record, pickle.HIGHEST_PROTOCOL)) < len(state)


def test_a_worker_sends_the_rows_not_the_spans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_article(tmp_path, 1)
    monkeypatch.setattr(pool._WorkerState, "tag", True)  # as init_worker leaves a worker (not niced here)
    record = pool.parse_and_tag(str(path), 1.0, path.stat().st_size)
    assert record.mentions == (None,)
    assert record.grouped[0] is not None
    assert "Tomas Brandt" in {row[4] for row in record.grouped[0].mentions}  # (start, end, type, key, text, ...)


def test_the_pool_stores_every_table_as_the_one_thread_path(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, 10)
    serial = Library(tmp_path / "serial.sqlite3")
    LibrarySync(serial, workers=0).scan([folder])
    assert serial.untagged_count() == 10
    LibrarySync(serial, workers=0).tag_pending()
    pooled = Library(tmp_path / "pooled.sqlite3")
    LibrarySync(pooled, workers=2, pool_min_files=1).scan([folder])

    expected = tables(serial)
    assert tables(pooled) == expected
    assert {row[-1] for row in expected["articles"]} == {1}  # every article tagged, in both
    assert expected["mentions"] and expected["person_names"] and expected["fts"]
