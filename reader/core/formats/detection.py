"""Tell which format a file is in: by its content first, by its extension second."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from reader.core.formats.encoding import strip_bom

FORMATS = ("text", "markdown", "html", "mhtml", "rss", "atom", "rdf", "jsonfeed", "json", "jsonl", "eml", "mbox")

EXTENSION_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mht": "mhtml",
    ".mhtml": "mhtml",
    ".xml": "rss",
    ".rss": "rss",
    ".atom": "atom",
    ".rdf": "rdf",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".eml": "eml",
    ".mbox": "mbox",
}

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(EXTENSION_FORMATS)

_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]")
_MAIL_HEADERS = ("from:", "subject:", "date:", "to:", "message-id:", "mime-version:", "received:", "return-path:")
_ROOT_TAG = re.compile(r"<([A-Za-z_][\w:.-]*)")
_HTML_TAG = re.compile(r"<(html|head|body|div|p|article|section|span|h[1-6]|table|br|meta|title)\b", re.I)


def format_extension(path: Path) -> str:
    """The meaningful extension of a path, looking through a final `.gz`."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _peek_text(head: bytes) -> str:
    """A lenient text view of the first bytes (gunzipped when needed) for sniffing."""
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 65536)
        except zlib.error:
            return ""
    head, bom = strip_bom(head[:65536])
    if bom and bom != "utf-8":
        return head.decode(bom, "replace")
    if head.count(0) > len(head) // 4:
        # BOM-less UTF-16: dropping the zero bytes is enough to sniff ASCII markup.
        head = head.replace(b"\0", b"")
    return head.decode("utf-8", "replace")


def _xml_root(text: str) -> str:
    """The first element name after the prolog, comments and doctype, lower-cased."""
    s = text
    while True:
        s = s.lstrip()
        if s.startswith("<?"):
            end = s.find("?>")
            s = s[end + 2:] if end >= 0 else ""
        elif s.startswith("<!--"):
            end = s.find("-->")
            s = s[end + 3:] if end >= 0 else ""
        elif s.startswith("<!"):
            bracket, close = s.find("["), s.find(">")
            if 0 <= bracket < close:  # a doctype with an internal subset
                end = s.find("]", bracket)
                close = s.find(">", end) if end >= 0 else -1
            s = s[close + 1:] if close >= 0 else ""
        else:
            m = _ROOT_TAG.match(s)
            return m.group(1).lower() if m else ""


_ROOT_FORMATS = {"rss": "rss", "feed": "atom", "rdf:rdf": "rdf", "rdf": "rdf", "html": "html"}


def _sniff_markup(text: str) -> str | None:
    if not text.startswith("<"):
        return None
    low = text[:4096].lower()
    root = _xml_root(text[:65536])
    if root in _ROOT_FORMATS:
        return _ROOT_FORMATS[root]
    if low.startswith("<!doctype html") or _HTML_TAG.search(low[:2048]):
        return "html"
    return None


def _sniff_json(text: str) -> str | None:
    if not text.startswith(("{", "[")):
        return None
    if text.startswith("{"):
        low = text[:2000].lower()
        if "jsonfeed.org/version" in low:
            return "jsonfeed"
        lines = [ln.strip() for ln in text.splitlines()[:3] if ln.strip()]
        if len(lines) >= 2 and lines[0].endswith("}") and lines[1].startswith("{"):
            return "jsonl"
    return "json"


def _sniff_mail(text: str) -> str | None:
    first = text.split("\n", 1)[0]
    if first.startswith("From ") and not _HEADER_LINE.match(first):
        return "mbox"
    lines = text[:8192].split("\n")
    headers = []
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (" ", "\t"):
            continue
        if not _HEADER_LINE.match(line):
            return None
        headers.append(line.lower())
    known = sum(1 for h in headers if h.startswith(_MAIL_HEADERS))
    if known < 2:
        return None
    joined = "\n".join(headers)
    if "content-type: multipart/related" in joined or "snapshot-content-location:" in joined:
        return "mhtml"
    return "eml"


def detect(path: Path, head: bytes) -> str:
    """The format name of a file from its first bytes, falling back on its extension."""
    path = path if isinstance(path, Path) else Path(path)  # load_file's Path, not parsed again
    by_ext = EXTENSION_FORMATS.get(format_extension(path), "")
    text = _peek_text(head).lstrip()
    found = _sniff_markup(text) or _sniff_json(text) or _sniff_mail(text)
    if found == "mhtml" or (found == "eml" and by_ext == "mhtml"):
        return "mhtml"
    if found:
        # An .md file may begin with inline HTML; only a full page counts as HTML then.
        if by_ext == "markdown" and found == "html" and not text[:200].lower().startswith(("<!doctype", "<html")):
            return "markdown"
        return found
    if text.startswith("---\n") and re.search(r"^title:", text[:2000], re.M):
        return "markdown"
    if by_ext in ("text", "markdown", "html", "mhtml", "eml", "mbox"):
        return by_ext
    if text.startswith("<?xml") or by_ext in ("rss", "atom", "rdf"):
        # XML that is no known feed: the feed loader names its top element in a clear refusal.
        return by_ext if by_ext in ("rss", "atom", "rdf") else "rss"
    return "text"
