"""CPU per file of reading, decoding and extracting articles (`pool.read_file`, what an import's worker does before
tagging), by folder: the extraction set's saved web pages against plain-text articles.

    python benchmarks/read_speed.py [FOLDER...] [--runs 3]

Without folders: `$NEWS_READER_DATA/extraction/html` (96 news pages) and 1,000 generated plain-text articles
(`make_library.write_text_files`). The best of `--runs` passes, each file read once per pass, the first
pass's lazy imports left out by a warm-up file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_root  # noqa: E402
from make_library import write_text_files  # noqa: E402

from reader.core.library_sync.pool import read_file  # noqa: E402


def ms_per_file(folder: Path, runs: int) -> tuple[int, float]:
    files = [str(p) for p in sorted(folder.rglob("*")) if p.is_file()]
    read_file(files[0], 0.0, 0, max_bytes=None)
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        for path in files:
            read_file(path, 0.0, 0, max_bytes=None)
        best = min(best, time.process_time() - t0)
    return len(files), best * 1000 / len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = args.folders
        if not folders:
            write_text_files(Path(tmp) / "text", 1000)
            folders = [data_root() / "extraction" / "html", Path(tmp) / "text"]
        print(f"| {'folder':<48} | files | CPU ms per file |")
        print(f"|{'-' * 50}|------:|----------------:|")
        for folder in folders:
            n, ms = ms_per_file(folder, args.runs)
            print(f"| {str(folder)[-48:]:<48} | {n:>5,} | {ms:>15.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
