"""HTML export: one self-contained page (inline CSS, no scripts, no external requests) with coloured highlights.

The markup sticks to tags Qt's rich text engine knows (plus <mark>), so reader.ui.export_pdf can draw the very
same document into a PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from reader.core.annotation import Highlight
from reader.core.article import Link
from reader.core.dates_display import long_date
from reader.core.export.html_style import color_name, entity_class, style_sheet
from reader.core.export.item import ExportItem, ExportOptions, byline_parts, is_web_url
from reader.core.export.layout import BlockLayout, Layout, entity_index, entity_label, layout
from reader.core.export.note_markdown import note_html
from reader.core.safe_text import is_link_url

# Belt and braces: even if some text slipped through as markup, the page may not fetch or run anything.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _inline(bl: BlockLayout, lay: Layout, prefix: str, with_entities: bool) -> str:
    """The block's runs as markup: <a> around each link's runs, <mark> and entity <span> inside it.

    A note reference (itself a link) closes the open link first, since links cannot nest.
    """
    parts: list[str] = []
    link: Link | None = None
    for run in bl.runs:
        wanted = run.link if run.link is not None and is_link_url(run.link.href) else None
        if wanted != link:
            if link is not None:
                parts.append("</a>")
            if wanted is not None:
                parts.append(f'<a href="{_attr(wanted.href)}" rel="noreferrer noopener">')
            link = wanted
        piece = escape(run.text)
        if with_entities and run.entity:
            piece = f'<span class="ent {entity_class(run.entity)}" title="{_attr(run.entity)}">{piece}</span>'
        top = run.top
        if top is not None:
            ids = " ".join(h.id for h in run.highlights)
            piece = f'<mark class="hl hl-{color_name(top.color)}" data-highlight="{_attr(ids)}">{piece}</mark>'
        parts.append(piece)
        refs = [h for h in bl.ends_at(run.end) if h.note.strip()]
        if refs and link is not None:
            parts.append("</a>")
            link = None
        for h in refs:
            n = lay.numbers[h.id]
            parts.append(f'<sup class="ref"><a href="#note-{prefix}{n}">{n}</a></sup>')
    if link is not None:
        parts.append("</a>")
    return "".join(parts)


def _note_html(h: Highlight, label: str, anchor: str) -> str:
    color = color_name(h.color)
    lead = f'<span class="note-label">{escape(label)}</span> '
    return (
        f'<div class="hl-note note-{color}" id="{anchor}" data-highlight="{_attr(h.id)}">'
        f"{note_html(h.note, lead=lead)}</div>"
    )


def _block_html(bl: BlockLayout, inner: str) -> str:
    b = bl.block
    if b.kind == "h":
        level = min(6, max(2, b.level + 1))
        return f"<h{level}>{inner}</h{level}>"
    if b.kind == "quote":
        return f"<blockquote><p>{inner}</p></blockquote>"
    if b.kind == "pre":
        return f"<pre>{inner}</pre>"
    if b.kind == "caption":
        return f'<p class="caption">{inner}</p>'
    if b.kind == "table":
        return f'<p class="table">{inner}</p>'
    return f"<p>{inner}</p>"


def _body_html(item: ExportItem, lay: Layout, prefix: str, with_entities: bool) -> str:
    out: list[str] = []
    in_list = False
    for bl in lay.blocks:
        inner = _inline(bl, lay, prefix, with_entities)
        notes = "".join(
            _note_html(h, f"{lay.numbers[h.id]}", f"note-{prefix}{lay.numbers[h.id]}")
            for h in bl.ending if h.note.strip()
        )
        if bl.block.kind == "li":
            if not in_list:
                out.append('<ul class="list">')
                in_list = True
            depth = max(0, bl.block.level - 1)
            style = f' style="margin-left: {depth * 1.5}em"' if depth else ""
            note_div = f'<div class="notes">{notes}</div>' if notes else ""
            out.append(f"<li{style}>{inner}{note_div}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        html_block = _block_html(bl, inner)
        if notes:
            out.append(f'<div class="passage with-notes">{html_block}<div class="notes">{notes}</div></div>')
        else:
            out.append(html_block)
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def _unplaced_html(unplaced: Sequence[Highlight]) -> str:
    if not unplaced:
        return ""
    rows = []
    for h in unplaced:
        color = color_name(h.color)
        quote = f'<p><mark class="hl hl-{color}" data-highlight="{_attr(h.id)}">{escape(h.quote.exact)}</mark></p>'
        note = _note_html(h, "Note", f"note-{h.id}") if h.note.strip() else ""
        rows.append(f'<div class="unplaced-item">{quote}{note}</div>')
    return '<div class="unplaced"><h2>Highlights not found in this version</h2>' + "".join(rows) + "</div>"


def _entities_html(item: ExportItem) -> str:
    index = entity_index(item)
    if not index:
        return ""
    items = "".join(
        f'<li><span class="key-{entity_class(t)}">{escape(entity_label(t))}</span>: '
        f"{escape(', '.join(names))}</li>"
        for t, names in index.items()
    )
    return f'<div class="entities"><h2>Entities</h2><ul>{items}</ul></div>'


def _header_html(item: ExportItem) -> str:
    a = item.article
    parts = [f'<h1 class="title">{escape(a.title or "Untitled")}</h1>']
    meta = " · ".join(byline_parts(a))
    if meta:
        parts.append(f'<p class="meta">{escape(meta)}</p>')
    if a.url and is_web_url(a.url):
        parts.append(f'<p class="meta"><a href="{_attr(a.url)}" rel="noreferrer noopener">{escape(a.url)}</a></p>')
    elif a.url:  # never a live link to javascript:, data: and the like
        parts.append(f'<p class="meta">{escape(a.url)}</p>')
    if item.tags():
        tags = " ".join(f'<span class="tag">{escape(t)}</span>' for t in item.tags())
        parts.append(f'<p class="tags">{tags}</p>')
    return "\n".join(parts)


def article_html(item: ExportItem, options: ExportOptions, *, index: int = 1) -> str:
    """One article as an HTML fragment (a <div class="article">), for single and combined pages."""
    prefix = f"a{index}-"
    lay = layout(item)
    parts = [_header_html(item), f'<div class="body">{_body_html(item, lay, prefix, options.include_entities)}</div>']
    if item.note_text():
        note = note_html(item.note_text())
        parts.append(f'<div class="article-note"><h2>Note</h2><div class="text">{note}</div></div>')
    parts.append(_unplaced_html(lay.unplaced))
    if options.include_entities:
        parts.append(_entities_html(item))
    lang = f' lang="{_attr(item.article.language)}"' if item.article.language else ""
    # Every article after the first starts a new printed page (Qt's PDF honours only this inline form).
    brk = ' style="page-break-before: always"' if index > 1 else ""
    body = "\n".join(p for p in parts if p)
    return f'<div class="article" id="article-{index}"{lang}{brk}>\n{body}\n</div>'


def _page(title: str, body: str, entity_types: list[str], exported: str, language: str = "", *,
          for_pdf: bool = False) -> str:
    lang = f' lang="{_attr(language)}"' if language else ""
    css = style_sheet(entity_types, for_pdf=for_pdf)
    return (
        f"<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="News Reader">\n'
        f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"{body}\n"
        f'<p class="footer">Exported from News Reader on {escape(long_date(exported))}.</p>\n</body>\n</html>\n'
    )


def _entity_types(items: Sequence[ExportItem], options: ExportOptions) -> list[str]:
    if not options.include_entities:
        return []
    return sorted({e.type for it in items for e in (it.entities or ())})


def to_html(item: ExportItem, options: ExportOptions | None = None, *, for_pdf: bool = False) -> str:
    """One article as a self-contained HTML page (`for_pdf`: styled in points for Qt's PDF writer)."""
    options = options or ExportOptions()
    return _page(item.article.title or "Untitled", article_html(item, options),
                 _entity_types([item], options), options.exported_at(), item.article.language, for_pdf=for_pdf)


def to_pdf_html(item: ExportItem, options: ExportOptions | None = None) -> str:
    """The page reader.ui.export_pdf draws into a PDF: the HTML export with print sizes."""
    return to_html(item, options, for_pdf=True)


def to_pdf_html_combined(items: Sequence[ExportItem], options: ExportOptions | None = None) -> str:
    """Several articles as one page for the PDF writer (each starts a new page)."""
    return to_html_combined(items, options, for_pdf=True)


def to_html_combined(items: Sequence[ExportItem], options: ExportOptions | None = None, *,
                     for_pdf: bool = False) -> str:
    """Several articles in one page, with a table of contents; each article starts a new printed page."""
    options = options or ExportOptions()
    toc = "".join(
        f'<li><a href="#article-{i}">{escape(it.article.title or "Untitled")}</a></li>'
        for i, it in enumerate(items, start=1)
    )
    body = f'<div class="toc"><h1>Exported articles</h1><ol>{toc}</ol></div>\n' + "\n".join(
        article_html(it, options, index=i) for i, it in enumerate(items, start=1)
    )
    return _page("News Reader export", body, _entity_types(items, options), options.exported_at(),
                 for_pdf=for_pdf)
