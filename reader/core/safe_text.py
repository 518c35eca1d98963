"""Text that leaves the app (exports, `extract`, file names) without hidden control characters.

Articles come from anywhere. Terminal escapes (ESC, BEL, the C1 controls U+0080-U+009F) can rewrite a
terminal when an export is `cat`-ed; bidi overrides (U+202E RIGHT-TO-LEFT OVERRIDE) make "txt.exe" look like
"exe.txt" in a file name; invisible format characters hide text. Every exporter, `extract` and the export
file names pass their output through `strip_controls` (or `escape_json_controls` for JSON, which keeps the
characters but only as visible `\\uXXXX` escapes, so quotes still match the article on re-import).

Kept: TAB, LF and CR (ordinary layout), ZWNJ U+200C and ZWJ U+200D (needed to spell words in Persian, Indic
scripts and emoji sequences). Everything else of Unicode category Cc or Cf goes, including the bidi marks,
embeddings, overrides and isolates, the BOM and the invisible tag characters.
"""

from __future__ import annotations

import os
import re

KEPT = frozenset("\t\n\r\u200c\u200d")


# Cc except TAB/LF/CR, plus the Cf characters that are invisible: soft hyphen, Arabic letter mark, Mongolian
# vowel separator, zero-width space, LRM/RLM, bidi embeddings/overrides/isolates, word joiner and invisible
# operators, deprecated format controls, BOM, interlinear annotation, language tag and tag characters.
# Cf characters that are drawn (Arabic number signs U+0600-0605, end of ayah U+06DD, Egyptian hieroglyph and
# shorthand format controls) stay: stripping them would lose text in the scripts that use them.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def has_controls(text: str) -> bool:
    """True when `text` holds a character `strip_controls` would remove."""
    return _CONTROLS.search(text) is not None


def strip_controls(text: str) -> str:
    """`text` without terminal escapes, bidi overrides and other invisible controls (TAB/LF/CR, ZWJ/ZWNJ kept)."""
    return _CONTROLS.sub("", text)


def escape_json_controls(json_text: str) -> str:
    """JSON text with each control character written as a `\\uXXXX` escape (still the same JSON value).

    Only valid for JSON, where such characters can appear only inside strings.
    """
    return _CONTROLS.sub(_json_escape, json_text)


def _json_escape(m: re.Match[str]) -> str:
    cp = ord(m.group())
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    cp -= 0x10000  # outside the BMP JSON needs a surrogate pair
    return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"


def is_link_url(url: str) -> bool:
    """True for the only addresses an export turns into a live link: http, https and mailto, no spaces."""
    return (
        url.lower().startswith(_SAFE_SCHEMES)
        and not any(c.isspace() for c in url)
        and not has_controls(url)
    )


def shown_path(path: str | bytes) -> str:
    """A path as text a user can be shown (or SQLite can store): undecodable bytes become U+FFFD."""
    raw = path if isinstance(path, bytes) else os.fsencode(path)
    return raw.decode("utf-8", errors="replace")
