"""Grouping an article's entity mentions: "Putin" and "Vladimir Putin" are one person."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.core.entities.span import EntitySpan
from reader.core.entities.tokenize import ABBREVIATIONS

if TYPE_CHECKING:
    from reader.core.entities.aliases import AliasTable

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
_EDGE_PUNCT = " \t\n\"'()[]{},;:!?"
_WS = re.compile(r"\s+")


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


@dataclass(frozen=True)
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


def group_mentions(spans: Iterable[EntitySpan], aliases: AliasTable | None = None) -> list[EntityGroup]:
    """Group mentions by entity, most frequent first.

    A group's key and type come from the alias table (`aliases`, else the built-in one): "U.S." and
    "United States" are one place. A person's short form joins the single longer name it is part of, and
    an acronym the single long form it spells ("NSC": "National Security Council"; see `acronyms`).
    """
    from reader.core.entities.acronyms import join_acronyms  # acronyms.py builds on display_name here

    if aliases is None:
        from reader.core.entities.aliases import builtin_table  # aliases.py builds on canonical_name here

        aliases = builtin_table()
    groups: dict[tuple[str, str], list[EntitySpan]] = {}
    for sp in spans:
        name, typ = aliases.resolve(sp.text, sp.type)
        groups.setdefault((typ, name), []).append(sp)
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
    out = []
    for (typ, name_key), members in groups.items():
        if len(members) == 1:  # most of an article's names are mentioned once: their name is theirs
            out.append(EntityGroup(name_key, display_name(members[0].text), typ, 1, (members[0],)))
            continue
        members.sort(key=lambda sp: sp.start)
        names = [display_name(sp.text) for sp in members]
        longest = max(len(n.split()) for n in names)
        full = [n for n in names if len(n.split()) == longest]
        name = max(set(full), key=lambda n: (full.count(n), -full.index(n)))
        out.append(EntityGroup(name_key, name, typ, len(members), tuple(members)))
    out.sort(key=lambda g: (-g.count, g.spans[0].start))
    return out
