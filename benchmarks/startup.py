"""Time from process start to first paint: News Reader on its sample library vs a bare PySide6 window.

Both are started as fresh processes, alternately, several times; the table gives medians and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("hello")
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            w.removeEventFilter(self)
            print(f"first-paint {time.perf_counter() - t0:.4f}", flush=True)
            QTimer.singleShot(0, w.close)
        return False
f = F(); w.installEventFilter(f); w.resize(1280, 800); w.show(); app.exec()
"""


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds from spawn to the first-paint line, in-process seconds the program reported)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("first-paint"):
            wall = time.perf_counter() - t0
            inner = float(line.split()[1])
            proc.wait(timeout=60)
            return wall, inner
    proc.wait(timeout=60)
    raise RuntimeError(f"{cmd} exited without painting (exit {proc.returncode})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               NEWS_READER_REPORT_FIRST_PAINT="1")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        app_cmd = [sys.executable, "-m", "reader", "--data-dir", str(data)]
        measure(app_cmd, env)  # first start builds the cache; later starts are the everyday case
        bare_cmd = [sys.executable, "-c", BARE]
        results: dict[str, list[tuple[float, float]]] = {"bare PySide6 window": [], "News Reader (samples)": []}
        for _ in range(args.runs):
            results["bare PySide6 window"].append(measure(bare_cmd, env))
            results["News Reader (samples)"].append(measure(app_cmd, env))
    print(f"| program | wall to first paint, median of {args.runs} (s) | in-process (s) | ratio to bare |")
    print("|---|---|---|---|")
    bare = statistics.median(w for w, _ in results["bare PySide6 window"])
    for name, rows in results.items():
        wall = statistics.median(w for w, _ in rows)
        inner = statistics.median(i for _, i in rows)
        print(f"| {name} | {wall:.3f} | {inner:.3f} | {wall / bare:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
