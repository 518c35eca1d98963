"""`news-reader backup [PATH]`: write a copy of the user data now and say where it went."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.core.store.backup import backup_now
from reader.core.store.db import UserDataError
from reader.core.store.integrity import inspect_user_db
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
    found = inspect_user_db(paths.user_db)
    if found.state == "damaged":  # a copy of it would look like a backup and hold the same damage
        print(f"news-reader backup: your user data file {paths.user_db} is damaged ({found.detail}), so no backup "
              "was made. Start News Reader: it keeps the damaged file aside and restores your newest sound backup.",
              file=sys.stderr)  # fmt: skip
        return 1
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
