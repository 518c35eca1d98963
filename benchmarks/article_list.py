"""The article list at 10,000 and 100,000 articles, before (every id listed at each reload) and after (paged
search results), measured in the same run: list reset, scrolling the whole list against a bare QTreeView over
the same rows, a search typed in the window's filter box (to the first painted page), and opening a far article:
with the whole window repainted (as measured before), and as the window paints it (only what the open made dirty),
then the next article across the edge of a far page landed on.

The library is made of CoNLL-2003 news sentences when `NEWS_READER_DATA` holds them (`_news_library.py`);
`--vocabulary` builds the old 26-word library, to reproduce the old figures.

    NEWS_READER_DATA=/work/shared/data QT_QPA_PLATFORM=offscreen nice .venv/bin/python \
        benchmarks/article_list.py [--sizes 10000 100000] [--vocabulary]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _news_library import build_library, load_corpus, queries, window_searches  # noqa: E402

PAGE = 200  # the list model's page (the same in the code before issue 15's list work)
JUMPS = 200  # positions spread over the whole list, each painted


def times(fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        out.append(clock() - t0)
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def scroll_all(view) -> None:
    """JUMPS positions from the top to the bottom of the list, each painted."""
    bar = view.verticalScrollBar()
    for i in range(JUMPS + 1):
        bar.setValue(bar.maximum() * i // JUMPS)
        view.viewport().repaint()


def measure_list(lib, model_class) -> dict[str, float]:
    from PySide6.QtCore import QSize, QStringListModel
    from PySide6.QtWidgets import QApplication, QHeaderView, QStyledItemDelegate, QTableView, QTreeView

    from reader.core.store.library_query import ListQuery
    from reader.ui.article_list import ArticleListView, meta_line

    model = model_class(lib)
    view = ArticleListView()
    view.setModel(model)
    view.resize(600, 800)
    view.show()
    QApplication.processEvents()  # until the window is exposed, repaint() paints nothing

    def reset() -> None:
        model.set_query(ListQuery())
        view.viewport().repaint()

    out = {"list reset + paint (min)": min(times(reset, 5))}
    height = view.sizeHintForRow(0)

    class Fixed(QStyledItemDelegate):
        def sizeHint(self, option, index) -> QSize:  # noqa: N802
            return QSize(160, height)

    # the old reference: a bare tree, one short column, the first title on every row, at our rows' height
    bare = QTreeView()
    bare.setUniformRowHeights(True)
    bare.setRootIsDecorated(False)
    bare.setItemDelegate(Fixed(bare))
    bare.setModel(QStringListModel([model.index(0, 1).data()] * model.rowCount()))
    # the fair one: a bare table (a C++ model, Qt's own delegate) with each row's own two lines, same height
    listed = list(model.ids)
    infos = {}
    for first in range(0, len(listed), 5000):
        infos.update(lib.rows(listed[first : first + 5000]))
    fair = QTableView()
    fair.verticalHeader().hide()
    fair.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    fair.verticalHeader().setDefaultSectionSize(height)
    fair.horizontalHeader().setStretchLastSection(True)
    fair.setShowGrid(False)
    fair.setModel(QStringListModel([f"{infos[i].title}\n{meta_line(infos[i])}" for i in listed]))
    for other in (bare, fair):
        other.resize(600, 800)
        other.show()
    QApplication.processEvents()
    runs: dict[str, list[float]] = {"ours": [], "bare": [], "fair": []}
    for _ in range(3):  # interleaved, in CPU seconds: a shared machine's load falls on all three alike
        for name, shown in (("ours", view), ("bare", bare), ("fair", fair)):
            runs[name] += times(lambda v=shown: scroll_all(v), 1, clock=time.process_time)
    ours = min(runs["ours"])
    out["scroll whole list, CPU (min)"] = ours
    # the first run meets every row for the first time: pages read, rows laid out (the later ones repaint them)
    out["scroll whole list the first time (cold caches), CPU"] = runs["ours"][0]
    painted = (JUMPS + 1) * -(-view.viewport().height() // height)  # rows drawn in one scroll
    out["one row painted, ours (min scroll / rows drawn)"] = ours / painted
    out["one row painted, fair reference"] = min(runs["fair"]) / painted
    out["bare QTreeView, one title on every row (old reference)"] = min(runs["bare"])
    out["scroll ratio to the old reference"] = ours / min(runs["bare"])
    out["bare QTableView, each row's own two lines (fair reference)"] = min(runs["fair"])
    out["scroll ratio to the fair reference"] = ours / min(runs["fair"])
    for other in (bare, fair):
        other.close()
    view.close()
    return out


def measure_window(cache: Path, model_class, searches_typed: list[str]) -> dict[str, float]:
    """The whole window over a copy of that cache: searches typed in the filter box, far articles opened."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    import reader.ui.main_window as main_window
    from reader.paths import resolve_paths
    from reader.settings import Settings

    data = cache.parent / f"data-{cache.stem}-{model_class.__name__}"
    shutil.rmtree(data, ignore_errors=True)  # a fresh profile each run: no window state from the last one
    paths = resolve_paths(data).ensure()
    shutil.copy(cache, paths.library_db)
    main_window.ArticleListModel = model_class  # type: ignore[misc]
    window = main_window.MainWindow(paths, Settings(paths.settings_file), samples=False)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    window.repaint()
    n = window.model.total
    window.select_row(0)

    def settle() -> None:
        """Until the list's background reads (its count, where its pages start, the pages read ahead) are done,
        as after a pause."""
        QApplication.processEvents()
        while getattr(window.model, "busy", False) or getattr(window.model, "reading_ahead", False):
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)

    settle()

    def search(words: str) -> None:
        window.filter_box.setText(words)
        window._filter_timer.stop()  # typed at once: the box's own 150 ms timer is not part of the measure
        window.apply_view(keep_current=True)
        window.list_view.viewport().repaint()

    searches, counts, search_cpu = [], [], []
    for _ in range(3):
        for words in searches_typed:
            t0, c0 = time.perf_counter(), time.thread_time()
            search(words)
            searches.append(time.perf_counter() - t0)
            search_cpu.append(time.thread_time() - c0)
            while getattr(window.model, "counting", False):  # a count left to its thread: until it is shown
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
            window.repaint()
            counts.append(time.perf_counter() - t0)
            settle()

    far = [n - 1, 0, n // 2, n - 7, 3, 3 * n // 4, n // 5, n - 100]

    def open_row(row: int) -> None:
        window.select_row(row)
        window.repaint()

    opens = [t for _ in range(3) for row in far for t in times(lambda r=row: open_row(r), 1)]
    settle()

    cpu: list[float] = []

    def open_painted(row: int) -> float:
        """The open as the window paints it: what the open made dirty (list rows, pane, scroll bars), not the whole
        window, with what it posted handled; then a pause (untimed), as a user reads before the next open. The
        window thread's CPU time goes to `cpu`: on a shared machine, what the open costs whatever the load."""
        t0, c0 = time.perf_counter(), time.thread_time()
        window.select_row(row)
        QApplication.processEvents()
        took = time.perf_counter() - t0
        cpu.append(time.thread_time() - c0)
        settle()
        return took

    painted = [open_painted(row) for _ in range(3) for row in far]
    painted_cpu = cpu[:]
    # the next article after landing on a far page's last row: across the page's edge (from the page read ahead)
    edges = [(n * k // 25) // PAGE * PAGE - 1 for k in range(1, 25)]
    steps, step_cpu = [], []
    for row in edges:
        open_painted(row)
        steps.append(open_painted(row + 1))
        step_cpu.append(cpu[-1])
    window.close()
    return {
        "filter-box search to painted page p50": statistics.median(searches),
        "filter-box search to painted page p95": p95(searches),
        "filter-box search, the window thread's CPU p50": statistics.median(search_cpu),
        "filter-box search, the window thread's CPU p95": p95(search_cpu),
        "filter-box search to its count shown p50": statistics.median(counts),
        "filter-box search to its count shown p95": p95(counts),
        "open a far article p50": statistics.median(opens),
        "open a far article p95": p95(opens),
        "open a far article, to the window's own paint p50": statistics.median(painted),
        "open a far article, to the window's own paint p95": p95(painted),
        "open a far article (own paint), the window thread's CPU p50": statistics.median(painted_cpu),
        "open a far article (own paint), the window thread's CPU p95": p95(painted_cpu),
        "next article across a far page's edge, own paint p50": statistics.median(steps),
        "next article across a far page's edge, own paint p95": p95(steps),
        "next article across an edge, the window thread's CPU p50": statistics.median(step_cpu),
        "next article across an edge, the window thread's CPU p95": p95(step_cpu),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--vocabulary", action="store_true", help="the old 26-word library (the old figures)")
    parser.add_argument("--no-old", action="store_true", help="leave out the model from before issue 15 (quicker)")
    parser.add_argument("--keep", metavar="DIR", help="keep (and reuse) the generated caches in DIR")
    args = parser.parse_args()
    corpus = load_corpus(vocabulary=args.vocabulary)
    typed = window_searches(corpus, queries(corpus))
    print("typed in the window's box, then cleared: " + " | ".join(typed[:-1]) + "\n")
    from PySide6.QtWidgets import QApplication

    from reader.core.store.library import Library
    from reader.ui.article_list import ArticleListModel

    app = QApplication.instance() or QApplication([])
    results: dict[tuple[int, str], dict[str, float]] = {}
    models: list[tuple[str, type[ArticleListModel]]] = [("after", ArticleListModel)]
    if not args.no_old:
        from _old_article_list import OldArticleListModel

        models.insert(0, ("before", OldArticleListModel))
    with tempfile.TemporaryDirectory() as d:
        for n in args.sizes:
            cache = Path(args.keep or d) / f"list-{'words' if corpus is None else 'news'}-{n}.sqlite3"
            reuse = cache.exists() and Library(cache).count() == n
            lib = Library(cache) if reuse else build_library(cache, n, corpus)
            for name, cls in models:
                results[(n, name)] = measure_list(lib, cls)
                app.processEvents()
            lib.close()
            for name, cls in models:
                results[(n, name)].update(measure_window(cache, cls, typed))
    columns = [(n, name) for n in args.sizes for name, _cls in models]
    print("| step | " + " | ".join(f"{n:,} {name}" for n, name in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for key in results[columns[0]]:
        cells = [results[c][key] for c in columns]
        shown = [f"{v:.2f}x" if "ratio" in key else f"{v * 1e6:.0f} µs" if "one row" in key else f"{v * 1000:.1f} ms"
                 for v in cells]  # fmt: skip
        print(f"| {key} | " + " | ".join(shown) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
