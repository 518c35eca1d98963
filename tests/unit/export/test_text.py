"""Plain-text export: marks, numbered notes, sections."""

from __future__ import annotations

from reader.core.export import ExportItem, ExportOptions
from reader.core.export.text import to_text, to_text_combined


def test_plain_text_marks_highlights_and_lists_their_notes(item: ExportItem, options: ExportOptions) -> None:
    txt = to_text(item, options)
    assert txt.startswith("Harbour ferry fares rise for the *third* time\n=====")
    assert "Tags: transport, city council, fares" in txt
    assert "will [[raise ferry fares by 12%]][1] from January, [[its board decided on Tuesday.]]" in txt
    assert "[[Commuters]][2] & the <island> routes\n-----" in txt
    assert "Notes on highlights\n-------------------\n\n[1] Check against the 2024 rise (8%)." in txt
    assert "[3] Quote from the union.\n    Second line of the note." in txt
    assert '* "A sentence that was edited away"\n    Orphaned note survives.' in txt
    assert "Note\n----\n\nFollow up with the Authority." in txt
    assert "People: Ines Duarte" in txt
    assert "<" not in txt.replace("<island>", "")  # no markup of any kind


def test_combined_text_separates_articles(item: ExportItem, options: ExportOptions) -> None:
    txt = to_text_combined([item, item], options)
    assert txt.count("-" * 72) == 1 and txt.count("[[raise ferry fares by 12%]][1]") == 2
