"""Article-text extraction quality and speed on hand-marked news pages: ours, trafilatura, readability-lxml.

Scoring follows ../shared/data/README.md: 4-token shingles over `\\w+` tokens, per-page precision
and recall averaged over pages, F1 from the two means, accuracy = share of pages whose token
lists match exactly. The pages are split by a hash of their id (first byte of sha1(id) even: the
tuning half, odd: the check half); rules are changed against the tuning half only, and both halves
are reported. All extractors run in the same process, taking turns page by page, so their speeds compare.

Run: `.venv/bin/python benchmarks/extraction.py [--data DIR] [--worst N --half tune] [--show ID]`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from _data import data_root, skip_message  # noqa: E402  (this folder is on sys.path when run as a script)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = data_root() / "extraction"
_TOKEN = re.compile(r"\w+")
HALVES = ("tune", "check", "all")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def page_scores(extracted: str, truth: str) -> tuple[float, float, bool]:
    """(precision, recall, exact) for one page."""
    got, want = shingles(extracted), shingles(truth)
    tp = sum((got & want).values())
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    precision = 1.0 if fp == 0 and fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)
    recall = 1.0 if fp == 0 and fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    return precision, recall, _TOKEN.findall(extracted or "") == _TOKEN.findall(truth or "")


def half_of(page_id: str) -> str:
    """"tune" or "check": the first byte of sha1(id) even or odd (the split every extraction task uses)."""
    return "tune" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "check"


def ours(html: str) -> str:
    from reader.core.extract import extract_html

    page = extract_html(html)
    # Figure captions stay in the article as their own blocks; the hand-marked body excludes them.
    return "\n\n".join(b.text for b in page.blocks if b.kind != "caption") if page else ""


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


_READABILITY_BLOCKS = frozenset("p div li h1 h2 h3 h4 h5 h6 br tr td th pre blockquote figcaption dt dd".split())


def readability_text(html: str) -> str:
    """readability-lxml's `Document(html).summary()`, as text with a line break at every block edge."""
    import lxml.html
    from readability import Document

    summary = Document(html).summary()
    if not summary.strip():
        return ""
    root = lxml.html.fromstring(summary)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _READABILITY_BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    return str(root.text_content())


@dataclass(frozen=True)
class Page:
    """One benchmark page: id, its HTML, the hand-marked body and which half it is in."""

    id: str
    html: str
    truth: str
    half: str


def load_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        f = data / "html" / f"{key}.html.gz"
        if f.exists():
            html = gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
            pages.append(Page(key, html, truth[key].get("articleBody", ""), half_of(key)))
    return pages


@dataclass
class PageResult:
    """One extractor on one page: its scores and the seconds it took."""

    id: str
    half: str
    precision: float
    recall: float
    exact: bool
    seconds: float
    text: str


def run(extractors: list[tuple[str, Callable[[str], str]]], pages: list[Page]) -> list[tuple[str, list[PageResult]]]:
    """Every extractor on every page, taking turns page by page so a busy machine slows them alike."""
    for _, extract in extractors:
        extract(pages[0].html)  # warm-up: imports and compiled patterns are not what we measure
    results: list[list[PageResult]] = [[] for _ in extractors]
    for page in pages:
        for (_, extract), out in zip(extractors, results, strict=True):
            start = time.perf_counter()
            text = extract(page.html)
            seconds = time.perf_counter() - start
            p, r, exact = page_scores(text, page.truth)
            out.append(PageResult(page.id, page.half, p, r, exact, seconds, text))
    return [(name, out) for (name, _), out in zip(extractors, results, strict=True)]


def summary(results: list[PageResult], half: str) -> tuple[float, float, float, float, float, int]:
    """(F1, precision, recall, accuracy, pages/s, pages) over one half ("all": every page)."""
    chosen = [r for r in results if half == "all" or r.half == half]
    if not chosen:
        return 0.0, 0.0, 0.0, 0.0, 0.0, 0
    precision = sum(r.precision for r in chosen) / len(chosen)
    recall = sum(r.recall for r in chosen) / len(chosen)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(r.exact for r in chosen) / len(chosen)
    speed = len(chosen) / max(1e-9, sum(r.seconds for r in chosen))
    return f1, precision, recall, accuracy, speed, len(chosen)


def references() -> list[tuple[str, Callable[[str], str]]]:
    """The reference extractors that are installed (pip install -e '.[bench]')."""
    found: list[tuple[str, Callable[[str], str]]] = []
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed (pip install -e '.[bench]'); skipped.", file=sys.stderr)
    else:
        found.append((f"trafilatura {trafilatura.__version__}", trafilatura_text))
    try:
        import readability  # noqa: F401
    except ImportError:
        print("readability-lxml is not installed (pip install -e '.[bench]'); skipped.", file=sys.stderr)
    else:
        found.append((f"readability-lxml {version('readability-lxml')}", readability_text))
    return found


def print_table(rows: list[tuple[str, list[PageResult]]]) -> None:
    print("| half | extractor | pages | F1 | precision | recall | accuracy | pages/s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for half in HALVES:
        for name, results in rows:
            f1, p, r, acc, speed, n = summary(results, half)
            print(f"| {half} | {name} | {n} | {f1:.3f} | {p:.3f} | {r:.3f} | {acc:.3f} | {speed:.1f} |")
    if len(rows) > 1 and rows[1][0].startswith("trafilatura"):
        ours_all, traf_all = summary(rows[0][1], "all"), summary(rows[1][1], "all")
        print(f"\nSpeed ratio ours/trafilatura (all pages): {ours_all[4] / max(1e-9, traf_all[4]):.2f}x")


def show_page(page: Page, text: str) -> None:
    """Our text for one page, then the truth's sentences we missed and our lines the truth does not have."""
    print(f"== {page.id} ({page.half})\n{text}\n")
    want, got = shingles(page.truth), shingles(text)
    missed = [line for line in page.truth.splitlines() if line.strip() and _share(line, got) < 0.5]
    extra = [line for line in text.splitlines() if line.strip() and _share(line, want) < 0.5]
    print("-- missed (in the truth, not in ours):")
    print("\n".join(f"   {m[:200]}" for m in missed) or "   (none)")
    print("-- extra (in ours, not in the truth):")
    print("\n".join(f"   {e[:200]}" for e in extra) or "   (none)")


def _share(line: str, pool: Counter[tuple[str, ...]]) -> float:
    mine = shingles(line)
    return sum((mine & pool).values()) / max(1, sum(mine.values()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with html/ and ground-truth.json")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="also list our N lowest-scoring pages")
    parser.add_argument("--half", choices=HALVES, default="tune", help="which half --worst and --show look at")
    parser.add_argument("--show", metavar="ID", help="print our text for the page whose id starts with ID")
    parser.add_argument("--no-reference", action="store_true", help="ours only (no trafilatura, no readability)")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(skip_message("extraction", args.data.parent) or f"No benchmark data at {args.data}; pass --data DIR.",
              file=sys.stderr)
        return 2
    pages = load_pages(args.data)
    if args.show:
        chosen = [p for p in pages if p.id.startswith(args.show) and (args.half == "all" or p.half == args.half)]
        for page in chosen:
            show_page(page, ours(page.html))
        return 0 if chosen else 1
    extractors: list[tuple[str, Callable[[str], str]]] = [("news-reader", ours)]
    if not args.no_reference:
        extractors += references()
    rows = run(extractors, pages)
    tune = sum(p.half == "tune" for p in pages)
    print(f"Article text extraction, {len(pages)} pages ({tune} tuning, {len(pages) - tune} check)\n")
    print_table(rows)
    if args.worst:
        print(f"\nLowest-scoring pages of the {args.half} half (ours): id precision recall")
        mine = [r for r in rows[0][1] if args.half == "all" or r.half == args.half]
        for r in sorted(mine, key=lambda x: x.precision + x.recall)[: args.worst]:
            print(f"  {r.id[:12]} {r.precision:.3f} {r.recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
