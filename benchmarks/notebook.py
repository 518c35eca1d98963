"""The notebook with 50,000 highlights over 5,000 articles: open, text filter, scroll the whole list.

Against a reference measured in the same run: a bare QTableView over the same rows held in a plain Python
list model (every row read up front, a filter done in Python). The notebook reads ids first and row data
only for the rows painted, so it should stay within a small factor of the bare table.

    .venv/bin/python benchmarks/notebook.py [--highlights 50000] [--articles 5000]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import WORDS, make_library  # noqa: E402

COLORS = ("yellow", "green", "blue", "pink", "purple")
FILTER = "reservoir inflation"  # two adjacent words: matches a few per cent of the quotes and notes


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def make_user_db(path: Path, article_ids: list[str], n: int, *, seed: int = 11) -> None:
    """A user database (our own migrations) holding `n` highlights spread over the articles, a third with notes."""
    from reader.core.store.user_data import UserStore

    UserStore(path).close()  # creates the schema
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        quote = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))
        note = " ".join(rng.choice(WORDS) for _ in range(8)) if i % 3 == 0 else ""
        created = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T10:00:{i % 60:02d}.000Z"
        start = rng.randint(0, 1500)
        rows.append((str(uuid.uuid4()), rng.choice(article_ids), start, start + len(quote), quote, "", "",
                     rng.choice(COLORS), note, "", created, created, 0))  # fmt: skip
    db = sqlite3.connect(path)
    with db:  # benchmark set-up only: the app writes through the session
        db.executemany("INSERT INTO highlights (id, article_id, start, end, exact, prefix, suffix, color, note,"
                       " path, created, modified, orphan) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)  # fmt: skip
    db.close()


def scroll(view) -> None:
    """50 positions from top to bottom, each painted."""
    bar = view.verticalScrollBar()
    for i in range(51):
        bar.setValue(bar.maximum() * i // 50)
        view.viewport().repaint()


def measure_notebook(cache: Path, user_db: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from reader.core.store.library import Library
    from reader.ui.notebook_view import NotebookView

    lib = Library(cache, user_db=user_db)
    view = NotebookView(lib.db)
    view.resize(600, 800)
    view.show()
    QApplication.processEvents()

    def open_view() -> None:
        view.text_box.setText("")
        view.refresh()
        view.entry_list.viewport().repaint()

    def filter_view() -> None:
        view.text_box.setText(FILTER)
        view.apply_filters()
        view.entry_list.viewport().repaint()

    out = {"open (query + first paint)": timed(open_view)}
    out["scroll the whole list (51 paints)"] = timed(lambda: scroll(view.entry_list))
    out[f"text filter '{FILTER}'"] = timed(filter_view)
    out["rows listed"] = float(len(view.model.ids))
    view.close()
    lib.close()
    return out


def measure_reference(cache: Path, user_db: Path) -> dict[str, float]:
    """A bare QTableView over a plain list model holding every row (the same columns the notebook shows)."""
    from PySide6.QtCore import QAbstractTableModel, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    class Plain(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[tuple] = []

        def rowCount(self, parent=None) -> int:  # noqa: N802
            return len(self.rows)

        def columnCount(self, parent=None) -> int:  # noqa: N802
            return 5

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.rows[index.row()][index.column()]
            return None

    db = sqlite3.connect(cache)
    db.execute("ATTACH DATABASE ? AS user", (str(user_db),))
    sql = ("SELECT h.exact, h.note, a.title, a.source, a.published FROM user.highlights h"
           " LEFT JOIN articles a ON a.id = h.article_id ORDER BY h.created DESC")  # fmt: skip
    model = Plain()
    view = QTableView()
    view.setModel(model)
    view.resize(600, 800)
    view.show()
    QApplication.processEvents()
    everything: list[tuple] = []

    def open_view() -> None:
        model.beginResetModel()
        everything[:] = db.execute(sql).fetchall()
        model.rows = everything
        model.endResetModel()
        view.viewport().repaint()

    def filter_view() -> None:
        model.beginResetModel()
        model.rows = [r for r in everything if FILTER in r[0].casefold() or FILTER in r[1].casefold()]
        model.endResetModel()
        view.viewport().repaint()

    out = {"open (query + first paint)": timed(open_view)}
    out["scroll the whole list (51 paints)"] = timed(lambda: scroll(view))
    out[f"text filter '{FILTER}'"] = timed(filter_view)
    out["rows listed"] = float(len(model.rows))
    view.close()
    db.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--highlights", type=int, default=50_000)
    parser.add_argument("--articles", type=int, default=5_000)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive for the views
    with tempfile.TemporaryDirectory() as d:
        cache, user_db = Path(d) / "cache.sqlite3", Path(d) / "user.sqlite3"
        lib = make_library(cache, args.articles)
        ids = lib.all_ids()
        lib.close()
        make_user_db(user_db, ids, args.highlights)
        ours = measure_notebook(cache, user_db)
        ref = measure_reference(cache, user_db)
    print(f"{args.highlights:,} highlights over {args.articles:,} articles (best of 3)\n")
    print("| step | notebook (ms) | bare QTableView, plain list model (ms) | ratio |")
    print("|---|---|---|---|")
    for key in ours:
        if key == "rows listed":
            print(f"| rows listed after the filter | {int(ours[key]):,} | {int(ref[key]):,} | |")
            continue
        ratio = ours[key] / ref[key] if ref[key] else float("nan")
        print(f"| {key} | {ours[key] * 1000:.1f} | {ref[key] * 1000:.1f} | {ratio:.2f}x |")
    return 0 if ours["rows listed"] == ref["rows listed"] else 1


if __name__ == "__main__":
    sys.exit(main())
