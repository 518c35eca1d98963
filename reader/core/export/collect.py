"""Gather what to export: which articles (ids, bookmarked, annotated, a search) and each one's annotations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from reader.core.annotation import Bookmark, Highlight, Note
from reader.core.article import Article
from reader.core.export.item import EntityLike, ExportItem


class UserData(Protocol):
    """The reading side of reader.core.store.user_data.UserStore used by export."""

    def bookmark(self, article_id: str) -> Bookmark | None: ...
    def note_record(self, article_id: str) -> Note | None: ...
    def highlights(self, article_id: str) -> list[Highlight]: ...
    def bookmarked_ids(self) -> set[str]: ...
    def annotated_ids(self) -> set[str]: ...


class ArticleSource(Protocol):
    """The reading side of reader.core.store.library.Library used by export."""

    def article(self, article_id: str) -> Article | None: ...
    def search_ids(self, query: str) -> list[str]: ...
    def all_ids(self) -> list[str]: ...
    def entity_spans(self, article_id: str) -> list[object]: ...


def item_for(
    article: Article, user: UserData | None, *, entities: Sequence[EntityLike] | None = None
) -> ExportItem:
    """An ExportItem with the user's bookmark, note and highlights for `article` (none when `user` is None)."""
    if user is None:
        return ExportItem(article, entities=entities)
    return ExportItem(
        article,
        tuple(user.highlights(article.id)),
        user.note_record(article.id),
        user.bookmark(article.id),
        entities,
    )


def selected_ids(
    library: ArticleSource, user: UserData, *, ids: Iterable[str] = (), bookmarked: bool = False,
    annotated: bool = False, query: str | None = None,
) -> list[str]:
    """Article ids in list order: the given ones, plus the bookmarked, the annotated or a search's results."""
    chosen: list[str] = list(dict.fromkeys(ids))
    if query:
        chosen += library.search_ids(query)
    if bookmarked or annotated:
        wanted = (user.bookmarked_ids() if bookmarked else set()) | (user.annotated_ids() if annotated else set())
        # keep the library's order, so batch files come out in a stable, familiar order
        chosen += [i for i in library.all_ids() if i in wanted]
    return list(dict.fromkeys(chosen))


def items_for_ids(
    library: ArticleSource, user: UserData | None, article_ids: Iterable[str], *, with_entities: bool = False
) -> tuple[list[ExportItem], list[str]]:
    """ExportItems for the ids found in the library, and the ids that were not found."""
    items: list[ExportItem] = []
    missing: list[str] = []
    for article_id in article_ids:
        article = library.article(article_id)
        if article is None:
            missing.append(article_id)
            continue
        spans = library.entity_spans(article_id) if with_entities else None
        items.append(item_for(article, user, entities=spans))  # type: ignore[arg-type]
    return items, missing
