"""The article list on 100,000 articles against 100: query, model reset, scrolling, filtering.

"100,000 rows must scroll like 100": the table prints each step's time for both sizes and the ratio.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import make_library  # noqa: E402


def timed(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def measure(n: int, tmp: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from reader.core.store.library_query import ListQuery
    from reader.ui.article_list import ArticleListModel, ArticleListView

    app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    lib = make_library(tmp / f"lib{n}.sqlite3", n)
    build = time.perf_counter() - t0
    model = ArticleListModel(lib)
    view = ArticleListView()
    view.setModel(model)
    view.resize(600, 800)
    view.show()
    app.processEvents()
    out = {"build cache (not compared)": build}
    out["open list (query + reset)"] = timed(lambda: model.set_query(ListQuery()))

    def scroll() -> None:  # 50 page-downs through the list, painting each
        bar = view.verticalScrollBar()
        for i in range(50):
            bar.setValue(bar.maximum() * i // 50)
            view.viewport().repaint()

    out["scroll 50 pages with paint"] = timed(scroll, 3)
    out["sort by title"] = timed(lambda: model.sort(1), 3)
    out["filter title 'harbour'"] = timed(lambda: model.set_query(ListQuery(title="harbour")), 3)
    out["full-text 'reservoir inflation'"] = timed(lambda: lib.search_ids("reservoir inflation"), 3)
    view.close()
    lib.close()
    out.update(measure_window(tmp / f"lib{n}.sqlite3"))
    return out


def measure_window(cache: Path) -> dict[str, float]:
    """The whole window over that cache: next article (render, note, read mark, row repaint), bookmark."""
    import shutil

    from reader.paths import resolve_paths
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow

    paths = resolve_paths(cache.parent / f"data-{cache.stem}").ensure()
    shutil.copy(cache, paths.library_db)
    window = MainWindow(paths, Settings(paths.settings_file), samples=False)
    window.resize(1280, 800)
    window.show()
    window.select_row(0)

    def next_articles() -> None:  # 20 times j, each painted
        for _ in range(20):
            window.move_selection(1)
            window.repaint()

    out = {"window: 20 x next article, painted": timed(next_articles, 3),
           "window: bookmark on and off": timed(lambda: (window.toggle_bookmark(), window.toggle_bookmark()), 5)}

    def views() -> None:  # the views and filters that read the user database (read marks, bookmarks)
        for kind, value, words in (("view", "unread", ""), ("view", "bookmarked", ""), ("view", "all", "is:read")):
            window.filter_box.setText(words)
            window.set_view(kind, value)

    out["window: unread, bookmarked, is:read"] = timed(views, 3)
    window.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        small = measure(args.small, Path(d))
        large = measure(args.large, Path(d))
    print(f"| step | {args.small:,} articles (ms) | {args.large:,} articles (ms) | ratio |")
    print("|---|---|---|---|")
    for key in small:
        ratio = large[key] / small[key] if small[key] else float("nan")
        print(f"| {key} | {small[key] * 1000:.1f} | {large[key] * 1000:.1f} | {ratio:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
