"""Search on a generated library: the search box's first page and total against a bare FTS5 query.

The library is made of CoNLL-2003 news sentences when `NEWS_READER_DATA` holds them (`_news_library.py`),
and its 20 queries picked from that text by a printed rule (names, topics, phrases, a rare and a common word,
a prefix, OR, NOT, filters); `--vocabulary` builds the old 26-word library with its old queries.
For each query, the best of 3 runs of: our first page (50 ranked hits, title matches first) with its total
counted apart; the same page in the list's newest-first order; that page with its count left for later
(as the window asks for it, `count=False`) and that count alone; the old way (every matching id, newest
first, as `list_ids`); where the article half way down the newest-first list stands (`position`, as the
window asks after each search to keep the shown article); and the reference,
`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?` of the same words, measured in the same run.
Prints p50 and p95 over the queries, in ms.

    NEWS_READER_DATA=/work/shared/data .venv/bin/python benchmarks/search.py   # 10,000 articles
    NEWS_READER_DATA=/work/shared/data .venv/bin/python benchmarks/search.py --n 100000   # issue 15's size
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

from _news_library import build_library, load_corpus, queries  # noqa: E402

from reader.core.search_query import parse_filter  # noqa: E402
from reader.core.store.library import Library  # noqa: E402
from reader.core.store.library_query import ListQuery, title_match, with_search  # noqa: E402


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


def measure(lib: Library, picked: list[str]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"reference: bare FTS5 rowids": [], "search page, ranked + total": [],
                                     "search page, newest first + total": [],
        "newest first, count left for later": [],
        "  the count, later (count_matches)": [], "old: every id, newest first": [],
        "where a mid-list article stands (position)": []}
    for q in picked:
        match, old = reference_match(q), with_search(ListQuery(), parse_filter(q))
        total = lib.search(q, limit=1, base=ListQuery()).total
        middle = lib.search_page(q, total=total, limit=1, offset=total // 2, base=ListQuery()) or [""]
        runs: dict[str, Callable[[], object]] = {
            "reference: bare FTS5 rowids": lambda m=match: lib.db.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (m,)).fetchall(),
            "search page, ranked + total": lambda q=q: lib.search(q, limit=50),
            "search page, newest first + total": lambda q=q: lib.search(q, limit=50, base=ListQuery()),
            "newest first, count left for later": lambda q=q: lib.search(q, limit=50, base=ListQuery(), count=False),
            "  the count, later (count_matches)": lambda q=q: lib.count_matches(q, base=ListQuery()),
            "old: every id, newest first": lambda o=old: lib.list_ids(o),
            # the window keeps the shown article after each search: its row, counted from its sort key
            "where a mid-list article stands (position)": lambda q=q, i=middle[0]: lib.position(i, q, ListQuery()),
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
    parser.add_argument("--vocabulary", action="store_true", help="the old 26-word library and queries")
    parser.add_argument("--optimize", action="store_true",
                        help="merge the full-text index into one segment first (FTS5 'optimize', as after a large "
                             "import) and say how long that took; with --keep the kept cache stays merged")  # fmt: skip
    args = parser.parse_args(argv)
    corpus = load_corpus(vocabulary=args.vocabulary)
    picked = queries(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.keep or tmp) / f"search-{'words' if corpus is None else 'news'}-{args.n}.sqlite3"
        t0 = time.perf_counter()
        lib = Library(db) if db.exists() and Library(db).count() == args.n else build_library(db, args.n, corpus)
        print(f"library of {lib.count():,} articles ready in {time.perf_counter() - t0:.1f} s; {len(picked)} queries,"
              " best of 3 each\n")  # fmt: skip
        if args.optimize:
            t0 = time.perf_counter()
            with lib.db:
                lib.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
            print(f"full-text index merged (FTS5 'optimize') in {time.perf_counter() - t0:.1f} s\n")
        times = measure(lib, picked)
        ref = times["reference: bare FTS5 rowids"]
        print(f"| {'':36} | p50 ms | p95 ms | p50 / ref | p95 / ref |")
        print(f"|{'-' * 38}|--------|--------|-----------|-----------|")
        for name, values in times.items():
            p50, top = statistics.median(values), p95(values)
            print(f"| {name:36} | {p50:6.1f} | {top:6.1f} | {p50 / statistics.median(ref):9.2f} |"
                  f" {top / p95(ref):9.2f} |")
        asked: list[str] = []  # the statements of a first page that asked the index row by row (probing_pays)
        lib.db.set_trace_callback(asked.append)
        probed = []
        for q in picked:
            asked.clear()
            lib.search(q, limit=50, base=ListQuery(), count=False)
            if any("EXISTS (SELECT 1 FROM articles_fts f" in sql for sql in asked):
                probed.append(q)
        lib.db.set_trace_callback(None)
        print(f"\nfirst pages (newest first) that asked the index row by row: {' | '.join(probed) or 'none'}")
        counts = [lib.search(q, limit=1).total for q in picked]
        median = int(statistics.median(counts))
        print(f"\nmatches per query: min {min(counts):,}, median {median:,}, max {max(counts):,}")
        lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
