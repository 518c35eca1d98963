"""A bare surname joins the one full name the library gives it, in the window: one Top Entities row, and the
panel's "Articles mentioning…" on the bare name lists every article of that person (articles we wrote)."""

from __future__ import annotations

from reader.ui.dialogs.top_entities import TopEntitiesDialog
from tests.gui.test_entity_aliases_ui import feature, table_rows, tag

FARM = "Farm bill signed\n\nDonald Trump signed the farm bill on Monday.\n"
RALLY = "Rally in Ohio\n\nDonald Trump spoke in Ohio for an hour.\n"
GOLF = "Golf on Sunday\n\nTrump played golf, and Trump won.\n"


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
    [trump] = [g for g in f.groups if g.type == "PER"]
    f.panel.articles_requested.emit(trump)
    assert w.filter_box.text() == 'entity:"Trump"' and set(w.model.ids) == ids | {golf}
