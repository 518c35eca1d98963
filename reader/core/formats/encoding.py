"""Turn a file's bytes into text: byte-order marks, declared charsets, UTF-8, then a legacy guess.

The rules for marks, labels and UTF-8 are ours; only bytes that are none of these go to the
legacy guess (charset-normalizer's candidates, ranked by how well they read, see `legacy`).
"""

from __future__ import annotations

import codecs
import re

# Order matters: the UTF-32 LE mark starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_ALIASES = {
    "latin1": "cp1252",  # browsers treat Latin-1 labels as Windows-1252
    "latin-1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-sjis": "shift_jis",
    "sjis": "shift_jis",
    "utf8": "utf-8",
    "unicode": "utf-16",
}

# Text codecs Python has that are not document charsets: they raise on ordinary bytes or turn them into markup.
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "charmap"})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']""")
_MIME_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", re.I)


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    """Remove a byte-order mark; return the rest and the encoding it names (or None)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):], name
    return data, None


def normalise_charset(label: str | bytes | None) -> str | None:
    """A Python codec name for a charset label, or None when unknown."""
    if not label:
        return None
    text = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    text = text.strip().strip("\"'").lower()
    text = _ALIASES.get(text, text)
    try:
        info = codecs.lookup(text)
    except (LookupError, ValueError):  # ValueError: a label holding a NUL byte
        return None
    # rot13, zlib, base64, hex, uu... are bytes-to-bytes or str-to-str codecs, not text encodings.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def declared_charset(head: bytes) -> str | None:
    """A charset declared inside the document (XML declaration, <meta charset>, MIME header)."""
    for pattern in (_XML_DECL, _META_CHARSET):
        m = pattern.search(head[:16384])  # some pages put a lot of script before <meta charset>
        if m:
            return normalise_charset(m.group(1))
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Spot BOM-less UTF-16/32 by where the zero bytes sit in mostly-ASCII text."""
    sample = data[:4000]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    if len(sample) >= 8 and sample[1:4] == b"\0\0\0" and sample[0] != 0:
        return "utf-32-le"
    if sample[:3] == b"\0\0\0" and sample[3] != 0:
        return "utf-32-be"
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.6 and even_zeros < half * 0.1:
        return "utf-16-le"
    if even_zeros > half * 0.6 and odd_zeros < half * 0.1:
        return "utf-16-be"
    return None


def _utf8_text(data: bytes) -> str | None:
    """The bytes as UTF-8 text, or None when they are not valid UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """True when bytes are UTF-8 with a few damaged sequences (not a legacy encoding)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good >= 3 and bad <= max(2, good // 10)


def choose_encoding(data: bytes, declared: str | None = None) -> tuple[bytes, str]:
    """Return (bytes without BOM, codec name) for a document."""
    body, name, _text = _choose(data, declared)
    return body, name


def _choose(data: bytes, declared: str | None) -> tuple[bytes, str, str | None]:
    """(bytes without BOM, codec name, the text when a strict decoding in that codec was already made).

    Why the text: checking that the bytes decode is decoding them, and a page's bytes are decoded once.
    """
    data, from_bom = strip_bom(data)
    if from_bom:
        return data, from_bom, None
    wide = _utf16_without_bom(data)
    if wide:
        return data, wide, None
    declared = normalise_charset(declared) or declared_charset(data)
    utf8: str | None = None
    if declared and not declared.startswith("utf-16") and not declared.startswith("utf-32"):
        # A page re-saved as UTF-8 often keeps its old legacy label. Multibyte UTF-8 that decodes
        # cleanly almost never happens by chance in a legacy encoding, so it wins over the label.
        if declared != "utf-8":
            utf8 = _utf8_text(data)
            if utf8 is not None and not utf8.isascii():
                return data, "utf-8", utf8
        try:
            return data, declared, data.decode(declared)
        except UnicodeDecodeError:
            pass  # the label lies; fall through to detection
    if utf8 is None:
        utf8 = _utf8_text(data)
    if utf8 is not None:
        return data, "utf-8", utf8
    if _mostly_utf8(data):
        return data, "utf-8", None
    from reader.core.formats.legacy import guess_legacy  # its tables cost the window's start; few files get here

    return data, guess_legacy(data), None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a document to text; return (text, codec name). Never raises on bad bytes."""
    body, name, text = _choose(data, declared)
    if text is None:
        text = body.decode(name, "replace")
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n"), name
