"""GUI fixtures: a window over a copy of the fixture library, in a fresh data dir."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.paths import resolve_paths
from reader.settings import Settings

LIBRARY_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"


@pytest.fixture
def article_folder(tmp_path: Path) -> Path:
    dest = tmp_path / "articles"
    shutil.copytree(LIBRARY_FIXTURES, dest)
    return dest


@pytest.fixture
def make_window(qtbot, data_dir: Path, article_folder: Path) -> Iterator[Callable]:
    """Build a MainWindow on the same data dir each call, with the fixture folder in the library."""
    from reader.core.store.user_data import UserStore
    from reader.ui.main_window import MainWindow

    paths = resolve_paths(data_dir).ensure()
    with UserStore(paths.user_db) as store:
        if str(article_folder) not in store.folders():
            store.add_folder(str(article_folder))
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow(paths, Settings(paths.settings_file), samples=False)
        qtbot.addWidget(w)
        w.resize(1200, 760)
        w.show()
        qtbot.waitExposed(w)
        w.windowHandle().requestActivate()  # offscreen windows are not activated by show()
        qtbot.waitUntil(w.isActiveWindow)
        w.rescan(wait=True)
        windows.append(w)
        return w

    yield make
