"""Annotating in the window: highlights in five colours with notes, bookmark tags, and export.

Attaches through a `FeatureContext`: commands (h, 1-5, Shift+H, a, t, e), the reading pane's context
menu and clicks on highlights, the notes panel's highlights list, and the "highlights" layer of the
reading pane. Every write goes through the session (so Ctrl+Z undoes it); the layer is drawn again
when `changes_applied` says the shown article's highlights changed, whoever changed them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from reader.core.annotation import HIGHLIGHT_COLORS, Highlight
from reader.core.article import Article
from reader.core.export.collect import items_for_ids, selected_ids
from reader.core.export.entity_source import CorrectedEntities
from reader.core.session import Changes
from reader.ui.dialogs.highlight_editor import HighlightEditor
from reader.ui.dialogs.tags_dialog import TagsDialog
from reader.ui.feature_context import FeatureContext
from reader.ui.highlight_marks import color_label, highlight_marks, swatch_icon
from reader.ui.operations import FAILED
from reader.ui.themes import current_theme

if TYPE_CHECKING:  # the export formats are imported when the user exports, not at start
    from reader.ui.dialogs.export_dialog import ExportChoice

LAST_COLOR_KEY = "highlight.last_color"
EXPORT_CHOICE_KEY = "export.last_choice"


class AnnotationFeature(QObject):
    """Highlights, highlight notes, bookmark tags and the export dialog, as commands of the window."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.reading_pane)
        self.context = context
        self.operations = context.operations
        self.session = context.session
        self.store = context.session.store  # reads; writes go through self.operations.run
        self.pane = context.reading_pane
        self.panel = context.notes_panel
        self.highlights: list[Highlight] = []  # the shown article's, in text order
        self._anchored: set[str] = set()  # articles re-anchored since the window opened
        self._click = QTimer(self, singleShot=True)  # a click on a highlight waits out a double-click
        self._click.timeout.connect(self._click_menu)
        self._click_at: tuple[str, QPoint] | None = None
        self._register()
        context.article_shown.connect(self._on_article_shown)
        self.operations.changes_applied.connect(self._on_changes)
        self.panel.highlight_chosen.connect(self.show_highlight)
        self.panel.highlight_edit_requested.connect(self.edit_note)
        self.panel.highlight_delete_requested.connect(self.delete_highlight)
        self.pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.pane.customContextMenuRequested.connect(self._context_menu)
        self.pane.viewport().installEventFilter(self)

    def _register(self) -> None:
        add = self.context.registry.add
        add("highlight-add", "&Highlight Selection", lambda: self.highlight_in(None), menu="&Article",
            help="Highlight the selected text in the last-used colour")  # fmt: skip
        self.context.registry.add_with_arg(
            "highlight-color", "Highlight {arg}", lambda v: self.highlight_in(HIGHLIGHT_COLORS[int(v) - 1]),
            choices=[(str(i), color_label(c).replace("&", "")) for i, c in enumerate(HIGHLIGHT_COLORS, start=1)],
            help="Highlight the selection in {arg}, or recolour the highlight at the cursor")  # fmt: skip
        add("highlight-color-menu", "Highlight in &Colour…", self.colour_menu_at_cursor, menu="&Article",
            help="Choose the colour for the selection or the highlight at the cursor")  # fmt: skip
        add("highlight-note", "Add &Note to Selection…", self.note_selection_or_highlight, menu="&Article",
            help="Highlight the selection with a note, or edit the note of the highlight at the cursor")  # fmt: skip
        add("highlight-delete", "&Delete Highlight", self.delete_at_cursor, menu="&Article",
            help="Delete the highlight at the cursor (undo with Ctrl+Z)")  # fmt: skip
        add("bookmark-tags", "Bookmark &Tags…", self.edit_tags, menu="&Article",
            help="Bookmark the article with tags (filter with tag:name or the sidebar)")  # fmt: skip
        add("export-articles", "&Export…", self.export_dialog, menu="&File",
            help="Export the bookmarked, annotated, listed or selected articles with their notes")  # fmt: skip

    # --- drawing -----------------------------------------------------------------------------

    def _on_article_shown(self, article: Article) -> None:
        if article.id in self._anchored:
            self.highlights = self.store.highlights(article.id)
        else:  # the text may have changed since the highlights were made: place them again (orphans stay)
            self._anchored.add(article.id)
            placed = self.operations.run(lambda: self.session.reanchor(article.id, article.text), initiator=self)
            self.highlights = self.store.highlights(article.id) if placed is FAILED else placed.value
        self._draw(article)

    def _draw(self, article: Article) -> None:
        """The "highlights" layer of the pane and the notes panel's list, from `self.highlights`."""
        theme = current_theme()
        self.pane.set_layer("highlights", highlight_marks(self.highlights, theme, len(article.text)))
        self.panel.set_highlights(self.highlights, {c: swatch_icon(c, theme) for c in HIGHLIGHT_COLORS})

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        """Highlights changed (a write here, an undo, an import): draw the shown article's again."""
        article = self.pane.article
        if not changes.highlights or initiator is self:  # re-anchoring on show draws by itself
            return
        if article is not None and article.id in changes.article_ids:
            self.highlights = self.store.highlights(article.id)
            self._draw(article)
        elif initiator is None:
            self._tell("Changed a highlight in another article")

    # --- where: selection, cursor, mouse -----------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The selected article text as offsets, snapped to whole words (no "d|ramatic" cuts in any export)."""
        return self.pane.word_selection()

    def highlight_at(self, offset: int | None) -> Highlight | None:
        """The innermost placed highlight covering the character at `offset`."""
        if offset is None:
            return None
        hits = [h for h in self.highlights if not h.orphan and h.start <= offset < h.end]
        return min(hits, key=lambda h: h.end - h.start) if hits else None

    def _offset_of_position(self, position: int) -> int | None:
        if self.pane.article is None or position < self.pane.doc_position(0):
            return None  # the title and the meta line are not article text
        return self.pane.text_offset(position)

    def cursor_highlight(self) -> Highlight | None:
        return self.highlight_at(self._offset_of_position(self.pane.textCursor().position()))

    def offset_at_point(self, point: QPoint) -> int | None:
        """The character under a viewport point (not the caret gap nearest to it)."""
        cursor = self.pane.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.pane.cursorRect(cursor).left() and position > 0:
            position -= 1  # the point is on the right half of the character before the caret
        return self._offset_of_position(position)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._click.stop()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            point = event.position().toPoint()
            plain = not self.pane.anchorAt(point)  # a click on a link opens the link, not the menu
            if event.button() == Qt.MouseButton.LeftButton and not self.pane.textCursor().hasSelection() and plain:
                h = self.highlight_at(self.offset_at_point(point))
                if h is not None:
                    self._click_at = (h.id, event.globalPosition().toPoint())
                    self._click.start(QApplication.doubleClickInterval())
        return False

    def _click_menu(self) -> None:
        if self._click_at is None:
            return
        hid, where = self._click_at
        h = next((x for x in self.highlights if x.id == hid), None)
        if h is not None:
            self.highlight_menu(h).popup(where)

    # --- menus -------------------------------------------------------------------------------

    def highlight_menu(self, h: Highlight, menu: QMenu | None = None) -> QMenu:
        """Recolour ▸, Edit note…, Delete highlight for one highlight (added to `menu` if given)."""
        menu = menu or QMenu(self.pane)
        recolour = menu.addMenu("&Recolour")
        for color in HIGHLIGHT_COLORS:
            act = recolour.addAction(swatch_icon(color, current_theme()), color_label(color))
            act.setCheckable(True)
            act.setChecked(color == h.color)
            act.triggered.connect(lambda _c=False, c=color: self.recolour(h.id, c))
        menu.addAction("&Edit Note…", lambda: self.edit_note(h.id))
        menu.addAction("&Delete Highlight", lambda: self.delete_highlight(h.id))
        return menu

    def colours_menu(self, parent: QMenu | None = None) -> QMenu:
        """The five colours for the current selection."""
        menu = parent.addMenu("&Highlight") if parent is not None else QMenu(self.pane)
        for i, color in enumerate(HIGHLIGHT_COLORS, start=1):
            act = menu.addAction(swatch_icon(color, current_theme()), f"{color_label(color)}\t{i}")
            act.triggered.connect(lambda _c=False, c=color: self.highlight_selection(c))
        return menu

    def context_menu(self, point: QPoint | None) -> QMenu:
        """The reading pane's menu: Copy/Select All, then highlighting and, on a highlight, its actions."""
        menu = self.pane.createStandardContextMenu()
        menu.addSeparator()
        if self.selection() is not None:
            self.colours_menu(menu)
            menu.addAction("Add &Note…", self.note_selection_or_highlight)
        h = self.highlight_at(self.offset_at_point(point)) if point is not None else None
        h = h or self.cursor_highlight()
        if h is not None:
            menu.addSeparator()
            self.highlight_menu(h, menu)
        return menu

    def _context_menu(self, point: QPoint) -> None:
        self._click.stop()
        self.context_menu(point).exec(self.pane.viewport().mapToGlobal(point))

    def colour_menu_at_cursor(self) -> None:
        h = self.cursor_highlight() if self.selection() is None else None
        menu = self.highlight_menu(h) if h is not None else self.colours_menu()
        rect = self.pane.cursorRect()
        menu.popup(self.pane.viewport().mapToGlobal(rect.bottomLeft()))

    # --- actions -----------------------------------------------------------------------------

    def _tell(self, message: str) -> None:
        self.context.show_message(message, 4000)

    def highlight_in(self, color: str | None) -> None:
        """The commands h and 1-5."""
        self.highlight_selection(color)

    def highlight_selection(self, color: str | None = None, note: str = "") -> Highlight | None:
        """Highlight the selection (last-used colour unless given); with no selection, recolour at the cursor."""
        article, span = self.pane.article, self.selection()
        if article is None:
            return None
        if span is None:
            h = self.cursor_highlight()
            if h is not None and color is not None:
                self.recolour(h.id, color)
            else:
                self._tell("Select some text of the article first.")
            return None
        chosen = color or self.last_color()
        self.operations.run(lambda: self.session.set_value(LAST_COLOR_KEY, chosen), initiator=self)
        start, end = span
        done = self.operations.run(lambda: self.session.add_highlight(
            article.id, article.text, start, end, color=chosen, note=note, path=article.path))
        if done is FAILED:
            return None
        self._put_caret_on(done.value)  # so that a, 1-5 and Delete act on the highlight just made
        return done.value

    def _put_caret_on(self, h: Highlight) -> None:
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(self.pane.doc_position(h.start))
        bar = self.pane.verticalScrollBar()
        where = bar.value()
        self.pane.setTextCursor(cursor)
        bar.setValue(where)

    def last_color(self) -> str:
        color = self.store.get_value(LAST_COLOR_KEY, HIGHLIGHT_COLORS[0])
        return color if color in HIGHLIGHT_COLORS else HIGHLIGHT_COLORS[0]

    def _update(self, hid: str, *, color: str | None = None, note: str | None = None) -> None:
        self.operations.run(lambda: self.session.update_highlight(hid, color=color, note=note))

    def recolour(self, hid: str, color: str) -> None:
        self._update(hid, color=color)

    def delete_highlight(self, hid: str) -> None:
        if self.operations.run(lambda: self.session.delete_highlight(hid)) is not FAILED:
            self._tell("Highlight deleted (Ctrl+Z to undo)")

    def delete_at_cursor(self) -> None:
        h = self.cursor_highlight()
        if h is None:
            self._tell("Put the cursor on a highlight first (click it).")
        else:
            self.delete_highlight(h.id)

    def _editor(self, quote: str, color: str, note: str, title: str) -> HighlightEditor:
        return HighlightEditor(quote, color=color, note=note, theme=current_theme(), title=title,
                               parent=self.context.dialog_parent())  # fmt: skip

    def edit_note(self, hid: str) -> None:
        h = self.store.get_highlight(hid)
        if h is None:
            return
        dialog = self._editor(h.quote.exact, h.color, h.note, "Highlight note")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._update(hid, color=dialog.color(), note=dialog.note())

    def note_selection_or_highlight(self) -> None:
        """With a selection: highlight it with a note. Else: edit the note of the highlight at the cursor."""
        article, span = self.pane.article, self.selection()
        if article is not None and span is not None:
            dialog = self._editor(article.text[span[0] : span[1]], self.last_color(), "", "Highlight with a note")
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.highlight_selection(dialog.color(), note=dialog.note())
            return
        h = self.cursor_highlight()
        if h is not None:
            self.edit_note(h.id)
        else:
            self._tell("Select some text, or put the cursor on a highlight, to add a note.")

    def show_highlight(self, hid: str) -> None:
        """Scroll the reading pane to a highlight and put the cursor on it (so 1-5, a act on it)."""
        h = next((x for x in self.highlights if x.id == hid), None)
        if h is None:
            return
        if h.orphan:
            self._tell("This passage is no longer in the article's text; its quote and note are kept.")
            return
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(self.pane.doc_position(h.start))
        self.pane.setTextCursor(cursor)
        self.pane.scroll_to_offset(h.start)

    # --- tags and export ---------------------------------------------------------------------

    def edit_tags(self) -> None:
        article = self.pane.article
        if article is None:
            return
        bookmark = self.store.bookmark(article.id)
        dialog = TagsDialog(article.title, current=list(bookmark.tags) if bookmark else [],
                            known=self.store.all_tags(), parent=self.context.dialog_parent())  # fmt: skip
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_tags(article.id, dialog.tags())

    def set_tags(self, article_id: str, tags: list[str]) -> None:
        self.operations.run(lambda: self.session.set_bookmark_tags(article_id, tags))

    def scope_ids(self, scope: str) -> list[str]:
        c = self.context
        if scope == "filter":
            return c.listed_ids()
        if scope == "selected":
            current = c.current_article()
            return c.selected_ids() or ([current.id] if current is not None else [])
        return selected_ids(c.library, self.store, bookmarked=scope == "bookmarked", annotated=scope == "annotated")

    def export_dialog(self) -> None:
        """Ask what to export, then write it; declining to overwrite goes back to the dialog."""
        from reader.ui.dialogs.export_dialog import ExportChoice, ExportDialog

        counts = {scope: len(self.scope_ids(scope)) for scope in ("bookmarked", "annotated", "filter", "selected")}
        choice = ExportChoice.from_json(self.store.get_value(EXPORT_CHOICE_KEY))
        while True:
            dialog = ExportDialog(counts, choice, self.context.dialog_parent())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
            self.remember_choice(choice)
            if self.export(choice) is not None:
                return

    def remember_choice(self, choice: ExportChoice) -> None:
        self.operations.run(lambda: self.session.set_value(EXPORT_CHOICE_KEY, choice.to_json()), initiator=self)

    def export(self, choice: ExportChoice) -> list[Path] | None:
        """Write the export; None when the user declined to overwrite, [] when it failed (and was shown)."""
        source = CorrectedEntities(self.context.library, self.session.prefs)  # what the pane shows
        items, _missing = items_for_ids(source, self.store, self.scope_ids(choice.scope),
                                        with_entities=choice.include_entities)  # fmt: skip
        from reader.ui.dialogs.export_dialog import write_export

        paths = write_export(self.context.dialog_parent(), items, choice)
        if paths:
            where = paths[0] if len(paths) == 1 else paths[0].parent
            stopped = "" if len(paths) == (1 if choice.combined else len(items)) else " (stopped before the end)"
            self.context.show_message(f"Exported {len(paths)} file(s) to {where}{stopped}", 8000)
        return paths
