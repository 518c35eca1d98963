"""The window's panes: the sidebar, the article list (and the problems view beside it), the reading pane and the notes.

A window built `deferred` paints plain stand-ins first (`first_frame.put_stand_ins`); `build_panes` imports the panes'
modules, builds them and puts each in its stand-in's place, keeping every size the frame had (the splitters' sizes,
the docks' room, the left column's layout), then lets go of the stand-ins. A window not deferred gets them at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from reader.ui import window_actions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reader.ui.main_window import MainWindow


def build_panes(w: MainWindow) -> None:
    """Build the panes and put them in the frame, in place of their stand-ins when it has them."""
    from reader.ui.article_list import ArticleListModel, ArticleListView
    from reader.ui.caret_browsing import CaretBrowsing
    from reader.ui.notes_panel import NotesPanel
    from reader.ui.problems_view import ProblemsView
    from reader.ui.reading_pane import ReadingPane
    from reader.ui.sidebar import Sidebar
    from reader.ui.themes import frame_views

    app = QApplication.instance()
    if isinstance(app, QApplication):  # the panes are polished once, with the focus frames the first paint went without
        frame_views(app)
    w.sidebar = Sidebar(sections_later=True)  # settled by `open_core`
    w.sidebar.view_requested.connect(w.set_view)
    w.sidebar.remove_folder_requested.connect(lambda folder: window_actions.remove_folder(w, folder))
    w.sidebar.add_folder_requested.connect(w.add_folder_dialog)
    w.model = ArticleListModel(None, w, counted=w.show_list_count)  # the library comes with `open_core`
    w.list_view = ArticleListView()
    w.list_view.show_header(w.model.header_labels())  # the model is set with `open_core`
    w.problems_view = ProblemsView()
    w.reading_pane = ReadingPane()
    w.reading_pane.set_font_size(int(w.settings.get("reading_font_size")))
    w.reading_pane.set_line_chars(int(w.settings.get("reading_line_chars")))
    w.notes_panel = NotesPanel()  # its session comes with `open_core`
    w.notes_panel.notice.connect(lambda text: w.show_message(text, 20000))  # recovered notes
    stand_ins = w.stand_ins
    w.stand_ins = []
    w.library_dock.setWidget(w.sidebar)
    w.list_stack.addWidget(w.list_view)
    w.list_stack.addWidget(w.problems_view)
    w.list_stack.setCurrentWidget(w.list_view)
    for index, pane in enumerate((w.reading_pane, w.notes_panel)):
        if index < w.right.count():
            w.right.replaceWidget(index, pane)  # its sizes stay the splitter's
        else:
            w.right.addWidget(pane)
    # a splitter keeps a widget's stretch in the widget's own size policy: the new panes are told again
    w.right.setStretchFactor(0, 4)
    w.right.setStretchFactor(1, 1)
    if stand_ins:
        _show_in_place(w, stand_ins)
    w.caret = CaretBrowsing(w.reading_pane)
    w.filter_box.setClearButtonEnabled(True)
    w.setTabOrder(w.filter_box, w.list_view)
    w.setTabOrder(w.list_view, w.reading_pane)
    w.setTabOrder(w.reading_pane, w.notes_panel.editor)
    w.panes_built = True


def _show_in_place(w: MainWindow, stand_ins: list[QWidget]) -> None:
    """The panes replace shown stand-ins: shown themselves (a dock shows a widget only when set before it is), and
    the stand-ins let go of (their parents no longer hold them: deleted once the event loop comes back)."""
    if w.library_dock.isVisible():
        w.sidebar.show()
    for stand_in in stand_ins:
        stand_in.hide()
        stand_in.setParent(None)  # type: ignore[call-overload]
        stand_in.deleteLater()
