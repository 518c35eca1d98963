"""apply_corrections: the user's entity decisions over the tagger's spans, without Qt."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.entities import EntitySpan
from reader.core.store.entity_prefs import Correction, apply_corrections

TEXT = "Putin met Merkel in Berlin. Vladimir Putin said Berlin was cold. Putinism is not Putin."


def span(text: str, word: str, typ: str, nth: int = 0) -> EntitySpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return EntitySpan(start, start + len(word), typ, word)


def here(text: str, word: str, typ: str, action: str, nth: int = 0, article: str = "a1") -> Correction:
    s = span(text, word, typ, nth)
    return Correction(article, s.start, s.end, word, typ, action)


def everywhere(word: str, typ: str, action: str) -> Correction:
    return Correction("", 0, 0, word, typ, action)


TAGGED = [span(TEXT, "Putin", "PER"), span(TEXT, "Merkel", "LOC"), span(TEXT, "Berlin", "LOC"),
          span(TEXT, "Vladimir Putin", "PER"), span(TEXT, "Berlin", "LOC", 1)]  # fmt: skip


def texts(spans: list[EntitySpan]) -> list[tuple[str, str]]:
    return [(s.text, s.type) for s in spans]


def test_no_corrections_keeps_the_spans_in_order() -> None:
    out = apply_corrections(TEXT, reversed(TAGGED), [])
    assert out == sorted(TAGGED, key=lambda s: s.start)


def test_adding_here_replaces_the_overlapping_span_and_changes_the_type() -> None:
    out = apply_corrections(TEXT, TAGGED, [here(TEXT, "Merkel", "PER", "add")])
    assert ("Merkel", "PER") in texts(out) and ("Merkel", "LOC") not in texts(out)
    assert len(out) == len(TAGGED)


def test_removing_here_drops_only_that_occurrence() -> None:
    out = apply_corrections(TEXT, TAGGED, [here(TEXT, "Berlin", "LOC", "remove")])
    berlins = [s for s in out if s.text == "Berlin"]
    assert [s.start for s in berlins] == [span(TEXT, "Berlin", "LOC", 1).start]


def test_never_removes_every_span_with_that_exact_text_case_sensitively() -> None:
    spans = [*TAGGED, EntitySpan(0, 5, "ORG", "Putin")]
    out = apply_corrections(TEXT, spans, [everywhere("Berlin", "LOC", "remove")])
    assert all(s.text != "Berlin" for s in out)
    out = apply_corrections(TEXT, spans, [everywhere("berlin", "LOC", "remove")])
    assert sum(s.text == "Berlin" for s in out) == 2


def test_always_adds_whole_words_only_and_keeps_longer_names_of_that_type() -> None:
    out = apply_corrections(TEXT, [span(TEXT, "Vladimir Putin", "PER")], [everywhere("Putin", "PER", "add")])
    # "Putin" at the start and at the end; not inside "Putinism", not cutting "Vladimir Putin".
    assert texts(out) == [("Putin", "PER"), ("Vladimir Putin", "PER"), ("Putin", "PER")]
    assert out[-1].end == len(TEXT) - 1


def test_always_of_another_type_overrides_what_it_overlaps() -> None:
    out = apply_corrections(TEXT, TAGGED, [everywhere("Berlin", "ORG", "add")])
    assert [t for t in texts(out) if t[0] == "Berlin"] == [("Berlin", "ORG"), ("Berlin", "ORG")]


def test_an_article_correction_wins_over_an_every_article_rule() -> None:
    rules = [here(TEXT, "Merkel", "PER", "add"), everywhere("Merkel", "PER", "remove")]
    out = apply_corrections(TEXT, TAGGED, rules)
    assert ("Merkel", "PER") in texts(out)


def test_a_stale_correction_whose_text_moved_is_left_out() -> None:
    stale = Correction("a1", 0, 6, "Merkel", "PER", "add")
    assert apply_corrections(TEXT, TAGGED, [stale]) == sorted(TAGGED, key=lambda s: s.start)


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(["Anna", "Bo", "anna", "Bo Anna", "x", "."]), min_size=1, max_size=25),
    rule_words=st.lists(st.tuples(st.sampled_from(["Anna", "Bo", "Bo Anna"]), st.sampled_from(["add", "remove"]),
                                  st.sampled_from(["PER", "ORG"])), max_size=4),  # fmt: skip
)
def test_the_result_never_overlaps_and_matches_the_text(words, rule_words) -> None:
    text = " ".join(words)
    tagged: list[EntitySpan] = []
    pos = 0
    for w in words:
        if w[0].isupper():
            tagged.append(EntitySpan(pos, pos + len(w), "PER", w))
        pos += len(w) + 1
    rules = [everywhere(w, t, a) for w, a, t in rule_words]
    out = apply_corrections(text, tagged, rules)
    for a, b in zip(out, out[1:], strict=False):
        assert a.end <= b.start
    assert all(text[s.start : s.end] == s.text for s in out)
