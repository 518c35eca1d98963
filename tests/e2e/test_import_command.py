"""`news-reader import FOLDER...` as a real program: the summary in words and as JSON, the folder kept in the
library, the articles tagged in the same cache the window reads, and a second run that finds nothing to do."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from reader.core.store.user_data import UserStore
from reader.paths import resolve_paths


def run_import(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "import", *args],
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "week-2").mkdir(parents=True)
    (folder / "pier.txt").write_text("Westport council votes to rebuild the pier\n\nMaria Keller, the mayor of "
                                     "Westport, said the work would start in March.\n", encoding="utf-8")  # fmt: skip
    (folder / "week-2" / "ferry.txt").write_text("Ferry to Lisbon resumes\n\nThe Harbour Pilots Union ended its "
                                                 "strike in Lisbon on Friday.\n", encoding="utf-8")  # fmt: skip
    (folder / "empty.txt").write_text("", encoding="utf-8")  # nothing in it: a problem, with advice
    return folder


def cache_counts(data: Path) -> tuple[int, int, int]:
    """(articles, untagged articles, mentions) in the library cache."""
    with sqlite3.connect(resolve_paths(data).library_db) as db:
        return (db.execute("SELECT count(*) FROM articles").fetchone()[0],
                db.execute("SELECT count(*) FROM articles WHERE tagged=0").fetchone()[0],
                db.execute("SELECT count(*) FROM mentions").fetchone()[0])  # fmt: skip


def test_import_prints_the_summary_and_fills_the_windows_cache(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    data = tmp_path / "data"
    done = run_import(data, "--workers", "2", str(folder))

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "3 files: 2 added, 0 updated, 0 removed, 0 unchanged, 1 with problems"
    assert lines[1].startswith("2 articles in ") and lines[1].endswith(" articles/s)")
    assert lines[2] == "The files with problems, and what to do about each, are under Import problems in the window."
    assert f"{folder / 'empty.txt'}: The file is empty. Check that the file was saved completely." in done.stderr
    articles, untagged, mentions = cache_counts(data)
    assert (articles, untagged) == (2, 0)  # tagged by the pool's workers
    assert mentions >= 3  # Maria Keller, Westport, Lisbon at least
    with UserStore(resolve_paths(data).user_db) as store:
        assert store.folders() == [str(folder.resolve())]  # kept by the window, which forgets files outside


def test_import_json_after_a_change_counts_each_kind(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    data = tmp_path / "data"
    assert run_import(data, str(folder)).returncode == 0
    (folder / "week-2" / "ferry.txt").unlink()
    (folder / "week-2" / "tram.txt").write_text("Tram line opens\n\nThe new line links the port to Oslo Street.\n",
                                                encoding="utf-8")  # fmt: skip
    done = run_import(data, "--json", str(folder))

    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    counts = {k: summary[k] for k in ("added", "updated", "removed", "unchanged", "problems", "files", "articles")}
    assert counts == {"added": 1, "updated": 0, "removed": 1, "unchanged": 2, "problems": 1, "files": 3,
                      "articles": 1}  # fmt: skip
    assert summary["complete"] is True and summary["untagged"] == 0
    assert [p["path"] for p in summary["problem_files"]] == [str(folder / "empty.txt")]
    assert summary["problem_files"][0]["reason"] == "The file is empty."
    assert cache_counts(data)[:2] == (2, 0)


def test_import_refuses_what_is_not_a_folder(tmp_path: Path) -> None:
    done = run_import(tmp_path / "data", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert done.stderr.strip() == f"news-reader import: not a folder that can be read: {tmp_path / 'nowhere'}"


def test_an_import_after_a_tagger_update_says_how_many_articles_it_tagged_again(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    data = tmp_path / "data"
    assert run_import(data, "--workers", "2", str(folder)).returncode == 0
    with sqlite3.connect(resolve_paths(data).library_db) as db:  # as a cache an older tagger filled
        db.execute("UPDATE meta SET value='0' WHERE key='tagger'")
    again = run_import(data, str(folder))

    assert again.returncode == 0, again.stderr
    lines = again.stdout.splitlines()
    assert lines[0] == "3 files: 0 added, 0 updated, 0 removed, 3 unchanged, 1 with problems"
    assert lines[2] == ("2 articles stored earlier had their entities found now "
                        "(an earlier import was stopped, or the entity tagger is newer)")
    articles, untagged, mentions = cache_counts(data)
    assert (articles, untagged) == (2, 0) and mentions >= 3
    assert json.loads(run_import(data, "--json", str(folder)).stdout)["retagged"] == 0


def test_import_leaves_the_search_index_merged_and_mentions_it_only_when_it_took_long(tmp_path: Path) -> None:
    from reader.commands.import_cmd import summary, summary_text
    from reader.core.library_sync import ScanResult
    from reader.core.store.fts_merge import merge_due, segments

    folder = make_folder(tmp_path)
    for i in range(6):  # one transaction each without a pool: a segment each
        (folder / f"note-{i}.txt").write_text(f"Quay works {i}\n\nThe quay in Westport is rebuilt.\n", encoding="utf-8")
    data = tmp_path / "data"
    done = run_import(data, "--workers", "0", str(folder))

    assert done.returncode == 0, done.stderr
    with sqlite3.connect(resolve_paths(data).library_db) as db:
        assert segments(db) == 1 and not merge_due(db)
    assert "search index" not in done.stdout  # a small library's merge is too quick to mention
    quick, slow = (summary(ScanResult(), 1.0, 0, 0, merge_seconds=s) for s in (0.4, 3.2))
    assert "search index" not in summary_text(quick)
    assert summary_text(slow).splitlines()[-1] == "The search index was tidied for faster searches in 3.2 s."
