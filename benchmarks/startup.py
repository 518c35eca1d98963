"""Start-up beside RSS Guard, QuiteRSS and a bare PySide6 window: spawn to the first mapped main window, and how
soon News Reader is idle after its first paint with 10,000 and 100,000 unchanged files to rescan.

    python benchmarks/startup.py [--runs 5] [--sizes 10000 100000] [--keep DIR] [--idle-only]

Every program is started as a fresh process on a private Xvfb display, interleaved (one of each, N
times, after one warm-up round that is not counted), and timed the same way: from the spawn to the
first MapNotify of a top-level window of at least 400x300 (benchmarks/_xmap.py; splash screens do not
count). News Reader's package is compiled to bytecode first (`compileall`), as an installed app has it.
Peers with empty profiles in a temporary home: RSS Guard (`--data`), QuiteRSS (its settings under $HOME). The floor:
a bare PySide6 QMainWindow of the window's default size (1280x800), shown and nothing else, in the same interpreter.
Libraries: real text files imported and tagged (benchmarks/_profiles.py), built once into --keep DIR
(default: a temporary folder, removed after).

Complete: News Reader's main window paints its frame first and builds its commands, menus and features after;
NEWS_READER_REPORT_COMPLETE=1 makes it print the clock's time once it is complete, its library open and the last
article shown (a key is answered from then on), so the table's last column counts from the same spawn.

Idle: NEWS_READER_REPORT_IDLE=1 makes the app print, in seconds after its first paint, when the start-up
rescan ended, when the folder watcher's first look (started by the rescan's end) ended, and when the
event loop then first answered a posted event within 10 ms, and the worst lateness of a 10 ms timer from
the library's opening to idle, with the window thread's own CPU during that worst wait (near the lateness: the
window was busy; far below it: it waited for the GIL or for a core) (reader/ui/startup.py). `--idle-only` runs
just that table (each run's figures and the load average printed too).
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _profiles import profile  # noqa: E402
from _xmap import Xvfb, end_group, time_to_map  # noqa: E402

BARE_NAME = "bare PySide6 QMainWindow"
COMPLETE_WAIT = 20.0  # seconds after the map to wait for "complete" (code before the probe never prints it)

# The toolkit's floor: a QMainWindow of News Reader's size, shown, nothing else (the same interpreter; PySide6's
# own modules are compiled as installed). Its row says how much of the gap to RSS Guard is PySide6 itself.
BARE = r"""
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 800)
w.show()
app.exec()
"""


def programs(root: Path, sizes: list[int], base_env: dict[str, str]) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Name -> (command, environment) of everything started."""
    py = sys.executable
    app = [py, "-m", "reader"]
    home = root / "peers-home"
    for sub in ("config", "data", "cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    peer_env = dict(base_env, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                    XDG_CACHE_HOME=str(home / "cache"), QTWEBENGINE_DISABLE_SANDBOX="1")  # fmt: skip
    found: dict[str, tuple[list[str], dict[str, str]]] = {BARE_NAME: ([py, "-c", BARE], base_env)}
    found["News Reader, empty profile"] = ([*app, "--data-dir", str(profile(root, 0)), "--no-samples"], base_env)
    found["News Reader, samples"] = ([*app, "--data-dir", str(root / "profile-samples")], base_env)
    for n in sizes:
        found[f"News Reader, {n:,} articles"] = ([*app, "--data-dir", str(profile(root, n))], base_env)
    if shutil.which("rssguard"):  # root may run its web engine only without the sandbox
        found["RSS Guard, empty profile"] = (["rssguard", "--data", str(home / "rssguard"), "-s", "-n"], peer_env)
    if shutil.which("quiterss"):
        found["QuiteRSS, empty profile"] = (["quiterss"], peer_env)
    return found


def map_and_complete(xvfb: Xvfb, cmd: list[str], env: dict[str, str], *, wait: float = COMPLETE_WAIT,
                     timeout: float = 60.0) -> tuple[float, float | None]:  # fmt: skip
    """Seconds from spawning News Reader to its first mapped main window, and to the moment it is complete and
    answers keys (NEWS_READER_REPORT_COMPLETE: it prints the clock's time then, and closes); None for code that
    does not print it within `wait` seconds of the map."""
    xvfb.drain()
    lines: queue.Queue[str] = queue.Queue()
    spawned_wall, spawned = time.time(), time.perf_counter()
    proc = subprocess.Popen(cmd, env=dict(env, NEWS_READER_REPORT_COMPLETE="1"), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, start_new_session=True)  # fmt: skip
    assert proc.stdout is not None
    out = proc.stdout

    def read_lines() -> None:
        for line in out:
            lines.put(line)

    threading.Thread(target=read_lines, daemon=True).start()
    complete = None
    try:
        mapped = xvfb.wait_map(timeout)
        deadline = time.perf_counter() + wait
        while mapped is not None and complete is None and time.perf_counter() < deadline:
            try:
                words = lines.get(timeout=max(0.0, deadline - time.perf_counter())).split()
            except queue.Empty:
                break
            if words[:1] == ["complete"] and "wall" in words:
                complete = float(words[words.index("wall") + 1]) - spawned_wall
    finally:
        end_group(proc)
    if mapped is None:
        raise RuntimeError(f"{cmd[0]} showed no window within {timeout:.0f} s")
    return mapped - spawned, complete


def idle_run(xvfb: Xvfb, cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """One start with the idle probe: its printed figures (seconds, and milliseconds for the lateness)."""
    out = subprocess.run(cmd, env=dict(env, NEWS_READER_REPORT_IDLE="1"), capture_output=True, text=True,
                         timeout=600, check=False).stdout  # fmt: skip
    figures: dict[str, float] = {}
    for line in out.splitlines():
        words = line.split()
        if words and words[0] in ("first-paint", "scan-done", "watch-ready", "idle"):
            figures[words[0]] = float(words[1])
        elif words and words[0] == "worst-late-ms":
            figures["worst-late-ms"], figures["stalls"] = float(words[1]), float(words[3])
            if "cpu-ms" in words:  # older code does not print it
                figures["worst-cpu-ms"] = float(words[words.index("cpu-ms") + 1])
    if "idle" not in figures:
        raise RuntimeError(f"{cmd} printed no idle figure:\n{out}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--keep", type=Path, help="build (and reuse) the libraries and profiles in this folder")
    parser.add_argument("--idle-only", action="store_true", help="only the idle table (--runs runs of each size)")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "reader")], check=True)
    print("News Reader's package compiled to bytecode (python -m compileall) before timing.\n")
    tmp = None if args.keep else tempfile.TemporaryDirectory()
    root = args.keep or Path(tmp.name)  # type: ignore[union-attr]
    root.mkdir(parents=True, exist_ok=True)
    xvfb = Xvfb()
    try:
        env = xvfb.env({k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
        found = programs(root, args.sizes, env)
        if args.idle_only:
            idle_report(xvfb, found, args.sizes, args.runs, verbose=True)
            return 0
        times: dict[str, list[float]] = {name: [] for name in found}
        complete: dict[str, list[float]] = {name: [] for name in found if name.startswith("News Reader")}
        wait = COMPLETE_WAIT
        for round_ in range(args.runs + 1):  # round 0 warms up: caches built, first-run set-up done
            for name, (cmd, cmd_env) in found.items():
                if name in complete:
                    took, done = map_and_complete(xvfb, cmd, cmd_env, wait=wait)
                    wait = wait if done is not None else 0.0  # older code: no probe, no waiting for it again
                    if round_ and done is not None:
                        complete[name].append(done)
                else:
                    took = time_to_map(xvfb, cmd, cmd_env)
                if round_:
                    times[name].append(took)
        report(times, args.runs, complete)
        idle_report(xvfb, found, args.sizes, max(1, min(args.runs, 3)))
    finally:
        xvfb.close()
        if tmp is not None:
            tmp.cleanup()
    return 0


def report(times: dict[str, list[float]], runs: int, complete: dict[str, list[float]]) -> None:
    """The table: the map, and (News Reader) the moment the window is complete and answers keys."""
    rss = statistics.median(times["RSS Guard, empty profile"]) if "RSS Guard, empty profile" in times else None
    print(f"load average: {os.getloadavg()[0]:.2f}\n")
    print(f"| program | spawn to first mapped main window, median of {runs} (s) | fastest (s) | ratio to RSS Guard "
          "| spawn to complete, answering keys (s) |")  # fmt: skip
    print("|---|---|---|---|---|")
    for name, values in times.items():
        median = statistics.median(values)
        ratio = f"{median / rss:.2f}x" if rss else "n/a"
        done = complete.get(name)
        ready = f"{statistics.median(done):.3f}" if done else "n/a (no probe)" if name in complete else ""
        print(f"| {name} | {median:.3f} | {min(values):.3f} | {ratio} | {ready} |")
    ours = {k: statistics.median(v) for k, v in times.items() if k.startswith("News Reader")}
    bare = statistics.median(times[BARE_NAME]) if BARE_NAME in times else None
    if bare is not None:
        floor = f"{bare / rss:.2f}x RSS Guard" if rss else "no RSS Guard to compare"
        over = ", ".join(f"{name.removeprefix('News Reader, ')} +{took - bare:.3f} s" for name, took in ours.items())
        print(f"\nThe toolkit's floor (bare PySide6 QMainWindow): {bare:.3f} s, {floor}. News Reader over it: {over}.")
    largest = max((k for k in ours if k.endswith("articles")), key=lambda k: int(k.split()[2].replace(",", "")),
                  default=None)  # fmt: skip
    if largest:
        growth = ours[largest] / ours["News Reader, empty profile"]
        verdict = "does not grow" if growth < 1.15 else "grows"
        print(f"\nLargest library against the empty profile: {growth:.2f}x (start-up {verdict} with the library).\n")


def idle_report(xvfb: Xvfb, found: dict[str, tuple[list[str], dict[str, str]]], sizes: list[int], runs: int,
                *, verbose: bool = False) -> None:  # fmt: skip
    print(f"load average before: {os.getloadavg()[0]:.2f}\n")
    print("| library | first paint (s from spawn) | rescan over (s after paint) | watcher's first look over (s) "
          "| idle (s after paint) | worst lateness of a 10 ms timer (ms) | window's CPU in that wait (ms) "
          "| ticks over 100 ms | runs |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        cmd, env = found[f"News Reader, {n:,} articles"]
        idle_run(xvfb, cmd, env)  # not counted: a profile's first start counts its folder once (sidebar counts)
        rows = []
        for _ in range(runs):
            rows.append(idle_run(xvfb, cmd, env))
            if verbose:
                print(f"  {n:,}: {rows[-1]} (load {os.getloadavg()[0]:.2f})", file=sys.stderr)

        def med(key: str, rows: list[dict[str, float]] = rows) -> float:
            return statistics.median(r.get(key, float("nan")) for r in rows)

        print(f"| {n:,} unchanged files | {med('first-paint'):.3f} | {med('scan-done'):.3f} | {med('watch-ready'):.3f} "
              f"| {med('idle'):.3f} | {med('worst-late-ms'):.0f} (max {max(r['worst-late-ms'] for r in rows):.0f}) "
              f"| {med('worst-cpu-ms'):.0f} | {med('stalls'):.0f} | {runs} |")  # fmt: skip
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    sys.exit(main())
