"""Snap a text selection to whole words, as e-readers do, so a highlight never starts with "d|ramatic".

Rules (offsets are Python str indices into the article text, as everywhere in the app):

- A word is a run of letters, digits and combining marks, in any script. An apostrophe or hyphen
  (' ’ ʼ - ‐ ‑) and a full stop or comma between two digits ("3.5", "1,000") join the word when they
  sit between two word characters: "don't", "well-known", "Mayor-elect".
- Each edge of the selection that falls inside a word moves out to that word's edge. An edge never
  crosses white space, so a selection never grows by more than the two partial words at its ends.
- White space at either end is dropped, and so is a fragment of punctuation only (", " or " —") that
  the drag picked up beside the words. Punctuation stuck to a selected word ("end." or "“Quote”")
  stays: the user reached for it.
- Scripts written without spaces (Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar) have no word
  edges we can see without a dictionary, so there each character counts as a word: a selection ending
  inside such text is left where the user put it. A Latin word inside such text still snaps.
- A selection inside one word becomes that word; an empty selection inside a word, too. A selection
  of white space or punctuation only is returned trimmed, never grown.
"""

from __future__ import annotations

import unicodedata

JOINERS = frozenset("'\u2019\u02bc-\u2010\u2011")
DIGIT_JOINERS = frozenset(".,")

# Blocks of scripts that do not separate words by spaces: every character is its own unit there.
_NO_SPACE_RANGES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3005, 0x3007),  # ideographic iteration and zero marks
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x3134F),  # CJK extensions B-G
)


def _no_space_script(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _NO_SPACE_RANGES)


def _letter(ch: str) -> bool:
    """A letter, digit or combining mark of any script (the stuff words and ideographs are made of)."""
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def _word_char(ch: str) -> bool:
    """A character a word edge may move across (letters of spaced scripts only)."""
    return _letter(ch) and not _no_space_script(ch)


def _in_word(text: str, i: int) -> bool:
    """True when text[i] belongs to a spaced-script word, counting joiners between two word characters."""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    if _word_char(ch):
        return True
    if 0 < i < len(text) - 1:
        before, after = text[i - 1], text[i + 1]
        if ch in JOINERS:
            return _word_char(before) and _word_char(after)
        if ch in DIGIT_JOINERS:
            return before.isdigit() and after.isdigit()
    return False


def _trim_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _drop_punctuation_fragments(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop space-separated pieces without any letter from both ends, unless nothing else is selected."""
    tokens: list[tuple[int, int]] = []
    i = start
    while i < end:
        if text[i].isspace():
            i += 1
            continue
        j = i
        while j < end and not text[j].isspace():
            j += 1
        tokens.append((i, j))
        i = j
    wordy = [t for t in tokens if any(_letter(ch) for ch in text[t[0] : t[1]])]
    if not wordy:
        return start, end
    return wordy[0][0], wordy[-1][1]


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection text[start:end] grown to whole words and trimmed of space and stray punctuation.

    Offsets outside the text are clamped and reversed ones swapped; see the module docstring for the rules.
    """
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    if start == end:
        if not _in_word(text, start):
            return start, end
        end = start + 1
    start, end = _trim_space(text, start, end)
    if start == end:
        return start, end
    start, end = _drop_punctuation_fragments(text, start, end)
    if _in_word(text, start):
        while _in_word(text, start - 1):
            start -= 1
    if _in_word(text, end - 1):
        while _in_word(text, end):
            end += 1
    return start, end
