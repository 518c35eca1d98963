"""What links cost the reading pane: the same long article shown and marked with and without links.

The article is generated (no outside data): PARAGRAPHS paragraphs, an entity mark every ~40 characters and a
link every ~150 (a link-heavy page). Each step is timed with links and, in the same run, on the same article
without them (the reference); the table gives medians over --runs and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QTextCharFormat  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.core.article import Article, Block, Link, make_article  # noqa: E402
from reader.ui.reading_pane import Mark, ReadingPane  # noqa: E402

PARAGRAPHS = 400
SENTENCE = "The ferry from Tallinn to Helsinki left the harbour at nine, the port authority said on Monday. "


def article(with_links: bool) -> Article:
    blocks = []
    for i in range(PARAGRAPHS):
        text = f"Paragraph {i}. " + SENTENCE * 3
        links = tuple(Link(s, s + 20, f"https://e.example/{i}/{s}") for s in range(10, len(text) - 20, 150))
        blocks.append(Block(text, links=links if with_links else ()))
    return make_article(title="Long page", blocks=blocks)


def marks(text: str, step: int, color: str, tooltip: str) -> list[Mark]:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    return [Mark(s, s + 8, fmt, tooltip) for s in range(0, len(text) - 8, step)]


def timed(step: Callable[[], None]) -> float:
    t0 = time.perf_counter()
    step()
    return time.perf_counter() - t0


def run_once(pane: ReadingPane, art: Article) -> dict[str, float]:
    pane.show_placeholder()
    out = {"show article": timed(lambda: pane.show_article(art))}
    entities = marks(art.text, 40, "#aa2200", "Place: Tallinn")
    out["entity layer (all marks)"] = timed(lambda: pane.set_layer("entities", entities))
    one = marks(art.text[:400], 400, "#000000", "a note")
    out["one highlight"] = timed(lambda: pane.set_layer("highlights", one))
    out["font size (render again)"] = timed(lambda: pane.set_font_size(13 if pane._font_size != 13 else 12))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    pane = ReadingPane()
    pane.resize(900, 700)
    linked, bare = article(True), article(False)
    times: dict[str, dict[str, list[float]]] = {"links": {}, "none": {}}
    for _ in range(args.runs):  # alternate, so both see the same machine load
        for name, art in (("links", linked), ("none", bare)):
            for step, seconds in run_once(pane, art).items():
                times[name].setdefault(step, []).append(seconds)
    print(f"{PARAGRAPHS} paragraphs, {len(linked.text):,} characters, {len(linked.links)} links, "
          f"medians of {args.runs} runs (ms)\n")  # fmt: skip
    print(f"| {'step':<26} | {'with links':>10} | {'no links (ref)':>14} | {'ratio':>5} |")
    print(f"|{'-' * 28}|{'-' * 12}|{'-' * 16}|{'-' * 7}|")
    for step in times["links"]:
        a, b = statistics.median(times["links"][step]) * 1000, statistics.median(times["none"][step]) * 1000
        print(f"| {step:<26} | {a:>10.1f} | {b:>14.1f} | {a / b:>5.2f} |")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
