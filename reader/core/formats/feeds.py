"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 feeds: one article per entry.

An entry with no text of its own (only a link, a guid or an enclosure) is still an article:
it has no blocks (`text == ""`) and its `url` is where its content lives, so the reader can list
it and offer to open it, as desktop feed readers do. Its title is the entry's, else the URL's
host and path.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree

from reader.core.article import Article, Block, article_id, make_article
from reader.core.errors import ImportProblem
from reader.core.extract.dates import normalise_date
from reader.core.formats.common import check_is_text, title_from_path
from reader.core.formats.encoding import decode_bytes
from reader.core.formats.feed_content import (
    MEDIA_NS,
    Content,
    atom_construct,
    body_blocks,
    inline_text,
    media_description,
    richest,
    rss_html,
    rss_text,
    text_blocks,
    title_text,
)
from reader.core.formats.xmlsafe import child, child_text, children, local_name, parse_xml

__all__ = [
    "body_blocks", "feed_articles", "inline_text", "load_atom", "load_feed", "load_rdf", "load_rss", "text_blocks",
]

_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_WEB_URL = re.compile(r"^https?://[^\s/]+", re.I)


def _namespace(el: etree._Element) -> str:
    tag = str(el.tag)
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _own(entry: etree._Element, *names: str) -> etree._Element | None:
    """The first direct child with one of the local names, in the entry's own namespace if there is
    one there (an extension's `szf:description` is not the item's), else in any but Media RSS
    (whose `media:content`/`media:description` are read apart)."""
    own = _namespace(entry)
    for same_only in (True, False):
        for name in names:
            for c in entry:
                ns = _namespace(c)
                if local_name(c) == name and ns != MEDIA_NS and (ns == own or not same_only):
                    return c
    return None


def _resolved(el: etree._Element, href: str) -> str:
    """`href` made absolute against the xml:base of the element and its ancestors, when they give one."""
    href = href.strip()
    bases = [b for b in (a.get(_XML_BASE) for a in [el, *el.iterancestors()]) if b]
    base = ""
    try:
        for b in reversed(bases):
            base = urljoin(base, b.strip())
        return urljoin(base, href) if base and href else href
    except ValueError:  # a malformed base or address (an unclosed IPv6 bracket): keep what the feed says
        return href


def _atom_link(entry: etree._Element) -> str:
    fallback = ""
    for link in children(entry, "link"):
        rel = (link.get("rel") or "alternate").lower()
        href = _resolved(link, link.get("href") or (link.text or ""))
        if rel == "alternate" and href:
            return href
        if rel != "enclosure":
            fallback = fallback or href
    return fallback


def _rss_link(entry: etree._Element) -> str:
    """The item's link; else its guid when that is a web address (a permalink by default)."""
    for link in children(entry, "link"):
        rel = (link.get("rel") or "alternate").lower()
        href = (link.text or "").strip() or (link.get("href") if rel == "alternate" else "") or ""
        if href.strip():
            return _resolved(link, href)
    guid = child(entry, "guid")
    if guid is not None:
        value = (guid.text or "").strip()
        permalink = (guid.get("isPermaLink") or guid.get("ispermalink") or "true").strip().lower() != "false"
        url = _resolved(guid, value) if permalink else value
        if _WEB_URL.match(url):
            return url
    about = entry.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about") or ""
    return about.strip() if _WEB_URL.match(about.strip()) else ""


def _enclosure(entry: etree._Element) -> tuple[str, str, str]:
    """(url, media type, length in bytes) of the entry's first enclosure, or empty strings."""
    for el in entry:
        name = local_name(el)
        if name == "enclosure" and el.get("url"):
            return _resolved(el, el.get("url") or ""), el.get("type") or "", el.get("length") or ""
        if name == "link" and (el.get("rel") or "").lower() == "enclosure" and el.get("href"):
            return _resolved(el, el.get("href") or ""), el.get("type") or "", el.get("length") or ""
    for el in entry.iter(f"{{{MEDIA_NS}}}content"):
        if el.get("url"):
            return _resolved(el, el.get("url") or ""), el.get("type") or "", el.get("fileSize") or ""
    return "", "", ""


def _enclosure_note(kind: str, length: str) -> str:
    """"audio/mpeg, 12.3 MB" from an enclosure's type and length (either may be missing)."""
    parts = [kind.strip()] if kind.strip() else []
    if length.strip().isdigit() and int(length) > 0:
        size = float(length)
        for unit in ("bytes", "KB", "MB", "GB"):
            if size < 1000 or unit == "GB":
                parts.append(f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}")
                break
            size /= 1000
    return ", ".join(parts)


def url_title(url: str) -> str:
    """A title for an entry that has none: the host and path of its URL (`example.org/news/story`)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.strip()
    if not parts.netloc:
        return url.strip()
    return (parts.netloc + parts.path).rstrip("/")


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


def _sources(entry: etree._Element, *, atom: bool) -> tuple[list[Content | None], Content | None]:
    """The entry's content candidates in order of preference, and its summary."""
    if atom:
        summary = atom_construct(_own(entry, "summary"))
        first = [atom_construct(_own(entry, "content"))]
    else:
        summary = rss_text(_own(entry, "description", "summary", "abstract"), body=True)
        first = [rss_html(_own(entry, "encoded"))]
    inline = [rss_html(_own(entry, "body")), rss_html(_own(entry, "fullitem"))]
    return [*first, *inline, summary, media_description(entry)], summary


def _entry_article(
    entry: etree._Element, *, atom: bool, source: str, language: str, path: Path, fmt: str
) -> Article | None:
    title = title_text(_own(entry, "title"), atom=atom) or _media_title(entry)
    candidates, summary = _sources(entry, atom=atom)
    blocks, chosen = richest(candidates)
    enclosure, kind, length = _enclosure(entry)
    url = (_atom_link(entry) if atom else _rss_link(entry)) or enclosure
    if not (title or blocks or url):
        return None
    description = ""
    if not blocks:
        description = _enclosure_note(kind, length) if enclosure else ""
    elif summary is not None and chosen is not summary:
        description = summary.text()[:500]
        description = "" if description == blocks[0].text else description
    date = child_text(entry, "published", "issued", "created", "pubdate", "date", "updated", "modified")
    tags = tuple(
        dict.fromkeys(
            (c.get("term") or "".join(t for t in c.itertext() if isinstance(t, str))).strip()
            for c in children(entry, "category") + children(entry, "subject")
        )
    )
    article = make_article(
        title=title or _fallback_title(blocks, url, path),
        blocks=blocks,
        path=str(path),
        format=fmt,
        byline=_names(entry),
        published=normalise_date(date),
        source=source,
        url=url,
        language=language,
        description=description,
        image=_image(entry),
        tags=tuple(t for t in tags if t),
    )
    if not article.text and url:  # no text to tell items apart: two "Episode 1" items are two links
        article = replace(article, id=article_id(article.title, url))
    return article


def _media_title(entry: etree._Element) -> str:
    """The Media RSS title, for an entry that has no title of its own (a video or podcast item)."""
    for el in entry.iter(f"{{{MEDIA_NS}}}title"):
        return title_text(el, atom=False)
    return ""


def _fallback_title(blocks: list[Block], url: str, path: Path) -> str:
    if url:
        return url_title(url)
    return blocks[0].text[:80] if blocks else title_from_path(path)


def feed_articles(root: etree._Element, path: Path, fmt: str) -> list[Article]:
    """Articles of a parsed feed document."""
    name = local_name(root)
    atom = name == "feed"
    if name == "rss":
        channel = child(root, "channel")
        entries = children(channel, "item") if channel is not None else children(root, "item")
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
    source = title_text(_own(channel, "title"), atom=atom) if channel is not None else ""
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
