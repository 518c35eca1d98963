"""The recovery file: notes the database refused (a full disk...), kept beside the profile until saved.

`<data dir>/unsaved-notes.json` holds, for each article, the text the user typed, the file path and
the note version the editor had loaded. It is rewritten atomically whenever the set changes and
deleted once every note is saved; the next start puts the notes back.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from reader.core.atomic_write import write_atomic

log = logging.getLogger(__name__)

FILE_NAME = "unsaved-notes.json"
MAX_BYTES = 64 * 1024 * 1024  # far above any note a person types; a bigger file is not ours


@dataclass(frozen=True)
class UnsavedNote:
    """A typed note not in the database yet: its text, the article's path and the version it replaces."""

    article_id: str
    text: str
    path: str = ""
    expected: str | None = None


def recovery_path(user_db: Path) -> Path:
    """The recovery file for the user database at `user_db` (the same data folder)."""
    return Path(user_db).parent / FILE_NAME


def write_unsaved(path: Path, notes: list[UnsavedNote]) -> None:
    """Replace the file with `notes` in one step (deleted when there are none); OSError when it cannot."""
    if not notes:
        path.unlink(missing_ok=True)
        return
    data = {"version": 1, "notes": [asdict(n) for n in notes]}
    write_atomic(path, json.dumps(data, ensure_ascii=True))


def read_unsaved(path: Path) -> list[UnsavedNote]:
    """The notes in the file ([] when there is none). A damaged file is moved aside, never deleted."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError("too big")
        data = json.loads(path.read_text(encoding="utf-8"))
        notes = [
            UnsavedNote(str(n["article_id"]), str(n["text"]), str(n.get("path") or ""),
                        None if n.get("expected") is None else str(n["expected"]))  # fmt: skip
            for n in data["notes"]
        ]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        log.warning("the recovery file %s cannot be read (%s); it is kept as %s.damaged", path, exc, path.name)
        try:
            os.replace(path, path.with_name(path.name + ".damaged"))
        except OSError:
            pass
        return []
    return [n for n in notes if n.article_id]
