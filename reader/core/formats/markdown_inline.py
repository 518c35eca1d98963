"""The text a reader sees in one run of inline Markdown tokens, with its links as offsets.

markdown-it-py has already applied CommonMark's rules (backslash escapes, entities, emphasis, code
spans); here markers are dropped, breaks become spaces, images are left out (they carry no body text)
and every link keeps its resolved address, if it is one we are willing to hand to a browser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from reader.core.article import Link

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_KEPT_SCHEMES = frozenset({"http", "https", "mailto", "file"})
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")
_HIDDEN_HTML = re.compile(r"<(script|style)\b", re.I)
# Inline tags that stand between words as a break does: without a space `one<br>two` reads `onetwo`.
_BREAKING_HTML = re.compile(r"</?(?:br|hr|p|div|li|tr|td|th|h[1-6])\b", re.I)


def kept_href(href: str) -> str | None:
    """`href` when it is http(s), mailto, file or relative (a path, `#part`, a Windows drive path), else None.

    White space and control characters are ignored when judging the scheme, as browsers do, so
    `java\\tscript:` is still recognised and dropped.
    """
    bare = _CONTROL_OR_SPACE.sub("", href)
    if not bare:
        return None
    m = _SCHEME.match(bare)
    if m is None:
        # No scheme before the first ':' means relative, unless a ':' comes before any '/', '?' or '#'.
        head = re.split(r"[/?#]", bare, maxsplit=1)[0]
        return None if ":" in head else href
    scheme = m.group(1).lower()
    if scheme in _KEPT_SCHEMES or len(scheme) == 1:  # one letter: a Windows drive, `C:/Users/me/a.html`
        return href
    return None


class InlineText:
    """Accumulates the visible text of inline tokens and the links over it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.links: list[Link] = []

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.size += len(text)

    def add_tokens(self, tokens: Sequence[Token]) -> None:
        """Append the visible text of `tokens` (an inline token's children)."""
        link_start: int | None = None
        link_href: str | None = None
        hidden: str | None = None  # the closing tag of an inline <script>/<style> being skipped
        for token in tokens:
            kind = token.type
            if hidden is not None:
                if kind == "html_inline" and token.content.lower().startswith(hidden):
                    hidden = None
                continue
            if kind in ("text", "code_inline"):
                self.add(token.content)
            elif kind in ("softbreak", "hardbreak"):
                self.add(" ")
            elif kind == "link_open":
                link_start, link_href = self.size, kept_href(str(token.attrGet("href") or ""))
            elif kind == "link_close":
                if link_start is not None and link_href is not None and self.size > link_start:
                    self.links.append(Link(link_start, self.size, link_href))
                link_start = link_href = None
            elif kind == "html_inline" and (m := _HIDDEN_HTML.match(token.content)):
                hidden = f"</{m.group(1).lower()}"
            elif kind == "html_inline" and _BREAKING_HTML.match(token.content):
                self.add(" ")
            # Images, emphasis markers and other inline HTML tags add no text.

    @property
    def text(self) -> str:
        return "".join(self.parts)


def inline_text(token: Token) -> tuple[str, tuple[Link, ...]]:
    """The visible text of one `inline` token and the links over it (offsets into that text)."""
    out = InlineText()
    out.add_tokens(token.children or ())
    return out.text, tuple(out.links)
