"""Watch terms found in text: whole-word and case options, phrases across line breaks, overlaps."""

from __future__ import annotations

from reader.core.watch_terms import WatchTerm, find_phrase, find_watch_terms

TEXT = "The U.S. port of Gdansk; gdansk port fees rose.\nPort\n  fees again. Portugal ports."


def found(term: WatchTerm) -> list[str]:
    return [TEXT[h.start : h.end] for h in find_watch_terms(TEXT, [term])]


def test_whole_word_and_case_insensitive_by_default() -> None:
    assert found(WatchTerm("port")) == ["port", "port", "Port"]


def test_case_sensitive_only_matches_that_spelling() -> None:
    assert found(WatchTerm("Gdansk", case_sensitive=True)) == ["Gdansk"]
    assert found(WatchTerm("Gdansk")) == ["Gdansk", "gdansk"]


def test_part_words_when_whole_word_is_off() -> None:
    assert found(WatchTerm("port", whole_word=False)) == ["port", "port", "Port", "Port", "port"]


def test_phrase_matches_across_any_white_space() -> None:
    assert found(WatchTerm("port  fees")) == ["port fees", "Port\n  fees"]


def test_terms_with_punctuation_at_the_edges() -> None:
    assert found(WatchTerm("U.S.", case_sensitive=True)) == ["U.S."]
    assert list(find_phrase("US-based U.S.A.", "U.S.")) == []


def test_blank_term_finds_nothing_and_longer_overlapping_term_wins() -> None:
    assert found(WatchTerm("   ")) == []
    hits = find_watch_terms(TEXT, [WatchTerm("fees"), WatchTerm("port fees")])
    assert [TEXT[h.start : h.end] for h in hits] == ["port fees", "Port\n  fees"]
    assert all(h.term.term == "port fees" for h in hits)
