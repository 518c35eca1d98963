"""One row per entity in the window: the panel and Top Entities merge aliases, a row lists every article
that writes any of its names, and "Same Entity As…" merges rows until it is undone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core.entities import EntitySpan
from reader.ui.entity_feature import EntityFeature

GRAIN = "Grain deal signed\n\nThe U.S. and Estonia signed a grain deal. The United States will ship in May.\n"
SHIPS = "Grain ships leave\n\nShips left America on Monday. Peeter Kask of the port board watched.\n"
PORT = "Port board meets\n\nKask told the board the ships were late.\n"


def feature(w) -> EntityFeature:
    return next(f for f in w.features if isinstance(f, EntityFeature))


def article_id(w, title: str) -> str:
    return next(i for i, r in w.library.rows(w.library.all_ids()).items() if r.title == title)


def tag(w, title: str, *wanted: tuple[str, str]) -> str:
    aid = article_id(w, title)
    text = w.library.article(aid).text
    spans, pos = [], 0
    for words, typ in wanted:
        start = text.index(words, pos)
        spans.append(EntitySpan(start, start + len(words), typ, words))
        pos = start + len(words)
    w.library.store_mentions(aid, spans)
    return aid


def library_window(make_window, article_folder):
    for name, text in (("grain.txt", GRAIN), ("ships.txt", SHIPS), ("port.txt", PORT)):
        (article_folder / name).write_text(text, encoding="utf-8")
    w = make_window()
    grain = tag(w, "Grain deal signed", ("U.S.", "LOC"), ("Estonia", "LOC"), ("United States", "ORG"))
    ships = tag(w, "Grain ships leave", ("America", "LOC"), ("Peeter Kask", "PER"))
    port = tag(w, "Port board meets", ("Kask", "PER"))
    return w, grain, ships, port


def table_rows(dialog) -> list[list[str]]:
    t = dialog.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_the_panel_shows_aliases_as_one_entity(make_window, article_folder) -> None:
    w, grain, _ships, _port = library_window(make_window, article_folder)
    w.select_article(grain)
    tree = feature(w).panel.tree
    tops = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    places = tops["Places"]
    assert [(places.child(i).text(0), places.child(i).text(1)) for i in range(places.childCount())] == [
        ("United States", "2"), ("Estonia", "1")]  # the "U.S." and the "United States" tagged as an organisation
    assert "Organizations" not in tops and "Organisations" not in tops


def test_top_entities_merges_aliases_and_lists_every_article_of_the_row(make_window, article_folder, qtbot) -> None:
    from reader.ui.dialogs.top_entities import TopEntitiesDialog

    w, grain, ships, _port = library_window(make_window, article_folder)
    f = feature(w)
    dialog = TopEntitiesDialog(w.library, "light", w)
    qtbot.addWidget(dialog)
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("LOC"))
    rows = table_rows(dialog)
    assert rows[0][:4] == ["United States", "Place", "2", "3"]
    assert rows[0][4] == "America (1), U.S. (1)" and rows[1][:4] == ["Estonia", "Place", "1", "1"]
    dialog.entity_chosen.connect(f.show_articles_mentioning)
    dialog.choose()
    assert w.filter_box.text() == 'entity:"United States"' and set(w.model.ids) == {grain, ships}
    w.filter_box.setText("entity:US")
    w.apply_view()
    assert set(w.model.ids) == {grain, ships}  # "US" is written nowhere: its alias "U.S." is


def test_same_entity_as_merges_rows_and_undo_splits_them(make_window, article_folder, qtbot, monkeypatch) -> None:
    import reader.ui.same_entity as same_entity
    from reader.ui.dialogs.top_entities import TopEntitiesDialog

    w, _grain, ships, port = library_window(make_window, article_folder)
    f = feature(w)

    def people() -> list[list[str]]:
        dialog = TopEntitiesDialog(w.library, "light", w)
        qtbot.addWidget(dialog)
        return [row[:4] for row in table_rows(dialog)]

    assert people() == [["Kask", "Person", "1", "1"], ["Peeter Kask", "Person", "1", "1"]]
    w.select_article(port)
    [kask] = [g for g in f.groups if g.type == "PER"]
    asked = []
    monkeypatch.setattr(same_entity, "ask_target", lambda _parent, group, names: asked.append(group.name) or
                        "Peeter Kask")  # fmt: skip
    f.panel.alias_requested.emit(kask)
    assert asked == ["Kask"] and "is now the same entity as “Peeter Kask”" in w.statusBar().currentMessage()
    assert people() == [["Peeter Kask", "Person", "2", "2"]]
    rules = f.panel.rules_list
    assert [rules.item(i).text() for i in range(rules.count())] == ["Always the same entity: Kask is Peeter Kask"]
    f.panel.articles_requested.emit(f.groups[0])
    assert set(w.model.ids) == {ships, port}
    w.operations.undo()
    assert people() == [["Kask", "Person", "1", "1"], ["Peeter Kask", "Person", "1", "1"]] and rules.count() == 0
    w.operations.redo()
    rules.setCurrentRow(0)
    forget = next(b for b in f.panel.findChildren(type(f.panel.next_button)) if b.text() == "Forget correction")
    qtbot.mouseClick(forget, Qt.MouseButton.LeftButton)
    assert rules.count() == 0 and len(people()) == 2
