"""Where the time of opening a far article in the window goes, part by part (issue 15's "open at 100,000").

Opens the same far rows as `article_list.py` (three rounds over eight rows spread over the list), each measured
to the window's own paint (what the open made dirty) and followed by an untimed pause, as a user reads, and
times the parts around it: the list's page of ids and its rows read on the window's thread, the article read
from the cache, the pane's document built and laid out, the rest of `show_article` (the features drawing their
marks on `article_shown`, the notes, the reading position, marking it read), and the paint of the list and
of the pane (the rest of the paint: scroll bars, headers, panels). Prints p50 and p95 of each part, in ms.
Uses the cache `article_list.py --keep DIR` built (list-news-N.sqlite3).

    QT_QPA_PLATFORM=offscreen nice .venv/bin/python benchmarks/open_parts.py --keep DIR [--n 100000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def timed(spent: Counter[str], label: str, fn: Callable[..., object]) -> Callable[..., object]:
    """`fn`, adding the time each call takes to `spent[label]`."""

    def run(*args: object, **kwargs: object) -> object:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - t0

    return run


def measure(cache: Path) -> dict[str, list[float]]:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    import reader.ui.main_window as main_window
    from reader.paths import resolve_paths
    from reader.settings import Settings

    app = QApplication.instance() or QApplication([])
    data = cache.parent / f"data-{cache.stem}-parts"
    shutil.rmtree(data, ignore_errors=True)
    paths = resolve_paths(data).ensure()
    shutil.copy(cache, paths.library_db)
    window = main_window.MainWindow(paths, Settings(paths.settings_file), samples=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    model, library, pane = window.model, window.library, window.reading_pane
    spent: Counter[str] = Counter()
    for obj, name, label in (
        (library, "search_page", "list: page of ids read"), (library, "rows", "list: rows read"),
        (library, "article", "article read"), (pane, "show_article", "pane: document built and laid out"),
        (window, "show_article", "show_article, all of it"), (window.operations, "run", "writes (marked read)"),
    ):  # fmt: skip
        setattr(obj, name, timed(spent, label, getattr(obj, name)))
    for widget, label in ((window.list_view, "paint: the list"), (pane, "paint: the pane")):
        widget.paintEvent = timed(spent, label, widget.paintEvent)  # type: ignore[method-assign]

    def settle() -> None:
        app.processEvents()
        while getattr(model, "busy", False) or getattr(model, "reading_ahead", False):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)

    window.select_row(0)
    settle()
    n = model.total
    far = [n - 1, 0, n // 2, n - 7, 3, 3 * n // 4, n // 5, n - 100]
    parts: dict[str, list[float]] = {}
    for _ in range(3):
        for row in far:
            spent.clear()
            t0 = time.perf_counter()
            window.select_row(row)
            t1 = time.perf_counter()
            app.processEvents()
            t2 = time.perf_counter()
            settle()
            spent["the open, to the window's own paint"] = t2 - t0
            spent["selecting the row (no paint)"] = t1 - t0
            spent["the paint (and what the open posted)"] = t2 - t1
            shown = spent["show_article, all of it"]
            spent["show_article less the pane, article and writes"] = shown - sum(
                spent[k] for k in ("pane: document built and laid out", "article read", "writes (marked read)")
            )
            spent["paint: the rest (scroll bars, headers, panels)"] = spent["the paint (and what the open posted)"] - (
                spent["paint: the list"] + spent["paint: the pane"]
            )
            for label, value in spent.items():
                parts.setdefault(label, []).append(value)
    window.close()
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", metavar="DIR", required=True, help="where article_list.py --keep left its caches")
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    cache = Path(args.keep) / f"list-news-{args.n}.sqlite3"
    if not cache.exists():
        print(f"{cache} is not there: build it with benchmarks/article_list.py --sizes {args.n} --keep {args.keep}")
        return 1
    parts = measure(cache)
    opens = len(parts["the open, to the window's own paint"])
    print(f"| part of a far open ({opens} opens) | p50 ms | p95 ms |\n|---|---|---|")
    for label, values in parts.items():
        values += [0.0] * (opens - len(values))  # a part that did not happen in an open took no time there
        print(f"| {label} | {statistics.median(values) * 1000:.1f} | {p95(values) * 1000:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
