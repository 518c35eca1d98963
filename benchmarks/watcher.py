"""The folder watcher: the cost of one poll of an unchanged tree, and how soon a new file is listed.

Part 1 writes N plain-text articles (`make_library.write_text_files`, `--per-folder` to a folder) and times,
median of `--runs`, one `ChangeDetector.poll()` with nothing changed (every folder stat-ed, none listed),
a full poll (every file stat-ed, as the window does once a minute), and the reference measured in the same
run: a plain `os.walk` with a stat of every file. Part 2 opens the real window offscreen on a small
library and times, from a file written to its row in the list: the window watching with inotify, the
window polling (the fallback), each with the shipped timings, and F5 (a full rescan) as the reference.
`python benchmarks/watcher.py [--n 10000] [--per-folder 500] [--gui-n 200] [--samples 3]`
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import write_text_files  # noqa: E402

from reader.core.library_sync import ChangeDetector, LibrarySync  # noqa: E402
from reader.core.library_sync.changes import RACY_SECONDS  # noqa: E402
from reader.core.store.library import Library  # noqa: E402


def write_tree(folder: Path, n: int, per_folder: int) -> None:
    """`n` articles, `per_folder` to a folder (write_text_files puts 500 in each; they are moved)."""
    write_text_files(folder / "flat", n, words=60)
    for i, path in enumerate(sorted((folder / "flat").rglob("*.txt"))):
        dest = folder / f"f{i // per_folder:04d}" / path.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        path.rename(dest)
    for sub in sorted((folder / "flat").iterdir()):
        sub.rmdir()
    (folder / "flat").rmdir()


def walk_and_stat(folder: Path) -> None:
    for top, _dirs, files in os.walk(folder):
        for name in files:
            st = os.stat(os.path.join(top, name))
            _ = (st.st_mtime, st.st_size)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def poll_table(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        write_tree(folder, args.n, args.per_folder)
        time.sleep(RACY_SECONDS + 0.1)  # files written just now are re-listed until they are this old
        known = {str(p): (p.stat().st_mtime, p.stat().st_size) for p in folder.rglob("*.txt")}
        detector = ChangeDetector([str(folder)], known)
        first_ms = median_ms(detector.poll, 1)

        def quiet(full: bool) -> None:
            assert not detector.poll(full=full)

        rows = [
            ("os.walk + stat of every file (reference)", median_ms(lambda: walk_and_stat(folder), args.runs)),
            ("first poll (lists every folder)", first_ms),
            ("poll, nothing changed", median_ms(lambda: quiet(False), args.runs)),
            ("full poll (every file stat-ed)", median_ms(lambda: quiet(True), args.runs)),
        ]
    folders = -(-args.n // args.per_folder) + 1
    print(f"One look at an unchanged tree of {args.n:,} files in {folders:,} folders (median of {args.runs})\n")
    print(f"| {'what':<42} |       ms | share of reference |")
    print(f"|{'-' * 44}|---------:|-------------------:|")
    ref = rows[0][1]
    for name, ms in rows:
        print(f"| {name:<42} | {ms:>8.2f} | {ms / ref:>17.2%} |")


def latency_table(args: argparse.Namespace) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.core.store.user_data import UserStore
    from reader.paths import resolve_paths
    from reader.settings import Settings
    from reader.ui.folder_watcher import FolderWatchFeature, WatchTiming
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        write_text_files(folder, args.gui_n, words=60)
        paths = resolve_paths(Path(tmp) / "data").ensure()
        with UserStore(paths.user_db) as store:
            store.add_folder(str(folder))
        lib = Library(paths.library_db, user_db=paths.user_db)
        sync = LibrarySync(lib, workers=0)
        sync.scan([folder])
        sync.tag_pending()  # so the window's tagger has nothing else to do while it is timed
        lib.close()
        w = MainWindow(paths, Settings(paths.settings_file), samples=False)
        w.show()
        feature = next(f for f in w.features if isinstance(f, FolderWatchFeature))
        counter = iter(range(1_000_000))

        def listed(title: str) -> bool:
            return any(row.title == title for row in w.library.rows(list(w.model.ids)).values())

        def until(check: Callable[[], bool], limit: float = 60.0) -> None:
            end = time.monotonic() + limit
            while not check():
                if time.monotonic() > end:
                    raise TimeoutError("the row never came")
                app.processEvents()
                time.sleep(0.002)

        def one_file(after_write: Callable[[], None] | None = None) -> float:
            title = f"Watcher benchmark story {next(counter)}"
            t0 = time.perf_counter()
            (folder / "new").mkdir(exist_ok=True)
            (folder / "new" / f"{title}.txt").write_text(f"{title}\n\nA short body.\n", encoding="utf-8")
            if after_write:
                after_write()
            until(lambda: listed(title))
            took = time.perf_counter() - t0
            until(lambda: not w.import_running())
            return took

        def watched(timing: WatchTiming) -> list[float]:
            feature.watcher.start(w.library_folders(), timing)
            until(lambda: feature.watcher.ready and feature.watcher.job is None)
            took = [one_file() for _ in range(args.samples)]
            feature.watcher.stop()
            return took

        shipped = WatchTiming()
        rows = [
            ("F5: full rescan (reference)", [one_file(w.rescan) for _ in range(args.samples)]),
            ("watching (inotify)", watched(shipped)),
            ("polling (the fallback)", watched(WatchTiming(shipped.poll_ms, shipped.settle_ms, shipped.full_poll_ms,
                                                           max_folders=0))),  # fmt: skip
        ]
        w.close()
    print(f"\nFrom a new file written to its row listed, library of {args.gui_n:,} articles "
          f"(poll every {shipped.poll_ms} ms, settle {shipped.settle_ms} ms; {args.samples} files each)\n")  # fmt: skip
    print(f"| {'how':<30} | median s | max s |")
    print(f"|{'-' * 32}|---------:|------:|")
    for name, took in rows:
        print(f"| {name:<30} | {statistics.median(took):>8.2f} | {max(took):>5.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="files in the polled tree (default 10,000)")
    parser.add_argument("--per-folder", type=int, default=500, help="files to a folder (default 500)")
    parser.add_argument("--runs", type=int, default=5, help="polls of each kind (the median is shown)")
    parser.add_argument("--gui-n", type=int, default=200, help="articles in the window's library (default 200)")
    parser.add_argument("--samples", type=int, default=3, help="new files timed each way (default 3)")
    parser.add_argument("--no-gui", action="store_true", help="only the poll table")
    args = parser.parse_args()
    poll_table(args)
    if not args.no_gui:
        latency_table(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
