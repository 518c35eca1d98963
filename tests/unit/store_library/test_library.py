"""The library cache filled by LibrarySync: scanning, changes on disk, problems, list queries, mentions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery


def write(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    write(f, "a.txt", "Harbour strike ends\n\nDockers in Tallinn went back to work on Monday.\n")
    write(f, "b.txt", "Budget vote delayed\n\nThe council postponed the budget vote to June.\n")
    write(f, "sub/c.md", "---\ntitle: Rain returns to the valley\ndate: 2025-04-02\n---\n\nFarmers welcomed it.\n")
    return f


def test_scan_imports_and_reads_back(tmp_path: Path, folder: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    result = LibrarySync(lib).scan([folder])
    assert result.imported == 3 and result.failed == 0
    assert lib.count() == 3
    titles = {row.title for row in lib.rows(lib.all_ids()).values()}
    assert titles == {"Harbour strike ends", "Budget vote delayed", "Rain returns to the valley"}
    art = next(lib.article(i) for i in lib.all_ids() if lib.rows([i])[i].title == "Harbour strike ends")
    assert art is not None and "Dockers in Tallinn" in art.text
    assert art.text[art.block_spans()[0][0] : art.block_spans()[0][1]] == art.blocks[0].text


def test_rescan_sees_unchanged_changed_and_deleted_files(tmp_path: Path, folder: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib).scan([folder])
    again = LibrarySync(lib).scan([folder])
    assert again.unchanged == 3 and again.imported == 0
    (folder / "b.txt").unlink()
    p = folder / "a.txt"
    p.write_text("Harbour strike ends after nine days\n\nDockers went back.\n", encoding="utf-8")
    os.utime(p, (p.stat().st_atime + 10, p.stat().st_mtime + 10))
    third = LibrarySync(lib).scan([folder])
    assert third.removed == 1 and third.imported == 1
    titles = sorted(r.title for r in lib.rows(lib.all_ids()).values())
    assert titles == ["Harbour strike ends after nine days", "Rain returns to the valley"]


def test_bad_files_become_problems_and_the_scan_goes_on(tmp_path: Path, folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 20)
    lib = Library(tmp_path / "cache.sqlite3")
    result = LibrarySync(lib).scan([folder])
    assert result.failed == 2 and lib.count() == 3
    problems = {Path(p.path).name: p for p in lib.problems()}
    assert set(problems) == {"empty.txt", "binary.html"}
    assert all(p.reason for p in problems.values())


def test_list_queries_filter_and_sort(tmp_path: Path, folder: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib).scan([folder])
    by_title = [lib.rows([i])[i].title for i in lib.list_ids(ListQuery(sort="title", descending=False))]
    assert by_title == sorted(by_title, key=str.casefold)
    assert [lib.rows([i])[i].title for i in lib.list_ids(ListQuery(title="budget"))] == ["Budget vote delayed"]
    assert [lib.rows([i])[i].title for i in lib.list_ids(ListQuery(title="VOTE bud"))] == ["Budget vote delayed"]
    assert lib.list_ids(ListQuery(title='"strike*"')) == lib.list_ids(ListQuery(title="strike"))  # no FTS syntax
    assert len(lib.search_ids("Tallinn")) == 1
    assert len(lib.list_ids(ListQuery(folder=str((folder / "sub").resolve())))) == 1
    with pytest.raises(ValueError):
        lib.list_ids(ListQuery(text='"unclosed'))


def test_forget_outside_drops_removed_folders(tmp_path: Path, folder: Path) -> None:
    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib).scan([folder])
    assert lib.forget_outside([folder / "sub"]) == 2
    assert lib.count() == 1


def test_entity_filter_finds_short_and_full_forms_of_a_name(tmp_path: Path, folder: Path) -> None:
    from reader.core.entities import EntitySpan, canonical_name

    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib).scan([folder])
    by_title = {lib.rows([i])[i].title: i for i in lib.all_ids()}
    full, short = by_title["Harbour strike ends"], by_title["Budget vote delayed"]
    lib.store_mentions(full, [EntitySpan(0, 10, "PER", "Peeter Kask"), EntitySpan(20, 27, "LOC", "Tallinn")])
    lib.store_mentions(short, [EntitySpan(0, 4, "PER", "Kask")])
    assert lib.untagged_ids() == [by_title["Rain returns to the valley"]]

    def mentioning(name: str) -> set[str]:
        return set(lib.list_ids(ListQuery(entity=canonical_name(name, ""))))

    assert mentioning("Peeter Kask") == {full}  # which "Kask" the other article means is not known
    assert mentioning("Kask") == {full, short}
    assert mentioning("Tallinn") == {full}
    assert mentioning("Peeter") == set()
    assert [(s.type, s.text) for s in lib.entity_spans(full)] == [("PER", "Peeter Kask"), ("LOC", "Tallinn")]
    assert ("tallinn", "LOC", 1, 1) in lib.top_entities("LOC")


def test_tagging_reports_each_batch_and_what_is_left(tmp_path: Path, folder: Path, monkeypatch) -> None:
    import reader.core.entities as entities
    from reader.core.entities import EntitySpan

    monkeypatch.setattr(entities, "tag", lambda text, language="": [EntitySpan(0, 4, "LOC", text[:4])])
    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib).scan([folder])
    seen: list[tuple[int, int]] = []
    assert LibrarySync(lib).tag_pending(batch=2, on_batch=lambda ids, left: seen.append((len(ids), left))) == 3
    assert seen == [(2, 1), (1, 0)]
    assert lib.untagged_count() == 0 and LibrarySync(lib).tag_pending() == 0


def test_a_new_tagger_tags_the_library_again(tmp_path: Path, folder: Path, monkeypatch) -> None:
    import sqlite3

    import reader.core.entities as entities
    from reader.core.entities import EntitySpan

    monkeypatch.setattr(entities, "tag_bounded", lambda text, language="", **_kw: entities.TagResult(
        [EntitySpan(0, 4, "LOC", text[:4])], True, ""))  # fmt: skip
    path = tmp_path / "cache.sqlite3"
    lib = Library(path)
    LibrarySync(lib).scan([folder])
    assert LibrarySync(lib).tag_pending() == 3
    lib.close()
    LibrarySync(Library(path)).library.close()  # the same tagger: nothing to do again
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM mentions").fetchone()[0] == 3
        db.execute("UPDATE meta SET value='an older tagger' WHERE key='tagger'")
    lib = LibrarySync(Library(path)).library
    assert lib.untagged_count() == 3 and all(not lib.entity_spans(i) for i in lib.all_ids())
    assert lib.count() == 3  # the articles themselves stay: only their entities are found again
    assert LibrarySync(lib).tag_pending() == 3 and lib.untagged_count() == 0


def test_files_over_the_size_limit_are_refused_with_the_reason(tmp_path: Path, folder: Path) -> None:
    (folder / "big.txt").write_text("Big story\n\n" + "word " * 5000, encoding="utf-8")
    lib = Library(tmp_path / "cache.sqlite3")
    result = LibrarySync(lib, max_bytes=10_000).scan([folder])
    assert result.failed == 1 and lib.count() == 3
    [problem] = lib.problems()
    assert problem.path.endswith("big.txt") and problem.reason


def test_an_article_that_cannot_be_tagged_whole_is_not_tried_again(tmp_path: Path, folder: Path, monkeypatch) -> None:
    """Issue 11 item 8: a text that runs out of budget (or memory) keeps what was found, once."""
    import reader.core.entities as entities
    from reader.core.entities import EntitySpan

    calls: list[str] = []

    def bounded(text: str, language: str = "", budget_s: float | None = None, should_stop=None) -> entities.TagResult:
        calls.append(text[:10])
        return entities.TagResult([EntitySpan(0, 4, "LOC", text[:4])], False, "MemoryError")

    monkeypatch.setattr(entities, "tag_bounded", bounded)
    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib).scan([folder])
    assert LibrarySync(lib).tag_pending() == 3
    assert lib.untagged_count() == 0 and all(len(lib.entity_spans(i)) == 1 for i in lib.all_ids())
    assert LibrarySync(lib).tag_pending() == 0 and len(calls) == 3


def test_a_stop_request_during_a_long_text_leaves_it_to_tag_later(tmp_path: Path, folder: Path) -> None:
    """Issue 11 item 11: quitting stops tagging between pieces; the text is not marked as tagged."""
    write(folder, "long.txt", "Long one\n\n" + "Tallinn harbour reopened on Monday.\n\n" * 5000)
    lib = Library(tmp_path / "cache.sqlite3")
    LibrarySync(lib).scan([folder])
    asked = 0

    def should_stop() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3  # stop while the long text is being tagged, a few pieces in

    tagged = LibrarySync(lib).tag_pending(should_stop=should_stop)
    assert tagged < 4 and lib.untagged_count() == 4 - tagged
    assert asked == 4  # asked again between pieces, not only between articles
    assert LibrarySync(lib).tag_pending() == 4 - tagged and lib.untagged_count() == 0
