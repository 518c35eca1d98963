"""The import's pump keeps the workers supplied while its process stores a batch."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

import pytest

from reader.core.library_sync import importer
from reader.core.library_sync.importer import PoolRun, pump


class InstantPool:
    """Runs each task as it is handed out: what a worker would send back, at once."""

    def __init__(self) -> None:
        self.handed_out = 0

    def submit(self, work: Callable[[int], list[int]], task: int) -> Future[list[int]]:
        self.handed_out += 1
        future: Future[list[int]] = Future()
        future.set_result(work(task))
        return future


def test_a_full_window_of_tasks_is_handed_out_before_each_batch_is_stored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "BATCH_FILES", 10)
    pool = InstantPool()
    stored: list[int] = []
    ahead: list[int] = []  # tasks handed out but not yet stored, as each batch is stored

    def store(batch: list[int]) -> None:
        ahead.append(pool.handed_out - len(stored) - len(batch))
        stored.extend(batch)

    pump(pool, lambda task: [task], iter(range(100)), window=4, run=PoolRun(), stop=None,  # type: ignore[arg-type]
         should_stop=None, store=store)  # fmt: skip

    assert stored == list(range(100))  # every result stored once, in the order handed out
    assert ahead[:-1] and all(n == 4 for n in ahead[:-1])  # the workers were never left without work meanwhile
