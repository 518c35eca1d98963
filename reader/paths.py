"""Where user data, the library cache and settings live (platformdirs, or one --data-dir)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

APP_NAME = "news-reader"


class Paths(NamedTuple):
    """The three per-user places: precious data, rebuildable cache, settings. (A NamedTuple, not a dataclass:
    `dataclasses` is not imported before the window's first paint.)"""

    data: Path
    cache: Path
    config: Path

    @property
    def user_db(self) -> Path:
        return self.data / "user.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def library_db(self) -> Path:
        return self.cache / "library.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def window_lock(self) -> Path:
        """The lock file of the window that holds this profile (a QLockFile: the owner's process id first)."""
        return self.data / "window.lock"

    def window_open(self) -> bool:
        """Whether a window holds this profile now, reading its cache: its lock file names a live process. When
        that cannot be told (an unreadable lock, a system without POSIX signals), it is taken to be open."""
        try:
            first = self.window_lock.read_text(encoding="ascii", errors="replace").split("\n", 1)[0].strip()
        except FileNotFoundError:
            return False
        except OSError:
            return True
        alive = process_alive(int(first)) if first.isdigit() else None
        return alive is not False  # not a crashed window's stale lock

    def ensure(self) -> Paths:
        for p in (self.data, self.cache, self.config):
            p.mkdir(parents=True, exist_ok=True)
        return self


def process_alive(pid: int) -> bool | None:
    """Whether process `pid` runs (another user's too); None where that cannot be asked (not POSIX: on Windows signal
    0 would be a Ctrl+C sent to the process)."""
    if os.name != "posix":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, another user's
        return True
    return True


def resolve_paths(data_dir: str | Path | None = None, profile: str | None = None) -> Paths:
    """All three places under `data_dir` when given, else the platform's per-user folders."""
    if data_dir is not None:
        root = Path(data_dir).expanduser().resolve()
        if profile:
            root = root / profile
        return Paths(root / "data", root / "cache", root / "config")
    # Imported here: platformdirs brings tempfile, random, bz2 and lzma (10 ms at every start), and a
    # command given --data-dir, or one that only reads resources (`entities --conll`), never asks it.
    import platformdirs

    name = APP_NAME if not profile else f"{APP_NAME}-{profile}"
    return Paths(
        Path(platformdirs.user_data_dir(name, appauthor=False)),
        Path(platformdirs.user_cache_dir(name, appauthor=False)),
        Path(platformdirs.user_config_dir(name, appauthor=False)),
    )


def resources_dir() -> Path:
    """The bundled resources folder (samples, models, keymap).

    In the frozen app (PyInstaller) the resources are unpacked beside the code in `sys._MEIPASS`.
    """
    here = Path(__file__).resolve().parent
    frozen = getattr(sys, "_MEIPASS", None)
    bundled = [Path(frozen) / "resources"] if frozen else []
    for candidate in (*bundled, here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"
