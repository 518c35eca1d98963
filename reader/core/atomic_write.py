"""Replace a small file in one step: written aside in its folder, flushed to disk, then swapped in.

A failure (a full disk, a crash) leaves the old file whole and no temporary file behind. Each write
has a temp name of its own, so two instances saving at once never write into one file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Make `text` the content of `path` (UTF-8) in one step. Raises OSError."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
