"""Mention rows grouped where the article was tagged (an import worker): the writer stores exactly what it stores
when it groups the spans itself, for a new article, an article seen again in another file and a file read again."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core import entities
from reader.core.library_sync import pool
from reader.core.store.library import FileRecord, Library
from reader.core.store.mention_batch import group_for_store
from tests.unit.entities.entity_spans import spans
from tests.unit.store_library.test_batch_writer import TEXT, WANTED, article, one_by_one, rows


def grouped(record: FileRecord) -> FileRecord:
    """The record as a worker sends it: the rows made from its spans beside them."""
    made = tuple(None if m is None else group_for_store(m, a.text)
                 for a, m in zip(record.articles, record.mentions, strict=True))  # fmt: skip
    return replace(record, grouped=made)


def records() -> list[FileRecord]:
    first, other = article("Council meets"), article("Brandt in Lisbon", "Tomas Brandt flew to Lisbon.")
    found = tuple(spans(TEXT, *WANTED))
    return [
        FileRecord("/news/a.txt", 1.0, 10, (first,), (found,)),
        FileRecord("/news/copy-of-a.txt", 1.0, 10, (first,), (found,)),  # stored again: its rows replaced
        FileRecord("/news/b.txt", 1.0, 10, (other,), (tuple(spans(other.text, ("Tomas Brandt", "PER"))),)),
        FileRecord("/news/untagged.txt", 1.0, 10, (article("Later", "Jonas Weber."),), (None,)),
    ]


def test_rows_grouped_in_the_worker_store_what_the_writer_groups_itself(tmp_path: Path) -> None:
    batch, single = Library(tmp_path / "batch.sqlite3"), Library(tmp_path / "single.sqlite3")
    batch.store_batch([grouped(r) for r in records()])
    one_by_one(single, records())

    got = rows(batch)
    assert got == rows(single)
    first = records()[0].articles[0]
    assert len([m for m in got["mentions"] if m[0] == first.id]) == len(WANTED)  # once, though in two files
    assert [row[1:] for row in got["learned"]] == [("nsc", "national security council", "ORG")]
    assert ("keller", "maria keller", 2, 1) in got["counts"]  # Keller joins Maria Keller, named in one article
    assert [t for _id, t in got["tagged"]].count(0) == 1  # the untagged article waits for the tagger


def test_a_file_read_again_with_grouped_rows_replaces_its_articles_mentions(tmp_path: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    old = article("Council meets")
    lib.store_batch([grouped(FileRecord("/news/a.txt", 1.0, 10, (old,), (tuple(spans(TEXT, *WANTED)),)))])
    lib.store_batch([grouped(FileRecord("/news/a.txt", 2.0, 10, (old,), (tuple(spans(TEXT, ("Lisbon", "LOC"))),)))])

    got = rows(lib)
    assert [m[1:4] for m in got["mentions"]] == [(TEXT.index("Lisbon"), TEXT.index("Lisbon") + 6, "LOC")]
    assert got["persons"] == [] and got["counts"] == [] and got["learned"] == []


def test_a_record_with_grouped_rows_comes_back_equal_from_a_worker() -> None:
    record = grouped(records()[0])
    back = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == record and back.grouped[0] is not None
    assert (0, len("Maria Keller"), "PER", "maria keller") in [m[:4] for m in back.grouped[0].mentions]


def test_a_worker_sends_the_rows_of_the_mentions_it_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Harbour report\n\nMaria Keller told reporters in Lisbon that the port would hire pilots.\n",
                    encoding="utf-8")  # fmt: skip
    monkeypatch.setattr(pool._WorkerState, "tag", True)  # what init_worker sets, without nicing this process
    record = pool.parse_and_tag(str(path), 1.0, path.stat().st_size)

    (sent,), (made,) = record.mentions, record.grouped
    assert sent is None  # the spans stay in the worker: the writer stores the rows made of them
    found = entities.tag_bounded(record.articles[0].text, record.articles[0].language).spans
    assert found and made is not None
    assert made == group_for_store(found, record.articles[0].text)
    assert ("Maria Keller", "PER") in [(m[4], m[2]) for m in made.mentions]
