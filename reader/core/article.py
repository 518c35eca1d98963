"""The immutable article record every loader produces and every view reads."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

BLOCK_SEPARATOR = "\n\n"

BLOCK_KINDS = ("p", "h", "li", "quote", "table", "caption", "pre")


@dataclass(frozen=True)
class Link:
    """A link over part of a text: `start`/`end` are offsets into the block (or article) text.

    Links are only ever shown and, on the user's confirmed click, handed to the system browser;
    the program never fetches them.
    """

    start: int
    end: int
    href: str


@dataclass(frozen=True)
class Block:
    """One structural piece of an article body: paragraph, heading, list item, quote..."""

    text: str
    kind: str = "p"
    level: int = 0  # heading level (1-6) for "h", nesting depth for "li"
    links: tuple[Link, ...] = ()  # offsets into this block's `text`


@dataclass(frozen=True)
class Article:
    """An article as read from disk.

    `text` is the body: the blocks' texts joined by a blank line. Every position in the
    program (entity spans, highlights, search hits) is a character offset into `text`.
    """

    id: str
    title: str
    blocks: tuple[Block, ...]
    path: str = ""
    format: str = ""
    byline: str = ""
    published: str = ""  # ISO 8601 date or date-time, "" when unknown
    source: str = ""
    url: str = ""
    language: str = ""
    description: str = ""
    image: str = ""
    tags: tuple[str, ...] = ()
    text: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", BLOCK_SEPARATOR.join(b.text for b in self.blocks))

    @property
    def paragraphs(self) -> list[str]:
        """The blocks' texts, in order."""
        return [b.text for b in self.blocks]

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def links(self) -> tuple[Link, ...]:
        """Every block's links, with offsets into `text`."""
        out: list[Link] = []
        for block, (start, _end) in zip(self.blocks, self.block_spans(), strict=True):
            out.extend(Link(start + k.start, start + k.end, k.href) for k in block.links)
        return tuple(out)

    def block_spans(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each block inside `text`."""
        spans = []
        pos = 0
        for b in self.blocks:
            spans.append((pos, pos + len(b.text)))
            pos += len(b.text) + len(BLOCK_SEPARATOR)
        return spans


_WS = re.compile(r"\s+")


def article_id(title: str, text: str) -> str:
    """A stable id from the normalised title and text, so notes survive renames and moves."""
    import hashlib  # here: the window, which reads ids from the cache, need not load OpenSSL (3.5 MB)

    norm = " ".join(f"{title}\n{text}".split()).casefold()  # = _WS.sub(" ", ...).strip(), 3-5x faster
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:20]


def clean_block_text(text: str) -> str:
    """Collapse runs of white space inside a block into single spaces."""
    # str.split() splits at the characters `\s` matches (both ask Py_UNICODE_ISSPACE): the same result as
    # _WS.sub(" ", text).strip(), several times faster (an import cleans every paragraph of every file)
    return " ".join(text.split())


def _shifted(text: str, cleaned: str, links: tuple[Link, ...]) -> tuple[Link, ...]:
    """`links` (offsets into `text`) moved onto `cleaned` = clean_block_text(text)."""
    lead = len(text) - len(text.lstrip())
    runs: list[tuple[int, int, int]] = []  # (start, end) of each white-space run, and its offset in `cleaned`
    gone = lead
    for m in _WS.finditer(text, lead):
        runs.append((m.start(), m.end(), m.start() - gone))
        gone += m.end() - m.start() - 1
    run_starts = [r[0] for r in runs]

    def new(pos: int) -> int:
        i = bisect_right(run_starts, pos) - 1
        if pos < lead:
            at = 0
        elif i < 0:
            at = pos - lead
        else:
            start, end, at_run = runs[i]
            at = at_run + (pos > start) + max(0, pos - end)
        return max(0, min(len(cleaned), at))

    out = []
    for k in links:
        a, b = new(k.start), new(k.end)
        while a < b and cleaned[a] == " ":
            a += 1
        while b > a and cleaned[b - 1] == " ":
            b -= 1
        if a < b:
            out.append(Link(a, b, k.href))
    return tuple(out)


def clean_block(block: Block) -> Block:
    """The block with its white space collapsed (kept as is in "pre") and its links moved to match."""
    if block.kind == "pre":
        text = block.text.strip("\n")
        cut = len(block.text) - len(block.text.lstrip("\n"))
        links = tuple(
            Link(max(0, k.start - cut), min(len(text), k.end - cut), k.href) for k in block.links
        )
        return replace(block, text=text, links=tuple(k for k in links if k.start < k.end))
    text = clean_block_text(block.text)
    if text == block.text and all(_kept_as_is(k, text) for k in block.links):
        return block  # already clean (a loader's paragraphs mostly are): the same block, not a copy of it
    return replace(block, text=text, links=_shifted(block.text, text, block.links) if block.links else ())


def _kept_as_is(link: Link, text: str) -> bool:
    """True when `_shifted` gives `link` back unchanged over a text that cleaning left as it was."""
    return 0 <= link.start < link.end <= len(text) and text[link.start] != " " and text[link.end - 1] != " "


def make_article(*, title: str, blocks: list[Block] | tuple[Block, ...], **meta: object) -> Article:
    """Build an Article with cleaned blocks (empty ones dropped) and a content-derived id."""
    cleaned = tuple(c for c in (clean_block(b) for b in blocks) if c.text)
    title = clean_block_text(title)
    body = BLOCK_SEPARATOR.join(b.text for b in cleaned)
    return Article(id=article_id(title, body), title=title, blocks=cleaned, **meta)  # type: ignore[arg-type]
