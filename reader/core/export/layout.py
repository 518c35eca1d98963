"""Cut an article into per-block runs of text carrying their highlights, entity type and link, for every renderer.

Highlights and entity spans are offsets into Article.text and may cross block boundaries; each block gets
its own clipped pieces so a renderer never has to open a mark in one paragraph and close it in the next.
Runs are also cut at link ends, so a renderer can wrap consecutive runs of one link in one element and
nest highlight and entity marks inside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.annotation import Highlight
from reader.core.article import Block, Link
from reader.core.export.item import EntityLike, ExportItem
from reader.core.styles import entity_plural


@dataclass(frozen=True)
class Run:
    """A stretch of one block's text with the same highlights, entity type and link throughout."""

    text: str
    start: int  # offset into Article.text
    end: int
    highlights: tuple[Highlight, ...]  # those covering the run, outermost first
    entity: str | None = None
    link: Link | None = None  # with offsets into Article.text

    @property
    def top(self) -> Highlight | None:
        """The highlight drawn on top (the innermost, i.e. the one that started last)."""
        return self.highlights[-1] if self.highlights else None


@dataclass(frozen=True)
class BlockLayout:
    """One block cut into runs, with the highlights whose last piece lies in it (their notes go after it)."""

    block: Block
    start: int
    end: int
    runs: tuple[Run, ...]
    ending: tuple[Highlight, ...]

    def ends_at(self, offset: int) -> list[Highlight]:
        """Highlights whose last piece ends exactly at `offset` inside this block."""
        return [h for h in self.ending if min(h.end, self.end) == offset]


@dataclass(frozen=True)
class Layout:
    """The whole article as laid-out blocks, the numbered placed highlights, and the ones without a place."""

    blocks: tuple[BlockLayout, ...]
    numbers: dict[str, int]  # id -> 1-based number in text order, for highlights that have a note
    placed: tuple[Highlight, ...]
    unplaced: tuple[Highlight, ...]


def _non_overlapping(spans: Sequence[EntityLike], n: int) -> list[EntityLike]:
    """Entity spans inside the text, first one wins where two overlap."""
    out: list[EntityLike] = []
    last_end = -1
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if 0 <= s.start < s.end <= n and s.start >= last_end:
            out.append(s)
            last_end = s.end
    return out


def _non_overlapping_links(links: Sequence[Link]) -> list[Link]:
    """Links in text order, the first one winning where two overlap (an element cannot hold two hrefs)."""
    out: list[Link] = []
    for k in sorted(links, key=lambda k: (k.start, -k.end)):
        if k.start < k.end and (not out or k.start >= out[-1].end):
            out.append(k)
    return out


def _runs(
    text: str, b_start: int, b_end: int, hls: list[Highlight], ents: list[EntityLike], links: list[Link]
) -> tuple[Run, ...]:
    points = {b_start, b_end}
    edges = [(h.start, h.end) for h in hls] + [(e.start, e.end) for e in ents] + [(k.start, k.end) for k in links]
    for start, end in edges:
        points.update((max(start, b_start), min(end, b_end)))
    cuts = sorted(p for p in points if b_start <= p <= b_end)
    runs = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        cover = tuple(h for h in hls if h.start <= a and h.end >= b)
        ent = next((e.type for e in ents if e.start <= a and e.end >= b), None)
        link = next((k for k in links if k.start <= a and k.end >= b), None)
        runs.append(Run(text[a:b], a, b, cover, ent, link))
    return tuple(runs)


def layout(item: ExportItem) -> Layout:
    """Lay the item's article out block by block; highlights touching no block's text count as unplaced."""
    article = item.article
    text = article.text
    candidates = item.placed_highlights()
    ents = _non_overlapping(item.entities or (), len(text)) if item.entities else []
    blocks: list[BlockLayout] = []
    last_block: dict[str, int] = {}
    spans = article.block_spans()
    for i, (block, (b_start, b_end)) in enumerate(zip(article.blocks, spans, strict=True)):
        hls = [h for h in candidates if h.start < b_end and h.end > b_start]
        for h in hls:
            last_block[h.id] = i
        b_ents = [e for e in ents if e.start < b_end and e.end > b_start]
        links = [Link(b_start + k.start, b_start + k.end, k.href) for k in _non_overlapping_links(block.links)]
        runs = _runs(text, b_start, b_end, hls, b_ents, [k for k in links if k.end <= b_end])
        blocks.append(BlockLayout(block, b_start, b_end, runs, ()))
    placed = tuple(h for h in candidates if h.id in last_block)
    final = []
    for i, bl in enumerate(blocks):
        ending = tuple(h for h in placed if last_block[h.id] == i)
        final.append(BlockLayout(bl.block, bl.start, bl.end, bl.runs, ending))
    # Only highlights with a note get a number, so note markers run 1, 2, 3 without gaps.
    numbers = {h.id: n for n, h in enumerate((h for h in placed if h.note.strip()), start=1)}
    placed_ids = {h.id for h in placed}
    unplaced = tuple(h for h in item.highlights if h.id not in placed_ids)
    return Layout(tuple(final), numbers, placed, unplaced)


def entity_index(item: ExportItem) -> dict[str, list[str]]:
    """Distinct entity names per type, in order of first mention (for the entity lists)."""
    out: dict[str, list[str]] = {}
    for e in sorted(item.entities or (), key=lambda s: s.start):
        name = " ".join(e.text.split())
        names = out.setdefault(e.type, [])
        if name and name not in names:
            names.append(name)
    return out


def entity_label(entity_type: str) -> str:
    """A plural, human heading for an entity type, as the reading pane names it."""
    return entity_plural(entity_type)
