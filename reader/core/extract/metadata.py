"""An HTML page's metadata: title, byline, date, site, canonical URL, language, description, image."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from reader.core.extract import jsonld
from reader.core.extract.dates import date_from_url
from reader.core.extract.dom import PageMarks, page_marks, text_of
from reader.core.extract.language import normalise_language
from reader.core.extract.page_dates import page_date
from reader.core.extract.source_name import SourceClues, agency_in, choose_source
from reader.core.extract.titles import choose_title, strip_site_suffix, title_parts

__all__ = ["PageMetadata", "read_metadata", "strip_site_suffix"]

_BY_PREFIX = re.compile(r"^\s*(?:by|par|von|por|di)\s*[:\s]\s*", re.I)
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


def _first_h1(root: etree._Element) -> str:
    for h1 in root.iter("h1"):
        text = _clean(text_of(h1))
        if text:
            return text
    return ""


def _byline_from_markup(authors: list[etree._Element]) -> str:
    for el in authors:
        text = _clean(text_of(el))
        if 2 < len(text) < 80:
            return _BY_PREFIX.sub("", text)
    return ""


def read_metadata(root: etree._Element, base_url: str = "", marks: PageMarks | None = None) -> PageMetadata:
    """Collect metadata from JSON-LD, Open Graph and meta tags, and a few elements (`marks`: `page_marks(root)`,
    when the caller walked the page already)."""
    meta = _meta_map(root)
    articles = jsonld.article_objects(root)
    ld: dict[str, Any] = articles[0] if articles else {}
    md = PageMetadata()
    md.h1 = _first_h1(root)
    md.url = _read_url(root, ld, meta, base_url)
    md.language = _read_language(root, ld, meta)
    md.description = _clean(
        meta.get("description") or meta.get("og:description") or meta.get("twitter:description")
        or jsonld.text_value(ld.get("description"))
    )
    page_title = _page_title(root, meta)
    marks = page_marks(root) if marks is None else marks
    authors, headline = marks.authors, marks.headline
    marked_byline = _byline_from_markup(authors)  # the source's clues and the byline both read it
    md.source = _read_source(root, ld, meta, page_title, md.url, marked_byline)
    md.title = _read_title(root, ld, meta, page_title, md.source, headline)
    md.byline = _read_byline(ld, meta, marked_byline)
    md.published = page_date(root, ld, meta, md.url, md.language, marks) or date_from_url(base_url)
    md.image = _clean(meta.get("og:image") or meta.get("twitter:image") or jsonld.first_url(ld.get("image")))
    md.tags = _tags(ld, meta)
    body = ld.get("articleBody")
    md.article_body = body if isinstance(body, str) else ""
    return md


def _page_title(root: etree._Element, meta: dict[str, str]) -> str:
    title_el = root.find(".//title")
    return _clean(text_of(title_el)) if title_el is not None else _clean(meta.get("title", ""))


def _declared_sites(ld: dict[str, Any], meta: dict[str, str]) -> list[str]:
    """Names the page gives its site: JSON-LD publisher, og:site_name, application-name."""
    return [_clean(v) for v in (*jsonld.names(ld.get("publisher"))[:1], meta.get("og:site_name", ""),
                                meta.get("application-name", "")) if v and _clean(v)]


def _read_source(
    root: etree._Element, ld: dict[str, Any], meta: dict[str, str], page_title: str, url: str, marked_byline: str
) -> str:
    clues = SourceClues(
        declared=_declared_sites(ld, meta),
        title_suffixes=title_parts(page_title) + title_parts(_clean(meta.get("og:title", ""))),
        handles=[_clean(meta.get("twitter:site", ""))],
        url=url,
        agency=agency_in(_opening_lines(root, marked_byline)),
    )
    return _clean(choose_source(clues))


def _opening_lines(root: etree._Element, marked_byline: str) -> list[str]:
    """The first paragraphs' text and the byline, where a dateline "(Reuters) -" or "By AP" is written."""
    lines = [text_of(p)[:200] for _, p in zip(range(8), root.iter("p"), strict=False)]
    return [*lines, marked_byline]


def _article_h1(root: etree._Element) -> etree._Element | None:
    for scope in (*root.iter("article"), root):
        for h1 in scope.iter("h1"):
            if _clean(text_of(h1)):
                return h1
    return None


def _read_title(
    root: etree._Element, ld: dict[str, Any], meta: dict[str, str], page_title: str, source: str,
    marked: etree._Element | None,
) -> str:
    h1 = _article_h1(root)
    # Ties go to the earlier place: what the reader sees marked as the headline first, the <meta>
    # copies of the <title> last.
    candidates = [
        _clean(text_of(marked)) if marked is not None else "",
        jsonld.text_value(ld.get("headline")),
        meta.get("og:title") or meta.get("twitter:title", ""),
        _clean(text_of(h1)) if h1 is not None and h1 is not marked else "",
        meta.get("headline", "") if marked is None else "",
        page_title,
    ]
    sites = [source, *_declared_sites(ld, meta)[:2]]
    descriptions = [meta.get("description", ""), meta.get("og:description", ""), meta.get("twitter:description", ""),
                    jsonld.text_value(ld.get("description"))]
    return choose_title([_clean(c) for c in candidates], sites=sites, descriptions=descriptions)


def _read_byline(ld: dict[str, Any], meta: dict[str, str], marked_byline: str) -> str:
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
    return ", ".join(seen) or marked_byline


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
