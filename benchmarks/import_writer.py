"""The import writer's CPU per article as the cache grows, with SQLite's default settings and the import's.

    python benchmarks/import_writer.py [--n 10000] [--text generated|conll] [--profile]

Reads and tags 1,000 articles once (`import_stages` writes them), then stores them again and again under new
ids and paths (`Library.store_batch`, 100 files a transaction, as the pool's writer does) until the cache
holds N, once with the connection's defaults (the reference), then with `importer.IMPORT_CACHE_KIB` of page
cache, then with that and a checkpoint every `importer.IMPORT_WAL_PAGES` log pages (when the code measured
has it), then with those and FTS5's automerge off (when the code measured turns it off during an import,
`importer.FTS_AUTOMERGE`), then with those and the indexes a headless first import builds after its rows (their
build counted in the last quarter; `library_schema.DEFERRABLE_INDEXES`), and prints the writer's CPU ms per article
at each quarter. `--profile`: the import's
settings only, under cProfile (the functions with the most time of their own) and with the SQL statements run per
article counted (a statement per row of an `executemany`).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_stages import write_conll_files  # noqa: E402
from make_library import write_text_files  # noqa: E402

from reader.core.library_sync import importer  # noqa: E402
from reader.core.library_sync.pool import init_worker, parse_and_tag_files  # noqa: E402
from reader.core.store import library_schema  # noqa: E402
from reader.core.store.library import FileRecord, Library  # noqa: E402


def tagged_records(folder: Path, text: str) -> list[FileRecord]:
    if text == "conll":
        write_conll_files(folder, 1000)
    else:
        write_text_files(folder, 1000)
    init_worker(None, True, None)
    return parse_and_tag_files([(str(p), 1.0, 1) for p in sorted(folder.rglob("*.txt"))])


def store(db: Path, records: list[FileRecord], n: int, cache_kib: int | None, wal_pages: int | None,
          automerge: int | None = None, profile: cProfile.Profile | None = None,
          statements: list[int] | None = None, deferred: bool = False) -> list[float]:  # fmt: skip
    """CPU ms per article of the stores up to each quarter of `n`, the copies numbered apart; `deferred`: without the
    indexes a headless first import builds after its rows, their build counted in the last quarter."""
    lib = Library(db)
    if deferred:
        library_schema.drop_deferrable_indexes(lib.db)
    if cache_kib:
        lib.db.execute(f"PRAGMA cache_size = -{cache_kib}")
    if wal_pages:
        lib.db.execute(f"PRAGMA wal_autocheckpoint = {wal_pages}")
    if automerge is not None:
        with lib.db:
            lib.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', ?)", (automerge,))
    if statements is not None:
        lib.db.set_trace_callback(lambda _sql: statements.append(1))
    marks, done, spent = [], 0, 0.0
    for copy in range(n // len(records)):
        again = [replace(r, path=f"{r.path}.{copy}",
                         articles=tuple(replace(a, id=f"{a.id[:14]}{copy:06d}") for a in r.articles))
                 for r in records]  # fmt: skip
        for k in range(0, len(again), 100):
            t0 = time.process_time()
            if profile is not None:
                profile.enable()
            lib.store_batch(again[k : k + 100])
            if profile is not None:
                profile.disable()
            spent += time.process_time() - t0
            done += len(again[k : k + 100])
            if deferred and done == n // len(records) * len(records):
                t0 = time.process_time()
                library_schema.build_missing_indexes(lib.db)
                spent += time.process_time() - t0
            if done % (n // 4) == 0:
                marks.append(spent * 1000 / done)
    lib.close()
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles in the cache at the end (default 10,000)")
    parser.add_argument("--text", choices=("generated", "conll"), default="conll")
    parser.add_argument("--profile", action="store_true", help="the import's settings under cProfile")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        records = tagged_records(Path(tmp) / "news", args.text)
        kib, pages = importer.IMPORT_CACHE_KIB, getattr(importer, "IMPORT_WAL_PAGES", None)
        if args.profile:
            return profiled(Path(tmp) / "cache.sqlite3", records, args.n, kib, pages)
        runs: list[tuple[str, int | None, int | None, int | None, bool]] = [
            ("defaults (reference)", None, None, None, False), (f"{kib:,} KiB page cache", kib, None, None, False)]
        if pages:  # the code measured checkpoints less often during an import
            runs.append((f"and a checkpoint per {pages:,} pages", kib, pages, None, False))
        if hasattr(importer, "FTS_AUTOMERGE"):  # ...and writes without FTS5's automerge
            runs.append(("and no FTS5 automerge", kib, pages, 0, False))
        if hasattr(library_schema, "DEFERRABLE_INDEXES"):  # ...and, headless, builds indexes after the rows
            runs.append(("and indexes built after (headless)", kib, pages, 0, True))
        rows = [(name, store(Path(tmp) / f"cache-{i}.sqlite3", records, args.n, size, wal, merge, deferred=later))
                for i, (name, size, wal, merge, later) in enumerate(runs)]  # fmt: skip
    quarters = [f"{args.n * q // 4:,}" for q in range(1, 5)]
    print(f"Writer CPU ms per article (store_batch), all stored so far, {args.text} articles\n")
    print(f"| {'settings':<36} | " + " | ".join(f"{q:>7}" for q in quarters) + " |")
    print(f"|{'-' * 38}|" + "|".join("-" * 8 + ":" for _ in quarters) + "|")
    for name, marks in rows:
        print(f"| {name:<36} | " + " | ".join(f"{m:>7.2f}" for m in marks) + " |")
    return 0


def profiled(db: Path, records: list[FileRecord], n: int, kib: int, pages: int | None) -> int:
    """The import's settings under cProfile: the top functions by their own time, and statements per article."""
    profile, statements = cProfile.Profile(), []
    automerge = 0 if hasattr(importer, "FTS_AUTOMERGE") else None
    marks = store(db, records, n, kib, pages, automerge, profile, statements)
    print(f"store_batch: {marks[-1]:.2f} CPU ms per article under cProfile, {len(statements) / n:.1f} SQL statements"
          " per article (one per row of an executemany)\n")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(15)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
