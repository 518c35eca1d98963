"""The window's frame paints first, as the last session left it; its commands and features come in the turns
after, and a key typed meanwhile is handled once they are there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from reader.core.store.user_data import UserStore
from reader.paths import Paths
from reader.settings import Settings
from reader.ui.main_window import MainWindow
from reader.ui.startup import start_after_first_paint
from tests.library_files import NEWS, tagged_profile, write_tree

WAIT = 30_000


class FirstPaintSeen(QObject):
    """What the user sees in the window's first paint: `take(window)` at its first paint event (`frame_of` unless
    told)."""

    def __init__(self, window: MainWindow, take: Callable[[MainWindow], dict[str, object]] | None = None) -> None:
        super().__init__()
        self.window = window
        self.take = take or frame_of
        self.seen: dict[str, object] = {}
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.window and event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = self.take(self.window)
        return False


def frame_of(w: MainWindow) -> dict[str, object]:
    docks = {d.objectName(): (d.isVisible(), d.windowTitle()) for d in w.findChildren(QDockWidget)}
    return {"title": w.windowTitle(), "size": w.size(), "splitter": w.splitter.sizes(), "right": w.right.sizes(),
            "left column": w.library_dock.width(), "docks": docks, "complete": w.complete,
            "menus": [a.text() for a in w.menuBar().actions()]}  # fmt: skip


def start(qtbot, paths: Paths) -> MainWindow:
    """As `run_app` starts the window: built deferred, put back as it was left, shown."""
    w = MainWindow(paths, Settings(paths.settings_file), samples=False, deferred=True)
    qtbot.addWidget(w)
    start_after_first_paint(w)
    if not w.restore_layout():
        w.resize(1000, 700)
    return w


def settled(qtbot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: w.held_keys is None and w.worker is not None and w.worker.isFinished(), timeout=WAIT)
    QApplication.processEvents()


def test_the_first_paint_is_the_last_sessions_frame_and_nothing_moves_after(qtbot, tmp_path: Path) -> None:
    paths = tagged_profile(tmp_path / "data", write_tree(tmp_path / "news", NEWS))
    w = start(qtbot, paths)
    w.show()
    settled(qtbot, w)
    # the offscreen screen is 800 wide: with the entity panel the window could not be narrower than that
    w.findChild(QDockWidget, "entityDock").hide()
    w.findChild(QDockWidget, "savedSearchesDock").show()
    w.resize(780, 560)
    w.splitter.setSizes([250, sum(w.splitter.sizes()) - 250])
    QApplication.processEvents()
    w.splitter.setSizes(w.splitter.sizes())  # as a user's drag leaves it: the sizes it shows are the ones saved
    w.select_article(w.model.ids[0])
    left = frame_of(w)
    w.close()

    w = start(qtbot, paths)
    first = FirstPaintSeen(w)
    w.show()
    qtbot.waitUntil(lambda: bool(first.seen), timeout=WAIT)
    settled(qtbot, w)
    painted, done = first.seen, frame_of(w)
    assert painted["complete"] is False  # the frame alone was painted: the features came after
    assert painted["title"] == "News Reader"
    assert painted["size"] == QSize(780, 560) == left["size"] == done["size"]
    assert painted["splitter"] == left["splitter"] == done["splitter"]
    assert left["splitter"][0] in range(240, 260)  # type: ignore[index]  # where the user left it, not the default
    assert painted["right"] == left["right"] == done["right"]
    assert painted["left column"] == left["left column"] == done["left column"]
    assert painted["menus"] == done["menus"] == ["&File", "&Edit", "&Go", "&Article", "&Entities", "&View", "&Help"]
    assert painted["docks"] == done["docks"] == left["docks"]  # the panels' room was there, named and sized
    assert done["docks"]["entityDock"] == (False, "Entities")
    assert done["docks"]["savedSearchesDock"] == (True, "Saved Searches")
    assert done["title"] == f"{left['title']}"  # back at the last article
    w.close()


def test_a_key_typed_right_after_start_is_handled_once_the_window_is_complete(qtbot, tmp_path: Path) -> None:
    paths = tagged_profile(tmp_path / "data", write_tree(tmp_path / "news", NEWS))
    w = start(qtbot, paths)
    w.show()
    settled(qtbot, w)
    budget = next(i for i in w.model.ids if w.library.article(i).title == "Budget passes")  # type: ignore[union-attr]
    w.select_article(budget)
    w.close()

    w = start(qtbot, paths)
    w.show()
    qtbot.keyClick(w, Qt.Key.Key_B)  # bookmark: typed before the first paint, with no command yet to run it
    assert w.held_keys is not None and len(w.held_keys.held) == 1
    assert not w.core_open  # the session is opened after the first paint: the key waits for it too
    with UserStore(paths.user_db) as store:
        assert not store.is_bookmarked(budget)
    settled(qtbot, w)
    assert w.current_id == budget  # the window went back to the last article, then the key was handled
    assert w.store.is_bookmarked(budget)
    assert w.windowTitle() == "★ Budget passes — News Reader"
    qtbot.keyClick(w.list_view, Qt.Key.Key_B)  # from now on keys are not held: B takes the bookmark off
    assert not w.store.is_bookmarked(budget)
    w.close()
