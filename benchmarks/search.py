"""Search on a generated library: the search box's first page and total against a bare FTS5 query.

20 varied queries (common and rare words, phrases, prefixes, OR, NOT, filters). For each, the best of
3 runs of: our first page (50 ranked hits, title matches first) with its total counted apart; the same
page in the list's newest-first order; the old way (every matching id, newest first, as `list_ids`);
and the reference, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?` of the same words,
measured in the same run. Prints p50 and p95 over the queries, in ms.

    .venv/bin/python benchmarks/search.py            # 10,000 articles
    .venv/bin/python benchmarks/search.py --n 100000 # the size of issue 15
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import make_library  # noqa: E402

from reader.core.search_query import parse_filter  # noqa: E402
from reader.core.store.library import Library  # noqa: E402
from reader.core.store.library_query import ListQuery, title_match, with_search  # noqa: E402

# Words from make_library's vocabulary (each in many articles) and title numbers (each in one).
QUERIES = (
    "harbour", "council budget", '"river election"', "fer*", "reef OR festival", "wage -strike",
    "inflation bank trade", '"port farmers rain"', "4242", "library source:meridian", "vote after:2020",
    "rain before:2015", "minister court hospital energy", '"strike wage"', "uni*", "survey NOT reef",
    "harbour OR port OR ferry", "reservoir title:budget", '"election court" vote', "777*",
)  # fmt: skip


def best_ms(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def reference_match(text: str) -> str:
    """The FTS5 expression a bare query of the same words runs (filters left out)."""
    spec = parse_filter(text)
    parts = [title_match(w) for w in spec.title.split()] + ([f"({spec.text})"] if spec.text else [])
    match = " AND ".join(p for p in parts if p)
    return f"({match}) NOT ({spec.exclude})" if spec.exclude else match


def measure(lib: Library) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"reference: bare FTS5 rowids": [], "search page, ranked + total": [],
                                     "search page, newest first + total": [], "old: every id, newest first": []}
    for q in QUERIES:
        match, old = reference_match(q), with_search(ListQuery(), parse_filter(q))
        runs: dict[str, Callable[[], object]] = {
            "reference: bare FTS5 rowids": lambda m=match: lib.db.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (m,)).fetchall(),
            "search page, ranked + total": lambda q=q: lib.search(q, limit=50),
            "search page, newest first + total": lambda q=q: lib.search(q, limit=50, base=ListQuery()),
            "old: every id, newest first": lambda o=old: lib.list_ids(o),
        }  # fmt: skip
        for name, run in runs.items():
            times[name].append(best_ms(run))
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="articles in the generated library (default 10,000)")
    parser.add_argument("--keep", metavar="DIR", help="keep (and reuse) the generated cache in DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.keep or tmp) / f"search-{args.n}.sqlite3"
        t0 = time.perf_counter()
        lib = Library(db) if db.exists() and Library(db).count() == args.n else make_library(db, args.n)
        print(f"library of {lib.count():,} articles ready in {time.perf_counter() - t0:.1f} s; {len(QUERIES)} queries,"
              " best of 3 each\n")  # fmt: skip
        times = measure(lib)
        ref = times["reference: bare FTS5 rowids"]
        print(f"| {'':36} | p50 ms | p95 ms | p50 / ref | p95 / ref |")
        print(f"|{'-' * 38}|--------|--------|-----------|-----------|")
        for name, values in times.items():
            p50, top = statistics.median(values), p95(values)
            print(f"| {name:36} | {p50:6.1f} | {top:6.1f} | {p50 / statistics.median(ref):9.2f} |"
                  f" {top / p95(ref):9.2f} |")
        counts = [lib.search(q, limit=1).total for q in QUERIES]
        median = int(statistics.median(counts))
        print(f"\nmatches per query: min {min(counts):,}, median {median:,}, max {max(counts):,}")
        lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
