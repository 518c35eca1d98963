"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 feeds: one article per entry."""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path

from lxml import etree

from reader.core.article import Article, Block, make_article
from reader.core.errors import ImportProblem
from reader.core.extract import html_fragment_blocks
from reader.core.extract.dates import normalise_date
from reader.core.formats.common import check_is_text, title_from_path
from reader.core.formats.encoding import decode_bytes
from reader.core.formats.xmlsafe import child, child_text, children, local_name, parse_xml

_LOOKS_HTML = re.compile(r"<(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|img|blockquote|table)\b", re.I)


def text_blocks(text: str) -> list[Block]:
    """Blocks from plain text: paragraphs split at blank lines (or at lines when none)."""
    text = text.strip()
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [Block(p, "p") for p in parts if p.strip()]


def body_blocks(content: str) -> list[Block]:
    """Blocks from entry content that may be HTML (escaped or CDATA) or plain text."""
    if _LOOKS_HTML.search(content) or re.search(r"&[a-z]+;|&#\d+;", content):
        return html_fragment_blocks(content)
    return text_blocks(content)


def inline_text(value: str) -> str:
    """A title that may itself hold escaped HTML."""
    if "<" in value or "&" in value:
        blocks = html_fragment_blocks(value)
        return " ".join(b.text for b in blocks)
    return value


def _atom_content(el: etree._Element | None) -> str:
    """The HTML (or text) of an Atom content/summary element, whatever its type and mode."""
    if el is None:
        return ""
    kind = (el.get("type") or "text").lower()
    if kind in ("xhtml", "application/xhtml+xml") or (len(el) and kind != "text"):
        inner = "".join(etree.tostring(c, encoding="unicode", with_tail=True) for c in el)
        return (el.text or "") + re.sub(r"<(/?)[\w.-]+:", r"<\1", inner)  # <xhtml:p> -> <p>
    value = "".join(t for t in el.itertext() if isinstance(t, str))
    if (el.get("mode") or "").lower() == "base64":
        try:
            value = base64.b64decode(value).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            value = ""
    if kind == "text" or kind == "text/plain":
        return value.replace("&", "&amp;").replace("<", "&lt;") if _LOOKS_HTML.search(value) else value
    return value


def _atom_link(entry: etree._Element) -> str:
    fallback = ""
    for link in children(entry, "link"):
        rel = (link.get("rel") or "alternate").lower()
        href = link.get("href") or (link.text or "").strip()
        if rel == "alternate" and href:
            return href
        fallback = fallback or href
    return fallback


def _names(entry: etree._Element) -> str:
    names = []
    for author in children(entry, "author") + children(entry, "creator"):
        name = child_text(author, "name") or "".join(t for t in author.itertext() if isinstance(t, str)).strip()
        name = re.sub(r"^\S+@\S+\s*\((.+)\)$", r"\1", name)  # RSS "mail@example.org (Name)"
        if name and name not in names:
            names.append(name)
    return ", ".join(names)


def _image(entry: etree._Element) -> str:
    """A lead image URL from an enclosure or Media RSS element (recorded, never fetched)."""
    for el in entry.iter():
        name = local_name(el)
        url = el.get("url") or ""
        kind = (el.get("type") or "").lower()
        if not url:
            continue
        if name == "thumbnail" or (name in ("enclosure", "content") and
                                   (kind.startswith("image/") or el.get("medium") == "image")):
            return url
    return ""


def _entry_article(
    entry: etree._Element, *, atom: bool, source: str, language: str, path: Path, fmt: str
) -> Article | None:
    title = inline_text(child_text(entry, "title"))
    if atom:
        html = _atom_content(child(entry, "content")) or _atom_content(child(entry, "summary"))
        url = _atom_link(entry)
        date = child_text(entry, "published", "issued", "created", "updated", "modified")
        description = inline_text(_atom_content(child(entry, "summary")))[:500]
    else:
        html = child_text(entry, "encoded") or child_text(entry, "description")
        url = child_text(entry, "link") or child_text(entry, "guid")
        date = child_text(entry, "pubdate", "date", "published", "issued")
        description = inline_text(child_text(entry, "description"))[:500]
    blocks = body_blocks(html) if html else []
    if not title and not blocks:
        return None
    tags = tuple(
        dict.fromkeys(
            (c.get("term") or "".join(t for t in c.itertext() if isinstance(t, str))).strip()
            for c in children(entry, "category") + children(entry, "subject")
        )
    )
    return make_article(
        title=title or (blocks[0].text[:80] if blocks else title_from_path(path)),
        blocks=blocks,
        path=str(path),
        format=fmt,
        byline=_names(entry),
        published=normalise_date(date),
        source=source,
        url=url.strip(),
        language=language,
        description=description if description and blocks and description != blocks[0].text else "",
        image=_image(entry),
        tags=tuple(t for t in tags if t),
    )


def feed_articles(root: etree._Element, path: Path, fmt: str) -> list[Article]:
    """Articles of a parsed feed document."""
    name = local_name(root)
    atom = name == "feed"
    if name == "rss":
        channel = child(root, "channel")
        if channel is None:
            return []
        entries = children(channel, "item")
    elif name == "rdf":
        channel = child(root, "channel")
        entries = children(root, "item") or (children(channel, "item") if channel is not None else [])
    elif atom:
        channel = root
        entries = children(root, "entry")
    else:
        raise ImportProblem(
            str(path),
            f"The XML file is not a news feed (its top element is <{name or '?'}>).",
            "Only RSS, RDF and Atom feeds can be imported from XML files.",
        )
    source = inline_text(child_text(channel, "title")) if channel is not None else ""
    language = ""
    if channel is not None:
        language = child_text(channel, "language") or (channel.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
    articles = []
    for entry in entries:
        article = _entry_article(entry, atom=atom, source=source, language=language.strip(), path=path, fmt=fmt)
        if article is not None:
            articles.append(article)
    return articles


def load_feed(data: bytes, path: Path, fmt: str = "rss") -> list[Article]:
    """Load an RSS, RDF or Atom feed file."""
    text, _ = decode_bytes(data)
    check_is_text(text, path)
    root = parse_xml(text)
    if root is None:
        raise ImportProblem(
            str(path),
            "The feed is not well-formed XML and could not be read.",
            "Download or save the feed again; it may be cut off.",
        )
    return feed_articles(root, path, fmt)


def load_rss(data: bytes, path: Path) -> list[Article]:
    return load_feed(data, path, "rss")


def load_atom(data: bytes, path: Path) -> list[Article]:
    return load_feed(data, path, "atom")


def load_rdf(data: bytes, path: Path) -> list[Article]:
    return load_feed(data, path, "rdf")
