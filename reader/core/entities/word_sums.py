"""Per word, the packed summed weights the decoder adds for it: its own features (offset 0, as
`features.own_features` names them) and its features as a neighbour (offsets -2, -1, +1, +2, as
`features.context_features` names them), each made the first time the decoder needs it.

Why in parts: a new word costs the decoder more than any other token (dozens of names built and
looked up), and a text of news meets thousands. Most of what a word's features say depends on its
lower-case form alone (its lists, frequency bucket, statistic, prefixes and suffixes, the "l="
weights at every offset), which "The", "the" and "THE" share; the rest on its shape or its
capitals. Each part is summed once per lower-case form or shape and the parts are added: integer
sums, so the total is exactly that of the feature names (`tests/unit/entities/test_word_sums.py`).
A prefix's sum is its one-shorter prefix's plus its own weight (a suffix's likewise), so a new
affix costs one name, not four. The word-pair weights ("B-=a_w", "B+=w_b") are filed by the word w
(`bigram_index`), so the decoder looks up words it holds instead of building two names per token.

The lower-case parts of the words the model has weights for ("l=" at some offset: its vocabulary,
about 7,800 words) ship ready-made in the model file (`stored_parts`, `use_parts`): a process that
tags one file would otherwise spend a fifth of its decoding making them again (0.3 CPU s over
180,000 tokens), for 0.7 MB more file and about 10 ms more load; so does the word-pair index
("pairs": filing 17,500 names costs a load 65 ms, reading them 14). Parts made by another recipe
(`PARTS_VERSION`) are not used.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import add

from reader.core.entities.features import SENT_END, SENT_START, affix_keys, full_shape, shape_features
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.tokenize import normalize_token

# Entries kept per table (word frequencies are Zipfian: nearly every token of news text is covered).
WORD_CACHE_LIMIT = 30_000
_OFFSETS = ("-2", "-1", "+1", "+2")
_MARKERS = (SENT_START, SENT_END)
# The recipe of the stored parts: a change to what `_low_part` or `_near_part` sums must change it.
PARTS_VERSION = 1
_WORD_PREFIXES = ("l=", "-2l=", "-1l=", "+1l=", "+2l=")
# Per word w: the weights of "B-=a_w" by a, and of "B+=w_b" by b (`bigram_index`).
Pairs = tuple[Mapping[str, int], Mapping[str, int]]
_NONE: Mapping[str, int] = {}
_ZERO = (0, 0, 0, 0)


class WordSums:
    """The word sums of one model's weights (`own_sum`, `context_vector`), with their parts kept.

    `own` and `vectors` are the finished sums by token, which the decoder reads directly.
    """

    def __init__(self, weights: Mapping[str, int], stats: Mapping[str, str], knowledge: Knowledge,
                 limit: int = WORD_CACHE_LIMIT) -> None:
        self.weights = weights
        self.stats = stats
        self.knowledge = knowledge
        self.limit = limit
        self.own: dict[str, int] = {}  # token -> its own features' sum
        self.vectors: dict[str, tuple[int, ...]] = {}  # token -> its sums at -2, -1, +1, +2
        self._low_own: dict[str, int] = {}  # lower-case form -> the part of `own` it decides
        self._low_near: dict[str, tuple[int, ...]] = {}  # lower-case form -> its part of `vectors`
        self._shape_own: dict[str, int] = {}  # `full_shape` -> "s=" and "ls=" at offset 0
        self._shape_near: dict[str, tuple[int, ...]] = {}  # short shape -> "s=" at -2, -1, +1, +2
        self._prefixes: dict[str, int] = {}
        self._suffixes: dict[str, int] = {}
        # The model file's ready-made parts (`use_parts`), never cleared: they are the model's, not a cache.
        self._stored_own: Mapping[str, int] = {}
        self._stored_near: Mapping[str, tuple[int, ...]] = {}
        self._vocabulary_stored = False
        wget = weights.get
        self._flag = {f: wget(f) or 0 for f in ("ALLCAP", "INITCAP", "DIGIT", "HYPHEN", "PERIOD")}
        self._named: dict[tuple[str, tuple[str, ...]], int] = {}  # see `_by_name`
        self._bigrams: dict[str, Pairs] | None = None  # see `bigrams`
        self._bigrams_stored = False

    def stored_parts(self) -> dict[str, object]:
        """The lower-case parts of every word with "l=" weights, for the model file (sorted: the same
        weights give the same bytes)."""
        fresh = WordSums(self.weights, self.stats, self.knowledge)  # every weight looked up, none stored
        lows = sorted({f[len(p):] for f in self.weights for p in _WORD_PREFIXES if f.startswith(p)})
        pairs = bigram_index(self.weights)
        return {"version": PARTS_VERSION, "own": {low: fresh._low_part(low) for low in lows},
                "near": {low: list(fresh._near_part(low)) for low in lows},
                "pairs": {w: [dict(sorted(pairs[w][0].items())), dict(sorted(pairs[w][1].items()))]
                          for w in sorted(pairs)}}

    def use_parts(self, parts: Mapping[str, object]) -> bool:
        """Take the parts `stored_parts` made (when of this recipe and well formed); False if not used."""
        own, near = parts.get("own"), parts.get("near")
        if parts.get("version") != PARTS_VERSION or not isinstance(own, dict) or not isinstance(near, dict):
            return False
        self._stored_own = own
        self._stored_near = {low: tuple(v) for low, v in near.items()}
        # Every word with "l=" weights is in them: a word that is not has none to look up.
        self._vocabulary_stored = True
        pairs = parts.get("pairs")  # a file from before them has none: `bigrams` makes them
        if isinstance(pairs, dict) and all(isinstance(v, list) and len(v) == 2 for v in pairs.values()):
            self._bigrams = {w: (before or _NONE, after or _NONE) for w, (before, after) in pairs.items()}
            self._bigrams_stored = True
        return True

    @property
    def bigrams(self) -> dict[str, Pairs]:
        """The word-pair weights by the token's word (`bigram_index`): the model file's, or made on first use."""
        if self._bigrams is None:
            self._bigrams = bigram_index(self.weights)
        return self._bigrams

    def clear(self) -> None:
        """Forget every sum made so far (benchmarks measure a cold start; tests change the weights)."""
        for table in (self.own, self.vectors, self._low_own, self._low_near, self._shape_own, self._shape_near,
                      self._prefixes, self._suffixes, self._named):
            table.clear()
        wget = self.weights.get
        self._flag = {f: wget(f) or 0 for f in self._flag}
        if not self._bigrams_stored:
            self._bigrams = None

    def _keep(self, table: dict, key: str, value: object) -> None:  # type: ignore[type-arg]
        if len(table) >= self.limit:
            table.clear()
        table[key] = value

    def own_sum(self, word: str) -> int:
        """The summed weights of `features.own_features(word)`."""
        wget = self.weights.get
        if word in _MARKERS:
            total = wget(word) or 0
        else:
            w = word if word.isascii() else normalize_token(word)
            low = w.lower()
            full = full_shape(w)
            part = self._stored_own.get(low)
            if part is None:
                part = self._low_own.get(low)
                if part is None:
                    part = self._low_part(low)
            shape = self._shape_own.get(full)
            if shape is None:
                shape = sum(filter(None, map(wget, shape_features(full))))
                self._keep(self._shape_own, full, shape)
            total = (wget("w=" + w) or 0) + part + shape
            # What depends on the spelling itself (`features.word_facts`, in its order and conditions).
            flag, n = self._flag, len(low)
            if w.isupper() and n > 1:
                total += flag["ALLCAP"]
            elif w[:1].isupper():
                total += flag["INITCAP"]
            if not w.isalpha():
                if any(c.isdigit() for c in w):
                    total += flag["DIGIT"]
                if "-" in w and n > 1:
                    total += flag["HYPHEN"] + sum(filter(None, map(wget, ["hp=" + p for p in low.split("-") if p])))
                if "." in w and n > 1:
                    total += flag["PERIOD"]
            st_w = self.stats.get("=" + w)
            if st_w is not None:
                total += wget("tw=" + st_w) or 0
        self._keep(self.own, word, total)
        return total

    def _low_part(self, low: str) -> int:
        """The part of a word's own sum its lower-case form decides: "l=", affixes, lists, frequency, statistic."""
        wget, know = self.weights.get, self.knowledge
        pre, suf = affix_keys(low)
        part = 0
        if pre:
            hit = self._prefixes.get(pre)
            part = (hit if hit is not None else self._prefix_sum(pre)) + self._suffix_sum(suf)
        found = know.lists_of(low)
        if found:
            part += self._by_name("g=", found)
        if not self._vocabulary_stored:
            part += wget("l=" + low) or 0
        if know.freq:
            part += self._by_name("zf=", (know.freq.get(low, "0"),))
        st = self.stats.get(low)
        if st is not None:
            part += self._by_name("ts=", (st, st.split("|")[0]))
        self._keep(self._low_own, low, part)
        return part

    def _by_name(self, prefix: str, names: tuple[str, ...]) -> int:
        """The summed weights of prefix + each name (repeats counted): few distinct keys, each summed once."""
        key = (prefix, names)
        hit = self._named.get(key)
        if hit is None:
            hit = sum(filter(None, map(self.weights.get, [prefix + n for n in names])))
            self._keep(self._named, key, hit)  # type: ignore[arg-type]
        return hit

    def _prefix_sum(self, pre: str) -> int:
        """The weights of p1..pk of `pre` (k its length): its one-shorter prefix's sum plus pk's."""
        if not pre:
            return 0
        hit = self._prefixes.get(pre)
        if hit is None:
            hit = self._prefix_sum(pre[:-1]) + (self.weights.get(f"p{len(pre)}=" + pre) or 0)
            self._keep(self._prefixes, pre, hit)
        return hit

    def _suffix_sum(self, suf: str) -> int:
        """The weights of x1..xk of `suf`: the sum of its suffix one shorter plus xk's."""
        if not suf:
            return 0
        hit = self._suffixes.get(suf)
        if hit is None:
            hit = self._suffix_sum(suf[1:]) + (self.weights.get(f"x{len(suf)}=" + suf) or 0)
            self._keep(self._suffixes, suf, hit)
        return hit

    def context_vector(self, word: str, low: str, shape: str) -> tuple[int, ...]:
        """The summed weights of `features.context_features(word, ...)` at -2, -1, +1 and +2, from its
        padded lower-case form and short shape (`prepare.pad_sentence`)."""
        if word in _MARKERS:
            wget = self.weights.get
            vector = tuple(wget(prefix + word) or 0 for prefix in _OFFSETS)
        else:
            by_low = self._stored_near.get(low)
            if by_low is None:
                by_low = self._low_near.get(low)
                if by_low is None:
                    by_low = self._near_part(low)
            by_shape = self._shape_near.get(shape)
            if by_shape is None:
                wget = self.weights.get
                by_shape = tuple(wget(prefix + "s=" + shape) or 0 for prefix in _OFFSETS)
                self._keep(self._shape_near, shape, by_shape)
            # Most words' lower-case part is nothing (no "l=" weight, list or statistic): the shape's sums are theirs.
            vector = by_shape if by_low is _ZERO else tuple(map(add, by_low, by_shape))
        vectors = self.vectors
        if len(vectors) >= self.limit:
            vectors.clear()
        vectors[word] = vector
        return vector

    def _near_part(self, low: str) -> tuple[int, ...]:
        """A lower-case form's "l=" at the four offsets, plus its lists and statistic at -1 and +1."""
        names = tuple("g=" + name for name in self.knowledge.lists_of(low))
        st = self.stats.get(low)
        if st is not None:
            names += ("ts=" + st,)
        m, p = (self._by_name("-1", names), self._by_name("+1", names)) if names else (0, 0)
        if self._vocabulary_stored:
            part = (0, m, p, 0) if m or p else _ZERO
        else:
            wget = self.weights.get
            lw = "l=" + low
            part = ((wget("-2" + lw) or 0), (wget("-1" + lw) or 0) + m, (wget("+1" + lw) or 0) + p,
                    (wget("+2" + lw) or 0))
        self._keep(self._low_near, low, part)
        return part


def bigram_index(weights: Mapping[str, int]) -> dict[str, Pairs]:
    """The word-pair weights by the token's word: per w, {a: weight of "B-=a_w"} and {b: weight of "B+=w_b"}.

    Why: the decoder adds both for every scored token; two look-ups of words it holds cost less than
    building and hashing two new names. A name whose words hold "_" is filed under every split, so a
    look-up of (a, w) finds exactly the weight of "B-=" + a + "_" + w.
    """
    before: dict[str, dict[str, int]] = {}
    after: dict[str, dict[str, int]] = {}
    for name, value in weights.items():
        head = name[:3]
        if head != "B-=" and head != "B+=":
            continue
        pair = name[3:]
        k = pair.find("_")
        while k >= 0:
            left, right = pair[:k], pair[k + 1 :]
            if head == "B-=":
                before.setdefault(right, {})[left] = value
            else:
                after.setdefault(left, {})[right] = value
            k = pair.find("_", k + 1)
    return {w: (before.get(w, _NONE), after.get(w, _NONE)) for w in before.keys() | after.keys()}
