"""Keep article content inside its escaping in exports: code fences, tags, links, control characters.

Separate from the format modules so that what comes from a (possibly hostile) article is handled in one
place: a feed's tag or a `<pre>` block must never become an image, a link to `javascript:`, or close a fence.
"""

from __future__ import annotations

import re

from reader.core.safe_text import escape_json_controls, is_link_url, strip_controls

_BACKTICK_RUN = re.compile(r"`+")
_NOT_TAG_CHAR = re.compile(r"[^\w/-]+")
_LINK_TARGET_SPECIAL = re.compile(r"([\\()<>])")


def code_fence(text: str) -> str:
    """A backtick fence longer than any backtick run inside `text`, so no line of it can close the fence."""
    longest = max((len(m.group()) for m in _BACKTICK_RUN.finditer(text)), default=0)
    return "`" * max(3, longest + 1)


def markdown_tag(tag: str) -> str:
    """`#tag` for Obsidian and Logseq: every run of characters other than letters, digits, _ / - becomes "-".

    A feed's `![t](http://x/)` becomes the plain tag `#t-http-//x`; "" when nothing is left.
    """
    word = _NOT_TAG_CHAR.sub("-", tag).strip("-/")
    return f"#{word}" if word else ""


def markdown_autolink(url: str) -> str | None:
    """`<url>` for an http, https or mailto address that can sit in an autolink; None for any other."""
    if not is_link_url(url) or any(c in url for c in "<>`\\"):
        return None
    return f"<{url}>"


def markdown_link_target(url: str) -> str:
    """The destination of `[text](url)` for an http, https or mailto address, "" for any other.

    Backslash-escaping \\ ( ) < > keeps the destination in one piece whatever it holds (a CommonMark
    destination may hold escaped punctuation); addresses with spaces or controls never become links.
    """
    if not is_link_url(url):
        return ""
    return _LINK_TARGET_SPECIAL.sub(r"\\\1", url)


def clean_output(fmt: str, text: str) -> str:
    """A rendered export without control characters: stripped, or as `\\uXXXX` escapes in JSON (lossless)."""
    return escape_json_controls(text) if fmt == "json" else strip_controls(text)
