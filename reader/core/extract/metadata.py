"""An HTML page's metadata: title, byline, date, site, canonical URL, language, description, image."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from reader.core.extract import jsonld
from reader.core.extract.dates import date_from_url, normalise_date
from reader.core.extract.dom import text_of
from reader.core.extract.language import normalise_language

_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»]|::)\s+")
_BY_PREFIX = re.compile(r"^\s*(?:by|par|von|por|di)\s*[:\s]\s*", re.I)
_DATE_META = (
    "article:published_time", "og:published_time", "article:published", "published_time", "publishdate",
    "publish-date", "publish_date", "pubdate", "datepublished", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published",
    "originalpublicationdate", "displaydate", "article_date_original", "cxenseparse:recs:publishtime",
)
_AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author", "twitter:creator")


@dataclass
class PageMetadata:
    """What a page says about itself."""

    title: str = ""
    byline: str = ""
    published: str = ""
    source: str = ""
    url: str = ""
    language: str = ""
    description: str = ""
    image: str = ""
    tags: tuple[str, ...] = ()
    article_body: str = ""  # JSON-LD articleBody, used to cross-check extraction
    h1: str = ""
    extras: dict[str, str] = field(default_factory=dict)


def _meta_map(root: etree._Element) -> dict[str, str]:
    """name/property/itemprop/http-equiv of every <meta>, lower-cased, first value wins."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key and key not in found:
                found[key] = html_lib.unescape(content.strip())
    return found


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(text or "")).strip()


def strip_site_suffix(title: str, site: str) -> str:
    """`Story headline | Site Name` -> `Story headline` (also `Site - Headline`)."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site_low = site.lower().strip()
    if site_low:
        kept = [p for p in parts if p.lower().strip() != site_low and site_low not in p.lower()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    # No site name known: drop a last (or, after "|", a first) part that reads like a site label.
    seps = list(_TITLE_SEPARATORS.finditer(title))
    head, tail = title[: seps[-1].start()], title[seps[-1].end():]
    if _looks_like_site_label(tail) and len(head) >= 15:
        return head.strip()
    first_sep = seps[0]
    if "|" in first_sep.group(0) and _looks_like_site_label(title[: first_sep.start()]):
        return title[first_sep.end():].strip()
    return title


def _looks_like_site_label(text: str) -> bool:
    """Short, and every word capitalised or a domain: "BBC News", "The Daily Wave", "example.com"."""
    text = text.strip()
    words = text.split()
    if not words or len(text) > 32 or len(words) > 5:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or "." in w or not w[:1].isalpha() for w in words)


def _first_h1(root: etree._Element) -> str:
    for h1 in root.iter("h1"):
        text = _clean(text_of(h1))
        if text:
            return text
    return ""


def _byline_from_markup(root: etree._Element) -> str:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("rel") == "author" or (el.get("itemprop") or "").lower() == "author":
            text = _clean(text_of(el))
            if 2 < len(text) < 80:
                return _BY_PREFIX.sub("", text)
    return ""


def _time_element_date(root: etree._Element) -> str:
    for t in root.iter("time"):
        for value in (t.get("datetime"), text_of(t)):
            found = normalise_date(value)
            if found:
                return found
    return ""


def read_metadata(root: etree._Element, base_url: str = "") -> PageMetadata:
    """Collect metadata from JSON-LD, Open Graph and meta tags, and a few elements."""
    meta = _meta_map(root)
    articles = jsonld.article_objects(root)
    ld: dict[str, Any] = articles[0] if articles else {}
    md = PageMetadata()
    publishers = jsonld.names(ld.get("publisher"))
    md.source = _clean(
        publishers[0] if publishers else
        meta.get("og:site_name") or meta.get("application-name") or meta.get("twitter:site", "").lstrip("@")
    )
    md.h1 = _first_h1(root)
    md.title = _read_title(root, ld, meta, md)
    md.byline = _read_byline(root, ld, meta)
    md.url = _read_url(root, ld, meta, base_url)
    md.published = _read_date(root, ld, meta) or date_from_url(md.url) or date_from_url(base_url)
    md.language = _read_language(root, ld, meta)
    md.description = _clean(
        meta.get("description") or meta.get("og:description") or meta.get("twitter:description")
        or jsonld.text_value(ld.get("description"))
    )
    md.image = _clean(meta.get("og:image") or meta.get("twitter:image") or jsonld.first_url(ld.get("image")))
    md.tags = _tags(ld, meta)
    body = ld.get("articleBody")
    md.article_body = body if isinstance(body, str) else ""
    return md


def _read_title(root: etree._Element, ld: dict[str, Any], meta: dict[str, str], md: PageMetadata) -> str:
    title_el = root.find(".//title")
    page_title = _clean(text_of(title_el)) if title_el is not None else ""
    for candidate in (
        jsonld.text_value(ld.get("headline")), meta.get("og:title"), meta.get("twitter:title"),
        meta.get("headline"), meta.get("title"), md.h1, page_title,
    ):
        if candidate and _clean(candidate):
            return strip_site_suffix(_clean(candidate), md.source)
    return ""


def _read_byline(root: etree._Element, ld: dict[str, Any], meta: dict[str, str]) -> str:
    authors = jsonld.names(ld.get("author")) or jsonld.names(ld.get("creator"))
    if not authors:
        for key in _AUTHOR_META:
            value = meta.get(key, "")
            if value and not value.startswith(("http://", "https://", "@")):
                authors = [value]
                break
    seen: list[str] = []
    for a in authors:
        a = _BY_PREFIX.sub("", _clean(a))
        if a and a not in seen:
            seen.append(a)
    return ", ".join(seen) or _byline_from_markup(root)


def _read_url(root: etree._Element, ld: dict[str, Any], meta: dict[str, str], base_url: str) -> str:
    url = _clean(
        _canonical(root) or meta.get("og:url") or jsonld.first_url(ld.get("url") or ld.get("mainEntityOfPage"))
        or base_url
    )
    if url and not url.startswith(("http://", "https://")):
        # A relative canonical link: resolve it against what the page says its address is.
        base = base_url or meta.get("og:url", "")
        url = urljoin(base, url) if base.startswith(("http://", "https://")) else url
    return url


def _read_date(root: etree._Element, ld: dict[str, Any], meta: dict[str, str]) -> str:
    found = normalise_date(jsonld.text_value(ld.get("datePublished")) or jsonld.text_value(ld.get("dateCreated")))
    for key in _DATE_META:
        if found:
            break
        found = normalise_date(meta.get(key))
    return found or _time_element_date(root)


def _read_language(root: etree._Element, ld: dict[str, Any], meta: dict[str, str]) -> str:
    html_el = root if root.tag == "html" else root.find(".//html")
    declared = ""
    if html_el is not None:
        declared = html_el.get("lang") or html_el.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    for candidate in (
        declared, meta.get("content-language", "").split(",")[0], meta.get("og:locale", ""),
        jsonld.text_value(ld.get("inLanguage")),
    ):
        code = normalise_language(candidate)
        if code:
            return code
    return ""


def _canonical(root: etree._Element) -> str:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href", "")
    return ""


def _tags(ld: dict[str, Any], meta: dict[str, str]) -> tuple[str, ...]:
    raw = ld.get("keywords") or meta.get("news_keywords") or meta.get("keywords") or ""
    items = raw if isinstance(raw, list) else str(raw).split(",")
    tags: list[str] = []
    for item in items[:30]:
        t = _clean(str(item))
        if t and t not in tags and len(t) < 60:
            tags.append(t)
    return tuple(tags)
