"""Where a search's words and phrases occur in an article's text, found the way the full-text index finds them.

The index (FTS5, `unicode61 remove_diacritics 2`) splits on anything not a letter or digit and ignores
case and accents, so "Tallinn" finds "TALLINN" and "cafe" finds "café"; a term ending in "*" is a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_WORD = re.compile(r"\w+")


def fold(word: str) -> str:
    """A word as the index compares it: case and accents dropped."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) offsets into `text` of every occurrence of each term (a word, a phrase, `prefix*`),
    sorted; an occurrence inside a longer one is dropped."""
    words = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    folded = [w[2] for w in words]
    spans: set[tuple[int, int]] = set()
    for term in terms:
        prefix = term.endswith("*")
        wanted = [fold(w) for w in _WORD.findall(term)]
        if not wanted:
            continue
        n = len(wanted)
        for i in range(len(words) - n + 1):
            if folded[i : i + n - 1] != wanted[:-1]:
                continue
            last = folded[i + n - 1]
            if last == wanted[-1] or (prefix and last.startswith(wanted[-1])):
                spans.add((words[i][0], words[i + n - 1][1]))
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out
