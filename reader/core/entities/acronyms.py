"""An acronym joins its long form: "NSC" is the "National Security Council" the same article names.

Within an article, a name written in 2-6 capital letters joins the one multi-word name whose significant
words' initials spell it ("of", "the", "and", "for" and "&" do not count; a hyphen starts a word, so
"Anti-Defamation League" is "ADL"). The long form must be of the same type, or both must be organisations,
places or misc names (the group takes the long form's type). When two long forms spell it ("National Safety
Council" and "National Security Council"), the acronym is left alone: which one it means is not known.
Two letters spell many names by chance ("AC" routers and "Amazon Credit" on one shopping page), so a
two-letter acronym joins only where the article defines it: right beside its long form, "South Carolina
(SC)" or "SC, South Carolina".
Across the library the joins an article made are learned (see `store.library_entities`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reader.core.entities.mentions import display_name
from reader.core.entities.span import EntitySpan

MIN_LETTERS, MAX_LETTERS = 2, 6
SURE_LETTERS = 3  # shorter acronyms must be defined beside the long form
DEFINITION_GAP = 6  # characters between the two names of a definition: " (", ", the "
SKIPPED_WORDS = frozenset({"of", "the", "and", "for", "&"})
# Names of these types may stand for one another: "NATO" tagged as misc is still the alliance.
_LOOSE_TYPES = frozenset({"ORG", "MISC", "LOC"})
_WORD_SPLIT = re.compile(r"[\s\-‐‑–]+")
_ACRONYM_KEY = re.compile(rf"[a-z]{{{MIN_LETTERS},{MAX_LETTERS}}}")

GroupKey = tuple[str, str]  # (type, key), as group_mentions keeps its groups


@lru_cache(maxsize=8192)  # every group's key of every article stored is asked for (the writer's grouping)
def initials(key: str) -> str:
    """The lower-case initials of a name's significant words ("" for a name of fewer than two)."""
    words = [w for w in _WORD_SPLIT.split(key.casefold()) if w and w not in SKIPPED_WORDS]
    if len(words) < 2 or len(words) > MAX_LETTERS:
        return ""
    return "".join(w[0] for w in words)


def written_as_acronym(text: str, key: str) -> bool:
    """True when a mention is written in capitals only and its key is 2-6 letters ("NSC", "F.B.I.")."""
    return bool(_ACRONYM_KEY.fullmatch(key)) and display_name(text).replace(".", "") == key.upper()


def types_agree(acronym_type: str, long_type: str) -> bool:
    """An acronym of this type may stand for a long form of that type."""
    return acronym_type == long_type or (acronym_type in _LOOSE_TYPES and long_type in _LOOSE_TYPES)


def spells(acronym_key: str, long_key: str) -> bool:
    """True when the long form's significant initials are the acronym ("nsc", "national security council")."""
    return acronym_key != long_key and initials(long_key) == acronym_key


def _is_acronym_group(key: GroupKey, spans: Iterable[EntitySpan]) -> bool:
    return all(written_as_acronym(sp.text, key[1]) for sp in spans)


def defined_beside(acronym: Iterable[EntitySpan], long: Iterable[EntitySpan]) -> bool:
    """True when a mention of the acronym comes right before or after one of the long form."""
    ends = [(sp.start, sp.end) for sp in long]
    return any(0 <= a.start - end <= DEFINITION_GAP or 0 <= start - a.end <= DEFINITION_GAP
               for a in acronym for start, end in ends)  # fmt: skip


def join_acronyms(groups: dict[GroupKey, list[EntitySpan]]) -> None:
    """Move each acronym group's mentions into the one long form it spells (in place).

    Indexed by initials, so an article with thousands of names is joined in linear time.
    """
    by_initials: dict[str, list[GroupKey]] = {}
    for key in groups:
        spelled = initials(key[1])
        if MIN_LETTERS <= len(spelled):
            by_initials.setdefault(spelled, []).append(key)
    for key in [k for k in groups if k[1] in by_initials]:
        if not _is_acronym_group(key, groups[key]):
            continue
        candidates = [k for k in by_initials[key[1]] if k in groups and types_agree(key[0], k[0])]
        if len({k[1] for k in candidates}) != 1:
            continue  # none, or two long forms: which one the acronym means is not known
        # one long form tagged with two types: the acronym joins the one of its own type when there is one
        target = next((k for k in candidates if k[0] == key[0]), candidates[0])
        if len(key[1]) < SURE_LETTERS and not defined_beside(groups[key], groups[target]):
            continue
        groups[target].extend(groups.pop(key))
