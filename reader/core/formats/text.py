"""Plain-text articles: title from the first real line, page debris and publisher blurbs dropped."""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.article import Article, Block, make_article
from reader.core.extract.dates import normalise_date
from reader.core.extract.language import guess_language, opening
from reader.core.extract.source_name import tidy_source
from reader.core.formats.common import BylineLine, check_is_text, is_debris, parse_byline_line, title_from_path
from reader.core.formats.encoding import decode_bytes

# `Key: value` header lines; source labels also in French, German, Spanish, Italian, Portuguese,
# Dutch, Arabic (المصدر) and Persian (منبع), and "Source :" with the French space before the colon.
_FIELD = re.compile(
    r"^(?P<key>title|headline|source|quelle|fuente|fonte|bron|المصدر|مصدر|منبع|by|author|auteur|autor|byline"
    r"|date|published|dated|url|link)\s*[:：]\s*(?P<value>\S.*)$",
    re.I,
)
_FIELD_NAMES = {
    "headline": "title", "by": "byline", "author": "byline", "auteur": "byline", "autor": "byline",
    "dated": "published", "date": "published", "link": "url",
    "quelle": "source", "fuente": "source", "fonte": "source", "bron": "source", "المصدر": "source",
    "مصدر": "source", "منبع": "source",
}
_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # what separates paragraphs
_MAX_TITLE = 200
_BYLINE_WINDOW = 3  # byline and dateline lines are looked for among this many paragraphs after the title
_LANGUAGE_SAMPLE = 2000

# A paragraph in which a publisher describes itself, e.g. "X is an independent news site..." or
# "The X Gazette is mainly concerned with news...". Only checked at the end of an article.
# Every branch begins with one of i, a, o, c, ©: the lookahead lets the engine pass other characters at
# once (three times faster on a paragraph; the closing paragraph of every text file is tried).
_PUBLISHER_SELF = re.compile(
    r"(?=[iaoc©])(?:\b(?:is|are)\s+(?:mainly|mostly|primarily|chiefly|largely)?\s*(?:concerned|dedicated|devoted|focused)\s+"
    r"(?:with|to|on)\b"
    r"|\b(?:is|are)\s+an?\s+(?:(?:\w+|[\w-]+)\s+){0,3}(?:news|media)\s*(?:site|website|portal|outlet|agency|network|"
    r"organi[sz]ation|publication|platform|service|source|company)\b"
    r"|\b(?:is|are)\s+an?\s+(?:independent|leading|non-?profit|online|digital)\s+(?:\w+\s+){0,3}"
    r"(?:newspaper|publication|magazine|site|website|outlet|agency|publisher|platform)\b"
    r"|\b(?:its|our)\s+(?:main\s+)?(?:objective|mission|aim|goal)\s+is\b"
    r"|^about\s+(?:us|the\s+\w+)\b|\ball rights reserved\b|^(?:©|copyright\b))",
    re.I,
)


# Words one of _PUBLISHER_SELF's branches needs (its first, second, third and fourth branch; the last three
# need the text to begin with one of _SELF_OPENINGS or to hold "all rights reserved").
_SELF_WORDS = (
    "concerned", "dedicated", "devoted", "focused", "news", "media", "independent", "leading", "profit", "online",
    "digital", "objective", "mission", "aim", "goal", "all rights reserved",
)
_SELF_OPENINGS = ("about", "copyright")


def _may_describe_itself(paragraph: str) -> bool:
    """False only when `_PUBLISHER_SELF` cannot match: an ASCII paragraph without any word it needs.

    Why: the regex is tried at most letters of a paragraph (about 0.1 ms for one of 700 characters); most last
    paragraphs lack all of its words. Only ASCII is judged here, where lower-casing is what re.I does.
    """
    if not paragraph.isascii():
        return True
    low = paragraph.lower()
    return low.startswith(_SELF_OPENINGS) or any(word in low for word in _SELF_WORDS)


Bylines = dict[str, BylineLine | None]  # each line's parse_byline_line, kept while one article is read


def _byline_of(line: str, bylines: Bylines) -> BylineLine | None:
    """`parse_byline_line(line)`, parsed once per article: the lines near the top are asked up to three times
    (as a line of its own, before the title, after it); callers only read the result."""
    if line not in bylines:
        bylines[line] = parse_byline_line(line)
    return bylines[line]


def split_paragraphs(text: str, bylines: Bylines | None = None) -> list[str]:
    """Paragraphs separated by blank lines; one per line when the file has no blank lines.

    Inside a paragraph, `Key: value` lines (Date:, Source:...) stand alone, and so does a short
    first line without closing punctuation (a title written directly above the text).
    """
    bylines = {} if bylines is None else bylines
    text = text.strip("\n")
    if not _BLANK_LINE.search(text):
        return [ln.strip() for ln in text.split("\n") if not is_debris(ln)]
    paras: list[str] = []
    for chunk in _BLANK_LINE.split(text):
        lines = [ln.strip() for ln in chunk.split("\n") if not is_debris(ln)]
        current: list[str] = []
        # Hard-wrapped prose (lines of similar width) has no title line inside it.
        wrapped = len(lines) >= 3 and all(50 <= len(ln) <= 80 for ln in lines[:-1])
        for i, line in enumerate(lines):
            # A byline typed directly under the title, in the same chunk, is a paragraph of its own.
            byline_line = len(paras) < _BYLINE_WINDOW + 1 and _byline_of(line, bylines) is not None
            own_line = bool(_FIELD.match(line)) or byline_line or (
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
    if _may_describe_itself(paragraph) and _PUBLISHER_SELF.search(paragraph):
        return True
    return bool(source) and paragraph.lower().startswith(source.lower()) and len(paragraph) < 400


def _read_fields(paras: list[str], meta: dict[str, str]) -> list[str]:
    """Take `Key: value` lines (Source, Date, By...) anywhere into `meta`; return the rest."""
    body = []
    for p in paras:
        m = _FIELD.match(p)
        if m and len(p) < 300:
            key = m["key"].lower()
            key = _FIELD_NAMES.get(key, key)
            if key == "published":
                value = normalise_date(m["value"])
                if not value:
                    body.append(p)
                    continue
                meta.setdefault(key, value)
            else:
                meta.setdefault(key, tidy_source(m["value"]) if key == "source" else m["value"].strip())
            if key == "source":
                meta["_source_index"] = str(len(body))
            continue
        body.append(p)
    return body


def text_to_article(text: str, path: Path, fmt: str = "text") -> Article:
    """Build an article from plain text."""
    meta: dict[str, str] = {}
    bylines: Bylines = {}
    paras = _read_fields(split_paragraphs(text, bylines), meta)
    source_index = int(meta.pop("_source_index", "-1"))
    if source_index > 0:
        # What follows a closing Source line is the publisher talking about itself, not the story.
        tail = paras[source_index:]
        near_end = source_index >= 2 * len(paras) / 3 and len(tail) <= 2
        if tail and (near_end or all(is_publisher_blurb(p, meta.get("source", "")) for p in tail)):
            paras = paras[:source_index]
    while paras and is_publisher_blurb(paras[-1], meta.get("source", "")):
        paras.pop()
    take_byline_lines(paras, meta, 0, before_title=True, bylines=bylines)
    title = meta.pop("title", "")
    if not title and paras and len(paras[0]) <= _MAX_TITLE:
        title = paras.pop(0)
    take_byline_lines(paras, meta, 0, bylines=bylines)
    if "language" not in meta:
        meta["language"] = guess_language(opening(paras, "\n", _LANGUAGE_SAMPLE))
    return make_article(
        title=title or title_from_path(path),
        blocks=[Block(p, "p") for p in paras],
        path=str(path),
        format=fmt,
        **meta,
    )


def take_byline_lines(
    paras: list[str], meta: dict[str, str], start: int, *, before_title: bool = False, bylines: Bylines | None = None
) -> None:
    """Move byline/dateline lines near the top (`By X | 3 March 2025`, `ACCRA, 3 May 2025`) into `meta`.

    Looks at up to `_BYLINE_WINDOW` paragraphs from `start` (before the title: only the leading
    run of such lines), and removes from `paras` each one that parses completely as a byline line.
    An "Updated" date stands in for the publication date only when no other date is given.
    """
    bylines = {} if bylines is None else bylines
    updated = ""
    i, seen = start, 0
    while i < len(paras) and seen < _BYLINE_WINDOW:
        # Before the title, a line is only metadata if a title and some text still follow it.
        found = _byline_of(paras[i], bylines) if not before_title or len(paras) - i > 2 else None
        if found is None:
            if before_title:
                break
            i, seen = i + 1, seen + 1
            continue
        if found.byline:
            meta.setdefault("byline", found.byline)
        if found.published:
            meta.setdefault("published", found.published)
        updated = updated or found.updated
        paras.pop(i)
        seen += 1
    if updated:
        meta.setdefault("published", updated)


def load_text(data: bytes, path: Path) -> list[Article]:
    """Load a plain-text article file."""
    text, _ = decode_bytes(data)
    check_is_text(text, path)
    return [text_to_article(text, path)]
