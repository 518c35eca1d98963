"""The window while its scan thread merges the full-text index at 100,000 articles: does it ever stall?

    python benchmarks/merge_stalls.py [--size 100000] [--keep DIR] [--runs 3]

The profile `memory.py --keep DIR` builds (`_profiles.py`) holds a cache imported in batches and never merged.
Each run copies it to a temporary data folder and starts the window there (as `news-reader` starts it, on a
private Xvfb display) with the idle probe of `reader/ui/startup.py` (`NEWS_READER_REPORT_IDLE`): the start-up
rescan finds the index due, merges it in small steps (`store/fts_merge.py`) and only then ends, so the probe's
worst lateness of a 10 ms timer, from the library's opening to idle, covers the whole merge. The same copy,
merged now, is started again right after as the reference (a start with nothing to merge), alternating.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _profiles import profile  # noqa: E402
from _xmap import Xvfb  # noqa: E402
from startup import idle_run  # noqa: E402


def segments(cache: Path) -> int:
    with sqlite3.connect(cache) as db:
        return int(db.execute("SELECT count(DISTINCT segid) FROM articles_fts_idx").fetchone()[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="the folder `memory.py --keep` builds and reuses")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tmp = None if args.keep else tempfile.TemporaryDirectory()
    source = profile(args.keep or Path(tmp.name), args.size)  # type: ignore[union-attr]
    found = segments(source / "cache" / "library.sqlite3")
    print(f"the profile's full-text index: {found} segments{' (nothing to merge!)' if found <= 1 else ''}")
    rows: dict[str, list[dict[str, float]]] = {"merging": [], "nothing to merge": []}
    xvfb = Xvfb()
    try:
        env = xvfb.env(dict(os.environ))
        for i in range(args.runs):
            with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as work:
                data = Path(work) / "profile"
                shutil.copytree(source, data, symlinks=True)
                cmd = [sys.executable, "-m", "reader", "--data-dir", str(data)]
                for kind in rows:
                    figures = idle_run(xvfb, cmd, env)
                    figures["segments"] = segments(data / "cache" / "library.sqlite3")
                    rows[kind].append(figures)
                    print(f"run {i + 1} {kind}: scan over (merge included) {figures['scan-done']:.2f} s after paint,"
                          f" idle {figures['idle']:.2f} s, worst tick {figures['worst-late-ms']:.0f} ms late,"
                          f" {figures['stalls']:.0f} over 100 ms; segments after {figures['segments']:.0f};"
                          f" load {os.getloadavg()[0]:.2f}", flush=True)  # fmt: skip
    finally:
        xvfb.close()
        if tmp is not None:
            tmp.cleanup()
    print(f"\n| {args.size:,} articles, {args.runs} runs | scan over (s after paint) | idle | worst tick late (ms) |"
          " ticks over 100 ms | segments after |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|")
    for kind, runs in rows.items():

        def med(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[key] for r in runs)

        print(f"| {kind} | {med('scan-done'):.2f} | {med('idle'):.2f} | {med('worst-late-ms'):.0f} (max"
              f" {max(r['worst-late-ms'] for r in runs):.0f}) | {max(r['stalls'] for r in runs):.0f} |"
              f" {max(r['segments'] for r in runs):.0f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
