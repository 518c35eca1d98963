"""Dates, times, money, percentages and quantities found by the rules."""

from __future__ import annotations

import pytest

from reader.core.entities.patterns import find_patterns


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], typ) for s, e, typ in find_patterns(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("It cost $3.5 billion last year.", [("$3.5 billion", "MONEY")]),
    ("a fine of 200 million euros", [("200 million euros", "MONEY")]),
    ("Prices rose 4.2 percent, or 12%.", [("4.2 percent", "PERCENT"), ("12%", "PERCENT")]),
    ("The vote is on Tuesday, March 4, 2025.", [("Tuesday, March 4, 2025", "DATE")]),
    ("Born 4 July 1976 in Ohio", [("4 July 1976", "DATE")]),
    ("the report of 1996-08-22", [("1996-08-22", "DATE")]),
    ("It ended at 11:30 p.m. sharp", [("11:30 p.m.", "TIME")]),
    ("a 120 km road and 3 tonnes of rice", [("120 km", "QUANTITY"), ("3 tonnes", "QUANTITY")]),
    ("Prices fell in 1998 and in the 1990s", [("1998", "DATE"), ("1990s", "DATE")]),
    ("He scored 3 goals in 90 minutes", []),
    ("Water now costs 0.41 dinar; the ferry leaves at 10.30 a.m.", [("10.30 a.m.", "TIME")]),
])
def test_rules(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_matches_never_overlap() -> None:
    spans = find_patterns("On Monday, May 5, 2025 at 9:00 a.m. it cost $5 million, 5% of 3,000 kg.")
    assert [typ for _, _, typ in spans] == ["DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"]
    for (_s1, e1, _), (s2, _e2, _) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2


# Numbers next to letters, commas, points, signs and line starts: where a word boundary matters.
_NUMBER_EDGES = (
    "5% at the start; A320 jets, 3x4 km, x12 kg and B52s; 1,000.5 percent; 12,34 kg; 7 per cent; 7 per\ncent;"
    " 2.5million tonnes (10 m) and 3,000,000 barrels; -4% and +6 percentage points; 1.2.3 km; 12:30 km;"
    " tracks of 4km/h, 4 km/h and 5 g/l; _9 kg; é7 kg; 8\u00a0km; 42"
)


@pytest.mark.parametrize("typ", ["PERCENT", "QUANTITY"])
def test_rules_starting_at_a_digit_match_as_the_plain_word_boundary_form(typ: str) -> None:
    import re

    from reader.core.entities import patterns

    plain = {  # the rules as first written, with `\b` before the number: slower, the same matches
        "PERCENT": rf"\b(?:{patterns._NUM})\s?(?:%|per\s?cent\b|percent\b|percentage points?\b)",
        "QUANTITY": rf"\b(?:{patterns._NUM}){patterns._SCALE}\s?(?:{patterns._UNITS})(?![\w/])",
    }[typ]
    fast = dict(patterns._RULES)[typ]
    expected = [m.span() for m in re.finditer(plain, _NUMBER_EDGES)]
    assert len(expected) >= 5  # the comparison is over real matches
    assert [m.span() for m in fast.finditer(_NUMBER_EDGES)] == expected


# Each rule is tried only where one of its matches can begin (patterns.py): these texts hold every kind of
# beginning (a lead word before a year, a decade, a currency code or sign, noon, a week day, a month).
_BEGINNINGS = [
    ("Sales fell during 1996, rose since 2001 and until 1999; from 1985 by 1990 of 2003 in 1970.",
     [("1996", "DATE"), ("2001", "DATE"), ("1999", "DATE"), ("1985", "DATE"), ("1990", "DATE"), ("2003", "DATE"),
      ("1970", "DATE")]),
    ("Prices peaked in the mid-1990s, the late 1980s, the early-2000s and the pre-1960s.",
     [("mid-1990s", "DATE"), ("1980s", "DATE"), ("early-2000s", "DATE"), ("-1960s", "DATE")]),
    ("It cost US$5 million, NZ$3, HK$12, A$4, C$7.5 bn, CHF 10, USD20, EUR 3, ¥500 and £2.",
     [("US$5 million", "MONEY"), ("NZ$3", "MONEY"), ("HK$12", "MONEY"), ("A$4", "MONEY"), ("C$7.5 bn", "MONEY"),
      ("CHF 10", "MONEY"), ("USD20", "MONEY"), ("EUR 3", "MONEY"), ("¥500", "MONEY"), ("£2", "MONEY")]),
    ("We met at noon yesterday; at midnight today; tomorrow at 9 a.m.",
     [("noon", "TIME"), ("yesterday", "DATE"), ("midnight", "TIME"), ("today", "DATE"), ("tomorrow", "DATE"),
      ("9 a.m.", "TIME")]),
    ("On Thursday, 5 May, and Sept. 9 or Saturday; the 4th of July 1976 and June 2020.",
     [("Thursday, 5 May", "DATE"), ("Sept. 9", "DATE"), ("Saturday", "DATE"), ("4th of July 1976", "DATE"),
      ("June 2020", "DATE")]),
    ("Offices: 3,000 km from Paris, 12% up, 7 per cent, 10:30 GMT, 1/2/96, 1996-08-22.",
     [("3,000 km", "QUANTITY"), ("12%", "PERCENT"), ("7 per cent", "PERCENT"), ("10:30 GMT", "TIME"),
      ("1/2/96", "DATE"), ("1996-08-22", "DATE")]),
    ("midnightly noonday Mondays todays 1996s x1996 in1996", []),  # inside words: nothing
]


@pytest.mark.parametrize(("text", "expected"), _BEGINNINGS)
def test_every_kind_of_beginning_is_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def _every_rule_everywhere(text: str) -> list[tuple[int, int, str]]:
    """The rules as written, each tried at every character (`finditer`), then the same choice among them."""
    from reader.core.entities import patterns

    found = []
    for typ, rx in patterns._RULES:
        for m in rx.finditer(text):
            s, e = m.span()
            lead = patterns._LEAD_WORDS.match(m.group()) if typ == "DATE" else None
            s += lead.end() if lead else 0
            if s < e:
                found.append((s, e, typ))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[tuple[int, int, str]] = []
    for s, e, typ in found:
        if not out or s >= out[-1][1]:
            out.append((s, e, typ))
    return out


def test_trying_rules_only_where_they_can_begin_finds_what_trying_everywhere_finds() -> None:
    text = "\n".join(t for t, _ in _BEGINNINGS) + "\n" + _NUMBER_EDGES + (
        " By 1996 US$ 5, USD 7 bln, 5 pounds sterling on Monday; HK$ 1; 12.30 p.m.; 3 pm; 1990s-era; of 1996/7;"
        " 20 June; Jan. 3rd, 2001; tue 5; 5 May 20; 2,000,000 yen; 8 kWh; 1.5m barrels; noon.")
    expected = _every_rule_everywhere(text)
    assert len(expected) >= 60  # the comparison is over real matches of every rule
    assert {typ for _s, _e, typ in expected} == {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
    assert find_patterns(text) == expected


# Pieces of numbers and of what follows them, joined at random: where a number begins a match only because
# of what comes after it (a unit, a currency word, a month, an ordinal, a decade's "s", a clock's colon).
_PIECES = ("1 12 2020 1990 0 5 3.5 1,000 10 23 ٣ 08 % per cent percent percentage point am a.m. pm p.m. GMT UTC EST "
           "m km kg ° °C ft square miles mph GB million bn k mln dollars euro yen won pounds sterling USD EUR CHF "
           "$ US$ € st nd rd th s of May June Jan. Sept Monday in since mid late early noon today x the A : . , / -"
           ).split()
_SEPARATORS = ("", "", " ", " ", "  ", "\n", "-", "/", ":", ".", ",")


def test_numbers_are_tried_wherever_any_rule_may_begin() -> None:
    import random

    rng = random.Random(15)
    texts = ["".join(rng.choice(_PIECES) + rng.choice(_SEPARATORS) for _ in range(rng.randint(1, 8)))
             for _ in range(4000)]
    expected = [_every_rule_everywhere(t) for t in texts]
    assert sum(map(len, expected)) >= 600  # the comparison is over real matches of every rule
    assert {typ for found in expected for _s, _e, typ in found} == {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
    assert [find_patterns(t) for t in texts] == expected


def test_an_ascii_text_s_numbers_are_found_as_any_text_s() -> None:
    import random

    from reader.core.entities import patterns

    # an ASCII text looks for [0-9], not any Unicode digit; \x1c is white space to \s in both
    rng = random.Random(16)
    texts = ["".join(rng.choice(_PIECES) + rng.choice((*_SEPARATORS, "\x1c")) for _ in range(rng.randint(1, 8)))
             for _ in range(4000)]
    ascii_texts = [t for t in texts if t.isascii()]
    assert len(ascii_texts) >= 2000
    starts = [[m.start() for m in patterns._DIGITS.finditer(t)] for t in ascii_texts]
    assert sum(map(len, starts)) >= 400  # numbers where a rule may begin
    assert [[m.start() for m in patterns._ASCII_DIGITS.finditer(t)] for t in ascii_texts] == starts
    assert [find_patterns(t) for t in ascii_texts] == [_every_rule_everywhere(t) for t in ascii_texts]
    assert find_patterns("up ٣ % and 5 %") == [(3, 6, "PERCENT"), (11, 14, "PERCENT")]  # not ASCII: any digit


@pytest.mark.parametrize(("text", "expected"), [
    ("a 5 May vote", [("5 May", "DATE")]),
    ("the 3rd and the 1990s", [("1990s", "DATE")]),
    ("at 10:30, 10.30 GMT and 10 am", [("10:30", "TIME"), ("10.30 GMT", "TIME"), ("10 am", "TIME")]),
    ("on 1996-08-22 or 5/6/96", [("1996-08-22", "DATE"), ("5/6/96", "DATE")]),
    ("4 won, 7 yen, 9 USD, 2 bln dollars", [("4 won", "MONEY"), ("7 yen", "MONEY"), ("9 USD", "MONEY"),
                                            ("2 bln dollars", "MONEY")]),
    ("up 3 per cent and 5 %", [("3 per cent", "PERCENT"), ("5 %", "PERCENT")]),
    ("6 °C, 8 kWh and 2 square miles", [("6 °C", "QUANTITY"), ("8 kWh", "QUANTITY"), ("2 square miles", "QUANTITY")]),
    ("scores 2-1, 3 4 5, 6.5 and 12,3 (no rule)", []),
])
def test_a_number_begins_a_match_by_what_follows_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected
