"""`news-reader backup [PATH]`: write a copy of the user data now and say where it went."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.core.store.backup import backup_now
from reader.core.store.db import UserDataError
from reader.paths import resolve_paths

NAME = "backup"
HELP = "copy your user data (bookmarks, notes, highlights) to a backup file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", nargs="?", metavar="PATH",
        help="file to write, or an existing folder to put a dated file in (default: the backups folder)",
    )


def run(args: argparse.Namespace) -> int:
    paths = resolve_paths(args.data_dir, args.profile)
    dest = Path(args.path).expanduser() if args.path else paths.backups
    try:
        if not args.path and paths.user_db.exists():
            dest.mkdir(parents=True, exist_ok=True, mode=0o700)
        written = backup_now(paths.user_db, dest)
    except OSError as exc:
        print(f"news-reader backup: cannot create the backups folder {dest}: {exc}", file=sys.stderr)
        return 1
    except UserDataError as exc:
        print(f"news-reader backup: {exc}", file=sys.stderr)
        return 1
    print(f"Backed up {paths.user_db} to {written}")
    return 0
