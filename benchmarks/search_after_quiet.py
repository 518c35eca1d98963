"""What the window's idle release (reader/ui/idle_release.py) costs the next search and the next article:
each typed right after the last one (the count's connection and page caches still held) and again after the
window was left alone long enough to give them back, alternating, in one window at 100,000 articles.

    python benchmarks/search_after_quiet.py [--size 100000] [--keep DIR] [--rounds 3]

The window is started as `news-reader` starts it (`run_app`) on a private Xvfb display, on the profile
`memory.py --keep DIR` builds and reuses (without --keep: built in a temporary folder, which takes a while).
A search is timed from typing it to its first page painted (`repaint()` of the list) and to its count
shown; an article from selecting its row to the pane painted (then each search's own median and worst first
page). Each search is typed while the article opened after the previous one is still in the pane, as a reader
searches (the window then looks for that article in the new list: `keep_pane_in_list`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _xmap import Xvfb  # noqa: E402

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
sys.path.insert(0, sys.argv[2])
from memory import SEARCHES
from reader.cli import add_common_arguments, add_gui_arguments
from reader.ui.idle_release import QUIET_MS
import argparse
parser = argparse.ArgumentParser()
add_common_arguments(parser)
add_gui_arguments(parser)
args = parser.parse_args(["--data-dir", sys.argv[1]])
rounds = int(sys.argv[3])
plan = [(kind, text, r) for r in range(rounds) for text in SEARCHES for kind in ("held", "released")]
times = {"held": {"page": [], "count": [], "open": []}, "released": {"page": [], "count": [], "open": []}}
by_search = {text: [] for text in SEARCHES}  # first page painted, every run of each search

def window():
    from reader.ui.main_window import MainWindow
    return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)

def when(ready, then):
    def look():
        QTimer.singleShot(20, lambda: then() if ready() else look())
    look()

def settled():
    w = window()
    if w is None or w.worker is None or not w.worker.isFinished():
        return False
    return all(f.watcher.ready for f in w.features if hasattr(f, "watcher"))

def step(i):
    w = window()
    if i == len(plan):
        w.close()
        return
    kind, text, r = plan[i]
    wait = 200 if kind == "held" else QUIET_MS + 1000
    QTimer.singleShot(wait, lambda: search(i, kind, text))

def search(i, kind, text):
    w = window()
    t0 = time.perf_counter()
    w.filter_box.setText(text)
    w.apply_view()
    w.list_view.viewport().repaint()
    times[kind]["page"].append(time.perf_counter() - t0)
    by_search[text].append(times[kind]["page"][-1])
    def counted():
        times[kind]["count"].append(time.perf_counter() - t0)
        QTimer.singleShot(200 if kind == "held" else QUIET_MS + 1000, lambda: open_one(i, kind))
    when(lambda: not w.model.busy, counted)

def open_one(i, kind):
    w = window()
    row = (i * 7) % max(1, min(w.model.rowCount(), 150))
    t0 = time.perf_counter()
    w.select_row(row)
    w.reading_pane.viewport().repaint()
    times[kind]["open"].append(time.perf_counter() - t0)
    w.filter_box.setText("")
    w.apply_view()
    when(lambda: not w.model.busy, lambda: step(i + 1))

when(settled, lambda: QTimer.singleShot(QUIET_MS + 1000, lambda: step(0)))
from reader.ui.app import run_app
run_app(args)
times["by_search"] = by_search
print("TIMES " + json.dumps(times), flush=True)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="the folder `memory.py --keep` builds and reuses")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from _profiles import profile

    tmp = None if args.keep else tempfile.TemporaryDirectory()
    data = profile(args.keep or Path(tmp.name), args.size)  # type: ignore[union-attr]
    xvfb = Xvfb()
    try:
        env = xvfb.env(dict(os.environ))
        out = subprocess.run([sys.executable, "-c", CHILD, str(data), str(HERE), str(args.rounds)], env=env,
                             capture_output=True, text=True, timeout=1800, check=False)  # fmt: skip
    finally:
        xvfb.close()
        if tmp is not None:
            tmp.cleanup()
    line = next((x for x in out.stdout.splitlines() if x.startswith("TIMES ")), None)
    if line is None:
        raise SystemExit(f"the window printed no times:\n{out.stdout}\n{out.stderr[-2000:]}")
    got = json.loads(line[len("TIMES "):])
    print(f"| {args.size:,} articles, ms | held: median | held: p95 | released: median | released: p95 |")
    print("|---|---:|---:|---:|---:|")
    for what, label in (("page", "search typed -> first page painted"), ("count", "search typed -> count done"),
                        ("open", "row selected -> article painted")):  # fmt: skip
        cells = []
        for kind in ("held", "released"):
            xs = sorted(1000 * x for x in got[kind][what])
            cells += [f"{statistics.median(xs):.1f}", f"{xs[max(0, round(0.95 * len(xs)) - 1)]:.1f}"]
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("\n| search typed -> first page painted, ms | median | max |\n|---|---:|---:|")
    for text, values in got["by_search"].items():
        print(f"| {text} | {1000 * statistics.median(values):.1f} | {1000 * max(values):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
