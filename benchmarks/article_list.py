"""The article list at 10,000 and 100,000 articles, before (every id listed at each reload) and after (paged
search results), measured in the same run: list reset, scrolling the whole list against a bare QTreeView over
the same rows, a search typed in the window's filter box (to the first painted page), and opening a far article.

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

JUMPS = 200  # positions spread over the whole list, each painted


def times(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
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
    from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTreeView

    from reader.core.store.library_query import ListQuery
    from reader.ui.article_list import ArticleListView

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
    scrolls = times(lambda: scroll_all(view), 3)
    height = view.sizeHintForRow(0)

    class Fixed(QStyledItemDelegate):
        def sizeHint(self, option, index) -> QSize:  # noqa: N802
            return QSize(160, height)

    titles = [model.index(0, 1).data()] * model.rowCount()  # the bare view: same row count, same row height
    bare_model = QStringListModel(titles)
    bare = QTreeView()
    bare.setUniformRowHeights(True)
    bare.setRootIsDecorated(False)
    bare.setItemDelegate(Fixed(bare))
    bare.setModel(bare_model)
    bare.resize(600, 800)
    bare.show()
    QApplication.processEvents()
    bare_scrolls = times(lambda: scroll_all(bare), 3)
    out["scroll whole list (min)"] = min(scrolls)
    out["bare QTreeView, same rows (min)"] = min(bare_scrolls)
    out["scroll ratio to bare"] = min(scrolls) / min(bare_scrolls)
    bare.close()
    view.close()
    return out


def measure_window(cache: Path, model_class, searches_typed: list[str]) -> dict[str, float]:
    """The whole window over a copy of that cache: searches typed in the filter box, far articles opened."""
    from PySide6.QtWidgets import QApplication

    import reader.ui.main_window as main_window
    from reader.paths import resolve_paths
    from reader.settings import Settings

    paths = resolve_paths(cache.parent / f"data-{cache.stem}-{model_class.__name__}").ensure()
    shutil.copy(cache, paths.library_db)
    main_window.ArticleListModel = model_class  # type: ignore[misc]
    window = main_window.MainWindow(paths, Settings(paths.settings_file), samples=False)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    window.repaint()
    n = window.model.total
    window.select_row(0)

    def search(words: str) -> None:
        window.filter_box.setText(words)
        window.apply_view(keep_current=True)
        window.list_view.viewport().repaint()

    searches = [t for _ in range(3) for words in searches_typed for t in times(lambda w=words: search(w), 1)]
    far = [n - 1, 0, n // 2, n - 7, 3, 3 * n // 4, n // 5, n - 100]

    def open_row(row: int) -> None:
        window.select_row(row)
        window.repaint()

    opens = [t for _ in range(3) for row in far for t in times(lambda r=row: open_row(r), 1)]
    window.close()
    return {
        "filter-box search to painted page p50": statistics.median(searches),
        "filter-box search to painted page p95": p95(searches),
        "open a far article p50": statistics.median(opens),
        "open a far article p95": p95(opens),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--vocabulary", action="store_true", help="the old 26-word library (the old figures)")
    args = parser.parse_args()
    corpus = load_corpus(vocabulary=args.vocabulary)
    typed = window_searches(corpus, queries(corpus))
    print("typed in the window's box, then cleared: " + " | ".join(typed[:-1]) + "\n")
    from _old_article_list import OldArticleListModel
    from PySide6.QtWidgets import QApplication

    from reader.ui.article_list import ArticleListModel

    app = QApplication.instance() or QApplication([])
    results: dict[tuple[int, str], dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as d:
        for n in args.sizes:
            cache = Path(d) / f"lib{n}.sqlite3"
            lib = build_library(cache, n, corpus)
            for name, cls in (("before", OldArticleListModel), ("after", ArticleListModel)):
                results[(n, name)] = measure_list(lib, cls)
                app.processEvents()
            lib.close()
            for name, cls in (("before", OldArticleListModel), ("after", ArticleListModel)):
                results[(n, name)].update(measure_window(cache, cls, typed))
    columns = [(n, name) for n in args.sizes for name in ("before", "after")]
    print("| step | " + " | ".join(f"{n:,} {name}" for n, name in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for key in results[columns[0]]:
        cells = [results[c][key] for c in columns]
        shown = [f"{v:.2f}x" if "ratio" in key else f"{v * 1000:.1f} ms" for v in cells]
        print(f"| {key} | " + " | ".join(shown) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
