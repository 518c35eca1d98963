"""The README's first-run path: start on the samples, switch views, add a folder with Ctrl+O (issue 10 item 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.paths import resolve_paths
from reader.settings import Settings

LIBRARY_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "library"


def test_a_folder_added_after_a_view_switch_replaces_the_samples(qtbot, tmp_path: Path) -> None:
    from reader.ui.main_window import MainWindow

    paths = resolve_paths(tmp_path / "data").ensure()
    w = MainWindow(paths, Settings(paths.settings_file), samples=True)
    qtbot.addWidget(w)
    w.show()
    w.rescan(wait=True)
    samples = len(w.model.ids)
    assert samples > 4 and w.showing_samples()
    w.registry.run("view unread")  # Ctrl+2, then Ctrl+1: the list's query ran once in another view
    w.registry.run("view all")
    folder = tmp_path / "articles"
    shutil.copytree(LIBRARY_FIXTURES, folder)
    w.add_folder(str(folder))  # what Ctrl+O does once the folder is chosen
    qtbot.waitUntil(lambda: w.worker is not None and not w.worker.isRunning(), timeout=30000)
    qtbot.waitUntil(lambda: len(w.model.ids) == 4, timeout=10000)
    assert w.library.count() == 4
    shown = {w.library.article(i).path for i in w.model.ids}
    assert shown == {str(p) for p in folder.iterdir()}
