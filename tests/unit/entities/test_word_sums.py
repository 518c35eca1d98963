"""A word's sums as the decoder makes them (`word_sums.WordSums`: parts per lower-case form and shape,
affixes one name at a time, the vocabulary's parts stored in the model file) are exactly the sums of
its feature names as `features.own_features` and `features.context_features` name them."""

from __future__ import annotations

from pathlib import Path

from reader.core.entities.features import context_features, own_features
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.model import TaggerModel
from reader.core.entities.model_file import read_model, save_model
from reader.core.entities.packing import pack, pack_weights
from reader.core.entities.prepare import pad_sentence
from reader.core.entities.word_sums import PARTS_VERSION, WordSums, bigram_index

LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC")
STATS = {"smith": "PER|an", "riverton": "LOC|a", "=Smith": "PER"}
# Words with weights at one offset only, at offset 0 only, by exact spelling only, by lists and statistic
# only, affixes of several lengths: every way a word's sum can be made.
FEATURES = ["l=smith", "+2l=after", "-1l=before", "-2l=far", "+1l=next", "w=Paris", "w=Smith", "tw=PER",
            "g=GEO", "-1g=GEO", "+1g=GEO", "-1ts=LOC|a", "+1ts=PER|an", "ts=PER|an", "ts=PER", "zf=5", "zf=0",
            "p1=r", "p2=ri", "p3=riv", "p4=rive", "x1=n", "x2=on", "x3=ton", "x4=rton", "p2=ab", "x3=cde",
            "s=Xx", "ls=Xxxxx", "-1s=Xx", "+2s=x", "ALLCAP", "INITCAP", "DIGIT", "HYPHEN", "hp=well", "PERIOD",
            "-2<S>", "+1</S>", "<S>"]
WORDS = ["Smith", "smith", "SMITH", "after", "After", "before", "far", "next", "Paris", "paris", "Riverton",
         "riverton", "Rivers", "abcde", "abcd", "abc", "ab", "a", "A", "well-known", "Well-Known", "U.S.",
         "1996-08-30", "12", "unknown", "Unknown", "Müller", "<S>", "</S>"]


def _weights() -> dict[str, int]:
    # Distinct weights per feature and label: a feature counted twice or left out changes a sum.
    return {f: pack([(k * 7 + j * 3) % 23 - 11 for j in range(len(LABELS))]) for k, f in enumerate(FEATURES)}


def _knowledge() -> Knowledge:
    return Knowledge({"GEO": ["riverton", "paris"]}, {"after": "5", "paris": "4"})


def _own(weights: dict[str, int], word: str) -> int:
    return sum(weights.get(f, 0) for f in own_features(word, STATS, _knowledge()))


def _vector(weights: dict[str, int], word: str) -> tuple[int, ...]:
    near = context_features(word, STATS, True, _knowledge())
    far = context_features(word, STATS, False, _knowledge())
    return tuple(sum(weights.get(prefix + f, 0) for f in names)
                 for prefix, names in (("-2", far), ("-1", near), ("+1", near), ("+2", far)))


def _check(sums: WordSums, weights: dict[str, int]) -> None:
    for word in WORDS * 2:  # twice: made, then from the parts already kept
        (low, *_), (shape, *_) = (x[2:] for x in pad_sentence([word]))
        assert sums.own_sum(word) == _own(weights, word), word
        assert sums.context_vector(word, low, shape) == _vector(weights, word), word


def test_sums_made_from_parts_are_the_sums_of_the_feature_names() -> None:
    weights = _weights()
    _check(WordSums(weights, STATS, _knowledge()), weights)


def test_stored_parts_give_the_same_sums_and_words_outside_them_too() -> None:
    # With the parts stored, a word outside the vocabulary skips its "l=" look-ups: that is right only
    # if every word with such a weight, at any offset, is in the parts.
    weights = _weights()
    parts = WordSums(weights, STATS, _knowledge()).stored_parts()
    assert set(parts["own"]) == {"smith", "after", "before", "far", "next"}  # type: ignore[arg-type]
    sums = WordSums(weights, STATS, _knowledge())
    assert sums.use_parts(parts)
    _check(sums, weights)
    sums.clear()  # a cold start keeps the model's parts
    _check(sums, weights)


def test_parts_of_another_recipe_are_not_used() -> None:
    weights = _weights()
    parts = WordSums(weights, STATS, _knowledge()).stored_parts()
    wrong = {**parts, "version": PARTS_VERSION + 1, "own": {"smith": 12345}}
    sums = WordSums(weights, STATS, _knowledge())
    assert not sums.use_parts(wrong)
    _check(sums, weights)


def test_a_model_file_stores_the_parts_and_tags_as_without_them(tmp_path: Path) -> None:
    weights = {f: [(k * 5 + j) % 9 - 4 for j in range(len(LABELS))] for k, f in enumerate(FEATURES)}
    weights["INITCAP"] = [-50, 90, 0, 60, 0]
    weights["T1=B-PER"] = [0, 0, 120, 0, 0]
    path = tmp_path / "m.bin"
    save_model(path, LABELS, [weights], STATS, {"paris": "LOC"}, {"starters": []}, _knowledge())
    model = read_model(path)
    assert isinstance(model, TaggerModel)
    assert model.sums._vocabulary_stored
    plain = TaggerModel(LABELS, pack_weights(weights), STATS, {"paris": "LOC"}, {"starters": []},
                        features=model.features)
    doc = [["Anna", "Smith", "went", "far", "after", "Riverton", "next", "to", "Paris", "."],
           ["Smith", "before", "Well-Known", "U.S.", "firms", "said", "."]]
    assert model.tag_document(doc) == plain.tag_document(doc)
    assert any(t != "O" for tags in plain.tag_document(doc) for t in tags)


def test_new_weights_are_summed_anew() -> None:
    weights = _weights()
    model = TaggerModel(LABELS, weights, STATS, {})
    model.sums.own_sum("Smith")
    changed = {**weights, "w=Smith": pack([500, 0, 0, 0, 0])}
    model.weights = changed
    assert model.sums.own_sum("Smith") == sum(changed.get(f, 0) for f in own_features("Smith", STATS,
                                                                                       model.features.knowledge))


def test_memberships_asked_again_are_the_same_whatever_the_caller_did() -> None:
    know = Knowledge({"GEO": ["riverton"], "GIVEN": ["anna"]}, {})
    first = know.memberships("ivanov")
    assert first == ["SURN"]
    first.append("CALLER'S")
    assert know.memberships("ivanov") == ["SURN"]
    assert know.memberships("riverton") == ["GEO"]
    assert know.memberships("unknown") == []
    assert Knowledge({"GEO": ["riverton"]}, {}, surnames=False).memberships("ivanov") == []


def test_the_documents_memory_is_summed_per_previous_tag() -> None:
    # The memory features of a word seen before ("Dm=" its last tag, "Dm=" with the previous tag, "Dh="
    # its history) are summed once per (last tag, previous tag, history): the same memory after
    # another previous tag must be summed anew ("Jones" after a place here, "Smith" after nothing).
    from reader.core.entities.labels import LABELS as BILOU

    def vec(label: str, weight: int) -> int:
        return pack([weight if lab == label else 0 for lab in BILOU])

    weights = {"INITCAP": vec("U-PER", 100), "w=Paris": vec("U-LOC", 400), "Dm=U-PERU-LOC": vec("U-ORG", 400)}
    model = TaggerModel(BILOU, weights, {}, {}, {"starters": []})
    doc = [["Smith", "."], ["Jones", "."], ["Smith", "."], ["Paris", "Jones", "."]]
    assert model.tag_document(doc) == [["B-PER", "O"], ["B-PER", "O"], ["B-PER", "O"], ["B-LOC", "B-ORG", "O"]]


def test_the_shipped_models_stored_parts_are_what_the_code_makes() -> None:
    # A change to what a word's parts sum must change PARTS_VERSION and rewrite the model file
    # (`python -m reader.core.entities.model_file FILE`); stale stored parts would change the tags.
    from reader.core.entities.tagger import model_path

    model = read_model(model_path())
    assert isinstance(model, TaggerModel) and model.sums._vocabulary_stored
    stored_own, stored_near = model.sums._stored_own, model.sums._stored_near
    assert len(stored_own) == len(stored_near) > 5_000
    fresh = WordSums(model.weights, model.features.stats, model.features.knowledge)
    for low in sorted(stored_own)[::7]:
        assert stored_own[low] == fresh._low_part(low), low
        assert stored_near[low] == fresh._near_part(low), low


def test_word_pairs_are_filed_by_the_tokens_word_under_every_split() -> None:
    # "B-=a_w" is filed under w (then a), "B+=w_b" under w (then b); a word holding "_" makes the name
    # ambiguous, so it is filed under every split: a look-up of (a, w) finds exactly "B-=" + a + "_" + w.
    weights = {"B-=new_york": 1, "B+=york_city": 2, "B-=a_b_c": 3, "B+=x_y": 4, "l=york": 5}
    index = bigram_index(weights)
    assert index["york"] == ({"new": 1}, {"city": 2})
    assert index["b_c"][0] == {"a": 3} and index["c"][0] == {"a_b": 3}
    assert index["x"] == ({}, {"y": 4}) and "y" not in index and "new" not in index


def test_the_word_pairs_ship_in_the_model_file_and_tag_as_without_them(tmp_path: Path) -> None:
    weights = {f: [(k * 5 + j) % 9 - 4 for j in range(len(LABELS))] for k, f in enumerate(FEATURES)}
    weights["INITCAP"] = [-50, 90, 0, 60, 0]
    weights["B-=anna_smith"] = [0, -90, 300, 0, 0]  # "Smith" after "Anna": inside a name
    weights["B+=riverton_next"] = [0, 0, 0, 200, 0]  # "Riverton" before "next": a place
    path = tmp_path / "m.bin"
    save_model(path, LABELS, [weights], STATS, {}, {"starters": []}, _knowledge())
    model = read_model(path)
    assert isinstance(model, TaggerModel) and model.sums._bigrams_stored
    assert model.sums.bigrams["smith"][0] == {"anna": pack(weights["B-=anna_smith"])}
    plain = TaggerModel(LABELS, pack_weights(weights), STATS, {}, {"starters": []}, features=model.features)
    doc = [["Anna", "Smith", "went", "to", "Riverton", "next", "."]]
    tags = model.tag_document(doc)
    assert tags == plain.tag_document(doc) == [["B-PER", "I-PER", "O", "O", "B-LOC", "I-LOC", "O"]]
    without = {f: w for f, w in weights.items() if not f.startswith("B")}
    assert TaggerModel(LABELS, pack_weights(without), STATS, {}, {"starters": []}).tag_document(doc) != tags


def test_the_shipped_models_word_pairs_are_its_weights() -> None:
    from reader.core.entities.tagger import model_path

    model = read_model(model_path())
    assert isinstance(model, TaggerModel) and model.sums._bigrams_stored
    assert model.sums.bigrams == bigram_index(model.weights)
