"""The main-process side of an import on every core: hand files to a process pool, store results in batches.

Workers (`pool.parse_and_tag`) read, extract and tag; this process is the cache's one writer and
stores their results a batch at a time (one transaction each), then tells `on_batch`, so a window
lists the new articles per batch, not per file. Stopping stops handing out files, asks the
workers to stop tagging, and stores what came back: the next scan skips those files by size and
mtime and carries on with the rest.
"""

from __future__ import annotations

import logging
import os
import queue
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from reader.core.library_sync.pool import init_worker, parse_and_tag_files
from reader.core.library_sync.walk import Entry
from reader.core.store.fts_merge import FTS_AUTOMERGE, set_automerge
from reader.core.store.library import FileRecord, Library
from reader.core.store.library_schema import (
    DEFERRABLE_INDEXES,
    MENTION_INDEXES,
    build_indexes_apart,
    drop_deferrable_indexes,
)

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)
BATCH_FILES = 100  # files stored per transaction...
BATCH_SECONDS = 1.0  # ...or whatever came back in this long, so a slow import still fills the list
# Tasks handed out ahead: enough to keep every core busy while a batch is stored (0.1-0.5 s on a loaded machine);
# Cancel waits only for those a worker has taken (the rest are cancelled unstarted).
IN_FLIGHT_PER_WORKER = 8
FILES_PER_TASK = 8  # at most; fewer when there are few files, so every worker gets its share
# ...and no more than this many bytes on disk to a task (a file alone may be larger): a file's cost grows with
# its size, and a task of eight saved web pages (a few hundred ms each) would leave one worker finishing it
# while the other has nothing left; eight plain-text articles of a few KB stay one task.
TASK_BYTES = 32_000
# SQLite's page cache while the pool's results are written (KiB), given back after: the default 2 MB holds
# too little of the indexes and the full-text index once the cache passes a few thousand articles, and the
# writer's CPU per article grows with it (benchmarks/import_writer.py, in docs/performance.md).
IMPORT_CACHE_KIB = 32_000
# Pages the writer's commits add to the cache's write-ahead log before they are copied into the file, during a
# pool import (SQLite's default: 1,000): the indexes' and the full-text index's pages written again by every
# batch are copied once per 10,000 instead of once per 1,000 (the writer's CPU about 10 % less,
# benchmarks/import_writer.py). Set on the cache's connection only; the user database is attached read-only.
IMPORT_WAL_PAGES = 10_000
# A first import of this many files or more into an empty cache builds its entities' indexes (and, with no other
# reader, its list's) after the rows (`deferred_indexes`); fewer are not worth the extra transactions.
DEFER_INDEXES_FILES = 1_000
OnStored = Callable[[list[FileRecord]], None]  # told after each batch is stored
ShouldStop = Callable[[], bool]
T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """One worker per core (at least one)."""
    return max(1, os.cpu_count() or 1)


@dataclass
class PoolRun:
    """How a pool import ended: the entries it could not hand to a worker, and whether it was stopped.

    The records themselves go to `on_stored` a batch at a time and are not kept (100,000 texts would be).
    """

    left: list[Entry] = field(default_factory=list)  # not done: the pool broke or could not start
    stopped: bool = False


def import_in_pool(library: Library, todo: Sequence[Entry], *, workers: int, max_bytes: int | None, tag: bool,
                   on_stored: OnStored | None = None, should_stop: ShouldStop | None = None,
                   alone: bool = False) -> PoolRun:  # fmt: skip
    """Read (and tag) the `todo` files in `workers` processes and store them in batches in `library`.

    A first import into an empty cache builds the entities' indexes after its rows (`deferred_indexes`), and the
    list's too when `alone`: nothing else reads the cache meanwhile (the headless command, not the window)."""
    # Imported here: multiprocessing and the process pool cost the window megabytes it needs only to import.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    run = PoolRun()
    ctx = multiprocessing.get_context("spawn")  # the same on every system, and safe in a frozen app
    stop = ctx.Event()
    done_paths: set[str] = set()
    try:
        with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx, initializer=init_worker,
                                 initargs=(max_bytes, tag, stop)) as pool:  # fmt: skip
            window = max(1, workers) * IN_FLIGHT_PER_WORKER
            per_task = max(1, min(FILES_PER_TASK, len(todo) // window))
            later = (DEFERRABLE_INDEXES if alone else MENTION_INDEXES) if len(todo) >= DEFER_INDEXES_FILES else ()
            with import_settings(library, IMPORT_CACHE_KIB, IMPORT_WAL_PAGES), deferred_indexes(library, later):
                pump(pool, parse_and_tag_files, _tasks(todo, per_task), window=window, run=run, stop=stop,
                     should_stop=should_stop, store=lambda batch: _store(library, batch, run, done_paths, on_stored))
    except Exception as exc:  # noqa: BLE001 - a broken pool (a worker killed, no processes allowed): finish here
        log.warning("the import pool stopped (%r); the rest is read in this process", exc)
        run.left = [e for e in todo if e.path not in done_paths]
    return run


@contextmanager
def import_settings(library: Library, kib: int, wal_pages: int) -> Iterator[None]:
    """At least `kib` of page cache, a checkpoint every `wal_pages` and no FTS5 automerge on the library's
    connection for the block, then what it had: memory freed, the log copied into the cache file."""
    db = library.db
    before = int(db.execute("PRAGMA cache_size").fetchone()[0])
    checkpoint = int(db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    if before >= 0 or -before < kib:  # a positive size counts pages; ours is in KiB
        db.execute(f"PRAGMA cache_size = -{kib}")
    db.execute(f"PRAGMA wal_autocheckpoint = {max(checkpoint, wal_pages)}")
    set_automerge(db, 0)
    try:
        yield
    finally:
        set_automerge(db, FTS_AUTOMERGE)
        db.execute(f"PRAGMA cache_size = {before}")
        db.execute("PRAGMA shrink_memory")  # the window's process keeps no import-sized cache
        db.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")  # never waits for the window's readers


@contextmanager
def deferred_indexes(library: Library, names: tuple[str, ...]) -> Iterator[None]:
    """When the cache holds no article yet, the block's rows go in without these indexes (of
    `library_schema.DEFERRABLE_INDEXES`), which a sorted pass builds more cheaply after them, at the block's end,
    stopped or not, each in its own transaction. A window reading meanwhile does without `MENTION_INDEXES` only: its
    queries that name one ask `library_schema.indexed_by` first (a query naming a missing index is an error)."""
    db = library.db
    if not names or db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None:
        yield
        return
    drop_deferrable_indexes(db, names)
    try:
        yield
    finally:
        build_indexes_apart(db, names)


def _tasks(todo: Sequence[Entry], per_task: int) -> Iterator[list[tuple[str, float, int]]]:
    """The (path, mtime, size) of the files, `per_task` (and `TASK_BYTES`) to a task at most, in walk order."""
    task: list[tuple[str, float, int]] = []
    size = 0
    for e in todo:
        if task and (len(task) == per_task or size + e.size > TASK_BYTES):
            yield task
            task, size = [], 0
        task.append((e.path, e.mtime, e.size))
        size += e.size
    if task:
        yield task


class Stoppable(Protocol):
    """A run the pump marks stopped (`PoolRun`, `retag.RetagRun`)."""

    stopped: bool


def pump(pool: ProcessPoolExecutor, work: Callable[[T], list[R]], tasks: Iterator[T], *, window: int,
         run: Stoppable, stop: object, should_stop: ShouldStop | None,
         store: Callable[[list[R]], None]) -> None:  # fmt: skip
    """Keep `window` tasks of `work` in flight and `store` what comes back, `BATCH_FILES` (or `BATCH_SECONDS`)
    at a time. When `should_stop()` says so: `run.stopped`, the workers told (`stop.set()`: they stop between
    pieces of text) and the tasks not started cancelled. What came back is stored even if the pool broke."""
    # Each future puts itself in `done` when it ends, so a turn of this loop costs the same however many are in
    # flight (`concurrent.futures.wait` installs and removes a waiter on each of them at every call).
    done: queue.SimpleQueue[Future[list[R]]] = queue.SimpleQueue()
    pending: set[Future[list[R]]] = set()
    batch: list[R] = []
    last_write = time.monotonic()

    def refill() -> None:
        while not run.stopped and len(pending) < window:
            task = next(tasks, None)
            if task is None:
                break
            future = pool.submit(work, task)
            pending.add(future)
            future.add_done_callback(done.put)

    try:
        while True:
            if not run.stopped and should_stop is not None and should_stop():
                run.stopped = True
                stop.set()  # type: ignore[attr-defined]
                for future in pending:
                    future.cancel()  # not started yet: never read
            refill()
            if not pending:
                break
            try:
                finished = [done.get(timeout=0.1)]
                while not done.empty():  # all that came back meanwhile, before deciding on a batch
                    finished.append(done.get_nowait())
            except queue.Empty:
                finished = []
            for future in finished:
                pending.discard(future)
                if not future.cancelled():
                    batch.extend(future.result())
            if batch and (len(batch) >= BATCH_FILES or time.monotonic() - last_write >= BATCH_SECONDS):
                # the workers' next tasks handed out first: a full window keeps them busy while this process stores
                # (a batch takes 0.1-0.5 s here on a loaded machine; the tasks that came back left it short)
                refill()
                store(batch)
                batch, last_write = [], time.monotonic()
    finally:
        if batch:
            store(batch)


def _store(library: Library, batch: list[FileRecord], run: PoolRun, done_paths: set[str],
           on_stored: OnStored | None) -> None:  # fmt: skip
    library.store_batch(batch)
    done_paths.update(r.path for r in batch)
    if on_stored is not None:
        on_stored(batch)
