"""Plain-text articles: title from the first real line, page debris and publisher blurbs dropped."""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.article import Article, Block, make_article
from reader.core.extract.dates import normalise_date
from reader.core.formats.common import check_is_text, is_debris, title_from_path
from reader.core.formats.encoding import decode_bytes

_FIELD = re.compile(
    r"^(?P<key>title|headline|source|by|author|byline|date|published|dated|url|link)\s*:\s*(?P<value>\S.*)$", re.I
)
_BY_LINE = re.compile(r"^[Bb]y\s+(?P<name>[A-Z][\w.'\- ]{1,60}(?:\s+(?:and|&)\s+[A-Z][\w.'\- ]{1,60})?)$")
_MAX_TITLE = 200

# A paragraph in which a publisher describes itself, e.g. "X is an independent news site..." or
# "The X Gazette is mainly concerned with news...". Only checked at the end of an article.
_PUBLISHER_SELF = re.compile(
    r"\b(?:is|are)\s+(?:mainly|mostly|primarily|chiefly|largely)?\s*(?:concerned|dedicated|devoted|focused)\s+"
    r"(?:with|to|on)\b"
    r"|\b(?:is|are)\s+an?\s+(?:(?:\w+|[\w-]+)\s+){0,3}(?:news|media)\s*(?:site|website|portal|outlet|agency|network|"
    r"organi[sz]ation|publication|platform|service|source|company)\b"
    r"|\b(?:is|are)\s+an?\s+(?:independent|leading|non-?profit|online|digital)\s+(?:\w+\s+){0,3}"
    r"(?:newspaper|publication|magazine|site|website|outlet|agency|publisher|platform)\b"
    r"|\b(?:its|our)\s+(?:main\s+)?(?:objective|mission|aim|goal)\s+is\b"
    r"|^about\s+(?:us|the\s+\w+)\b|\ball rights reserved\b|^(?:©|copyright\b)",
    re.I,
)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; one per line when the file has no blank lines.

    Inside a paragraph, `Key: value` lines (Date:, Source:...) stand alone, and so does a short
    first line without closing punctuation (a title written directly above the text).
    """
    text = text.strip("\n")
    if not re.search(r"\n[ \t]*\n", text):
        return [ln.strip() for ln in text.split("\n") if not is_debris(ln)]
    paras: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n") if not is_debris(ln)]
        current: list[str] = []
        # Hard-wrapped prose (lines of similar width) has no title line inside it.
        wrapped = len(lines) >= 3 and all(50 <= len(ln) <= 80 for ln in lines[:-1])
        for i, line in enumerate(lines):
            own_line = bool(_FIELD.match(line) or _BY_LINE.match(line)) or (
                not paras and i == 0 and len(lines) > 1 and not wrapped
                and len(line) <= _MAX_TITLE and not line.endswith((".", ","))
            )
            if own_line:
                if current:
                    paras.append(" ".join(current))
                    current = []
                paras.append(line)
            else:
                current.append(line)
        if current:
            paras.append(" ".join(current))
    return paras


def is_publisher_blurb(paragraph: str, source: str) -> bool:
    """True for a closing paragraph where the publishing site describes itself."""
    if _PUBLISHER_SELF.search(paragraph):
        return True
    return bool(source) and paragraph.lower().startswith(source.lower()) and len(paragraph) < 400


def _read_fields(paras: list[str], meta: dict[str, str]) -> list[str]:
    """Take `Key: value` lines (Source, Date, By...) anywhere into `meta`; return the rest."""
    body = []
    for p in paras:
        m = _FIELD.match(p)
        if m and len(p) < 300:
            key = m["key"].lower()
            key = {"headline": "title", "by": "byline", "author": "byline", "dated": "published", "date": "published",
                   "link": "url"}.get(key, key)
            if key == "published":
                value = normalise_date(m["value"])
                if not value:
                    body.append(p)
                    continue
                meta.setdefault(key, value)
            else:
                meta.setdefault(key, m["value"].strip())
            if key == "source":
                meta["_source_index"] = str(len(body))
            continue
        body.append(p)
    return body


def text_to_article(text: str, path: Path, fmt: str = "text") -> Article:
    """Build an article from plain text."""
    meta: dict[str, str] = {}
    paras = _read_fields(split_paragraphs(text), meta)
    source_index = int(meta.pop("_source_index", "-1"))
    if source_index > 0:
        # What follows a closing Source line is the publisher talking about itself, not the story.
        tail = paras[source_index:]
        near_end = source_index >= 2 * len(paras) / 3 and len(tail) <= 2
        if tail and (near_end or all(is_publisher_blurb(p, meta.get("source", "")) for p in tail)):
            paras = paras[:source_index]
    while paras and is_publisher_blurb(paras[-1], meta.get("source", "")):
        paras.pop()
    title = meta.pop("title", "")
    if not title and paras and len(paras[0]) <= _MAX_TITLE:
        title = paras.pop(0)
    if paras and "byline" not in meta:
        m = _BY_LINE.match(paras[0])
        if m:
            meta["byline"] = m["name"].strip()
            paras.pop(0)
    return make_article(
        title=title or title_from_path(path),
        blocks=[Block(p, "p") for p in paras],
        path=str(path),
        format=fmt,
        **meta,
    )


def load_text(data: bytes, path: Path) -> list[Article]:
    """Load a plain-text article file."""
    text, _ = decode_bytes(data)
    check_is_text(text, path)
    return [text_to_article(text, path)]
