"""Document-level features: what the first pass said elsewhere, and what kind of story it is."""

from __future__ import annotations

from reader.core.entities.features import DocumentView, is_table_row
from reader.core.entities.stacking import hint_features, stack_hints


def test_second_pass_sees_first_pass_tags_across_the_document() -> None:
    sentences = [["Magna", "rose", "."], ["Shares", "of", "Magna", "fell", "."], ["Frank", "Stronach", "spoke"]]
    tags = [["B-PER", "O", "O"], ["O", "O", "B-ORG", "O", "O"], ["B-PER", "I-PER", "O"]]
    feats = hint_features(stack_hints(sentences, tags))
    first = feats[0][0]
    assert {"P1=B-PER", "P1-1=<S>", "P1+1=O", "P1+2=O"} <= set(first)
    # Magna was PER once and ORG once: the word feature says the types disagree.
    assert any(f.startswith("P1w=") and "~" in f for f in first)
    assert "P1sub=PER" in feats[2][1]  # "Stronach" was part of a longer name
    assert "P1n=PER=1" in feats[2][0]  # the name "Frank Stronach": PER, as everywhere, seen once


def test_document_view_kinds_and_neighbours() -> None:
    sport = [["Leeds", "beat", "Chelsea", "2-1", "in", "the", "league", "match", "."],
             ["Leeds", "2", "Chelsea", "1"], ["Arsenal", "3", "Spurs", "0"]]
    view = DocumentView(sport)
    assert view.topics == ["SPORT"]
    assert view.tabular
    assert "Dn=beat" in view.around["leeds"]
    assert is_table_row(["Leeds", "2", "Chelsea", "1"]) and not is_table_row(["Leeds", "won", "2-1", "."])
    prose = DocumentView([["The", "company", "said", "its", "shares", "and", "profit", "rose", "."]])
    assert prose.topics == ["BIZ"] and not prose.tabular
    assert "company" in prose.lower_seen
