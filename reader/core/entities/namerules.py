"""Document rules about what kind of name a name is: people the model cut or typed as companies, products
typed as companies, institutions written as common words.

Run by `docrules.apply_document_rules` on one sentence's IOB2 tags (or, for institutions, over the
whole document); each rule reads only what the page itself shows and the model's own lists:
- a person's name continued by a capitalised word is one person ("Ramon Villaseñor" + "Cruz" as a
  place): in running text a place or company is not written against a person's name without a word
  or a comma between them, unless the model's lists know the word as a place ("... Smith Britain");
- a short name of capitalised words each known as a person's name (the model's given names, or a word
  the training news names only people with) and nothing that makes it a company or place ("Taylor
  Swift" typed as an organisation) is a person;
- a one-word company name written with a capital inside ("MagSafe", "AirPlay") that no list knows as a
  company is a product (MISC, as CoNLL files products) where the page writes it as one: with a version
  number ("MagSafe 2") or after a company's possessive ("Apple's AirPower"). Without such a sign the
  name stays: "WeWork", "GiveWell" and "SoFi" are written the same way;
- an institution written as a common word ("the House", "the Army", "the Post") is a name where the
  article writes "the" before it mid-sentence and the word is an institution word (the model's
  organisation words, its training organisation names, or `INSTITUTIONS`).
Each rule is a `DocRules` setting chosen by cross-validation (`benchmarks/ner_doc_rules.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from reader.core.entities.knowledge import Knowledge
from reader.core.entities.lexicon import ORG_WORDS

_ORG_WORDS = frozenset(ORG_WORDS)
# Institutions named by a common word after "the", beyond the model's organisation words (which hold
# Army, Post, Times, Senate, Congress...): the chambers of the US Congress and the UK Parliament, the
# seats of power news names by their building, and the newspapers called "The <word>" (Wikipedia: List
# of newspapers in the United Kingdom, List of newspapers in the United States).
INSTITUTIONS = frozenset("""house commons lords pentagon kremlin cabinet fed guardian telegraph economist herald
tribune chronicle""".split())
# The model's lists that make a word a place or an organisation word. Not GEO (every place name of
# geonames, "Cruz" and "Mary" among them): it says too little.
_PLACE_LISTS = frozenset(["CTRY", "CITY", "REGION", "CTRYP", "NAT", "CITY2"])
_ORG_LISTS = frozenset(["ORGW", "ORGW2", "CLUB"])
_NOT_PERSON = _PLACE_LISTS | _ORG_LISTS
# A capital after a lower-case letter inside one word: "MagSafe", "iPhone", "MacBooks"; not "McCain", "O'Neil".
_INNER_CAPITAL = re.compile(r"^(?!Mc)(?=[A-Za-z]*[a-z][A-Z][a-z])[A-Za-z]+$")
_VERSION = re.compile(r"^\d{1,2}$")  # "2" in "MagSafe 2"; not a year or an amount

# Honorifics written after a person's name (Ottoman, Persian and South Asian forms of address; the
# suffixes of English names): "Mehmed Şakir Efendi", "Enver Pasha", "Martin Luther King Jr."
AFTER_NAME = frozenset("efendi effendi pasha bey agha aga sahib saheb jr jr. sr sr.".split())

Span = tuple[int, int, str]


def _capitalised(token: str) -> bool:
    """A word in title case ("Cruz", "Şakir"; not "US", "of" or "3")."""
    return token[:1].isupper() and token.replace("-", "").isalpha() and not token.isupper()


def _relabel(tags: list[str], a: int, b: int, typ: str) -> None:
    tags[a:b] = [f"B-{typ}"] + [f"I-{typ}"] * (b - a - 1)


def join_name_tails(sent: list[str], found: list[Span], tags: list[str], knowledge: Knowledge) -> bool:
    """"Ramon Villaseñor"(person) "Cruz"(place) -> one person, in `tags`; whether any was joined.

    The person's name has two capitalised words or more (a lone family name before a place is "Smith
    Britain" in a results table) and the word after it is no word of the model's place or organisation lists.
    """
    joined = False
    for (a, b, typ), (c, d, nxt) in zip(found, found[1:], strict=False):
        if typ == "PER" and b == c and b - a > 1 and d - c == 1 and nxt in ("LOC", "ORG") and \
                all(_capitalised(w) for w in sent[a:b]) and \
                _capitalised(sent[c]) and _NOT_PERSON.isdisjoint(knowledge.memberships(sent[c].lower())):
            _relabel(tags, a, d, "PER")
            joined = True
    return joined


def _person_word(word: str, knowledge: Knowledge, phrases: Mapping[str, str]) -> bool:
    low = word.lower()
    return "GIVEN" in knowledge.memberships(low) or phrases.get(low) == "PER"


def persons_by_names(sent: list[str], found: list[Span], tags: list[str], knowledge: Knowledge,
                     phrases: Mapping[str, str], listed: Callable[[tuple[str, ...]], bool],
                     seen: dict[tuple[str, ...], bool] | None = None) -> bool:
    """"Taylor Swift" typed as a company -> a person, in `tags`; whether any was retyped.

    Two or three capitalised words, each a person's name to the model (a given name of its lists, or a
    word its training news names only people with), none an organisation or place word, the whole name
    unknown to the training names and to the modern names (`listed`: "Morgan Stanley" stays). Or a name
    that ends with an honorific written after names ("Mehmed Şakir Efendi"). `seen`: the answers for the
    names of the document so far (the same few names come back sentence after sentence).
    """
    changed = False
    for a, b, typ in found:
        if typ == "PER" or not 2 <= b - a <= 4:
            continue
        words = tuple(sent[a:b])
        person = None if seen is None else seen.get(words)
        if person is None:
            person = _reads_as_person(words, knowledge, phrases, listed)
            if seen is not None:
                seen[words] = person
        if person:
            _relabel(tags, a, b, "PER")
            changed = True
    return changed


def _reads_as_person(words: tuple[str, ...], knowledge: Knowledge, phrases: Mapping[str, str],
                     listed: Callable[[tuple[str, ...]], bool]) -> bool:
    """Whether a name of these 2-4 words (not the model's person) is a person's, for `persons_by_names`."""
    if words[-1].lower() in AFTER_NAME and all(_capitalised(w) for w in words[:-1]):
        return True
    if len(words) > 3 or not all(_capitalised(w) for w in words):
        return False
    if " ".join(w.lower() for w in words) in phrases or listed(words):
        return False
    return all(_person_word(w, knowledge, phrases) and w.lower() not in _ORG_WORDS and
               _NOT_PERSON.isdisjoint(knowledge.memberships(w.lower())) for w in words)


def product_words(sentences: list[list[str]], spans: list[list[Span]], phrases: Mapping[str, str],
                  known: Callable[[str], bool]) -> set[str]:
    """The one-word company names with a capital inside ("MagSafe", "AirPlay") the document writes as a
    product: followed by a version number ("MagSafe 2") or after a known company's possessive ("Apple's
    AirPower"); never a word the training names or `known` (the modern names, the alias table) hold as an
    organisation. `spans` are the names of each sentence."""
    words = {sent[a] for sent, found in zip(sentences, spans, strict=True) for a, b, typ in found
             if typ == "ORG" and b - a == 1 and _INNER_CAPITAL.match(sent[a])}
    words = {w for w in words if phrases.get(w.lower()) != "ORG" and not known(w)}
    out: set[str] = set()
    for sent in sentences:
        if words.isdisjoint(sent):
            continue
        for k, tok in enumerate(sent):
            if tok in words:
                version = k + 1 < len(sent) and _VERSION.match(sent[k + 1]) is not None
                owner = k > 1 and sent[k - 1] in ("'s", "’s") and \
                    (known(sent[k - 2]) or phrases.get(sent[k - 2].lower()) == "ORG")
                if version or owner:
                    out.add(tok)
    return out


def products(sent: list[str], found: list[Span], tags: list[str], words: set[str]) -> bool:
    """The one-word company names among `words` (`product_words`) -> products (MISC); whether any was retyped."""
    changed = False
    for a, b, typ in found:
        if typ == "ORG" and b - a == 1 and sent[a] in words:
            _relabel(tags, a, b, "MISC")
            changed = True
    return changed


def _headline(sent: list[str]) -> bool:
    """Title case: most of its words capitalised ("House Passes the Budget Bill")."""
    words = [w for w in sent if w.isalpha()]
    return len(words) > 2 and sum(w[:1].isupper() for w in words) * 3 >= len(words) * 2


def _lower_word(token: str) -> bool:
    return token.isalpha() and token.islower()


def _written_as_name(sent: list[str], k: int) -> bool:
    """Whether the capitalised common word `sent[k]` is written as a name: after "the" ("the Army"), or between two
    lower-case words ("a career Army officer", "senior Army officials"), where nothing but being a name makes it
    capitalised. Not before "of", where it may begin a longer name the model cut ("House of Representatives"), nor
    beside another capitalised word (a heading's or a longer name's)."""
    before = sent[k - 1]
    if before == "the":
        return True
    after = sent[k + 1] if k + 1 < len(sent) else ""
    return _lower_word(before) and _lower_word(after) and after != "of"


def institutions(sentences: list[list[str]], words: set[str], knowledge: Knowledge,
                 phrases: Mapping[str, str], need_the: bool = True, need_list: bool = True) -> set[str]:
    """The `words` (capitalised common words the document names alone) it names as institutions.

    Evidence: "the" before the word mid-sentence, outside a title-case headline (`need_the`), and the word
    an institution word (`need_list`); with both off, nothing is kept.
    """
    if not (need_the or need_list):
        return set()
    listed = {w for w in words if w.lower() in INSTITUTIONS or w.lower() in _ORG_WORDS or
              phrases.get(w.lower()) == "ORG" or set(knowledge.memberships(w.lower())) & _ORG_LISTS}
    if not need_the:
        return listed
    after_the = set()
    for sent in sentences:
        if words.isdisjoint(sent) or _headline(sent):
            continue
        for k in range(1, len(sent)):
            if sent[k] in words and _written_as_name(sent, k):
                after_the.add(sent[k])
    return after_the & listed if need_list else after_the
