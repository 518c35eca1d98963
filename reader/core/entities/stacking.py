"""Second-pass features: what the first pass said about the whole document.

The tagger runs twice. The second pass sees, for every token, the first pass's tags around it
(including the next token's, which a left-to-right pass cannot know) and how the same word and the
same name were tagged everywhere else in the document, so "Magna" in the headline and "Magna" in
the fifth paragraph end up with the same type.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.core.entities.conll import iob_spans
from reader.core.entities.tokenize import normalize_token


def _purity(counts: Counter[str], top: str) -> str:
    total = sum(counts.values())
    return ("" if counts[top] == total else "~") + ("1" if total == 1 else "n")


def stack_features(sentences: list[list[str]], tags: list[list[str]],
                   lows: list[list[str]] | None = None) -> list[list[list[str]]]:
    """Per sentence, per token, the features derived from the first pass's IOB2 tags.

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
        n = len(sent)
        padded = ["<S>", "<S>", *tg, "</S>", "</S>"]
        feats: list[list[str]] = [
            ["P1=" + tg[k], "P1-1=" + padded[k + 1], "P1+1=" + padded[k + 3], "P1-2=" + padded[k],
             "P1+2=" + padded[k + 4]]
            for k in range(n)
        ]
        for k, tok in enumerate(sent):
            if tok[:1].isupper():
                c = word_types.get(low[k])
                if c:
                    top = max(c, key=c.__getitem__)
                    feats[k].append("P1w=" + top + _purity(c, top))
                for typ in in_longer.get(low[k], ()):
                    feats[k].append("P1sub=" + typ)
        for a, b, typ in spans:
            c = name_types[" ".join(low[a:b])]
            top = max(c, key=c.__getitem__)
            label = "P1n=" + top + ("=" if top == typ else "!") + _purity(c, top)
            for k in range(a, b):
                feats[k].append(label)
        out.append(feats)
    return out
