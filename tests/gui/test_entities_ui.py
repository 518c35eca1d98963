"""Entities in the window: marks on the right characters, toggles, [ ] keys, panel, library views,
corrections and watch terms that survive a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from reader.core.entities import EntitySpan
from reader.ui.entity_feature import EntityFeature
from reader.ui.entity_marks import STYLES, UNDERLINES, contrast_ratio, entity_color, page_color, readable

U = QTextCharFormat.UnderlineStyle


def feature(w) -> EntityFeature:
    return next(f for f in w.features if isinstance(f, EntityFeature))


def article_id(w, title_start: str) -> str:
    rows = w.library.rows(w.model.ids)
    return next(i for i, r in rows.items() if r.title.startswith(title_start))


def spans_for(text: str, wanted: list[tuple[str, str, int]]) -> list[EntitySpan]:
    """EntitySpans for (words, type, nth occurrence) in `text`."""
    out = []
    for words, typ, nth in wanted:
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        out.append(EntitySpan(start, start + len(words), typ, words))
    return sorted(out, key=lambda s: s.start)


HARBOUR = [("Tallinn", "LOC", 0), ("Monday", "DATE", 0), ("4 percent", "PERCENT", 0), ("Gulf of Finland", "LOC", 0),
           ("Peeter Kask", "PER", 0), ("April", "DATE", 0)]  # fmt: skip


@pytest.fixture
def harbour(make_window):
    """A window showing the harbour article, with known entity spans stored in the cache."""
    w = make_window()
    aid = article_id(w, "Harbour strike")
    text = w.library.article(aid).text
    spans = spans_for(text, HARBOUR)
    w.library.store_mentions(aid, spans)
    w.select_article(aid)
    return w, aid, text, spans


def fmt_at(w, offset: int) -> QTextCharFormat:
    """The character format of the character at `offset` of the article text."""
    pane = w.reading_pane
    c = QTextCursor(pane.document())
    c.setPosition(pane.doc_position(offset) + 1)
    return c.charFormat()


def is_entity(w, offset: int, typ: str) -> bool:
    f = fmt_at(w, offset)
    underline = UNDERLINES[STYLES[typ].underline]
    return f.foreground().color() == entity_color(typ, "light") and f.underlineStyle() == underline


def select(w, start: int, end: int) -> None:
    pane = w.reading_pane
    c = QTextCursor(pane.document())
    c.setPosition(pane.doc_position(start))
    c.setPosition(pane.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(c)


def selected_text(w) -> str:
    return w.reading_pane.textCursor().selectedText()


def test_marks_land_on_exactly_the_entity_characters(harbour) -> None:
    w, _aid, _text, spans = harbour
    for s in spans:
        assert all(is_entity(w, i, s.type) for i in range(s.start, s.end)), s
        assert not is_entity(w, s.start - 1, s.type) and not is_entity(w, s.end, s.type), s
        assert fmt_at(w, s.start).toolTip() == f"{STYLES[s.type].label}: {s.text}"
    assert fmt_at(w, spans[0].start).underlineStyle() == U.WaveUnderline  # a place: wave, not only colour
    assert fmt_at(w, spans[-1].start).underlineStyle() == U.DashDotLine  # a date
    assert fmt_at(w, spans[0].start - 2).underlineStyle() == U.NoUnderline


def test_type_toggles_hide_marks_and_are_remembered(harbour, make_window, qtbot) -> None:
    w, aid, _text, spans = harbour
    place, person = spans[0], next(s for s in spans if s.type == "PER")
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # places off
    assert not is_entity(w, place.start, "LOC") and is_entity(w, person.start, "PER")
    assert not feature(w).panel.type_boxes["LOC"].isChecked()
    qtbot.keyClick(w.list_view, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)  # all off
    assert not is_entity(w, person.start, "PER")
    w.close()
    w2 = make_window()
    w2.select_article(aid)
    assert not is_entity(w2, person.start, "PER")
    feature(w2).panel.type_boxes["LOC"].setChecked(True)  # the legend's box turns places (and entities) on
    assert is_entity(w2, place.start, "LOC") and is_entity(w2, person.start, "PER")
    assert w2.settings.get("hidden_entity_types") == [] and w2.settings.get("show_entities") is True


def test_brackets_walk_through_entities_and_wrap(harbour, qtbot) -> None:
    w, _aid, _text, spans = harbour
    w.list_view.setFocus()
    seen = []
    for _ in range(len(spans) + 1):
        qtbot.keyClick(w.list_view, Qt.Key.Key_BracketRight)
        seen.append(selected_text(w))
    assert seen == [s.text for s in spans] + [spans[0].text]
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_BracketLeft)
    assert selected_text(w) == spans[-1].text
    qtbot.keyClick(w.reading_pane, Qt.Key.Key_BracketLeft)
    assert selected_text(w) == spans[-2].text


KREMLIN = "Kremlin talks\n\nVladimir Putin met the Finnish president in Moscow. Putin said the talks were useful.\n\n" \
          "Aides to Putin agreed.\n"


def test_panel_groups_short_and_full_names_and_cycles_mentions(make_window, article_folder, qtbot) -> None:
    (article_folder / "kremlin.txt").write_text(KREMLIN, encoding="utf-8")
    w = make_window()
    aid = article_id(w, "Kremlin talks")
    text = w.library.article(aid).text
    wanted = [("Vladimir Putin", "PER", 0), ("Moscow", "LOC", 0), ("Putin", "PER", 1), ("Putin", "PER", 2)]
    w.library.store_mentions(aid, spans_for(text, wanted))
    w.select_article(aid)
    f = feature(w)
    tree = f.panel.tree
    tops = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    assert set(tops) == {"People", "Places"}
    people = tops["People"]
    assert people.childCount() == 1 and people.child(0).text(0) == "Vladimir Putin" and people.child(0).text(1) == "3"
    tree.setCurrentItem(people.child(0))
    rect = tree.visualItemRect(people.child(0))
    starts = []
    for _ in range(2):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        starts.append(w.reading_pane.textCursor().selectionStart())
    assert selected_text(w) == "Putin"
    for _ in range(2):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        starts.append(w.reading_pane.textCursor().selectionStart())
    assert selected_text(w) == "Vladimir Putin"  # round again after the third mention
    mentions = [w.reading_pane.doc_position(s.start) for s in spans_for(text, wanted) if s.type == "PER"]
    assert starts == [*mentions, mentions[0]]
    f.panel.articles_requested.emit(people.child(0).data(0, Qt.ItemDataRole.UserRole + 1))
    assert w.filter_box.text() == 'entity:"Vladimir Putin"' and w.model.ids == [aid]


def test_articles_mentioning_from_panel_and_top_entities(make_window, qtbot) -> None:
    from reader.ui.dialogs.top_entities import TopEntitiesDialog

    w = make_window()
    harbour_id, rain_id = article_id(w, "Harbour strike"), article_id(w, "Rain returns")
    for aid, wanted in ((harbour_id, [("percent", "PERCENT", 0), ("Tallinn", "LOC", 0)]),
                        (rain_id, [("percent", "PERCENT", 0)])):  # fmt: skip
        w.library.store_mentions(aid, spans_for(w.library.article(aid).text, wanted))
    w.select_article(harbour_id)
    f = feature(w)
    group = next(g for g in f.groups if g.type == "LOC")
    f.panel.articles_requested.emit(group)
    assert w.filter_box.text() == 'entity:"Tallinn"'
    assert w.model.ids == [harbour_id]
    dialog = TopEntitiesDialog(w.library, "light", w)
    qtbot.addWidget(dialog)
    assert dialog.type_box.currentData() == "PER" and dialog.table.rowCount() == 0  # nobody tagged as a person
    dialog.type_box.setCurrentIndex(0)  # all types
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 0).text() == "percent"
    assert dialog.table.item(0, 2).text() == "2"  # articles
    chosen = []
    dialog.entity_chosen.connect(chosen.append)
    dialog.entity_chosen.connect(f.show_articles_mentioning)
    dialog.choose()
    assert chosen == ["percent"] and set(w.model.ids) == {harbour_id, rain_id}


def test_corrections_apply_on_reopen_and_everywhere(harbour, make_window) -> None:
    w, aid, text, spans = harbour
    f = feature(w)
    union = text.index("Union leader")
    select(w, union, union + len("Union"))
    assert f.mark_selection("ORG")  # here only
    assert is_entity(w, union, "ORG") and "your correction" in fmt_at(w, union).toolTip()
    f.remove_span(spans[0], everywhere=True)  # never "Tallinn"
    f.remove_span(next(s for s in spans if s.type == "PER"))  # not here
    budget = article_id(w, "Council delays")
    budget_text = w.library.article(budget).text
    thursday = budget_text.index("Thursday")
    w.select_article(budget)
    select(w, thursday, thursday + len("Thursday "))  # a trailing space is trimmed
    assert f.mark_selection("DATE", everywhere=True)
    w.close()

    w2 = make_window()
    w2.select_article(aid)
    assert is_entity(w2, union, "ORG")
    assert not is_entity(w2, spans[0].start, "LOC")
    assert not any(is_entity(w2, s.start, "PER") for s in spans)
    assert is_entity(w2, spans[1].start, "DATE")  # untouched ones stay
    w2.select_article(budget)
    assert is_entity(w2, thursday, "DATE") and not is_entity(w2, thursday + len("Thursday"), "DATE")
    rules = [feature(w2).panel.rules_list.item(i).text() for i in range(feature(w2).panel.rules_list.count())]
    assert rules == ["Never an entity: Tallinn", "Always a date: Thursday"]  # not the harbour article's own
    w2.library.store_mentions(budget, [EntitySpan(0, 3, "ORG", budget_text[:3])])
    w2.entities_arrived.emit([budget])  # what the background tagger's batch does
    assert is_entity(w2, thursday, "DATE")  # "always" also applies to freshly tagged articles


def test_watch_terms_mark_every_article_and_persist(harbour, make_window, qtbot) -> None:
    w, aid, text, _spans = harbour
    f = feature(w)
    f.panel.watch_edit.setText("percent")
    qtbot.keyClick(f.panel.watch_edit, Qt.Key.Key_Return)
    at = text.index("percent")
    fmt = fmt_at(w, at)
    # bold in its colour, and no overline: the line over the words read as a stray rule (issue 10)
    assert fmt.fontWeight() == 700 and not fmt.fontOverline() and fmt.toolTip() == "Watch term: percent"
    assert fmt.underlineStyle() == UNDERLINES[STYLES["PERCENT"].underline]  # the entity underneath still shows
    assert fmt_at(w, at - 2).toolTip() != "Watch term: percent"
    w.close()
    w2 = make_window()
    rain = article_id(w2, "Rain returns")
    w2.select_article(rain)
    rain_text = w2.library.article(rain).text
    hits = [i for i in range(len(rain_text)) if rain_text.startswith("percent", i)]
    assert len(hits) == 2 and all(fmt_at(w2, i).toolTip() == "Watch term: percent" for i in hits)
    f2 = feature(w2)
    assert f2.panel.watch_list.count() == 1
    f2.recolour_watch_term(f2.prefs.watch_terms()[0].id, "#ffd400")  # a yellow, darkened to read on paper
    assert fmt_at(w2, hits[0]).foreground().color() == readable("#ffd400", "light") != QColor("#ffd400")
    f2.panel.watch_list.setCurrentRow(0)
    f2.panel.watch_delete_requested.emit(f2.panel.watch_list.currentItem().data(Qt.ItemDataRole.UserRole + 2))
    assert fmt_at(w2, hits[0]).toolTip() != "Watch term: percent" and f2.prefs.watch_terms() == []


def test_colours_read_well_on_both_themes(qtbot) -> None:
    for typ in STYLES:
        for theme in ("light", "dark"):
            assert contrast_ratio(entity_color(typ, theme), page_color(theme)) >= 4.5, (typ, theme)
    assert contrast_ratio(readable("#ffff00", "light"), page_color("light")) >= 4.5
    assert contrast_ratio(readable("#000080", "dark"), page_color("dark")) >= 4.5


def test_dark_theme_redraws_entities_in_its_own_colours(harbour) -> None:
    w, _aid, _text, spans = harbour
    person = next(s for s in spans if s.type == "PER")
    w.toggle_theme()
    try:
        f = fmt_at(w, person.start)
        assert f.foreground().color() == entity_color("PER", "dark") != entity_color("PER", "light")
        assert f.underlineStyle() == U.SingleUnderline
    finally:
        w.toggle_theme()  # the palette belongs to the whole test process
    assert is_entity(w, person.start, "PER")


def test_filter_names_turn_back_into_the_cache_key() -> None:
    from reader.core.entities.aliases import builtin_table, name_key
    from reader.ui.dialogs.top_entities import filter_name

    def back(name: str, key: str) -> str:
        return builtin_table().resolve(filter_name(name, key), "")[0]

    assert filter_name("Vladimir Putin", "vladimir putin") == "Vladimir Putin"
    assert back("the European Union", name_key("the European Union", "ORG")) == "european union"
    key = name_key("Sammy Davis Jr.", "PER")
    assert filter_name("Sammy Davis Jr.", key) == "Sammy Davis Jr." and back("Sammy Davis Jr.", key) == key
    assert filter_name("U.S.", "united states") == "U.S."  # an alias finds its entity
    assert filter_name("Unrelated", "some key") == "some key"


def test_panel_removals_and_refused_input(harbour) -> None:
    w, _aid, _text, spans = harbour
    f = feature(w)
    places = next(g for g in f.groups if g.type == "LOC" and g.name == "Tallinn")
    f.panel.remove_requested.emit(places, False)  # not here
    assert not is_entity(w, spans[0].start, "LOC") and is_entity(w, spans[3].start, "LOC")
    april = next(g for g in f.groups if g.name == "April")
    f.panel.remove_requested.emit(april, True)  # never
    assert [c.exact for c in f.prefs.corrections("")] == ["April"]
    assert not is_entity(w, spans[-1].start, "DATE")
    f.add_watch_term("   ")
    assert f.prefs.watch_terms() == [] and "at least one character" in w.statusBar().currentMessage()
    f.delete_correction("no such id")  # gone already: said, not raised
    assert len(f.prefs.corrections()) == 2


def test_the_panel_says_why_an_article_in_another_language_has_no_names(harbour) -> None:
    from dataclasses import replace

    w, aid, _text, _spans = harbour
    panel = feature(w).panel
    assert not panel.empty_label.isVisibleTo(panel)  # English, with entities
    feature(w).on_article_shown(replace(w.library.article(aid), language="de"))
    assert panel.empty_label.isVisibleTo(panel) and "English articles only" in panel.empty_label.text()
    assert "this one reads as German" in panel.empty_label.text()
