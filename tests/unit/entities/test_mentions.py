"""Grouping short and full forms of a name, and the library-wide name key."""

from __future__ import annotations

import pytest

from reader.core.entities import EntitySpan, canonical_name, group_mentions
from reader.core.entities.aliases import builtin_table
from reader.core.entities.mentions import in_longer_name


def _span(text: str, name: str, typ: str, occurrence: int = 0) -> EntitySpan:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return EntitySpan(start, start + len(name), typ, name)


def test_short_form_joins_the_full_name() -> None:
    text = "Vladimir Putin spoke. Putin left. Putin’s aide stayed in Moscow."
    spans = [
        _span(text, "Vladimir Putin", "PER"),
        _span(text, "Putin", "PER", 1),
        _span(text, "Putin’s", "PER"),
        _span(text, "Moscow", "LOC"),
    ]
    groups = group_mentions(spans)
    assert [(g.name, g.type, g.count) for g in groups] == [("Vladimir Putin", "PER", 3), ("Moscow", "LOC", 1)]
    assert groups[0].key == "vladimir putin"
    assert [s.start for s in groups[0].spans] == sorted(s.start for s in groups[0].spans)


def test_ambiguous_short_form_stays_alone() -> None:
    text = "John Smith and Mary Smith met. Smith spoke."
    spans = [_span(text, "John Smith", "PER"), _span(text, "Mary Smith", "PER"), _span(text, "Smith", "PER", 2)]
    names = sorted(g.name for g in group_mentions(spans))
    assert names == ["John Smith", "Mary Smith", "Smith"]


def test_same_text_of_different_types_are_different_entities() -> None:
    text = "Jordan visited Jordan."
    groups = group_mentions([_span(text, "Jordan", "PER"), _span(text, "Jordan", "LOC", 1)])
    assert sorted(g.type for g in groups) == ["LOC", "PER"]


def test_canonical_name() -> None:
    assert canonical_name("the European Union’s", "ORG") == canonical_name("European  Union", "ORG")
    assert canonical_name("European Union", "ORG") == "european union"
    assert canonical_name("PUTIN", "PER") == canonical_name("Putin's", "PER") == "putin"
    assert canonical_name("The Hague", "LOC") == "hague"
    assert canonical_name("11:30 p.m.", "TIME") == "11:30 p.m."


def test_stored_mention_rows_name_every_span_as_its_own_key_and_group() -> None:
    from reader.core.entities.aliases import builtin_table, name_key
    from reader.core.entities.mentions import display_name
    from reader.core.store.library_entities import mention_rows

    text = ("The U.S. said. Vladimir Putin spoke; Putin’s aide and the US envoy met Putin in Moscow. the U.S.'s plan."
            " The Rock sang on The Rock.")
    spans = [_span(text, "U.S.", "LOC"), _span(text, "Vladimir Putin", "PER"), _span(text, "Putin’s", "PER"),
             _span(text, "US", "LOC"), _span(text, "Putin", "PER", 2), _span(text, "Moscow", "LOC"),
             _span(text, "U.S.'s", "LOC"), _span(text, "The Rock", "PER"),
             _span(text, "The Rock", "LOC", 1)]  # fmt: skip
    display_name.cache_clear()
    rows = mention_rows(7, spans, builtin_table())
    # The plain path: each span's group looked up again, its key made from its own text with no cache.
    group_of = {s: g for g in group_mentions(spans, builtin_table()) for s in g.spans}
    plain = [(7, s.start, s.end, s.type, group_of[s].key, s.text,
              group_of[s].key.split()[-1] if group_of[s].type == "PER" and " " in group_of[s].key else "",
              name_key(s.text, s.type),
              group_of[s].type) for s in spans]  # fmt: skip
    assert sorted(rows) == sorted(plain)
    assert len({r[4] for r in rows}) == 5  # "U.S." and "US" one place, the Putins one person, Moscow, two Rocks
    assert [r[7] for r in sorted(rows) if r[5] == "Putin’s"] == ["putin"]
    assert [r[7] for r in sorted(rows) if r[5] == "The Rock"] == ["the rock", "rock"]  # same text, two types


@pytest.mark.parametrize(
    ("sentence", "word", "cut"),
    [
        ("Police in Forest Hill said so.", "Hill", True),
        ("Forest Hill police came at midnight.", "Hill", False),  # a sentence's first word may be any word
        ("The Trump Tower lobby was shut.", "Trump", True),
        ("He met President Trump on Monday.", "Trump", False),
        ("He met President-elect Trump.", "Trump", False),
        ("Rep. Omar spoke.", "Omar", False),
        ("Then Hill spoke.", "Hill", False),
        ("They shout, \u201cMake Trump go away.\u201d", "Trump", False),  # a quotation's first word
        ("\u201cHill spoke,\u201d he said.", "Hill", False),
        ("Ohio's Brown spoke.", "Brown", False),
        ("He said Hill Monday.", "Hill", False),
        ("He met Ocasio-Cortez and Cortez.", "Cortez", False),
        ("It is Ocasio-Cortez.", "Cortez", True),
    ],
)
def test_a_word_touching_another_capitalised_word_is_cut_from_a_longer_name(sentence, word, cut) -> None:
    start = sentence.rindex(word)
    assert in_longer_name(sentence, start, start + len(word)) is cut


def test_a_bare_surname_joins_the_full_name_the_library_gives_it_unless_the_article_names_another() -> None:
    table = builtin_table().with_surnames([("trump", "Donald Trump")])
    text = "Trump spoke. At Trump Tower, Trump left."
    spans = [_span(text, "Trump", "PER", k) for k in range(3)]
    groups = [(g.name, g.key, g.count) for g in group_mentions(spans, table, text)]
    assert groups == [("Donald Trump", "donald trump", 2), ("Trump", "trump", 1)]  # the tower's stays alone
    assert [sp.text for sp in group_mentions(spans, table, text)[0].spans] == ["Trump", "Trump"]
    text = "Ivanka Trump spoke. Trump left."
    spans = [_span(text, "Ivanka Trump", "PER"), _span(text, "Trump", "PER", 1)]
    assert [(g.name, g.count) for g in group_mentions(spans, table, text)] == [("Ivanka Trump", 2)]


def test_a_bare_surname_mentioned_once_is_named_as_the_full_name_the_library_joins_it_to() -> None:
    table = builtin_table().with_surnames([("trump", "Donald Trump")])
    text = "Later Trump spoke."
    [group] = group_mentions([_span(text, "Trump", "PER")], table, text)
    assert (group.name, group.key, group.count) == ("Donald Trump", "donald trump", 1)


def test_groups_made_twice_are_equal_hash_alike_and_survive_pickling() -> None:
    import pickle

    spans = [EntitySpan(0, 14, "PER", "Vladimir Putin"), EntitySpan(20, 25, "PER", "Putin")]
    first, again = group_mentions(spans), group_mentions(list(spans))
    assert first == again and {first[0]: 1}[again[0]] == 1  # equal by value, found as a key by value
    assert pickle.loads(pickle.dumps(first)) == first
