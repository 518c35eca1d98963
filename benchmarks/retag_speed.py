"""Re-tagging a library after a new tagger: one thread (the old way) against the process pool, same run.

Writes N plain-text articles (`make_library.write_text_files`, or with `--text conll` about 300 words of real news
from `$NEWS_READER_DATA/conll2003/train.txt`, as `import_stages.py` builds them), imports them untagged once,
and copies that cache for each run, so every run starts from the state a new `TAGGER_VERSION` leaves (every
article untagged, no mentions). Then `LibrarySync.tag_pending()` with `workers=0` (one thread, this process) and
with the pool (every core, as the window and `news-reader import` do). Prints wall and CPU seconds (this process
and its workers) and this process's own CPU (the writer's, in the pool run), and checks that both runs stored
the same mention rows.

    python benchmarks/retag_speed.py [--sizes 2000 10000] [--workers N] [--text generated|conll]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import write_text_files  # noqa: E402

from reader.core.library_sync import LibrarySync, default_workers  # noqa: E402
from reader.core.store.library import Library  # noqa: E402


def cpu_seconds() -> tuple[float, float]:
    """(this process and its ended children, this process alone): user + system CPU seconds."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = own.ru_utime + own.ru_stime
    return mine + kids.ru_utime + kids.ru_stime, mine


def untagged_cache(tmp: Path, n: int, text: str) -> Path:
    """A cache holding `n` articles, none tagged (what a new tagger version leaves)."""
    folder = tmp / f"news-{n}"
    if text == "conll":
        from import_stages import write_conll_files

        write_conll_files(folder, n)
    else:
        write_text_files(folder, n)
    db = tmp / f"untagged-{n}.sqlite3"
    lib = Library(db)
    LibrarySync(lib, workers=0, tag=False).scan([folder])
    assert lib.untagged_count() == n, lib.untagged_count()
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    return db


def retag(source: Path, db: Path, workers: int) -> tuple[int, float, float, float, list[tuple[object, ...]]]:
    """(articles tagged, wall s, CPU s, this process's CPU s, the mention rows stored) from a copy of `source`."""
    shutil.copy(source, db)
    cpu, own = cpu_seconds()
    wall = time.perf_counter()
    lib = Library(db)
    done = LibrarySync(lib, workers=workers, pool_min_files=1).tag_pending()
    wall = time.perf_counter() - wall
    cpu_after, own_after = cpu_seconds()
    assert lib.untagged_count() == 0
    rows = lib.db.execute("SELECT a.id, m.start, m.end, m.type, m.key, m.text, m.short, m.name, m.etype FROM mentions m"
                          " JOIN articles a ON a.rowid = m.article_rowid ORDER BY 1, 2, 3, 4").fetchall()  # fmt: skip
    lib.close()
    return done, wall, cpu_after - cpu, own_after - own, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000], help="library sizes (articles)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="workers of the pool run")
    parser.add_argument("--text", choices=("generated", "conll"), default="generated")
    args = parser.parse_args()
    print(f"Re-tagging a whole library (a new tagger), {args.text} articles, one thread vs a pool of "
          f"{args.workers}\n")  # fmt: skip
    print("| articles | run | seconds | articles/s | CPU s | this process CPU s | speed vs one thread |")
    print("|---------:|-----|--------:|-----------:|------:|-------------------:|--------------------:|")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for n in args.sizes:
            source = untagged_cache(tmp, n, args.text)
            serial = retag(source, tmp / "serial.sqlite3", 0)
            pooled = retag(source, tmp / "pool.sqlite3", args.workers)
            assert serial[4] == pooled[4], "the pool stored other mentions than one thread"
            for name, (done, wall, cpu, own, _rows) in (("one thread", serial), (f"pool of {args.workers}", pooled)):
                print(f"| {n:>8,} | {name:<11} | {wall:>7.1f} | {done / wall:>10.1f} | {cpu:>5.1f} | {own:>18.1f} "
                      f"| {serial[1] / wall:>18.2f}x |")  # fmt: skip
            for db in ("serial.sqlite3", "pool.sqlite3"):
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{tmp / db}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
