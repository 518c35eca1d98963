"""W3C Web Annotation export: an AnnotationCollection of highlights, notes and bookmarks, plus article metadata.

Highlights are `highlighting` annotations (their note a `commenting` TextualBody, their colour a styleClass),
the article note is `commenting` on the whole article, a bookmark is `bookmarking` with one `tagging` body per
tag. Targets name the article by its URL, else a file:// URI of its path. The `articles` member is our own
extension (ignored by JSON-LD processors) so an import can tell which article each IRI stands for.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from reader import __version__
from reader.core.annotation import Highlight
from reader.core.export.html_style import HIGHLIGHT_PALETTE, color_name
from reader.core.export.item import ExportItem, ExportOptions

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# A fixed namespace so ids derived from article ids (bookmarks, notes without an id) are stable across exports.
ID_NAMESPACE = uuid.UUID("6f1b9a52-3c1e-4d8e-9f57-2b8d0c4e7a31")


def urn(value: str) -> str:
    return f"urn:uuid:{value}"


def derived_id(kind: str, key: str) -> str:
    """A stable urn:uuid for records that have no id of their own (bookmarks)."""
    return urn(str(uuid.uuid5(ID_NAMESPACE, f"{kind}:{key}")))


def _times(created: str, modified: str) -> dict[str, str]:
    return {k: v for k, v in (("created", created), ("modified", modified)) if v}


def highlight_annotation(h: Highlight, source: str) -> dict[str, Any]:
    """One highlight as a `highlighting` annotation; an orphan keeps only its quote (its position is void)."""
    q = h.quote
    selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix,
                                        "suffix": q.suffix}]
    if not h.orphan:
        selectors.append({"type": "TextPositionSelector", "start": h.start, "end": h.end})
    color = color_name(h.color)
    anno: dict[str, Any] = {"id": urn(h.id), "type": "Annotation", "motivation": "highlighting",
                            **_times(h.created, h.modified)}
    if h.note.strip():
        anno["body"] = [{"type": "TextualBody", "value": h.note, "format": "text/markdown", "purpose": "commenting"}]
    anno["target"] = {"source": source, "styleClass": color, "selector": selectors}
    anno["stylesheet"] = {"type": "CssStylesheet",
                          "value": f".{color} {{ background-color: {HIGHLIGHT_PALETTE[color][0]}; }}"}
    return anno


def item_annotations(item: ExportItem, source: str) -> list[dict[str, Any]]:
    """The bookmark, the article note and the highlights of one article, in that order."""
    out: list[dict[str, Any]] = []
    b = item.bookmark
    if b is not None:
        anno: dict[str, Any] = {"id": derived_id("bookmark", item.article.id), "type": "Annotation",
                                "motivation": "bookmarking", **_times(b.created, b.modified)}
        if b.tags:
            anno["body"] = [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in b.tags]
        anno["target"] = source
        out.append(anno)
    n = item.note
    if n is not None and n.text.strip():
        out.append({
            "id": urn(n.id) if n.id else derived_id("note", item.article.id), "type": "Annotation",
            "motivation": "commenting", **_times(n.created, n.modified),
            "body": {"type": "TextualBody", "value": n.text, "format": "text/markdown", "purpose": "commenting"},
            "target": source,
        })  # fmt: skip
    out.extend(highlight_annotation(h, source) for h in item.highlights)
    return out


def article_metadata(item: ExportItem, source: str, *, include_paths: bool = True) -> dict[str, Any]:
    """Our `articles` entry for one item; `url` is a plain property (never a target unless http/https/file)."""
    a = item.article
    meta: dict[str, Any] = {"id": source, "articleId": a.id, "title": a.title}
    url = a.url if include_paths or not a.url.lower().startswith("file:") else ""
    path = a.path if include_paths else ""
    for key, value in (("byline", a.byline), ("publisher", a.source), ("published", a.published), ("url", url),
                       ("path", path), ("language", a.language), ("description", a.description)):
        if value:
            meta[key] = value
    if a.tags:
        meta["tags"] = list(a.tags)
    return meta


def _sources(items: Sequence[ExportItem], include_paths: bool = True) -> list[str]:
    """Each item's target IRI, made unique when two articles share a URL (the fragment names the article)."""
    seen: set[str] = set()
    out = []
    for it in items:
        iri = it.source_iri(include_paths=include_paths)
        if iri in seen:
            iri = f"{iri}#news-reader-article={it.article.id}"
        seen.add(iri)
        out.append(iri)
    return out


def collection(items: Sequence[ExportItem], options: ExportOptions | None = None) -> dict[str, Any]:
    """The AnnotationCollection (with its one embedded AnnotationPage) for the given articles."""
    options = options or ExportOptions()
    exported = options.exported_at()
    sources = _sources(items, options.include_paths)
    annotations = [a for it, src in zip(items, sources, strict=True) for a in item_annotations(it, src)]
    key = ",".join(it.article.id for it in items) + "@" + exported
    label = items[0].article.title if len(items) == 1 else f"{len(items)} articles"
    return {
        "@context": CONTEXT,
        "id": derived_id("collection", key),
        "type": "AnnotationCollection",
        "label": f"News Reader annotations: {label}",
        "generator": {"type": "Software", "name": f"News Reader {__version__}"},
        "generated": exported,
        "total": len(annotations),
        "first": {"id": derived_id("page", key), "type": "AnnotationPage", "startIndex": 0, "items": annotations},
        "articles": [article_metadata(it, src, include_paths=options.include_paths)
                     for it, src in zip(items, sources, strict=True)],
    }


def to_json(item: ExportItem, options: ExportOptions | None = None) -> str:
    """One article's annotations as a W3C Web Annotation JSON document."""
    return to_json_combined([item], options)


def to_json_combined(items: Sequence[ExportItem], options: ExportOptions | None = None) -> str:
    """Several articles' annotations in one AnnotationCollection."""
    return json.dumps(collection(items, options), ensure_ascii=False, indent=2) + "\n"
