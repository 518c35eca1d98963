"""The main window: sidebar, article list, reading pane and notes, wired through commands.

It is also the `FeatureContext` the features (annotations, entities) attach to.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QDockWidget, QSplitter, QWidget

from reader.ui import window_actions, window_frame
from reader.ui.held_keys import HeldKeys
from reader.ui.library_views import LibraryViews
from reader.ui.qt_later import Qt
from reader.ui.themes import apply_theme, current_theme

if TYPE_CHECKING:  # the panes', commands' and core's modules are imported after the first paint (`finish_building`)
    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QAction, QCloseEvent, QShowEvent

    from reader.core.article import Article
    from reader.core.session import Changes, Session
    from reader.paths import Paths
    from reader.settings import Settings
    from reader.ui.caret_browsing import CaretBrowsing
    from reader.ui.commands import CommandRegistry
    from reader.ui.idle_release import IdleRelease

MENUS = ("&File", "&Edit", "&Go", "&Article", "&Entities", "&View", "&Help")  # the menu bar's titles, in order


class MainWindow(LibraryViews):
    """Composes the panes; all behaviour is in commands, the session (through operations) and the core.

    Features (entities, annotations, export) attach themselves in `reader.ui.features` with this
    window as their `FeatureContext`: they add commands and panels and draw their layers of the
    reading pane on `article_shown` and on `operations.changes_applied`.
    """

    article_shown = Signal(object)  # Article, after it is rendered and before the user sees it
    session: Session  # with the store and the library, opened by `open_core` (after the first paint when deferred)
    right: QSplitter
    splitter: QSplitter
    library_dock: QDockWidget
    unplaced: list[tuple[QDockWidget, bool]]  # docks made, not placed yet, and whether each is shown then
    _library_dock_title: QWidget
    undo_action: QAction
    redo_action: QAction
    idle_release: IdleRelease  # made with the commands (`finish_building`)
    registry: CommandRegistry  # made with the commands (`finish_building`)
    caret: CaretBrowsing  # made with the panes (`window_panes.build_panes`)
    stand_ins: list[QWidget]  # what the first paint shows in the panes' places until they are built (`first_frame`)

    def __init__(self, paths: Paths, settings: Settings, *, files: list[str] | None = None,
                 samples: bool = True, deferred: bool = False) -> None:  # fmt: skip
        """`deferred`: only the frame is built; the session and the cache are opened by `finish_building()` (the
        list filled by `open_library()`), after the first paint. Otherwise a `ReaderError` says the user database
        cannot be opened."""
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.deferred = deferred
        self.core_open = False  # the session, the store and the library are there (`open_core`)
        self.session_files = [str(Path(f).resolve()) for f in files or [] if Path(f).is_file()]
        self.session_folders = [str(Path(f).resolve()) for f in files or [] if Path(f).is_dir()]
        self.samples_allowed = samples
        self.view_kind, self.view_value = "view", "all"
        self.current_id: str | None = None
        self.worker = None
        self.closed = False  # results of a scan still queued when the window closed are dropped
        self.data_error: str | None = None  # the user database could not be opened: why (see `startup`)
        self._scan_again = False
        self._panels: list[QDockWidget] = []
        self.layout_restored = False
        self.first_layout_size: tuple[int, int] | None = None  # docks sized for this window size (`first_layout`)
        self.setWindowTitle("News Reader")
        self.opening_marks_read = True  # False while the last article is put back at start: not a user open
        self.panes_built = False  # the sidebar, list, reading pane and notes (not their stand-ins: `build_panes`)
        window_frame.build_frame(self)
        # read marks change with every j: count unread articles once the keys stop, not per key
        self.unread_counts_timer = QTimer(self, singleShot=True, interval=300)
        self.unread_counts_timer.timeout.connect(self.refresh_unread_counts)
        # the menu titles are there at the first paint: a menu bar added later would push the panes down
        self.menus = {title: self.menuBar().addMenu(title) for title in MENUS}
        self.features: list[object] = []
        self.complete = False  # the commands, menus and features are built (`finish_building`)
        self.held_keys: HeldKeys | None = None
        if deferred:  # the frame paints first; keys typed meanwhile wait for the commands
            self.held_keys = HeldKeys(self)
            self.restore_layout()  # the docks where the last session left them (or placed as new)
        else:
            window_frame.place_docks(self)
            self.finish_building()
            self.open_library()

    def open_core(self) -> None:
        """The panes in place of their stand-ins, then the session, its store and the library (see
        `window_frame.open_core`); once. Raises `ReaderError`."""
        self.build_panes()
        if not self.core_open:
            window_frame.open_core(self, deferred=self.deferred)
            self.core_open = True

    def build_panes(self) -> None:
        """The sidebar, the list, the reading pane and the notes in their stand-ins' places (`window_panes`); once."""
        if not self.panes_built:
            from reader.ui.window_panes import build_panes

            build_panes(self)

    def finish_building(self) -> None:
        """The session and the cache, then the window's commands, menus, features and preferences: after the first
        paint when the window was built `deferred`, so the frame shows without their modules (the keys typed
        meanwhile: `release_keys`). Raises `ReaderError` when the user database cannot be opened."""
        self.open_core()
        if not self.complete:
            from reader.ui.commands import CommandRegistry, load_keymap
            from reader.ui.window_commands import complete_window

            self.registry = CommandRegistry(self, load_keymap(self.paths.config / "keymap.json"))
            complete_window(self)
            self.complete = True
            QTimer.singleShot(0, self.registry.announce_keymap_warnings)  # a broken keymap.json is said

    def release_keys(self) -> None:
        """Handle the keys typed while the window was being completed (none once it is: they are not held)."""
        self.finish_building()
        if self.held_keys is not None and not self.closed:
            held, self.held_keys = self.held_keys, None
            held.release()

    # --- layout ----------------------------------------------------------------------------

    # --- the feature context ---------------------------------------------------------------

    def current_article(self) -> Article | None:
        return self.reading_pane.article

    def show_message(self, text: str, ms: int = 3000) -> None:
        self.statusBar().showMessage(text, ms)

    def dialog_parent(self) -> QWidget:
        return self

    def add_panel(self, title: str, widget: QWidget, object_name: str, *, visible: bool = True) -> QDockWidget:
        """A dock in the left column, under the library views. A panel named in `features.PANELS` fills the dock
        the frame made for it, shown or hidden as the frame (and the last session's layout) left it."""
        dock = next((d for d in self._panels if d.objectName() == object_name), None)
        if dock is None:
            dock = self._new_panel(title, object_name, visible=visible)
        dock.setWindowTitle(title)
        dock.setWidget(widget)
        return dock

    def _new_panel(self, title: str, object_name: str, *, visible: bool, place: bool = True) -> QDockWidget:
        dock = window_actions.new_panel(self, title, object_name, visible=visible, place=place)
        self._panels.append(dock)
        return dock

    def show_list_filter(self, text: str) -> None:
        """Every article matching `text` (e.g. entity:"Name"), in the All view, with the keys on the list."""
        if self.view_kind != "view" or self.view_value != "all":
            self.sidebar.select_view("all")
        self.filter_box.setText(text)
        self.apply_view(keep_current=True)
        self.list_view.setFocus()

    def listed_ids(self) -> list[str]:
        return list(self.model.ids)

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows of the list, in list order."""
        rows = sorted({i.row() for i in self.list_view.selectionModel().selectedRows()})
        return [self.model.ids[r] for r in rows if r < len(self.model.ids)]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self._size_docks)

    def _size_docks(self) -> None:
        """The left column: library views above, the features' panels below (most of the height); not over the
        last session's layout (its panels' room was painted first, and their widgets arrive after), nor over a first
        start's docks placed from `first_layout.STATE` at the size it holds them for."""
        if self.layout_restored or self.first_layout_size == (self.width(), self.height()):
            return
        self.resizeDocks([self.library_dock], [235], Qt.Orientation.Horizontal)
        if self._panels:
            rest = max(300, self.height() - 330) // len(self._panels)
            self.resizeDocks([self.library_dock, *self._panels], [230] + [rest] * len(self._panels),
                             Qt.Orientation.Vertical)  # fmt: skip

    # --- the current article ---------------------------------------------------------------

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        from reader.ui.article_list import ArticleIdRole

        article_id = current.data(ArticleIdRole) if current.isValid() else None
        if article_id and article_id != self.current_id:
            self.show_article(article_id, mark_read=self.opening_marks_read)

    def show_article(self, article_id: str, *, mark_read: bool = True) -> None:
        article = self.library.article(article_id)
        if article is None:
            self.reading_pane.show_placeholder("This article is no longer in the library.")
            return
        if self.current_id and self.current_id != article_id:
            self.reading_positions.save(self.current_id)
        self.current_id = article_id
        self.notes_panel.set_article(article_id, article.path)
        self.reading_pane.show_article(article)
        self.article_shown.emit(article)
        self.reading_positions.restore(article_id)
        if mark_read:  # reading is not an act to undo; the r key's toggle is
            self.operations.run(lambda: self.session.mark_read([article_id], True, undoable=False))
        self._update_window_title(article.title)

    def redecorate(self) -> None:
        """Render the current article again (a new theme) so every feature draws its layers again."""
        article = self.reading_pane.article
        if article is not None:
            bar = self.reading_pane.verticalScrollBar()
            where = bar.value()
            self.reading_pane.show_article(article)
            self.article_shown.emit(article)
            bar.setValue(where)

    def _update_window_title(self, title: str) -> None:
        mark = "★ " if self.current_id and self.store.is_bookmarked(self.current_id) else ""
        self.setWindowTitle(f"{mark}{title} — News Reader")

    # --- commands --------------------------------------------------------------------------

    def move_selection(self, step: int) -> None:
        if not self.model.ids:
            return
        current = self.list_view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self.select_row(max(0, min(row, len(self.model.ids) - 1)))

    def page(self, direction: int) -> None:
        if not self.reading_pane.page(direction) and direction > 0:
            self.move_selection(1)

    def focus_list(self) -> None:
        self.list_view.setFocus()
        if not self.list_view.currentIndex().isValid():
            self.select_row(0)

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def focus_note(self) -> None:
        if self.current_id:
            self.notes_panel.editor.setFocus()

    def toggle_bookmark(self) -> None:
        from reader.ui.operations import FAILED

        article_id = self.current_id
        if article_id:
            done = self.operations.run(lambda: self.session.toggle_bookmark(article_id, path=self._current_path()))
            if done is not FAILED:  # a refused write was reported; saying "removed" would be false
                self.show_message("Bookmarked" if done.value else "Bookmark removed", 2000)

    def toggle_read(self) -> None:
        article_id = self.current_id
        if article_id:
            read = not self.store.is_read(article_id)
            self.operations.run(lambda: self.session.mark_read([article_id], read))

    def _current_path(self) -> str:
        return self.reading_pane.article.path if self.reading_pane.article else ""

    def add_folder_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # when asked: its class and 5 enum classes are not needed to paint

        window_actions.add_folder(self, QFileDialog.getExistingDirectory(self, "Add a folder of articles"))

    def add_folder(self, folder: str) -> None:
        window_actions.add_folder(self, folder)

    def toggle_theme(self) -> None:
        app = QApplication.instance()
        name = "dark" if current_theme() == "light" else "light"
        apply_theme(app, name)  # type: ignore[arg-type]
        self.settings.set("theme", name)
        self.redecorate()

    def change_font_size(self, step: int) -> None:
        """Reading text one point larger or smaller (8-28 pt), remembered."""
        size = max(8, min(28, int(self.settings.get("reading_font_size")) + step))
        self.settings.set("reading_font_size", size)
        self.reading_pane.set_font_size(size)
        if self.reading_pane.article is not None:
            self.article_shown.emit(self.reading_pane.article)

    def show_write_error(self, message: str) -> None:
        """A write to the user database failed: say so plainly; the text stays where it was typed."""
        from PySide6.QtWidgets import QMessageBox

        from reader.ui.plain_text import message_box

        self.show_message(message, 15000)
        message_box(self, QMessageBox.Icon.Warning, "Could not save", message)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if (changes.bookmarks or changes.read) and changes.article_ids:  # a few rows: update just those
            for article_id in changes.article_ids:
                self.model.update_marks(article_id, bookmarked=self.store.is_bookmarked(article_id),
                                        read=self.store.is_read(article_id))  # fmt: skip
        elif changes.bookmarks or changes.read:
            self.model.set_marks(bookmarked=self.store.bookmarked_ids(), read=self.store.read_ids())
        if any((changes.bookmarks, changes.tags, changes.notes, changes.highlights, changes.folders, changes.values)):
            self.refresh_sidebar()
        if changes.bookmarks and self.reading_pane.article:
            self._update_window_title(self.reading_pane.article.title)
        if changes.read or changes.folders:
            self.count_later(changes)
        if changes.folders:  # added, removed, or either undone: the list follows the folders
            self.rescan()

    # --- closing ---------------------------------------------------------------------------

    def save_layout(self) -> None:
        """Remember the window's size, docks and splitters for the next start."""
        window_actions.save_layout(self)

    def restore_layout(self) -> bool:
        """Put the window back as it was left; False when there is nothing (or nothing usable) saved."""
        self.layout_restored = window_actions.restore_layout(self)
        return self.layout_restored

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.panes_built:  # not before: closed before its first paint (nothing typed in a stand-in)
            self.notes_panel.flush()
            if not self.closed and not self.notes_panel.may_close():  # a note the disk refused stays typed
                event.ignore()
                return
        self._filter_timer.stop()
        self.unread_counts_timer.stop()
        if self.isVisible() and not self.closed:
            self.save_layout()
            self.settings.set("last_article", self.current_id)
            if self.current_id:
                self.reading_positions.save(self.current_id)
        self.closed = True
        self.stop_background()  # the folder watcher, then the scan
        if self.panes_built:
            self.model.clear()  # no row may be fetched from the cache once it is closed
        if self.core_open:  # not when closed before its first paint, or when the user database could not be opened
            self.session.close()
            self.library.close()
        super().closeEvent(event)

