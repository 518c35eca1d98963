"""Saved searches: a panel in the left column listing them; choosing one runs it in the search box.

Saving and removing are session writes (undoable, `core.saved_searches`); the panel shows itself once
there is a search in it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QListWidget, QListWidgetItem

from reader.core import saved_searches
from reader.core.session import Changes
from reader.ui.feature_context import FeatureContext
from reader.ui.operations import FAILED
from reader.ui.plain_text import escaped_tooltip

MENU = "&Go"
QueryRole = Qt.ItemDataRole.UserRole + 1


class SavedSearchFeature:
    """The Saved Searches panel and the Save Search… / Remove Saved Search commands."""

    def __init__(self, context: FeatureContext) -> None:
        self.context = context
        self.panel = QListWidget()
        self.panel.setObjectName("savedSearches")
        self.panel.itemActivated.connect(self.run_item)
        self.panel.itemClicked.connect(self.run_item)
        self.dock = context.add_panel("Saved Searches", self.panel, "savedSearchesDock", visible=False)
        add = context.registry.add
        add("search-save", "Sa&ve Search…", lambda: self.save(), menu=MENU,
            help="Keep the current search in the Saved Searches panel")  # fmt: skip
        add("search-saved-remove", "Remove Saved Search", self.remove_current, menu=MENU,
            help="Remove the saved search chosen in the panel (Ctrl+Z brings it back)")  # fmt: skip
        context.operations.changes_applied.connect(self._on_changes)
        self.refresh()

    def searches(self) -> list[saved_searches.SavedSearch]:
        return saved_searches.load(self.context.session.store.get_value(saved_searches.KEY))

    def refresh(self) -> None:
        """List the saved searches; the panel shows itself when the first one arrives."""
        had = self.panel.count()
        self.panel.clear()
        for s in self.searches():
            item = QListWidgetItem(s.name)
            item.setData(QueryRole, s.query)
            item.setToolTip(escaped_tooltip(s.query))
            self.panel.addItem(item)
        if self.panel.count() and not had:
            self.dock.show()

    def save(self, name: str | None = None) -> None:
        """Save the search the list shows, under a name asked for (the search itself unless changed)."""
        query = self.context.search_text()
        if not query:
            self.context.show_message("Type a search first (/), then save it")
            return
        if name is None:
            name, ok = QInputDialog.getText(self.context.dialog_parent(), "Save Search", "Name:", text=query)
            if not ok:
                return
        if self.context.operations.run(lambda: self.context.session.save_search(name, query)) is not FAILED:
            self.context.show_message(f"Saved the search “{' '.join(name.split())}”")

    def run_item(self, item: QListWidgetItem) -> None:
        self.context.show_list_filter(str(item.data(QueryRole)))

    def remove_current(self) -> None:
        item = self.panel.currentItem()
        if item is None:
            self.context.show_message("Choose a saved search in the Saved Searches panel first")
            return
        name = item.text()
        if self.context.operations.run(lambda: self.context.session.remove_saved_search(name)) is not FAILED:
            self.context.show_message(f"Removed the saved search “{name}” (Ctrl+Z brings it back)")

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.values:
            self.refresh()
