"""Saved searches: a name and the search box's text, kept as one small value in the user database.

Written only through the session (`Session.save_search`, `remove_saved_search`, both undoable); a value
that cannot be read (edited by hand, a newer version) reads as no searches rather than failing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

KEY = "saved_searches"


@dataclass(frozen=True)
class SavedSearch:
    """One saved search: what the sidebar shows, and what goes back into the search box."""

    name: str
    query: str


def load(text: str | None) -> list[SavedSearch]:
    """The saved searches in a stored value, in the order they were saved."""
    try:
        items = json.loads(text or "[]")
    except ValueError:
        return []
    if not isinstance(items, list):
        return []
    return [SavedSearch(str(i["name"]), str(i["query"])) for i in items
            if isinstance(i, dict) and i.get("name") and "query" in i]  # fmt: skip


def dump(searches: list[SavedSearch]) -> str:
    return json.dumps([{"name": s.name, "query": s.query} for s in searches], ensure_ascii=False)


def with_search(searches: list[SavedSearch], name: str, query: str) -> list[SavedSearch]:
    """`searches` with `name` saved as `query` (in its old place when the name was taken)."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("A saved search needs a name.")
    if not query.strip():
        raise ValueError("There is no search to save: type one in the search box first (/).")
    new = SavedSearch(name, query.strip())
    if any(s.name == name for s in searches):
        return [new if s.name == name else s for s in searches]
    return [*searches, new]
