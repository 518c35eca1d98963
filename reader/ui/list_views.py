"""The window's list side: the sidebar's views and counts, the filter and the article list query.

The base class of `LibraryViews` (scanning), itself a base of `MainWindow`, which builds the widgets named below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QProgressBar, QStackedWidget, QVBoxLayout

from reader.paths import resources_dir
from reader.ui.qt_later import Qt

if TYPE_CHECKING:  # the panes, the store and the session are imported after the window's first paint (`open_core`)
    from reader.core.session import Changes, UserReads
    from reader.core.store.library import Library
    from reader.core.store.library_query import ListQuery
    from reader.paths import Paths
    from reader.settings import Settings
    from reader.ui.article_list import ArticleListModel, ArticleListView
    from reader.ui.folder_offer import FolderOffers
    from reader.ui.import_progress import ImportProgress
    from reader.ui.notebook_view import NotebookView  # made with the commands, after the first paint
    from reader.ui.notes_panel import NotesPanel
    from reader.ui.operations import Operations
    from reader.ui.problems_view import ProblemsView
    from reader.ui.reading_pane import ReadingPane
    from reader.ui.reading_position import ReadingPositions
    from reader.ui.sidebar import Sidebar
    from reader.ui.workers import ScanWorker

EMPTY_LIBRARY = ("Your library is empty.\n\nAdd a folder of saved articles (text, Markdown, HTML, feeds, JSON, "
                 "e-mail) with File › Add Folder… (Ctrl+O), or open files by naming them on the command line.")
CHOOSE_ARTICLE = "Choose an article in the list (j and k move through it)."
NOT_IN_LIST = "The article you were reading is not in this list. Choose one (j and k move through it)."


def count_text(n: int) -> str:
    """'1 article', '2,345 articles'."""
    return f"{n:,} article" + ("" if n == 1 else "s")


class ListViews(QMainWindow):
    """The sidebar's views and counts, the filter box, the list query and choosing an article in it."""

    _select_when_counted: str | None = None  # the article to select once the list is counted

    entities_arrived = Signal(object)  # ids of articles the background tagger just finished
    search_changed = Signal()  # the list was run for a new search: the pane marks its words again
    import_finished = Signal(bool)  # a background scan or import ended (True: the user stopped it)
    window_closing = Signal()  # the window is closing: background work stops now

    paths: Paths
    settings: Settings
    store: UserReads
    library: Library
    operations: Operations
    session_files: list[str]
    session_folders: list[str]
    samples_allowed: bool
    view_kind: str
    view_value: str
    current_id: str | None
    worker: ScanWorker | None
    closed: bool
    _scan_again: bool
    sidebar: Sidebar
    filter_box: QLineEdit
    _filter_timer: QTimer
    model: ArticleListModel
    list_view: ArticleListView
    problems_view: ProblemsView
    notebook: NotebookView
    list_stack: QStackedWidget
    reading_pane: ReadingPane
    reading_positions: ReadingPositions
    notes_panel: NotesPanel
    status_label: QLabel
    opening_marks_read: bool
    scan_progress: QProgressBar | None = None
    import_progress: ImportProgress | None = None
    _cancelled = False  # the user pressed Cancel on the running scan
    _listed_count = -1  # the library's article count when the list was last re-run during a scan
    _import_summary = ""  # "; last import: 1 added", kept on the status line once tagging is over
    folder_offers: FolderOffers | None = None
    search_problem: QLabel | None = None
    _search_terms: tuple[str, ...] = ()
    _search_text = ""
    unread_counts_timer: QTimer
    _unsynced_reads: set[str] | None = None  # read marks changed since the cache's mirror was last synced (None: all)

    def library_folders(self) -> list[str]:
        """The user's folders; the bundled samples when there are none (and samples are allowed)."""
        folders = self.store.folders() + self.session_folders
        if not folders and not self.session_files and self.samples_allowed:
            folders = [str((resources_dir() / "samples").resolve())]
        return folders

    def showing_samples(self) -> bool:
        return not self.store.folders() and not self.session_folders and self.samples_allowed

    def select_last_article(self) -> bool:
        """Show the article the user was reading when the window last closed."""
        last = self.settings.get("last_article")
        if not isinstance(last, str):
            return False
        self.opening_marks_read = False  # putting it back is not reading it: only the user's own open marks read
        try:
            return self.select_article(last)
        finally:
            self.opening_marks_read = True

    def refresh_sidebar(self) -> None:
        """List the folders, tags and saved searches again, and show every count."""
        import sqlite3

        from reader.core import saved_searches
        from reader.core.store.sidebar_counts import set_count_folders

        folders = self.library_folders()
        self.sidebar.set_folders(folders, samples=self.showing_samples())
        self.sidebar.set_tags(self.store.all_tags())
        found = saved_searches.load(self.store.get_value(saved_searches.KEY))
        self.sidebar.set_saved_searches([(s.name, s.query) for s in found])
        try:
            set_count_folders(self.library.db, folders)
        except sqlite3.OperationalError:  # the cache stayed busy: a folder new to the counts is counted next time
            pass
        self.refresh_unread_counts()

    def count_later(self, changes: Changes) -> None:
        """Read marks changed (every j marks one): mirror them into the cache once the keys stop."""
        if changes.read and self._unsynced_reads is not None:
            self._unsynced_reads.update(changes.article_ids)
        self.unread_counts_timer.start()

    def refresh_unread_counts(self) -> None:
        """Mirror the read marks that changed (all of them the first time), then show the counts."""
        if self.closed:
            return
        import sqlite3

        from reader.core.store.sidebar_counts import sync_read_marks

        try:
            if self.library.user_db is not None:  # without one the stand-in is empty: the mirror is left alone
                sync_read_marks(self.library.db, self._unsynced_reads)
            self._unsynced_reads = set()
        except sqlite3.OperationalError:  # the cache stayed busy: these marks are mirrored on the next refresh
            pass
        self.show_counts()

    def show_counts(self) -> None:
        """The sidebar's counts, read from the cache's count tables (a few small tables)."""
        from reader.core.store.sidebar_counts import TOP_SOURCES, read_counts

        counts = read_counts(self.library.db, top=None if self.sidebar.all_sources else TOP_SOURCES)
        self.sidebar.show_counts(counts, problems=len(self.library.problems()))

    def set_view(self, kind: str, value: str) -> None:
        if kind == "search":  # a saved search in the sidebar: run it, as the Saved Searches panel does
            self.show_list_filter(value)
            return
        if kind == "more":  # "More sources…": every source is listed from now on
            self.show_counts()
            return
        self.view_kind, self.view_value = kind, value
        self.apply_view()

    def show_list_filter(self, text: str) -> None:  # pragma: no cover - MainWindow's
        raise NotImplementedError

    def view_query(self) -> ListQuery:
        """The list query for the chosen view and order; the search box's words narrow it in the library's
        `search` (the cache joins the user data in SQL)."""
        flags = [self.view_value] if self.view_kind == "view" and self.view_value in ("bookmarked", "annotated",
                                                                                     "unread") else []  # fmt: skip
        from dataclasses import replace

        tags = [self.view_value] if self.view_kind == "tag" else []
        return replace(self.model.query, entity="", kept=False, flags=tuple(flags), tags=tuple(tags),
                       folder=self.view_value if self.view_kind == "folder" else "",
                       source=self.view_value if self.view_kind == "source" else "")  # fmt: skip

    def apply_view(self, *, keep_current: bool = False) -> None:
        """Re-run the list for the current view and filter."""
        if self.closed:  # a filter keystroke's timer can fire after the window closed
            return
        if self.view_kind == "view" and self.view_value == "problems":
            self.problems_view.set_problems(self.library.problems())
            self.list_stack.setCurrentWidget(self.problems_view)
            return
        self.filter_box.setVisible(self.view_value != "notebook")  # the notebook has its own filters
        if self.view_kind == "view" and self.view_value == "notebook":
            self.notebook.refresh()
            self.list_stack.setCurrentWidget(self.notebook)
            return
        self.list_stack.setCurrentWidget(self.list_view)
        keep = self.current_id if keep_current else None
        try:
            self.model.set_query(self.view_query(), self.filter_box.text())
        except ValueError as exc:  # a typo keeps the list as it was, and says what is wrong under the box
            self.show_search_problem(str(exc))
            return
        self.show_search_problem("")
        self._search_text = self.filter_box.text().strip()
        from reader.core.store.library_query import parse_filter

        terms = tuple(parse_filter(self._search_text).terms)
        if terms != self._search_terms:
            self._search_terms = terms
            self.search_changed.emit()
        self.model.set_marks(bookmarked=self.store.bookmarked_ids(), read=self.store.read_ids())
        if keep and self.model.place_of(keep) >= 0:
            self.select_article(keep)
        self.show_list_count(self.model.total)
        self.keep_pane_in_list()

    def show_list_count(self, listed: int) -> None:
        """How many the list shows of the library ("Counting…" until a search's count is done in the background)."""
        shown = "Counting…" if self.model.counting else f"{listed:,}"
        self.status_label.setText(f"{shown} of {count_text(self.library.count())}")
        if self._select_when_counted and not self.model.counting:
            self.select_article(self._select_when_counted)

    def search_text(self) -> str:
        """The search the list shows, as typed (the last one understood)."""
        return self._search_text

    def search_terms(self) -> tuple[str, ...]:
        """The words and phrases of the search the list shows (the last one understood)."""
        return self._search_terms

    def show_search_problem(self, message: str) -> None:
        """Say under the search box why the search cannot be run ("" hides it)."""
        if self.search_problem is None:
            if not message:
                return
            parent = self.filter_box.parentWidget()
            column = parent.layout() if parent is not None else None
            assert isinstance(column, QVBoxLayout)
            self.search_problem = QLabel()
            self.search_problem.setObjectName("searchProblem")
            self.search_problem.setWordWrap(True)
            self.search_problem.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
            column.insertWidget(column.indexOf(self.filter_box) + 1, self.search_problem)
        self.search_problem.setText(message)
        self.search_problem.setVisible(bool(message))

    def keep_pane_in_list(self) -> None:
        """After a view or filter change: keep the shown article if the new list has it, else the placeholder.

        The first row is not opened in its place: that would mark read an article the user never chose.
        """
        if self.current_id is None or self.list_stack.currentWidget() is not self.list_view:
            return
        if self.model.place_of(self.current_id) >= 0:
            self.select_article(self.current_id)
            return
        self.reading_positions.save(self.current_id)
        self.current_id = None
        self.notes_panel.set_article(None)
        self.notes_panel.set_highlights([])
        self.reading_pane.show_placeholder(NOT_IN_LIST)
        self.setWindowTitle("News Reader")

    # --- the list ------------------------------------------------------------------------------

    def select_article(self, article_id: str) -> bool:
        row = self.model.place_of(article_id)
        if row < 0:
            return False
        self._select_when_counted = article_id if row >= self.model.total else None
        if self._select_when_counted:  # past the first page of a search still being counted
            return True
        index = self.model.index(row, 1)
        sel = self.list_view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        sel.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.list_view.scrollTo(index)
        return True

    def select_row(self, row: int) -> None:
        if 0 <= row < len(self.model.ids):
            self.select_article(self.model.ids[row])


