"""First import with entity tagging, one thread vs the process pool, and the rescan of an unchanged library.

Writes N plain-text articles of about 300 words (`make_library.write_text_files`) to a temporary folder and
imports them into fresh caches: the one-thread path (read every file, then tag), the pool with one worker
(the reference) and with every core. Then rescans the unchanged library and measures, in the same run, the
floor (walk with stat + one SELECT of every stored file state) and the old per-file way (resolve, stat, one
SELECT per file). This process's own CPU is split into `store_batch` and the rest (in a pool run: receiving and
unpickling the workers' results, the scan's bookkeeping; in the one-thread run, all the reading and tagging).
Wall seconds depend on what else the machine runs; CPU seconds (this process and its
workers) less so; "cores used" is CPU s over wall s (2.0: both cores of a 2-core machine busy throughout).
`--folder DIR` imports the files of an existing folder instead, e.g. the saved web pages of
`$NEWS_READER_DATA/extraction/html` (read where they are, never copied).
After the imports, the bytes per article that cross the pool's pipe (each task's pickled (path, mtime, size)
list, and its pickled result, as `concurrent.futures` sends them), measured on the first files in this process.
The full pool runs import as the window does (a first import builds the entities' indexes after its rows; the list's
are read by the window meanwhile); `--headless` adds the run as `news-reader import` makes it (no window reads the
cache meanwhile, so a first import builds its list's indexes after its rows too). `--slices N` prints the full pool
runs per N articles stored (rate, CPU of this process and of the workers, cores used), to see what grows with the
library; `--no-reference` and `--no-rescan` leave those runs out; `--untagged` adds the full pool run without
tagging (read, extract and store only) and prints the tagged import's rate as a share of it.
`python benchmarks/import_speed.py [--n 10000] [--workers N] [--no-serial] [--folder DIR] [--headless] [--slices N]`
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import write_text_files  # noqa: E402

from reader.core.library_sync import LibrarySync, default_workers, importer  # noqa: E402
from reader.core.library_sync.pool import init_worker, parse_and_tag_files  # noqa: E402
from reader.core.library_sync.walk import walk  # noqa: E402
from reader.core.store.library import FileRecord, Library  # noqa: E402


def cpu_seconds() -> float:
    """User + system CPU of this process and its ended children (the pool's workers, once shut down)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def own_seconds() -> float:
    """User + system CPU of this process alone (the writer's, in a pool run)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def live_children_seconds() -> float:
    """User + system CPU of this process's children still running (the pool's workers), from /proc (Linux);
    0 where there is no /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return 0.0
    for tid in tasks:
        try:
            kids = Path(f"/proc/self/task/{tid}/children").read_text().split()
        except OSError:
            continue
        for pid in kids:
            try:  # the fields after the command's closing parenthesis; utime and stime are the 12th and 13th
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


class Slices:
    """Per slice of `size` articles stored: wall s, articles/s, CPU s of this process (and in `store_batch`) and of
    the workers, cores used; so what grows with the library shows (the rate of the last slices against the first)."""

    def __init__(self, size: int) -> None:
        self.size, self.rows = size, []  # type: ignore[var-annotated]
        self.articles = self.next_at = 0
        self.storing = 0.0
        self.start = self.mark()

    def mark(self) -> tuple[float, float, float, float, float]:
        """(wall, this process's CPU, its store_batch CPU, workers' CPU: ended + running, articles)."""
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (time.perf_counter(), own_seconds(), self.storing,
                kids.ru_utime + kids.ru_stime + live_children_seconds(), float(self.articles))  # fmt: skip

    def stored(self, articles: int, storing: float) -> None:
        self.articles += articles
        self.storing += storing
        if self.size and self.articles >= self.next_at + self.size:
            self.next_at += self.size
            now = self.mark()
            self.rows.append(tuple(b - a for a, b in zip(self.start, now, strict=True)))
            self.start = now

    def print(self, name: str) -> None:
        if not self.rows:
            return
        print(f"\n{name}, per slice of {self.size:,} articles stored\n")
        print("| slice | seconds | articles/s | this process CPU s | in store_batch | workers CPU s "
              "| CPU ms per article | cores used |")
        print("|------:|--------:|-----------:|-------------------:|---------------:|--------------:"
              "|-------------------:|-----------:|")
        for i, (wall, own, storing, kids, n) in enumerate(self.rows, 1):
            print(f"| {i:>5} | {wall:>7.1f} | {n / wall:>10.1f} | {own:>18.2f} | {storing:>14.2f} | {kids:>13.2f} "
                  f"| {(own + kids) * 1000 / n:>18.2f} | {(own + kids) / wall:>10.2f} |")


UNTAGGED = "{}, untagged"  # the full pool run's name without tagging (--untagged)


def timed_import(db: Path, folder: Path, workers: int, slices: Slices | None = None,
                 headless: bool = False, tag: bool = True) -> tuple[int, float, float, float, float]:  # fmt: skip
    """(articles, wall s, CPU s, this process's CPU s, of which in `store_batch`) of a first import with tagging
    (`tag` False: read and stored only, the articles left untagged); `workers` 0 is the one-thread path."""
    cpu, wall, own = cpu_seconds(), time.perf_counter(), own_seconds()
    lib = Library(db)
    storing = [0.0]
    store_batch = lib.store_batch

    def timed_store(records: list[FileRecord]) -> None:
        t0 = time.process_time()
        store_batch(records)
        spent = time.process_time() - t0
        storing[0] += spent
        if slices is not None:
            slices.stored(sum(len(r.articles) for r in records), spent)

    lib.store_batch = timed_store  # type: ignore[method-assign]
    alone = {"alone": True} if headless else {}  # as `news-reader import` (the code before it had no such way)
    sync = LibrarySync(lib, workers=workers, pool_min_files=0, tag=tag, **alone)
    result = sync.scan([folder])
    if tag:
        sync.tag_pending()
    wall, cpu, own = time.perf_counter() - wall, cpu_seconds() - cpu, own_seconds() - own
    left = lib.untagged_count()
    assert left == (0 if tag else result.articles) and result.failed == 0, (left, result)
    lib.close()
    return result.articles, wall, cpu, own, storing[0]


def pipe_bytes(folder: Path, files: int = 200) -> tuple[float, float, int]:
    """(bytes per article sent to the workers, bytes per article sent back, articles) over the first `files`
    files, cut into tasks as the import cuts them (this process plays the worker: the model is loaded here)."""
    entries = [e for e in walk(str(folder)) if e.ok][:files]
    init_worker(None, True, None)
    sent = back = articles = 0
    for task in importer._tasks(entries, importer.FILES_PER_TASK):
        result = parse_and_tag_files(task)
        sent += len(pickle.dumps(task, pickle.HIGHEST_PROTOCOL))
        back += len(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
        articles += sum(len(r.articles) for r in result)
    return sent / max(1, articles), back / max(1, articles), articles


def floor_rescan(db: Path, folder: Path) -> None:
    """What any rescan must do: stat every file under the folder and read every stored state once."""
    stack = [str(folder)]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                st = entry.stat()
                if entry.is_dir():
                    stack.append(entry.path)
                _ = (st.st_mtime, st.st_size)
    lib = Library(db)
    lib.db.execute("SELECT path, mtime, size FROM files").fetchall()
    lib.close()


def old_rescan(db: Path, folder: Path) -> None:
    """The per-file way this replaced: resolve each path, stat it, one SELECT each."""
    lib = Library(db)
    for path in folder.rglob("*.txt"):
        resolved = str(path.resolve())
        st = os.stat(resolved)
        _ = lib.file_state(resolved) == (st.st_mtime, st.st_size)
    lib.close()


def new_rescan(db: Path, folder: Path) -> None:
    lib = Library(db)
    result = LibrarySync(lib).scan([folder])
    assert result.imported == 0 and result.unchanged > 0, result
    lib.close()


def median_time(fn: Callable[[], None], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def import_table(tmp: Path, folder: Path, args: argparse.Namespace) -> Path:
    """Import the folder each way into a fresh cache, print the table; the last cache, for the rescans."""
    full = f"pool, {args.workers} workers"
    runs = [("pool, 1 worker (reference)", 1, False, True), (full, args.workers, False, True)]
    if args.headless:
        runs.append((f"{full}, headless", args.workers, True, True))
    if args.untagged:
        runs.append((UNTAGGED.format(full), args.workers, False, False))
    if args.no_reference:
        runs = runs[1:]
    if not args.no_serial:
        runs.insert(0, ("one thread: read, then tag", 0, False, True))
    rows, sliced = [], []
    for i, (name, workers, headless, tag) in enumerate(runs):
        slices = Slices(args.slices) if args.slices and workers == args.workers and tag else None
        rows.append((name, *timed_import(tmp / f"cache-{i}.sqlite3", folder, workers, slices, headless, tag)))
        if slices is not None:
            sliced.append((name, slices))
    ref = next((r for r in rows if r[0].endswith("(reference)")), rows[0])
    what = f"the files of {folder}" if args.folder else f"{args.n:,} plain-text articles"
    print(f"First import of {what} with entity tagging, {os.cpu_count()} cores\n")
    print(f"| {'run':<28} | articles | seconds | articles/s | CPU s | cores used | speed vs reference "
          "| this process: CPU s | in store_batch | other, ms per article |")
    print(f"|{'-' * 30}|---------:|--------:|-----------:|------:|-----------:|-------------------:"
          "|--------------------:|---------------:|----------------------:|")
    for name, n, wall, cpu, own, storing in rows:
        speed = ref[2] / wall
        print(f"| {name:<28} | {n:>8,} | {wall:>7.1f} | {n / wall:>10.1f} | {cpu:>5.1f} | {cpu / wall:>10.2f} "
              f"| {speed:>17.2f}x | {own:>19.1f} | {storing:>14.1f} | {(own - storing) * 1000 / n:>21.2f} |")
    rates = {name: n / wall for name, n, wall, *_rest in rows}
    if UNTAGGED.format(full) in rates:
        share = rates[full] / rates[UNTAGGED.format(full)]
        print(f"\nTagging beside parsing: the import with tagging runs at {share:.2f} of the same import's rate"
              " without it (1.00: tagging costs the import nothing)")
    for name, slices in sliced:
        slices.print(name)
    return tmp / f"cache-{len(runs) - 1}.sqlite3"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles to write and import (default 2,000)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="workers of the full pool run")
    parser.add_argument("--no-serial", action="store_true", help="leave out the one-thread run")
    parser.add_argument("--headless", action="store_true",
                        help="also the full pool run as `news-reader import` makes it: alone, its first import builds "
                             "its indexes after the rows")
    parser.add_argument("--untagged", action="store_true",
                        help="add the full pool run without tagging (read, extract, store): what tagging costs")
    parser.add_argument("--no-reference", action="store_true", help="leave out the 1-worker reference run")
    parser.add_argument("--slices", type=int, default=0, metavar="N",
                        help="also print the full pool run's rate and CPU per N articles stored (e.g. 10000)")
    parser.add_argument("--no-rescan", action="store_true", help="leave out the rescans")
    parser.add_argument("--runs", type=int, default=3, help="rescans of each kind (the median is shown)")
    parser.add_argument("--folder", type=Path, help="import this folder's files instead of generated ones")
    parser.add_argument("--rescan-only", action="store_true",
                        help="import without tagging (quick) and measure only the rescan, e.g. with --n 10000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder.resolve() if args.folder else Path(tmp) / "news"
        if not args.folder:
            write_text_files(folder, args.n)
        if args.rescan_only:
            db = Path(tmp) / "cache.sqlite3"
            lib = Library(db)
            LibrarySync(lib, workers=0).scan([folder])
            lib.close()
        else:
            db = import_table(Path(tmp), folder, args)
            sent, back, articles = pipe_bytes(folder)
            print(f"\nThrough the pool's pipe, over {articles:,} articles: {sent:,.0f} bytes per article to the "
                  f"workers, {back:,.0f} back")  # fmt: skip
        if args.no_rescan:
            return 0
        times = {name: median_time(lambda fn=fn: fn(db, folder), args.runs)  # type: ignore[misc]
                 for name, fn in [("floor: stat + one SELECT", floor_rescan), ("rescan (LibrarySync.scan)", new_rescan),
                                  ("old way: resolve + stat + SELECT each", old_rescan)]}  # fmt: skip
        print(f"\nRescan of the {'same' if args.folder else f'{args.n:,}'} unchanged files (median of {args.runs})\n")
        print(f"| {'what':<38} | seconds | vs floor |")
        print(f"|{'-' * 40}|--------:|---------:|")
        floor = times["floor: stat + one SELECT"]
        for name, sec in times.items():
            print(f"| {name:<38} | {sec:>7.3f} | {sec / floor:>7.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
