"""Markdown export: front matter, ==marks==, footnotes or quotes, note, entities, combined files."""

from __future__ import annotations

import re

from reader.core.article import Block, make_article
from reader.core.export import ExportItem, ExportOptions
from reader.core.export.markdown import escape_md, to_markdown, to_markdown_combined


def _front_matter(md: str) -> dict[str, object]:
    """A tiny reader for the YAML subset we write (string scalars and lists of strings)."""
    import json

    head = md.split("---\n")[1]
    out: dict[str, object] = {}
    key = ""
    for line in head.splitlines():
        if line.startswith("  - "):
            out.setdefault(key, [])
            out[key].append(json.loads(line[4:]))  # type: ignore[union-attr]
        else:
            key, _, value = line.partition(": ")
            key = key.rstrip(":")
            if value:
                out[key] = json.loads(value)
    return out


def test_front_matter_holds_the_metadata_and_all_tags(item: ExportItem, options: ExportOptions) -> None:
    md = to_markdown(item, options)
    fm = _front_matter(md)
    assert fm == {
        "title": "Harbour ferry fares rise for the *third* time", "author": "Mara Okafor",
        "source": "The Coastal Ledger", "url": "https://ledger.example/2026/11/ferry-fares",
        "published": "2026-11-20", "tags": ["transport", "city-council", "fares"], "exported": "2026-11-26T12:00:00Z",
    }  # fmt: skip


def test_highlights_are_marked_and_notes_become_numbered_footnotes(item: ExportItem, options: ExportOptions) -> None:
    md = to_markdown(item, options)
    assert "==raise ferry fares by 12%==[^1]" in md
    assert "==its board decided on Tuesday.==\n\n## ==Commuters==[^2] & the \\<island> routes" in md
    assert "==the third rise in two years==[^3]" in md
    assert "[^1]: Check against the 2024 rise (8%)." in md
    assert "[^3]: Quote from the union.\n    Second line of the note." in md
    assert "```\nroute  old   new\nwren   3.75  4.20\n```\n\n[^4]" in md  # no marks inside code
    refs = re.findall(r"\[\^(\d+)\](?!:)", md)
    defs = re.findall(r"^\[\^(\d+)\]:", md, re.M)
    assert refs == defs == ["1", "2", "3", "4"]


def test_article_note_orphans_and_entities_are_included(item: ExportItem, options: ExportOptions) -> None:
    md = to_markdown(item, options)
    assert "## Note\n\nFollow up with the Authority.\n\n- ask for the budget" in md
    assert "> ==A sentence that was edited away==\n\n> **Note:** Orphaned note survives." in md
    assert "- **People**: Ines Duarte" in md
    assert "- **Organisations**: Harbour Transit Authority, Riders' Union" in md
    assert "## Entities" not in to_markdown(item, ExportOptions(exported=options.exported))


def test_quote_style_puts_notes_under_their_passage(item: ExportItem) -> None:
    md = to_markdown(item, ExportOptions(note_style="quotes", exported="x"))
    assert "[^" not in md
    assert "==raise ferry fares by 12%== from January" in md
    assert "Tuesday.==\n\n> **Note:** Check against the 2024 rise (8%).\n\n## ==Commuters==" in md
    assert "## ==Commuters== & the \\<island> routes\n\n> **Note:** Crosses a block boundary." in md
    assert "> **Note:** Quote from the union.\n> Second line of the note." in md


def test_markdown_syntax_in_the_article_is_escaped() -> None:
    assert escape_md("*a* _b_ [c](d) <e> #f") == "\\*a\\* \\_b\\_ \\[c\\](d) \\<e> \\#f"
    assert escape_md("x == y") == "x \\== y"
    assert escape_md("a=b", in_mark=True) == "a\\=b"
    article = make_article(title="T", blocks=[Block("- not a list"), Block("1. not numbered")])
    md = to_markdown(ExportItem(article), ExportOptions(exported="x"))
    assert "\\- not a list" in md and "1\\. not numbered" in md


def test_combined_markdown_keeps_footnotes_apart(item: ExportItem, options: ExportOptions) -> None:
    md = to_markdown_combined([item, item], options)
    assert md.startswith("---\n") and md.count("\n---\n") == 2  # end of front matter, then between articles
    assert "[^a1-1]: Check against" in md and "[^a2-1]: Check against" in md
    assert "<https://ledger.example/2026/11/ferry-fares> · #transport #city-council #fares" in md
