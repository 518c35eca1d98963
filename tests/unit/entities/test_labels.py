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
