"""The `news-reader extract` subcommand, text and JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def test_extract_json_lines_with_error_entry(fx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["extract", "--json", str(fx / "rss2.xml"), str(empty), str(fx / "plain_page.html.gz")])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1  # one file failed
    assert len(lines) == 4
    assert set(lines[0]) == {"path", "format", "title", "byline", "published", "source", "url", "language", "text"}
    assert lines[0]["title"] == "Orchard festival draws record crowd" and lines[0]["format"] == "rss"
    assert lines[2] == {"path": str(empty), "error": lines[2]["error"]}
    assert "empty" in lines[2]["error"]
    assert lines[3]["title"] == "Library reopens after flood repairs"
    assert lines[3]["text"].startswith("The central library reopened")


def test_extract_text_output_for_a_folder(fx: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes((fx / "harbour_story.txt").read_bytes())
    (tmp_path / "b.md").write_bytes((fx / "note.md").read_bytes())
    assert main(["extract", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.index("Title: Harbour authority") < out.index("Title: Council publishes its cycling plan")
    assert "Source: Northern Coast Herald" in out and "Byline: Priya Raman" in out
    assert "\n\nIsland councils had campaigned" in out


def test_extract_says_a_link_only_feed_item_has_no_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "port.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Port notices</title>'
        "<item><title>Berth 4 closed</title><link>https://port.example/berth-4</link></item></channel></rss>",
        encoding="utf-8",
    )
    assert main(["extract", str(feed)]) == 0
    out = capsys.readouterr().out
    assert "Title: Berth 4 closed\n" in out and "Url: https://port.example/berth-4\n" in out
    assert out.endswith("\n(This item has no text of its own; its link is above.)\n\n")
