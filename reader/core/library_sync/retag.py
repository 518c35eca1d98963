"""Tagging stored articles again on every core: after a new tagger (`TAGGER_VERSION`), or what a stopped import left.

The articles' stored text is sent to the import's process pool (the same spawned, niced workers, model loaded
once each; `pool.tag_texts`), not their files: the text is what was tagged before, and reading and extracting
a file again costs more than sending its text through the pipe. Each worker groups the mentions into their
stored rows (`mention_batch.group_for_store`), so this process, the cache's one writer, only inserts them, a
batch per transaction. Stopping stops handing out texts and asks the workers to stop between pieces; what came
back tagged is stored, the rest stays untagged (`tagged = 0`) and is tagged at the next start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.library_sync import importer
from reader.core.library_sync.pool import TaggedText, init_worker, tag_texts
from reader.core.store.library import Library
from reader.core.store.mention_batch import put_grouped

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)
TEXTS_PER_TASK = 8  # at most, and no more than TASK_BYTES of text (a long article alone may be more)
READ_ROWS = 500  # untagged rows read from the cache at a time: their texts are held until handed out

OnBatch = Callable[[list[str], int], None]  # the ids now tagged, how many still wait
Progress = Callable[[int, int], None]  # articles tagged, articles to tag in all
ShouldStop = Callable[[], bool]
Task = list[tuple[int, str, str]]  # (rowid, text, language) of each article


@dataclass
class RetagRun:
    """How a pool run ended: articles tagged and stored, and whether it stopped early (asked to, or the pool
    broke: then `broken`, and the caller tags the rest itself)."""

    done: int = 0
    stopped: bool = False
    broken: bool = False


def retag_in_pool(library: Library, *, workers: int, should_stop: ShouldStop | None = None,
                  on_batch: OnBatch | None = None, progress: Progress | None = None) -> RetagRun:  # fmt: skip
    """Tag every untagged article of `library` in `workers` processes and store their mentions in batches."""
    import multiprocessing  # here: the window needs neither until it tags or imports
    from concurrent.futures import ProcessPoolExecutor

    run = RetagRun()
    total = library.untagged_count()
    if not total:
        return run
    ctx = multiprocessing.get_context("spawn")
    stop = ctx.Event()
    try:
        with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx, initializer=init_worker,
                                 initargs=(None, True, stop)) as pool:  # fmt: skip
            with importer.import_settings(library, importer.IMPORT_CACHE_KIB, importer.IMPORT_WAL_PAGES):
                _Driver(pool, library, run, stop, total, on_batch, progress).drive(
                    max(1, workers) * importer.IN_FLIGHT_PER_WORKER, should_stop)
    except Exception as exc:  # noqa: BLE001 - a broken pool: the caller tags what is left in this process
        log.warning("the tagging pool stopped (%r); the rest is tagged in this process", exc)
        run.broken = True
    return run


def untagged_tasks(library: Library) -> Iterator[Task]:
    """The untagged articles' (rowid, text, language), a few to a task, in rowid order, read `READ_ROWS` at a
    time (each page starts after the last rowid read: the rows handed out are still untagged meanwhile)."""
    after = 0
    task: Task = []
    size = 0
    while True:
        rows = library.db.execute(
            "SELECT rowid, coalesce(body, ''), coalesce(language, '') FROM articles"
            " WHERE tagged = 0 AND rowid > ? ORDER BY rowid LIMIT ?", (after, READ_ROWS)).fetchall()  # fmt: skip
        if not rows:
            break
        after = rows[-1][0]
        for rowid, text, language in rows:
            if task and (len(task) == TEXTS_PER_TASK or size + len(text) > importer.TASK_BYTES):
                yield task
                task, size = [], 0
            task.append((rowid, text, language))
            size += len(text)
    if task:
        yield task


class _Driver:
    """Hands out texts, a window of tasks ahead, and stores what comes back a batch per transaction."""

    def __init__(self, pool: ProcessPoolExecutor, library: Library, run: RetagRun, stop: object, total: int,
                 on_batch: OnBatch | None, progress: Progress | None) -> None:  # fmt: skip
        self.pool, self.library, self.run, self.stop = pool, library, run, stop
        self.total, self.on_batch, self.progress = total, on_batch, progress

    def drive(self, window: int, should_stop: ShouldStop | None) -> None:
        if self.progress is not None:
            self.progress(0, self.total)
        importer.pump(self.pool, tag_texts, untagged_tasks(self.library), window=window, run=self.run,
                      stop=self.stop, should_stop=should_stop, store=self.store)

    def store(self, batch: list[TaggedText]) -> None:
        """Store the tagged ones (a stopped one stays untagged: tagged in full next time), then tell."""
        db = self.library.db
        tagged = [t for t in batch if t.grouped is not None]
        ids: list[str] = []
        if tagged:
            with db:
                for item in tagged:
                    row = db.execute("SELECT id FROM articles WHERE rowid=? AND tagged=0", (item.rowid,)).fetchone()
                    if row is None:  # gone or tagged since it was read: nothing to store
                        continue
                    assert item.grouped is not None
                    put_grouped(db, item.rowid, item.grouped, fresh=False)
                    ids.append(row[0])
                self.library._mentions_stored()  # once per batch: the person rows changed
        self.run.done += len(ids)
        if self.progress is not None:
            self.progress(min(self.run.done, self.total), self.total)
        if self.on_batch is not None and ids:
            self.on_batch(ids, self.library.untagged_count())
