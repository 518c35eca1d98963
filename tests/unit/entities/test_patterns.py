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
