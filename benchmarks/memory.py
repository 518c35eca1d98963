"""Memory of the window with 10,000 and 100,000 articles listed, beside a bare PySide6 window and RSS Guard.

    python benchmarks/memory.py [--sizes 10000 100000] [--keep DIR] [--tracemalloc] [--no-style-sheet]

News Reader is started as `news-reader` starts it (`run_app`), in a child process on a private Xvfb display;
once its start-up rescan is over, the folder watcher's first look is done and 3 s have passed, its RSS and USS
(private pages, /proc/self/smaps_rollup) are read; then it opens 20 articles and runs 5 searches, and they are
read again once the last search's count is done and 3 s have passed. The peers are started in the same run,
left 5 s after their window maps, and read the same way from /proc (RSS Guard's web engine runs in child
processes: their USS is added in the last column). To measure other code, run it from outside the worktree
with that code first on PYTHONPATH (the child runs with `-c`, so its working folder comes first on its path).
With --no-style-sheet the window is started once more without its app-wide focus style sheet (reader/ui/themes.py),
to show what that sheet costs. With --tracemalloc the child also prints the 12 largest Python allocation sites
after the searches, and the mappings holding the most private memory.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _xmap import Xvfb  # noqa: E402

# The window's child imports this module for `memory_of`: the profile builder (the import code, the
# loaders) is imported only where a profile is built, or the child would hold modules the app does not.

# Both readings are taken after the window was left alone this long (the app gives back a search's and an
# article's memory once it has been quiet for reader.ui.idle_release.QUIET_MS).
QUIET_MS = 3000

SEARCHES = ("harbour", "council minister", "election -court", '"port authority"', "reservoir")

CHILD = r"""
import json, sys, tracemalloc
if sys.argv[2] == "1":
    tracemalloc.start(8)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
sys.path.insert(0, sys.argv[3])
if sys.argv[4] == "1":  # --no-style-sheet: what the app-wide focus frames cost
    import reader.ui.themes
    reader.ui.themes.focus_style_sheet = lambda name: ""
from memory import largest_mappings, memory_of, QUIET_MS, SEARCHES
from reader.cli import add_common_arguments, add_gui_arguments
import argparse
parser = argparse.ArgumentParser()
add_common_arguments(parser)
add_gui_arguments(parser)
args = parser.parse_args(["--data-dir", sys.argv[1]])
figures = {}

def window():
    from reader.ui.main_window import MainWindow
    return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)

def when(ready, then):
    def look():
        QTimer.singleShot(100, lambda: then() if ready() else look())
    look()

def idle():
    w = window()
    figures["idle"] = memory_of("self")
    figures["listed"] = w.model.total
    for row in range(20):
        w.select_row(row)
        app.processEvents()
    for text in SEARCHES:
        w.filter_box.setText(text)
        w.apply_view()
        app.processEvents()
    w.filter_box.setText("")
    w.apply_view()
    app.processEvents()
    # read once the last search's count is done and the window has been left alone, as a reader leaves it
    when(lambda: not w.model.busy, lambda: QTimer.singleShot(QUIET_MS, after))

def after():
    w = window()
    figures["after"] = memory_of("self")
    if tracemalloc.is_tracing():
        figures["maps"] = largest_mappings("self")
    if tracemalloc.is_tracing():
        figures["top"] = [str(s) for s in tracemalloc.take_snapshot().statistics("lineno")[:12]]
    w.close()

def settled():
    # the rescan over and the folder watcher's first look done: its snapshot of every folder is idle memory
    w = window()
    if w is None or w.worker is None or not w.worker.isFinished():
        return False
    return all(f.watcher.ready for f in w.features if hasattr(f, "watcher"))

when(settled, lambda: QTimer.singleShot(QUIET_MS, idle))
from reader.ui.app import run_app
run_app(args)
print("FIGURES " + json.dumps(figures), flush=True)
"""


def memory_of(pid: str | int) -> dict[str, float]:
    """RSS and USS (private clean + dirty) of a process, in MB, from /proc."""
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value)
    return {"rss": fields["Rss"] / 1024, "uss": (fields["Private_Clean"] + fields["Private_Dirty"]) / 1024}


def largest_mappings(pid: str | int, n: int = 12) -> list[str]:
    """The mappings (heap, anonymous, each library) holding the most private memory, in MB."""
    private: dict[str, int] = {}
    where = "[anon]"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        parts = line.split()
        if not parts[0].endswith(":"):  # a mapping's first line: address range, perms, ..., [path]
            where = parts[5] if len(parts) > 5 else "[anon]"
        elif parts[0] in ("Private_Clean:", "Private_Dirty:"):
            private[where] = private.get(where, 0) + int(parts[1])
    return [f"{kb / 1024:6.1f} MB {name}" for name, kb in sorted(private.items(), key=lambda x: -x[1])[:n]]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids = (task / "children").read_text().split()
        for kid in map(int, kids):
            found += [kid, *_children(kid)]
    return found


def peer(xvfb: Xvfb, cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """A peer's memory 5 s after its main window mapped (its own, and the USS of its child processes)."""
    xvfb.drain()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        if xvfb.wait_map(60) is None:
            raise RuntimeError(f"{cmd[0]} showed no window")
        time.sleep(5)
        own = memory_of(proc.pid)
        kids = sum(memory_of(k)["uss"] for k in _children(proc.pid) if Path(f"/proc/{k}").exists())
        return {**own, "tree_uss": own["uss"] + kids}
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)


def ours(root: Path, n: int, env: dict[str, str], trace: bool, *, style_sheet: bool = True) -> dict:
    from _profiles import profile

    data = profile(root, n)
    out = subprocess.run([sys.executable, "-c", CHILD, str(data), "1" if trace else "0", str(HERE),
                          "0" if style_sheet else "1"], env=env, capture_output=True, text=True, timeout=1200,
                         check=False).stdout  # fmt: skip
    line = next((x for x in out.splitlines() if x.startswith("FIGURES ")), None)
    if line is None:
        raise RuntimeError(f"the window printed no figures:\n{out}")
    return json.loads(line[len("FIGURES "):])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--keep", type=Path, help="build (and reuse) the libraries and profiles in this folder")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--no-style-sheet", action="store_true",
                        help="also start the window without its app-wide focus style sheet, to see what it costs")
    args = parser.parse_args()
    from startup import BARE

    tmp = None if args.keep else tempfile.TemporaryDirectory()
    root = args.keep or Path(tmp.name)  # type: ignore[union-attr]
    root.mkdir(parents=True, exist_ok=True)
    xvfb = Xvfb()
    try:
        env = xvfb.env(dict(os.environ))
        home = root / "peers-home"
        peer_env = dict(env, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                        XDG_CACHE_HOME=str(home / "cache"), QTWEBENGINE_DISABLE_SANDBOX="1")  # fmt: skip
        print("| program | state | RSS (MB) | USS (MB) | USS with child processes (MB) |")
        print("|---|---|---|---|---|")
        bare = peer(xvfb, [sys.executable, "-c", BARE], env)
        print(f"| bare PySide6 window | idle | {bare['rss']:.1f} | {bare['uss']:.0f} | {bare['tree_uss']:.0f} |")
        rss = peer(xvfb, ["rssguard", "--data", str(home / "rssguard"), "-s", "-n"], peer_env)
        print(f"| RSS Guard, empty profile | idle | {rss['rss']:.1f} | {rss['uss']:.0f} | {rss['tree_uss']:.0f} |")
        for n in args.sizes:
            got = ours(root, n, env, args.tracemalloc)
            for state, label in (("idle", f"idle, {got['listed']:,} listed"),
                                 ("after", "after reading 20 articles and 5 searches")):  # fmt: skip
                m = got[state]
                print(f"| News Reader, {n:,} articles | {label} | {m['rss']:.1f} | {m['uss']:.0f} | {m['uss']:.0f} |")
            for site in got.get("top", []) + got.get("maps", []):
                print(f"    {site}")
            if args.no_style_sheet:
                got = ours(root, n, env, False, style_sheet=False)
                for state in ("idle", "after"):
                    m = got[state]
                    print(f"| News Reader, {n:,} articles, no focus style sheet | {state} | {m['rss']:.1f} "
                          f"| {m['uss']:.0f} | {m['uss']:.0f} |")  # fmt: skip
    finally:
        xvfb.close()
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
