"""Articles by id with the paths they are found at: identical files, odd file names, files that change."""

from __future__ import annotations

import os
from pathlib import Path

from reader.core.formats import load_file
from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library

STORY = "Ferry service resumes\n\nThe island ferry sailed again on Tuesday after the storm.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_deleting_one_of_two_identical_files_keeps_the_article(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    first = write(folder / "a-ferry.txt", STORY)
    copy = write(folder / "b-ferry-copy.txt", STORY)
    lib = Library(tmp_path / "cache.sqlite3")
    sync = LibrarySync(lib)
    sync.scan([folder])
    [article_id] = lib.all_ids()
    assert lib.paths_of(article_id) == [str(first.resolve()), str(copy.resolve())]

    first.unlink()
    result = sync.scan([folder])

    assert result.removed == 1
    assert lib.all_ids() == [article_id]
    article = lib.article(article_id)
    assert article is not None and article.title == "Ferry service resumes"
    assert article.path == str(copy.resolve())  # shown (and opened) from the file that is still there
    assert lib.paths_of(article_id) == [str(copy.resolve())]
    assert lib.search_ids("ferry") == [article_id]

    copy.unlink()
    sync.scan([folder])
    assert lib.count() == 0 and lib.search_ids("ferry") == []


def test_a_file_whose_text_changes_leaves_its_twin_alone(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    first = write(folder / "a.txt", STORY)
    write(folder / "b.txt", STORY)
    lib = Library(tmp_path / "cache.sqlite3")
    sync = LibrarySync(lib)
    sync.scan([folder])
    [old_id] = lib.all_ids()
    write(first, "Storm closes the port\n\nNo ferry sailed on Wednesday.\n")
    os.utime(first, (first.stat().st_atime + 10, first.stat().st_mtime + 10))

    assert sync.scan([folder]).imported == 1

    titles = sorted(r.title for r in lib.rows(lib.all_ids()).values())
    assert titles == ["Ferry service resumes", "Storm closes the port"]
    assert lib.paths_of(old_id) == [str((folder / "b.txt").resolve())]


def test_a_file_name_that_is_not_utf8_is_imported_and_opens_again(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "a.txt", "Harbour strike ends\n\nDockers went back to work.\n")
    write(folder / "z.txt", "Budget vote delayed\n\nThe council postponed the vote.\n")
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.txt")  # a Latin-1 name
    with open(odd, "wb") as f:
        f.write("Café opens by the harbour\n\nThe new café served its first coffee.\n".encode())
    lib = Library(tmp_path / "cache.sqlite3")
    sync = LibrarySync(lib)

    result = sync.scan([folder])

    assert (result.imported, result.failed) == (3, 0)
    rows = lib.rows(lib.all_ids())
    [cafe_id] = [i for i, r in rows.items() if r.title == "Café opens by the harbour"]
    article = lib.article(cafe_id)
    assert article is not None and os.fsencode(article.path) == os.path.realpath(odd)
    assert [a.title for a in load_file(article.path)] == ["Café opens by the harbour"]  # opened by its stored path
    assert lib.ids_at(article.path) == [cafe_id]
    assert rows[cafe_id].path.endswith("caf\ufffd.txt")  # what the list shows: a replacement character
    assert sync.scan([folder]).unchanged == 3  # the stored path matches the file on the next scan
