"""What opening an article costs the entity panel: its mentions grouped, before and after the library's alias table.

Before (issue 14's second round): the panel grouped with the built-in table and the user's rules, made again at
every open. After: with the library's table (joined surnames, learned acronyms, the user's rules), kept until an
article's mentions or a rule change, and the article's text (a surname cut from a longer name stays alone).
Both are timed over the same articles, interleaved, in CPU seconds, with the reference of the same run: reading
the article's mentions from the cache (which both do first). Also the table made again after a write, as the
first open after each batch of a background import pays it, and at a window's first open.

The library: `--size` articles of CoNLL-2003 news sentences (`_news_library.py`), each sentence's names (as the
corpus tags them) stored as its mentions; people appear by full name and by surname alone, as news writes them.
With `--pages`, the 96 saved news pages of `extraction/html` instead, imported and tagged as the window does.

    git show 1726574:reader/core/entities/mentions.py > /tmp/old_mentions.py  # the grouping before
    NEWS_READER_DATA=/work/shared/data nice .venv/bin/python benchmarks/entity_panel.py [--size 10000] \
        [--pages] [--old-mentions /tmp/old_mentions.py]

With `--old-mentions`, "before" groups with that file's `group_mentions` (the code before), else with today's.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import data_root  # noqa: E402
from _news_library import build_library, load_corpus  # noqa: E402

from reader.core.entities import EntitySpan, group_mentions  # noqa: E402
from reader.core.entities.aliases import builtin_table  # noqa: E402
from reader.core.store.library import Library  # noqa: E402

OPENS = 300  # articles opened, each by both paths


def name_spans(text: str, names: dict[str, str], longest: int) -> list[EntitySpan]:
    """Every corpus name in `text` (the longest at each word), as the tagger would give them."""
    words: list[tuple[int, int]] = []
    at = 0
    for word in text.split(" "):
        words.append((at, at + len(word)))
        at += len(word) + 1
    spans, i = [], 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + n - 1][1]
            found = names.get(text[start:end])
            if found:
                spans.append(EntitySpan(start, end, found, text[start:end]))
                i += n
                break
        else:
            i += 1
    return spans


def store_mentions(library: Library, names: dict[str, str]) -> int:
    """Store each article's names as its mentions; how many."""
    longest = max(len(n.split()) for n in names)
    total = 0
    with library.db:
        for article_id in library.all_ids():
            article = library.article(article_id)
            assert article is not None
            spans = name_spans(article.text, names, longest)
            library._put_mentions(article_id, spans)
            total += len(spans)
    return total


def tagged_pages(folder: Path) -> Library:
    """The saved pages imported and tagged as the window does (as `top_entities.py` makes them)."""
    from top_entities import unzip_pages

    from reader.core.library_sync import LibrarySync

    pages = folder / "pages"
    pages.mkdir()
    unzip_pages(data_root() / "extraction" / "html", pages)
    library = Library(folder / "cache.sqlite3")
    sync = LibrarySync(library)
    sync.sync([str(pages)], [])
    sync.tag_pending()
    return library


def cpu(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--pages", action="store_true",
                        help="the saved news pages (extraction/html), imported and tagged, instead of CoNLL sentences")
    parser.add_argument("--old-mentions", type=Path, help="an older reader/core/entities/mentions.py for 'before'")
    args = parser.parse_args()
    group_before = group_mentions
    if args.old_mentions:
        spec = importlib.util.spec_from_file_location("old_mentions", args.old_mentions)
        assert spec is not None and spec.loader is not None
        old = sys.modules["old_mentions"] = importlib.util.module_from_spec(spec)  # its dataclass looks itself up
        spec.loader.exec_module(old)
        group_before = old.group_mentions
    corpus = load_corpus()
    if corpus is None:
        return 0
    names = {n: t for t in ("PER", "ORG", "LOC", "MISC") for n, c in corpus.names[t].items() if c >= 2}
    # a person's surname alone too, as news writes a person after the first mention
    names.update({n.split()[-1]: "PER" for n in list(names) if names[n] == "PER" and " " in n})
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        if args.pages:
            library = tagged_pages(Path(tmp))
            mentions = library.db.execute("SELECT count(*) FROM mentions").fetchone()[0]
        else:
            library = build_library(Path(tmp) / "cache.sqlite3", args.size, corpus)
            mentions = store_mentions(library, names)
        print(f"{library.count()} articles, {mentions} mentions stored ({time.perf_counter() - t0:.1f} s); "
              f"{len(library.surname_joins())} surnames joined, {len(library.learned_aliases())} acronyms learned\n")
        ids = library.all_ids()
        opened = [ids[k * len(ids) // OPENS] for k in range(OPENS)]
        texts = {i: library.article(i).text for i in opened}  # type: ignore[union-attr]

        def read(article_id: str) -> list[EntitySpan]:
            return [s for s in library.entity_spans(article_id) if isinstance(s, EntitySpan)]

        def before(article_id: str) -> None:
            group_before(read(article_id), builtin_table().with_user(library.user_alias_rules()))

        def after(article_id: str) -> None:
            group_mentions(read(article_id), library.alias_table(), texts[article_id])

        runs: dict[str, list[float]] = {"reference": [], "before": [], "after": []}
        for _ in range(3):
            for article_id in opened:
                runs["reference"].append(cpu(lambda a=article_id: read(a)))
                runs["before"].append(cpu(lambda a=article_id: before(a)))
                runs["after"].append(cpu(lambda a=article_id: after(a)))
        fresh = Library(Path(tmp) / "cache.sqlite3")  # a new window's connection: every joined name read
        first = cpu(fresh.alias_table)
        fresh.close()
        remade = []
        for _ in range(5):
            with library.db:
                library.db.execute("UPDATE meta SET value = value + 1 WHERE key = 'people'")  # as a write does
            remade.append(cpu(library.alias_table))
        print(f"{'per article opened, CPU ms':<62} {'median':>8} {'p95':>8}")
        labels = {"reference": "reference: its mentions read from the cache (both do it)",
                  "before": "before: built-in table + user's rules, made at every open",
                  "after": "after: the library's table (cached) + the article's text"}  # fmt: skip
        for key, label in labels.items():
            values = sorted(runs[key])
            p95 = values[max(0, round(0.95 * len(values)) - 1)]
            print(f"{label:<62} {1000 * statistics.median(values):>8.3f} {1000 * p95:>8.3f}")
        print(f"\nthe library's table, CPU ms: made at a window's first open {1000 * first:.1f}; made again after a"
              f" write (the first open after it) median {1000 * statistics.median(remade):.1f},"
              f" max {1000 * max(remade):.1f}")
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
