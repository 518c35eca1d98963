"""The decoder's shortcut: words without a capital are tagged O unscored, unless a name is open or
the word began a name in training (`starters`)."""

from __future__ import annotations

from reader.core.entities.labels import LABELS, to_bilou
from reader.core.entities.model import TaggerModel
from reader.core.entities.packing import pack_weights
from reader.core.entities.stacking import stack_hints
from reader.core.entities.train import name_starters


def _model(starters: list[str]) -> TaggerModel:
    """A hand-made model: "de" opens a person's name, "klerk" and "gama" close one."""
    def vec(label: str, weight: int = 100) -> list[int]:
        return [weight if lab == label else 0 for lab in LABELS]

    weights = {"l=de": vec("B-PER"), "l=klerk": vec("L-PER"), "l=gama": vec("L-PER"), "T1=B-PER": vec("L-PER", 50)}
    return TaggerModel(LABELS, pack_weights(weights), {}, {}, {"starters": starters})


def test_a_lower_case_starter_still_begins_a_name() -> None:
    sent = [["de", "Klerk", "spoke"]]
    assert _model(["de"]).tag_document(sent) == [["B-PER", "I-PER", "O"]]


def test_other_lower_case_words_are_not_scored_outside_a_name() -> None:
    sent = [["de", "Klerk", "spoke"]]
    # Without "de" among the starters its strong B-PER weight is never looked at, and "Klerk"
    # cannot close a name that was never opened.
    assert _model([]).tag_document(sent) == [["O", "O", "O"]]


def test_a_lower_case_word_inside_an_open_name_is_scored() -> None:
    # "Vasco da Gama": after B-PER the lower-case "da" is scored (the name may go on or stop).
    model = _model([])
    model.weights = pack_weights({
        "l=vasco": [100 if lab == "B-PER" else 0 for lab in LABELS],
        "l=da": [100 if lab == "I-PER" else 0 for lab in LABELS],
        "l=gama": [100 if lab == "L-PER" else 0 for lab in LABELS],
    })
    assert model.tag_document([["Vasco", "da", "Gama"]]) == [["B-PER", "I-PER", "I-PER"]]


def test_name_starters_come_from_the_gold_names() -> None:
    class Doc:
        sentences = [["the", "de", "Klerk", "visit", ",", "Serie", "A"], ["1996", "Olympics", "and", "Ltd"]]
        tags = [["O", "B-PER", "I-PER", "O", "O", "B-MISC", "I-MISC"], ["B-MISC", "I-MISC", "O", "O"]]

    assert name_starters([Doc()]) == ["1996", "de"]  # capitalised starters are scored anyway
    assert to_bilou(Doc.tags[0])[1:3] == ["B-PER", "L-PER"]


def test_second_pass_hints_give_each_token_its_window_of_first_pass_tags() -> None:
    hints = stack_hints([["Magna", "rose"]], [["B-ORG", "O"]])[0]
    assert hints.window(0) == ("<S>", "<S>", "B-ORG", "O", "</S>")
    assert "P1=B-ORG" in hints.features(0) and "P1-1=B-ORG" in hints.features(1)
    assert 1 not in hints.extra  # a lower-case word with no name: only its window
