"""Does the window stall while it imports? A first import of N new files, in the window as a user gets it.

    python benchmarks/import_stalls.py [--files 2000 10000] [--keep DIR]

The window is started (`run_app`, offscreen) on a profile whose library folder holds N new plain-text
files of about 300 words (benchmarks/make_library.py) and whose cache is empty: its start-up scan
imports them in the process pool, stores them in batches and tags what is left. Meanwhile a timer posts
an event every 10 ms on the window's thread (reader/ui/startup.py, LatenessProbe); the table gives the
worst lateness of those ticks and how many came more than 100 ms late (a stall a user can feel), with
how long the import took after the first paint. A reference row: the same window starting on the same
files once imported (a rescan that stores nothing), measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _profiles import fresh_profile  # noqa: E402


def run(data: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEWS_READER_REPORT_IDLE="1")
    out = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data)], env=env, capture_output=True,
                         text=True, timeout=3600, check=False).stdout  # fmt: skip
    figures: dict[str, float] = {}
    for line in out.splitlines():
        words = line.split()
        if words and words[0] in ("first-paint", "scan-done", "idle"):
            figures[words[0]] = float(words[1])
        elif words and words[0] == "worst-late-ms":
            figures.update(worst=float(words[1]), stalls=float(words[3]), ticks=float(words[5]))
    if "worst" not in figures:
        raise RuntimeError(f"the window printed no lateness figures:\n{out}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, nargs="*", default=[2000, 10_000])
    parser.add_argument("--keep", type=Path, help="write (and reuse) the article files in this folder")
    args = parser.parse_args()
    tmp = None if args.keep else tempfile.TemporaryDirectory()
    root = args.keep or Path(tmp.name)  # type: ignore[union-attr]
    root.mkdir(parents=True, exist_ok=True)
    print("| files | run | import over (s after first paint) | 10 ms ticks | worst lateness (ms) | ticks over 100 ms |")
    print("|---|---|---|---|---|---|")
    try:
        for n in args.files:
            data = fresh_profile(root, n)
            for label in ("first import", "rescan, nothing new (reference)"):
                f = run(data)
                print(f"| {n:,} | {label} | {f['scan-done']:.1f} | {f['ticks']:.0f} | {f['worst']:.0f} "
                      f"| {f['stalls']:.0f} |", flush=True)  # fmt: skip
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
