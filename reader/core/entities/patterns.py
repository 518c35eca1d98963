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
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion|mln|bln|m|bn|k"
_SCALE = rf"(?:\s?(?:{_SCALE_WORDS})\b)?"
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

# Each rule is tried only where one of its matches can begin, found by patterns that begin with a plain
# character (the engine then skips to the next such character in C) and by plain string searches, instead
# of every rule at every character. No rule's match begins inside a run of digits (each needs a non-word
# character or a currency sign before a number), so the rules are tried at the first digit of a run (`_DIGITS`);
# the finders give the other places, one character each (so none hides another): a superset of the rule's.
# `_DIGITS` gives the first digit of each run of digits where some rule's match may begin, told by what follows:
# most numbers (a score, an age, a page number) begin none, and this one pass in C spares trying all five rules
# there. Each alternative says what a rule needs after its first digit (a rule's number is a run of digits,
# commas and points, always followed by something not in that run: so the possessive `*+` loses no match):
# a percent sign or "per", a scale word, unit or currency code after at most one space (PERCENT, QUANTITY,
# MONEY, "10 am"), a space and a currency word, "of" or a month's capital (MONEY, "5 May"), an ordinal or a
# decade's "s" (DATE), "10:30" and "10.30 GMT" (TIME), "1996-08-22" and "5/6/96" (DATE).
_AFTER_FIRST_DIGIT = (
    r"(?="
    rf"[\d,.]*+(?:\s?(?:%|per|[ap]\.?m|{_SCALE_WORDS}|{_UNITS}|USD|EUR|GBP|JPY|CHF)"
    rf"|\s(?:{_CURRENCY_WORDS}|of\s|[JFMASOND])|st|nd|rd|th|s)"
    r"|\d?:[0-5]\d|\d?\.[0-5]\d\s?(?:[ap]|GMT|UTC|[A-Z]{2,4}T)"
    r"|\d{3}-\d{2}-\d{2}|\d?/\d{1,2}/\d{2})")
_DIGITS = re.compile(r"\d(?<!\d\d)" + _AFTER_FIRST_DIGIT)
# The same for a text all in ASCII, where \d is [0-9]: a class of plain characters the engine looks for through
# the text about twice as fast as for any Unicode digit (most articles are ASCII; the rest of the pattern, tried
# only at a digit, stays as it is).
_ASCII_DIGITS = re.compile(r"[0-9](?<![0-9][0-9])" + _AFTER_FIRST_DIGIT)
_FINDERS: dict[str, re.Pattern[str]] = {
    # "US$", "A$", "C$", "NZ$", "HK$", a bare sign, or a currency code
    "MONEY": re.compile(r"U(?=S[$€£¥]|SD)|A(?=[$€£¥])|C(?=[$€£¥]|HF|NY)|N(?=Z[$€£¥])|H(?=K[$€£¥])"
                        r"|\$|€|£|¥|E(?=UR)|G(?=BP)|J(?=PY)"),
    # months and week days ("Sept. 5", "Thursday, 5 May")
    "DATE": re.compile(r"J(?=an|u[nl])|F(?=eb|riday)|M(?=ar|ay|onday)|A(?=pr|ug)|S(?=ep|aturday|unday)|O(?=ct)"
                       r"|N(?=ov)|D(?=ec)|T(?=uesday|hursday)|W(?=ednesday)"),
}
# Words found with str.find (a rule's other beginnings are rare: a search for them is quicker than a pattern).
_WORDS = {"TIME": ("noon", "midnight"), "DATE": ("yesterday", "today", "tomorrow")}
# A currency sign or code must be in the text for MONEY to begin anywhere but at a digit.
_MONEY_MARKS = ("$", "€", "£", "¥", "USD", "EUR", "GBP", "JPY", "CHF", "CNY")
# The DATE rule's other lower-case beginnings come before a year or a decade, told by the character just
# before its digits: a space after "in", "by", "of" (3 characters before the digits), "from" (5), "since",
# "until" (6), "during" (7); a hyphen ("-1990s" 1, "mid-" 4, "late-" 5, "early-" 6); or the last letter of
# "mid" (3), "late" (4), "early" (5). Looking for a year's first digits (a plain class first) is quicker
# than looking for each lower-case word in all the text.
_YEAR_START = re.compile(r"1[89]\d|20\d")
_BEFORE_YEAR = {" ": (3, 5, 6, 7), "-": (1, 4, 5, 6), "d": (3,), "e": (4,), "y": (5,)}


def _found_words(text: str, words: tuple[str, ...]) -> list[int]:
    """Where each of `words` occurs in `text`."""
    places = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            places.append(at)
            at = text.find(word, at + 1)
    return places


def _date_places(text: str) -> list[int]:
    """Where a DATE match may begin other than at a digit."""
    places = [m.start() for m in _FINDERS["DATE"].finditer(text)]
    places += _found_words(text, _WORDS["DATE"])
    for m in _YEAR_START.finditer(text):
        q = m.start()
        before = text[q - 1] if q else ""
        offsets = _BEFORE_YEAR.get(" " if before.isspace() else before, ())
        places.extend(q - k for k in offsets if q >= k)
    return places


def _matches(rx: re.Pattern[str], text: str, starts: list[int]) -> list[tuple[int, int, str]]:
    """`rx.finditer(text)` as (start, end, matched text), trying `rx` only at `starts` (sorted; every place
    where it can match among them): after a match the next one begins at its end, as finditer's does."""
    out = []
    pos = 0
    match = rx.match
    for p in starts:
        if p >= pos and (m := match(text, p)) is not None:
            pos = m.end()
            out.append((p, pos, m.group()))
    return out


def find_patterns(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, type) matches of the rules, earlier rules winning ties."""
    digits = [m.start() for m in (_ASCII_DIGITS if text.isascii() else _DIGITS).finditer(text)]
    found: list[tuple[int, int, str]] = []
    for typ, rx in _RULES:
        if typ == "DATE":
            starts = sorted(set(digits).union(_date_places(text)))
        elif typ == "TIME":
            more = _found_words(text, _WORDS["TIME"])
            starts = sorted(digits + more) if more else digits  # a word never begins at a digit
        elif typ == "MONEY" and any(mark in text for mark in _MONEY_MARKS):
            starts = sorted(digits + [m.start() for m in _FINDERS["MONEY"].finditer(text)])
        else:
            starts = digits
        for s, e, group in _matches(rx, text, starts):
            lead = _LEAD_WORDS.match(group) if typ == "DATE" else None
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
