"""The article list's ids as a sequence, each read from the model's pages, so nothing holds all 100,000."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, overload

ONE_QUERY_FROM = 200  # ids from which iterating reads the whole list in one query rather than page by page


class ListedRows(Protocol):
    """What `ListedIds` asks of the list model."""

    total: int
    counting: bool

    def id_at(self, row: int) -> str: ...
    def row_of(self, article_id: str) -> int: ...
    def all_ids(self) -> list[str]: ...


class ListedIds(Sequence[str]):
    """The listed ids as a sequence: each read from the model's pages, so nothing holds all 100,000."""

    def __init__(self, model: ListedRows) -> None:
        self._model = model

    def __len__(self) -> int:
        return self._model.total

    @overload
    def __getitem__(self, row: int) -> str: ...
    @overload
    def __getitem__(self, row: slice) -> list[str]: ...
    def __getitem__(self, row: int | slice) -> str | list[str]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        if not -len(self) <= row < len(self):
            raise IndexError(row)
        return self._model.id_at(row % len(self))

    def __iter__(self) -> Iterator[str]:
        # one query for the whole list (mark all read, export the listed): not one per page; while a search is
        # still counted only its first page is listed, and the whole of it is read here too
        if len(self) > ONE_QUERY_FROM or self._model.counting:
            yield from self._model.all_ids()
        else:
            yield from (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        row = self._model.row_of(str(value))
        if row < max(0, start) or (stop is not None and row >= stop):
            raise ValueError(value)
        return row

    def __contains__(self, value: object) -> bool:
        return self._model.row_of(str(value)) >= 0
