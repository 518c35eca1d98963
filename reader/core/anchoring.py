"""Placing highlights again when an article's text changes: position, then quote with context, then strict fuzzy.

A highlight remembers a TextPositionSelector (start, end) and a TextQuoteSelector (exact + about 32
characters of prefix and suffix). `anchor` tries, in order: the exact text at the stored position;
the exact text elsewhere, chosen by how well its surroundings match the stored context; and a strict
approximate match (few edits, context on both sides must agree). What cannot be placed is an orphan: it keeps its
quote and note and is never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.core.annotation import Highlight, TextQuote

CONTEXT = 32
# Characters of agreeing context, on each side, that count as evidence the surroundings are the same place.
CONTEXT_EVIDENCE = 8
# ...or this many on one side alone (the whole stored side).
WHOLE_SIDE = 24
# A quote this long that occurs exactly once is trusted even when both sides were rewritten.
SELF_EVIDENT_LENGTH = 32
# Fuzzy matching: quotes shorter than this are too ambiguous; at most one edit per this many characters.
FUZZY_MIN_LENGTH = 8
FUZZY_CHARS_PER_EDIT = 5
# Characters of context next to a fuzzy match that must (nearly) agree, on each side.
FUZZY_CONTEXT = 16
# Fuzzy search first looks this far around the old position, then in the whole text.
FUZZY_NEAR = 4096


@dataclass(frozen=True)
class Anchor:
    """Where a quote was placed and how: 'position', 'quote' or 'fuzzy' (with its edit distance)."""

    start: int
    end: int
    method: str
    distance: int = 0


def make_quote(text: str, start: int, end: int, context: int = CONTEXT) -> TextQuote:
    """The TextQuoteSelector for text[start:end] with up to `context` characters on each side."""
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"span {start}..{end} is outside a text of {len(text)} characters")
    return TextQuote(text[start:end], text[max(0, start - context) : start], text[end : end + context])


def prefix_agreement(text: str, start: int, prefix: str) -> int:
    """How many characters just before `start` equal the end of `prefix`."""
    n = 0
    limit = min(len(prefix), start)
    while n < limit and text[start - 1 - n] == prefix[-1 - n]:
        n += 1
    return n


def suffix_agreement(text: str, end: int, suffix: str) -> int:
    """How many characters from `end` on equal the start of `suffix`."""
    n = 0
    limit = min(len(suffix), len(text) - end)
    while n < limit and text[end + n] == suffix[n]:
        n += 1
    return n


def context_score(text: str, start: int, end: int, quote: TextQuote) -> int:
    return prefix_agreement(text, start, quote.prefix) + suffix_agreement(text, end, quote.suffix)


def context_agrees(text: str, start: int, end: int, quote: TextQuote) -> bool:
    """True when the surroundings say this is the same place: a whole side agrees, or a good part of each side.

    After a deletion, the text on one side of the gap still matches a little; requiring a whole
    side (or some of both) keeps a look-alike phrase elsewhere from being taken for the lost one.
    """
    if not quote.prefix and not quote.suffix:
        return True
    before = prefix_agreement(text, start, quote.prefix)
    after = suffix_agreement(text, end, quote.suffix)
    # A short stored side means the passage was at the start or end of the text: it must be there again.
    before_whole = before == len(quote.prefix) and (before >= WHOLE_SIDE or start == before)
    after_whole = after == len(quote.suffix) and (after >= WHOLE_SIDE or end + after == len(text))
    need_before, need_after = min(len(quote.prefix), CONTEXT_EVIDENCE), min(len(quote.suffix), CONTEXT_EVIDENCE)
    both_partly = before >= need_before and after >= need_after
    return before_whole or after_whole or both_partly


def _occurrences(text: str, exact: str) -> list[int]:
    found = []
    i = text.find(exact)
    while i != -1:
        found.append(i)
        i = text.find(exact, i + 1)
    return found


def _by_quote(text: str, start: int, quote: TextQuote) -> Anchor | None:
    """The exact quote somewhere in the text, the occurrence whose context fits best."""
    m = len(quote.exact)
    hits = _occurrences(text, quote.exact)
    fitting = [s for s in hits if context_agrees(text, s, s + m, quote)]
    if fitting:
        best = max(fitting, key=lambda s: (context_score(text, s, s + m, quote), -abs(s - start)))
        return Anchor(best, best + m, "position" if best == start else "quote")
    if start in hits:  # the context was rewritten on both sides, but the words are still where they were
        return Anchor(start, start + m, "position")
    if len(hits) == 1 and m >= SELF_EVIDENT_LENGTH:
        return Anchor(hits[0], hits[0] + m, "quote")
    return None


def _myers_scores(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Edit distance of `pattern` to the best substring of `text` ending at each position (Myers 1999).

    With `anchored`, the substring must start at text[0] (so the score is the plain edit distance
    to text[:j+1]). Python's big integers hold the bit-vectors, so any pattern length works.
    """
    m = len(pattern)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    pv, mv, score = full, 0, m
    carry = 1 if anchored else 0
    scores = []
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        scores.append(score)
    return scores


def _best_start(text: str, end: int, exact: str, max_edits: int) -> tuple[int, int]:
    """For a match ending at `end`, the start giving the smallest edit distance (and that distance)."""
    lo = max(0, end - len(exact) - max_edits)
    backwards = text[lo:end][::-1]
    scores = _myers_scores(exact[::-1], backwards, anchored=True)
    # Prefer the smallest distance, then the length closest to the quote's.
    j = min(range(len(scores)), key=lambda j: (scores[j], abs(j + 1 - len(exact))))
    return end - (j + 1), scores[j]


def _side_distance(side: str, text_side: str) -> int:
    """Edit distance of `side` to the best-fitting run of `text_side` that starts at text_side[0]."""
    if not side:
        return 0
    if not text_side:
        return len(side)
    return min(_myers_scores(side, text_side, anchored=True))


def _sides_nearly_agree(text: str, start: int, end: int, quote: TextQuote) -> bool:
    """Each side's nearest context matches with at most one edit per FUZZY_CHARS_PER_EDIT characters."""
    before = quote.prefix[-FUZZY_CONTEXT:]
    after = quote.suffix[:FUZZY_CONTEXT]
    slack = FUZZY_CONTEXT // FUZZY_CHARS_PER_EDIT
    # The prefix is compared backwards from `start`, so both strings are reversed.
    text_before = text[max(0, start - len(before) - slack) : start][::-1]
    text_after = text[end : end + len(after) + slack]
    return (
        _side_distance(before[::-1], text_before) <= len(before) // FUZZY_CHARS_PER_EDIT
        and _side_distance(after, text_after) <= len(after) // FUZZY_CHARS_PER_EDIT
    )


def _best_ends(scores: list[int], offset: int, max_edits: int) -> list[int]:
    """One end position per run of good scores (its lowest), as text offsets past the match."""
    ends: list[int] = []
    run_best: tuple[int, int] | None = None  # (score, index)
    for j, d in enumerate([*scores, max_edits + 1]):
        if d <= max_edits:
            if run_best is None or d < run_best[0]:
                run_best = (d, j)
        elif run_best is not None:
            ends.append(offset + run_best[1] + 1)
            run_best = None
    return ends


def _fuzzy_in(text: str, lo: int, hi: int, start: int, quote: TextQuote) -> Anchor | None:
    exact = quote.exact
    max_edits = len(exact) // FUZZY_CHARS_PER_EDIT
    scores = _myers_scores(exact, text[lo:hi], anchored=False)
    candidates = []
    for e in _best_ends(scores, lo, max_edits):
        s, d = _best_start(text, e, exact, max_edits)
        # Both sides must agree: after a deletion one side always does, and that alone proves nothing.
        if d <= max_edits and s < e and _sides_nearly_agree(text, s, e, quote):
            candidates.append(Anchor(s, e, "fuzzy", d))
    if not candidates:
        return None
    return min(
        candidates, key=lambda a: (a.distance, -context_score(text, a.start, a.end, quote), abs(a.start - start))
    )


def _by_fuzzy(text: str, start: int, quote: TextQuote) -> Anchor | None:
    """A close but not exact copy of the quote, with agreeing context; near the old place first."""
    if len(quote.exact) < FUZZY_MIN_LENGTH or not text:
        return None
    lo, hi = max(0, start - FUZZY_NEAR), min(len(text), start + len(quote.exact) + FUZZY_NEAR)
    near = _fuzzy_in(text, lo, hi, start, quote)
    if near is not None or (lo == 0 and hi == len(text)):
        return near
    return _fuzzy_in(text, 0, len(text), start, quote)


def locate(text: str, start: int, end: int, quote: TextQuote) -> Anchor | None:
    """Where the quoted passage is in `text` now, and by which step it was found; None for an orphan."""
    exact = quote.exact
    if not exact:
        return None
    end = start + len(exact)
    # The fast path takes only a perfect fit; anything less is weighed against the other occurrences.
    if text[start:end] == exact and context_score(text, start, end, quote) == len(quote.prefix) + len(quote.suffix):
        return Anchor(start, end, "position")
    return _by_quote(text, start, quote) or _by_fuzzy(text, start, quote)


def anchor(text: str, start: int, end: int, quote: TextQuote) -> tuple[int, int] | None:
    """The passage's (start, end) in `text` now, or None when it cannot be placed (an orphan)."""
    found = locate(text, start, end, quote)
    return None if found is None else (found.start, found.end)


def reanchor_highlight(text: str, h: Highlight) -> Highlight:
    """The highlight placed in the new text (quote refreshed from it), or marked orphan as it was."""
    found = locate(text, h.start, h.end, h.quote)
    if found is None:
        return h if h.orphan else replace(h, orphan=True)
    quote = make_quote(text, found.start, found.end)
    if (found.start, found.end, quote, h.orphan) == (h.start, h.end, h.quote, False):
        return h
    return replace(h, start=found.start, end=found.end, quote=quote, orphan=False)


def reanchor_highlights(text: str, highlights: list[Highlight]) -> list[Highlight]:
    """Every highlight, in the same order, placed in the new text or flagged orphan; nothing is dropped."""
    return [reanchor_highlight(text, h) for h in highlights]
