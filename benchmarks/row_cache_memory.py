"""What the article list's row cache holds when full: the process's resident memory before and after the delegate
has prepared TEXT_CACHE distinct rows (broken into lines, elided, placed), then as many again (the LRU drops the
oldest: memory stays flat). The reference is the same run's growth for preparing the first rows.

    QT_QPA_PLATFORM=offscreen nice .venv/bin/python benchmarks/row_cache_memory.py
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = "harbour council vote ferry fares rise strike port budget reef survey festival court ruling hospital".split()


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from reader.ui.article_row import TEXT_CACHE, ArticleRowDelegate, RowText, row_fonts

    app = QApplication.instance() or QApplication([])
    delegate = ArticleRowDelegate()
    fonts = row_fonts(QFont(), True, Qt.LayoutDirection.LeftToRight)

    def fill(first: int, count: int) -> None:
        for i in range(first, first + count):
            title = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(12)) + f" {i}"
            meta = f"\u2068The Harbour Ledger\u2069 · 12 Mar 2025 · {i:,} words"
            delegate._prepare(RowText(title, meta, False, False, True), fonts, 380)

    fill(0, 200)  # fonts, glyph caches and the interpreter warmed up
    start = rss_mb()
    fill(200, TEXT_CACHE)
    full = rss_mb()
    fill(200 + TEXT_CACHE, TEXT_CACHE)
    again = rss_mb()
    print("| step | RSS growth | rows kept |")
    print("|---|---|---|")
    print(f"| {TEXT_CACHE:,} rows prepared (cache full) | {full - start:.1f} MB | {delegate.cached_rows():,} |")
    print(f"| {TEXT_CACHE:,} more rows (oldest dropped) | {again - start:.1f} MB | {delegate.cached_rows():,} |")
    print(f"| per row kept | {(full - start) * 1000 / TEXT_CACHE:.2f} KB | |")
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
