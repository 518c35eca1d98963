"""`news-reader import-annotations FILE.json`: merge exported W3C Web Annotations back into your notes."""

from __future__ import annotations

import argparse
import sys

from reader.core.errors import ReaderError
from reader.core.export import import_annotation_file
from reader.paths import resolve_paths

NAME = "import-annotations"
HELP = "merge highlights, notes and bookmarks from a W3C Web Annotation JSON export (newest wins)"
PROG = "news-reader import-annotations"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE.json", help="files written by `news-reader export -f json`")


def run(args: argparse.Namespace) -> int:
    from reader.core.session import Session
    from reader.core.session.importing import SessionImportTarget

    paths = resolve_paths(args.data_dir, args.profile).ensure()
    status = 0
    try:
        with Session(paths.user_db, backups_dir=paths.backups) as session:  # every write through the session
            if session.notice:  # recovered from a backup, or read-only: say so before anything else
                print(f"news-reader: {session.notice}", file=sys.stderr)
            for file in args.files:
                try:
                    report = import_annotation_file(file, SessionImportTarget(session))
                except ReaderError as exc:
                    print(f"{PROG}: {exc}", file=sys.stderr)
                    status = 1
                    continue
                print(f"{file}: {report.summary()}")
                for reason in report.skipped:
                    print(f"{PROG}: skipped {reason}", file=sys.stderr)
    except ReaderError as exc:  # the user database itself cannot be opened
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    return status
