"""File names that are safe on Windows, macOS and Linux, and unique within one export."""

from __future__ import annotations

import re
import unicodedata

from reader.core.safe_text import strip_controls

# Windows refuses these as a file's stem whatever the extension (and COM0/LPT0 and superscript digits too).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{p}{d}" for p in ("COM", "LPT") for d in ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³")
}
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
MAX_STEM_CHARS = 80  # leaves room for a folder path under Windows' 260-character limit
MAX_NAME_BYTES = 240  # most file systems allow 255 bytes per name


def safe_stem(title: str, fallback: str = "article") -> str:
    """A file-name stem from a title: forbidden characters replaced, no trailing dots or spaces, not reserved."""
    text = unicodedata.normalize("NFC", strip_controls(title))  # an RLO would spoof the extension
    text = _FORBIDDEN.sub(" ", text)
    # no leading dot (hidden file) or dash (read as an option on command lines), no trailing dot or space (Windows)
    text = _SPACES.sub(" ", text).lstrip(" .-").rstrip(" .")
    if len(text) > MAX_STEM_CHARS:
        cut = text[:MAX_STEM_CHARS]
        # end on a word boundary when one is reasonably close
        space = cut.rfind(" ")
        text = (cut[:space] if space > MAX_STEM_CHARS // 2 else cut).rstrip(" .")
    while len(text.encode("utf-8")) > MAX_NAME_BYTES - 16:
        text = text[:-1]
    text = text.rstrip(" .")
    if not text:
        text = fallback
    head, dot, rest = text.partition(".")
    if head.rstrip(" ").upper() in _RESERVED:
        text = f"{head.rstrip(' ')}_{dot}{rest}"
    return text


class NamePicker:
    """Hands out names that differ even on case-insensitive file systems: "Title", "Title (2)"..."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken = {t.casefold() for t in (taken or set())}

    def pick(self, title: str, extension: str, fallback: str = "article") -> str:
        stem = safe_stem(title, fallback)
        name = f"{stem}{extension}"
        n = 2
        while name.casefold() in self._taken:
            name = f"{stem} ({n}){extension}"
            n += 1
        self._taken.add(name.casefold())
        return name
