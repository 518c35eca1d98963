"""Finding the user's watch terms (and whole-word phrases in general) in article text; Qt-free."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Colours offered for new watch terms (hex, as stored); the window adapts them to the theme.
WATCH_COLORS = ("#c2185b", "#00897b", "#6a1b9a", "#ef6c00", "#2e7d32", "#1565c0")


@dataclass(frozen=True)
class WatchTerm:
    """A word or phrase the user wants to see in every article, in its own colour."""

    term: str
    whole_word: bool = True
    case_sensitive: bool = False
    color: str = WATCH_COLORS[0]
    id: str = ""


@dataclass(frozen=True)
class WatchHit:
    """One occurrence of a watch term: offsets into the text and the term found."""

    start: int
    end: int
    term: WatchTerm


def phrase_pattern(phrase: str, *, whole_word: bool = True, case_sensitive: bool = True) -> re.Pattern[str] | None:
    """A regex for `phrase`; any run of spaces in it matches any run of white space in the text.

    Whole word means no letter, digit or underscore right before or after, so "U.S." and "C++"
    work as well as "Putin". None for a blank phrase.
    """
    words = phrase.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    if whole_word:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if case_sensitive else re.IGNORECASE)


def find_phrase(
    text: str, phrase: str, *, whole_word: bool = True, case_sensitive: bool = True
) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-overlapping occurrence of `phrase` in `text`."""
    pattern = phrase_pattern(phrase, whole_word=whole_word, case_sensitive=case_sensitive)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        if m.end() > m.start():
            yield m.start(), m.end()


def find_watch_terms(text: str, terms: Iterable[WatchTerm]) -> list[WatchHit]:
    """Every occurrence of every term, sorted by position; where two terms overlap, the longer wins."""
    hits = [
        WatchHit(start, end, term)
        for term in terms
        for start, end in find_phrase(text, term.term, whole_word=term.whole_word, case_sensitive=term.case_sensitive)
    ]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[WatchHit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out
