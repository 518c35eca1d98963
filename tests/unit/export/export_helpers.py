"""The annotated sample article every export test renders, built from a fixture file we wrote."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reader.core.annotation import Bookmark, Highlight, Note, TextQuote
from reader.core.article import Block, make_article
from reader.core.export import ExportItem

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "export" / "annotated_article.json"
EXPORTED = "2026-11-26T12:00:00Z"


@dataclass(frozen=True)
class Span:
    """A stand-in for core.entities.EntitySpan (start, end, type, text)."""

    start: int
    end: int
    type: str
    text: str


def load_item(path: Path = FIXTURE) -> ExportItem:
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = dict(data["article"])
    blocks = [Block(b["text"], b["kind"], b.get("level", 0)) for b in meta.pop("blocks")]
    meta["tags"] = tuple(meta["tags"])
    article = make_article(blocks=blocks, **meta)
    text = article.text
    highlights = []
    for h in data["highlights"]:
        start = text.find(h["exact"])
        orphan = bool(h.get("orphan"))
        assert orphan or start >= 0, h["exact"]
        start = max(start, 0) if not orphan else 3
        end = start + len(h["exact"])
        quote = TextQuote(h["exact"], text[max(0, start - 8):start], text[end:end + 8])
        highlights.append(Highlight(
            id=h["id"], article_id=article.id, start=start, end=end, quote=quote, color=h["color"],
            note=h["note"], path=article.path, created=h["created"], modified=h["created"], orphan=orphan,
        ))
    entities = []
    for e in data["entities"]:
        start = text.find(e["text"])
        entities.append(Span(start, start + len(e["text"]), e["type"], e["text"]))
    note = Note(article.id, data["note"], id="9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
                created="2026-11-21T10:00:00.000Z", modified="2026-11-22T10:00:00.000Z")
    bookmark = Bookmark(article.id, tuple(data["bookmark_tags"]), created="2026-11-21T08:00:00.000Z",
                        modified="2026-11-21T08:30:00.000Z")
    return ExportItem(article, tuple(highlights), note, bookmark, entities)
