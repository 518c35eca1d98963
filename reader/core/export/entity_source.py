"""The entities an export carries: the library's tagged spans with the user's corrections applied.

The window and `news-reader export --entities` both read entities through `CorrectedEntities`, so an
article exports with the same people, places and dates whichever way it is exported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from reader.core.article import Article
from reader.core.entities.span import EntitySpan
from reader.core.store.entity_prefs import Correction, apply_corrections


class TaggedLibrary(Protocol):
    """The reading side of the library cache that export needs."""

    def article(self, article_id: str) -> Article | None: ...
    def search_ids(self, query: str) -> list[str]: ...
    def all_ids(self) -> list[str]: ...
    def entity_spans(self, article_id: str) -> list[object]: ...


class CorrectionReader(Protocol):
    """Where the user's corrections are read from (the session's entity preferences)."""

    def corrections(self, article_id: str | None = None) -> list[Correction]: ...


Tagger = Callable[[Article], list[EntitySpan]]


class CorrectedEntities:
    """An export's article source whose `entity_spans()` are what the reading pane shows.

    `tag_untagged` (the command line) tags an article the library has no spans for yet; the
    corrections apply on top either way.
    """

    def __init__(self, library: TaggedLibrary, corrections: CorrectionReader, *,
                 tag_untagged: Tagger | None = None) -> None:  # fmt: skip
        self._library = library
        self._corrections = corrections
        self._tag = tag_untagged

    def article(self, article_id: str) -> Article | None:
        return self._library.article(article_id)

    def search_ids(self, query: str) -> list[str]:
        return self._library.search_ids(query)

    def all_ids(self) -> list[str]:
        return self._library.all_ids()

    def entity_spans(self, article_id: str) -> list[object]:
        """The spans as export reads them (the library's own signature)."""
        return list(self.spans(article_id))

    def spans(self, article_id: str) -> list[EntitySpan]:
        """The article's entities as the reading pane shows them; [] for an unknown id."""
        article = self._library.article(article_id)
        if article is None:
            return []
        stored = [s for s in self._library.entity_spans(article_id) if isinstance(s, EntitySpan)]
        if not stored and self._tag is not None:
            stored = self._tag(article)
        return apply_corrections(article.text, stored, self._corrections.corrections(article_id))


def tag_now(article: Article) -> list[EntitySpan]:
    """Tag an article's text with the bundled model (slow: the command line's fallback)."""
    from reader.core.entities import tag

    return list(tag(article.text, article.language))
