"""Entities in the window: coloured marks, per-type toggles, [ and ] navigation, the entity panel,
articles mentioning an entity, top entities, corrections and watch terms.

Spans come from the library cache (tagged in the background after import); the user's
corrections are applied on top by the pure `apply_corrections`, every time an article is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QTextCursor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDockWidget,
    QMessageBox,
)

from reader.core.entities import ENTITY_TYPES, EntityGroup, EntitySpan, group_mentions
from reader.core.store.entity_prefs import EVERY_ARTICLE, CorrectedLibrary, EntityPrefs, apply_corrections
from reader.core.watch_terms import WatchHit, find_watch_terms
from reader.ui.dialogs.top_entities import TopEntitiesDialog, filter_name
from reader.ui.entity_marks import STYLES, entity_format, entity_tooltip, watch_format
from reader.ui.entity_panel import EntityPanel, MarkEntityDialog
from reader.ui.operations import Changes
from reader.ui.reading_pane import Mark
from reader.ui.themes import current_theme

MENU = "&Entities"
T = TypeVar("T")


class EntityFeature(QObject):
    """Wires entity marks, the panel and the entity commands into the main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.prefs = EntityPrefs.open(window.paths.user_db)
        window.entity_source = CorrectedLibrary(window.library, self.prefs)  # exports carry the corrections
        self.article = None
        self.spans: list[EntitySpan] = []  # the article's entities after corrections, every type
        self.groups: list[EntityGroup] = []
        self.watch_hits: list[WatchHit] = []
        self._tagged: set[tuple[int, int, str]] = set()  # spans as the tagger left them (the rest are corrections)
        self._cycle: dict[tuple[str, str], int] = {}
        self.panel = EntityPanel()
        self.dock = QDockWidget("Entities", window)
        self.dock.setObjectName("entityDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.splitDockWidget(window.library_dock, self.dock, Qt.Orientation.Vertical)
        self.dock.setVisible(bool(window.settings.get("entity_panel_visible", True)))
        self._connect_panel()
        self._register_commands()
        window.article_shown.connect(self.on_article_shown)
        window.installEventFilter(self)
        self._legend_theme = ""
        self._refresh_legend()
        self.panel.set_groups([], self.hidden_types(), article=False)
        self._refresh_rules()

    # --- settings ---------------------------------------------------------------------------

    def hidden_types(self) -> set[str]:
        return set(self.window.settings.get("hidden_entity_types") or [])

    def shown(self) -> bool:
        return bool(self.window.settings.get("show_entities", True))

    def visible_spans(self) -> list[EntitySpan]:
        hidden = self.hidden_types()
        return [s for s in self.spans if s.type not in hidden] if self.shown() else []

    # --- wiring -----------------------------------------------------------------------------

    def _connect_panel(self) -> None:
        p = self.panel
        p.type_toggled.connect(self.set_type_visible)
        p.occurrence_requested.connect(self.next_occurrence)
        p.articles_requested.connect(lambda g: self.show_articles_mentioning(filter_name(g.name, g.key)))
        p.remove_requested.connect(self.remove_group)
        p.watch_add_requested.connect(lambda t, w, c: self.add_watch_term(t, whole_word=w, case_sensitive=c))
        p.watch_delete_requested.connect(self.delete_watch_term)
        p.watch_color_requested.connect(self.recolour_watch_term_dialog)
        p.correction_delete_requested.connect(self.delete_correction)

    def _register_commands(self) -> None:
        add = self.window.registry.add
        self.actions: dict[str, QAction] = {}
        add("entity-next", "&Next Entity", lambda: self.jump(1), menu=MENU, help="Go to the next entity in the article")
        add("entity-previous", "&Previous Entity", lambda: self.jump(-1), menu=MENU,
            help="Go to the previous entity in the article")  # fmt: skip
        self.actions["all"] = add("entities-toggle", "&Show Entities", self.toggle_all, menu=MENU,
                                  help="Show or hide all entity colours in the reading pane")  # fmt: skip
        for t in ENTITY_TYPES:
            self.actions[t] = add(f"entity-toggle-{t.lower()}", f"Show {STYLES[t].plural}",
                                  lambda t=t: self.set_type_visible(t, t in self.hidden_types()), menu=MENU,
                                  help=f"Show or hide {STYLES[t].plural.lower()}")  # fmt: skip
        for action in self.actions.values():
            action.setCheckable(True)
        add("entity-panel-toggle", "Entity &Panel", self.toggle_panel, menu=MENU,
            help="Show or hide the entity panel and put the focus in it")  # fmt: skip
        add("entity-articles", "&Articles Mentioning This Entity", self.articles_for_entity_at_cursor, menu=MENU,
            help="List every article that mentions the entity at the cursor")  # fmt: skip
        add("entities-top", "&Top Entities…", self.show_top_entities, menu=MENU,
            help="The library's most mentioned people, places and organisations")  # fmt: skip
        add("entity-mark", "&Mark Selection as Entity…", self.mark_selection_dialog, menu=MENU,
            help="Say that the selected words are an entity, here or in every article")  # fmt: skip
        add("entity-remove", "&Remove Entity…", self.remove_at_cursor_dialog, menu=MENU,
            help="Say that the entity at the cursor is not one, here or in every article")  # fmt: skip
        add("watch-term-add", "&Watch Selected Words", self.watch_selection, menu=MENU,
            help="Highlight the selected words in every article (or type a watch term)")  # fmt: skip
        self.dock.visibilityChanged.connect(lambda _v: self._sync_actions())
        self._sync_actions()

    def _sync_actions(self) -> None:
        self.actions["all"].setChecked(self.shown())
        hidden = self.hidden_types()
        for t in ENTITY_TYPES:
            self.actions[t].setChecked(t not in hidden)

    def install_menu(self) -> None:
        """Put the Entities menu before Help when the window's menu list does not have one."""
        bar = self.window.menuBar()
        if any(a.text() == MENU for a in bar.actions()):
            return
        menu = bar.addMenu(MENU)
        help_action = next((a for a in bar.actions() if a.text() == "&Help"), None)
        if help_action is not None:
            bar.insertMenu(help_action, menu)
        for c in self.window.registry.commands.values():
            if c.menu == MENU and c.action is not None:
                menu.addAction(c.action)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if obj is self.window:
            if event.type() == QEvent.Type.Show:
                self.install_menu()
                QTimer.singleShot(0, self._size_docks)
            elif event.type() == QEvent.Type.Close:
                self.prefs.close()
        return False

    def _size_docks(self) -> None:
        """The left column: library views above, entities below (most of the height)."""
        w = self.window
        w.resizeDocks([w.library_dock], [235], Qt.Orientation.Horizontal)
        w.resizeDocks([w.library_dock, self.dock], [230, max(300, w.height() - 330)], Qt.Orientation.Vertical)

    # --- marks ------------------------------------------------------------------------------

    def on_article_shown(self, article) -> None:
        """Apply the corrections to the stored spans, then colour entities and watch terms."""
        self.article = article
        stored = self.window.library.entity_spans(article.id)
        self._tagged = {(s.start, s.end, s.type) for s in stored}
        corrections = self.prefs.corrections(article.id)
        self.spans = apply_corrections(article.text, stored, corrections)
        self.groups = group_mentions(self.spans)
        self.watch_hits = find_watch_terms(article.text, self.prefs.watch_terms())
        self._cycle = {}
        self.window.reading_pane.apply_marks(self.marks())
        if current_theme() != self._legend_theme:  # the swatches of the watch terms follow the theme too
            self.panel.set_watch_terms(self.prefs.watch_terms(), current_theme())
        self._refresh_legend()
        self.panel.set_groups(self.groups, self.hidden_types(), language=article.language)
        self.panel.set_corrections(corrections)

    def marks(self) -> list[Mark]:
        theme = current_theme()
        out = [
            Mark(s.start, s.end, entity_format(s.type, theme),
                 entity_tooltip(s.type, s.text, corrected=(s.start, s.end, s.type) not in self._tagged))
            for s in self.visible_spans()
        ]  # fmt: skip
        # Watch terms go on top: their colour and weight win, an entity's underline stays visible.
        out += [Mark(h.start, h.end, watch_format(h.term.color, theme), f"Watch term: {h.term.term}")
                for h in self.watch_hits]  # fmt: skip
        return out

    def _refresh_legend(self) -> None:
        theme = current_theme()
        self.panel.set_legend(theme, self.hidden_types(), self.window.reading_pane.font())
        self._legend_theme = theme

    def set_type_visible(self, entity_type: str, visible: bool) -> None:
        hidden = self.hidden_types()
        hidden = hidden - {entity_type} if visible else hidden | {entity_type}
        self.window.settings.set("hidden_entity_types", sorted(hidden))
        if visible and not self.shown():
            self.window.settings.set("show_entities", True)
        self._after_visibility_change(f"{STYLES[entity_type].plural} {'shown' if visible else 'hidden'}")

    def toggle_all(self) -> None:
        self.window.settings.set("show_entities", not self.shown())
        self._after_visibility_change("Entities shown" if self.shown() else "Entities hidden")

    def _after_visibility_change(self, message: str) -> None:
        self._sync_actions()
        self._refresh_legend()
        self.window.redecorate()
        self.window.statusBar().showMessage(message, 2000)

    # --- moving between entities ------------------------------------------------------------

    def _reference_offset(self, step: int) -> int:
        """Where [ and ] count from: the cursor when it is on screen, else the top of the view."""
        pane = self.window.reading_pane
        cursor = pane.textCursor()
        if pane.viewport().rect().intersects(pane.cursorRect(cursor)):
            pos = cursor.selectionStart()
        else:
            pos = pane.cursorForPosition(QPoint(0, 0)).position()
            if step > 0 and pos >= pane.doc_position(0):
                return pane.text_offset(pos) - 1
        return -1 if pos < pane.doc_position(0) else pane.text_offset(pos)

    def jump(self, step: int) -> None:
        """Select the next (1) or previous (-1) visible entity, wrapping around at the ends."""
        spans = self.visible_spans()
        if self.article is None or not spans:
            self.window.statusBar().showMessage("No entities shown in this article", 2000)
            return
        base = self._reference_offset(step)
        if step > 0:
            target = next((s for s in spans if s.start > base), spans[0])
        else:
            target = next((s for s in reversed(spans) if s.start < base), spans[-1])
        self.select_span(target)
        n = spans.index(target) + 1
        self.window.statusBar().showMessage(f"{entity_tooltip(target.type, target.text)} — {n} of {len(spans)}", 4000)

    def select_span(self, span: EntitySpan) -> None:
        pane = self.window.reading_pane
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.doc_position(span.start))
        cursor.setPosition(pane.doc_position(span.end), QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.scroll_to_offset(span.start)

    def next_occurrence(self, group: EntityGroup) -> None:
        """Each request shows the group's next mention, round and round."""
        key = (group.type, group.key)
        i = self._cycle.get(key, 0) % group.count
        self._cycle[key] = i + 1
        self.select_span(group.spans[i])
        self.window.statusBar().showMessage(f"{group.name}: mention {i + 1} of {group.count}", 3000)

    def span_at_cursor(self) -> EntitySpan | None:
        pane = self.window.reading_pane
        cursor = pane.textCursor()
        if self.article is None or cursor.selectionStart() < pane.doc_position(0):
            return None
        start = pane.text_offset(cursor.selectionStart())
        end = pane.text_offset(cursor.selectionEnd()) if cursor.hasSelection() else start
        return next((s for s in self.spans if s.start <= start < s.end or (start < s.end and s.start < end)), None)

    # --- across the library -----------------------------------------------------------------

    def show_articles_mentioning(self, name: str) -> None:
        """List every article mentioning `name`, through the filter box (`entity:"…"`)."""
        w = self.window
        if w.view_kind != "view" or w.view_value != "all":
            w.sidebar.select_view("all")
        w.filter_box.setText(f'entity:"{name.replace(chr(34), "")}"')
        w.apply_view(keep_current=True)
        w.list_view.setFocus()

    def articles_for_entity_at_cursor(self) -> None:
        span = self.span_at_cursor()
        group = next((g for g in self.groups if span in g.spans), None) if span else self.panel.current_group()
        if group is None:
            self.window.statusBar().showMessage("Put the cursor on an entity first (] goes to the next one)", 3000)
            return
        self.show_articles_mentioning(filter_name(group.name, group.key))

    def show_top_entities(self) -> None:
        dialog = TopEntitiesDialog(self.window.library, current_theme(), self.window)
        dialog.entity_chosen.connect(self.show_articles_mentioning)
        dialog.exec()

    def toggle_panel(self) -> None:
        visible = not (self.dock.isVisible() and self.panel.tree.hasFocus())
        self.dock.setVisible(visible)
        self.window.settings.set("entity_panel_visible", visible)
        if visible:
            self.panel.tabs.setCurrentIndex(0)
            self.panel.tree.setFocus()

    # --- corrections and watch terms --------------------------------------------------------

    def _write(self, write: Callable[[], T], message: Callable[[T], str]) -> bool:
        """Save through the window's one door for user-data writes; then redraw and say what changed."""
        try:
            result = self.window.operations.apply(write, Changes())
        except (KeyError, ValueError) as exc:  # a blank term, a rule someone else just removed
            self.window.statusBar().showMessage(str(exc).strip("'\""), 4000)
            return False
        if result is None:  # the database refused; Operations has told the user why
            return False
        self._changed(message(result))
        return True

    def _changed(self, message: str) -> None:
        self._refresh_rules()
        self.window.redecorate()
        self.window.statusBar().showMessage(message, 4000)

    def _refresh_rules(self) -> None:
        self.panel.set_watch_terms(self.prefs.watch_terms(), current_theme())
        # An article's own corrections and the every-article ones ("" alone when no article is shown).
        self.panel.set_corrections(self.prefs.corrections(self.article.id if self.article is not None else ""))

    def mark_selection(self, entity_type: str, *, everywhere: bool = False) -> bool:
        """Make the selected words an entity of `entity_type`, here or in every article."""
        sel = self.window.reading_pane.selection_offsets()
        if self.article is None or sel is None:
            return False
        start, end = sel
        text = self.article.text
        while start < end and text[start].isspace():  # a double-click selection may carry a space
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            return False
        article_id = EVERY_ARTICLE if everywhere else self.article.id
        where = "in every article" if everywhere else "here"
        return self._write(
            lambda: self.prefs.add_correction(article_id=article_id, start=start, end=end, exact=text[start:end],
                                              type=entity_type, action="add"),
            lambda c: f"“{c.exact}” is now a {STYLES[entity_type].label.lower()} {where}",
        )  # fmt: skip

    def remove_span(self, span: EntitySpan, *, everywhere: bool = False) -> None:
        if self.article is None:
            return
        article_id = EVERY_ARTICLE if everywhere else self.article.id
        self._write(
            lambda: self.prefs.add_correction(article_id=article_id, start=span.start, end=span.end, exact=span.text,
                                              type=span.type, action="remove"),
            lambda _c: f"“{span.text}” is no longer an entity {'anywhere' if everywhere else 'here'}",
        )  # fmt: skip

    def remove_group(self, group: EntityGroup, everywhere: bool) -> None:
        """Every spelling of the group is never an entity, or each of its mentions here is not one."""
        if self.article is None:
            return
        article_id = self.article.id

        def write() -> int:
            if everywhere:
                texts = list(dict.fromkeys(s.text for s in group.spans))
                for text in texts:
                    self.prefs.add_correction(article_id=EVERY_ARTICLE, exact=text, type=group.type, action="remove")
                return len(texts)
            for s in group.spans:
                self.prefs.add_correction(article_id=article_id, start=s.start, end=s.end, exact=s.text,
                                          type=s.type, action="remove")  # fmt: skip
            return len(group.spans)

        where = "in any article" if everywhere else "in this article"
        self._write(write, lambda _n: f"“{group.name}” is no longer marked {where}")

    def mark_selection_dialog(self) -> None:
        sel = self.window.reading_pane.selection_offsets()
        if self.article is None or sel is None:
            self.window.statusBar().showMessage("Select the words to mark first", 3000)
            return
        dialog = MarkEntityDialog(" ".join(self.article.text[sel[0] : sel[1]].split()), self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.mark_selection(dialog.type_box.currentData(), everywhere=dialog.always.isChecked())

    def remove_at_cursor_dialog(self) -> None:
        span = self.span_at_cursor()
        if span is None:
            self.window.statusBar().showMessage("Put the cursor on an entity first (] goes to the next one)", 3000)
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Remove Entity",
                          f"“{span.text}” is not a {STYLES[span.type].label.lower()}:", parent=self.window)  # fmt: skip
        here = box.addButton("Only in this article", QMessageBox.ButtonRole.AcceptRole)
        never = box.addButton("Never, in any article", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() in (here, never):
            self.remove_span(span, everywhere=box.clickedButton() is never)

    def watch_selection(self) -> None:
        sel = self.window.reading_pane.selection_offsets()
        if self.article is None or sel is None:
            self.dock.setVisible(True)
            self.panel.tabs.setCurrentIndex(1)
            self.panel.watch_edit.setFocus()
            return
        self.add_watch_term(self.article.text[sel[0] : sel[1]])

    def add_watch_term(self, term: str, *, whole_word: bool = True, case_sensitive: bool = False) -> None:
        self._write(lambda: self.prefs.add_watch_term(term, whole_word=whole_word, case_sensitive=case_sensitive),
                    lambda added: f"Watching “{added.term}” in every article")  # fmt: skip

    def recolour_watch_term(self, term_id: str, color: str) -> None:
        term = next((t for t in self.prefs.watch_terms() if t.id == term_id), None)
        if term is not None:
            self._write(lambda: self.prefs.add_watch_term(term.term, whole_word=term.whole_word,
                                                          case_sensitive=term.case_sensitive, color=color),
                        lambda t: f"“{t.term}” has a new colour")  # fmt: skip

    def recolour_watch_term_dialog(self, term_id: str) -> None:
        term = next((t for t in self.prefs.watch_terms() if t.id == term_id), None)
        if term is not None:
            color = QColorDialog.getColor(QColor(term.color), self.window, f"Colour for “{term.term}”")
            if color.isValid():
                self.recolour_watch_term(term_id, color.name())

    def delete_watch_term(self, term_id: str) -> None:
        self._write(lambda: self.prefs.delete_watch_term(term_id), lambda t: f"Stopped watching “{t.term}”")

    def delete_correction(self, correction_id: str) -> None:
        self._write(lambda: self.prefs.delete_correction(correction_id), lambda c: f"Correction forgotten: {c.exact}")
