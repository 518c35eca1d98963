"""A bare surname joins the one full name the library gives it, in the window: one Top Entities row, one panel
row under the full name (its mentions marked as written), and the panel's "Articles mentioning…" lists what
`entity:` lists for the full name; the built-in aliases make the same rows in the panel as in Top Entities; a
surname cut from a place's name ("Forest Hill") joins nobody (articles we wrote)."""

from __future__ import annotations

from reader.core.store.library_query import ListQuery
from reader.ui.dialogs.top_entities import TopEntitiesDialog
from tests.gui.test_entity_aliases_ui import feature, table_rows, tag

FARM = "Farm bill signed\n\nDonald Trump signed the farm bill on Monday.\n"
RALLY = "Rally in Ohio\n\nDonald Trump spoke in Ohio for an hour.\n"
GOLF = "Golf on Sunday\n\nTrump played golf, and Trump won.\n"
PORTS = ("Ports reopen\n\nThe U.S. and the UK reopened ports. US ships and America's tugs sailed to Britain"
         " and the UK, and the United States paid.\n")  # fmt: skip
# a place named "... Hill" the tagger cut short, beside two articles of a person "... Hill"
ENVOY = "Envoy speaks\n\nMara Hill spoke to the envoys. Later Hill left.\n"
BRIEF = "Envoy briefs\n\nMara Hill briefed the board.\n"
VOTE = "Vote taken\n\nHill voted against the plan.\n"
FAIR = "Fair opens\n\nThe fair at Cedar Hill opened, and Cedar Hill police closed the road.\n"


def panel_rows(f, heading: str) -> list[tuple[str, str]]:
    """The panel's rows under one heading ("People"): (name, mentions)."""
    tree = f.panel.tree
    tops = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    top = tops[heading]
    return [(top.child(i).text(0), top.child(i).text(1)) for i in range(top.childCount())]


def test_a_bare_surname_is_one_row_and_one_search_with_the_full_name(make_window, article_folder, qtbot) -> None:
    for name, text in (("farm.txt", FARM), ("rally.txt", RALLY), ("golf.txt", GOLF)):
        (article_folder / name).write_text(text, encoding="utf-8")
    w = make_window()
    ids = {tag(w, "Farm bill signed", ("Donald Trump", "PER")), tag(w, "Rally in Ohio", ("Donald Trump", "PER"))}
    golf = tag(w, "Golf on Sunday", ("Trump", "PER"), ("Trump", "PER"))
    dialog = TopEntitiesDialog(w.library, "light", w)
    qtbot.addWidget(dialog)
    assert table_rows(dialog) == [["Donald Trump", "Person", "3", "4", "Trump (2)"]]
    f = feature(w)
    w.select_article(golf)
    assert panel_rows(f, "People") == [("Donald Trump", "2")]
    text = w.library.article(golf).text
    assert [text[m.start : m.end] for m in f.entity_marks()] == ["Trump", "Trump"]  # marked as written
    [trump] = [g for g in f.groups if g.type == "PER"]
    f.panel.articles_requested.emit(trump)
    assert w.filter_box.text() == 'entity:"Donald Trump"'
    assert set(w.model.ids) == ids | {golf} == set(w.library.list_ids(ListQuery(entity="Donald Trump")))


def test_the_built_in_aliases_make_the_same_rows_in_the_panel_as_in_top_entities(
    make_window, article_folder, qtbot
) -> None:
    (article_folder / "ports.txt").write_text(PORTS, encoding="utf-8")
    w = make_window()
    ports = tag(w, "Ports reopen", ("U.S.", "LOC"), ("UK", "ORG"), ("US", "LOC"), ("America", "LOC"),
                ("Britain", "LOC"), ("UK", "LOC"), ("United States", "ORG"))  # fmt: skip
    f = feature(w)
    w.select_article(ports)
    assert panel_rows(f, "Places") == [("United States", "4"), ("UK", "3")]
    dialog = TopEntitiesDialog(w.library, "light", w)
    qtbot.addWidget(dialog)
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("LOC"))
    assert [(r[0], r[3]) for r in table_rows(dialog)] == panel_rows(f, "Places")


def test_a_surname_cut_from_a_place_name_joins_no_person(make_window, article_folder, qtbot) -> None:
    for name, text in (("envoy.txt", ENVOY), ("brief.txt", BRIEF), ("fair.txt", FAIR)):
        (article_folder / name).write_text(text, encoding="utf-8")
    w = make_window()
    envoy = tag(w, "Envoy speaks", ("Mara Hill", "PER"), ("Hill", "PER"))
    brief = tag(w, "Envoy briefs", ("Mara Hill", "PER"))
    fair = tag(w, "Fair opens", ("Hill", "PER"), ("Hill", "PER"))  # the tagger's "Hill" of "Cedar Hill"
    f = feature(w)
    w.select_article(fair)
    assert panel_rows(f, "People") == [("Hill", "2")]
    assert set(w.library.list_ids(ListQuery(entity="Mara Hill"))) == {envoy, brief}
    dialog = TopEntitiesDialog(w.library, "light", w)
    qtbot.addWidget(dialog)
    assert [r[:4] for r in table_rows(dialog)] == [["Mara Hill", "Person", "2", "3"], ["Hill", "Person", "1", "2"]]


def test_a_surname_cut_from_a_place_name_lists_its_own_article(make_window, article_folder, qtbot) -> None:
    """The panel row "Hill" of "Cedar Hill" lists the article it is in, though the library joins a bare "Hill"
    elsewhere to Mara Hill; `entity:"Hill"` names every article that writes the word as a person or name."""
    for name, text in (("envoy.txt", ENVOY), ("brief.txt", BRIEF), ("fair.txt", FAIR), ("vote.txt", VOTE)):
        (article_folder / name).write_text(text, encoding="utf-8")
    w = make_window()
    envoy = tag(w, "Envoy speaks", ("Mara Hill", "PER"), ("Hill", "PER"))
    brief = tag(w, "Envoy briefs", ("Mara Hill", "PER"))
    vote = tag(w, "Vote taken", ("Hill", "PER"))  # a bare "Hill": the library joins it to Mara Hill
    fair = tag(w, "Fair opens", ("Hill", "PER"), ("Hill", "PER"))  # the tagger's "Hill" of "Cedar Hill"
    f = feature(w)
    w.select_article(fair)
    assert panel_rows(f, "People") == [("Hill", "2")]
    [hill] = [g for g in f.groups if g.type == "PER"]
    f.panel.articles_requested.emit(hill)
    assert w.filter_box.text() == 'entity:"Hill"'
    assert set(w.model.ids) == {fair, envoy, brief, vote}  # the row's own article, and the person Hill's
    w.select_article(vote)
    assert panel_rows(f, "People") == [("Mara Hill", "1")]
    [mara] = [g for g in f.groups if g.type == "PER"]
    f.panel.articles_requested.emit(mara)
    assert w.filter_box.text() == 'entity:"Mara Hill"'
    assert set(w.model.ids) == {envoy, brief, vote}  # her full name leaves the place's "Hill" out
