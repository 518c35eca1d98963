"""A note's Markdown shown as its words (the highlights list)."""

from __future__ import annotations

from reader.core.export.note_plain import note_plain_text


def test_markup_goes_and_the_words_stay() -> None:
    assert note_plain_text("**Bold**, _it_ and `code` [the deal](https://example.org)") == "Bold, it and code the deal"
    assert note_plain_text("# Title\n\nText  \nnext line") == "Title\nText\nnext line"


def test_lists_keep_their_bullets_and_numbers() -> None:
    assert note_plain_text("- one\n- *two*\n\n3. c\n4. d") == "• one\n• two\n3. c\n4. d"
    assert note_plain_text("- a\n  - b") == "• a\n  • b"


def test_html_and_images_are_shown_as_typed_never_run() -> None:
    assert note_plain_text("<b>raw</b> ![a chart](c.png)") == "<b>raw</b> [a chart]"
    assert note_plain_text("   ") == ""
