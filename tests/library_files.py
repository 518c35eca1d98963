"""Library folders and profiles the rescan, watcher and start-up tests build: small article files dated long
ago (so no poll takes them for files still being written), a spy on which folders get listed, and a data
folder whose library already holds a folder."""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path
from types import ModuleType

import pytest

from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library
from reader.core.store.user_data import UserStore
from reader.paths import Paths, resolve_paths

_clock = itertools.count()
BODY = "A short paragraph of our own about the harbour."


def write(path: Path, title: str, body: str = BODY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


NEWS = {"a.txt": "Harbour opens", "b.md": "# Budget passes", "2024/c.txt": "Rain in May",
        "2024/may/d.txt": "Ferry strike ends"}  # fmt: skip


def write_tree(root: Path, titles: dict[str, str]) -> Path:
    """An article file under `root` for each relative path, with its title; `root`."""
    for relative, title in titles.items():
        write(root / relative, title)
    return root


def settle(*paths: Path) -> None:
    """These files and folders written long ago, a different time each call (so a folder's mtime is seen to
    move): not racy. A link's own time is set, not its target's."""
    when = time.time() - 10_000 + next(_clock)
    for path in paths:
        os.utime(path, (when, when), follow_symlinks=False)


def settle_tree(root: Path) -> None:
    settle(*(Path(d) / n for d, dirs, files in os.walk(root) for n in [*files, *dirs]), root)


def count_listings(monkeypatch: pytest.MonkeyPatch, *modules: ModuleType) -> list[str]:
    """The folders listed through each module's `list_folder`, in order."""
    seen: list[str] = []
    for module in modules:
        real = module.list_folder

        def counting(folder: str, real=real) -> list[object]:  # type: ignore[no-untyped-def]
            seen.append(folder)
            return real(folder)  # type: ignore[no-any-return]

        monkeypatch.setattr(module, "list_folder", counting)
    return seen


def tagged_profile(data_dir: Path, folder: Path) -> Paths:
    """A data folder whose library holds `folder`, imported and counted as tagged, as after a finished import."""
    paths = resolve_paths(data_dir).ensure()
    with UserStore(paths.user_db) as store:
        store.add_folder(str(folder))
    lib = Library(paths.library_db)
    LibrarySync(lib, tag=False).scan([folder])
    for article_id in lib.untagged_ids(100):
        lib.mark_tagged(article_id)
    lib.close()
    return paths
