"""`news-reader restore PATH`: check a backup, keep a safety copy of the current data, then restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.core.store.backup import RestoreFailed, restore
from reader.core.store.db import UserDataError
from reader.paths import resolve_paths

NAME = "restore"
HELP = "replace your user data with a backup file (the current data is kept as a safety copy)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="the backup file to restore")


def run(args: argparse.Namespace) -> int:
    paths = resolve_paths(args.data_dir, args.profile)
    src = Path(args.path).expanduser()
    try:
        safety = restore(paths.user_db, src, safety_dir=paths.backups)
    except RestoreFailed as exc:
        print(f"news-reader restore: {exc}", file=sys.stderr)
        return 1
    except UserDataError as exc:
        print(f"news-reader restore: {exc}\nYour user data was not changed.", file=sys.stderr)
        return 1
    print(f"Restored {src} into {paths.user_db}")
    if safety is not None and ".damaged-" in safety.name:
        print(f"Your damaged user data file was kept as {safety}")
    elif safety is not None:
        print(f"Your data from before the restore is saved in {safety}")
    return 0
