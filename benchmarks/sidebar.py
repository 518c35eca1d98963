"""The sidebar's counts at 1,000, 10,000 and 100,000 articles: the old way (every id listed and counted in
Python, once for the library and once per folder) beside the count tables the cache's triggers keep, measured
in the same run; and one mark-read, from the session's write to the counts shown.

Each library has 4 folders, 200 sources (a few large, many small), 30% of its articles read and 1% bookmarked
with tags. Columns (ms, best of 5):
  old count       `unread_counts` as the sidebar ran it before issue 15 (the reference)
  counts          `read_counts`: what every refresh reads now (sources, folders, views, tags)
  start           a window's first refresh when no read mark changed since the last start, and the counts
  after reads     the same after a session of reading (the mirror is compared with every read mark)
  first start     the same when the mirror is empty (the first start after an upgrade): every mark mirrored
  GROUP BY        every source and folder counted again by aggregate queries (what an older cache does once)
  mark: write     `session.mark_read` of one article (the user database's write, synced to disk: the reference)
  mark: old       after that write, the old count
  mark: new       after that write, its mark mirrored (the triggers move its counts by one) and `read_counts`
The last line stores 5,000 articles with the count triggers and without them.

    nice .venv/bin/python benchmarks/sidebar.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import WORDS  # noqa: E402

from reader.core.article import Block, make_article  # noqa: E402
from reader.core.session import Session  # noqa: E402
from reader.core.store.count_schema import RECOUNT_SOURCES  # noqa: E402
from reader.core.store.library import Library  # noqa: E402
from reader.core.store.library_query import ListQuery  # noqa: E402
from reader.core.store.sidebar_counts import read_counts, set_count_folders, sync_read_marks  # noqa: E402

FOLDERS = [f"/bench/folder-{k}" for k in range(4)]
SOURCES = [f"Source {k:03d}" for k in range(200)]
PER_FILE = 500


def old_unread_counts(library: Library, read: set[str], folders: Iterable[str]) -> dict[str, int]:
    """The sidebar's unread counts before issue 15 (reader/ui/sidebar.py at 5bb6157), kept to compare."""
    counts = {"unread": sum(1 for i in library.list_ids() if i not in read)}
    for folder in folders:
        counts["folder:" + folder] = sum(1 for i in library.list_ids(ListQuery(folder=folder)) if i not in read)
    return counts


def store(lib: Library, n: int, rng: random.Random, first: int = 0) -> list[str]:
    """`n` short articles, `PER_FILE` to a file, in the four folders; sources skewed (a few large, many small)."""
    ids = []
    for start in range(first, first + n, PER_FILE):
        batch = []
        for i in range(start, min(first + n, start + PER_FILE)):
            title = " ".join(rng.choice(WORDS) for _ in range(5)).capitalize() + f" {i}"
            source = SOURCES[min(len(SOURCES) - 1, int(rng.paretovariate(1.2)) - 1)]
            batch.append(make_article(title=title, blocks=[Block(" ".join(rng.choice(WORDS) for _ in range(20)))],
                                      format="text", source=source))  # fmt: skip
        lib.store_file(f"{FOLDERS[(start // PER_FILE) % len(FOLDERS)]}/{start}.txt", 0.0, 1, batch)
        ids += [a.id for a in batch]
    return ids


def best_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def measure(tmp: Path, n: int) -> dict[str, float]:
    rng = random.Random(n)
    session = Session(tmp / f"user-{n}.sqlite3")
    lib = Library(tmp / f"cache-{n}.sqlite3", user_db=tmp / f"user-{n}.sqlite3")
    ids = store(lib, n, rng)
    session.mark_read(rng.sample(ids, n * 3 // 10), undoable=False)
    for i in rng.sample(ids, max(1, n // 100)):
        session.set_bookmark_tags(i, [rng.choice(["energy", "ports", "courts", "budget"])])
    set_count_folders(lib.db, FOLDERS)

    def start() -> None:
        sync_read_marks(lib.db)
        read_counts(lib.db)

    def after_reads() -> None:
        lib.db.execute("DELETE FROM meta WHERE key = 'read_marks'")  # what a session's own marks leave
        lib.db.commit()
        start()

    def first_start(repeat: int = 5) -> float:
        best = float("inf")
        for _ in range(repeat):  # as if the window had never mirrored the marks (not timed)
            lib.db.executescript("BEGIN; INSERT INTO counts_paused VALUES (1); DELETE FROM read_marks;"
                                 " DELETE FROM meta WHERE key = 'read_marks';"
                                 f" DELETE FROM counts_paused; {RECOUNT_SOURCES} COMMIT;")  # fmt: skip
            set_count_folders(lib.db, FOLDERS)
            best = min(best, best_ms(start, repeat=1))
        return best

    def recount() -> None:
        lib.db.executescript(f"BEGIN; {RECOUNT_SOURCES} COMMIT;")
        set_count_folders(lib.db, FOLDERS)

    unread = [i for i in ids if not session.store.is_read(i)]

    def after_mark(then: Callable[[list[str]], object], repeat: int = 5) -> float:
        """Best ms of `then(changed ids)` after marking one more article read (the write not timed)."""
        best = float("inf")
        for _ in range(repeat):
            changed = sorted(session.mark_read([unread.pop()], undoable=False).article_ids)
            t0 = time.perf_counter()
            then(changed)
            best = min(best, time.perf_counter() - t0)
        return best * 1000

    results = {
        "old count": best_ms(lambda: old_unread_counts(lib, session.store.read_ids(), FOLDERS)),
        "counts": best_ms(lambda: read_counts(lib.db)),
        "start": best_ms(start),
        "after reads": best_ms(after_reads),
        "first start": first_start(),
        "GROUP BY": best_ms(recount),
        "mark: write": best_ms(lambda: session.mark_read([unread.pop()], undoable=False)),
        "mark: old": after_mark(lambda _ids: old_unread_counts(lib, session.store.read_ids(), FOLDERS)),
        "mark: new": after_mark(lambda changed: (sync_read_marks(lib.db, changed), read_counts(lib.db))),
    }
    sync_read_marks(lib.db)  # the marks the old way's runs made, unseen by the mirror
    check = read_counts(lib.db, top=None)
    assert check.library.unread == n - len(session.store.read_ids()), "the counts went wrong"
    session.close()
    lib.close()
    return results


def import_cost(tmp: Path, n: int = 5_000, repeat: int = 3) -> tuple[float, float]:
    """Best seconds to store `n` articles with the count triggers, and with them dropped (taken in turns)."""
    best = {True: float("inf"), False: float("inf")}
    for run, keep in ((r, k) for r in range(repeat) for k in (True, False)):
        lib = Library(tmp / f"import-{keep}-{run}.sqlite3")
        set_count_folders(lib.db, FOLDERS)
        if not keep:
            triggers = lib.db.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'counts_%'")
            for (name,) in triggers.fetchall():
                lib.db.execute(f"DROP TRIGGER {name}")
        t0 = time.perf_counter()
        store(lib, n, random.Random(1))
        best[keep] = min(best[keep], time.perf_counter() - t0)
        lib.close()
    return best[True], best[False]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        rows = {n: measure(Path(tmp), n) for n in args.sizes}
        names = list(next(iter(rows.values())))
        print("| articles | " + " | ".join(f"{name:>11}" for name in names) + " | old / counts |")
        print("|---------:|" + "|".join("-" * 13 for _ in names) + "|-------------:|")
        for n, r in rows.items():
            cells = " | ".join(f"{r[name]:11.2f}" for name in names)
            print(f"| {n:>8,} | {cells} | {r['old count'] / r['counts']:12.0f} |")
        with_triggers, without = import_cost(Path(tmp))
        print(f"\nstoring 5,000 articles (best of 3): {with_triggers:.2f} s with the count triggers,"
              f" {without:.2f} s without ({(with_triggers / without - 1) * 100:+.0f}%)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
