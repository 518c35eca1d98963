"""Entities in the window: coloured marks, per-type toggles, [ and ] navigation, the entity panel,
articles mentioning an entity, top entities, corrections and watch terms.

Spans come from the library cache (tagged in the background after import); the user's
corrections are applied on top by the pure `apply_corrections`. The feature draws two layers of the
reading pane, "entities" and "watch", each again only when what it shows changed (a correction, a
watch term, a type shown or hidden, new tags from the background tagger). Writes go through the
session, so Ctrl+Z undoes a correction or a watch term like any other change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from reader.core import entities
from reader.core.article import Article
from reader.core.entities import ENTITY_TYPES, EntityGroup, EntitySpan, group_mentions
from reader.core.session import Applied, Changes
from reader.core.store.entity_prefs import EVERY_ARTICLE, Correction, apply_corrections
from reader.core.watch_terms import WatchHit, find_watch_terms
from reader.ui.dialogs.top_entities import TopEntitiesDialog
from reader.ui.entity_marks import STYLES, entity_format, entity_tooltip, listed_types, shown_type, watch_format
from reader.ui.entity_navigation import next_span, reference_offset, select_span, span_at_cursor
from reader.ui.entity_panel import EntityPanel, MarkEntityDialog
from reader.ui.feature_context import FeatureContext
from reader.ui.operations import FAILED
from reader.ui.reading_pane import Mark
from reader.ui.same_entity import SameEntityActions
from reader.ui.themes import current_theme
from reader.ui.watch_term_actions import WatchTermActions

MENU = "&Entities"
T = TypeVar("T")


class EntityFeature(SameEntityActions, WatchTermActions, QObject):
    """Wires entity marks, the panel and the entity commands into the main window."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.reading_pane)
        self.context = context
        self.operations = context.operations
        self.session = context.session
        self.prefs = context.session.prefs  # reads; writes go through self.operations.run
        self.pane = context.reading_pane
        self.article: Article | None = None
        self.spans: list[EntitySpan] = []  # the article's entities after corrections, every type
        self.groups: list[EntityGroup] = []
        self.watch_hits: list[WatchHit] = []
        self._tagged: set[tuple[int, int, str]] = set()  # spans as the tagger left them (the rest are corrections)
        self._listed: dict[tuple[int, int], str] = {}  # mention -> the type its group is listed under
        self._cycle: dict[tuple[str, str], int] = {}
        self._names = True  # whether the tagger looked for names in this article (English, or may be)
        self._focus_before: QWidget | None = None  # where F9 took the focus from, to give it back
        self.panel = EntityPanel()
        visible = bool(context.settings.get("entity_panel_visible", True))
        self.dock = context.add_panel("Entities", self.panel, "entityDock", visible=visible)
        self._connect_panel()
        self._register_commands()
        context.article_shown.connect(self.on_article_shown)
        context.entities_arrived.connect(self._on_entities_arrived)
        self.operations.changes_applied.connect(self._on_changes)
        self._legend_theme = ""
        self._legend_key: tuple[str, frozenset[str], str] | None = None  # what the legend was last drawn for
        self._names_of: dict[tuple[str, str], bool] = {}  # (article id, language): whether names are looked for
        self._refresh_legend()
        self.panel.set_groups([], self.hidden_types(), article=False)
        self._refresh_rules()

    # --- settings ---------------------------------------------------------------------------

    def hidden_types(self) -> set[str]:
        return set(self.context.settings.get("hidden_entity_types") or [])

    def shown(self) -> bool:
        return bool(self.context.settings.get("show_entities", True))

    def visible_spans(self) -> list[EntitySpan]:
        hidden = self.hidden_types()
        listed = self._listed
        return [s for s in self.spans if shown_type(s, listed) not in hidden] if self.shown() else []

    # --- wiring -----------------------------------------------------------------------------

    def _connect_panel(self) -> None:
        p = self.panel
        p.type_toggled.connect(self.set_type_visible)
        p.occurrence_requested.connect(self.next_occurrence)
        p.articles_requested.connect(lambda g: self.show_articles_mentioning(self.filter_name(g)))
        p.remove_requested.connect(self.remove_group)
        p.watch_add_requested.connect(lambda t, w, c: self.add_watch_term(t, whole_word=w, case_sensitive=c))
        p.watch_delete_requested.connect(self.delete_watch_term)
        p.watch_color_requested.connect(self.recolour_watch_term_dialog)
        p.correction_delete_requested.connect(self.delete_correction)
        p.alias_requested.connect(self.same_entity_dialog)
        p.alias_delete_requested.connect(self.delete_alias)

    def _register_commands(self) -> None:
        add = self.context.registry.add
        self.actions: dict[str, QAction] = {}
        add("entity-next", "&Next Entity", lambda: self.jump(1), menu=MENU, help="Go to the next entity in the article")
        add("entity-previous", "&Previous Entity", lambda: self.jump(-1), menu=MENU,
            help="Go to the previous entity in the article")  # fmt: skip
        self.actions["all"] = add("entities-toggle", "&Show Entities", self.toggle_all, menu=MENU,
                                  help="Show or hide all entity colours in the reading pane")  # fmt: skip
        toggles = self.context.registry.add_with_arg(
            "entity-toggle", "Show {arg}", lambda v: self.set_type_visible(v.upper(), v.upper() in self.hidden_types()),
            choices=[(t.lower(), STYLES[t].plural) for t in ENTITY_TYPES], menu=MENU,
            help="Show or hide {arg}")  # fmt: skip
        self.actions.update({t: toggles[t.lower()] for t in ENTITY_TYPES})
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
        add("entity-alias", "Same &Entity As…", lambda: self.same_entity_dialog(self.group_at_cursor()), menu=MENU,
            help="Say that the entity at the cursor is another one, by another name, in every article")  # fmt: skip
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

    # --- marks ------------------------------------------------------------------------------

    def on_article_shown(self, article: Article) -> None:
        """Apply the corrections to the stored spans, then colour entities and watch terms."""
        self.article = article
        self._cycle = {}
        self._names = self._reads_names(article)
        self._draw_entities()
        self._draw_watch_terms()
        if current_theme() != self._legend_theme:  # the swatches of the watch terms follow the theme too
            self.panel.set_watch_terms(self.prefs.watch_terms(), current_theme())
        self._refresh_legend(only_if_changed=True)

    def _reads_names(self, article: Article) -> bool:
        """`entities.reads_names` for `article`, judged once per article (an unknown language is told from the text,
        which takes longer than drawing the article's entities)."""
        key = (article.id, article.language)
        names = self._names_of.get(key)
        if names is None:
            if len(self._names_of) >= 256:
                self._names_of.clear()
            names = self._names_of[key] = entities.reads_names(article.language, article.text)
        return names

    def _draw_entities(self) -> None:
        """The "entities" layer and the panel's groups, from the cache's spans and the corrections."""
        article = self.article
        if article is None:
            return
        stored = [s for s in self.context.library.entity_spans(article.id) if isinstance(s, EntitySpan)]
        self._tagged = {(s.start, s.end, s.type) for s in stored}
        corrections = self.prefs.corrections(article.id)
        self.spans = apply_corrections(article.text, stored, corrections)
        # the library's table (its joined surnames and learned acronyms too), so a row here is the row of Top
        # Entities and of `entity:`; read from two small rows unless an article's mentions or a rule changed
        self.groups = group_mentions(self.spans, self.context.library.alias_table(), article.text)
        self._listed = listed_types(self.groups)
        self.pane.set_layer("entities", self.entity_marks())
        self.panel.set_groups(self.groups, self.hidden_types(), language=article.language, names=self._names,
                               has_text=bool(article.text))
        self.panel.set_corrections(corrections, self.prefs.aliases())

    def _draw_watch_terms(self) -> None:
        if self.article is not None:
            self.watch_hits = find_watch_terms(self.article.text, self.prefs.watch_terms())
            self.pane.set_layer("watch", self.watch_marks())

    def entity_marks(self) -> list[Mark]:
        theme = current_theme()
        listed = self._listed
        return [
            Mark(s.start, s.end, entity_format(shown_type(s, listed), theme),
                 entity_tooltip(shown_type(s, listed), s.text, corrected=(s.start, s.end, s.type) not in self._tagged))
            for s in self.visible_spans()
        ]  # fmt: skip

    def watch_marks(self) -> list[Mark]:
        """Watch terms, a layer above the entities: their colour and weight win, the underline stays."""
        theme = current_theme()
        return [Mark(h.start, h.end, watch_format(h.term.color, theme), f"Watch term: {h.term.term}")
                for h in self.watch_hits]  # fmt: skip

    def marks(self) -> list[Mark]:
        return self.entity_marks() + self.watch_marks()

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        """A correction or watch term was written, undone or redone: draw that layer again."""
        if changes.corrections or changes.watch_terms:
            self._refresh_rules()
        shown = self.article
        if shown is None:
            return
        if changes.corrections and (not changes.article_ids or shown.id in changes.article_ids):
            self._draw_entities()
        if changes.watch_terms:
            self._draw_watch_terms()

    def _on_entities_arrived(self, ids: list[str]) -> None:
        if self.article is not None and self.article.id in ids:
            self._draw_entities()

    def _refresh_legend(self, *, only_if_changed: bool = False) -> None:
        """Draw the legend's samples again; `only_if_changed`: not when theme, hidden types and font are as last drawn
        (opening an article: the samples are the same, and drawing them is a fifth of the open)."""
        theme, hidden, font = current_theme(), self.hidden_types(), self.pane.font()
        key = (theme, frozenset(hidden), font.key())
        if only_if_changed and key == self._legend_key:
            return
        self.panel.set_legend(theme, hidden, font)
        self._legend_theme, self._legend_key = theme, key

    def set_type_visible(self, entity_type: str, visible: bool) -> None:
        hidden = self.hidden_types()
        hidden = hidden - {entity_type} if visible else hidden | {entity_type}
        self.context.settings.set("hidden_entity_types", sorted(hidden))
        if visible and not self.shown():
            self.context.settings.set("show_entities", True)
        self._after_visibility_change(f"{STYLES[entity_type].plural} {'shown' if visible else 'hidden'}")

    def toggle_all(self) -> None:
        self.context.settings.set("show_entities", not self.shown())
        self._after_visibility_change("Entities shown" if self.shown() else "Entities hidden")

    def _after_visibility_change(self, message: str) -> None:
        self._sync_actions()
        self._refresh_legend()
        if self.article is not None:
            self.pane.set_layer("entities", self.entity_marks())
            self.panel.set_groups(self.groups, self.hidden_types(), language=self.article.language,
                                  names=self._names, has_text=bool(self.article.text))
        self.context.show_message(message, 2000)

    # --- moving between entities ------------------------------------------------------------

    def jump(self, step: int) -> None:
        """Select the next (1) or previous (-1) visible entity, wrapping around at the ends."""
        spans = self.visible_spans()
        if self.article is None or not spans:
            self.context.show_message("No entities shown in this article", 2000)
            return
        target = next_span(spans, reference_offset(self.pane, step), step)
        self.select_span(target)
        n = spans.index(target) + 1
        label = entity_tooltip(shown_type(target, self._listed), target.text)
        self.context.show_message(f"{label} — {n} of {len(spans)}", 4000)

    def select_span(self, span: EntitySpan) -> None:
        select_span(self.pane, span)

    def next_occurrence(self, group: EntityGroup) -> None:
        """Each request shows the group's next mention, round and round."""
        key = (group.type, group.key)
        i = self._cycle.get(key, 0) % group.count
        self._cycle[key] = i + 1
        self.select_span(group.spans[i])
        self.context.show_message(f"{group.name}: mention {i + 1} of {group.count}", 3000)

    def span_at_cursor(self) -> EntitySpan | None:
        return span_at_cursor(self.pane, self.spans) if self.article is not None else None

    # --- across the library -----------------------------------------------------------------

    def show_articles_mentioning(self, name: str) -> None:
        """List every article mentioning `name`, through the filter box (`entity:"…"`)."""
        self.context.show_list_filter(f'entity:"{name.replace(chr(34), "")}"')

    def articles_for_entity_at_cursor(self) -> None:
        group = self.group_at_cursor()
        if group is None:
            self.context.show_message("Put the cursor on an entity first (] goes to the next one)", 3000)
            return
        self.show_articles_mentioning(self.filter_name(group))

    def show_top_entities(self) -> None:
        dialog = TopEntitiesDialog(self.context.library, current_theme(), self.context.dialog_parent())
        dialog.entity_chosen.connect(self.show_articles_mentioning)
        dialog.exec()

    def toggle_panel(self) -> None:
        """F9: show the panel with the focus in it; pressed in the panel, hide it and give the focus back."""
        focus = QApplication.focusWidget()
        visible = not (self.dock.isVisible() and focus is not None and self.panel.isAncestorOf(focus))
        if visible and focus is not None and not self.panel.isAncestorOf(focus):
            self._focus_before = focus
        self.dock.setVisible(visible)
        self.context.settings.set("entity_panel_visible", visible)
        if visible:
            self.panel.tabs.setCurrentIndex(0)
            self.panel.tree.setFocus()
        else:  # not to whatever Qt picks next (the filter box would swallow j and k)
            back = self._focus_before
            (back if back is not None and back.isVisible() else self.pane).setFocus()

    # --- corrections (watch terms: WatchTermActions) --------------------------------------------------------

    def _write(self, write: Callable[[], Applied[T]], message: Callable[[T], str]) -> bool:
        """Save through the session; the layers are drawn again on `changes_applied`. Say what changed."""
        done = self.operations.run(write)
        if done is FAILED:  # refused or failed: the window has said why
            return False
        self.context.show_message(message(done.value), 4000)
        return True

    def _refresh_rules(self) -> None:
        self.panel.set_watch_terms(self.prefs.watch_terms(), current_theme())
        # An article's own corrections and the every-article ones ("" alone when no article is shown).
        shown = self.article.id if self.article is not None else ""
        self.panel.set_corrections(self.prefs.corrections(shown), self.prefs.aliases())

    def mark_selection(self, entity_type: str, *, everywhere: bool = False) -> bool:
        """Make the selected words an entity of `entity_type`, here or in every article."""
        sel = self.pane.word_selection()
        if self.article is None or sel is None:
            return False
        start, end = sel
        text = self.article.text
        article_id = EVERY_ARTICLE if everywhere else self.article.id
        where = "in every article" if everywhere else "here"
        return self._write(
            lambda: self.session.add_correction(article_id=article_id, start=start, end=end, exact=text[start:end],
                                                type=entity_type, action="add"),
            lambda c: f"“{c.exact}” is now a {STYLES[entity_type].label.lower()} {where}",
        )  # fmt: skip

    def remove_span(self, span: EntitySpan, *, everywhere: bool = False) -> None:
        if self.article is None:
            return
        article_id = EVERY_ARTICLE if everywhere else self.article.id
        self._write(
            lambda: self.session.add_correction(article_id=article_id, start=span.start, end=span.end,
                                                exact=span.text, type=span.type, action="remove"),
            lambda _c: f"“{span.text}” is no longer an entity {'anywhere' if everywhere else 'here'}",
        )  # fmt: skip

    def remove_group(self, group: EntityGroup, everywhere: bool) -> None:
        """Every spelling of the group is never an entity, or each of its mentions here is not one."""
        if self.article is None:
            return
        article_id = self.article.id

        if everywhere:
            wanted = [Correction(EVERY_ARTICLE, 0, 0, text, group.type, "remove")
                      for text in dict.fromkeys(s.text for s in group.spans)]  # fmt: skip
        else:
            wanted = [Correction(article_id, s.start, s.end, s.text, s.type, "remove") for s in group.spans]
        label = "Remove Entity Everywhere" if everywhere else "Remove Entity"

        where = "in any article" if everywhere else "in this article"
        self._write(lambda: self.session.add_corrections(wanted, label=label),
                    lambda _n: f"“{group.name}” is no longer marked {where}")

    def mark_selection_dialog(self) -> None:
        sel = self.pane.word_selection()
        if self.article is None or sel is None:
            self.context.show_message("Select the words to mark first", 3000)
            return
        dialog = MarkEntityDialog(" ".join(self.article.text[sel[0] : sel[1]].split()), self.context.dialog_parent())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.mark_selection(dialog.type_box.currentData(), everywhere=dialog.always.isChecked())

    def remove_at_cursor_dialog(self) -> None:
        span = self.span_at_cursor()
        if span is None:
            self.context.show_message("Put the cursor on an entity first (] goes to the next one)", 3000)
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Remove Entity",
                          f"“{span.text}” is not a {STYLES[span.type].label.lower()}:",
                          parent=self.context.dialog_parent())  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)  # the entity's words come from the article
        here = box.addButton("Only in this article", QMessageBox.ButtonRole.AcceptRole)
        never = box.addButton("Never, in any article", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() in (here, never):
            self.remove_span(span, everywhere=box.clickedButton() is never)

    def delete_correction(self, correction_id: str) -> None:
        self._write(lambda: self.session.delete_correction(correction_id), lambda c: f"Correction forgotten: {c.exact}")
