"""What one exported article carries (ExportItem) and the choices that shape every format (ExportOptions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from reader.core.annotation import Bookmark, Highlight, Note
from reader.core.article import Article
from reader.core.dates_display import long_date


class EntityLike(Protocol):
    """Anything shaped like core.entities.EntitySpan: a typed span over Article.text (read-only is enough)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def text(self) -> str: ...


NOTE_STYLES = ("footnotes", "quotes")
PAGE_SIZES = ("A4", "Letter", "A5", "Legal", "A3")


@dataclass(frozen=True)
class ExportOptions:
    """Choices shared by all formats; the defaults are what a user gets without asking."""

    include_entities: bool = False  # list (Markdown, text) or colour (HTML) the entity mentions
    note_style: str = "footnotes"  # Markdown: highlight notes as footnotes or as block quotes
    page_size: str = "A4"  # PDF only
    exported: str = ""  # ISO 8601 time stamp written into the files; "" means now
    include_paths: bool = True  # JSON: local file paths (a backup of your own); False for files you share

    def __post_init__(self) -> None:
        if self.note_style not in NOTE_STYLES:
            raise ValueError(f"note_style must be one of {', '.join(NOTE_STYLES)}, got {self.note_style!r}")
        if self.page_size.lower() not in {p.lower() for p in PAGE_SIZES}:
            raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, got {self.page_size!r}")

    def exported_at(self) -> str:
        return self.exported or datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class ExportItem:
    """One article with everything the user attached to it."""

    article: Article
    highlights: tuple[Highlight, ...] = ()
    note: Note | None = None
    bookmark: Bookmark | None = None
    entities: Sequence[EntityLike] | None = None

    def placed_highlights(self) -> list[Highlight]:
        """Highlights that sit inside the text, in text order (orphans and out-of-range ones excluded)."""
        n = len(self.article.text)
        ok = [h for h in self.highlights if not h.orphan and 0 <= h.start < h.end <= n]
        return sorted(ok, key=lambda h: (h.start, h.end, h.created))

    def unplaced_highlights(self) -> list[Highlight]:
        """Highlights that could not be placed in the text: shown apart, never dropped."""
        placed = {h.id for h in self.placed_highlights()}
        return [h for h in self.highlights if h.id not in placed]

    def tags(self) -> list[str]:
        """The article's own tags followed by the user's bookmark tags, without repeats."""
        out: list[str] = []
        for t in (*self.article.tags, *(self.bookmark.tags if self.bookmark else ())):
            if t and t not in out:
                out.append(t)
        return out

    def source_iri(self, *, include_paths: bool = True) -> str:
        """The IRI annotations target: the article's http(s) URL, else a file:// URI of its path, else a URN of its id.

        Any other URL (`javascript:`, `data:`...) is never a target; without `include_paths` no local path is.
        """
        a = self.article
        if a.url.lower().startswith(("http://", "https://", "file://")) and not any(c.isspace() for c in a.url):
            return a.url if include_paths or not a.url.lower().startswith("file:") else self._urn()
        if a.path and include_paths:
            try:
                return Path(a.path).resolve().as_uri()
            except ValueError:
                pass
        return self._urn()

    def _urn(self) -> str:
        return f"urn:news-reader:article:{self.article.id}"

    def note_text(self) -> str:
        return self.note.text.strip() if self.note else ""


def is_web_url(url: str) -> bool:
    """True for plain http(s) addresses, the only kind an export turns into a link."""
    return url.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in url)


def byline_parts(article: Article) -> list[str]:
    """Byline, source and publication date as the reading pane shows them ("18 November 2019"), empty ones left out."""
    return [x for x in (article.byline, article.source, long_date(article.published)) if x]
