"""What a feed entry says and how a reader shows it: its richest content, and titles as text.

Feeds carry content in many places and forms (Atom text/html/xhtml constructs, Atom 0.3 modes,
RSS `content:encoded`, `xhtml:body`, `fullitem`, `description`, Media RSS). Each is read into a
`Content` (HTML or plain text); the entry's body is the richest one present.
"""

from __future__ import annotations

import base64
import binascii
import html
import html.entities
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree
from lxml.html import defs as html_defs

from reader.core.article import Block
from reader.core.extract import html_fragment_blocks
from reader.core.extract.dom import BLOCK_TAGS, parse_html, strip_never_text, text_of

MEDIA_NS = "http://search.yahoo.com/mrss/"

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|([A-Za-z][A-Za-z0-9]*));", re.I)
_LOOKS_HTML = re.compile(r"<(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|img|blockquote|table)\b", re.I)
_HTML_TAGS = frozenset(t.lower() for t in html_defs.tags)
_VOID_TAGS = frozenset(t.lower() for t in html_defs.empty_tags)
# Atom (1.0 and 0.3) type values, and what each means for reading the element.
_HTML_TYPES = frozenset({"html", "text/html"})
_XHTML_TYPES = frozenset({"xhtml", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"", "text", "text/plain"})


@dataclass(frozen=True)
class Content:
    """One piece of entry content: `value` is HTML when `is_html`, else plain text."""

    value: str
    is_html: bool

    def blocks(self) -> list[Block]:
        """The content as article blocks (links come from the HTML reading)."""
        if not self.value.strip():
            return []
        return html_fragment_blocks(self.value) if self.is_html else text_blocks(self.value)

    def text(self) -> str:
        """The content as one line of text, as a title or a short description shows it."""
        return html_inline_text(self.value) if self.is_html else " ".join(self.value.split())


def text_blocks(text: str) -> list[Block]:
    """Blocks from plain text: paragraphs split at blank lines (or at lines when none)."""
    text = text.strip()
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [Block(p, "p") for p in parts if p.strip()]


def body_blocks(content: str) -> list[Block]:
    """Blocks from content that may be HTML (escaped or CDATA) or plain text (JSON feeds and files)."""
    if _LOOKS_HTML.search(content) or re.search(r"&[a-z]+;|&#\d+;", content):
        return html_fragment_blocks(content)
    return text_blocks(content)


def inline_text(value: str) -> str:
    """A one-line field (a JSON title) that may itself hold escaped HTML."""
    if "<" in value or "&" in value:
        return " ".join(b.text for b in html_fragment_blocks(value))
    return value


def has_markup(value: str) -> bool:
    """True when text whose type is unknown really is HTML, not prose that mentions a tag.

    It must close a tag, hold a void element (`<br>`, `<img ...>`) or a character reference, and
    every tag and named reference in it must be real HTML: so "History of the <blink> tag" and
    "a < b > c" stay text, while "Ben &amp;amp; Jerry" and "<b>Breaking</b>: ..." are HTML.
    """
    tags = _TAG.findall(value)
    refs = _REFERENCE.findall(value)
    refs_seen = _REFERENCE.search(value) is not None
    if not (refs_seen or any(close or name.lower() in _VOID_TAGS for close, name, _ in tags)):
        return False
    if any(name.lower() not in _HTML_TAGS for _, name, _ in tags):
        return False
    return all(not name or name in html.entities.name2codepoint for name in refs)


def has_body_markup(value: str) -> bool:
    """True when an RSS description is HTML, as the RSS spec has it: any HTML tag, any closed tag or
    a known character reference will do (a body's `<p>` is often left unclosed)."""
    tags = _TAG.findall(value)
    if any(close or name.lower() in _HTML_TAGS for close, name, _ in tags):
        return True
    return any(not name or name in html.entities.name2codepoint for name in _REFERENCE.findall(value))


def html_inline_text(value: str) -> str:
    """The text an HTML fragment shows on one line: tags dropped, entities decoded, blocks spaced."""
    root = parse_html(f"<html><body><div>{value}</div></body></html>")
    if root is None:
        return " ".join(html.unescape(value).split())
    strip_never_text(root)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.tail = " " + (el.tail or "")  # a block boundary separates words
    return " ".join(text_of(root).split())


def _inline_xml(el: etree._Element) -> str:
    """The HTML of an element's inline XHTML children, namespace prefixes dropped (<xhtml:p> -> <p>)."""
    inner = "".join(etree.tostring(c, encoding="unicode", with_tail=True) for c in el if isinstance(c.tag, str))
    inner = re.sub(r"<(/?)[\w.-]+:", r"<\1", inner)
    inner = re.sub(r'\sxmlns(?::[\w.-]+)?="[^"]*"', "", inner)
    return html.escape(el.text or "", quote=False) + inner


def _all_text(el: etree._Element) -> str:
    return "".join(t for t in el.itertext() if isinstance(t, str))


def _decoded_base64(value: str) -> str:
    try:
        raw = base64.b64decode(re.sub(r"\s+", "", value), validate=False)
    except (binascii.Error, ValueError):
        return ""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # binary content (an image): nothing a reader can show as text
        return ""


def atom_construct(el: etree._Element | None) -> Content | None:
    """An Atom (1.0 or 0.3) text construct or content element, whatever its type and mode."""
    if el is None or el.get("src"):
        return None  # out-of-line content lives elsewhere: nothing to read here
    kind = (el.get("type") or "").strip().lower()
    mode = (el.get("mode") or "").strip().lower()
    if kind in _XHTML_TYPES or mode == "xml" or (len(el) and kind not in _HTML_TYPES and mode != "base64"):
        return Content(_inline_xml(el), True)  # also Atom 0.3 "naked" markup with no type
    value = _all_text(el)
    if mode == "base64" or not (kind in _TEXT_TYPES or kind in _HTML_TYPES or _is_xml_or_text(kind)):
        value = _decoded_base64(value)  # Atom 1.0: any other media type is base64 encoded
    if kind in _HTML_TYPES:
        return Content(value, True)
    return Content(value, False)


def _is_xml_or_text(kind: str) -> bool:
    return kind.startswith("text/") or kind.endswith(("+xml", "/xml"))


def rss_html(el: etree._Element | None) -> Content | None:
    """Content that RSS defines as HTML (escaped, in CDATA, or inline XHTML)."""
    if el is None:
        return None
    if len(el):
        return Content(_inline_xml(el), True)
    return Content(_all_text(el), True)


def rss_text(el: etree._Element | None, *, body: bool = False) -> Content | None:
    """An RSS field that may hold HTML or plain text: a title is HTML only when it really contains
    markup (`has_markup`), a body (description) on any sign of it (`has_body_markup`)."""
    if el is None:
        return None
    if len(el):
        return Content(_inline_xml(el), True)
    value = _all_text(el)
    return Content(value, has_body_markup(value) if body else has_markup(value))


def media_description(entry: etree._Element) -> Content | None:
    """The Media RSS description of an entry (in media:group or media:content, or on the entry)."""
    for el in entry.iter(f"{{{MEDIA_NS}}}description"):
        value = _all_text(el)
        return Content(value, (el.get("type") or "").lower() == "html")
    return None


def richest(candidates: Iterable[Content | None]) -> tuple[list[Block], Content | None]:
    """The blocks of the candidate that shows the most text (the first one on a tie), and it."""
    best: list[Block] = []
    best_len = 0
    chosen: Content | None = None
    for content in candidates:
        if content is None or len(content.value) <= best_len:
            continue  # shown text is never longer than its source: this one cannot win
        blocks = content.blocks()
        size = sum(len(b.text) for b in blocks)
        if size > best_len:
            best, best_len, chosen = blocks, size, content
    return best, chosen


def title_text(el: etree._Element | None, *, atom: bool) -> str:
    """An entry or feed title as a reader shows it.

    Atom says what its title is (text keeps `<blink>` literally, html and xhtml are markup);
    an RSS title is read as HTML only where it really contains markup (`has_markup`).
    """
    if el is None:
        return ""
    content = atom_construct(el) if atom else rss_text(el)
    return content.text() if content is not None else ""
