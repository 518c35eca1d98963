"""A page's main content as blocks, with its metadata: parse, read the metadata, strip, choose, clean."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.article import Block
from reader.core.extract.blocks import RawBlock, collect_blocks
from reader.core.extract.content import main_blocks, strip_furniture
from reader.core.extract.debris import cut_after_end, drop_tail_pitches, is_debris
from reader.core.extract.dom import page_marks, parse_html, strip_never_text
from reader.core.extract.language import guess_language, opening
from reader.core.extract.links import page_base, resolve_links
from reader.core.extract.metadata import PageMetadata, read_metadata


@dataclass
class ExtractedPage:
    """The readable part of a page and its metadata."""

    title: str
    blocks: list[Block]
    meta: PageMetadata


def to_blocks(raw: list[RawBlock], base: str = "") -> list[Block]:
    """Article blocks from raw ones, their links resolved against `base` (see `links.page_base`)."""
    return [Block(b.text, b.kind, b.level, resolve_links(b.links, base) if b.links else ()) for b in raw]


def extract_html(html: str, *, url: str = "") -> ExtractedPage | None:
    """The main article of an HTML page as blocks plus metadata; None when there is no markup."""
    root = parse_html(html)
    if root is None:
        return None
    marks = page_marks(root)  # one walk for the metadata's marks and for what is never text
    meta = read_metadata(root, url, marks)
    base = page_base(root, url or meta.url)  # before <base> goes with the rest of <head>
    strip_never_text(root, marks.never_text)
    body = root.find(".//body")
    if body is None:
        body = root
    title = meta.title or meta.h1
    raw = main_blocks(body, title)
    kept = drop_tail_pitches([b for b in cut_after_end(raw) if not is_debris(b, meta, title)])
    if not kept:
        # No block looked like prose (a very short page): keep whatever readable text there is.
        kept = [b for b in collect_blocks(body) if not is_debris(b, meta, title) and b.link_density < 0.5]
    blocks = to_blocks(kept, base)
    if not meta.language:
        meta.language = guess_language(opening((b.text for b in blocks), " "))
    return ExtractedPage(title=title, blocks=blocks, meta=meta)


def html_fragment_blocks(html: str) -> list[Block]:
    """Blocks of an HTML fragment that is all content (a feed entry, an e-mail part).

    No container is chosen, but share bars, ad labels and closing pitches still go.
    """
    root = parse_html(f"<html><body>{html}</body></html>")
    if root is None:
        return []
    strip_never_text(root)
    body = root.find(".//body")
    if body is None:
        body = root
    strip_furniture(body)
    meta = PageMetadata()
    return to_blocks(drop_tail_pitches([b for b in collect_blocks(body) if not is_debris(b, meta, "")]))
