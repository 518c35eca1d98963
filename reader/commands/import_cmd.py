"""`news-reader import FOLDER...`: add folders to the library and import them on every core, without a window.

It fills the same library cache the window reads (so the window opens on them at once) and prints
a summary: files added, updated, removed, unchanged and with problems, articles, seconds and
articles per second; `--json` prints the same as one JSON object. Ctrl+C keeps what was stored:
the next import (or the window's start) carries on from there.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from reader.core.library_sync import POOL_MIN_FILES, LibrarySync, ScanResult, default_workers
from reader.core.session import Session
from reader.core.store.db import UserDataError
from reader.core.store.library import Library
from reader.paths import resolve_paths

NAME = "import"
HELP = "add folders to your library and import their articles (entities included) on every core"
PROG = "news-reader import"
MERGE_TOLD_S = 1.0  # the full-text index's merge after the import is mentioned only when it took this long


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folders", nargs="+", metavar="FOLDER", help="folders of saved articles")
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    parser.add_argument("--workers", type=int, metavar="N", default=None,
                        help=f"worker processes (default: one per core, here {default_workers()}; 0: none)")


def summary(result: ScanResult, seconds: float, untagged: int, problems: int, retagged: int = 0,
            merge_seconds: float = 0.0) -> dict[str, object]:  # fmt: skip
    """The numbers both outputs print (`problems`: files under the folders that cannot be imported now;
    `retagged`: articles stored before that this run tagged, e.g. after an update of the entity tagger;
    `merge_seconds`: the full-text index's merge after it, not counted in `seconds`)."""
    return {
        "added": result.added, "updated": result.updated, "removed": result.removed,
        "unchanged": result.unchanged, "problems": problems, "files": result.seen,
        "articles": result.articles, "seconds": round(seconds, 2),
        "articles_per_second": round(result.articles / seconds, 1) if seconds > 0 else 0.0,
        "untagged": untagged, "retagged": retagged, "complete": not result.stopped,
        "index_merge_seconds": round(merge_seconds, 2),
    }  # fmt: skip


def summary_text(s: dict[str, object]) -> str:
    """The summary in words, one line per subject."""
    lines = [
        f"{s['files']:,} files: {s['added']:,} added, {s['updated']:,} updated, {s['removed']:,} removed, "
        f"{s['unchanged']:,} unchanged, {s['problems']:,} with problems",
        f"{s['articles']:,} articles in {s['seconds']} s ({s['articles_per_second']} articles/s)",
    ]
    if s["retagged"]:
        lines.append(f"{s['retagged']:,} articles stored earlier had their entities found now "
                     "(an earlier import was stopped, or the entity tagger is newer)")
    if s["problems"]:
        lines.append("The files with problems, and what to do about each, are under Import problems in the window.")
    if float(s["index_merge_seconds"]) >= MERGE_TOLD_S:  # type: ignore[arg-type]
        lines.append(f"The search index was tidied for faster searches in {s['index_merge_seconds']} s.")
    if not s["complete"]:
        lines.append("Stopped before the end: what was stored is kept, and the next import goes on from there.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    folders = [Path(f).expanduser() for f in args.folders]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        print(f"{PROG}: not a folder that can be read: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 0:
        print(f"{PROG}: --workers takes 0 or more", file=sys.stderr)
        return 2
    roots = [str(f.resolve()) for f in folders]
    paths = resolve_paths(args.data_dir, args.profile).ensure()
    try:
        with Session(paths.user_db, backups_dir=paths.backups) as session:
            if session.notice:
                print(f"news-reader: {session.notice}", file=sys.stderr)
            for root in roots:  # so the window keeps them (its start forgets files outside the library)
                session.add_folder(root)
    except UserDataError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: _stop_once(stop, previous))
    started = time.perf_counter()
    library = Library(paths.library_db, user_db=paths.user_db)
    try:
        # --workers N asks for the pool even for a few files; by default a few are read here, without one
        # alone: no window reads the cache meanwhile (it names indexes a first import builds after its rows)
        sync = LibrarySync(library, workers=args.workers, pool_min_files=1 if args.workers else POOL_MIN_FILES,
                           alone=not paths.window_open())
        waiting = library.untagged_count()  # stored before this run: a stopped import, or a newer tagger
        result = sync.scan(roots, should_stop=stop.is_set)
        tagged = 0
        if not result.stopped:
            tagged = sync.tag_pending(should_stop=stop.is_set)  # those, and the few files read without the pool
        seconds = time.perf_counter() - started
        # After a large import (or once for a cache never merged): searches' first pages cost 2-3x less after
        merge = sync.merge_index(should_stop=stop.is_set) if not stop.is_set() else None
        retagged = min(waiting, tagged)
        problems = [p for p in library.problems() if p.path.startswith(tuple(r.rstrip(os.sep) + os.sep for r in roots))]
        out = summary(result, seconds, library.untagged_count(), len(problems), retagged,
                      merge.seconds if merge is not None else 0.0)  # fmt: skip
    finally:
        library.close()
        signal.signal(signal.SIGINT, previous)
    if args.json:
        out["problem_files"] = [{"path": p.path, "reason": p.reason, "advice": p.advice} for p in problems]
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(summary_text(out))
        for p in problems:
            print(f"{PROG}: {p.path}: {p.reason} {p.advice}", file=sys.stderr)
    return 130 if result.stopped or stop.is_set() else 0


def _stop_once(stop: threading.Event, previous: object) -> None:
    """The first Ctrl+C stops the import after storing what is done; a second one interrupts at once."""
    stop.set()
    signal.signal(signal.SIGINT, previous if callable(previous) else signal.default_int_handler)
    print(f"{PROG}: stopping after what is done is stored (Ctrl+C again to stop at once)...", file=sys.stderr)
