"""Tokens and sentences of real article text, as exact (start, end) character offsets.

The tokenizer follows the CoNLL-2003 conventions the model was trained on (punctuation split off,
"n't" and "'s" separate, "U.S." and "Inc." kept whole, hyphenated words kept whole) but never
changes the text: every token is `text[start:end]`. `normalize_token` maps typographic variants
(curly quotes, dashes) onto the plain forms seen in training, for the feature extractor only.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress

# Abbreviations that keep their final period (they never end a sentence by themselves).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen lt col maj capt sgt adm gov sen rep rev hon pres insp supt cmdr
    inc corp co ltd plc bros dept univ assn est no nos vol vs etc fig approx mt ft ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)

_ABBREV_ALT = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))

_WEB = r"""
    https?://[^\s<>"“”']*[^\s<>"“”'.,;:!?)\]]        # web address
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                      # e-mail address
  | """
_TOKENS = r"""
    (?:[^\W\d_]\.){2,}                                # U.S. a.m. F.C.
  | (?=[^\W\d_]{1,6}\.)(?i:(?:""" + _ABBREV_ALT + r"""))\.(?!\w)   # Mr. Inc. Jan. (the lookahead is a cheap filter)
  | [^\W\d_](?:\.)(?=\s+[^\W\d_])                     # initial: J. Smith
  | \d+(?:[.,:/-]\d+)*(?:[^\W\d_]+\b)?                # 1,000 3.5 1996-08-22 1990s 24th
  | [^\W_]+(?:['’&-][^\W_]+)*                          # words, hyphenated words, O'Brien, AT&T
  | \.{2,}|-{2,}|…                                    # ellipsis, double dash
  | \S                                                # any other single character
    """
_TOKEN_RE = re.compile(_WEB + _TOKENS, re.VERBOSE)
# Most texts have no web or e-mail address; skipping those alternatives makes tokenizing faster.
_PLAIN_TOKEN_RE = re.compile(_TOKENS, re.VERBOSE)

# Marks that after a plain word are a token of their own (not "." : "Mr." and "J." keep theirs).
_TRAILING = frozenset(',;:)!?"”')
_CLITICS = ("s", "re", "ve", "ll", "d", "m")
_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                            "‘": "'", "’": "'", "‚": "'", "‛": "'", "–": "-", "—": "--", "…": "..."})

# A sentence ends after . ! ? (optionally followed by closing quotes or brackets).
_ENDERS = frozenset(".!?")
_ENDER = re.compile(r"[.!?]")
_END_WORDS = frozenset([".", "!", "?", "..."])
_CLOSERS = frozenset('"\'”’)]»')


def _split_clitics(word: str, start: int) -> list[tuple[int, int]]:
    """Split "don't" into do + n't and "Putin's" into Putin + 's, as CoNLL does."""
    lw = word.lower()
    if len(lw) > 3 and (lw.endswith("n't") or lw.endswith("n’t")):
        cut = len(word) - 3
        return [(start, start + cut), (start + cut, start + len(word))]
    for apos in ("'", "’"):
        k = word.rfind(apos)
        if k > 0 and word[k + 1 :].lower() in _CLITICS:
            return [(start, start + k), (start + k, start + len(word))]
    return [(start, start + len(word))]


def _plain_period(chars: str) -> bool:
    """Whether a word before a final "." is no abbreviation nor initial ("said.", not "Mr." or "J.")."""
    # ASCII only: the pattern matches abbreviations ignoring case, and in Unicode "ſ" is an "s" to it.
    return chars[-1] == "." and len(chars) > 2 and chars.isascii() and chars[:-1].lower() not in ABBREVIATIONS


def tokenize(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of every token of `text`, in order, never overlapping."""
    return tokens_and_words(text)[0]


def tokens_and_words(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """`tokenize(text)` and each token's text (`text[start:end]`), made together: most tokens are a run of
    characters `str.split` has already made a string of, so the tagger need not cut them out again."""
    rx = _TOKEN_RE if ("@" in text or "://" in text) else _PLAIN_TOKEN_RE
    match = rx.match
    out: list[tuple[int, int]] = []
    words: list[str] = []
    append = out.append
    keep = words.append
    find = text.find
    # No token holds white space, and every other character begins one (the last alternative), so the
    # tokens of each run of non-space characters are the same as in the whole text. Most runs are a
    # plain word, one token: told by one C call instead of trying every alternative at every character.
    # `str.split` cuts at the same white space as the pattern's \s; a run is found again from where the
    # last ended (only white space lies between them).
    pos = 0
    for chars in text.split():
        pos = find(chars, pos)
        end = pos + len(chars)
        # A word, one character, or a number of digits alone ("1996"): one token (nothing crosses a space).
        if chars.isalpha() or end - pos == 1 or chars.isdecimal():
            append((pos, end))
            keep(chars)
        elif (chars[-1] in _TRAILING or _plain_period(chars)) and chars[:-1].isalpha():
            append((pos, end - 1))  # "said," "Paris)" "said.": the word, then the mark
            append((end - 1, end))
            keep(chars[:-1])
            keep(chars[-1])
        else:
            while pos < end:
                m = match(text, pos)
                assert m is not None  # `\S` matches any character of the run
                word = m.group()
                if ("'" in word or "’" in word) and word[0].isalnum():
                    for s, e in _split_clitics(word, pos):
                        append((s, e))
                        keep(text[s:e])
                else:
                    append(m.span())
                    keep(word)
                pos = m.end()
        pos = end
    return out, words


def normalize_token(token: str) -> str:
    """The token as the training data would spell it (straight quotes, ASCII dashes)."""
    return token.translate(_QUOTE_MAP) if not token.isascii() else token


def split_sentences(text: str, tokens: list[tuple[int, int]], words: list[str] | None = None) -> list[tuple[int, int]]:
    """Sentences as (first, last + 1) token index ranges.

    A sentence ends at a line break, or after . ! ? when the next token starts a new sentence
    (capital letter, digit, quote). Abbreviations and initials carry their period inside the
    token, so they do not end a sentence. `words`, the tokens' texts when the caller has them, spare
    looking for the marks in the text.
    """
    sents: list[tuple[int, int]] = []
    first = 0
    n = len(tokens)
    find = text.find
    for i in _ends(text, tokens, words):
        if i + 1 <= first:  # closing quotes or brackets already taken into the sentence just ended
            continue
        s, e = tokens[i]
        ns = tokens[i + 1][0]
        if ns > e and find("\n", e, ns) >= 0:
            sents.append((first, i + 1))
            first = i + 1
            continue
        if (e - s == 1 and text[s] in _ENDERS) or (e - s == 3 and text[s:e] == "..."):
            j = i + 1
            while j < n and text[tokens[j][0] : tokens[j][1]] in _CLOSERS and tokens[j][0] == tokens[j - 1][1]:
                j += 1
            if j < n and tokens[j][0] > tokens[j - 1][1]:
                c = text[tokens[j][0]]
                if c.isupper() or c.isdigit() or c in "\"'“‘(":
                    sents.append((first, j))
                    first = j
    if first < n:
        sents.append((first, n))
    return sents


def _ends(text: str, tokens: list[tuple[int, int]], words: list[str] | None) -> list[int]:
    """The tokens (but the last) after which a sentence may end, in order: those followed by a line break
    and those that are . ! ? or "...", found from the text's few line breaks and marks (`tokens` are
    sorted, so each is a binary search) instead of looking at every token; or, given the `words`, the
    marks among them in one pass in C."""
    last = len(tokens) - 1
    found: set[int] = set()
    at = text.find("\n")
    while at >= 0:
        i = bisect_right(tokens, (at,)) - 1  # the token before the break (a break is never inside one)
        if i >= last:
            break
        if i >= 0:
            found.add(i)
        at = text.find("\n", tokens[i + 1][0])
    if words is not None:  # the only tokens that begin with a mark and are 1 or 3 long
        found.update(compress(range(last), map(_END_WORDS.__contains__, words)))
        return sorted(found)
    for m in _ENDER.finditer(text):
        at = m.start()
        i = bisect_left(tokens, (at,))  # the first token starting at or after the mark
        if i < last and tokens[i][0] == at and tokens[i][1] - at in (1, 3):
            found.add(i)
    return sorted(found)
