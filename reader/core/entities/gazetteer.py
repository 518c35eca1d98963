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
        for p in phrases:
            first, _, _ = p.partition(" ")
            n = p.count(" ") + 1
            if n > self.longest.get(first, 0):
                self.longest[first] = n

    def match(self, low: list[str], capitalised: Sequence[bool]) -> list[list[str]]:
        """Features per token; only phrases that start with a capitalised token are matched.

        Tokens in no phrase share one empty tuple (most tokens): treat the lists as read-only.
        """
        n = len(low)
        out: list[list[str]] = [()] * n  # type: ignore[list-item]
        longest = self.longest
        free = 0  # the first token not inside a phrase matched already
        for i in compress(range(n), capitalised):  # most tokens are not capitalised: skipped in C
            if i < free:
                continue
            m = longest.get(low[i], 0)
            for k in range(min(m, n - i), 0, -1):
                typ = self.phrases.get(" ".join(low[i : i + k]))
                if typ is not None:
                    pre = self.prefix
                    if k == 1:
                        out[i] = [*out[i], f"{pre}=U-{typ}"]
                    else:
                        out[i] = [*out[i], f"{pre}=B-{typ}", f"{pre}={k}B-{typ}"]
                        for j in range(i + 1, i + k - 1):
                            out[j] = [*out[j], f"{pre}=I-{typ}"]
                        out[i + k - 1] = [*out[i + k - 1], f"{pre}=L-{typ}"]
                    free = i + k
                    break
        return out


def reversed_phrases(phrases: Mapping[str, str]) -> dict[str, str]:
    """The phrases with their words in reverse order, for a pass that reads sentences backwards."""
    return {" ".join(p.split(" ")[::-1]): typ for p, typ in phrases.items()}
