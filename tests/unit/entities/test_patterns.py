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
