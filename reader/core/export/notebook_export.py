"""The notebook's filtered entries exported: Markdown (Obsidian/Logseq), HTML, W3C Web Annotation JSON, Readwise CSV.

Each entry keeps its quote, colour, note, and its article's title, source and date. Files are written the way
every export is (`batch._write_text`: never half a file in place of a good one; an existing file is replaced
only when the caller says so).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core.annotation import Highlight, TextQuote
from reader.core.dates_display import long_date
from reader.core.export.annotation_json import CONTEXT, derived_id, highlight_annotation
from reader.core.export.batch import _write_text
from reader.core.export.escape import clean_output, markdown_tag
from reader.core.export.html_style import color_name, style_sheet
from reader.core.export.item import is_web_url
from reader.core.export.readwise_csv import to_readwise_csv
from reader.core.store.notebook_query import ORPHAN_NOTES, NotebookRow

NOTEBOOK_FORMATS = {"md": ".md", "html": ".html", "json": ".json", "csv": ".csv"}
FORMAT_LABELS = {"md": "Markdown (Obsidian, Logseq)", "html": "HTML", "json": "W3C Web Annotation JSON",
                 "csv": "CSV for Readwise"}  # fmt: skip


def _title(row: NotebookRow) -> str:
    return " ".join(row.title.split()) or "(untitled)"


def _about(row: NotebookRow) -> list[str]:
    """Source and the article's date, the parts that exist."""
    return [x for x in (row.source, long_date(row.published) if row.published else "") if x]


def _md_link_title(title: str) -> str:
    # [[...]] ends at "]]" and Obsidian splits at "|" and "#": those characters become look-alike safe ones
    return title.replace("]", ")").replace("[", "(").replace("|", "/").replace("#", "")


def to_markdown(rows: Sequence[NotebookRow]) -> str:
    """`> quote` blocks with the note below, then `[[Title]] · source · date` and the colour as a #tag."""
    parts = [f"# Notebook ({len(rows)} {'entry' if len(rows) == 1 else 'entries'})\n"]
    for r in rows:
        lines: list[str] = []
        if not r.is_note:
            lines += ["> " + line if line else ">" for line in r.quote.splitlines() or [""]]
            lines.append("")
        if r.note.strip():
            lines += [("Note: " if r.is_note else "") + r.note.strip(), ""]
        tags = [markdown_tag(f"highlight/{r.color}")] if r.color else [markdown_tag("note")]
        if r.orphaned:
            tags.append(markdown_tag("orphaned"))
        about = [f"[[{_md_link_title(_title(r))}]]", *_about(r)]
        if is_web_url(r.url):
            about.append(f"<{r.url}>")
        lines.append(" · ".join(about) + " " + " ".join(t for t in tags if t))
        parts.append("\n".join(lines) + "\n")
    return clean_output("md", "\n---\n\n".join(parts))


def to_html(rows: Sequence[NotebookRow], exported: str = "") -> str:
    """One page: each quote marked in its colour, the note below, the article's title, source and date."""
    body = []
    for r in rows:
        quote = "" if r.is_note else (f'<blockquote><mark class="hl hl-{color_name(r.color)}">'
                                      f"{escape(r.quote)}</mark></blockquote>")  # fmt: skip
        note = f'<p class="note">{escape(r.note.strip())}</p>' if r.note.strip() else ""
        title = escape(_title(r))
        if is_web_url(r.url):
            title = f'<a href="{escape(r.url)}" rel="noreferrer noopener">{title}</a>'
        orphan = f' <em class="orphan">({escape(ORPHAN_NOTES[r.status])})</em>' if r.orphaned else ""
        about = " · ".join([title, *(escape(x) for x in _about(r))])
        body.append(f'<section class="entry">{quote}{note}<p class="about">{about}{orphan}</p></section>')
    stamp = f"<p class=\"footer\">Exported from News Reader on {escape(long_date(exported))}.</p>\n" if exported else ""
    page = (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<meta name="generator" content="News Reader">\n'
        f"<title>Notebook</title>\n<style>{style_sheet([])}</style>\n</head>\n<body>\n<h1>Notebook</h1>\n"
        + "\n".join(body) + f"\n{stamp}</body>\n</html>\n"
    )  # fmt: skip
    return clean_output("html", page)


def _source(row: NotebookRow) -> str:
    return row.url if is_web_url(row.url) else f"urn:news-reader:article:{row.article_id}"


def _annotation(row: NotebookRow) -> dict[str, Any]:
    if row.is_note:
        return {"id": derived_id("note", row.article_id), "type": "Annotation", "motivation": "commenting",
                "created": row.created, "modified": row.modified,
                "body": {"type": "TextualBody", "value": row.note, "format": "text/markdown", "purpose": "commenting"},
                "target": _source(row)}  # fmt: skip
    h = Highlight(id=row.id, article_id=row.article_id, start=row.start, end=row.end,
                  quote=TextQuote(row.quote, row.prefix, row.suffix), color=row.color, note=row.note,
                  created=row.created, modified=row.modified, orphan=row.status == "unanchored")  # fmt: skip
    return highlight_annotation(h, _source(row))


def to_json(rows: Sequence[NotebookRow], exported: str = "") -> str:
    """An AnnotationCollection of the entries (the same annotations as an article's JSON export)."""
    items = [_annotation(r) for r in rows]
    key = ",".join(r.id for r in rows) + "@" + exported
    articles: dict[str, dict[str, str]] = {}
    for r in rows:
        meta = {"id": _source(r), "articleId": r.article_id, "title": r.title, "publisher": r.source,
                "published": r.published}  # fmt: skip
        articles.setdefault(r.article_id, {k: v for k, v in meta.items() if v})
    doc = {
        "@context": CONTEXT, "id": derived_id("notebook", key), "type": "AnnotationCollection",
        "label": "News Reader notebook", "generator": {"type": "Software", "name": f"News Reader {__version__}"},
        "generated": exported, "total": len(items),
        "first": {"id": derived_id("notebook-page", key), "type": "AnnotationPage", "startIndex": 0, "items": items},
        "articles": list(articles.values()),
    }  # fmt: skip
    return clean_output("json", json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def render_notebook(rows: Sequence[NotebookRow], fmt: str, exported: str = "") -> str:
    """The entries in one of NOTEBOOK_FORMATS."""
    if fmt == "md":
        return to_markdown(rows)
    if fmt == "html":
        return to_html(rows, exported)
    if fmt == "json":
        return to_json(rows, exported)
    if fmt == "csv":
        return to_readwise_csv(rows)
    raise ValueError(f"unknown notebook export format {fmt!r}; use one of {', '.join(NOTEBOOK_FORMATS)}")


def write_notebook(rows: Sequence[NotebookRow], fmt: str, path: Path, *, force: bool = False,
                   exported: str = "") -> Path:  # fmt: skip
    """Write the export to `path`; FileExistsError when it exists and `force` is not given."""
    _write_text(path, render_notebook(rows, fmt, exported), force)
    return path
