"""The writer of a window's first import alone, for an instruction count that the machine's load does not move.

    python benchmarks/import_window_writer.py --make RECORDS.pkl [--n 1000]   # tag N generated articles once
    valgrind --tool=callgrind python benchmarks/import_window_writer.py RECORDS.pkl [--no-store]

Stores the pickled records (`pool.parse_and_tag_files` results, as the pool's workers send them) into a fresh cache,
100 files a transaction, as `importer.import_in_pool` does for a window (its settings, and the indexes it builds
after its rows when the code measured has them: `importer.MENTION_INDEXES`), and prints this process's CPU s.
`--no-store` does all but the storing: its count, taken from the other, leaves the writer's own. Run it with the
code before first on `PYTHONPATH` (from outside the worktree) and with this tree, the same records.
"""

from __future__ import annotations

import argparse
import contextlib
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def make(out: Path, n: int) -> None:
    from make_library import write_text_files

    from reader.core.library_sync.pool import init_worker, parse_and_tag_files

    with tempfile.TemporaryDirectory() as tmp:
        write_text_files(Path(tmp), n)
        init_worker(None, True, None)
        files = sorted(Path(tmp).rglob("*.txt"))
        out.write_bytes(pickle.dumps(parse_and_tag_files([(str(p), 1.0, 1) for p in files])))


def store(records_path: Path, *, no_store: bool) -> float:
    from reader.core.library_sync import importer
    from reader.core.store.library import Library

    records = pickle.loads(records_path.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Path(tmp) / "cache.sqlite3")
        cpu = time.process_time()
        later = getattr(importer, "MENTION_INDEXES", None)  # the code before deferred nothing in a window
        with importer.import_settings(lib, importer.IMPORT_CACHE_KIB, importer.IMPORT_WAL_PAGES), \
                (importer.deferred_indexes(lib, later) if later else contextlib.nullcontext()):  # fmt: skip
            for k in range(0, 0 if no_store else len(records), importer.BATCH_FILES):
                lib.store_batch(records[k : k + importer.BATCH_FILES])
        cpu = time.process_time() - cpu
        lib.close()
    return cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--make", action="store_true", help="tag --n generated articles and pickle them to RECORDS")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--no-store", action="store_true", help="everything but the storing (the count to subtract)")
    args = parser.parse_args()
    if args.make:
        make(args.records, args.n)
        return 0
    print(f"writer CPU s: {store(args.records, no_store=args.no_store):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
