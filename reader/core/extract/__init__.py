"""Main-content extraction and metadata for HTML pages (Qt-free, never fetches anything)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.article import Block
from reader.core.extract.blocks import RawBlock, collect_blocks
from reader.core.extract.content import main_blocks
from reader.core.extract.dom import parse_html, strip_never_text
from reader.core.extract.language import guess_language
from reader.core.extract.metadata import PageMetadata, read_metadata

__all__ = ["ExtractedPage", "extract_html", "html_fragment_blocks"]

_DEBRIS = re.compile(
    r"^(?:advertisement|advertising|sponsored|share( this( article| story)?)?|share on \w+|tweet|email|print|"
    r"read more|continue reading.*|see also|related( articles| stories)?|click here.*|sign up.*|subscribe.*|"
    r"(?:image|photo|picture)( credit)?:?.*|credit:?.*|loading\W*|close|menu|skip to .*|back to top|"
    r"follow us.*|comments?|\d+ comments?)$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|written by|posted by|words by)\s+\S", re.I)


@dataclass
class ExtractedPage:
    """The readable part of a page and its metadata."""

    title: str
    blocks: list[Block]
    meta: PageMetadata


def _same_text(a: str, b: str) -> bool:
    norm = re.compile(r"\W+")
    return bool(a) and norm.sub("", a).lower() == norm.sub("", b).lower()


def _is_debris(b: RawBlock, meta: PageMetadata, title: str) -> bool:
    text = b.text
    if len(text) > 120 or b.kind in ("table", "pre"):
        return False
    if _same_text(text, title) or _same_text(text, meta.h1):
        return True
    if meta.byline and (_same_text(text, meta.byline) or _same_text(text, "by " + meta.byline)):
        return True
    if _BYLINE.match(text) and len(text) < 80 and not text.rstrip().endswith((".", "!", "?")):
        return True
    return bool(_DEBRIS.match(text.strip(" .:|•·-—")))


def to_blocks(raw: list[RawBlock]) -> list[Block]:
    return [Block(b.text, b.kind, b.level) for b in raw]


def extract_html(html: str, *, url: str = "") -> ExtractedPage | None:
    """The main article of an HTML page as blocks plus metadata; None when there is no markup."""
    root = parse_html(html)
    if root is None:
        return None
    meta = read_metadata(root, url)
    strip_never_text(root)
    body = root.find(".//body")
    if body is None:
        body = root
    raw = main_blocks(body)
    title = meta.title or meta.h1
    kept = [b for b in raw if not _is_debris(b, meta, title)]
    blocks = to_blocks(kept)
    if not meta.language:
        meta.language = guess_language(" ".join(b.text for b in blocks))
    return ExtractedPage(title=title, blocks=blocks, meta=meta)


def html_fragment_blocks(html: str) -> list[Block]:
    """Blocks of an HTML fragment taken whole (a feed entry's content, an e-mail part)."""
    root = parse_html(f"<html><body>{html}</body></html>")
    if root is None:
        return []
    strip_never_text(root)
    body = root.find(".//body")
    return to_blocks(collect_blocks(body if body is not None else root))
