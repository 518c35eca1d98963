"""Feature extraction for the entity tagger: word features by position, plus context features.

Most features depend only on one word at a fixed offset (-2..+2) from the token being tagged:
`own_features` (offset 0) and `context_features` (its neighbours), made once per word type and
offset (`WordFeatureCache`), which is what makes tagging fast: the decoder caches, per word, its
summed weights at each offset. The rest (`token_features`, `tag_features`) depend on word pairs,
sentence position, the previous tags and the rest of the document (`DocumentView`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import chain
from typing import NamedTuple

from reader.core.entities.knowledge import Knowledge
from reader.core.entities.lexicon import BUSINESS_WORDS, SPORT_WORDS
from reader.core.entities.tokenize import normalize_token

SENT_START = "<S>"
Memory = tuple[str, dict[str, int]]  # per word in a document: last entity tag, count per type
SENT_END = "</S>"


ASCII_SHAPE = str.maketrans({**{c: "X" for c in map(chr, range(65, 91))}, **{c: "x" for c in map(chr, range(97, 123))},
                             **{c: "d" for c in "0123456789"}})  # an ASCII word's full shape
_RUNS = re.compile(r"(.)\1+")


def _shape(word: str) -> str:
    if word.isascii():
        return word.translate(ASCII_SHAPE)
    out = []
    for ch in word:
        if ch.isupper():
            out.append("X")
        elif ch.islower():
            out.append("x")
        elif ch.isdigit():
            out.append("d")
        else:
            out.append(ch)
    return "".join(out)


_short_shapes: dict[str, str] = {}


def clear_shape_cache() -> None:
    """Forget the collapsed shapes (benchmarks measure a cold start)."""
    _short_shapes.clear()


def short_shape(word: str) -> str:
    """The shape of the first 16 characters with runs of a class collapsed: "McDonald" -> "XxXx"."""
    return collapsed_shape(_shape(word[:16]))


def collapsed_shape(full: str) -> str:
    """A full shape with runs of a class collapsed: "XxXxxxxx" -> "XxXx" (cached)."""
    hit = _short_shapes.get(full)
    if hit is None:  # few distinct shapes: the regular expression runs once per shape
        hit = _RUNS.sub(r"\1", full)
        if len(_short_shapes) < 20_000:
            _short_shapes[full] = hit
    return hit


def own_features(word: str, stats: Mapping[str, str], know: Knowledge) -> list[str]:
    """Features of the word being tagged (offset 0): the word, its form (`form_features`: shapes,
    prefixes, suffixes), then what is known of it (`word_facts`)."""
    if word in (SENT_START, SENT_END):
        return [word]
    w = normalize_token(word)
    low = w.lower()
    return ["w=" + w, "l=" + low, *form_features(low, full_shape(w)), *word_facts(w, low, stats, know)]


def full_shape(w: str) -> str:
    """The shape of the (normalised) word's first 16 characters, every character mapped."""
    return _shape(w[:16])


def form_features(low: str, full: str) -> list[str]:
    """The short and long shape (from `full_shape`), then the prefixes and suffixes (p1, x1, p2, x2...):
    many words share them, so the decoder sums the shapes by `full` and the affixes by `affix_keys`."""
    names = shape_features(full)
    pre, suf = affix_keys(low)
    for p, x in zip(prefix_features(pre), suffix_features(suf), strict=True):
        names += (p, x)
    return names


def shape_features(full: str) -> list[str]:
    """The first two names of `form_features`: the short and long shape of a `full_shape`."""
    # Every character maps to one, so the long shape (8 characters) begins the 16-character one.
    return ["s=" + collapsed_shape(full), "ls=" + full[:8]]


def prefix_features(pre: str) -> list[str]:
    """The prefix names of `form_features` (p1, p2...) from the prefix of `affix_keys`."""
    return [f"p{k}=" + pre[:k] for k in range(1, len(pre) + 1)]


def suffix_features(suf: str) -> list[str]:
    """The suffix names of `form_features` (x1, x2...) from the suffix of `affix_keys`."""
    return [f"x{k}=" + suf[-k:] for k in range(1, len(suf) + 1)]


def affix_keys(low: str) -> tuple[str, str]:
    """The prefix and suffix that the affix features of `form_features` are made of ("" for one character)."""
    k = min(4, len(low) - 1)
    return (low[:k], low[-k:]) if k > 0 else ("", "")


def word_facts(w: str, low: str, stats: Mapping[str, str], know: Knowledge) -> list[str]:
    """The rest of `own_features`: capitals, digits, hyphen parts, periods, word lists, frequency, statistics."""
    f0 = []
    n = len(low)
    if w.isupper() and n > 1:
        f0.append("ALLCAP")
    elif w[:1].isupper():
        f0.append("INITCAP")
    # A word of letters has no digit: one C-level test spares most words the per-character loop.
    if not w.isalpha() and any(c.isdigit() for c in w):
        f0.append("DIGIT")
    if "-" in w and n > 1:
        f0.append("HYPHEN")
        for part in low.split("-"):
            if part:
                f0.append("hp=" + part)
    if "." in w and n > 1:
        f0.append("PERIOD")
    f0 += ["g=" + name for name in know.memberships(low)]
    if know.freq:
        # How common the word is in lower case: a capitalised common word is seldom a name.
        f0.append("zf=" + know.freq.get(low, "0"))
    st = stats.get(low)
    if st is not None:
        f0.append("ts=" + st)
        f0.append("ts=" + st.split("|")[0])
    st_w = stats.get("=" + w)
    if st_w is not None:
        f0.append("tw=" + st_w)
    return f0


def context_features(word: str, stats: Mapping[str, str], near: bool, know: Knowledge) -> list[str]:
    """Features of a word next to the one being tagged (`near`: at -1 or +1; else at -2 or +2),
    before the offset prefix."""
    if word in (SENT_START, SENT_END):
        return [word]
    w = normalize_token(word)
    low = w.lower()
    if not near:
        return ["l=" + low, "s=" + short_shape(w)]
    return near_features(low, short_shape(w), stats, know)


def near_features(low: str, shape: str, stats: Mapping[str, str], know: Knowledge) -> list[str]:
    """`context_features` of a word at -1 or +1 from its lower-cased form and short shape (the far
    ones, at -2 or +2, are the first two)."""
    out = ["l=" + low, "s=" + shape]
    out += ["g=" + name for name in know.memberships(low)]
    st = stats.get(low)
    if st is not None:
        out.append("ts=" + st)
    return out


_OFFSET_PREFIX = ("-2", "-1", "", "+1", "+2")


class WordFeatureCache:
    """Per word type, its feature names at each offset, prefixed with the offset.

    Made per offset when first asked for: many words are only ever next to a scored token, so
    their own (offset 0) features are never needed.
    """

    def __init__(self, stats: Mapping[str, str], limit: int = 0, knowledge: Knowledge | None = None) -> None:
        """`limit` bounds the number of words kept (0: no bound, as in training); `knowledge` holds the
        word lists (by default the hand-written ones)."""
        self.stats = stats
        self.knowledge = knowledge if knowledge is not None else Knowledge.from_json(None)
        self.limit = limit
        self.cache: dict[str, list[list[str] | None]] = {}

    def offset(self, word: str, k: int) -> list[str]:
        """The feature names of `word` seen at offset k - 2 from the token being tagged."""
        hit = self.cache.get(word)
        if hit is None:
            if self.limit and len(self.cache) >= self.limit:
                self.cache.clear()
            # offsets -2..+2, then the unprefixed features near (+-1) and far (+-2), shared by both sides
            hit = self.cache[word] = [None, None, None, None, None, None, None]
        names = hit[k]
        if names is None:
            if k == 2:
                names = own_features(word, self.stats, self.knowledge)
            else:
                side = 5 if k in (1, 3) else 6
                base = hit[side]
                if base is None:
                    # The far features are the first two of the near ones: both made at once.
                    near = hit[5] = context_features(word, self.stats, True, self.knowledge)
                    base = hit[6] = near[:2]
                    if side == 5:
                        base = near
                prefix = _OFFSET_PREFIX[k]
                names = [prefix + f for f in base]
            hit[k] = names
        return names

    def get(self, word: str) -> tuple[list[str], ...]:
        """Five lists of feature names: the word seen at offset -2, -1, 0, +1, +2."""
        hit = self.cache.get(word)
        if hit is None or None in hit[:5]:
            return tuple(self.offset(word, k) for k in range(5))
        return tuple(hit[:5])  # type: ignore[arg-type]


class DocumentFacts(NamedTuple):
    """What `prepare.prepare_document` found for a `DocumentView` (its attributes of the same names)."""

    all_low: list[str]  # the document's normalised lower-case tokens, in order
    lower_seen: set[str]
    title_seen: set[str]
    around: dict[str, list[str]]  # each word's cues, without repeats
    rows: list[bool]
    headlines: list[bool]


class DocumentView:
    """Document-wide facts about words: seen lower-case, seen capitalised mid-sentence, and the
    words around the other capitalised occurrences of the same word (non-local context)."""

    def __init__(self, sentences: list[list[str]], lows: list[list[str]] | None = None, *,
                 both_ways: bool = False, facts: DocumentFacts | None = None) -> None:
        """`lows` are the sentences' normalised lower-case tokens when the caller has them, `facts` what
        `prepare.prepare_document` found (then no `mirror`). With `both_ways`, `mirror` is the view of the
        document read backwards (`stacking.reverse_document`), built in the same loop."""
        self.mirror: DocumentView | None = None
        given = facts is not None
        if facts is None:
            lows = lows or [[normalize_token(t).lower() for t in sent] for sent in sentences]
            # Over the whole document at once: per sentence, the calls cost more than the work.
            all_low = [w for low in lows for w in low]
            facts = DocumentFacts(all_low, {w for t, w in zip(chain.from_iterable(sentences), all_low, strict=True)
                                            if t[:1].islower()}, set(), {}, [is_table_row(sent) for sent in sentences],
                                  [False] * len(sentences))
        self.lower_seen, self.title_seen, self.around = facts.lower_seen, facts.title_seen, facts.around
        self.rows, self.headlines = facts.rows, facts.headlines  # per sentence: `prepare_sentence` reads them
        self.tabular = sum(self.rows) >= 2
        # The document's kind, when its words say so clearly.
        self.topics = [t for t, words in (("SPORT", SPORT_WORDS), ("BIZ", BUSINESS_WORDS))
                       if sum(map(words.__contains__, facts.all_low)) >= 3]
        if given or lows is None:
            return
        title_last: set[str] = set()  # capitalised mid-sentence when read backwards
        seen_at: dict[str, list[tuple[str | None, str | None]]] = {}  # word -> (previous, next) words
        for n, (sent, low) in enumerate(zip(sentences, lows, strict=True)):
            capitalised = [i for i, t in enumerate(sent) if t[:1].isupper()]
            if not capitalised:  # then no headline in capitals either
                continue
            if _is_caps_sentence(sent):
                self.headlines[n] = True
                continue
            last = len(sent) - 1
            for i in capitalised:
                w = low[i]
                if not sent[i].isupper():
                    if i > 0:
                        self.title_seen.add(w)
                    if both_ways and i < last:  # only the mirror reads it
                        title_last.add(w)
                before = low[i - 1] if i > 0 else None
                after = low[i + 1] if i < last else None
                cues = self.around.setdefault(w, [])
                if len(cues) < 8:
                    cues.append("Dp=" + (before or SENT_START))
                    cues.append("Dn=" + (after or SENT_END))
                if both_ways:
                    seen_at.setdefault(w, []).append((before, after))
        # Each word's cues once, without repeats: the decoder adds them for every occurrence.
        self.around = {w: list(set(cues)) for w, cues in self.around.items()}
        if both_ways:
            mirror = self.mirror = DocumentView([])
            mirror.lower_seen, mirror.title_seen = self.lower_seen, title_last
            mirror.tabular, mirror.topics = self.tabular, self.topics
            # Both flags count tokens, whatever their order: a reversed sentence keeps them.
            mirror.rows, mirror.headlines = self.rows[::-1], self.headlines[::-1]
            for word, places in seen_at.items():
                # Read backwards, the first four occurrences are the last four, and next is previous.
                mirror.around[word] = list({cue for before, after in places[:-5:-1]
                                            for cue in ("Dp=" + (after or SENT_START), "Dn=" + (before or SENT_END))})


def _is_caps_sentence(sent: list[str]) -> bool:
    words = 0
    for tok in sent:
        if tok[:1].isalpha():
            if not tok.isupper():
                return False  # usually the first word: most sentences are not in capitals
            words += 1
    return words >= 2


_DIGIT = re.compile(r"\d")


def is_table_row(sent: list[str]) -> bool:
    """A line of a results table or price list: mostly numbers."""
    if len(sent) < 3:
        return False
    # Counted over the first characters joined into one string: two C-level passes, no Python loop
    # per token (this runs twice for every sentence).
    digits = len(_DIGIT.findall("".join([t[:1] for t in sent])))
    return digits * 5 >= len(sent) * 2


def sentence_flags(sent: list[str]) -> bool:
    """True when the sentence is written in capitals (a CoNLL headline)."""
    return _is_caps_sentence(sent)


def sentence_features(
    low: list[str], shapes: list[str], caps_sentence: bool, doc: DocumentView, gaz: list[Sequence[str]],
    wstats: list[str], table: bool, plain: str = "", *, cues: bool = True,
) -> list[list[str] | None]:
    """Per token, the features that do not depend on the tags chosen so far.

    `wstats` holds each token's training statistic ("" when none), `table` marks a table row.
    Tokens marked "p" in `plain` get None: the decoder seldom scores them, and computes their
    features with `token_features` when it does. Without `cues` the words around the word's other
    occurrences are left out (the decoder sums them once per word and document).
    """
    return [None if plain and plain[i] == "p" else
            token_features(i, low, shapes, caps_sentence, doc, gaz, wstats, table, cues=cues)
            for i in range(len(low) - 4)]


def token_features(i: int, low: list[str], shapes: list[str], caps_sentence: bool, doc: DocumentView,
                   gaz: list[Sequence[str]], wstats: list[str], table: bool, *, cues: bool = True) -> list[str]:
    """The tag-independent features of token i (see `sentence_features`)."""
    w = low[i + 2]  # low and shapes are padded with two sentence markers on each side
    shp = shapes[i + 2]
    feats = ["B-=" + low[i + 1] + "_" + w, "B+=" + w + "_" + low[i + 3], *gaz[i]]
    if i == 0:
        feats.append("S0=" + shp)
        feats.append("S0l=" + w)
    if caps_sentence:
        feats.append("H")
    if table:
        feats.append("TBL")
        feats.append("TBL" + shp + "|" + shapes[i + 3])
    if shp[:1] == "X":
        feats += kind_features(doc, table, wstats[i], shp, shapes[i + 3])
        if w in doc.lower_seen:
            feats.append("Dlc")
        if (i == 0 or caps_sentence) and w in doc.title_seen:
            feats.append("Dtc")
        if cues:
            feats.extend(doc.around.get(w, ()))
    return feats


def kind_features(doc: DocumentView, table: bool, st: str, shp: str, next_shape: str) -> list[str]:
    """The features of a capitalised token (statistic `st`, shape `shp`) in a table row or in a document of a kind."""
    feats = ["TBLts=" + st] if table else []
    if doc.tabular:
        feats.append("Dtab=" + st)
    for topic in doc.topics:
        feats += (topic + "=" + st, topic + "s=" + shp + "|" + next_shape)
    return feats


def tag_features(i: int, low: list[str], shapes: list[str], prev: str, prev2: str, caps_sentence: bool,
                 memory: Mapping[str, Memory], wstats: list[str]) -> list[str]:
    """Features of token i that depend on the previous tags and on the document memory."""
    w = low[i + 2]
    shp = shapes[i + 2]
    feats = ["T1=" + prev, "T2=" + prev2 + prev, "T1s=" + prev + shp, "T1l=" + prev + w, "T1+1=" + prev + low[i + 3],
             "T1ts=" + prev + wstats[i]]
    if caps_sentence:
        feats.append("H=" + prev)
    return feats + memory_features(w, shp, prev, memory)


def memory_features(w: str, shp: str, prev: str, memory: Mapping[str, Memory]) -> list[str]:
    """Features of what the document said so far about a capitalised word (see `tag_features`)."""
    mem = memory.get(w)
    if mem is None or shp[:1] != "X":
        return []
    last, counts = mem
    # Extended history: the type this word was given most often so far in the document.
    total = sum(counts.values())
    top = max(counts, key=counts.__getitem__)
    return ["Dm=" + last, "Dm=" + last + prev,
            "Dh=" + top + ("" if counts[top] == total else "~") + ("1" if total == 1 else "n")]
