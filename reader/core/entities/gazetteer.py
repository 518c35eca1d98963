"""Entity names seen in the training data, matched as whole phrases in a sentence.

A match marks its tokens "B-TYPE"/"I-TYPE" plus the phrase length, as features only: the model
decides how far to trust them (training sees matches from the other folds only).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import compress

MAX_WORDS = 6


def collect_phrases(docs: list, min_count: int = 1) -> dict[str, str]:
    """Lower-cased entity strings of the gold data, each with its most frequent type."""
    from reader.core.entities.conll import iob_spans
    from reader.core.entities.tokenize import normalize_token

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for sent, tags in zip(doc.sentences, doc.tags, strict=True):
            for a, b, typ in iob_spans(tags):
                if b - a <= MAX_WORDS:
                    counts[" ".join(normalize_token(t).lower() for t in sent[a:b])][typ] += 1
    return {p: c.most_common(1)[0][0] for p, c in counts.items() if sum(c.values()) >= min_count}


class PhraseMatcher:
    """Longest-first matching of known phrases over lower-cased tokens."""

    def __init__(self, phrases: Mapping[str, str], prefix: str = "gz") -> None:
        self.phrases = phrases
        self.prefix = prefix
        self.longest: dict[str, int] = {}
        self._names: dict[str, tuple[str, ...]] = {}  # per type: its feature names (see `match`), made once
        # Every phrase's first 1..n words: a match grows word by word only while some phrase goes on,
        # instead of trying every length down from the longest phrase of its first word.
        self.prefixes: set[str] = set()
        longest, prefixes = self.longest, self.prefixes
        for p in phrases:
            # Built at every model load: most phrases are of one or two words, whose only prefix of two
            # words or more is the phrase itself (without a generator per phrase: 9 ms, not 22).
            if " " not in p:
                if p not in longest:
                    longest[p] = 1
                continue
            words = p.split(" ")
            first, n = words[0], len(words)
            if n > longest.get(first, 0):
                longest[first] = n
            prefixes.add(p)
            if n > 2:
                prefixes.update(" ".join(words[:k]) for k in range(2, n))

    def match(self, low: list[str], capitalised: Sequence[bool]) -> list[Sequence[str]]:
        """Features per token; only phrases that start with a capitalised token are matched.

        Tokens in no phrase share one empty tuple (most tokens): treat the lists as read-only.
        """
        n = len(low)
        out: list[Sequence[str]] = [()] * n
        longest, phrases, prefixes = self.longest, self.phrases, self.prefixes
        free = 0  # the first token not inside a phrase matched already
        for i in compress(range(n), capitalised):  # most tokens are not capitalised: skipped in C
            key = low[i]
            end = longest.get(key)
            if end is None or i < free:
                continue
            # The longest phrase from here: the last length at which the words still begin one.
            k, typ = 1, phrases.get(key)
            found = 1 if typ is not None else 0
            if end > n - i:
                end = n - i
            while k < end:
                key = key + " " + low[i + k]
                if key not in prefixes:
                    break
                k += 1
                hit = phrases.get(key)
                if hit is not None:
                    found, typ = k, hit
            if typ is None:
                continue
            names = self._names.get(typ)
            if names is None:
                pre = self.prefix
                names = self._names[typ] = (f"{pre}=U-{typ}", f"{pre}=B-{typ}", f"{pre}=I-{typ}", f"{pre}=L-{typ}",
                                            *(f"{pre}={k}B-{typ}" for k in range(max(self.longest.values()) + 1)))
            if found == 1:
                out[i] = [*out[i], names[0]]
            else:
                out[i] = [*out[i], names[1], names[4 + found]]
                for j in range(i + 1, i + found - 1):
                    out[j] = [*out[j], names[2]]
                out[i + found - 1] = [*out[i + found - 1], names[3]]
            free = i + found
        return out


def reversed_phrases(phrases: Mapping[str, str]) -> dict[str, str]:
    """The phrases with their words in reverse order, for a pass that reads sentences backwards."""
    return {" ".join(p.split(" ")[::-1]): typ for p, typ in phrases.items()}
