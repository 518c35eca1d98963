"""A first start (no layout saved yet) has its docks where a window placing and sizing them as new puts them, from a
state saved once (`first_layout.STATE`), so its first paint needs none of Qt's enum classes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDockWidget

import reader.ui.first_layout as first_layout
from reader.paths import resolve_paths
from reader.settings import Settings
from reader.ui.main_window import MainWindow


def first_start(qtbot, data_dir: Path) -> tuple[MainWindow, dict[str, object]]:
    """A deferred window (as a real start builds it) on a new profile, shown at the state's size: its docks."""
    paths = resolve_paths(data_dir).ensure()
    w = MainWindow(paths, Settings(paths.settings_file), samples=False, deferred=True)
    qtbot.addWidget(w)
    w.resize(*first_layout.SIZE)
    w.show()
    qtbot.waitExposed(w)
    for _ in range(5):  # the docks are sized as new in a turn of the event loop after the show
        QApplication.processEvents()
    docks: dict[str, object] = {d.objectName(): (d.geometry().getRect(), d.isVisible())
                                for d in w.findChildren(QDockWidget)}  # fmt: skip
    docks["central"] = w.centralWidget().geometry().getRect()
    return w, docks


def test_a_first_start_shows_the_docks_as_new_ones(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    w, docks = first_start(qtbot, tmp_path / "first")
    assert w.first_layout_size == first_layout.SIZE  # placed from the state
    monkeypatch.setattr(first_layout, "DOCKS", ())  # no state for these docks: placed and sized as new
    new, as_new = first_start(qtbot, tmp_path / "as new")
    assert new.first_layout_size is None
    assert docks == as_new, "placed otherwise as new now: run scripts/make_first_layout.py"


def test_docks_the_state_does_not_know_are_placed_as_new(qtbot, tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    settings = Settings(paths.settings_file)
    settings.set("entity_panel_visible", False)  # the Entities panel hidden: not the state's docks
    w = MainWindow(paths, settings, samples=False, deferred=True)
    qtbot.addWidget(w)
    assert w.first_layout_size is None and w.unplaced == []
    w.resize(*first_layout.SIZE)
    w.show()
    qtbot.waitExposed(w)
    assert w.findChild(QDockWidget, "entityDock").isHidden()
    assert not w.library_dock.isHidden()
