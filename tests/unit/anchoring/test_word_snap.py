"""snap_to_words: highlights cover whole words in any spaced script, never cut "d|ramatic" in half."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.word_snap import snap_to_words


def snapped(text: str, selected: str, *, occurrence: int = 0) -> str:
    """What snapping a selection of `selected` (its `occurrence`-th match in `text`) leaves selected."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(selected, start + 1)
    a, b = snap_to_words(text, start, start + len(selected))
    return text[a:b]


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        ("In a dramatic turn, the council voted.", "ramatic turn", "dramatic turn"),
        ("In a dramatic turn, the council voted.", "a dram", "a dramatic"),
        ("In a dramatic turn, the council voted.", "rama", "dramatic"),
        ("In a dramatic turn, the council voted.", "the council voted.", "the council voted."),
        ("In a dramatic turn, the council voted.", "counc", "council"),
        ("Мэр объявил о новом бюджете города.", "бъявил о нов", "объявил о новом"),
        ("Мэр объявил о новом бюджете города.", "юдж", "бюджете"),
        ("Ο δήμαρχος ανακοίνωσε τον προϋπολογισμό.", "κοίνω", "ανακοίνωσε"),
    ],
)
def test_partial_words_at_the_edges_grow_to_whole_words(text: str, selected: str, expected: str) -> None:
    assert snapped(text, selected) == expected


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        ("They don't agree.", "on't agr", "don't agree"),
        ("They don't agree.", "don", "don't"),
        ("They don’t agree.", "’t", "don’t"),
        ("A well-known mayor-elect spoke.", "known may", "well-known mayor-elect"),
        ("A well-known mayor-elect spoke.", "-kno", "well-known"),
        ("Prices rose 3.5 percent to 1,000 dollars.", "5 per", "3.5 percent"),
        ("Prices rose 3.5 percent to 1,000 dollars.", "000", "1,000"),
    ],
)
def test_apostrophes_hyphens_and_number_separators_stay_inside_words(text: str, selected: str, expected: str) -> None:
    assert snapped(text, selected) == expected


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        ("the workers' union and the - union", "s' uni", "workers' union"),
        ("He said: “we will win”, then left.", "“we will wi", "“we will win"),
        ("Stop. The ferry runs.", ". The ferr", "The ferry"),
        ("one, two , three", "two ,", "two"),
        ("one — two", "— two", "two"),
        ("   padded words   ", "   padded wo", "padded words"),
        ("He said — then", " — ", "—"),
    ],
)
def test_space_and_stray_punctuation_at_the_edges_are_dropped(text: str, selected: str, expected: str) -> None:
    assert snapped(text, selected) == expected


def test_an_edge_never_crosses_white_space() -> None:
    text = "alpha beta gamma"
    assert snap_to_words(text, 6, 10) == (6, 10)  # "beta" exactly: nothing to grow
    assert snap_to_words(text, 5, 11) == (6, 10)  # the spaces around it are trimmed, not grown across


def test_an_empty_selection_inside_a_word_becomes_that_word_and_in_space_stays_empty() -> None:
    text = "In a dramatic turn"
    i = text.index("ama")
    assert text.__getitem__(slice(*snap_to_words(text, i, i))) == "dramatic"
    assert snap_to_words(text, 4, 4) == (4, 4)


def test_offsets_are_clamped_and_reversed_ones_swapped() -> None:
    text = "In a dramatic turn"
    assert snap_to_words(text, 18, 7) == (5, 18)
    assert snap_to_words(text, -5, 3) == (0, 2)
    assert snap_to_words(text, 14, 99) == (14, 18)
    assert snap_to_words("", 0, 3) == (0, 0)


def test_scripts_without_spaces_snap_per_character() -> None:
    text = "东京都知事は新しい予算を発表した。"
    a = text.index("知事")
    # Without a dictionary a word edge cannot be seen: each character is its own unit, nothing grows.
    assert snap_to_words(text, a, a + 2) == (a, a + 2)
    thai = "นายกเทศมนตรีประกาศงบประมาณใหม่"
    assert snap_to_words(thai, 3, 9) == (3, 9)


def test_a_latin_word_inside_chinese_text_still_snaps() -> None:
    text = "他用Python写了程序"
    assert snapped(text, "yth") == "Python"


def test_combining_marks_belong_to_their_word() -> None:
    text = "नमस्ते दुनिया"  # Devanagari vowel signs and the virama are combining marks
    assert snapped(text, "मस्") == "नमस्ते"
    decomposed = "cafe\u0301 au lait"
    assert snapped(decomposed, "caf") == "cafe\u0301"


@given(st.text(alphabet="ab'- .,\u00e9\u4e00\u0416\n", max_size=30), st.integers(-2, 32), st.integers(-2, 32))
def test_snapping_never_grows_across_space_and_is_stable(text: str, start: int, end: int) -> None:
    a, b = snap_to_words(text, start, end)
    lo, hi = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    assert 0 <= a <= b <= len(text)
    # Growth happens only inside the words at the edges: no white space is ever added.
    assert not any(ch.isspace() for ch in text[a:lo]) and not any(ch.isspace() for ch in text[hi:b])
    if a < b:
        assert not text[a].isspace() and not text[b - 1].isspace()
        assert snap_to_words(text, a, b) == (a, b)  # (an empty result is a caret: snapped again it takes a word)
