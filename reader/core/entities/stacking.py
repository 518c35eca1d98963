"""Second-pass features: what the first passes said about the whole document.

The tagger reads a document three times: left to right, right to left, then left to right again.
The last pass sees, for every token, the first passes' tags around it (the backward pass decided
each name knowing the words after it) and how the same word and the same name were tagged
everywhere else in the document, so "Magna" in the headline and "Magna" in the fifth paragraph end
up with the same type.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reader.core.entities.conll import iob_spans
from reader.core.entities.tokenize import normalize_token


def _purity(counts: dict[str, int], top: str) -> str:
    total = sum(counts.values())
    return ("" if counts[top] == total else "~") + ("1" if total == 1 else "n")


def _count(table: dict[str, dict[str, int]], key: str, typ: str) -> None:
    counts = table.get(key)
    if counts is None:
        table[key] = {typ: 1}
    else:
        counts[typ] = counts.get(typ, 0) + 1


WINDOW = ("-2=", "-1=", "=", "+1=", "+2=")  # the feature names of tags at offsets -2..+2, after the pass's prefix


def window_features(prefixes: Sequence[str], window: Sequence[str]) -> list[str]:
    """The features of earlier passes' tags at offsets -2..+2 (five tags per pass, in `prefixes` order).

    With two passes (left to right, then right to left), also the pair of their tags for the token:
    where the two readings agree the tag is nearly always right, and where they differ the pair
    says how.
    """
    out = [prefix + name + window[5 * p + k] for p, prefix in enumerate(prefixes) for k, name in enumerate(WINDOW)]
    if len(prefixes) == 2:
        out.append("PQ=" + window[2] + "|" + window[7])
    return out


class SentenceHints(NamedTuple):
    """What the earlier passes said, for one sentence.

    Why not one feature list per token: most tokens have only the window features, and the
    next pass looks up the summed weights of a whole window at once (see `TaggerModel`).
    """

    prefixes: tuple[str, ...]  # the passes' names: "P1" left to right, "Q1" right to left
    padded: tuple[list[str], ...]  # each pass's tags with two sentence markers on each side
    extra: dict[int, list[str]]  # token index -> its document-level features (if any)

    def window(self, k: int) -> tuple[str, ...]:
        """The tags of tokens k-2..k+2 from each pass."""
        if len(self.padded) == 1:
            return tuple(self.padded[0][k : k + 5])
        return tuple(tag for tags in self.padded for tag in tags[k : k + 5])

    def features(self, k: int) -> list[str]:
        """All the features of token k from the earlier passes."""
        return window_features(self.prefixes, self.window(k)) + self.extra.get(k, [])


def capitalised_tokens(sentences: list[list[str]]) -> list[list[int]]:
    """Per sentence, the indices of the tokens that begin with a capital letter."""
    return [[k for k, tok in enumerate(sent) if tok[:1].isupper()] for sent in sentences]


def stack_hints(sentences: list[list[str]], tags: list[list[str]], lows: list[list[str]] | None = None,
                prefix: str = "P1", capitalised: list[list[int]] | None = None) -> list[SentenceHints]:
    """Per sentence, the next pass's view of one pass's IOB2 tags (in document order).

    `lows` (normalised lower-case tokens) and `capitalised` (see `capitalised_tokens`) when the
    caller has them already; `prefix` names the pass the tags come from ("P1" left to right,
    "Q1" right to left).
    """
    if lows is None:
        lows = [[normalize_token(t).lower() for t in sent] for sent in sentences]
    if capitalised is None:
        capitalised = capitalised_tokens(sentences)
    word_types: dict[str, dict[str, int]] = {}  # type -> count (and "O" for a capitalised word left out)
    name_types: dict[str, dict[str, int]] = {}
    in_longer: dict[str, set[str]] = {}
    spans_of = []
    for low, tg, caps in zip(lows, tags, capitalised, strict=True):
        spans = [] if tg.count("O") == len(tg) else iob_spans(tg)  # a sentence without names: quick
        spans_of.append(spans)
        for a, b, typ in spans:
            _count(name_types, " ".join(low[a:b]), typ)
            for k in range(a, b):
                _count(word_types, low[k], typ)
                if b - a > 1:
                    in_longer.setdefault(low[k], set()).add(typ)
        for k in caps:
            if tg[k] == "O":
                _count(word_types, low[k], "O")
    # The labels depend on the word or name only: made once per document, not per occurrence.
    word_labels: dict[str, list[str]] = {}
    name_labels: dict[tuple[str, str], str] = {}
    out = []
    for low, tg, spans, caps in zip(lows, tags, spans_of, capitalised, strict=True):
        extra: dict[int, list[str]] = {}
        for k in caps:
            w = low[k]
            feats = word_labels.get(w)
            if feats is None:
                feats = word_labels[w] = []
                c = word_types.get(w)
                if c:
                    top = max(c, key=c.__getitem__)
                    feats.append(prefix + "w=" + top + _purity(c, top))
                for typ in in_longer.get(w, ()):
                    feats.append(prefix + "sub=" + typ)
            if feats:
                extra[k] = list(feats)
        for a, b, typ in spans:
            name = " ".join(low[a:b])
            label = name_labels.get((name, typ))
            if label is None:
                c = name_types[name]
                top = max(c, key=c.__getitem__)
                label = name_labels[name, typ] = prefix + "n=" + top + ("=" if top == typ else "!") + _purity(c, top)
            for k in range(a, b):
                extra.setdefault(k, []).append(label)
        out.append(SentenceHints((prefix,), (["<S>", "<S>", *tg, "</S>", "</S>"],), extra))
    return out


def both_ways_hints(sentences: list[list[str]], forward: list[list[str]], backward: list[list[str]],
                    lows: list[list[str]] | None = None) -> list[SentenceHints]:
    """The second pass's view of a left-to-right and a right-to-left first pass (tags in document order)."""
    caps = capitalised_tokens(sentences)
    out = []
    for f, b in zip(stack_hints(sentences, forward, lows, "P1", caps),
                    stack_hints(sentences, backward, lows, "Q1", caps), strict=True):
        extra = dict(f.extra)
        for k, feats in b.extra.items():
            extra[k] = extra.get(k, []) + feats
        out.append(SentenceHints(f.prefixes + b.prefixes, f.padded + b.padded, extra))
    return out


def hint_features(hints: list[SentenceHints]) -> list[list[list[str]]]:
    """Per sentence, per token, all the features the hints give (for training)."""
    return [[h.features(k) for k in range(len(h.padded[0]) - 4)] for h in hints]


def mirror_tags(tags: list[str]) -> list[str]:
    """IOB2 tags of the sentence read backwards: the same names, with B- on their new first word.

    Reversing the tag list alone would put I- before B-; going through the spans keeps each name whole.
    """
    n = len(tags)
    out = ["O"] * n
    for a, b, typ in iob_spans(tags):
        out[n - b] = "B-" + typ
        for k in range(n - b + 1, n - a):
            out[k] = "I-" + typ
    return out


def reverse_document(sentences: list[list[str]]) -> list[list[str]]:
    """The document read from its end: sentences in reverse order, each with its tokens reversed."""
    return [sent[::-1] for sent in reversed(sentences)]


def unreverse_tags(tags: list[list[str]]) -> list[list[str]]:
    """Tags a pass gave to `reverse_document(doc)`, put back in the order of `doc`'s tokens."""
    return [mirror_tags(t) for t in reversed(tags)]
