"""When a page was published, from its markup: the places a date is given, best first.

JSON-LD `datePublished`, the publication-time `<meta>` tags, an element marked
`itemprop="datePublished"`, a `<time datetime>` (inside `<article>` first); then, when the page's
address holds a date (/2019/11/19/), that; then a date written in an element whose class or id says
it holds one ("published", "date", "time", "byline"), publication words before plain ones. Elements
about updates, comments or other stories are not read, except that a page whose only date is its
`<time>` of last update gets that (many blog themes show no other), rather than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from reader.core.extract import jsonld
from reader.core.extract.dates import date_from_url, find_date, normalise_date
from reader.core.extract.dom import PageMarks, page_marks, text_of

DATE_META = (
    "article:published_time", "og:published_time", "article:published", "published_time", "publishdate",
    "publish-date", "publish_date", "pubdate", "datepublished", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published",
    "originalpublicationdate", "displaydate", "article_date_original", "cxenseparse:recs:publishtime",
)
_PUBLISHED_HINT = re.compile(r"publish|posted|pubdate|dateline|created", re.I)
_DATE_HINT = re.compile(r"date|time|byline|meta", re.I)
_NOT_PUBLISHED = re.compile(
    r"updat|modif|comment|copyright|footer|related|recommend|sidebar|widget|expir|event|calendar|birth|"
    r"read-?time|reading|runtime|duration|timeline|weather|clock|today|current|trending|popular|next|prev",
    re.I,
)
_LONGEST_DATE_TEXT = 160
_MOST_ELEMENTS = 4000


def _attr_value(el: etree._Element) -> str:
    return el.get("datetime") or el.get("content") or el.get("value") or el.get("title") or ""


def _hint(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"


def _itemprop_date(marked: list[etree._Element], language: str) -> str:
    """The first date of the elements marked datePublished (`dom.page_marks`, in page order)."""
    for el in marked:
        found = normalise_date(_attr_value(el), language=language) or normalise_date(
            text_of(el)[:_LONGEST_DATE_TEXT], language=language
        )
        if found:
            return found
    return ""


def _time_element_date(root: etree._Element, language: str, *, updates: bool = False) -> str:
    """The first `<time>` in the article, else in the page; one marked as an update only with `updates`."""
    scopes = [*root.iter("article"), root]
    for scope in scopes:
        for t in scope.iter("time"):
            if not updates and (_NOT_PUBLISHED.search(_hint(t)) or _excluded(t)):
                continue
            for value in (t.get("datetime"), text_of(t)[:_LONGEST_DATE_TEXT]):
                found = normalise_date(value, language=language)
                if found:
                    return found
    return ""


def _hinted_elements(root: etree._Element) -> Iterator[tuple[bool, etree._Element]]:
    """(says "published", element) for elements whose class/id says they hold a date, in page order."""
    body = root.find(".//body")
    for n, el in enumerate((body if body is not None else root).iter()):
        if n > _MOST_ELEMENTS:
            return
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript"):
            continue
        hint = _hint(el)
        if _NOT_PUBLISHED.search(hint):
            continue
        if _PUBLISHED_HINT.search(hint):
            yield True, el
        elif _DATE_HINT.search(hint):
            yield False, el


def _excluded(el: etree._Element) -> bool:
    """Inside an element about updates, comments or other stories."""
    parent = el.getparent()
    for _ in range(6):
        if parent is None:
            return False
        if _NOT_PUBLISHED.search(_hint(parent)):
            return True
        parent = parent.getparent()
    return False


def _hinted_date(root: etree._Element, language: str) -> str:
    best = ""
    for says_published, el in _hinted_elements(root):
        text = text_of(el)
        if len(text) > _LONGEST_DATE_TEXT and not _attr_value(el):
            continue
        found = normalise_date(_attr_value(el), language=language) or find_date(text, language=language)[0]
        if not found or _excluded(el):
            continue
        if says_published:
            return found
        best = best or found
    return best


def page_date(
    root: etree._Element, ld: dict[str, Any], meta: dict[str, str], url: str, language: str,
    marks: PageMarks | None = None,
) -> str:
    """The publication date of a page as ISO 8601, or "" (see the module docstring for the order); `marks`:
    `dom.page_marks(root)` when the caller has it."""
    found = normalise_date(
        jsonld.text_value(ld.get("datePublished")) or jsonld.text_value(ld.get("dateCreated")), language=language
    )
    for key in DATE_META:
        if found:
            return found
        found = normalise_date(meta.get(key), language=language)
    return (
        found or _itemprop_date((marks or page_marks(root)).dated, language) or _time_element_date(root, language)
        or date_from_url(url)
        or _hinted_date(root, language) or _time_element_date(root, language, updates=True)
    )
