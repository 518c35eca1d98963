"""Plain-text export: the article with highlights in [[double brackets]], numbered notes listed after it.

Links are listed after the body (their text, then the address), not marked inside it: the body stays
the article's exact words, and only http, https and mailto addresses are listed, as the other exports link.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.dates_display import long_date
from reader.core.export.item import ExportItem, ExportOptions, byline_parts
from reader.core.export.layout import BlockLayout, Layout, entity_index, entity_label, layout
from reader.core.safe_text import is_link_url


def _underline(title: str, char: str) -> str:
    return f"{title}\n{char * max(3, len(title))}"


def _block_text(bl: BlockLayout, lay: Layout) -> str:
    parts: list[str] = []
    open_mark = False
    for run in bl.runs:
        if bool(run.highlights) != open_mark:
            parts.append("[[" if run.highlights else "]]")
            open_mark = not open_mark
        parts.append(run.text)
        numbered = [lay.numbers[h.id] for h in bl.ends_at(run.end) if h.id in lay.numbers]
        if numbered:
            if open_mark:
                parts.append("]]")
                open_mark = False
            parts.extend(f"[{n}]" for n in numbered)
    if open_mark:
        parts.append("]]")
    text = "".join(parts)
    b = bl.block
    if b.kind == "h":
        return _underline(text, "-")
    if b.kind == "li":
        return "  " * max(0, b.level - 1) + "* " + text
    if b.kind == "quote":
        return "    " + text
    if b.kind == "pre":
        return "\n".join("    " + line for line in text.split("\n"))
    return text


def _indented(text: str, first: str, indent: str = "    ") -> str:
    lines = text.strip().splitlines() or [""]
    return "\n".join([first + lines[0], *(indent + line if line else "" for line in lines[1:])])


def _links_section(item: ExportItem) -> str:
    """Each distinct (text, address) link once, in text order."""
    text = item.article.text
    rows: list[str] = []
    for k in item.article.links:
        row = f"* {' '.join(text[k.start : k.end].split())}: {k.href}"
        if is_link_url(k.href) and row not in rows:
            rows.append(row)
    return _underline("Links", "-") + "\n\n" + "\n".join(rows) if rows else ""


def article_text(item: ExportItem, options: ExportOptions) -> str:
    """One article as plain text: header, body, highlight notes, unplaced highlights, note, entities."""
    a = item.article
    lay = layout(item)
    out = [_underline(a.title or "Untitled", "=")]
    meta = byline_parts(a)
    head = [" | ".join(meta)] if meta else []
    if a.url:
        head.append(a.url)
    if item.tags():
        head.append("Tags: " + ", ".join(item.tags()))
    if head:
        out.append("\n".join(head))
    out.extend(_block_text(bl, lay) for bl in lay.blocks)
    links = _links_section(item)
    if links:
        out.append(links)
    noted = [h for h in lay.placed if h.id in lay.numbers]
    if noted:
        notes = [_indented(h.note, f"[{lay.numbers[h.id]}] ") for h in noted]
        out.append(_underline("Notes on highlights", "-") + "\n\n" + "\n\n".join(notes))
    if lay.unplaced:
        rows = []
        for h in lay.unplaced:
            row = f'* "{" ".join(h.quote.exact.split())}"'
            rows.append(row + ("\n" + _indented(h.note, "    ") if h.note.strip() else ""))
        out.append(_underline("Highlights not found in this version", "-") + "\n\n" + "\n".join(rows))
    if item.note_text():
        out.append(_underline("Note", "-") + "\n\n" + item.note_text())
    if options.include_entities:
        index = entity_index(item)
        if index:
            lines = [f"{entity_label(t)}: {', '.join(names)}" for t, names in index.items()]
            out.append(_underline("Entities", "-") + "\n\n" + "\n".join(lines))
    return "\n\n".join(out) + "\n"


def to_text(item: ExportItem, options: ExportOptions | None = None) -> str:
    """One article as a plain-text document."""
    options = options or ExportOptions()
    return article_text(item, options) + f"\n(Exported from News Reader on {long_date(options.exported_at())}.)\n"


def to_text_combined(items: Sequence[ExportItem], options: ExportOptions | None = None) -> str:
    """Several articles in one plain-text document, separated by a rule."""
    options = options or ExportOptions()
    rule = "\n" + "-" * 72 + "\n\n"
    body = rule.join(article_text(it, options) for it in items)
    return body + f"\n(Exported from News Reader on {long_date(options.exported_at())}.)\n"
