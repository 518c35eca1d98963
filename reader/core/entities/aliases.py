"""One key per real-world entity: name normalisation plus the alias table ("U.S." and "America" are "United States").

The built-in table is data (`resources/entities/aliases.json`, each entry saying where its names come
from); the user's own "always: X is Y" rules are layered on top with `AliasTable.with_user`. A key is
the lower-case normal form of the entity's canonical name, so a key is also something the filter box's
`entity:"…"` can be turned into.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from reader.core.entities.mentions import canonical_name
from reader.paths import resources_dir

ALIAS_FILE = "aliases.json"
NAME_TYPES = ("PER", "ORG", "LOC", "MISC")  # the others (dates, money...) keep their dots: "3.5" is not "35"
_DOTS = re.compile(r"(?<=\w)\.(?=\w|$|\s)")
_SPACES = re.compile(r"\s+")
# "Acme Inc." and "Acme" are one company: the legal form says nothing about which company it is.
_LEGAL_FORM = re.compile(r",?\s+(?:inc|corp|corporation|co|ltd|llc|plc|gmbh|ag|sa|nv)$")


@lru_cache(maxsize=65536)  # an article names the same entity many times; a library, the same few thousand
def name_key(text: str, type: str = "") -> str:
    """The normal form of a name: case, quotes, a possessive, a leading "the" and (for names) dots do not count.

    "the U.S.", "US" and "U.S.'s" share "us"; "Acme Corp." and "Acme" share "acme".
    """
    key = canonical_name(text, type or "ORG")  # "ORG" drops a leading "the" for a query without a type
    if type and type not in NAME_TYPES:
        return canonical_name(text, type)
    key = _SPACES.sub(" ", _DOTS.sub("", key)).strip()
    if type in ("ORG", ""):
        key = _LEGAL_FORM.sub("", key) or key
    return key


@dataclass(frozen=True)
class Entity:
    """What an alias stands for: the canonical name and, for the built-in entries, its type ("" keeps the mention's)."""

    name: str
    type: str = ""

    @property
    def key(self) -> str:
        return name_key(self.name, self.type)


class AliasTable:
    """Normalised alias -> the entity it names. Immutable; `with_user` gives a new table with the user's rules.

    Built-in entries (countries, organisations) never apply to a person's name ("Jordan" the surname is
    not the country); the user's apply to any.
    """

    def __init__(self, entries: Mapping[str, Entity], version: str = "", user: Mapping[str, Entity] | None = None,
                 learned: Mapping[str, Entity] | None = None,
                 surnames: Mapping[str, Entity] | None = None) -> None:  # fmt: skip
        self._entries = dict(entries)
        self._user = dict(user or {})
        self._learned = dict(learned or {})  # acronyms the library's articles spelled out ("nsc")
        self._surnames = dict(surnames or {})  # bare surnames the library joins to one full name ("trump")
        self.version = version  # changes when the built-in keys change: stored keys are then made again

    def __len__(self) -> int:
        return len(self._entries) + len(self._user) + len(self._learned) + len(self._surnames)

    def _follow(self, entity: Entity) -> Entity:
        """Where a rule's target leads when the target is itself an alias (never round in a loop)."""
        seen = {entity.key}
        while True:
            further = self._user.get(entity.key) or self._entries.get(entity.key) or self._learned.get(entity.key)
            if further is None or further.key in seen:
                return entity
            seen.add(further.key)
            entity = further

    def _lookup(self, key: str, type: str, surnames: bool = True) -> Entity | None:
        if type and type not in NAME_TYPES:
            return None
        found = self._user.get(key)
        if found is None and type != "PER":
            found = self._entries.get(key) or self._learned.get(key)
        if found is None and surnames and type in ("PER", ""):
            found = self._surnames.get(key)
        return None if found is None else self._follow(found)

    def entity(self, text: str, type: str = "") -> Entity | None:
        """The entity a name is an alias of, if the table knows it."""
        return self._lookup(name_key(text, type), type)

    def resolve(self, text: str, type: str, *, surnames: bool = True) -> tuple[str, str]:
        """(key, type) of the entity a mention names: through the table when it knows the name, else its own.

        `surnames=False`: not through the library's joined surnames (an article's own full names come first).
        """
        key = name_key(text, type)
        found = self._lookup(key, type, surnames)
        return (key, type) if found is None else (found.key, found.type or type)

    def joined_surname(self, key: str) -> Entity | None:
        """The full name the library joins a bare surname's key to ("trump": Donald Trump), if it does."""
        found = self._surnames.get(key)
        return None if found is None else self._follow(found)

    def with_user(self, pairs: Iterable[tuple[str, str]]) -> AliasTable:
        """This table plus the user's "X is Y" rules (later ones win); Y may itself be an alias ("US")."""
        user = dict(self._user)
        for alias, target in pairs:
            entity = user.get(name_key(target)) or self._entries.get(name_key(target))
            entity = entity or Entity(" ".join(target.split()))
            for key in {name_key(alias), name_key(alias, "PER")}:
                if key and key != entity.key:
                    user[key] = entity
        return AliasTable(self._entries, self.version, user, self._learned, self._surnames)

    def with_learned(self, pairs: Iterable[tuple[str, str, str]]) -> AliasTable:
        """This table plus (acronym key, long form's key, its type) the library learned from its articles.

        Below the built-in table and the user's rules (which say otherwise when they know the name), and,
        like the built-in entries, never for a person's name.
        """
        learned = dict(self._learned)
        for alias, key, type in pairs:
            if alias != key and alias not in self._entries:
                learned[alias] = Entity(key, type)
        return AliasTable(self._entries, self.version, self._user, learned, self._surnames)

    def with_surnames(self, pairs: Iterable[tuple[str, str]]) -> AliasTable:
        """This table plus (surname, full name) the library joins (`store.surname_join`): only for a person's
        name, and below the user's rules. The full name as written ("Donald Trump") names the panel's row; its
        key ("donald trump") is the same."""
        surnames = dict(self._surnames)
        surnames.update((alias, Entity(full, "PER")) for alias, full in pairs if alias != name_key(full, "PER"))
        return AliasTable(self._entries, self.version, self._user, self._learned, surnames)

    def user_keys(self) -> dict[str, str]:
        """alias -> key of the user's own rules, followed to the end (the library applies them when it asks)."""
        return {alias: self._follow(e).key for alias, e in self._user.items()}

    def query_keys(self) -> dict[str, str]:
        """alias -> key of every rule not already in the stored keys: the learned acronyms and the user's rules."""
        learned = {alias: self._follow(e).key for alias, e in self._learned.items()}
        return {**learned, **self.user_keys()}

    def query_rows(self) -> list[tuple[str, str, str]]:
        """(alias, key, type or "" for any) of every rule not in the stored keys: `query_keys`, then the joined
        surnames (for persons only) that no acronym or user rule takes."""
        keys = self.query_keys()
        rows = [(alias, key, "") for alias, key in keys.items()]
        rows += [(alias, self._follow(e).key, "PER") for alias, e in self._surnames.items() if alias not in keys]
        return rows

    def names_of(self, key: str) -> list[str]:
        """Every normalised name that leads to `key`, itself first (for `entity:` search)."""
        every = [*self._entries.items(), *self._learned.items(), *self._surnames.items(), *self._user.items()]
        others = {a for a, e in every if self._follow(e).key == key}
        return [key, *sorted(others - {key})]


def load_table(path: Path) -> AliasTable:
    """The table in a JSON file of {"version", "entities": [{"name", "type", "aliases", "source"}]}."""
    data = json.loads(path.read_text(encoding="utf-8"))
    entries: dict[str, Entity] = {}
    for item in data["entities"]:
        entity = Entity(item["name"], item.get("type", ""))
        for alias in [item["name"], *item.get("aliases", [])]:
            entries[name_key(alias, entity.type)] = entity
    return AliasTable(entries, str(data.get("version", "")))


@cache
def builtin_table() -> AliasTable:
    """The shipped table (empty when the file is missing, so names are still grouped by their normal form)."""
    path = resources_dir() / "entities" / ALIAS_FILE
    return load_table(path) if path.is_file() else AliasTable({}, "none")
