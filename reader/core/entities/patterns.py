"""Rule-based entities: DATE, TIME, MONEY, PERCENT and QUANTITY, found by regular expressions."""

from __future__ import annotations

import re

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
          r"|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# `\b(?:_NUM)` written to begin with a bare digit: the engine then skips to the next digit in C
# instead of trying the whole pattern at every character (twice as fast); the look-behind after
# that digit is the word boundary before it.
_NUM_AT_DIGIT = r"\d(?<!\w\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_SCALE = r"(?:\s?(?:hundred|thousand|million|billion|trillion|mln|bln|m|bn|k)\b)?"
_CURRENCY_WORDS = (r"dollars?|euros?|pounds?(?:\s+sterling)?|yen|yuan|francs?|marks?|rupees?|roubles?|rubles?"
                   r"|pesos?|cents?|pence|lire|lira|crowns?|kronor|krona|rand|won")
_UNITS = (r"(?:km|kilometres?|kilometers?|miles?|metres?|meters?|m|cm|mm|feet|foot|ft|inches|inch|yards?"
          r"|kg|kilograms?|kilos?|grams?|g|tonnes?|tons?|pounds|lbs?|ounces?|oz|litres?|liters?|gallons?"
          r"|barrels?|acres?|hectares?|square\s+(?:km|kilometres?|kilometers?|miles?|metres?|meters?|feet)"
          r"|degrees?|°[CF]?|mph|km/h|GB|MB|TB|MW|GW|kW|kWh)")

_RULES: list[tuple[str, re.Pattern[str]]] = [
    # The lookahead rejects most positions at once (every match starts with a digit, symbol or code).
    ("MONEY", re.compile(
        rf"(?=[\d$€£¥ACEGHJNU])(?:(?:(?:US|A|C|NZ|HK)?[$€£¥]|\b(?:USD|EUR|GBP|JPY|CHF|CNY)\s?)(?:{_NUM}){_SCALE}"
        rf"|\b(?:{_NUM}){_SCALE}\s(?:{_CURRENCY_WORDS})\b"
        rf"|\b(?:{_NUM}){_SCALE}\s?(?:USD|EUR|GBP|JPY|CHF)\b)")),
    ("PERCENT", re.compile(rf"{_NUM_AT_DIGIT}\s?(?:%|per\s?cent\b|percent\b|percentage points?\b)")),
    # TIME and DATE: every alternative starts at a word boundary before one of a few characters;
    # saying so first (a look-behind and a class) lets the engine reject other positions at once.
    ("TIME", re.compile(
        r"(?<!\w)(?=[\dnm])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}T))?(?!\w)"
        # With a point ("10.30") only when a.m./p.m. or a zone follows: else it is a decimal (0.41 dollars).
        r"|(?:[01]?\d|2[0-3])\.[0-5]\d\s?(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}T)(?!\w)"
        r"|(?:1[0-2]|0?[1-9])\s?[ap]\.m\.(?!\w)|(?:1[0-2]|0?[1-9])\s?[ap]m\b"
        r"|(?:noon|midnight)\b)")),
    ("DATE", re.compile(
        r"(?:(?<!\w)(?=[\dMTWFSJADNOytemlisubfdo])|(?=-))(?:"
        rf"\b(?:{_DAY},?\s)?{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s\d{{4}})?(?!\w)"
        rf"|\b(?:{_DAY},?\s)?\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}(?:,?\s\d{{4}})?(?!\w)"
        rf"|\b{_MONTH}\s\d{{4}}\b"
        r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
        rf"|\b{_DAY}\b"
        r"|\b(?:yesterday|today|tomorrow)\b"
        r"|\b(?:early|mid|late)?-?(?:1[89]|20)\d0s\b"
        r"|\b(?:in|since|until|by|from|during|of)\s(?:1[89]|20)\d{2}\b(?![-/.]\d))")),
    ("QUANTITY", re.compile(rf"{_NUM_AT_DIGIT}{_SCALE}\s?(?:{_UNITS})(?![\w/])")),
]

# Words the DATE pattern uses to find a bare year that are not part of the date itself.
_LEAD_WORDS = re.compile(r"^(?:in|since|until|by|from|during|of)\s", re.IGNORECASE)


def find_patterns(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, type) matches of the rules, earlier rules winning ties."""
    found: list[tuple[int, int, str]] = []
    for typ, rx in _RULES:
        for m in rx.finditer(text):
            s, e = m.span()
            lead = _LEAD_WORDS.match(m.group()) if typ == "DATE" else None
            if lead:
                s += lead.end()
            if s < e:
                found.append((s, e, typ))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for s, e, typ in found:
        if s >= last_end:
            out.append((s, e, typ))
            last_end = e
    return out
