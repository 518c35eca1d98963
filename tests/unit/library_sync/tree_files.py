"""Library folders the rescan and watcher tests write: small article files, dated long ago so no poll
takes them for files still being written."""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

_clock = itertools.count()


def write(path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\nA short paragraph of our own about the harbour.\n", encoding="utf-8")
    return path


def settle(*paths: Path) -> None:
    """These files and folders written long ago, a different time each call (so a folder's mtime is seen to
    move): not racy. A link's own time is set, not its target's."""
    when = time.time() - 10_000 + next(_clock)
    for path in paths:
        os.utime(path, (when, when), follow_symlinks=False)


def settle_tree(root: Path) -> None:
    settle(*(Path(d) / n for d, dirs, files in os.walk(root) for n in [*files, *dirs]), root)
