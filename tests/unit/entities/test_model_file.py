"""The model file format round-trips, and the decoder follows the weights it is given."""

from __future__ import annotations

from pathlib import Path

from reader.core.entities.conll import iob_spans, parse_conll
from reader.core.entities.evaluate import Scores
from reader.core.entities.labels import LABELS, allowed_after, to_bilou
from reader.core.entities.model import TaggerModel
from reader.core.entities.model_file import read_model, save_model
from reader.core.entities.packing import pack_weights, quantize
from reader.core.entities.tagger import model_path

IOB = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC")


def _tiny_weights() -> dict[str, list[float]]:
    # Capitalised words are people; "Paris" is a place; I-PER follows B-PER for a capitalised word.
    w = {f: [0.0] * len(IOB) for f in ("INITCAP", "w=Paris", "T1=B-PER", "T1=<S>")}
    w["INITCAP"][IOB.index("B-PER")] = 1.0
    w["INITCAP"][IOB.index("O")] = -0.7  # negative weights must survive the file's int16 packing
    w["T1=B-PER"][IOB.index("I-PER")] = 1.5
    w["w=Paris"][IOB.index("B-LOC")] = 3.0
    return w


def test_round_trip_and_decoding(tmp_path: Path) -> None:
    path = tmp_path / "m.bin"
    ints, _scale = quantize(_tiny_weights())
    save_model(path, IOB, [ints], {"smith": "PER|an"}, {"new york": "LOC"}, {"note": "test"})
    model = read_model(path)
    assert isinstance(model, TaggerModel)
    assert model.labels == IOB
    assert model.stats == {"smith": "PER|an"}
    assert model.phrases == {"new york": "LOC"}
    assert model.info == {"note": "test"}
    assert model.tag_document([["Anna", "Smith", "saw", "Paris", "."]]) == [["B-PER", "I-PER", "O", "B-LOC", "O"]]
    assert model.weights == pack_weights(ints)
    assert TaggerModel(IOB, pack_weights(ints), {}, {}).tag_document([["the", "end"]]) == [["O", "O"]]


def test_shipped_model_loads_and_says_how_it_was_made() -> None:
    model = read_model(model_path())
    assert model.labels == LABELS
    assert "CoNLL-2003" in model.info["trained_on"]
    assert model_path().stat().st_size < 20_000_000


def test_iob_spans_and_exact_match_scores() -> None:
    assert iob_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    s = Scores()
    s.add(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "O", "O", "B-LOC"])
    assert s.prf("LOC") == (100.0, 100.0, 100.0)
    assert s.prf("PER") == (0.0, 0.0, 0.0)
    assert s.prf()[2] == 50.0


def test_parse_conll_documents_and_sentences() -> None:
    docs = parse_conll(["-DOCSTART- -X- O", "", "A x B-PER", "b x O", "", "C x O", "-DOCSTART- -X- O", "D x B-LOC"])
    assert [d.sentences for d in docs] == [[["A", "b"], ["C"]], [["D"]]]
    assert docs[1].tags == [["B-LOC"]]


def test_bilou_labels_and_transitions() -> None:
    assert to_bilou(["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-MISC"]) == [
        "B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-LOC", "U-MISC"]
    allowed = {prev: {LABELS[k] for k in ks} for prev, ks in allowed_after(LABELS).items()}
    assert {"I-ORG", "L-ORG", "O", "U-PER"} <= allowed["B-ORG"] and "I-PER" not in allowed["B-ORG"]
    assert "I-PER" not in allowed["<S>"] and "U-PER" in allowed["L-ORG"]
