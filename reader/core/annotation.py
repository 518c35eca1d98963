"""User annotation records shared by the user store, anchoring and export."""

from __future__ import annotations

from dataclasses import dataclass, field

HIGHLIGHT_COLORS = ("yellow", "green", "blue", "pink", "purple")


@dataclass(frozen=True)
class TextQuote:
    """W3C TextQuoteSelector: the highlighted text with a little context on each side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Highlight:
    """A highlighted passage of an article, with an optional note.

    `start`/`end` are character offsets into `Article.text` (a TextPositionSelector);
    `quote` re-anchors it when the text changes. `orphan` is true when it could not be placed.
    """

    id: str  # UUID4 string
    article_id: str
    start: int
    end: int
    quote: TextQuote
    color: str = "yellow"
    note: str = ""
    path: str = ""
    created: str = ""  # ISO 8601 UTC
    modified: str = ""
    orphan: bool = False


@dataclass(frozen=True)
class Bookmark:
    """A bookmarked article with its tags."""

    article_id: str
    tags: tuple[str, ...] = field(default_factory=tuple)
    path: str = ""
    created: str = ""
    modified: str = ""


@dataclass(frozen=True)
class Note:
    """The one free-text (Markdown) note an article can have."""

    article_id: str
    text: str
    id: str = ""
    path: str = ""
    created: str = ""
    modified: str = ""
