"""The fast decoder gives exactly the tags of the model's plain definition, and the shipped tagger's
spans on a small document of our own stay what they are (speed work must not change them).

The plain definition is the training loop's scoring (`train.train_epoch`): every feature name of a
token (its words at -2..+2, its sentence and document features, the previous tags and the document's
memory) looked up and summed, the best label allowed after the previous one taken, and tokens without
a capital letter tagged O unscored when no name is open. The decoder gets the same sums through caches
(per word, per previous-tag key, per word and document), which is what this test checks.
"""

from __future__ import annotations

import random
import struct

import pytest

from reader.core.entities import EntitySpan, tag, tagger
from reader.core.entities.features import (
    SENT_END,
    SENT_START,
    DocumentView,
    Memory,
    WordFeatureCache,
    is_table_row,
    own_features,
    sentence_features,
    sentence_flags,
    tag_features,
)
from reader.core.entities.labels import allowed_after, to_iob2
from reader.core.entities.model import TaggerModel
from reader.core.entities.packing import pack
from reader.core.entities.prepare import pad_sentence, plain_mask, remember

# Our own text: a headline in capitals, a dateline, names repeated later (the document memory and the
# words around other occurrences), a lower-case word inside a name, a starter word, and table rows.
DOCUMENT = [
    "BRAZIL BEAT ITALY IN FRIENDLY",
    "RIO DE JANEIRO 1996-08-30",
    "Brazil beat Italy 2-1 in a friendly in Rio de Janeiro on Wednesday , the Brazilian football federation said .",
    "Ronaldo scored twice for Brazil before Italy 's Paolo Maldini headed in a late goal .",
    "The Bank of England kept rates on hold , said governor Eddie George .",
    "George told reporters in London that the bank would watch inflation at Vasco da Gama stadium .",
    "Brazil 2 Italy 1",
    "Milan 3 4 1 10",
]


def _reference_tags(model: TaggerModel, sentences: list[list[str]]) -> list[list[str]]:
    """Greedy decoding by the plain feature lists, no cache and no shortcut but the unscored plain words."""
    words = WordFeatureCache(model.features.stats, 0, model.features.knowledge)
    pads = [pad_sentence(sent) for sent in sentences]
    doc = DocumentView(sentences, [low[2:-2] for low, _ in pads])
    allowed = allowed_after(model.labels)
    n = len(model.labels)
    bias = sum(1 << 30 << (32 * k) for k in range(n))
    memory: dict[str, Memory] = {}
    out = []
    for sent, (low, shapes) in zip(sentences, pads, strict=True):
        caps, table = sentence_flags(sent), is_table_row(sent)
        lows = low[2:-2]
        gaz = model.matcher.match(lows, [t[:1].isupper() for t in sent])
        wstats = [model.stats.get(w, "") for w in lows]
        plain = plain_mask(sent, lows, model.starters)
        own = sentence_features(low, shapes, caps, doc, gaz, wstats, table)  # every token, cues included
        at = [words.get(t) for t in (SENT_START, SENT_START, *sent, SENT_END, SENT_END)]
        prev2 = prev = "<S>"
        tags = []
        for i in range(len(sent)):
            if plain[i] == "p" and prev[:2] not in ("B-", "I-"):
                best = "O"
            else:
                feats = [*at[i][0], *at[i + 1][1], *at[i + 2][2], *at[i + 3][3], *at[i + 4][4], *(own[i] or []),
                         *tag_features(i, low, shapes, prev, prev2, caps, memory, wstats)]
                total = sum(model.weights.get(f, 0) for f in feats) + bias
                scores = struct.unpack(f"<{n}I", total.to_bytes(4 * n, "little"))
                best = model.labels[max(allowed[prev], key=lambda k: scores[k])]
            remember(memory, sent[i], low[i + 2], best)
            tags.append(best)
            prev2, prev = prev, best
        out.append(to_iob2(tags))
    return out


def _shipped() -> TaggerModel:
    tagger.load_model()
    model = tagger._get_model()
    assert isinstance(model, TaggerModel)
    return model


def test_the_decoder_gives_the_tags_of_the_plain_feature_sums() -> None:
    model = _shipped()
    sentences = [line.split(" ") for line in DOCUMENT]
    model.clear_cache()  # cold caches, then warm ones: both must agree with the plain sums
    expected = _reference_tags(model, sentences)
    assert model.tag_document(sentences) == expected
    assert model.tag_document(sentences) == expected
    assert sum(t.startswith("B-") for tags in expected for t in tags) >= 10  # the document has names to find


def test_sentences_without_a_token_to_score_are_all_o() -> None:
    # Sentences of lower-case words, numbers and punctuation (nothing the decoder scores: no capital, no
    # name starter) between sentences with names: each is all O, and the names after them are tagged as the
    # plain sums tag them (the document memory and the words' sums go on as if they were not there).
    model = _random_model()
    lines = [DOCUMENT[2], "it rained on 30 august , they said .", "and then , 2-1 .", DOCUMENT[3], DOCUMENT[5]]
    sentences = [line.split(" ") for line in lines]
    assert [p.plain.count("s") for p in model.prepare(sentences)][1:3] == [0, 0]
    expected = _reference_tags(model, sentences)
    assert model.tag_document(sentences) == expected
    assert expected[1:3] == [["O"] * len(sentences[1]), ["O"] * len(sentences[2])]
    assert {t for tags in expected[3:] for t in tags} != {"O"}


def test_a_document_of_short_sentences_gives_the_plain_sums_tags() -> None:
    # Many short sentences (as in news bodies): names at a sentence's first and last token, a lower-case word
    # inside a name, so the words' sums are made at the sentence's edges, next to its markers, and sentences
    # with nothing to score between them; the decoder reads the sentences in one loop.
    model = _random_model()
    lines = ["Brazil", "Italy won .", "in Rio de Janeiro", "it rained .", "Paolo Maldini", "he said", "Bank of England",
             "George .", "Vasco da Gama", "Milan 3", "Rome", "Brazil beat Italy"]
    sentences = [line.split(" ") for line in lines]
    expected = _reference_tags(model, sentences)
    assert model.tag_document(sentences) == expected  # cold caches
    assert model.tag_document(sentences) == expected  # warm ones
    assert len({t for tags in expected for t in tags}) >= 4


def _random_model() -> TaggerModel:
    """The shipped model's feature names with random weights."""
    shipped = _shipped()
    rng = random.Random(14)
    weights = {f: pack([rng.randint(-500, 500) for _ in shipped.labels]) for f in sorted(shipped.weights)}
    return TaggerModel(shipped.labels, weights, shipped.stats, shipped.phrases, shipped.info,
                       features=WordFeatureCache(shipped.stats, 0, shipped.features.knowledge))


def test_every_feature_counts_as_in_the_plain_sums() -> None:
    # The shipped weights decide most tokens by a wide margin, so a feature left out or counted twice
    # may not change a tag. With random weights on the same feature names every sum matters.
    model = _random_model()
    sentences = [line.split(" ") for line in DOCUMENT]
    expected = _reference_tags(model, sentences)
    assert model.tag_document(sentences) == expected
    assert len({t for tags in expected for t in tags}) >= 6  # many labels: many sums decided something


@pytest.mark.parametrize("names", [("H",), ("TBL",), ("Dlc",), ("Dtc",), ("Dtab=",), ("TBLts=",), ("SPORT=", "SPORTs="),
                                   ("S0=", "S0l="), ("B-=", "B+="), ("gz=",), ("Dp=", "Dn=")])
def test_each_sentence_and_document_feature_counts(names: tuple[str, ...]) -> None:
    # The decoder sums a scored token's sentence and document features without making their names (the
    # fixed ones' weights read once per document, a table's and a kind of document's once per statistic
    # and shape). Made decisive here, each must change the tags, and the same way as the plain sums.
    model = _random_model()
    sentences = [line.split(" ") for line in DOCUMENT]
    without = _reference_tags(model, sentences)
    strong = pack([60_000 if label == "U-MISC" else 0 for label in model.labels])
    for f in model.weights:
        if f in names or (f.startswith(names) and names[0].endswith("=")):
            model.weights[f] += strong  # type: ignore[index]
    expected = _reference_tags(model, sentences)
    assert expected != without  # the features are in this document
    model.clear_cache()
    assert model.tag_document(sentences) == expected


def test_a_words_own_sum_is_the_sum_of_its_own_features() -> None:
    # The decoder sums a word's shapes, prefixes and suffixes once for all words that share them:
    # words sharing a prefix or suffix of another length, one-letter words, digits, hyphens, capitals.
    model = _random_model()
    words = ["a", "A", "ab", "abc", "abcd", "abcde", "Abcdef", "bcde", "xbcde", "ABCDE", "Ab-cd", "1996-08-30",
             "U.S.", "’s", "Müller", "Mueller", "de", "12", "1", "Bank", "bank", "BANK", "banks", "Banks"]
    for word in words * 2:  # twice: made, then from the parts already summed
        names = own_features(word, model.features.stats, model.features.knowledge)
        assert model.sums.own_sum(word) == sum(model.weights.get(f, 0) for f in names), word


TEXT = ("BRAZIL BEAT ITALY IN FRIENDLY\n\n"
        "Brazil beat Italy 2-1 in a friendly in Rio de Janeiro on Wednesday, the Brazilian football federation "
        "said. Ronaldo scored twice for Brazil before Italy's Paolo Maldini headed in a late goal.\n\n"
        "The Bank of England kept rates on hold, said governor Eddie George. George told reporters in London "
        "that the bank would watch inflation.\n")


def test_the_shipped_tagger_finds_these_exact_spans() -> None:
    found = [(sp.text, sp.type) for sp in tag(TEXT, "en")]
    assert found == EXPECTED_SPANS
    for sp in tag(TEXT, "en"):
        assert isinstance(sp, EntitySpan) and TEXT[sp.start : sp.end] == sp.text


# What the tagger found before the speed work of issue 14's fourth round (and must still find).
EXPECTED_SPANS = [("BRAZIL", "LOC"), ("ITALY", "LOC"), ("Brazil", "LOC"), ("Italy", "LOC"), ("Rio de Janeiro", "LOC"),
                  ("Wednesday", "DATE"), ("Brazilian", "MISC"), ("Ronaldo", "PER"), ("Brazil", "LOC"),
                  ("Italy", "LOC"), ("Paolo Maldini", "PER"), ("Bank of England", "ORG"), ("Eddie George", "PER"),
                  ("George", "PER"), ("London", "LOC")]


def test_the_sums_of_a_documents_kind_follow_each_document() -> None:
    # The sums of a table's and a kind of document's features are kept from one document to the next
    # of the same kind: documents of other kinds in between must get their own.
    model = _random_model()
    strong = {label: pack([40_000 if lab == label else 0 for lab in model.labels]) for label in ("U-ORG", "U-LOC")}
    for f in model.weights:
        if f.startswith(("SPORT=", "BIZ=", "Dtab=")):
            model.weights[f] += strong["U-ORG" if f.startswith("BIZ=") else "U-LOC"]  # type: ignore[index]
    model.clear_cache()
    sport_table = [line.split(" ") for line in DOCUMENT]  # sport with table rows
    sport = sport_table[:6]
    business = [s.split(" ") for s in ("Shares of Acme rose after the merger , analysts said .",
                                       "Acme said profit and sales rose in the quarter , Reuters said .")]
    business_table = [*business, ["Acme", "Corp", "12", "14"], ["Beta", "Inc", "10", "11"]]
    plain = [s.split(" ") for s in ("Acme said Rio would vote .", "Smith told Rio reporters .")]
    docs = [sport_table, business, plain, sport, business_table, business, sport_table]
    assert [DocumentView(d).topics for d in docs] == [["SPORT"], ["BIZ"], [], ["SPORT"], ["BIZ"], ["BIZ"], ["SPORT"]]
    assert [DocumentView(d).tabular for d in docs] == [True, False, False, False, True, False, True]
    tags = [model.tag_document(doc) for doc in docs]
    assert tags == [_reference_tags(model, doc) for doc in docs]
    assert tags[1] != _reference_tags(_random_model(), business)  # the kind's features decided something


def test_the_scores_of_the_allowed_labels_are_read_in_their_order() -> None:
    # The decoder reads only the allowed labels' fields (pad bytes skip the others); an order that is not
    # ascending cannot be read so and takes the plain unpack: both give the fields in the order asked.
    from reader.core.entities.model import _picker

    fields = [7, 1 << 30, 12, 0, (1 << 31) + 5]
    raw = sum(v << (32 * k) for k, v in enumerate(fields)).to_bytes(4 * len(fields), "little")
    assert _picker([0, 2, 4], 5)(raw) == (7, 12, (1 << 31) + 5)
    assert _picker([4, 0, 2], 5)(raw) == ((1 << 31) + 5, 7, 12)
    assert _picker([3], 5)(raw) == (0,)
