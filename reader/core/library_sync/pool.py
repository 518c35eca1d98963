"""The worker side of an import on every core: read, extract and tag one file in another process.

These functions run in `spawn`ed worker processes (`concurrent.futures.ProcessPoolExecutor`), so
they are top-level and take and return plain picklable data; the main process keeps the one
SQLite writer and stores what comes back in batches (`reader.core.library_sync.importer`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from dataclasses import replace
from typing import Any, NamedTuple

from reader.core import entities
from reader.core.article import Article
from reader.core.entities import EntitySpan
from reader.core.errors import ImportProblem
from reader.core.formats import load_file
from reader.core.store.library import FileRecord, shown_path
from reader.core.store.mention_batch import GroupedMentions, group_for_store

log = logging.getLogger(__name__)
TAG_BUDGET_S = 60.0  # CPU seconds one article may take to tag (ordinary articles take well under one)


class _WorkerState:
    """What `init_worker` set up in this process: the size limit, whether to tag, the shared stop flag."""

    max_bytes: int | None = None
    tag: bool = False
    stop: Any = None  # a multiprocessing Event shared with the main process (None: never stop)

WORKER_NICENESS = 10  # how much lower the import workers run than the window (see init_worker)

def init_worker(max_bytes: int | None, tag: bool, stop: Any) -> None:
    """Run once per worker process: load the entity model once, here, not once per file."""
    # Ctrl+C reaches the whole process group: the main process decides, the workers finish their file
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Below the window's process: with one worker per core, the window would otherwise wait for a core
    # (stalls of 200-400 ms while an import runs); the workers still get every core nothing else wants.
    with contextlib.suppress(OSError, AttributeError):  # Windows has no nice
        os.nice(WORKER_NICENESS)
    _WorkerState.max_bytes = max_bytes
    _WorkerState.stop = stop
    _WorkerState.tag = tag
    if tag:
        try:
            entities.load_model()
        except entities.EntityModelUnavailable as exc:
            # articles stay untagged; the main process's own tagging reports the broken installation
            log.warning("no entity tagging in the import workers: %s", exc)
            _WorkerState.tag = False


def _stopping() -> bool:
    stop = _WorkerState.stop
    return bool(stop is not None and stop.is_set())


def parse_and_tag(path: str, mtime: float, size: int) -> FileRecord:
    """Load one file (any format), and tag each of its articles within the CPU budget.

    A file that cannot be read comes back as a problem; an article whose tagging was stopped (the
    import was cancelled) comes back without mentions (None), so it is tagged later, never half.
    """
    record = read_file(path, mtime, size, max_bytes=_WorkerState.max_bytes)
    if record.reason or not _WorkerState.tag:
        return record
    mentions = tuple(_mentions(a) for a in record.articles)
    # the rows are made here, not by the writer: it shares the cores with the workers, and in the app it is
    # the window's process (mention_batch)
    pairs = zip(record.articles, mentions, strict=True)
    grouped = tuple(None if m is None else group_for_store(m, a.text) for a, m in pairs)
    # the spans stay here: the writer stores the rows, and spans cost the pipe about 1.4 KB an article
    return replace(record, mentions=(None,) * len(mentions), grouped=grouped)


def parse_and_tag_files(files: list[tuple[str, float, int]]) -> list[FileRecord]:
    """`parse_and_tag` for several (path, mtime, size) files: one task, one result message for all of them.

    Why: each task costs the main process (the one writer, sharing the cores with the workers) a
    future, a message and its unpickling; a few files per task keep that off the import's path.
    """
    return [parse_and_tag(path, mtime, size) for path, mtime, size in files]


class TaggedText(NamedTuple):
    """A stored article tagged again in a worker: its rowid and its mention rows (None: the tagging was stopped,
    so it stays untagged and is tagged in full next time)."""

    rowid: int
    grouped: GroupedMentions | None


def tag_texts(texts: list[tuple[int, str, str]]) -> list[TaggedText]:
    """Tag stored articles' (rowid, text, language) within the CPU budget: one task, one result message."""
    out = []
    for rowid, text, language in texts:
        spans = _tagged(text, language, str(rowid))
        out.append(TaggedText(rowid, None if spans is None else group_for_store(spans, text)))
    return out


def read_file(path: str, mtime: float, size: int, *, max_bytes: int | None) -> FileRecord:
    """One file's articles, untagged (`mentions` all None), or the problem that kept them out."""
    try:
        articles = tuple(load_file(path) if max_bytes is None else load_file(path, max_bytes=max_bytes))
    except ImportProblem as problem:
        return FileRecord(path, mtime, size, reason=problem.reason, advice=problem.advice)
    except Exception as exc:  # noqa: BLE001 - a loader bug must not stop the import; report it as a problem
        return FileRecord(path, mtime, size, reason=f"Unexpected error: {exc!r}.", advice="Report this file.")
    return FileRecord(path, mtime, size, articles, tuple(None for _ in articles))


def _mentions(article: Article) -> tuple[EntitySpan, ...] | None:
    return _tagged(article.text, article.language, shown_path(article.path))


def _tagged(text: str, language: str, what: str) -> tuple[EntitySpan, ...] | None:
    """The text's spans, or None when the import was stopped before they were all found."""
    if _stopping():
        return None
    # tag_bounded decides by the article's language whether names are looked for, as the serial path does
    result = entities.tag_bounded(text, language, budget_s=TAG_BUDGET_S, should_stop=_stopping)
    if result.stopped:
        return None
    if not result.complete:
        log.warning("entities of %s only partly found: %s", what, result.error)
    return tuple(result.spans)
