"""The SQLite part of a search typed in the window at 100,000 articles, plan by plan.

    python benchmarks/search_plans.py [--size 100000] [--keep DIR] [--repeat 7]

Opens the library of the profile `memory.py --keep DIR` builds (`_profiles.py`; without --keep: built in a
temporary folder, which takes a while), the one `search_after_quiet.py` types its searches into. For each of
`memory.py`'s SEARCHES and a few other forms (a pure exclusion, OR, a prefix), as the window asks for them (a
first page of 200, newest first, the count left for later):
- how many articles match, and the plan `Library.search` took: the matches gathered from the full-text index,
  looked up and sorted; or the sort index walked, asking the full-text index about each row (probe), or checking
  each row against every matching rowid gathered first (walk);
- the median ms of that first page, and of `Library.lists` (whether the new list holds the article open in the
  pane, the window's next question: `keep_pane_in_list`);
- for a query in most articles, both walks side by side, alternating (`search_sql.page_sql(probe=...)`): what
  `PROBE_COST` weighs.
The rest of the window's "search typed -> first page painted" (`search_after_quiet.py`) is the model's reset,
the rows' text and the paint. `--merged` measures the same on a copy whose full-text index is one segment
(FTS5 'optimize', at once); `--merge` on a copy merged by the app's own steps (`store/fts_merge.merge_index`, as
the scan thread runs it after a large import), printing each step's time and the whole merge's wall and CPU.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _profiles import profile  # noqa: E402
from memory import SEARCHES  # noqa: E402

from reader.core.search_query import parse_filter  # noqa: E402
from reader.core.store.fts_merge import merge_index  # noqa: E402
from reader.core.store.library import Library  # noqa: E402
from reader.core.store.library_query import ListQuery, with_search  # noqa: E402
from reader.core.store.search_sql import WALK_FROM, page_sql  # noqa: E402

PAGE = 200  # the window's page (ui/article_list.py)
MORE = ("-court", "council OR minister", "harbour -reservoir", "elect*")


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def plan_of(statements: list[str]) -> str:
    if any("json_each" in sql for sql in statements):
        return "gathered"
    if any("EXISTS (SELECT 1 FROM articles_fts f" in sql for sql in statements):
        return "probe"
    if any("INDEXED BY" in sql for sql in statements):
        return "walk"
    return "count + page"


def merge_steps(db: sqlite3.Connection, segments: int) -> str:
    """Merge as the scan thread does (its rests between steps too) and say what each step and the whole took."""
    marks: list[float] = []
    started = time.perf_counter()

    def rest(seconds: float) -> None:  # called between steps: the time since the last rest ended is one step
        marks.append(time.perf_counter())
        time.sleep(seconds)
        marks.append(time.perf_counter())

    db.execute("DELETE FROM meta WHERE key = 'fts_merged'")  # due, as after a large import
    db.commit()
    run = merge_index(db, sleep=rest)
    ends = [started, *marks[1::2]]
    steps = [b - a for a, b in zip(ends, marks[0::2], strict=False)]
    steps.append(run.longest_step if not steps else time.perf_counter() - ends[-1])  # the last step
    steps.sort()
    p95 = steps[min(len(steps) - 1, int(len(steps) * 0.95))]
    return (f"full-text index of {segments} segments merged by the app's steps ({'done' if run.done else 'NOT done'}):"
            f" {run.steps} steps, a step median {statistics.median(steps) * 1000:.1f} / p95 {p95 * 1000:.1f} / max"
            f" {steps[-1] * 1000:.1f} ms (SQLite work and its commit); the whole merge {run.seconds:.2f} s wall with"
            f" its rests, {run.cpu_seconds:.2f} s CPU")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="the folder `memory.py --keep` builds and reuses")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--merged", action="store_true",
                        help="on a copy of the cache, its full-text index merged into one segment first (FTS5"
                             " 'optimize'; an import leaves several): a probe seeks one, not each")  # fmt: skip
    parser.add_argument("--merge", action="store_true",
                        help="on a copy of the cache, its full-text index merged by the app's own small steps first")
    args = parser.parse_args()
    tmp = None if args.keep else tempfile.TemporaryDirectory()
    data = profile(args.keep or Path(tmp.name), args.size)  # type: ignore[union-attr]
    cache = data / "cache" / "library.sqlite3"
    copy = tempfile.TemporaryDirectory() if args.merged or args.merge else None
    if copy is not None:
        with sqlite3.connect(cache) as source, sqlite3.connect(Path(copy.name) / "library.sqlite3") as target:
            source.backup(target)
        cache = Path(copy.name) / "library.sqlite3"
    lib = Library(cache)
    segments = lib.db.execute("SELECT count(DISTINCT segid) FROM articles_fts_idx").fetchone()[0]
    if args.merge:
        print(merge_steps(lib.db, segments) + "\n")
    elif copy is not None:
        t0 = time.perf_counter()
        with lib.db:
            lib.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
        print(f"full-text index of {segments} segments merged into one in {time.perf_counter() - t0:.1f} s\n")
    else:
        print(f"full-text index of {segments} segment(s) as found\n")
    base = ListQuery()
    print(f"| {lib.count():,} articles, median of {args.repeat} | matches | plan | first page ms | lists() ms |"
          " probe walk ms | gathered walk ms |")  # fmt: skip
    print("|---|---:|---|---:|---:|---:|---:|")
    for text in (*SEARCHES, *MORE):
        asked: list[str] = []
        lib.db.set_trace_callback(asked.append)
        first = lib.search(text, limit=PAGE, base=base, count=False)
        lib.db.set_trace_callback(None)
        matches = first.total if first.counted else lib.count_matches(text, base=base)
        page_ms = median_ms(lambda t=text: lib.search(t, limit=PAGE, base=base, count=False), args.repeat)
        shown = first.ids[len(first.ids) // 2] if first.ids else ""
        lists_ms = median_ms(lambda t=text, i=shown: lib.lists(i, t, base), args.repeat)
        walks = ["", ""]
        if not first.counted:
            query = with_search(base, parse_filter(text))
            runs: list[list[float]] = [[], []]
            for _ in range(args.repeat):  # alternating, so both see the same load
                for k, probe in enumerate((True, False)):
                    t0 = time.perf_counter()
                    lib.db.execute(*page_sql(query, WALK_FROM, PAGE, 0, probe=probe)).fetchall()
                    runs[k].append(time.perf_counter() - t0)
            walks = [f"{statistics.median(r) * 1000:.1f}" for r in runs]
        print(f"| {text} | {matches:,} | {plan_of(asked)} | {page_ms:.1f} | {lists_ms:.1f} | {walks[0]} | {walks[1]} |")
    lib.close()
    for folder in (tmp, copy):
        if folder is not None:
            folder.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
