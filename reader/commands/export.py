"""`news-reader export`: write annotated articles as Markdown, HTML, PDF, Web Annotation JSON or plain text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ReaderError
from reader.core.export import FORMATS, NOTE_STYLES, PAGE_SIZES, ExportItem, ExportOptions, export_items
from reader.core.export.collect import items_for_ids, selected_ids
from reader.core.export.entity_source import CorrectedEntities, tag_now
from reader.paths import resolve_paths

if TYPE_CHECKING:
    from reader.core.export.batch import PdfWriter
    from reader.core.session import Session
    from reader.core.store.library import Library

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
    parser.add_argument("--no-paths", action="store_true",
                        help="JSON: leave local file paths out (for files you share with others)")


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


def _collect(args: argparse.Namespace, library: Library, session: Session) -> tuple[list[ExportItem], list[str]]:
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
    user = session.store
    chosen = selected_ids(library, user, ids=ids, bookmarked=args.bookmarked, annotated=args.annotated,
                          query=args.query)
    # the entities the window shows: the cache's (tagged now when it has none yet) with the user's corrections
    source = CorrectedEntities(library, session.prefs, tag_untagged=tag_now)
    items, missing = items_for_ids(source, user, chosen, with_entities=args.entities)
    problems += [f"article {m} is not in the library cache (open the window to rescan)" for m in missing]
    return items, problems


def run(args: argparse.Namespace) -> int:
    if not (args.articles or args.bookmarked or args.annotated or args.query):
        return _fail("say what to export: ARTICLE files or ids, --bookmarked, --annotated or --query Q", 2)
    from reader.core.library_sync import LibrarySync
    from reader.core.session import Session
    from reader.core.store.library import Library

    paths = resolve_paths(args.data_dir, args.profile).ensure()
    try:
        with Session(paths.user_db, backups_dir=paths.backups) as session:
            if session.notice:  # recovered from a backup, or read-only: say so before anything else
                print(f"news-reader: {session.notice}", file=sys.stderr)
            library = Library(paths.library_db, user_db=paths.user_db)  # the scan keeps the user's articles
            try:
                if args.bookmarked or args.annotated or args.query:
                    LibrarySync(library).scan(session.store.folders())  # bring the cache up to date first
                items, problems = _collect(args, library, session)
            finally:
                library.close()
        for problem in problems:
            print(f"{PROG}: {problem}", file=sys.stderr)
        if not items:
            return _fail("nothing to export")
        options = ExportOptions(include_entities=args.entities, note_style=args.notes, page_size=args.page_size,
                                include_paths=not args.no_paths)
        pdf_writer: PdfWriter | None = None
        if args.format == "pdf":  # Qt draws the PDF; imported only for this format
            from reader.ui.export_pdf import write_pdf

            pdf_writer = write_pdf
        written = export_items(items, fmt=args.format, out=args.out, combined=args.combined, force=args.force,
                               options=options, pdf_writer=pdf_writer)
    except (ReaderError, ValueError) as exc:
        return _fail(str(exc))
    for path in written:
        print(path)
    return 1 if problems else 0
