"""Guess the legacy code page of bytes that are not UTF-8 and declare no charset.

charset-normalizer proposes candidates (it knows the multibyte East Asian encodings well); we add
the common Windows and ISO code pages it may rank low on short texts, decode the sample with each,
and keep the one whose text reads most like one real language: letters of one script, ordinary
letter case, accented letters that all belong to one alphabet, no stray symbols or control codes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Code pages people really saved news in, in the order that wins a tie (identical decodings).
COMMON = (
    "cp1252", "iso8859-15", "cp1250", "iso8859-2", "cp1251", "koi8-r", "cp1253", "cp1255",
    "cp1256", "iso8859-6", "cp1254", "cp1257", "shift_jis", "euc-jp", "gb18030", "big5", "cp949",
)
# Every byte sequence of one of these also reads as Han characters in the others; charset-normalizer
# tells them apart by character frequencies, so we only try the ones it found plausible.
_MULTIBYTE = frozenset({"shift_jis", "euc-jp", "gb18030", "big5", "cp949"})
_COMMON_NAMES = {codecs.lookup(n).name: n for n in COMMON}
# Supersets charset-normalizer names that decode the same bytes the same way as ours.
_SUPERSETS = {"cp932": "shift_jis", "euc_jis_2004": "euc-jp", "euc_jisx0213": "euc-jp", "gbk": "gb18030",
              "gb2312": "gb18030", "euc_kr": "cp949", "big5hkscs": "big5"}

# The code pages each language was saved in: when readings score close, the language of the text
# (told from its ASCII words, which every reading shares) picks among them.
_PAGES_OF_LANGUAGE: dict[str, tuple[str, ...]] = {}
for _pages, _languages in (
    (("cp1252", "iso8859-15"), "en fr de es it pt nl da sv no nn fi is ca gl eu af ga et"),
    (("cp1250", "iso8859-2"), "pl cs sk hu ro hr sl bs sq"),
    (("cp1251", "koi8-r"), "ru uk bg be mk sr"),
    (("cp1253",), "el"), (("cp1255",), "he"), (("cp1256", "iso8859-6"), "ar fa ur"), (("cp1254",), "tr az"),
    (("cp1257",), "lv lt et"), (("shift_jis", "euc-jp"), "ja"), (("gb18030", "big5"), "zh"), (("cp949",), "ko"),
):
    for _language in _languages.split():
        _PAGES_OF_LANGUAGE[_language] = _PAGES_OF_LANGUAGE.get(_language, ()) + _pages
# How close a reading's score must be to the best one for the language to choose between them: a
# wrong table that turns letters into invisible marks (Turkish read as cp1256) loses about a
# quarter of the score, a right one never that much.
_CLOSE = 0.7

# Accented Latin letters of each language's alphabet: a right decoding uses letters of one of them.
_ALPHABETS = (
    "ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "áéíóöőúüű", "ăâîșțşţ", "čćđšž",
    "äöüß", "àâæçéèêëîïôœùûüÿ", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóùú", "éëïöü", "åäöæøé",
    "äõöüšž", "āčēģīķļņšūž", "ąčęėįšųūž", "çğıöşü", "àçèéíïòóúü", "áðéíóúýþæö",
)
_ALPHABET_SETS = tuple(frozenset(a) for a in _ALPHABETS)
_WORD = re.compile(r"[^\W\d_]+")
# Signs that turn up in real news text; other symbols in decoded text are mostly mojibake.
_USUAL_SIGNS = frozenset("€£¥$§©®°±×÷№•…–—‘’“”„«»·")
_UNLIKELY = frozenset("¤¦¨¯´¸¹²³¼½¾¬µ¶¿¡ª")


def _script(ch: str) -> str:
    """A coarse script name for a letter."""
    o = ord(ch)
    if o < 0x250 or 0x1E00 <= o < 0x1F00:
        return "latin"
    if 0x370 <= o < 0x400 or 0x1F00 <= o < 0x2000:
        return "greek"
    if 0x400 <= o < 0x530:
        return "cyrillic"
    if 0x590 <= o < 0x600 or 0xFB1D <= o < 0xFB50:
        return "hebrew"
    if 0x600 <= o < 0x780 or 0xFB50 <= o < 0xFE00 or 0xFE70 <= o < 0xFF00:
        return "arabic"
    if 0xAC00 <= o < 0xD7B0 or 0x1100 <= o < 0x1200 or 0x3130 <= o < 0x3190:
        return "hangul"
    if 0x3040 <= o < 0xA000 or 0xFF00 <= o < 0xFFF0 or 0x20000 <= o < 0x2FA20:
        return "cjk"
    return "other"


def _alphabet_misfits(letters: list[str]) -> int:
    """How many accented Latin letters fall outside the one alphabet that fits them best."""
    if not letters:
        return 0
    best = max(sum(1 for c in letters if c in alphabet) for alphabet in _ALPHABET_SETS)
    return len(letters) - best


def plausibility(text: str) -> float:
    """Score how much a decoded text looks like real writing in one language (higher is better)."""
    score = 0.0
    accented: list[str] = []
    for word in _WORD.findall(text):
        scripts = {_script(c) for c in word}
        if len(scripts) > 1 and scripts != {"cjk", "latin"}:
            score -= 4 * len(word)  # a word mixing alphabets is mojibake
            continue
        script = scripts.pop()
        non_ascii = [c for c in word if ord(c) > 0x7F]
        # Inside a word, capitals after the first letter are rare outside all-ASCII acronyms; the
        # wrong Cyrillic table turns lower case into upper case.
        inner_caps = sum(1 for c in word[1:] if c.isupper() and ord(c) > 0x7F)
        score -= 1.5 * inner_caps
        if script == "latin":
            accented.extend(c.lower() for c in non_ascii)
            # Real Latin-script text is mostly ASCII; long runs of accented letters are not.
            score += len(word) - len(non_ascii) - (3 * len(non_ascii) if len(non_ascii) * 2 > len(word) else 0)
        elif script in ("cjk", "hangul"):
            score += 2 * len(word)
        elif script == "other":
            score -= len(word)
        else:
            score += len(word)
    score -= 3 * _alphabet_misfits(accented)
    for ch in text:
        if ord(ch) < 0x80 or ch in _USUAL_SIGNS:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Co", "Cn", "Cs") or ch == "\ufffd":
            score -= 10
        elif ch in _UNLIKELY:
            score -= 6
        elif cat == "Mn":
            score -= 0.6  # vowel marks are rare in news; many of them means the wrong Arabic table
        elif cat[0] in "SN" and cat != "Nd":
            score -= 2
    return score


def _decode_sample(sample: bytes, name: str) -> str | None:
    """Decode a sample, forgiving a multibyte character cut off at its end; None if it fails."""
    try:
        return sample.decode(name)
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 3:
            return None
        return sample[: exc.start].decode(name, "replace")


def _candidates(sample: bytes) -> list[tuple[str, float, float]]:
    """Our common code pages plus charset-normalizer's plausible ones, with its coherence and chaos (0-1)."""
    # Imported here: only bytes that are neither UTF-8 nor declared need it, and it costs the window memory.
    from charset_normalizer import from_bytes

    found: dict[str, tuple[float, float]] = {}
    for match in from_bytes(sample):
        name = _SUPERSETS.get(match.encoding, match.encoding)
        name = _COMMON_NAMES.get(codecs.lookup(name).name, name)
        if name in COMMON:
            found.setdefault(name, (match.coherence, match.chaos))
    return [(name, *found.get(name, (0.0, 0.0))) for name in COMMON if name in found or name not in _MULTIBYTE]


def _sample(data: bytes, size: int = 8000) -> bytes:
    """The first few thousand bytes, cut where no multibyte character can be split.

    Lead and trail bytes of the East Asian encodings are all 0x40 or above, so a byte below that
    (space, newline, punctuation; not digits, which GB18030 uses inside four-byte characters) always
    stands alone. charset-normalizer rejects a sample that ends half-way through a character.
    """
    if len(data) <= size:
        return data
    cut = max(data.rfind(bytes([b]), size // 2, size) for b in b" \n\r\t.,:;!?\"'()<>/")
    return data[: cut + 1] if cut > 0 else data[:size]


def guess_legacy(data: bytes) -> str:
    """Pick the legacy encoding whose decoding of `data` reads most like one real language."""
    sample = _sample(data)
    # Code pages that decode the sample identically are one reading: the more common name keeps it,
    # with the best charset-normalizer figures any of them got.
    readings: dict[str, tuple[str, float, float]] = {}
    for name, coherence, chaos in _candidates(sample):
        text = _decode_sample(sample, name)
        if text is None:
            continue
        first, best_coherence, least_chaos = readings.get(text, (name, coherence, chaos))
        readings[text] = (first, max(best_coherence, coherence), min(least_chaos, chaos))
    scored = []
    for text, (name, coherence, chaos) in readings.items():
        # charset-normalizer's coherence (letter frequencies of a known language) separates
        # tables whose letters are all plausible in shape, such as Greek read as Cyrillic; its
        # chaos (share of odd character sequences) separates Korean read as Chinese.
        scored.append(((plausibility(text) + 10 * coherence - chaos * len(text), coherence), name, text))
    if not scored:
        return "cp1252"
    scored.sort(key=lambda reading: reading[0], reverse=True)
    return _by_language(scored)


def _by_language(scored: list[tuple[tuple[float, float], str, str]]) -> str:
    """The best reading's code page, unless a close reading is in a code page of the text's language."""
    from reader.core.extract.language import identify  # CLD2 only for the bytes that come this far

    (best_score, _), best_name, best_text = scored[0]
    guess = identify(best_text)
    pages = _PAGES_OF_LANGUAGE.get(guess.language.split("-")[0], ()) if guess.confident else ()
    if not pages or best_name in pages:
        return best_name
    floor = best_score - (1 - _CLOSE) * abs(best_score)
    return next((name for (score, _), name, _t in scored if name in pages and score >= floor), best_name)
