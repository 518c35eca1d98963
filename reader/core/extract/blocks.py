"""Walk an HTML subtree and emit structural blocks (paragraphs, headings, list items, rows...).

Each block keeps the `<a href>` spans over its text as `Link`s (offsets into the block's text, the
href as written in the page: `links.resolve_links` turns them into absolute addresses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from reader.core.article import Block, Link, clean_block
from reader.core.extract.dom import BLOCK_TAGS, tag_of, text_of

_WS = re.compile(r"\s+")
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_OWN_KIND = {"li": "li", "dt": "li", "dd": "li", "blockquote": "quote", "figcaption": "caption", "caption": "caption"}
# Symbols a page puts in a heading as its permalink ("Section title #"); never part of the heading's text.
_PERMALINK = frozenset({"", "#", "¶", "§", "🔗", "⚓", "∞", "link", "permalink", "anchor"})
# Inside <pre>, these start a new line of code (pages that wrap each line in an element of its own).
_PRE_LINE_TAGS = frozenset({"div", "p", "li", "tr"})
_GLUED_END = re.compile(r"[.!?:)”\"'’]$")


@dataclass
class RawBlock:
    """A block with the facts content selection needs: link text share and its element."""

    text: str
    kind: str
    level: int
    link_chars: int
    element: etree._Element
    links: tuple[Link, ...] = ()  # offsets into `text`; hrefs as written in the page

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


class _Collector:
    """Accumulates inline text and cuts it into blocks at block-element boundaries."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.parts: list[str] = []
        self.length = 0  # characters in `parts`
        self.links: list[Link] = []
        self.flushes = 0  # a link is kept only when no block boundary fell inside it
        self.link_chars = 0
        self.pending_br = False

    def add(self, text: str | None, in_link: bool) -> None:
        if not text:
            return
        self.parts.append(text)
        self.length += len(text)
        if in_link:
            self.link_chars += len(" ".join(text.split()))  # = _WS.sub(" ", text).strip(), faster
        if text.strip():
            self.pending_br = False

    def separate(self, text: str | None) -> None:
        """A space between an element's text and what came before, when they would read as one word.

        A caption and its credit in sibling elements ("...on Thursday." + "Anthony Wallace / AFP")
        are laid out apart by the page's style sheet, which we do not have.
        """
        if text and text[:1].isupper() and self.parts and _GLUED_END.search(self.parts[-1]):
            self.add(" ", False)

    def flush(self, kind: str, level: int, el: etree._Element) -> None:
        raw = "".join(self.parts)
        text = " ".join(raw.split())  # = _WS.sub(" ", raw).strip(): split() breaks at the same characters
        if text:
            links: tuple[Link, ...] = ()
            if self.links:
                links = clean_block(Block(raw, "p", 0, tuple(self.links))).links
            self.blocks.append(RawBlock(text, kind, level, min(self.link_chars, len(text)), el, links))
        self.parts.clear()
        self.links.clear()
        self.length = 0
        self.link_chars = 0
        self.flushes += 1


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


def _inline(el: etree._Element, *, pre: bool = False) -> tuple[str, list[Link]]:
    """All text under `el` as one run, with its links; in `pre`, <br> and line elements end a line."""
    parts: list[str] = []
    links: list[Link] = []
    size = 0

    def walk(node: etree._Element, in_link: bool) -> None:
        nonlocal size
        tag = tag_of(node)
        if pre and tag == "br":
            parts.append("\n")
            size += 1
        start = size
        if node.text:
            parts.append(node.text)
            size += len(node.text)
        for child in node:
            walk(child, in_link or tag == "a")
            if child.tail:
                parts.append(child.tail)
                size += len(child.tail)
        if pre and tag in _PRE_LINE_TAGS and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
            size += 1
        href = node.get("href") if tag == "a" and not in_link else None
        if href is not None and size > start:
            links.append(Link(start, size, href))

    walk(el, False)
    return "".join(parts), links


def _cell(el: etree._Element) -> Block:
    raw, links = _inline(el)
    return clean_block(Block(raw, "p", 0, tuple(links)))


def _table_rows(table: etree._Element, c: _Collector) -> None:
    for tr in table.iter("tr"):
        cells = [cell for cell in (_cell(td) for td in tr if tag_of(td) in ("td", "th")) if cell.text]
        if not cells:
            continue
        links: list[Link] = []
        pos = 0
        for cell in cells:
            links.extend(Link(pos + k.start, pos + k.end, k.href) for k in cell.links)
            pos += len(cell.text) + 3
        text = " | ".join(cell.text for cell in cells)
        linked = sum(len(text_of(a).strip()) for a in tr.iter("a"))
        c.blocks.append(RawBlock(text, "table", 0, min(linked, len(text)), tr, tuple(links)))
    caption = table.find("caption")
    if caption is not None:
        block = _cell(caption)
        if block.text:
            c.blocks.append(RawBlock(block.text, "caption", 0, 0, caption, block.links))


def _label_value_pairs(el: etree._Element) -> list[tuple[etree._Element, etree._Element, etree._Element]] | None:
    """An infobox's (row, label, value) elements: a <dl> of short terms, or rows of two short leaves each.

    None when the element is not such a box (fewer than three pairs, a label that reads like a sentence).
    """
    children = [x for x in el if tag_of(x)]
    if tag_of(el) == "dl":
        if len(children) % 2 or [tag_of(x) for x in children] != ["dt", "dd"] * (len(children) // 2):
            return None
        pairs = [(children[i], children[i], children[i + 1]) for i in range(0, len(children), 2)]
    else:
        if (el.text or "").strip() or any(len(x) != 2 or (x.text or "").strip() for x in children):
            return None
        pairs = [(x, x[0], x[1]) for x in children]
    if len(pairs) < 3:
        return None
    for _row, label, value in pairs:
        name, said = " ".join(text_of(label).split()), " ".join(text_of(value).split())
        if not (0 < len(name) <= 40 and 0 < len(said) <= 100) or _GLUED_END.search(name) and not name.endswith(":"):
            return None
        if (label.tail or "").strip() or _has_blocks(label) or _has_blocks(value):
            return None  # text between the two, or a value that is a block of its own: not a simple box
    return pairs


def _pair_rows(pairs: list[tuple[etree._Element, etree._Element, etree._Element]], c: _Collector) -> None:
    for row, label, value in pairs:
        name, said = _cell(label), _cell(value)
        at = len(name.text) + 3
        links = (*name.links, *(Link(at + k.start, at + k.end, k.href) for k in said.links))
        text = f"{name.text} | {said.text}"
        linked = sum(k.end - k.start for k in links)
        c.blocks.append(RawBlock(text, "table", 0, min(linked, len(text)), row, links))


def _has_blocks(el: etree._Element) -> bool:
    return any(tag_of(x) in BLOCK_TAGS for x in el.iterdescendants())


def _is_permalink(el: etree._Element) -> bool:
    """An anchor in a heading that only marks the heading's own address ("#", "¶", "🔗")."""
    return " ".join(text_of(el).split()).lower() in _PERMALINK


def _walk(el: etree._Element, c: _Collector, kind: str, in_link: bool) -> None:
    tag = tag_of(el)
    if tag == "br":
        if c.pending_br:
            c.flush(kind, 0, el.getparent() if el.getparent() is not None else el)
        c.pending_br = True
        c.add(" ", False)
        c.add(el.tail, in_link)
        return
    if tag not in BLOCK_TAGS:
        if tag == "a" and kind == "h" and _is_permalink(el):
            c.add(el.tail, in_link)
            return
        _inline_element(el, c, kind, in_link)
        return
    parent = el.getparent()
    owner = parent if parent is not None else el
    c.flush(kind, 0, owner)
    if tag == "pre":
        raw, links = _inline(el, pre=True)
        block = clean_block(Block(raw, "pre", 0, tuple(links)))
        if block.text.strip():
            c.blocks.append(RawBlock(block.text, "pre", 0, 0, el, block.links))
    elif tag == "table" and _is_data_table(el):
        _table_rows(el, c)
    elif len(el) >= 3 and (pairs := _label_value_pairs(el)):
        _pair_rows(pairs, c)
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


def _inline_element(el: etree._Element, c: _Collector, kind: str, in_link: bool) -> None:
    """An inline element's text (and its link span, for an <a href> not inside another link)."""
    is_link = tag_of(el) == "a"
    c.separate(el.text)
    start, flushes = c.length, c.flushes
    c.add(el.text, in_link or is_link)
    for child in el:
        _walk(child, c, kind, in_link or is_link)
    href = el.get("href") if is_link and not in_link else None
    if href is not None and c.flushes == flushes and c.length > start:
        c.links.append(Link(start, c.length, href))
    c.separate(el.tail)
    c.add(el.tail, in_link)


def collect_blocks(root: etree._Element) -> list[RawBlock]:
    """All text blocks under `root`, in document order."""
    c = _Collector()
    _walk(root, c, "p", False)
    c.flush("p", 0, root)
    return c.blocks
