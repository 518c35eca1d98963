"""The window's frame, what its first paint shows, and the core objects it is given after that paint.

`build_frame` makes the filter box, the splitters, the docks and the status bar, with the panes in them: a window
built `deferred` (a real start) gets plain Qt stand-ins for the sidebar, the list, the reading pane and the notes
(`first_frame`), and their real widgets after its first paint (`window_panes.build_panes`, called by `open_core`),
so that paint waits for none of the panes' modules; nor for the core's store, session or tagger modules: `open_core`
then opens the session (the user database and its daily backup) and the library cache and hands them to the
widgets that read and write through them (`tests/e2e/test_first_paint_modules.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from reader.ui.features import PANELS
from reader.ui.qt_later import VERTICAL, Qt

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def build_frame(w: MainWindow) -> None:
    """The window's widgets, laid out as the first paint shows them (nothing here reads the user's data)."""
    w.stand_ins = []
    w.filter_box = QLineEdit()
    w.filter_box.setObjectName("filterBox")
    w.filter_box.setPlaceholderText('Search titles and text (/) — "a phrase", word*, -word, source:, is:unread')
    w.filter_box.textChanged.connect(lambda _t: w._filter_timer.start())
    w.filter_box.returnPressed.connect(w.focus_list)
    w._filter_timer = QTimer(w, singleShot=True, interval=150)
    w._filter_timer.timeout.connect(w.apply_view)
    w.list_stack = QStackedWidget()
    left = QWidget()
    lay = QVBoxLayout(left)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(w.filter_box)
    lay.addWidget(w.list_stack)
    w.right = QSplitter()
    w.right.setProperty("orientation", VERTICAL)  # as a property: the setter's enum would build Qt (qt_later)
    w.splitter = QSplitter()  # horizontal
    for side in (left, w.right):
        w.splitter.addWidget(side)
    w.splitter.setStretchFactor(0, 2)
    w.splitter.setStretchFactor(1, 3)
    w.splitter.setSizes([440, 600])
    w.setCentralWidget(w.splitter)
    # the library views sit in a left dock; features stack their panels under it
    w.library_dock = QDockWidget("Library", w)
    w.library_dock.setObjectName("libraryDock")
    w.library_dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
    # the sidebar names its own sections; the empty title bar is kept referenced here, since
    # the dock does not take ownership of it from Python
    w._library_dock_title = QWidget()
    w.library_dock.setTitleBarWidget(w._library_dock_title)
    if w.deferred:
        from reader.ui.first_frame import put_stand_ins

        put_stand_ins(w)  # the real panes come after the first paint
        w.right.setStretchFactor(0, 4)
        w.right.setStretchFactor(1, 1)
    else:
        from reader.ui.window_panes import build_panes

        build_panes(w)
    # The docks are placed by `place_docks`, or by the last session's layout (`window_actions.restore_layout`):
    # `addDockWidget` takes a Qt.DockWidgetArea, and reading one builds all of Qt's enum classes (qt_later).
    w.unplaced = [(w.library_dock, True)]
    for title, object_name, shown_by in PANELS:  # the features fill them: the first paint has their room
        dock = w._new_panel(title, object_name, visible=False, place=False)
        w.unplaced.append((dock, bool(shown_by and w.settings.get(shown_by, True))))
    w.status_label = QLabel()
    w.statusBar().addWidget(w.status_label, 1)
    # the scan's bar, hidden: the status bar is as tall in the first paint as once a scan has shown it
    w.progress_bar()
    w.statusBar().setMinimumHeight(w.statusBar().sizeHint().height())
    w.import_progress.hide()  # type: ignore[union-attr]


def place_docks(w: MainWindow) -> None:
    """Put the docks not placed yet in the left column: the library views, the panels under them."""
    for dock, visible in w.unplaced:
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        if dock is not w.library_dock:
            w.splitDockWidget(w.library_dock, dock, Qt.Orientation.Vertical)
            dock.setVisible(visible)
    w.unplaced = []


def open_core(w: MainWindow, *, deferred: bool) -> None:
    """Open the session (the user database; it makes the daily backup) and the library cache (`deferred`: its file
    is opened on first use), and give them to the list, the notes panel and the reading positions.

    Raises `ReaderError` when the user database cannot be opened (nothing is touched then)."""
    from reader.core.session import Session
    from reader.core.store.library import Library
    from reader.ui.operations import Operations
    from reader.ui.reading_position import ReadingPositions

    w.session = Session(w.paths.user_db, backups_dir=w.paths.backups)
    w.store = w.session.store  # reads only
    w.library = Library(w.paths.library_db, user_db=w.paths.user_db, deferred=deferred)
    w.operations = Operations(w.session, w)
    w.operations.changes_applied.connect(w._on_changes)
    w.operations.failed.connect(w.show_write_error)
    w.operations.refused.connect(lambda message: w.show_message(message, 5000))
    w.sidebar.settle_sections()
    w.model.attach(w.library)
    w.list_view.setModel(w.model)
    w.list_view.selectionModel().currentRowChanged.connect(w._on_current_row)
    w.notes_panel.attach(w.operations)
    w.reading_positions = ReadingPositions(w.reading_pane, w.session, w.operations)
