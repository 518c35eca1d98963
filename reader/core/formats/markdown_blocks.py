"""Markdown body to article blocks, read by markdown-it-py (CommonMark, pipe tables, strikethrough).

Each block token becomes one Block: headings, paragraphs, list items (with their nesting depth),
quotes, fenced and indented code (lines kept), table rows. Raw HTML blocks go through the same
fragment reading as feed entries and e-mails, so a `<table>` or `<ul>` keeps its rows and items.
Reference definitions resolve the links that use them and are never text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.core.article import Block, Link
from reader.core.extract import html_fragment_blocks
from reader.core.formats.markdown_inline import inline_text

# markdown-it skips whatever lies deeper than its nesting limit (a list level takes two: list and item).
# Its search for a link's end costs up to the limit per `[`, so documents are read with the CommonMark
# preset's 20 (nine levels of lists, nineteen of quotes) and only one that reaches it is read again
# with the deep limit, which Python's recursion still affords.
MAX_NESTING = 20
DEEP_NESTING = 100
CELL_SEPARATOR = " | "


class _Reader(MarkdownIt):
    """markdown-it with every link address accepted: `kept_href` decides, and a refused link keeps its text."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's name
        return True


@cache
def _parser(max_nesting: int = MAX_NESTING, front_matter: bool = True) -> MarkdownIt:
    md = _Reader("commonmark", {"maxNesting": max_nesting, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    if front_matter:
        md.use(front_matter_plugin)
    return md


def _tokens(text: str, front_matter: bool = True) -> list[Token]:
    """The block tokens of `text`, read again with the deep limit when the first reading reached its own."""
    tokens = _parser(MAX_NESTING, front_matter).parse(text)
    if any(t.level >= MAX_NESTING - 1 for t in tokens):
        tokens = _parser(DEEP_NESTING, front_matter).parse(text)
    return tokens


@dataclass
class ParsedMarkdown:
    """A Markdown file read: its front matter's text (None without one) and its body as blocks."""

    front_matter: str | None
    blocks: list[Block] = field(default_factory=list)


class _Walker:
    """Turns the flat block-token stream into Blocks, tracking lists and quotes around each one."""

    def __init__(self) -> None:
        self.out = ParsedMarkdown(None)
        self.containers: list[str] = []  # "list", "item" or "quote", outermost first
        self.pending: tuple[str, int] | None = None  # the kind and level of the next inline token
        self.row: list[tuple[str, tuple[Link, ...]]] | None = None
        self.html: list[str] = []

    def context(self) -> tuple[str, int]:
        """The kind and level a paragraph takes here: "li" inside an item, "quote" inside a quote."""
        for kind in reversed(self.containers):
            if kind == "item":
                return "li", max(0, self.containers.count("list") - 1)
            if kind == "quote":
                return "quote", 0
        return "p", 0

    def walk(self, tokens: list[Token]) -> ParsedMarkdown:
        for token in tokens:
            if token.type != "html_block":
                self.flush_html()
            self.step(token)
        self.flush_html()
        return self.out

    def step(self, token: Token) -> None:
        kind = token.type
        if kind == "front_matter":
            self.out.front_matter = token.content
        elif kind == "html_block":
            self.html.append(token.content)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            self.containers.append("list")
        elif kind == "list_item_open":
            self.containers.append("item")
        elif kind == "blockquote_open":
            self.containers.append("quote")
        elif kind in ("bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close"):
            self.containers.pop()
        elif kind == "heading_open":
            self.pending = ("h", int(token.tag[1:]))
        elif kind == "paragraph_open":
            self.pending = self.context()
        elif kind in ("code_block", "fence"):
            code = token.content[:-1] if token.content.endswith("\n") else token.content
            self.out.blocks.append(Block(code, "pre"))
        elif kind == "tr_open":
            self.row = []
        elif kind in ("th_open", "td_open"):
            self.pending = ("cell", 0)
        elif kind == "tr_close":
            self.add_row()
        elif kind == "inline":
            self.add_inline(token)

    def add_inline(self, token: Token) -> None:
        if self.pending is None:
            return
        text, links = inline_text(token)
        kind, level = self.pending
        self.pending = None
        if kind == "cell":
            if self.row is not None:
                self.row.append((text.strip(), links))
            return
        self.out.blocks.append(Block(text, kind, level, links))

    def add_row(self) -> None:
        """A table row as one block: its cells (empty ones too, so columns stay in place) joined by ` | `."""
        cells, self.row = self.row or [], None
        parts: list[str] = []
        links: list[Link] = []
        at = 0
        for text, cell_links in cells:
            links.extend(Link(at + k.start, at + k.end, k.href) for k in cell_links)
            parts.append(text)
            at += len(text) + len(CELL_SEPARATOR)
        if any(parts):
            self.out.blocks.append(Block(CELL_SEPARATOR.join(parts), "table", 0, tuple(links)))

    def flush_html(self) -> None:
        """Read the HTML blocks collected since the last Markdown block as one fragment.

        CommonMark ends an HTML block at a blank line, so a table with blank lines between its rows
        arrives in pieces; joined again, it is read as the one table it is.
        """
        if not self.html:
            return
        fragment, self.html = "".join(self.html), []
        kind, level = self.context()
        for block in html_fragment_blocks(fragment):
            if block.kind == "p" and kind != "p":
                block = replace(block, kind=kind, level=level)
            self.out.blocks.append(block)


def parse_markdown(text: str, *, front_matter: bool = True) -> ParsedMarkdown:
    """The front matter (as text) and the body blocks of a Markdown document.

    With `front_matter=False` opening `---` lines are plain CommonMark (a rule, a setext underline).
    """
    return _Walker().walk(_tokens(text, front_matter))
