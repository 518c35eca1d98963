"""`news-reader search QUERY`: the search box's language over the library cache, from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.paths import resolve_paths

if TYPE_CHECKING:
    from reader.core.store.library import Library

NAME = "search"
HELP = ("search the library: words, \"phrases\", prefix*, AND/OR/NOT, -word, source:, author:, entity:, tag:, is:,"
        " has:, before:, after:")
PROG = "news-reader search"
EPILOG = """examples:
  news-reader search 'harbour strike'              both words, titles and text (title matches first)
  news-reader search '"pay rise" OR wage*'         a phrase, or any word starting with "wage"
  news-reader search 'budget -council after:2024-05 source:courier'
  news-reader search 'is:unread has:highlight tag:energy' --json

after:2024-05 means from June 2024 on; before:2024 means up to the end of 2023.
The library's cache is searched as the window last left it; --scan reads the library folders first."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("query", nargs="+", metavar="QUERY", help="what to look for (several words are one query)")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list of {rank, id, date, source, title, path}")  # fmt: skip
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="show at most N articles (default: 20)")
    parser.add_argument("--scan", action="store_true", help="bring the cache up to date with the library folders first")


def run(args: argparse.Namespace) -> int:
    from reader.core.store.library import Library

    if args.limit < 1:
        print(f"{PROG}: --limit must be 1 or more", file=sys.stderr)
        return 2
    paths = resolve_paths(args.data_dir, args.profile).ensure()
    library = Library(paths.library_db, user_db=paths.user_db)  # the user's marks answer is:, has:, tag:
    try:
        if args.scan:
            _scan(library, paths.user_db, paths.backups)
        try:
            page = library.search(" ".join(args.query), limit=args.limit)
        except ValueError as exc:
            print(f"{PROG}: {exc}", file=sys.stderr)
            return 1
        rows = library.rows(page.ids)
    finally:
        library.close()
    hits = [{"rank": n, "id": i, "date": rows[i].published[:10], "source": rows[i].source, "title": rows[i].title,
             "path": rows[i].path} for n, i in enumerate(page.ids, 1)]  # fmt: skip
    if args.json:
        json.dump(hits, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for hit in hits:
            print("\t".join(str(hit[k]) for k in ("rank", "date", "source", "title", "path")))
    shown = f"{len(hits):,} of " if len(hits) < page.total else ""
    print(f"{shown}{page.total:,} article{'' if page.total == 1 else 's'} found", file=sys.stderr)
    return 0


def _scan(library: Library, user_db: Path, backups: Path) -> None:
    """Read new and changed files of the user's library folders into the cache (as the window's scan does)."""
    from reader.core.library_sync import LibrarySync
    from reader.core.session import Session

    with Session(user_db, backups_dir=backups) as session:  # the one way in to the user's data
        if session.notice:
            print(f"news-reader: {session.notice}", file=sys.stderr)
        folders = session.store.folders()
    LibrarySync(library).sync(folders, [])
