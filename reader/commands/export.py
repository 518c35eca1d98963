"""`news-reader export`: write annotated articles as Markdown, HTML, PDF, Web Annotation JSON or plain text."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ReaderError
from reader.core.export import FORMATS, NOTE_STYLES, PAGE_SIZES, ExportItem, ExportOptions, export_items
from reader.core.export.collect import items_for_ids, selected_ids
from reader.paths import resolve_paths

if TYPE_CHECKING:
    from reader.core.store.library import Library
    from reader.core.store.user_data import UserStore

NAME = "export"
HELP = "export articles with their highlights and notes (Markdown, HTML, PDF, W3C annotation JSON, text)"
PROG = "news-reader export"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", nargs="*", metavar="ARTICLE",
                        help="article files, or article ids from the library (a unique beginning is enough)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--bookmarked", action="store_true", help="export every bookmarked article")
    which.add_argument("--annotated", action="store_true", help="export every article with a note or highlight")
    which.add_argument("--query", metavar="Q", help="export the articles a full-text search finds")
    parser.add_argument("--format", "-f", choices=list(FORMATS), default="md", help="output format (default: md)")
    parser.add_argument("--out", "-o", metavar="PATH", default=".",
                        help="folder for one file per article, or a file name (default: the current folder)")
    parser.add_argument("--combined", action="store_true", help="write all articles into one file")
    parser.add_argument("--force", action="store_true", help="overwrite files that exist already")
    parser.add_argument("--entities", action="store_true", help="include the people, places... (list and colours)")
    parser.add_argument("--notes", choices=NOTE_STYLES, default="footnotes",
                        help="Markdown: highlight notes as footnotes or as block quotes (default: footnotes)")
    parser.add_argument("--page-size", choices=PAGE_SIZES, default="A4", help="PDF page size (default: A4)")


def _fail(message: str, code: int = 1) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def _resolve_id(arg: str, all_ids: list[str]) -> tuple[str | None, str]:
    """An article id from a full id or a unique beginning; (None, why) otherwise."""
    if arg in all_ids:
        return arg, ""
    matches = [i for i in all_ids if i.startswith(arg)] if len(arg) >= 4 else []
    if len(matches) == 1:
        return matches[0], ""
    if matches:
        return None, f"{arg!r} matches {len(matches)} articles; give more of the id"
    return None, f"{arg!r} is neither a file nor an article id in the library"


def _collect(args: argparse.Namespace, library: Library, user: UserStore) -> tuple[list[ExportItem], list[str]]:
    """The chosen articles' items, and the problems met on the way (each a sentence)."""
    from reader.core.library_sync import LibrarySync

    problems: list[str] = []
    ids: list[str] = []
    all_ids = library.all_ids() if any(not Path(a).is_file() for a in args.articles) else []
    for arg in args.articles:
        if Path(arg).is_file():
            found = LibrarySync(library).import_file(arg)
            if not found:
                problems.append(f"no article could be read from {arg}")
            ids += found
        else:
            article_id, why = _resolve_id(arg, all_ids)
            if article_id:
                ids.append(article_id)
            else:
                problems.append(why)
    chosen = selected_ids(library, user, ids=ids, bookmarked=args.bookmarked, annotated=args.annotated,
                          query=args.query)
    items, missing = items_for_ids(library, user, chosen, with_entities=args.entities)
    problems += [f"article {m} is not in the library cache (open the window to rescan)" for m in missing]
    if args.entities:
        items = [_with_entities(it) for it in items]
    return items, problems


def _with_entities(item: ExportItem) -> ExportItem:
    """Tag the article now when the library has not tagged it yet (the window does that in the background)."""
    if item.entities:
        return item
    from reader.core.entities import tag

    return replace(item, entities=tag(item.article.text, item.article.language))


def run(args: argparse.Namespace) -> int:
    if not (args.articles or args.bookmarked or args.annotated or args.query):
        return _fail("say what to export: ARTICLE files or ids, --bookmarked, --annotated or --query Q", 2)
    from reader.core.library_sync import LibrarySync
    from reader.core.store.library import Library
    from reader.core.store.user_data import UserStore

    paths = resolve_paths(args.data_dir, args.profile).ensure()
    try:
        with UserStore(paths.user_db) as user:
            library = Library(paths.library_db)
            try:
                if args.bookmarked or args.annotated or args.query:
                    LibrarySync(library).scan(user.folders())  # bring the cache up to date with the library folders
                items, problems = _collect(args, library, user)
            finally:
                library.close()
        for problem in problems:
            print(f"{PROG}: {problem}", file=sys.stderr)
        if not items:
            return _fail("nothing to export")
        options = ExportOptions(include_entities=args.entities, note_style=args.notes, page_size=args.page_size)
        pdf_writer = None
        if args.format == "pdf":  # Qt draws the PDF; imported only for this format
            from reader.ui.export_pdf import write_pdf as pdf_writer
        written = export_items(items, fmt=args.format, out=args.out, combined=args.combined, force=args.force,
                               options=options, pdf_writer=pdf_writer)
    except (ReaderError, ValueError) as exc:
        return _fail(str(exc))
    for path in written:
        print(path)
    return 1 if problems else 0
