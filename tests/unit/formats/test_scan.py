"""The folder scan: known extensions, stable order, hidden and *_files folders skipped."""

from __future__ import annotations

from pathlib import Path

from reader.core.formats import iter_article_files


def test_scan_order_and_skips(tmp_path: Path) -> None:
    for rel in [
        "b.txt", "a.html", "notes.md", "c.HTM", "feed.xml", "old.html.gz", "image.png", ".hidden.txt",
        "page_files/inner.html", ".git/x.txt", "sub/z.json", "sub/deeper/y.eml", "archive.mbox", "readme",
    ]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_files(tmp_path)]
    assert found == [
        "a.html", "archive.mbox", "b.txt", "c.HTM", "feed.xml", "notes.md", "old.html.gz",
        "sub/deeper/y.eml", "sub/z.json",
    ]
    assert list(iter_article_files(tmp_path / "b.txt")) == [tmp_path / "b.txt"]
    assert list(iter_article_files(tmp_path / "missing")) == []


def test_scan_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text("x")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_files(tmp_path)]
    assert found == ["sub/story.txt"]
