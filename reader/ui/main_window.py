"""The main window: sidebar, article list, reading pane and notes, wired through commands."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.library_sync import LibrarySync, ScanResult
from reader.core.store.library import Library
from reader.core.store.library_query import ListQuery, parse_filter
from reader.core.store.user_data import UserStore
from reader.paths import Paths, resources_dir
from reader.settings import Settings
from reader.ui.article_list import ArticleIdRole, ArticleListModel, ArticleListView
from reader.ui.commands import CommandRegistry, load_keymap
from reader.ui.dialogs.shortcuts import ShortcutsDialog
from reader.ui.features import load_features
from reader.ui.notes_panel import NotesPanel
from reader.ui.operations import Changes, Operations
from reader.ui.palette import CommandPalette
from reader.ui.problems_view import ProblemsView
from reader.ui.reading_pane import ReadingPane
from reader.ui.sidebar import Sidebar
from reader.ui.themes import apply_theme, current_theme
from reader.ui.workers import ScanWorker

EMPTY_LIBRARY = ("Your library is empty.\n\nAdd a folder of saved articles (text, Markdown, HTML, feeds, JSON, "
                 "e-mail) with File › Add Folder… (Ctrl+O), or open files by naming them on the command line.")
CHOOSE_ARTICLE = "Choose an article in the list (j and k move through it)."
def count_text(n: int) -> str:
    """'1 article', '2,345 articles'."""
    return f"{n:,} article" + ("" if n == 1 else "s")


MENUS = ("&File", "&Go", "&Article", "&Entities", "&View", "&Help")


class MainWindow(QMainWindow):
    """Composes the panes; all behaviour is in commands, operations and the core.

    Features (entities, annotations, export) attach themselves in `reader.ui.features`: they add
    commands and panels, and re-apply their marks on `article_shown`.
    """

    article_shown = Signal(object)  # Article, after it is rendered and before the user sees it

    def __init__(self, paths: Paths, settings: Settings, *, files: list[str] | None = None,
                 samples: bool = True) -> None:  # fmt: skip
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.store = UserStore(paths.user_db, backups_dir=paths.backups)  # makes the daily backup
        self.library = Library(paths.library_db, user_db=paths.user_db)  # list views join the user data in SQL
        self.entity_source: object = self.library  # what export reads entities from; corrections wrap it
        self.operations = Operations(self.store, self)
        self.operations.changes_applied.connect(self._on_changes)
        self.operations.failed.connect(self.show_write_error)
        self.session_files = [str(Path(f).resolve()) for f in files or [] if Path(f).is_file()]
        self.session_folders = [str(Path(f).resolve()) for f in files or [] if Path(f).is_dir()]
        self.samples_allowed = samples
        self.view_kind, self.view_value = "view", "all"
        self.current_id: str | None = None
        self.worker: ScanWorker | None = None
        self.closed = False  # results of a scan still queued when the window closed are dropped
        self._scan_again = False
        self.setWindowTitle("News Reader")
        self._build_widgets()
        self.registry = CommandRegistry(self, load_keymap(paths.config / "keymap.json"))
        self._register_commands()
        self.features = [feature(self) for feature in load_features()]
        self._build_menus()
        self.refresh_sidebar()
        self.sidebar.select_view("all")  # also runs the first list query

    # --- layout ----------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.sidebar = Sidebar()
        self.sidebar.view_requested.connect(self.set_view)
        self.sidebar.remove_folder_requested.connect(self.remove_folder)
        self.sidebar.add_folder_requested.connect(self.add_folder_dialog)
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("filterBox")
        self.filter_box.setPlaceholderText('Filter by title   (/)   — also entity:"Name", tag:x, text:word')
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter_box.returnPressed.connect(self.focus_list)
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self.apply_view)
        self.model = ArticleListModel(self.library, self)
        self.list_view = ArticleListView()
        self.list_view.setModel(self.model)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.problems_view = ProblemsView()
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list_view)
        self.list_stack.addWidget(self.problems_view)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.filter_box)
        lay.addWidget(self.list_stack)
        self.reading_pane = ReadingPane()
        self.reading_pane.set_font_size(int(self.settings.get("reading_font_size")))
        self.notes_panel = NotesPanel(self.operations)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.reading_pane)
        self.right.addWidget(self.notes_panel)
        self.right.setStretchFactor(0, 4)
        self.right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (left, self.right):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([440, 600])
        self.setCentralWidget(self.splitter)
        # the library views sit in a left dock; features stack their panels under it
        self.library_dock = QDockWidget("Library", self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setWidget(self.sidebar)
        self.library_dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        # the sidebar names its own sections; the empty title bar is kept referenced here, since
        # the dock does not take ownership of it from Python
        self._library_dock_title = QWidget()
        self.library_dock.setTitleBarWidget(self._library_dock_title)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.setTabOrder(self.filter_box, self.list_view)
        self.setTabOrder(self.list_view, self.reading_pane)
        self.setTabOrder(self.reading_pane, self.notes_panel.editor)

    def _register_commands(self) -> None:
        add = self.registry.add
        add("folder-add", "&Add Folder…", self.add_folder_dialog, menu="&File", help="Add a folder of articles")
        add("folder-remove", "&Remove Folder", self.remove_current_folder, menu="&File",
            help="Remove the folder chosen in the sidebar from the library (files stay on disk)")  # fmt: skip
        add("library-refresh", "Re&scan Library", self.rescan, menu="&File", help="Look for new and changed files")
        add("app-quit", "&Quit", self.close, menu="&File", help="Save everything and quit")
        add("article-next", "&Next Article", lambda: self.move_selection(1), menu="&Go", help="Select the next article")
        add("article-previous", "&Previous Article", lambda: self.move_selection(-1), menu="&Go",
            help="Select the previous article")  # fmt: skip
        add("page-down", "Page &Down", lambda: self.page(1), menu="&Go",
            help="Scroll the article a page down; at its end, go to the next article")  # fmt: skip
        add("page-up", "Page &Up", lambda: self.page(-1), menu="&Go", help="Scroll the article a page up")
        add("list-focus", "Back to the &List", self.focus_list, menu="&Go", help="Put the focus on the article list")
        add("filter-focus", "&Filter…", self.focus_filter, menu="&Go", help="Filter the list by title")
        add("note-focus", "Edit &Note", self.focus_note, menu="&Article", help="Write in the article's note")
        add("bookmark-toggle", "&Bookmark", self.toggle_bookmark, menu="&Article", help="Bookmark or un-bookmark")
        add("read-toggle", "Mark &Read/Unread", self.toggle_read, menu="&Article", help="Toggle the read mark")
        for key, label in (("all", "All Articles"), ("unread", "Unread"), ("bookmarked", "Bookmarked"),
                           ("annotated", "Annotated"), ("problems", "Import Problems")):  # fmt: skip
            add(f"view-{key}", label, lambda k=key: self.sidebar.select_view(k), menu="&View", help=f"Show {label}")
        add("theme-toggle", "&Dark Theme", self.toggle_theme, menu="&View", help="Switch between light and dark")
        add("font-larger", "&Larger Text", lambda: self.change_font_size(1), menu="&View",
            help="Make the reading text larger")  # fmt: skip
        add("font-smaller", "&Smaller Text", lambda: self.change_font_size(-1), menu="&View",
            help="Make the reading text smaller")  # fmt: skip
        add("article-open-file", "&Open Original File", self.open_original, menu="&Article",
            help="Open the article's file in the program your system uses for it")  # fmt: skip
        add("shortcuts-show", "&Keyboard Shortcuts", self.show_shortcuts, menu="&Help", help="List every shortcut")
        add("palette-show", "&Command Palette…", self.show_palette, menu="&Help",
            help="Find and run any command by typing its name")  # fmt: skip

    def _build_menus(self) -> None:
        menus = {title: self.menuBar().addMenu(title) for title in MENUS}
        for c in self.registry.commands.values():
            if c.menu in menus and c.action is not None:
                menus[c.menu].addAction(c.action)

    # --- library and views -----------------------------------------------------------------

    def max_import_bytes(self) -> int:
        """The size limit for one file, from the `max_import_mb` setting (50 MB unless changed)."""
        try:
            return max(1, int(float(self.settings.get("max_import_mb")) * 1024 * 1024))
        except (TypeError, ValueError):
            return 50 * 1024 * 1024

    def library_folders(self) -> list[str]:
        """The user's folders; the bundled samples when there are none (and samples are allowed)."""
        folders = self.store.folders() + self.session_folders
        if not folders and not self.session_files and self.samples_allowed:
            folders = [str((resources_dir() / "samples").resolve())]
        return folders

    def showing_samples(self) -> bool:
        return not self.store.folders() and not self.session_folders and self.samples_allowed

    def rescan(self, *, wait: bool = False) -> None:
        """Scan the folders in the background (or now, for screenshots and tests)."""
        folders, files = self.library_folders(), self.session_files
        if wait:
            result = LibrarySync(self.library, max_bytes=self.max_import_bytes()).sync(folders, files)
            assert result is not None  # nothing can stop a synchronous scan
            self._on_scanned(result)
            return
        if self.worker is not None and self.worker.isRunning():
            self._scan_again = True  # folders changed during a scan: scan once more when it ends
            return
        self._scan_again = False
        self.worker = ScanWorker(self.paths.library_db, folders, files, max_bytes=self.max_import_bytes())
        self.worker.finished.connect(self._on_worker_finished)
        self.worker.progress.connect(lambda n, p: self.status_label.setText(f"Scanning… {n:,} files ({Path(p).name})"))
        self.worker.scanned.connect(self._on_scanned)
        self.worker.tagged.connect(self._on_tagged)
        self.worker.tagged_batch.connect(self._on_tagged_batch)
        self.worker.failed.connect(lambda msg: self.status_label.setText(msg))
        self.worker.start()

    def _on_worker_finished(self) -> None:
        if self._scan_again and not self.closed:
            self.rescan()

    def _on_scanned(self, result: ScanResult) -> None:
        if self.closed:
            return
        self.apply_view(keep_current=True)
        self.refresh_sidebar()
        failed = f", {result.failed} could not be read (see Import problems)" if result.failed else ""
        self.status_label.setText(f"{count_text(self.library.count())}{failed}")
        if self.session_files and self.current_id is None:
            ids = self.library.ids_at(self.session_files[0])
            if ids:
                self.select_article(ids[0])
        if self.current_id is None and not self.session_files:
            self.select_last_article()
        if self.current_id is None:
            self.reading_pane.show_placeholder(EMPTY_LIBRARY if self.library.count() == 0 else CHOOSE_ARTICLE)

    def select_last_article(self) -> bool:
        """Show the article the user was reading when the window last closed."""
        last = self.settings.get("last_article")
        return isinstance(last, str) and self.select_article(last)

    def start_reading(self) -> None:
        """On start: back at the last article (from the cache, before any scan) with the keys on the list."""
        if not self.session_files:
            self.select_last_article()
        self.list_view.setFocus()

    def _on_tagged_batch(self, ids: list[str], left: int) -> None:
        """Entities arrived for some articles: show them if one is open, and say how far it is."""
        if self.closed:
            return
        self.status_label.setText(f"Finding people, places and organisations… {count_text(left)} to go" if left
                                  else count_text(self.library.count()))  # fmt: skip
        if self.current_id in ids:
            self.redecorate()

    def _on_tagged(self, count: int) -> None:
        if count and not self.closed:
            self.refresh_sidebar()

    def refresh_sidebar(self) -> None:
        self.sidebar.set_folders(self.library_folders(), samples=self.showing_samples())
        self.sidebar.set_tags(self.store.all_tags())
        self.sidebar.set_counts({
            "all": self.library.count(),
            "bookmarked": len(self.store.bookmarked_ids()),
            "annotated": len(self.store.annotated_ids()),
            "problems": len(self.library.problems()),
        })  # fmt: skip

    def set_view(self, kind: str, value: str) -> None:
        self.view_kind, self.view_value = kind, value
        self.apply_view()

    def current_query(self) -> ListQuery:
        """The list query for the chosen view plus the filter box (the cache joins the user data)."""
        spec = parse_filter(self.filter_box.text())
        flags = list(spec.flags)
        if self.view_kind == "view" and self.view_value in ("bookmarked", "annotated", "unread"):
            flags.append(self.view_value)
        tags = list(spec.tags) + ([self.view_value] if self.view_kind == "tag" else [])
        entity = ""
        if spec.entity:
            from reader.core.entities import canonical_name

            entity = canonical_name(spec.entity, "")
        q = self.model.query
        return replace(
            q, title=spec.title, text=spec.text, entity=entity,
            folder=self.view_value if self.view_kind == "folder" else "", flags=tuple(flags), tags=tuple(tags),
        )  # fmt: skip

    def apply_view(self, *, keep_current: bool = False) -> None:
        """Re-run the list for the current view and filter."""
        if self.closed:  # a filter keystroke's timer can fire after the window closed
            return
        if self.view_kind == "view" and self.view_value == "problems":
            self.problems_view.set_problems(self.library.problems())
            self.list_stack.setCurrentWidget(self.problems_view)
            return
        self.list_stack.setCurrentWidget(self.list_view)
        keep = self.current_id if keep_current else None
        try:
            self.model.set_query(self.current_query())
        except ValueError as exc:
            self.status_label.setText(str(exc))
            return
        self.model.set_marks(bookmarked=self.store.bookmarked_ids(), read=self.store.read_ids())
        if keep and self.model.row_of(keep) >= 0:
            self.select_article(keep)
        self.status_label.setText(f"{len(self.model.ids):,} of {count_text(self.library.count())}")

    # --- the current article ---------------------------------------------------------------

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = current.data(ArticleIdRole) if current.isValid() else None
        if article_id and article_id != self.current_id:
            self.show_article(article_id)

    def select_article(self, article_id: str) -> bool:
        row = self.model.row_of(article_id)
        if row < 0:
            return False
        index = self.model.index(row, 1)
        sel = self.list_view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        sel.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.list_view.scrollTo(index)
        return True

    def select_row(self, row: int) -> None:
        if 0 <= row < len(self.model.ids):
            self.select_article(self.model.ids[row])

    def show_article(self, article_id: str, *, mark_read: bool = True) -> None:
        article = self.library.article(article_id)
        if article is None:
            self.reading_pane.show_placeholder("This article is no longer in the library.")
            return
        self.current_id = article_id
        self.notes_panel.set_article(article_id, article.path)
        self.reading_pane.show_article(article)
        self.article_shown.emit(article)
        if mark_read:
            self.operations.set_read(article_id, True)
        self._update_window_title(article.title)

    def redecorate(self) -> None:
        """Render the current article again so every feature re-applies its marks."""
        article = self.reading_pane.article
        if article is not None:
            bar = self.reading_pane.verticalScrollBar()
            where = bar.value()
            self.reading_pane.show_article(article)
            self.article_shown.emit(article)
            bar.setValue(where)

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows of the list, in list order."""
        rows = sorted({i.row() for i in self.list_view.selectionModel().selectedRows()})
        return [self.model.ids[r] for r in rows if r < len(self.model.ids)]

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
        if self.current_id:
            on = self.operations.toggle_bookmark(self.current_id, path=self._current_path())
            self.statusBar().showMessage("Bookmarked" if on else "Bookmark removed", 2000)

    def toggle_read(self) -> None:
        if self.current_id:
            self.operations.set_read(self.current_id, not self.store.is_read(self.current_id))

    def _current_path(self) -> str:
        return self.reading_pane.article.path if self.reading_pane.article else ""

    def add_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of articles")
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        if not Path(folder).is_dir():
            QMessageBox.warning(self, "Not a folder", f"{folder} is not a folder that can be read.")
            return
        self.operations.add_folder(str(Path(folder).resolve()))
        self.rescan()

    def remove_current_folder(self) -> None:
        if self.view_kind != "folder" or self.view_value not in self.store.folders():
            QMessageBox.information(self, "Remove folder", "Choose one of your folders in the sidebar first.")
            return
        self.remove_folder(self.view_value)

    def remove_folder(self, folder: str) -> None:
        """Take a folder out of the library; its files and the user's notes on them stay."""
        self.operations.remove_folder(folder)
        self.sidebar.select_view("all")
        self.rescan()

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

    def open_original(self) -> None:
        path = self._current_path()
        if not path or not Path(path).exists():
            self.statusBar().showMessage("The article's file is no longer where it was imported from.", 6000)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def show_write_error(self, message: str) -> None:
        """A write to the user database failed: say so plainly; the text stays where it was typed."""
        self.statusBar().showMessage(message, 15000)
        QMessageBox.warning(self, "Could not save", message)

    def show_palette(self) -> None:
        palette = CommandPalette(self.registry, self)
        if palette.exec() and palette.chosen:
            self.registry.run(palette.chosen)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.registry.shortcut_rows(), self).exec()

    def _on_changes(self, changes: Changes) -> None:
        if (changes.bookmarks or changes.read) and changes.article_ids:  # a few rows: update just those
            for article_id in changes.article_ids:
                self.model.update_marks(article_id, bookmarked=self.store.is_bookmarked(article_id),
                                        read=self.store.is_read(article_id))  # fmt: skip
        elif changes.bookmarks or changes.read:
            self.model.set_marks(bookmarked=self.store.bookmarked_ids(), read=self.store.read_ids())
        if changes.bookmarks or changes.notes or changes.highlights or changes.folders:
            self.refresh_sidebar()
        if changes.bookmarks and self.reading_pane.article:
            self._update_window_title(self.reading_pane.article.title)

    # --- closing ---------------------------------------------------------------------------

    def save_layout(self) -> None:
        """Remember the window's size, docks and splitters for the next start."""
        self.settings.set("window_layout", {
            "geometry": self.saveGeometry().toHex().data().decode(),
            "state": self.saveState().toHex().data().decode(),
            "splitter": self.splitter.saveState().toHex().data().decode(),
            "right": self.right.saveState().toHex().data().decode(),
        })  # fmt: skip

    def restore_layout(self) -> bool:
        """Put the window back as it was left; False when there is nothing (or nothing usable) saved."""
        layout = self.settings.get("window_layout")
        if not isinstance(layout, dict):
            return False
        try:
            parts = {k: QByteArray.fromHex(str(layout[k]).encode()) for k in ("geometry", "state", "splitter", "right")}
        except KeyError:
            return False
        ok = self.restoreGeometry(parts["geometry"])
        self.restoreState(parts["state"])
        self.splitter.restoreState(parts["splitter"])
        self.right.restoreState(parts["right"])
        return ok

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.notes_panel.flush()
        self._filter_timer.stop()
        if self.isVisible() and not self.closed:
            self.save_layout()
            self.settings.set("last_article", self.current_id)
        self.closed = True
        if self.worker is not None:
            worker = self.worker
            for signal in (worker.progress, worker.scanned, worker.tagged, worker.tagged_batch, worker.failed,
                           worker.finished):  # fmt: skip
                signal.disconnect()
            self.worker.requestInterruption()
            self.worker.wait(10000)
        self.model.clear()  # no row may be fetched from the cache once it is closed
        self.store.close()
        self.library.close()
        super().closeEvent(event)
