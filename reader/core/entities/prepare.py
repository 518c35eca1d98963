"""The tag-independent view of a sentence the decoder reads: padded lower-case words and shapes, the
features that do not depend on tags, which tokens it may tag O unscored; and the document memory."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import chain, compress, filterfalse, repeat
from operator import eq, gt, is_, itemgetter
from typing import NamedTuple

from reader.core.entities.features import (
    ASCII_SHAPE,
    SENT_END,
    SENT_START,
    DocumentFacts,
    DocumentView,
    Memory,
    clear_shape_cache,
    collapsed_shape,
    is_table_row,
    sentence_features,
    sentence_flags,
    short_shape,
)
from reader.core.entities.gazetteer import PhraseMatcher
from reader.core.entities.tokenize import normalize_token

# Tokens whose lower-case form and shape are kept (word frequencies are Zipfian: nearly every token).
_WORD_CACHE_LIMIT = 30_000
_low_shape: dict[str, tuple[str, str]] = {}


def clear_word_cache() -> None:
    """Forget the cached lower-case forms and shapes of words."""
    _low_shape.clear()
    clear_shape_cache()


def pad_sentence(sent: list[str]) -> tuple[list[str], list[str]]:
    """Lower-cased normalised tokens and their shapes, padded with two markers on each side."""
    low = [SENT_START, SENT_START]
    shapes = [SENT_START, SENT_START]
    cache = _low_shape
    for tok in sent:
        hit = cache.get(tok)
        if hit is None:
            n = normalize_token(tok)
            hit = (n.lower(), short_shape(n))
            if len(cache) >= _WORD_CACHE_LIMIT:
                cache.clear()
            cache[tok] = hit
        low.append(hit[0])
        shapes.append(hit[1])
    low += [SENT_END, SENT_END]
    shapes += [SENT_END, SENT_END]
    return low, shapes


class Prepared(NamedTuple):
    """The tag-independent view of one sentence, shared by the passes that read it in one direction."""

    low: list[str]  # normalised lower-case tokens, padded with two markers on each side
    shapes: list[str]  # their short shapes, padded the same way
    caps: bool  # a headline in capitals
    feats: list[list[str] | None]  # per token, its tag-independent features (None: not computed yet)
    wstats: list[str]  # per token, its training statistic ("" when none, and for plain tokens until scored)
    plain: str  # per token, "p" when the decoder tags it O unscored outside a name, else "s"
    context: tuple[DocumentView, list[Sequence[str]], bool]  # what `token_features` needs besides the above


class CommonWords(NamedTuple):
    """Capitalised words the decoder tags O unscored outside a name, as it does lower-case words: a word
    the training text never had in a name (no statistic) that is common in lower case (its Zipf bucket
    in the model's frequency list at least `least`), followed by a lower-case word, a comma, a full stop
    or nothing: "He said", "But the", "However ,"; not "Plan & Grow", "Minister Smith" or "July 4",
    which may begin a name.

    Why: about a fifth of the scored tokens are capitalised words that end up O, and most of those are
    such words at the start of a sentence. Measured, not used: 5-fold cross-validation on train.txt
    (`benchmarks/ner_skip.py`) found it saves at most 4 % of the scored tokens for a small loss, so the
    shipped tagger leaves it off (`model.COMMON_ZIPF`).
    """

    freq: Mapping[str, str]  # lower-case word -> Zipf bucket "0".."7" (one digit: compared as text)
    least: str
    names: Mapping[str, str]  # the training statistics: every word ever in a training name has one
    # With "c": also words whose statistic says they were in a name less than half the times they were seen.
    seldom: str = ""

    def holds(self, tok: str, low: str) -> bool:
        """True for a capitalised (not all-capitals) token of such a word (whatever comes after it)."""
        if not tok[:1].isupper() or tok.isupper() or self.freq.get(low, "0") < self.least:
            return False
        stat = self.names.get(low)
        return stat is None or stat[-2:-1] == self.seldom


def plain_mask(sent: list[str], words: list[str], starters: frozenset[str] | None,
               common: CommonWords | None = None) -> str:
    """Per token, "p" for a word without a capital that is not a name starter, or a `common` word ("s"
    otherwise); all "s" with `starters` None (training computes every feature)."""
    if starters is None:
        return ""
    mask = "".join(["p" if tok.lower() == tok and w not in starters else
                    "c" if common is not None and common.holds(tok, w) else "s"
                    for tok, w in zip(sent, words, strict=True)])
    return _resolve_common(mask, sent, [tok[:1].islower() for tok in sent]) if "c" in mask else mask


def _resolve_common(mask: str, sent: Sequence[str], lower: Sequence[bool]) -> str:
    """The mask with each "c" (a `CommonWords` word) made "p" where a lower-case word, a comma, a full stop
    or nothing follows it, else "s" (a name may begin with it)."""
    out = list(mask)
    last = len(mask) - 1
    k = mask.find("c")
    while k >= 0:
        out[k] = "p" if k == last or lower[k + 1] or sent[k + 1] in (",", ".") else "s"
        k = mask.find("c", k + 1)
    return "".join(out)


def prepare_sentence(sent: list[str], doc: DocumentView, matcher: PhraseMatcher, stats: Mapping[str, str],
                     padded: tuple[list[str], list[str]] | None = None,
                     starters: frozenset[str] | None = None, flags: tuple[bool, bool] | None = None, *,
                     cues: bool = True, common: CommonWords | None = None) -> Prepared:
    """Padded lower-cased words and shapes, the headline flag, the tag-independent features and
    each token's training statistic (features of plain words are left for later with `starters`).

    `flags` are (headline in capitals, table row) when the document view has them already; without
    `cues` the document view's words around other occurrences are left out (see `sentence_features`)."""
    low, shapes = padded or pad_sentence(sent)
    caps, table = flags if flags is not None else (sentence_flags(sent), is_table_row(sent))
    words = low[2:-2]
    gaz = matcher.match(words, [t[:1].isupper() for t in sent])
    plain = plain_mask(sent, words, starters, common)
    # The statistic of a plain token is needed only if the decoder scores it after all (inside an
    # open name), and it looks it up then: most tokens are plain, and each lookup costs.
    wstats = ([stats.get(w, "") if p == "s" else "" for w, p in zip(words, plain, strict=True)] if plain
              else [stats.get(w, "") for w in words])
    feats = sentence_features(low, shapes, caps, doc, gaz, wstats, table, plain, cues=cues)
    return Prepared(low, shapes, caps, feats, wstats, plain, (doc, gaz, table))


def remember(memory: dict[str, Memory], token: str, low: str, tag: str) -> None:
    """Document memory: the last entity tag given to a capitalised word, and its types so far."""
    if tag != "O" and token[:1].isupper():
        old = memory.get(low)
        counts = old[1] if old is not None else {}
        counts[tag[2:]] = counts.get(tag[2:], 0) + 1
        memory[low] = (tag, counts)


# Per token string, what the decoder's preparation reads of it: its lower-case form and shape (as
# `pad_sentence`), "p"/"s"/"c" (as `plain_mask`), whether it begins with a lower-case letter, a capital,
# a digit (`DocumentView`, `is_table_row`), and its training statistic.
TokenView = tuple[str, str, str, bool, bool, bool, str]
_DIGIT = re.compile(r"\d")


def token_view(tok: str, starters: frozenset[str], stats: Mapping[str, str],
               common: CommonWords | None = None) -> TokenView:
    """The facts of one token string for `prepare_document` (the same as the per-sentence functions find)."""
    n = normalize_token(tok)
    low = n.lower()
    first = tok[:1]
    plain = ("p" if tok.lower() == tok and low not in starters else
             "c" if common is not None and common.holds(tok, low) else "s")  # "c": see `_resolve_common`
    return (low, short_shape(n), plain, first.islower(), first.isupper(),
            _DIGIT.match(first) is not None, stats.get(low, ""))


_FIRST, _HEAD = itemgetter(slice(0, 1)), itemgetter(slice(0, 16))
_PLAIN = ("s", "p")  # by "no capital and not a starter"


def add_token_views(views: dict[str, TokenView], tokens: list[str], starters: frozenset[str],
                    stats: Mapping[str, str], common: CommonWords | None = None) -> None:
    """`token_view` of each token string put in `views`; the ASCII ones (nearly all) fact by fact, each fact
    of all of them with one C-level `map`, not seven Python calls per token (a cold document meets thousands),
    and no (token, view) pair made per token (more garbage collections than the calls saved)."""
    if common is not None:
        for tok in tokens:
            views[tok] = token_view(tok, starters, stats, common)
        return
    for tok in filterfalse(str.isascii, tokens):
        views[tok] = token_view(tok, starters, stats)
    text = list(filter(str.isascii, tokens))  # `normalize_token` leaves them as they are
    lows = list(map(str.lower, text))
    # "p": lower-casing changes nothing (no capital) and not a starter; "s" otherwise.
    plains = map(_PLAIN.__getitem__, map(gt, map(eq, lows, text), map(starters.__contains__, lows)))
    shapes = map(collapsed_shape, map(str.translate, map(_HEAD, text), repeat(ASCII_SHAPE)))  # `short_shape`
    firsts = list(map(_FIRST, text))
    # An ASCII character is a digit for `_DIGIT` exactly when `str.isdigit` says so (0-9).
    views.update(zip(text, zip(lows, shapes, plains, map(str.islower, firsts), map(str.isupper, firsts),
                               map(str.isdigit, firsts), map(stats.get, lows, repeat("")), strict=True),
                     strict=True))


def prepare_document(sentences: list[list[str]], views: dict[str, TokenView], matcher: PhraseMatcher,
                     stats: Mapping[str, str], starters: frozenset[str],
                     common: CommonWords | None = None) -> list[Prepared]:
    """`prepare_sentence` for every sentence of a document with `starters`, and its `DocumentView`,
    from one cached `token_view` per distinct token string.

    Why: most tokens are plain words the decoder never scores, but each function that looked at every
    token (padding, the plain mask, statistics, the document's lower-case words, capitals and table
    rows) paid a Python loop per token; here the per-token work is C-level (`map`, `zip`, `compress`)
    and Python code runs once per new word type and per scored token.
    """
    flat = list(chain.from_iterable(sentences))
    if not flat:  # no token at all: nothing to gain
        doc = DocumentView(sentences)
        return [prepare_sentence(sent, doc, matcher, stats, None, starters, cues=False, common=common)
                for sent in sentences]
    # Each token's view looked up once (the cache is large: each look-up is likely a memory miss); the
    # positions of new token strings are found in C and only they visited.
    got = list(map(views.get, flat))
    if not all(got):  # a None: the views are non-empty tuples
        missing = list(compress(range(len(flat)), map(is_, got, repeat(None))))
        new = set(map(flat.__getitem__, missing))
        if len(views) + len(new) > _WORD_CACHE_LIMIT:  # then only this document's views are kept
            views.clear()
            views.update((tok, view) for tok, view in zip(flat, got, strict=True) if view is not None)
        add_token_views(views, list(new), starters, stats, common)
        for k in missing:
            got[k] = views[flat[k]]
    lows, shapes, plains, lower, upper, digit, wst = zip(*got, strict=True)
    plain_all = "".join(plains)
    bounds = []
    a = 0
    for sent in sentences:
        bounds.append((a, a + len(sent)))
        a += len(sent)
    rows = [b - a >= 3 and sum(digit[a:b]) * 5 >= (b - a) * 2 for a, b in bounds]
    capitalised = [list(compress(range(b - a), upper[a:b])) for a, b in bounds]
    all_low = list(lows)
    pads = [[SENT_START, SENT_START, *all_low[a:b], SENT_END, SENT_END] for a, b in bounds]
    doc = DocumentView(sentences, facts=_document_facts(sentences, pads, capitalised, all_low,
                                                        set(compress(lows, lower)), rows))
    out = []
    for (a, b), low, table, caps, capital in zip(bounds, pads, rows, doc.headlines, capitalised, strict=True):
        shp = [SENT_START, SENT_START, *shapes[a:b], SENT_END, SENT_END]
        plain = plain_all[a:b]
        if "c" in plain:
            plain = _resolve_common(plain, flat[a:b], lower[a:b])
        # No phrase begins in a sentence without a capitalised token (the decoder scores none of its tokens).
        gaz: list[Sequence[str]] = matcher.match(low[2:-2], upper[a:b]) if capital else [()] * (b - a)
        # The token features are left to the decoder, which makes them as it scores each token (one
        # loop over the scored tokens instead of two).
        out.append(Prepared(low, shp, caps, [None] * (b - a), list(wst[a:b]), plain, (doc, gaz, table)))
    return out


def _document_facts(sentences: list[list[str]], pads: list[list[str]], capitalised: list[list[int]],
                    all_low: list[str], lower_seen: set[str], rows: list[bool]) -> DocumentFacts:
    """What `DocumentView` finds in a document (headlines in capitals, words seen capitalised mid-sentence,
    the words around each capitalised word), read from the padded lower-case sentences: the neighbours
    of a token are its padded neighbours (the markers at the ends), with no test of its position."""
    headlines = [False] * len(sentences)
    title_seen: set[str] = set()
    around: dict[str, list[str]] = {}
    for n, (sent, low, capital) in enumerate(zip(sentences, pads, capitalised, strict=True)):
        if not capital:  # then no headline in capitals either
            continue
        if sentence_flags(sent):
            headlines[n] = True
            continue
        for i in capital:
            w = low[i + 2]
            if i and not sent[i].isupper():
                title_seen.add(w)
            cues = around.get(w)
            if cues is None:
                around[w] = ["Dp=" + low[i + 1], "Dn=" + low[i + 3]]
            elif len(cues) < 8:  # its first four occurrences
                cues += ("Dp=" + low[i + 1], "Dn=" + low[i + 3])
    # Each word's cues once, without repeats: the decoder adds them for every occurrence.
    # (Two cues, of one occurrence, differ by their prefixes.)
    unique = {w: cues if len(cues) == 2 else list(set(cues)) for w, cues in around.items()}
    return DocumentFacts(all_low, lower_seen, title_seen, unique, rows, headlines)
