"""Showing article and user text in Qt without it ever being read as HTML.

Qt guesses that a tooltip or label is rich text when it starts with something tag-like, and rich text loads
images: a feed item titled `<img src="/dev/zero"> Hover me` would make Qt read /dev/zero (issue 11).
"""

from __future__ import annotations

import html


def escaped_tooltip(*lines: str) -> str:
    """Rich-text tooltip markup whose every line is escaped, so it shows exactly the characters given."""
    shown = [html.escape(part) for line in lines for part in line.splitlines() if part]
    return "<p>" + "<br>".join(shown) + "</p>"
