"""Walk an HTML subtree and emit structural blocks (paragraphs, headings, list items, rows...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from reader.core.extract.dom import BLOCK_TAGS, tag_of, text_of

_WS = re.compile(r"\s+")
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_OWN_KIND = {"li": "li", "dt": "li", "dd": "li", "blockquote": "quote", "figcaption": "caption", "caption": "caption"}


@dataclass
class RawBlock:
    """A block with the facts content selection needs: link text share and its element."""

    text: str
    kind: str
    level: int
    link_chars: int
    element: etree._Element

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


class _Collector:
    """Accumulates inline text and cuts it into blocks at block-element boundaries."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.pending_br = False

    def add(self, text: str | None, in_link: bool) -> None:
        if not text:
            return
        self.parts.append(text)
        if in_link:
            self.link_chars += len(_WS.sub(" ", text).strip())
        if text.strip():
            self.pending_br = False

    def flush(self, kind: str, level: int, el: etree._Element) -> None:
        text = _WS.sub(" ", "".join(self.parts)).strip()
        if text:
            self.blocks.append(RawBlock(text, kind, level, min(self.link_chars, len(text)), el))
        self.parts.clear()
        self.link_chars = 0


def _list_depth(el: etree._Element) -> int:
    depth = 0
    parent = el.getparent()
    while parent is not None:
        if tag_of(parent) in ("ul", "ol", "dl"):
            depth += 1
        parent = parent.getparent()
    return max(0, depth - 1)


def _is_data_table(table: etree._Element) -> bool:
    """A table of data (rows of short cells), not a page-layout grid."""
    for el in table.iter():
        tag = tag_of(el)
        if el is not table and tag in ("table", "p", "ul", "ol", "blockquote", "h1", "h2", "h3", "article"):
            return False
    cells = [c for c in table.iter("td", "th")]
    return bool(cells) and all(len(_WS.sub(" ", text_of(c))) < 400 for c in cells)


def _table_rows(table: etree._Element, c: _Collector) -> None:
    for tr in table.iter("tr"):
        cells = [_WS.sub(" ", text_of(td)).strip() for td in tr if tag_of(td) in ("td", "th")]
        cells = [x for x in cells if x]
        if cells:
            links = sum(len(text_of(a).strip()) for a in tr.iter("a"))
            text = " | ".join(cells)
            c.blocks.append(RawBlock(text, "table", 0, min(links, len(text)), tr))
    caption = table.find("caption")
    if caption is not None and text_of(caption).strip():
        c.blocks.append(RawBlock(_WS.sub(" ", text_of(caption)).strip(), "caption", 0, 0, caption))


def _walk(el: etree._Element, c: _Collector, kind: str, in_link: bool) -> None:
    tag = tag_of(el)
    if tag == "br":
        if c.pending_br:
            c.flush(kind, 0, el.getparent() if el.getparent() is not None else el)
        c.pending_br = True
        c.parts.append(" ")
        c.add(el.tail, in_link)
        return
    if tag not in BLOCK_TAGS or tag == "br":
        c.add(el.text, in_link or tag == "a")
        for child in el:
            _walk(child, c, kind, in_link or tag == "a")
        c.add(el.tail, in_link)
        return
    parent = el.getparent()
    owner = parent if parent is not None else el
    c.flush(kind, 0, owner)
    if tag == "pre":
        text = text_of(el).strip("\n")
        if text.strip():
            c.blocks.append(RawBlock(text, "pre", 0, 0, el))
    elif tag == "table" and _is_data_table(el):
        _table_rows(el, c)
    else:
        own = _OWN_KIND.get(tag, kind)
        level = _HEADINGS.get(tag, 0)
        if level:
            own = "h"
        elif own == "li":
            level = _list_depth(el)
        c.add(el.text, in_link)
        for child in el:
            _walk(child, c, own, in_link)
        c.flush(own, level, el)
    c.add(el.tail, in_link)


def collect_blocks(root: etree._Element) -> list[RawBlock]:
    """All text blocks under `root`, in document order."""
    c = _Collector()
    _walk(root, c, "p", False)
    c.flush("p", 0, root)
    return c.blocks
