"""The palette's search over a large library: articles by title, entities, highlights, per typed query.

Against a reference measured in the same run: every title read into Python and scored there (what the
palette would do without the LIMITed LIKE candidates). Queries are typed words not used to tune anything.

    nice .venv/bin/python benchmarks/palette.py [--articles 100000] [--highlights 20000]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import FIRST, LAST, PLACES, make_library  # noqa: E402
from notebook import make_user_db, timed  # noqa: E402

from reader.core.palette_search import find_articles, find_entities, find_highlights, fuzzy_score  # noqa: E402

QUERIES = ("harb", "vote 12", "rsrv infl", "mnstr", "zzq")  # a prefix, words and a number, letters, nothing


def add_mentions(db: sqlite3.Connection, n_articles: int, *, seed: int = 5) -> None:
    """Three tagged names per article (benchmark set-up only; the app stores them through the tagger)."""
    rng = random.Random(seed)
    names = [(f"{f} {ln}".lower(), "PER") for f in FIRST for ln in LAST] + [(p.lower(), "LOC") for p in PLACES]
    rows = []
    for rowid in range(1, n_articles + 1):
        for key, etype in rng.sample(names, 3):
            rows.append((rowid, 0, 5, etype, key, key.title(), "", key, etype))
    with db:
        db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?)", rows)


def naive_articles(db: sqlite3.Connection, query: str) -> list[str]:
    scored = [(fuzzy_score(query, t), i) for i, t in db.execute("SELECT id, title FROM articles")]
    return [i for s, i in sorted((s, i) for s, i in scored if s is not None)[-8:]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--highlights", type=int, default=20_000)
    args = parser.parse_args()
    from reader.core.store.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        cache, user_db = Path(tmp) / "cache.sqlite3", Path(tmp) / "user.sqlite3"
        t0 = time.perf_counter()
        lib = make_library(cache, args.articles)
        ids = lib.all_ids()
        add_mentions(lib.db, args.articles)
        lib.close()
        make_user_db(user_db, ids, args.highlights)
        print(f"set-up: {args.articles:,} articles, {3 * args.articles:,} mentions, {args.highlights:,} highlights"
              f" in {time.perf_counter() - t0:.0f} s")
        lib = Library(cache, user_db=user_db)
        print(f"{'query':<12} {'articles ms':>12} {'entities ms':>12} {'highlights ms':>14} {'reference ms':>13}")
        for q in QUERIES:
            a = timed(lambda q=q: find_articles(lib.db, q)) * 1000
            e = timed(lambda q=q: find_entities(lib.db, q)) * 1000
            h = timed(lambda q=q: find_highlights(lib.db, q)) * 1000
            ref = timed(lambda q=q: naive_articles(lib.db, q), repeat=1) * 1000
            print(f"{q!r:<12} {a:>12.1f} {e:>12.1f} {h:>14.1f} {ref:>13.1f}")
        print("reference: every title read into Python and fuzzy-scored (articles only)")
        lib.close()


if __name__ == "__main__":
    main()
