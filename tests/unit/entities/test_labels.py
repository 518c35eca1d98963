"""Label conversions of the decoder: BILOU to IOB2, and touching names of one type joined."""

from __future__ import annotations

from reader.core.entities.conll import iob_spans
from reader.core.entities.labels import to_bilou, to_iob2


def test_bilou_to_iob2() -> None:
    assert to_iob2(["B-ORG", "I-ORG", "L-ORG", "O", "U-PER"]) == ["B-ORG", "I-ORG", "I-ORG", "O", "B-PER"]


def test_touching_names_of_one_type_are_joined() -> None:
    # "Panama" U-LOC then "City" U-LOC: a name closed one word too early.
    assert to_iob2(["U-LOC", "U-LOC", "O"]) == ["B-LOC", "I-LOC", "O"]
    # An open name (B- without its L-) followed by a new one of the same type.
    assert iob_spans(to_iob2(["B-PER", "B-PER", "L-PER"])) == [(0, 3, "PER")]


def test_touching_names_of_different_types_stay_apart() -> None:
    assert iob_spans(to_iob2(["U-LOC", "B-ORG", "L-ORG"])) == [(0, 1, "LOC"), (1, 3, "ORG")]
    assert iob_spans(to_iob2(["U-MISC", "O", "U-MISC"])) == [(0, 1, "MISC"), (2, 3, "MISC")]


def test_bilou_round_trip_of_separate_names() -> None:
    iob = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]
    assert to_iob2(to_bilou(iob)) == iob


def test_name_spans_are_the_iob_spans_of_the_tags_as_they_are_now() -> None:
    from reader.core.entities.labels import name_spans

    tags = ["B-PER", "I-PER", "O", "B-LOC"]
    first = name_spans(tags)
    assert first == iob_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC")]
    first.append((9, 9, "ORG"))  # a caller's list is its own: the remembered answer is not changed
    assert name_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC")]
    tags[2] = "I-PER"  # the same list changed in place is read anew
    assert name_spans(tags) == [(0, 3, "PER"), (3, 4, "LOC")]
    assert name_spans(["O", "O"]) == []
