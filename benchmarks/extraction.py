"""Article-text extraction quality and speed on hand-marked news pages, against trafilatura.

Scoring follows ../shared/data/README.md: 4-token shingles over `\\w+` tokens, per-page precision
and recall averaged over pages, F1 from the two means, accuracy = share of pages whose token
lists match exactly. Run: `.venv/bin/python benchmarks/extraction.py [--data DIR] [--worst N]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _data import data_root, skip_message  # noqa: E402  (this folder is on sys.path when run as a script)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = data_root() / "extraction"
_TOKEN = re.compile(r"\w+")


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


def ours(html: str) -> str:
    from reader.core.extract import extract_html

    page = extract_html(html)
    # Figure captions stay in the article as their own blocks; the hand-marked body excludes them.
    return "\n\n".join(b.text for b in page.blocks if b.kind != "caption") if page else ""


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def load_pages(data: Path) -> list[tuple[str, str, str]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        f = data / "html" / f"{key}.html.gz"
        if f.exists():
            html = gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
            pages.append((key, html, truth[key].get("articleBody", "")))
    return pages


def run(name: str, extract: Callable[[str], str], pages: list[tuple[str, str, str]]) -> dict[str, object]:
    extract(pages[0][1])  # warm-up: imports and compiled patterns are not what we measure
    results = []
    start = time.perf_counter()
    outputs = [extract(html) for _, html, _ in pages]
    elapsed = time.perf_counter() - start
    for (key, _, truth), text in zip(pages, outputs, strict=True):
        p, r, exact = page_scores(text, truth)
        results.append((key, p, r, exact))
    precision = sum(r[1] for r in results) / len(results)
    recall = sum(r[2] for r in results) / len(results)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(r[3] for r in results) / len(results)
    return {"name": name, "f1": f1, "precision": precision, "recall": recall, "accuracy": accuracy,
            "speed": len(pages) / elapsed, "pages": results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with html/ and ground-truth.json")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="also list our N lowest-scoring pages")
    parser.add_argument("--no-reference", action="store_true", help="skip trafilatura")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(skip_message("extraction", args.data.parent) or f"No benchmark data at {args.data}; pass --data DIR.",
              file=sys.stderr)
        return 2
    pages = load_pages(args.data)
    rows = [run("news-reader", ours, pages)]
    if not args.no_reference:
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            print("trafilatura is not installed (pip install -e '.[bench]'); showing ours only.", file=sys.stderr)
        else:
            rows.append(run(f"trafilatura {trafilatura.__version__}", trafilatura_text, pages))
    print(f"Article text extraction, {len(pages)} pages\n")
    print("| extractor | F1 | precision | recall | accuracy | pages/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['name']} | {row['f1']:.3f} | {row['precision']:.3f} | {row['recall']:.3f} "
              f"| {row['accuracy']:.3f} | {row['speed']:.1f} |")
    if len(rows) == 2:
        print(f"\nF1 difference: {rows[0]['f1'] - rows[1]['f1']:+.3f}; "  # type: ignore[operator]
              f"speed ratio: {rows[0]['speed'] / rows[1]['speed']:.2f}x")  # type: ignore[operator]
    if args.worst:
        print("\nLowest-scoring pages (ours): id precision recall")
        for key, p, r, _ in sorted(rows[0]["pages"], key=lambda x: x[1] + x[2])[: args.worst]:  # type: ignore[index]
            print(f"  {key[:12]} {p:.3f} {r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
