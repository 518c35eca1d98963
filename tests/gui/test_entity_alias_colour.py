"""The pane draws a mention in the colour of the type the alias table lists it under (issue 14)."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor

from reader.core.entities import EntitySpan
from reader.ui.entity_feature import EntityFeature
from reader.ui.entity_marks import entity_color, underline_of

TEXT = "Port talks stall\n\nThe U.S. and Acme Shipping met in Rotterdam on Monday; the U.S. wants lower fees.\n"


def fmt_at(w, offset: int) -> QTextCharFormat:
    pane = w.reading_pane
    c = QTextCursor(pane.document())
    c.setPosition(pane.doc_position(offset) + 1)
    return c.charFormat()


def test_a_mention_the_alias_table_lists_as_a_place_is_drawn_as_a_place(make_window, article_folder) -> None:
    (article_folder / "05-port-talks.txt").write_text(TEXT, encoding="utf-8")
    w = make_window()
    rows = w.library.rows(w.model.ids)
    aid = next(i for i, r in rows.items() if r.title.startswith("Port talks"))
    text = w.library.article(aid).text
    first = text.index("U.S.")
    second = text.index("U.S.", first + 1)
    acme = text.index("Acme Shipping")
    rotterdam = text.index("Rotterdam")
    # The tagger took the first "U.S." for an organisation: the alias table counts it as the United States.
    w.library.store_mentions(aid, [EntitySpan(first, first + 4, "ORG", "U.S."),
                                   EntitySpan(acme, acme + 13, "ORG", "Acme Shipping"),
                                   EntitySpan(rotterdam, rotterdam + 9, "LOC", "Rotterdam"),
                                   EntitySpan(second, second + 4, "LOC", "U.S.")])
    w.select_article(aid)
    place, organisation = entity_color("LOC", "light"), entity_color("ORG", "light")
    assert place != organisation
    for at in (first, second):
        f = fmt_at(w, at)
        assert f.foreground().color() == place
        assert f.underlineStyle() == underline_of("LOC")
    assert fmt_at(w, acme).foreground().color() == organisation
    feature = next(f for f in w.features if isinstance(f, EntityFeature))
    listed = {g.name: (g.type, g.count) for g in feature.groups}
    assert listed["U.S."] == ("LOC", 2)  # the panel lists both under Places, as the pane draws them
    assert next(m.tooltip for m in feature.entity_marks() if m.start == first) == "Place: U.S."
