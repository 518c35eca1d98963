"""What a feature of the window (annotations, entities) may use: a small typed context, not the window.

`MainWindow` provides it. A feature writes only through `operations`, draws only its own layers of
the reading pane, and learns about writes (its own, another feature's, undo) from
`operations.changes_applied`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # a protocol of names only: a feature's import does not pull in what they name
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QDockWidget, QWidget

    from reader.core.article import Article
    from reader.core.library_sync import ChangeDetector, FolderChanges
    from reader.core.session import Session
    from reader.core.store.library import Library
    from reader.settings import Settings
    from reader.ui.commands import CommandRegistry
    from reader.ui.notes_panel import NotesPanel
    from reader.ui.operations import Operations
    from reader.ui.reading_pane import ReadingPane


class FeatureContext(Protocol):
    """The window as a feature sees it."""

    @property
    def operations(self) -> Operations: ...
    @property
    def session(self) -> Session: ...
    @property
    def library(self) -> Library: ...  # read only: features never write the cache
    @property
    def reading_pane(self) -> ReadingPane: ...
    @property
    def notes_panel(self) -> NotesPanel: ...
    @property
    def registry(self) -> CommandRegistry: ...
    @property
    def settings(self) -> Settings: ...
    @property
    def article_shown(self) -> SignalInstance: ...  # Article: rendered (or rendered again); draw your layers
    @property
    def entities_arrived(self) -> SignalInstance: ...  # list of article ids the background tagger finished

    def current_article(self) -> Article | None: ...
    def show_message(self, text: str, ms: int = 3000) -> None: ...
    def dialog_parent(self) -> QWidget: ...
    def add_panel(self, title: str, widget: QWidget, object_name: str, *, visible: bool = True) -> QDockWidget: ...
    def show_list_filter(self, text: str) -> None: ...  # list every article matching a filter (entity:"…")
    def listed_ids(self) -> list[str]: ...  # the article list's ids, in order
    def selected_ids(self) -> list[str]: ...  # the selected rows (or the current article)
    def search_text(self) -> str: ...  # the search the list shows, as typed
    def search_terms(self) -> tuple[str, ...]: ...  # the search box's words and phrases ("prefix*") to mark
    @property
    def search_changed(self) -> SignalInstance: ...  # the search box's search was run anew
    def library_folders(self) -> list[str]: ...  # the folders the library reads (samples when there are none)
    def showing_samples(self) -> bool: ...  # the bundled samples stand in for the user's folders
    def import_changes(self, changes: FolderChanges) -> bool: ...  # False while an import runs: ask again
    def scan_snapshot(self) -> ChangeDetector | None: ...  # during import_finished: the folders its scan walked
    @property
    def import_finished(self) -> SignalInstance: ...  # bool: a scan or import ended (True: stopped by the user)
    @property
    def window_closing(self) -> SignalInstance: ...  # stop background work now
