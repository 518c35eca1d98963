"""The language guesser News Reader used before CLD2, kept only for benchmarks/languages.py to compare with."""

from __future__ import annotations

import re
from collections import Counter

_SCRIPT_RANGES = (
    (0x0600, 0x06FF, "ar"),
    (0x0750, 0x077F, "ar"),
    (0x0400, 0x04FF, "ru"),
    (0x0590, 0x05FF, "he"),
    (0x0370, 0x03FF, "el"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x3040, 0x30FF, "ja"),  # kana: Japanese even when mixed with Han characters
    (0xAC00, 0xD7AF, "ko"),
    (0x4E00, 0x9FFF, "zh"),
)

_COMMON_WORDS = {
    "en": "the and of to in is that for was with on said by it he as are from".split(),
    "fr": "le la les et des est une dans pour que qui pas sur au du avec il".split(),
    "de": "der die und das ist nicht ein eine mit den von zu auf sich dem im".split(),
    "es": "el la los las y que de en por con para una es del se lo".split(),
    "it": "il di che la per non una sono della con gli le del nel è".split(),
    "pt": "o a os as que de em para com uma não do da é no na".split(),
    "nl": "de het een en van is dat op te in niet met voor zijn".split(),
}
_WORD = re.compile(r"[^\W\d_]+")


def _script_language(text: str) -> str:
    counts: Counter[str] = Counter()
    latin = 0
    for ch in text:
        o = ord(ch)
        if o < 0x250:
            latin += ch.isalpha()
            continue
        for lo, hi, lang in _SCRIPT_RANGES:
            if lo <= o <= hi:
                counts[lang] += 1
                break
    if counts.get("ja") and counts.get("zh"):
        counts["ja"] += counts.pop("zh")
    if not counts:
        return ""
    lang, n = counts.most_common(1)[0]
    if lang == "ar":
        lang = _arabic_script_language(text, n)
    return lang if n > latin else ""


# Letters Persian and Urdu add to the Arabic alphabet; Arabic text has almost none of them.
_PERSIAN_LETTERS = frozenset("پچژگکی")
_URDU_LETTERS = frozenset("ٹڈڑںےھ")


def _arabic_script_language(text: str, letters: int) -> str:
    """Arabic, Persian or Urdu, by the share of letters only the latter two use."""
    urdu = sum(ch in _URDU_LETTERS for ch in text)
    persian = sum(ch in _PERSIAN_LETTERS for ch in text)
    if urdu * 50 >= letters and urdu >= 3:
        return "ur"
    if persian * 25 >= letters and persian >= 3:
        return "fa"
    return "ar"


def guess_language(text: str) -> str:
    """A two-letter language code, or "" when the sample is too short or unclear."""
    sample = text[:5000]
    by_script = _script_language(sample)
    if by_script:
        return by_script
    words = Counter(w.lower() for w in _WORD.findall(sample))
    if sum(words.values()) < 8:
        return ""
    scores = {lang: sum(words[w] for w in common) for lang, common in _COMMON_WORDS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= 3 else ""


def normalise_language(code: str) -> str:
    """`en-US`, `en_us` -> `en-US`; empty for junk."""
    code = (code or "").strip().replace("_", "-")
    m = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z0-9]{2,8}))?", code)
    if not m:
        return ""
    return m.group(1).lower() + (f"-{m.group(2).upper()}" if m.group(2) else "")
