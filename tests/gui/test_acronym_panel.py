"""The entity panel shows an acronym and the long form it stands for as one row (an article written for the test)."""

from __future__ import annotations

from reader.core.entities import EntitySpan
from reader.ui.entity_feature import EntityFeature

COUNCIL = "Council meets\n\nThe National Security Council (NSC) met at noon. The NSC said little.\n"


def test_the_panel_shows_the_acronym_under_its_long_form(make_window, article_folder) -> None:
    (article_folder / "council.txt").write_text(COUNCIL, encoding="utf-8")
    w = make_window()
    aid = next(i for i, r in w.library.rows(w.library.all_ids()).items() if r.title == "Council meets")
    text = w.library.article(aid).text
    spans, pos = [], 0
    for words in ("National Security Council", "NSC", "NSC"):
        start = text.index(words, pos)
        spans.append(EntitySpan(start, start + len(words), "ORG", words))
        pos = start + len(words)
    w.library.store_mentions(aid, spans)
    w.select_article(aid)
    tree = next(f for f in w.features if isinstance(f, EntityFeature)).panel.tree
    tops = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    orgs = next(item for label, item in tops.items() if label.startswith("Organi"))
    assert [(orgs.child(i).text(0), orgs.child(i).text(1)) for i in range(orgs.childCount())] == [
        ("National Security Council", "3")]
