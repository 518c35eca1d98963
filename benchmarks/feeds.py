"""Feeds: feedparser's own test feeds through our loader; crashes, and its link/title/content checks.

    .venv/bin/python benchmarks/feeds.py [--data DIR] [--show-wrong KIND]

Nothing is fetched at run time. DIR is feedparser's `tests/` folder (default: the cache folder
below, or $NEWS_READER_FEEDPARSER_TESTS). To get it once:

    pip download --no-deps --no-binary :all: feedparser==6.0.14 -d /tmp/fp
    tar xzf /tmp/fp/feedparser-6.0.14.tar.gz -C /tmp/fp
    mkdir -p ~/.cache/news-reader-benchmarks
    mv /tmp/fp/feedparser-6.0.14/tests ~/.cache/news-reader-benchmarks/feedparser-tests

Every `*.xml` under DIR goes through `reader.core.formats.load_file`. A crash is a failure that is
not a deliberate refusal (an ImportProblem caused by an unexpected exception, or any exception
that escapes). The `Expect:` line of each file is read by `_feed_expect` (a safe reader, no
eval), and its clauses on `entries[i]['link']`, `['title']`, `['content'][j]['value']` and
`['summary']`/`['description']` are judged against our articles (link = url, title = title,
content = body text, summary = body text or description). feedparser (`pip install -e .[bench]`)
is run on the same bytes only to know whether an expected value is HTML or plain text. Files
named `http_*` are left out of the checks: their expectations depend on headers the suite's own
HTTP server sends.
"""

from __future__ import annotations

import argparse
import codecs
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from _data import feedparser_tests_dir  # noqa: E402
from _feed_expect import KINDS, Check, Path_, checks  # noqa: E402

from reader.core.article import Article  # noqa: E402
from reader.core.errors import ImportProblem  # noqa: E402
from reader.core.formats import load_file  # noqa: E402

_EXPECT = re.compile(r"Description:\s*(.*?)\s*Expect:\s*(.*?)\s*-->", re.S)
_BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"),
)  # fmt: skip


def expect_line(data: bytes) -> str:
    """The file's Expect expression ("" when it has none), whatever its encoding."""
    text = ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, "replace").lstrip("\ufeff")
            break
    else:
        text = data.decode("utf-8", "replace")
    found = _EXPECT.search(text)
    return found.group(2) if found else ""


def load(path: Path) -> tuple[list[Article], str]:
    """Our articles of a file, and "crash"/"refused"/"" for how reading it went."""
    try:
        return load_file(path), ""
    except ImportProblem as problem:
        cause = problem.__cause__
        return [], "crash" if cause is not None and not isinstance(cause, ImportProblem) else "refused"
    except Exception:  # noqa: BLE001 - anything escaping the loader is a crash to count
        return [], "crash"


def ours_at(articles: list[Article]) -> Any:
    def ours(path: Path_) -> Sequence[str] | None:
        index = path.keys[1]
        if not isinstance(index, int) or index >= len(articles):
            return None
        a = articles[index]
        summary = (a.text, a.description) if a.description else (a.text,)
        shows = {"link": (a.url,), "title": (a.title,), "content": (a.text,), "summary": summary}
        return shows[path.kind]

    return ours


def type_at(reference: Any) -> Any:
    """feedparser's content type for a path (text/plain when it has none)."""

    def type_of(path: Path_) -> str:
        try:
            entry = reference.entries[path.keys[1]]
            if path.kind == "content":
                return str(entry["content"][path.keys[3]].get("type", "text/plain"))
            detail = entry.get(f"{path.kind}_detail")
            if detail is None and path.kind == "summary" and entry.get("content"):
                detail = entry["content"][0]  # feedparser copies content into an absent summary
            return str((detail or {}).get("type", "text/plain"))
        except (IndexError, KeyError, TypeError, AttributeError):
            return "text/plain"

    return type_of


def run(folder: Path, show_wrong: str) -> int:
    import feedparser

    files = sorted(folder.rglob("*.xml"))
    outcome: Counter[str] = Counter()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: list[tuple[Path, Check]] = []
    started = time.perf_counter()
    for path in files:
        articles, how = load(path)
        outcome[how or ("read" if articles else "refused")] += 1
        if path.name.startswith("http_"):
            continue
        data = path.read_bytes()
        expression = expect_line(data)
        if "entries" not in expression:
            continue
        for check in checks(expression, ours_at(articles), type_at(feedparser.parse(data))):
            total[check.kind] += 1
            right[check.kind] += check.right
            if not check.right:
                wrong.append((path, check))
    took = time.perf_counter() - started
    print(f"feedparser test feeds in {folder}: {len(files)} files ({took:.1f} s)\n")
    print(f"{'':<24}{'count':>8}")
    print(f"{'feeds read':<24}{outcome['read']:>8}")
    print(f"{'refused (with a reason)':<24}{outcome['refused']:>8}")
    print(f"{'crashes':<24}{outcome['crash']:>8}\n")
    print(f"{'checks':<24}{'right':>8}{'total':>8}")
    for kind in KINDS:
        label = "nothing-to-show checks" if kind == "nothing" else f"{kind} checks"
        print(f"{label:<24}{right[kind]:>8}{total[kind]:>8}")
    for path, check in wrong:
        if check.kind == show_wrong:
            print(f"  wrong: {path.relative_to(folder)}: {check.text[:150]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=feedparser_tests_dir(), help="feedparser's tests/ folder")
    parser.add_argument("--show-wrong", default="", choices=["", *KINDS], help="list the wrong checks of one kind")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: no feedparser test feeds at {args.data} (see how to get them: {__file__} --help).")
        return 0
    try:
        import feedparser  # noqa: F401
    except ImportError:
        print("skipped: feedparser is not installed (pip install -e '.[bench]').")
        return 0
    return run(args.data, args.show_wrong)


if __name__ == "__main__":
    sys.exit(main())
