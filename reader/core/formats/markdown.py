"""Markdown articles: YAML front matter for metadata, headings/lists/quotes/tables/code as blocks."""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.article import Article, Block, make_article
from reader.core.extract.dates import normalise_date
from reader.core.extract.language import guess_language, normalise_language
from reader.core.formats.common import check_is_text, parse_byline_line, title_from_path
from reader.core.formats.encoding import decode_bytes

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HRULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")

_FIELD_NAMES = {
    "title": "title", "headline": "title",
    "author": "byline", "authors": "byline", "byline": "byline", "by": "byline",
    "date": "published", "published": "published", "pubdate": "published",
    "source": "source", "publisher": "source", "site": "source",
    "url": "url", "link": "url", "canonical": "url",
    "tags": "tags", "categories": "tags", "keywords": "tags",
    "description": "description", "summary": "description",
    "lang": "language", "language": "language", "image": "image",
}


def strip_inline(text: str) -> str:
    """Remove inline Markdown markup, keeping the words.

    Every pattern is bounded (no bracket inside brackets, spans of at most a few hundred
    characters) so a long line full of stray `*` or `[` stays linear, not quadratic.
    """
    text = re.sub(r"!\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)", "", text)  # images carry no body text
    text = re.sub(r"\[([^\[\]\n]{1,500})\]\([^()\n]{0,2000}\)", r"\1", text)
    text = re.sub(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,100}\]", r"\1", text)
    text = re.sub(r"<[^<>\n]{1,500}>", "", text)
    text = re.sub(r"(\*\*|__)([^\n]{1,300}?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])([*_])(?![\s*_])([^\n*_]{1,300}?)(?<!\s)\1(?![\w*])", r"\2", text)
    text = re.sub(r"`([^`\n]{0,500})`", r"\1", text)
    return text.replace("\\", "")


def _yaml_value(raw: str) -> str | list[str]:
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        return [v.strip().strip("\"'") for v in raw[1:-1].split(",") if v.strip()]
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw


def parse_front_matter(block: str) -> dict[str, str | list[str]]:
    """A tiny YAML subset: `key: value`, `key: [a, b]` and `key:` followed by `- item` lines."""
    fields: dict[str, str | list[str]] = {}
    current = None
    for line in block.split("\n"):
        item = re.match(r"^\s+-\s+(.*)$", line) or re.match(r"^-\s+(.*)$", line)
        if item and current:
            value = fields.get(current)
            values = value if isinstance(value, list) else []
            values.append(str(_yaml_value(item.group(1))))
            fields[current] = values
            continue
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if m:
            current = m.group(1).lower()
            fields[current] = _yaml_value(m.group(2)) if m.group(2).strip() else []
    return fields


def _meta_from_front(fields: dict[str, str | list[str]]) -> dict[str, object]:
    meta: dict[str, object] = {}
    for key, value in fields.items():
        name = _FIELD_NAMES.get(key)
        if not name or not value or name in meta:
            continue
        if name == "tags":
            meta["tags"] = tuple(value) if isinstance(value, list) else tuple(
                t.strip() for t in value.split(",") if t.strip()
            )
        elif name == "byline":
            meta["byline"] = ", ".join(value) if isinstance(value, list) else value
        elif name == "published":
            meta["published"] = normalise_date(value if isinstance(value, str) else value[0])
        else:
            meta[name] = value if isinstance(value, str) else ", ".join(value)
    return meta


def _table_row(line: str) -> str:
    cells = [strip_inline(c.strip()) for c in line.strip().strip("|").split("|")]
    return " | ".join(cells)


def _take_fence(lines: list[str], i: int, fence: str) -> tuple[Block, int]:
    """A fenced code block starting at line i; returns it and the index of its closing line."""
    code = []
    i += 1
    while i < len(lines) and not lines[i].strip().startswith(fence):
        code.append(lines[i])
        i += 1
    return Block("\n".join(code), "pre"), i


def _take_table(lines: list[str], i: int) -> tuple[list[Block], int]:
    """A pipe table whose header is line i; returns its rows and the index after it."""
    rows = [Block(_table_row(lines[i]), "table")]
    i += 2  # header and the |---| rule
    while i < len(lines) and "|" in lines[i] and lines[i].strip():
        rows.append(Block(_table_row(lines[i]), "table"))
        i += 1
    return rows, i


def _take_quote(lines: list[str], i: int, first: str) -> tuple[Block, int]:
    """Consecutive `>` lines from line i as one quote; returns it and its last line's index."""
    quote = [first]
    while i + 1 < len(lines) and (q := _QUOTE.match(lines[i + 1])):
        quote.append(q.group(1))
        i += 1
    return Block(strip_inline(" ".join(quote)), "quote"), i


def markdown_blocks(text: str) -> list[Block]:
    """Turn Markdown body text into article blocks, keeping structure."""
    blocks: list[Block] = []
    para: list[str] = []
    lines = text.split("\n")

    def flush() -> None:
        if para:
            blocks.append(Block(strip_inline(" ".join(para)), "p"))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if fence := _FENCE.match(line):
            flush()
            block, i = _take_fence(lines, i, fence.group(1))
            blocks.append(block)
        elif not line.strip() or _HRULE.match(line):
            flush()
        elif m := _HEADING.match(line):
            flush()
            blocks.append(Block(strip_inline(m.group(2)), "h", len(m.group(1))))
        elif para and _SETEXT.match(line) and len(para) == 1:
            blocks.append(Block(strip_inline(para[0]), "h", 1 if line.strip()[0] == "=" else 2))
            para.clear()
        elif "|" in line and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            flush()
            rows, i = _take_table(lines, i)
            blocks.extend(rows)
            continue
        elif m := _LIST_ITEM.match(line):
            flush()
            blocks.append(Block(strip_inline(m.group(2)), "li", len(m.group(1).expandtabs(4)) // 2))
        elif m := _QUOTE.match(line):
            flush()
            block, i = _take_quote(lines, i, m.group(1))
            blocks.append(block)
        elif blocks and blocks[-1].kind == "li" and line.startswith((" ", "\t")) and not para:
            last = blocks.pop()  # a list item's continuation line
            blocks.append(Block(last.text + " " + strip_inline(line.strip()), "li", last.level))
        else:
            para.append(line.strip())
        i += 1
    flush()
    return blocks


_BYLINE_WINDOW = 3  # byline lines are looked for among the first few blocks after the title
_LANGUAGE_SAMPLE = 2000


def _take_byline_blocks(blocks: list[Block], meta: dict[str, object]) -> None:
    """Move `By X | 3 March 2025`-style paragraphs just under the title into `meta` (front matter wins)."""
    updated = ""
    i = seen = 0
    while i < len(blocks) and seen < _BYLINE_WINDOW:
        found = parse_byline_line(blocks[i].text) if blocks[i].kind == "p" else None
        seen += 1
        if found is None:
            i += 1
            continue
        if found.byline and not meta.get("byline"):
            meta["byline"] = found.byline
        if found.published and not meta.get("published"):
            meta["published"] = found.published
        updated = updated or found.updated
        blocks.pop(i)
    if updated and not meta.get("published"):
        meta["published"] = updated


def markdown_to_article(text: str, path: Path) -> Article:
    """Build an article from Markdown text with optional front matter."""
    meta: dict[str, object] = {}
    m = _FRONT.match(text)
    if m:
        meta = _meta_from_front(parse_front_matter(m.group(1)))
        text = text[m.end():]
    blocks = markdown_blocks(text)
    title = str(meta.pop("title", "") or "")
    if not title and blocks and blocks[0].kind == "h" and blocks[0].level <= 2:
        title = blocks.pop(0).text
    elif blocks and blocks[0].kind == "h" and blocks[0].text.strip() == title.strip():
        blocks.pop(0)
    _take_byline_blocks(blocks, meta)
    meta["language"] = normalise_language(str(meta.get("language") or ""))
    if not meta["language"]:
        meta["language"] = guess_language("\n".join(b.text for b in blocks)[:_LANGUAGE_SAMPLE])
    return make_article(
        title=title or title_from_path(path), blocks=blocks, path=str(path), format="markdown", **meta
    )


def load_markdown(data: bytes, path: Path) -> list[Article]:
    """Load a Markdown article file."""
    text, _ = decode_bytes(data)
    check_is_text(text, path)
    return [markdown_to_article(text, path)]
