"""The trained tagger: integer weights and fast greedy decoding of documents (its labels: `labels.py`)."""

from __future__ import annotations

import struct
from collections.abc import Callable, Mapping
from typing import Any

from reader.core.entities.features import (
    SENT_END,
    SENT_START,
    DocumentView,
    Memory,
    WordFeatureCache,
    kind_features,
    memory_features,
)
from reader.core.entities.gazetteer import PhraseMatcher
from reader.core.entities.labels import allowed_after, to_iob2
from reader.core.entities.packing import label_getter, pack
from reader.core.entities.prepare import (
    CommonWords,
    Prepared,
    TokenView,
    pad_sentence,
    prepare_document,
    prepare_sentence,
)
from reader.core.entities.stacking import (
    SentenceHints,
    both_ways_hints,
    reverse_document,
    stack_hints,
    unreverse_tags,
    window_features,
)
from reader.core.entities.word_sums import WordSums

# Word types whose summed weights are kept per pass (about 0.6 kB each): word frequencies are
# Zipfian, so this covers nearly every token of news text at a bounded memory cost.
_WORD_CACHE_LIMIT = 30_000
# Feature names of words (shared by the passes) take more room per word than the sums; a document's
# words stay in long enough for all three passes.
FEATURE_CACHE_LIMIT = 10_000


# The least Zipf bucket (in lower case) of a capitalised word never named in training that the decoder
# tags O unscored outside a name (`prepare.CommonWords`); None: off, as cross-validation chose (ner_skip.py).
COMMON_ZIPF: str | None = None

_OPEN = ("B-", "I-")
_NO_KINDS: dict[tuple[bool, str, str, str], int] = {}
class TaggerModel:
    """Integer feature weights plus the decoder.

    Why packed integers: the scores of all labels for one feature are packed into one Python int
    (32 bits per label), so adding up the weights of many features is one C-level `sum()` of ints
    instead of a Python loop per label. A bias added before unpacking keeps every field positive,
    so the fields can be read back with one `struct.unpack`.
    """

    def __init__(self, labels: tuple[str, ...], weights: Mapping[str, int], stats: Mapping[str, str],
                 phrases: Mapping[str, str], info: Mapping[str, Any] | None = None, *,
                 features: WordFeatureCache | None = None, matcher: PhraseMatcher | None = None) -> None:
        """`weights` are packed (see `pack_weights`); `features` and `matcher` may be shared between passes."""
        self.labels = labels
        self._weights = weights
        self.stats = stats
        self.phrases = phrases
        self.matcher = matcher or PhraseMatcher(phrases)
        self.info = dict(info or {})
        self.features = features or WordFeatureCache(stats, FEATURE_CACHE_LIMIT)
        self._allowed = allowed_after(labels)
        # Per previous tag: a getter of the allowed labels' scores and those labels, in `_allowed` order.
        self._choose = {prev: (_picker(ks, len(labels)), tuple(labels[k] for k in ks))
                        for prev, ks in self._allowed.items()}
        self._open_tags = frozenset(t for t in labels if t[:2] in _OPEN)
        # Per word type, the summed weights of its features at offsets -2, -1, +1, +2 from the token
        # being tagged (made when a scored token first has it in its window), and of its own features
        # (made when it is first scored: most words next to a name never are). Tuples and ints: the
        # garbage collector leaves them alone.
        self.sums = WordSums(weights, self.features.stats, self.features.knowledge, _WORD_CACHE_LIMIT)
        # Summed weights of the earlier pass's tags around a token: few distinct windows (mostly all O).
        self._window_sums: dict[tuple[str, ...], int] = {}
        # A token's own sum plus its tag features' (see `_tag_sentences`): for ordinary and headline sentences.
        self._tag_sums: tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]] = ({}, {})
        # Of those, the tag features without the word itself ("T1=", "T1s=", "T1ts=", "H="), per (previous
        # tag, shape, statistic): few distinct keys, so a new token's sum adds only its "T1l=".
        self._prev_sums: tuple[dict[tuple[str, str, str], int], dict[tuple[str, str, str], int]] = ({}, {})
        self._pair_sums: dict[tuple[str, ...], int] = {}
        # `memory_features` summed per (last tag, previous tag, "Dh=" name): few distinct keys.
        self._memory_sums: dict[tuple[str, str, str], int] = {}
        self._kind_sums: dict[tuple[object, ...], dict[tuple[bool, str, str, str], int]] = {}
        self.starters: frozenset[str] = frozenset(self.info.get("starters", ()))
        self._token_views: dict[str, TokenView] = {}  # see `prepare_document`
        self.common: CommonWords | None = None
        self.use_common_words(COMMON_ZIPF)
        self._bias = pack([1 << 30] * len(labels))
        self._nbytes = 4 * len(labels)

    @property
    def weights(self) -> Mapping[str, int]:
        """The packed weights by feature name (see `pack_weights`)."""
        return self._weights

    @weights.setter
    def weights(self, weights: Mapping[str, int]) -> None:
        # New weights: the word sums of the old ones would be wrong.
        self._weights = weights
        self.sums = WordSums(weights, self.features.stats, self.features.knowledge, _WORD_CACHE_LIMIT)

    def use_common_words(self, least: str | None) -> None:
        """Tag capitalised common words O unscored outside a name from Zipf bucket `least` up (None: score
        them; a model without a frequency list always does); "5c" also words seldom in a training name."""
        freq = self.features.knowledge.freq
        self.common = CommonWords(freq, least[:1], self.stats, least[1:]) if least is not None and freq else None
        self._token_views.clear()  # they hold each token's "p"/"s"

    def clear_cache(self) -> None:
        """Forget the per-word sums (for benchmarks that measure a cold start)."""
        self.sums.clear()
        self._token_views.clear()
        self._window_sums.clear()
        for sums in (*self._tag_sums, *self._prev_sums, self._pair_sums, self._memory_sums, self._kind_sums):
            sums.clear()
        self.features.cache.clear()

    def prepare(self, sentences: list[list[str]], pads: list[tuple[list[str], list[str]]] | None = None,
                doc: DocumentView | None = None) -> list[Prepared]:
        """The tag-independent view of each sentence of one document (`pads` and `doc` when the caller
        has them already)."""
        if pads is None and doc is None:
            return prepare_document(sentences, self._token_views, self.matcher, self.stats, self.starters, self.common)
        if pads is None:
            pads = [pad_sentence(sent) for sent in sentences]
        if doc is None:
            doc = DocumentView(sentences, [low[2:-2] for low, _ in pads])
        if len(doc.rows) == len(sentences):  # the view of these sentences (not one made without them)
            flags: list[tuple[bool, bool] | None] = list(zip(doc.headlines, doc.rows, strict=True))
        else:
            flags = [None] * len(sentences)
        # The words around a word's other occurrences are the same at each occurrence: the decoder
        # sums them once per word and document (`cues=False`), not at every occurrence.
        return [prepare_sentence(sent, doc, self.matcher, self.stats, pad, self.starters, flag, cues=False,
                                 common=self.common)
                for sent, pad, flag in zip(sentences, pads, flags, strict=True)]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for every token of every sentence of one document."""
        return self.decode(sentences, self.prepare(sentences))

    def decode(self, sentences: list[list[str]], prepared: list[Prepared],
               hints: list[SentenceHints] | None = None) -> list[list[str]]:
        """IOB2 tags of a prepared document; `hints` are what an earlier pass said, per sentence."""
        return self._tag_sentences(sentences, prepared, hints if hints is not None else [None] * len(sentences))

    def _tag_sentences(self, sentences: list[list[str]], prepared: list[Prepared],
                       per_sentence: list[SentenceHints] | list[None]) -> list[list[str]]:
        """IOB2 tags of each prepared sentence of one document, in order: the document memory and each
        capitalised word's summed `DocumentView.around` cues live for the whole document, and what stays
        the same from one sentence to the next is read once (news has many short sentences)."""
        memory: dict[str, Memory] = {}
        cue_sums: dict[str, int] = {}
        wget = self.weights.get
        # The weights of the token features without a variable part ("H", "TBL", "Dlc", "Dtc").
        fixed = tuple(wget(f) or 0 for f in ("H", "TBL", "Dlc", "Dtc"))
        choose, open_tags = self._choose, self._open_tags
        bias, nbytes = self._bias, self._nbytes
        bigrams = self.sums.bigrams
        vectors, make = self.sums.vectors, self.sums.context_vector
        own_sums, mem_sums = self.sums.own, self._memory_sums
        windows, pair_sums = self._window_sums, self._pair_sums
        result: list[list[str]] = []
        for sent, prep, hints in zip(sentences, prepared, per_sentence, strict=True):
            low, shapes, caps, sfeats, wstats, plain, context = prep
            if plain and "s" not in plain:
                # Nothing to score (an empty mask: every token): all O, as the loop would find (no name opens
                # in it), and the document memory and cue sums stay as they are.
                result.append(["O"] * len(sent))
                continue
            doc, gaz, table = context
            around, lower_seen, title_seen = doc.around, doc.lower_seen, doc.title_seen
            kinds = table or doc.tabular or bool(doc.topics)
            kind_sums = _NO_KINDS  # never written: read only when `kinds`
            if kinds:
                # Per (table row, statistic, shape, next shape), the sum of the features of a table or a
                # document's kind (`kind_features`): the same for every document of that kind.
                kind_key = (doc.tabular, *doc.topics)
                found = self._kind_sums.get(kind_key)
                if found is None or len(found) >= _WORD_CACHE_LIMIT:
                    found = self._kind_sums[kind_key] = {}
                kind_sums = found
            base = (fixed[0] if caps else 0) + (fixed[1] if table else 0)
            padded = (SENT_START, SENT_START, *sent, SENT_END, SENT_END)
            # Each position's word sums (see `WordSums.context_vector`), looked up for the whole sentence at
            # once; new words get theirs only where a scored token will need them (within two of one).
            vecs = list(map(vectors.get, padded))
            if None in vecs:
                # A word's sums serve the tokens one and two away from it (padded positions k, k + 1, k + 3,
                # k + 4 of the scored token k), not its own scoring (its own features are `own_sum`): only
                # those positions of the scored tokens are visited, so words far from every scored token never
                # get theirs, and no sentence pays a test per such word each time it is read.
                k = plain.find("s")
                while k >= 0:
                    for j in (k, k + 1, k + 3, k + 4):
                        if vecs[j] is None:
                            vecs[j] = make(padded[j], low[j], shapes[j])
                    k = plain.find("s", k + 1)
            tsums, prev_sums = self._tag_sums[caps], self._prev_sums[caps]
            extras: dict[int, list[str]] = hints.extra if hints is not None else {}
            n = len(sent)
            out = ["O"] * n
            prev2 = prev = "<S>"
            i = 0
            while i < n:
                if plain[i] == "p":
                    if prev not in open_tags:
                        # No capital letter and no name open: such a token (a lower-case word, number or
                        # punctuation) begins a name in 88 of 23,499 CoNLL training names, and those words
                        # are not "p" (see `starters`); the whole run of such tokens is tagged O unscored.
                        j = plain.find("s", i + 1)
                        j = n if j < 0 else j
                        prev2, prev = ("O" if j - i > 1 else prev), "O"
                        i = j
                        continue
                    # Scored after all (a lower-case word inside an open name: "Bank *of* England"): its
                    # window may hold words no scored token needed yet.
                    for j in (i, i + 1, i + 3, i + 4):
                        if vecs[j] is None:
                            vecs[j] = self.sums.context_vector(padded[j], low[j], shapes[j])
                    wstats[i] = self.stats.get(low[i + 2], "")  # left out for plain tokens (`prepare_sentence`)
                # The word's own features and the tag features that depend on it and the previous tag (see
                # `tag_features`: its lower-case form, shape and statistic are the token's), summed once per
                # (previous tag, token): building their names for every scored token cost a fifth of decoding.
                w, shp, tok = low[i + 2], shapes[i + 2], sent[i]
                key = (prev, tok)
                hit = tsums.get(key)
                if hit is None:
                    own = own_sums.get(tok)
                    if own is None:
                        own = self.sums.own_sum(tok)
                    key4 = (prev, shp, wstats[i])
                    by_prev = prev_sums.get(key4)
                    if by_prev is None:
                        names = ["T1=" + prev, "T1s=" + prev + shp, "T1ts=" + prev + wstats[i]]
                        if caps:
                            names.append("H=" + prev)
                        if len(prev_sums) >= _WORD_CACHE_LIMIT:
                            prev_sums.clear()
                        by_prev = prev_sums[key4] = sum(filter(None, map(wget, names)))
                    if len(tsums) >= _WORD_CACHE_LIMIT:
                        tsums.clear()
                    # The bias that keeps every label's field positive (see `_picker`) goes in here, once.
                    hit = tsums[key] = own + by_prev + (wget("T1l=" + prev + w) or 0) + bias
                total = vecs[i][0] + vecs[i + 1][1] + hit + vecs[i + 3][2] + vecs[i + 4][3]  # type: ignore[index]
                key2 = (prev2, prev, low[i + 3])
                hit = pair_sums.get(key2)
                if hit is None:
                    if len(pair_sums) >= _WORD_CACHE_LIMIT:
                        pair_sums.clear()
                    hit = pair_sums[key2] = (wget("T2=" + prev2 + prev) or 0) + (wget("T1+1=" + prev + low[i + 3]) or 0)
                total += hit
                feats = sfeats[i]
                if feats is not None:  # made by `prepare_sentence` (training's preparation)
                    total += sum(filter(None, map(wget, feats)))
                else:
                    # `token_features` (cues left out) summed without making a list of their names: the same
                    # features, those without a variable part added from `fixed`.
                    total += base + (sum(filter(None, map(wget, gaz[i]))) if gaz[i] else 0)
                    pairs = bigrams.get(w)  # "B-=" + low[i + 1] + "_" + w and "B+=" + w + "_" + low[i + 3]
                    if pairs is not None:
                        total += pairs[0].get(low[i + 1], 0) + pairs[1].get(low[i + 3], 0)
                    if i == 0:
                        total += (wget("S0=" + shp) or 0) + (wget("S0l=" + w) or 0)
                    if table:
                        total += wget("TBL" + shp + "|" + shapes[i + 3]) or 0
                if shp[:1] == "X":
                    if feats is None:
                        if kinds:
                            key3 = (table, wstats[i], shp, shapes[i + 3])
                            hit = kind_sums.get(key3)
                            if hit is None:
                                hit = kind_sums[key3] = sum(filter(None, map(wget, kind_features(doc, *key3))))
                            total += hit
                        if w in lower_seen:
                            total += fixed[2]
                        if (i == 0 or caps) and w in title_seen:
                            total += fixed[3]
                    cue = cue_sums.get(w)
                    if cue is None:
                        cue = cue_sums[w] = sum(filter(None, map(wget, around.get(w, ()))))
                    total += cue
                    mem = memory.get(w)
                    if mem is not None:
                        # The "Dh=" name as `memory_features` makes it: the type given most often (the first
                        # of them), whether it was the only one, once or more.
                        last, counts = mem
                        top = max(counts, key=counts.__getitem__)
                        seen = sum(counts.values())
                        key5 = (last, prev, top + ("" if counts[top] == seen else "~") + ("1" if seen == 1 else "n"))
                        hit = mem_sums.get(key5)
                        if hit is None:
                            if len(mem_sums) >= _WORD_CACHE_LIMIT:
                                mem_sums.clear()
                            hit = mem_sums[key5] = sum(filter(None, map(wget, memory_features(w, shp, prev, memory))))
                        total += hit
                if i in extras:
                    total += sum(filter(None, map(wget, extras[i])))
                if hints is not None:
                    # The earlier passes' tags around the token: few distinct windows, summed once each.
                    window = hints.window(i)
                    hit = windows.get(window)
                    if hit is None:
                        hit = windows[window] = sum(filter(None, map(wget, window_features(hints.prefixes, window))))
                    total += hit
                # The best label allowed after `prev`: the first of the highest scores, as max() would pick.
                pick, names_after = choose[prev]
                scores = pick(total.to_bytes(nbytes, "little"))
                tag = names_after[scores.index(max(scores))]
                out[i] = tag
                if tag != "O":
                    if tok[:1].isupper():  # what `remember` does, without a call per name word
                        old = memory.get(w)
                        counts = old[1] if old is not None else {}
                        typ = tag[2:]
                        counts[typ] = counts.get(typ, 0) + 1
                        memory[w] = (tag, counts)
                prev2, prev = prev, tag
                i += 1
            result.append(to_iob2(out))
        return result


class StackedModel:
    """Two passes: the first model tags the document, the second re-tags it knowing the first's
    tags for the whole document (see stacking.py).

    With `backward`, another first pass reads the document from its end (sentences and tokens
    reversed) and the second pass sees both readings: the backward pass knows the words after a
    name when it decides on it, which the left-to-right pass never does.
    """

    def __init__(self, first: TaggerModel, second: TaggerModel, backward: TaggerModel | None = None) -> None:
        self.first = first
        self.second = second
        self.backward = backward
        self.labels = first.labels
        self.info = first.info

    def clear_cache(self) -> None:
        for model in (self.first, self.second, self.backward):
            if model is not None:
                model.clear_cache()

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for every token of every sentence of one document."""
        pads = [pad_sentence(sent) for sent in sentences]
        lows = [low[2:-2] for low, _ in pads]
        doc = DocumentView(sentences, lows, both_ways=self.backward is not None)
        prepared = self.first.prepare(sentences, pads, doc)  # the same for both left-to-right passes
        first = self.first.decode(sentences, prepared)
        if self.backward is None or doc.mirror is None:
            return self.second.decode(sentences, prepared, stack_hints(sentences, first, lows))
        # The backward pass: the same words, read from the end of the document.
        rev_pads = [(_reverse_padded(low), _reverse_padded(shapes)) for low, shapes in reversed(pads)]
        rev = reverse_document(sentences)
        back = unreverse_tags(self.backward.decode(rev, self.backward.prepare(rev, rev_pads, doc.mirror)))
        return self.second.decode(sentences, prepared, both_ways_hints(sentences, first, back, lows))


def _picker(allowed: list[int], n: int) -> Callable[[bytes], tuple[int, ...]]:
    """A function reading the scores of the `allowed` labels, in that order, from the bytes of a biased
    packed total: one `struct` unpack that skips the other labels' fields when `allowed` is ascending."""
    if allowed == sorted(allowed):
        chosen = set(allowed)
        return struct.Struct("<" + "".join("I" if k in chosen else "4x" for k in range(n))).unpack
    unpack, get = struct.Struct(f"<{n}I").unpack, label_getter(allowed)
    return lambda raw: get(unpack(raw))


def _reverse_padded(padded: list[str]) -> list[str]:
    """A padded sentence list (two markers on each side) for the sentence read backwards."""
    return [*padded[:2], *padded[-3:1:-1], *padded[-2:]]
