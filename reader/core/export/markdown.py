"""Markdown export: YAML front matter, highlights as ==text==, notes as footnotes or block quotes.

Written for Obsidian and Logseq: both read YAML front matter, ==marks== and [^footnotes].
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from reader.core.annotation import Highlight
from reader.core.article import Link
from reader.core.export.escape import code_fence, markdown_autolink, markdown_link_target, markdown_tag
from reader.core.export.item import ExportItem, ExportOptions, byline_parts
from reader.core.export.layout import BlockLayout, entity_index, entity_label, layout

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<#])")
_DOUBLED = re.compile(r"([=~])(?=[=~])")
_LINE_START = re.compile(r"^(\s*)(?:([-+>])|(\d+)([.)]))(?=\s|$)")


def escape_md(text: str, *, in_mark: bool = False) -> str:
    """Escape the characters Markdown would read as markup, keeping ordinary prose readable."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    if in_mark:  # an "=" touching our own == would end the mark early
        return text.replace("=", r"\=")
    return _DOUBLED.sub(r"\\\1", text)


def _yaml_str(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, so nothing in a title can break the header.
    return json.dumps(value, ensure_ascii=False)


def _yaml_tag(tag: str) -> str:
    # Obsidian and Logseq tags are single words; keep the words, join them with hyphens.
    return _yaml_str("-".join(tag.split()))


def front_matter(fields: Sequence[tuple[str, str | list[str]]]) -> str:
    """A YAML front matter block; empty values are left out."""
    lines = ["---"]
    for key, value in fields:
        if isinstance(value, list):
            if value:
                lines.append(f"{key}:")
                lines.extend(f"  - {_yaml_tag(v)}" for v in value)
        elif value:
            lines.append(f"{key}: {_yaml_str(value)}")
    lines.append("---")
    return "\n".join(lines)


def _ref(prefix: str, number: int) -> str:
    return f"[^{prefix}{number}]"


def _block_text(bl: BlockLayout, fn: dict[str, int], prefix: str, footnotes: bool) -> str:
    """The block's inline Markdown: [links](href) holding ==marks==, footnote references at highlight ends.

    A mark never crosses a link's edge (it is closed and opened again there), and a footnote reference
    closes both first, so links, marks and references nest as Markdown needs.
    """
    parts: list[str] = []
    open_mark = False
    link: Link | None = None  # the link whose text is open: "[" written, "](href)" not yet

    def close(*, keep_link: bool = False) -> None:
        nonlocal open_mark, link
        if open_mark:
            parts.append("==")
            open_mark = False
        if link is not None and not keep_link:
            parts.append(f"]({markdown_link_target(link.href)})")
            link = None

    for run in bl.runs:
        wanted = run.link if run.link is not None and markdown_link_target(run.link.href) else None
        if wanted != link:
            close()
            if wanted is not None:
                parts.append("[")
                link = wanted
        if bool(run.highlights) != open_mark:
            if open_mark:
                close(keep_link=True)
            else:
                parts.append("==")
                open_mark = True
        parts.append(escape_md(run.text, in_mark=open_mark))
        refs = [h for h in bl.ends_at(run.end) if h.note.strip()] if footnotes else []
        if refs:
            close()
            parts.extend(_ref(prefix, fn[h.id]) for h in refs)
    close()
    return "".join(parts)


def _escape_line_start(m: re.Match[str]) -> str:
    # "- x" or "> x" would start a list or quote, "1. x" a numbered list: escape the punctuation.
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"


def _note_quote(h: Highlight) -> str:
    lines = h.note.strip().splitlines() or [""]
    first = f"> **Note:** {lines[0]}"
    return "\n".join([first, *(f"> {line}" if line else ">" for line in lines[1:])])


def _render_block(bl: BlockLayout, fn: dict[str, int], prefix: str, footnotes: bool) -> str:
    b = bl.block
    if b.kind == "pre":
        fence = code_fence(b.text)
        refs = "".join(_ref(prefix, fn[h.id]) for h in bl.ending if h.note.strip()) if footnotes else ""
        return f"{fence}\n{b.text}\n{fence}" + (f"\n\n{refs}" if refs else "")
    text = _block_text(bl, fn, prefix, footnotes)
    text = _LINE_START.sub(_escape_line_start, text)
    if b.kind == "h":
        return "#" * min(6, max(2, b.level + 1)) + " " + text
    if b.kind == "li":
        return "  " * max(0, b.level - 1) + "- " + text
    if b.kind == "quote":
        return "> " + text
    if b.kind == "caption":
        return f"*{text}*"
    return text


def _footnote(prefix: str, number: int, note: str) -> str:
    lines = note.strip().splitlines()
    rest = "".join(f"\n    {line}" if line.strip() else "\n" for line in lines[1:])
    return f"{_ref(prefix, number)}: {lines[0]}{rest}"


def _body(item: ExportItem, options: ExportOptions, prefix: str) -> tuple[str, list[str]]:
    """The article body and its footnote definitions."""
    lay = layout(item)
    footnotes = options.note_style == "footnotes"
    fn = lay.numbers
    chunks: list[str] = []
    prev_kind = ""
    for bl in lay.blocks:
        rendered = _render_block(bl, fn, prefix, footnotes)
        sep = "\n" if chunks and prev_kind == "li" and bl.block.kind == "li" else "\n\n"
        chunks.append((sep if chunks else "") + rendered)
        prev_kind = bl.block.kind
        if not footnotes:
            for h in bl.ending:
                if h.note.strip():
                    chunks.append("\n\n" + _note_quote(h))
                    prev_kind = "note"
    defs = [_footnote(prefix, fn[h.id], h.note) for h in lay.placed if h.note.strip()] if footnotes else []
    tail = _unplaced_section(lay.unplaced)
    return "".join(chunks) + tail, defs


def _unplaced_section(unplaced: Sequence[Highlight]) -> str:
    if not unplaced:
        return ""
    out = ["\n\n## Highlights not found in this version"]
    for h in unplaced:
        out.append(f"\n\n> =={escape_md(' '.join(h.quote.exact.split()), in_mark=True)}==")
        if h.note.strip():
            out.append("\n\n" + _note_quote(h))
    return "".join(out)


def _entities_section(item: ExportItem) -> str:
    index = entity_index(item)
    if not index:
        return ""
    lines = ["## Entities", ""]
    lines += [f"- **{entity_label(t)}**: {', '.join(escape_md(n) for n in names)}" for t, names in index.items()]
    return "\n".join(lines)


def article_markdown(
    item: ExportItem, options: ExportOptions, *, heading: int = 1, prefix: str = "", details: bool = False
) -> str:
    """The article part of a Markdown export: title, meta line, body, note, entities, footnotes.

    `details` adds the URL and tags under the title, for combined files that have no per-article front matter.
    """
    a = item.article
    parts = ["#" * heading + " " + escape_md(a.title or "Untitled")]
    meta = " · ".join(byline_parts(a))
    if meta:
        parts.append(f"*{escape_md(meta)}*")
    if details and (a.url or item.tags()):
        tags = " ".join(t for t in (markdown_tag(t) for t in item.tags()) if t)
        url = (markdown_autolink(a.url) or escape_md(a.url)) if a.url else ""
        parts.append(" · ".join(x for x in (url, tags) if x))
    body, defs = _body(item, options, prefix)
    if body:
        parts.append(body)
    if item.note_text():
        parts.append("## Note\n\n" + item.note_text())
    if options.include_entities:
        ents = _entities_section(item)
        if ents:
            parts.append(ents)
    if defs:
        parts.append("\n".join(defs))
    return "\n\n".join(parts) + "\n"


def _article_front_matter(item: ExportItem, exported: str) -> str:
    a = item.article
    return front_matter([
        ("title", a.title), ("author", a.byline), ("source", a.source), ("url", a.url),
        ("published", a.published), ("tags", item.tags()), ("exported", exported),
    ])  # fmt: skip


def to_markdown(item: ExportItem, options: ExportOptions | None = None) -> str:
    """One article as a Markdown document with YAML front matter."""
    options = options or ExportOptions()
    return _article_front_matter(item, options.exported_at()) + "\n\n" + article_markdown(item, options)


def to_markdown_combined(items: Sequence[ExportItem], options: ExportOptions | None = None) -> str:
    """Several articles in one Markdown document; footnote labels are made unique per article."""
    options = options or ExportOptions()
    head = front_matter([("title", "News Reader export"), ("articles", str(len(items))),
                         ("exported", options.exported_at())])
    articles = [
        article_markdown(item, options, prefix=f"a{i}-", details=True).rstrip("\n")
        for i, item in enumerate(items, start=1)
    ]
    return head + "\n\n" + "\n\n---\n\n".join(articles) + "\n"
