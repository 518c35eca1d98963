"""The measured skip of capitalised common words (`prepare.CommonWords`, `TaggerModel.use_common_words`):
where it applies the token is tagged O unscored, as a lower-case word is; it never applies to a word
once in a training name or before a word that may go on with it; and both preparations agree. It is
off in the shipped tagger (cross-validation found it saves too little: docs/entities.md)."""

from __future__ import annotations

from reader.core.entities.features import DocumentView, WordFeatureCache
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.labels import LABELS
from reader.core.entities.model import COMMON_ZIPF, TaggerModel
from reader.core.entities.packing import pack_weights
from reader.core.entities.prepare import pad_sentence
from tests.unit.entities.test_decoder_equivalence import _shipped


def _model(stats: dict[str, str] | None = None) -> TaggerModel:
    """A hand-made model that tags "He" and "Plan" as people, whose frequency list calls "he" and "plan" common."""
    weights = {"l=he": [100 if lab == "U-PER" else 0 for lab in LABELS],
               "l=plan": [100 if lab == "U-PER" else 0 for lab in LABELS]}
    stats = stats or {}
    know = Knowledge({}, {"he": "6", "plan": "5", "grow": "4"})
    return TaggerModel(LABELS, pack_weights(weights), stats, {}, {"starters": []},
                       features=WordFeatureCache(stats, 0, know))


def test_a_common_capitalised_word_is_tagged_o_unscored() -> None:
    sent = [["He", "said", "so", "."]]
    model = _model()
    assert model.tag_document(sent) == [["B-PER", "O", "O", "O"]]  # scored: the weight says a person
    model.use_common_words("5")
    assert model.tag_document(sent) == [["O", "O", "O", "O"]]
    model.use_common_words("7")  # "he" is in bucket 6: below the least bucket asked for, scored again
    assert model.tag_document(sent) == [["B-PER", "O", "O", "O"]]


def test_a_common_word_that_may_begin_a_name_is_still_scored() -> None:
    model = _model()
    model.use_common_words("5")
    # "Plan & Grow": the word after "Plan" is neither lower case, a comma nor a full stop.
    assert model.tag_document([["Plan", "&", "Grow"]])[0][0] == "B-PER"
    assert model.tag_document([["Plan", ",", "then"]])[0][0] == "O"


def test_a_word_once_in_a_training_name_is_always_scored() -> None:
    model = _model({"he": "PER|c1"})
    model.use_common_words("5")
    assert model.tag_document([["He", "said"]]) == [["B-PER", "O"]]
    model.use_common_words("5c")  # unless words seldom in a name are asked for too
    assert model.tag_document([["He", "said"]]) == [["O", "O"]]


def test_both_preparations_mark_the_same_tokens() -> None:
    model = _model()
    model.use_common_words("5")
    sentences = [["He", "said", "Plan", "&", "Grow", "did", "."], ["Plan", ",", "He", "said"], ["HE", "SAID"]]
    whole = model.prepare(sentences)
    pads = [pad_sentence(s) for s in sentences]
    each = model.prepare(sentences, pads, DocumentView(sentences, [low[2:-2] for low, _ in pads]))
    assert [p.plain for p in whole] == [p.plain for p in each] == ["ppspspp", "pppp", "ss"]


def test_on_a_document_of_our_own_the_skip_keeps_the_full_tags() -> None:
    model = _shipped()
    sentences = [line.split(" ") for line in (
        "He said the Bank of England would act , and But it was Eddie George who spoke .",
        "However , Minister Smith told reporters in Paris that It was not over .",
        "They met in July with officials from Berlin .")]
    try:
        model.use_common_words(None)
        full = model.tag_document(sentences)
        scored = sum(p.plain.count("s") for p in model.prepare(sentences))
        model.use_common_words("5")
        assert sum(p.plain.count("s") for p in model.prepare(sentences)) < scored  # the skip applies here
        assert model.tag_document(sentences) == full
    finally:
        model.use_common_words(COMMON_ZIPF)


def test_the_shipped_tagger_scores_every_capitalised_word() -> None:
    assert COMMON_ZIPF is None and _shipped().common is None
