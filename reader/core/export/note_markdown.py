"""Notes are written in Markdown; HTML and PDF exports show them rendered, as safe, escaped HTML.

markdown-it-py (CommonMark) parses them with raw HTML switched off, so markup a user typed is shown as
text, never run. Qt's rich text engine draws the PDF from the same HTML, so the output keeps to tags it
knows (p, em, strong, code, pre, ul/ol/li, blockquote, h4-h6, a). A link shows its text and its address,
because on paper the address is all a reader can follow; only http(s) addresses become live links.
Images show their description: an export never fetches anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from reader.core.export.item import is_web_url


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return ""


def _link_close(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    # The address goes after the link text: find the link_open this closes (links do not nest in CommonMark).
    start = next((i for i in range(idx - 1, -1, -1) if tokens[i].type == "link_open"), None)
    if start is None:
        return ""
    href = str(tokens[start].attrGet("href") or "")
    text = "".join(t.content for t in tokens[start + 1 : idx] if t.type in ("text", "code_inline"))
    if not href or href in (text, f"mailto:{text}"):
        return ""  # an autolink already shows its address
    shown = escape(href)
    if is_web_url(href):
        shown = f'<a href="{escape(href, quote=True)}">{shown}</a>'
    return f" ({shown})"


def _image(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    alt = "".join(t.content for t in token.children or () if t.type == "text") or "image"
    return f"[{escape(alt)}]"


def _heading_open(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    # A note's headings sit inside an article that has its own h1-h3: keep them below those.
    level = min(6, int(tokens[idx].tag[1:]) + 3)
    return f"<h{level}>"


def _heading_close(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    level = min(6, int(tokens[idx].tag[1:]) + 3)
    return f"</h{level}>\n"


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": True})
    md.disable(["table"], ignoreInvalid=True)
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    md.add_render_rule("image", _image)
    md.add_render_rule("heading_open", _heading_open)
    md.add_render_rule("heading_close", _heading_close)
    return md


def note_html(text: str, lead: str = "") -> str:
    """A note's Markdown as escaped HTML; `lead` (trusted markup, e.g. the note's number) opens the first paragraph.

    When the note does not start with a paragraph (a list, a quote), the lead gets a paragraph of its own.
    """
    html = _parser().render(text.strip()).strip()
    if not lead:
        return html
    if html.startswith("<p>"):
        return "<p>" + lead + html[3:]
    return f"<p>{lead}</p>{html}"
