"""Re-anchoring highlights after the article text changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchoring import _myers_scores, anchor, locate, make_quote, reanchor_highlights
from reader.core.annotation import Highlight

TEXT = (
    "The city council met on Monday evening to discuss the new budget. "
    "After a long debate, the council approved the budget for road repairs and school meals. "
    "Residents who attended the meeting said they were pleased with the outcome, "
    "although some worried about rising property taxes next year."
)
PASSAGE = "approved the budget for road repairs"


def _span(text: str, passage: str) -> tuple[int, int]:
    s = text.index(passage)
    return s, s + len(passage)


def test_make_quote_takes_32_characters_of_context_clipped_at_the_edges() -> None:
    s, e = _span(TEXT, PASSAGE)
    q = make_quote(TEXT, s, e)
    assert q.exact == PASSAGE
    assert q.prefix == TEXT[s - 32 : s] and q.suffix == TEXT[e : e + 32]
    head = make_quote(TEXT, 0, 3)
    assert (head.exact, head.prefix, len(head.suffix)) == ("The", "", 32)


def test_unchanged_text_anchors_at_the_same_position() -> None:
    s, e = _span(TEXT, PASSAGE)
    found = locate(TEXT, s, e, make_quote(TEXT, s, e))
    assert found is not None and (found.start, found.end, found.method) == (s, e, "position")


def test_insertion_before_shifts_the_highlight() -> None:
    s, e = _span(TEXT, PASSAGE)
    q = make_quote(TEXT, s, e)
    new = "UPDATED: corrections were made to this story. " + TEXT
    assert anchor(new, s, e, q) == _span(new, PASSAGE)


def test_insertion_before_with_the_passage_repeated_picks_the_one_with_matching_context() -> None:
    s, e = _span(TEXT, "the budget")  # first "the budget": "...discuss the new budget" has none; it is in sentence 2
    q = make_quote(TEXT, s, e)
    # Insert a sentence that also contains "the budget", before the highlighted one.
    new = TEXT.replace("Monday evening", "Monday evening, when the budget was first read,")
    placed = anchor(new, s, e, q)
    assert placed is not None
    assert new[placed[0] : placed[1]] == "the budget"
    assert new[placed[0] - 10 : placed[0]] == TEXT[s - 10 : s]  # same surroundings, not the inserted copy
    assert placed[0] > new.index("when the budget")


def test_edit_inside_the_passage_is_found_by_the_fuzzy_step() -> None:
    s, e = _span(TEXT, PASSAGE)
    q = make_quote(TEXT, s, e)
    new = TEXT.replace("for road repairs", "for roads repairs")
    found = locate(new, s, e, q)
    assert found is not None and found.method == "fuzzy" and found.distance == 1
    assert new[found.start : found.end] == "approved the budget for roads repairs"


def test_edit_inside_after_insertion_before_is_found_too() -> None:
    s, e = _span(TEXT, PASSAGE)
    q = make_quote(TEXT, s, e)
    new = ("A long new introduction paragraph. " * 5) + TEXT.replace("road repairs", "road repair")
    assert anchor(new, s, e, q) == _span(new, "approved the budget for road repair")


def test_deleted_passage_is_an_orphan() -> None:
    s, e = _span(TEXT, PASSAGE)
    q = make_quote(TEXT, s, e)
    new = TEXT.replace(PASSAGE + " and school meals", "")
    assert anchor(new, s, e, q) is None


def test_deleted_short_passage_is_not_matched_to_a_copy_elsewhere() -> None:
    s, e = _span(TEXT, "the meeting")
    q = make_quote(TEXT, s, e)
    new = TEXT.replace("attended the meeting said", "said") + " We will cover the meeting again tomorrow."
    assert anchor(new, s, e, q) is None


def test_heavily_rewritten_passage_is_an_orphan_not_a_loose_match() -> None:
    s, e = _span(TEXT, PASSAGE)
    q = make_quote(TEXT, s, e)
    new = TEXT.replace(PASSAGE, "voted down the plan to fix streets")
    assert anchor(new, s, e, q) is None


def test_rewritten_context_on_both_sides_still_anchors_at_the_old_position() -> None:
    text = "aaaaaaaaaaaa important words bbbbbbbbbbbb"
    s, e = _span(text, "important words")
    q = make_quote(text, s, e)
    new = "cccccccccccc important words dddddddddddd"
    assert anchor(new, s, e, q) == (s, e)


def test_fuzzy_search_falls_back_to_the_whole_text() -> None:
    s, e = _span(TEXT, PASSAGE)
    q = make_quote(TEXT, s, e)
    new = ("filler text that is not relevant. " * 400) + TEXT.replace("road", "roads")
    assert len(new) > 10_000
    assert anchor(new, s, e, q) == _span(new, "approved the budget for roads repairs")


def _h(hid: str, text: str, passage: str) -> Highlight:
    s, e = _span(text, passage)
    return Highlight(id=hid, article_id="a", start=s, end=e, quote=make_quote(text, s, e), note=f"note {hid}")


def test_reanchor_highlights_keeps_every_highlight_in_order() -> None:
    hs = [_h("1", TEXT, "city council"), _h("2", TEXT, PASSAGE), _h("3", TEXT, "rising property taxes")]
    new = "Breaking. " + TEXT.replace(PASSAGE, "rejected everything")
    out = reanchor_highlights(new, hs)
    assert [h.id for h in out] == ["1", "2", "3"]
    assert (out[0].start, out[0].orphan) == (hs[0].start + 10, False)
    assert out[0].quote == make_quote(new, out[0].start, out[0].end)  # selectors describe the new text
    assert out[1].orphan and out[1].quote == hs[1].quote and out[1].note == "note 2"
    assert new[out[2].start : out[2].end] == "rising property taxes"
    assert reanchor_highlights(TEXT, hs) == hs


def test_an_orphan_comes_back_when_its_passage_returns() -> None:
    h = _h("1", TEXT, PASSAGE)
    gone = reanchor_highlights(TEXT.replace(PASSAGE, "x"), [h])[0]
    assert gone.orphan
    back = reanchor_highlights(TEXT, [gone])[0]
    assert not back.orphan and (back.start, back.end) == (h.start, h.end)


def _edit_distance_to_best_substring(pattern: str, text: str) -> list[int]:
    prev = list(range(len(pattern) + 1))
    out = []
    for ch in text:
        cur = [0]
        for i, p in enumerate(pattern, 1):
            cur.append(min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (p != ch)))
        out.append(cur[-1])
        prev = cur
    return out


@settings(max_examples=150, deadline=None)
@given(st.text("abc", min_size=1, max_size=12), st.text("abcd", max_size=30))
def test_bit_parallel_search_equals_the_textbook_table(pattern: str, text: str) -> None:
    assert _myers_scores(pattern, text, anchored=False) == _edit_distance_to_best_substring(pattern, text)


@settings(max_examples=100, deadline=None)
@given(st.text("abc", min_size=1, max_size=12), st.text("abcd", max_size=30))
def test_anchored_search_is_the_plain_edit_distance_to_each_prefix(pattern: str, text: str) -> None:
    got = _myers_scores(pattern, text, anchored=True)
    assert got == [_plain(pattern, text[: j + 1]) for j in range(len(text))]


def _plain(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def _repetitive_text(seed: int, n_words: int) -> str:
    import random

    rng = random.Random(seed)
    words = "the council budget harbour strike union minister said on Friday after a long debate road".split()
    return " ".join(rng.choice(words) for _ in range(n_words))


def test_deleted_passages_in_repetitive_text_become_orphans() -> None:
    """Right after a deletion one side's context always agrees; fuzzy matching must not take that as enough."""
    import random

    text = _repetitive_text(7, 1500)
    rng = random.Random(3)
    for shortest, longest in ((10, 30), (15, 120)):
        for _ in range(25):
            s = rng.randrange(40, len(text) - 300)
            e = s + rng.randrange(shortest, longest)
            assert anchor(text[:s] + text[e:], s, e, make_quote(text, s, e)) is None


def test_insertions_right_next_to_the_passage_keep_it_anchored() -> None:
    s, e = _span(TEXT, PASSAGE)
    q = make_quote(TEXT, s, e)
    before = TEXT[:s] + "(after much argument) " + TEXT[s:]
    assert anchor(before, s, e, q) == _span(before, PASSAGE)
    after = TEXT[:e] + " [correction: and bridges]" + TEXT[e:]
    assert anchor(after, s, e, q) == (s, e)


def test_small_edits_in_and_around_the_passage_still_anchor() -> None:
    s, e = _span(TEXT, PASSAGE)
    q = make_quote(TEXT, s, e)
    # One typo inside, one right before and one right after the passage.
    new = TEXT.replace(
        "the council approved the budget for road repairs and", "the counsil approved the budgit for road repairs amd"
    )
    found = locate(new, s, e, q)
    assert found is not None and found.method == "fuzzy"
    assert new[found.start : found.end] == "approved the budgit for road repairs"


@settings(max_examples=200, deadline=None)
@given(
    st.text("ab .", min_size=80, max_size=300),
    st.integers(0, 10_000),
    st.integers(1, 40),
    st.text("#$", min_size=1, max_size=50),
    st.integers(0, 10_000),
)
def test_a_unique_passage_follows_any_insertion_before_its_context(
    text: str, at: int, length: int, inserted: str, where: int
) -> None:
    s = 32 + at % (len(text) - 32)
    e = min(len(text), s + length)
    q = make_quote(text, s, e)
    window = q.prefix + q.exact + q.suffix
    first = text.find(window)
    if text.find(window, first + 1) != -1 or s == e:
        return  # an ambiguous passage: any of its copies would be a right answer
    p = where % (s - len(q.prefix) + 1)  # anywhere before the stored context
    new = text[:p] + inserted + text[p:]
    assert anchor(new, s, e, q) == (s + len(inserted), e + len(inserted))
    assert anchor(text, s, e, q) == (s, e)
