"""CPU seconds from spawn to the window's first paint, beside a bare PySide6 window: the start-up's cost in
a measure that other jobs on the machine do not stretch (wall-clock times in `startup.py` do).

    python benchmarks/startup_cpu.py [--runs 7] [--data-dir DIR] [--other SRC] [--instructions]

Each start is `python -m reader --data-dir DIR --no-samples` on the offscreen platform with
NEWS_READER_REPORT_FIRST_PAINT=1 (the window closes on the event loop's turn after its first paint, see
reader/ui/startup.py); its user + system CPU is read from `getrusage(RUSAGE_CHILDREN)`. The bare window (a
QMainWindow of the same size, as in `startup.py`) is shown once and closed after its first paint the same way.
With `--other SRC`, the code in SRC (a folder holding a `reader` package, e.g. `git archive` of an older
commit) is started too, first on PYTHONPATH, interleaved with ours, so before and after are measured in the
same run. Both packages are compiled to bytecode first, as an installed app has them. Each News Reader start
is run a second time with NEWS_READER_REPORT_COMPLETE=1 too: it closes once complete (its commands, menus and
features built after the first paint, the library opened, the last article shown), the last column.

`--instructions` also starts each program once under valgrind's callgrind and prints the instructions it ran to
its first paint (and News Reader's, every thread's, to the window complete): about 100 times slower, but the same
count on a quiet machine and a loaded one, where CPU seconds still move by a tenth with the other jobs.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

BARE = r"""
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication([])
w = QMainWindow()
w.resize(1280, 800)
painted = Painted()
w.installEventFilter(painted)
w.show()
app.exec()
"""


def cpu_of(cmd: list[str], env: dict[str, str], cwd: str) -> tuple[float, str]:
    """User + system CPU seconds of one run of `cmd` to its end, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=True, timeout=300).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), out


def instructions_of(cmd: list[str], env: dict[str, str], cwd: str) -> int:
    """The instructions one run of `cmd` executes (all its threads, to its end), counted by callgrind."""
    out = Path(cwd) / "callgrind.out"
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd], env=env, cwd=cwd,
                         capture_output=True, text=True, check=True, timeout=3600)  # fmt: skip
    out.unlink(missing_ok=True)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, help="the profile to start (default: a new empty one)")
    parser.add_argument("--other", type=Path, help="a folder with another version's `reader` package, to compare")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each start's instructions to its first paint under valgrind (slow)")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (apt-get install valgrind)")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", NEWS_READER_REPORT_FIRST_PAINT="1")
    with tempfile.TemporaryDirectory() as tmp:
        data = str(args.data_dir or Path(tmp) / "empty")
        app = [sys.executable, "-m", "reader", "--data-dir", data, "--no-samples"]
        starts: dict[str, tuple[list[str], dict[str, str]]] = {
            "bare PySide6 QMainWindow": ([sys.executable, "-c", BARE], env),
            "News Reader (this tree)": (app, dict(env, PYTHONPATH=str(HERE.parent))),
        }
        packages = [HERE.parent / "reader"]
        if args.other is not None:
            starts[f"News Reader ({args.other})"] = (app, dict(env, PYTHONPATH=str(args.other.resolve())))
            packages.append(args.other / "reader")
        for package in packages:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env, check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
        cpu: dict[str, list[float]] = {name: [] for name in starts}
        complete: dict[str, list[float]] = {name: [] for name in starts if name.startswith("News Reader")}
        for round_ in range(args.runs + 1):  # round 0 warms the disk cache and is not counted
            for name, (cmd, cmd_env) in starts.items():
                took, _ = cpu_of(cmd, cmd_env, cwd=tmp)  # not the worktree: `-m` puts the working folder first
                if round_:
                    cpu[name].append(took)
                if name in complete:  # again, to the window complete: code without that probe closes at the paint
                    took, out = cpu_of(cmd, dict(cmd_env, NEWS_READER_REPORT_COMPLETE="1"), cwd=tmp)
                    if round_ and "complete " in out:
                        complete[name].append(took)
        counted: dict[str, int] = {}
        counted_complete: dict[str, int] = {}
        if args.instructions:  # once each: the count does not move with the machine's load
            counted = {name: instructions_of(cmd, cmd_env, tmp) for name, (cmd, cmd_env) in starts.items()}
            counted_complete = {name: instructions_of(cmd, dict(cmd_env, NEWS_READER_REPORT_COMPLETE="1"), tmp)
                                for name, (cmd, cmd_env) in starts.items() if name in complete}  # fmt: skip
    bare = statistics.median(cpu["bare PySide6 QMainWindow"])
    print(f"load average: {os.getloadavg()[0]:.2f}\n")
    print(f"| program | CPU s to first paint, median of {args.runs} | fastest | over the bare window (s) "
          "| CPU s to the window complete (commands, menus, features, library open) |")  # fmt: skip
    print("|---|---|---|---|---|")
    for name, values in cpu.items():
        median = statistics.median(values)
        done = complete.get(name)
        ready = f"{statistics.median(done):.3f}" if done else "n/a (built before its paint)" if name in complete else ""
        print(f"| {name} | {median:.3f} | {min(values):.3f} | {median - bare:+.3f} | {ready} |")
    if counted:
        floor = counted["bare PySide6 QMainWindow"]
        print("\n| program | instructions to first paint (millions, callgrind, one run) | over the bare window "
              "| to the window complete (every thread) |")  # fmt: skip
        print("|---|---|---|---|")
        for name, count in counted.items():
            whole = f"{counted_complete[name] / 1e6:,.0f}" if name in counted_complete else ""
            print(f"| {name} | {count / 1e6:,.0f} | {(count - floor) / 1e6:+,.0f} | {whole} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
