"""Markdown articles with front matter and structure."""

from __future__ import annotations

from pathlib import Path

from reader.core.formats import load_file


def test_markdown_front_matter_and_blocks(fx: Path) -> None:
    [a] = load_file(fx / "note.md")
    assert a.format == "markdown"
    assert a.title == "Council publishes its cycling plan"
    assert a.byline == "Priya Raman"
    assert a.published == "2023-04-05T09:30:00+02:00"
    assert a.source == "Riverside Weekly"
    assert a.url == "https://example.org/news/cycling-plan"
    assert a.tags == ("transport", "council")
    kinds = [(b.kind, b.text) for b in a.blocks]
    assert kinds[0] == ("p", "The city council has published a ten-year plan for protected cycle lanes.")
    assert ("h", "What changes") in kinds
    assert ("li", "Secure parking at every station with space for cargo bikes") in kinds
    assert ("quote", "We want cycling to be the obvious choice.") in kinds
    assert ("table", "District | Kilometres") in kinds and ("table", "North | 12") in kinds
    assert ("pre", "lanes = 40") in kinds
    assert kinds[-1] == ("p", "Work starts in the autumn.")
    # The heading repeating the title is not part of the body.
    assert "Council publishes" not in a.text
    assert [(a.text[k.start:k.end], k.href) for k in a.links] == [("protected cycle lanes", "https://example.org/plan")]


def test_markdown_title_from_first_heading(tmp_path: Path) -> None:
    f = tmp_path / "x.md"
    f.write_text("# Snow closes mountain pass\n\nThe pass *will* reopen on Friday.\n", encoding="utf-8")
    [a] = load_file(f)
    assert a.title == "Snow closes mountain pass"
    assert a.text == "The pass will reopen on Friday."
