"""An article's language, told by CLD2 (Google's compact language detector, through pycld2).

CLD2 was chosen by measurement (`benchmarks/languages.py`): right on every sentence and paragraph
of our 22 test languages, its model is compiled into the library (nothing to find at run time,
nothing to download), it loads in milliseconds and needs no numpy. A language is claimed only when
CLD2 calls its reading reliable, gives that language at least `MIN_PERCENT` of the text, and the
text has at least `MIN_WORDS` words; otherwise the language is "" (unknown), and
`may_hold_english_names` decides whether the English name model runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pycld2

MIN_WORDS = 4  # fewer words (a date line, two place names, a score) name no language reliably
# Our single-language sentences all get 90% or more; a text half in one language and half in another
# gets 50-57%, three quarters in one 76-82% (benchmarks/_language_samples.py): a text below this is
# too mixed to have one language.
MIN_PERCENT = 70
SAMPLE_CHARS = 10_000  # CLD2 judges the whole sample in about a millisecond; more adds nothing
# A text whose language is unknown is taken for English only when nearly all its words are plain
# ASCII: an Indonesian text is too, but then CLD2's best guess is Indonesian, not English.
ENGLISH_ASCII_SHARE = 0.9

# CLD2 accepts only interchange-valid UTF-8: no control codes (but tab and line breaks), no
# surrogates, no noncharacters. Anything else makes it raise, so such characters become spaces.
_NOT_INTERCHANGE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_WORD = re.compile(r"[^\W\d_]+")
# What `_WORD` reads in ASCII text: letters, with everything else a space between them.
_ASCII_LETTER_BYTES = bytes(i if chr(i).isalpha() else 0x20 for i in range(256))  # only the first 128 are used
# Writing without spaces between words: each character stands for a word in the count.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]")
# CLD2's older codes for languages that have a newer one (Hebrew, Javanese).
_NEWER_CODES = {"iw": "he", "jw": "jv"}
_NAME_FIXES = {"zh-Hant": "Chinese (Traditional)", "nn": "Norwegian Nynorsk", "no": "Norwegian"}


@dataclass(frozen=True)
class LanguageGuess:
    """What the identifier made of a text: its best guess, and whether that is a reliable reading."""

    language: str  # best guess, "" when there is none at all
    confident: bool  # reliable by CLD2, and the text long enough to judge
    words: int  # words of letters in the sample (unspaced scripts: one a character)


def count_words(text: str) -> int:
    """Words of letters in `text`; a Chinese, Japanese or Thai character counts as one."""
    if text.isascii():  # most news text: no unspaced script; every other character a space, then split
        # (as bytes: a 256-byte table in one C loop, several times faster than str.translate's mapping)
        return len(text.encode("ascii").translate(_ASCII_LETTER_BYTES).split())
    unspaced = len(_UNSPACED.findall(text))
    spaced = _WORD.findall(_UNSPACED.sub(" ", text))
    return unspaced + len(spaced)


def opening(parts: Iterable[str], sep: str, limit: int = SAMPLE_CHARS) -> str:
    """`sep.join(parts)[:limit]`, joining only the parts that reach into the first `limit` characters.

    Why: a loader asks for the language of its whole text, and CLD2 reads only the opening of it.
    """
    taken: list[str] = []
    size = -len(sep)
    for part in parts:
        taken.append(part)
        size += len(sep) + len(part)
        if size >= limit:
            break
    return sep.join(taken)[:limit]


def _sample(text: str) -> str:
    return _NOT_INTERCHANGE.sub(" ", text[:SAMPLE_CHARS])


def _confident(sample: str) -> tuple[str, bool]:
    """(CLD2's reading of `sample` when it is a confident one, else "", whether CLD2 refused the text)."""
    try:
        # Without bestEffort CLD2 says "unknown" rather than guess from a few words.
        reliable, _bytes, details = pycld2.detect(sample)
    except pycld2.error:  # a character CLD2 refuses that the filter missed: no guess, never a crash
        return "", True
    _name, code, percent, _score = details[0]
    language = _language_code(code)
    # the words are counted only for a reading that is otherwise confident: most are, and fail on nothing else
    if language and reliable and percent >= MIN_PERCENT and count_words(sample) >= MIN_WORDS:
        return language, False
    return "", False


def identify(text: str) -> LanguageGuess:
    """CLD2's reading of the opening of `text` (see `guess_language` for the confident code only)."""
    sample = _sample(text)
    words = count_words(sample)
    language, refused = _confident(sample)
    if language:
        return LanguageGuess(language, True, words)
    if refused:
        return LanguageGuess("", False, words)
    try:
        # With bestEffort CLD2 always guesses: only a best guess, asked for when the reading was not confident.
        _reliable, _bytes, details = pycld2.detect(sample, bestEffort=True)
    except pycld2.error:
        return LanguageGuess("", False, words)
    return LanguageGuess(_language_code(details[0][1]), False, words)


def guess_language(text: str) -> str:
    """The language code of `text` ("pl", "zh-Hant"), or "" when it is too short or unclear.

    The same code `identify` calls confident, without CLD2's best guess, which only `identify` gives.
    """
    return _confident(_sample(text))[0]


def may_hold_english_names(text: str) -> bool:
    """Whether the English name model should run on a text of unknown language.

    Yes when the text is too short to tell (a headline, a caption), or when CLD2's best guess is
    English and at least `ENGLISH_ASCII_SHARE` of its words are plain ASCII. No otherwise: a long
    text that reads as no language reliably is mostly not English, and names the model finds in
    other languages are mostly ordinary capitalised words.
    """
    guess = identify(text)
    if guess.words < MIN_WORDS:
        return True
    if guess.language != "en":
        return False
    words = _WORD.findall(text[:SAMPLE_CHARS])
    return sum(w.isascii() for w in words) >= ENGLISH_ASCII_SHARE * len(words)


def language_name(code: str) -> str:
    """The English name of a language code ("pl-PL" -> "Polish"); the code itself when unknown."""
    base = code.split("-")[0].lower()
    return _names().get(code) or _names().get(base) or code


@cache
def _names() -> dict[str, str]:
    names = {code: name.replace("_", " ").title() for name, code in pycld2.LANGUAGES if not name.startswith("X_")}
    for old, new in _NEWER_CODES.items():
        names[new] = names[old]
    names.update(_NAME_FIXES)
    return names


def _language_code(code: str) -> str:
    """CLD2's code as we store it: "" for none, the current code where CLD2 keeps an older one."""
    if code in ("un", "xxx") or code.startswith("xx"):
        return ""
    return _NEWER_CODES.get(code, code)


def normalise_language(code: str) -> str:
    """`en-US`, `en_us` -> `en-US`; empty for junk."""
    code = (code or "").strip().replace("_", "-")
    m = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z0-9]{2,8}))?", code)
    if not m:
        return ""
    return m.group(1).lower() + (f"-{m.group(2).upper()}" if m.group(2) else "")
