"""`news-reader search`: one line (or JSON object) per hit from the app's library cache; a bad query exits 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.article import Block, make_article
from reader.core.store.library import Library
from reader.paths import resolve_paths

STORIES = (  # title, source, published, body
    ("Harbour strike ends", "The Harbour Ledger", "2024-05-10T08:00:00Z", "Dockers went back to work."),
    ("Budget vote delayed", "Northfield Courier", "2023-11-02", "The harbour fees stay as they are."),
    ("Rain returns", "Meridian Wire", "2024-06-01", "Farmers welcomed the rain."),
)


@pytest.fixture
def library_dir(data_dir: Path) -> Path:
    lib = Library(resolve_paths(data_dir).ensure().library_db)
    for i, (title, source, published, body) in enumerate(STORIES):
        article = make_article(title=title, blocks=[Block(body)], path=f"/news/{i}.txt", format="text",
                               source=source, published=published)  # fmt: skip
        lib.store_file(article.path, 0.0, 1, [article])
    lib.close()
    return data_dir


def test_prints_rank_date_source_title_and_path(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "harbour", "--data-dir", str(library_dir)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "1\t2024-05-10\tThe Harbour Ledger\tHarbour strike ends\t/news/0.txt",
        "2\t2023-11-02\tNorthfield Courier\tBudget vote delayed\t/news/1.txt",
    ]
    assert err == "2 articles found\n"
    assert main(["search", "dockers", "OR", "harbour", "--limit", "1", "--data-dir", str(library_dir)]) == 0
    out, err = capsys.readouterr()
    assert out == "1\t2024-05-10\tThe Harbour Ledger\tHarbour strike ends\t/news/0.txt\n"  # in title and text
    assert err == "1 of 2 articles found\n"


def test_json_is_a_list_of_objects(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(library_dir), "search", "--json", "after:2024-05"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [{k: h[k] for k in ("rank", "date", "source", "title", "path")} for h in hits] == [
        {"rank": 1, "date": "2024-06-01", "source": "Meridian Wire", "title": "Rain returns", "path": "/news/2.txt"},
    ]
    assert len(hits[0]["id"]) > 8
    assert main(["--data-dir", str(library_dir), "search", "--json", "nothing-here"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_bad_query_says_why_and_exits_1(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "harbour", "colour:red", "--data-dir", str(library_dir)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("news-reader search: Unknown filter 'colour:'. Filters: source:, author:,")
    assert main(["search", "before:soon", "--data-dir", str(library_dir)]) == 1
    assert capsys.readouterr().err == ("news-reader search: Cannot read the date in 'before:soon'."
                                       " Write it as 2024, 2024-05 or 2024-05-31.\n")


def test_scan_reads_the_library_folders_first(data_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from reader.core.session import Session

    news = tmp_path / "news"
    news.mkdir()
    (news / "tide.txt").write_text("Tide tables printed\n\nThe harbour office printed new tables.\n", encoding="utf-8")
    paths = resolve_paths(data_dir).ensure()
    with Session(paths.user_db) as session:
        session.add_folder(str(news))
    assert main(["search", "tables", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out == ""  # the cache has not seen the folder yet
    assert main(["search", "tables", "--scan", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.split("\t")[3] == "Tide tables printed"
