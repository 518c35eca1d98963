"""The decoder's preparation of a whole document (`prepare_document`, one cached view per token string)
reads every sentence as the per-sentence functions do, the phrase matcher that grows a match word by word
finds the longest-first matches, and the decoder's caches shared across documents give the plain sums' tags.
"""

from __future__ import annotations

import random

import pytest

from reader.core.entities import prepare
from reader.core.entities.features import DocumentView
from reader.core.entities.gazetteer import PhraseMatcher
from reader.core.entities.prepare import pad_sentence, prepare_document, prepare_sentence
from tests.unit.entities.test_decoder_equivalence import _random_model, _reference_tags, _shipped

# Our own text: a headline in capitals, curly quotes and dashes (normalised), a capital outside ASCII,
# digits and a table row, a starter word, an empty sentence, a name repeated, sport words (a topic).
DOCUMENT = [
    "STRIKER JOINS MILAN IN RECORD DEAL",
    "Émile Dubois ’s move to A.C. Milan – the club said – cost 40 million euros .",
    "",
    "The goalkeeper from Rio de Janeiro scored , the coach said , and the match ended in a draw .",
    "Milan 3 4 1 10",
    "Inter 2 2 0 8",
    "de Gaulle airport , van Gogh museum : Dubois visited both after the league match .",
]


def _sentences() -> list[list[str]]:
    return [line.split(" ") if line else [] for line in DOCUMENT]


def _per_sentence(sentences: list[list[str]]) -> tuple[DocumentView, list[prepare.Prepared]]:
    """The view and sentences as the per-sentence functions make them (what training reads)."""
    model = _shipped()
    pads = [pad_sentence(sent) for sent in sentences]
    doc = DocumentView(sentences, [low[2:-2] for low, _ in pads])
    return doc, [prepare_sentence(sent, doc, model.matcher, model.stats, pad, model.starters, cues=False)
                 for sent, pad in zip(sentences, pads, strict=True)]


def _assert_same_preparation(sentences: list[list[str]], got: list[prepare.Prepared]) -> None:
    model = _shipped()
    doc, expected = _per_sentence(sentences)
    view = got[0].context[0]
    for name in ("lower_seen", "title_seen", "rows", "headlines", "tabular", "topics"):
        assert getattr(view, name) == getattr(doc, name), name
    # Each word's cues without repeats, in any order (the decoder sums their weights).
    assert {w: sorted(cues) for w, cues in view.around.items()} == {w: sorted(cues) for w, cues in doc.around.items()}
    assert all(len(set(cues)) == len(cues) for cues in view.around.values())
    for sent, new, old in zip(sentences, got, expected, strict=True):
        assert (new.low, new.shapes, new.caps, new.plain) == (old.low, old.shapes, old.caps, old.plain), sent
        assert list(new.context[1]) == list(old.context[1]) and new.context[2] == old.context[2], sent
        # A token's statistic is read for every token now; the old view left it out for plain ones.
        assert new.wstats == [model.stats.get(w, "") for w in old.low[2:-2]]
        assert [w for w, p in zip(new.wstats, old.plain, strict=True) if p == "s"] == \
               [w for w, p in zip(old.wstats, old.plain, strict=True) if p == "s"]


def test_a_document_is_prepared_as_sentence_by_sentence() -> None:
    model = _shipped()
    sentences = _sentences()
    doc, _ = _per_sentence(sentences)
    assert doc.headlines[0] and doc.rows[4] and doc.tabular and doc.topics == ["SPORT"]  # the cases are there
    views: dict[str, prepare.TokenView] = {}
    first = prepare_document(sentences, views, model.matcher, model.stats, model.starters)
    _assert_same_preparation(sentences, first)
    assert "Émile" in views and "’s" in views
    # Again from the cached views only.
    _assert_same_preparation(sentences, prepare_document(sentences, views, model.matcher, model.stats, model.starters))


def test_new_token_views_are_each_tokens_token_view() -> None:
    # The ASCII token strings are viewed fact by fact over all of them at once, the others one at a time.
    model = _shipped()
    tokens = ["Milan", "milan", "MILAN", "de", "De", "van", "1996-08-30", "3", "x3", "’s", "Émile", "Müller", "U.S.",
              ",", "(", "McDonald", "a" * 20, "Abcdefghijklmnopqrstu", "-", "Ａ", "٣", ""]
    views: dict[str, prepare.TokenView] = {}
    prepare.add_token_views(views, tokens, model.starters, model.stats)
    assert views == {tok: prepare.token_view(tok, model.starters, model.stats) for tok in tokens}
    assert {view[2] for view in views.values()} == {"p", "s"} and any(view[5] for view in views.values())


def test_a_full_cache_of_token_views_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _shipped()
    monkeypatch.setattr(prepare, "_WORD_CACHE_LIMIT", 10)
    views: dict[str, prepare.TokenView] = {}
    for sentences in (_sentences(), [line.split(" ") for line in OTHER], _sentences()):
        _assert_same_preparation(sentences, prepare_document(sentences, views, model.matcher, model.stats,
                                                             model.starters))
        assert set(views) == {t for sent in sentences for t in sent}  # only this document's words kept


def test_a_new_word_repeated_counts_once_against_the_cache_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # The views cached so far stay when the new token strings (not their occurrences) fit in the limit.
    model = _shipped()
    monkeypatch.setattr(prepare, "_WORD_CACHE_LIMIT", 6)
    views: dict[str, prepare.TokenView] = {}
    first = [["Milan", "won", "in", "Rome"]]
    prepare_document(first, views, model.matcher, model.stats, model.starters)
    again = [["Milan", "won", "in", "Dubois", "Dubois", "Dubois", "Dubois"]]
    _assert_same_preparation(again, prepare_document(again, views, model.matcher, model.stats, model.starters))
    assert set(views) == {"Milan", "won", "in", "Rome", "Dubois"}  # 5 views: within the limit


def test_a_document_without_tokens_is_prepared() -> None:
    model = _shipped()
    got = prepare_document([[], []], {}, model.matcher, model.stats, model.starters)
    assert [(p.low, p.plain, p.feats) for p in got] == [(["<S>", "<S>", "</S>", "</S>"], "", [])] * 2
    assert model.tag_document([[], []]) == [[], []]


def _longest_first(matcher: PhraseMatcher, low: list[str], capitalised: list[bool]) -> list[list[str]]:
    """The plain definition: at each capitalised token outside a match, try every length from the
    longest phrase of its first word down to one; the first phrase found is taken."""
    n = len(low)
    out: list[list[str]] = [[] for _ in range(n)]
    free = 0
    for i in range(n):
        if not capitalised[i] or i < free:
            continue
        for k in range(min(matcher.longest.get(low[i], 0), n - i), 0, -1):
            typ = matcher.phrases.get(" ".join(low[i : i + k]))
            if typ is not None:
                if k == 1:
                    out[i].append(f"gz=U-{typ}")
                else:
                    out[i] += [f"gz=B-{typ}", f"gz={k}B-{typ}"]
                    for j in range(i + 1, i + k - 1):
                        out[j].append(f"gz=I-{typ}")
                    out[i + k - 1].append(f"gz=L-{typ}")
                free = i + k
                break
    return out


def test_the_phrase_matcher_finds_the_longest_phrase_first() -> None:
    # Few words, so phrases share beginnings and sentences hold phrases inside longer non-phrases.
    rng = random.Random(15)
    words = ["a", "b", "c", "d", "e"]
    types = ["PER", "ORG", "LOC", "MISC"]
    for _ in range(200):
        phrases = {" ".join(rng.choices(words, k=rng.randint(1, 6))): rng.choice(types)
                   for _ in range(rng.randint(1, 12))}
        matcher = PhraseMatcher(phrases)
        low = rng.choices(words, k=rng.randint(0, 14))
        caps = [rng.random() < 0.6 for _ in low]
        assert [list(f) for f in matcher.match(low, caps)] == _longest_first(matcher, low, caps), (phrases, low, caps)



def test_the_phrase_matchers_tables_hold_every_phrases_first_word_and_beginnings() -> None:
    # Built at each model load with shortcuts for phrases of one and two words.
    rng = random.Random(16)
    words = ["a", "b", "c", "d", "e"]
    for _ in range(100):
        phrases = {" ".join(rng.choices(words, k=rng.randint(1, 6))): "ORG" for _ in range(rng.randint(1, 12))}
        matcher = PhraseMatcher(phrases)
        split = [p.split(" ") for p in phrases]
        assert matcher.longest == {w[0]: max(len(v) for v in split if v[0] == w[0]) for w in split}
        assert matcher.prefixes == {" ".join(w[:k]) for w in split for k in range(2, len(w) + 1)}



OTHER = [
    "Dubois said Milan would appeal .",
    "Milan , the coach said , would not . Dubois left for Rio .",
    "DUBOIS WINS IN MILAN",
]


def test_caches_shared_across_documents_give_the_plain_sums() -> None:
    # Random weights, so every sum decides; the same tokens come after other previous tags in other
    # documents (the sums cached per previous tag and token, the words' sums, the token views).
    model = _random_model()
    documents = [_sentences(), [line.split(" ") for line in OTHER], _sentences()[3:]]
    expected = [_reference_tags(model, doc) for doc in documents]
    for doc, tags in zip(documents * 2, expected * 2, strict=True):
        assert model.tag_document(doc) == tags
    assert len({t for doc in expected for tags in doc for t in tags}) >= 6
