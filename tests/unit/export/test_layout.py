"""The per-block layout every renderer draws from: clipping at block edges, overlaps, orphans, entities."""

from __future__ import annotations

from dataclasses import replace

from export_helpers import Span
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.annotation import Highlight, TextQuote
from reader.core.article import Block, make_article
from reader.core.export import ExportItem
from reader.core.export.layout import entity_index, layout

ARTICLE = make_article(title="T", blocks=[Block("alpha beta"), Block("gamma delta", "h", 2), Block("epsilon")])


def hl(hid: str, start: int, end: int, note: str = "", orphan: bool = False) -> Highlight:
    text = ARTICLE.text
    return Highlight(hid, ARTICLE.id, start, end, TextQuote(text[start:end]), note=note, orphan=orphan)


def test_a_highlight_across_blocks_is_cut_per_block_and_its_note_follows_the_last_piece() -> None:
    start = ARTICLE.text.index("beta")
    end = ARTICLE.text.index(" delta")
    lay = layout(ExportItem(ARTICLE, (hl("h1", start, end, note="n"),)))
    marked = [[r.text for r in b.runs if r.highlights] for b in lay.blocks]
    assert marked == [["beta"], ["gamma"], []]
    assert [b.ending for b in lay.blocks][1][0].id == "h1"
    assert lay.blocks[0].ending == ()
    assert lay.numbers == {"h1": 1}


def test_orphans_and_out_of_range_highlights_are_unplaced_not_dropped() -> None:
    sep = len("alpha beta")  # a highlight covering only the blank line between blocks touches no text
    items = (hl("ok", 0, 5, note="n"), hl("orph", 0, 5, orphan=True), hl("far", 5, 999), hl("gap", sep, sep + 2))
    lay = layout(ExportItem(ARTICLE, items))
    assert [h.id for h in lay.placed] == ["ok"]
    assert [h.id for h in lay.unplaced] == ["orph", "far", "gap"]


def test_overlapping_highlights_put_the_later_one_on_top_and_number_only_noted_ones() -> None:
    outer, inner = hl("outer", 0, 10, note="o"), hl("inner", 6, 10)
    lay = layout(ExportItem(ARTICLE, (inner, outer)))
    runs = lay.blocks[0].runs
    assert [(r.text, r.top.id if r.top else None) for r in runs] == [("alpha ", "outer"), ("beta", "inner")]
    assert lay.numbers == {"outer": 1}


def test_overlapping_entities_keep_the_first_and_index_by_type() -> None:
    spans = [Span(0, 5, "PER", "alpha"), Span(2, 10, "ORG", "pha beta"), Span(12, 17, "LOC", "gamma")]
    item = ExportItem(ARTICLE, entities=spans)
    runs = [r for b in layout(item).blocks for r in b.runs if r.entity]
    assert [(r.text, r.entity) for r in runs] == [("alpha", "PER"), ("gamma", "LOC")]
    assert entity_index(item) == {"PER": ["alpha"], "ORG": ["pha beta"], "LOC": ["gamma"]}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(ARTICLE.text)), st.integers(1, 12)), max_size=6))
def test_runs_rebuild_every_block_and_cover_exactly_the_highlighted_characters(spans: list[tuple[int, int]]) -> None:
    n = len(ARTICLE.text)
    hls = tuple(hl(f"h{i}", s, min(n, s + w)) for i, (s, w) in enumerate(spans) if s < n)
    lay = layout(ExportItem(ARTICLE, hls))
    for bl in lay.blocks:
        assert "".join(r.text for r in bl.runs) == bl.block.text
        for r in bl.runs:
            for h in hls:
                covers = h.start <= r.start and h.end >= r.end
                assert (h in r.highlights) == covers
    placed_chars = {i for h in lay.placed for i in range(h.start, h.end)}
    marked = {i for bl in lay.blocks for r in bl.runs if r.highlights for i in range(r.start, r.end)}
    in_blocks = {i for s, e in ARTICLE.block_spans() for i in range(s, e)}
    assert marked == placed_chars & in_blocks
    assert {h.id for h in lay.placed} | {h.id for h in lay.unplaced} == {h.id for h in hls}


def test_numbers_follow_text_order_whatever_the_input_order() -> None:
    a, b = hl("a", 0, 3, note="x"), hl("b", 12, 15, note="y")
    assert layout(ExportItem(ARTICLE, (b, a))).numbers == {"a": 1, "b": 2}
    assert layout(ExportItem(ARTICLE, (replace(b, orphan=True), a))).numbers == {"a": 1}
