"""The immutable article record every loader produces and every view reads."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

BLOCK_SEPARATOR = "\n\n"

BLOCK_KINDS = ("p", "h", "li", "quote", "table", "caption", "pre")


@dataclass(frozen=True)
class Block:
    """One structural piece of an article body: paragraph, heading, list item, quote..."""

    text: str
    kind: str = "p"
    level: int = 0  # heading level (1-6) for "h", nesting depth for "li"


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
    norm = _WS.sub(" ", f"{title}\n{text}").strip().casefold()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:20]


def clean_block_text(text: str) -> str:
    """Collapse runs of white space inside a block into single spaces."""
    return _WS.sub(" ", text).strip()


def make_article(*, title: str, blocks: list[Block] | tuple[Block, ...], **meta: object) -> Article:
    """Build an Article with cleaned blocks (empty ones dropped) and a content-derived id."""
    cleaned = tuple(
        Block(clean_block_text(b.text) if b.kind != "pre" else b.text.strip("\n"), b.kind, b.level)
        for b in blocks
    )
    cleaned = tuple(b for b in cleaned if b.text)
    title = clean_block_text(title)
    body = BLOCK_SEPARATOR.join(b.text for b in cleaned)
    return Article(id=article_id(title, body), title=title, blocks=cleaned, **meta)  # type: ignore[arg-type]
