"""The sentence and paragraph around an offset (Select Sentence, Select Paragraph)."""

from __future__ import annotations

from reader.core.text_units import paragraph_at, sentence_at

TEXT = "Mr. Smith went to Washington. He said “yes.” Then he left!\n\nSecond paragraph here. Its end"


def shown(span: tuple[int, int]) -> str:
    return TEXT[span[0] : span[1]]


def test_sentences_follow_the_tagger_splitter_and_keep_their_final_mark() -> None:
    assert shown(sentence_at(TEXT, 0)) == "Mr. Smith went to Washington."  # "Mr." does not end it
    assert shown(sentence_at(TEXT, TEXT.index("Washington"))) == "Mr. Smith went to Washington."
    assert shown(sentence_at(TEXT, TEXT.index("said"))) == "He said “yes.”"  # the closing quote comes along
    assert shown(sentence_at(TEXT, TEXT.index("left"))) == "Then he left!"


def test_between_sentences_the_next_is_taken_and_none_crosses_a_paragraph() -> None:
    assert shown(sentence_at(TEXT, TEXT.index(" He"))) == "He said “yes.”"
    assert shown(sentence_at(TEXT, TEXT.index("Its"))) == "Its end"
    assert shown(sentence_at(TEXT, len(TEXT))) == "Its end"
    assert shown(sentence_at(TEXT, TEXT.index("\n\n") + 1)) == "Second paragraph here."


def test_paragraphs_are_the_blocks_between_blank_lines() -> None:
    first, second = TEXT.split("\n\n")
    assert shown(paragraph_at(TEXT, 5)) == first
    assert shown(paragraph_at(TEXT, len(first))) == first
    assert shown(paragraph_at(TEXT, len(first) + 1)) == second
    assert shown(paragraph_at(TEXT, len(TEXT))) == second
    assert paragraph_at("", 0) == (0, 0) and sentence_at("", 0) == (0, 0)
