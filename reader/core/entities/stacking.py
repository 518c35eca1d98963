"""Second-pass features: what the first pass said about the whole document.

The tagger runs twice. The second pass sees, for every token, the first pass's tags around it
(including the next token's, which a left-to-right pass cannot know) and how the same word and the
same name were tagged everywhere else in the document, so "Magna" in the headline and "Magna" in
the fifth paragraph end up with the same type.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from reader.core.entities.conll import iob_spans
from reader.core.entities.tokenize import normalize_token


def _purity(counts: Counter[str], top: str) -> str:
    total = sum(counts.values())
    return ("" if counts[top] == total else "~") + ("1" if total == 1 else "n")


WINDOW_NAMES = ("P1-2=", "P1-1=", "P1=", "P1+1=", "P1+2=")


def window_features(window: Sequence[str]) -> list[str]:
    """The features of the first pass's tags at offsets -2..+2 (padded with sentence markers)."""
    return [name + tag for name, tag in zip(WINDOW_NAMES, window, strict=True)]


class SentenceHints(NamedTuple):
    """What the first pass said, for one sentence.

    Why not one feature list per token: most tokens have only the five window features, and the
    second pass looks up the summed weights of a whole window at once (see `TaggerModel`).
    """

    padded: list[str]  # the first pass's tags with two sentence markers on each side
    extra: dict[int, list[str]]  # token index -> its document-level features (if any)

    def window(self, k: int) -> tuple[str, ...]:
        """The first-pass tags of tokens k-2..k+2."""
        return tuple(self.padded[k : k + 5])

    def features(self, k: int) -> list[str]:
        """All second-pass features of token k."""
        return window_features(self.padded[k : k + 5]) + self.extra.get(k, [])


def stack_hints(sentences: list[list[str]], tags: list[list[str]],
                lows: list[list[str]] | None = None) -> list[SentenceHints]:
    """Per sentence, the second-pass view of the first pass's IOB2 tags.

    `lows` are the normalised lower-case tokens when the caller has them already.
    """
    if lows is None:
        lows = [[normalize_token(t).lower() for t in sent] for sent in sentences]
    word_types: dict[str, Counter[str]] = defaultdict(Counter)
    name_types: dict[str, Counter[str]] = defaultdict(Counter)
    in_longer: dict[str, set[str]] = defaultdict(set)
    spans_of = []
    for sent, low, tg in zip(sentences, lows, tags, strict=True):
        spans = iob_spans(tg)
        spans_of.append(spans)
        for a, b, typ in spans:
            name_types[" ".join(low[a:b])][typ] += 1
            for k in range(a, b):
                word_types[low[k]][typ] += 1
                if b - a > 1:
                    in_longer[low[k]].add(typ)
        for k, tok in enumerate(sent):
            if tg[k] == "O" and tok[:1].isupper():
                word_types[low[k]]["O"] += 1
    out = []
    for sent, low, tg, spans in zip(sentences, lows, tags, spans_of, strict=True):
        extra: dict[int, list[str]] = {}
        for k, tok in enumerate(sent):
            if tok[:1].isupper():
                feats = []
                c = word_types.get(low[k])
                if c:
                    top = max(c, key=c.__getitem__)
                    feats.append("P1w=" + top + _purity(c, top))
                for typ in in_longer.get(low[k], ()):
                    feats.append("P1sub=" + typ)
                if feats:
                    extra[k] = feats
        for a, b, typ in spans:
            c = name_types[" ".join(low[a:b])]
            top = max(c, key=c.__getitem__)
            label = "P1n=" + top + ("=" if top == typ else "!") + _purity(c, top)
            for k in range(a, b):
                extra.setdefault(k, []).append(label)
        out.append(SentenceHints(["<S>", "<S>", *tg, "</S>", "</S>"], extra))
    return out


def stack_features(sentences: list[list[str]], tags: list[list[str]],
                   lows: list[list[str]] | None = None) -> list[list[list[str]]]:
    """Per sentence, per token, all the features derived from the first pass's IOB2 tags."""
    return [[h.features(k) for k in range(len(sent))]
            for sent, h in zip(sentences, stack_hints(sentences, tags, lows), strict=True)]
