"""A real start paints plain stand-ins in the panes' places, and the real panes take them over after that paint at
the same rectangles; keys typed before the panes exist act on them once they do."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from reader.paths import Paths
from reader.settings import Settings
from reader.ui import window_panes
from reader.ui.main_window import MainWindow
from reader.ui.startup import start_after_first_paint
from reader.ui.themes import FRAMES_LATER, apply_theme, focus_style_sheet
from tests.gui.test_start_frame import FirstPaintSeen
from tests.library_files import NEWS, tagged_profile, write_tree

WAIT = 30_000


def rect_in(w: MainWindow, widget: QWidget) -> QRect:
    """Where `widget` is in the window, as the user sees it."""
    return QRect(widget.mapTo(w, QPoint(0, 0)), widget.size())


def places(w: MainWindow) -> dict[str, object]:
    """The rectangles of the sidebar, the list (and its header), the reading pane, the notes panel and its editor, and
    the header's text: the stand-ins' before `build_panes`, the panes' after."""
    if w.panes_built:
        sidebar, rows, pane, notes = w.sidebar, w.list_view, w.reading_pane, w.notes_panel
        editor = w.notes_panel.editor
    else:
        sidebar, rows, pane, notes = w.stand_ins
        editor = notes.findChild(QWidget, "noteEditor")
    header = rows.horizontalHeader()  # type: ignore[attr-defined]
    shown = next(c for c in range(header.count()) if not header.isSectionHidden(c))
    return {"sidebar": rect_in(w, sidebar), "list": rect_in(w, rows), "header": rect_in(w, header),
            "header text": header.model().headerData(shown, Qt.Orientation.Horizontal),
            "pane": rect_in(w, pane), "notes": rect_in(w, notes), "note editor": rect_in(w, editor),
            "status bar": rect_in(w, w.statusBar())}  # fmt: skip


def first_paint(window: MainWindow) -> dict[str, object]:
    """The places at the first paint, and whether the real panes were there."""
    return {**places(window), "panes": window.panes_built}


def start(qtbot, paths: Paths) -> MainWindow:
    """As `run_app` starts the window: built deferred, put back as it was left (or at a new window's size), shown."""
    w = MainWindow(paths, Settings(paths.settings_file), samples=False, deferred=True)
    qtbot.addWidget(w)
    start_after_first_paint(w)
    if not w.layout_restored:
        w.resize(1000, 700)
    return w


def settled(qtbot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: w.held_keys is None and w.worker is not None and w.worker.isFinished(), timeout=WAIT)
    QApplication.processEvents()


@pytest.mark.parametrize("saved_layout", [False, True], ids=["first start", "the last session's layout"])
def test_the_panes_take_the_stand_ins_places_without_moving_anything(qtbot, tmp_path: Path, monkeypatch,
                                                                      saved_layout: bool) -> None:  # fmt: skip
    paths = tagged_profile(tmp_path / "data", write_tree(tmp_path / "news", NEWS))
    if saved_layout:
        w = start(qtbot, paths)
        w.show()
        settled(qtbot, w)
        # the offscreen screen is 800 wide: with the entity panel the window could not be narrower than that
        w.findChild(QDockWidget, "entityDock").hide()
        w.resize(780, 560)
        QApplication.processEvents()
        w.splitter.setSizes(w.splitter.sizes())  # as a user's drag leaves it: the sizes it shows are the ones saved
        w.close()
    before: dict[str, object] = {}
    swapped: dict[str, object] = {}
    build = window_panes.build_panes

    def build_and_look(window: MainWindow) -> None:
        before.update(places(window))  # the stand-ins, as last painted
        build(window)
        QApplication.processEvents()  # laid out, as the next paint shows them (before the features fill the panels)
        swapped.update(places(window))

    monkeypatch.setattr(window_panes, "build_panes", build_and_look)
    w = start(qtbot, paths)
    first = FirstPaintSeen(w, first_paint)
    w.show()
    qtbot.waitUntil(lambda: bool(first.seen), timeout=WAIT)
    settled(qtbot, w)
    painted = dict(first.seen)
    assert painted.pop("panes") is False  # the first paint was the stand-ins'
    assert w.panes_built and w.stand_ins == []
    assert swapped == before  # the panes came in at the same rectangles, the header with the same words
    assert swapped["header text"] == "Newest first  ▾"
    pane = swapped["pane"]
    assert isinstance(pane, QRect) and pane.width() > 200 and pane.height() > 300
    if saved_layout:  # nothing moved from the first paint to the complete window (a first start's docks are sized
        # after that paint, and its left column widens to the entity panel's buttons once filled, as before the
        # stand-ins; the notes panel's own split between the note and the highlights moves after the last article is
        # shown on this narrow offscreen screen, with or without stand-ins)
        assert painted == before
        assert {k: v for k, v in places(w).items() if k != "note editor"} == {
            k: v for k, v in painted.items() if k != "note editor"}


def test_keys_typed_before_the_panes_exist_act_on_them(qtbot, tmp_path: Path) -> None:
    paths = tagged_profile(tmp_path / "data", write_tree(tmp_path / "news", NEWS))
    w = start(qtbot, paths)
    w.show()
    settled(qtbot, w)
    first_id = w.model.ids[0]
    w.select_article(first_id)
    second_title = w.library.article(w.model.ids[1]).title  # type: ignore[union-attr]
    w.close()

    w = start(qtbot, paths)
    w.show()
    qtbot.keyClick(w, Qt.Key.Key_J)  # the next article: typed before the list exists
    assert not w.panes_built and w.held_keys is not None and len(w.held_keys.held) == 1
    settled(qtbot, w)
    assert w.current_id == w.model.ids[1]  # back at the last article, then one down the list
    assert w.reading_pane.article is not None and w.reading_pane.article.title == second_title
    assert w.list_view.currentIndex().row() == 1
    assert w.windowTitle() == f"{second_title} — News Reader"
    w.close()


def test_the_focus_frames_come_with_the_panes_and_the_theme_is_unchanged(qtbot, tmp_path: Path) -> None:
    """The first paint goes without the focus style sheet (Qt would polish every widget of the frame through it); the
    panes are built with it, the theme's own, so the complete window frames the focused list as before."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = tagged_profile(tmp_path / "data", write_tree(tmp_path / "news", NEWS))
    apply_theme(app, "dark", frames=False)
    try:
        w = start(qtbot, paths)
        sheet = FirstPaintSeen(w, lambda _w: {"sheet": app.styleSheet()})
        w.show()
        qtbot.waitUntil(lambda: bool(sheet.seen), timeout=WAIT)
        settled(qtbot, w)
        assert sheet.seen == {"sheet": ""}
        assert app.styleSheet() == focus_style_sheet("dark")
        assert not app.property(FRAMES_LATER)
        w.list_view.setFocus()
        QApplication.processEvents()
        assert "QAbstractItemView:focus" in app.styleSheet() and w.list_view.hasFocus()
    finally:
        apply_theme(app, "light")
