"""Grouping an article's entity mentions: "Putin" and "Vladimir Putin" are one person."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from reader.core.entities.lexicon import DAYS, MONTHS, TITLES
from reader.core.entities.span import EntitySpan
from reader.core.entities.tokenize import ABBREVIATIONS

if TYPE_CHECKING:
    from reader.core.entities.aliases import AliasTable

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
_EDGE_PUNCT = " \t\n\"'()[]{},;:!?"
_WS = re.compile(r"\s+")
# The word touching a mention: one space (or a hyphen) between, as in "Forest Hill".
_JOINERS = frozenset(" \u00a0-")
_WORD_CHARS = frozenset(".’'-_")  # besides letters and digits
_WORD_AFTER = re.compile(r"[ \u00a0-](\w+)")
# What ends a sentence before the next one's first word ("Then Trump"); an opening quote starts a quotation's.
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n])[\"'”’)]?\s*$")
_OPENING = frozenset("\"'“‘([")
# Words that stand before a bare surname without making a longer name of it ("President Trump", "Rep. Omar").
_TITLES = frozenset(TITLES) | frozenset(
    "rep representative speaker congressman congresswoman senator attorney commissioner sheriff officer detective"
    " deputy agent professor doctor lieutenant major sergeant admiral commander superintendent dame".split())
_NOT_NAME_WORDS = frozenset(DAYS) | frozenset(MONTHS) | {"i"}
_START = attrgetter("start")


# Why cached: storing an import's mentions asks for the name of each mention three times (its group,
# its key, its alias lookup), and an article names the same few entities again and again.
@lru_cache(maxsize=50_000)
def display_name(text: str) -> str:
    """The mention as a name: one line, plain quotes, no trailing possessive or edge punctuation."""
    name = _WS.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip()
    name = _POSSESSIVE.sub("", name) if len(name) > 2 else name
    stripped = name.strip(_EDGE_PUNCT)
    if stripped.endswith("."):
        last = stripped.rsplit(" ", 1)[-1]
        # A sentence's full stop goes; the period of "U.S.", "p.m." or "Inc." stays.
        if last.count(".") == 1 and last[:-1].lower() not in ABBREVIATIONS:
            stripped = stripped[:-1]
    return stripped or name


def canonical_name(text: str, type: str) -> str:
    """The normalised key of a name, used to find every article that mentions it.

    Case, quotes, spacing, a possessive "'s" and (for organisations, places and misc names) a
    leading "the" do not matter: "the European Union's" and "European Union" share a key.
    """
    name = display_name(text).casefold()
    if type in ("ORG", "LOC", "MISC") and name.startswith("the "):
        name = name[4:]
    return name


def in_longer_name(text: str, start: int, end: int) -> bool:
    """True when the one-word mention `text[start:end]` touches another capitalised word: the tagger cut it
    from a longer name ("Hill" of "Forest Hill police", "Trump" of "Trump Tower"), so it is no bare surname.

    A title before it ("President", "Rep.") does not count, nor a sentence's first word ("Then Trump") or a
    possessive ("Ohio's Brown"), nor a day or month after it ("said Trump Monday").
    """
    if start > 1 and text[start - 1] in _JOINERS:
        first, limit = start - 1, max(0, start - 41)
        while first > limit and (text[first - 1].isalnum() or text[first - 1] in _WORD_CHARS):
            first -= 1
        word = text[first : start - 1].strip("-")
        if (word[:1].isupper() and not word.endswith(("'s", "’s", "'", "’", "."))
                and not any(part.lower() in _TITLES for part in word.split("-"))
                and text[first - 1 : first] not in _OPENING
                and not _SENTENCE_END.search(text, max(0, first - 6), first)):  # fmt: skip
            return True
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1)[:1].isupper() and after.group(1).lower() not in _NOT_NAME_WORDS


# Not frozen (made that way, nothing changes one): a frozen dataclass sets each field through object.__setattr__,
# and the import's workers make one per entity of every article; hashed and compared by value as before.
@dataclass(slots=True, unsafe_hash=True)
class EntityGroup:
    """All mentions of one entity in a text: its key, the fullest name, type, count and spans."""

    key: str
    name: str
    type: str
    count: int
    spans: tuple[EntitySpan, ...]


def _is_part_of(short: list[str], long: list[str]) -> bool:
    """True when the short name's words begin or end the long name (Putin / Vladimir Putin)."""
    n = len(short)
    return n < len(long) and (long[:n] == short or long[-n:] == short)


def group_mentions(spans: Iterable[EntitySpan], aliases: AliasTable | None = None, text: str = "", *,
                   named: bool = True) -> list[EntityGroup]:  # fmt: skip
    """Group mentions by entity, most frequent first (not `named`: each group's `name` is "", for the library's
    writer, which stores the spans by their keys and never the name: a fifth of the grouping's time).

    A group's key and type come from the alias table (`aliases`, else the built-in one): "U.S." and
    "United States" are one place. A person's short form joins the single longer name it is part of, and
    an acronym the single long form it spells ("NSC": "National Security Council"; see `acronyms`). A bare
    surname the article joins to none of its own names joins the full name the library gives it (the table's
    joined surnames), as Top Entities and `entity:` count it; with the article's `text`, not a mention cut
    from a longer name (`in_longer_name`), which the library leaves alone too.
    """
    from reader.core.entities.acronyms import join_acronyms  # acronyms.py builds on display_name here

    if aliases is None:
        from reader.core.entities.aliases import builtin_table  # aliases.py builds on canonical_name here

        aliases = builtin_table()
    groups: dict[tuple[str, str], list[EntitySpan]] = {}
    resolved: dict[tuple[str, str], tuple[str, str]] = {}  # an article writes the same few names again and again
    for sp in spans:
        group = resolved.get((sp.text, sp.type))
        if group is None:
            name, typ = aliases.resolve(sp.text, sp.type, surnames=False)
            group = resolved[sp.text, sp.type] = (typ, name)
        groups.setdefault(group, []).append(sp)
    # A person's short form joins the single longer name it is part of.
    persons = [k for k in groups if k[0] == "PER"]
    # The longer names each run of first or last words is part of: looked up, not compared pairwise,
    # so a long text with thousands of names is grouped in linear time.
    containing: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for k in persons:
        words = tuple(k[1].split())
        for n in range(1, len(words)):
            for part in {words[:n], words[-n:]}:
                containing.setdefault(part, []).append(k)
    for key in sorted(persons, key=lambda k: len(k[1].split())):
        longer = [k for k in containing.get(tuple(key[1].split()), []) if k in groups]
        if not longer:
            continue
        target = max(longer, key=lambda k: len(k[1].split()))
        # "Smith" in both "John Smith" and "Mary Smith" is ambiguous: leave it alone.
        if all(k == target or _is_part_of(k[1].split(), target[1].split()) for k in longer):
            groups[target].extend(groups.pop(key))
    join_acronyms(groups)
    joined = _join_surnames(groups, aliases, text)
    out = []
    for (typ, name_key), members in groups.items():
        if not named:
            members.sort(key=_START)
            out.append(EntityGroup(name_key, "", typ, len(members), tuple(members)))
            continue
        if len(members) == 1:  # most of an article's names are mentioned once: their name is theirs
            # unless it is a bare surname the library joined: the row is the full name's, as with two mentions
            shown = joined.get((typ, name_key)) or display_name(members[0].text)
            out.append(EntityGroup(name_key, shown, typ, 1, (members[0],)))
            continue
        members.sort(key=_START)
        # the fullest name, the most frequent of those, the first written among equals
        counts: dict[str, int] = {}
        for sp in members:
            shown = display_name(sp.text)
            counts[shown] = counts.get(shown, 0) + 1
        size = {n: len(n.split()) for n in counts}
        longest = max(size.values())
        name = max((n for n in counts if size[n] == longest), key=counts.__getitem__)
        if longest == 1 and (typ, name_key) in joined:  # only the bare surname here: the library's full name
            name = joined[typ, name_key]
        out.append(EntityGroup(name_key, name, typ, len(members), tuple(members)))
    out.sort(key=lambda g: (-g.count, g.spans[0].start))
    return out


def _join_surnames(groups: dict[tuple[str, str], list[EntitySpan]], aliases: AliasTable,
                   text: str) -> dict[tuple[str, str], str]:  # fmt: skip
    """Move each bare surname's mentions to the full name the library joins it to; the joined groups' names.

    Not a surname the article's own full names end with: "Trump" beside "Ivanka Trump" and "Donald Trump"
    stays alone (which one is not known), as `library_entities.mention_rows` marks it.
    """
    lasts = {words[-1] for typ, key in groups if typ == "PER" and len(words := key.split()) > 1}
    names: dict[tuple[str, str], str] = {}
    for typ, key in [k for k in groups if k[0] == "PER" and " " not in k[1] and k[1] not in lasts]:
        full = aliases.joined_surname(key)
        if full is None:
            continue
        members = groups.pop((typ, key))
        alone = [sp for sp in members if text and in_longer_name(text, sp.start, sp.end)]
        if alone:
            groups[typ, key] = alone
        bare = [sp for sp in members if sp not in alone]
        if bare:
            groups.setdefault((typ, full.key), []).extend(bare)
            names[typ, full.key] = full.name
    return names
