"""Rules for what news pages hold that the 1996 training news did not.

Applied to the model's IOB2 tags of each sentence:
- photo credits and caption bylines ("Photo: Jane Doe/AFP via Getty Images", "Courtesy Google",
  "(AP Photo/John Roe)") name who made a picture, not who the story is about: no entity there;
- technical words (URL, HTTP, API, CPU, PC, TV in capitals; Wi-Fi, E-Mail hyphenated in title case)
  are not names, unless the model's training names hold them as an organisation;
- a hyphenated given name ("Lee Jae-myung", "Han Dong-hoon", "Moon Jae-in") stays in the name;
- a named day ("Election Day", "Memorial Day", "St. Patrick's Day") is an event, MISC as CoNLL files it, not an
  organisation or a place (`named_days`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import compress

from reader.core.entities.conll import iob_spans
from reader.core.entities.lexicon import GIVEN_NAMES, TITLES

# Words that open a credit when ":" or "by" follows them (lower case).
CREDIT_CUES = frozenset("photo photos photograph photographs image images picture pictures credit credits "
                        "illustration illustrations video graphic graphics".split())
# Picture agencies and wire services that sign photos (lower-case token sequences).
AGENCIES = tuple(tuple(a.split()) for a in (
    "getty images", "afp", "ap", "reuters", "epa", "epa-efe", "efe", "bloomberg", "xinhua", "shutterstock",
    "alamy", "pa", "pa images", "pa wire", "sipa", "anadolu", "nurphoto", "zuma", "zuma press", "sopa images",
    "ap photo", "afp photo", "reuters photo", "imago", "dpa", "ansa", "kyodo", "yonhap", "tass", "ria novosti",
    "wireimage", "filmmagic", "invision", "the associated press", "associated press", "ddp", "abaca"))
_CREDIT_JOINS = frozenset(["/", "|", "via", "for"])
_AGENCY_FIRST = frozenset(a[0] for a in AGENCIES)
_OPENERS = CREDIT_CUES | {"courtesy"}
# Technical words written in capitals that are not names (generic computing, media and web terms).
TECH_WORDS = frozenset("""url urls http https html css json xml api apis cpu cpus gpu gpus pc pcs tv tvs usb pdf
sql ram rom ssd hdd led lcd oled ai vpn dns ip sms mms gps faq os ui ux app apps io rss ftp ssh ssl tls cd dvd
hd uhd 4k 5g 4g lte wifi wi-fi nfc qr id pin atm sim ceo cfo cto coo cmo post get put delete dm pm am ok
e-mail e-mails email emails e-book e-books e-commerce e-bike e-bikes""".split())
# Second parts of "X-word" compounds made with a name that are not part of the name ("Putin-backed").
_COMPOUND_WORDS = frozenset("""led backed based born era style like owned run linked made funded controlled
affiliated aligned friendly appointed allied sponsored inspired bound type esque ish""".split())
_HYPHEN_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
_TITLES = frozenset(TITLES)
_GIVEN = frozenset(GIVEN_NAMES)
_DAY_WORDS = 3  # capitalised words before "Day" at most ("New Year's Day", "Martin Luther King Day")


def _credit_region(low: list[str], i: int) -> int:
    """The end of a credit that begins at token i (i when none begins there)."""
    n = len(low)
    w = low[i]
    if w in CREDIT_CUES and i + 1 < n and low[i + 1] in (":", "by"):
        return n
    if w == "courtesy":
        return n
    return i


def _agency_at(low: list[str], i: int) -> int:
    """The end of an agency name starting at token i (0 when none starts there)."""
    if low[i] not in _AGENCY_FIRST:
        return 0
    best = 0
    for agency in AGENCIES:
        if tuple(low[i : i + len(agency)]) == agency:
            best = max(best, i + len(agency))
    return best


def _agency_before(low: list[str], i: int) -> int:
    """The start of an agency name ending just before token i (-1 when none ends there)."""
    starts = [i - len(a) for a in AGENCIES if i >= len(a) and tuple(low[i - len(a) : i]) == a]
    return min(starts, default=-1)


def credit_tokens(sent: list[str]) -> list[bool]:
    """Per token, whether it is part of a photo credit or caption byline."""
    low = list(map(str.lower, sent))
    n = len(low)
    out = [False] * n
    # Only the few tokens that may begin or join a credit are looked at (found in C).
    for i in compress(range(n), map(_OPENERS.__contains__, low)):
        end = _credit_region(low, i)
        if end > i:
            out[i:end] = [True] * (end - i)
            break
    for i in compress(range(n - 1), map(_CREDIT_JOINS.__contains__, low)):
        end = _agency_at(low, i + 1)
        if end:
            # "Jane Doe/AFP", "John Roe via Getty Images": the capitalised run before the join is the
            # photographer.
            start = i
            while start > 0 and (sent[start - 1][:1].isupper() or sent[start - 1] in ("/", "-")):
                start -= 1
        elif low[i] == "/" and (start := _agency_before(low, i)) >= 0:
            # "(AP Photo/John Roe)": the capitalised run after the agency's "/" is the photographer.
            end = i + 1
            while end < n and sent[end][:1].isupper():
                end += 1
        else:
            continue
        if end > start:
            out[start:end] = [True] * (end - start)
    return out


def _may_hold_credit(sent: list[str]) -> bool:
    """A cheap first look: whether any token could begin or join a credit (most sentences: no)."""
    return not _TRIGGERS.isdisjoint(sent)


# The words that begin or join a credit, as written in lower case, capitalised or in capitals.
_TRIGGERS = frozenset(v for w in (*CREDIT_CUES, *_CREDIT_JOINS, "courtesy") for v in (w, w.title(), w.upper()))


def apply_news_rules(sent: list[str], tags: list[str], known_orgs: Collection[str] = ()) -> list[str]:
    """The sentence's IOB2 tags after the rules; `known_orgs` are lower-case organisation names."""
    if "Day" in sent:
        tags = named_days(sent, tags)
    if tags.count("O") == len(tags):
        return tags
    out = list(tags)
    spans = iob_spans(out)
    credit = credit_tokens(sent) if _may_hold_credit(sent) else None
    has_person = changed = False
    for a, b, typ in spans:
        if credit is not None and any(credit[a:b]):
            out[a:b] = ["O"] * (b - a)
            changed = True
            continue
        has_person = has_person or typ == "PER"
        if sent[a].lower() in TECH_WORDS:
            words = [t.lower() for t in sent[a:b]]
            if all(w in TECH_WORDS and _tech_spelling(t) for w, t in zip(words, sent[a:b], strict=True)) and \
                    " ".join(words) not in known_orgs:
                out[a:b] = ["O"] * (b - a)
                changed = True
    if not has_person:
        return out
    return _keep_hyphenated_names(sent, out, iob_spans(out) if changed else spans)


def _tech_spelling(token: str) -> bool:
    """Written as a technical word is: in capitals ("API"), or hyphenated ("Wi-Fi", "E-Mail"), not as a
    capitalised word ("Post", "Get" begin names)."""
    return token.isupper() or "-" in token


def _keep_hyphenated_names(sent: list[str], tags: list[str], spans: list[tuple[int, int, str]]) -> list[str]:
    """Join a hyphenated given name to the family name before it ("Lee" + "Jae-myung"); `spans` are the tags'."""
    for a, b, typ in spans:
        if typ != "PER":
            continue
        # The given name after the family name the model found.
        if b < len(sent) and _is_given(sent[b]) and not (b + 1 < len(sent) and tags[b + 1][:2] == "I-"):
            tags[b] = "I-PER"
        # The family name before a given name the model found alone.
        if b - a == 1 and _is_given(sent[a]) and a > 0 and tags[a - 1] == "O" and _is_family(sent[a - 1]):
            tags[a - 1], tags[a] = "B-PER", "I-PER"
    return tags


def _is_given(token: str) -> bool:
    # Most words after a name have no hyphen: told without the pattern.
    return "-" in token and bool(_HYPHEN_NAME.match(token)) and token.split("-", 1)[1] not in _COMPOUND_WORDS


def _is_family(token: str) -> bool:
    return token.isalpha() and token[:1].isupper() and token[1:].islower() and len(token) <= 4 and \
        token.lower() not in _TITLES


def named_days(sent: list[str], tags: list[str]) -> list[str]:
    """Capitalised words and "Day" ("Election Day", "Labor Day", "Christmas Day", "Mother's Day") as one MISC name.

    "Day" is capitalised inside a sentence only as part of a name, and CoNLL files every holiday and named day as
    MISC. Not a person's ("Doris Day": the model's person, or a given name before "Day"), nor a name that goes on
    after "Day" ("Earth Day Network"), nor the words of a title-case headline the model did not take for a name.
    """
    out = tags
    for k, tok in enumerate(sent):
        if tok != "Day" or k == 0 or (k + 1 < len(tags) and tags[k + 1].startswith("I-")):
            continue
        start = k
        while start > 0 and tags[start].startswith("I-"):  # the model's name that "Day" ends
            start -= 1
        if tags[start].endswith("PER"):
            continue
        first = k
        # a person's tag of the word before "'s" is the model reading "Mother's" as someone's
        while first > 0 and k - first < _DAY_WORDS and _day_word(sent, first - 1) and \
                (not tags[first - 1].endswith("PER") or sent[first] in ("'s", "’s")):
            first -= 1
        first = min(first, start)
        while first > 0 and tags[first].startswith("I-") and not tags[first].endswith("PER"):
            first -= 1  # the whole of a name the run begins inside ("Martin Luther King Jr. Day")
        prev = sent[k - 1].lower()
        if first == k or sent[first] in ("'s", "’s") or prev in _GIVEN or prev in _TITLES or \
                (tags[k] == "O" and _title_case(sent)):
            continue
        if out is tags:
            out = list(tags)
        out[first : k + 1] = ["B-MISC"] + ["I-MISC"] * (k - first)
    return out


def _day_word(sent: list[str], i: int) -> bool:
    """A word of a day's name: capitalised ("Labor", "St."), or the "'s" of "Mother's Day" after one."""
    tok = sent[i]
    if tok in ("'s", "’s"):
        return i > 0 and _day_word(sent, i - 1)
    return tok[:1].isupper() and tok.rstrip(".").isalpha() and not tok.isupper()


def _title_case(sent: list[str]) -> bool:
    """A headline in title case: most of its words capitalised ("Voters Head to the Polls on Election Day")."""
    words = [w for w in sent if w.isalpha()]
    return len(words) > 3 and sum(w[:1].isupper() for w in words) * 3 >= len(words) * 2
