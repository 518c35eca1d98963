"""The right-to-left first pass: reversed documents, their document view, and the second pass's hints."""

from __future__ import annotations

from pathlib import Path

from reader.core.entities.features import DocumentView
from reader.core.entities.gazetteer import PhraseMatcher, reversed_phrases
from reader.core.entities.model import StackedModel
from reader.core.entities.model_file import read_model, save_model
from reader.core.entities.packing import quantize
from reader.core.entities.stacking import both_ways_hints, mirror_tags, reverse_document, unreverse_tags

IOB = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC")


def test_backward_tags_come_back_in_document_order() -> None:
    sentences = [["John", "Smith", "visited", "New", "York"], ["He", "left"]]
    tags = [["B-PER", "I-PER", "O", "B-LOC", "I-LOC"], ["O", "O"]]
    backwards = reverse_document(sentences)
    assert backwards == [["left", "He"], ["York", "New", "visited", "Smith", "John"]]
    assert unreverse_tags(unreverse_tags(tags)) == tags
    assert mirror_tags(["B-LOC", "B-LOC", "I-LOC"]) == ["B-LOC", "I-LOC", "B-LOC"]


def test_mirror_view_is_the_view_of_the_reversed_document() -> None:
    # "Magna" six times (the view keeps the neighbours of four occurrences), in prose, a headline
    # and at both ends of sentences.
    sentences = [["MAGNA", "SHARES", "RISE"], ["Magna", "said", "on", "Monday", "."], ["Shares", "of", "Magna", "rose"],
                 ["Analysts", "like", "Magna"], ["Frank", "Stronach", "founded", "Magna", "in", "Aurora"],
                 ["the", "Magna", "plant", "and", "Magna", "Steyr"], ["The", "company", "said", "profit", "rose"]]
    forward = DocumentView(sentences, both_ways=True)
    mirror, direct = forward.mirror, DocumentView(reverse_document(sentences))
    assert mirror is not None
    assert mirror.lower_seen == direct.lower_seen and mirror.title_seen == direct.title_seen
    assert (mirror.tabular, mirror.topics) == (direct.tabular, direct.topics)
    assert {w: sorted(c) for w, c in mirror.around.items()} == {w: sorted(c) for w, c in direct.around.items()}
    assert "Dp=steyr" in mirror.around["magna"]  # read backwards, the word after is the word before
    assert DocumentView(sentences).around == forward.around  # the forward view is unchanged


def test_second_pass_sees_both_readings_and_their_pair() -> None:
    sentences = [["Anna", "saw", "Paris"]]
    hints = both_ways_hints(sentences, [["B-PER", "O", "O"]], [["B-PER", "O", "B-LOC"]])[0]
    assert hints.window(2) == ("B-PER", "O", "O", "</S>", "</S>", "B-PER", "O", "B-LOC", "</S>", "</S>")
    feats = hints.features(2)
    assert {"P1=O", "Q1=B-LOC", "P1-2=B-PER", "PQ=O|B-LOC"} <= set(feats)
    assert any(f.startswith("Q1n=LOC") for f in feats) and not any(f.startswith("P1n=") for f in feats)


def test_reversed_phrases_match_a_reversed_sentence() -> None:
    matcher = PhraseMatcher(reversed_phrases({"new york": "LOC", "paris": "LOC"}))
    feats = matcher.match(["york", "new", "in", "paris"], [True, True, False, True])
    assert "gz=B-LOC" in feats[0] and "gz=L-LOC" in feats[1] and "gz=U-LOC" in feats[3]
    assert list(feats[2]) == []


def _weights(**features: str) -> dict[str, list[float]]:
    return {f: [2.0 if lab == label else 0.0 for lab in IOB] for f, label in features.items()}


def test_a_three_stage_file_runs_the_backward_pass(tmp_path: Path) -> None:
    # The first pass knows nothing; only the backward pass knows "Paris", and the second pass
    # trusts what the backward pass says about the token.
    stages = [_weights(), _weights(**{"w=Paris": "B-LOC"}), _weights(**{"Q1=B-LOC": "B-LOC"})]
    path = tmp_path / "m.bin"
    save_model(path, IOB, [quantize(w)[0] for w in stages], {}, {"new york": "LOC"},
               {"starters": ["de"], "enders": ["van"]})
    model = read_model(path)
    assert isinstance(model, StackedModel) and model.backward is not None
    assert model.backward.matcher.phrases == {"york new": "LOC"}
    assert model.backward.starters == {"van"} and model.first.starters == {"de"}
    assert model.tag_document([["Anna", "saw", "Paris"]]) == [["O", "O", "B-LOC"]]
