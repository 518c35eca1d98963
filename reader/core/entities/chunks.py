"""Splitting a long text into pieces the tagger handles in bounded memory.

The tagger's memory grows with the size of what it is given at once (a 2 MB file of one-letter
lines is one 1.5-million-token "sentence"), so long texts are tagged a piece at a time. Pieces end
at a paragraph break when there is one, else at a sentence end, a line break or a space, so
entities are almost never cut; only a run of `limit` characters without a space is cut anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator

CHUNK_CHARS = 20_000
_SENTENCE_ENDS = (". ", "! ", "? ", ".\n", "!\n", "?\n", '." ', '."\n')


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece that starts at `start` and may not pass `end` (after its separator)."""
    floor = start + (end - start) // 2  # a piece is never shorter than half the limit
    paragraph = text.rfind("\n\n", floor, end)
    if paragraph >= 0:
        return paragraph + 2
    ends = [at + len(mark) for mark in _SENTENCE_ENDS if (at := text.rfind(mark, floor, end)) >= 0]
    if ends:
        return max(ends)
    for mark in ("\n", " ", "\t"):
        at = text.rfind(mark, floor, end)
        if at >= 0:
            return at + 1
    return end


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces covering `text`, each at most `limit` characters."""
    if limit < 2:
        raise ValueError("a piece needs room for at least two characters")
    start, n = 0, len(text)
    while start < n:
        end = n if n - start <= limit else _cut(text, start, start + limit)
        yield start, end
        start = end
